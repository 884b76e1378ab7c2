//! Input: contract files (YAML, format 1) read into raw structures with positions.
//!
//! [`load_contract`] is the front door: file -> [`yaml::Node`] tree -> [`raw::RawContract`]
//! -> [`crate::model::Contract`], with every problem of the file reported at once.
//!
//! Many contracts come from [`batch_file`] (a batch file: `defaults` merged under each
//! entry) and [`csv`] (a controllers CSV merged into a base contract); each yields one
//! [`Sourced`] contract per entry or row. [`write`] is the one writer of contract files (the
//! wizard, merged batch contracts attached to PDFs).

pub mod batch_file;
pub mod csv;
pub mod de;
pub mod raw;
pub mod write;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::catalog::Catalogs;
use crate::error::{InputError, Location, Problem};
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

/// One contract of a batch source (a file, a batch-file entry, a CSV row), or why it
/// could not be read.
#[derive(Debug)]
pub struct Sourced {
    /// Where it came from, for messages: `file`, `file, entry 3` or `file, line 7`.
    pub label: String,
    /// The validated contract, or its problems.
    pub result: Result<LoadedContract, crate::Error>,
}

/// Reads and validates one contract file.
pub fn load_contract(path: &Path) -> Result<LoadedContract, crate::Error> {
    let source = read_text(path)?;
    parse_contract(path, source)
}

/// Reads a text file that must be UTF-8 (a contract, batch or CSV file).
///
/// Errors: `Error::Io` if it cannot be read; `Error::Input` at the line and column of the
/// first byte that is not UTF-8, with a hint on how to save the file as UTF-8.
pub fn read_text(path: &Path) -> Result<String, crate::Error> {
    let bytes = std::fs::read(path).map_err(|e| crate::Error::Io {
        path: path.to_path_buf(),
        action: "read",
        source: e,
    })?;
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
    let (raw, mut problems) = de::from_node::<raw::RawContract>(root);
    let validated = raw.map(|raw| model::validate(&raw, root, cats));
    match validated {
        Some(Ok(c)) if problems.is_empty() => return Ok(c),
        Some(Ok(_)) | None => {}
        Some(Err(more)) => problems.extend(more),
    }
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
    let suggested: Vec<String> = problems
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
