//! YAML text to a tree of [`Node`]s that remember where they stand in the file.
//!
//! Parsing uses serde-saphyr, which rejects duplicate keys and stops alias bombs with a
//! node budget. Every node keeps its line and column so that later stages can point at the
//! exact place of a problem.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::error::{Location, Problem};

/// Largest contract file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// A YAML value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where the value starts.
    pub location: Location,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, `~` or an empty value.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i128),
    /// A floating-point number.
    Float(f64),
    /// Text.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A map, in file order; keys are text.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// A word for the kind of value, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "true/false",
            Value::Int(_) => "a number",
            Value::Float(_) => "a decimal number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map",
        }
    }
}

impl Node {
    /// The value under `key` if this node is a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The node at a dotted path such as `processing.locations[1]`, or the deepest existing
    /// node on the way (so that a missing field points at its parent).
    pub fn locate(&self, path: &str) -> Location {
        let mut node = self;
        for part in split_path(path) {
            let next = match part {
                PathPart::Key(k) => node.get(k),
                PathPart::Index(i) => match &node.value {
                    Value::Seq(items) => items.get(i),
                    _ => None,
                },
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.location
    }

    /// The node at exactly this path, if it exists.
    pub fn find(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for part in split_path(path) {
            node = match part {
                PathPart::Key(k) => node.get(k)?,
                PathPart::Index(i) => match &node.value {
                    Value::Seq(items) => items.get(i)?,
                    _ => return None,
                },
            };
        }
        Some(node)
    }

    /// Where the key of the last segment of `path` is written (`processing.purpose` ->
    /// the `purpose:` key), if it is a key that exists.
    pub fn locate_key(&self, path: &str) -> Option<Location> {
        let (parent, key) = match path.rfind('.') {
            Some(i) => (&path[..i], &path[i + 1..]),
            None => ("", path),
        };
        if key.contains('[') {
            return self.find(path).map(|n| n.location);
        }
        self.find(parent)?.key_location(key)
    }

    /// The location of the key `key` in this map (better than the value's for "unknown key").
    pub fn key_location(&self, key: &str) -> Option<Location> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
                .map(|(k, _)| k.location),
            _ => None,
        }
    }
}

enum PathPart<'a> {
    Key(&'a str),
    Index(usize),
}

fn split_path(path: &str) -> Vec<PathPart<'_>> {
    let mut parts = Vec::new();
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let mut rest = seg;
        if let Some(b) = rest.find('[') {
            if b > 0 {
                parts.push(PathPart::Key(&rest[..b]));
            }
            rest = &rest[b..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let end = stripped.find(']').unwrap_or(stripped.len());
                if let Ok(i) = stripped[..end].parse() {
                    parts.push(PathPart::Index(i));
                }
                rest = stripped.get(end + 1..).unwrap_or("");
            }
        } else {
            parts.push(PathPart::Key(rest));
        }
    }
    parts
}

/// Parses YAML text into a [`Node`] tree. An empty document is a problem, not a null.
pub fn parse(text: &str) -> Result<Node, Problem> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Problem::new(
            Location::new(1, 1),
            "",
            format!(
                "the file is {} bytes long; a contract file may have at most {} bytes",
                text.len(),
                MAX_FILE_BYTES
            ),
        )
        .with_hint("a contract file is a few kilobytes; check that this is the right file"));
    }
    if text.trim().is_empty() {
        return Err(Problem::new(Location::new(1, 1), "", "the file is empty")
            .with_hint("start from one of the files in examples/")
            .without_excerpt());
    }
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Problem::new(
            Location::new(1, 1),
            "",
            "the file contains only comments, no contract",
        )
        .with_hint("start from one of the files in examples/"));
    }
    prescan(text)?;
    let options = serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
        budget: serde_saphyr::budget! {
            max_nodes: 200_000,
            max_aliases: 1_000,
            max_depth: 64,
        },
    };
    let raw: RawNode =
        serde_saphyr::from_str_with_options(text, options).map_err(|e| yaml_problem(e, text))?;
    let node = raw.into_node();
    let lines: Vec<&str> = text.lines().collect();
    match folded_list(&node, "", &lines) {
        Some(p) => Err(p),
        None => Ok(node),
    }
}

