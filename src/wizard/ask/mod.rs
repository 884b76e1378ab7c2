//! The shared prompting helpers every step uses: the `Wizard` with its generic
//! questions (text, optional text, date, number, country, countries, yes/no, one of a
//! list, an address), the refusal text shown for a rejected answer, the number and
//! country rules and the country autocompletion. The list helpers (catalog ticks, free
//! texts, add/edit/remove menus) are in `lists`.
//!
//! Every answer is checked by the field rules of [`crate::model::rules`], the same code
//! the YAML loader uses, and refused with the loader's message and hint.

use std::rc::Rc;

use serde::Deserialize;

use super::form::AddressForm;
use super::{Check, Choice, ChoiceQuestion, Completion, Prompter, Stop, TextQuestion, tr};
use crate::Lang;
use crate::catalog::{Catalogs, Country};
use crate::model::country::{Spellings, fold};
use crate::model::rules::{self, Refusal};

mod lists;

pub(in crate::wizard) use lists::Menu;

/// The message shown for a refused answer: the loader's message and hint.
fn refusal_text(r: &Refusal) -> String {
    format!("{}: {}", r.message, r.hint)
}

/// An optional field: empty is "none", anything else must pass the rule.
pub(in crate::wizard) fn optional<T>(
    rule: impl Fn(&str) -> Result<T, Refusal>,
) -> impl Fn(&str) -> Result<Option<T>, Refusal> {
    move |s: &str| {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            rule(s).map(Some)
        }
    }
}

/// A whole number, read by the same YAML scalar rules and the same deserializer as a
/// number in a contract file (so "24 Stunden", "-3" and "1.5" get the loader's messages).
pub fn number<T: for<'de> Deserialize<'de>>(s: &str) -> Result<T, Refusal> {
    let t = rules::text(s)?;
    let node = crate::input::yaml::parse(&t).map_err(|p| Refusal {
        message: p.message,
        hint: p.hint.unwrap_or_default(),
    })?;
    let (value, problems) = crate::input::de::from_node::<T>(&node);
    match (value, problems.into_iter().next()) {
        (Some(v), None) => Ok(v),
        (_, Some(p)) => Err(Refusal {
            message: p.message,
            hint: p.hint.unwrap_or_default(),
        }),
        (None, None) => Err(Refusal {
            message: format!("`{t}` is not a whole number"),
            hint: "write a whole number without quotes or units, e.g. `24`".into(),
        }),
    }
}

/// The country code of an answer: suggestions read "DE — Deutschland"; the code is what
/// the country rule decides on.
fn code_part(s: &str) -> &str {
    s.split(" — ").next().unwrap_or(s).trim()
}

/// One country, by the country rule.
fn country_rule(cats: &'static Catalogs) -> impl Fn(&str) -> Result<String, Refusal> {
    move |s: &str| {
        let t = rules::text(s)?;
        rules::country(code_part(&t), cats)
    }
}

/// A comma-separated list of countries, each by the country rule; at least one.
fn countries_rule(cats: &'static Catalogs) -> impl Fn(&str) -> Result<Vec<String>, Refusal> {
    move |s: &str| {
        let mut out: Vec<String> = Vec::new();
        for part in s.split([',', ';']) {
            if part.trim().is_empty() {
                continue;
            }
            let code = rules::location(code_part(part), cats)?;
            if !out.contains(&code) {
                out.push(code);
            }
        }
        if out.is_empty() {
            rules::text("")?;
        }
        Ok(out)
    }
}

