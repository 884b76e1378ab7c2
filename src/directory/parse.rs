//! Reading and validating a processor directory file (`docs/processor-directory.md`,
//! "Validation"): every problem of the file at once, each at its line and column.
//!
//! Errors (the file is refused): the top level is not `format: 1` with a non-empty
//! `entries` list; unknown keys; missing required fields; texts that are empty, padded or
//! hold invisible characters; ids that are not lowercase-hyphenated or not unique; country
//! codes not in `catalogs/countries.yaml`; an address in another country than the entry;
//! a category outside [`super::CATEGORIES`]; a transfer key that is not one of the
//! entry's locations or lies in the EEA; a basis that is unknown or does not fit the
//! country (`dpf` only for the United States and a certified entry, `adequacy` only where
//! the Commission decided adequacy); a DPF certification without its entity; `dpa.how`
//! without `offered: true`; a review date that is not a date or lies in the future; in the
//! built-in file, an entry without `source`.
//!
//! Warnings: a location outside the EEA without adequacy and without a basis (a contract
//! using the entry must state one), a review date more than a year old.

use std::path::Path;

use super::{Address, Bilingual, DpaOffer, Dpf, Entry, Origin, Parsed};
use crate::catalog::Catalogs;
use crate::error::{Location, Problem, did_you_mean};
use crate::input::yaml::{self, Node, Value};
use crate::model::{Date, TransferBasis};
use crate::tr;

/// The fields of an entry that must be there.
const REQUIRED: &[&str] = &["id", "name", "country", "category", "service", "reviewed"];

/// Every field an entry may have, in the documented order.
const FIELDS: &[&str] = &[
    "id",
    "name",
    "address",
    "country",
    "locations",
    "category",
    "service",
    "dpf",
    "dpa",
    "transfer",
    "note",
    "source",
    "reviewed",
];

/// What a directory file is checked against.
#[derive(Debug, Clone)]
pub struct Rules {
    /// The built-in file: every entry needs `source`.
    pub builtin: bool,
    /// The date review dates are compared with; none: not compared (the built-in file at
    /// run time, where a wrong system clock must not break every command).
    pub today: Option<Date>,
    /// What the entries' origin is.
    pub origin: Origin,
}

impl Rules {
    /// The rules of the built-in file.
    pub fn builtin(today: Option<Date>) -> Rules {
        Rules {
            builtin: true,
            today,
            origin: Origin::BuiltIn,
        }
    }

    /// The rules of a user file.
    pub fn user(path: &Path, today: Date) -> Rules {
        Rules {
            builtin: false,
            today: Some(today),
            origin: Origin::User(path.to_path_buf()),
        }
    }
}

/// Reads a directory file's text: the valid entries, the errors and the warnings.
pub fn parse(text: &str, rules: &Rules) -> Parsed {
    let mut out = Parsed::default();
    let root = match yaml::parse(text) {
        Ok(r) => r,
        Err(p) => {
            out.errors.push(p);
            return out;
        }
    };
    let cats = match Catalogs::get() {
        Ok(c) => c,
        Err(e) => {
            out.errors
                .push(Problem::new(Location::new(1, 1), "", e.to_string()));
            return out;
        }
    };
    let mut p = Parser {
        cats,
        rules,
        errors: Vec::new(),
        warnings: Vec::new(),
        seen: Vec::new(),
    };
    let entries = p.top(&root);
    for (i, node) in entries.iter().enumerate() {
        if let Some(e) = p.entry(i, node) {
            out.entries.push(e);
        }
    }
    out.errors = p.errors;
    out.warnings = p.warnings;
    out
}

struct Parser<'a> {
    cats: &'static Catalogs,
    rules: &'a Rules,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    /// Ids read so far, with the line of their first use.
    seen: Vec<(String, u32)>,
}