/// Bullets people paste from word processors at the start of a line.
const BULLETS: [&str; 4] = ["- ", "* ", "• ", "– "];

/// A text written over several lines without `|`, some starting with a bullet: YAML folds
/// them into one line ("Website - Terminbuchung - Erinnerung"). Found by looking at the
/// lines after where the text starts: each continuation line, bullet included, must be
/// part of the folded text. The first one found, at its bullet.
fn folded_list(node: &Node, path: &str, lines: &[&str]) -> Option<Problem> {
    match &node.value {
        Value::Map(entries) => entries.iter().find_map(|(k, v)| {
            let key = match &k.value {
                Value::Str(s) => s.clone(),
                other => format!("{other:?}"),
            };
            let p = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            folded_list(v, &p, lines)
        }),
        Value::Seq(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| folded_list(v, &format!("{path}[{i}]"), lines)),
        Value::Str(s) => {
            let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            let value = flat(s);
            let start = (node.location.line as usize).checked_sub(1)?;
            for (n, line) in lines.iter().enumerate().skip(start + 1).take(200) {
                let t = line.trim();
                if t.is_empty() || !value.contains(&flat(t)) {
                    return None;
                }
                // Joined with a space, not kept on its own line (as in a `|` block).
                let joined = s.contains(&format!(" {t}"));
                if let Some(bullet) = BULLETS.iter().find(|b| joined && t.starts_with(*b)) {
                    let column = line.chars().take_while(|c| c.is_whitespace()).count() + 1;
                    let key = path.rsplit('.').next().unwrap_or(path);
                    let key = key.split('[').next().unwrap_or(key);
                    let marker = bullet.trim_end();
                    let hint = if crate::model::rules::takes_lines(path) {
                        crate::tr!("text-folded-list-lines", key = key)
                    } else {
                        crate::tr!("text-folded-list-one", marker = marker)
                    };
                    return Some(
                        Problem::new(
                            Location::new(to_u32(n as u64 + 1), to_u32(column as u64)),
                            path,
                            crate::tr!("text-folded-list", marker = marker),
                        )
                        .with_hint(hint),
                    );
                }
            }
            None
        }
        _ => None,
    }
}

/// Finds what the YAML parser reports badly: control characters and tab indentation.
fn prescan(text: &str) -> Result<(), Problem> {
    for (i, line) in text.lines().enumerate() {
        let lineno = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(col) = indent.chars().position(|c| c == '\t') {
            return Err(Problem::new(
                Location::new(lineno, u32::try_from(col + 1).unwrap_or(1)),
                "",
                "a tab is used for indentation; YAML allows only spaces",
            )
            .with_hint("replace the tab with spaces (most editors can show and convert tabs)"));
        }
        if let Some((col, c)) = line.chars().enumerate().find(|(_, c)| {
            (c.is_control() && *c != '\t' && *c != '\r') || crate::error::is_bidi_control(*c)
        }) {
            return Err(Problem::new(
                Location::new(lineno, u32::try_from(col + 1).unwrap_or(1)),
                "",
                format!(
                    "the file contains the invisible control character U+{:04X}",
                    c as u32
                ),
            )
            .with_hint("remove it; copy-pasted text sometimes carries invisible characters"));
        }
    }
    Ok(())
}

