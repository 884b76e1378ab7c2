//! The field rules at the prompt, in the wizard's words.
//!
//! What is valid is decided by the shared rules of [`crate::model::rules`] (the YAML
//! loader uses the same code); only the refusal is worded here, about the answer and in
//! the person's language ("write a whole number"), not about YAML ("without quotes"),
//! because the loader's messages speak about a file the person never sees. On top of the
//! file format, the prompt reads what people type: German dates (`15.11.2026`), numbers
//! with thousands separators (`50.000`), a country by its name or by the start of it when
//! only one country fits. Such answers are shown back as understood (see
//! [`Understood`]).

use crate::catalog::{Catalogs, Country};
use crate::model::Date;
use crate::model::rules::{self, TEXT_LIMIT};
use crate::{Lang, tr};

/// A refusal, worded for the person.
pub(in crate::wizard) type Refused = String;

/// A value read from an answer, and how to show it back when it is not literally what
/// was typed (`15.11.2026` -> `2026-11-15`).
pub(in crate::wizard) trait Understood {
    /// The value as the contract will hold it, for "understood as …".
    fn shown(&self, ui: Lang) -> String;

    /// Whether `typed` says the same as [`Understood::shown`] (then nothing is shown
    /// back): the same apart from case and spaces.
    fn same_as(&self, typed: &str, ui: Lang) -> bool {
        let norm = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect()
        };
        norm(&self.shown(ui)) == norm(typed)
    }
}

impl Understood for String {
    fn shown(&self, _: Lang) -> String {
        self.clone()
    }
}

impl Understood for u32 {
    fn shown(&self, _: Lang) -> String {
        self.to_string()
    }
}

impl Understood for u64 {
    fn shown(&self, _: Lang) -> String {
        self.to_string()
    }
}

impl Understood for Date {
    fn shown(&self, ui: Lang) -> String {
        format!("{} ({self})", self.long(ui))
    }

    fn same_as(&self, typed: &str, _: Lang) -> bool {
        self.to_string() == typed.trim()
    }
}

impl<T: Understood> Understood for Option<T> {
    fn shown(&self, ui: Lang) -> String {
        self.as_ref().map(|v| v.shown(ui)).unwrap_or_default()
    }

    fn same_as(&self, typed: &str, ui: Lang) -> bool {
        self.as_ref().is_none_or(|v| v.same_as(typed, ui))
    }
}

/// Country codes read from an answer, with their names for "understood as".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::wizard) struct Countries {
    /// ISO codes, in the order typed.
    pub(in crate::wizard) codes: Vec<String>,
    names: Vec<String>,
}

impl Countries {
    fn of(codes: Vec<String>, cats: &Catalogs, ui: Lang) -> Countries {
        let names = codes
            .iter()
            .map(|c| {
                cats.location(c)
                    .map_or(c.clone(), |c| c.name(ui).to_string())
            })
            .collect();
        Countries { codes, names }
    }
}

