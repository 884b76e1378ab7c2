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
//! - [`terminal`] and [`script`]: the two [`Prompter`]s;
//! - [`back`]: going back one question (Esc) by replaying the answers before it.
//!
//! Every sentence the wizard shows is a Fluent message in `locales/*/wizard.ftl`.

pub mod ask;
pub mod back;
pub mod draft;
pub mod driver;
pub mod form;
pub mod script;
mod steps;
pub mod terminal;
pub mod yaml_out;

#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod scripted_tests;
#[cfg(test)]
mod staff_tests;

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::{Error, Lang, tr};

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
    /// Its exact wording in the contract (a measure's promise), shown with the help.
    pub detail: Option<String>,
}

impl Choice {
    /// A choice without help.
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            id: id.into(),
            label: label.into(),
            help: None,
            detail: None,
        }
    }

    /// A choice with one line of help.
    pub fn with_help(mut self, help: Option<impl Into<String>>) -> Choice {
        self.help = help.map(Into::into);
        self
    }

    /// A choice with its wording in the contract.
    pub fn with_detail(mut self, detail: Option<impl Into<String>>) -> Choice {
        self.detail = detail.map(Into::into);
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
    /// Ctrl-C: the person wants to stop; the draft is kept.
    Interrupted,
    /// Esc: the person wants to go back one question.
    Back,
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

/// "error: what\n  = help: what to do", in the language of this thread.
fn problem(message: &str, help: Option<&str>) -> String {
    match help {
        Some(h) => format!(
            "{}: {message}\n  = {}: {h}",
            tr!("severity-error"),
            tr!("label-help")
        ),
        None => format!("{}: {message}", tr!("severity-error")),
    }
}

fn no_terminal_message() -> String {
    problem(
        &tr!("wizard-no-terminal"),
        Some(&tr!("wizard-no-terminal-help")),
    )
}

/// Runs `dpa new` and returns the exit code: 0 written, 1 a problem, 130 stopped with
/// Ctrl-C (the draft is kept).
pub fn run(opts: &NewOptions) -> Result<i32, Error> {
    let ui = opts.lang.unwrap_or_else(locale_lang);
    let _lang = crate::i18n::scoped(ui);
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        eprintln!("{}", no_terminal_message());
        return Ok(1);
    }
    let draft_path = PathBuf::from(DRAFT_FILE);
    let mut term = terminal::Terminal::new(ui);
    let Some((mut d, resumed)) = start(&mut term, opts, ui, &draft_path)? else {
        return Ok(1);
    };
    // A contract opened with --from, or a resumed draft, brings its own language.
    crate::i18n::set_lang(d.ui());
    term.set_lang(d.ui());
    // Fail before the first question, not after it, if the draft cannot be written here.
    d.save(&draft_path)?;
    if resumed {
        term.say(&tr!(
            "wizard-resuming",
            step = d.next.number(),
            steps = Section::ALL.len()
        ));
    }
    finish(drive(&mut term, &mut d, &draft_path), &draft_path)
}

/// A draft from the folder, with the language of the questions from `--lang` if given.
fn load_draft(opts: &NewOptions, draft_path: &Path) -> Result<Draft, Error> {
    let mut d = Draft::load(draft_path)?;
    if let Some(l) = opts.lang {
        d.ui = l.code().into();
    }
    Ok(d)
}

