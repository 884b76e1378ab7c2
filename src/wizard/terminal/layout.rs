//! What a question looks like on the screen, as rows of styled text that fit the terminal:
//! no row is wider than the terminal (long labels end in "…", help and explanations wrap
//! at word boundaries with an indent), and a list shows only as many entries as leave the
//! question, its help and the keys on screen (the page size follows the terminal height).
//!
//! Pure functions of the question's state and the terminal size, so that the layout at
//! 80x24 is tested without a terminal; [`super::screen`] draws the rows.

use textwrap::{Options, WordSplitter};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::line::Line;
use super::list::List;

/// How a piece of text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// Normal text.
    Plain,
    /// The `?` before a question.
    Mark,
    /// An answer given.
    Answer,
    /// Help, keys, positions.
    Help,
    /// A refusal.
    Error,
    /// A suggested or refused answer, which the next letter replaces (shown inverted).
    Marked,
    /// The entry under the cursor.
    Current,
}

/// Text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) text: String,
    pub(super) style: Style,
}

/// One screen row.
pub(super) type Row = Vec<Span>;

/// What one question shows: its rows and where the cursor stands (row, column).
#[derive(Debug, Clone, Default)]
pub(super) struct Frame {
    pub(super) rows: Vec<Row>,
    pub(super) cursor: Option<(usize, usize)>,
}

impl Frame {
    /// The rows as plain text (for tests and the width checks).
    #[cfg(test)]
    pub(super) fn lines(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| r.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    /// One row of help-styled text.
    pub(super) fn line(text: &str) -> Frame {
        let mut f = Frame::default();
        f.push(text, Style::Help);
        f
    }

    fn push(&mut self, text: impl Into<String>, style: Style) {
        self.rows.push(vec![Span {
            text: text.into(),
            style,
        }]);
    }

    fn extend(&mut self, lines: Vec<String>, style: Style) {
        for l in lines {
            self.push(l, style);
        }
    }
}

/// The terminal's size in columns and rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Size {
    pub(super) cols: usize,
    pub(super) rows: usize,
}

impl Size {
    /// Columns text may use: one less than the terminal has, so that no row makes the
    /// terminal wrap on its own.
    fn width(self) -> usize {
        self.cols.saturating_sub(1).max(20)
    }
}

/// `text` wrapped at word boundaries to `width` columns, every row indented by `indent`
/// spaces; line breaks in `text` are kept.
pub(super) fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let opts = Options::new(width.max(indent + 10))
        .initial_indent(&pad)
        .subsequent_indent(&pad)
        .word_splitter(WordSplitter::NoHyphenation);
    textwrap::wrap(text, opts)
        .into_iter()
        .map(|c| c.into_owned())
        .collect()
}

/// Text the wizard says (explanations, the summary), each line wrapped at words to the
/// terminal: the line's own indent is kept, and later rows hang under the text of a list
/// item ("• ", "- ") or under the value of a "Label: value" row.
pub(super) fn said(text: &str, size: Size) -> Vec<String> {
    let width = size.width();
    let mut out = Vec::new();
    for l in text.lines() {
        let body = l.trim_start();
        let indent = l.len() - body.len();
        if body.is_empty() {
            out.push(String::new());
            continue;
        }
        let hang = if body.starts_with("- ") || body.starts_with("• ") {
            2
        } else {
            // "Label:   value": under the value, if the label is short.
            body.find(": ")
                .filter(|&i| body[..i].chars().count() < 24)
                .map(|i| {
                    let after = &body[i + 1..];
                    let spaces = after.len() - after.trim_start().len();
                    body[..i + 1 + spaces].width()
                })
                .unwrap_or(0)
        };
        let first = " ".repeat(indent);
        let rest = " ".repeat(indent + hang);
        let opts = Options::new(width)
            .initial_indent(&first)
            .subsequent_indent(&rest)
            .word_splitter(WordSplitter::NoHyphenation);
        out.extend(
            textwrap::wrap(body, opts)
                .into_iter()
                .map(|c| c.into_owned()),
        );
    }
    out
}