/// Countries for what was typed, best first. A code or a spelling the country rule knows
/// (`UK`, `DEU`, `Holland`, a name) names exactly one country and only that one is
/// returned, so completion never turns what was typed into another country: `UK` gives the
/// United Kingdom (GB), never Ukraine (UA). Otherwise: codes starting with it, then names
/// and spellings starting with it, those in the language of the questions first.
pub(in crate::wizard) fn country_matches<'c>(
    cats: &'c Catalogs,
    ui: Lang,
    needle: &str,
) -> Vec<&'c Country> {
    let needle = needle.trim();
    if needle.is_empty() {
        return Vec::new();
    }
    let spellings = Spellings::get().ok();
    let upper = needle.to_uppercase();
    let exact = if needle.chars().count() == 2 && cats.country(&upper).is_some() {
        cats.country(&upper)
    } else {
        spellings
            .and_then(|sp| sp.lookup(needle))
            .and_then(|(code, _)| cats.country(code))
    };
    if let Some(c) = exact {
        return vec![c];
    }
    let lower = needle.to_lowercase();
    let mut hits: Vec<(u8, &Country)> = cats
        .countries
        .values()
        .filter(|c| c.code.to_lowercase().starts_with(&lower))
        .map(|c| (1, c))
        .collect();
    let starts = |name: &str| {
        [true, false]
            .into_iter()
            .any(|e| fold(name, e).starts_with(&fold(needle, e)))
    };
    for code in spellings
        .map(|sp| sp.starting_with(needle))
        .unwrap_or_default()
    {
        let Some(c) = cats.country(code) else {
            continue;
        };
        if !hits.iter().any(|(_, h)| h.code == c.code) {
            hits.push((if starts(c.name(ui)) { 2 } else { 3 }, c));
        }
    }
    hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name(ui).cmp(b.1.name(ui))));
    hits.into_iter().map(|(_, c)| c).collect()
}

/// Country autocompletion on the last comma-separated part of the input, by
/// [`country_matches`]: by code, by German or English name, or by any spelling the country
/// rule knows; never into another country than the one typed.
pub fn country_completion(cats: &'static Catalogs, ui: Lang) -> Completion {
    let suggest = move |input: &str| -> Vec<String> {
        let (head, last) = match input.rfind([',', ';']) {
            Some(i) => (format!("{}, ", input[..i].trim_end()), &input[i + 1..]),
            None => (String::new(), input),
        };
        country_matches(cats, ui, last)
            .into_iter()
            .take(8)
            .map(|c| format!("{head}{} — {}", c.code, c.name(ui)))
            .collect()
    };
    let suggest = Rc::new(suggest);
    let s2 = suggest.clone();
    let complete = move |input: &str, highlighted: Option<&str>| -> Option<String> {
        let chosen = match highlighted {
            Some(h) => h.to_string(),
            None => {
                let mut all = s2(input);
                if all.len() != 1 {
                    return None;
                }
                all.pop()?
            }
        };
        let codes: Vec<&str> = chosen
            .split(',')
            .map(code_part)
            .filter(|c| !c.is_empty())
            .collect();
        Some(codes.join(", ").to_uppercase())
    };
    Completion {
        suggest,
        complete: Rc::new(complete),
    }
}

/// Asks the questions of one section: the prompter, the language of the questions and
/// the catalogs the choices come from.
pub(in crate::wizard) struct Wizard<'a> {
    /// Where the questions go.
    pub(in crate::wizard) p: &'a mut dyn Prompter,
    /// The language of the questions.
    pub(in crate::wizard) ui: Lang,
    /// The catalogs (countries, data categories, measures, ...).
    pub(in crate::wizard) cats: &'static Catalogs,
}

