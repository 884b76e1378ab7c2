//! Contract files and batch files as `dpa batch` reads them.
//!
//! A file with a top-level `contracts` key is a batch file: `format`, `defaults` (any part
//! of a contract) and `contracts` (a list of contracts or parts of contracts). The batch
//! file's `format` applies to every entry. Each entry is merged over the defaults by the
//! rule of [`super::inherit`] (maps key by key, lists and scalars replaced, and values that
//! belong to a party follow that party) and must then be a valid contract on its own. Any
//! other file is one contract.
//!
//! A batch file is parsed once; each entry is merged and validated when it is needed
//! ([`Entries`]), so that memory grows with the largest contract, not with the number of
//! entries.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::inherit::{self, Party};
use super::yaml::{self, Node, Value};
use super::{Entries, LoadedContract, Notice, write};
use crate::Error;
use crate::catalog::Catalogs;
use crate::error::{InputError, Location, Problem, Severity, SourceText, did_you_mean};
use crate::model::Contract;

/// The keys of a batch file.
const BATCH_KEYS: [&str; 3] = ["format", "defaults", "contracts"];

/// What a file given to `dpa batch` holds.
#[derive(Debug)]
pub enum Opened {
    /// One contract, validated.
    Contract(Box<LoadedContract>),
    /// A batch file.
    Batch(BatchFile),
}

/// A batch file: its defaults and entries, parsed, with the text for messages.
#[derive(Debug)]
pub struct BatchFile {
    path: PathBuf,
    source: Arc<SourceText>,
    /// The top-level `format`, given to every entry that does not state one.
    format: Option<Node>,
    defaults: Node,
    entries: Vec<Node>,
}

/// Reads a contract file or a batch file.
///
/// Errors: the file cannot be read or parsed; a contract file is invalid; a batch file's
/// own keys are wrong. Problems of single entries come back from [`BatchFile::load`].
pub fn open(path: &Path, cats: &Catalogs) -> Result<Opened, Error> {
    let text = super::read_text(path)?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let root = yaml::parse(body).map_err(|p| Error::Input(InputError::single(path, &text, p)))?;
    if super::is_processor_file(&root) {
        return Err(super::processor_file_refusal(path, &text, &root));
    }
    if root.get("contracts").is_none() {
        let contract = super::contract_from_node(&root, cats)
            .map_err(|ps| Error::Input(InputError::new(path, &text, ps)))?;
        return Ok(Opened::Contract(Box::new(LoadedContract {
            contract,
            path: path.to_path_buf(),
            source: text,
            root,
        })));
    }
    let source = SourceText::new(text);
    let (format, defaults, entries) = batch_parts(root)
        .map_err(|ps| Error::Input(InputError::shared(path, source.clone(), ps)))?;
    Ok(Opened::Batch(BatchFile {
        path: path.to_path_buf(),
        source,
        format,
        defaults,
        entries,
    }))
}

/// Whether a file is a processor file (docs/processor-file.md); false if it cannot be read
/// or parsed (then reading it as a contract reports why).
pub fn is_processor_file_at(path: &Path) -> bool {
    super::read_text(path).is_ok_and(|text| {
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        yaml::parse(body).is_ok_and(|root| super::is_processor_file(&root))
    })
}

impl BatchFile {
    /// Warnings about the file as a whole: party data in `defaults` that no entry can use
    /// because every entry names its own party.
    pub fn notices(&self) -> Vec<Notice> {
        let entries: Vec<&Node> = self
            .entries
            .iter()
            .filter(|e| matches!(e.value, Value::Map(_)))
            .collect();
        let mut out = Vec::new();
        for party in Party::ALL {
            if entries.is_empty()
                || entries
                    .iter()
                    .any(|e| !inherit::names_other_party(&self.defaults, e, party))
            {
                continue;
            }
            for place in inherit::places(party) {
                let Some(at) = inherit::locate(&self.defaults, &place, party) else {
                    continue;
                };
                let path = format!("defaults.{}", place.path());
                out.push(Notice {
                    file: self.path.clone(),
                    source: self.source.clone(),
                    severity: Severity::Warning,
                    problem: Problem::new(
                        at,
                        path.clone(),
                        crate::tr!("defaults-party-data-unused", party = party.key()),
                    )
                    .with_hint(crate::tr!("party-data-unused-hint")),
                });
            }
        }
        out
    }

