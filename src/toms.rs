//! The TOM document: the processor's technical and organisational measures (Art. 32 GDPR)
//! as a document of their own, for the processor to hand to clients ("send us your TOMs"),
//! from a contract or from a processor file (docs/processor-file.md) before any contract
//! exists (`dpa render FILE --part toms`).
//!
//! Its text is the clause library's part `toms_document`, which includes the part
//! `toms_measures` that Annex III of the contract includes too, so the annex and the
//! document always have the same wording. It holds the processor and its measures only:
//! no contract clause and nothing about any controller, since the same document goes to
//! every client. Its fingerprint is taken over that data alone, so the same measures give
//! the same fingerprint whether they come from a contract or a processor file.

use serde::Serialize;
use serde_json::{Value, json};

use crate::assemble::{Document, Section, party_json, security_json, words};
use crate::catalog::Catalogs;
use crate::clauses::{Kind, Library};
use crate::input::write::build;
use crate::input::yaml::{Node, Value as YamlValue};
use crate::input::{Loaded, write};
use crate::model::{Contract, Date, Party, ProcessorFile, Security};
use crate::render::Fingerprint;
use crate::{Error, Lang};

/// The data of one TOM document: the processor and its measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Toms {
    /// Always 1: the data are those of a processor file, format 1.
    pub format: u32,
    /// Output language.
    pub language: Lang,
    /// The processor file's `id`; none for a TOM document made from a contract (the
    /// contract's id names the client, and this document goes to every client).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The processor.
    pub processor: Party,
    /// Its measures; `as_of` filled in from the contract's dates where it had none.
    pub security: Security,
}

impl Toms {
    /// The TOMs of a contract. Without `security.as_of`, the date is the contract's
    /// effective date, else the main agreement's date.
    pub fn from_contract(c: &Contract) -> Toms {
        let mut security = c.security.clone();
        if security.as_of.is_none() {
            security.as_of = c
                .effective_date
                .or(c.main_agreement.as_ref().and_then(|m| m.date));
        }
        Toms {
            format: 1,
            language: c.language,
            id: None,
            processor: c.processor.clone(),
            security,
        }
    }

    /// The TOMs of a processor file.
    pub fn from_processor_file(f: &ProcessorFile) -> Toms {
        Toms {
            format: 1,
            language: f.language,
            id: f.id.clone(),
            processor: f.processor.clone(),
            security: f.security.clone(),
        }
    }

    /// The TOMs of a loaded file of either kind.
    pub fn from_loaded(l: &Loaded) -> Toms {
        match l {
            Loaded::Contract(c) => Toms::from_contract(&c.contract),
            Loaded::Processor(p) => Toms::from_processor_file(&p.file),
        }
    }

    /// Canonical JSON of the data: the input of the id and the fingerprint.
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The reference in the footer: the processor file's `id`, else `TOM-` and 8 hex digits
    /// of the data's hash.
    pub fn display_id(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => {
                let hex = crate::hex_sha256(self.canonical_json().as_bytes());
                format!("TOM-{}", hex[..8].to_uppercase())
            }
        }
    }

    /// The fingerprint of the data (see [`Fingerprint::of_data`]).
    pub fn fingerprint(&self, library_version: &str) -> Fingerprint {
        Fingerprint::of_data(&self.canonical_json(), library_version)
    }
}

/// The processor file attached to the TOM document's PDF, so that `dpa extract` gives a
/// file that renders the same document: a processor file's own text, or for a contract its
/// `processor` and `security` sections (nothing about the controller), with the date the
/// document shows.
pub fn attachment_text(loaded: &Loaded, toms: &Toms) -> String {
    let root = match loaded {
        Loaded::Processor(p) => return p.source.clone(),
        Loaded::Contract(c) => &c.root,
    };
    let mut security = root
        .get("security")
        .cloned()
        .unwrap_or_else(|| build::map(Vec::new()));
    if let (Some(d), YamlValue::Map(entries)) = (toms.security.as_of, &mut security.value)
        && !entries
            .iter()
            .any(|(k, _)| matches!(&k.value, YamlValue::Str(s) if s == "as_of"))
    {
        entries.push((build::text("as_of"), build::text(&d.to_string())));
    }
    let node: Node = build::map(vec![
        ("format", build::int(1)),
        ("language", build::text(toms.language.code())),
        (
            "processor",
            root.get("processor")
                .cloned()
                .unwrap_or_else(|| build::map(Vec::new())),
        ),
        ("security", security),
    ]);
    let header = crate::tr_in!(toms.language, "toms-attachment-header");
    write::contract_file(&node, &[&header])
}

