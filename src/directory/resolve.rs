//! `{ ref: ID, ...overrides }` in a contract's subprocessor list, resolved at the level of
//! the YAML tree: the entry becomes a plain subprocessor map (the directory entry's fields,
//! then the overrides), so the model and everything after it see a plain subprocessor.
//!
//! - **Live entry** (`ref` without `reviewed`): the directory entry's `name`, `address`,
//!   `service` (in the contract's language), `locations` and `transfer`, each replaced as a
//!   whole by a field of the same name next to `ref`. When `locations` is overridden and
//!   `transfer` is not, the directory's bases are kept for the locations that remain.
//!   Other fields (`contact`, `onward`) are the contract's own. An unknown id is an error
//!   with the nearest id as a suggestion.
//! - **Resolved entry** (`ref` and `reviewed`, as dpagen writes it into the contract file
//!   attached to the PDF, see [`freeze`]): its own fields are used as written; the
//!   directory is not consulted, so the contract renders the same after the directory
//!   changes. `ref` and `reviewed` record where the values came from and when that
//!   directory entry was last reviewed.
//!
//! The resolved fields carry the position of the `ref` value, so a problem in a value that
//! came from the directory points at the line that named the entry.

use std::borrow::Cow;

use super::{Directory, Entry};
use crate::error::{Location, Problem};
use crate::input::yaml::{Node, Value};
use crate::model::{Date, TransferBasis};
use crate::{Lang, tr};

/// The fields a directory entry gives a subprocessor, in the order they are written.
const FROM_DIRECTORY: [&str; 5] = ["name", "address", "service", "locations", "transfer"];

/// The fields a subprocessor must have (a directory entry may leave them out).
const REQUIRED: [&str; 4] = ["name", "address", "service", "locations"];

/// One `ref` entry of a contract's subprocessor list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Used {
    /// Its position in `subprocessors.list`.
    pub index: usize,
    /// The directory id.
    pub id: String,
    /// The review date of the directory entry it was resolved from: the directory's for a
    /// live entry, the written `reviewed` for a resolved one.
    pub reviewed: Date,
    /// Whether it is a resolved entry (`reviewed` written next to `ref`).
    pub resolved: bool,
    /// Where the `ref` value is.
    pub location: Location,
}

/// A required field the directory entry left out and the contract did not add.
#[derive(Debug, Clone)]
struct Absent {
    path: String,
    id: String,
    field: &'static str,
    location: Location,
}

/// A contract tree with its `ref` entries resolved.
#[derive(Debug)]
pub struct Resolved<'a> {
    /// The tree to validate: the input itself if it has no `ref` entry.
    pub tree: Cow<'a, Node>,
    /// The `ref` entries, in list order.
    pub used: Vec<Used>,
    absent: Vec<Absent>,
    /// Entries whose `ref` could not be resolved (their problems are recorded).
    failed: Vec<usize>,
    /// Problems of the `ref` entries themselves.
    pub problems: Vec<Problem>,
}

impl Resolved<'_> {
    /// The problems of validating [`Resolved::tree`], said for `ref` entries: a missing
    /// required field that the directory entry leaves out names the entry and says to add
    /// the field next to `ref`; problems inside an entry whose `ref` failed are left out
    /// (its own problem says why). The `ref` problems come first.
    pub fn explain(&self, validation: Vec<Problem>) -> Vec<Problem> {
        let mut out = self.problems.clone();
        for mut p in validation {
            let inside_failed = self.failed.iter().any(|i| {
                let prefix = format!("subprocessors.list[{i}]");
                p.path == prefix || p.path.starts_with(&format!("{prefix}."))
            });
            if inside_failed {
                continue;
            }
            if let Some(a) = self.absent.iter().find(|a| a.path == p.path) {
                p = Problem::new(
                    a.location,
                    p.path,
                    tr!("dir-ref-field-missing", id = a.id.as_str(), field = a.field),
                )
                .with_hint(tr!(
                    "dir-ref-field-missing-hint",
                    id = a.id.as_str(),
                    field = a.field
                ));
            }
            out.push(p);
        }
        out
    }
}

/// The language whose `service` text a live entry takes: the contract's `language`
/// (German if it is missing or wrong; validation reports that).
fn language(root: &Node) -> Lang {
    match root.get("language").map(|n| &n.value) {
        Some(Value::Str(s)) if s == "en" => Lang::En,
        _ => Lang::De,
    }
}

/// The list items of `subprocessors.list`, if it is a list.
fn list(root: &Node) -> Option<&[Node]> {
    match root.get("subprocessors")?.get("list").map(|n| &n.value) {
        Some(Value::Seq(items)) => Some(items),
        _ => None,
    }
}

