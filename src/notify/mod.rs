//! `dpa notify`: the notice of an intended change of subprocessors that Art. 28(2) second
//! sentence GDPR requires under a general written authorisation, one per controller, as
//! PDF and Markdown in the contract's language. Under a specific authorisation it writes a
//! request for approval instead (Art. 28(2) first sentence).
//!
//! The two versions are compared by [`crate::diff`]: only a change of the subprocessor list
//! is announced this way; any other change (a measure, a deadline, a party) is an amendment
//! of the contract and is refused (`dpa diff` writes that). The change is then applied to
//! every controller's contract:
//!
//! - without further input: the one controller of the two versions;
//! - `--controllers CSV` (the agency case): every row's controller merged into the old
//!   version, as `dpa batch` does it ([`crate::input::csv`]);
//! - further contract files: each client's own contract, whose subprocessors must be those
//!   of the old version; its new version takes the new version's subprocessors.
//!
//! Each notice is built from that one controller's two versions only, so one client's data
//! never appears in another client's notice. The notices are written in parallel by the
//! workers of `dpa batch` ([`crate::batch::run_each`]).

pub mod notice;

use std::path::PathBuf;

use crate::batch::{self, Done, Failure, Job, Produced};
use crate::clauses::Library;
use crate::diff::{self, Amendment, ChangeKind};
use crate::input::yaml::{Node, Value};
use crate::input::{self, LoadedContract, write};
use crate::model::{Authorisation, Date};
use crate::{Error, output, pipeline, tr};

/// What `dpa notify` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The version the controllers signed.
    pub old: PathBuf,
    /// The version with the changed subprocessors.
    pub new: PathBuf,
    /// A controllers CSV: one notice per row, each controller merged into the old version.
    pub controllers: Option<PathBuf>,
    /// Further contracts (files, folders, batch files), one notice per contract.
    pub contracts: Vec<PathBuf>,
    /// Output folder.
    pub output: PathBuf,
    /// The date of the notice; the objection period runs from it.
    pub date: Date,
    /// Which files to write (PDF and/or Markdown).
    pub formats: pipeline::Formats,
    /// Worker threads.
    pub jobs: usize,
    /// Overwrite existing files.
    pub force: bool,
    /// Progress bar on a terminal, one line per notice otherwise.
    pub progress: bool,
}

/// What the change needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// General authorisation: a notice; the controller may object (Art. 28(2) sentence 2).
    Notice,
    /// Specific authorisation: a request for the controller's prior specific approval
    /// (Art. 28(2) sentence 1).
    ApprovalRequest,
}

impl Kind {
    /// The part of the output file names: `notice` or `approval-request`.
    pub fn file_part(self) -> &'static str {
        match self {
            Kind::Notice => "notice",
            Kind::ApprovalRequest => "approval-request",
        }
    }
}

/// The result of a run.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Notice or approval request (none if nothing could be compared).
    pub kind: Option<Kind>,
    /// One entry per controller whose notice was written.
    pub written: Vec<Done>,
    /// Controllers whose notice could not be written.
    pub failed: Vec<Failure>,
    /// Warnings about the inputs that stopped nothing (a CSV decoded as Windows-1252, a
    /// postal code that lost its leading zero).
    pub notices: Vec<input::Notice>,
}

/// Whether the change from `a.old` to `a.new` is one `dpa notify` announces.
///
/// Errors: `Error::Incomplete` (in the new version's language) if nothing changed, or if
/// anything besides the subprocessor list changed (an amendment), naming those changes.
pub fn classify(a: &Amendment, old: &LoadedContract, new: &LoadedContract) -> Result<Kind, Error> {
    let lang = new.contract.language;
    let _lang = crate::i18n::scoped(lang);
    let file = new.path.display().to_string();
    if a.kind == diff::Kind::Identical {
        return Err(Error::Incomplete(tr!("notify-identical", file = file)));
    }
    let other: Vec<&str> = a
        .fields
        .iter()
        .filter(|f| !f.field.starts_with("subprocessors.list"))
        .map(|f| f.text.as_str())
        .collect();
    if !other.is_empty() || a.fields.is_empty() {
        let list: String = other.iter().map(|t| format!("\n  - {t}")).collect();
        return Err(Error::Incomplete(format!(
            "{}{list}\n  = {}: {}",
            tr!("notify-amendment", file = file),
            tr!("label-help"),
            tr!("notify-amendment-hint")
        )));
    }
    let (o, n) = (
        old.contract.subprocessors.authorisation,
        new.contract.subprocessors.authorisation,
    );
    Ok(match (a.kind, o, n) {
        (diff::Kind::SubprocessorNotice, _, _) => Kind::Notice,
        (_, Authorisation::Specific, Authorisation::Specific) => Kind::ApprovalRequest,
        _ => Kind::Notice,
    })
}

