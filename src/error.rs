//! Problems found in user input, reported the way people can act on them:
//! the file, line and column, the field, what is wrong and how to fix it.
//!
//! Whatever a file contains, the report stays readable and cheap: at most
//! [`MAX_PROBLEMS_SHOWN`] problems are printed per file (the rest are counted), values
//! echoed in messages are cut to [`MAX_ECHO_CHARS`] characters, control and
//! direction-changing characters are shown as visible stand-ins, and the source line of
//! each problem is found through a line index built once per file.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// At most this many problems of one file are printed; the others are counted.
pub const MAX_PROBLEMS_SHOWN: usize = 20;

/// A value quoted in a message (between backticks) is cut to this many characters.
pub const MAX_ECHO_CHARS: usize = 80;

/// The field path shown before a message is cut to this many characters.
const MAX_PATH_CHARS: usize = 160;

/// A source line is shown with at most this many characters around the column.
const EXCERPT_CHARS: usize = 120;

/// A position in a source file, 1-based. Line 0 means "unknown".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Location {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column number (in characters), starting at 1.
    pub column: u32,
}

impl Location {
    /// A known position.
    pub fn new(line: u32, column: u32) -> Self {
        Location { line, column }
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks the contract from being valid or complete.
    Error,
    /// Legal or practical risk; the contract still renders.
    Warning,
    /// Information worth knowing.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Severity::Error => crate::tr!("severity-error"),
            Severity::Warning => crate::tr!("severity-warning"),
            Severity::Note => crate::tr!("severity-note"),
        })
    }
}

/// One problem in one input file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Where it is.
    pub location: Location,
    /// The field path, e.g. `processing.locations[1]`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Whether to show the source line (off when the position is only "the file").
    #[serde(skip)]
    pub excerpt: bool,
}

impl Problem {
    /// A problem at a location and field path.
    pub fn new(location: Location, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            location,
            path: path.into(),
            message: message.into(),
            hint: None,
            excerpt: true,
        }
    }

    /// Shows no source line under the message.
    pub fn without_excerpt(mut self) -> Self {
        self.excerpt = false;
        self
    }

    /// Adds a hint saying how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The text of an input file with an index of its lines, shared by all problems reported
/// in it (a CSV with 100,000 bad rows keeps one copy, and finding a line costs no scan).
#[derive(Debug, Default)]
pub struct SourceText {
    text: String,
    /// Byte offset where each line starts; built on first use.
    starts: OnceLock<Vec<usize>>,
}

impl SourceText {
    /// The text, shared.
    pub fn new(text: impl Into<String>) -> Arc<SourceText> {
        Arc::new(SourceText {
            text: text.into(),
            starts: OnceLock::new(),
        })
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line `n` (1-based) without its line break (`\n` or `\r\n`), if the text has it.
    pub fn line(&self, n: u32) -> Option<&str> {
        let starts = self.starts.get_or_init(|| line_starts(&self.text));
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        let start = *starts.get(i)?;
        let end = starts.get(i + 1).copied().unwrap_or(self.text.len());
        let line = self.text.get(start..end)?;
        let line = line.strip_suffix('\n').unwrap_or(line);
        Some(line.strip_suffix('\r').unwrap_or(line))
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub fn position(&self, byte: usize) -> Location {
        let starts = self.starts.get_or_init(|| line_starts(&self.text));
        let byte = byte.min(self.text.len());
        let i = starts.partition_point(|&s| s <= byte).saturating_sub(1);
        let start = starts.get(i).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..byte)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        Location::new(to_u32(i + 1), to_u32(column + 1))
    }
}

/// Where each line of `text` starts (the first line at 0); lines end at `\n`.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len() || i == 0)
        .collect()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// All problems of one input file, together with its text so they can be shown in context.
#[derive(Debug, Clone)]
pub struct InputError {
    /// The file the problems are in.
    pub file: PathBuf,
    /// The file's text (empty if it could not be read), shared between errors of one file.
    pub source: Arc<SourceText>,
    /// The problems, sorted by position.
    pub problems: Vec<Problem>,
}

impl InputError {
    /// Groups problems under a file, sorted by position.
    pub fn new(file: &Path, source: &str, problems: Vec<Problem>) -> Self {
        InputError::shared(file, SourceText::new(source), problems)
    }

    /// Like [`InputError::new`] with a text that other errors of the same file share.
    pub fn shared(file: &Path, source: Arc<SourceText>, mut problems: Vec<Problem>) -> Self {
        problems.sort_by(|a, b| a.location.cmp(&b.location).then(a.path.cmp(&b.path)));
        problems.dedup();
        InputError {
            file: file.to_path_buf(),
            source,
            problems,
        }
    }