fn map_entries(n: &Node) -> &[(Node, Node)] {
    match &n.value {
        Value::Map(e) => e,
        _ => &[],
    }
}

fn key_is(k: &Node, name: &str) -> bool {
    matches!(&k.value, Value::Str(s) if s == name)
}

fn node(value: Value, location: Location) -> Node {
    Node { value, location }
}

fn text(s: &str, location: Location) -> Node {
    node(Value::Str(s.to_string()), location)
}

/// Resolves every `ref` entry of `root` against `dir`.
pub fn resolve<'a>(root: &'a Node, dir: &Directory) -> Resolved<'a> {
    let mut out = Resolved {
        tree: Cow::Borrowed(root),
        used: Vec::new(),
        absent: Vec::new(),
        failed: Vec::new(),
        problems: Vec::new(),
    };
    let Some(items) = list(root) else {
        return out;
    };
    if !items.iter().any(is_ref_entry) {
        return out;
    }
    let lang = language(root);
    let mut resolved = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if !is_ref_entry(item) {
            resolved.push(item.clone());
            continue;
        }
        match entry(i, item, dir, lang) {
            Ok((n, used, absent)) => {
                out.used.push(used);
                out.absent.extend(absent);
                resolved.push(n);
            }
            Err(problems) => {
                out.problems.extend(problems);
                out.failed.push(i);
                resolved.push(without(item, &["ref", "reviewed"]));
            }
        }
    }
    out.tree = Cow::Owned(with_list(root, resolved));
    out
}

/// Whether a contract tree has any `ref` (or `reviewed`) entry in its subprocessor list:
/// only then is the directory needed at all.
pub fn has_ref_entries(root: &Node) -> bool {
    list(root).is_some_and(|items| items.iter().any(is_ref_entry))
}

/// Whether a list item names a directory entry (or carries `reviewed`, which belongs to
/// one).
fn is_ref_entry(item: &Node) -> bool {
    map_entries(item)
        .iter()
        .any(|(k, _)| key_is(k, "ref") || key_is(k, "reviewed"))
}

/// `root` with `subprocessors.list` replaced by `items`.
fn with_list(root: &Node, items: Vec<Node>) -> Node {
    let mut root = root.clone();
    if let Value::Map(top) = &mut root.value
        && let Some((_, sp)) = top.iter_mut().find(|(k, _)| key_is(k, "subprocessors"))
        && let Value::Map(sp) = &mut sp.value
        && let Some((_, list)) = sp.iter_mut().find(|(k, _)| key_is(k, "list"))
    {
        list.value = Value::Seq(items);
    }
    root
}

/// A map without some keys.
fn without(item: &Node, keys: &[&str]) -> Node {
    let entries = map_entries(item)
        .iter()
        .filter(|(k, _)| !keys.iter().any(|name| key_is(k, name)))
        .cloned()
        .collect();
    node(Value::Map(entries), item.location)
}

/// One `ref` entry: the plain subprocessor map, what was used, and the required fields
/// that are absent.
fn entry(
    index: usize,
    item: &Node,
    dir: &Directory,
    lang: Lang,
) -> Result<(Node, Used, Vec<Absent>), Vec<Problem>> {
    let path = format!("subprocessors.list[{index}]");
    let Some(r) = item.get("ref") else {
        let loc = item.key_location("reviewed").unwrap_or(item.location);
        return Err(vec![
            Problem::new(
                loc,
                format!("{path}.reviewed"),
                tr!("dir-reviewed-without-ref"),
            )
            .with_hint(tr!("dir-reviewed-without-ref-hint")),
        ]);
    };
    let id = match &r.value {
        Value::Str(s) if !s.trim().is_empty() => s.trim().to_string(),
        v => {
            return Err(vec![
                Problem::new(
                    r.location,
                    format!("{path}.ref"),
                    tr!("dir-ref-not-text", found = v.kind()),
                )
                .with_hint(tr!("dir-ref-find-hint")),
            ]);
        }
    };
    if let Some(rv) = item.get("reviewed") {
        // A resolved entry: used as written.
        let date = match &rv.value {
            Value::Str(s) => Date::parse_iso(s),
            _ => None,
        };
        let Some(reviewed) = date else {
            return Err(vec![
                Problem::new(
                    rv.location,
                    format!("{path}.reviewed"),
                    tr!("dir-ref-reviewed-date"),
                )
                .with_hint(tr!("dir-ref-reviewed-date-hint")),
            ]);
        };
        let used = Used {
            index,
            id,
            reviewed,
            resolved: true,
            location: r.location,
        };
        return Ok((without(item, &["ref", "reviewed"]), used, Vec::new()));
    }
    let Some(e) = dir.get(&id) else {
        let hint = match dir.suggest(&id) {
            Some(s) => tr!("dir-ref-did-you-mean", id = s),
            None => tr!("dir-ref-find-hint"),
        };
        return Err(vec![
            Problem::new(
                r.location,
                format!("{path}.ref"),
                tr!("dir-ref-unknown", id = id.as_str()),
            )
            .with_hint(hint),
        ]);
    };
    let fields = fields(e, item, lang, r.location);
    let absent = REQUIRED
        .iter()
        .filter(|f| !fields.iter().any(|(k, _)| key_is(k, f)))
        .map(|f| Absent {
            path: format!("{path}.{f}"),
            id: id.clone(),
            field: f,
            location: r.location,
        })
        .collect();
    let used = Used {
        index,
        id,
        reviewed: e.reviewed,
        resolved: false,
        location: r.location,
    };
    Ok((node(Value::Map(fields), item.location), used, absent))
}