/// `client` with the subprocessors of `new`: the client's new version. The tree keeps the
/// client's own positions and takes the new version's `subprocessors` section, which is
/// resolved in the client's language.
fn apply(client: &LoadedContract, new: &LoadedContract) -> Result<LoadedContract, Error> {
    let mut tree = client.root.clone();
    let section = new.root.get("subprocessors").cloned();
    if let (Value::Map(entries), Some(section)) = (&mut tree.value, section) {
        match entries
            .iter_mut()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == "subprocessors"))
        {
            Some((_, v)) => *v = section,
            None => entries.push((
                Node {
                    value: Value::Str("subprocessors".into()),
                    location: section.location,
                },
                section,
            )),
        }
    }
    let source = write::contract_file(
        &tree,
        &[&tr!(
            "notify-new-version-header",
            client = client.path.display().to_string(),
            new = new.path.display().to_string()
        )],
    );
    let cats = crate::catalog::Catalogs::get()?;
    let contract = input::contract_from_node(&tree, cats)
        .map_err(|ps| Error::Input(crate::error::InputError::new(&client.path, &source, ps)))?;
    Ok(LoadedContract {
        contract,
        path: client.path.clone(),
        source,
        root: tree,
    })
}

/// Two subprocessor sections are the same: as data, or (for a list that names the same
/// directory entries in another language) as written.
fn same_subprocessors(a: &LoadedContract, b: &LoadedContract) -> bool {
    fn bare(n: &Node) -> String {
        write::contract_file(n, &[])
    }
    a.contract.subprocessors == b.contract.subprocessors
        || match (a.root.get("subprocessors"), b.root.get("subprocessors")) {
            (Some(x), Some(y)) => bare(x) == bare(y),
            _ => false,
        }
}

/// The controllers to notify, each with the contract it has now.
/// The controllers to notify (as `dpa batch` reads them), the ones that could not be read,
/// and warnings about the inputs (e.g. a CSV decoded as Windows-1252).
type Clients = (Vec<Job>, Vec<Failure>, Vec<input::Notice>);

fn clients(opts: &Options, old: &LoadedContract) -> Result<Clients, Error> {
    let base = |inputs: Vec<PathBuf>, controllers: Option<PathBuf>| batch::Options {
        inputs,
        controllers,
        output: opts.output.clone(),
        formats: opts.formats,
        jobs: opts.jobs,
        force: opts.force,
        check_only: false,
        allow_incomplete: false,
        progress: opts.progress,
        quiet: false,
    };
    if opts.controllers.is_some() && !opts.contracts.is_empty() {
        return Err(Error::Template(tr!("notify-csv-and-contracts")));
    }
    let prepared = if let Some(csv) = &opts.controllers {
        batch::prepare(&base(vec![opts.old.clone()], Some(csv.clone())))?
    } else if !opts.contracts.is_empty() {
        batch::prepare(&base(opts.contracts.clone(), None))?
    } else {
        let job = Job::from_loaded(opts.old.display().to_string(), old.clone());
        return Ok((vec![job], Vec::new(), Vec::new()));
    };
    Ok((prepared.jobs, prepared.failed, prepared.notices))
}

/// Writes the notice (or approval request) of every controller.
///
/// Errors (for the whole run): either version cannot be read or has check errors; the
/// change is not only a change of subprocessors (an amendment) or nothing changed; the
/// controllers CSV or the contracts cannot be read as a whole. A controller whose notice
/// fails (an invalid row, a contract whose subprocessors differ from the old version's,
/// an existing file) is a [`Failure`]; the others go on.
pub fn run(opts: &Options, lib: &Library) -> Result<Outcome, Error> {
    let old = pipeline::load(&opts.old)?;
    let new = pipeline::load(&opts.new)?;
    let today = Date::today();
    checked(&old, lib, today)?;
    checked(&new, lib, today)?;
    let base = diff::compare(&old, &new, lib, today, true)?;
    let kind = classify(&base, &old, &new)?;
    let (jobs, mut failed, notices) = clients(opts, &old)?;
    let from_files = opts.controllers.is_none() && !opts.contracts.is_empty();
    if !jobs.is_empty() {
        output::create_dir(&opts.output)?;
    }
    let batch_opts = batch::Options {
        inputs: Vec::new(),
        controllers: None,
        output: opts.output.clone(),
        formats: opts.formats,
        jobs: opts.jobs,
        force: opts.force,
        check_only: false,
        allow_incomplete: false,
        progress: opts.progress,
        quiet: false,
    };
    let (written, errors) = batch::run_each(&batch_opts, &jobs, |job| {
        one(opts, lib, &old, &new, job, kind, from_files, today)
    });
    failed.extend(errors);
    Ok(Outcome {
        kind: Some(kind),
        written,
        failed,
        notices,
    })
}