    /// One problem for the whole file.
    pub fn single(file: &Path, source: &str, problem: Problem) -> Self {
        InputError::new(file, source, vec![problem])
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        for (i, p) in self.problems.iter().take(MAX_PROBLEMS_SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            let line = if p.location.line > 0 && p.excerpt {
                self.source.line(p.location.line)
            } else {
                None
            };
            write_problem_with_line(f, &self.file, line, Severity::Error, p)?;
        }
        let file = visible_text(&self.file.display().to_string());
        if n > MAX_PROBLEMS_SHOWN {
            write!(
                f,
                "\n{}",
                crate::tr!(
                    "problems-not-shown",
                    count = n - MAX_PROBLEMS_SHOWN,
                    shown = MAX_PROBLEMS_SHOWN,
                    file = file.as_str()
                )
            )?;
        }
        if n > 1 {
            write!(
                f,
                "\n{}",
                crate::tr!("problems-in-file", count = n, file = file)
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// Writes one problem as `file:line:col: severity: path: message`, the source line with a
/// caret under the column, and the hint.
pub fn write_problem(
    f: &mut dyn fmt::Write,
    file: &Path,
    source: &str,
    severity: Severity,
    p: &Problem,
) -> fmt::Result {
    let line = if p.location.line > 0 && p.excerpt {
        source.lines().nth(p.location.line as usize - 1)
    } else {
        None
    };
    write_problem_with_line(f, file, line, severity, p)
}

/// [`write_problem`] with the problem's source line already found (`None`: no excerpt).
///
/// Everything that came from the input is shown safely: control and direction-changing
/// characters as visible stand-ins, values between backticks cut to [`MAX_ECHO_CHARS`]
/// characters, the field path to a readable length, the source line to a window around
/// the column.
pub fn write_problem_with_line(
    f: &mut dyn fmt::Write,
    file: &Path,
    line: Option<&str>,
    severity: Severity,
    p: &Problem,
) -> fmt::Result {
    let loc = p.location;
    write!(f, "{}", visible_text(&file.display().to_string()))?;
    if loc.line > 0 {
        write!(f, ":{}:{}", loc.line, loc.column)?;
    }
    write!(f, ": {severity}: ")?;
    if !p.path.is_empty() {
        write!(f, "{}: ", cut(&visible_text(&p.path), MAX_PATH_CHARS))?;
    }
    writeln!(f, "{}", shorten_quoted(&visible_text(&p.message)))?;
    if let Some(text) = line {
        let text = if loc.line == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        write_excerpt(f, loc, text)?;
    }
    if let Some(h) = &p.hint {
        let hint: String = h
            .split('\n')
            .map(|l| shorten_quoted(&visible_text(l)))
            .collect::<Vec<_>>()
            .join("\n");
        writeln!(f, "  = {}: {hint}", crate::tr!("label-help"))?;
    }
    Ok(())
}

/// The source line (a window of it around the column on long lines) and a caret under the
/// column. Control characters are never echoed: they are shown as visible symbols.
fn write_excerpt(f: &mut dyn fmt::Write, loc: Location, text: &str) -> fmt::Result {
    let col = loc.column.max(1) as usize - 1;
    let total = text.chars().count();
    // Keep the column in view: start the window a little before it on long lines.
    let skip = if total > EXCERPT_CHARS && col >= EXCERPT_CHARS - 20 {
        (col - (EXCERPT_CHARS / 2)).min(total.saturating_sub(EXCERPT_CHARS))
    } else {
        0
    };
    let mut shown: String = if skip > 0 {
        "…".into()
    } else {
        String::new()
    };
    let lead = shown.chars().count();
    shown.extend(text.chars().skip(skip).take(EXCERPT_CHARS).map(visible));
    let width = loc.line.to_string().len();
    writeln!(f, "{:width$} |", "")?;
    writeln!(f, "{} | {}", loc.line, shown)?;
    let caret = (col + lead - skip.min(col)).min(shown.chars().count());
    let pad = " ".repeat(caret);
    writeln!(f, "{:width$} | {pad}^", "")
}

/// Text with every control and direction-changing character replaced by a visible stand-in
/// (`␛` for ESC, `␊` for a line break), so that nothing typed into a file can move the
/// cursor, clear the screen or reorder a terminal line.
pub fn visible_text(s: &str) -> String {
    if s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        s.chars()
            .map(|c| if c == '\t' { '\u{2409}' } else { visible(c) })
            .collect()
    } else {
        s.to_string()
    }
}

/// `s` cut to `max` characters, with `…` where it was cut.
pub fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Every span between backticks (a value echoed from the input) longer than
/// [`MAX_ECHO_CHARS`] characters is cut, with its full length in characters after it; the
/// whole message is cut to a few such lengths.
pub fn shorten_quoted(s: &str) -> String {
    if s.chars().count() <= MAX_ECHO_CHARS {
        return s.to_string();
    }
    let parts: Vec<&str> = s.split('`').collect();
    let mut out = String::new();
    let mut note = None;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
        }
        if let Some(n) = note.take() {
            out.push_str(&crate::tr!("value-cut", count = n));
        }
        // Odd parts lie between a pair of backticks (the last one only if it is closed).
        let quoted = i % 2 == 1 && i + 1 < parts.len();
        let n = part.chars().count();
        if quoted && n > MAX_ECHO_CHARS {
            out.push_str(&cut(part, MAX_ECHO_CHARS));
            note = Some(n);
        } else {
            out.push_str(part);
        }
    }
    cut(&out, 8 * MAX_ECHO_CHARS)
}

/// A character as it may be printed to a terminal: control and direction-changing
/// characters become visible stand-ins (one character each, so carets stay aligned).
fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() || is_bidi_control(c) => '\u{fffd}',
        c => c,
    }
}

