//! `dpa diff`: the amendment between two versions of a contract.
//!
//! Both versions are loaded, checked and assembled as for `dpa render` (invalid input and
//! check errors are refused the same way). The result, an [`Amendment`], holds:
//!
//! - what kind of change it is: none, an Art. 28(2) change of the subprocessor list under a
//!   general authorisation (which needs notice to the controller, not a new contract), or
//!   an amendment of the contract;
//! - every changed field in words ([`fields`]);
//! - the change in `dpa check`: requirements newly covered or no longer covered, findings
//!   added or resolved;
//! - the redline of the contract text ([`redline`]), which [`report`] writes as Markdown,
//!   DOCX with tracked changes, PDF, and JSON (docs/diff-report.schema.json).

pub mod fields;
pub mod redline;
pub mod report;

use serde::Serialize;

use crate::catalog::Catalogs;
use crate::check::{self, Report};
use crate::clauses::Library;
use crate::error::Severity;
use crate::input::LoadedContract;
use crate::model::{Authorisation, Date};
use crate::render::flow::{self, Block, Mark};
use crate::render::{self, Fingerprint};
use crate::{Error, Lang, assemble};

pub use fields::{ChangeKind, FieldChange};

/// What kind of change lies between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Nothing changed.
    Identical,
    /// Only the subprocessor list changed, under a general authorisation: the processor
    /// informs the controller in advance and the controller may object (Art. 28(2) GDPR
    /// second sentence); no new contract.
    SubprocessorNotice,
    /// The contract itself changed: both parties agree to the new version.
    Amendment,
}

/// One version, as the report names it.
#[derive(Debug, Clone, Serialize)]
pub struct Version {
    /// The contract file.
    pub file: String,
    /// The contract id.
    pub id: String,
    /// Its effective date (ISO), if set.
    pub effective_date: Option<String>,
    /// The fingerprint (SHA-256) printed in its PDF.
    pub fingerprint: String,
}

/// A requirement of Art. 28 whose coverage changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Requirement {
    /// Requirement id, e.g. `art28_3_a`.
    pub requirement: String,
    /// Legal reference.
    pub article: String,
    /// What it requires.
    pub label: String,
}

/// A finding of `dpa check` that appeared or went away.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingChange {
    /// error, warning or note.
    pub severity: Severity,
    /// Rule id.
    pub rule: String,
    /// Field path in the version it belongs to.
    pub path: String,
    /// The finding.
    pub message: String,
}

/// The change in `dpa check` between the versions.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckChange {
    /// Requirements covered now and not before.
    pub newly_covered: Vec<Requirement>,
    /// Requirements covered before and not now.
    pub no_longer_covered: Vec<Requirement>,
    /// Findings of the new version that the old one did not have.
    pub findings_added: Vec<FindingChange>,
    /// Findings of the old version that the new one no longer has.
    pub findings_resolved: Vec<FindingChange>,
}

impl CheckChange {
    /// Whether the check result is the same.
    pub fn is_empty(&self) -> bool {
        self.newly_covered.is_empty()
            && self.no_longer_covered.is_empty()
            && self.findings_added.is_empty()
            && self.findings_resolved.is_empty()
    }
}

/// Counts of the redline.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct RedlineCounts {
    /// Paragraphs, list items and table rows inserted whole.
    pub blocks_inserted: usize,
    /// Paragraphs, list items and table rows deleted whole.
    pub blocks_deleted: usize,
    /// Paragraphs, list items and table rows changed inside.
    pub blocks_changed: usize,
    /// Words inserted (in changed and inserted blocks).
    pub words_inserted: usize,
    /// Words deleted.
    pub words_deleted: usize,
}

/// The amendment between two versions of a contract.
#[derive(Debug, Clone, Serialize)]
pub struct Amendment {
    /// `dpagen-diff/1`.
    pub schema: &'static str,
    /// The old version.
    pub old: Version,
    /// The new version.
    pub new: Version,
    /// Language of the texts (the new version's).
    pub language: Lang,
    /// The date of the new version (ISO): its effective date, else its main agreement's
    /// date, else 2000-01-01. Tracked changes carry it.
    pub date: String,
    /// What kind of change this is.
    pub kind: Kind,
    /// The kind in words, for the reader.
    pub kind_text: String,
    /// Advance notice of subprocessor changes in the new version, in days.
    pub notice_days: u32,
    /// Every changed field.
    pub fields: Vec<FieldChange>,
    /// The change in `dpa check`.
    pub check: CheckChange,
    /// Counts of the redline.
    pub redline: RedlineCounts,
    /// The redline itself (for the documents).
    #[serde(skip)]
    pub blocks: Vec<Block>,
    /// The document date as a date.
    #[serde(skip)]
    pub when: Date,
}

impl Amendment {
    /// Whether the versions differ.
    pub fn differs(&self) -> bool {
        self.kind != Kind::Identical
    }
}

