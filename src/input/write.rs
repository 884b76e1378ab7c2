//! The one writer of contract files (format 1): a [`Node`] tree to YAML text in the layout
//! of the examples, so that what dpagen writes reads like what people write.
//!
//! Used by the wizard (`dpa new` saves its answers), by `dpa batch` (a merged contract is
//! attached to its PDF, and `dpa extract` gives it back) and by any later command that
//! writes a contract. The layout:
//! - the top-level sections stand in blocks separated by a blank line;
//! - a map whose values are all single values (an address, a person, a signatory) is one
//!   `{ key: value, ... }` line when it fits in [`WIDTH`] columns;
//! - a list of single values is one `[a, b, c]` list, wrapped under its first item;
//! - a list of maps has one `- ` entry per map;
//! - ids (`storage`, `general`) are plain; every other text is double-quoted and escaped, so
//!   names with `:`, `#`, quotes, brackets or line breaks stay text, and the output is the
//!   same bytes for the same tree.
//!
//! Reading the text back with [`super::yaml::parse`] gives the same tree (without
//! positions).

use std::fmt::Write as _;

use super::yaml::{Node, Value};
use crate::error::Location;

/// Lines are wrapped (inside flow lists) or broken into blocks after this many columns.
pub const WIDTH: usize = 96;

/// Top-level keys that start a new group, after a blank line.
const GROUPS: &[&str] = &[
    "controller",
    "processing",
    "instructions",
    "security",
    "subprocessors",
    "terms",
    "options",
    "signatories",
];

/// The contract file for a tree: `header` lines as `# ` comments, then the tree.
pub fn contract_file(node: &Node, header: &[&str]) -> String {
    let mut out = String::new();
    for line in header {
        for l in line.lines() {
            let _ = writeln!(out, "# {}", l.chars().map(comment_char).collect::<String>());
        }
    }
    match &node.value {
        Value::Map(entries) if !entries.is_empty() => {
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 && matches!(&k.value, Value::Str(s) if GROUPS.contains(&s.as_str())) {
                    out.push('\n');
                }
                entry(&mut out, 0, &key(k), v);
            }
        }
        _ => {
            out.push_str(&flow(node));
            out.push('\n');
        }
    }
    out
}

/// A character as it may stand in a comment: line breaks and control characters become
/// spaces.
fn comment_char(c: char) -> char {
    if c.is_control() || crate::error::is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}') {
        ' '
    } else {
        c
    }
}

/// A YAML double-quoted scalar holding `s` exactly.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || crate::error::is_bidi_control(c)
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') =>
            {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Words a YAML reader (1.1 or 1.2) would take for something other than text.
fn is_keyword(s: &str) -> bool {
    matches!(
        s,
        "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
    )
}

/// A text from a fixed set (catalog id, choice): plain when it is a lower-case word that
/// YAML reads as text, else quoted.
pub fn id(s: &str) -> String {
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !is_keyword(s);
    if plain { s.to_string() } else { quote(s) }
}

/// A map key: plain when it is a word of letters, digits and `_` (`controller`, `US`).
fn key(k: &Node) -> String {
    match &k.value {
        Value::Str(s)
            if !s.is_empty()
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !is_keyword(&s.to_lowercase()) =>
        {
            s.clone()
        }
        Value::Str(s) => quote(s),
        v => scalar(v),
    }
}

/// A single value.
fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(x) => {
            let s = format!("{x:?}");
            if s.contains('.') || s.contains('e') || s.contains("inf") || s.contains("NaN") {
                s
            } else {
                format!("{s}.0")
            }
        }
        Value::Str(s) => id(s),
        Value::Seq(_) => "[]".to_string(),
        Value::Map(_) => "{}".to_string(),
    }
}

fn is_single(n: &Node) -> bool {
    match &n.value {
        Value::Seq(items) => items.is_empty(),
        Value::Map(entries) => entries.is_empty(),
        _ => true,
    }
}

/// A map whose values are all single values (or empty lists and maps).
fn is_leaf_map(n: &Node) -> bool {
    matches!(&n.value, Value::Map(entries) if !entries.is_empty() && entries.iter().all(|(_, v)| is_single(v)))
}

