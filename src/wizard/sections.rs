//! The questions, section by section, and the loop that walks through them.
//!
//! Each section writes every answer into the [`Form`] as soon as it is given, so an
//! interruption keeps it; [`drive`] saves the draft after every section and on Ctrl-C.
//! The summary builds the contract file, reads it back through the YAML loader, shows the
//! `dpa check` findings and lets the person change any section before writing.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::draft::{Draft, Role};
use super::form::{
    AddressForm, CustomForm, DurationForm, Form, ItemForm, PartyForm, PersonForm, SignatoryForm,
    SubprocessorForm,
};
use super::{
    Check, Choice, ChoiceQuestion, Completion, Prompter, Stop, TextQuestion, tr, yaml_out,
};
use crate::catalog::{Catalog, Catalogs, Country};
use crate::error::Severity;
use crate::input::{LoadedContract, parse_contract};
use crate::model::rules::{self, Refusal};
use crate::{Error, Lang};

/// The sections, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Contract language and the person's role.
    Start,
    /// The controller.
    Controller,
    /// The processor.
    Processor,
    /// Main agreement, duration, reference, effective date.
    Agreement,
    /// Subject matter, purpose, operations.
    Processing,
    /// Data categories, special categories, data subjects.
    Data,
    /// Where the processor processes, and the transfer basis.
    Locations,
    /// Form of instructions and the persons.
    Instructions,
    /// Technical and organisational measures.
    Security,
    /// Subprocessors.
    Subprocessors,
    /// Deadlines, audits, end of processing, liability, law.
    Terms,
    /// Optional clauses.
    Options,
    /// Who signs.
    Signatories,
    /// Summary, check, save.
    Summary,
}

impl Section {
    /// Every section, in order.
    pub const ALL: [Section; 14] = [
        Section::Start,
        Section::Controller,
        Section::Processor,
        Section::Agreement,
        Section::Processing,
        Section::Data,
        Section::Locations,
        Section::Instructions,
        Section::Security,
        Section::Subprocessors,
        Section::Terms,
        Section::Options,
        Section::Signatories,
        Section::Summary,
    ];

    /// 1-based position.
    pub fn number(self) -> usize {
        Section::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(0, |i| i + 1)
    }

    /// The section after this one (the summary stays the summary).
    pub fn next(self) -> Section {
        Section::ALL
            .get(self.number())
            .copied()
            .unwrap_or(Section::Summary)
    }

    /// Stable id, as in the draft file.
    pub fn id(self) -> &'static str {
        match self {
            Section::Start => "start",
            Section::Controller => "controller",
            Section::Processor => "processor",
            Section::Agreement => "agreement",
            Section::Processing => "processing",
            Section::Data => "data",
            Section::Locations => "locations",
            Section::Instructions => "instructions",
            Section::Security => "security",
            Section::Subprocessors => "subprocessors",
            Section::Terms => "terms",
            Section::Options => "options",
            Section::Signatories => "signatories",
            Section::Summary => "summary",
        }
    }

    /// The heading, worded for the person's role.
    pub fn title(self, ui: Lang, role: Role) -> String {
        let own = role == Role::Controller;
        let t = |de: &'static str, en: &'static str| tr(ui, de, en).to_string();
        match self {
            Section::Start => t("Sprache und Rolle", "Language and role"),
            Section::Controller if own => t(
                "Auftraggeber (Verantwortlicher) – Ihr Unternehmen",
                "Controller – your organisation",
            ),
            Section::Controller => t(
                "Auftraggeber (Verantwortlicher) – Ihr Kunde",
                "Controller – your client",
            ),
            Section::Processor if own => t(
                "Auftragnehmer (Auftragsverarbeiter) – Ihr Dienstleister",
                "Processor – your service provider",
            ),
            Section::Processor => t(
                "Auftragnehmer (Auftragsverarbeiter) – Ihr Unternehmen",
                "Processor – your organisation",
            ),
            Section::Agreement => t("Hauptvertrag und Laufzeit", "Main agreement and duration"),
            Section::Processing => t(
                "Gegenstand, Zweck und Art der Verarbeitung",
                "Subject matter, purpose and operations",
            ),
            Section::Data => t(
                "Datenkategorien und betroffene Personen",
                "Data categories and data subjects",
            ),
            Section::Locations => t("Orte der Verarbeitung", "Processing locations"),
            Section::Instructions => t("Weisungen", "Instructions"),
            Section::Security => t(
                "Technische und organisatorische Maßnahmen (TOM)",
                "Technical and organisational measures (TOMs)",
            ),
            Section::Subprocessors => t("Unterauftragsverarbeiter", "Subprocessors"),
            Section::Terms => t(
                "Meldefrist, Kontrollen, Vertragsende, Haftung",
                "Breach deadline, audits, end, liability",
            ),
            Section::Options => t("Optionale Klauseln", "Optional clauses"),
            Section::Signatories => t("Unterschriften", "Signatories"),
            Section::Summary => t("Zusammenfassung und Prüfung", "Summary and check"),
        }
    }
}

/// How a wizard session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The contract file was written (and the PDF, if asked for).
    Saved {
        /// The contract file.
        contract: PathBuf,
        /// The PDF, if one was rendered.
        pdf: Option<PathBuf>,
    },
    /// Ctrl-C: the draft is saved.
    Stopped,
    /// The person chose to stop at the summary: the draft is saved.
    Left,
    /// There was no terminal.
    NoTerminal,
    /// The prompter failed.
    Failed(String),
}

enum Step {
    Next,
    Goto(Section),
    Done(Outcome),
}

/// Walks through the sections from `d.next` until the contract is saved or the person
/// stops; saves the draft after every section and when stopped.
pub fn drive(p: &mut dyn Prompter, d: &mut Draft, draft_path: &Path) -> Result<Outcome, Error> {
    let cats = Catalogs::get()?;
    if d.next == Section::Start && d.done.is_empty() {
        p.say(match d.ui() {
            Lang::De => "dpa new – Auftragsverarbeitungsvertrag nach Art. 28 DSGVO, Frage für Frage.\nEnter übernimmt den Vorschlag. Ctrl-C hält an; Ihre Antworten bleiben im Entwurf und `dpa new --resume` setzt fort.",
            Lang::En => "dpa new – a data processing agreement under Art. 28 GDPR, question by question.\nEnter keeps the suggestion. Ctrl-C stops; your answers stay in the draft and `dpa new --resume` continues.",
        });
    }
    loop {
        let section = d.next;
        let ui = d.ui();
        p.say(&match ui {
            Lang::De => format!(
                "\nSchritt {} von {}: {}",
                section.number(),
                Section::ALL.len(),
                section.title(ui, d.role)
            ),
            Lang::En => format!(
                "\nStep {} of {}: {}",
                section.number(),
                Section::ALL.len(),
                section.title(ui, d.role)
            ),
        });
        let mut w = Wizard {
            p: &mut *p,
            ui,
            cats,
        };
        let result = if section == Section::Summary {
            w.summary(d, draft_path)
        } else {
            w.section(section, d).map(|()| Step::Next)
        };
        match result {
            Ok(Step::Next) => {
                if !d.done.contains(&section) {
                    d.done.push(section);
                }
                d.next = if d.back_to_summary {
                    Section::Summary
                } else {
                    section.next()
                };
                d.back_to_summary = false;
                d.save(draft_path)?;
            }
            Ok(Step::Goto(s)) => {
                d.next = s;
                d.back_to_summary = true;
                d.save(draft_path)?;
            }
            Ok(Step::Done(outcome)) => {
                if matches!(outcome, Outcome::Left) {
                    d.save(draft_path)?;
                }
                return Ok(outcome);
            }
            Err(Stop::Interrupted) => {
                d.save(draft_path)?;
                return Ok(Outcome::Stopped);
            }
            Err(Stop::NoTerminal) => return Ok(Outcome::NoTerminal),
            Err(Stop::Failed(m)) => {
                d.save(draft_path)?;
                return Ok(Outcome::Failed(m));
            }
        }
    }
}

/// The message shown for a refused answer: the loader's message and hint.
fn refusal_text(r: &Refusal) -> String {
    format!("{}: {}", r.message, r.hint)
}

/// An optional field: empty is "none", anything else must pass the rule.
fn optional<T>(
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
            let code = rules::country(code_part(part), cats)?;
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

/// Country autocompletion on the last comma-separated part of the input: by code or by
/// German or English name.
pub fn country_completion(cats: &'static Catalogs, ui: Lang) -> Completion {
    let suggest = move |input: &str| -> Vec<String> {
        let (head, last) = match input.rfind([',', ';']) {
            Some(i) => (format!("{}, ", input[..i].trim_end()), &input[i + 1..]),
            None => (String::new(), input),
        };
        let needle = last.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u8, &Country)> = cats
            .countries
            .values()
            .filter_map(|c| {
                let code = c.code.to_lowercase();
                let rank = if code == needle {
                    0
                } else if code.starts_with(&needle) {
                    1
                } else if c.name(ui).to_lowercase().starts_with(&needle) {
                    2
                } else if c.de.to_lowercase().starts_with(&needle)
                    || c.en.to_lowercase().starts_with(&needle)
                {
                    3
                } else {
                    return None;
                };
                Some((rank, c))
            })
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name(ui).cmp(b.1.name(ui))));
        hits.into_iter()
            .take(8)
            .map(|(_, c)| format!("{head}{} — {}", c.code, c.name(ui)))
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

