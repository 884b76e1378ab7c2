//! `dpa batch`: many contracts in one run, in parallel, with one bad contract never
//! stopping the others.
//!
//! Inputs are contract files, folders of them, batch files (`defaults` deep-merged under
//! each entry of `contracts`) and a CSV of controllers merged into one base contract (the
//! agency case). Everything is validated first; then the valid contracts are rendered by a
//! pool of workers that share the fonts, the Typst library and the clause library, while
//! Typst's memo cache is evicted as the run goes so that memory stays flat.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde::Serialize;

use crate::catalog::Catalogs;
use crate::clauses::Library;
use crate::input::batch_file::{self, Opened};
use crate::input::{self, Entries, LoadedContract, Notice};
use crate::pipeline::{self, Formats};
use crate::{Error, Lang, check, output};

/// At most this many failures and notices of one input file are printed in full; the
/// others are counted (the `--report` file lists every failure).
pub const MAX_SHOWN_PER_FILE: usize = 20;

/// What `dpa batch` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// Contract files, folders and batch files; with `controllers`, exactly one base contract.
    pub inputs: Vec<PathBuf>,
    /// A CSV of controllers to merge into the base contract.
    pub controllers: Option<PathBuf>,
    /// Output folder.
    pub output: PathBuf,
    /// Which outputs to write.
    pub formats: Formats,
    /// Worker threads.
    pub jobs: usize,
    /// Overwrite existing files.
    pub force: bool,
    /// Only validate and check; write no contract.
    pub check_only: bool,
    /// Render contracts with check errors anyway.
    pub allow_incomplete: bool,
    /// Show a progress bar on a terminal, one log line per contract otherwise.
    pub progress: bool,
    /// Print nothing per contract (benchmarks).
    pub quiet: bool,
}

/// One contract to render.
#[derive(Debug)]
pub struct Job {
    /// Where it came from, for messages: `file`, `file, entry 3` or `file, line 7`.
    pub label: String,
    /// The contract's id (given, or `DPA-` and a hash).
    pub id: String,
    /// File name stem of its outputs (sanitised contract id).
    pub name: String,
    /// Similar contracts next to each other reuse Typst's cache best: language, processor,
    /// number of subprocessors.
    key: (Lang, String, usize),
    origin: Origin,
}

/// Where a job's contract is: held (a contract file), or an entry of a batch file or a
/// CSV row, merged and validated again when it is rendered, so that a file of 60,000
/// entries is not held as 60,000 contracts.
#[derive(Debug)]
enum Origin {
    Loaded(Box<LoadedContract>),
    Entry(Arc<dyn Entries>, usize),
}

impl Job {
    fn new(label: String, contract: &crate::model::Contract, origin: Origin) -> Job {
        let id = contract.display_id();
        Job {
            label,
            name: output::sanitize(&id),
            id,
            key: (
                contract.language,
                contract.processor.name.clone(),
                contract.subprocessors.list.len(),
            ),
            origin,
        }
    }

    /// A job for a contract already loaded (named after its id).
    pub fn from_loaded(label: String, loaded: LoadedContract) -> Job {
        let contract = loaded.contract.clone();
        Job::new(label, &contract, Origin::Loaded(Box::new(loaded)))
    }

    /// The contract, validated.
    pub fn load(&self, cats: &Catalogs) -> Result<Cow<'_, LoadedContract>, Error> {
        match &self.origin {
            Origin::Loaded(l) => Ok(Cow::Borrowed(l)),
            Origin::Entry(entries, i) => entries.load(*i, cats).map(Cow::Owned),
        }
    }
}

/// A contract that could not be rendered.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// Input file, entry or row.
    pub input: String,
    /// Why, in full (file:line:col messages).
    pub reason: String,
    /// The input file (for counting failures per file).
    #[serde(skip)]
    pub file: String,
}

/// A rendered contract.
#[derive(Debug, Clone, Serialize)]
pub struct Done {
    /// Input file, entry or row.
    pub input: String,
    /// Contract id.
    pub id: String,
    /// Files written.
    pub files: Vec<PathBuf>,
    /// Wall time for this contract in milliseconds.
    pub millis: f64,
    /// Check errors, warnings and notes.
    pub findings: [usize; 3],
}

/// The result of a batch run.
#[derive(Debug, Default, Serialize)]
pub struct Outcome {
    /// Contracts rendered (or, with check only, checked without error).
    pub rendered: Vec<Done>,
    /// Contracts that failed.
    pub failed: Vec<Failure>,
    /// Wall time of the rendering phase in seconds.
    pub seconds: f64,
}

