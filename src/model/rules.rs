//! Field rules shared by the YAML validator and the wizard: one code path decides what a
//! valid text, e-mail address, date, country or catalog id is, and how to say it is not.

use crate::catalog::{Catalog, Catalogs};
use crate::error::did_you_mean;

use super::Date;

/// Longest accepted text in any field, in characters.
pub const TEXT_LIMIT: usize = 4000;

/// Why a value was refused, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

fn refuse(message: impl Into<String>, hint: impl Into<String>) -> Refusal {
    Refusal {
        message: message.into(),
        hint: hint.into(),
    }
}

/// A text field: trimmed, not empty, at most [`TEXT_LIMIT`] characters, no control or
/// direction-changing characters (line breaks and tabs are allowed).
pub fn text(s: &str) -> Result<String, Refusal> {
    let t = s.trim();
    if t.is_empty() {
        return Err(refuse(
            "the text is empty",
            "write the value, or remove the key if it is optional",
        ));
    }
    let n = t.chars().count();
    if n > TEXT_LIMIT {
        return Err(refuse(
            format!("the text is {n} characters long; at most {TEXT_LIMIT} are allowed"),
            "shorten it; long descriptions belong in the main agreement",
        ));
    }
    if let Some(c) = t
        .chars()
        .find(|c| (c.is_control() && *c != '\n' && *c != '\t') || crate::error::is_bidi_control(*c))
    {
        return Err(refuse(
            format!(
                "the text contains the invisible character U+{:04X}",
                c as u32
            ),
            "remove it; copy-pasted text sometimes carries invisible characters",
        ));
    }
    Ok(t.to_string())
}

