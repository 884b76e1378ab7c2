//! Input: contract files (YAML, format 1) read into raw structures with positions.
//!
//! [`load_contract`] is the front door: file -> [`yaml::Node`] tree -> [`raw::RawContract`]
//! -> [`crate::model::Contract`], with every problem of the file reported at once.
//!
//! Many contracts come from [`batch_file`] (a batch file: `defaults` merged under each
//! entry) and [`csv`] (a controllers CSV merged into a base contract), both by the rule of
//! [`inherit`] (values that belong to a party follow that party). Both are [`Entries`]: the
//! file is read once and each contract is merged and validated when it is needed, so that
//! memory grows with the largest contract, not with the number of entries. [`write`] is the
//! one writer of contract files (the wizard, merged batch contracts attached to PDFs).

pub mod batch_file;
pub mod csv;
pub mod de;
pub mod inherit;
pub mod raw;
pub mod write;
pub mod yaml;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalog::Catalogs;
use crate::error::{InputError, Location, Problem, Severity, SourceText};
use crate::model::{self, Contract};

/// A contract read from a file, with what is needed to point back into the file.
#[derive(Debug, Clone)]
pub struct LoadedContract {
    /// The checked contract.
    pub contract: Contract,
    /// The file it came from.
    pub path: PathBuf,
    /// The file's text, byte for byte (embedded into the PDF as its source).
    pub source: String,
    /// The YAML tree, to locate fields for later findings.
    pub root: yaml::Node,
}

/// A processor file read from disk: the processor and its TOMs without a contract
/// (see [`crate::model::ProcessorFile`] and docs/processor-file.md).
#[derive(Debug, Clone)]
pub struct LoadedProcessor {
    /// The checked file.
    pub file: model::ProcessorFile,
    /// The file it came from.
    pub path: PathBuf,
    /// The file's text, byte for byte (attached to the TOM document's PDF).
    pub source: String,
    /// The YAML tree.
    pub root: yaml::Node,
}

/// What a file given to `dpa render` holds.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // one per file read; boxing would only add noise
pub enum Loaded {
    /// A data processing agreement.
    Contract(LoadedContract),
    /// Only a processor and its TOMs.
    Processor(LoadedProcessor),
}

/// The top-level keys that only a contract has: a file with none of them and with a
/// `processor` is a processor file.
pub const CONTRACT_ONLY_KEYS: &[&str] = &[
    "controller",
    "main_agreement",
    "effective_date",
    "processing",
    "instructions",
    "subprocessors",
    "terms",
    "options",
    "signatories",
];

/// Whether a YAML tree is a processor file: a map with `processor` and without any key
/// that only a contract has (`controller`, `processing`, ...).
pub fn is_processor_file(root: &yaml::Node) -> bool {
    matches!(root.value, yaml::Value::Map(_))
        && root.get("processor").is_some()
        && CONTRACT_ONLY_KEYS.iter().all(|k| root.get(k).is_none())
}

/// The error for a processor file where a contract is needed (`dpa render --part dpa`,
/// `dpa batch`, `dpa record`): what it lacks and how to get its TOM document.
pub fn processor_file_refusal(path: &Path, source: &str, root: &yaml::Node) -> crate::Error {
    let file = path.display().to_string();
    let location = root
        .key_location("processor")
        .unwrap_or(Location::new(1, 1));
    crate::Error::Input(InputError::single(
        path,
        source,
        Problem::new(location, "", crate::tr!("render-processor-file"))
            .with_hint(crate::tr!("render-processor-file-help", file = file))
            .without_excerpt(),
    ))
}

/// Reads a contract file or a processor file, whichever it is.
///
/// Errors: as [`load_contract`]; for a processor file, every problem of its `processor`
/// and `security` sections.
pub fn load_any(path: &Path) -> Result<Loaded, crate::Error> {
    parse_any(path, read_text(path)?)
}

