//! The line editor of a text answer and of a list filter: the usual keys of a shell
//! (readline/emacs style), and a refused answer that the next letter replaces.
//!
//! | key | effect |
//! |---|---|
//! | ← → (Ctrl-B, Ctrl-F) | one character |
//! | Ctrl-← Ctrl-→ (Alt-B, Alt-F) | one word |
//! | Home End (Ctrl-A, Ctrl-E) | start, end |
//! | Backspace (Ctrl-H), Delete (Ctrl-D) | one character |
//! | Ctrl-W, Alt-Backspace | the word before the cursor |
//! | Ctrl-U / Ctrl-K | everything before / after the cursor |
//!
//! Other control keys are ignored, never typed as letters. A suggested answer (the
//! current one, or a default) and a refused answer are shown marked as a whole: a typed
//! letter, Backspace, Delete or Ctrl-U replace or clear it whole, so nothing is ever
//! appended to a refused answer; a cursor key starts editing it instead.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Text being typed, the cursor in it, and whether it is a refused answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Line {
    chars: Vec<char>,
    /// Position of the cursor, in characters from the start.
    cursor: usize,
    /// The text is marked as a whole (a suggestion or a refused answer): the next letter
    /// replaces it.
    marked: bool,
}

/// Whether a word character (Ctrl-W, Alt-B and Alt-F stop at anything else).
fn is_word(c: char) -> bool {
    !c.is_whitespace()
}

impl Line {
    /// A line holding `text`, the cursor at its end.
    pub(super) fn new(text: &str) -> Line {
        let chars: Vec<char> = text.chars().collect();
        Line {
            cursor: chars.len(),
            chars,
            marked: false,
        }
    }

    /// A line holding a suggestion: Enter keeps it, typing replaces it, a cursor key
    /// edits it.
    pub(super) fn suggested(text: &str) -> Line {
        let mut l = Line::new(text);
        l.mark();
        l
    }

    /// The text.
    pub(super) fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Whether there is no text.
    pub(super) fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Replaces the text (Tab completion); the cursor goes to the end.
    pub(super) fn set(&mut self, text: &str) {
        *self = Line::new(text);
    }

    /// Marks the text as a whole (after a refusal): it stays visible until the next key
    /// replaces or edits it.
    pub(super) fn mark(&mut self) {
        self.marked = !self.chars.is_empty();
    }

    /// Whether the text is marked as a whole and not yet touched.
    pub(super) fn is_marked(&self) -> bool {
        self.marked
    }

    /// The characters before and from the cursor.
    pub(super) fn split(&self) -> (String, String) {
        (
            self.chars[..self.cursor].iter().collect(),
            self.chars[self.cursor..].iter().collect(),
        )
    }

    /// Display width of the text before the cursor, in terminal columns.
    #[cfg(test)]
    pub(super) fn cursor_width(&self) -> usize {
        use unicode_width::UnicodeWidthChar as _;
        self.chars[..self.cursor]
            .iter()
            .map(|c| c.width().unwrap_or(0))
            .sum()
    }

    /// Inserts pasted text at the cursor (replacing a marked text); line breaks and tabs
    /// become spaces, other control characters are dropped.
    pub(super) fn paste(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        for c in clean.trim_end().chars() {
            self.insert(c);
        }
        self.marked = false;
    }

    fn clear(&mut self) {
        *self = Line::default();
    }

    fn insert(&mut self, c: char) {
        if self.marked {
            self.clear();
        }
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
    }

    fn word_left(&self) -> usize {
        let mut i = self.cursor;
        while i > 0 && !is_word(self.chars[i - 1]) {
            i -= 1;
        }
        while i > 0 && is_word(self.chars[i - 1]) {
            i -= 1;
        }
        i
    }

    fn word_right(&self) -> usize {
        let mut i = self.cursor;
        let n = self.chars.len();
        while i < n && !is_word(self.chars[i]) {
            i += 1;
        }
        while i < n && is_word(self.chars[i]) {
            i += 1;
        }
        i
    }

    fn delete(&mut self, from: usize, to: usize) {
        self.chars.drain(from..to);
        self.cursor = from;
    }