/// Compares two loaded contracts.
///
/// `today` is the date the check rules compare against. Errors: `Error::Incomplete` if
/// `dpa check` finds errors in either version and `allow_incomplete` is false (as for
/// `dpa render`); `Error::Template` for a broken clause.
pub fn compare(
    old: &LoadedContract,
    new: &LoadedContract,
    lib: &Library,
    today: Date,
    allow_incomplete: bool,
) -> Result<Amendment, Error> {
    let cats = Catalogs::get()?;
    let lang = new.contract.language;
    let old_report = checked(old, lib, today, allow_incomplete)?;
    let new_report = checked(new, lib, today, allow_incomplete)?;
    let old_doc = assemble::assemble(&old.contract, lib)?;
    let new_doc = assemble::assemble(&new.contract, lib)?;
    let blocks = redline::redline(&flow::flow(&old_doc, None), &flow::flow(&new_doc, None));
    let fields = fields::changes(&old.contract, &new.contract, lang, cats)?;
    let kind = if fields.is_empty() && !redline::has_changes(&blocks) {
        Kind::Identical
    } else if !fields.is_empty()
        && fields
            .iter()
            .all(|f| f.field.starts_with("subprocessors.list"))
        && old.contract.subprocessors.authorisation == Authorisation::General
        && new.contract.subprocessors.authorisation == Authorisation::General
    {
        Kind::SubprocessorNotice
    } else {
        Kind::Amendment
    };
    let notice_days = new.contract.subprocessors.notice_days;
    let kind_text = match kind {
        Kind::Identical => crate::tr_in!(lang, "diff-kind-identical"),
        Kind::SubprocessorNotice => crate::tr_in!(lang, "diff-kind-notice", days = notice_days),
        Kind::Amendment => crate::tr_in!(lang, "diff-kind-amendment"),
    };
    let when = render::document_date(&new.contract);
    Ok(Amendment {
        schema: "dpagen-diff/1",
        old: version(old, lib),
        new: version(new, lib),
        language: lang,
        date: when.to_string(),
        kind,
        kind_text,
        notice_days,
        fields,
        check: check_change(&old_report, &new_report),
        redline: counts(&blocks),
        blocks,
        when,
    })
}

fn checked(
    loaded: &LoadedContract,
    lib: &Library,
    today: Date,
    allow_incomplete: bool,
) -> Result<Report, Error> {
    let report = check::check(loaded, lib, today)?;
    if report.has_errors() && !allow_incomplete {
        let text = check::findings_text(&report, &loaded.source, Severity::Warning);
        let file = loaded.path.display().to_string();
        return Err(Error::Incomplete(format!(
            "{text}{}",
            crate::tr!("diff-not-compared", file = file)
        )));
    }
    Ok(report)
}

fn version(l: &LoadedContract, lib: &Library) -> Version {
    Version {
        file: l.path.display().to_string(),
        id: l.contract.display_id(),
        effective_date: l.contract.effective_date.map(|d| d.to_string()),
        fingerprint: Fingerprint::of(&l.contract, &lib.version).full,
    }
}

fn check_change(old: &Report, new: &Report) -> CheckChange {
    let covered = |r: &Report, id: &str| {
        r.coverage
            .iter()
            .any(|c| c.requirement == id && !c.clauses.is_empty())
    };
    let req = |c: &check::Coverage| Requirement {
        requirement: c.requirement.clone(),
        article: c.article.clone(),
        label: c.label.clone(),
    };
    let mut out = CheckChange::default();
    for c in &new.coverage {
        let (was, is) = (covered(old, &c.requirement), !c.clauses.is_empty());
        if is && !was {
            out.newly_covered.push(req(c));
        } else if was && !is {
            out.no_longer_covered.push(req(c));
        }
    }
    // A finding is the same when its rule and message are: paths move when list entries
    // are added or removed.
    let same = |a: &check::Finding, b: &check::Finding| a.rule == b.rule && a.message == b.message;
    let finding = |f: &check::Finding| FindingChange {
        severity: f.severity,
        rule: f.rule.to_string(),
        path: f.path.clone(),
        message: f.message.clone(),
    };
    for f in &new.findings {
        if !old.findings.iter().any(|o| same(o, f)) {
            out.findings_added.push(finding(f));
        }
    }
    for f in &old.findings {
        if !new.findings.iter().any(|n| same(n, f)) {
            out.findings_resolved.push(finding(f));
        }
    }
    out
}

fn counts(blocks: &[Block]) -> RedlineCounts {
    let mut c = RedlineCounts::default();
    let words = |b: &Block, m: Mark| -> usize {
        b.cells
            .iter()
            .flatten()
            .filter(|s| s.mark == m)
            .map(|s| s.text.split_whitespace().count())
            .sum()
    };
    for b in blocks {
        match b.mark {
            Mark::Inserted => c.blocks_inserted += 1,
            Mark::Deleted => c.blocks_deleted += 1,
            Mark::Same => {
                if b.cells.iter().flatten().any(|s| s.mark != Mark::Same) {
                    c.blocks_changed += 1;
                }
            }
        }
        c.words_inserted += words(b, Mark::Inserted);
        c.words_deleted += words(b, Mark::Deleted);
    }
    c
}
