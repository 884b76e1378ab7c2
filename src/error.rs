//! Problems found in user input, reported the way people can act on them:
//! the file, line and column, the field, what is wrong and how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

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

/// All problems of one input file, together with its text so they can be shown in context.
#[derive(Debug, Clone)]
pub struct InputError {
    /// The file the problems are in.
    pub file: PathBuf,
    /// The file's text (empty if it could not be read).
    pub source: String,
    /// The problems, sorted by position.
    pub problems: Vec<Problem>,
}

impl InputError {
    /// Groups problems under a file, sorted by position.
    pub fn new(file: &Path, source: &str, mut problems: Vec<Problem>) -> Self {
        problems.sort_by(|a, b| a.location.cmp(&b.location).then(a.path.cmp(&b.path)));
        problems.dedup();
        InputError {
            file: file.to_path_buf(),
            source: source.to_string(),
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
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write_problem(f, &self.file, &self.source, Severity::Error, p)?;
        }
        if n > 1 {
            let file = self.file.display().to_string();
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
    let loc = p.location;
    write!(f, "{}", file.display())?;
    if loc.line > 0 {
        write!(f, ":{}:{}", loc.line, loc.column)?;
    }
    write!(f, ": {severity}: ")?;
    if !p.path.is_empty() {
        write!(f, "{}: ", p.path)?;
    }
    writeln!(f, "{}", p.message)?;
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if loc.line > 0
        && p.excerpt
        && let Some(text) = source.lines().nth(loc.line as usize - 1)
    {
        // Never echo control characters to the terminal: show them as visible symbols.
        let shown: String = text.chars().take(120).map(visible).collect();
        let width = loc.line.to_string().len();
        writeln!(f, "{:width$} |", "")?;
        writeln!(f, "{} | {}", loc.line, shown)?;
        let col = (loc.column.max(1) as usize - 1).min(shown.chars().count());
        let pad: String = shown
            .chars()
            .take(col)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(f, "{:width$} | {pad}^", "")?;
    }
    if let Some(h) = &p.hint {
        writeln!(f, "  = {}: {h}", crate::tr!("label-help"))?;
    }
    Ok(())
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
}
