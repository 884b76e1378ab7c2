//! `dpa check`: traces every Art. 28 requirement to the clause(s) of this contract that meet
//! it, and flags what is missing or risky. Coverage comes from the same clause metadata and
//! conditions the assembler uses, so an override that drops a requirement shows as a gap.
//! The transfer rules (Chapter V GDPR) are in [`transfers`]; new messages are Fluent
//! messages in `locales/*/check.ftl`.

mod transfers;

mod dpo;

pub use dpo::BDSG_STAFF_THRESHOLD as BDSG_DPO_STAFF_THRESHOLD;

use serde::Serialize;

use crate::Error;
use crate::assemble;
use crate::catalog::Catalogs;
use crate::clauses::Library;
use crate::error::{Location, Severity};
use crate::input::LoadedContract;
use crate::model::*;

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// error, warning or note.
    pub severity: Severity,
    /// Stable rule id, e.g. `transfer_basis_missing`.
    pub rule: &'static str,
    /// Field path in the contract file.
    pub path: String,
    /// Line and column of that field.
    pub location: Location,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
}

/// A clause that meets a requirement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoveringClause {
    /// Clause id.
    pub id: String,
    /// "§ 7" / "Clause 7" / "Anlage 3".
    pub number: String,
    /// Heading.
    pub title: String,
}

/// One row of the coverage table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Requirement id, e.g. `art28_3_a`.
    pub requirement: String,
    /// Legal reference.
    pub article: String,
    /// What it requires.
    pub label: String,
    /// The clauses meeting it; empty means a gap.
    pub clauses: Vec<CoveringClause>,
}

/// The result of checking one contract.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The contract file.
    pub file: String,
    /// Every requirement and what covers it.
    pub coverage: Vec<Coverage>,
    /// Findings, errors first.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Number of findings of a severity.
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// Whether there is any error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

struct Ctx<'a> {
    loaded: &'a LoadedContract,
    cats: &'a Catalogs,
    findings: Vec<Finding>,
}

impl Ctx<'_> {
    fn add(
        &mut self,
        severity: Severity,
        rule: &'static str,
        path: &str,
        message: String,
        hint: impl Into<String>,
    ) {
        self.findings.push(Finding {
            severity,
            rule,
            path: path.to_string(),
            location: self.loaded.root.locate(path),
            message,
            hint: hint.into(),
        });
    }
}

/// Checks a loaded contract against the library it will be rendered with.
pub fn check(loaded: &LoadedContract, lib: &Library, today: Date) -> Result<Report, Error> {
    let cats = Catalogs::get()?;
    let c = &loaded.contract;
    let coverage = coverage(c, lib, cats)?;
    let mut ctx = Ctx {
        loaded,
        cats,
        findings: Vec::new(),
    };
    for row in &coverage {
        if row.clauses.is_empty() {
            ctx.add(
                Severity::Error,
                "requirement_not_covered",
                "",
                format!("{} ({}) is not covered by any clause of this contract", row.article, row.label),
                "a clause override folder removed or narrowed the clause covering it; restore it or add a clause whose `covers` names it",
            );
        }
    }
    transfers::check(&mut ctx, today);
    sensitive_data(&mut ctx);
    professional_secrecy(&mut ctx);
    security_areas(&mut ctx);
    terms(&mut ctx, today);
    signatories(&mut ctx);
    dpo::dpo_likely_required(&mut ctx);
    let mut findings = ctx.findings;
    findings.sort_by_key(|f| (f.severity, f.location));
    Ok(Report {
        file: loaded.path.display().to_string(),
        coverage,
        findings,
    })
}

/// The coverage table of a contract.
pub fn coverage(c: &Contract, lib: &Library, cats: &Catalogs) -> Result<Vec<Coverage>, Error> {
    let lang = c.language;
    let ctx = tera::Context::from_serialize(&assemble::context(c, cats))
        .map_err(|e| Error::Internal(e.to_string()))?;
    let chosen = assemble::applicable(lib, lang, &ctx)?;
    Ok(cats
        .requirements
        .entries
        .iter()
        .map(|r| Coverage {
            requirement: r.id.clone(),
            article: r.wording(lang).article.clone().unwrap_or_default(),
            label: r.label(lang).to_string(),
            clauses: chosen
                .iter()
                .filter(|(cl, _)| cl.meta.covers.contains(&r.id))
                .map(|(cl, number)| CoveringClause {
                    id: cl.meta.id.clone(),
                    number: number.clone(),
                    title: cl.meta.title.clone(),
                })
                .collect(),
        })
        .collect())
}