impl Understood for Countries {
    fn shown(&self, _: Lang) -> String {
        self.codes
            .iter()
            .zip(&self.names)
            .map(|(c, n)| format!("{c} ({n})"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Typing the codes themselves needs no echo.
    fn same_as(&self, typed: &str, _: Lang) -> bool {
        let norm = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect()
        };
        norm(&self.codes.join(",")) == norm(typed)
    }
}

/// A required text: trimmed, not empty, not too long, no invisible control characters.
pub(in crate::wizard) fn text(s: &str) -> Result<String, Refused> {
    rules::text(s).map_err(|_| {
        let t = s.trim();
        let n = t.chars().count();
        if t.is_empty() {
            tr!("wizard-refuse-empty")
        } else if n > TEXT_LIMIT {
            tr!("wizard-refuse-too-long", count = n, limit = TEXT_LIMIT)
        } else {
            let code = t
                .chars()
                .find(|c| {
                    (c.is_control() && *c != '\n' && *c != '\t')
                        || crate::error::is_bidi_control(*c)
                })
                .map(|c| format!("U+{:04X}", c as u32))
                .unwrap_or_default();
            tr!("wizard-refuse-invisible", code = code)
        }
    })
}

/// An optional field: empty is "none", anything else must pass `rule`.
pub(in crate::wizard) fn optional<T>(
    rule: impl Fn(&str) -> Result<T, Refused>,
) -> impl Fn(&str) -> Result<Option<T>, Refused> {
    move |s: &str| {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            rule(s).map(Some)
        }
    }
}

/// An e-mail address.
pub(in crate::wizard) fn email(s: &str) -> Result<String, Refused> {
    let t = text(s)?;
    rules::email(&t).map_err(|_| {
        if t.contains(char::is_whitespace) {
            tr!("wizard-refuse-email-space", answer = t)
        } else {
            tr!("wizard-refuse-email", answer = t)
        }
    })
}

/// A phone number.
pub(in crate::wizard) fn phone(s: &str) -> Result<String, Refused> {
    let t = text(s)?;
    rules::phone(&t).map_err(|_| tr!("wizard-refuse-phone", answer = t))
}

/// A date: `2026-11-15` as in the file, or the German `15.11.2026`.
pub(in crate::wizard) fn date(s: &str) -> Result<Date, Refused> {
    let t = text(s)?;
    if let Ok(d) = rules::date(&t) {
        return Ok(d);
    }
    let parts: Vec<&str> = t.split('.').map(str::trim).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
        && (1..=2).contains(&d.len())
        && (1..=2).contains(&m.len())
        && let Some(date) = Date::parse_iso(&format!("{y}-{m:0>2}-{d:0>2}"))
    {
        return Ok(date);
    }
    Err(tr!("wizard-refuse-date", answer = t))
}

/// Characters that may group thousands: `50.000`, `50,000`, `50 000`, `50'000`.
const GROUPING: [char; 6] = ['.', ',', ' ', '\'', '\u{a0}', '\u{202f}'];

/// The digits of `t` if it is a whole number, possibly with one kind of thousands
/// separator between groups of three digits.
fn whole_digits(t: &str) -> Option<String> {
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        return Some(t.to_string());
    }
    let sep = t.chars().find(|c| GROUPING.contains(c))?;
    let groups: Vec<&str> = t.split(sep).collect();
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    let ok = groups.len() >= 2
        && groups.iter().all(|g| digits(g))
        && groups.first().is_some_and(|g| g.len() <= 3)
        && groups.iter().skip(1).all(|g| g.len() == 3);
    ok.then(|| groups.concat())
}

/// A whole number from 0 to `max`.
pub(in crate::wizard) fn whole(s: &str, max: u64) -> Result<u64, Refused> {
    let t = s.trim();
    if t.is_empty() {
        return Err(tr!("wizard-refuse-number-empty"));
    }
    let unsigned = t.strip_prefix('+').unwrap_or(t).trim();
    if let Some(d) = whole_digits(unsigned) {
        return match d.parse::<u64>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(tr!("wizard-refuse-number-too-big", max = max.to_string())),
        };
    }
    if let Some(rest) = t.strip_prefix('-')
        && (whole_digits(rest.trim()).is_some() || rest.trim().parse::<f64>().is_ok())
    {
        return Err(tr!("wizard-refuse-number-negative"));
    }
    let decimal = t.replace(',', ".");
    if decimal.parse::<f64>().is_ok() {
        return Err(tr!("wizard-refuse-number-decimal", answer = t));
    }
    // A number followed by a unit: "24 Stunden", "30 Tage", "50.000 EUR".
    let split = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || GROUPING.contains(c)))
        .map_or(t.len(), |(i, _)| i);
    let (number, unit) = t.split_at(split);
    if whole_digits(number.trim()).is_some() && !unit.trim().is_empty() {
        return Err(tr!(
            "wizard-refuse-number-unit",
            number = number.trim(),
            unit = unit.trim()
        ));
    }
    Err(tr!("wizard-refuse-number", answer = t))
}

/// The country code of an answer: suggestions read "DE — Deutschland"; the code is what
/// the country rule decides on.
pub(in crate::wizard) fn code_part(s: &str) -> &str {
    s.split(" — ").next().unwrap_or(s).trim()
}

/// One country, as [`Countries`] for showing it back.
pub(in crate::wizard) fn one_country(
    s: &str,
    cats: &'static Catalogs,
    ui: Lang,
) -> Result<Countries, Refused> {
    Ok(Countries::of(vec![country(s, cats, ui)?], cats, ui))
}

/// One country: an ISO code, a full name, or the start of a name or code that only one
/// country fits (the suggestion Tab would take).
pub(in crate::wizard) fn country(
    s: &str,
    cats: &'static Catalogs,
    ui: Lang,
) -> Result<String, Refused> {
    let t = text(s)?;
    let part = code_part(&t);
    if let Ok(code) = rules::country(part, cats) {
        return Ok(code);
    }
    let by_name = cats
        .countries
        .values()
        .find(|c| c.de.eq_ignore_ascii_case(part) || c.en.eq_ignore_ascii_case(part));
    if let Some(c) = by_name {
        return Ok(c.code.clone());
    }
    let fits = super::country_matches(cats, ui, part);
    match fits.as_slice() {
        [one] => Ok(one.code.clone()),
        [] => Err(tr!("wizard-refuse-country", answer = part)),
        many => Err(tr!(
            "wizard-refuse-country-several",
            answer = part,
            countries = names(many, ui)
        )),
    }
}