/// A value on one line: a single value, `{ k: v }` or `[a, b]`.
fn flow(n: &Node) -> String {
    match &n.value {
        Value::Map(entries) if !entries.is_empty() => {
            let inner: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", key(k), flow(v)))
                .collect();
            format!("{{ {} }}", inner.join(", "))
        }
        Value::Seq(items) if !items.is_empty() => {
            let inner: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", inner.join(", "))
        }
        v => scalar(v),
    }
}

/// Whether a list is written as one `[...]` list: all its items are single values or
/// one-key maps of a single value (`{ text: ... }`).
fn is_flow_list(items: &[Node]) -> bool {
    items.iter().all(|i| {
        is_single(i) || matches!(&i.value, Value::Map(e) if e.len() == 1 && is_single(&e[0].1))
    })
}

/// `key: value` at `indent`, the value in the layout for its shape.
fn entry(out: &mut String, indent: usize, k: &str, v: &Node) {
    let pad = " ".repeat(indent);
    match &v.value {
        Value::Map(entries) if !entries.is_empty() => {
            let line = format!("{pad}{k}: {}", flow(v));
            if indent > 0 && is_leaf_map(v) && line.chars().count() <= WIDTH {
                out.push_str(&line);
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}{k}:");
                for (ck, cv) in entries {
                    entry(out, indent + 2, &key(ck), cv);
                }
            }
        }
        Value::Seq(items) if !items.is_empty() => {
            if is_flow_list(items) {
                flow_list(out, &format!("{pad}{k}: "), items);
            } else {
                let _ = writeln!(out, "{pad}{k}:");
                for item in items {
                    list_item(out, indent + 2, item);
                }
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}{k}: {}", flow(v));
        }
    }
}

/// `- item` at `indent`.
fn list_item(out: &mut String, indent: usize, item: &Node) {
    let pad = " ".repeat(indent);
    match &item.value {
        Value::Map(entries) if !entries.is_empty() => {
            let line = format!("{pad}- {}", flow(item));
            if is_leaf_map(item) && line.chars().count() <= WIDTH {
                out.push_str(&line);
                out.push('\n');
                return;
            }
            // First key on the dash line, the rest indented under it.
            let mut block = String::new();
            for (ck, cv) in entries {
                entry(&mut block, indent + 2, &key(ck), cv);
            }
            out.push_str(&pad);
            out.push_str("- ");
            out.push_str(&block[indent + 2..]);
        }
        Value::Seq(items) if !items.is_empty() => {
            if is_flow_list(items) {
                flow_list(out, &format!("{pad}- "), items);
            } else {
                let _ = writeln!(out, "{pad}-");
                for i in items {
                    list_item(out, indent + 2, i);
                }
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}- {}", flow(item));
        }
    }
}

/// `prefix[a, b, c]`, wrapped after [`WIDTH`] columns with continuation lines aligned under
/// the first item.
fn flow_list(out: &mut String, prefix: &str, items: &[Node]) {
    let mut line = format!("{prefix}[");
    let cont = " ".repeat(line.chars().count());
    for (i, item) in items.iter().enumerate() {
        let mut piece = flow(item);
        if i + 1 < items.len() {
            piece.push(',');
        }
        let fresh = line.ends_with('[') || line.trim().is_empty();
        if !fresh && line.chars().count() + 1 + piece.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = format!("{cont}{piece}");
        } else {
            if !line.ends_with('[') {
                line.push(' ');
            }
            line.push_str(&piece);
        }
    }
    line.push(']');
    out.push_str(&line);
    out.push('\n');
}

/// Builders for trees that are written rather than parsed (positions unknown).
pub mod build {
    use super::{Location, Node, Value};

    /// A text.
    pub fn text(s: &str) -> Node {
        node(Value::Str(s.to_string()))
    }

    /// A whole number.
    pub fn int(i: impl Into<i128>) -> Node {
        node(Value::Int(i.into()))
    }

    /// `true` or `false`.
    pub fn bool(b: bool) -> Node {
        node(Value::Bool(b))
    }

    /// A list.
    pub fn seq(items: Vec<Node>) -> Node {
        node(Value::Seq(items))
    }

    /// A list of texts.
    pub fn texts(items: &[String]) -> Node {
        seq(items.iter().map(|s| text(s)).collect())
    }

    /// A map, keys in the given order.
    pub fn map(entries: Vec<(&str, Node)>) -> Node {
        node(Value::Map(
            entries.into_iter().map(|(k, v)| (text(k), v)).collect(),
        ))
    }

