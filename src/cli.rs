//! The command line: parse arguments, call the library, print errors for people, and turn
//! the outcome into an exit code (0 ok, 1 invalid input or failed check, 2 usage error,
//! 3 internal error, 4 `dpa diff` found differences).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::catalog::Catalogs;
use crate::check;
use crate::clauses::{Library, Origin};
use crate::error::Severity;
use crate::input::Loaded;
use crate::model::Date;
use crate::pipeline::{self, Formats};
use crate::{Error, Lang, output, render};

/// dpagen: GDPR data processing agreements (Art. 28) from a contract file.
#[derive(Debug, Parser)]
#[command(name = "dpa", version, about, long_about = None, disable_help_subcommand = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render contract files to PDF, Word (DOCX) and/or Markdown.
    Render(RenderArgs),
    /// Check contract files: Art. 28 coverage and risks.
    Check(CheckArgs),
    /// Render many contracts at once, in parallel: files, folders, batch files, or a CSV of
    /// controllers merged into one base contract.
    Batch(BatchArgs),
    /// Write the processor's record of processing activities (Art. 30(2) GDPR) from many
    /// contracts: CSV, JSON, Markdown, PDF or DOCX by the output file's extension.
    Record(RecordArgs),
    /// Compare two versions of a contract: what changed, in words, the change in `dpa
    /// check`, and the contract text with insertions and deletions (Markdown, Word with
    /// tracked changes, PDF, JSON). Exit code 0 if identical, 4 if they differ.
    Diff(DiffArgs),
    /// Show the clause library.
    Clauses {
        #[command(subcommand)]
        action: ClausesAction,
    },
    /// List catalog ids (operations, data_categories, measures, countries, ...).
    Catalog {
        /// Which catalog; all when omitted.
        name: Option<String>,
        /// Language of the labels.
        #[arg(long, default_value = "en")]
        lang: LangArg,
    },
    /// Write a new contract file by answering questions (a wizard in the terminal).
    New {
        /// Language of the questions (default: from the system locale).
        #[arg(long)]
        lang: Option<LangArg>,
        /// Continue the draft that an interrupted `dpa new` left in this folder.
        #[arg(long, conflicts_with = "from")]
        resume: bool,
        /// Edit an existing contract file.
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        /// Where to write the contract file (asked at the end if not given).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write the contract file embedded in a PDF made by dpagen back out.
    Extract {
        /// The PDF.
        pdf: PathBuf,
        /// Where to write the YAML (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    De,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::De => Lang::De,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutFormat {
    Pdf,
    Md,
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PartArg {
    /// The data processing agreement.
    Dpa,
    /// The processor's technical and organisational measures (Art. 32 GDPR), as a document
    /// of their own: NAME-toms.pdf, NAME-toms.md.
    Toms,
}

#[derive(Debug, clap::Args)]
struct RenderArgs {
    /// Contract files (YAML, format 1); for `--part toms` also processor files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Which document to make.
    #[arg(long, value_enum, default_value = "dpa")]
    part: PartArg,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = ".")]
    output: PathBuf,
    /// Output formats, comma-separated: pdf, md, docx.
    #[arg(long, value_delimiter = ',', default_value = "pdf,md")]
    format: Vec<OutFormat>,
    /// Folder with clause overrides (de/*.md, en/*.md).
    #[arg(long)]
    clauses: Option<PathBuf>,
    /// Overwrite existing output files.
    #[arg(long)]
    force: bool,
    /// Render even if `dpa check` finds errors (the findings are printed).
    #[arg(long)]
    allow_incomplete: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Md,
    Docx,
    Pdf,
    Json,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    /// The old version (contract file, format 1).
    old: PathBuf,
    /// The new version.
    new: PathBuf,
    /// Output folder for the documents (`NEW.diff.md`, `.docx`, `.pdf`, `.json`); without
    /// it the summary (or, with `--format json`, the JSON report) goes to standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Documents to write, comma-separated: md, docx, pdf, json.
    #[arg(long, value_delimiter = ',', default_value = "md,docx,pdf")]
    format: Vec<DiffFormat>,
    /// Folder with clause overrides (de/*.md, en/*.md).
    #[arg(long)]
    clauses: Option<PathBuf>,
    /// Overwrite existing output files.
    #[arg(long)]
    force: bool,
    /// Compare even if `dpa check` finds errors in a version.
    #[arg(long)]
    allow_incomplete: bool,
}

