//! Which values a merged contract inherits: one rule for batch files (an entry over the
//! `defaults`) and the controllers CSV (a row over the base contract).
//!
//! Maps merge key by key, lists and single values in the entry replace the inherited ones
//! ([`yaml::merge`]), with one exception: **values that belong to a party follow that
//! party.** When the entry names a different controller (its `controller.name` differs
//! from the inherited one), nothing of the inherited controller's side is kept: not the
//! controller map, not `instructions.controller_persons`, not the controller's signatories.
//! They come from the entry, else from the defaults a single contract has (the
//! representative as the person who gives instructions and signs). The same holds for the
//! processor. One client's people never reach another client's contract.
//!
//! [`PARTY_OWNED`] is the one list of places that belong to a party; every merge reads it.
//! A test walks the shape of the contract file and fails if a field holding a person's data
//! is neither in it nor in [`SHARED_PERSON_DATA`] (with the reason it may be shared).

use super::yaml::{self, Node, Value};
use crate::error::Location;

/// A side of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// The controller (Auftraggeber).
    Controller,
    /// The processor (Auftragnehmer).
    Processor,
}

impl Party {
    /// Both parties.
    pub const ALL: [Party; 2] = [Party::Controller, Party::Processor];

    /// The key of the party in a contract file and in `signatories[].party`.
    pub fn key(self) -> &'static str {
        match self {
            Party::Controller => "controller",
            Party::Processor => "processor",
        }
    }
}

/// The places in a contract file that hold one party's data, with `{party}` standing for
/// `controller` or `processor`. A path ending in `[party={party}]` means the items of that
/// list whose `party` is the party. Add every new party-side field here (a breach
/// notification address, a second contact): the merges then keep it with its party.
pub const PARTY_OWNED: &[&str] = &[
    "{party}",
    "instructions.{party}_persons",
    "signatories[party={party}]",
];

/// Fields holding people's or businesses' data that are *not* a party's, with the reason
/// they may be inherited by every contract of a batch.
pub const SHARED_PERSON_DATA: &[(&str, &str)] = &[(
    "subprocessors.list[]",
    "a subprocessor's data: the processor engages the same subprocessors for every client",
)];

/// One party-owned place, resolved for a party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The value at a dotted key path (`instructions.controller_persons`).
    Key(String),
    /// The items of the list at a key path whose `party` is the party (`signatories`).
    Items(String),
}

impl Place {
    /// The key path of the value or list.
    pub fn path(&self) -> &str {
        match self {
            Place::Key(p) | Place::Items(p) => p,
        }
    }
}

/// The places of [`PARTY_OWNED`] for one party.
pub fn places(party: Party) -> Vec<Place> {
    PARTY_OWNED
        .iter()
        .map(|p| {
            let p = p.replace("{party}", party.key());
            match p.strip_suffix(&format!("[party={}]", party.key())) {
                Some(list) => Place::Items(list.to_string()),
                None => Place::Key(p),
            }
        })
        .collect()
}

/// Whether `over` names a party other than the one in `base` (a `name` that differs, or a
/// party where `base` has none).
pub fn names_other_party(base: &Node, over: &Node, party: Party) -> bool {
    let name = |n: &Node| match n.get(party.key()).and_then(|p| p.get("name")) {
        Some(Node {
            value: Value::Str(s),
            ..
        }) => Some(s.trim().to_string()),
        Some(_) => Some(String::new()),
        None => None,
    };
    match name(over) {
        Some(new) => name(base).is_none_or(|old| old != new),
        None => false,
    }
}

/// Merges a contract entry (a batch-file entry, a CSV row) over what it inherits (the
/// defaults, a base contract), keeping each party's values with that party (see the
/// module documentation). Signatories merge per party: the entry's signatories of a party
/// replace the inherited ones of that party; a party the entry replaces without naming a
/// signatory is signed for by its representative, in its city.
pub fn merge_contract(base: &Node, over: &Node) -> Node {
    let mut base = base.clone();
    let replaced: Vec<Party> = Party::ALL
        .into_iter()
        .filter(|&p| names_other_party(&base, over, p))
        .collect();
    for &party in &replaced {
        for place in places(party) {
            remove(&mut base, &place, party);
        }
    }
    let inherited_signatories = base.find("signatories").cloned();
    let mut merged = yaml::merge(&base, over);
    let signatories = merge_signatories(inherited_signatories.as_ref(), over.get("signatories"));
    let signatories = with_default_signatories(signatories, &merged, &replaced);
    if let Some(s) = signatories {
        set(&mut merged, "signatories", s);
    }
    merged
}

