//! Tests of the inheritance rule, and the guard that keeps [`PARTY_OWNED`] complete.

use std::cell::RefCell;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::*;
use crate::input::raw::RawContract;
use crate::input::yaml::parse;

const DEFAULTS: &str = "\
format: 1
controller:
  name: Praxis Weber
  address: { street: Lindenallee 4, postal_code: \"50667\", city: Köln, country: DE }
  representative: { name: Dr. Anna Weber, role: Inhaberin }
  contact: { name: Anna Weber, email: praxis@example.de }
  dpo: { name: DSB Nord, email: dsb@example.de }
processor:
  name: Pixelwerk
  representative: { name: Jonas Klein, role: Inhaber }
  contact: { name: Jonas Klein, email: jonas@example.de }
instructions:
  form: text
  controller_persons: [{ name: Dr. Anna Weber, email: praxis@example.de }]
  processor_persons: [{ name: Jonas Klein, email: jonas@example.de }]
signatories:
  - { party: controller, name: Dr. Anna Weber, role: Inhaberin, place: Köln }
  - { party: processor, name: Jonas Klein, role: Inhaber, place: Köln }
";

fn merged(entry: &str) -> Node {
    merge_contract(
        &parse(DEFAULTS).expect("defaults"),
        &parse(entry).expect("entry"),
    )
}

/// Every string value of a tree, in order.
fn texts(n: &Node, out: &mut Vec<String>) {
    match &n.value {
        Value::Str(s) => out.push(s.clone()),
        Value::Seq(items) => items.iter().for_each(|i| texts(i, out)),
        Value::Map(entries) => entries.iter().for_each(|(_, v)| texts(v, out)),
        _ => {}
    }
}

fn all_text(n: &Node) -> String {
    let mut v = Vec::new();
    texts(n, &mut v);
    v.join("|")
}

#[test]
fn a_new_controller_inherits_nothing_of_the_old_one() {
    let m = merged(
        "controller:\n  name: Bäckerei Sonne\n  address: { street: Markt 3, postal_code: \"01067\", city: Dresden, country: DE }\n  representative: { name: Lisa Sonne, role: Inhaberin }\n",
    );
    let text = all_text(&m);
    for gone in ["Anna Weber", "praxis@example.de", "DSB Nord", "Lindenallee"] {
        assert!(!text.contains(gone), "{gone} inherited: {text}");
    }
    assert!(m.find("controller.contact").is_none());
    assert!(m.find("instructions.controller_persons").is_none());
    // The processor's side stays.
    assert!(m.find("instructions.processor_persons").is_some());
    assert!(text.contains("jonas@example.de"));
    // Signatories: the processor's, and the new controller's representative in its city.
    let sigs = all_text(m.find("signatories").expect("signatories"));
    assert_eq!(
        sigs,
        "processor|Jonas Klein|Inhaber|Köln|controller|Lisa Sonne|Inhaberin|Dresden"
    );
}

#[test]
fn the_same_controller_keeps_its_own_values() {
    let m = merged("controller:\n  name: Praxis Weber\n  contact: { phone: \"+49 221 1\" }\n");
    assert_eq!(
        all_text(m.find("controller.contact").expect("contact")),
        "Anna Weber|praxis@example.de|+49 221 1"
    );
    assert!(m.find("instructions.controller_persons").is_some());
    assert_eq!(
        all_text(m.find("signatories").expect("signatories")),
        "controller|Dr. Anna Weber|Inhaberin|Köln|processor|Jonas Klein|Inhaber|Köln"
    );
}

#[test]
fn an_entrys_signatories_replace_only_their_own_party() {
    let m = merged(
        "controller:\n  name: Neu GmbH\n  representative: { name: Nina Neu }\nsignatories:\n  - { party: controller, name: Nils Neu, place: Bonn }\n",
    );
    assert_eq!(
        all_text(m.find("signatories").expect("signatories")),
        "controller|Nils Neu|Bonn|processor|Jonas Klein|Inhaber|Köln"
    );
}

#[test]
fn a_new_processor_inherits_nothing_of_the_old_one() {
    let m = merged("processor:\n  name: Andere IT\n  representative: { name: Otto Ander }\n");
    let text = all_text(&m);
    assert!(
        !text.contains("Jonas") && !text.contains("Pixelwerk"),
        "{text}"
    );
    assert!(text.contains("praxis@example.de"), "controller side stays");
    assert!(m.find("instructions.processor_persons").is_none());
}

#[test]
fn places_are_resolved_per_party() {
    assert_eq!(
        places(Party::Processor),
        [
            Place::Key("processor".into()),
            Place::Key("instructions.processor_persons".into()),
            Place::Items("signatories".into()),
        ]
    );
    let d = parse(DEFAULTS).expect("defaults");
    assert_eq!(
        locate(&d, &Place::Items("signatories".into()), Party::Processor),
        Some(Location::new(18, 5))
    );
}

// ---- The guard: every field that holds a person's data is a party's (or declared shared).

/// A serde deserializer that walks a type's shape and records every field path with the
/// name of its struct type (`controller.contact` -> `RawPerson`).
struct Shape<'a> {
    path: String,
    seen: &'a RefCell<Vec<(String, &'static str)>>,
}

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stop")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> de::Deserializer<'de> for Shape<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_str("")
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_some(self)
    }
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_bool(false)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_u32(0)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_u64(0)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_seq(OneItem {
            path: format!("{}[]", self.path),
            seen: self.seen,
            done: false,
        })
    }
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        self.deserialize_struct("map", &[], v)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Stop> {
        self.seen.borrow_mut().push((self.path.clone(), name));
        v.visit_map(Fields {
            path: self.path,
            fields,
            next: 0,
            seen: self.seen,
        })
    }
    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct enum identifier ignored_any
    }
}