/// The directory entry's fields with the item's overrides, keys in the order of
/// [`FROM_DIRECTORY`], then the item's other keys as written (without `ref`).
fn fields(e: &Entry, item: &Node, lang: Lang, at: Location) -> Vec<(Node, Node)> {
    let own = |name: &str| {
        map_entries(item)
            .iter()
            .find(|(k, _)| key_is(k, name))
            .cloned()
    };
    let mut out: Vec<(Node, Node)> = Vec::new();
    for name in FROM_DIRECTORY {
        if let Some(pair) = own(name) {
            out.push(pair);
            continue;
        }
        let value = match name {
            "name" => Some(text(&e.name, at)),
            "address" => e.address.as_ref().map(|a| {
                let mut m = vec![(text("street", at), text(&a.street, at))];
                if let Some(pc) = &a.postal_code {
                    m.push((text("postal_code", at), text(pc, at)));
                }
                m.push((text("city", at), text(&a.city, at)));
                m.push((text("country", at), text(&a.country, at)));
                node(Value::Map(m), at)
            }),
            "service" => Some(text(e.service.get(lang), at)),
            "locations" => (!e.locations.is_empty()).then(|| {
                node(
                    Value::Seq(e.locations.iter().map(|c| text(c, at)).collect()),
                    at,
                )
            }),
            _ => transfer(e, item, at),
        };
        if let Some(v) = value {
            out.push((text(name, at), v));
        }
    }
    for (k, v) in map_entries(item) {
        if key_is(k, "ref") || FROM_DIRECTORY.iter().any(|f| key_is(k, f)) {
            continue;
        }
        out.push((k.clone(), v.clone()));
    }
    out
}

/// The directory's transfer bases for the locations the subprocessor ends up with (its
/// own `locations` if given, else the directory's), or none.
fn transfer(e: &Entry, item: &Node, at: Location) -> Option<Node> {
    let locations: Vec<String> = match item.get("locations").map(|n| &n.value) {
        Some(Value::Seq(items)) => items
            .iter()
            .filter_map(|n| match &n.value {
                Value::Str(s) => Some(s.trim().to_uppercase()),
                _ => None,
            })
            .collect(),
        Some(_) => Vec::new(),
        None => e.locations.clone(),
    };
    let kept: Vec<(String, TransferBasis)> = e
        .transfer
        .iter()
        .filter(|(l, _)| locations.contains(l))
        .cloned()
        .collect();
    transfer_node(&kept, at)
}

/// A transfer map as a contract writes it: `{ US: dpf, IN: scc }`.
fn transfer_node(map: &[(String, TransferBasis)], at: Location) -> Option<Node> {
    if map.is_empty() {
        return None;
    }
    Some(node(
        Value::Map(
            map.iter()
                .map(|(l, b)| (text(l, at), text(b.id(), at)))
                .collect(),
        ),
        at,
    ))
}

/// One list entry `{ ref: ID, ...overrides }` as the plain subprocessor map it stands
/// for, with the directory's `service` in `lang`; `None` if the id is unknown or the entry
/// is not a `ref` entry.
pub fn resolve_item(item: &Node, dir: &Directory, lang: Lang) -> Option<Node> {
    entry(0, item, dir, lang).ok().map(|(n, _, _)| n)
}

/// The `ref` entries of a contract tree as written, without resolving them: for `dpa
/// check`'s note on old review dates. Entries whose `ref` is unknown are skipped (loading
/// the contract reports them).
pub fn used(root: &Node, dir: &Directory) -> Vec<Used> {
    let Some(items) = list(root) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| is_ref_entry(i))
        .filter_map(|(i, item)| entry(i, item, dir, Lang::De).ok().map(|(_, used, _)| used))
        .collect()
}

