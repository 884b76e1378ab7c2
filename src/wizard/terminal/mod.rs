//! The [`Prompter`] for people: questions drawn on the terminal (standard error) with
//! crossterm, in German or English.
//!
//! Own widgets rather than a prompt library: inquire 0.9, used before, fixes its keys
//! inside the crate (its input backends are private and its key-to-action tables are
//! not configurable), so Ctrl-U and Ctrl-W typed letters, the space bar ticked an entry
//! while filtering, a refused answer stayed in the field to be appended to, and Esc
//! quit the wizard. Here:
//! - [`line`]: the line editor with the usual shell keys; a suggested or refused answer
//!   is marked and the next letter replaces it;
//! - [`list`]: lists with a filter of several words; Tab (or space with no filter) ticks;
//! - [`layout`]: rows that fit the terminal: long labels cut, help wrapped at words with
//!   an indent, the page size of a list from the terminal's height;
//! - [`screen`]: drawing and reading keys.
//!
//! Esc answers [`Stop::Back`] (one question back), Ctrl-C [`Stop::Interrupted`].

mod layout;
mod line;
mod list;
mod screen;

use crossterm::event::{KeyCode, KeyModifiers};

use self::layout::{Frame, ListTexts, Size};
use self::line::Line;
use self::list::{Entry, List, Outcome};
use self::screen::{Input, Screen};
use super::{ChoiceQuestion, Prompter, Stop, TextQuestion};
use crate::{Lang, tr_in};

/// Asks on the terminal.
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

    fn failed(&self, e: &std::io::Error) -> Stop {
        Stop::Failed(tr_in!(
            self.lang,
            "wizard-terminal-failed",
            error = e.to_string()
        ))
    }
}

/// A label without the examples in brackets: "Kontaktdaten (E-Mail, ...)" -> "Kontaktdaten".
fn short(label: &str) -> String {
    label.split(" (").next().unwrap_or(label).to_string()
}

/// The line left after Esc: the question is dropped, the one before comes again.
fn went_back(lang: Lang) -> Frame {
    Frame::line(&tr_in!(lang, "wizard-went-back"))
}

fn is_ctrl_c(k: &crossterm::event::KeyEvent) -> bool {
    k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL)
}

/// Says `text`, wrapped to the terminal (see [`layout::said`]).
fn say_wrapped(text: &str, size: Size) {
    for row in layout::said(text, size) {
        eprintln!("{row}");
    }
}

impl Terminal {
    /// The list questions: one entry (`multi` false) or ticks.
    fn list(&mut self, q: &ChoiceQuestion, multi: bool) -> Result<Vec<usize>, Stop> {
        let lang = self.lang;
        let entries = q
            .choices
            .iter()
            .map(|c| Entry::new(c.label.clone(), c.help.clone(), c.detail.clone()))
            .collect();
        let start = if multi {
            0
        } else {
            q.selected.first().copied().unwrap_or(0)
        };
        let ticked: &[usize] = if multi { &q.selected } else { &[] };
        let mut l = List::new(entries, multi, start, ticked);
        let keys = if multi {
            tr_in!(lang, "wizard-keys-multi")
        } else {
            tr_in!(lang, "wizard-keys-select")
        };
        let nothing = tr_in!(lang, "wizard-list-nothing");
        let in_contract = tr_in!(lang, "wizard-list-in-contract");
        let position = move |from: usize, to: usize, all: usize| {
            tr_in!(
                lang,
                "wizard-list-position",
                from = from,
                to = to,
                all = all
            )
        };
        let mut error: Option<String> = None;
        let mut screen = Screen::open().map_err(|e| self.failed(&e))?;
        loop {
            let size = Screen::size();
            let texts = ListTexts {
                message: &q.message,
                help: q.help.as_deref(),
                keys: &keys,
                nothing: &nothing,
                in_contract: &in_contract,
                error: error.as_deref(),
                position: &position,
            };
            let (frame, page) = layout::list(&mut l, &texts, size);
            screen.draw(&frame).map_err(|e| self.failed(&e))?;
            let k = match screen.read().map_err(|e| self.failed(&e))? {
                Input::Resize => continue,
                Input::Paste(text) => {
                    l.paste(&text);
                    continue;
                }
                Input::Key(k) => k,
            };
            match l.key(&k, page) {
                Outcome::Redraw | Outcome::Ignored => {}
                Outcome::Back => {
                    screen
                        .finish(&went_back(lang))
                        .map_err(|e| self.failed(&e))?;
                    return Err(Stop::Back);
                }
                Outcome::Interrupt => {
                    let f = layout::answered(&q.message, "^C", size);
                    screen.finish(&f).map_err(|e| self.failed(&e))?;
                    return Err(Stop::Interrupted);
                }
                Outcome::Submit if multi => {
                    if q.at_least_one && l.ticked.is_empty() {
                        error = Some(tr_in!(lang, "wizard-tick-at-least-one"));
                        continue;
                    }
                    let picked: Vec<usize> = l.ticked.iter().copied().collect();
                    let answer = self.ticks_text(q, &picked);
                    let f = layout::answered(&q.message, &answer, size);
                    screen.finish(&f).map_err(|e| self.failed(&e))?;
                    return Ok(picked);
                }
                Outcome::Submit => {
                    let Some(i) = l.current() else { continue };
                    let label = q.choices.get(i).map(|c| c.label.as_str()).unwrap_or("");
                    let f = layout::answered(&q.message, label, size);
                    screen.finish(&f).map_err(|e| self.failed(&e))?;
                    return Ok(vec![i]);
                }
            }
        }
    }

