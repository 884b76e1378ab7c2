//! Postal addresses as each country writes them: which countries use postal codes, and the
//! one formatter every printed address goes through (the parties block under the title,
//! Annex I, the subprocessor table of Annex IV, the wizard's summary).
//!
//! The conventions are data, in the sections `postal_codes` and `address_formats` of
//! `catalogs/countries.yaml`: a pattern per country for the line with the town, e.g.
//! `{city}, {region} {postal_code}` for the US ("Seattle, WA 98101") and the default
//! `{postal_code} {city}, {region}` ("50667 Köln"). An address prints as
//! street, town line, country name; one line joins them with ", ".

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::Lang;
use crate::catalog::Catalogs;
use crate::model::Address;

/// Whether addresses in a country carry a postal code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostalCodeUse {
    /// Every address has one; `postal_code` is required.
    Required,
    /// A code exists but many addresses are written without it (Ireland's Eircode).
    Optional,
    /// The country has no postal codes (Hong Kong, the United Arab Emirates, ...).
    None,
}

impl PostalCodeUse {
    /// Whether an address in such a country may leave out `postal_code`.
    pub fn may_be_left_out(self) -> bool {
        self != PostalCodeUse::Required
    }
}

/// A field of the town line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    PostalCode,
    City,
    Region,
}

/// A town-line pattern: fields, each with the separator written before it.
#[derive(Debug, Clone, PartialEq)]
struct Pattern(Vec<(String, Part)>);

impl Pattern {
    /// Parses `{postal_code} {city}, {region}`. Text before the first field is ignored;
    /// every field must be one of the three and appear once.
    fn parse(s: &str) -> Result<Pattern, String> {
        let mut parts = Vec::new();
        let mut rest = s;
        let mut sep = String::new();
        while let Some(open) = rest.find('{') {
            sep.push_str(&rest[..open]);
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| format!("unclosed `{{` in `{s}`"))?;
            let name = &rest[open + 1..open + close];
            let part = match name {
                "postal_code" => Part::PostalCode,
                "city" => Part::City,
                "region" => Part::Region,
                other => return Err(format!("unknown field `{other}` in `{s}`")),
            };
            if parts.iter().any(|(_, p)| *p == part) {
                return Err(format!("`{name}` twice in `{s}`"));
            }
            parts.push((std::mem::take(&mut sep), part));
            rest = &rest[open + close + 1..];
        }
        if !parts.iter().any(|(_, p)| *p == Part::City) {
            return Err(format!("`{s}` has no {{city}}"));
        }
        Ok(Pattern(parts))
    }

    /// The town line: each non-empty field with the separator before it (none before the
    /// first one written); a non-empty field missing from the pattern follows after ", ".
    fn apply(&self, postal_code: &str, city: &str, region: &str) -> String {
        let value = |p: Part| match p {
            Part::PostalCode => postal_code.trim(),
            Part::City => city.trim(),
            Part::Region => region.trim(),
        };
        let mut out = String::new();
        for (sep, part) in &self.0 {
            let v = value(*part);
            if v.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str(sep);
            }
            out.push_str(v);
        }
        for part in [Part::PostalCode, Part::Region] {
            let v = value(part);
            if !v.is_empty() && !self.0.iter().any(|(_, p)| *p == part) {
                if !out.is_empty() {
                    out.push_str(", ");
                }
                out.push_str(v);
            }
        }
        out
    }
}

/// The postal conventions of all countries.
#[derive(Debug)]
pub struct Conventions {
    without: BTreeSet<String>,
    optional: BTreeSet<String>,
    default: Pattern,
    patterns: BTreeMap<String, Pattern>,
}

#[derive(Deserialize)]
struct PostalCodes {
    none: Vec<String>,
    optional: Vec<String>,
}

#[derive(Deserialize)]
struct FormatGroup {
    pattern: String,
    countries: Vec<String>,
}

#[derive(Deserialize)]
struct Formats {
    default: String,
    patterns: Vec<FormatGroup>,
}

#[derive(Deserialize)]
struct CountryFile {
    entries: Vec<CodeOnly>,
    postal_codes: PostalCodes,
    address_formats: Formats,
}

#[derive(Deserialize)]
struct CodeOnly {
    code: String,
}

const COUNTRIES: &str = include_str!("../catalogs/countries.yaml");

