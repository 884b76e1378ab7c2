//! One controller's notice (or approval request) as Markdown and PDF.
//!
//! The text is data: `templates/notice/de.md` and `templates/notice/en.md` (Markdown with
//! Tera, like the clauses), filled with what changes (added, replaced, removed and changed
//! subprocessors, each with address, service and the basis per location), the dates, how
//! to object and the contract's own subprocessor clause and updated annex, both as the
//! contract prints them. Every value is escaped for Markdown; the clause and the annex are
//! Markdown the assembler escaped already. The PDF is laid out by the same template as
//! `dpa diff`'s documents.

use std::sync::LazyLock;

use serde_json::{Value, json};

use super::{Kind, entry_kind};
use crate::assemble::{self, Document};
use crate::catalog::Catalogs;
use crate::clauses::Library;
use crate::diff::{Amendment, ChangeKind};
use crate::input::LoadedContract;
use crate::model::{Contract, Date, Person};
use crate::render::{self, Fingerprint, flow};
use crate::{Error, Lang};

/// A notice, ready to be written.
#[derive(Debug, Clone)]
pub struct Notice {
    /// Notice or approval request.
    pub kind: Kind,
    /// Its language (the contract's).
    pub lang: Lang,
    /// The text, Markdown.
    pub markdown: String,
    /// The date of the notice.
    pub date: Date,
    /// The last day of the objection period: the date plus the contract's notice days.
    pub deadline: Date,
    /// The footer line of the PDF.
    footer: String,
}

/// The notice templates, parsed once.
static TEMPLATES: LazyLock<Result<tera::Tera, String>> = LazyLock::new(|| {
    let mut tera = tera::Tera::default();
    tera.set_escape_fn(crate::escape::markdown_escape_fn);
    tera.autoescape_on(vec![""]);
    for lang in Lang::ALL {
        let name = template_name(lang);
        let text = crate::clauses::TEMPLATE_FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .ok_or_else(|| format!("templates/{name} is missing"))?;
        tera.add_raw_template(&name, text)
            .map_err(|e| format!("templates/{name}: {}", crate::clauses::tera_cause(&e)))?;
    }
    Ok(tera)
});

fn template_name(lang: Lang) -> String {
    format!("notice/{}.md", lang.code())
}

/// A section of an assembled contract: its number, title and body.
fn section(doc: &Document, id: &str) -> Value {
    doc.sections
        .iter()
        .find(|s| s.id == id)
        .map(|s| json!({ "number": s.number, "title": s.title, "body": s.body }))
        .unwrap_or(Value::Null)
}

/// Who receives an objection: the processor's contact, else the first person receiving
/// instructions with an e-mail address, else its representative; with the e-mail address
/// where known.
fn objection_to(c: &Contract) -> String {
    let p = &c.processor;
    let with_email = |x: &Person| x.email.is_some();
    let person = p
        .contact
        .as_ref()
        .filter(|x| with_email(x))
        .or_else(|| {
            c.instructions
                .processor_persons
                .iter()
                .find(|x| with_email(x))
        })
        .unwrap_or(&p.representative);
    match &person.email {
        Some(e) => format!("{}, {e}", person.name),
        None => person.name.clone(),
    }
}

