//! Contract files and batch files as `dpa batch` reads them.
//!
//! A file with a top-level `contracts` key is a batch file: `format`, `defaults` (any part
//! of a contract) and `contracts` (a list of contracts or parts of contracts). Each entry is
//! deep-merged over the defaults (maps key by key, lists and scalars replaced) and must then
//! be a valid contract on its own. Any other file is one contract.

use std::path::{Path, PathBuf};

use super::yaml::{self, Node, Value};
use super::{LoadedContract, Sourced, write};
use crate::Error;
use crate::catalog::Catalogs;
use crate::error::{InputError, Location, Problem, did_you_mean};

/// The keys of a batch file.
const BATCH_KEYS: [&str; 3] = ["format", "defaults", "contracts"];

/// Reads a contract file or a batch file: one [`Sourced`] per contract, in file order.
///
/// A file that cannot be read or parsed, or a batch file whose own keys are wrong, gives
/// one failed [`Sourced`] labelled with the file.
pub fn read(path: &Path, cats: &Catalogs) -> Vec<Sourced> {
    let label = path.display().to_string();
    let failed = |e: Error| {
        vec![Sourced {
            label: label.clone(),
            result: Err(e),
        }]
    };
    let text = match super::read_text(path) {
        Ok(t) => t,
        Err(e) => return failed(e),
    };
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let root = match yaml::parse(body) {
        Ok(r) => r,
        Err(p) => return failed(Error::Input(InputError::single(path, &text, p))),
    };
    if super::is_processor_file(&root) {
        return failed(super::processor_file_refusal(path, &text, &root));
    }
    if root.get("contracts").is_none() {
        let result = super::contract_from_node(&root, cats)
            .map(|contract| LoadedContract {
                contract,
                path: path.to_path_buf(),
                source: text.clone(),
                root,
            })
            .map_err(|ps| Error::Input(InputError::new(path, &text, ps)));
        return vec![Sourced { label, result }];
    }
    let (defaults, entries) = match batch_parts(&root) {
        Ok(parts) => parts,
        Err(problems) => return failed(Error::Input(InputError::new(path, &text, problems))),
    };
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| Sourced {
            label: format!("{label}, entry {}", i + 1),
            result: read_entry(path, &text, &label, &defaults, i, entry, cats),
        })
        .collect()
}

/// Whether a file is a processor file (docs/processor-file.md); false if it cannot be read
/// or parsed (then reading it as a contract reports why).
pub fn is_processor_file_at(path: &Path) -> bool {
    super::read_text(path).is_ok_and(|text| {
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        yaml::parse(body).is_ok_and(|root| super::is_processor_file(&root))
    })
}

/// The defaults and the entries of a batch file, or the problems with its own keys.
fn batch_parts(root: &Node) -> Result<(Node, Vec<Node>), Vec<Problem>> {
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
    if problems.is_empty() {
        Ok((defaults, entries))
    } else {
        Err(problems)
    }
}

/// One entry of a batch file merged over the defaults and validated.
fn read_entry(
    path: &Path,
    text: &str,
    label: &str,
    defaults: &Node,
    i: usize,
    entry: &Node,
    cats: &Catalogs,
) -> Result<LoadedContract, Error> {
    if !matches!(entry.value, Value::Map(_)) {
        let p = Problem::new(
            entry.location,
            format!("contracts[{i}]"),
            "a contract entry must be a map",
        )
        .with_hint("write `- { id: ..., controller: { ... } }`");
        return Err(Error::Input(InputError::single(path, text, p)));
    }
    let merged = yaml::merge(defaults, entry);
    match super::contract_from_node(&merged, cats) {
        Ok(contract) => {
            let source = write::contract_file(
                &merged,
                &[&format!(
                    "From {label}, entry {}; defaults merged in.",
                    i + 1
                )],
            );
            Ok(LoadedContract {
                contract,
                path: PathBuf::from(format!("{}#contracts[{i}]", path.display())),
                source,
                root: merged,
            })
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
            Err(Error::Input(InputError::new(path, text, ps.collect())))
        }
    }
}
