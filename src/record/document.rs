//! The record as a document for people (an authority asking for it under Art. 30(4) GDPR):
//! the clause library's part `record` rendered with the record as its context, cut into
//! sections at its `## ` headings, then written as Markdown or laid out as a PDF with
//! `templates/document.typ`, the record's JSON attached.

use serde_json::json;

use super::Record;
use crate::assemble::{Document, words};
use crate::clauses::Library;
use crate::render::{self, Attachment, DocumentInput, Pdf};
use crate::{Error, tr_in};

/// Assembles the record's document.
///
/// Errors: `Error::Template` for a broken or missing part `record`.
pub fn assemble(r: &Record, lib: &Library) -> Result<Document, Error> {
    let lang = r.language;
    let mut value = serde_json::to_value(r).map_err(|e| Error::Internal(e.to_string()))?;
    if let Some(map) = value.as_object_mut() {
        map.insert("document".into(), json!("record"));
        map.insert("lang".into(), json!(lang.code()));
        map.insert(
            "counts".into(),
            json!({
                "processors": r.processors.len(),
                "controllers": r.entries(),
                "contracts": r.contracts(),
            }),
        );
    }
    let ctx = tera::Context::from_serialize(&value)
        .map_err(|e| Error::Internal(format!("context: {e}")))?;
    let part = lib.part(lang, "record")?;
    let body = lib.render(part, &ctx)?;
    let w = words(lang);
    let processors: Vec<&str> = r
        .processors
        .iter()
        .map(|p| p.processor.name.as_str())
        .collect();
    Ok(Document {
        lang,
        title: part.meta.title.clone(),
        subtitle: tr_in!(lang, "record-subtitle", date = r.date_long.as_str()),
        id: r.date.clone(),
        controller: String::new(),
        processor: processors.join("; "),
        parties_intro: Vec::new(),
        parties_intro_marked: Vec::new(),
        sections: crate::toms::sections(&body),
        signatures_title: String::new(),
        signatures_intro: String::new(),
        signatures: Vec::new(),
        labels: json!({
            "document": tr_in!(lang, "record-footer-label"),
            "contract": tr_in!(lang, "record-footer-label"),
            "page": w.page,
            "of": w.of,
            "fingerprint": w.fingerprint,
        }),
    })
}

/// What the PDF and the DOCX of the record share; `json` is attached to the PDF.
fn input<'a>(r: &Record, doc: &'a Document, json: &'a [u8]) -> Result<DocumentInput<'a>, Error> {
    let lang = r.language;
    let date = crate::model::Date::parse_iso(&r.date)
        .ok_or_else(|| Error::Internal(format!("record date {}", r.date)))?;
    Ok(DocumentInput {
        document: doc,
        fingerprint: None,
        fingerprint_note: String::new(),
        date,
        keywords: tr_in!(lang, "record-keywords")
            .split(", ")
            .map(str::to_string)
            .collect(),
        attachment: Some(Attachment {
            name: "record.json",
            bytes: json,
            mime: "application/json",
            relationship: "data",
            description: tr_in!(lang, "record-attachment-description"),
        }),
    })
}

/// The record's PDF, with the record's JSON attached (`record.json`).
///
/// Errors: `Error::Render` if Typst fails.
pub fn pdf(r: &Record, doc: &Document, json: &[u8]) -> Result<Pdf, Error> {
    render::document_pdf(&input(r, doc, json)?)
}

/// The record as DOCX.
///
/// Errors: `Error::Internal` if the DOCX writer fails.
pub fn docx(r: &Record, doc: &Document) -> Result<Vec<u8>, Error> {
    render::document_docx(&input(r, doc, &[])?)
}