    /// Applies a key; `true` if it was an editing key (handled, even if nothing changed).
    /// Enter, Esc, Tab, ↑ ↓ and Ctrl-C are left to the caller.
    pub(super) fn key(&mut self, k: &KeyEvent) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        // A marked answer: clearing keys clear it whole, cursor keys start editing it.
        if self.marked {
            let clears = matches!(k.code, KeyCode::Backspace | KeyCode::Delete)
                || (ctrl && matches!(k.code, KeyCode::Char('u' | 'w' | 'h' | 'd' | 'k')));
            if clears {
                self.clear();
                return true;
            }
        }
        let n = self.chars.len();
        match k.code {
            KeyCode::Char(c) if !ctrl && !alt => self.insert(c),
            KeyCode::Char('b') if ctrl => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Char('f') if ctrl => self.cursor = (self.cursor + 1).min(n),
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = n,
            KeyCode::Char('b') if alt => self.cursor = self.word_left(),
            KeyCode::Char('f') if alt => self.cursor = self.word_right(),
            KeyCode::Char('u') if ctrl => self.delete(0, self.cursor),
            KeyCode::Char('k') if ctrl => self.delete(self.cursor, n),
            KeyCode::Char('w') if ctrl => self.delete(self.word_left(), self.cursor),
            KeyCode::Char('h') if ctrl => {
                if self.cursor > 0 {
                    self.delete(self.cursor - 1, self.cursor);
                }
            }
            KeyCode::Char('d') if ctrl => {
                if self.cursor < n {
                    self.delete(self.cursor, self.cursor + 1);
                }
            }
            KeyCode::Backspace if alt || ctrl => self.delete(self.word_left(), self.cursor),
            KeyCode::Backspace => {
                if self.cursor > 0 {
                    self.delete(self.cursor - 1, self.cursor);
                }
            }
            KeyCode::Delete => {
                if self.cursor < n {
                    self.delete(self.cursor, self.cursor + 1);
                }
            }
            KeyCode::Left if ctrl || alt => self.cursor = self.word_left(),
            KeyCode::Right if ctrl || alt => self.cursor = self.word_right(),
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(n),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = n,
            // Any other control key is ignored rather than typed.
            KeyCode::Char(_) => return true,
            _ => return false,
        }
        self.marked = false;
        true
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::wizard::terminal) fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    pub(in crate::wizard::terminal) fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn alt(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::ALT)
    }

    pub(in crate::wizard::terminal) fn typed(l: &mut Line, s: &str) {
        for c in s.chars() {
            assert!(l.key(&key(KeyCode::Char(c))));
        }
    }

    #[test]
    fn typing_and_moving() {
        let mut l = Line::new("Köln");
        typed(&mut l, " Süd");
        assert_eq!(l.text(), "Köln Süd");
        l.key(&key(KeyCode::Home));
        typed(&mut l, ">");
        assert_eq!(l.text(), ">Köln Süd");
        l.key(&ctrl('e'));
        l.key(&key(KeyCode::Left));
        l.key(&key(KeyCode::Backspace));
        assert_eq!(l.text(), ">Köln Sd");
        l.key(&key(KeyCode::Delete));
        assert_eq!(l.text(), ">Köln S");
        l.key(&ctrl('a'));
        l.key(&ctrl('d'));
        assert_eq!(l.text(), "Köln S");
        assert_eq!(l.cursor_width(), 0);
        l.key(&key(KeyCode::End));
        assert_eq!(l.cursor_width(), 6);
    }

    #[test]
    fn shell_keys_delete_words_and_lines() {
        let mut l = Line::new("Lindenallee 4  50667");
        l.key(&ctrl('w'));
        assert_eq!(l.text(), "Lindenallee 4  ");
        l.key(&ctrl('w'));
        assert_eq!(l.text(), "Lindenallee ");
        l.key(&alt(KeyCode::Backspace));
        assert_eq!(l.text(), "");
        let mut l = Line::new("Am Markt 2");
        l.key(&alt(KeyCode::Char('b')));
        l.key(&ctrl('k'));
        assert_eq!(l.text(), "Am Markt ");
        l.key(&key(KeyCode::Home));
        l.key(&alt(KeyCode::Char('f')));
        l.key(&ctrl('u'));
        assert_eq!(l.text(), " Markt ");
        l.key(&ctrl('e'));
        l.key(&ctrl('u'));
        assert_eq!(l.text(), "");
    }

    #[test]
    fn a_paste_is_one_line() {
        let mut l = Line::suggested("alt");
        l.paste("Hosting und\r\nWartung\u{7}\n");
        assert_eq!(l.text(), "Hosting und  Wartung");
    }

    #[test]
    fn control_keys_are_never_typed_as_letters() {
        let mut l = Line::new("ab");
        for c in ['g', 'l', 'o', 'r', 't', 'x', 'y', 'z'] {
            assert!(l.key(&ctrl(c)), "Ctrl-{c} is swallowed");
        }
        assert_eq!(l.text(), "ab");
        assert!(!l.key(&key(KeyCode::Enter)), "Enter is the caller's");
        assert!(!l.key(&key(KeyCode::Esc)), "Esc is the caller's");
        assert!(!l.key(&key(KeyCode::Tab)), "Tab is the caller's");
    }

    #[test]
    fn a_suggestion_is_kept_by_enter_and_replaced_by_typing() {
        let mut l = Line::suggested("DE");
        assert_eq!(l.text(), "DE");
        typed(&mut l, "AT");
        assert_eq!(l.text(), "AT");
        let mut l = Line::suggested("IE");
        l.key(&key(KeyCode::End));
        typed(&mut l, ", US");
        assert_eq!(l.text(), "IE, US");
    }

    #[test]
    fn a_refused_answer_is_replaced_not_appended_to() {
        let mut l = Line::new("Inhaberin");
        l.mark();
        assert!(l.is_marked());
        typed(&mut l, "praxis@example.de");
        assert_eq!(l.text(), "praxis@example.de");
        assert!(!l.is_marked());

        // Backspace clears it whole.
        let mut l = Line::new("praxis(at)example.de");
        l.mark();
        l.key(&key(KeyCode::Backspace));
        assert_eq!(l.text(), "");

        // A cursor key starts editing it instead.
        let mut l = Line::new("praxis(at)example.de");
        l.mark();
        l.key(&key(KeyCode::Home));
        assert!(!l.is_marked());
        typed(&mut l, "x");
        assert_eq!(l.text(), "xpraxis(at)example.de");

        // Nothing to refuse in an empty answer.
        let mut l = Line::new("");
        l.mark();
        assert!(!l.is_marked());
    }
}
