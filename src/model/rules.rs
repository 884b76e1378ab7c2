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

/// A text field of one line (names, roles, places, ...): [`lines`], and no line break.
/// A text pasted as a YAML `|` block or with `\n` is refused with a hint, never run
/// together into one line.
pub fn text(s: &str) -> Result<String, Refusal> {
    let t = lines(s)?;
    if t.contains('\n') {
        return Err(refuse(
            crate::tr!("text-line-break"),
            crate::tr!("text-line-break-hint"),
        ));
    }
    Ok(t)
}

/// The street of an address: [`lines`], with address lines pasted one per line joined by
/// ", " ("Gordon House" / "Barrow Street" -> "Gordon House, Barrow Street").
pub fn street(s: &str) -> Result<String, Refusal> {
    let t = lines(s)?;
    Ok(t.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", "))
}

/// A text that may have several lines (purpose, subject matter, custom measures): trimmed,
/// not empty, at most [`TEXT_LIMIT`] characters, no control or direction-changing
/// characters (line breaks and tabs are allowed; U+2028 and U+2029 count as line breaks);
/// spaces at line ends removed. Non-breaking spaces and soft hyphens are kept.
pub fn lines(s: &str) -> Result<String, Refusal> {
    let normalised: String;
    let s = if s.contains(['\u{2028}', '\u{2029}']) {
        normalised = s.replace(['\u{2028}', '\u{2029}'], "\n");
        normalised.as_str()
    } else {
        s
    };
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
    if t.contains('\n') {
        return Ok(t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n"));
    }
    Ok(t.to_string())
}

/// Whether a field takes text of several lines ([`lines`]); `path` as in messages, e.g.
/// `processing.purpose` or `security.custom[0].text`.
pub fn takes_lines(path: &str) -> bool {
    let bare: String = {
        let mut out = String::with_capacity(path.len());
        let mut in_index = false;
        for c in path.chars() {
            match c {
                '[' => in_index = true,
                ']' => in_index = false,
                c if !in_index => out.push(c),
                _ => {}
            }
        }
        out
    };
    matches!(
        bare.as_str(),
        "processing.purpose" | "processing.subject_matter" | "security.custom.text"
    )
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

/// An ISO date. A German `1.12.2026` (or `1.12.26`) and an ISO date with one-digit parts
/// (`2027-6-30`, `2027/06/30`) are refused with the exact ISO spelling as the hint.
pub fn date(s: &str) -> Result<Date, Refusal> {
    if let Some(d) = Date::parse_iso(s.trim()) {
        return Ok(d);
    }
    let t = s.trim();
    let parts = |sep: char| -> Vec<&str> { t.split(sep).map(str::trim).collect() };
    let short = |p: &str| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit());
    let year = |p: &str| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit());
    // German `15.11.2026`, or ISO with one-digit month or day `2027-6-30` / `2027/06/30`.
    let meant = match (
        parts('.').as_slice(),
        parts('-').as_slice(),
        parts('/').as_slice(),
    ) {
        // A two-digit year (`15.11.26`) is taken to be in this century.
        ([d, m, y], _, _) if year(y) && short(d) && short(m) => Some((y.to_string(), *m, *d)),
        ([d, m, y], _, _) if y.len() == 2 && short(y) && short(d) && short(m) => {
            Some((format!("20{y}"), *m, *d))
        }
        (_, [y, m, d], _) | (_, _, [y, m, d]) if year(y) && short(m) && short(d) => {
            Some((y.to_string(), *m, *d))
        }
        _ => None,
    };
    let german = meant.and_then(|(y, m, d)| Date::parse_iso(&format!("{y}-{m:0>2}-{d:0>2}")));
    let hint = match german {
        Some(d) => format!("write the date as YYYY-MM-DD: `{d}`"),
        None => "write a real date as YYYY-MM-DD, e.g. 2026-12-01".to_string(),
    };
    Err(refuse(format!("`{s}` is not a valid date"), hint))
}

/// A country: an ISO 3166-1 alpha-2 code (any case; `XK` for Kosovo). Every other way of
/// writing a country (`UK`, `EL`, `GER`, an alpha-3 code, a name in German or English, a
/// near miss of one) is refused with the code meant as the suggestion, never mapped
/// silently. The one rule for every place a country is read: addresses, locations,
/// governing law, the CSV country column and the wizard.
pub fn country(s: &str, cats: &Catalogs) -> Result<String, Refusal> {
    use super::country::{Kind, Spellings};
    let t = s.trim();
    let code = t.to_uppercase();
    if t.len() == 2 && cats.country(&code).is_some() {
        return Ok(code);
    }
    let spellings = Spellings::get().ok();
    let meant = spellings.and_then(|sp| sp.lookup(t));
    let near = || spellings.and_then(|sp| sp.nearest(t));
    let suggest = |code: &str| {
        let name = cats
            .country(code)
            .map_or(code, |c| c.name(crate::i18n::lang()));
        crate::tr!("country-did-you-mean", code = code, name = name)
    };
    Err(match meant {
        Some((code, Kind::Alpha3)) => {
            refuse(crate::tr!("country-is-alpha3", value = t), suggest(code))
        }
        Some((code, Kind::Name)) => {
            refuse(crate::tr!("country-is-a-name", value = t), suggest(code))
        }
        Some((code, Kind::Variant)) => {
            refuse(crate::tr!("country-not-iso", value = t), suggest(code))
        }
        None => match near() {
            Some(code) => refuse(crate::tr!("country-not-a-code", value = t), suggest(code)),
            None => refuse(
                crate::tr!("country-not-a-code", value = t),
                crate::tr!("country-hint-codes"),
            ),
        },
    })
}

