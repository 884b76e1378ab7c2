//! The pipeline of one contract, in memory: load -> check -> assemble -> render.
//!
//! Every command that produces documents (`dpa render`, `dpa batch`, `dpa new`) calls
//! [`render`] here and then hands the [`Rendered`] outputs to [`crate::output`] to write
//! them. [`render_toms`] makes the processor's TOM document from a contract or a processor
//! file. Nothing in this module touches the file system except [`load`] and [`load_any`],
//! which read the file.

use std::path::Path;

use crate::assemble::Document;
use crate::check::{self, Report};
use crate::clauses::Library;
use crate::error::Severity;
use crate::input::{self, Loaded, LoadedContract};
use crate::model::Date;
use crate::toms::{self, Toms};
use crate::{Error, assemble, render};

/// Which outputs to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Formats {
    /// The signable PDF.
    pub pdf: bool,
    /// The Markdown text.
    pub markdown: bool,
    /// The Word document (DOCX).
    pub docx: bool,
}

impl Formats {
    /// File extensions of the requested outputs, in the order they are written
    /// (`pdf`, `docx`, `md`).
    pub fn extensions(self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.pdf {
            v.push("pdf");
        }
        if self.docx {
            v.push("docx");
        }
        if self.markdown {
            v.push("md");
        }
        v
    }
}

/// What rendering one contract produces, in memory, before anything is written.
pub struct Rendered {
    /// Markdown text, if asked for.
    pub markdown: Option<String>,
    /// PDF, if asked for.
    pub pdf: Option<render::Pdf>,
    /// DOCX bytes, if asked for.
    pub docx: Option<Vec<u8>>,
    /// The check report.
    pub report: Report,
}

impl Rendered {
    /// The outputs as `(extension, bytes)` pairs in the order of
    /// [`Formats::extensions`].
    pub fn files(&self) -> Vec<(&'static str, &[u8])> {
        let mut v: Vec<(&'static str, &[u8])> = Vec::new();
        if let Some(pdf) = &self.pdf {
            v.push(("pdf", &pdf.bytes));
        }
        if let Some(docx) = &self.docx {
            v.push(("docx", docx));
        }
        if let Some(md) = &self.markdown {
            v.push(("md", md.as_bytes()));
        }
        v
    }
}

/// Reads and validates one contract file.
///
/// Errors: `Error::Io` if the file cannot be read, `Error::Input` with every problem of
/// the file (file, line, column, hint).
pub fn load(path: &Path) -> Result<LoadedContract, Error> {
    input::load_contract(path)
}

/// Checks, assembles and renders one loaded contract.
///
/// `today` is the date the check rules compare against (e.g. `duration_ended`).
///
/// Errors: `Error::Incomplete` (with the findings as text) if the check finds errors and
/// `allow_incomplete` is false; `Error::Template` for a broken clause; `Error::Render` if
/// Typst fails.
pub fn render(
    loaded: &LoadedContract,
    lib: &Library,
    formats: Formats,
    allow_incomplete: bool,
    today: Date,
) -> Result<Rendered, Error> {
    let report = check::check(loaded, lib, today)?;
    if report.has_errors() && !allow_incomplete {
        let text = check::findings_text(&report, &loaded.source, Severity::Warning);
        return Err(Error::Incomplete(format!(
            "{text}{}: not rendered because `dpa check` found errors; fix them, or pass --allow-incomplete to render anyway",
            loaded.path.display()
        )));
    }
    let doc = assemble::assemble(&loaded.contract, lib)?;
    let markdown = formats.markdown.then(|| doc.to_markdown());
    let input = render::RenderInput {
        contract: &loaded.contract,
        document: &doc,
        source: &loaded.source,
        library_version: &lib.version,
    };
    let pdf = if formats.pdf {
        Some(render::pdf(&input)?)
    } else {
        None
    };
    let docx = if formats.docx {
        Some(render::docx(&input)?)
    } else {
        None
    };
    Ok(Rendered {
        markdown,
        pdf,
        docx,
        report,
    })
}

/// Which document of a file `dpa render` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Part {
    /// The data processing agreement (the default).
    #[default]
    Dpa,
    /// The processor's TOM document (Art. 32 GDPR).
    Toms,
}

/// A document around the contract (the TOM document), in memory.
pub struct RenderedDocument {
    /// The assembled document (for further output formats).
    pub document: Document,
    /// Markdown text, if asked for.
    pub markdown: Option<String>,
    /// PDF, if asked for.
    pub pdf: Option<render::Pdf>,
    /// DOCX bytes, if asked for.
    pub docx: Option<Vec<u8>>,
}

impl RenderedDocument {
    /// The outputs as `(extension, bytes)` pairs in the order of [`Formats::extensions`].
    pub fn files(&self) -> Vec<(&'static str, &[u8])> {
        let mut v: Vec<(&'static str, &[u8])> = Vec::new();
        if let Some(pdf) = &self.pdf {
            v.push(("pdf", &pdf.bytes));
        }
        if let Some(docx) = &self.docx {
            v.push(("docx", docx));
        }
        if let Some(md) = &self.markdown {
            v.push(("md", md.as_bytes()));
        }
        v
    }
}

/// Reads a contract file or a processor file (docs/processor-file.md).
///
/// Errors: as [`load`].
pub fn load_any(path: &Path) -> Result<Loaded, Error> {
    input::load_any(path)
}

/// Renders the TOM document of a contract or a processor file. It holds the processor and
/// its measures only; the check of the contract does not apply to it and is not run.
///
/// Errors: `Error::Template` for a broken part; `Error::Render` if Typst fails.
pub fn render_toms(
    loaded: &Loaded,
    lib: &Library,
    formats: Formats,
) -> Result<RenderedDocument, Error> {
    let data = Toms::from_loaded(loaded);
    let document = toms::assemble(&data, lib)?;
    let markdown = formats.markdown.then(|| document.to_markdown());
    let lang = data.language;
    let fp = data.fingerprint(&lib.version);
    let attachment = toms::attachment_text(loaded, &data);
    let input = render::DocumentInput {
        document: &document,
        fingerprint: Some(&fp),
        fingerprint_note: crate::tr_in!(
            lang,
            "toms-fingerprint-note",
            version = render::VERSION,
            library = lib.version.as_str()
        ),
        date: toms::pdf_date(&data),
        keywords: crate::tr_in!(lang, "toms-keywords")
            .split(", ")
            .map(str::to_string)
            .collect(),
        attachment: Some(render::Attachment {
            name: "processor.yaml",
            bytes: attachment.as_bytes(),
            mime: "application/yaml",
            relationship: "source",
            description: crate::tr_in!(lang, "toms-attachment-description"),
        }),
    };
    let pdf = if formats.pdf {
        Some(render::document_pdf(&input)?)
    } else {
        None
    };
    let docx = if formats.docx {
        Some(render::document_docx(&input)?)
    } else {
        None
    };
    Ok(RenderedDocument {
        document,
        markdown,
        pdf,
        docx,
    })
}
