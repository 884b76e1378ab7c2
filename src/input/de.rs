//! A serde deserializer over a [`Node`] tree that keeps going after a problem.
//!
//! Every problem is recorded with its field path and position; a field wrapped in
//! [`Field`] absorbs its own error so the rest of the file is still read. Unknown keys are
//! recorded with a "did you mean" hint and skipped. The result is that one run reports every
//! problem of a file at once.

use std::cell::RefCell;
use std::fmt;

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use super::yaml::{Node, Value};
use crate::error::{Location, Problem, did_you_mean};

/// Collects the problems found while deserializing.
#[derive(Debug, Default)]
pub struct Sink {
    problems: RefCell<Vec<Problem>>,
}

impl Sink {
    /// Records a problem.
    pub fn push(&self, p: Problem) {
        self.problems.borrow_mut().push(p);
    }

    /// Takes all recorded problems.
    pub fn take(&self) -> Vec<Problem> {
        std::mem::take(&mut self.problems.borrow_mut())
    }
}

/// The error type of [`NodeDeserializer`]. `recorded` says whether it is in the sink yet.
#[derive(Debug)]
pub struct DeError {
    message: String,
    recorded: bool,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            message: msg.to_string(),
            recorded: false,
        }
    }
}

/// Struct name for list entries that may be an id (text) or a `{ text: ... }` map.
pub const ID_OR_TEXT: &str = "IdOrText";

const RECORDED: DeError = DeError {
    message: String::new(),
    recorded: true,
};

/// Deserializes `T` from a node tree, returning it (if the top level could be read at all)
/// and every problem found.
pub fn from_node<T: for<'de> Deserialize<'de>>(node: &Node) -> (Option<T>, Vec<Problem>) {
    let sink = Sink::default();
    let result = T::deserialize(NodeDeserializer {
        node,
        path: String::new(),
        sink: &sink,
    });
    (result.ok(), sink.take())
}

/// A serde deserializer over one node.
pub struct NodeDeserializer<'a> {
    node: &'a Node,
    path: String,
    sink: &'a Sink,
}

impl<'a> NodeDeserializer<'a> {
    fn fail(&self, message: String, hint: Option<String>) -> DeError {
        let mut p = Problem::new(self.node.location, self.path.clone(), message);
        p.hint = hint;
        self.sink.push(p);
        RECORDED
    }

    fn mismatch(&self, expected: &str) -> DeError {
        let found = self.node.value.kind();
        let hint = match (&self.node.value, expected) {
            (Value::Str(_) | Value::Float(_), "a whole number") => {
                Some("write a whole number without quotes or units, e.g. `24`".to_string())
            }
            (_, "true or false") => {
                Some("write `true` or `false` (yes/no/on/off are text in YAML 1.2)".to_string())
            }
            (Value::Str(_) | Value::Int(_), "a list") => {
                Some("write a list: `[DE, AT]` on one line, or one `- item` per line".to_string())
            }
            (Value::Float(_) | Value::Bool(_), "text") => Some(
                "write the value in quotes, e.g. \"1.10\" or \"true\", so YAML keeps it as text"
                    .to_string(),
            ),
            (Value::Seq(_), "text") if crate::model::rules::takes_lines(&self.path) => {
                let key = self.path.rsplit('.').next().unwrap_or(&self.path);
                Some(crate::tr!("text-list-for-lines", key = key))
            }
            (Value::Seq(_), _) => Some(format!(
                "write {expected} here, not a list (remove the `-` items or the [ ])"
            )),
            (Value::Map(_), _) => Some(format!("write {expected} here, not a map of keys")),
            (Value::Null, _) => Some("fill in a value or remove the key".to_string()),
            _ => None,
        };
        self.fail(format!("expected {expected}, found {found}"), hint)
    }

    fn free_text_without_text(&self, entries: &[(Node, Node)]) -> DeError {
        let near = entries.iter().find_map(|(k, _)| match &k.value {
            Value::Str(s) if did_you_mean(s, ["text"]).is_some() => Some(s.clone()),
            _ => None,
        });
        match near {
            Some(k) => self.fail(
                format!("unknown key `{k}`: a free-text entry is written `{{ text: ... }}`"),
                Some("did you mean `text`?".to_string()),
            ),
            None => self.fail(
                "a list entry is either a catalog id or a free text written `{ text: ... }`"
                    .to_string(),
                Some("run `dpa catalog` for the ids".to_string()),
            ),
        }
    }

