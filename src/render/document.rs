//! PDFs of the documents around the contract (the TOM document, the record of processing
//! activities): an assembled [`Document`] laid out with `templates/document.typ`, without
//! signature fields, as PDF/A-3b with an optional attachment and, where the document has
//! one, the fingerprint of its data in every footer.

use serde_json::json;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::Source;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::{Fingerprint, Pdf, diagnostics, docx, flow, to_typst, world};
use crate::Error;
use crate::assemble::Document;
use crate::model::Date;

/// A file attached to the PDF (PDF/A-3 "source" relationship).
#[derive(Debug, Clone)]
pub struct Attachment<'a> {
    /// File name inside the PDF, e.g. `processor.yaml`.
    pub name: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// MIME type, e.g. `application/yaml`.
    pub mime: &'a str,
    /// PDF/A-3 relationship: `source` (the data the document was made from) or `data`.
    pub relationship: &'a str,
    /// What it is, in the document's language.
    pub description: String,
}

/// Everything a document other than the contract needs for its PDF.
#[derive(Debug, Clone)]
pub struct DocumentInput<'a> {
    /// The assembled document (its sections become the body; it has no signatures).
    pub document: &'a Document,
    /// The fingerprint of the document's data, if it has one: printed in full at the end
    /// and shortened in every footer.
    pub fingerprint: Option<&'a Fingerprint>,
    /// The sentence before the full fingerprint.
    pub fingerprint_note: String,
    /// The PDF's date (never the clock: the caller decides, so output is reproducible).
    pub date: Date,
    /// Keywords for the PDF metadata.
    pub keywords: Vec<String>,
    /// A file to attach.
    pub attachment: Option<Attachment<'a>>,
}

/// Lays out a document with `templates/document.typ` and exports a PDF/A-3b.
///
/// Errors: `Error::Render` if Typst fails (a broken template or clause override);
/// `Error::Internal` for an impossible date or a missing engine.
pub fn document_pdf(input: &DocumentInput<'_>) -> Result<Pdf, Error> {
    let engine = world::ENGINE
        .as_ref()
        .map_err(|e| Error::Internal(format!("typst engine: {e}")))?;
    let doc = input.document;
    // Values set by kind and citations bound, as in the contract (see `markup`).
    let mut body = String::from(super::markup::PRELUDE);
    let bind = crate::typography::bind_citations;
    for s in &doc.sections {
        let title = if s.number.is_empty() {
            crate::escape::typst_markup(&bind(&s.title))
        } else {
            format!(
                "{} #h(0.4em) {}",
                crate::escape::typst_markup(&bind(&s.number)),
                crate::escape::typst_markup(&bind(&s.title))
            )
        };
        body.push_str(&format!("#heading(level: 2)[{title}]\n\n"));
        body.push_str(&to_typst(&s.marked));
    }
    let (fingerprint, fingerprint_short) = match input.fingerprint {
        Some(f) => (f.full.clone(), f.short.clone()),
        None => (String::new(), String::new()),
    };
    let data = json!({
        "lang": doc.lang.code(),
        "title": doc.title,
        "subtitle": doc.subtitle,
        "id": doc.id,
        "intro": doc.parties_intro,
        "labels": doc.labels,
        "fingerprint": fingerprint,
        "fingerprint_short": fingerprint_short,
        "fingerprint_note": input.fingerprint_note,
        "attachment": input.attachment.as_ref().map(|a| json!({
            "name": a.name,
            "mime": a.mime,
            "relationship": a.relationship,
            "description": a.description,
        })),
    });
    let date = input.date;
    let today = Datetime::from_ymd(date.year, date.month, date.day)
        .ok_or_else(|| Error::Internal("date".into()))?;
    let world = world::DocWorld {
        engine,
        main: world::IDS.document,
        clauses: Source::new(world::IDS.clauses, body),
        annexes: Source::new(world::IDS.annexes, String::new()),
        data: Bytes::new(serde_json::to_vec(&data).map_err(|e| Error::Internal(e.to_string()))?),
        contract: Bytes::new(
            input
                .attachment
                .as_ref()
                .map(|a| a.bytes.to_vec())
                .unwrap_or_default(),
        ),
        today,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let mut document = warned
        .output
        .map_err(|diags| Error::Render(diagnostics(&world, &diags)))?;
    let mut keywords = input.keywords.clone();
    if !fingerprint.is_empty() {
        keywords.push(format!("dpagen-sha256:{fingerprint}"));
    }
    let info = document.info_mut();
    info.title = Some(format!("{} – {}", doc.title, doc.id).into());
    info.author = vec![doc.processor.as_str().into()];
    info.description = Some(format!("{} – {}", doc.title, doc.subtitle).into());
    info.keywords = keywords.iter().map(|k| k.as_str().into()).collect();
    let stamp = Datetime::from_ymd_hms(date.year, date.month, date.day, 12, 0, 0)
        .ok_or_else(|| Error::Internal("date".into()))?;
    let standards =
        PdfStandards::new(&[PdfStandard::A_3b]).map_err(|e| Error::Internal(format!("{e:?}")))?;
    // The PDF's /ID: the fingerprint, else a hash of everything that went into the layout.
    let ident = if fingerprint.is_empty() {
        let mut all = serde_json::to_vec(&data).unwrap_or_default();
        all.extend_from_slice(world.clauses.text().as_bytes());
        crate::hex_sha256(&all)
    } else {
        fingerprint.clone()
    };
    let options = PdfOptions {
        ident: Smart::Custom(format!("dpagen-{ident}")),
        timestamp: Some(Timestamp::new_utc(stamp)),
        standards,
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options)
        .map_err(|diags| Error::Render(diagnostics(&world, &diags)))?;
    Ok(Pdf {
        bytes,
        fields: Vec::new(),
        pages: document.pages().len(),
    })
}

/// The same document as DOCX (the flow of [`super::flow`], written by [`super::docx`]): the
/// title block, the sections, the fingerprint note, and the footer of the PDF.
///
/// Errors: `Error::Internal` if the DOCX writer fails.
pub fn document_docx(input: &DocumentInput<'_>) -> Result<Vec<u8>, Error> {
    let doc = input.document;
    let label = |k: &str| {
        doc.labels
            .get(k)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let note = input.fingerprint.map(|f| flow::Note {
        text: &input.fingerprint_note,
        fingerprint: &f.full,
    });
    let blocks = flow::flow(doc, note.as_ref());
    let mut keywords = input.keywords.clone();
    let mut footer = format!("{} {}", label("document"), doc.id);
    if let Some(f) = input.fingerprint {
        keywords.push(format!("dpagen-sha256:{}", f.full));
        footer.push_str(&format!(" · {} {}", label("fingerprint"), f.short));
    }
    let (page, of) = (label("page"), label("of"));
    let title = format!("{} – {}", doc.title, doc.id);
    let subject = format!("{} – {}", doc.title, doc.subtitle);
    docx::write(
        &blocks,
        &docx::DocxInfo {
            lang: doc.lang,
            title: &title,
            subject: &subject,
            author: &doc.processor,
            keywords: &keywords,
            date: input.date,
            footer,
            page: &page,
            of: &of,
        },
    )
}
