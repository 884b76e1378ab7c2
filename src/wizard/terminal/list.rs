//! A list to pick one entry from, or to tick entries in, with a filter typed above it.
//!
//! Typing filters: every word typed must occur in the entry (its label or its help), in
//! any order and case, umlauts matching their base letter (`loschung` finds
//! "Löschung"). A space is part of the filter, so "Zentrale Verwaltung" filters by two
//! words. Ticking is Tab, or the space bar while no filter is typed.
//!
//! | key | effect |
//! |---|---|
//! | ↑ ↓ (Ctrl-P, Ctrl-N), PgUp PgDn, Home End | move |
//! | Tab, space (no filter typed) | tick or untick the entry under the cursor |
//! | → / ← | tick / untick every entry shown |
//! | letters, Backspace, Ctrl-W, Ctrl-U | edit the filter |
//! | Enter / Esc / Ctrl-C | done / back / stop (the caller's) |

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::line::Line;

/// An entry as the list shows it.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// The line in the list.
    pub(super) label: String,
    /// Shown under the list while the entry is under the cursor.
    pub(super) help: Option<String>,
    /// The entry's text in the contract, shown with the help.
    pub(super) detail: Option<String>,
    /// Label and help folded for filtering.
    folded: String,
}

impl Entry {
    pub(super) fn new(label: String, help: Option<String>, detail: Option<String>) -> Entry {
        let folded = fold(&format!("{label} {}", help.as_deref().unwrap_or("")));
        Entry {
            label,
            help,
            detail,
            folded,
        }
    }
}

/// Lower case, German umlauts and ß as their base letters: what filtering compares.
pub(super) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' | 'á' | 'à' | 'â' => out.push('a'),
            'ö' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'ü' | 'ú' | 'ù' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// What a key asks the prompt to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Draw again.
    Redraw,
    /// Nothing changed.
    Ignored,
    /// Enter.
    Submit,
    /// Esc.
    Back,
    /// Ctrl-C.
    Interrupt,
}

/// The state of a list question.
#[derive(Debug, Clone)]
pub(super) struct List {
    pub(super) entries: Vec<Entry>,
    /// Ticks are possible (multi-select).
    pub(super) multi: bool,
    pub(super) filter: Line,
    /// Indexes of the entries the filter lets through, in list order.
    pub(super) shown: Vec<usize>,
    /// Position in `shown`.
    pub(super) cursor: usize,
    /// First position of `shown` on screen.
    pub(super) top: usize,
    /// Ticked entries (indexes into `entries`).
    pub(super) ticked: BTreeSet<usize>,
}

impl List {
    /// A list with the cursor on entry `start` and `ticked` entries ticked.
    pub(super) fn new(entries: Vec<Entry>, multi: bool, start: usize, ticked: &[usize]) -> List {
        let n = entries.len();
        List {
            shown: (0..n).collect(),
            cursor: start.min(n.saturating_sub(1)),
            top: 0,
            ticked: ticked.iter().copied().filter(|&i| i < n).collect(),
            entries,
            multi,
            filter: Line::default(),
        }
    }

    /// The entry under the cursor, if any is shown.
    pub(super) fn current(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// Keeps the cursor on the screen: moves `top` for a page of `page` rows.
    pub(super) fn scroll(&mut self, page: usize) {
        let page = page.max(1);
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + page {
            self.top = self.cursor + 1 - page;
        }
        let last_top = self.shown.len().saturating_sub(page);
        self.top = self.top.min(last_top);
    }

    fn refilter(&mut self) {
        let current = self.current();
        let words: Vec<String> = fold(&self.filter.text())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        self.shown = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| words.iter().all(|w| e.folded.contains(w.as_str())))
            .map(|(i, _)| i)
            .collect();
        // Stay on the same entry if it is still shown, else go to the first.
        self.cursor = current
            .and_then(|c| self.shown.iter().position(|&i| i == c))
            .unwrap_or(0);
        self.top = 0;
    }

    fn toggle(&mut self) -> Outcome {
        match self.current() {
            Some(i) if self.multi => {
                if !self.ticked.remove(&i) {
                    self.ticked.insert(i);
                }
                Outcome::Redraw
            }
            _ => Outcome::Ignored,
        }
    }

    /// Adds pasted text to the filter.
    pub(super) fn paste(&mut self, text: &str) {
        self.filter.paste(text);
        self.refilter();
    }