#[derive(Debug, clap::Args)]
struct BatchArgs {
    /// Contract files, folders (searched for *.yaml, *.yml) and batch files; with
    /// --controllers: the one base contract.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// A CSV file with one controller per row, merged into the base contract.
    #[arg(long, value_name = "CSV")]
    controllers: Option<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long)]
    output: PathBuf,
    /// Output formats, comma-separated: pdf, md, docx.
    #[arg(long, value_delimiter = ',', default_value = "pdf")]
    format: Vec<OutFormat>,
    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Overwrite existing output files.
    #[arg(long)]
    force: bool,
    /// Only validate and check every contract; write no contract.
    #[arg(long)]
    check: bool,
    /// Render contracts even if `dpa check` finds errors in them.
    #[arg(long)]
    allow_incomplete: bool,
    /// Write a JSON report of the run.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Folder with clause overrides.
    #[arg(long)]
    clauses: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct RecordArgs {
    /// Contract files, folders (searched for *.yaml, *.yml) and batch files.
    inputs: Vec<PathBuf>,
    /// A CSV file with one controller per row, merged into the base contract.
    #[arg(long, value_name = "CSV")]
    controllers: Option<PathBuf>,
    /// The base contract of --controllers (default: the one input).
    #[arg(long, value_name = "FILE")]
    base: Option<PathBuf>,
    /// The record to write: .csv (spreadsheet), .json, .md, .pdf or .docx.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Language of the record (default: from the system locale).
    #[arg(long)]
    lang: Option<LangArg>,
    /// The date the record is made (YYYY-MM-DD; default: today).
    #[arg(long)]
    date: Option<String>,
    /// Overwrite an existing output file.
    #[arg(long)]
    force: bool,
    /// Folder with clause overrides (the part `record` shapes Markdown and PDF).
    #[arg(long)]
    clauses: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Contract files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "text")]
    format: ReportFormat,
    /// Folder with clause overrides.
    #[arg(long)]
    clauses: Option<PathBuf>,
    /// The date to check against (YYYY-MM-DD; default: today).
    #[arg(long)]
    today: Option<String>,
}

#[derive(Debug, Subcommand)]
enum ClausesAction {
    /// List every clause: id, title, condition, covers, languages, origin.
    List {
        /// Folder with clause overrides.
        #[arg(long)]
        clauses: Option<PathBuf>,
    },
    /// Show one clause's front matter and text.
    Show {
        /// Clause id.
        id: String,
        /// Language.
        #[arg(long, default_value = "de")]
        lang: LangArg,
        /// Folder with clause overrides.
        #[arg(long)]
        clauses: Option<PathBuf>,
    },
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            match e {
                Error::Internal(_) | Error::Render(_) => 3,
                _ => 1,
            }
        }
    }
}

fn run(cli: Cli) -> Result<i32, Error> {
    match cli.command {
        Command::Render(a) => render_cmd(a),
        Command::Check(a) => check_cmd(a),
        Command::Batch(a) => batch_cmd(a),
        Command::Record(a) => record_cmd(a),
        Command::Diff(a) => diff_cmd(a),
        Command::Clauses { action } => clauses_cmd(action),
        Command::Catalog { name, lang } => catalog_cmd(name.as_deref(), lang.into()),
        Command::Extract { pdf, output, force } => extract_cmd(&pdf, output.as_deref(), force),
        Command::New {
            lang,
            resume,
            from,
            output,
        } => crate::wizard::run(&crate::wizard::NewOptions {
            lang: lang.map(Lang::from),
            resume,
            from,
            output,
        }),
    }
}

