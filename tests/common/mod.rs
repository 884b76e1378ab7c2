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

/// What a DOCX holds, read with python-docx (installed by .ci/run) and the zip module:
/// `paragraphs` (texts of body paragraphs), `tables` (rows of cell texts), `headings`
/// (texts of paragraphs in a heading style), `footer` (footer text with field codes),
/// `core` (title, author, subject, keywords, language, created), `ins` and `del` (the text
/// of every tracked insertion and deletion with text, in order), `changes` (every
/// `w:ins`/`w:del` element with author and date), `zip` (name and date of every entry).
pub fn docx_dump(path: &Path) -> serde_json::Value {
    const SCRIPT: &str = r#"
import json, sys, zipfile
import xml.etree.ElementTree as ET
import docx
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
d = docx.Document(sys.argv[1])
cp = d.core_properties
out = {
  'paragraphs': [p.text for p in d.paragraphs],
  'headings': [p.text for p in d.paragraphs if p.style is not None and p.style.name.lower().startswith('heading')],
  'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
  'core': {'title': cp.title, 'author': cp.author, 'subject': cp.subject,
           'keywords': cp.keywords, 'language': cp.language,
           'created': cp.created.isoformat() if cp.created else None},
  'footer': ''.join(t.text or '' for t in ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/footer1.xml')).iter() if t.tag in (W+'t', W+'instrText')),
}
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
ins, dels, changes = [], [], []
for el in root.iter():
    if el.tag in (W+'ins', W+'del'):
        changes.append({'kind': el.tag[len(W):], 'id': el.get(W+'id'), 'author': el.get(W+'author'), 'date': el.get(W+'date')})
    if el.tag == W+'ins':
        t = ''.join(x.text or '' for x in el.iter(W+'t'))
        if t: ins.append(t)
    if el.tag == W+'del':
        t = ''.join(x.text or '' for x in el.iter(W+'delText'))
        if t: dels.append(t)
out['ins'], out['del'], out['changes'] = ins, dels, changes
out['zip'] = [{'name': i.filename, 'date': list(i.date_time)} for i in zipfile.ZipFile(sys.argv[1]).infolist()]
print(json.dumps(out))
"#;
    let o = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(path)
        .output()
        .expect("python3 with python-docx (.ci/run installs it)");
    assert!(
        o.status.success(),
        "python-docx could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("json from the docx reader")
}

/// Converts a DOCX to plain text with LibreOffice (headless; installed by .ci/run) and
/// returns the text; fails the test if LibreOffice reports an error or writes nothing.
pub fn libreoffice_text(docx: &Path) -> String {
    let out = tempdir();
    let profile = tempdir();
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(out.path())
        .arg(docx)
        .output()
        .expect("soffice (apt-get install libreoffice-writer-nogui)");
    assert!(
        o.status.success(),
        "LibreOffice failed on {}: {}",
        docx.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    let stem = docx
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    std::fs::read_to_string(out.path().join(format!("{stem}.txt")))
        .unwrap_or_else(|e| panic!("LibreOffice wrote no text for {}: {e}", docx.display()))
}
