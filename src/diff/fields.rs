//! Which fields of the contract changed, in words.
//!
//! The two checked contracts are compared as data (their serde form), field by field, so a
//! field added to the model later shows up here without new code: maps key by key, lists of
//! named entries (subprocessors, persons, signatories) by name, other lists as sets. Every
//! change is then put into a sentence in the contract's language: field names come from
//! Fluent messages `diff-field-…` (a full path such as `diff-field-terms-breach_notification_hours`
//! first, else one message per path segment, else the key itself), catalog ids become their
//! labels, countries their names. Subprocessors and measures get sentences of their own
//! (country and transfer basis; the Art. 32(1) area).

use serde::Serialize;
use serde_json::Value;

use crate::catalog::Catalogs;
use crate::i18n::{self, Arg};
use crate::model::{Contract, Date};
use crate::{Error, Lang};

/// Added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A list entry or a value that was not there before.
    Added,
    /// A list entry or a value that is no longer there.
    Removed,
    /// A value that is different.
    Changed,
}

/// One changed field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// Where, in the new contract for additions and changes, in the old one for removals:
    /// `terms.breach_notification_hours`, `subprocessors.list[2]`.
    pub path: String,
    /// The field without list positions: `subprocessors.list`.
    pub field: String,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The old value (none for additions).
    pub old: Option<Value>,
    /// The new value (none for removals).
    pub new: Option<Value>,
    /// The change in words, in the contract's language.
    pub text: String,
}

/// A change before it is put into words.
struct Raw {
    path: String,
    field: String,
    kind: ChangeKind,
    old: Option<Value>,
    new: Option<Value>,
    /// For a change inside a named list entry: the list's field and the entry's name.
    item: Option<(String, String)>,
}