/// The Tera context of the TOM document (see docs/clause-authoring.md, "Parts").
pub fn context(t: &Toms, cats: &Catalogs) -> Value {
    let lang = t.language;
    json!({
        "lang": lang.code(),
        "document": "toms",
        "processor": party_json(&t.processor, cats, lang),
        "security": security_json(&t.security, cats, lang),
        "toms": {
            "id": t.display_id(),
            "as_of": t.security.as_of.map(|d| d.long(lang)),
            "version": t.security.version,
        },
    })
}

/// Assembles the TOM document: the part `toms_document` rendered and cut into numbered
/// sections at its `## ` headings.
///
/// Errors: `Error::Template` for a broken or missing part (an override folder).
pub fn assemble(t: &Toms, lib: &Library) -> Result<Document, Error> {
    let cats = Catalogs::get()?;
    let lang = t.language;
    let ctx = tera::Context::from_serialize(&context(t, cats))
        .map_err(|e| Error::Internal(format!("context: {e}")))?;
    let part = lib.part(lang, "toms_document")?;
    let body = lib.render(part, &ctx)?;
    let w = words(lang);
    Ok(Document {
        lang,
        title: part.meta.title.clone(),
        subtitle: t.processor.name.clone(),
        id: t.display_id(),
        controller: String::new(),
        processor: t.processor.name.clone(),
        parties_intro: Vec::new(),
        parties_intro_marked: Vec::new(),
        sections: sections(&body),
        signatures_title: String::new(),
        signatures_intro: String::new(),
        signatures: Vec::new(),
        labels: json!({
            "document": crate::tr_in!(lang, "toms-footer-label"),
            "contract": crate::tr_in!(lang, "toms-footer-label"),
            "page": w.page,
            "of": w.of,
            "fingerprint": w.fingerprint,
        }),
    })
}

/// Cuts rendered Markdown into sections at lines starting with `## `, numbered `1.`, `2.`,
/// ...; text before the first heading is dropped if blank, else becomes an untitled section.
pub(crate) fn sections(markdown: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut title: Option<String> = None;
    let mut body = String::new();
    let flush = |title: Option<String>, body: &str, out: &mut Vec<Section>| {
        if title.is_none() && crate::typography::strip_marks(body).trim().is_empty() {
            return;
        }
        let n = out.iter().filter(|s| !s.title.is_empty()).count() + 1;
        out.push(Section::from_rendered(
            String::new(),
            Kind::Part,
            if title.is_some() {
                format!("{n}.")
            } else {
                String::new()
            },
            title.unwrap_or_default(),
            body,
            Vec::new(),
        ));
    };
    for line in markdown.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            flush(title.take(), &body, &mut out);
            body.clear();
            title = Some(unescape_heading(h.trim()));
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    flush(title, &body, &mut out);
    out
}

/// A heading's text as written in the template: the Markdown escapes of values are
/// removed, because the section title is escaped again wherever it is written.
fn unescape_heading(h: &str) -> String {
    let mut out = String::with_capacity(h.len());
    let mut chars = h.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(n) = chars.next()
        {
            out.push(n);
        } else {
            out.push(c);
        }
    }
    out
}

/// The PDF date of a TOM document: its `as_of`, else 1 January 2000 (never the clock).
pub fn pdf_date(t: &Toms) -> Date {
    t.security.as_of.unwrap_or(Date {
        year: 2000,
        month: 1,
        day: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_cut_at_level_two_headings() {
        let s = sections("## Eins\n\nText a\n\n### Unter\n\nx\n## Zwei \\& Drei\n\ny\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].number, "1.");
        assert_eq!(s[0].title, "Eins");
        assert_eq!(s[0].body, "Text a\n\n### Unter\n\nx");
        assert_eq!(s[1].title, "Zwei & Drei");
        assert_eq!(s[1].body, "y");
        let s = sections("Vorab\n\n## A\n\nb\n");
        assert_eq!(s[0].number, "");
        assert_eq!(s[0].body, "Vorab");
        assert_eq!(s[1].number, "1.");
    }
}
