//! Countries as people write them. A contract file names a country by its ISO 3166-1
//! alpha-2 code (`DE`, `GB`; `XK` for Kosovo). Everything else people write for a country
//! is known here, so that it can be refused with the code meant as the suggestion, never
//! mapped silently: three-letter codes (`DEU`, `GBR`), common non-ISO codes (`UK`, `EL`,
//! `GER`), and names in German, English and other usual spellings (`Deutschland`,
//! `United Kingdom`, `Großbritannien`, `USA`, `Österreich`).
//!
//! The data is `catalogs/country_spellings.yaml` plus the German and English names of
//! `catalogs/countries.yaml`. The one country rule ([`super::rules::country`]) and the
//! wizard's country completion both use [`Spellings`].

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::catalog::Catalogs;

/// What kind of spelling a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An ISO 3166-1 alpha-3 code (`DEU`).
    Alpha3,
    /// The country's German or English name in the catalog (`Deutschland`, `Germany`).
    Name,
    /// Another usual spelling: a non-ISO code or another name (`UK`, `EL`, `Holland`).
    Variant,
}

/// Every spelling of every country, folded (see [`fold`]) for lookup.
#[derive(Debug)]
pub struct Spellings {
    /// Folded spelling -> (alpha-2 code, kind).
    exact: HashMap<String, (String, Kind)>,
    /// (folded spelling, alpha-2 code), sorted, for prefix search and near matches.
    all: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct SpellingFile {
    alpha3: BTreeMap<String, String>,
    variants: BTreeMap<String, Vec<String>>,
}

const FILE: &str = include_str!("../../catalogs/country_spellings.yaml");

/// A spelling reduced to what tells countries apart: lower case, no accents, no dots or
/// apostrophes, other punctuation as spaces, single spaces. With `umlaut_e`, ä ö ü become
/// ae oe ue (German: `Oesterreich`), otherwise a o u (`Osterreich`); ß is always ss.
pub fn fold(s: &str, umlaut_e: bool) -> String {
    let mut pre = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' if umlaut_e => pre.push_str("ae"),
            'ö' if umlaut_e => pre.push_str("oe"),
            'ü' if umlaut_e => pre.push_str("ue"),
            'ß' => pre.push_str("ss"),
            'æ' => pre.push_str("ae"),
            'œ' => pre.push_str("oe"),
            'ø' => pre.push('o'),
            'ł' => pre.push('l'),
            'đ' | 'ð' => pre.push('d'),
            'þ' => pre.push_str("th"),
            'ı' => pre.push('i'),
            c => pre.push(c),
        }
    }
    let mut out = String::with_capacity(pre.len());
    let mut space = false;
    for c in pre.nfd() {
        if unicode_normalization::char::is_combining_mark(c)
            || matches!(c, '.' | '\'' | '’' | '`' | '´')
        {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

impl Spellings {
    fn load(cats: &Catalogs) -> Result<Spellings, String> {
        let f: SpellingFile = serde_saphyr::from_str(FILE).map_err(|e| e.to_string())?;
        let mut exact: HashMap<String, (String, Kind)> = HashMap::new();
        let mut add = |spelling: &str, code: &str, kind: Kind| -> Result<(), String> {
            if cats.country(code).is_none() {
                return Err(format!("`{spelling}`: unknown country `{code}`"));
            }
            if kind != Kind::Name
                && spelling.len() == 2
                && cats.country(&spelling.to_uppercase()).is_some()
            {
                return Err(format!(
                    "`{spelling}` (for {code}) is the ISO code of another country"
                ));
            }
            for key in [fold(spelling, true), fold(spelling, false)] {
                if key.is_empty() {
                    return Err(format!("`{spelling}` (for {code}) is empty when folded"));
                }
                match exact.get(&key) {
                    Some((other, _)) if other != code => {
                        return Err(format!("`{spelling}` means both {other} and {code}"));
                    }
                    Some(_) => {}
                    None => {
                        exact.insert(key, (code.to_string(), kind));
                    }
                }
            }
            Ok(())
        };
        for c in cats.countries.values() {
            add(&c.de, &c.code, Kind::Name)?;
            add(&c.en, &c.code, Kind::Name)?;
        }
        for (code, a3) in &f.alpha3 {
            if a3.len() != 3 || !a3.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(format!("alpha3 of {code}: `{a3}` is not three capitals"));
            }
            add(a3, code, Kind::Alpha3)?;
        }
        if let Some(c) = cats.countries.keys().find(|c| !f.alpha3.contains_key(*c)) {
            return Err(format!("alpha3: no code for {c}"));
        }
        for (code, list) in &f.variants {
            for v in list {
                add(v, code, Kind::Variant)?;
            }
        }
        let mut all: Vec<(String, String)> = exact
            .iter()
            .map(|(k, (code, _))| (k.clone(), code.clone()))
            .collect();
        all.sort();
        Ok(Spellings { exact, all })
    }

    /// The spellings, built once per process.
    ///
    /// Errors: `Error::Internal` if the built-in data is broken (a test keeps it whole).
    pub fn get() -> Result<&'static Spellings, crate::Error> {
        static SPELLINGS: LazyLock<Result<Spellings, String>> = LazyLock::new(|| {
            let cats = Catalogs::get().map_err(|e| e.to_string())?;
            Spellings::load(cats)
        });
        SPELLINGS.as_ref().map_err(|e| {
            crate::Error::Internal(format!(
                "built-in catalogs/country_spellings.yaml is broken: {e}"
            ))
        })
    }

    /// The country a value names, if it is a known spelling (not an alpha-2 code), and
    /// what kind of spelling it is: `UK` -> (`GB`, Variant), `deu` -> (`DE`, Alpha3),
    /// `Österreich` -> (`AT`, Name).
    pub fn lookup(&self, s: &str) -> Option<(&str, Kind)> {
        [fold(s, true), fold(s, false)]
            .iter()
            .find_map(|k| self.exact.get(k))
            .map(|(code, kind)| (code.as_str(), *kind))
    }

    /// The codes of the countries with a spelling that starts with `prefix` (folded), each
    /// once, in the order of their spellings.
    pub fn starting_with(&self, prefix: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in [fold(prefix, true), fold(prefix, false)] {
            if p.is_empty() {
                continue;
            }
            let start = self.all.partition_point(|(k, _)| k.as_str() < p.as_str());
            for (k, code) in &self.all[start..] {
                if !k.starts_with(&p) {
                    break;
                }
                if !out.contains(&code.as_str()) {
                    out.push(code);
                }
            }
        }
        out
    }

    /// The country of the nearest spelling, for a value of four or more letters that is
    /// close to one (a typo such as `Deutchland`); `None` when nothing is close enough.
    pub fn nearest(&self, s: &str) -> Option<&str> {
        let key = fold(s, true);
        if key.chars().count() < 4 {
            return None;
        }
        self.all
            .iter()
            .filter(|(k, _)| k.chars().count() >= 4)
            .map(|(k, code)| (strsim::jaro_winkler(&key, k), code))
            .filter(|(score, _)| *score > 0.9)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, code)| code.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp() -> &'static Spellings {
        Spellings::get().expect("spellings")
    }

    #[test]
    fn the_data_loads_without_conflicts() {
        let s = sp();
        assert!(s.exact.len() > 600, "{}", s.exact.len());
    }

    #[test]
    fn folding_ignores_case_accents_dots_and_umlaut_spelling() {
        assert_eq!(fold("U.K.", true), "uk");
        assert_eq!(fold("  Côte d'Ivoire ", true), "cote divoire");
        assert_eq!(fold("Bosnia-Herzegovina", true), "bosnia herzegovina");
        assert_eq!(fold("Österreich", true), "oesterreich");
        assert_eq!(fold("Österreich", false), "osterreich");
        assert_eq!(fold("Großbritannien", true), "grossbritannien");
    }

    #[test]
    fn common_spellings_name_the_right_country() {
        let s = sp();
        for (written, code, kind) in [
            ("UK", "GB", Kind::Variant),
            ("u.k.", "GB", Kind::Variant),
            ("EL", "GR", Kind::Variant),
            ("GER", "DE", Kind::Variant),
            ("DEU", "DE", Kind::Alpha3),
            ("gbr", "GB", Kind::Alpha3),
            ("USA", "US", Kind::Alpha3),
            ("AUT", "AT", Kind::Alpha3),
            ("CHE", "CH", Kind::Alpha3),
            ("IRL", "IE", Kind::Alpha3),
            ("XKX", "XK", Kind::Alpha3),
            ("Deutschland", "DE", Kind::Name),
            ("Germany", "DE", Kind::Name),
            ("United Kingdom", "GB", Kind::Name),
            ("Großbritannien", "GB", Kind::Variant),
            ("Grossbritannien", "GB", Kind::Variant),
            ("Vereinigte Staaten", "US", Kind::Name),
            ("United States of America", "US", Kind::Variant),
            ("Schweiz", "CH", Kind::Name),
            ("Österreich", "AT", Kind::Name),
            ("Oesterreich", "AT", Kind::Name),
            ("Osterreich", "AT", Kind::Name),
            ("Holland", "NL", Kind::Variant),
            ("Türkei", "TR", Kind::Name),
            ("Turkey", "TR", Kind::Variant),
            ("Kosovo", "XK", Kind::Name),
        ] {
            assert_eq!(s.lookup(written), Some((code, kind)), "{written}");
        }
        assert_eq!(s.lookup("Atlantis"), None);
        assert_eq!(s.lookup("GB"), None, "an alpha-2 code is not a spelling");
    }

    #[test]
    fn every_alpha3_code_is_known() {
        let cats = Catalogs::get().expect("catalogs");
        let s = sp();
        let f: SpellingFile = serde_saphyr::from_str(FILE).expect("file");
        for code in cats.countries.keys() {
            let a3 = &f.alpha3[code];
            assert_eq!(s.lookup(a3), Some((code.as_str(), Kind::Alpha3)), "{a3}");
        }
    }

    #[test]
    fn prefixes_and_near_matches() {
        let s = sp();
        assert_eq!(s.starting_with("uk").first(), Some(&"GB"));
        assert!(s.starting_with("ukr").contains(&"UA"));
        assert!(!s.starting_with("ukr").contains(&"GB"));
        assert_eq!(s.nearest("Deutchland"), Some("DE"));
        assert_eq!(s.nearest("Grossbritanien"), Some("GB"));
        assert_eq!(s.nearest("Qwertz"), None);
        assert_eq!(s.nearest("XY"), None);
    }
}
