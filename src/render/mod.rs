//! Render: the assembled document -> Typst -> PDF, in-process, with one empty signature
//! field per signatory, the contract source attached, and a fingerprint on every page.

mod document;
pub mod docx;
pub mod flow;
mod markup;
mod package;
pub mod sigfields;
mod world;

use serde_json::json;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::Source;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use document::{Attachment, DocumentInput, document_docx, document_pdf};
pub use markup::to_typst;

use crate::assemble::Document;
use crate::clauses::Kind;
use crate::model::{Contract, Date};
use crate::typography::{bind_citations, runs};
use crate::{Error, Lang};

/// dpagen's version, part of every fingerprint.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What both parties can compare to see they sign the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Full SHA-256, hex.
    pub full: String,
    /// First 12 hex digits, for footers.
    pub short: String,
}

impl Fingerprint {
    /// SHA-256 of the canonical contract data, the dpagen version and the clause library
    /// version.
    pub fn of(contract: &Contract, library_version: &str) -> Fingerprint {
        Fingerprint::of_data(&contract.canonical_json(), library_version)
    }

    /// SHA-256 of canonical data (JSON), the dpagen version and the clause library version:
    /// the same mechanism for every document dpagen makes.
    pub fn of_data(canonical_json: &str, library_version: &str) -> Fingerprint {
        let input = format!("dpagen {VERSION}\nclauses {library_version}\n{canonical_json}");
        let full = crate::hex_sha256(input.as_bytes());
        Fingerprint {
            short: full[..12].to_string(),
            full,
        }
    }
}

/// A rendered PDF and what was put into it.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Names of the signature fields, in order.
    pub fields: Vec<String>,
    /// Number of pages.
    pub pages: usize,
}

/// Everything about a contract the PDF needs besides the assembled text.
pub struct RenderInput<'a> {
    /// The checked contract.
    pub contract: &'a Contract,
    /// The assembled document.
    pub document: &'a Document,
    /// The contract file's text, attached to the PDF.
    pub source: &'a str,
    /// The clause library version.
    pub library_version: &'a str,
}

/// The typst source of the clause and annex parts of a document.
pub fn typst_parts(doc: &Document) -> (String, String) {
    let mut clauses = String::from(markup::PRELUDE);
    let mut annexes = String::from(markup::PRELUDE);
    for s in &doc.sections {
        let heading = format!(
            "#heading(level: 2)[{} #h(0.4em) {}]\n\n",
            crate::escape::typst_markup(&bind_citations(&s.number)),
            crate::escape::typst_markup(&bind_citations(&s.title))
        );
        let body = to_typst(&s.marked);
        match s.kind {
            Kind::Clause | Kind::Part => {
                clauses.push_str(&heading);
                clauses.push_str(&body);
            }
            Kind::Annex => {
                annexes.push_str("#pagebreak(weak: true)\n");
                annexes.push_str(&heading);
                annexes.push_str(&body);
            }
        }
    }
    (clauses, annexes)
}

