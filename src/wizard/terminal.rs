//! The [`Prompter`] for people: inquire prompts on the terminal (standard error), in
//! German or English. Field rules become inquire validators, so a wrong answer is refused
//! at the prompt with the loader's own message and hint, and asked again.

use inquire::autocompletion::Replacement;
use inquire::list_option::ListOption;
use inquire::validator::Validation;
use inquire::{Autocomplete, Confirm, CustomUserError, InquireError, MultiSelect, Select, Text};

use super::{ChoiceQuestion, Completion, Prompter, Stop, TextQuestion, tr};
use crate::Lang;

/// Entries shown at once in a list.
const PAGE: usize = 10;

/// Asks on the terminal with inquire.
#[derive(Debug)]
pub struct Terminal {
    lang: Lang,
}

impl Terminal {
    /// A terminal prompter asking in a language.
    pub fn new(lang: Lang) -> Terminal {
        Terminal { lang }
    }

    /// Changes the language of the questions' fixed parts (yes/no, key hints).
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }
}

fn stop(e: InquireError) -> Stop {
    match e {
        InquireError::OperationInterrupted | InquireError::OperationCanceled => Stop::Interrupted,
        InquireError::NotTTY => Stop::NoTerminal,
        other => Stop::Failed(format!("the terminal failed: {other}")),
    }
}

/// inquire's view of a [`Completion`].
#[derive(Clone)]
struct Completer(Completion);

impl Autocomplete for Completer {
    fn get_suggestions(&mut self, input: &str) -> Result<Vec<String>, CustomUserError> {
        Ok((self.0.suggest)(input))
    }

    fn get_completion(
        &mut self,
        input: &str,
        highlighted: Option<String>,
    ) -> Result<Replacement, CustomUserError> {
        Ok((self.0.complete)(input, highlighted.as_deref()))
    }
}

/// "label — help" as shown in a list.
fn shown(q: &ChoiceQuestion) -> Vec<String> {
    q.choices
        .iter()
        .map(|c| match &c.help {
            Some(h) => format!("{} — {h}", c.label),
            None => c.label.clone(),
        })
        .collect()
}

/// A label without the examples in brackets: "Kontaktdaten (E-Mail, ...)" -> "Kontaktdaten".
fn short(label: &str) -> String {
    label.split(" (").next().unwrap_or(label).to_string()
}

fn with_keys(help: Option<&str>, keys: &str) -> String {
    match help {
        Some(h) => format!("{h} · {keys}"),
        None => keys.to_string(),
    }
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) {
        eprintln!("{text}");
    }

    fn text(&mut self, q: &TextQuestion) -> Result<String, Stop> {
        let check = q.check.clone();
        let validator = move |s: &str| -> Result<Validation, CustomUserError> {
            Ok(match check(s) {
                Ok(()) => Validation::Valid,
                Err(m) => Validation::Invalid(m.into()),
            })
        };
        let mut t = Text::new(&q.message)
            .with_initial_value(&q.initial)
            .with_validator(validator)
            .with_page_size(PAGE);
        if let Some(h) = &q.help {
            t = t.with_help_message(h);
        }
        if let Some(c) = &q.completion {
            t = t.with_autocomplete(Completer(c.clone()));
        }
        t.prompt().map_err(stop)
    }

    fn confirm(
        &mut self,
        _key: &str,
        message: &str,
        help: Option<&str>,
        default: bool,
    ) -> Result<bool, Stop> {
        let lang = self.lang;
        let parser = |s: &str| -> Result<bool, ()> {
            match s.trim().to_lowercase().as_str() {
                "j" | "ja" | "y" | "yes" => Ok(true),
                "n" | "nein" | "no" => Ok(false),
                _ => Err(()),
            }
        };
        let hint = move |d: bool| -> String {
            match (lang, d) {
                (Lang::De, true) => "J/n".into(),
                (Lang::De, false) => "j/N".into(),
                (Lang::En, true) => "Y/n".into(),
                (Lang::En, false) => "y/N".into(),
            }
        };
        let answered = move |b: bool| -> String {
            tr(
                lang,
                if b { "ja" } else { "nein" },
                if b { "yes" } else { "no" },
            )
            .into()
        };
        let mut c = Confirm::new(message)
            .with_default(default)
            .with_parser(&parser)
            .with_default_value_formatter(&hint)
            .with_formatter(&answered)
            .with_error_message(tr(
                lang,
                "Bitte j (ja) oder n (nein) eingeben",
                "Please type y (yes) or n (no)",
            ));
        if let Some(h) = help {
            c = c.with_help_message(h);
        }
        c.prompt().map_err(stop)
    }

    fn select(&mut self, q: &ChoiceQuestion) -> Result<usize, Stop> {
        let options = shown(q);
        let labels: Vec<String> = q.choices.iter().map(|c| c.label.clone()).collect();
        let formatter =
            |o: ListOption<&String>| -> String { labels.get(o.index).cloned().unwrap_or_default() };
        let help = with_keys(
            q.help.as_deref(),
            tr(
                self.lang,
                "↑↓ wählen, Enter bestätigen, Tippen filtert",
                "↑↓ to move, Enter to choose, type to filter",
            ),
        );
        let start = q.selected.first().copied().unwrap_or(0);
        Select::new(&q.message, options)
            .with_help_message(&help)
            .with_formatter(&formatter)
            .with_starting_cursor(start.min(q.choices.len().saturating_sub(1)))
            .with_page_size(PAGE)
            .raw_prompt()
            .map(|o| o.index)
            .map_err(stop)
    }

    fn multi_select(&mut self, q: &ChoiceQuestion) -> Result<Vec<usize>, Stop> {
        let options = shown(q);
        let labels: Vec<String> = q.choices.iter().map(|c| c.label.clone()).collect();
        let none = tr(self.lang, "keine", "none").to_string();
        let more = tr(self.lang, "weitere", "more");
        let formatter = |os: &[ListOption<&String>]| -> String {
            if os.is_empty() {
                return none.clone();
            }
            let names: Vec<String> = os
                .iter()
                .filter_map(|o| labels.get(o.index).map(|l| short(l)))
                .collect();
            if names.len() > 6 {
                format!("{} … (+{} {more})", names[..5].join("; "), names.len() - 5)
            } else {
                names.join("; ")
            }
        };
        let need = tr(
            self.lang,
            "Bitte mindestens einen Eintrag ankreuzen (Leertaste)",
            "Please tick at least one entry (space bar)",
        );
        let at_least_one = q.at_least_one;
        let validator = move |os: &[ListOption<&String>]| -> Result<Validation, CustomUserError> {
            Ok(if at_least_one && os.is_empty() {
                Validation::Invalid(need.into())
            } else {
                Validation::Valid
            })
        };
        let help = with_keys(
            q.help.as_deref(),
            tr(
                self.lang,
                "↑↓ bewegen, Leertaste an/aus, → alle, ← keine, Tippen filtert, Enter weiter",
                "↑↓ to move, space to tick, → all, ← none, type to filter, Enter to go on",
            ),
        );
        let selected: Vec<usize> = q
            .selected
            .iter()
            .copied()
            .filter(|&i| i < q.choices.len())
            .collect();
        MultiSelect::new(&q.message, options)
            .with_help_message(&help)
            .with_formatter(&formatter)
            .with_validator(validator)
            .with_default(&selected)
            .with_page_size(PAGE)
            .raw_prompt()
            .map(|os| os.into_iter().map(|o| o.index).collect())
            .map_err(stop)
    }
}