fn yaml_problem(err: serde_saphyr::Error, text: &str) -> Problem {
    let location = err
        .location()
        .map(|l| Location::new(to_u32(l.line()), to_u32(l.column())))
        .unwrap_or(Location::new(1, 1));
    let raw = first_line(&err.to_string());
    let (message, hint) = if let Some(rest) = raw.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        (
            format!("the key `{key}` appears twice in the same map"),
            "each key may appear only once; remove or rename one of them".to_string(),
        )
    } else if raw.contains("multiple YAML documents") {
        let second = text
            .lines()
            .enumerate()
            .skip(1)
            .find(|(_, l)| l.trim_end() == "---" || l.starts_with("--- "))
            .map(|(i, _)| i + 1);
        let loc = second
            .map(|l| Location::new(to_u32(l as u64), 1))
            .unwrap_or(location);
        return Problem::new(
            loc,
            "",
            "the file contains a second YAML document after `---`",
        )
        .with_hint("put one contract per file (`dpa render` accepts many files)");
    } else if raw.contains("budget breached") && raw.contains("Depth") {
        (
            "values are nested more than 64 levels deep".to_string(),
            "a contract needs at most a few levels of nesting; check the brackets and indentation"
                .to_string(),
        )
    } else if raw.contains("budget breached") {
        (
            "the YAML anchors and aliases (&name, *name) expand to far too many values".to_string(),
            "write the values out instead of nesting aliases".to_string(),
        )
    } else {
        (
            format!("invalid YAML: {raw}"),
            "check the YAML syntax here: indentation, a colon after each key, quotes around text containing `: ` or ` #`, closed [ ] and { }".to_string(),
        )
    };
    Problem::new(location, "", message).with_hint(hint)
}

/// The first line of a serde-saphyr message without its position (we print that ourselves).
pub(crate) fn first_line(s: &str) -> String {
    let mut line = s.lines().next().unwrap_or(s).trim();
    line = line.strip_prefix("error: ").unwrap_or(line);
    if let Some(rest) = line.strip_prefix("line ")
        && let Some(i) = rest.find(": ")
        && rest[..i]
            .split(' ')
            .all(|w| w == "column" || w.chars().all(|c| c.is_ascii_digit()))
    {
        line = &rest[i + 2..];
    }
    match line.find(" at line ") {
        Some(i) => line[..i].to_string(),
        None => line.to_string(),
    }
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The tree as deserialized, before conversion to [`Node`].
struct RawNode(Spanned<RawValue>);

enum RawValue {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<RawNode>),
    Map(Vec<(RawNode, RawNode)>),
}