/// Renders a PDF.
pub fn pdf(input: &RenderInput<'_>) -> Result<Pdf, Error> {
    let engine = world::ENGINE
        .as_ref()
        .map_err(|e| Error::Internal(format!("typst engine: {e}")))?;
    let doc = input.document;
    let c = input.contract;
    let fp = Fingerprint::of(c, input.library_version);
    let (clauses, annexes) = typst_parts(doc);
    let note = fingerprint_note(c.language, input.library_version);
    let attachment = match c.language {
        Lang::De => "Vertragsdaten (dpagen-Vertragsdatei, Format 1)",
        Lang::En => "Contract data (dpagen contract file, format 1)",
    };
    let keywords = keywords(c.language, &fp);
    let data = json!({
        "lang": c.language.code(),
        "title": doc.title,
        "subtitle": bind_citations(&doc.subtitle),
        "id": doc.id,
        "processor": doc.processor,
        "subject": format!("{} – {} / {}", doc.subtitle, doc.controller, doc.processor),
        "keywords": keywords,
        "parties_intro": doc.parties_intro_marked.iter().map(|l| runs_json(l)).collect::<Vec<_>>(),
        "signatures_title": doc.signatures_title,
        "signatures_intro": bind_citations(&doc.signatures_intro),
        "signatures": doc.signatures,
        "labels": doc.labels,
        "fingerprint": fp.full,
        "fingerprint_short": fp.short,
        "fingerprint_note": bind_citations(&note),
        "attachment_description": attachment,
    });
    let date = document_date(c);
    let today = Datetime::from_ymd(date.year, date.month, date.day)
        .ok_or_else(|| Error::Internal("date".into()))?;
    let world = world::DocWorld {
        engine,
        main: world::IDS.main,
        clauses: Source::new(world::IDS.clauses, clauses),
        annexes: Source::new(world::IDS.annexes, annexes),
        data: Bytes::new(serde_json::to_vec(&data).map_err(|e| Error::Internal(e.to_string()))?),
        contract: Bytes::new(input.source.as_bytes().to_vec()),
        today,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let mut document = warned
        .output
        .map_err(|diags| Error::Render(diagnostics(&world, &diags)))?;
    // Per-contract metadata goes in after layout, so the layout stays cacheable across
    // contracts; typst-pdf writes it to both the Info dictionary and the XMP metadata.
    let info = document.info_mut();
    info.title = Some(format!("{} – {}", doc.title, doc.id).into());
    info.author = vec![doc.processor.as_str().into()];
    info.description =
        Some(format!("{} – {} / {}", doc.subtitle, doc.controller, doc.processor).into());
    info.keywords = keywords.iter().map(|k| k.as_str().into()).collect();
    // The layout places the fields row by row (controller left, processor right); the
    // form lists them in the order of the signatories in the contract.
    let mut fields = sigfields::locate(&document);
    let rank = |name: &str| doc.signatures.iter().position(|s| s.field == name);
    fields.sort_by_key(|f| rank(&f.name));
    let all_placed = doc
        .signatures
        .iter()
        .all(|s| fields.iter().filter(|f| f.name == s.field).count() == 1);
    if fields.len() != doc.signatures.len() || !all_placed {
        return Err(Error::Internal(format!(
            "{} signature boxes laid out for {} signatories",
            fields.len(),
            doc.signatures.len()
        )));
    }
    let stamp = Datetime::from_ymd_hms(date.year, date.month, date.day, 12, 0, 0)
        .ok_or_else(|| Error::Internal("date".into()))?;
    let standards =
        PdfStandards::new(&[PdfStandard::A_3b]).map_err(|e| Error::Internal(format!("{e:?}")))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("dpagen-{}", fp.full)),
        timestamp: Some(Timestamp::new_utc(stamp)),
        standards,
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options)
        .map_err(|diags| Error::Render(diagnostics(&world, &diags)))?;
    let pages = document.pages().len();
    let bytes = sigfields::add(&bytes, &fields)?;
    Ok(Pdf {
        bytes,
        fields: fields.into_iter().map(|f| f.name).collect(),
        pages,
    })
}

/// Marked text for the page layout: `[kind, text]` pairs, kind `""` for plain text, with
/// citations bound (the template's `runs` sets them).
fn runs_json(marked: &str) -> serde_json::Value {
    runs(&bind_citations(marked))
        .into_iter()
        .map(|r| json!([r.kind.map(|k| k.id()).unwrap_or(""), r.text]))
        .collect()
}

