//! Helpers shared by the integration tests: run the real `dpa` binary, make temp folders,
//! read PDF text with poppler's pdftotext.
#![allow(dead_code, unreachable_pub)]

pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `dpa` with arguments, from the repository root.
pub fn dpa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpa"))
        .args(args)
        .current_dir(root())
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run dpa")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

/// Text of a PDF via pdftotext (poppler-utils, installed by .ci/run).
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text of a PDF with all whitespace (and soft hyphens) collapsed to single spaces, so that
/// phrases broken across lines or hyphenated still match.
pub fn pdf_words(pdf: &Path) -> String {
    // A soft hyphen at a line end joins the word halves; elsewhere it is invisible.
    let t = pdf_text(pdf).replace("\u{ad}\n", "").replace('\u{ad}', "");
    // Re-join words hyphenated at line ends: "Auftrags-\n   verarbeiter".
    let mut joined = String::new();
    let mut lines = t.lines().map(str::trim).peekable();
    while let Some(l) = lines.next() {
        if let Some(stripped) = l.strip_suffix('-')
            && stripped.chars().last().is_some_and(char::is_alphabetic)
            && lines
                .peek()
                .is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase))
        {
            joined.push_str(stripped);
        } else {
            joined.push_str(l);
            joined.push(' ');
        }
    }
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Files in a folder (not recursive), sorted.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}