/// Characters that reorder displayed text (bidi overrides, embeddings, isolates).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The nearest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let score = strsim::jaro_winkler(&word_l, &c.to_lowercase());
            (score, c)
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let c = ["controller", "processor", "processing"];
        assert_eq!(did_you_mean("controler", c), Some("controller"));
        assert_eq!(did_you_mean("procesing", c), Some("processing"));
        assert_eq!(did_you_mean("zebra", c), None);
    }

    #[test]
    fn control_characters_are_never_echoed() {
        let p = Problem::new(Location::new(1, 4), "", "bad");
        let mut s = String::new();
        write_problem(
            &mut s,
            Path::new("c.yaml"),
            "a: \u{1b}[2J\u{7}\u{202e}x\n",
            Severity::Error,
            &p,
        )
        .expect("write");
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        assert!(s.contains("a: \u{241b}[2J\u{2407}\u{fffd}x"), "{s}");
    }

    #[test]
    fn shows_caret_under_column() {
        let p = Problem::new(Location::new(2, 3), "a.b", "bad").with_hint("fix it");
        let mut s = String::new();
        write_problem(
            &mut s,
            Path::new("c.yaml"),
            "x: 1\na: b\n",
            Severity::Error,
            &p,
        )
        .expect("write");
        assert_eq!(
            s,
            "c.yaml:2:3: error: a.b: bad\n  |\n2 | a: b\n  |   ^\n  = help: fix it\n"
        );
    }

    fn shown(e: &InputError) -> String {
        crate::i18n::set_lang(crate::Lang::En);
        e.to_string()
    }

    #[test]
    fn at_most_twenty_problems_per_file_are_printed() {
        let source: String = (1..=45).map(|i| format!("k{i}: v\n")).collect();
        let problems = (1..=45)
            .map(|i| Problem::new(Location::new(i, 1), format!("k{i}"), "bad"))
            .collect();
        let s = shown(&InputError::new(Path::new("c.yaml"), &source, problems));
        assert_eq!(s.matches(": error: ").count(), MAX_PROBLEMS_SHOWN, "{s}");
        assert!(s.contains("c.yaml:20:1: error: k20: bad"), "{s}");
        assert!(!s.contains("c.yaml:21:1"), "{s}");
        assert!(
            s.ends_with(
                "25 more problems in c.yaml are not shown (the first 20 are above); fix those and run again\n45 problems in c.yaml"
            ),
            "{s}"
        );
    }

    #[test]
    fn long_values_are_cut_and_control_characters_shown() {
        let value = "x".repeat(1_000_000);
        let p = Problem::new(
            Location::new(1, 10),
            "a.\u{1b}[2Jkey",
            format!("`{value}` is not a country code"),
        )
        .with_hint("write `\u{7}DE`");
        let s = shown(&InputError::new(
            Path::new("c\u{1b}.csv"),
            &format!("country: {value}\n"),
            vec![p],
        ));
        assert!(s.len() < 1_000, "{} bytes", s.len());
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        assert!(
            s.starts_with(&format!(
                "c\u{241b}.csv:1:10: error: a.\u{241b}[2Jkey: `{}…` (cut; 1000000 characters in all) is not a country code\n",
                "x".repeat(MAX_ECHO_CHARS)
            )),
            "{s}"
        );
        assert!(s.contains("= help: write `\u{2407}DE`"), "{s}");
    }

    #[test]
    fn the_caret_stays_under_a_column_far_to_the_right() {
        let line = format!("{};GER;end", "a".repeat(500));
        let p = Problem::new(Location::new(2, 502), "country", "bad");
        let s = shown(&InputError::new(
            Path::new("c.csv"),
            &format!("head\r\n{line}\r\n"),
            vec![p],
        ));
        let lines: Vec<&str> = s.lines().collect();
        let text = lines[2];
        let caret = lines[3];
        let at = caret.chars().position(|c| c == '^').expect("caret");
        let under: String = text.chars().skip(at).take(3).collect();
        assert_eq!(under, "GER", "{s}");
        assert!(
            text.starts_with("2 | …") && text.ends_with("GER;end"),
            "{s}"
        );
    }

    #[test]
    fn source_lines_and_positions_for_lf_and_crlf() {
        for nl in ["\n", "\r\n"] {
            let t = SourceText::new(format!("ab{nl}cä{nl}{nl}d"));
            assert_eq!(t.line(1), Some("ab"));
            assert_eq!(t.line(2), Some("cä"));
            assert_eq!(t.line(3), Some(""));
            assert_eq!(t.line(4), Some("d"));
            assert_eq!(t.line(5), None);
            assert_eq!(t.line(0), None);
            let d = t.text().find('d').expect("d");
            assert_eq!(t.position(d), Location::new(4, 1));
            let after_umlaut = t.text().find('ä').expect("ä") + 'ä'.len_utf8();
            assert_eq!(t.position(after_umlaut), Location::new(2, 3));
        }
    }
}
