//! Saving at the end of the summary: the file name, the contract file, and the PDF if
//! the person wants it now. The only place in the wizard that writes the contract and
//! renders it.

use std::path::{Path, PathBuf};

use crate::input::{LoadedContract, parse_contract};
use crate::model::Date;
use crate::wizard::ask::Wizard;
use crate::wizard::draft::Draft;
use crate::wizard::driver::{Outcome, Step};
use crate::wizard::form::Form;
use crate::wizard::{Stop, tr};
use crate::{Error, Lang};

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
    let prefix = tr(ui, "avv", "dpa");
    if clean.is_empty() {
        format!("{prefix}.yaml")
    } else {
        format!("{prefix}-{clean}.yaml")
    }
}

impl Wizard<'_> {
    /// Asks for the file name, writes the contract file, discards the draft and offers
    /// the PDF.
    pub(super) fn save(
        &mut self,
        d: &mut Draft,
        yaml: &str,
        draft_path: &Path,
    ) -> Result<Step, Stop> {
        let ui = self.ui;
        let path = loop {
            let initial = d
                .output
                .clone()
                .unwrap_or_else(|| default_file_name(&d.form, d.form.lang()));
            let name = self.text(
                "save.file",
                self.t("Dateiname des Vertrags", "File name of the contract"),
                Some(self.t(
                    "die Vertragsdatei (YAML, Format 1) für `dpa render` und `dpa batch`",
                    "the contract file (YAML, format 1) for `dpa render` and `dpa batch`",
                )),
                &initial,
            )?;
            d.output = Some(name.clone());
            let path = PathBuf::from(&name);
            let same_as_from = d.from.as_deref().is_some_and(|f| Path::new(f) == path);
            if path.exists() && !same_as_from {
                let q = match ui {
                    Lang::De => format!("{name} gibt es schon. Überschreiben?"),
                    Lang::En => format!("{name} exists. Overwrite it?"),
                };
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
        self.say(&match ui {
            Lang::De => format!("Gespeichert: {}", path.display()),
            Lang::En => format!("Saved: {}", path.display()),
        });
        // From here on the contract is safe; a stop only skips the PDF.
        let pdf = match self.confirm(
            "render.now",
            self.t("Jetzt das PDF erzeugen?", "Render the PDF now?"),
            None,
            true,
        ) {
            Ok(true) => self.render(&path, yaml),
            _ => None,
        };
        // Offered with the PDF: the same contract as a Word file, for negotiation.
        if pdf.is_some()
            && matches!(
                self.confirm(
                    "render.docx",
                    &crate::tr_in!(ui, "wizard-docx-offer"),
                    None,
                    false
                ),
                Ok(true)
            )
        {
            self.render_docx(&path, yaml);
        }
        if pdf.is_none() {
            self.say(&match ui {
                Lang::De => format!("PDF später erzeugen mit: dpa render {}", path.display()),
                Lang::En => format!("Render it later with: dpa render {}", path.display()),
            });
        }
        Ok(Step::Done(Outcome::Saved {
            contract: path,
            pdf,
        }))
    }

    /// Writes the Word file (DOCX) next to the contract, never over an existing file.
    fn render_docx(&mut self, contract: &Path, yaml: &str) {
        let ui = self.ui;
        let docx_path = contract.with_extension("docx");
        let result = parse_contract(contract, yaml.to_string()).and_then(|loaded| {
            let lib = crate::clauses::Library::builtin()?;
            let formats = crate::pipeline::Formats {
                docx: true,
                ..Default::default()
            };
            let out = crate::pipeline::render(&loaded, &lib, formats, false, Date::today())?;
            let bytes = out
                .docx
                .ok_or_else(|| Error::Internal("no DOCX was rendered".into()))?;
            crate::output::write_atomic(&docx_path, &bytes, false)
        });
        self.say(&match result {
            Ok(()) => crate::tr_in!(
                ui,
                "wizard-docx-written",
                file = docx_path.display().to_string()
            ),
            Err(e) => e.to_string(),
        });
    }

    /// Renders the PDF next to the contract; `None` when not written.
    fn render(&mut self, contract: &Path, yaml: &str) -> Option<PathBuf> {
        let ui = self.ui;
        let pdf_path = contract.with_extension("pdf");
        if pdf_path.exists() {
            let q = match ui {
                Lang::De => format!("{} gibt es schon. Überschreiben?", pdf_path.display()),
                Lang::En => format!("{} exists. Overwrite it?", pdf_path.display()),
            };
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
                        markdown: false,
                        docx: false,
                    },
                    false,
                    crate::model::Date::today(),
                )?;
                let pdf = out
                    .pdf
                    .ok_or_else(|| Error::Internal("no PDF was rendered".into()))?;
                crate::output::write_atomic(&pdf_path, &pdf.bytes, true)?;
                Ok((pdf.pages, pdf.fields.len()))
            });
        match result {
            Ok((pages, fields)) => {
                self.say(&match ui {
                    Lang::De => format!(
                        "PDF geschrieben: {} ({pages} Seiten, {fields} Signaturfelder)",
                        pdf_path.display()
                    ),
                    Lang::En => format!(
                        "Wrote {} ({pages} pages, {fields} signature fields)",
                        pdf_path.display()
                    ),
                });
                Some(pdf_path)
            }
            Err(e) => {
                self.say(&e.to_string());
                None
            }
        }
    }
}