/// Defaults that depend on the person's role: breach deadline and the protective clauses.
fn role_defaults(role: Role) -> (u32, bool) {
    match role {
        Role::Controller => (24, true),
        Role::Processor => (48, false),
    }
}

/// Switches the role defaults, leaving every value the person changed alone.
fn apply_role_defaults(f: &mut Form, old: Option<Role>, new: Role) {
    let (nh, no) = role_defaults(new);
    let (oh, oo) = match old {
        Some(r) => role_defaults(r),
        None => (
            f.terms.breach_notification_hours,
            f.options.seizure_insolvency_notice,
        ),
    };
    if f.terms.breach_notification_hours == oh {
        f.terms.breach_notification_hours = nh;
    }
    if f.options.seizure_insolvency_notice == oo {
        f.options.seizure_insolvency_notice = no;
    }
    if old.is_none() || f.options.no_right_of_retention == oo {
        f.options.no_right_of_retention = no;
    }
}

/// The signatories when nobody is named yet: each party's representative, at its city.
fn default_signatories(f: &Form) -> Vec<SignatoryForm> {
    [("controller", &f.controller), ("processor", &f.processor)]
        .into_iter()
        .filter(|(_, p)| !p.representative.name.is_empty())
        .map(|(party, p)| SignatoryForm {
            party: party.into(),
            name: p.representative.name.clone(),
            role: p.representative.role.clone(),
            place: (!p.address.city.is_empty()).then(|| p.address.city.clone()),
        })
        .collect()
}

/// A file name from the controller's name: `avv-zahnarztpraxis-dr-weber.yaml`.
fn default_file_name(f: &Form, ui: Lang) -> String {
    let mut slug = String::new();
    for c in f.controller.name.to_lowercase().chars() {
        let piece = match c {
            'ä' => "ae".to_string(),
            'ö' => "oe".to_string(),
            'ü' => "ue".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        slug.push_str(&piece);
    }
    let mut clean = String::new();
    for part in slug.split('-').filter(|p| !p.is_empty()) {
        if clean.len() + part.len() > 40 {
            break;
        }
        if !clean.is_empty() {
            clean.push('-');
        }
        clean.push_str(part);
    }
    let prefix = tr(ui, "avv", "dpa");
    if clean.is_empty() {
        format!("{prefix}.yaml")
    } else {
        format!("{prefix}-{clean}.yaml")
    }
}

/// The wording of the optional clauses: id, German and English label and help.
const OPTION_TEXTS: [(&str, [&str; 4]); 6] = [
    (
        "remote_maintenance",
        [
            "Fernwartung",
            "Regeln für Fernzugriffe: protokolliert, vom Auftraggeber beobachtbar, keine Kopien.",
            "Remote maintenance",
            "Rules for remote access: logged, watchable by the controller, no copies.",
        ],
    ),
    (
        "data_carrier_disposal",
        [
            "Vernichtung von Datenträgern",
            "Datenträger werden nach DIN 66399 vernichtet, mit Nachweis.",
            "Disposal of data carriers",
            "Data carriers are destroyed to DIN 66399, with proof.",
        ],
    ),
    (
        "software_development",
        [
            "Programmerstellung im Auftrag",
            "Keine Echtdaten für Tests; Regeln für Quellcode und Übergabe.",
            "Software development on behalf",
            "No real data for tests; rules for source code and hand-over.",
        ],
    ),
    (
        "data_outsourcing",
        [
            "Auslagerung von Datenbeständen",
            "Verschlüsselung auch bei der Übertragung, logische Trennung je Auftraggeber.",
            "Outsourcing of data stocks",
            "Encryption in transit too, logical separation per client.",
        ],
    ),
    (
        "seizure_insolvency_notice",
        [
            "Pfändung, Beschlagnahme, Insolvenz",
            "Der Auftragnehmer informiert sofort; die Daten gehören dem Auftraggeber.",
            "Seizure, attachment, insolvency",
            "The processor informs at once; the data belongs to the controller.",
        ],
    ),
    (
        "no_right_of_retention",
        [
            "Kein Zurückbehaltungsrecht",
            "Daten und Datenträger dürfen nicht zurückgehalten werden (§ 273 BGB), etwa wegen offener Rechnungen.",
            "No right of retention",
            "Data and carriers may not be withheld (§ 273 BGB), e.g. over unpaid invoices.",
        ],
    ),
];

enum Menu {
    Done,
    Add,
    Edit(usize),
    Remove(usize),
}

struct Wizard<'a> {
    p: &'a mut dyn Prompter,
    ui: Lang,
    cats: &'static Catalogs,
}

