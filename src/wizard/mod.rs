//! `dpa new`: a question-and-answer wizard in the terminal that writes a contract file
//! (format 1) and offers to render it.
//!
//! The wizard talks to the person only through the small [`Prompter`] trait: [`terminal`]
//! implements it with inquire, [`script`] with a list of prepared answers for tests.
//! Every answer is checked at the prompt by the field rules of [`crate::model::rules`],
//! the same code the YAML loader uses; the finished contract goes through the loader
//! ([`crate::input::parse_contract`]) and [`crate::check`] before it is written.
//!
//! The modules:
//! - [`driver`]: the sections in their order, how a session ends, and the loop
//!   ([`drive`]) that asks one section after the other and saves the draft in between;
//! - `steps` (private): the questions of each section, one file per section or per pair
//!   of closely related sections, ending with the summary and saving;
//! - [`ask`]: the shared prompting helpers the steps are built on (generic questions,
//!   refusal text, number and country rules, country autocompletion, list questions);
//! - [`form`] holds the answers, [`draft`] keeps them in a file (mode 0600) after every
//!   section so that nothing is lost, [`yaml_out`] writes the contract file;
//! - [`terminal`] and [`script`]: the two [`Prompter`]s.

pub mod ask;
pub mod draft;
pub mod driver;
pub mod form;
pub mod script;
mod steps;
pub mod terminal;
pub mod yaml_out;

#[cfg(test)]
mod scripted_tests;

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::{Error, Lang};

pub use draft::{DRAFT_FILE, Draft, Role};
pub use driver::{Outcome, Section, drive};

/// Decides whether a typed answer is acceptable; `Err` holds the message to show.
pub type Check = Rc<dyn Fn(&str) -> Result<(), String>>;

/// Suggestions for the input so far; each one is a complete answer.
pub type Suggest = Rc<dyn Fn(&str) -> Vec<String>>;

/// What Tab turns the input into, given the highlighted suggestion (if any).
pub type Complete = Rc<dyn Fn(&str, Option<&str>) -> Option<String>>;

/// Autocompletion for a text prompt.
#[derive(Clone)]
pub struct Completion {
    /// Suggestions for the input so far.
    pub suggest: Suggest,
    /// What Tab does.
    pub complete: Complete,
}

/// A question answered by typing.
#[derive(Clone)]
pub struct TextQuestion {
    /// Stable id of the question (`controller.name`), used by scripts and tests.
    pub key: String,
    /// The question.
    pub message: String,
    /// One line of help under the question.
    pub help: Option<String>,
    /// The text the input starts with (the current answer, or a default); Enter keeps it.
    pub initial: String,
    /// The field rule; the prompt asks again until it accepts.
    pub check: Check,
    /// Autocompletion, if any.
    pub completion: Option<Completion>,
}

/// One entry of a choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Stable id (catalog id, `add`, `edit:0`, ...).
    pub id: String,
    /// What the person reads.
    pub label: String,
    /// One line explaining it.
    pub help: Option<String>,
}

impl Choice {
    /// A choice without help.
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            id: id.into(),
            label: label.into(),
            help: None,
        }
    }

    /// A choice with one line of help.
    pub fn with_help(mut self, help: Option<impl Into<String>>) -> Choice {
        self.help = help.map(Into::into);
        self
    }
}

/// A question answered by picking one or more entries.
#[derive(Debug, Clone)]
pub struct ChoiceQuestion {
    /// Stable id of the question.
    pub key: String,
    /// The question.
    pub message: String,
    /// One line of help under the question.
    pub help: Option<String>,
    /// The entries.
    pub choices: Vec<Choice>,
    /// Select: the entry under the cursor at the start (first of the list); multi-select:
    /// the entries ticked at the start.
    pub selected: Vec<usize>,
    /// Multi-select: at least one entry must be ticked.
    pub at_least_one: bool,
}