fn render_cmd(a: RenderArgs) -> Result<i32, Error> {
    let lib = Library::load(a.clauses.as_deref())?;
    let formats = formats(&a.format);
    let mut failed = 0;
    for file in &a.files {
        match render_one(file, &a, &lib, formats) {
            Ok(()) => {}
            Err(e) => {
                eprintln!("{e}");
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

fn formats(list: &[OutFormat]) -> Formats {
    Formats {
        pdf: list.contains(&OutFormat::Pdf),
        markdown: list.contains(&OutFormat::Md),
        docx: list.contains(&OutFormat::Docx),
    }
}

fn render_one(file: &Path, a: &RenderArgs, lib: &Library, formats: Formats) -> Result<(), Error> {
    let mut stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "contract".into());
    if a.part == PartArg::Toms {
        stem.push_str("-toms");
    }
    let target = |ext: &str| a.output.join(format!("{stem}.{ext}"));
    if !a.force
        && let Some(t) = formats
            .extensions()
            .into_iter()
            .map(target)
            .find(|t| t.exists())
    {
        return Err(Error::Exists(t));
    }
    let loaded = match (pipeline::load_any(file)?, a.part) {
        (loaded, PartArg::Toms) => return render_toms_one(file, &loaded, a, lib, formats, &target),
        (Loaded::Contract(c), PartArg::Dpa) => c,
        (Loaded::Processor(p), PartArg::Dpa) => {
            return Err(crate::input::processor_file_refusal(
                &p.path, &p.source, &p.root,
            ));
        }
    };
    let out = pipeline::render(&loaded, lib, formats, a.allow_incomplete, Date::today())?;
    // Errors (rendered anyway with --allow-incomplete) and warnings are worth seeing at once;
    // notes are left to `dpa check`.
    if out.report.has_errors() || out.report.count(Severity::Warning) > 0 {
        eprint!(
            "{}",
            check::findings_text(&out.report, &loaded.source, Severity::Warning)
        );
    }
    output::create_dir(&a.output)?;
    let files: Vec<(PathBuf, &[u8])> = out
        .files()
        .into_iter()
        .map(|(ext, bytes)| (target(ext), bytes))
        .collect();
    output::write_all_or_none(&files, a.force)?;
    let mut written = Vec::new();
    for (path, _) in &files {
        match &out.pdf {
            Some(pdf) if path.extension().is_some_and(|e| e == "pdf") => written.push(format!(
                "{} ({} pages, {} signature fields)",
                path.display(),
                pdf.pages,
                pdf.fields.len()
            )),
            _ => written.push(path.display().to_string()),
        }
    }
    eprintln!("{}: wrote {}", file.display(), written.join(", "));
    Ok(())
}

/// `dpa render --part toms`: the TOM document of a contract or a processor file.
fn render_toms_one(
    file: &Path,
    loaded: &Loaded,
    a: &RenderArgs,
    lib: &Library,
    formats: Formats,
    target: &dyn Fn(&str) -> PathBuf,
) -> Result<(), Error> {
    let out = pipeline::render_toms(loaded, lib, formats)?;
    if crate::toms::Toms::from_loaded(loaded)
        .security
        .as_of
        .is_none()
    {
        eprintln!(
            "{}: {}: {}",
            file.display(),
            Severity::Note,
            crate::tr!("toms-no-date")
        );
    }
    output::create_dir(&a.output)?;
    let files: Vec<(PathBuf, &[u8])> = out
        .files()
        .into_iter()
        .map(|(ext, bytes)| (target(ext), bytes))
        .collect();
    output::write_all_or_none(&files, a.force)?;
    let written: Vec<String> = files
        .iter()
        .map(|(path, _)| match &out.pdf {
            Some(pdf) if path.extension().is_some_and(|e| e == "pdf") => crate::tr!(
                "output-pdf-pages",
                path = path.display().to_string(),
                pages = pdf.pages
            ),
            _ => path.display().to_string(),
        })
        .collect();
    eprintln!(
        "{}",
        crate::tr!(
            "output-wrote",
            file = file.display().to_string(),
            outputs = written.join(", ")
        )
    );
    Ok(())
}

/// Exit code of `dpa diff` when the versions differ.
pub const EXIT_DIFFERENT: i32 = 4;

fn diff_cmd(a: DiffArgs) -> Result<i32, Error> {
    use crate::diff::{self, report};
    let lib = Library::load(a.clauses.as_deref())?;
    let old = pipeline::load(&a.old)?;
    let new = pipeline::load(&a.new)?;
    let amendment = diff::compare(&old, &new, &lib, Date::today(), a.allow_incomplete)?;
    let code = if amendment.differs() {
        EXIT_DIFFERENT
    } else {
        0
    };
    let Some(dir) = &a.output else {
        if a.format == [DiffFormat::Json] {
            println!("{}", report::json(&amendment)?);
        } else {
            print!("{}", report::text(&amendment));
        }
        return Ok(code);
    };
    let stem = a
        .new
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "contract".into());
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for f in [
        DiffFormat::Md,
        DiffFormat::Docx,
        DiffFormat::Pdf,
        DiffFormat::Json,
    ] {
        if !a.format.contains(&f) {
            continue;
        }
        let (ext, bytes) = match f {
            DiffFormat::Md => ("md", report::markdown(&amendment).into_bytes()),
            DiffFormat::Docx => ("docx", report::docx(&amendment)?),
            DiffFormat::Pdf => ("pdf", report::pdf(&amendment)?),
            DiffFormat::Json => (
                "json",
                format!("{}\n", report::json(&amendment)?).into_bytes(),
            ),
        };
        files.push((dir.join(format!("{stem}.diff.{ext}")), bytes));
    }
    output::create_dir(dir)?;
    let refs: Vec<(PathBuf, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.clone(), b.as_slice()))
        .collect();
    output::write_all_or_none(&refs, a.force)?;
    print!("{}", report::text(&amendment));
    let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    eprintln!("{}", crate::tr!("diff-wrote", files = names.join(", ")));
    Ok(code)
}

fn batch_cmd(a: BatchArgs) -> Result<i32, Error> {
    let lib = Library::load(a.clauses.as_deref())?;
    let jobs = a.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let opts = crate::batch::Options {
        inputs: a.inputs,
        controllers: a.controllers,
        output: a.output,
        formats: formats(&a.format),
        jobs,
        force: a.force,
        check_only: a.check,
        allow_incomplete: a.allow_incomplete,
        progress: true,
        quiet: false,
    };
    let (jobs, failed) = crate::batch::prepare(&opts)?;
    if !opts.check_only && !jobs.is_empty() {
        output::create_dir(&opts.output)?;
    }
    let outcome = crate::batch::run(&opts, &lib, jobs, failed);
    eprint!("{}", crate::batch::summary(&outcome, opts.check_only));
    if let Some(path) = &a.report {
        let json = serde_json::json!({
            "schema": "dpagen-batch/1",
            "rendered": outcome.rendered,
            "failed": outcome.failed,
            "summary": {
                "rendered": outcome.rendered.len(),
                "failed": outcome.failed.len(),
                "seconds": outcome.seconds,
                "median_ms": crate::batch::median_millis(&outcome),
            },
        });
        let text =
            serde_json::to_string_pretty(&json).map_err(|e| Error::Internal(e.to_string()))?;
        output::write_atomic(path, text.as_bytes(), true)?;
    }
    Ok(if outcome.failed.is_empty() { 0 } else { 1 })
}

fn record_cmd(a: RecordArgs) -> Result<i32, Error> {
    use crate::record;
    let lang = a
        .lang
        .map(Lang::from)
        .unwrap_or_else(crate::i18n::locale_lang);
    crate::i18n::set_lang(lang);
    let output = a.output.display().to_string();
    let Some(format) = record::Format::from_path(&a.output) else {
        eprintln!("{}", crate::tr!("record-unknown-extension", file = output));
        return Ok(2);
    };
    let date = match &a.date {
        Some(s) => match Date::parse_iso(s) {
            Some(d) => d,
            None => {
                eprintln!("{}", crate::tr!("record-bad-date", date = s.as_str()));
                return Ok(2);
            }
        },
        None => Date::today(),
    };
    if !a.force && a.output.exists() {
        return Err(Error::Exists(a.output));
    }
    let lib = Library::load(a.clauses.as_deref())?;
    let collected = record::collect(&record::Sources {
        inputs: a.inputs,
        controllers: a.controllers,
        base: a.base,
    })?;
    let r = record::from_collected(collected, lang, date)?;
    for f in &r.invalid {
        eprintln!("{}\n", f.reason.trim_end());
    }
    for s in &r.skipped {
        eprintln!("{}", crate::tr!("record-skipped", file = s.as_str()));
    }
    if r.contracts() == 0 {
        eprintln!("{}", crate::tr!("record-nothing", file = output));
        return Ok(1);
    }
    let bytes = record::render(&r, format, &lib)?;
    if let Some(dir) = a.output.parent().filter(|d| !d.as_os_str().is_empty()) {
        output::create_dir(dir)?;
    }
    output::write_atomic(&a.output, &bytes, a.force)?;
    eprintln!(
        "{}",
        crate::tr!(
            "record-summary",
            file = output,
            controllers = r.entries(),
            processors = r.processors.len(),
            contracts = r.contracts(),
            invalid = r.invalid.len()
        )
    );
    for f in &r.invalid {
        let first = f.reason.lines().next().unwrap_or("");
        eprintln!(
            "  {}",
            crate::tr!("record-left-out", input = f.input.as_str(), reason = first)
        );
    }
    Ok(if r.invalid.is_empty() { 0 } else { 1 })
}

fn check_cmd(a: CheckArgs) -> Result<i32, Error> {
    let lib = Library::load(a.clauses.as_deref())?;
    let today = match &a.today {
        Some(s) => Date::parse_iso(s)
            .ok_or_else(|| Error::Template(format!("--today `{s}` is not a date (YYYY-MM-DD)")))?,
        None => Date::today(),
    };
    let mut reports = Vec::new();
    let mut code = 0;
    for file in &a.files {
        // A processor file has nothing of Art. 28 to check: say so instead of listing the
        // sections it lacks.
        let loaded = pipeline::load_any(file).and_then(|l| match l {
            Loaded::Contract(c) => Ok(c),
            Loaded::Processor(p) => Err(crate::input::processor_file_refusal(
                &p.path, &p.source, &p.root,
            )),
        });
        match loaded {
            Ok(loaded) => {
                let r = check::check(&loaded, &lib, today)?;
                if r.has_errors() {
                    code = 1;
                }
                if a.format == ReportFormat::Text {
                    print!("{}", check::to_text(&r, &loaded.source));
                }
                reports.push(serde_json::to_value(&r).map_err(|e| Error::Internal(e.to_string()))?);
            }
            Err(e) => {
                code = 1;
                if a.format == ReportFormat::Text {
                    eprintln!("{e}");
                }
                reports.push(invalid_report(file, &e));
            }
        }
    }
    if a.format == ReportFormat::Json {
        let out = serde_json::json!({ "schema": "dpagen-check/1", "reports": reports });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| Error::Internal(e.to_string()))?
        );
    }
    Ok(code)
}