impl Conventions {
    fn load() -> Result<Conventions, String> {
        let f: CountryFile = serde_saphyr::from_str(COUNTRIES).map_err(|e| e.to_string())?;
        let known: BTreeSet<&str> = f.entries.iter().map(|e| e.code.as_str()).collect();
        let check = |code: &str, what: &str| {
            if known.contains(code) {
                Ok(())
            } else {
                Err(format!("{what}: unknown country `{code}`"))
            }
        };
        let mut without = BTreeSet::new();
        for c in &f.postal_codes.none {
            check(c, "postal_codes.none")?;
            without.insert(c.clone());
        }
        let mut optional = BTreeSet::new();
        for c in &f.postal_codes.optional {
            check(c, "postal_codes.optional")?;
            if without.contains(c) {
                return Err(format!("postal_codes: `{c}` is both none and optional"));
            }
            optional.insert(c.clone());
        }
        let mut patterns = BTreeMap::new();
        for g in &f.address_formats.patterns {
            let p = Pattern::parse(&g.pattern)?;
            for c in &g.countries {
                check(c, "address_formats")?;
                if patterns.insert(c.clone(), p.clone()).is_some() {
                    return Err(format!("address_formats: `{c}` has two patterns"));
                }
            }
        }
        Ok(Conventions {
            without,
            optional,
            default: Pattern::parse(&f.address_formats.default)?,
            patterns,
        })
    }

    /// The conventions, read once per process from `catalogs/countries.yaml`.
    ///
    /// Errors: `Error::Internal` if the built-in data is broken (a test keeps it whole).
    pub fn get() -> Result<&'static Conventions, crate::Error> {
        static CONVENTIONS: LazyLock<Result<Conventions, String>> =
            LazyLock::new(Conventions::load);
        CONVENTIONS.as_ref().map_err(|e| {
            crate::Error::Internal(format!("built-in catalogs/countries.yaml is broken: {e}"))
        })
    }

    /// The conventions, or, if the built-in data were broken, a stand-in that prints every
    /// address in the German order and requires every postal code. For callers that cannot
    /// fail (the template context); [`assemble`](crate::assemble::assemble) and the loader
    /// report the broken data through [`Conventions::get`].
    pub fn get_or_fallback() -> &'static Conventions {
        static FALLBACK: LazyLock<Conventions> = LazyLock::new(|| Conventions {
            without: BTreeSet::new(),
            optional: BTreeSet::new(),
            default: Pattern(vec![
                (String::new(), Part::PostalCode),
                (" ".to_string(), Part::City),
                (", ".to_string(), Part::Region),
            ]),
            patterns: BTreeMap::new(),
        });
        Conventions::get().unwrap_or(&FALLBACK)
    }

    /// Whether addresses in a country (upper-case code) carry a postal code.
    pub fn postal_code_use(&self, country: &str) -> PostalCodeUse {
        if self.without.contains(country) {
            PostalCodeUse::None
        } else if self.optional.contains(country) {
            PostalCodeUse::Optional
        } else {
            PostalCodeUse::Required
        }
    }

    /// The line with the town in the country's order: "50667 Köln", "Seattle, WA 98101",
    /// "Ottawa ON K2P 1L4", "London WC2B 6LH". Empty fields leave no trace.
    pub fn town_line(&self, country: &str, postal_code: &str, city: &str, region: &str) -> String {
        self.patterns
            .get(country)
            .unwrap_or(&self.default)
            .apply(postal_code, city, region)
    }
}