/// Why a prompt gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Ctrl-C or Esc: the person wants to stop; the draft is kept.
    Interrupted,
    /// There is no terminal to ask in.
    NoTerminal,
    /// Anything else (terminal I/O error, a script that ran out of answers).
    Failed(String),
}

/// Everything the wizard needs from a person: the only door between the wizard and the
/// terminal, so that tests can answer with a script.
pub trait Prompter {
    /// Shows text (progress line, explanations, the summary).
    fn say(&mut self, text: &str);
    /// Asks for text; the answer passed `q.check`.
    fn text(&mut self, q: &TextQuestion) -> Result<String, Stop>;
    /// Asks yes or no.
    fn confirm(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        default: bool,
    ) -> Result<bool, Stop>;
    /// Asks for one entry; returns its index.
    fn select(&mut self, q: &ChoiceQuestion) -> Result<usize, Stop>;
    /// Asks for any number of entries; returns their indexes in list order.
    fn multi_select(&mut self, q: &ChoiceQuestion) -> Result<Vec<usize>, Stop>;
}

/// What `dpa new` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct NewOptions {
    /// Language of the questions (default: from the system locale).
    pub lang: Option<Lang>,
    /// Continue the draft in the current folder.
    pub resume: bool,
    /// Edit this existing contract file.
    pub from: Option<PathBuf>,
    /// Where to write the contract file.
    pub output: Option<PathBuf>,
}

/// The language of the questions from the environment: see [`crate::i18n::locale_lang`].
pub use crate::i18n::locale_lang;

/// `de` or `en` text by language.
pub(crate) fn tr(lang: Lang, de: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

fn no_terminal_message(ui: Lang) -> String {
    match ui {
        Lang::De => "error: `dpa new` stellt seine Fragen im Terminal, aber hier gibt es keins (die Standardeingabe ist kein Terminal).\n  = help: starten Sie `dpa new` in einem Terminal, oder schreiben Sie die Vertragsdatei selbst (Vorlagen in examples/, Format in README.md) und erzeugen Sie den Vertrag mit `dpa render DATEI`".to_string(),
        Lang::En => "error: `dpa new` asks its questions in a terminal, and there is none here (standard input is not a terminal).\n  = help: run `dpa new` in a terminal, or write the contract file yourself (templates in examples/, format in README.md) and make the contract with `dpa render FILE`".to_string(),
    }
}

/// Runs `dpa new` and returns the exit code: 0 written, 1 a problem, 130 stopped with
/// Ctrl-C (the draft is kept).
pub fn run(opts: &NewOptions) -> Result<i32, Error> {
    let ui = opts.lang.unwrap_or_else(locale_lang);
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        eprintln!("{}", no_terminal_message(ui));
        return Ok(1);
    }
    let draft_path = PathBuf::from(DRAFT_FILE);
    let mut term = terminal::Terminal::new(ui);
    let Some(mut d) = start(&mut term, opts, ui, &draft_path)? else {
        return Ok(1);
    };
    term.set_lang(d.ui());
    // Fail before the first question, not after it, if the draft cannot be written here.
    d.save(&draft_path)?;
    if opts.resume {
        let ui = d.ui();
        term.say(&match ui {
            Lang::De => format!(
                "Entwurf fortgesetzt: weiter mit Schritt {} von {}.",
                d.next.number(),
                Section::ALL.len()
            ),
            Lang::En => format!(
                "Resuming the draft at step {} of {}.",
                d.next.number(),
                Section::ALL.len()
            ),
        });
    }
    finish(drive(&mut term, &mut d, &draft_path), d.ui(), &draft_path)
}