/// Every contract of the inputs, validated: what to render, what failed, and warnings.
#[derive(Debug, Default)]
pub struct Prepared {
    /// The valid contracts, named.
    pub jobs: Vec<Job>,
    /// Contracts, entries, rows and files that failed.
    pub failed: Vec<Failure>,
    /// Warnings and notes that stop nothing (a CSV decoded as Windows-1252, a postal code
    /// that lost its leading zero, party data in `defaults` that no entry uses).
    pub notices: Vec<Notice>,
    /// Processor files (docs/processor-file.md) found in folders: not contracts, left out.
    /// A processor file named on the command line is a [`Failure`] instead.
    pub skipped: Vec<PathBuf>,
}

/// Collects every contract of the inputs, validates it and names its outputs.
///
/// Errors (for the whole run): `--controllers` without exactly one base contract file, an
/// invalid base contract, or a controllers CSV that cannot be read as a whole. Problems of
/// single contracts, entries or rows are [`Failure`]s; the others go on.
pub fn prepare(opts: &Options) -> Result<Prepared, Error> {
    let mut p = collect(&opts.inputs, opts.controllers.as_deref())?;
    name_outputs(&mut p.jobs, &mut p.failed);
    Ok(p)
}

/// Reads and validates the contracts of `dpa batch`'s inputs: contract files, folders
/// (every `*.yaml`/`*.yml` below them; processor files found there are skipped), batch
/// files, or with `controllers` one base contract and a controllers CSV. Used by
/// `dpa batch` and `dpa record`. The jobs are not named yet.
///
/// Errors: as [`prepare`].
pub fn collect(inputs: &[PathBuf], controllers: Option<&Path>) -> Result<Prepared, Error> {
    let cats = Catalogs::get()?;
    let mut p = Prepared::default();
    if let Some(csv) = controllers {
        if inputs.len() != 1 || inputs[0].is_dir() {
            return Err(Error::Template("--controllers needs exactly one base contract file, e.g. `dpa batch base.yaml --controllers clients.csv -o out/`".into()));
        }
        let controllers = input::csv::open(&inputs[0], csv, cats)?;
        p.notices.extend(controllers.notices().iter().cloned());
        add_entries(Arc::new(controllers), csv, cats, &mut p);
    } else {
        for (file, in_folder) in expand(inputs, &mut p.failed) {
            if in_folder && batch_file::is_processor_file_at(&file) {
                p.skipped.push(file);
                continue;
            }
            match batch_file::open(&file, cats) {
                Ok(Opened::Contract(loaded)) => {
                    let label = file.display().to_string();
                    let contract = loaded.contract.clone();
                    p.jobs
                        .push(Job::new(label, &contract, Origin::Loaded(loaded)));
                }
                Ok(Opened::Batch(b)) => {
                    p.notices.extend(b.notices());
                    add_entries(Arc::new(b), &file, cats, &mut p);
                }
                Err(e) => p.failed.push(Failure {
                    input: file.display().to_string(),
                    reason: e.to_string(),
                    file: file.display().to_string(),
                }),
            }
        }
    }
    Ok(p)
}

/// Validates every entry of a batch file or CSV; keeps only what naming and sorting need.
fn add_entries(entries: Arc<dyn Entries>, file: &Path, cats: &Catalogs, p: &mut Prepared) {
    for i in 0..entries.count() {
        let label = entries.label(i);
        match entries.validate(i, cats) {
            Ok(contract) => p.jobs.push(Job::new(
                label,
                &contract,
                Origin::Entry(entries.clone(), i),
            )),
            Err(e) => p.failed.push(Failure {
                input: label,
                reason: e.to_string(),
                file: file.display().to_string(),
            }),
        }
    }
}

/// Files named on the command line, and every `*.yaml`/`*.yml` below named folders; each
/// with whether it was found in a folder.
fn expand(inputs: &[PathBuf], failed: &mut Vec<Failure>) -> Vec<(PathBuf, bool)> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found);
            if found.is_empty() {
                failed.push(Failure {
                    input: p.display().to_string(),
                    reason: format!(
                        "{}: error: the folder holds no *.yaml or *.yml files",
                        p.display()
                    ),
                    file: p.display().to_string(),
                });
            }
            out.extend(found.into_iter().map(|f| (f, true)));
        } else {
            out.push((p.clone(), false));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(p);
        }
    }
}

