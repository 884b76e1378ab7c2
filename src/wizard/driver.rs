//! The loop that walks through the wizard: the [`Section`]s in their order, how a
//! session ends ([`Outcome`]) and [`drive`], which asks one section after the other.
//!
//! Each section writes every answer into the form as soon as it is given, so an
//! interruption keeps it; [`drive`] saves the draft after every section and on Ctrl-C.
//! The questions themselves are in the `steps` module.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::ask::Wizard;
use super::back::{self, Given, Replay};
use super::draft::{Draft, Role};
use super::{Prompter, Stop};
use crate::catalog::Catalogs;
use crate::{Error, Lang, tr, tr_in};

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
        match self {
            Section::Start => tr_in!(ui, "wizard-section-start"),
            Section::Controller if own => tr_in!(ui, "wizard-section-controller-own"),
            Section::Controller => tr_in!(ui, "wizard-section-controller-client"),
            Section::Processor if own => tr_in!(ui, "wizard-section-processor-provider"),
            Section::Processor => tr_in!(ui, "wizard-section-processor-own"),
            Section::Agreement => tr_in!(ui, "wizard-section-agreement"),
            Section::Processing => tr_in!(ui, "wizard-section-processing"),
            Section::Data => tr_in!(ui, "wizard-section-data"),
            Section::Locations => tr_in!(ui, "wizard-section-locations"),
            Section::Instructions => tr_in!(ui, "wizard-section-instructions"),
            Section::Security => tr_in!(ui, "wizard-section-security"),
            Section::Subprocessors => tr_in!(ui, "wizard-section-subprocessors"),
            Section::Terms => tr_in!(ui, "wizard-section-terms"),
            Section::Options => tr_in!(ui, "wizard-section-options"),
            Section::Signatories => tr_in!(ui, "wizard-section-signatories"),
            Section::Summary => tr_in!(ui, "wizard-section-summary"),
        }
    }

    /// The section a field of the contract file is asked in (`processing.locations` ->
    /// [`Section::Locations`]); the summary for anything else.
    pub fn of_field(path: &str) -> Section {
        let mut parts = path.split(['.', '[']);
        let first = parts.next().unwrap_or("");
        let second = parts.next().unwrap_or("");
        match (first, second) {
            ("language", _) => Section::Start,
            ("controller", _) => Section::Controller,
            ("processor", _) => Section::Processor,
            ("id" | "effective_date" | "main_agreement", _) | ("processing", "duration") => {
                Section::Agreement
            }
            ("processing", "subject_matter" | "purpose" | "operations") => Section::Processing,
            ("processing", "locations" | "transfer") => Section::Locations,
            ("processing", _) => Section::Data,
            ("instructions", _) => Section::Instructions,
            ("security", _) => Section::Security,
            ("subprocessors", _) => Section::Subprocessors,
            ("terms", _) => Section::Terms,
            ("options", _) => Section::Options,
            ("signatories", _) => Section::Signatories,
            _ => Section::Summary,
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

/// A section answered in this session: the draft before it and the answers given, so
/// that Esc on the first question of the next section can go back into it.
struct Answered {
    before: Draft,
    given: Vec<Given>,
}

/// Walks through the sections from `d.next` until the contract is saved or the person
/// stops; saves the draft after every section and when stopped. Esc goes back one
/// question, also into the section before (see [`super::back`]).
pub fn drive(p: &mut dyn Prompter, d: &mut Draft, draft_path: &Path) -> Result<Outcome, Error> {
    let _lang = crate::i18n::scoped(d.ui());
    let cats = Catalogs::get()?;
    if d.next == Section::Start && d.done.is_empty() {
        p.say(&tr!("wizard-intro"));
    }
    // The sections answered in this session, newest last.
    let mut history: Vec<Answered> = Vec::new();
    // Answers to replay and the one to suggest, after Esc.
    let mut replay: Vec<Given> = Vec::new();
    let mut prefill: Option<Given> = None;
    let mut header = true;
    loop {
        let section = d.next;
        let ui = d.ui();
        if header {
            p.say(&format!(
                "\n{}",
                tr!(
                    "wizard-step",
                    step = section.number(),
                    steps = Section::ALL.len(),
                    title = section.title(ui, d.role)
                )
            ));
        }
        header = true;
        let before = d.clone();
        let mut rp = Replay::new(&mut *p, std::mem::take(&mut replay), prefill.take());
        let mut w = Wizard {
            p: &mut rp,
            ui,
            contract: d.form.lang(),
            cats,
        };
        let result = if section == Section::Summary {
            w.summary(d, draft_path)
        } else {
            w.section(section, d).map(|()| Step::Next)
        };
        let given = std::mem::take(&mut rp.given);
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
                history.push(Answered { before, given });
            }
            Ok(Step::Goto(s)) => {
                d.next = s;
                d.back_to_summary = true;
                d.save(draft_path)?;
                history.push(Answered { before, given });
            }
            Ok(Step::Done(outcome)) => {
                if matches!(outcome, Outcome::Left) {
                    d.save(draft_path)?;
                }
                return Ok(outcome);
            }
            Err(Stop::Back) => {
                // The form as it was when the section started; its answers but the last
                // are replayed, the last is asked again.
                *d = before;
                match back::one_back(given) {
                    Some((r, last)) => {
                        replay = r;
                        prefill = last;
                        header = false;
                    }
                    None => match history.pop() {
                        Some(prev) => {
                            *d = prev.before;
                            if let Some((r, last)) = back::one_back(prev.given) {
                                replay = r;
                                prefill = last;
                            }
                        }
                        None => {
                            p.say(&tr!("wizard-back-first"));
                            header = false;
                        }
                    },
                }
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