/// Every changed field of two contracts, in the order of the contract file, in words.
///
/// Errors: `Error::Internal` if a contract cannot be turned into data (a bug).
pub fn changes(
    old: &Contract,
    new: &Contract,
    lang: Lang,
    cats: &Catalogs,
) -> Result<Vec<FieldChange>, Error> {
    let a = serde_json::to_value(old).map_err(|e| Error::Internal(e.to_string()))?;
    let b = serde_json::to_value(new).map_err(|e| Error::Internal(e.to_string()))?;
    let mut raw = Vec::new();
    walk("", "", &a, &b, None, &mut raw);
    let words = Words { lang, cats };
    Ok(raw
        .into_iter()
        .map(|r| FieldChange {
            text: words.sentence(&r),
            path: r.path,
            field: r.field,
            kind: r.kind,
            old: r.old,
            new: r.new,
        })
        .collect())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn walk(
    path: &str,
    field: &str,
    old: &Value,
    new: &Value,
    item: Option<&(String, String)>,
    out: &mut Vec<Raw>,
) {
    if old == new {
        return;
    }
    let raw = |kind, o: Option<&Value>, n: Option<&Value>| Raw {
        path: path.to_string(),
        field: field.to_string(),
        kind,
        old: o.cloned(),
        new: n.cloned(),
        item: item.cloned(),
    };
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            // A tagged choice (e.g. the duration's `type`) that changed is one change.
            if a.get("type").is_some_and(|t| Some(t) != b.get("type")) {
                out.push(raw(ChangeKind::Changed, Some(old), Some(new)));
                return;
            }
            let mut keys: Vec<&String> = a.keys().collect();
            keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
            for k in keys {
                let (x, y) = (
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                );
                walk(&join(path, k), &join(field, k), x, y, item, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => list(path, field, a, b, item, out),
        (Value::Null, v) => out.push(raw(ChangeKind::Added, None, Some(v))),
        (v, Value::Null) => out.push(raw(ChangeKind::Removed, Some(v), None)),
        _ => out.push(raw(ChangeKind::Changed, Some(old), Some(new))),
    }
}

fn name_of(v: &Value) -> Option<&str> {
    v.get("name").and_then(Value::as_str)
}

fn list(
    path: &str,
    field: &str,
    a: &[Value],
    b: &[Value],
    item: Option<&(String, String)>,
    out: &mut Vec<Raw>,
) {
    let entry = |kind, i: usize, o: Option<&Value>, n: Option<&Value>| Raw {
        path: format!("{path}[{i}]"),
        field: field.to_string(),
        kind,
        old: o.cloned(),
        new: n.cloned(),
        item: item.cloned(),
    };
    let named = a.iter().chain(b).all(|v| name_of(v).is_some());
    if named {
        for (i, x) in a.iter().enumerate() {
            if !b.iter().any(|y| name_of(y) == name_of(x)) {
                out.push(entry(ChangeKind::Removed, i, Some(x), None));
            }
        }
        for (j, y) in b.iter().enumerate() {
            match a.iter().find(|x| name_of(x) == name_of(y)) {
                None => out.push(entry(ChangeKind::Added, j, None, Some(y))),
                Some(x) => {
                    let inner = (
                        field.to_string(),
                        name_of(y).unwrap_or_default().to_string(),
                    );
                    walk(&format!("{path}[{j}]"), field, x, y, Some(&inner), out);
                }
            }
        }
    } else {
        for (i, x) in a.iter().enumerate() {
            if !b.contains(x) {
                out.push(entry(ChangeKind::Removed, i, Some(x), None));
            }
        }
        for (j, y) in b.iter().enumerate() {
            if !a.contains(y) {
                out.push(entry(ChangeKind::Added, j, None, Some(y)));
            }
        }
    }
}

/// Puts changes into words.
struct Words<'a> {
    lang: Lang,
    cats: &'a Catalogs,
}

impl Words<'_> {
    fn tr(&self, id: &str, args: &[(&str, Arg)]) -> String {
        i18n::text_in(self.lang, id, args)
    }

    /// The name of a field: the message of the longest prefix of its path that has one, then
    /// one message per further segment, joined with " – ".
    pub(super) fn field(&self, field: &str) -> String {
        let segments: Vec<&str> = field.split('.').filter(|s| !s.is_empty()).collect();
        let mut parts = Vec::new();
        let mut i = 0;
        while i < segments.len() {
            let found = (i + 1..=segments.len()).rev().find_map(|j| {
                let id = format!("diff-field-{}", segments[i..j].join("-"));
                i18n::has_message(self.lang, &id).then(|| (j, self.tr(&id, &[])))
            });
            match found {
                Some((j, words)) => {
                    parts.push(words);
                    i = j;
                }
                None => {
                    parts.push(segments[i].to_string());
                    i += 1;
                }
            }
        }
        parts.join(" – ")
    }

    /// A field's name, inside a named list entry if the change is in one.
    fn field_in(&self, r: &Raw) -> String {
        match &r.item {
            Some((list, name)) => {
                let rest = r.field.strip_prefix(list.as_str()).unwrap_or(&r.field);
                self.tr(
                    "diff-in-item",
                    &[
                        ("list", Arg::from(self.field(list))),
                        ("item", Arg::from(name.as_str())),
                        ("field", Arg::from(self.field(rest))),
                    ],
                )
            }
            None => self.field(&r.field),
        }
    }

    fn sentence(&self, r: &Raw) -> String {
        let value = |v: &Option<Value>| {
            v.as_ref()
                .map(|v| self.value(&r.field, v))
                .unwrap_or_default()
        };
        match (r.field.as_str(), r.kind, r.item.is_some()) {
            ("subprocessors.list", ChangeKind::Added | ChangeKind::Removed, false) => {
                let (id, v) = match r.kind {
                    ChangeKind::Added => ("diff-subprocessor-added", r.new.as_ref()),
                    _ => ("diff-subprocessor-removed", r.old.as_ref()),
                };
                self.subprocessor(id, v.unwrap_or(&Value::Null))
            }
            ("security.measures", ChangeKind::Added | ChangeKind::Removed, _) => {
                let (id, v) = match r.kind {
                    ChangeKind::Added => ("diff-measure-added", &r.new),
                    _ => ("diff-measure-removed", &r.old),
                };
                let mid = v.as_ref().and_then(Value::as_str).unwrap_or_default();
                let area = self
                    .cats
                    .measures
                    .get(mid)
                    .and_then(|m| m.area.clone())
                    .unwrap_or_default();
                self.tr(
                    id,
                    &[
                        ("area", Arg::from(self.area(&area))),
                        ("measure", Arg::from(value(v))),
                    ],
                )
            }
            ("security.custom", ChangeKind::Added | ChangeKind::Removed, _) => {
                let (id, v) = match r.kind {
                    ChangeKind::Added => ("diff-measure-added", &r.new),
                    _ => ("diff-measure-removed", &r.old),
                };
                let get = |k: &str| {
                    v.as_ref()
                        .and_then(|v| v.get(k))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                };
                self.tr(
                    id,
                    &[
                        ("area", Arg::from(self.area(&get("area")))),
                        ("measure", Arg::from(get("text"))),
                    ],
                )
            }
            _ => {
                let field = self.field_in(r);
                let in_list = r.path.ends_with(']');
                let (id, args) = match (r.kind, in_list) {
                    (ChangeKind::Added, true) => {
                        ("diff-item-added", vec![("value", value(&r.new))])
                    }
                    (ChangeKind::Removed, true) => {
                        ("diff-item-removed", vec![("value", value(&r.old))])
                    }
                    (ChangeKind::Added, false) => ("diff-value-set", vec![("new", value(&r.new))]),
                    (ChangeKind::Removed, false) => {
                        ("diff-value-unset", vec![("old", value(&r.old))])
                    }
                    (ChangeKind::Changed, _) => (
                        "diff-value-changed",
                        vec![("old", value(&r.old)), ("new", value(&r.new))],
                    ),
                };
                let mut all = vec![("field", Arg::from(field))];
                all.extend(args.into_iter().map(|(k, v)| (k, Arg::from(v))));
                self.tr(id, &all)
            }
        }
    }

    /// "Vertraulichkeit (Art. 32 Abs. 1 lit. b DSGVO)".
    fn area(&self, id: &str) -> String {
        match self.cats.areas.get(id) {
            Some(a) => match &a.wording(self.lang).article {
                Some(art) => format!("{} ({art})", a.label(self.lang)),
                None => a.label(self.lang).to_string(),
            },
            None => id.to_string(),
        }
    }

    fn country(&self, code: &str) -> String {
        match self.cats.location(code) {
            Some(c) => format!("{} ({code})", c.name(self.lang)),
            None => code.to_string(),
        }
    }

    fn subprocessor(&self, id: &str, v: &Value) -> String {
        let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default();
        let locations: Vec<&str> = v
            .get("locations")
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let country = v
            .get("address")
            .and_then(|a| a.get("country"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let basis = match v.get("transfer") {
            Some(t) if !t.is_null() => self.value("subprocessors.list.transfer", t),
            _ => {
                let eea = locations
                    .iter()
                    .all(|c| self.cats.location(c).is_some_and(|c| c.eea));
                let adequate = locations
                    .iter()
                    .all(|c| self.cats.location(c).is_some_and(|c| c.eea || c.adequacy));
                self.tr(
                    if eea {
                        "diff-basis-eea"
                    } else if adequate {
                        "diff-basis-adequacy"
                    } else {
                        "diff-basis-none"
                    },
                    &[],
                )
            }
        };
        self.tr(
            id,
            &[
                ("name", Arg::from(s("name"))),
                ("service", Arg::from(s("service"))),
                ("country", Arg::from(self.country(country))),
                (
                    "locations",
                    Arg::from(
                        locations
                            .iter()
                            .map(|c| self.country(c))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
                ("basis", Arg::from(basis)),
            ],
        )
    }

    /// A value in words, by the field it belongs to.
    fn value(&self, field: &str, v: &Value) -> String {
        let last = field.rsplit('.').next().unwrap_or(field);
        match v {
            Value::Null => self.tr("diff-none", &[]),
            Value::Bool(true) => self.tr("diff-yes", &[]),
            Value::Bool(false) => self.tr("diff-no", &[]),
            Value::Number(n) => n.to_string(),
            Value::String(s) => self.string(last, s),
            Value::Array(items) => items
                .iter()
                .map(|i| self.value(field, i))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Object(map) => {
                if let Some(Value::String(id)) = map.get("id") {
                    return self.string(last, id);
                }
                if let Some(Value::String(t)) = map.get("text")
                    && map.len() == 1
                {
                    return t.clone();
                }
                // A map of locations (a transfer basis per location): country codes or
                // `org:` ids of international organisations.
                if !map.is_empty()
                    && map.keys().all(|k| {
                        (k.len() == 2 && k.chars().all(|c| c.is_ascii_uppercase()))
                            || self.cats.location(k).is_some()
                    })
                {
                    return map
                        .iter()
                        .map(|(k, x)| format!("{}: {}", self.country(k), self.value(field, x)))
                        .collect::<Vec<_>>()
                        .join(", ");
                }
                let mut parts: Vec<String> = Vec::new();
                if let Some(n) = map.get("name").and_then(Value::as_str) {
                    parts.push(n.to_string());
                }
                for (k, x) in map {
                    if k == "name" || x.is_null() {
                        continue;
                    }
                    let w = self.value(&join(field, k), x);
                    if !w.is_empty() {
                        parts.push(w);
                    }
                }
                parts.join(", ")
            }
        }
    }

    fn string(&self, field: &str, s: &str) -> String {
        let cats = self.cats;
        let label = |cat: &crate::catalog::Catalog| {
            cat.get(s)
                .map(|e| e.label(self.lang).to_string())
                .unwrap_or_else(|| s.to_string())
        };
        match field {
            "country" | "locations" | "governing_law" | "scc_member_state" => self.country(s),
            "transfer" => label(&cats.transfer_bases),
            "operations" => label(&cats.operations),
            "data_categories" => label(&cats.data_categories),
            "data_subjects" => label(&cats.data_subjects),
            "special_categories" => label(&cats.special_categories),
            "measures" => label(&cats.measures),
            "area" => self.area(s),
            f if f.ends_with("date") || f == "until" => Date::parse_iso(s)
                .map(|d| d.long(self.lang))
                .unwrap_or_else(|| s.to_string()),
            f => {
                let id = format!("diff-value-{f}-{s}");
                if i18n::has_message(self.lang, &id) {
                    self.tr(&id, &[])
                } else {
                    s.to_string()
                }
            }
        }
    }
}

/// The name of a field in words (see the module documentation), for other parts of `diff`.
pub fn field_name(field: &str, lang: Lang, cats: &Catalogs) -> String {
    Words { lang, cats }.field(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Contract {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/dental-practice.yaml");
        crate::input::load_contract(&path)
            .map(|l| l.contract)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Every key of the model (as far as the example fills it) has a name in both languages.
    #[test]
    fn every_field_has_a_name_in_both_languages() {
        fn keys(v: &Value, path: &str, out: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    for (k, x) in m {
                        let p = join(path, k);
                        out.push(p.clone());
                        keys(x, &p, out);
                    }
                }
                Value::Array(a) => a.iter().for_each(|x| keys(x, path, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        keys(
            &serde_json::to_value(example()).unwrap_or_default(),
            "",
            &mut all,
        );
        assert!(all.len() > 50, "{}", all.len());
        let cats = Catalogs::get().unwrap_or_else(|e| panic!("{e}"));
        for lang in Lang::ALL {
            for p in &all {
                // Entries of data lists (`{ id: … }`, `{ text: … }`) are values, not fields.
                if p.ends_with(".id") {
                    continue;
                }
                let name = field_name(p, lang, cats);
                for seg in p.split('.') {
                    assert!(
                        !name.split(" – ").any(|part| part == seg)
                            || i18n::has_message(lang, &format!("diff-field-{seg}")),
                        "{}: `{p}` has no name for `{seg}`: {name}",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn changes_are_put_into_words() {
        let old = example();
        let mut new = old.clone();
        new.terms.breach_notification_hours = 48;
        new.subprocessors.list[0].locations.push("FI".into());
        new.controller.address.city = "Bonn".into();
        new.processing.operations.retain(|o| o != "erasure");
        new.subprocessors.authorisation = crate::model::Authorisation::Specific;
        let cats = Catalogs::get().unwrap_or_else(|e| panic!("{e}"));
        let texts: Vec<String> = changes(&old, &new, Lang::De, cats)
            .unwrap_or_default()
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(
            texts,
            vec![
                "Auftraggeber – Anschrift – Ort: Köln → Bonn",
                "Verarbeitung – Arten der Verarbeitung: entfernt: Löschen",
                "Unterauftragsverarbeiter – Genehmigung (Art. 28 Abs. 2 DSGVO): allgemeine schriftliche Genehmigung → gesonderte Genehmigung für jeden Unterauftragsverarbeiter",
                "Unterauftragsverarbeiter „Hetzner Online GmbH“ – Orte der Verarbeitung: hinzugefügt: Finnland (FI)",
                "Bedingungen – Frist für die Meldung von Datenschutzverletzungen (Stunden): 24 → 48",
            ]
        );
    }
}