/// Gives every job its output name; two jobs with the same name both fail.
fn name_outputs(jobs: &mut Vec<Job>, failed: &mut Vec<Failure>) {
    let mut count: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for j in jobs.iter_mut() {
        count
            .entry(j.name.to_lowercase())
            .or_default()
            .push(j.label.clone());
    }
    jobs.retain(|j| {
        let same = &count[&j.name.to_lowercase()];
        if same.len() > 1 {
            failed.push(Failure {
                input: j.label.clone(),
                reason: format!("{}: error: the output name `{}` is used by {} contracts ({}); give each contract its own `id`", j.label, j.name, same.len(), same.join("; ")),
                file: j.label.clone(),
            });
            false
        } else {
            true
        }
    });
}

/// How many documents each worker renders between evictions of Typst's memo cache. Entries
/// used in the last few rounds stay, so similar contracts still share their layout work.
const EVICT_MAX_AGE: usize = 4;

/// Renders (or with `check_only`, checks) all jobs in parallel.
pub fn run(opts: &Options, lib: &Library, mut jobs: Vec<Job>, mut failed: Vec<Failure>) -> Outcome {
    // Similar contracts next to each other reuse Typst's cache best: same language, same
    // processor, same subprocessors.
    jobs.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.name.cmp(&b.name)));
    let cats = match Catalogs::get() {
        Ok(c) => c,
        Err(e) => {
            failed.extend(jobs.iter().map(|j| Failure {
                input: j.label.clone(),
                reason: e.to_string(),
                file: j.label.clone(),
            }));
            return Outcome {
                failed,
                ..Outcome::default()
            };
        }
    };
    let start = Instant::now();
    let today = crate::model::Date::today();
    let (rendered, errors) = run_each(opts, &jobs, |job| {
        job.load(cats).and_then(|loaded| {
            if opts.check_only {
                check_one(&loaded, lib, today)
            } else {
                render_one(job, &loaded, opts, lib)
            }
        })
    });
    failed.extend(errors);
    Outcome {
        rendered,
        failed,
        seconds: start.elapsed().as_secs_f64(),
    }
}

/// What one job produced: the files written and the check's error, warning and note
/// counts.
pub type Produced = (Vec<PathBuf>, [usize; 3]);

/// Runs `work` on every job on `opts.jobs` worker threads (at most 64), the way `dpa batch`
/// renders: a progress bar on a terminal (`opts.progress`), else one log line per job
/// (none with `opts.quiet`); one failing job never stops the others; Typst's memo cache is
/// evicted after each job so that memory stays flat. Returns what was done (sorted by
/// input) and what failed. `dpa notify` runs its notices through this too.
pub fn run_each<F>(opts: &Options, jobs: &[Job], work: F) -> (Vec<Done>, Vec<Failure>)
where
    F: Fn(&Job) -> Result<Produced, Error> + Sync,
{
    let total = jobs.len();
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(total));
    let errors = Mutex::new(Vec::new());
    let bar = (opts.progress && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(total as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} {per_sec} eta {eta} {msg}",
        ) {
            b.set_style(style);
        }
        b
    });
    let workers = opts.jobs.clamp(1, 64).min(total.max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let t = Instant::now();
                    let result = work(job);
                    let millis = t.elapsed().as_secs_f64() * 1000.0;
                    match result {
                        Ok((files, findings)) => {
                            let d = Done {
                                input: job.label.clone(),
                                id: job.id.clone(),
                                files,
                                millis,
                                findings,
                            };
                            match &bar {
                                Some(b) => b.inc(1),
                                None if opts.quiet => {}
                                None => eprintln!(
                                    "[{}/{total}] {} -> {}",
                                    i + 1,
                                    job.label,
                                    d.files
                                        .iter()
                                        .map(|f| f.display().to_string())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ),
                            }
                            if let Ok(mut v) = done.lock() {
                                v.push(d);
                            }
                        }
                        Err(e) => {
                            if let Some(b) = &bar {
                                b.inc(1);
                            } else if !opts.quiet {
                                eprintln!("[{}/{total}] {} failed", i + 1, job.label);
                            }
                            if let Ok(mut v) = errors.lock() {
                                v.push(Failure {
                                    input: job.label.clone(),
                                    reason: e.to_string(),
                                    file: job.label.clone(),
                                });
                            }
                        }
                    }
                    typst::comemo::evict(EVICT_MAX_AGE);
                }
            });
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut rendered = done.into_inner().unwrap_or_default();
    rendered.sort_by(|a, b| a.input.cmp(&b.input));
    let mut failed = errors.into_inner().unwrap_or_default();
    failed.sort_by(|a, b| a.input.cmp(&b.input));
    (rendered, failed)
}