/// Prepares the draft to work on: resumed, opened from a contract, or new. `None` when
/// the person was told why not (exit code 1).
fn start(
    p: &mut dyn Prompter,
    opts: &NewOptions,
    ui: Lang,
    draft_path: &Path,
) -> Result<Option<Draft>, Error> {
    let existing = draft_path.exists();
    let mut d = if opts.resume {
        if !existing {
            eprintln!(
                "{}",
                match ui {
                    Lang::De => format!(
                        "error: hier gibt es keinen Entwurf zum Fortsetzen ({})\n  = help: starten Sie mit `dpa new`; der Entwurf liegt in dem Ordner, in dem Sie `dpa new` aufgerufen haben",
                        draft_path.display()
                    ),
                    Lang::En => format!(
                        "error: there is no draft to resume here ({})\n  = help: start with `dpa new`; the draft is kept in the folder where you ran `dpa new`",
                        draft_path.display()
                    ),
                }
            );
            return Ok(None);
        }
        let mut d = Draft::load(draft_path)?;
        if let Some(l) = opts.lang {
            d.ui = l.code().into();
        }
        d
    } else {
        if existing {
            let (msg, help) = match ui {
                Lang::De => (
                    format!(
                        "Es gibt einen Entwurf aus einer früheren Sitzung ({}). Ersetzen?",
                        draft_path.display()
                    ),
                    "Nein: Abbruch, der Entwurf bleibt; fortsetzen mit `dpa new --resume`",
                ),
                Lang::En => (
                    format!(
                        "There is a draft from an earlier session ({}). Replace it?",
                        draft_path.display()
                    ),
                    "No: stop here and keep it; continue it with `dpa new --resume`",
                ),
            };
            match p.confirm("draft.replace", &msg, Some(help), false) {
                Ok(true) => {}
                Ok(false) | Err(Stop::Interrupted) => {
                    p.say(tr(
                        ui,
                        "Der Entwurf bleibt erhalten. Fortsetzen mit: dpa new --resume",
                        "The draft is kept. Continue it with: dpa new --resume",
                    ));
                    return Ok(None);
                }
                Err(Stop::NoTerminal) => {
                    eprintln!("{}", no_terminal_message(ui));
                    return Ok(None);
                }
                Err(Stop::Failed(m)) => {
                    eprintln!("error: {m}");
                    return Ok(None);
                }
            }
        }
        match &opts.from {
            Some(from) => {
                let loaded = crate::input::load_contract(from)?;
                let mut d = Draft::from_contract(ui, &loaded.contract, from);
                d.form.keep_directory_refs(&loaded.root);
                d
            }
            None => Draft::new(ui),
        }
    };
    if let Some(o) = &opts.output {
        d.output = Some(o.to_string_lossy().into_owned());
    }
    Ok(Some(d))
}

fn finish(outcome: Result<Outcome, Error>, ui: Lang, draft_path: &Path) -> Result<i32, Error> {
    match outcome? {
        Outcome::Saved { .. } => Ok(0),
        outcome @ (Outcome::Stopped | Outcome::Left) => {
            eprintln!(
                "{}",
                match ui {
                    Lang::De => format!(
                        "\nAngehalten. Ihre Antworten sind im Entwurf {} gespeichert (nur für Sie lesbar).\nFortsetzen mit: dpa new --resume",
                        draft_path.display()
                    ),
                    Lang::En => format!(
                        "\nStopped. Your answers are saved in the draft {} (readable only by you).\nContinue with: dpa new --resume",
                        draft_path.display()
                    ),
                }
            );
            // Ctrl-C ends like an interrupted program; stopping at the summary is a choice.
            Ok(if outcome == Outcome::Stopped { 130 } else { 0 })
        }
        Outcome::NoTerminal => {
            eprintln!("{}", no_terminal_message(ui));
            Ok(1)
        }
        Outcome::Failed(m) => {
            eprintln!("error: {m}");
            Ok(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides_the_question_language() {
        use crate::i18n::lang_from_env;
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(lang_from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::De);
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "de_DE.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", ""), ("LANG", "de_AT")])),
            Lang::De
        );
        assert_eq!(lang_from_env(env(&[])), Lang::En);
        assert_eq!(lang_from_env(env(&[("LANG", "C")])), Lang::En);
    }
}