struct Fields<'a> {
    path: String,
    fields: &'static [&'static str],
    next: usize,
    seen: &'a RefCell<Vec<(String, &'static str)>>,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = Stop;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, k: K) -> Result<Option<K::Value>, Stop> {
        match self.fields.get(self.next) {
            Some(f) => k.deserialize((*f).into_deserializer()).map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, s: S) -> Result<S::Value, Stop> {
        let field = self.fields.get(self.next).copied().unwrap_or("");
        self.next += 1;
        let path = if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        };
        self.seen.borrow_mut().push((path.clone(), ""));
        s.deserialize(Shape {
            path,
            seen: self.seen,
        })
    }
}

struct OneItem<'a> {
    path: String,
    seen: &'a RefCell<Vec<(String, &'static str)>>,
    done: bool,
}

impl<'de> SeqAccess<'de> for OneItem<'_> {
    type Error = Stop;
    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        s: S,
    ) -> Result<Option<S::Value>, Stop> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        s.deserialize(Shape {
            path: self.path.clone(),
            seen: self.seen,
        })
        .map(Some)
    }
}

/// Every field path of the contract file with its struct type (`""` for plain values).
fn contract_shape() -> Vec<(String, &'static str)> {
    let seen = RefCell::new(Vec::new());
    let _ = RawContract::deserialize(Shape {
        path: String::new(),
        seen: &seen,
    });
    seen.into_inner()
}

/// Struct types that hold a person's (or a party's) data, and words in the names of
/// fields that do.
const PERSON_TYPES: [&str; 3] = ["RawParty", "RawPerson", "RawSignatory"];
const PERSON_WORDS: [&str; 8] = [
    "email",
    "phone",
    "person",
    "contact",
    "dpo",
    "representative",
    "signator",
    "address",
];

fn covered(path: &str) -> bool {
    let owned = Party::ALL.into_iter().flat_map(places).any(|p| {
        let prefix = match &p {
            Place::Key(k) => k.clone(),
            Place::Items(l) if path == l => return true,
            Place::Items(l) => format!("{l}[]"),
        };
        path == prefix
            || path.starts_with(&format!("{prefix}."))
            || path.starts_with(&format!("{prefix}["))
    });
    owned || SHARED_PERSON_DATA.iter().any(|(p, _)| path.starts_with(p))
}

#[test]
fn every_field_with_personal_data_belongs_to_a_party() {
    let shape = contract_shape();
    let paths: Vec<&str> = shape.iter().map(|(p, _)| p.as_str()).collect();
    // The walk sees the whole shape (so this test cannot pass by seeing nothing).
    for known in [
        "controller.contact",
        "processor.dpo",
        "instructions.controller_persons[]",
        "signatories[]",
        "subprocessors.list[].address",
    ] {
        assert!(paths.contains(&known), "{known} not seen: {paths:?}");
    }
    let mut missing = Vec::new();
    for (path, ty) in &shape {
        let last = path.rsplit('.').next().unwrap_or(path);
        let personal = PERSON_TYPES.contains(ty) || PERSON_WORDS.iter().any(|w| last.contains(w));
        if personal && !covered(path) {
            missing.push(format!("{path} ({ty})"));
        }
    }
    assert!(
        missing.is_empty(),
        "fields with a person's data that no party owns: {missing:?}; add them to \
         inherit::PARTY_OWNED (or, with a reason, to SHARED_PERSON_DATA)"
    );
}
