//! The loop that walks through the wizard: the [`Section`]s in their order, how a
//! session ends ([`Outcome`]) and [`drive`], which asks one section after the other.
//!
//! Each section writes every answer into the form as soon as it is given, so an
//! interruption keeps it; [`drive`] saves the draft after every section and on Ctrl-C.
//! The questions themselves are in the `steps` module.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::ask::Wizard;
use super::draft::{Draft, Role};
use super::{Prompter, Stop, tr};
use crate::catalog::Catalogs;
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

/// What a section asks the driver to do next.
pub(in crate::wizard) enum Step {
    /// Go on with the next section (or back to the summary).
    Next,
    /// Go to this section, then back to the summary.
    Goto(Section),
    /// The session is over.
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