/// A processing location or recipient: an ISO 3166-1 alpha-2 country code, or the `org:` id
/// of an international organisation (`org:epo`, `catalogs/international_organisations.yaml`).
pub fn location(s: &str, cats: &Catalogs) -> Result<String, Refusal> {
    let t = s.trim();
    if t.len() > 4 && t.is_char_boundary(4) && t[..4].eq_ignore_ascii_case("org:") {
        let id = t.to_lowercase();
        if cats.organisations.contains_key(&id) {
            return Ok(id);
        }
        let short: Vec<&str> = cats
            .organisations
            .keys()
            .filter_map(|k| k.strip_prefix("org:"))
            .collect();
        let hint = match did_you_mean(&id[4..], short.iter().copied()) {
            Some(m) => crate::tr!("input-did-you-mean", value = format!("org:{m}")),
            None => crate::tr!(
                "input-known-organisations",
                list = short
                    .iter()
                    .map(|k| format!("org:{k}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return Err(refuse(
            crate::tr!("input-unknown-organisation", value = t),
            hint,
        ));
    }
    country(s, cats)
}

/// An EU Member State (for `terms.scc_member_state`): a country code of one of the 27.
pub fn eu_member_state(s: &str, cats: &Catalogs) -> Result<String, Refusal> {
    let code = country(s, cats)?;
    if cats.is_eu_member_state(&code) {
        return Ok(code);
    }
    let name = cats
        .country(&code)
        .map(|c| c.name(crate::i18n::lang()).to_string())
        .unwrap_or_else(|| code.clone());
    Err(refuse(
        crate::tr!(
            "input-not-eu-member-state",
            name = name,
            code = code.as_str()
        ),
        crate::tr!("input-not-eu-member-state-hint"),
    ))
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
    fn line_breaks_by_field() {
        // One-line fields refuse a line break, also one written as U+2028.
        for s in ["Pixelwerk\nWebdesign", "Pixelwerk\u{2028}Webdesign"] {
            let r = text(s).expect_err("line break");
            assert_eq!(
                r.message,
                "the text has a line break, but this field takes one line"
            );
        }
        assert_eq!(
            text("Pixelwerk\n").as_deref(),
            Ok("Pixelwerk"),
            "a block's last break"
        );
        // Texts of several lines keep them, without spaces at line ends.
        assert_eq!(
            lines("Hosting:  \n- Server\u{2029}- Updates\n").as_deref(),
            Ok("Hosting:\n- Server\n- Updates")
        );
        // A street pasted as address lines becomes one line.
        assert_eq!(
            street("Gordon House\n  Barrow Street\n").as_deref(),
            Ok("Gordon House, Barrow Street")
        );
        // Non-breaking spaces and soft hyphens are text.
        assert_eq!(
            text("Dr.\u{a0}Weber Auftrags\u{ad}verarbeitung").as_deref(),
            Ok("Dr.\u{a0}Weber Auftrags\u{ad}verarbeitung")
        );
        assert!(takes_lines("processing.purpose"));
        assert!(takes_lines("security.custom[3].text"));
        assert!(!takes_lines("processing.data_categories[0].text"));
        assert!(!takes_lines("controller.name"));
    }

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
            Err("did you mean `DE`? (Germany)".to_string())
        );
        assert_eq!(location("org:EPO", cats).as_deref(), Ok("org:epo"));
        assert_eq!(location("IN", cats).as_deref(), Ok("IN"));
        assert_eq!(
            location("org:epa", cats).map_err(|r| r.hint),
            Err("did you mean `org:epo`?".to_string())
        );
        assert!(country("org:epo", cats).is_err(), "not an address country");
        assert_eq!(eu_member_state("ie", cats).as_deref(), Ok("IE"));
        assert!(eu_member_state("NO", cats).is_err());
        for (typed, iso) in [
            ("15.11.2026", "2026-11-15"),
            ("2027-6-30", "2027-06-30"),
            ("2027-06-3", "2027-06-03"),
            ("2027/6/30", "2027-06-30"),
            (" 1.2.2027 ", "2027-02-01"),
            ("15.11.26", "2026-11-15"),
        ] {
            assert_eq!(
                date(typed).map_err(|r| r.hint),
                Err(format!("write the date as YYYY-MM-DD: `{iso}`")),
                "{typed}"
            );
        }
        assert_eq!(
            date("31.2.2027").map_err(|r| r.hint),
            Err("write a real date as YYYY-MM-DD, e.g. 2026-12-01".to_string())
        );
        assert_eq!(country("xk", cats).as_deref(), Ok("XK"));
        assert_eq!(
            country("UK", cats).map_err(|r| (r.message, r.hint)),
            Err((
                "`UK` is not an ISO 3166-1 country code".to_string(),
                "did you mean `GB`? (United Kingdom)".to_string()
            ))
        );
        {
            let _de = crate::i18n::scoped(crate::Lang::De);
            assert_eq!(
                country("UK", cats).map_err(|r| (r.message, r.hint)),
                Err((
                    "`UK` ist kein Ländercode nach ISO 3166-1".to_string(),
                    "meinten Sie `GB`? (Vereinigtes Königreich)".to_string()
                ))
            );
        }
        assert!(phone("+49 (221) 000-00").is_ok());
        assert!(phone("call me").is_err());
    }
}