    /// The problem for values a comma split off inside `{ }`: at the first stray part, under
    /// the path of the key whose value it continues, with the quoted value as the fix.
    fn comma_problem(&self, entries: &[(Node, Node)], stray: &Stray) -> Problem {
        let (owner_key, owner_value) = &entries[stray.owner];
        let owner = scalar_text(&owner_key.value);
        let mut whole = scalar_text(&owner_value.value);
        for &i in &stray.parts {
            whole.push_str(", ");
            whole.push_str(&scalar_text(&entries[i].0.value));
        }
        let first = &entries[stray.parts[0]].0;
        let quoted = whole.replace('\\', "\\\\").replace('"', "\\\"");
        Problem::new(
            first.location,
            self.key_path(&owner),
            crate::tr!("flow-comma", stray = scalar_text(&first.value)),
        )
        .with_hint(crate::tr!("flow-comma-hint", key = owner, value = quoted))
    }

    /// Records an error coming back from serde-derived code for this node, unless already done.
    fn record(&self, e: DeError) -> DeError {
        if e.recorded {
            e
        } else {
            let hint = if e.message.starts_with("missing field") {
                Some("add the field".to_string())
            } else {
                None
            };
            self.fail(e.message, hint)
        }
    }

    fn child(&self, node: &'a Node, path: String) -> NodeDeserializer<'a> {
        NodeDeserializer {
            node,
            path,
            sink: self.sink,
        }
    }

    fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{}", self.path, key)
        }
    }
}

macro_rules! int_method {
    ($name:ident, $ty:ty, $visit:ident) => {
        fn $name<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
            match &self.node.value {
                Value::Int(i) => match <$ty>::try_from(*i) {
                    Ok(n) => v.$visit(n).map_err(|e| self.record(e)),
                    Err(_) if *i < 0 => Err(self.fail(
                        format!("the number must be 0 or more, found {i}"),
                        Some("write a positive whole number".to_string()),
                    )),
                    Err(_) => Err(self.fail(
                        format!("the number {i} is too large"),
                        Some(format!("the largest allowed value is {}", <$ty>::MAX)),
                    )),
                },
                _ => Err(self.mismatch("a whole number")),
            }
        }
    };
}

impl<'de, 'a> Deserializer<'de> for NodeDeserializer<'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let r = match &self.node.value {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Int(i) => v.visit_i128(*i),
            Value::Float(x) => v.visit_f64(*x),
            Value::Str(s) => v.visit_str(s),
            Value::Seq(_) => return self.deserialize_seq(v),
            Value::Map(_) => return self.deserialize_map(v),
        };
        r.map_err(|e| self.record(e))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Bool(b) => v.visit_bool(*b).map_err(|e| self.record(e)),
            _ => Err(self.mismatch("true or false")),
        }
    }

    int_method!(deserialize_u8, u8, visit_u8);
    int_method!(deserialize_u16, u16, visit_u16);
    int_method!(deserialize_u32, u32, visit_u32);
    int_method!(deserialize_u64, u64, visit_u64);
    int_method!(deserialize_i8, i8, visit_i8);
    int_method!(deserialize_i16, i16, visit_i16);
    int_method!(deserialize_i32, i32, visit_i32);
    int_method!(deserialize_i64, i64, visit_i64);

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Float(x) => v.visit_f64(*x).map_err(|e| self.record(e)),
            Value::Int(i) => v.visit_f64(*i as f64).map_err(|e| self.record(e)),
            _ => Err(self.mismatch("a number")),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_f64(v)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Str(s) => v.visit_str(s).map_err(|e| self.record(e)),
            // A plain whole number (postal code 50667) is read as its digits.
            Value::Int(i) => v.visit_string(i.to_string()).map_err(|e| self.record(e)),
            _ => Err(self.mismatch("text")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Null => v.visit_none().map_err(|e| self.record(e)),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Seq(items) => {
                let access = NodeSeq {
                    items: items.iter(),
                    index: 0,
                    parent: &self,
                };
                v.visit_seq(access).map_err(|e| self.record(e))
            }
            _ => Err(self.mismatch("a list")),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_struct("", &[], v)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        if name == ID_OR_TEXT
            && let Value::Str(s) = &self.node.value
        {
            return v.visit_str(s).map_err(|e| self.record(e));
        }
        let Value::Map(entries) = &self.node.value else {
            let expected = if name == ID_OR_TEXT {
                "a catalog id or { text: ... }"
            } else {
                "a map of keys and values"
            };
            return Err(self.mismatch(expected));
        };
        if name == ID_OR_TEXT && !entries.iter().any(|(k, _)| is_key(k, "text")) {
            return Err(self.free_text_without_text(entries));
        }
        let strays = comma_strays(entries, fields);
        let mut kept = Vec::with_capacity(entries.len());
        for (i, (k, value)) in entries.iter().enumerate() {
            if let Some(stray) = strays.iter().find(|s| s.parts.contains(&i)) {
                if stray.parts.first() == Some(&i) {
                    self.sink.push(self.comma_problem(entries, stray));
                }
                continue;
            }
            let Value::Str(key) = &k.value else {
                self.sink.push(Problem::new(
                    k.location,
                    self.path.clone(),
                    format!("a key must be text, found {}", k.value.kind()),
                ));
                continue;
            };
            if !fields.is_empty() && !fields.contains(&key.as_str()) {
                let mut p = Problem::new(
                    k.location,
                    self.key_path(key),
                    format!("unknown key `{key}`"),
                );
                p.hint = Some(match did_you_mean(key, fields.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("allowed here: {}", fields.join(", ")),
                });
                self.sink.push(p);
                continue;
            }
            kept.push((key.as_str(), k.location, value));
        }
        let access = NodeMap {
            entries: kept.into_iter(),
            current: None,
            parent: &self,
        };
        v.visit_map(access).map_err(|e| self.record(e))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Str(s) => {
                if !variants.contains(&s.as_str()) {
                    let hint = match did_you_mean(s, variants.iter().copied()) {
                        Some(m) => format!("did you mean `{m}`?"),
                        None => format!("choose one of: {}", variants.join(", ")),
                    };
                    return Err(self.fail(format!("unknown value `{s}`"), Some(hint)));
                }
                let de: de::value::StrDeserializer<'_, DeError> = s.as_str().into_deserializer();
                v.visit_enum(de).map_err(|e| self.record(e))
            }
            _ => Err(self.mismatch(&format!("one of: {}", variants.join(", ")))),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _n: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }
}