/// The signatories: the entry's, plus the inherited ones of every party the entry names no
/// signatory for. `None` if neither has any.
fn merge_signatories(inherited: Option<&Node>, entry: Option<&Node>) -> Option<Node> {
    let (Some(entry), Some(inherited)) = (entry, inherited) else {
        return entry.or(inherited).cloned();
    };
    let (Value::Seq(new), Value::Seq(old)) = (&entry.value, &inherited.value) else {
        return Some(entry.clone());
    };
    let mut items = new.clone();
    for party in Party::ALL {
        if !new.iter().any(|s| is_of(s, party)) {
            items.extend(old.iter().filter(|s| is_of(s, party)).cloned());
        }
    }
    Some(Node {
        value: Value::Seq(items),
        location: entry.location,
    })
}

/// Adds a signatory (the representative, in the party's city) for each replaced party
/// that has none.
fn with_default_signatories(sigs: Option<Node>, merged: &Node, replaced: &[Party]) -> Option<Node> {
    let mut sigs = sigs;
    for &party in replaced {
        let has = match sigs.as_ref().map(|s| &s.value) {
            Some(Value::Seq(items)) => items.iter().any(|s| is_of(s, party)),
            Some(_) => true, // not a list: the validator reports it
            None => false,
        };
        if has {
            continue;
        }
        let Some(default) = representative_signatory(merged, party) else {
            continue;
        };
        match &mut sigs {
            Some(Node {
                value: Value::Seq(items),
                ..
            }) => items.push(default),
            _ => {
                sigs = Some(Node {
                    location: default.location,
                    value: Value::Seq(vec![default]),
                })
            }
        }
    }
    sigs
}

/// `{ party, name, role, place }` from the party's representative and city.
fn representative_signatory(merged: &Node, party: Party) -> Option<Node> {
    let p = merged.get(party.key())?;
    let rep = p.get("representative")?;
    let name = rep.get("name")?;
    let loc = rep.location;
    let mut entries = vec![
        (str_node("party", loc), str_node(party.key(), loc)),
        (str_node("name", loc), name.clone()),
    ];
    if let Some(role) = rep.get("role") {
        entries.push((str_node("role", loc), role.clone()));
    }
    if let Some(city) = p.get("address").and_then(|a| a.get("city")) {
        entries.push((str_node("place", loc), city.clone()));
    }
    Some(Node {
        value: Value::Map(entries),
        location: loc,
    })
}

/// Whether a list item is a map whose `party` is `party`.
pub fn is_of(item: &Node, party: Party) -> bool {
    matches!(item.get("party").map(|p| &p.value), Some(Value::Str(s)) if s.trim() == party.key())
}

/// Removes a party-owned place from a tree (an emptied parent map stays).
pub fn remove(root: &mut Node, place: &Place, party: Party) {
    let path = place.path();
    let (parent, key) = match path.rfind('.') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    let Some(parent) = find_mut(root, parent) else {
        return;
    };
    let Value::Map(entries) = &mut parent.value else {
        return;
    };
    match place {
        Place::Key(_) => entries.retain(|(k, _)| !is_key(k, key)),
        Place::Items(_) => {
            if let Some((_, list)) = entries.iter_mut().find(|(k, _)| is_key(k, key))
                && let Value::Seq(items) = &mut list.value
            {
                items.retain(|s| !is_of(s, party));
            }
        }
    }
}

/// Where a party-owned place is written in a tree, if it holds anything there.
pub fn locate(root: &Node, place: &Place, party: Party) -> Option<Location> {
    let node = root.find(place.path())?;
    match place {
        Place::Key(_) => Some(node.location),
        Place::Items(_) => match &node.value {
            Value::Seq(items) => items.iter().find(|s| is_of(s, party)).map(|s| s.location),
            _ => None,
        },
    }
}

fn is_key(k: &Node, key: &str) -> bool {
    matches!(&k.value, Value::Str(s) if s == key)
}

fn find_mut<'a>(root: &'a mut Node, path: &str) -> Option<&'a mut Node> {
    let mut node = root;
    for key in path.split('.').filter(|k| !k.is_empty()) {
        let Value::Map(entries) = &mut node.value else {
            return None;
        };
        node = entries
            .iter_mut()
            .find(|(k, _)| is_key(k, key))
            .map(|(_, v)| v)?;
    }
    Some(node)
}

/// Sets `key` of a map node (replacing or appending).
fn set(root: &mut Node, key: &str, value: Node) {
    if let Value::Map(entries) = &mut root.value {
        match entries.iter_mut().find(|(k, _)| is_key(k, key)) {
            Some((_, v)) => *v = value,
            None => entries.push((str_node(key, value.location), value)),
        }
    }
}

fn str_node(s: &str, location: Location) -> Node {
    Node {
        value: Value::Str(s.to_string()),
        location,
    }
}

#[cfg(test)]
#[path = "inherit_tests.rs"]
mod tests;