    fn node(value: Value) -> Node {
        Node {
            value,
            location: Location::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::input::yaml::parse;

    fn strip(n: &Node) -> Value {
        match &n.value {
            Value::Map(e) => Value::Map(e.iter().map(|(k, v)| (bare(k), bare(v))).collect()),
            Value::Seq(i) => Value::Seq(i.iter().map(bare).collect()),
            v => v.clone(),
        }
    }

    fn bare(n: &Node) -> Node {
        Node {
            value: strip(n),
            location: Location::default(),
        }
    }

    #[test]
    fn written_yaml_reads_back_to_the_same_tree() {
        let text = "a: 1\nb: [x, \"y: #z\", {text: \"q\\\"uote\"}]\nc:\n  d: null\n  e: true\n  f: []\n  g: {}\nh:\n  - - 1\n    - 2\n  - k: v\n    l: [1]\nn: \"NO\"\nm: 1.5\n\"odd key\": 2\n";
        let n = parse(text).expect("parse");
        let written = contract_file(&n, &["a header\nwith two lines"]);
        let again = parse(&written).expect("reparse");
        assert_eq!(strip(&n), strip(&again), "{written}");
    }

    #[test]
    fn every_example_round_trips_to_an_equal_contract() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).expect("examples/") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            if let Ok(crate::input::Loaded::Processor(p)) = crate::input::load_any(&path) {
                // A processor file: written again, it reads back the same.
                let written = contract_file(&p.root, &["Written again."]);
                let after = crate::input::parse_any(Path::new("again.yaml"), written.clone())
                    .unwrap_or_else(|e| panic!("{}: {e}\n{written}", path.display()));
                assert!(
                    matches!(after, crate::input::Loaded::Processor(a) if a.file == p.file),
                    "{written}"
                );
                continue;
            }
            let before = crate::input::load_contract(&path).expect("example is valid");
            let written = contract_file(&before.root, &["Written again."]);
            let after = crate::input::parse_contract(Path::new("again.yaml"), written.clone())
                .unwrap_or_else(|e| panic!("{}: {e}\n{written}", path.display()));
            assert_eq!(before.contract, after.contract, "{written}");
            assert_eq!(written, contract_file(&after.root, &["Written again."]));
            n += 1;
        }
        assert!(n >= 3, "found {n} examples");
    }

    #[test]
    fn layout_follows_the_examples() {
        let n = parse(
            "format: 1\nlanguage: de\ncontroller:\n  name: ACME\n  address: { street: A 1, postal_code: \"01067\", city: Dresden, country: DE }\nprocessing:\n  operations: [collection, storage]\nsignatories:\n  - { party: controller, name: A }\n",
        )
        .expect("parse");
        assert_eq!(
            contract_file(&n, &[]),
            "format: 1\nlanguage: de\n\ncontroller:\n  name: \"ACME\"\n  address: { street: \"A 1\", postal_code: \"01067\", city: \"Dresden\", country: \"DE\" }\n\nprocessing:\n  operations: [collection, storage]\n\nsignatories:\n  - { party: controller, name: \"A\" }\n"
        );
    }

    #[test]
    fn ids_are_plain_only_when_safe() {
        assert_eq!(id("return_then_delete"), "return_then_delete");
        assert_eq!(id("true"), "\"true\"");
        assert_eq!(id("DE"), "\"DE\"");
        assert_eq!(id(""), "\"\"");
        assert_eq!(quote("a\u{7}b"), "\"a\\u0007b\"");
    }

    #[test]
    fn long_lists_wrap_inside_the_brackets() {
        let items: Vec<String> = (0..40).map(|i| format!("item_{i}")).collect();
        let tree = build::map(vec![(
            "x",
            build::map(vec![("measures", build::texts(&items))]),
        )]);
        let out = contract_file(&tree, &[]);
        assert!(out.lines().count() > 2, "{out}");
        assert!(out.lines().all(|l| l.chars().count() <= WIDTH), "{out}");
        let node = parse(&out).expect("valid yaml");
        let list = node.find("x.measures").expect("list");
        assert!(matches!(&list.value, Value::Seq(v) if v.len() == 40));
    }

    #[test]
    fn header_lines_cannot_break_out_of_the_comment() {
        let tree = build::map(vec![("format", build::int(1))]);
        let out = contract_file(&tree, &["x\u{2028}evil: 1\r\u{85}y"]);
        let n = parse(&out).expect("parse");
        assert!(n.get("evil").is_none(), "{out}");
    }
}