fn counts(r: &check::Report) -> [usize; 3] {
    use crate::error::Severity;
    [
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Note),
    ]
}

fn check_one(
    loaded: &LoadedContract,
    lib: &Library,
    today: crate::model::Date,
) -> Result<Produced, Error> {
    let report = check::check(loaded, lib, today)?;
    if report.has_errors() {
        return Err(Error::Incomplete(check::findings_text(
            &report,
            &loaded.source,
            crate::error::Severity::Warning,
        )));
    }
    Ok((Vec::new(), counts(&report)))
}

fn render_one(
    job: &Job,
    loaded: &LoadedContract,
    opts: &Options,
    lib: &Library,
) -> Result<Produced, Error> {
    let target = |ext: &str| opts.output.join(format!("{}.{ext}", job.name));
    if !opts.force
        && let Some(t) = opts
            .formats
            .extensions()
            .into_iter()
            .map(target)
            .find(|t| t.exists())
    {
        return Err(Error::Exists(t));
    }
    let out = pipeline::render(
        loaded,
        lib,
        opts.formats,
        opts.allow_incomplete,
        crate::model::Date::today(),
    )?;
    let files: Vec<(PathBuf, &[u8])> = out
        .files()
        .into_iter()
        .map(|(ext, bytes)| (target(ext), bytes))
        .collect();
    output::write_all_or_none(&files, opts.force)?;
    Ok((
        files.into_iter().map(|(p, _)| p).collect(),
        counts(&out.report),
    ))
}

/// The summary printed at the end: each failure's messages (at most
/// [`MAX_SHOWN_PER_FILE`] per input file, the rest counted), the totals, and one line per
/// failure (capped the same way).
pub fn summary(o: &Outcome, check_only: bool) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &o.failed {
        let n = seen.entry(f.file.as_str()).or_default();
        *n += 1;
        if *n <= MAX_SHOWN_PER_FILE {
            for line in f.reason.trim_end().lines() {
                let _ = writeln!(s, "{}", crate::error::visible_text(line));
            }
            let _ = writeln!(s);
        }
    }
    let hidden = |s: &mut String, seen: &BTreeMap<&str, usize>| {
        for (file, n) in seen {
            if *n > MAX_SHOWN_PER_FILE {
                let _ = writeln!(
                    s,
                    "{}",
                    crate::tr!(
                        "failures-not-shown",
                        count = n - MAX_SHOWN_PER_FILE,
                        file = crate::error::visible_text(file)
                    )
                );
            }
        }
    };
    hidden(&mut s, &seen);
    let verb = if check_only { "checked" } else { "rendered" };
    let n = o.rendered.len();
    let rate = if o.seconds > 0.0 {
        n as f64 / o.seconds
    } else {
        0.0
    };
    let _ = writeln!(
        s,
        "{n} {verb}, {} failed, in {:.1} s ({rate:.1} per second)",
        o.failed.len(),
        o.seconds
    );
    let mut listed: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &o.failed {
        let n = listed.entry(f.file.as_str()).or_default();
        *n += 1;
        if *n <= MAX_SHOWN_PER_FILE {
            let first = f.reason.lines().next().unwrap_or("");
            let _ = writeln!(
                s,
                "  failed: {}: {}",
                crate::error::visible_text(&f.input),
                crate::error::visible_text(first)
            );
        }
    }
    hidden(&mut s, &listed);
    s
}

/// The notices of a run, at most [`MAX_SHOWN_PER_FILE`] per file (the rest counted).
pub fn notices_text(notices: &[Notice]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let mut seen: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for n in notices {
        let k = seen.entry(n.file.clone()).or_default();
        *k += 1;
        if *k <= MAX_SHOWN_PER_FILE {
            let _ = writeln!(s, "{n}");
        }
    }
    for (file, k) in seen {
        if k > MAX_SHOWN_PER_FILE {
            let _ = writeln!(
                s,
                "{}\n",
                crate::tr!(
                    "notices-not-shown",
                    count = k - MAX_SHOWN_PER_FILE,
                    file = crate::error::visible_text(&file.display().to_string())
                )
            );
        }
    }
    s
}

/// Median of the per-contract times, in milliseconds.
pub fn median_millis(o: &Outcome) -> f64 {
    let mut v: Vec<f64> = o.rendered.iter().map(|d| d.millis).collect();
    v.sort_by(f64::total_cmp);
    if v.is_empty() { 0.0 } else { v[v.len() / 2] }
}
