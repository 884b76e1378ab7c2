//! The shared prompting helpers every step uses: the `Wizard` with its generic
//! questions (text, optional text, date, number, country, countries, yes/no, one of a
//! list, an address) and the country autocompletion. The field rules in the wizard's
//! words are in `fields`; the list helpers (catalog ticks, free texts, add/edit/remove
//! menus) in `lists`.
//!
//! Every answer is checked by the field rules of [`crate::model::rules`], the same code
//! the YAML loader uses, and refused in the wizard's own words (see `fields`).

use std::rc::Rc;

use super::form::AddressForm;
use super::{Check, Choice, ChoiceQuestion, Completion, Prompter, Stop, TextQuestion};
use crate::catalog::{Catalogs, Country};
use crate::model::country::{Spellings, fold};
use crate::{Lang, tr};

mod fields;
mod lists;

pub(in crate::wizard) use fields::{Refused, Understood, email, optional, phone, whole};
pub(in crate::wizard) use lists::Menu;

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
            .map(fields::code_part)
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
    /// The language of the contract (of the wording shown for measures and clauses).
    pub(in crate::wizard) contract: Lang,
    /// The catalogs (countries, data categories, measures, ...).
    pub(in crate::wizard) cats: &'static Catalogs,
}

impl Wizard<'_> {
    /// Shows text.
    pub(in crate::wizard) fn say(&mut self, text: &str) {
        self.p.say(text);
    }

    /// Asks for text until the rule accepts it; returns the rule's value. An answer the
    /// rule read differently from how it was typed (`15.11.2026`, `50.000`, `deu`) is
    /// shown back as understood.
    pub(in crate::wizard) fn ask<T: Understood + 'static>(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        initial: &str,
        rule: impl Fn(&str) -> Result<T, Refused> + 'static,
        completion: Option<Completion>,
    ) -> Result<T, Stop> {
        let rule = Rc::new(rule);
        let r2 = rule.clone();
        let check: Check = Rc::new(move |s: &str| r2(s).map(|_| ()));
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
                Ok(v) => {
                    if !v.same_as(&s, self.ui) {
                        self.p
                            .say(&tr!("wizard-understood", value = v.shown(self.ui)));
                    }
                    return Ok(v);
                }
                Err(m) => self.p.say(&m),
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
            &tr!("wizard-street"),
            None,
            &address.street.clone(),
        )?;
        // Optional at the prompt: some countries have none (Hong Kong); the check at the
        // summary names a missing one where the country has postal codes.
        address.postal_code = self
            .opt_text(
                &format!("{key}.postal_code"),
                &tr!("wizard-postal-code"),
                None,
                Some(&address.postal_code.clone()),
            )?
            .unwrap_or_default();
        address.city = self.text(
            &format!("{key}.city"),
            &tr!("wizard-city"),
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
        self.ask(key, message, help, current, fields::text, None)
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
            optional(fields::text),
            None,
        )
    }

    /// A date (`2026-12-01` or `1.12.2026`), as the ISO date.
    pub(in crate::wizard) fn date(
        &mut self,
        key: &str,
        message: &str,
        help: &str,
        current: &str,
    ) -> Result<String, Stop> {
        let d = self.ask(key, message, Some(help), current, fields::date, None)?;
        Ok(d.to_string())
    }

    /// An optional date; empty is none.
    pub(in crate::wizard) fn opt_date(
        &mut self,
        key: &str,
        message: &str,
        current: Option<&str>,
    ) -> Result<Option<String>, Stop> {
        let help = tr!("wizard-date-optional-help");
        let d = self.ask(
            key,
            message,
            Some(&help),
            current.unwrap_or(""),
            optional(fields::date),
            None,
        )?;
        Ok(d.map(|d| d.to_string()))
    }

    /// A whole number of up to `u32::MAX` (hours, days).
    pub(in crate::wizard) fn u32(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        current: u32,
    ) -> Result<u32, Stop> {
        let rule =
            |s: &str| whole(s, u64::from(u32::MAX)).map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        self.ask(key, message, help, &current.to_string(), rule, None)
    }

    /// An amount in euros (a whole number).
    pub(in crate::wizard) fn euros(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        current: Option<u64>,
    ) -> Result<u64, Stop> {
        let cur = current.map(|c| c.to_string()).unwrap_or_default();
        self.ask(key, message, help, &cur, |s: &str| whole(s, u64::MAX), None)
    }

    /// One country, with autocompletion.
    pub(in crate::wizard) fn country(
        &mut self,
        key: &str,
        message: &str,
        current: &str,
    ) -> Result<String, Stop> {
        let help = tr!("wizard-country-help");
        let completion = country_completion(self.cats, self.ui);
        let (cats, ui) = (self.cats, self.ui);
        let c = self.ask(
            key,
            message,
            Some(&help),
            current,
            move |s: &str| fields::one_country(s, cats, ui),
            Some(completion),
        )?;
        Ok(c.codes.into_iter().next().unwrap_or_default())
    }

    /// Countries separated by commas, with autocompletion; at least one.
    pub(in crate::wizard) fn countries(
        &mut self,
        key: &str,
        message: &str,
        current: &[String],
    ) -> Result<Vec<String>, Stop> {
        let help = tr!("wizard-countries-help");
        let completion = country_completion(self.cats, self.ui);
        let (cats, ui) = (self.cats, self.ui);
        let c = self.ask(
            key,
            message,
            Some(&help),
            &current.join(", "),
            move |s: &str| fields::countries(s, cats, ui),
            Some(completion),
        )?;
        Ok(c.codes)
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