impl RawNode {
    fn into_node(self) -> Node {
        let loc = self.0.referenced;
        let location = Location::new(to_u32(loc.line()), to_u32(loc.column()));
        let value = match self.0.value {
            RawValue::Null => Value::Null,
            RawValue::Bool(b) => Value::Bool(b),
            RawValue::Int(i) => Value::Int(i),
            RawValue::Float(x) => Value::Float(x),
            RawValue::Str(s) => Value::Str(s),
            RawValue::Seq(items) => Value::Seq(items.into_iter().map(RawNode::into_node).collect()),
            RawValue::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.into_node(), v.into_node()))
                    .collect(),
            ),
        };
        Node { value, location }
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Spanned::<RawValue>::deserialize(d).map(RawNode)
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Int(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
        Ok(RawValue::Int(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawValue, E> {
        Ok(RawValue::Int(v))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawValue, E> {
        i128::try_from(v)
            .map(RawValue::Int)
            .map_err(|_| E::custom("number too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
        Ok(RawValue::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawValue, E> {
        Ok(RawValue::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<RawNode>()? {
            items.push(item);
        }
        Ok(RawValue::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let mut entries: Vec<(RawNode, RawNode)> = Vec::new();
        while let Some(key) = map.next_key::<RawNode>()? {
            let value = map.next_value::<RawNode>()?;
            if let RawValue::Str(k) = &key.0.value
                && entries
                    .iter()
                    .any(|(e, _)| matches!(&e.0.value, RawValue::Str(s) if s == k))
            {
                return Err(de::Error::custom(format!("duplicate mapping key: {k}")));
            }
            entries.push((key, value));
        }
        Ok(RawValue::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions() {
        let n = parse("a:\n  b: [1, x]\n  c: \"50667\"\n").expect("parse");
        assert_eq!(n.locate("a.b[1]"), Location::new(2, 10));
        assert_eq!(n.locate("a.c"), Location::new(3, 6));
        assert_eq!(
            n.get("a").and_then(|a| a.get("c")).map(|c| &c.value),
            Some(&Value::Str("50667".into()))
        );
        // missing field points at the deepest existing parent
        assert_eq!(n.locate("a.zzz"), n.locate("a"));
    }

    #[test]
    fn a_list_folded_into_one_line_is_refused_at_its_bullet() {
        let e = parse("a:\n  purpose: Website\n    - Termine\n    - Mails\n").expect_err("folded");
        assert_eq!((e.location.line, e.location.column), (3, 5));
        assert_eq!(e.path, "a.purpose");
        assert_eq!(
            e.message,
            "the text goes on in a line that starts with `-`, and YAML joins such lines into one"
        );
        let e = parse("name: >\n  Pixelwerk\n  • Webdesign\n").expect_err("folded");
        assert_eq!((e.location.line, e.location.column), (3, 3));
        assert_eq!(
            e.hint.as_deref(),
            Some(
                "this field takes one line: write it without the `•` lines, or put them in purpose or subject_matter"
            )
        );
        // Lists, `|` blocks and flow lists over several lines are what they look like.
        for ok in [
            "a:\n  - x\n  - x\n",
            "purpose: |\n  Website\n  - Termine\n",
            "m: [a, b,\n    c]\n",
            "t: Hosting - Wartung\n",
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_duplicate_keys_with_position() {
        let e = parse("a: 1\nb: 2\na: 3\n").expect_err("duplicate");
        assert_eq!(e.message, "the key `a` appears twice in the same map");
        assert_eq!(e.location.line, 3);
    }

    #[test]
    fn rejects_empty() {
        let e = parse("  \n\n").expect_err("empty");
        assert_eq!(e.message, "the file is empty");
        let e = parse("  \n# only a comment\n").expect_err("comments");
        assert_eq!(e.message, "the file contains only comments, no contract");
    }

    #[test]
    fn scalar_types_follow_yaml_1_2() {
        let n = parse("a: 2026-12-01\nb: NO\nc: 01067\nd: ~\ne: yes\nf: true\ng: 50667\n")
            .expect("parse");
        let v = |k: &str| n.get(k).map(|x| x.value.clone());
        assert_eq!(v("a"), Some(Value::Str("2026-12-01".into())));
        assert_eq!(
            v("b"),
            Some(Value::Str("NO".into())),
            "Norway stays a country code"
        );
        assert_eq!(
            v("c"),
            Some(Value::Str("01067".into())),
            "leading zeros are kept"
        );
        assert_eq!(v("d"), Some(Value::Null));
        assert_eq!(v("e"), Some(Value::Str("yes".into())));
        assert_eq!(v("f"), Some(Value::Bool(true)));
        assert_eq!(v("g"), Some(Value::Int(50667)));
    }
}

/// Merges `over` into `base`: maps key by key (recursively), anything else replaced.
pub fn merge(base: &Node, over: &Node) -> Node {
    match (&base.value, &over.value) {
        (Value::Map(b), Value::Map(o)) => {
            let mut entries: Vec<(Node, Node)> = b
                .iter()
                .map(|(k, bv)| {
                    let replaced = o.iter().find(|(ok, _)| ok.value == k.value);
                    match replaced {
                        Some((_, ov)) => (k.clone(), merge(bv, ov)),
                        None => (k.clone(), bv.clone()),
                    }
                })
                .collect();
            for (ok, ov) in o {
                if !b.iter().any(|(k, _)| k.value == ok.value) {
                    entries.push((ok.clone(), ov.clone()));
                }
            }
            Node {
                value: Value::Map(entries),
                location: over.location,
            }
        }
        _ => over.clone(),
    }
}

#[cfg(test)]
mod merge_tests {
    use super::*;

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
    fn merge_replaces_lists_and_merges_maps() {
        let base = parse("a: {x: 1, y: [1, 2]}\nb: 1\n").expect("base");
        let over = parse("a: {y: [3], z: 4}\nc: 5\n").expect("over");
        let m = merge(&base, &over);
        let expected = parse("a: {x: 1, y: [3], z: 4}\nb: 1\nc: 5\n").expect("expected");
        assert_eq!(strip(&m), strip(&expected));
    }
}