/// `text` cut to `width` columns, ending in "…" if cut.
pub(super) fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Builds rows of at most `width` columns character by character (for typed input, which
/// has no word boundaries to respect).
struct Flow {
    width: usize,
    rows: Vec<Row>,
    col: usize,
}

impl Flow {
    fn new(width: usize, first: Row) -> Flow {
        let col = first.iter().map(|s| s.text.width()).sum();
        Flow {
            width,
            rows: vec![first],
            col,
        }
    }

    fn push(&mut self, text: &str, style: Style) {
        for c in text.chars() {
            let cw = c.width().unwrap_or(0);
            if self.col + cw > self.width {
                self.rows.push(Vec::new());
                self.col = 0;
            }
            let row = self.rows.last_mut().expect("a row");
            match row.last_mut() {
                Some(s) if s.style == style => s.text.push(c),
                _ => row.push(Span {
                    text: c.to_string(),
                    style,
                }),
            }
            self.col += cw;
        }
    }

    /// Pushes `text` word by word: a word that does not fit the row starts the next one,
    /// indented by two columns (a word wider than a row is broken).
    fn push_words(&mut self, text: &str, style: Style) {
        let mut first = true;
        for word in text.split(' ') {
            let w = word.width();
            let space = usize::from(!first);
            if self.col + space + w > self.width && w + 2 <= self.width {
                self.rows.push(vec![Span {
                    text: "  ".into(),
                    style: Style::Plain,
                }]);
                self.col = 2;
            } else if !first {
                self.push(" ", style);
            }
            self.push(word, style);
            first = false;
        }
    }

    /// Where the next character goes.
    fn here(&self) -> (usize, usize) {
        if self.col >= self.width {
            (self.rows.len(), 0)
        } else {
            (self.rows.len() - 1, self.col)
        }
    }
}

/// "? question" wrapped at words, then `after` (a hint such as "(J/n)") and the input
/// flowing on; returns the rows and the cursor position.
fn prompt(message: &str, after: &str, input: &Line, width: usize) -> (Vec<Row>, (usize, usize)) {
    // Later rows of a long question are indented under its text.
    let opts = Options::new(width)
        .subsequent_indent("  ")
        .word_splitter(WordSplitter::NoHyphenation);
    let mut rows: Vec<Row> = textwrap::wrap(&format!("? {message}"), opts)
        .into_iter()
        .map(|l| {
            vec![Span {
                text: l.into_owned(),
                style: Style::Plain,
            }]
        })
        .collect();
    if let Some(first) = rows.first_mut().and_then(|r| r.first_mut())
        && let Some(rest) = first.text.strip_prefix('?')
    {
        let rest = rest.to_string();
        first.text = "?".into();
        first.style = Style::Mark;
        if let Some(row) = rows.first_mut() {
            row.push(Span {
                text: rest,
                style: Style::Plain,
            });
        }
    }
    let mut last = rows.pop().unwrap_or_default();
    last.push(Span {
        text: " ".into(),
        style: Style::Plain,
    });
    let first_rows = rows.len();
    let mut flow = Flow::new(width, last);
    if !after.is_empty() {
        flow.push(&format!("{after} "), Style::Help);
    }
    // An answer that does not fit after the question starts on a row of its own.
    let input_width = input.text().width() + 1;
    if flow.col > 2 && flow.col + input_width > width && input_width < width {
        flow.rows.push(vec![Span {
            text: "  ".into(),
            style: Style::Plain,
        }]);
        flow.col = 2;
    }
    let (before, rest) = input.split();
    let style = if input.is_marked() {
        Style::Marked
    } else {
        Style::Answer
    };
    flow.push(&before, style);
    let (r, c) = flow.here();
    flow.push(&rest, style);
    rows.extend(flow.rows);
    (rows, (first_rows + r, c))
}

/// A text question: the prompt, the refusal (if any), autocompletion suggestions, help
/// and keys.
#[allow(clippy::too_many_arguments)]
pub(super) fn text(
    message: &str,
    help: Option<&str>,
    input: &Line,
    error: Option<&str>,
    suggestions: &[String],
    highlighted: Option<usize>,
    keys: &str,
    size: Size,
) -> Frame {
    let w = size.width();
    let (rows, cursor) = prompt(message, "", input, w);
    let mut f = Frame {
        rows,
        cursor: Some(cursor),
    };
    if let Some(e) = error {
        f.extend(wrap(&format!("✗ {e}"), w, 2), Style::Error);
    }
    // Suggestions: as many as fit under the rest.
    let help_rows = help.map(|h| wrap(h, w, 2)).unwrap_or_default();
    let key_rows = wrap(keys, w, 2);
    let room = size
        .rows
        .saturating_sub(1 + f.rows.len() + help_rows.len() + key_rows.len())
        .max(1);
    let top = match highlighted {
        Some(h) if h >= room => h + 1 - room,
        _ => 0,
    };
    for (i, s) in suggestions.iter().enumerate().skip(top).take(room) {
        if Some(i) == highlighted {
            f.push(truncate(&format!("> {s}"), w), Style::Current);
        } else {
            f.push(truncate(&format!("  {s}"), w), Style::Plain);
        }
    }
    f.extend(help_rows, Style::Help);
    f.extend(key_rows, Style::Help);
    f
}

/// A yes/no question: the prompt with its hint ("J/n"), the refusal, help and keys.
pub(super) fn confirm(
    message: &str,
    hint: &str,
    help: Option<&str>,
    input: &Line,
    error: Option<&str>,
    keys: &str,
    size: Size,
) -> Frame {
    let w = size.width();
    let (rows, cursor) = prompt(message, &format!("({hint})"), input, w);
    let mut f = Frame {
        rows,
        cursor: Some(cursor),
    };
    if let Some(e) = error {
        f.extend(wrap(&format!("✗ {e}"), w, 2), Style::Error);
    }
    if let Some(h) = help {
        f.extend(wrap(h, w, 2), Style::Help);
    }
    f.extend(wrap(keys, w, 2), Style::Help);
    f
}

/// Texts around a list that the caller words (in the person's language).
pub(super) struct ListTexts<'a> {
    /// The question.
    pub(super) message: &'a str,
    /// Help under the question.
    pub(super) help: Option<&'a str>,
    /// The keys.
    pub(super) keys: &'a str,
    /// Said when the filter matches nothing.
    pub(super) nothing: &'a str,
    /// "In the contract:" before an entry's contract text.
    pub(super) in_contract: &'a str,
    /// A refusal (e.g. nothing ticked).
    pub(super) error: Option<&'a str>,
    /// "entries {from}-{to} of {all}" for a list longer than the screen.
    pub(super) position: &'a dyn Fn(usize, usize, usize) -> String,
}