    /// The ticked entries in one line: "Kontaktdaten; Vertragsdaten … (+3 weitere)".
    fn ticks_text(&self, q: &ChoiceQuestion, picked: &[usize]) -> String {
        let names: Vec<String> = picked
            .iter()
            .filter_map(|&i| q.choices.get(i).map(|c| short(&c.label)))
            .collect();
        if names.is_empty() {
            tr_in!(self.lang, "wizard-none")
        } else if names.len() > 6 {
            let more = tr_in!(self.lang, "wizard-and-more", count = names.len() - 5);
            format!("{} … ({more})", names[..5].join("; "))
        } else {
            names.join("; ")
        }
    }
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) {
        say_wrapped(text, Screen::size());
    }

    fn text(&mut self, q: &TextQuestion) -> Result<String, Stop> {
        let lang = self.lang;
        let mut line = Line::suggested(&q.initial);
        let mut error: Option<String> = None;
        let mut highlighted: Option<usize> = None;
        let mut screen = Screen::open().map_err(|e| self.failed(&e))?;
        loop {
            let size = Screen::size();
            let suggestions = q
                .completion
                .as_ref()
                .map(|c| (c.suggest)(&line.text()))
                .unwrap_or_default();
            if highlighted.is_some_and(|h| h >= suggestions.len()) {
                highlighted = None;
            }
            let keys = match (line.is_marked(), error.is_some(), q.completion.is_some()) {
                (true, true, _) => tr_in!(lang, "wizard-keys-refused"),
                (true, false, _) => tr_in!(lang, "wizard-keys-suggested"),
                (false, _, true) => tr_in!(lang, "wizard-keys-complete"),
                (false, _, false) => tr_in!(lang, "wizard-keys-text"),
            };
            let f = layout::text(
                &q.message,
                q.help.as_deref(),
                &line,
                error.as_deref(),
                &suggestions,
                highlighted,
                &keys,
                size,
            );
            screen.draw(&f).map_err(|e| self.failed(&e))?;
            let k = match screen.read().map_err(|e| self.failed(&e))? {
                Input::Resize => continue,
                Input::Paste(text) => {
                    line.paste(&text);
                    highlighted = None;
                    continue;
                }
                Input::Key(k) => k,
            };
            if is_ctrl_c(&k) {
                let f = layout::answered(&q.message, "^C", size);
                screen.finish(&f).map_err(|e| self.failed(&e))?;
                return Err(Stop::Interrupted);
            }
            match k.code {
                KeyCode::Enter => {
                    let answer = line.text();
                    match (q.check)(&answer) {
                        Ok(()) => {
                            let f = layout::answered(&q.message, &answer, size);
                            screen.finish(&f).map_err(|e| self.failed(&e))?;
                            return Ok(answer);
                        }
                        Err(m) => {
                            error = Some(m);
                            line.mark();
                        }
                    }
                }
                KeyCode::Esc => {
                    screen
                        .finish(&went_back(lang))
                        .map_err(|e| self.failed(&e))?;
                    return Err(Stop::Back);
                }
                KeyCode::Tab => {
                    if let Some(c) = &q.completion {
                        let h = highlighted
                            .and_then(|h| suggestions.get(h))
                            .map(String::as_str);
                        if let Some(new) = (c.complete)(&line.text(), h) {
                            line.set(&new);
                            highlighted = None;
                        }
                    }
                }
                KeyCode::Up if !suggestions.is_empty() => {
                    highlighted = Some(match highlighted {
                        Some(0) | None => suggestions.len() - 1,
                        Some(h) => h - 1,
                    });
                }
                KeyCode::Down if !suggestions.is_empty() => {
                    highlighted = Some(match highlighted {
                        Some(h) if h + 1 < suggestions.len() => h + 1,
                        _ => 0,
                    });
                }
                _ => {
                    if line.key(&k) {
                        highlighted = None;
                    }
                }
            }
        }
    }

    fn confirm(
        &mut self,
        _key: &str,
        message: &str,
        help: Option<&str>,
        default: bool,
    ) -> Result<bool, Stop> {
        let lang = self.lang;
        let hint = if default {
            tr_in!(lang, "wizard-yes-no-default-yes")
        } else {
            tr_in!(lang, "wizard-yes-no-default-no")
        };
        let keys = tr_in!(lang, "wizard-keys-confirm");
        let mut line = Line::default();
        let mut error: Option<String> = None;
        let mut screen = Screen::open().map_err(|e| self.failed(&e))?;
        loop {
            let size = Screen::size();
            let f = layout::confirm(message, &hint, help, &line, error.as_deref(), &keys, size);
            screen.draw(&f).map_err(|e| self.failed(&e))?;
            let k = match screen.read().map_err(|e| self.failed(&e))? {
                Input::Resize => continue,
                Input::Paste(text) => {
                    line.paste(&text);
                    continue;
                }
                Input::Key(k) => k,
            };
            if is_ctrl_c(&k) {
                let f = layout::answered(message, "^C", size);
                screen.finish(&f).map_err(|e| self.failed(&e))?;
                return Err(Stop::Interrupted);
            }
            match k.code {
                KeyCode::Esc => {
                    screen
                        .finish(&went_back(lang))
                        .map_err(|e| self.failed(&e))?;
                    return Err(Stop::Back);
                }
                KeyCode::Enter => {
                    let answer = match line.text().trim().to_lowercase().as_str() {
                        "" => Some(default),
                        "j" | "ja" | "y" | "yes" => Some(true),
                        "n" | "nein" | "no" => Some(false),
                        _ => None,
                    };
                    match answer {
                        Some(b) => {
                            let word = if b {
                                tr_in!(lang, "wizard-yes")
                            } else {
                                tr_in!(lang, "wizard-no")
                            };
                            let f = layout::answered(message, &word, size);
                            screen.finish(&f).map_err(|e| self.failed(&e))?;
                            return Ok(b);
                        }
                        None => {
                            error = Some(tr_in!(lang, "wizard-confirm-refused"));
                            line.mark();
                        }
                    }
                }
                _ => {
                    line.key(&k);
                }
            }
        }
    }

    fn select(&mut self, q: &ChoiceQuestion) -> Result<usize, Stop> {
        let picked = self.list(q, false)?;
        picked
            .first()
            .copied()
            .ok_or_else(|| Stop::Failed(format!("`{}`: nothing picked", q.key)))
    }

    fn multi_select(&mut self, q: &ChoiceQuestion) -> Result<Vec<usize>, Stop> {
        self.list(q, true)
    }
}