/// Refuses a version on which `dpa check` finds errors: a notice must not announce a
/// subprocessor the contract could not take (e.g. a third country without a transfer
/// basis, which the notice has to state).
fn checked(loaded: &LoadedContract, lib: &Library, today: Date) -> Result<(), Error> {
    let report = crate::check::check(loaded, lib, today)?;
    if report.has_errors() {
        let text =
            crate::check::findings_text(&report, &loaded.source, crate::error::Severity::Warning);
        let file = loaded.path.display().to_string();
        return Err(Error::Incomplete(format!(
            "{text}{}",
            tr!("notify-not-sent", file = file)
        )));
    }
    Ok(())
}

/// One controller's notice, written.
#[allow(clippy::too_many_arguments)]
fn one(
    opts: &Options,
    lib: &Library,
    old: &LoadedContract,
    new: &LoadedContract,
    job: &Job,
    kind: Kind,
    from_files: bool,
    today: Date,
) -> Result<Produced, Error> {
    let cats = crate::catalog::Catalogs::get()?;
    let client = job.load(cats)?;
    let client = &*client;
    let _lang = crate::i18n::scoped(client.contract.language);
    if from_files && !same_subprocessors(client, old) {
        return Err(Error::Incomplete(format!(
            "{}\n  = {}: {}",
            tr!(
                "notify-other-subprocessors",
                file = client.path.display().to_string(),
                old = old.path.display().to_string()
            ),
            tr!("label-help"),
            tr!("notify-other-subprocessors-hint")
        )));
    }
    let changed = apply(client, new)?;
    checked(client, lib, today)?;
    checked(&changed, lib, today)?;
    let a = diff::compare(client, &changed, lib, today, true)?;
    if classify(&a, client, &changed)? != kind {
        return Err(Error::Internal(format!(
            "{}: the change is not the same kind as for the two versions",
            job.label
        )));
    }
    let n = notice::build(client, &changed, &a, lib, opts.date, kind)?;
    let target = |ext: &str| {
        opts.output
            .join(format!("{}.{}.{ext}", job.name, kind.file_part()))
    };
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    let pdf;
    if opts.formats.pdf {
        pdf = n.pdf()?;
        files.push((target("pdf"), &pdf));
    }
    if opts.formats.markdown {
        files.push((target("md"), n.markdown.as_bytes()));
    }
    output::write_all_or_none(&files, opts.force)?;
    Ok((files.into_iter().map(|(p, _)| p).collect(), [0, 0, 0]))
}

/// The closing lines for the terminal: what was written, what failed.
pub fn summary(o: &Outcome, output: &std::path::Path) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for f in &o.failed {
        let _ = writeln!(s, "{}\n", f.reason.trim_end());
    }
    let what = match o.kind {
        Some(Kind::ApprovalRequest) => tr!("notify-kind-request"),
        _ => tr!("notify-kind-notice"),
    };
    let _ = writeln!(
        s,
        "{}",
        tr!(
            "notify-summary",
            count = o.written.len(),
            what = what,
            dir = output.display().to_string(),
            failed = o.failed.len()
        )
    );
    for f in &o.failed {
        let first = f.reason.lines().next().unwrap_or("");
        let _ = writeln!(
            s,
            "  {}",
            tr!("notify-failed", input = f.input.as_str(), reason = first)
        );
    }
    s
}

/// Whether a change of the list is an addition, a removal or a change of an entry.
fn entry_kind(path: &str, kind: ChangeKind) -> Option<(ChangeKind, usize)> {
    let rest = path.strip_prefix("subprocessors.list[")?;
    let (index, tail) = rest.split_once(']')?;
    let index = index.parse().ok()?;
    if tail.is_empty() && kind != ChangeKind::Changed {
        Some((kind, index))
    } else {
        Some((ChangeKind::Changed, index))
    }
}