impl Wizard<'_> {
    fn t(&self, de: &'static str, en: &'static str) -> &'static str {
        tr(self.ui, de, en)
    }

    fn say(&mut self, text: &str) {
        self.p.say(text);
    }

    /// Asks for text until the rule accepts it; returns the rule's value.
    fn ask<T: 'static>(
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
    fn street_postal_city(&mut self, key: &str, address: &mut AddressForm) -> Result<(), Stop> {
        address.street = self.text(
            &format!("{key}.street"),
            self.t("Straße und Hausnummer", "Street and number"),
            None,
            &address.street.clone(),
        )?;
        address.postal_code = self.text(
            &format!("{key}.postal_code"),
            self.t("Postleitzahl", "Postal code"),
            None,
            &address.postal_code.clone(),
        )?;
        address.city = self.text(
            &format!("{key}.city"),
            self.t("Ort", "City"),
            None,
            &address.city.clone(),
        )?;
        Ok(())
    }

    fn text(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        current: &str,
    ) -> Result<String, Stop> {
        self.ask(key, message, help, current, rules::text, None)
    }

    fn opt_text(
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

    fn opt_date(
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

    fn u32(
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

    fn country(&mut self, key: &str, message: &str, current: &str) -> Result<String, Stop> {
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

    fn countries(
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

    fn confirm(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        default: bool,
    ) -> Result<bool, Stop> {
        self.p.confirm(key, message, help, default)
    }

    /// One of `choices`; returns its id.
    fn choose(
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

    /// Entries of a catalog, with label and one-line help.
    fn catalog_choices(&self, catalog: &Catalog) -> Vec<Choice> {
        catalog
            .entries
            .iter()
            .map(|e| {
                Choice::new(&e.id, e.label(self.ui)).with_help(e.wording(self.ui).help.clone())
            })
            .collect()
    }

    /// Ids of a catalog, ticked from `current`.
    fn pick_ids(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        catalog: &Catalog,
        current: &[String],
        at_least_one: bool,
    ) -> Result<Vec<String>, Stop> {
        let choices = self.catalog_choices(catalog);
        let selected = choices
            .iter()
            .enumerate()
            .filter(|(_, c)| current.contains(&c.id))
            .map(|(i, _)| i)
            .collect();
        let q = ChoiceQuestion {
            key: key.into(),
            message: message.into(),
            help: help.map(Into::into),
            choices,
            selected,
            at_least_one,
        };
        let picked = self.p.multi_select(&q)?;
        Ok(picked
            .into_iter()
            .filter_map(|i| q.choices.get(i).map(|c| c.id.clone()))
            .collect())
    }

    /// Keeps or drops the texts of a list, then adds new ones until an empty answer.
    fn edit_texts(&mut self, key: &str, add: &str, list: &mut Vec<String>) -> Result<(), Stop> {
        if !list.is_empty() {
            let q = ChoiceQuestion {
                key: format!("{key}.keep"),
                message: self
                    .t(
                        "Diese Einträge behalten? (Leertaste entfernt das Häkchen)",
                        "Keep these entries? (space removes the tick)",
                    )
                    .into(),
                help: None,
                choices: list
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Choice::new(i.to_string(), t.clone()))
                    .collect(),
                selected: (0..list.len()).collect(),
                at_least_one: false,
            };
            let keep = self.p.multi_select(&q)?;
            let old = std::mem::take(list);
            list.extend(
                old.into_iter()
                    .enumerate()
                    .filter(|(i, _)| keep.contains(i))
                    .map(|(_, t)| t),
            );
        }
        let help = self.t(
            "leer lassen und Enter drücken, um weiterzugehen",
            "leave empty and press Enter to go on",
        );
        loop {
            match self.opt_text(&format!("{key}.add"), add, Some(help), None)? {
                None => return Ok(()),
                Some(t) => {
                    if !list.contains(&t) {
                        list.push(t);
                    }
                }
            }
        }
    }

    /// Catalog ids plus free texts, at least one entry in all.
    #[allow(clippy::too_many_arguments)]
    fn items(
        &mut self,
        key: &str,
        message: &str,
        help: &str,
        add: &str,
        catalog: &Catalog,
        items: &mut Vec<ItemForm>,
        fresh_default: &[&str],
    ) -> Result<(), Stop> {
        loop {
            let mut ids: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    ItemForm::Id(s) => Some(s.clone()),
                    ItemForm::Text(_) => None,
                })
                .collect();
            if items.is_empty() {
                ids = fresh_default.iter().map(|s| s.to_string()).collect();
            }
            let picked = self.pick_ids(key, message, Some(help), catalog, &ids, false)?;
            let mut texts: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    ItemForm::Text(s) => Some(s.clone()),
                    ItemForm::Id(_) => None,
                })
                .collect();
            *items = picked.iter().cloned().map(ItemForm::Id).collect();
            items.extend(texts.iter().cloned().map(ItemForm::Text));
            self.edit_texts(&format!("{key}.text"), add, &mut texts)?;
            *items = picked.into_iter().map(ItemForm::Id).collect();
            items.extend(texts.into_iter().map(ItemForm::Text));
            if !items.is_empty() {
                return Ok(());
            }
            let msg = self.t(
                "Bitte mindestens einen Eintrag wählen oder als Freitext angeben.",
                "Please choose at least one entry or add one as free text.",
            );
            self.say(msg);
        }
    }

    fn menu(
        &mut self,
        key: &str,
        message: &str,
        entries: &[String],
        add: &str,
    ) -> Result<Menu, Stop> {
        let mut choices = vec![
            Choice::new("done", self.t("Fertig, weiter", "Done, go on")),
            Choice::new("add", add),
        ];
        for (i, e) in entries.iter().enumerate() {
            choices.push(Choice::new(
                format!("edit:{i}"),
                format!("{} {e}", self.t("Ändern:", "Edit:")),
            ));
        }
        for (i, e) in entries.iter().enumerate() {
            choices.push(Choice::new(
                format!("remove:{i}"),
                format!("{} {e}", self.t("Entfernen:", "Remove:")),
            ));
        }
        let id = self.choose(key, message, None, choices, "done")?;
        let index = |s: &str| s.parse::<usize>().ok();
        Ok(match id.split_once(':') {
            Some(("edit", i)) => index(i).map_or(Menu::Done, Menu::Edit),
            Some(("remove", i)) => index(i).map_or(Menu::Done, Menu::Remove),
            _ if id == "add" => Menu::Add,
            _ => Menu::Done,
        })
    }

    fn section(&mut self, s: Section, d: &mut Draft) -> Result<(), Stop> {
        let fresh = !d.done.contains(&s);
        match s {
            Section::Start => self.start(d),
            Section::Controller => {
                let own = d.role == Role::Controller;
                self.party("controller", &mut d.form.controller, own)
            }
            Section::Processor => {
                let own = d.role == Role::Processor;
                self.party("processor", &mut d.form.processor, own)
            }
            Section::Agreement => self.agreement(&mut d.form, fresh),
            Section::Processing => self.processing(&mut d.form, fresh),
            Section::Data => self.data(&mut d.form),
            Section::Locations => self.locations(&mut d.form),
            Section::Instructions => self.instructions(&mut d.form),
            Section::Security => self.security(&mut d.form, d.role),
            Section::Subprocessors => self.subprocessors(&mut d.form),
            Section::Terms => self.terms(&mut d.form),
            Section::Options => self.options(&mut d.form),
            Section::Signatories => self.signatories(&mut d.form),
            Section::Summary => Ok(()),
        }
    }

    fn start(&mut self, d: &mut Draft) -> Result<(), Stop> {
        let language = self.choose(
            "language",
            self.t(
                "In welcher Sprache soll der Vertrag sein?",
                "Which language should the contract be in?",
            ),
            None,
            vec![Choice::new("de", "Deutsch"), Choice::new("en", "English")],
            &d.form.language.clone(),
        )?;
        d.form.language = language;
        let role = self.choose(
            "role",
            self.t("Auf welcher Seite stehen Sie?", "Which side are you on?"),
            Some(self.t(
                "Das legt Vorschläge und die Formulierung der Fragen fest, nicht den Vertragstext",
                "This sets suggestions and the wording of the questions, not the contract text",
            )),
            vec![
                Choice::new(
                    "processor",
                    self.t(
                        "Auftragsverarbeiter: wir verarbeiten Daten im Auftrag (Agentur, IT-Dienstleister, SaaS)",
                        "Processor: we process data on behalf of a client (agency, IT service, SaaS)",
                    ),
                ),
                Choice::new(
                    "controller",
                    self.t(
                        "Verantwortlicher: wir beauftragen einen Dienstleister mit unseren Daten",
                        "Controller: we engage a service provider with our data",
                    ),
                ),
            ],
            match d.role {
                Role::Processor => "processor",
                Role::Controller => "controller",
            },
        )?;
        d.role = if role == "controller" {
            Role::Controller
        } else {
            Role::Processor
        };
        // Role suggestions only while the sections they fill are still unanswered (never
        // for a contract opened with --from).
        let untouched = !d.done.contains(&Section::Terms) && !d.done.contains(&Section::Options);
        if d.defaults_for != Some(d.role) && untouched {
            apply_role_defaults(&mut d.form, d.defaults_for, d.role);
            d.defaults_for = Some(d.role);
        }
        Ok(())
    }

    fn person(
        &mut self,
        key: &str,
        p: &mut PersonForm,
        role: bool,
        phone: bool,
    ) -> Result<(), Stop> {
        p.name = self.text(
            &format!("{key}.name"),
            self.t("Name", "Name"),
            None,
            &p.name.clone(),
        )?;
        if role {
            p.role = self.opt_text(
                &format!("{key}.role"),
                self.t("Funktion (optional)", "Role (optional)"),
                None,
                p.role.clone().as_deref(),
            )?;
        }
        let email = p.email.clone();
        p.email = self.ask(
            &format!("{key}.email"),
            self.t("E-Mail-Adresse (optional)", "E-mail address (optional)"),
            None,
            email.as_deref().unwrap_or(""),
            optional(rules::email),
            None,
        )?;
        if phone {
            let ph = p.phone.clone();
            p.phone = self.ask(
                &format!("{key}.phone"),
                self.t("Telefon (optional)", "Phone (optional)"),
                None,
                ph.as_deref().unwrap_or(""),
                optional(rules::phone),
                None,
            )?;
        }
        Ok(())
    }

    fn party(&mut self, key: &str, p: &mut PartyForm, own: bool) -> Result<(), Stop> {
        let ui = self.ui;
        let name_q = match (key, own) {
            ("controller", true) | ("processor", true) => self.t(
                "Name Ihres Unternehmens (Firma, wie im Vertrag)",
                "Your organisation's legal name",
            ),
            ("controller", false) => self.t(
                "Name des Auftraggebers (Firma, wie im Vertrag)",
                "The controller's legal name",
            ),
            _ => self.t(
                "Name des Auftragnehmers (Firma, wie im Vertrag)",
                "The processor's legal name",
            ),
        };
        p.name = self.text(
            &format!("{key}.name"),
            name_q,
            Some(self.t(
                "z. B. »Zahnarztpraxis Dr. Weber« oder »Pixelwerk GmbH«",
                "e.g. \"Weber Dental Practice\" or \"Pixelwerk Ltd\"",
            )),
            &p.name.clone(),
        )?;
        self.street_postal_city(key, &mut p.address)?;
        let country = if p.address.country.is_empty() && ui == Lang::De {
            "DE".to_string()
        } else {
            p.address.country.clone()
        };
        p.address.country = self.country(
            &format!("{key}.country"),
            self.t("Land", "Country"),
            &country,
        )?;
        p.register = self.opt_text(
            &format!("{key}.register"),
            self.t("Registereintrag (optional)", "Register entry (optional)"),
            Some(self.t(
                "z. B. »HRB 1234, Amtsgericht Köln«",
                "e.g. \"Company no. 01234567, Companies House\"",
            )),
            p.register.clone().as_deref(),
        )?;
        p.representative.name = self.text(
            &format!("{key}.representative.name"),
            self.t("Vertreten durch (Name)", "Represented by (name)"),
            Some(self.t(
                "die Person, die den Vertrag für das Unternehmen schließen darf",
                "the person who may conclude the contract for the organisation",
            )),
            &p.representative.name.clone(),
        )?;
        p.representative.role = self.opt_text(
            &format!("{key}.representative.role"),
            self.t("Funktion (optional)", "Role (optional)"),
            Some(self.t(
                "z. B. Geschäftsführerin, Inhaber",
                "e.g. Managing Director, Owner",
            )),
            p.representative.role.clone().as_deref(),
        )?;
        let email = p.representative.email.clone();
        p.representative.email = self.ask(
            &format!("{key}.representative.email"),
            self.t("E-Mail-Adresse (optional)", "E-mail address (optional)"),
            Some(self.t(
                "an diese Adresse gehen Weisungen und Meldungen, wenn keine andere genannt ist",
                "instructions and notices go here unless another address is named",
            )),
            email.as_deref().unwrap_or(""),
            optional(rules::email),
            None,
        )?;
        if self.confirm(
            &format!("{key}.contact.has"),
            self.t(
                "Eine eigene Ansprechperson für diesen Vertrag angeben?",
                "Name a separate contact person for this agreement?",
            ),
            None,
            p.contact.is_some(),
        )? {
            let c = p.contact.get_or_insert_with(PersonForm::default);
            self.person(&format!("{key}.contact"), c, true, true)?;
        } else {
            p.contact = None;
        }
        if self.confirm(
            &format!("{key}.dpo.has"),
            self.t(
                "Einen Datenschutzbeauftragten angeben?",
                "Name a data protection officer?",
            ),
            Some(self.t(
                "Pflicht z. B. ab 20 Personen, die ständig personenbezogene Daten verarbeiten (§ 38 BDSG)",
                "Required e.g. for core activities of large-scale monitoring or special categories (Art. 37)",
            )),
            p.dpo.is_some(),
        )? {
            let dpo = p.dpo.get_or_insert_with(PersonForm::default);
            self.person(&format!("{key}.dpo"), dpo, false, true)?;
        } else {
            p.dpo = None;
        }
        Ok(())
    }

    fn agreement(&mut self, f: &mut Form, fresh: bool) -> Result<(), Stop> {
        let has = self.confirm(
            "agreement.has",
            self.t(
                "Gehört dieser Vertrag zu einem Hauptvertrag (Dienstleistungs-, Wartungs-, SaaS-Vertrag)?",
                "Does this agreement belong to a main agreement (service, maintenance, SaaS contract)?",
            ),
            None,
            fresh || f.main_agreement.is_some(),
        )?;
        if has {
            let m = f.main_agreement.get_or_insert_with(Default::default);
            m.title = self.text(
                "agreement.title",
                self.t("Titel des Hauptvertrags", "Title of the main agreement"),
                Some(self.t(
                    "z. B. »Vertrag über Webhosting und Wartung«",
                    "e.g. \"Web hosting and maintenance agreement\"",
                )),
                &m.title.clone(),
            )?;
            m.date = self.opt_date(
                "agreement.date",
                self.t(
                    "Datum des Hauptvertrags (optional)",
                    "Date of the main agreement (optional)",
                ),
                m.date.clone().as_deref(),
            )?;
        } else {
            f.main_agreement = None;
        }
        let current = match &f.processing.duration {
            DurationForm::MainAgreement if has => "main_agreement",
            DurationForm::MainAgreement => "indefinite",
            DurationForm::Fixed { .. } => "fixed",
            DurationForm::Indefinite { .. } => "indefinite",
        };
        let mut choices = Vec::new();
        if has {
            choices.push(Choice::new(
                "main_agreement",
                self.t(
                    "Solange der Hauptvertrag läuft",
                    "As long as the main agreement runs",
                ),
            ));
        }
        choices.push(Choice::new(
            "fixed",
            self.t("Bis zu einem festen Datum", "Until a fixed date"),
        ));
        choices.push(Choice::new(
            "indefinite",
            self.t("Unbefristet, kündbar", "Indefinitely, until terminated"),
        ));
        let kind = self.choose(
            "agreement.duration",
            self.t(
                "Wie lange dauert die Verarbeitung?",
                "How long does the processing last?",
            ),
            None,
            choices,
            current,
        )?;
        f.processing.duration = match kind.as_str() {
            "fixed" => {
                let until = match &f.processing.duration {
                    DurationForm::Fixed { until } => until.clone(),
                    _ => String::new(),
                };
                let d = self.ask(
                    "agreement.until",
                    self.t("Letzter Tag der Verarbeitung", "Last day of the processing"),
                    Some(self.t(
                        "JJJJ-MM-TT, z. B. 2027-12-31",
                        "YYYY-MM-DD, e.g. 2027-12-31",
                    )),
                    &until,
                    rules::date,
                    None,
                )?;
                DurationForm::Fixed {
                    until: d.to_string(),
                }
            }
            "indefinite" => {
                let notice = match &f.processing.duration {
                    DurationForm::Indefinite { notice } => notice.clone(),
                    _ => None,
                };
                DurationForm::Indefinite {
                    notice: self.opt_text(
                        "agreement.notice",
                        self.t("Kündigungsfrist (optional)", "Notice period (optional)"),
                        Some(self.t(
                            "z. B. »drei Monate zum Quartalsende«",
                            "e.g. \"three months\"",
                        )),
                        notice.as_deref(),
                    )?,
                }
            }
            _ => DurationForm::MainAgreement,
        };
        f.id = self.opt_text(
            "agreement.id",
            self.t(
                "Ihr Zeichen für diesen Vertrag (optional)",
                "Your reference for this agreement (optional)",
            ),
            Some(self.t(
                "steht in der Fußzeile, z. B. »AVV-2026-001«; ohne Angabe bildet dpagen eins",
                "printed in the footer, e.g. \"DPA-2026-001\"; dpagen makes one if empty",
            )),
            f.id.clone().as_deref(),
        )?;
        f.effective_date = self.opt_date(
            "agreement.effective_date",
            self.t(
                "Ab wann gilt der Vertrag? (optional; leer: mit der letzten Unterschrift)",
                "When does the agreement take effect? (optional; empty: on the last signature)",
            ),
            f.effective_date.clone().as_deref(),
        )?;
        Ok(())
    }

    fn processing(&mut self, f: &mut Form, fresh: bool) -> Result<(), Stop> {
        let p = &mut f.processing;
        p.subject_matter = self.text(
            "processing.subject_matter",
            self.t(
                "Gegenstand: Was tut der Auftragnehmer?",
                "Subject matter: what does the processor do?",
            ),
            Some(self.t(
                "z. B. »Hosting und Wartung der Praxis-Website mit Online-Terminbuchung«",
                "e.g. \"Hosting and maintenance of the website with online booking\"",
            )),
            &p.subject_matter.clone(),
        )?;
        p.purpose = self.text(
            "processing.purpose",
            self.t(
                "Zweck: Wozu werden die Daten verarbeitet?",
                "Purpose: what is the data processed for?",
            ),
            Some(self.t(
                "z. B. »Bereitstellung der Website und Verwaltung von Terminanfragen«",
                "e.g. \"Providing the website and managing appointment requests\"",
            )),
            &p.purpose.clone(),
        )?;
        let current = if fresh && p.operations.is_empty() {
            [
                "collection",
                "recording",
                "storage",
                "retrieval",
                "use",
                "erasure",
            ]
            .map(String::from)
            .to_vec()
        } else {
            p.operations.clone()
        };
        p.operations = self.pick_ids(
            "processing.operations",
            self.t(
                "Art der Verarbeitung: Was geschieht mit den Daten? (Art. 4 Nr. 2 DSGVO)",
                "Nature of the processing: what happens to the data? (Art. 4(2) GDPR)",
            ),
            None,
            &self.cats.operations,
            &current,
            true,
        )?;
        Ok(())
    }

    fn data(&mut self, f: &mut Form) -> Result<(), Stop> {
        let cats = self.cats;
        let p = &mut f.processing;
        self.items(
            "data.categories",
            self.t(
                "Welche Arten personenbezogener Daten?",
                "Which types of personal data?",
            ),
            self.t("ankreuzen, was verarbeitet wird", "tick what is processed"),
            self.t(
                "Weitere Datenart als Freitext (optional)",
                "Another type of data as free text (optional)",
            ),
            &cats.data_categories,
            &mut p.data_categories,
            &["identification", "contact"],
        )?;
        p.special_categories = self.pick_ids(
            "data.special",
            self.t(
                "Besondere Kategorien nach Art. 9 DSGVO? (meist keine)",
                "Special categories under Art. 9 GDPR? (usually none)",
            ),
            Some(self.t(
                "Art. 9: Daten über Gesundheit, Herkunft, Religion, Politik, Gewerkschaft, Genetik, Biometrie, Sexualleben – streng geschützt; nur ankreuzen, was wirklich vorkommt",
                "Art. 9: data on health, origin, religion, politics, trade unions, genetics, biometrics, sex life – strictly protected; tick only what really occurs",
            )),
            &cats.special_categories,
            &p.special_categories.clone(),
            false,
        )?;
        if !p.special_categories.is_empty() {
            let msg = self.t(
                "Hinweis: Für Art.-9-Daten verlangt die Prüfung Verschlüsselung und Rollenrechte; die TOM-Vorlage »Gesundheitswesen« enthält sie.",
                "Note: for Art. 9 data the check requires encryption and role-based access; the TOM preset \"Healthcare\" has them.",
            );
            self.say(msg);
        }
        p.criminal_offence_data = self.confirm(
            "data.criminal",
            self.t(
                "Werden Daten über Straftaten oder Verurteilungen verarbeitet? (Art. 10 DSGVO)",
                "Is data on criminal convictions or offences processed? (Art. 10 GDPR)",
            ),
            Some(self.t(
                "z. B. Führungszeugnisse von Beschäftigten",
                "e.g. criminal record certificates of staff",
            )),
            p.criminal_offence_data,
        )?;
        self.items(
            "data.subjects",
            self.t(
                "Wessen Daten sind es? (betroffene Personen)",
                "Whose data is it? (data subjects)",
            ),
            self.t("ankreuzen, wer betroffen ist", "tick who is concerned"),
            self.t(
                "Weitere Gruppe als Freitext (optional)",
                "Another group as free text (optional)",
            ),
            &cats.data_subjects,
            &mut p.data_subjects,
            &["customers"],
        )?;
        Ok(())
    }

    /// Asks for the transfer basis when a location needs one, after explaining why.
    fn transfer_basis(
        &mut self,
        key: &str,
        who: &str,
        locations: &[String],
        current: Option<String>,
    ) -> Result<Option<String>, Stop> {
        let cats = self.cats;
        let ui = self.ui;
        let outside: Vec<&Country> = locations
            .iter()
            .filter_map(|c| cats.country(c))
            .filter(|c| !c.eea)
            .collect();
        let needing: Vec<&Country> = outside
            .iter()
            .copied()
            .filter(|c| c.needs_basis())
            .collect();
        let names = |cs: &[&Country]| {
            cs.iter()
                .map(|c| format!("{} ({})", c.name(ui), c.code))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if outside.is_empty() {
            return Ok(None);
        }
        if needing.is_empty() {
            self.say(&match ui {
                Lang::De => format!(
                    "{}: {} liegt außerhalb des EWR, hat aber einen Angemessenheitsbeschluss der EU-Kommission (Art. 45 DSGVO); eine weitere Grundlage ist nicht nötig.",
                    who,
                    names(&outside)
                ),
                Lang::En => format!(
                    "{}: {} is outside the EEA but has an adequacy decision of the European Commission (Art. 45 GDPR); no further basis is needed.",
                    who,
                    names(&outside)
                ),
            });
            return Ok(current.filter(|c| c == "adequacy"));
        }
        self.say(&match ui {
            Lang::De => format!(
                "{}: {} liegt außerhalb des EWR ohne Angemessenheitsbeschluss. Eine Übermittlung dorthin braucht eine Rechtsgrundlage nach Art. 44–49 DSGVO. Die Möglichkeiten:",
                who,
                names(&needing)
            ),
            Lang::En => format!(
                "{}: {} is outside the EEA without an adequacy decision. A transfer there needs a legal basis under Art. 44-49 GDPR. The choices:",
                who,
                names(&needing)
            ),
        });
        let dpf_possible = needing.iter().all(|c| c.dpf);
        let ids: &[&str] = if dpf_possible {
            &["dpf", "scc", "bcr", "derogation"]
        } else {
            &["scc", "bcr", "derogation"]
        };
        let choices: Vec<Choice> = ids
            .iter()
            .filter_map(|id| cats.transfer_bases.get(id))
            .map(|e| {
                let w = e.wording(ui);
                let label = match &w.article {
                    Some(a) => format!("{} ({a})", w.label),
                    None => w.label.clone(),
                };
                Choice::new(&e.id, label).with_help(w.help.clone())
            })
            .collect();
        let cur = current.unwrap_or_else(|| "scc".into());
        let basis = self.choose(
            key,
            &match ui {
                Lang::De => format!("Rechtsgrundlage für {}", names(&needing)),
                Lang::En => format!("Legal basis for {}", names(&needing)),
            },
            None,
            choices,
            &cur,
        )?;
        Ok(Some(basis))
    }

    fn locations(&mut self, f: &mut Form) -> Result<(), Stop> {
        let current =
            if f.processing.locations.is_empty() && !f.processor.address.country.is_empty() {
                vec![f.processor.address.country.clone()]
            } else {
                f.processing.locations.clone()
            };
        f.processing.locations = self.countries(
            "locations.countries",
            self.t(
                "In welchen Ländern verarbeitet der Auftragnehmer selbst die Daten?",
                "In which countries does the processor itself process the data?",
            ),
            &current,
        )?;
        let who = self.t("Auftragnehmer", "Processor");
        f.processing.transfer = self.transfer_basis(
            "locations.transfer",
            who,
            &f.processing.locations.clone(),
            f.processing.transfer.clone(),
        )?;
        Ok(())
    }

    fn persons(
        &mut self,
        key: &str,
        message: &str,
        list: &mut Vec<PersonForm>,
        representative: &PersonForm,
    ) -> Result<(), Stop> {
        let current = if list.is_empty() {
            format!(
                "{} ({})",
                representative.name,
                self.t("vertretungsberechtigt", "representative")
            )
        } else {
            list.iter()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let choice = self.choose(
            &format!("{key}.mode"),
            &format!("{message} {}: {current}", self.t("Bisher", "Now")),
            None,
            vec![
                Choice::new("keep", self.t("So lassen", "Keep")),
                Choice::new(
                    "change",
                    self.t(
                        "Andere oder weitere Personen angeben",
                        "Name other or more persons",
                    ),
                ),
            ],
            "keep",
        )?;
        if choice == "keep" {
            return Ok(());
        }
        if !list.is_empty() {
            let q = ChoiceQuestion {
                key: format!("{key}.keep"),
                message: self
                    .t("Diese Personen behalten?", "Keep these persons?")
                    .into(),
                help: None,
                choices: list
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Choice::new(i.to_string(), p.name.clone()))
                    .collect(),
                selected: (0..list.len()).collect(),
                at_least_one: false,
            };
            let keep = self.p.multi_select(&q)?;
            let old = std::mem::take(list);
            list.extend(
                old.into_iter()
                    .enumerate()
                    .filter(|(i, _)| keep.contains(i))
                    .map(|(_, p)| p),
            );
        }
        loop {
            let name = self.opt_text(
                &format!("{key}.add.name"),
                self.t(
                    "Name einer weiteren Person (leer: fertig)",
                    "Name of another person (empty: done)",
                ),
                None,
                None,
            )?;
            let Some(name) = name else { return Ok(()) };
            list.push(PersonForm {
                name,
                ..PersonForm::default()
            });
            let email = self.ask(
                &format!("{key}.add.email"),
                self.t(
                    "Ihre E-Mail-Adresse (optional)",
                    "Their e-mail address (optional)",
                ),
                None,
                "",
                optional(rules::email),
                None,
            )?;
            if let Some(last) = list.last_mut() {
                last.email = email;
            }
        }
    }

    fn instructions(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        let form = self.choose(
            "instructions.form",
            self.t(
                "In welcher Form erteilt der Auftraggeber Weisungen?",
                "In what form does the controller give instructions?",
            ),
            None,
            vec![
                Choice::new(
                    "text",
                    tr(
                        ui,
                        "Textform (z. B. E-Mail) genügt",
                        "Text form (e.g. e-mail) suffices",
                    ),
                ),
                Choice::new(
                    "written",
                    tr(ui, "Schriftlich (mit Unterschrift)", "In writing (signed)"),
                ),
            ],
            &f.instructions.form.clone(),
        )?;
        f.instructions.form = form;
        let rep = f.controller.representative.clone();
        self.persons(
            "instructions.controller",
            self.t(
                "Wer darf für den Auftraggeber Weisungen erteilen?",
                "Who may give instructions for the controller?",
            ),
            &mut f.instructions.controller_persons,
            &rep,
        )?;
        let rep = f.processor.representative.clone();
        self.persons(
            "instructions.processor",
            self.t(
                "Wer nimmt beim Auftragnehmer Weisungen entgegen?",
                "Who receives instructions at the processor?",
            ),
            &mut f.instructions.processor_persons,
            &rep,
        )?;
        Ok(())
    }

    fn security(&mut self, f: &mut Form, role: Role) -> Result<(), Stop> {
        let cats = self.cats;
        let ui = self.ui;
        let mut choices = Vec::new();
        if !f.security.measures.is_empty() {
            choices.push(Choice::new(
                "keep",
                match ui {
                    Lang::De => format!(
                        "Bisherige Auswahl bearbeiten ({} Maßnahmen)",
                        f.security.measures.len()
                    ),
                    Lang::En => format!(
                        "Edit the current selection ({} measures)",
                        f.security.measures.len()
                    ),
                },
            ));
        }
        choices.extend(self.catalog_choices(&cats.presets));
        choices.push(Choice::new(
            "none",
            self.t("Ohne Vorlage, leere Liste", "No preset, empty list"),
        ));
        let default = if !f.security.measures.is_empty() {
            "keep"
        } else if !f.processing.special_categories.is_empty() || f.processing.criminal_offence_data
        {
            "healthcare"
        } else {
            "small_office"
        };
        let preset = self.choose(
            "security.preset",
            match role {
                Role::Processor => self.t(
                    "Womit beginnen? Eine Vorlage, die Sie danach anpassen",
                    "Where to start? A preset that you adjust next",
                ),
                Role::Controller => self.t(
                    "Womit beginnen? Eine Vorlage für Ihren Dienstleister, die Sie danach anpassen",
                    "Where to start? A preset for your service provider that you adjust next",
                ),
            },
            None,
            choices,
            default,
        )?;
        let start: Vec<String> = match preset.as_str() {
            "keep" => f.security.measures.clone(),
            "none" => Vec::new(),
            id => cats
                .presets
                .get(id)
                .map(|p| p.measures.clone())
                .unwrap_or_default(),
        };
        f.security.measures = self.pick_ids(
            "security.measures",
            match role {
                Role::Processor => self.t(
                    "Welche Maßnahmen setzen Sie um? (nur ankreuzen, was wirklich gilt)",
                    "Which measures do you have in place? (tick only what is true)",
                ),
                Role::Controller => self.t(
                    "Welche Maßnahmen setzt der Auftragnehmer um? (nur, was wirklich gilt)",
                    "Which measures does the processor have in place? (only what is true)",
                ),
            },
            None,
            &cats.measures,
            &start,
            true,
        )?;
        // Own measures: keep or drop, then add (text, then its Art. 32(1) area).
        if !f.security.custom.is_empty() {
            let q = ChoiceQuestion {
                key: "security.custom.keep".into(),
                message: self
                    .t("Eigene Maßnahmen behalten?", "Keep your own measures?")
                    .into(),
                help: None,
                choices: f
                    .security
                    .custom
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Choice::new(i.to_string(), c.text.clone()))
                    .collect(),
                selected: (0..f.security.custom.len()).collect(),
                at_least_one: false,
            };
            let keep = self.p.multi_select(&q)?;
            let old = std::mem::take(&mut f.security.custom);
            f.security.custom.extend(
                old.into_iter()
                    .enumerate()
                    .filter(|(i, _)| keep.contains(i))
                    .map(|(_, c)| c),
            );
        }
        loop {
            let text = self.opt_text(
                "security.custom.text",
                self.t(
                    "Eigene Maßnahme, konkret beschrieben (optional; leer: weiter)",
                    "A measure of your own, described concretely (optional; empty: go on)",
                ),
                None,
                None,
            )?;
            let Some(text) = text else { break };
            let area = self.choose(
                "security.custom.area",
                self.t(
                    "Zu welchem Bereich von Art. 32 Abs. 1 gehört sie?",
                    "Which area of Art. 32(1) does it belong to?",
                ),
                None,
                self.catalog_choices(&cats.areas),
                "confidentiality",
            )?;
            f.security.custom.push(CustomForm { area, text });
        }
        self.edit_texts(
            "security.certifications",
            self.t(
                "Zertifizierung (optional, z. B. »ISO/IEC 27001«; leer: weiter)",
                "Certification (optional, e.g. \"ISO/IEC 27001\"; empty: go on)",
            ),
            &mut f.security.certifications,
        )?;
        Ok(())
    }

    fn subprocessor(&mut self, s: &mut SubprocessorForm) -> Result<(), Stop> {
        s.name = self.text(
            "sub.name",
            self.t(
                "Name des Unterauftragsverarbeiters",
                "Name of the subprocessor",
            ),
            Some(self.t(
                "z. B. »Hetzner Online GmbH«",
                "e.g. \"Hetzner Online GmbH\"",
            )),
            &s.name.clone(),
        )?;
        self.street_postal_city("sub", &mut s.address)?;
        s.address.country = self.country(
            "sub.country",
            self.t("Land des Sitzes", "Country of the registered office"),
            &s.address.country.clone(),
        )?;
        s.service = self.text(
            "sub.service",
            self.t(
                "Welche Leistung erbringt er?",
                "What service does it provide?",
            ),
            Some(self.t(
                "z. B. »Server-Hosting im Rechenzentrum«",
                "e.g. \"Server hosting in the data centre\"",
            )),
            &s.service.clone(),
        )?;
        let current = if s.locations.is_empty() {
            vec![s.address.country.clone()]
        } else {
            s.locations.clone()
        };
        s.locations = self.countries(
            "sub.locations",
            self.t(
                "In welchen Ländern verarbeitet er die Daten?",
                "In which countries does it process the data?",
            ),
            &current,
        )?;
        let name = s.name.clone();
        s.transfer = self.transfer_basis(
            "sub.transfer",
            &name,
            &s.locations.clone(),
            s.transfer.clone(),
        )?;
        Ok(())
    }

    fn subprocessors(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        let sp = &mut f.subprocessors;
        sp.authorisation = self.choose(
            "subprocessors.authorisation",
            self.t("Wie werden Unterauftragsverarbeiter genehmigt? (Art. 28 Abs. 2)", "How are subprocessors authorised? (Art. 28(2))"),
            None,
            vec![
                Choice::new("general", tr(ui, "Allgemein", "General")).with_help(Some(tr(
                    ui,
                    "Der Auftragnehmer kündigt Änderungen vorher an, der Auftraggeber kann widersprechen (üblich)",
                    "The processor announces changes in advance and the controller may object (common)",
                ))),
                Choice::new("specific", tr(ui, "Im Einzelfall", "Specific")).with_help(Some(tr(
                    ui,
                    "Jeder neue Unterauftragsverarbeiter braucht die vorherige Zustimmung des Auftraggebers",
                    "Every new subprocessor needs the controller's prior approval",
                ))),
            ],
            &sp.authorisation.clone(),
        )?;
        if sp.authorisation == "general" {
            sp.notice_days = self.u32(
                "subprocessors.notice_days",
                self.t(
                    "Wie viele Tage vorher werden Änderungen angekündigt?",
                    "How many days in advance are changes announced?",
                ),
                Some(self.t(
                    "Frist für einen Widerspruch; üblich sind 30 Tage, mindestens 14",
                    "the time to object; 30 days are common, at least 14",
                )),
                sp.notice_days,
            )?;
        }
        loop {
            let entries: Vec<String> = sp
                .list
                .iter()
                .map(|s| format!("{} ({})", s.name, s.locations.join(", ")))
                .collect();
            let message = match (ui, entries.len()) {
                (Lang::De, 0) => "Unterauftragsverarbeiter: noch keiner. Hosting, E-Mail, Support-Tools zählen dazu.".to_string(),
                (Lang::En, 0) => "Subprocessors: none yet. Hosting, e-mail and support tools count.".to_string(),
                (Lang::De, n) => format!("Unterauftragsverarbeiter: {n}"),
                (Lang::En, n) => format!("Subprocessors: {n}"),
            };
            match self.menu(
                "subprocessors.menu",
                &message,
                &entries,
                self.t("Hinzufügen", "Add one"),
            )? {
                Menu::Done => return Ok(()),
                Menu::Add => {
                    sp.list.push(SubprocessorForm::default());
                    if let Some(s) = sp.list.last_mut() {
                        self.subprocessor(s)?;
                    }
                }
                Menu::Edit(i) => {
                    if let Some(s) = sp.list.get_mut(i) {
                        self.subprocessor(s)?;
                    }
                }
                Menu::Remove(i) => {
                    let name = sp.list.get(i).map(|s| s.name.clone()).unwrap_or_default();
                    let q = match ui {
                        Lang::De => format!("{name} wirklich entfernen?"),
                        Lang::En => format!("Really remove {name}?"),
                    };
                    if self.confirm("subprocessors.remove", &q, None, false)? && i < sp.list.len() {
                        sp.list.remove(i);
                    }
                }
            }
        }
    }

    fn terms(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        let t = &mut f.terms;
        t.breach_notification_hours = self.u32(
            "terms.breach_hours",
            self.t(
                "Binnen wie vielen Stunden meldet der Auftragnehmer eine Datenpanne?",
                "Within how many hours does the processor report a data breach?",
            ),
            Some(self.t(
                "der Auftraggeber muss selbst binnen 72 Stunden melden (Art. 33); üblich sind 24 oder 48",
                "the controller itself must report within 72 hours (Art. 33); 24 or 48 are common",
            )),
            t.breach_notification_hours,
        )?;
        t.audit_notice_days = self.u32(
            "terms.audit_notice_days",
            self.t(
                "Wie viele Tage vorher werden Kontrollen angekündigt?",
                "How many days' notice before an audit?",
            ),
            None,
            t.audit_notice_days,
        )?;
        t.audit_on_site = self.confirm(
            "terms.audit_on_site",
            self.t(
                "Sind Kontrollen vor Ort erlaubt?",
                "Are on-site inspections allowed?",
            ),
            Some(self.t(
                "Art. 28 Abs. 3 lit. h nennt Inspektionen ausdrücklich",
                "Art. 28(3)(h) names inspections expressly",
            )),
            t.audit_on_site,
        )?;
        t.end_choice = self.choose(
            "terms.end_choice",
            self.t(
                "Was geschieht am Ende mit den Daten?",
                "What happens to the data at the end?",
            ),
            None,
            vec![
                Choice::new(
                    "return_then_delete",
                    tr(ui, "Rückgabe, dann Löschung", "Return, then deletion"),
                ),
                Choice::new("delete", tr(ui, "Löschung", "Deletion")),
                Choice::new("return", tr(ui, "Rückgabe", "Return")),
            ],
            &t.end_choice.clone(),
        )?;
        t.end_days = self.u32(
            "terms.end_days",
            self.t("Binnen wie vielen Tagen?", "Within how many days?"),
            None,
            t.end_days,
        )?;
        t.liability = self.choose(
            "terms.liability",
            self.t("Haftung", "Liability"),
            None,
            vec![
                Choice::new(
                    "statutory",
                    tr(
                        ui,
                        "Nach dem Gesetz (Art. 82 DSGVO)",
                        "As by law (Art. 82 GDPR)",
                    ),
                ),
                Choice::new(
                    "capped",
                    tr(
                        ui,
                        "Im Innenverhältnis begrenzt auf einen Betrag",
                        "Capped at an amount between the parties",
                    ),
                ),
            ],
            &t.liability.clone(),
        )?;
        if t.liability == "capped" {
            let cap = t
                .liability_cap_eur
                .map(|c| c.to_string())
                .unwrap_or_default();
            t.liability_cap_eur = Some(self.ask(
                "terms.liability_cap_eur",
                self.t("Höchstbetrag in Euro", "Cap in euros"),
                Some(self.t(
                    "ganze Zahl ohne Punkte, z. B. 50000",
                    "whole number without separators, e.g. 50000",
                )),
                &cap,
                number::<u64>,
                None,
            )?);
        } else {
            t.liability_cap_eur = None;
        }
        let law = t
            .governing_law
            .clone()
            .unwrap_or_else(|| f.controller.address.country.clone());
        t.governing_law = Some(self.country(
            "terms.governing_law",
            self.t(
                "Welches Recht gilt?",
                "Which country's law governs the agreement?",
            ),
            &law,
        )?);
        t.jurisdiction = self.opt_text(
            "terms.jurisdiction",
            self.t(
                "Gerichtsstand (optional)",
                "Place of jurisdiction (optional)",
            ),
            Some(self.t("z. B. Köln", "e.g. London")),
            t.jurisdiction.clone().as_deref(),
        )?;
        Ok(())
    }

    fn options(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        let choices: Vec<Choice> = OPTION_TEXTS
            .iter()
            .map(|(id, [dl, dh, el, eh])| {
                Choice::new(*id, tr(ui, dl, el)).with_help(Some(tr(ui, dh, eh)))
            })
            .collect();
        let flags = f.options.flags();
        let selected = flags
            .iter()
            .enumerate()
            .filter(|(_, (_, on))| *on)
            .map(|(i, _)| i)
            .collect();
        let q = ChoiceQuestion {
            key: "options.clauses".into(),
            message: self
                .t(
                    "Welche zusätzlichen Klauseln sollen in den Vertrag?",
                    "Which additional clauses should the agreement contain?",
                )
                .into(),
            help: None,
            choices,
            selected,
            at_least_one: false,
        };
        let picked = self.p.multi_select(&q)?;
        let on: Vec<String> = picked
            .into_iter()
            .filter_map(|i| q.choices.get(i).map(|c| c.id.clone()))
            .collect();
        f.options.set_flags(&on);
        let penalty = self.confirm(
            "options.penalty",
            self.t(
                "Eine Vertragsstrafe vereinbaren?",
                "Agree on a contractual penalty?",
            ),
            None,
            f.options.contractual_penalty_eur.is_some(),
        )?;
        if penalty {
            let cur = f
                .options
                .contractual_penalty_eur
                .map(|c| c.to_string())
                .unwrap_or_default();
            f.options.contractual_penalty_eur = Some(self.ask(
                "options.penalty_eur",
                self.t("Betrag je Verstoß in Euro", "Amount per breach in euros"),
                None,
                &cur,
                number::<u64>,
                None,
            )?);
        } else {
            f.options.contractual_penalty_eur = None;
        }
        Ok(())
    }

    fn signatory(&mut self, s: &mut SignatoryForm) -> Result<(), Stop> {
        let ui = self.ui;
        s.party = self.choose(
            "sign.party",
            self.t("Unterschreibt für", "Signs for"),
            None,
            vec![
                Choice::new("controller", tr(ui, "Auftraggeber", "Controller")),
                Choice::new("processor", tr(ui, "Auftragnehmer", "Processor")),
            ],
            &s.party.clone(),
        )?;
        s.name = self.text("sign.name", self.t("Name", "Name"), None, &s.name.clone())?;
        s.role = self.opt_text(
            "sign.role",
            self.t("Funktion (optional)", "Role (optional)"),
            None,
            s.role.clone().as_deref(),
        )?;
        s.place = self.opt_text(
            "sign.place",
            self.t(
                "Ort der Unterschrift (optional)",
                "Place of signing (optional)",
            ),
            None,
            s.place.clone().as_deref(),
        )?;
        Ok(())
    }

    fn signatories(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        if f.signatories.is_empty() {
            f.signatories = default_signatories(f);
        }
        loop {
            let entries: Vec<String> = f
                .signatories
                .iter()
                .map(|s| {
                    let party = match (ui, s.party.as_str()) {
                        (Lang::De, "controller") => "Auftraggeber",
                        (Lang::De, _) => "Auftragnehmer",
                        (Lang::En, "controller") => "controller",
                        (Lang::En, _) => "processor",
                    };
                    let mut line = s.name.clone();
                    if let Some(r) = &s.role {
                        line.push_str(&format!(", {r}"));
                    }
                    if let Some(p) = &s.place {
                        line.push_str(&format!(", {p}"));
                    }
                    format!("{line} – {party}")
                })
                .collect();
            let message = match ui {
                Lang::De => format!("Es unterschreiben: {}", entries.join("; ")),
                Lang::En => format!("Signing: {}", entries.join("; ")),
            };
            match self.menu(
                "signatories.menu",
                &message,
                &entries,
                self.t("Person hinzufügen", "Add a person"),
            )? {
                Menu::Done => {
                    let missing: Vec<&str> = ["controller", "processor"]
                        .into_iter()
                        .filter(|p| !f.signatories.iter().any(|s| s.party == *p))
                        .collect();
                    if missing.is_empty() {
                        return Ok(());
                    }
                    let msg = self.t(
                        "Für jede Seite muss mindestens eine Person unterschreiben.",
                        "At least one person must sign for each side.",
                    );
                    self.say(msg);
                }
                Menu::Add => {
                    let party = if f.signatories.iter().any(|s| s.party == "controller") {
                        "processor"
                    } else {
                        "controller"
                    };
                    f.signatories.push(SignatoryForm {
                        party: party.into(),
                        ..SignatoryForm::default()
                    });
                    if let Some(s) = f.signatories.last_mut() {
                        self.signatory(s)?;
                    }
                }
                Menu::Edit(i) => {
                    if let Some(s) = f.signatories.get_mut(i) {
                        self.signatory(s)?;
                    }
                }
                Menu::Remove(i) => {
                    if i < f.signatories.len() {
                        f.signatories.remove(i);
                    }
                }
            }
        }
    }

    /// A few lines describing the contract, for the summary.
    fn overview(&self, f: &Form) -> String {
        let ui = self.ui;
        let cats = self.cats;
        let label = |c: &Catalog, id: &str| {
            c.get(id)
                .map_or(id.to_string(), |e| e.label(ui).to_string())
        };
        let short = |s: String| {
            // Labels carry examples in brackets; the summary needs only the name.
            s.split(" (").next().unwrap_or(&s).to_string()
        };
        let items = |c: &Catalog, list: &[ItemForm]| {
            list.iter()
                .map(|i| match i {
                    ItemForm::Id(id) => short(label(c, id)),
                    ItemForm::Text(t) => t.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let party = |p: &PartyForm| {
            format!(
                "{}, {}, {} {}, {}",
                p.name, p.address.street, p.address.postal_code, p.address.city, p.address.country
            )
        };
        let none = tr(ui, "keine", "none").to_string();
        let p = &f.processing;
        let duration = match &p.duration {
            DurationForm::MainAgreement => {
                tr(ui, "wie der Hauptvertrag", "as the main agreement").to_string()
            }
            DurationForm::Fixed { until } => format!("{} {until}", tr(ui, "bis", "until")),
            DurationForm::Indefinite { notice } => match notice {
                Some(n) => format!("{}, {n}", tr(ui, "unbefristet", "indefinite")),
                None => tr(ui, "unbefristet", "indefinite").to_string(),
            },
        };
        let special = if p.special_categories.is_empty() {
            none.clone()
        } else {
            p.special_categories
                .iter()
                .map(|id| label(&cats.special_categories, id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let locations = match &p.transfer {
            Some(t) => format!("{} ({t})", p.locations.join(", ")),
            None => p.locations.join(", "),
        };
        let subs = if f.subprocessors.list.is_empty() {
            none.clone()
        } else {
            f.subprocessors
                .list
                .iter()
                .map(|s| match &s.transfer {
                    Some(t) => format!("{} ({}; {t})", s.name, s.locations.join(", ")),
                    None => format!("{} ({})", s.name, s.locations.join(", ")),
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let on: Vec<String> = OPTION_TEXTS
            .iter()
            .filter(|(id, _)| f.options.flags().iter().any(|(k, v)| k == id && *v))
            .map(|(_, [dl, _, el, _])| tr(ui, dl, el).to_string())
            .collect();
        let signers = f
            .signatories
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let t = &f.terms;
        let word = |id: &str| -> String {
            let (de, en) = match id {
                "de" => ("Deutsch", "German"),
                "en" => ("Englisch", "English"),
                "general" => ("allgemeine Genehmigung", "general authorisation"),
                "specific" => ("Genehmigung im Einzelfall", "specific authorisation"),
                "return_then_delete" => ("Rückgabe, dann Löschung", "return, then deletion"),
                "delete" => ("Löschung", "deletion"),
                "return" => ("Rückgabe", "return"),
                "statutory" => ("gesetzliche Haftung", "statutory liability"),
                "capped" => ("Haftung begrenzt auf", "liability capped at"),
                other => return other.to_string(),
            };
            tr(ui, de, en).to_string()
        };
        let rows: Vec<(&str, String)> = vec![
            (
                tr(ui, "Vertragssprache", "Contract language"),
                word(&f.language),
            ),
            (tr(ui, "Auftraggeber", "Controller"), party(&f.controller)),
            (tr(ui, "Auftragnehmer", "Processor"), party(&f.processor)),
            (
                tr(ui, "Hauptvertrag", "Main agreement"),
                f.main_agreement
                    .as_ref()
                    .map_or(none.clone(), |m| match &m.date {
                        Some(d) => format!("{} ({d})", m.title),
                        None => m.title.clone(),
                    }),
            ),
            (tr(ui, "Laufzeit", "Duration"), duration),
            (
                tr(ui, "Gegenstand", "Subject matter"),
                p.subject_matter.clone(),
            ),
            (tr(ui, "Zweck", "Purpose"), p.purpose.clone()),
            (
                tr(ui, "Verarbeitungen", "Operations"),
                p.operations
                    .iter()
                    .map(|id| label(&cats.operations, id))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                tr(ui, "Daten", "Data"),
                items(&cats.data_categories, &p.data_categories),
            ),
            (
                tr(ui, "Art. 9 / Art. 10", "Art. 9 / Art. 10"),
                format!(
                    "{special} / {}",
                    if p.criminal_offence_data {
                        tr(ui, "ja", "yes")
                    } else {
                        tr(ui, "nein", "no")
                    }
                ),
            ),
            (
                tr(ui, "Betroffene", "Data subjects"),
                items(&cats.data_subjects, &p.data_subjects),
            ),
            (tr(ui, "Orte", "Locations"), locations),
            (
                tr(ui, "TOM", "TOMs"),
                match ui {
                    Lang::De => format!(
                        "{} aus dem Katalog, {} eigene, Zertifizierungen: {}",
                        f.security.measures.len(),
                        f.security.custom.len(),
                        if f.security.certifications.is_empty() {
                            none.clone()
                        } else {
                            f.security.certifications.join(", ")
                        }
                    ),
                    Lang::En => format!(
                        "{} from the catalog, {} own, certifications: {}",
                        f.security.measures.len(),
                        f.security.custom.len(),
                        if f.security.certifications.is_empty() {
                            none.clone()
                        } else {
                            f.security.certifications.join(", ")
                        }
                    ),
                },
            ),
            (
                tr(ui, "Unterauftragsverarb.", "Subprocessors"),
                match ui {
                    Lang::De => format!(
                        "{}, {} Tage Vorlauf: {subs}",
                        word(&f.subprocessors.authorisation),
                        f.subprocessors.notice_days
                    ),
                    Lang::En => format!(
                        "{}, {} days' notice: {subs}",
                        word(&f.subprocessors.authorisation),
                        f.subprocessors.notice_days
                    ),
                },
            ),
            (
                tr(ui, "Fristen", "Deadlines"),
                match ui {
                    Lang::De => format!(
                        "Meldung binnen {} h; Kontrollen {} Tage vorher, vor Ort: {}; am Ende {} binnen {} Tagen",
                        t.breach_notification_hours,
                        t.audit_notice_days,
                        if t.audit_on_site { "ja" } else { "nein" },
                        word(&t.end_choice),
                        t.end_days
                    ),
                    Lang::En => format!(
                        "breach report within {} h; audits with {} days' notice, on site: {}; at the end {} within {} days",
                        t.breach_notification_hours,
                        t.audit_notice_days,
                        if t.audit_on_site { "yes" } else { "no" },
                        word(&t.end_choice),
                        t.end_days
                    ),
                },
            ),
            (
                tr(ui, "Haftung, Recht", "Liability, law"),
                format!(
                    "{}{}; {}{}",
                    word(&t.liability),
                    t.liability_cap_eur
                        .map(|c| format!(" {c} EUR"))
                        .unwrap_or_default(),
                    t.governing_law.clone().unwrap_or_default(),
                    t.jurisdiction
                        .as_ref()
                        .map(|j| format!(", {j}"))
                        .unwrap_or_default()
                ),
            ),
            (
                tr(ui, "Optionale Klauseln", "Optional clauses"),
                if on.is_empty() {
                    none.clone()
                } else {
                    on.join(", ")
                },
            ),
            (tr(ui, "Unterschriften", "Signatories"), signers),
        ];
        let width = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(10);
        rows.into_iter()
            .map(|(k, v)| format!("  {k}:{} {v}", " ".repeat(width - k.chars().count())))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn summary(&mut self, d: &mut Draft, draft_path: &Path) -> Result<Step, Stop> {
        let ui = self.ui;
        let yaml = yaml_out::to_yaml(&d.form);
        let target = PathBuf::from(
            d.output
                .clone()
                .unwrap_or_else(|| default_file_name(&d.form, d.form.lang())),
        );
        let overview = self.overview(&d.form);
        self.say(&overview);
        let loaded = parse_contract(&target, yaml.clone());
        match &loaded {
            Ok(l) => {
                let report = crate::clauses::Library::builtin()
                    .and_then(|lib| crate::check::check(l, &lib, crate::model::Date::today()));
                match report {
                    Ok(r) => {
                        self.say(
                            self.t("\nPrüfung (wie `dpa check`):", "\nCheck (as `dpa check`):"),
                        );
                        let text = crate::check::findings_text(&r, &l.source, Severity::Note);
                        self.say(text.trim_end());
                    }
                    Err(e) => self.say(&e.to_string()),
                }
            }
            Err(e) => {
                self.say(&e.to_string());
                let msg = self.t(
                    "Der Vertrag ist so noch nicht gültig; bitte ändern Sie die genannten Abschnitte.",
                    "The contract is not valid yet; please change the sections named above.",
                );
                self.say(msg);
            }
        }
        let mut choices = Vec::new();
        if loaded.is_ok() {
            choices.push(Choice::new(
                "save",
                self.t("Vertrag speichern", "Save the contract"),
            ));
        }
        for s in Section::ALL.iter().filter(|s| **s != Section::Summary) {
            choices.push(Choice::new(
                format!("change:{}", s.id()),
                format!(
                    "{} {}. {}",
                    self.t("Ändern:", "Change:"),
                    s.number(),
                    s.title(ui, d.role)
                ),
            ));
        }
        choices.push(Choice::new(
            "stop",
            self.t(
                "Hier anhalten (der Entwurf bleibt gespeichert)",
                "Stop here (the draft is kept)",
            ),
        ));
        let pick = self.choose(
            "summary",
            self.t("Wie weiter?", "What next?"),
            None,
            choices,
            "save",
        )?;
        if pick == "stop" {
            return Ok(Step::Done(Outcome::Left));
        }
        if let Some(id) = pick.strip_prefix("change:") {
            let s = Section::ALL
                .into_iter()
                .find(|s| s.id() == id)
                .unwrap_or(Section::Summary);
            return Ok(Step::Goto(s));
        }
        self.save(d, &yaml, draft_path)
    }

    fn save(&mut self, d: &mut Draft, yaml: &str, draft_path: &Path) -> Result<Step, Stop> {
        let ui = self.ui;
        let path = loop {
            let initial = d
                .output
                .clone()
                .unwrap_or_else(|| default_file_name(&d.form, d.form.lang()));
            let name = self.text(
                "save.file",
                self.t("Dateiname des Vertrags", "File name of the contract"),
                Some(self.t(
                    "die Vertragsdatei (YAML, Format 1) für `dpa render` und `dpa batch`",
                    "the contract file (YAML, format 1) for `dpa render` and `dpa batch`",
                )),
                &initial,
            )?;
            d.output = Some(name.clone());
            let path = PathBuf::from(&name);
            let same_as_from = d.from.as_deref().is_some_and(|f| Path::new(f) == path);
            if path.exists() && !same_as_from {
                let q = match ui {
                    Lang::De => format!("{name} gibt es schon. Überschreiben?"),
                    Lang::En => format!("{name} exists. Overwrite it?"),
                };
                if !self.confirm("save.overwrite", &q, None, false)? {
                    continue;
                }
            }
            match crate::output::write_atomic(&path, yaml.as_bytes(), true) {
                Ok(()) => break path,
                Err(e) => self.say(&e.to_string()),
            }
        };
        Draft::discard(draft_path);
        self.say(&match ui {
            Lang::De => format!("Gespeichert: {}", path.display()),
            Lang::En => format!("Saved: {}", path.display()),
        });
        // From here on the contract is safe; a stop only skips the PDF.
        let pdf = match self.confirm(
            "render.now",
            self.t("Jetzt das PDF erzeugen?", "Render the PDF now?"),
            None,
            true,
        ) {
            Ok(true) => self.render(&path, yaml),
            _ => None,
        };
        if pdf.is_none() {
            self.say(&match ui {
                Lang::De => format!("PDF später erzeugen mit: dpa render {}", path.display()),
                Lang::En => format!("Render it later with: dpa render {}", path.display()),
            });
        }
        Ok(Step::Done(Outcome::Saved {
            contract: path,
            pdf,
        }))
    }

    fn render(&mut self, contract: &Path, yaml: &str) -> Option<PathBuf> {
        let ui = self.ui;
        let pdf_path = contract.with_extension("pdf");
        if pdf_path.exists() {
            let q = match ui {
                Lang::De => format!("{} gibt es schon. Überschreiben?", pdf_path.display()),
                Lang::En => format!("{} exists. Overwrite it?", pdf_path.display()),
            };
            if !matches!(self.confirm("render.overwrite", &q, None, false), Ok(true)) {
                return None;
            }
        }
        let result =
            parse_contract(contract, yaml.to_string()).and_then(|loaded: LoadedContract| {
                let lib = crate::clauses::Library::builtin()?;
                let out = crate::pipeline::render(
                    &loaded,
                    &lib,
                    crate::pipeline::Formats {
                        pdf: true,
                        markdown: false,
                    },
                    false,
                    crate::model::Date::today(),
                )?;
                let pdf = out
                    .pdf
                    .ok_or_else(|| Error::Internal("no PDF was rendered".into()))?;
                crate::output::write_atomic(&pdf_path, &pdf.bytes, true)?;
                Ok((pdf.pages, pdf.fields.len()))
            });
        match result {
            Ok((pages, fields)) => {
                self.say(&match ui {
                    Lang::De => format!(
                        "PDF geschrieben: {} ({pages} Seiten, {fields} Signaturfelder)",
                        pdf_path.display()
                    ),
                    Lang::En => format!(
                        "Wrote {} ({pages} pages, {fields} signature fields)",
                        pdf_path.display()
                    ),
                });
                Some(pdf_path)
            }
            Err(e) => {
                self.say(&e.to_string());
                None
            }
        }
    }
}