/// Lays out an amendment (`dpa diff`) with `templates/redline.typ`: `body` is Typst markup
/// made by [`crate::diff::report`] with every text escaped, `data` holds the footer words.
/// The PDF's date is `date`, never the clock.
///
/// Errors: `Error::Render` if Typst fails; `Error::Internal` for a bad date.
pub fn redline_pdf(body: &str, data: &serde_json::Value, date: Date) -> Result<Vec<u8>, Error> {
    let engine = world::ENGINE
        .as_ref()
        .map_err(|e| Error::Internal(format!("typst engine: {e}")))?;
    let today = Datetime::from_ymd(date.year, date.month, date.day)
        .ok_or_else(|| Error::Internal("date".into()))?;
    let world = world::DocWorld {
        engine,
        main: world::IDS.redline,
        clauses: Source::new(world::IDS.clauses, body.to_string()),
        annexes: Source::new(world::IDS.annexes, String::new()),
        data: Bytes::new(serde_json::to_vec(data).map_err(|e| Error::Internal(e.to_string()))?),
        contract: Bytes::new(Vec::new()),
        today,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned
        .output
        .map_err(|diags| Error::Render(diagnostics(&world, &diags)))?;
    let stamp = Datetime::from_ymd_hms(date.year, date.month, date.day, 12, 0, 0)
        .ok_or_else(|| Error::Internal("date".into()))?;
    let ident = crate::hex_sha256(body.as_bytes());
    let options = PdfOptions {
        ident: Smart::Custom(format!("dpagen-diff-{ident}")),
        timestamp: Some(Timestamp::new_utc(stamp)),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|diags| Error::Render(diagnostics(&world, &diags)))
}

/// The sentence above the full fingerprint on the signature page.
fn fingerprint_note(lang: Lang, library_version: &str) -> String {
    match lang {
        Lang::De => format!(
            "Prüfsumme (SHA-256) der Vertragsdaten, erzeugt mit dpagen {VERSION}, Klauselbibliothek {library_version}. Beide Parteien können sie vergleichen, um sicherzugehen, dass sie denselben Text unterzeichnen:"
        ),
        Lang::En => format!(
            "Fingerprint (SHA-256) of the contract data, made with dpagen {VERSION}, clause library {library_version}. Both parties can compare it to make sure they sign the same text:"
        ),
    }
}

/// Document keywords, ending with the fingerprint (`dpagen-sha256:…`), for the PDF's and the
/// DOCX's metadata.
fn keywords(lang: Lang, fp: &Fingerprint) -> Vec<String> {
    let mut keywords: Vec<String> = match lang {
        Lang::De => vec![
            "Auftragsverarbeitung".into(),
            "Art. 28 DSGVO".into(),
            "AVV".into(),
        ],
        Lang::En => vec![
            "data processing agreement".into(),
            "Article 28 GDPR".into(),
            "DPA".into(),
        ],
    };
    keywords.push(format!("dpagen-sha256:{}", fp.full));
    keywords
}

/// Renders the contract as a Word document (DOCX): the same text as the PDF, with the
/// footer (id, fingerprint, page numbers) and the document properties.
///
/// Errors: `Error::Internal` if the DOCX cannot be written (a bug).
pub fn docx(input: &RenderInput<'_>) -> Result<Vec<u8>, Error> {
    let doc = input.document;
    let c = input.contract;
    let fp = Fingerprint::of(c, input.library_version);
    let note = fingerprint_note(c.language, input.library_version);
    let blocks = flow::flow(
        doc,
        Some(&flow::Note {
            text: &note,
            fingerprint: &fp.full,
        }),
    );
    let label = |k: &str| {
        doc.labels
            .get(k)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let (page, of) = (label("page"), label("of"));
    let keywords = keywords(c.language, &fp);
    let title = format!("{} – {}", doc.title, doc.id);
    let subject = format!("{} – {} / {}", doc.subtitle, doc.controller, doc.processor);
    docx::write(
        &blocks,
        &docx::DocxInfo {
            lang: c.language,
            title: &title,
            subject: &subject,
            author: &doc.processor,
            keywords: &keywords,
            date: document_date(c),
            footer: format!(
                "{} {} · {} {}",
                label("contract"),
                doc.id,
                label("fingerprint"),
                fp.short
            ),
            page: &page,
            of: &of,
        },
    )
}

/// The date written into the PDF and the DOCX: the effective date, else the main
/// agreement's date, else 1 January 2000. Never the clock, so the same input always gives
/// the same bytes.
pub fn document_date(c: &Contract) -> Date {
    c.effective_date
        .or(c.main_agreement.as_ref().and_then(|m| m.date))
        .unwrap_or(Date {
            year: 2000,
            month: 1,
            day: 1,
        })
}

pub(crate) fn diagnostics(
    world: &world::DocWorld<'_>,
    diags: &[typst::diag::SourceDiagnostic],
) -> String {
    use typst::World as _;
    use typst::WorldExt as _;
    let mut out = Vec::new();
    for d in diags {
        let mut line = String::new();
        if let Some(id) = d.span.id()
            && let Ok(src) = world.source(id)
            && let Some(range) = world.range(d.span)
        {
            let l = src
                .lines()
                .byte_to_line(range.start)
                .map(|l| l + 1)
                .unwrap_or(0);
            line = format!("{:?}:{l}: ", id.vpath());
        }
        let mut msg = format!("{line}{}", d.message);
        for h in &d.hints {
            msg.push_str(&format!(" (hint: {})", h.v));
        }
        out.push(msg);
    }
    out.join("; ")
}