/// An e-mail address.
pub fn email(s: &str) -> Result<String, Refusal> {
    let t = text(s)?;
    if is_email(&t) {
        Ok(t)
    } else {
        Err(refuse(
            format!("`{t}` is not an e-mail address"),
            "write it as name@example.com",
        ))
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let ok_chars = |t: &str| {
        !t.chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"@\\".contains(c))
    };
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && ok_chars(local)
        && ok_chars(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
}

/// An ISO date; a German `1.12.2026` gets the ISO spelling as hint.
pub fn date(s: &str) -> Result<Date, Refusal> {
    if let Some(d) = Date::parse_iso(s.trim()) {
        return Ok(d);
    }
    let parts: Vec<&str> = s.trim().split('.').map(str::trim).collect();
    let german = match parts.as_slice() {
        [d, m, y] if y.len() == 4 => Date::parse_iso(&format!("{y}-{m:0>2}-{d:0>2}")),
        _ => None,
    };
    let hint = match german {
        Some(d) => format!("write the date as YYYY-MM-DD: `{d}`"),
        None => "write a real date as YYYY-MM-DD, e.g. 2026-12-01".to_string(),
    };
    Err(refuse(format!("`{s}` is not a valid date"), hint))
}

/// An ISO 3166-1 alpha-2 country code (any case); a country name gets its code as hint.
pub fn country(s: &str, cats: &Catalogs) -> Result<String, Refusal> {
    let t = s.trim();
    let code = t.to_uppercase();
    if t.len() == 2 && cats.country(&code).is_some() {
        return Ok(code);
    }
    let by_name = cats
        .countries
        .values()
        .find(|c| c.de.eq_ignore_ascii_case(t) || c.en.eq_ignore_ascii_case(t));
    let hint = match by_name {
        Some(c) => format!("use the ISO 3166-1 alpha-2 code: `{}`", c.code),
        None => "use an ISO 3166-1 alpha-2 code such as DE, AT, FR, US (`dpa catalog countries`)"
            .to_string(),
    };
    Err(refuse(format!("`{s}` is not a country code"), hint))
}

/// A warning (not a refusal: codes change, and most countries are not in the catalog) for
/// a postal code that does not have the number of digits of its country's codes
/// (`catalogs/postal_codes.yaml`); for a code one digit short in a country whose codes can
/// begin with 0, the hint suggests the code with the zero that a spreadsheet dropped.
/// `None` if the code looks right, has other characters than digits, or the country is not
/// in the catalog.
pub fn postal_code_length(code: &str, country: &str, cats: &Catalogs) -> Option<Refusal> {
    let code = code.trim();
    let format = cats.postal_codes.get(&country.trim().to_uppercase())?;
    let n = code.chars().count();
    if n == format.digits || n == 0 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let name = cats
        .country(&format.country)
        .map(|c| c.name(crate::i18n::lang()).to_string())
        .unwrap_or_else(|| format.country.clone());
    let message = crate::tr!(
        "postal-code-length",
        code = code,
        length = n,
        country = name,
        digits = format.digits
    );
    let hint = if format.leading_zero && n + 1 == format.digits {
        crate::tr!("postal-code-lost-zero", fixed = format!("0{code}"))
    } else {
        crate::tr!("postal-code-check", digits = format.digits)
    };
    Some(refuse(message, hint))
}

/// An id of a catalog.
pub fn catalog_id(s: &str, catalog: &Catalog, what: &str) -> Result<String, Refusal> {
    if catalog.get(s).is_some() {
        return Ok(s.to_string());
    }
    let hint = match did_you_mean(s, catalog.ids()) {
        Some(m) => format!("did you mean `{m}`? (run `dpa catalog` for the list)"),
        None => format!(
            "known values: {}",
            catalog.ids().collect::<Vec<_>>().join(", ")
        ),
    };
    Err(refuse(format!("unknown {what} `{s}`"), hint))
}

/// A phone number: digits, spaces and `+ - / ( )`.
pub fn phone(s: &str) -> Result<String, Refusal> {
    let t = text(s)?;
    if t.chars()
        .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
        && t.chars().any(|c| c.is_ascii_digit())
    {
        Ok(t)
    } else {
        Err(refuse(
            format!("`{t}` is not a phone number"),
            "use digits, spaces, + - / ( ) only, e.g. +49 221 000000",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for good in [
            "a@b.de",
            "jonas.klein+dpa@example.co.uk",
            "dsb@sub.example.de",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "a@b", "@b.de", "a b@c.de", "a@@b.de", "a@.de", "a@b..de", "a@b.de.", "a@-b.de",
            "<a@b.de>",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn texts_dates_countries() {
        assert!(text("  ").is_err());
        assert!(text("a\u{202e}b").is_err());
        assert_eq!(text(" Köln ").as_deref(), Ok("Köln"));
        assert_eq!(
            date("1.12.2026").map_err(|r| r.hint),
            Err("write the date as YYYY-MM-DD: `2026-12-01`".to_string())
        );
        let cats = Catalogs::get().expect("catalogs");
        assert_eq!(country("no", cats).as_deref(), Ok("NO"));
        assert_eq!(
            country("Germany", cats).map_err(|r| r.hint),
            Err("use the ISO 3166-1 alpha-2 code: `DE`".to_string())
        );
        assert!(phone("+49 (221) 000-00").is_ok());
        crate::i18n::set_lang(crate::Lang::En);
        assert_eq!(
            postal_code_length("1067", "de", cats),
            Some(refuse(
                "`1067` has 4 digits; postal codes in Germany have 5",
                "a spreadsheet may have dropped the leading zero: did you mean `01067`? (format the column as text before you export)"
            ))
        );
        assert_eq!(
            postal_code_length("101", "AT", cats).map(|r| r.hint),
            Some("check the postal code: it should have 4 digits".to_string())
        );
        for fine in [
            ("01067", "DE"),
            ("1010", "AT"),
            ("D04 E5W5", "IE"),
            ("0-1067", "DE"),
            ("123", "NL"),
        ] {
            assert_eq!(postal_code_length(fine.0, fine.1, cats), None, "{fine:?}");
        }
        assert!(phone("call me").is_err());
    }
}