/// Builds the notice of one controller from its current contract (`old`), its contract
/// with the new subprocessors (`new`) and their comparison.
///
/// Errors: `Error::Template` if a notice template or a clause is broken; `Error::Internal`
/// for a date outside the calendar.
pub fn build(
    old: &LoadedContract,
    new: &LoadedContract,
    a: &Amendment,
    lib: &Library,
    date: Date,
    kind: Kind,
) -> Result<Notice, Error> {
    let cats = Catalogs::get()?;
    let c = &new.contract;
    let lang = c.language;
    let days = c.subprocessors.notice_days;
    let deadline = date
        .add_days(i64::from(days))
        .ok_or_else(|| Error::Internal(format!("{date} + {days} days")))?;
    let old_ctx = assemble::context(&old.contract, cats);
    let new_ctx = assemble::context(c, cats);
    let entry = |ctx: &Value, i: usize| ctx["subprocessors"]["list"][i].clone();
    let mut added: Vec<(usize, Value)> = Vec::new();
    let mut removed: Vec<(usize, Value)> = Vec::new();
    let mut changed: Vec<String> = Vec::new();
    for f in &a.fields {
        match entry_kind(&f.path, f.kind) {
            Some((ChangeKind::Added, j)) => added.push((j, entry(&new_ctx, j))),
            Some((ChangeKind::Removed, i)) => removed.push((i, entry(&old_ctx, i))),
            Some((ChangeKind::Changed, _)) => changed.push(f.text.clone()),
            None => {}
        }
    }
    // An addition with the service of a removed subprocessor replaces it.
    let service = |v: &Value| {
        v["service"]
            .as_str()
            .unwrap_or_default()
            .trim()
            .to_lowercase()
    };
    let mut replaced = Vec::new();
    added.retain(
        |(_, n)| match removed.iter().position(|(_, o)| service(o) == service(n)) {
            Some(k) => {
                let (_, o) = removed.remove(k);
                replaced.push(json!({ "old": o, "new": n }));
                false
            }
            None => true,
        },
    );
    let doc = assemble::assemble(c, lib)?;
    let fingerprint = Fingerprint::of(&old.contract, &lib.version);
    let context = json!({
        "request": kind == Kind::ApprovalRequest,
        "date": date.long(lang),
        "deadline": deadline.long(lang),
        "notice_days": days,
        "controller": new_ctx["controller"],
        "processor": new_ctx["processor"],
        "contract": {
            "id": old.contract.display_id(),
            "fingerprint": fingerprint.short,
            "main_agreement": old_ctx["contract"]["main_agreement"]["title"],
            "effective_date": old_ctx["contract"]["effective_date"],
        },
        "added": added.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        "removed": removed.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        "replaced": replaced,
        "changed": changed,
        "objection_to": objection_to(c),
        "clause": section(&doc, "subprocessors"),
        "annex": section(&doc, "annex_subprocessors"),
    });
    let ctx = tera::Context::from_serialize(&context)
        .map_err(|e| Error::Internal(format!("notice context: {e}")))?;
    let tera = TEMPLATES.as_ref().map_err(|e| Error::Template(e.clone()))?;
    let name = template_name(lang);
    let md = tera.render(&name, &ctx).map_err(|e| {
        Error::Template(format!(
            "templates/{name}: {}",
            crate::clauses::tera_cause(&e)
        ))
    })?;
    let (id, when) = (old.contract.display_id(), date.long(lang));
    let footer = match kind {
        Kind::Notice => crate::tr_in!(
            lang,
            "notify-footer-notice",
            id = id.as_str(),
            date = when.as_str()
        ),
        Kind::ApprovalRequest => {
            crate::tr_in!(
                lang,
                "notify-footer-request",
                id = id.as_str(),
                date = when.as_str()
            )
        }
    };
    Ok(Notice {
        kind,
        lang,
        markdown: tidy(&crate::typography::strip_marks(&md)),
        date,
        deadline,
        footer,
    })
}

/// Trailing spaces off, runs of blank lines (left by template tags) collapsed to one.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

impl Notice {
    /// The notice as a PDF (A4, page numbers, the footer naming the contract and the date);
    /// its date is the notice's, never the clock.
    ///
    /// Errors: `Error::Render` if Typst fails.
    pub fn pdf(&self) -> Result<Vec<u8>, Error> {
        let mut blocks = Vec::new();
        flow::markdown(&self.markdown, &mut blocks);
        let (page, of) = match self.lang {
            Lang::De => ("Seite", "von"),
            Lang::En => ("Page", "of"),
        };
        let data = json!({
            "lang": self.lang.code(),
            "footer": self.footer,
            "page": page,
            "of": of,
        });
        render::redline_pdf(
            &crate::diff::report::blocks_typst(&blocks),
            &data,
            self.date,
        )
    }
}
