//! `dpa batch`: many contracts in one run, in parallel, with one bad contract never
//! stopping the others.
//!
//! Inputs are contract files, folders of them, batch files (`defaults` deep-merged under
//! each entry of `contracts`) and a CSV of controllers merged into one base contract (the
//! agency case). Everything is validated first; then the valid contracts are rendered by a
//! pool of workers that share the fonts, the Typst library and the clause library, while
//! Typst's memo cache is evicted as the run goes so that memory stays flat.

use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde::Serialize;

use crate::catalog::Catalogs;
use crate::clauses::Library;
use crate::input::{self, LoadedContract, Sourced};
use crate::pipeline::{self, Formats};
use crate::{Error, check, output};

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
    /// Where it came from, for messages: `file`, `file, entry 3` or `file, row 7`.
    pub label: String,
    /// File name stem of its outputs (sanitised contract id).
    pub name: String,
    /// The validated contract.
    pub loaded: LoadedContract,
}

/// A contract that could not be rendered.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// Input file, entry or row.
    pub input: String,
    /// Why, in full (file:line:col messages).
    pub reason: String,
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

/// Collects every contract of the inputs and validates it.
///
/// Errors (for the whole run): `--controllers` without exactly one base contract file, an
/// invalid base contract, or a controllers CSV that cannot be read as a whole. Problems of
/// single contracts, entries or rows are [`Failure`]s; the others go on.
pub fn prepare(opts: &Options) -> Result<(Vec<Job>, Vec<Failure>), Error> {
    let Collected {
        mut jobs,
        mut failed,
        ..
    } = collect(&opts.inputs, opts.controllers.as_deref())?;
    name_outputs(&mut jobs, &mut failed);
    Ok((jobs, failed))
}

/// The contracts of some inputs, validated, before outputs are named.
#[derive(Debug, Default)]
pub struct Collected {
    /// The valid contracts (their `name` is still empty).
    pub jobs: Vec<Job>,
    /// Inputs, entries and rows that are not valid contracts.
    pub failed: Vec<Failure>,
    /// Processor files (docs/processor-file.md) found in folders: not contracts, left out.
    /// A processor file named on the command line is a [`Failure`] instead.
    pub skipped: Vec<PathBuf>,
}

/// Reads and validates the contracts of `dpa batch`'s inputs: contract files, folders
/// (every `*.yaml`/`*.yml` below them), batch files, or with `controllers` one base
/// contract and a controllers CSV. Used by `dpa batch` and `dpa record`.
///
/// Errors: as [`prepare`].
pub fn collect(inputs: &[PathBuf], controllers: Option<&Path>) -> Result<Collected, Error> {
    let cats = Catalogs::get()?;
    let mut out = Collected::default();
    if let Some(csv) = controllers {
        if inputs.len() != 1 || inputs[0].is_dir() {
            return Err(Error::Template("--controllers needs exactly one base contract file, e.g. `dpa batch base.yaml --controllers clients.csv -o out/`".into()));
        }
        let rows = input::csv::read_controllers(&inputs[0], csv, cats)?;
        add(rows, &mut out.jobs, &mut out.failed);
    } else {
        for (file, in_folder) in expand(inputs, &mut out.failed) {
            if in_folder && input::batch_file::is_processor_file_at(&file) {
                out.skipped.push(file);
                continue;
            }
            add(
                input::batch_file::read(&file, cats),
                &mut out.jobs,
                &mut out.failed,
            );
        }
    }
    Ok(out)
}

/// Sorts read contracts into jobs and failures.
fn add(sourced: Vec<Sourced>, jobs: &mut Vec<Job>, failed: &mut Vec<Failure>) {
    for s in sourced {
        match s.result {
            Ok(loaded) => jobs.push(Job {
                label: s.label,
                name: String::new(),
                loaded,
            }),
            Err(e) => failed.push(Failure {
                input: s.label,
                reason: e.to_string(),
            }),
        }
    }
}

/// Files named on the command line, and every `*.yaml`/`*.yml` below named folders (marked
/// `true`).
fn expand(inputs: &[PathBuf], failed: &mut Vec<Failure>) -> Vec<(PathBuf, bool)> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found);
            let before = out.len();
            out.extend(found.into_iter().map(|f| (f, true)));
            if out.len() == before {
                failed.push(Failure {
                    input: p.display().to_string(),
                    reason: format!(
                        "{}: error: the folder holds no *.yaml or *.yml files",
                        p.display()
                    ),
                });
            }
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
        j.name = output::sanitize(&j.loaded.contract.display_id());
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
    jobs.sort_by_cached_key(|j| {
        let c = &j.loaded.contract;
        (
            c.language,
            c.processor.name.clone(),
            c.subprocessors.list.len(),
            j.name.clone(),
        )
    });
    let start = Instant::now();
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
    let today = crate::model::Date::today();
    let workers = opts.jobs.clamp(1, 64).min(total.max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let t = Instant::now();
                    let result = if opts.check_only {
                        check_one(job, lib, today)
                    } else {
                        render_one(job, opts, lib)
                    };
                    let millis = t.elapsed().as_secs_f64() * 1000.0;
                    match result {
                        Ok((files, findings)) => {
                            let d = Done {
                                input: job.label.clone(),
                                id: job.loaded.contract.display_id(),
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
    failed.extend(errors.into_inner().unwrap_or_default());
    let mut rendered = done.into_inner().unwrap_or_default();
    rendered.sort_by(|a, b| a.input.cmp(&b.input));
    Outcome {
        rendered,
        failed,
        seconds: start.elapsed().as_secs_f64(),
    }
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
    job: &Job,
    lib: &Library,
    today: crate::model::Date,
) -> Result<(Vec<PathBuf>, [usize; 3]), Error> {
    let report = check::check(&job.loaded, lib, today)?;
    if report.has_errors() {
        return Err(Error::Incomplete(check::findings_text(
            &report,
            &job.loaded.source,
            crate::error::Severity::Warning,
        )));
    }
    Ok((Vec::new(), counts(&report)))
}

fn render_one(
    job: &Job,
    opts: &Options,
    lib: &Library,
) -> Result<(Vec<PathBuf>, [usize; 3]), Error> {
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
        &job.loaded,
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

/// The summary printed at the end.
pub fn summary(o: &Outcome, check_only: bool) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for f in &o.failed {
        let _ = writeln!(s, "{}\n", f.reason.trim_end());
    }
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
    for f in &o.failed {
        let first = f.reason.lines().next().unwrap_or("");
        let _ = writeln!(s, "  failed: {}: {}", f.input, first);
    }
    s
}

/// Median of the per-contract times, in milliseconds.
pub fn median_millis(o: &Outcome) -> f64 {
    let mut v: Vec<f64> = o.rendered.iter().map(|d| d.millis).collect();
    v.sort_by(f64::total_cmp);
    if v.is_empty() { 0.0 } else { v[v.len() / 2] }
}