/// The lines of an address: street, town line (in the country's order), country name in
/// `lang`. Nothing is invented: a missing postal code or region leaves no gap.
pub fn lines(a: &Address, lang: Lang, cats: &Catalogs, conv: &Conventions) -> Vec<String> {
    let country = cats
        .country(&a.country)
        .map_or(a.country.as_str(), |c| c.name(lang));
    let town = conv.town_line(
        &a.country,
        a.postal_code.as_deref().unwrap_or(""),
        &a.city,
        a.region.as_deref().unwrap_or(""),
    );
    [a.street.trim(), town.as_str(), country]
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The address on one line: [`lines`] joined with ", ", e.g. "Lindenallee 4, 50667 Köln,
/// Deutschland" or "1200 Pine Street, Seattle, WA 98101, United States".
pub fn one_line(a: &Address, lang: Lang, cats: &Catalogs, conv: &Conventions) -> String {
    lines(a, lang, cats, conv).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(street: &str, pc: Option<&str>, city: &str, region: Option<&str>, c: &str) -> Address {
        Address {
            street: street.into(),
            postal_code: pc.map(Into::into),
            city: city.into(),
            region: region.map(Into::into),
            country: c.into(),
        }
    }

    fn line(a: &Address, lang: Lang) -> String {
        let cats = Catalogs::get().expect("catalogs");
        one_line(a, lang, cats, Conventions::get().expect("conventions"))
    }

    #[test]
    fn each_country_in_its_postal_order() {
        let cases = [
            (
                addr("Lindenallee 4", Some("50667"), "Köln", None, "DE"),
                Lang::De,
                "Lindenallee 4, 50667 Köln, Deutschland",
            ),
            (
                addr("Stephansplatz 1", Some("1010"), "Wien", None, "AT"),
                Lang::De,
                "Stephansplatz 1, 1010 Wien, Österreich",
            ),
            (
                addr("Bahnhofstrasse 1", Some("8001"), "Zürich", Some("ZH"), "CH"),
                Lang::De,
                "Bahnhofstrasse 1, 8001 Zürich, ZH, Schweiz",
            ),
            (
                addr(
                    "1200 Pine Street, Suite 400",
                    Some("98101"),
                    "Seattle",
                    Some("WA"),
                    "US",
                ),
                Lang::En,
                "1200 Pine Street, Suite 400, Seattle, WA 98101, United States",
            ),
            (
                addr(
                    "100 Queen Street",
                    Some("K2P 1L4"),
                    "Ottawa",
                    Some("ON"),
                    "CA",
                ),
                Lang::En,
                "100 Queen Street, Ottawa ON K2P 1L4, Canada",
            ),
            (
                addr("1 Kingsway", Some("WC2B 6LH"), "London", None, "GB"),
                Lang::En,
                "1 Kingsway, London WC2B 6LH, United Kingdom",
            ),
            (
                addr(
                    "Gordon House, Barrow Street",
                    Some("D04 E5W5"),
                    "Dublin 4",
                    None,
                    "IE",
                ),
                Lang::En,
                "Gordon House, Barrow Street, Dublin 4, D04 E5W5, Ireland",
            ),
            (
                addr("Main Street", None, "Ballyglen", Some("County Mayo"), "IE"),
                Lang::En,
                "Main Street, Ballyglen, County Mayo, Ireland",
            ),
            (
                addr("8 rue de la Paix", Some("75002"), "Paris", None, "FR"),
                Lang::En,
                "8 rue de la Paix, 75002 Paris, France",
            ),
            (
                addr("Damrak 1", Some("1012 LG"), "Amsterdam", None, "NL"),
                Lang::En,
                "Damrak 1, 1012 LG Amsterdam, Netherlands",
            ),
            (
                addr("Drottninggatan 1", Some("111 51"), "Stockholm", None, "SE"),
                Lang::En,
                "Drottninggatan 1, 111 51 Stockholm, Sweden",
            ),
            (
                addr("Strøget 1", Some("1160"), "København K", None, "DK"),
                Lang::En,
                "Strøget 1, 1160 København K, Denmark",
            ),
            (
                addr("Karl Johans gate 1", Some("0154"), "Oslo", None, "NO"),
                Lang::En,
                "Karl Johans gate 1, 0154 Oslo, Norway",
            ),
            (
                addr("Mannerheimintie 1", Some("00100"), "Helsinki", None, "FI"),
                Lang::En,
                "Mannerheimintie 1, 00100 Helsinki, Finland",
            ),
            (
                addr("Laugavegur 1", Some("101"), "Reykjavík", None, "IS"),
                Lang::En,
                "Laugavegur 1, 101 Reykjavík, Iceland",
            ),
            (
                addr(
                    "Unit 1203, 12/F, Tower 2, 33 Canton Road",
                    None,
                    "Hong Kong",
                    None,
                    "HK",
                ),
                Lang::En,
                "Unit 1203, 12/F, Tower 2, 33 Canton Road, Hong Kong, Hong Kong",
            ),
            (
                addr("Via Roma 1", Some("00144"), "Roma", Some("RM"), "IT"),
                Lang::De,
                "Via Roma 1, 00144 Roma RM, Italien",
            ),
        ];
        for (a, lang, expected) in cases {
            assert_eq!(line(&a, lang), expected);
        }
    }

    #[test]
    fn missing_parts_leave_no_separator() {
        let conv = Conventions::get().expect("conventions");
        assert_eq!(
            conv.town_line("US", "98101", "Seattle", ""),
            "Seattle 98101"
        );
        assert_eq!(conv.town_line("US", "", "Seattle", "WA"), "Seattle, WA");
        assert_eq!(conv.town_line("AE", "", "Dubai", ""), "Dubai");
        assert_eq!(
            conv.town_line("HK", "999077", "Hong Kong", ""),
            "999077 Hong Kong"
        );
        assert_eq!(
            conv.town_line("DE", "50667", "Köln", "NRW"),
            "50667 Köln, NRW"
        );
    }

    #[test]
    fn postal_code_use_comes_from_the_catalog() {
        let conv = Conventions::get().expect("conventions");
        assert_eq!(conv.postal_code_use("HK"), PostalCodeUse::None);
        assert_eq!(conv.postal_code_use("AE"), PostalCodeUse::None);
        assert_eq!(conv.postal_code_use("IE"), PostalCodeUse::Optional);
        assert_eq!(conv.postal_code_use("DE"), PostalCodeUse::Required);
        assert_eq!(conv.postal_code_use("GB"), PostalCodeUse::Required);
        assert!(!PostalCodeUse::Required.may_be_left_out());
    }

    #[test]
    fn patterns_are_checked() {
        assert!(Pattern::parse("{postal_code} {town}").is_err());
        assert!(Pattern::parse("{postal_code}").is_err());
        assert!(Pattern::parse("{city} {city}").is_err());
        assert!(Pattern::parse("{city").is_err());
    }
}