/// A JSON report for a file that could not be read as a contract.
fn invalid_report(file: &Path, e: &Error) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = match e {
        Error::Input(ie) => ie
            .problems
            .iter()
            .map(|p| serde_json::json!({ "severity": "error", "rule": "invalid_input", "path": p.path, "location": p.location, "message": p.message, "hint": p.hint.clone().unwrap_or_default() }))
            .collect(),
        other => vec![serde_json::json!({ "severity": "error", "rule": "invalid_input", "path": "", "location": { "line": 0, "column": 0 }, "message": other.to_string(), "hint": "" })],
    };
    serde_json::json!({ "file": file.display().to_string(), "coverage": [], "findings": findings })
}

fn clauses_cmd(action: ClausesAction) -> Result<i32, Error> {
    match action {
        ClausesAction::List { clauses } => {
            let lib = Library::load(clauses.as_deref())?;
            let mut rows: Vec<(String, String, String, String, String, String)> = Vec::new();
            for c in lib.clauses(Lang::De).chain(lib.clauses(Lang::En)) {
                if let Some(r) = rows.iter_mut().find(|r| r.0 == c.meta.id) {
                    r.4.push_str(&format!(",{}", c.lang.code()));
                    if let Origin::Override(p) = &c.origin {
                        r.5 = format!("override {}", p.display());
                    }
                    continue;
                }
                let origin = match &c.origin {
                    Origin::BuiltIn => "built-in".to_string(),
                    Origin::Override(p) => format!("override {}", p.display()),
                };
                rows.push((
                    c.meta.id.clone(),
                    c.meta.title.clone(),
                    c.meta.when.clone(),
                    c.meta.covers.join(","),
                    c.lang.code().to_string(),
                    origin,
                ));
            }
            println!(
                "{:<26} {:<8} {:<40} {:<44} {:<6} origin / title",
                "id", "kind", "when", "covers", "langs"
            );
            for c in lib.clauses(Lang::De).chain(lib.clauses(Lang::En)) {
                if let Some(pos) = rows.iter().position(|r| r.0 == c.meta.id) {
                    let r = rows.remove(pos);
                    let kind = format!("{:?}", c.meta.kind).to_lowercase();
                    println!(
                        "{:<26} {:<8} {:<40} {:<44} {:<6} {} / {}",
                        r.0,
                        kind,
                        r.2,
                        if r.3.is_empty() { "-".into() } else { r.3 },
                        r.4,
                        r.5,
                        r.1
                    );
                }
            }
            println!("library version {}", lib.version);
            Ok(0)
        }
        ClausesAction::Show { id, lang, clauses } => {
            let lib = Library::load(clauses.as_deref())?;
            let lang: Lang = lang.into();
            match lib.clauses(lang).find(|c| c.meta.id == id) {
                Some(c) => {
                    println!(
                        "# {} ({})",
                        c.file,
                        match &c.origin {
                            Origin::BuiltIn => "built-in".to_string(),
                            Origin::Override(p) => format!("override {}", p.display()),
                        }
                    );
                    print!("{}", c.body);
                    Ok(0)
                }
                None => {
                    let ids: Vec<&str> = lib.clauses(lang).map(|c| c.meta.id.as_str()).collect();
                    let hint = crate::error::did_you_mean(&id, ids.iter().copied())
                        .map(|m| format!("did you mean `{m}`?"))
                        .unwrap_or_else(|| "run `dpa clauses list`".into());
                    eprintln!("error: no clause `{id}` in {}; {hint}", lang.code());
                    Ok(1)
                }
            }
        }
    }
}