/// What to do with a draft found without `--resume`: continue it, replace it, or stop.
fn existing_draft(
    p: &mut dyn Prompter,
    opts: &NewOptions,
    draft_path: &Path,
) -> Result<Option<&'static str>, Stop> {
    let old = Draft::load(draft_path).ok();
    let about = match &old {
        Some(d) if !d.form.controller.name.is_empty() => tr!(
            "wizard-draft-found-named",
            file = draft_path.display().to_string(),
            step = d.next.number(),
            steps = Section::ALL.len(),
            name = d.form.controller.name.clone()
        ),
        Some(d) => tr!(
            "wizard-draft-found",
            file = draft_path.display().to_string(),
            step = d.next.number(),
            steps = Section::ALL.len()
        ),
        None => tr!(
            "wizard-draft-found-unreadable",
            file = draft_path.display().to_string()
        ),
    };
    let mut choices = Vec::new();
    if old.is_some() {
        choices.push(Choice::new("continue", tr!("wizard-draft-continue")));
    }
    let replace = match &opts.from {
        Some(f) => tr!("wizard-draft-replace-from", file = f.display().to_string()),
        None => tr!("wizard-draft-replace"),
    };
    choices.push(Choice::new("replace", replace));
    choices.push(Choice::new("stop", tr!("wizard-draft-stop")));
    let q = ChoiceQuestion {
        key: "draft.existing".into(),
        message: about,
        help: None,
        choices,
        selected: vec![0],
        at_least_one: false,
    };
    loop {
        match p.select(&q) {
            // The first question: there is nothing before it to go back to.
            Err(Stop::Back) => continue,
            Err(e) => return Err(e),
            Ok(i) => {
                return Ok(match q.choices.get(i).map(|c| c.id.as_str()) {
                    Some("continue") => Some("continue"),
                    Some("replace") => Some("replace"),
                    _ => None,
                });
            }
        }
    }
}

/// Prepares the draft to work on: resumed, opened from a contract, or new; `true` when
/// an earlier draft is continued. `None` when the person was told why not (exit code 1).
fn start(
    p: &mut dyn Prompter,
    opts: &NewOptions,
    ui: Lang,
    draft_path: &Path,
) -> Result<Option<(Draft, bool)>, Error> {
    let existing = draft_path.exists();
    if opts.resume && !existing {
        eprintln!(
            "{}",
            problem(
                &tr!("wizard-no-draft", file = draft_path.display().to_string()),
                Some(&tr!("wizard-no-draft-help")),
            )
        );
        return Ok(None);
    }
    if opts.resume {
        return Ok(Some((load_draft(opts, draft_path)?, true)));
    }
    if existing {
        match existing_draft(p, opts, draft_path) {
            Ok(Some("continue")) => return Ok(Some((load_draft(opts, draft_path)?, true))),
            Ok(Some(_)) => {}
            Ok(None) | Err(Stop::Interrupted | Stop::Back) => {
                p.say(&tr!("wizard-draft-kept"));
                return Ok(None);
            }
            Err(Stop::NoTerminal) => {
                eprintln!("{}", no_terminal_message());
                return Ok(None);
            }
            Err(Stop::Failed(m)) => {
                eprintln!("{}", problem(&m, None));
                return Ok(None);
            }
        }
    }
    let mut d = match &opts.from {
        Some(from) => {
            let loaded = crate::input::load_contract(from)?;
            // The questions are asked in the contract's language unless --lang says otherwise.
            let lang = opts.lang.unwrap_or(loaded.contract.language);
            Draft::from_contract(lang, &loaded.contract, from)
        }
        None => Draft::new(ui),
    };
    if let Some(o) = &opts.output {
        d.output = Some(o.to_string_lossy().into_owned());
    }
    Ok(Some((d, false)))
}

fn finish(outcome: Result<Outcome, Error>, draft_path: &Path) -> Result<i32, Error> {
    match outcome? {
        Outcome::Saved { .. } => Ok(0),
        outcome @ (Outcome::Stopped | Outcome::Left) => {
            eprintln!(
                "\n{}",
                tr!("wizard-stopped", file = draft_path.display().to_string())
            );
            // Ctrl-C ends like an interrupted program; stopping at the summary is a choice.
            Ok(if outcome == Outcome::Stopped { 130 } else { 0 })
        }
        Outcome::NoTerminal => {
            eprintln!("{}", no_terminal_message());
            Ok(1)
        }
        Outcome::Failed(m) => {
            eprintln!("{}", problem(&m, None));
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