fn names(cs: &[&Country], ui: Lang) -> String {
    let mut list: Vec<String> = cs
        .iter()
        .take(4)
        .map(|c| format!("{} ({})", c.name(ui), c.code))
        .collect();
    if cs.len() > 4 {
        list.push("…".into());
    }
    list.join(", ")
}

/// Countries separated by commas, each as in [`country`], or international organisations
/// (`org:epo`, by the shared location rule, whose refusal is already worded for people);
/// at least one.
pub(in crate::wizard) fn countries(
    s: &str,
    cats: &'static Catalogs,
    ui: Lang,
) -> Result<Countries, Refused> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split([',', ';']) {
        if part.trim().is_empty() {
            continue;
        }
        // An international organisation (`org:epo`) by the location rule, else a country.
        let code = if code_part(part).to_lowercase().starts_with("org:") {
            rules::location(code_part(part), cats)
                .map_err(|r| format!("{}: {}", r.message, r.hint))?
        } else {
            country(part, cats, ui)?
        };
        if !out.contains(&code) {
            out.push(code);
        }
    }
    if out.is_empty() {
        return Err(tr!("wizard-refuse-countries-empty"));
    }
    Ok(Countries::of(out, cats, ui))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_speak_about_the_answer_in_the_persons_language() {
        let _g = crate::i18n::scoped(Lang::De);
        assert_eq!(
            whole("24 Stunden", 1000).expect_err("unit"),
            "Bitte nur die Zahl eingeben, ohne „Stunden“, z. B. 24"
        );
        assert_eq!(
            email("Inhaberin praxis@example.de").expect_err("space"),
            "„Inhaberin praxis@example.de“ enthält ein Leerzeichen; eine E-Mail-Adresse hat keins, z. B. name@example.de"
        );
        let _g = crate::i18n::scoped(Lang::En);
        assert_eq!(
            whole("1.5", 1000).expect_err("decimal"),
            "“1.5” is not a whole number; write a whole number such as 24"
        );
        assert_eq!(
            text("  ").expect_err("empty"),
            "Please write an answer; this one is needed"
        );
    }

    #[test]
    fn german_numbers_and_dates_are_read() {
        assert_eq!(whole("50.000", u64::MAX), Ok(50_000));
        assert_eq!(whole("1.250.000", u64::MAX), Ok(1_250_000));
        assert_eq!(whole("50 000", u64::MAX), Ok(50_000));
        assert_eq!(whole("50,000", u64::MAX), Ok(50_000));
        assert_eq!(whole(" 48 ", 1000), Ok(48));
        assert!(whole("5.00", u64::MAX).is_err(), "not groups of three");
        assert!(whole("1,5", u64::MAX).is_err());
        assert!(whole("-3", u64::MAX).is_err());
        assert!(whole("99999999999", u64::from(u32::MAX)).is_err());
        assert!(whole("", 10).is_err());
        assert_eq!(
            date("15.11.2026").map(|d| d.to_string()),
            Ok("2026-11-15".into())
        );
        assert_eq!(
            date("1.2.2027").map(|d| d.to_string()),
            Ok("2027-02-01".into())
        );
        assert_eq!(
            date("2026-11-15").map(|d| d.to_string()),
            Ok("2026-11-15".into())
        );
        assert!(date("31.02.2026").is_err());
        assert!(date("15.11.26").is_err());
    }

    #[test]
    fn a_country_that_only_one_fits_is_taken() {
        let cats = Catalogs::get().expect("catalogs");
        assert_eq!(country("de", cats, Lang::De), Ok("DE".into()));
        assert_eq!(country("Deutschl", cats, Lang::De), Ok("DE".into()));
        assert_eq!(country("Germany", cats, Lang::De), Ok("DE".into()));
        assert_eq!(country("DE — Deutschland", cats, Lang::De), Ok("DE".into()));
        let _g = crate::i18n::scoped(Lang::De);
        let e = country("Fran", cats, Lang::De).expect_err("several");
        assert!(e.contains("Frankreich (FR)"), "{e}");
        let e = country("Atlantis", cats, Lang::De).expect_err("none");
        assert!(e.starts_with("„Atlantis“"), "{e}");
        let both = countries("DE, Frankreich", cats, Lang::De).expect("two");
        assert_eq!(both.codes, ["DE", "FR"]);
        assert_eq!(both.shown(Lang::De), "DE (Deutschland), FR (Frankreich)");
        assert!(!both.same_as("DE, Frankreich", Lang::De));
        assert!(both.same_as("de,fr", Lang::De));
    }
}