fn sensitive_data(ctx: &mut Ctx<'_>) {
    let c = &ctx.loaded.contract;
    let special = !c.processing.special_categories.is_empty();
    if !special && !c.processing.criminal_offence_data {
        return;
    }
    let what = match (special, c.processing.criminal_offence_data) {
        (true, true) => "special categories of data (Art. 9) and criminal offence data (Art. 10)",
        (true, false) => "special categories of data (Art. 9)",
        _ => "criminal offence data (Art. 10)",
    };
    let has = |m: &str| c.security.measures.iter().any(|x| x == m);
    let missing: Vec<&str> = [
        "encryption_in_transit",
        "encryption_at_rest",
        "role_based_access",
    ]
    .into_iter()
    .filter(|m| !has(m))
    .collect();
    let path = if special {
        "processing.special_categories"
    } else {
        "processing.criminal_offence_data"
    };
    if !missing.is_empty() {
        ctx.add(
            Severity::Error,
            "sensitive_data_weak_toms",
            "security.measures",
            format!(
                "the contract covers {what}, but the measures lack {}",
                missing.join(", ")
            ),
            format!("add {} to security.measures", missing.join(", ")),
        );
    }
    if !has("pseudonymisation") {
        ctx.add(
            Severity::Warning,
            "sensitive_data_no_pseudonymisation",
            "security.measures",
            format!("the contract covers {what} without pseudonymisation (Art. 32(1)(a))"),
            "add pseudonymisation where the processing allows it, or document why it does not",
        );
    }
    let _ = path;
}

fn security_areas(ctx: &mut Ctx<'_>) {
    let cats = ctx.cats;
    let c = &ctx.loaded.contract;
    let groups: [(&str, &[&str]); 6] = [
        (
            "Art. 32(1)(a) pseudonymisation and encryption",
            &["pseudonymisation_encryption"],
        ),
        ("Art. 32(1)(b) confidentiality", &["confidentiality"]),
        ("Art. 32(1)(b) integrity", &["integrity"]),
        (
            "Art. 32(1)(b) availability and resilience",
            &["availability", "resilience"],
        ),
        (
            "Art. 32(1)(c) restoring availability after an incident",
            &["recovery"],
        ),
        (
            "Art. 32(1)(d) regular testing and evaluation",
            &["evaluation"],
        ),
    ];
    let mut empty = Vec::new();
    for (label, areas) in groups {
        let covered = c.security.measures.iter().any(|m| {
            cats.measures
                .get(m)
                .and_then(|e| e.area.as_deref())
                .is_some_and(|a| areas.contains(&a))
        }) || c
            .security
            .custom
            .iter()
            .any(|m| areas.contains(&m.area.as_str()));
        if !covered {
            let examples: Vec<&str> = cats
                .measures
                .entries
                .iter()
                .filter(|m| m.area.as_deref().is_some_and(|a| areas.contains(&a)))
                .map(|m| m.id.as_str())
                .take(4)
                .collect();
            empty.push((label, examples));
        }
    }
    for (label, examples) in empty {
        ctx.add(
            Severity::Warning,
            "security_area_empty",
            "security.measures",
            format!("no measure covers {label}"),
            format!(
                "add one, e.g. {}, or a `custom` measure in that area",
                examples.join(", ")
            ),
        );
    }
}

fn terms(ctx: &mut Ctx<'_>, today: Date) {
    let c = ctx.loaded.contract.clone();
    let t = &c.terms;
    let h = t.breach_notification_hours;
    if h > 72 {
        ctx.add(
            Severity::Error,
            "breach_deadline_over_72h",
            "terms.breach_notification_hours",
            format!("the processor may take {h} hours to report a breach; the controller itself must notify the authority within 72 hours (Art. 33(1))"),
            "set 24 or 48 hours",
        );
    } else if h > 48 {
        ctx.add(
            Severity::Warning,
            "breach_deadline_over_48h",
            "terms.breach_notification_hours",
            format!("{h} hours to report a breach leave the controller little of its 72 hours (Art. 33(1))"),
            "24 or 48 hours are common",
        );
    }
    if c.subprocessors.authorisation == Authorisation::Specific && c.subprocessors.list.is_empty() {
        // Valid (Art. 28(2)): no subprocessor is authorised; worth knowing, not an error.
        ctx.add(
            Severity::Note,
            "specific_authorisation_without_list",
            "subprocessors.authorisation",
            crate::tr!("check-specific-without-list"),
            crate::tr!("check-specific-without-list-hint"),
        );
    }
    if c.subprocessors.notice_days < 14 {
        ctx.add(
            Severity::Warning,
            "subprocessor_notice_short",
            "subprocessors.notice_days",
            format!("{} days' notice of subprocessor changes leave the controller little time to object (Art. 28(2))", c.subprocessors.notice_days),
            "give at least 14 days, commonly 30",
        );
    }
    if !t.audit_on_site {
        ctx.add(
            Severity::Note,
            "no_on_site_audits",
            "terms.audits.on_site",
            "on-site inspections are limited to cases with concrete cause; Art. 28(3)(h) speaks of audits including inspections".to_string(),
            "acceptable where certificates and reports are current; otherwise allow on-site audits",
        );
    }
    if t.end_days > 90 {
        ctx.add(
            Severity::Warning,
            "end_of_processing_slow",
            "terms.end_of_processing.days",
            format!(
                "the processor has {} days to return or delete the data after the end",
                t.end_days
            ),
            "30 days are common; more than 90 is hard to justify",
        );
    }
    if let Duration::Fixed { until } = &c.processing.duration
        && *until < today
    {
        ctx.add(
            Severity::Error,
            "duration_ended",
            "processing.duration.until",
            format!("the processing was agreed to end on {until}, which has passed"),
            "set a new end date or change the duration type",
        );
    }
    if t.liability == Liability::Capped && t.liability_cap_eur.is_none() {
        ctx.add(
            Severity::Error,
            "liability_cap_missing",
            "terms.liability",
            "liability is capped but no amount is given".to_string(),
            "add terms.liability_cap_eur, e.g. 50000",
        );
    }
}

