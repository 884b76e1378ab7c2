//! The draft: every answer so far, the section to continue with and where to write the
//! contract, kept in `.dpa-draft.yaml` in the current folder. It holds personal data, so
//! it is written with mode 0600 (readable only by its owner), atomically (temporary file,
//! then rename), after every section and when the person stops.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::driver::Section;
use super::form::Form;
use crate::model::Contract;
use crate::{Error, Lang};

/// File name of the draft, in the folder where `dpa new` runs.
pub const DRAFT_FILE: &str = ".dpa-draft.yaml";

/// Version of the draft file layout.
const VERSION: u32 = 1;

/// The person's side of the agreement: sets defaults and the wording of questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The person's organisation is the processor (agency, IT service, SaaS vendor).
    #[default]
    Processor,
    /// The person's organisation is the controller (it engages a service provider).
    Controller,
}

/// Everything `dpa new --resume` needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Layout version of this file.
    pub draft_version: u32,
    /// Language of the questions, `de` or `en`.
    pub ui: String,
    /// The person's role.
    pub role: Role,
    /// The role whose defaults are in the form, if any were applied.
    #[serde(default)]
    pub defaults_for: Option<Role>,
    /// The section to ask next.
    pub next: Section,
    /// The sections answered at least once.
    #[serde(default)]
    pub done: Vec<Section>,
    /// After that section, go back to the summary (a change asked for from the summary).
    #[serde(default)]
    pub back_to_summary: bool,
    /// The contract file opened with `--from`.
    #[serde(default)]
    pub from: Option<String>,
    /// Where to write the contract file.
    #[serde(default)]
    pub output: Option<String>,
    /// The answers.
    pub form: Form,
}

impl Draft {
    /// A new draft, starting at the first section.
    pub fn new(ui: Lang) -> Draft {
        Draft {
            draft_version: VERSION,
            ui: ui.code().into(),
            role: Role::default(),
            defaults_for: None,
            next: Section::Start,
            done: Vec::new(),
            back_to_summary: false,
            from: None,
            output: None,
            form: Form::new(ui),
        }
    }

    /// A draft editing an existing contract: it starts at the summary, from where every
    /// section can be changed, and writes back to the same file unless told otherwise.
    pub fn from_contract(ui: Lang, c: &Contract, path: &Path) -> Draft {
        let p = path.to_string_lossy().into_owned();
        Draft {
            next: Section::Summary,
            done: Section::ALL
                .into_iter()
                .filter(|s| *s != Section::Summary)
                .collect(),
            from: Some(p.clone()),
            output: Some(p),
            form: Form::from_contract(c),
            ..Draft::new(ui)
        }
    }

    /// The language of the questions.
    pub fn ui(&self) -> Lang {
        Lang::from_code(&self.ui).unwrap_or(Lang::En)
    }

    /// Reads a draft.
    pub fn load(path: &Path) -> Result<Draft, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            action: "read",
            source: e,
        })?;
        let d: Draft = serde_saphyr::from_str(&text).map_err(|e| {
            Error::Template(crate::tr!(
                "wizard-draft-unreadable",
                file = path.display().to_string(),
                reason = crate::input::yaml::first_line(&e.to_string())
            ))
        })?;
        if d.draft_version != VERSION {
            return Err(Error::Template(crate::tr!(
                "wizard-draft-other-version",
                file = path.display().to_string(),
                version = d.draft_version.to_string()
            )));
        }
        Ok(d)
    }

    /// Writes the draft: mode 0600, atomically.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let body = serde_saphyr::to_string(self)
            .map_err(|e| Error::Internal(format!("the draft could not be written: {e}")))?;
        let text = format!(
            "# Draft of `dpa new` (holds personal data; readable only by you).\n# Continue with `dpa new --resume`; delete the file to discard it.\n{body}"
        );
        write_private(path, text.as_bytes())
    }

    /// Deletes the draft file, if it is there.
    pub fn discard(path: &Path) {
        let _ = std::fs::remove_file(path);
    }
}

/// Writes a file readable only by its owner (0600 on Unix), atomically.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    crate::output::write_private(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_privately_and_loads_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(DRAFT_FILE);
        // An existing world-readable file is replaced by a private one.
        std::fs::write(&path, "old").expect("write");
        let mut d = Draft::new(Lang::De);
        d.form.controller.name = "ACME: \"Quotes\" # and more\nsecond line".into();
        d.next = Section::Security;
        d.save(&path).expect("save");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(Draft::load(&path).expect("load"), d);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("e").file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn a_broken_draft_is_explained() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(DRAFT_FILE);
        std::fs::write(&path, "draft_version: [").expect("write");
        let e = Draft::load(&path).expect_err("broken").to_string();
        assert!(
            e.contains("could not be read") && e.contains("dpa new"),
            "{e}"
        );
    }
}