/// The entries of a map with text keys, with the key's location.
fn map_entries(node: &Node) -> Option<Vec<(&str, Location, &Node)>> {
    match &node.value {
        Value::Map(entries) => Some(
            entries
                .iter()
                .filter_map(|(k, v)| match &k.value {
                    Value::Str(s) => Some((s.as_str(), k.location, v)),
                    _ => None,
                })
                .collect(),
        ),
        _ => None,
    }
}

fn join(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

impl Parser<'_> {
    fn error(&mut self, loc: Location, path: &str, message: String, hint: Option<String>) {
        let mut p = Problem::new(loc, path, message);
        p.hint = hint;
        self.errors.push(p);
    }

    fn warn(&mut self, loc: Location, path: &str, message: String, hint: String) {
        self.warnings
            .push(Problem::new(loc, path, message).with_hint(hint));
    }

    /// `format: 1` and the list of entries.
    fn top<'n>(&mut self, root: &'n Node) -> &'n [Node] {
        let Some(keys) = map_entries(root) else {
            self.error(
                root.location,
                "",
                tr!("dir-top-not-map", found = root.value.kind()),
                Some(tr!("dir-top-hint")),
            );
            return &[];
        };
        for (k, loc, _) in &keys {
            if !["format", "entries"].contains(k) {
                let hint = match did_you_mean(k, ["format", "entries"]) {
                    Some(m) => tr!("dir-did-you-mean", name = m),
                    None => tr!("dir-top-hint"),
                };
                self.error(*loc, k, tr!("dir-unknown-key", key = *k), Some(hint));
            }
        }
        match root.get("format").map(|n| &n.value) {
            Some(Value::Int(1)) => {}
            _ => {
                let loc = root
                    .get("format")
                    .map(|n| n.location)
                    .unwrap_or(Location::new(1, 1));
                self.error(loc, "format", tr!("dir-format"), Some(tr!("dir-top-hint")));
            }
        }
        match root.get("entries") {
            Some(Node {
                value: Value::Seq(items),
                ..
            }) if !items.is_empty() => items,
            other => {
                let loc = other.map(|n| n.location).unwrap_or(Location::new(1, 1));
                self.error(
                    loc,
                    "entries",
                    tr!("dir-entries"),
                    Some(tr!("dir-top-hint")),
                );
                &[]
            }
        }
    }

    /// One entry; `None` if it has errors (they are recorded).
    fn entry(&mut self, i: usize, node: &Node) -> Option<Entry> {
        let path = format!("entries[{i}]");
        let errors_before = self.errors.len();
        let Some(keys) = map_entries(node) else {
            self.error(
                node.location,
                &path,
                tr!("dir-entry-not-map", found = node.value.kind()),
                Some(tr!("dir-entry-hint")),
            );
            return None;
        };
        for (k, loc, _) in &keys {
            if !FIELDS.contains(k) {
                let hint = match did_you_mean(k, FIELDS.iter().copied()) {
                    Some(m) => tr!("dir-did-you-mean", name = m),
                    None => tr!("dir-allowed", names = FIELDS.join(", ")),
                };
                self.error(
                    *loc,
                    &join(&path, k),
                    tr!("dir-unknown-key", key = *k),
                    Some(hint),
                );
            }
        }
        for field in REQUIRED {
            if node.get(field).is_none() {
                self.missing(node, &path, field);
            }
        }
        if self.rules.builtin && node.get("source").is_none() {
            self.error(
                node.location,
                &join(&path, "source"),
                tr!("dir-source-builtin"),
                Some(tr!("dir-source-hint")),
            );
        }
        let id = node.get("id").and_then(|n| self.id(n, &join(&path, "id")));
        let name = node
            .get("name")
            .and_then(|n| self.text(n, &join(&path, "name")));
        let source = node
            .get("source")
            .and_then(|n| self.text(n, &join(&path, "source")));
        let country = node
            .get("country")
            .and_then(|n| self.country(n, &join(&path, "country")));
        let category = node
            .get("category")
            .and_then(|n| self.category(n, &join(&path, "category")));
        let service = node
            .get("service")
            .and_then(|n| self.bilingual(n, &join(&path, "service")));
        let note = node
            .get("note")
            .and_then(|n| self.bilingual(n, &join(&path, "note")));
        let reviewed = node
            .get("reviewed")
            .and_then(|n| self.reviewed(n, &join(&path, "reviewed")));
        let address = node
            .get("address")
            .and_then(|n| self.address(n, &join(&path, "address"), country.as_deref()));
        let locations = node
            .get("locations")
            .and_then(|n| self.locations(n, &join(&path, "locations")));
        let dpf = node
            .get("dpf")
            .and_then(|n| self.dpf(n, &join(&path, "dpf")));
        let dpa = node
            .get("dpa")
            .and_then(|n| self.dpa(n, &join(&path, "dpa")));
        let certified = dpf.as_ref().is_some_and(|d| d.certified);
        let transfer = match node.get("transfer") {
            Some(n) => self.transfer(
                n,
                &join(&path, "transfer"),
                node.get("locations").is_some(),
                locations.as_deref(),
                certified,
            ),
            None => Vec::new(),
        };
        if let Some(locs) = &locations {
            for code in locs {
                let needs = self.cats.country(code).is_some_and(|c| c.needs_basis());
                if needs && !transfer.iter().any(|(l, _)| l == code) {
                    let loc = node
                        .get("locations")
                        .map(|n| n.location)
                        .unwrap_or(node.location);
                    self.warn(
                        loc,
                        &join(&path, "locations"),
                        tr!("dir-location-without-basis", code = code.as_str()),
                        tr!("dir-location-without-basis-hint"),
                    );
                }
            }
        }
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Entry {
            id: id?,
            name: name?,
            address,
            country: country?,
            locations: locations.unwrap_or_default(),
            category: category?,
            service: service?,
            dpf,
            dpa,
            transfer,
            note,
            source,
            reviewed: reviewed?,
            origin: self.rules.origin.clone(),
            location: node.location,
        })
    }

    fn missing(&mut self, parent: &Node, path: &str, field: &str) {
        self.error(
            parent.location,
            &join(path, field),
            tr!("dir-missing", field = field),
            Some(tr!("dir-missing-hint", field = field)),
        );
    }

    /// A text: non-empty, without outer spaces, by the field rule of contract files.
    fn text(&mut self, node: &Node, path: &str) -> Option<String> {
        let Value::Str(s) = &node.value else {
            self.error(
                node.location,
                path,
                tr!("dir-text-expected", found = node.value.kind()),
                Some(tr!("dir-text-hint")),
            );
            return None;
        };
        if s.trim() != s {
            self.error(
                node.location,
                path,
                tr!("dir-text-padded"),
                Some(tr!("dir-text-padded-hint")),
            );
            return None;
        }
        match crate::model::rules::text(s) {
            Ok(t) => Some(t),
            Err(r) => {
                self.error(node.location, path, r.message, Some(r.hint));
                None
            }
        }
    }

    fn id(&mut self, node: &Node, path: &str) -> Option<String> {
        let id = self.text(node, path)?;
        let well_formed = !id.is_empty()
            && id.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !well_formed {
            self.error(
                node.location,
                path,
                tr!("dir-id-form", id = id.as_str()),
                Some(tr!("dir-id-form-hint")),
            );
            return None;
        }
        if let Some((_, line)) = self.seen.iter().find(|(s, _)| *s == id) {
            let line = *line;
            self.error(
                node.location,
                path,
                tr!("dir-id-twice", id = id.as_str(), line = line),
                Some(tr!("dir-id-twice-hint")),
            );
            return None;
        }
        self.seen.push((id.clone(), node.location.line));
        Some(id)
    }

    /// A country code of `catalogs/countries.yaml`, written exactly (upper case).
    fn country(&mut self, node: &Node, path: &str) -> Option<String> {
        let Value::Str(s) = &node.value else {
            self.error(
                node.location,
                path,
                tr!("dir-country-expected", found = node.value.kind()),
                Some(tr!("dir-country-hint")),
            );
            return None;
        };
        if self.cats.country(s).is_some() {
            return Some(s.clone());
        }
        let hint = match crate::model::rules::country(s, self.cats) {
            Ok(code) => tr!("dir-write-instead", value = code),
            Err(r) => r.hint,
        };
        self.error(
            node.location,
            path,
            tr!("dir-country", code = s.as_str()),
            Some(hint),
        );
        None
    }

    fn category(&mut self, node: &Node, path: &str) -> Option<String> {
        let s = self.text(node, path)?;
        if super::CATEGORIES.contains(&s.as_str()) {
            return Some(s);
        }
        let hint = match did_you_mean(&s, super::CATEGORIES.iter().copied()) {
            Some(m) => tr!("dir-did-you-mean", name = m),
            None => tr!("dir-category-hint", names = super::CATEGORIES.join(", ")),
        };
        self.error(
            node.location,
            path,
            tr!("dir-category", category = s.as_str()),
            Some(hint),
        );
        None
    }

    /// `{ de: ..., en: ... }`, exactly these two keys.
    fn bilingual(&mut self, node: &Node, path: &str) -> Option<Bilingual> {
        let keys = map_entries(node);
        let exact = keys.as_ref().is_some_and(|k| {
            k.len() == 2 && k.iter().any(|(n, ..)| *n == "de") && k.iter().any(|(n, ..)| *n == "en")
        });
        if !exact {
            self.error(
                node.location,
                path,
                tr!("dir-bilingual"),
                Some(tr!("dir-bilingual-hint")),
            );
            return None;
        }
        let de = node.get("de").and_then(|n| self.text(n, &join(path, "de")));
        let en = node.get("en").and_then(|n| self.text(n, &join(path, "en")));
        Some(Bilingual { de: de?, en: en? })
    }

    fn reviewed(&mut self, node: &Node, path: &str) -> Option<Date> {
        let date = match &node.value {
            Value::Str(s) => Date::parse_iso(s),
            _ => None,
        };
        let Some(date) = date else {
            let shown = match &node.value {
                Value::Str(s) => s.clone(),
                v => v.kind().to_string(),
            };
            self.error(
                node.location,
                path,
                tr!("dir-reviewed-date", value = shown),
                Some(tr!("dir-reviewed-date-hint")),
            );
            return None;
        };
        if let Some(today) = self.rules.today {
            if date > today {
                self.error(
                    node.location,
                    path,
                    tr!(
                        "dir-reviewed-future",
                        date = date.to_string(),
                        today = today.to_string()
                    ),
                    Some(tr!("dir-reviewed-future-hint")),
                );
                return None;
            }
            if today.days_since(date) > super::REVIEW_MAX_DAYS {
                self.warn(
                    node.location,
                    path,
                    tr!("dir-reviewed-old", date = date.to_string()),
                    tr!("dir-reviewed-old-hint"),
                );
            }
        }
        Some(date)
    }

    fn address(&mut self, node: &Node, path: &str, home: Option<&str>) -> Option<Address> {
        const KEYS: [&str; 4] = ["street", "postal_code", "city", "country"];
        let Some(keys) = map_entries(node) else {
            self.error(
                node.location,
                path,
                tr!("dir-map-expected", found = node.value.kind()),
                Some(tr!("dir-address-hint")),
            );
            return None;
        };
        for (k, loc, _) in &keys {
            if !KEYS.contains(k) {
                let hint = match did_you_mean(k, KEYS) {
                    Some(m) => tr!("dir-did-you-mean", name = m),
                    None => tr!("dir-allowed", names = KEYS.join(", ")),
                };
                self.error(
                    *loc,
                    &join(path, k),
                    tr!("dir-unknown-key", key = *k),
                    Some(hint),
                );
            }
        }
        for field in ["street", "city", "country"] {
            if node.get(field).is_none() {
                self.error(
                    node.location,
                    &join(path, field),
                    tr!("dir-address-missing", field = field),
                    Some(tr!("dir-address-missing-hint")),
                );
            }
        }
        let street = node
            .get("street")
            .and_then(|n| self.text(n, &join(path, "street")));
        let postal_code = match node.get("postal_code") {
            Some(n) => Some(self.text(n, &join(path, "postal_code"))?),
            None => None,
        };
        let city = node
            .get("city")
            .and_then(|n| self.text(n, &join(path, "city")));
        let country = node
            .get("country")
            .and_then(|n| self.country(n, &join(path, "country")));
        if let (Some(c), Some(home), Some(n)) = (&country, home, node.get("country"))
            && c != home
        {
            self.error(
                n.location,
                &join(path, "country"),
                tr!("dir-address-country", address = c.as_str(), country = home),
                Some(tr!("dir-address-country-hint")),
            );
            return None;
        }
        Some(Address {
            street: street?,
            postal_code,
            city: city?,
            country: country?,
        })
    }

    fn locations(&mut self, node: &Node, path: &str) -> Option<Vec<String>> {
        let items = match &node.value {
            Value::Seq(items) if !items.is_empty() => items,
            _ => {
                self.error(
                    node.location,
                    path,
                    tr!("dir-locations"),
                    Some(tr!("dir-locations-hint")),
                );
                return None;
            }
        };
        let mut out: Vec<String> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match self.country(item, &p) {
                Some(c) if out.contains(&c) => {
                    self.error(
                        item.location,
                        &p,
                        tr!("dir-listed-twice", code = c.as_str()),
                        Some(tr!("dir-listed-twice-hint")),
                    );
                    ok = false;
                }
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A boolean under `key` of a map that must have it.
    fn flag(&mut self, node: &Node, path: &str, key: &str) -> Option<bool> {
        let p = join(path, key);
        match node.get(key) {
            Some(Node {
                value: Value::Bool(b),
                ..
            }) => Some(*b),
            Some(n) => {
                self.error(
                    n.location,
                    &p,
                    tr!("dir-bool", found = n.value.kind()),
                    Some(tr!("dir-bool-hint")),
                );
                None
            }
            None => {
                self.missing(node, path, key);
                None
            }
        }
    }

    /// Only these keys in a map; `shape` is the hint showing how it is written.
    fn only_keys(&mut self, node: &Node, path: &str, allowed: &[&str], shape: &str) -> bool {
        let Some(keys) = map_entries(node) else {
            self.error(
                node.location,
                path,
                tr!("dir-map-expected", found = node.value.kind()),
                Some(shape.to_string()),
            );
            return false;
        };
        let mut ok = true;
        for (k, loc, _) in &keys {
            if !allowed.contains(k) {
                self.error(
                    *loc,
                    &join(path, k),
                    tr!("dir-unknown-key", key = *k),
                    Some(shape.to_string()),
                );
                ok = false;
            }
        }
        ok
    }

    fn dpf(&mut self, node: &Node, path: &str) -> Option<Dpf> {
        if !self.only_keys(node, path, &["certified", "entity"], &tr!("dir-dpf-hint")) {
            return None;
        }
        let certified = self.flag(node, path, "certified")?;
        let entity = match node.get("entity") {
            Some(n) => Some(self.text(n, &join(path, "entity"))?),
            None => None,
        };
        if certified && entity.is_none() {
            self.error(
                node.location,
                &join(path, "entity"),
                tr!("dir-dpf-entity"),
                Some(tr!("dir-dpf-hint")),
            );
            return None;
        }
        Some(Dpf { certified, entity })
    }

    fn dpa(&mut self, node: &Node, path: &str) -> Option<DpaOffer> {
        if !self.only_keys(node, path, &["offered", "how"], &tr!("dir-dpa-hint")) {
            return None;
        }
        let offered = self.flag(node, path, "offered")?;
        let how = match node.get("how") {
            Some(n) => {
                let how = self.bilingual(n, &join(path, "how"))?;
                if !offered {
                    self.error(
                        n.location,
                        &join(path, "how"),
                        tr!("dir-dpa-how"),
                        Some(tr!("dir-dpa-hint")),
                    );
                    return None;
                }
                Some(how)
            }
            None => None,
        };
        Some(DpaOffer { offered, how })
    }

    /// The transfer map. `has_locations` says whether the entry has a `locations` key;
    /// `locations` is its value if valid.
    fn transfer(
        &mut self,
        node: &Node,
        path: &str,
        has_locations: bool,
        locations: Option<&[String]>,
        certified: bool,
    ) -> Vec<(String, TransferBasis)> {
        let keys = match map_entries(node) {
            Some(k) if !k.is_empty() => k,
            _ => {
                self.error(
                    node.location,
                    path,
                    tr!("dir-transfer"),
                    Some(tr!("dir-transfer-hint")),
                );
                return Vec::new();
            }
        };
        if !has_locations {
            self.error(
                node.location,
                path,
                tr!("dir-transfer-no-locations"),
                Some(tr!("dir-transfer-no-locations-hint")),
            );
        }
        let mut out = Vec::new();
        for (code, loc, value) in keys {
            let p = join(path, code);
            let key_node = Node {
                value: Value::Str(code.to_string()),
                location: loc,
            };
            let Some(code) = self.country(&key_node, &p) else {
                continue;
            };
            let Some(country) = self.cats.country(&code) else {
                continue;
            };
            let mut ok = true;
            if let Some(locs) = locations
                && !locs.contains(&code)
            {
                self.error(
                    loc,
                    &p,
                    tr!(
                        "dir-transfer-not-location",
                        code = code.as_str(),
                        locations = locs.join(", ")
                    ),
                    Some(tr!("dir-transfer-not-location-hint")),
                );
                ok = false;
            }
            if country.eea {
                self.error(
                    loc,
                    &p,
                    tr!("dir-transfer-eea", code = code.as_str()),
                    Some(tr!("dir-transfer-eea-hint")),
                );
                ok = false;
            }
            let basis = match &value.value {
                Value::Str(s) => TransferBasis::from_id(s),
                _ => None,
            };
            let Some(basis) = basis else {
                let shown = match &value.value {
                    Value::Str(s) => s.clone(),
                    v => v.kind().to_string(),
                };
                let ids: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.id()).collect();
                let hint = match did_you_mean(&shown, ids.iter().copied()) {
                    Some(m) => tr!("dir-did-you-mean", name = m),
                    None => tr!("dir-allowed", names = ids.join(", ")),
                };
                self.error(
                    value.location,
                    &p,
                    tr!("dir-transfer-basis", basis = shown),
                    Some(hint),
                );
                continue;
            };
            match basis {
                TransferBasis::Dpf if !country.dpf => {
                    self.error(
                        value.location,
                        &p,
                        tr!("dir-transfer-dpf-country", code = code.as_str()),
                        Some(tr!("dir-transfer-dpf-country-hint")),
                    );
                    ok = false;
                }
                TransferBasis::Dpf if !certified => {
                    self.error(
                        value.location,
                        &p,
                        tr!("dir-transfer-dpf-certified"),
                        Some(tr!("dir-dpf-hint")),
                    );
                    ok = false;
                }
                TransferBasis::Adequacy if !country.adequacy => {
                    self.error(
                        value.location,
                        &p,
                        tr!("dir-transfer-adequacy", code = code.as_str()),
                        Some(tr!("dir-transfer-adequacy-hint")),
                    );
                    ok = false;
                }
                _ => {}
            }
            if ok {
                out.push((code, basis));
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