impl Wizard<'_> {
    /// The German or the English text, by the language of the questions.
    pub(in crate::wizard) fn t(&self, de: &'static str, en: &'static str) -> &'static str {
        tr(self.ui, de, en)
    }

    /// Shows text.
    pub(in crate::wizard) fn say(&mut self, text: &str) {
        self.p.say(text);
    }

    /// Asks for text until the rule accepts it; returns the rule's value.
    pub(in crate::wizard) fn ask<T: 'static>(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        initial: &str,
        rule: impl Fn(&str) -> Result<T, Refusal> + 'static,
        completion: Option<Completion>,
    ) -> Result<T, Stop> {
        let rule = Rc::new(rule);
        let r2 = rule.clone();
        let check: Check = Rc::new(move |s: &str| r2(s).map(|_| ()).map_err(|r| refusal_text(&r)));
        let q = TextQuestion {
            key: key.into(),
            message: message.into(),
            help: help.map(Into::into),
            initial: initial.into(),
            check,
            completion,
        };
        loop {
            let s = self.p.text(&q)?;
            match rule(&s) {
                Ok(v) => return Ok(v),
                Err(r) => self.p.say(&refusal_text(&r)),
            }
        }
    }

    /// Street, postal code and city of an address; the questions' keys are `{key}.street`,
    /// `{key}.postal_code`, `{key}.city` (the country is asked by the caller, in its words).
    pub(in crate::wizard) fn street_postal_city(
        &mut self,
        key: &str,
        address: &mut AddressForm,
    ) -> Result<(), Stop> {
        address.street = self.text(
            &format!("{key}.street"),
            self.t("Straße und Hausnummer", "Street and number"),
            None,
            &address.street.clone(),
        )?;
        // Optional at the prompt: some countries have none (Hong Kong); the check at the
        // summary names a missing one where the country has postal codes.
        address.postal_code = self
            .opt_text(
                &format!("{key}.postal_code"),
                self.t("Postleitzahl", "Postal code"),
                None,
                Some(&address.postal_code.clone()),
            )?
            .unwrap_or_default();
        address.city = self.text(
            &format!("{key}.city"),
            self.t("Ort", "City"),
            None,
            &address.city.clone(),
        )?;
        Ok(())
    }

    /// A required text.
    pub(in crate::wizard) fn text(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        current: &str,
    ) -> Result<String, Stop> {
        self.ask(key, message, help, current, rules::text, None)
    }

    /// An optional text: empty is none.
    pub(in crate::wizard) fn opt_text(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        current: Option<&str>,
    ) -> Result<Option<String>, Stop> {
        self.ask(
            key,
            message,
            help,
            current.unwrap_or(""),
            optional(rules::text),
            None,
        )
    }

    /// An optional date (YYYY-MM-DD); empty is none.
    pub(in crate::wizard) fn opt_date(
        &mut self,
        key: &str,
        message: &str,
        current: Option<&str>,
    ) -> Result<Option<String>, Stop> {
        let help = self.t(
            "JJJJ-MM-TT, z. B. 2026-12-01; leer lassen, wenn es keins gibt",
            "YYYY-MM-DD, e.g. 2026-12-01; leave empty if there is none",
        );
        let d = self.ask(
            key,
            message,
            Some(help),
            current.unwrap_or(""),
            optional(rules::date),
            None,
        )?;
        Ok(d.map(|d| d.to_string()))
    }

    /// A whole number.
    pub(in crate::wizard) fn u32(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        current: u32,
    ) -> Result<u32, Stop> {
        self.ask(
            key,
            message,
            help,
            &current.to_string(),
            number::<u32>,
            None,
        )
    }

    /// One country, with autocompletion.
    pub(in crate::wizard) fn country(
        &mut self,
        key: &str,
        message: &str,
        current: &str,
    ) -> Result<String, Stop> {
        let help = self.t(
            "ISO-Code wie DE, AT, FR, US; Tab ergänzt, auch nach dem Ländernamen",
            "ISO code such as DE, AT, FR, US; Tab completes, also from the country name",
        );
        let completion = country_completion(self.cats, self.ui);
        self.ask(
            key,
            message,
            Some(help),
            current,
            country_rule(self.cats),
            Some(completion),
        )
    }

    /// Countries separated by commas, with autocompletion; at least one.
    pub(in crate::wizard) fn countries(
        &mut self,
        key: &str,
        message: &str,
        current: &[String],
    ) -> Result<Vec<String>, Stop> {
        let help = self.t(
            "ISO-Codes, durch Komma getrennt, z. B. DE, IE; Tab ergänzt",
            "ISO codes separated by commas, e.g. DE, IE; Tab completes",
        );
        let completion = country_completion(self.cats, self.ui);
        self.ask(
            key,
            message,
            Some(help),
            &current.join(", "),
            countries_rule(self.cats),
            Some(completion),
        )
    }

    /// Yes or no.
    pub(in crate::wizard) fn confirm(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        default: bool,
    ) -> Result<bool, Stop> {
        self.p.confirm(key, message, help, default)
    }

    /// One of `choices`; returns its id.
    pub(in crate::wizard) fn choose(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        choices: Vec<Choice>,
        current: &str,
    ) -> Result<String, Stop> {
        let start = choices.iter().position(|c| c.id == current).unwrap_or(0);
        let q = ChoiceQuestion {
            key: key.into(),
            message: message.into(),
            help: help.map(Into::into),
            choices,
            selected: vec![start],
            at_least_one: false,
        };
        let i = self.p.select(&q)?;
        q.choices
            .get(i)
            .map(|c| c.id.clone())
            .ok_or_else(|| Stop::Failed(format!("`{key}`: no entry {i}")))
    }
}
