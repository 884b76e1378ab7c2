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
use crate::error::{InputError, Location, Problem, did_you_mean};
use crate::input::yaml::{self, Node, Value};
use crate::input::{self, LoadedContract};
use crate::model::rules;
use crate::{Error, check};

/// What `dpa batch` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// Contract files, folders and batch files; with `controllers`, exactly one base contract.
    pub inputs: Vec<PathBuf>,
    /// A CSV of controllers to merge into the base contract.
    pub controllers: Option<PathBuf>,
    /// Output folder.
    pub output: PathBuf,
    /// Write PDFs.
    pub pdf: bool,
    /// Write Markdown.
    pub markdown: bool,
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
pub fn prepare(opts: &Options) -> Result<(Vec<Job>, Vec<Failure>), Error> {
    let cats = Catalogs::get()?;
    let mut jobs = Vec::new();
    let mut failed = Vec::new();
    if let Some(csv) = &opts.controllers {
        if opts.inputs.len() != 1 || opts.inputs[0].is_dir() {
            return Err(Error::Template("--controllers needs exactly one base contract file, e.g. `dpa batch base.yaml --controllers clients.csv -o out/`".into()));
        }
        from_csv(&opts.inputs[0], csv, cats, &mut jobs, &mut failed)?;
    } else {
        for file in expand(&opts.inputs, &mut failed) {
            from_file(&file, cats, &mut jobs, &mut failed);
        }
    }
    name_outputs(&mut jobs, &mut failed);
    Ok((jobs, failed))
}

/// Files named on the command line, and every `*.yaml`/`*.yml` below named folders.
fn expand(inputs: &[PathBuf], failed: &mut Vec<Failure>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let before = out.len();
            walk(p, &mut out);
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
            out.push(p.clone());
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

fn read(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        action: "read",
        source: e,
    })?;
    String::from_utf8(bytes).map_err(|_| {
        Error::Input(InputError::single(
            path,
            "",
            Problem::new(Location::new(1, 1), "", "the file is not valid UTF-8 text")
                .with_hint("save it as UTF-8"),
        ))
    })
}

fn fail(failed: &mut Vec<Failure>, input: String, e: &Error) {
    failed.push(Failure {
        input,
        reason: e.to_string(),
    });
}