/// The contract tree with every live `ref` entry replaced by its resolved form: `ref`,
/// `reviewed` (the directory entry's review date), then the resolved fields. This is the
/// contract file attached to the PDF: it renders the same later, whatever the directory
/// says then. `None` if the tree has no live `ref` entry (or one that does not resolve).
pub fn freeze(root: &Node, dir: &Directory) -> Option<Node> {
    let items = list(root)?;
    if !items
        .iter()
        .any(|i| is_ref_entry(i) && i.get("reviewed").is_none())
    {
        return None;
    }
    let lang = language(root);
    let mut changed = false;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if !is_ref_entry(item) || item.get("reviewed").is_some() {
            out.push(item.clone());
            continue;
        }
        let (n, used, _) = entry(i, item, dir, lang).ok()?;
        let at = item.location;
        let mut fields = vec![
            (text("ref", at), text(&used.id, at)),
            (text("reviewed", at), text(&used.reviewed.to_string(), at)),
        ];
        fields.extend(map_entries(&n).iter().cloned());
        out.push(node(Value::Map(fields), at));
        changed = true;
    }
    changed.then(|| with_list(root, out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::parse;

    fn dir() -> &'static Directory {
        Directory::builtin().unwrap_or_else(|e| panic!("{e}"))
    }

    fn resolved(yaml: &str) -> (Node, Vec<Used>, Vec<Problem>) {
        let root = parse(yaml).expect("yaml");
        let r = resolve(&root, dir());
        (r.tree.into_owned(), r.used, r.problems)
    }

    fn strip(n: &Node) -> String {
        crate::input::write::contract_file(n, &[])
    }

    #[test]
    fn a_ref_entry_takes_the_directory_fields_and_overrides_win() {
        let (tree, used, problems) = resolved(
            "language: en\nsubprocessors:\n  list:\n    - ref: hetzner-online\n    - { ref: zapier, service: Automation of enquiries }\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let out = strip(&tree);
        assert!(out.contains("name: \"Hetzner Online GmbH\""), "{out}");
        assert!(out.contains("Gunzenhausen"), "{out}");
        assert!(out.contains("locations: [\"DE\", \"FI\"]"), "{out}");
        // English service text of the directory
        assert!(out.contains("Dedicated servers, cloud servers"), "{out}");
        // the override wins, the directory's transfer stays
        assert!(
            out.contains("service: \"Automation of enquiries\""),
            "{out}"
        );
        assert!(out.contains("transfer: { US: dpf }"), "{out}");
        assert!(!out.contains("ref"), "{out}");
        assert_eq!(used.len(), 2);
        assert_eq!(used[1].id, "zapier");
        assert!(!used[1].resolved);
    }

    #[test]
    fn overridden_locations_keep_only_their_own_bases() {
        let (tree, _, problems) =
            resolved("subprocessors:\n  list:\n    - { ref: zapier, locations: [DE] }\n");
        assert!(problems.is_empty(), "{problems:?}");
        let out = strip(&tree);
        assert!(!out.contains("transfer"), "{out}");
        assert!(out.contains("locations: [\"DE\"]"), "{out}");
    }

    #[test]
    fn unknown_ids_are_errors_with_a_suggestion() {
        let (_, _, problems) = resolved("subprocessors:\n  list:\n    - ref: hetzner\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "subprocessors.list[0].ref");
        assert_eq!(problems[0].location, Location::new(3, 12));
        assert!(problems[0].message.contains("`hetzner`"), "{problems:?}");
        assert!(
            problems[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("`hetzner-online`")),
            "{problems:?}"
        );
    }

    #[test]
    fn frozen_entries_are_used_as_written_and_freeze_round_trips() {
        let root = parse("language: de\nsubprocessors:\n  list:\n    - ref: hetzner-online\n    - { name: Own, service: x }\n")
            .expect("yaml");
        let frozen = freeze(&root, dir()).expect("a live entry");
        let text = strip(&frozen);
        assert!(text.contains("ref: \"hetzner-online\""), "{text}");
        assert!(text.contains("reviewed: \"2026-11-30\""), "{text}");
        // reading the frozen form gives the same plain entries, without the directory
        let again = parse(&text).expect("reparse");
        let a = resolve(&root, dir());
        let b = resolve(&again, &Directory::default());
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        assert_eq!(strip(&a.tree), strip(&b.tree));
        assert!(b.used[0].resolved);
        assert!(freeze(&again, dir()).is_none());
    }
}