/// A list question; returns the frame and the number of entries shown at once.
pub(super) fn list(l: &mut List, t: &ListTexts<'_>, size: Size) -> (Frame, usize) {
    let w = size.width();
    let (rows, cursor) = prompt(t.message, "", &l.filter, w);
    let mut f = Frame {
        rows,
        cursor: Some(cursor),
    };
    let mut below = Frame::default();
    if let Some(e) = t.error {
        below.extend(wrap(&format!("✗ {e}"), w, 2), Style::Error);
    }
    // The entry under the cursor: its help and its wording in the contract, at most a
    // third of the screen.
    let mut detail = Vec::new();
    if let Some(e) = l.current().and_then(|i| l.entries.get(i)) {
        if let Some(h) = &e.help {
            detail.extend(wrap(h, w, 4));
        }
        if let Some(d) = &e.detail {
            detail.extend(wrap(&format!("{} {d}", t.in_contract), w, 4));
        }
    }
    let most = (size.rows / 3).max(2);
    if detail.len() > most {
        detail.truncate(most);
        if let Some(last) = detail.last_mut() {
            *last = truncate(&format!("{last} …"), w);
        }
    }
    let help_rows = t.help.map(|h| wrap(h, w, 2)).unwrap_or_default();
    let key_rows = wrap(t.keys, w, 2);
    let n = l.shown.len();
    let fixed = f.rows.len() + help_rows.len() + below.rows.len() + detail.len() + key_rows.len();
    // One row for the position line when the list does not fit, one spare at the bottom.
    let mut page = size.rows.saturating_sub(fixed + 1).max(3);
    if page < n {
        page = page.saturating_sub(1).max(3);
    }
    let page = page.min(n.max(1));
    l.scroll(page);
    f.extend(help_rows, Style::Help);
    if n == 0 {
        f.push(truncate(&format!("  {}", t.nothing), w), Style::Help);
    }
    for pos in l.top..(l.top + page).min(n) {
        let Some(e) = l
            .shown
            .get(pos)
            .and_then(|&i| l.entries.get(i).map(|e| (i, e)))
        else {
            continue;
        };
        let (i, e) = e;
        let mark = if pos == l.cursor { ">" } else { " " };
        let tick = match (l.multi, l.ticked.contains(&i)) {
            (false, _) => "",
            (true, true) => "[x] ",
            (true, false) => "[ ] ",
        };
        let style = if pos == l.cursor {
            Style::Current
        } else {
            Style::Plain
        };
        f.push(truncate(&format!("{mark} {tick}{}", e.label), w), style);
    }
    if n > page {
        let to = (l.top + page).min(n);
        f.push(
            truncate(&format!("  {}", (t.position)(l.top + 1, to, n)), w),
            Style::Help,
        );
    }
    f.rows.extend(below.rows);
    f.extend(detail, Style::Help);
    f.extend(key_rows, Style::Help);
    (f, page)
}