/// A contract file or a batch file.
fn from_file(path: &Path, cats: &Catalogs, jobs: &mut Vec<Job>, failed: &mut Vec<Failure>) {
    let label = path.display().to_string();
    let text = match read(path) {
        Ok(t) => t,
        Err(e) => return fail(failed, label, &e),
    };
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let root = match yaml::parse(body) {
        Ok(r) => r,
        Err(p) => {
            return fail(
                failed,
                label,
                &Error::Input(InputError::single(path, &text, p)),
            );
        }
    };
    if root.get("contracts").is_none() {
        match input::contract_from_node(&root, cats) {
            Ok(contract) => jobs.push(Job {
                label,
                name: String::new(),
                loaded: LoadedContract {
                    contract,
                    path: path.to_path_buf(),
                    source: text,
                    root,
                },
            }),
            Err(ps) => fail(
                failed,
                label,
                &Error::Input(InputError::new(path, &text, ps)),
            ),
        }
        return;
    }
    // A batch file: format, defaults, contracts.
    let mut problems = Vec::new();
    if let Value::Map(entries) = &root.value {
        for (k, _) in entries {
            if let Value::Str(key) = &k.value
                && !["format", "defaults", "contracts"].contains(&key.as_str())
            {
                let hint = did_you_mean(key, ["format", "defaults", "contracts"])
                    .map(|m| format!("did you mean `{m}`?"))
                    .unwrap_or_else(|| {
                        "a batch file has `format`, `defaults` and `contracts`".into()
                    });
                problems.push(
                    Problem::new(
                        k.location,
                        key.clone(),
                        format!("unknown key `{key}` in a batch file"),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    match root.get("format").map(|n| &n.value) {
        Some(Value::Int(1)) => {}
        _ => problems.push(
            Problem::new(
                root.key_location("format").unwrap_or(Location::new(1, 1)),
                "format",
                "a batch file needs `format: 1`",
            )
            .with_hint("add `format: 1` at the top"),
        ),
    }
    let defaults = root.get("defaults").cloned().unwrap_or(Node {
        value: Value::Map(Vec::new()),
        location: root.location,
    });
    if !matches!(defaults.value, Value::Map(_)) {
        problems.push(
            Problem::new(
                defaults.location,
                "defaults",
                "`defaults` must be a map: any part of a contract",
            )
            .with_hint("see the batch file format in README.md"),
        );
    }
    let entries = match root.get("contracts").map(|n| &n.value) {
        Some(Value::Seq(items)) if !items.is_empty() => items.clone(),
        _ => {
            problems.push(
                Problem::new(
                    root.key_location("contracts")
                        .unwrap_or(Location::new(1, 1)),
                    "contracts",
                    "`contracts` must be a non-empty list of contracts",
                )
                .with_hint("write one `- { id: ..., controller: ... }` per contract"),
            );
            Vec::new()
        }
    };
    if !problems.is_empty() {
        return fail(
            failed,
            label,
            &Error::Input(InputError::new(path, &text, problems)),
        );
    }
    for (i, entry) in entries.iter().enumerate() {
        let entry_label = format!("{label}, entry {}", i + 1);
        if !matches!(entry.value, Value::Map(_)) {
            let p = Problem::new(
                entry.location,
                format!("contracts[{i}]"),
                "a contract entry must be a map",
            )
            .with_hint("write `- { id: ..., controller: { ... } }`");
            fail(
                failed,
                entry_label,
                &Error::Input(InputError::single(path, &text, p)),
            );
            continue;
        }
        let merged = yaml::merge(&defaults, entry);
        match input::contract_from_node(&merged, cats) {
            Ok(contract) => {
                let source = format!(
                    "# From {label}, entry {}; defaults merged in.\n{}",
                    i + 1,
                    yaml::to_yaml(&merged)
                );
                jobs.push(Job {
                    label: entry_label,
                    name: String::new(),
                    loaded: LoadedContract {
                        contract,
                        path: PathBuf::from(format!("{}#contracts[{i}]", path.display())),
                        source,
                        root: merged,
                    },
                });
            }
            Err(ps) => {
                let ps = ps.into_iter().map(|mut p| {
                    p.path = if p.path.is_empty() {
                        format!("contracts[{i}]")
                    } else {
                        format!("contracts[{i}].{}", p.path)
                    };
                    if p.location == Location::new(1, 1) && !p.excerpt {
                        // "missing at the top level": point at the entry instead.
                        p.location = entry.location;
                        p.excerpt = true;
                    }
                    p
                });
                fail(
                    failed,
                    entry_label,
                    &Error::Input(InputError::new(path, &text, ps.collect())),
                );
            }
        }
    }
}

/// The columns of a controllers CSV, in the order documented in README.md.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "name",
    "street",
    "postal_code",
    "city",
    "country",
    "register",
    "representative_name",
    "representative_role",
    "contact_name",
    "contact_email",
    "contact_phone",
    "dpo_name",
    "dpo_email",
    "signatory_name",
    "signatory_role",
    "signatory_place",
    "effective_date",
    "language",
];
const CSV_REQUIRED: &[&str] = &[
    "name",
    "street",
    "postal_code",
    "city",
    "country",
    "representative_name",
];

fn str_node(s: &str, loc: Location) -> Node {
    Node {
        value: Value::Str(s.to_string()),
        location: loc,
    }
}

fn map_node(entries: Vec<(&str, Node)>, loc: Location) -> Node {
    Node {
        value: Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (str_node(k, loc), v))
                .collect(),
        ),
        location: loc,
    }
}

/// One controller per CSV row, merged into a base contract.
fn from_csv(
    base_path: &Path,
    csv_path: &Path,
    cats: &Catalogs,
    jobs: &mut Vec<Job>,
    failed: &mut Vec<Failure>,
) -> Result<(), Error> {
    let base_text = read(base_path)?;
    let base = input::parse_contract(base_path, base_text)?;
    let raw = read(csv_path)?;
    let text = raw.strip_prefix('\u{feff}').unwrap_or(&raw).to_string();
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_err = |p: Problem| Error::Input(InputError::single(csv_path, &text, p));
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            csv_err(Problem::new(
                Location::new(1, 1),
                "",
                format!("the header row cannot be read: {e}"),
            ))
        })?
        .iter()
        .map(|h| h.trim().to_lowercase().replace([' ', '-'], "_"))
        .collect();
    let mut problems = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if !CSV_COLUMNS.contains(&h.as_str()) {
            let hint = did_you_mean(h, CSV_COLUMNS.iter().copied())
                .map(|m| format!("did you mean `{m}`?"))
                .unwrap_or_else(|| format!("known columns: {}", CSV_COLUMNS.join(", ")));
            problems.push(
                Problem::new(
                    Location::new(1, col(i)),
                    "",
                    format!("unknown column `{h}`"),
                )
                .with_hint(hint),
            );
        }
    }
    for r in CSV_REQUIRED {
        if !headers.iter().any(|h| h == r) {
            problems.push(
                Problem::new(
                    Location::new(1, 1),
                    "",
                    format!("the required column `{r}` is missing"),
                )
                .with_hint(format!(
                    "the header row needs at least: {}",
                    CSV_REQUIRED.join(", ")
                )),
            );
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(InputError::new(csv_path, &text, problems)));
    }
    let processor_signatories: Vec<Node> = match base.root.get("signatories").map(|n| &n.value) {
        Some(Value::Seq(items)) => items.iter().filter(|s| matches!(s.get("party").map(|p| &p.value), Some(Value::Str(p)) if p == "processor")).cloned().collect(),
        _ => Vec::new(),
    };
    let mut rows = 0;
    for record in reader.records() {
        rows += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                failed.push(Failure {
                    input: format!("{}, line {line}", csv_path.display()),
                    reason: format!("{}:{line}: error: {e}", csv_path.display()),
                });
                continue;
            }
        };
        let line =
            u32::try_from(record.position().map(|p| p.line()).unwrap_or(0)).unwrap_or(u32::MAX);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let label = format!("{}, line {line}", csv_path.display());
        let columns = text
            .lines()
            .nth((line as usize).saturating_sub(1))
            .map(|l| field_columns(l, delimiter))
            .unwrap_or_default();
        let get = |name: &str| -> Option<(String, Location)> {
            let i = headers.iter().position(|h| h == name)?;
            let v = record.get(i)?.trim();
            let column = columns.get(i).copied().unwrap_or_else(|| col(i));
            (!v.is_empty()).then(|| (v.to_string(), Location::new(line, column)))
        };
        let mut problems = Vec::new();
        let mut field = |name: &str,
                         rule: &dyn Fn(&str) -> Result<String, rules::Refusal>,
                         required: bool|
         -> Option<Node> {
            match get(name) {
                Some((v, loc)) => match rule(&v) {
                    Ok(v) => Some(str_node(&v, loc)),
                    Err(r) => {
                        problems.push(Problem::new(loc, name, r.message).with_hint(r.hint));
                        None
                    }
                },
                None if required => {
                    problems.push(
                        Problem::new(
                            Location::new(line, 1),
                            name,
                            format!("the column `{name}` is empty in this row"),
                        )
                        .with_hint("fill it in; it is required"),
                    );
                    None
                }
                None => None,
            }
        };
        let text_rule = |s: &str| rules::text(s);
        let country_rule = |s: &str| rules::country(s, cats);
        let email_rule = |s: &str| rules::email(s);
        let phone_rule = |s: &str| rules::phone(s);
        let date_rule = |s: &str| rules::date(s).map(|d| d.to_string());
        let lang_rule = |s: &str| match s {
            "de" | "en" => Ok(s.to_string()),
            _ => Err(rules::Refusal {
                message: format!("unknown language `{s}`"),
                hint: "write de or en".into(),
            }),
        };
        let id = field("id", &text_rule, false);
        let name = field("name", &text_rule, true);
        let street = field("street", &text_rule, true);
        let postal = field("postal_code", &text_rule, true);
        let city = field("city", &text_rule, true);
        let country = field("country", &country_rule, true);
        let register = field("register", &text_rule, false);
        let rep_name = field("representative_name", &text_rule, true);
        let rep_role = field("representative_role", &text_rule, false);
        let contact_name = field("contact_name", &text_rule, false);
        let contact_email = field("contact_email", &email_rule, false);
        let contact_phone = field("contact_phone", &phone_rule, false);
        let dpo_name = field("dpo_name", &text_rule, false);
        let dpo_email = field("dpo_email", &email_rule, false);
        let sig_name = field("signatory_name", &text_rule, false);
        let sig_role = field("signatory_role", &text_rule, false);
        let sig_place = field("signatory_place", &text_rule, false);
        let effective = field("effective_date", &date_rule, false);
        let language = field("language", &lang_rule, false);
        if !problems.is_empty() {
            fail(
                failed,
                label,
                &Error::Input(InputError::new(csv_path, &text, problems)),
            );
            continue;
        }
        let (Some(name), Some(street), Some(postal), Some(city), Some(country), Some(rep_name)) =
            (name, street, postal, city, country, rep_name)
        else {
            continue;
        };
        let loc = Location::new(line, 1);
        let mut controller = vec![
            ("name", name),
            (
                "address",
                map_node(
                    vec![
                        ("street", street),
                        ("postal_code", postal),
                        ("city", city.clone()),
                        ("country", country),
                    ],
                    loc,
                ),
            ),
        ];
        if let Some(r) = register {
            controller.push(("register", r));
        }
        let mut rep = vec![("name", rep_name.clone())];
        if let Some(r) = rep_role.clone() {
            rep.push(("role", r));
        }
        controller.push(("representative", map_node(rep, loc)));
        // An e-mail or phone without a contact name belongs to the representative.
        let contact_name = contact_name.or_else(|| {
            (contact_email.is_some() || contact_phone.is_some()).then(|| rep_name.clone())
        });
        if let Some(n) = contact_name {
            let mut c = vec![("name", n)];
            if let Some(e) = contact_email {
                c.push(("email", e));
            }
            if let Some(p) = contact_phone {
                c.push(("phone", p));
            }
            controller.push(("contact", map_node(c, loc)));
        }
        if let Some(n) = dpo_name {
            let mut d = vec![("name", n)];
            if let Some(e) = dpo_email {
                d.push(("email", e));
            }
            controller.push(("dpo", map_node(d, loc)));
        }
        let mut signatory = vec![
            ("party", str_node("controller", loc)),
            ("name", sig_name.unwrap_or(rep_name)),
        ];
        if let Some(r) = sig_role.or(rep_role) {
            signatory.push(("role", r));
        }
        signatory.push(("place", sig_place.unwrap_or(city)));
        let mut signatories = vec![map_node(signatory, loc)];
        signatories.extend(processor_signatories.iter().cloned());
        let mut over = vec![
            ("controller", map_node(controller, loc)),
            (
                "signatories",
                Node {
                    value: Value::Seq(signatories),
                    location: loc,
                },
            ),
        ];
        if let Some(id) = id {
            over.push(("id", id));
        }
        if let Some(d) = effective {
            over.push(("effective_date", d));
        }
        if let Some(l) = language {
            over.push(("language", l));
        }
        // The controllers of the base contract are replaced whole, not merged.
        let mut base_root = base.root.clone();
        if let Value::Map(entries) = &mut base_root.value {
            entries.retain(|(k, _)| !matches!(&k.value, Value::Str(s) if s == "controller"));
        }
        let merged = yaml::merge(&base_root, &map_node(over, loc));
        match input::contract_from_node(&merged, cats) {
            Ok(contract) => {
                let source = format!(
                    "# From {} with the controller of {label}.\n{}",
                    base_path.display(),
                    yaml::to_yaml(&merged)
                );
                jobs.push(Job {
                    label,
                    name: String::new(),
                    loaded: LoadedContract {
                        contract,
                        path: PathBuf::from(format!("{}#line{line}", csv_path.display())),
                        source,
                        root: merged,
                    },
                });
            }
            Err(ps) => {
                let ps = ps.into_iter().map(|mut p| {
                    p.location = Location::new(line, 1);
                    p
                });
                fail(
                    failed,
                    label,
                    &Error::Input(InputError::new(csv_path, &text, ps.collect())),
                );
            }
        }
    }
    if rows == 0 {
        return Err(csv_err(
            Problem::new(
                Location::new(1, 1),
                "",
                "the CSV has a header row but no controllers",
            )
            .with_hint("add one row per controller"),
        ));
    }
    Ok(())
}