    /// Entry `i` merged over the defaults and validated.
    fn merged(&self, i: usize, cats: &Catalogs) -> Result<(Contract, Node), Error> {
        let entry = self
            .entries
            .get(i)
            .ok_or_else(|| Error::Internal(format!("no entry {i}")))?;
        let error = |ps| Error::Input(InputError::shared(&self.path, self.source.clone(), ps));
        if !matches!(entry.value, Value::Map(_)) {
            let p = Problem::new(
                entry.location,
                format!("contracts[{i}]"),
                "a contract entry must be a map",
            )
            .with_hint("write `- { id: ..., controller: { ... } }`");
            return Err(error(vec![p]));
        }
        let mut merged = inherit::merge_contract(&self.defaults, entry);
        if let (Some(format), Value::Map(keys)) = (&self.format, &mut merged.value)
            && !keys
                .iter()
                .any(|(k, _)| matches!(&k.value, Value::Str(s) if s == "format"))
        {
            let key = Node {
                value: Value::Str("format".into()),
                location: format.location,
            };
            keys.insert(0, (key, format.clone()));
        }
        match super::contract_from_node(&merged, cats) {
            Ok(contract) => Ok((contract, merged)),
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
                Err(error(ps.collect()))
            }
        }
    }
}

impl Entries for BatchFile {
    fn count(&self) -> usize {
        self.entries.len()
    }

    fn label(&self, i: usize) -> String {
        format!("{}, entry {}", self.path.display(), i + 1)
    }

    fn validate(&self, i: usize, cats: &Catalogs) -> Result<Contract, Error> {
        self.merged(i, cats).map(|(c, _)| c)
    }

    fn load(&self, i: usize, cats: &Catalogs) -> Result<LoadedContract, Error> {
        let (contract, merged) = self.merged(i, cats)?;
        let source = write::contract_file(
            &merged,
            &[&format!("From {}; defaults merged in.", self.label(i))],
        );
        Ok(LoadedContract {
            contract,
            path: PathBuf::from(format!("{}#contracts[{i}]", self.path.display())),
            source,
            root: merged,
        })
    }
}

/// The format, the defaults and the entries of a batch file, or the problems with its own
/// keys.
fn batch_parts(mut root: Node) -> Result<(Option<Node>, Node, Vec<Node>), Vec<Problem>> {
    let mut problems = Vec::new();
    if let Value::Map(entries) = &root.value {
        for (k, _) in entries {
            if let Value::Str(key) = &k.value
                && !BATCH_KEYS.contains(&key.as_str())
            {
                let hint = did_you_mean(key, BATCH_KEYS)
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
    let format = root.get("format").cloned();
    let contracts_at = root
        .key_location("contracts")
        .unwrap_or(Location::new(1, 1));
    let contracts = match &mut root.value {
        Value::Map(keys) => keys
            .iter_mut()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == "contracts"))
            .map(|(_, v)| &mut v.value),
        _ => None,
    };
    let entries = match contracts {
        Some(Value::Seq(items)) if !items.is_empty() => std::mem::take(items),
        _ => {
            problems.push(
                Problem::new(
                    contracts_at,
                    "contracts",
                    "`contracts` must be a non-empty list of contracts",
                )
                .with_hint("write one `- { id: ..., controller: ... }` per contract"),
            );
            Vec::new()
        }
    };
    if problems.is_empty() {
        Ok((format, defaults, entries))
    } else {
        Err(problems)
    }
}