/// The line left on the screen once a question is answered: "? question answer".
pub(super) fn answered(message: &str, answer: &str, size: Size) -> Frame {
    let w = size.width();
    let (rows, _) = prompt(message, "", &Line::default(), w);
    let mut flow_first = rows;
    let last = flow_first.pop().unwrap_or_default();
    let mut flow = Flow::new(w, last);
    flow.push_words(answer, Style::Answer);
    flow_first.extend(flow.rows);
    Frame {
        rows: flow_first,
        cursor: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::list::Entry;
    use super::*;

    const SMALL: Size = Size { cols: 80, rows: 24 };

    fn widths_fit(f: &Frame, size: Size) {
        for l in f.lines() {
            assert!(l.width() < size.cols, "too wide ({}): {l:?}", l.width());
        }
    }

    fn long_list(n: usize) -> List {
        let entries = (0..n)
            .map(|i| {
                Entry::new(
                    format!("Maßnahme Nummer {i} mit einem sehr langen Namen, der über die Breite des Terminals hinausgeht"),
                    Some("Eine Erklärung in einfachen Worten, die ebenfalls länger ist als eine Zeile des kleinen Terminals und daher umbrochen wird.".into()),
                    Some("Passwörter haben mindestens 12 Zeichen, werden gegen Listen bekannter kompromittierter Passwörter geprüft und nur als gesalzener Hash gespeichert.".into()),
                )
            })
            .collect();
        List::new(entries, true, 0, &[])
    }

    fn texts<'a>(position: &'a dyn Fn(usize, usize, usize) -> String) -> ListTexts<'a> {
        ListTexts {
            message: "Welche Maßnahmen setzen Sie um? (nur ankreuzen, was wirklich gilt)",
            help: Some(
                "Tippen filtert; Tab oder Leertaste (ohne Filter) hakt an oder ab; → alle, ← keine; Enter weiter; Esc zurück",
            ),
            keys: "↑↓ bewegen",
            nothing: "nichts gefunden",
            in_contract: "Im Vertrag:",
            error: None,
            position,
        }
    }

    #[test]
    fn a_long_list_at_80x24_keeps_the_question_on_screen() {
        let position = |a: usize, b: usize, n: usize| format!("{a}–{b} von {n}");
        let mut l = long_list(41);
        for _ in 0..30 {
            l.key(
                &crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Down),
                5,
            );
            let (f, page) = list(&mut l, &texts(&position), SMALL);
            assert!(
                f.rows.len() < SMALL.rows,
                "{} rows:\n{}",
                f.rows.len(),
                f.lines().join("\n")
            );
            assert!(
                f.lines()[0].starts_with("? Welche Maßnahmen"),
                "{:?}",
                f.lines()
            );
            assert!(page >= 3);
            widths_fit(&f, SMALL);
            let text = f.lines().join("\n");
            assert!(
                text.contains(&format!("Maßnahme Nummer {}", l.current().unwrap_or(0))),
                "{text}"
            );
            assert!(text.contains("von 41"), "{text}");
        }
    }

    #[test]
    fn help_wraps_at_word_boundaries_with_an_indent() {
        let rows = wrap(
            "Art. 9: Daten über Gesundheit, Herkunft, Religion, Politik, Gewerkschaft, Genetik, Biometrie, Sexualleben – streng geschützt; nur ankreuzen, was wirklich vorkommt",
            79,
            2,
        );
        assert!(rows.len() >= 2);
        let words: Vec<&str> = "Art. 9: Daten über Gesundheit, Herkunft, Religion, Politik, Gewerkschaft, Genetik, Biometrie, Sexualleben – streng geschützt; nur ankreuzen, was wirklich vorkommt".split(' ').collect();
        for r in &rows {
            assert!(r.starts_with("  ") && !r.starts_with("   "), "{r:?}");
            assert!(r.width() <= 79);
            for w in r.split_whitespace() {
                assert!(words.contains(&w), "a word was broken: {w:?} in {r:?}");
            }
        }
    }

    #[test]
    fn a_long_question_and_answer_wrap_and_the_cursor_follows() {
        let size = Size { cols: 50, rows: 24 };
        let mut input = Line::new("Hosting, Pflege und Wartung der Praxis-Website");
        let f = text(
            "Gegenstand: Was tut der Auftragnehmer?",
            Some("z. B. »Hosting und Wartung der Praxis-Website mit Online-Terminbuchung«"),
            &input,
            None,
            &[],
            None,
            "Esc zurück",
            size,
        );
        widths_fit(&f, size);
        let lines = f.lines();
        assert_eq!(
            lines[0].trim_end(),
            "? Gegenstand: Was tut der Auftragnehmer?"
        );
        assert!(
            lines[1].starts_with("  Hosting, Pflege"),
            "an answer that does not fit starts on its own row: {lines:?}"
        );
        let (r, c) = f.cursor.expect("cursor");
        assert_eq!(
            lines[r].width(),
            c,
            "the cursor is after the last letter: {lines:?}"
        );
        input.mark();
        let f = text(
            "E-Mail",
            None,
            &input,
            Some("Das ist keine E-Mail-Adresse"),
            &[],
            None,
            "",
            size,
        );
        assert!(
            f.rows
                .iter()
                .flatten()
                .any(|s| s.style == Style::Marked && s.text.contains("Hosting")),
            "the refused answer is marked"
        );
        assert!(f.lines()[1..].iter().any(|l| l.contains("✗ Das ist keine")));
    }

    #[test]
    fn said_text_hangs_under_values_and_items() {
        let size = Size { cols: 60, rows: 24 };
        let rows = said(
            "  Fristen:   Meldung binnen 24 h; Kontrollen 14 Tage vorher, vor Ort: ja; am Ende Rückgabe\n• Passwortrichtlinie: Passwörter haben mindestens 12 Zeichen und werden geprüft",
            size,
        );
        assert_eq!(
            rows[0],
            "  Fristen:   Meldung binnen 24 h; Kontrollen 14 Tage"
        );
        let value = rows[0].find("Meldung").expect("value");
        assert_eq!(
            rows[1],
            format!("{}vorher, vor Ort: ja; am Ende Rückgabe", " ".repeat(value)),
            "under the value"
        );
        let item = rows
            .iter()
            .position(|r| r.starts_with("• Passwort"))
            .expect("item");
        assert!(rows[item + 1].starts_with("  ") && !rows[item + 1].starts_with("   "));
        for r in &rows {
            assert!(r.width() < size.cols, "{r:?}");
        }
    }

    #[test]
    fn labels_are_cut_to_the_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("äöüß", 3), "äö…");
    }
}
