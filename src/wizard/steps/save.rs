//! Saving at the end of the summary: the file name, the contract file, and the PDF if
//! the person wants it now. The only place in the wizard that writes the contract and
//! renders it.

use std::path::{Path, PathBuf};

use crate::input::{LoadedContract, parse_contract};
use crate::wizard::Stop;
use crate::wizard::ask::Wizard;
use crate::wizard::draft::Draft;
use crate::wizard::driver::{Outcome, Step};
use crate::wizard::form::Form;
use crate::{Error, Lang, tr};

/// A file name from the controller's name: `avv-zahnarztpraxis-dr-weber.yaml`.
pub(super) fn default_file_name(f: &Form, ui: Lang) -> String {
    let mut slug = String::new();
    for c in f.controller.name.to_lowercase().chars() {
        let piece = match c {
            'ä' => "ae".to_string(),
            'ö' => "oe".to_string(),
            'ü' => "ue".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        slug.push_str(&piece);
    }
    let mut clean = String::new();
    for part in slug.split('-').filter(|p| !p.is_empty()) {
        if clean.len() + part.len() > 40 {
            break;
        }
        if !clean.is_empty() {
            clean.push('-');
        }
        clean.push_str(part);
    }
    let prefix = match ui {
        Lang::De => "avv",
        Lang::En => "dpa",
    };
    if clean.is_empty() {
        format!("{prefix}.yaml")
    } else {
        format!("{prefix}-{clean}.yaml")
    }
}

impl Wizard<'_> {
    /// Asks for the file name, writes the contract file, discards the draft and offers
    /// the PDF (with the Markdown beside it, as `dpa render` writes them).
    pub(super) fn save(
        &mut self,
        d: &mut Draft,
        yaml: &str,
        draft_path: &Path,
    ) -> Result<Step, Stop> {
        let path = loop {
            let initial = d
                .output
                .clone()
                .unwrap_or_else(|| default_file_name(&d.form, d.form.lang()));
            let name = self.text(
                "save.file",
                &tr!("wizard-save-file"),
                Some(&tr!("wizard-save-file-help")),
                &initial,
            )?;
            d.output = Some(name.clone());
            let path = PathBuf::from(&name);
            let same_as_from = d.from.as_deref().is_some_and(|f| Path::new(f) == path);
            if path.exists() && !same_as_from {
                let q = tr!("wizard-overwrite", file = name.as_str());
                if !self.confirm("save.overwrite", &q, None, false)? {
                    continue;
                }
            }
            match crate::output::write_atomic(&path, yaml.as_bytes(), true) {
                Ok(()) => break path,
                Err(e) => self.say(&e.to_string()),
            }
        };
        Draft::discard(draft_path);
        self.say(&tr!("wizard-saved", file = path.display().to_string()));
        // From here on the contract is safe; a stop (or Esc) only skips the PDF.
        let written = match self.confirm("render.now", &tr!("wizard-render-now"), None, true) {
            Ok(true) => self.render(&path, yaml),
            _ => None,
        };
        // Offered with the PDF: the same contract as a Word file, for negotiation.
        if written.is_some()
            && matches!(
                self.confirm("render.docx", &tr!("wizard-docx-offer"), None, false),
                Ok(true)
            )
        {
            self.render_docx(&path, yaml);
        }
        if written.is_none() {
            self.say(&tr!(
                "wizard-render-later",
                file = path.display().to_string()
            ));
        }
        Ok(Step::Done(Outcome::Saved {
            contract: path,
            pdf: written,
        }))
    }

    /// Writes the Word file (DOCX) next to the contract, never over an existing file.
    fn render_docx(&mut self, contract: &Path, yaml: &str) {
        let docx_path = contract.with_extension("docx");
        let result = parse_contract(contract, yaml.to_string()).and_then(|loaded| {
            let lib = crate::clauses::Library::builtin()?;
            let formats = crate::pipeline::Formats {
                docx: true,
                ..Default::default()
            };
            let out = crate::pipeline::render(
                &loaded,
                &lib,
                formats,
                false,
                crate::model::Date::today(),
            )?;
            let bytes = out
                .docx
                .ok_or_else(|| Error::Internal("no DOCX was rendered".into()))?;
            crate::output::write_atomic(&docx_path, &bytes, false)
        });
        self.say(&match result {
            Ok(()) => tr!(
                "wizard-docx-written",
                file = docx_path.display().to_string()
            ),
            Err(e) => e.to_string(),
        });
    }

    /// Renders the PDF and the Markdown next to the contract, as `dpa render` names them
    /// (`avv-x.yaml` -> `avv-x.pdf`, `avv-x.md`); `None` when nothing was written.
    fn render(&mut self, contract: &Path, yaml: &str) -> Option<PathBuf> {
        let pdf_path = contract.with_extension("pdf");
        let md_path = contract.with_extension("md");
        let existing: Vec<String> = [&pdf_path, &md_path]
            .iter()
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            let q = tr!("wizard-overwrite", file = existing.join(", "));
            if !matches!(self.confirm("render.overwrite", &q, None, false), Ok(true)) {
                return None;
            }
        }
        let result =
            parse_contract(contract, yaml.to_string()).and_then(|loaded: LoadedContract| {
                let lib = crate::clauses::Library::builtin()?;
                let out = crate::pipeline::render(
                    &loaded,
                    &lib,
                    crate::pipeline::Formats {
                        pdf: true,
                        markdown: true,
                        docx: false,
                    },
                    false,
                    crate::model::Date::today(),
                )?;
                let pdf = out
                    .pdf
                    .as_ref()
                    .ok_or_else(|| Error::Internal("no PDF was rendered".into()))?;
                let files: Vec<(PathBuf, &[u8])> = out
                    .files()
                    .into_iter()
                    .map(|(ext, bytes)| (contract.with_extension(ext), bytes))
                    .collect();
                crate::output::write_all_or_none(&files, true)?;
                Ok((pdf.pages, pdf.fields.len()))
            });
        match result {
            Ok((pages, fields)) => {
                self.say(&tr!(
                    "wizard-rendered",
                    pdf = pdf_path.display().to_string(),
                    pages = pages,
                    fields = fields,
                    markdown = md_path.display().to_string()
                ));
                Some(pdf_path)
            }
            Err(e) => {
                self.say(&e.to_string());
                None
            }
        }
    }
}