/// Validates the text of a contract file or a processor file already in memory (`path` is
/// used in messages).
pub fn parse_any(path: &Path, source: String) -> Result<Loaded, crate::Error> {
    let cats = Catalogs::get()?;
    let text = source.strip_prefix('\u{feff}').unwrap_or(&source);
    let root =
        yaml::parse(text).map_err(|p| crate::Error::Input(InputError::single(path, &source, p)))?;
    if !is_processor_file(&root) {
        let contract = contract_from_node(&root, cats)
            .map_err(|ps| crate::Error::Input(InputError::new(path, &source, ps)))?;
        return Ok(Loaded::Contract(LoadedContract {
            contract,
            path: path.to_path_buf(),
            source,
            root,
        }));
    }
    let (raw, mut problems) = de::from_node::<raw::RawProcessorFile>(&root);
    let validated = raw.map(|raw| model::validate_processor_file(&raw, &root, cats));
    let problems = match validated {
        Some(Ok(file)) if problems.is_empty() => {
            return Ok(Loaded::Processor(LoadedProcessor {
                file,
                path: path.to_path_buf(),
                source,
                root,
            }));
        }
        Some(Ok(_)) | None => problems,
        Some(Err(more)) => {
            problems.extend(more);
            problems
        }
    };
    let mut problems = merge_typos(problems);
    if problems.is_empty() {
        problems.push(Problem::new(
            root.location,
            "",
            "the file could not be read",
        ));
    }
    Err(crate::Error::Input(InputError::new(
        path, &source, problems,
    )))
}

/// The contracts of a batch file or a controllers CSV: read once, each merged and
/// validated on demand (by index, `0..count()`).
pub trait Entries: Send + Sync + fmt::Debug {
    /// How many contracts.
    fn count(&self) -> usize;
    /// Where contract `i` comes from, for messages: `file, entry 3`, `file, line 7`.
    fn label(&self, i: usize) -> String;
    /// Contract `i`, validated (without the text of its contract file).
    fn validate(&self, i: usize, cats: &Catalogs) -> Result<Contract, crate::Error>;
    /// Contract `i`, validated, with its merged contract file.
    fn load(&self, i: usize, cats: &Catalogs) -> Result<LoadedContract, crate::Error>;
}

/// A warning or note about an input that does not stop it (printed before the run).
#[derive(Debug, Clone)]
pub struct Notice {
    /// The file it is about.
    pub file: PathBuf,
    /// The file's text, for the excerpt.
    pub source: Arc<SourceText>,
    /// Warning or note.
    pub severity: Severity,
    /// What, where, and what to do.
    pub problem: Problem,
}

impl Notice {
    /// A notice about a file as a whole (no line).
    pub fn file(path: &Path, severity: Severity, message: String, hint: Option<String>) -> Self {
        let mut problem = Problem::new(Location::default(), "", message).without_excerpt();
        problem.hint = hint;
        Notice {
            file: path.to_path_buf(),
            source: SourceText::new(""),
            severity,
            problem,
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = (self.problem.location.line > 0 && self.problem.excerpt)
            .then(|| self.source.line(self.problem.location.line))
            .flatten();
        crate::error::write_problem_with_line(f, &self.file, line, self.severity, &self.problem)
    }
}

/// Reads and validates one contract file.
pub fn load_contract(path: &Path) -> Result<LoadedContract, crate::Error> {
    let source = read_text(path)?;
    parse_contract(path, source)
}

/// Reads an input file's bytes.
///
/// Errors: `Error::Io` if it cannot be read.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, crate::Error> {
    std::fs::read(path).map_err(|e| crate::Error::Io {
        path: path.to_path_buf(),
        action: "read",
        source: e,
    })
}

/// Reads a text file that must be UTF-8 (a contract or batch file).
///
/// Errors: `Error::Io` if it cannot be read; `Error::Input` at the line and column of the
/// first byte that is not UTF-8, with a hint on how to save the file as UTF-8.
pub fn read_text(path: &Path) -> Result<String, crate::Error> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid).into_owned();
        let line = text.matches('\n').count() + 1;
        let column = text
            .rsplit('\n')
            .next()
            .map(|l| l.chars().count() + 1)
            .unwrap_or(1);
        crate::Error::Input(InputError::single(
            path,
            "",
            Problem::new(
                Location::new(line as u32, column as u32),
                "",
                "the file is not valid UTF-8 text",
            )
            .with_hint(
                "save the file as UTF-8 (most editors offer this under \"Save as\" / encoding)",
            ),
        ))
    })
}