    /// Applies a key; `page` is the number of entries on screen (for PgUp and PgDn).
    pub(super) fn key(&mut self, k: &KeyEvent, page: usize) -> Outcome {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let n = self.shown.len();
        let page = page.max(1);
        match k.code {
            KeyCode::Enter => return Outcome::Submit,
            KeyCode::Esc => return Outcome::Back,
            KeyCode::Char('c') if ctrl => return Outcome::Interrupt,
            KeyCode::Up => {
                self.cursor = if self.cursor == 0 {
                    n.saturating_sub(1)
                } else {
                    self.cursor - 1
                }
            }
            KeyCode::Char('p') if ctrl => {
                self.cursor = if self.cursor == 0 {
                    n.saturating_sub(1)
                } else {
                    self.cursor - 1
                }
            }
            KeyCode::Down => {
                self.cursor = if self.cursor + 1 >= n {
                    0
                } else {
                    self.cursor + 1
                }
            }
            KeyCode::Char('n') if ctrl => {
                self.cursor = if self.cursor + 1 >= n {
                    0
                } else {
                    self.cursor + 1
                }
            }
            KeyCode::PageUp => self.cursor = self.cursor.saturating_sub(page),
            KeyCode::PageDown => self.cursor = (self.cursor + page).min(n.saturating_sub(1)),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = n.saturating_sub(1),
            KeyCode::Tab => return self.toggle(),
            KeyCode::Char(' ') if self.multi && self.filter.is_empty() && !ctrl => {
                return self.toggle();
            }
            KeyCode::Right if self.multi => self.ticked.extend(self.shown.iter().copied()),
            KeyCode::Left if self.multi => {
                for i in &self.shown {
                    self.ticked.remove(i);
                }
            }
            // The filter is edited at its end only: ← and → are taken by the list.
            KeyCode::Left | KeyCode::Right => return Outcome::Ignored,
            _ => {
                let before = self.filter.text();
                if !self.filter.key(k) {
                    return Outcome::Ignored;
                }
                // Keep the filter's cursor at its end.
                self.filter
                    .key(&KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
                if self.filter.text() != before {
                    self.refilter();
                }
            }
        }
        Outcome::Redraw
    }
}

#[cfg(test)]
mod tests {
    use super::super::line::tests::{ctrl, key};
    use super::*;

    fn list(multi: bool) -> List {
        let entries = [
            (
                "Zentrale Verwaltung der Zugänge",
                Some("Konten an einer Stelle"),
            ),
            (
                "Verschlüsselung gespeicherter Daten",
                Some("Festplatten verschlüsselt"),
            ),
            ("Löschkonzept", None),
            ("Zutrittsregelung", Some("Zentrale Schließanlage")),
            ("Protokollierung", Some("Verwaltung der Protokolle")),
        ]
        .into_iter()
        .map(|(l, h)| Entry::new(l.into(), h.map(Into::into), None))
        .collect();
        List::new(entries, multi, 0, &[])
    }

    fn type_in(l: &mut List, s: &str) {
        for c in s.chars() {
            l.key(&key(KeyCode::Char(c)), 10);
        }
    }

    #[test]
    fn a_space_in_the_filter_filters_and_ticks_nothing() {
        let mut l = list(true);
        type_in(&mut l, "Zentrale Verwaltung");
        assert!(l.ticked.is_empty(), "the space ticked {:?}", l.ticked);
        assert_eq!(l.filter.text(), "Zentrale Verwaltung");
        // Both words, in label or help, any order: entries 0 only ("Zentrale" is in the
        // help of 3, but "Verwaltung" is not).
        assert_eq!(l.shown, [0]);
        l.key(&key(KeyCode::Tab), 10);
        assert_eq!(l.ticked.iter().copied().collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn words_match_in_any_order_case_and_umlauts() {
        let mut l = list(false);
        type_in(&mut l, "daten VERSCHLUSSELUNG");
        assert_eq!(l.shown, [1]);
        l.key(&ctrl('u'), 10);
        assert_eq!(l.shown.len(), 5);
        type_in(&mut l, "losch");
        assert_eq!(l.shown, [2]);
        type_in(&mut l, "x");
        assert!(l.shown.is_empty());
        assert_eq!(l.current(), None);
        l.key(&key(KeyCode::Backspace), 10);
        assert_eq!(l.shown, [2]);
        l.key(&ctrl('w'), 10);
        assert_eq!(l.filter.text(), "");
        assert_eq!(l.current(), Some(2), "the cursor stays on the entry");
    }

    #[test]
    fn space_without_a_filter_ticks_and_arrows_tick_all_or_none() {
        let mut l = list(true);
        l.key(&key(KeyCode::Down), 10);
        l.key(&key(KeyCode::Char(' ')), 10);
        assert_eq!(l.ticked.iter().copied().collect::<Vec<_>>(), [1]);
        type_in(&mut l, "zentrale");
        l.key(&key(KeyCode::Right), 10);
        assert_eq!(l.ticked.iter().copied().collect::<Vec<_>>(), [0, 1, 3]);
        l.key(&key(KeyCode::Left), 10);
        assert_eq!(l.ticked.iter().copied().collect::<Vec<_>>(), [1]);
        // A single choice has no ticks: space is only a filter character there.
        let mut l = list(false);
        l.key(&key(KeyCode::Char(' ')), 10);
        assert!(l.ticked.is_empty());
    }

    #[test]
    fn moving_wraps_and_scrolls() {
        let mut l = list(false);
        l.key(&key(KeyCode::Up), 2);
        assert_eq!(l.current(), Some(4));
        l.scroll(2);
        assert_eq!(l.top, 3);
        l.key(&key(KeyCode::Down), 2);
        assert_eq!(l.current(), Some(0));
        l.scroll(2);
        assert_eq!(l.top, 0);
        l.key(&key(KeyCode::PageDown), 2);
        assert_eq!(l.current(), Some(2));
        l.key(&key(KeyCode::End), 2);
        l.scroll(2);
        assert_eq!((l.current(), l.top), (Some(4), 3));
        assert_eq!(l.key(&key(KeyCode::Enter), 2), Outcome::Submit);
        assert_eq!(l.key(&key(KeyCode::Esc), 2), Outcome::Back);
        assert_eq!(l.key(&ctrl('c'), 2), Outcome::Interrupt);
    }
}