/// A controller bound by professional secrecy (§ 203 StGB) needs the secrecy clause.
fn professional_secrecy(ctx: &mut Ctx<'_>) {
    let c = &ctx.loaded.contract;
    if c.options.professional_secrecy {
        return;
    }
    let p = &c.processing;
    let mut reasons = Vec::new();
    if ctx.cats.secrecy_profession(&c.controller.name) {
        reasons.push(crate::tr!("check-secrecy-reason-name"));
    }
    if p.special_categories.iter().any(|s| s == "health") {
        reasons.push(crate::tr!("check-secrecy-reason-health"));
    }
    if p.data_subjects
        .iter()
        .any(|s| matches!(s, Item::Id(id) if id == "patients"))
    {
        reasons.push(crate::tr!("check-secrecy-reason-patients"));
    }
    if reasons.is_empty() {
        return;
    }
    ctx.add(
        Severity::Note,
        "professional_secrecy_missing",
        "options.professional_secrecy",
        crate::tr!("check-professional-secrecy", reason = reasons.join(", ")),
        crate::tr!("check-professional-secrecy-hint"),
    );
}

fn signatories(ctx: &mut Ctx<'_>) {
    let c = &ctx.loaded.contract;
    for role in [PartyRole::Controller, PartyRole::Processor] {
        if !c.signatories.iter().any(|s| s.party == role) {
            ctx.add(
                Severity::Error,
                "party_without_signatory",
                "signatories",
                format!("nobody signs for the {}", role.id()),
                format!(
                    "add `- {{ party: {}, name: ..., role: ... }}` to signatories",
                    role.id()
                ),
            );
        }
    }
}

/// The coverage table as text.
pub fn coverage_text(r: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "{}: coverage of Art. 28 GDPR", r.file);
    let width = r
        .coverage
        .iter()
        .map(|c| c.article.chars().count())
        .max()
        .unwrap_or(10);
    for row in &r.coverage {
        let clauses = if row.clauses.is_empty() {
            "MISSING".to_string()
        } else {
            row.clauses
                .iter()
                .map(|c| format!("{} {}", c.number, c.title))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let mark = if row.clauses.is_empty() { "✗" } else { "✓" };
        let pad = width - row.article.chars().count();
        let _ = writeln!(
            out,
            "  {mark} {}{} {} -> {}",
            row.article,
            " ".repeat(pad),
            row.label,
            clauses
        );
    }
    out
}

/// The findings at or above a severity, each with file:line:col, then a summary line.
pub fn findings_text(r: &Report, source: &str, at_least: Severity) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for f in r.findings.iter().filter(|f| f.severity <= at_least) {
        let p = crate::error::Problem::new(f.location, f.path.clone(), f.message.clone())
            .with_hint(f.hint.clone());
        let _ = crate::error::write_problem(
            &mut out,
            std::path::Path::new(&r.file),
            source,
            f.severity,
            &p,
        );
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "{}: {} error(s), {} warning(s), {} note(s)",
        r.file,
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Note)
    );
    out
}

/// The full text report: coverage table, then every finding.
pub fn to_text(r: &Report, source: &str) -> String {
    format!(
        "{}\n{}",
        coverage_text(r),
        findings_text(r, source, Severity::Note)
    )
}