/// Validates contract text already in memory (`path` is used in messages).
pub fn parse_contract(path: &Path, source: String) -> Result<LoadedContract, crate::Error> {
    let cats = Catalogs::get()?;
    let text = source.strip_prefix('\u{feff}').unwrap_or(&source);
    let root =
        yaml::parse(text).map_err(|p| crate::Error::Input(InputError::single(path, &source, p)))?;
    let contract = contract_from_node(&root, cats)
        .map_err(|ps| crate::Error::Input(InputError::new(path, &source, ps)))?;
    Ok(LoadedContract {
        contract,
        path: path.to_path_buf(),
        source,
        root,
    })
}

/// The contract file attached to the PDF: the file as read, or, if it takes subprocessors
/// from the processor directory (`{ ref: ID }`), the same contract with those entries
/// written out in resolved form (`ref`, `reviewed` and every field), so that the attached
/// file renders the same contract later even if the directory changes. The comment lines
/// at the top of the file are kept; other comments are not (the file is written by
/// [`write`]).
pub fn attachment(loaded: &LoadedContract) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !crate::directory::resolve::has_ref_entries(&loaded.root) {
        return Cow::Borrowed(&loaded.source);
    }
    let Ok(dir) = crate::directory::active() else {
        return Cow::Borrowed(&loaded.source);
    };
    let Some(tree) = crate::directory::resolve::freeze(&loaded.root, dir) else {
        return Cow::Borrowed(&loaded.source);
    };
    let body = loaded
        .source
        .strip_prefix('\u{feff}')
        .unwrap_or(&loaded.source);
    let mut header: Vec<String> = body
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .collect();
    header.push(crate::tr_in!(
        loaded.contract.language,
        "dir-attachment-header"
    ));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    Cow::Owned(write::contract_file(&tree, &header))
}

/// Validates a YAML tree as a contract, reporting every problem.
pub fn contract_from_node(root: &yaml::Node, cats: &Catalogs) -> Result<Contract, Vec<Problem>> {
    if !matches!(root.value, yaml::Value::Map(_)) {
        return Err(vec![
            Problem::new(
                root.location,
                "",
                format!(
                    "a contract file must be a map of keys (format, language, ...), found {}",
                    root.value.kind()
                ),
            )
            .with_hint("start from one of the files in examples/"),
        ]);
    }
    // `{ ref: ID, ... }` subprocessors become plain ones before anything reads them.
    let empty = crate::directory::Directory::default();
    let dir = if crate::directory::resolve::has_ref_entries(root) {
        crate::directory::active()
            .map_err(|e| vec![Problem::new(root.location, "", e.to_string())])?
    } else {
        &empty
    };
    let resolved = crate::directory::resolve::resolve(root, dir);
    let root = resolved.tree.as_ref();
    let (raw, mut problems) = de::from_node::<raw::RawContract>(root);
    let validated = raw.map(|raw| model::validate(&raw, root, cats));
    match validated {
        Some(Ok(c)) if problems.is_empty() && resolved.problems.is_empty() => return Ok(c),
        Some(Ok(_)) | None => {}
        Some(Err(more)) => problems.extend(more),
    }
    let mut problems = resolved.explain(problems);
    if problems.is_empty() {
        problems.push(Problem::new(
            root.location,
            "",
            "the contract could not be read",
        ));
    }
    Err(merge_typos(problems))
}

/// A typo in a required key (`controler:`) shows as an unknown key and as a missing
/// required one. Report it once, at the typo.
fn merge_typos(problems: Vec<Problem>) -> Vec<Problem> {
    // A set, so that a file with 40,000 unknown keys is not compared 40,000 times over.
    let suggested: std::collections::HashSet<String> = problems
        .iter()
        .filter(|p| p.message.starts_with("unknown key"))
        .filter_map(|p| {
            let hint = p.hint.as_deref()?;
            let name = hint.strip_prefix("did you mean `")?.split('`').next()?;
            let parent = p.path.rfind('.').map(|i| &p.path[..i + 1]).unwrap_or("");
            Some(format!("{parent}{name}"))
        })
        .collect();
    problems
        .into_iter()
        .filter(|p| {
            !((p.message.contains("required") && p.message.contains("missing"))
                && suggested.contains(&p.path))
        })
        .collect()
}