fn catalog_cmd(name: Option<&str>, lang: Lang) -> Result<i32, Error> {
    let cats = Catalogs::get()?;
    let list = [
        ("operations", &cats.operations),
        ("special_categories", &cats.special_categories),
        ("data_categories", &cats.data_categories),
        ("data_subjects", &cats.data_subjects),
        ("measures", &cats.measures),
        ("areas", &cats.areas),
        ("transfer_bases", &cats.transfer_bases),
        ("requirements", &cats.requirements),
        ("presets", &cats.presets),
    ];
    let mut shown = false;
    for (n, cat) in list {
        if name.is_some_and(|x| x != n) {
            continue;
        }
        shown = true;
        println!("{n}:");
        for e in &cat.entries {
            let extra = e
                .area
                .as_deref()
                .map(|a| format!(" [{a}]"))
                .unwrap_or_default();
            println!("  {:<28} {}{extra}", e.id, e.label(lang));
        }
    }
    if name.is_none_or(|x| x == "countries") {
        shown = true;
        println!("countries (reviewed {}):", cats.countries_reviewed);
        for c in cats.countries.values() {
            let status = if c.eea {
                "EEA"
            } else if c.adequacy {
                "adequacy"
            } else if c.dpf {
                "DPF/needs basis"
            } else {
                "needs basis"
            };
            println!("  {}  {:<40} {status}", c.code, c.name(lang));
        }
    }
    if !shown {
        eprintln!(
            "error: no catalog `{}`; known: operations, special_categories, data_categories, data_subjects, measures, areas, transfer_bases, requirements, presets, countries",
            name.unwrap_or_default()
        );
        return Ok(2);
    }
    Ok(0)
}

fn extract_cmd(pdf: &Path, output: Option<&Path>, force: bool) -> Result<i32, Error> {
    let bytes = std::fs::read(pdf).map_err(|e| Error::Io {
        path: pdf.to_path_buf(),
        action: "read",
        source: e,
    })?;
    // A contract's PDF carries `contract.yaml`; a TOM document's carries `processor.yaml`.
    let yaml = render::sigfields::extract_attachment(&bytes, "contract.yaml")
        .or_else(|m| render::sigfields::extract_attachment(&bytes, "processor.yaml").map_err(|_| m))
        .map_err(|m| Error::Template(format!("{}: {m}", pdf.display())))?;
    match output {
        Some(p) => output::write_atomic(p, &yaml, force)?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&yaml).map_err(|e| Error::Io {
                path: "<stdout>".into(),
                action: "write",
                source: e,
            })?;
        }
    }
    Ok(0)
}