struct NodeSeq<'a, 'p> {
    items: std::slice::Iter<'a, Node>,
    index: usize,
    parent: &'p NodeDeserializer<'a>,
}

impl<'de, 'a, 'p> SeqAccess<'de> for NodeSeq<'a, 'p> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let path = format!("{}[{}]", self.parent.path, self.index);
        self.index += 1;
        seed.deserialize(self.parent.child(item, path)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct NodeMap<'a, 'p, I> {
    entries: I,
    current: Option<(&'a str, &'a Node)>,
    parent: &'p NodeDeserializer<'a>,
}

impl<'de, 'a, 'p, I> MapAccess<'de> for NodeMap<'a, 'p, I>
where
    I: Iterator<Item = (&'a str, Location, &'a Node)>,
{
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, _loc, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.current = Some((key, value));
        let de: de::value::StrDeserializer<'_, DeError> = key.into_deserializer();
        seed.deserialize(de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some((key, value)) = self.current.take() else {
            return Err(de::Error::custom("value without key"));
        };
        seed.deserialize(self.parent.child(value, self.parent.key_path(key)))
    }
}

/// Entries of a map that a comma split off a plain value: `{ street: 1200 Pine Street,
/// Suite 400, city: Seattle }` reads `Suite 400` as a key without a value. `owner` is the
/// entry whose text they continue, `parts` the split-off entries in order.
struct Stray {
    owner: usize,
    parts: Vec<usize>,
}

/// Finds [`Stray`] entries: keys that are not fields of the map (`fields`; none if the map
/// takes any key), without a value, on the same line as the text value before them.
fn comma_strays(entries: &[(Node, Node)], fields: &[&str]) -> Vec<Stray> {
    if fields.is_empty() {
        return Vec::new();
    }
    let known = |k: &Node| matches!(&k.value, Value::Str(s) if fields.contains(&s.as_str()));
    let scalar = |v: &Value| matches!(v, Value::Str(_) | Value::Int(_) | Value::Float(_));
    let mut out: Vec<Stray> = Vec::new();
    let mut open: Option<Stray> = None;
    for (i, (k, v)) in entries.iter().enumerate() {
        let prev_line = i
            .checked_sub(1)
            .map(|p| match &entries[p].1.value {
                Value::Null => entries[p].0.location.line,
                _ => entries[p].1.location.line,
            })
            .unwrap_or(0);
        let split_off = i > 0
            && !known(k)
            && scalar(&k.value)
            && matches!(v.value, Value::Null)
            && k.location.line == prev_line;
        if split_off {
            match &mut open {
                Some(s) => s.parts.push(i),
                None if scalar(&entries[i - 1].1.value) => {
                    open = Some(Stray {
                        owner: i - 1,
                        parts: vec![i],
                    });
                }
                None => {}
            }
        } else if let Some(s) = open.take() {
            out.push(s);
        }
    }
    out.extend(open);
    out
}

/// A key or single value as written (text, number).
fn scalar_text(v: &Value) -> String {
    match v {
        Value::Str(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(x) => x.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn is_key(k: &Node, name: &str) -> bool {
    matches!(&k.value, Value::Str(s) if s == name)
}

/// A field that absorbs its own error: `Ok` when read, `Bad` when it was there but wrong
/// (the problem is already recorded), `Missing` when absent or null.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Field<T> {
    /// Absent, or `null`.
    #[default]
    Missing,
    /// Present but invalid; the problem is recorded.
    Bad,
    /// Present and well-typed.
    Ok(T),
}

impl<T> Field<T> {
    /// The value, if present and well-typed.
    pub fn ok(&self) -> Option<&T> {
        match self {
            Field::Ok(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the field was absent or null.
    pub fn is_missing(&self) -> bool {
        matches!(self, Field::Missing)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for FieldVisitor<T> {
            type Value = Field<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_none<E>(self) -> Result<Field<T>, E> {
                Ok(Field::Missing)
            }
            fn visit_unit<E>(self) -> Result<Field<T>, E> {
                Ok(Field::Missing)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Field<T>, D::Error> {
                Ok(match T::deserialize(d) {
                    Ok(v) => Field::Ok(v),
                    Err(_) => Field::Bad,
                })
            }
        }
        d.deserialize_option(FieldVisitor(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::parse;

    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct Inner {
        n: Field<u32>,
        s: Field<String>,
    }

    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct Outer {
        inner: Field<Inner>,
        list: Field<Vec<Field<String>>>,
        flag: Field<bool>,
    }

    #[test]
    fn a_comma_in_a_flow_map_value_is_explained_once() {
        let n = parse("inner: { s: Gordon House, Barrow Street, Dublin 4, n: 1 }\n").expect("yaml");
        let (_, problems) = from_node::<Outer>(&n);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert_eq!((p.location.line, p.location.column), (1, 27));
        assert_eq!(p.path, "inner.s");
        assert_eq!(
            p.message,
            "a comma ends a value inside { }, so `Barrow Street` was read as a key of its own"
        );
        assert_eq!(
            p.hint.as_deref(),
            Some("put the whole value in quotes: `s: \"Gordon House, Barrow Street, Dublin 4\"`")
        );
        // A key without a value on a line of its own is a typo, not a comma.
        let n = parse("inner:\n  s: x\n  nn:\n").expect("yaml");
        let (_, problems) = from_node::<Outer>(&n);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].message, "unknown key `nn`");
    }

    #[test]
    fn collects_every_problem() {
        let n = parse("inner:\n  n: abc\n  s: 5.5\n  extra: 1\nlist: [a, true, b]\nflg: true\n")
            .expect("yaml");
        let (v, problems) = from_node::<Outer>(&n);
        let v = v.expect("top level read");
        let mut problems = problems;
        problems.sort_by_key(|p| p.location);
        let msgs: Vec<String> = problems
            .iter()
            .map(|p| {
                format!(
                    "{}:{} {} {}",
                    p.location.line, p.location.column, p.path, p.message
                )
            })
            .collect();
        assert_eq!(
            msgs,
            vec![
                "2:6 inner.n expected a whole number, found text",
                "3:6 inner.s expected text, found a decimal number",
                "4:3 inner.extra unknown key `extra`",
                "5:11 list[1] expected text, found true/false",
                "6:1 flg unknown key `flg`",
            ]
        );
        assert_eq!(problems[4].hint.as_deref(), Some("did you mean `flag`?"));
        let inner = v.inner.ok().expect("inner");
        assert_eq!(inner.n, Field::Bad);
        let list = v.list.ok().expect("list");
        assert_eq!(list[0], Field::Ok("a".to_string()));
        assert_eq!(list[1], Field::Bad);
    }
}