/// The character column where each field of a CSV line starts (quotes respected).
fn field_columns(line: &str, delimiter: u8) -> Vec<u32> {
    let delim = char::from(delimiter);
    let mut starts = vec![1];
    let mut quoted = false;
    for (i, c) in line.chars().enumerate() {
        if c == '"' {
            quoted = !quoted;
        } else if c == delim && !quoted {
            starts.push(u32::try_from(i + 2).unwrap_or(u32::MAX));
        }
    }
    starts
}

fn col(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// A file name from a contract id: letters, digits, `-`, `_` and `.` only, no leading dot,
/// no `..`, at most 100 characters.
pub fn sanitize(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    while s.contains("..") || s.contains("__") {
        s = s.replace("..", "_").replace("__", "_");
    }
    let s = s.trim_start_matches('.').trim_end_matches('.');
    let s: String = s.chars().take(100).collect();
    if s.is_empty() || s.chars().all(|c| c == '_') {
        "contract".to_string()
    } else {
        s
    }
}

/// Gives every job its output name; two jobs with the same name both fail.
fn name_outputs(jobs: &mut Vec<Job>, failed: &mut Vec<Failure>) {
    let mut count: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for j in jobs.iter_mut() {
        j.name = sanitize(&j.loaded.contract.display_id());
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
    let mut targets = Vec::new();
    if opts.pdf {
        targets.push(opts.output.join(format!("{}.pdf", job.name)));
    }
    if opts.markdown {
        targets.push(opts.output.join(format!("{}.md", job.name)));
    }
    if !opts.force
        && let Some(t) = targets.iter().find(|t| t.exists())
    {
        return Err(Error::Exists(t.clone()));
    }
    let out = crate::cli::render_contract(
        &job.loaded,
        lib,
        opts.markdown,
        opts.pdf,
        opts.allow_incomplete,
    )?;
    let mut written = Vec::new();
    if let Some(pdf) = &out.pdf {
        let p = opts.output.join(format!("{}.pdf", job.name));
        crate::cli::write_atomic(&p, &pdf.bytes, opts.force)?;
        written.push(p);
    }
    if let Some(md) = &out.markdown {
        let p = opts.output.join(format!("{}.md", job.name));
        crate::cli::write_atomic(&p, md.as_bytes(), opts.force)?;
        written.push(p);
    }
    Ok((written, counts(&out.report)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_field_columns() {
        assert_eq!(field_columns("a;\"b;c\";d", b';'), vec![1, 3, 9]);
    }

    #[test]
    fn names_are_safe() {
        assert_eq!(sanitize("../../x"), "_x");
        assert_eq!(sanitize("a/../b"), "a_b");
        assert_eq!(sanitize("ACME-2026/001"), "ACME-2026_001");
        assert_eq!(sanitize(".hidden"), "hidden");
        assert_eq!(sanitize("a..b"), "a_b");
        assert_eq!(sanitize("Zahnarzt Müller\n"), "Zahnarzt_M_ller_");
        assert_eq!(sanitize("///"), "contract");
        assert_eq!(sanitize(""), "contract");
        assert_eq!(sanitize(&"x".repeat(300)).len(), 100);
    }
}
