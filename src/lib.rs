//! dpagen writes GDPR data processing agreements (Art. 28 GDPR) from a contract file.
//!
//! The pipeline, one module per stage:
//! [`input`] (YAML with positions) -> [`model`] (validated contract) -> [`assemble`]
//! (clauses + Tera -> Markdown) -> [`render`] (Markdown -> Typst -> PDF with signature
//! fields). [`toms`] makes the processor's TOM document from the same data. [`check`] traces every Art. 28 requirement to the clause meeting it and flags
//! risks. [`cli`] is the command line on top.

pub mod address;
pub mod assemble;
pub mod batch;
pub mod catalog;
pub mod check;
pub mod clauses;
pub mod cli;
pub mod diff;
pub mod directory;
pub mod error;
pub mod escape;
pub mod i18n;
pub mod input;
pub mod model;
pub mod notify;
pub mod output;
#[cfg(test)]
mod parity;
pub mod pipeline;
pub mod record;
pub mod render;
pub mod toms;
pub mod transfers;
pub mod typography;
/// `dpa new`: the question-and-answer wizard that writes a contract file.
pub mod wizard;

/// Files embedded at build time (see `build.rs`): clauses, templates, messages.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

use std::path::PathBuf;

use serde::Serialize;

/// Output language of a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// `de` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Parses `de` or `en`.
    pub fn from_code(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }
}

/// Everything that can go wrong, as people should read it.
#[derive(Debug)]
pub enum Error {
    /// The contract file has problems (exit code 1).
    Input(error::InputError),
    /// A file could not be read or written.
    Io {
        /// Which file.
        path: PathBuf,
        /// "read", "write", ...
        action: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// A clause or template (built-in or from an override folder) is broken.
    Template(String),
    /// The contract is valid but the checker found errors and rendering was not forced.
    Incomplete(String),
    /// An output file exists and `--force` was not given.
    Exists(PathBuf),
    /// Typst failed to lay out the document (a bug in our templates, or an override).
    Render(String),
    /// A bug in dpagen.
    Internal(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Input(e) => write!(f, "{e}"),
            Error::Io {
                path,
                action,
                source,
            } => {
                write!(
                    f,
                    "{}: error: could not {action} the file: {source}",
                    path.display()
                )
            }
            Error::Template(m) => write!(f, "error: {m}"),
            Error::Incomplete(m) => write!(f, "{m}"),
            Error::Exists(p) => write!(
                f,
                "{}: error: the file exists already; pass --force to overwrite it",
                p.display()
            ),
            Error::Render(m) => write!(f, "error: the PDF could not be laid out: {m}"),
            Error::Internal(m) => write!(f, "internal error (please report): {m}"),
        }
    }
}

impl std::error::Error for Error {}

/// Lower-case hex SHA-256.
pub fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
