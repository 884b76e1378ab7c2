//! Writes a [`Form`] as a contract file, format 1: the same shape as the examples and the
//! batch input, deterministic, with every user text in double quotes and escaped, so that
//! names with `:`, `#`, quotes, brackets or line breaks stay text.

use std::fmt::Write as _;

use super::form::{
    AddressForm, DurationForm, Form, ItemForm, PartyForm, PersonForm, SubprocessorForm,
};

/// Lines longer than this are wrapped inside flow lists.
const WIDTH: usize = 96;

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

/// An id from a fixed set (catalog id, choice): plain when it is a lower-case word that YAML
/// reads as text, else quoted.
pub fn id(s: &str) -> String {
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !matches!(
            s,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain { s.to_string() } else { quote(s) }
}

/// `[a, b, c]`, wrapped after `WIDTH` columns with continuation lines at `indent + 4`.
fn flow_list(out: &mut String, indent: usize, key: &str, items: &[String]) {
    let pad = " ".repeat(indent);
    let mut line = format!("{pad}{key}: [");
    let cont = " ".repeat(indent + 4);
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.clone()
        };
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

fn flow_map(pairs: &[(&str, String)]) -> String {
    let inner: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{{ {} }}", inner.join(", "))
}

fn address(a: &AddressForm) -> String {
    flow_map(&[
        ("street", quote(&a.street)),
        ("postal_code", quote(&a.postal_code)),
        ("city", quote(&a.city)),
        ("country", quote(&a.country)),
    ])
}

fn person(p: &PersonForm) -> String {
    let mut pairs = vec![("name", quote(&p.name))];
    if let Some(r) = &p.role {
        pairs.push(("role", quote(r)));
    }
    if let Some(e) = &p.email {
        pairs.push(("email", quote(e)));
    }
    if let Some(ph) = &p.phone {
        pairs.push(("phone", quote(ph)));
    }
    flow_map(&pairs)
}

fn party(out: &mut String, key: &str, p: &PartyForm) {
    let _ = writeln!(out, "{key}:");
    let _ = writeln!(out, "  name: {}", quote(&p.name));
    let _ = writeln!(out, "  address: {}", address(&p.address));
    if let Some(r) = &p.register {
        let _ = writeln!(out, "  register: {}", quote(r));
    }
    let _ = writeln!(out, "  representative: {}", person(&p.representative));
    if let Some(c) = &p.contact {
        let _ = writeln!(out, "  contact: {}", person(c));
    }
    if let Some(d) = &p.dpo {
        let _ = writeln!(out, "  dpo: {}", person(d));
    }
}

fn items(list: &[ItemForm]) -> Vec<String> {
    list.iter()
        .map(|i| match i {
            ItemForm::Id(s) => id(s),
            ItemForm::Text(t) => flow_map(&[("text", quote(t))]),
        })
        .collect()
}

fn ids(list: &[String]) -> Vec<String> {
    list.iter().map(|s| id(s)).collect()
}

fn quoted(list: &[String]) -> Vec<String> {
    list.iter().map(|s| quote(s)).collect()
}

fn persons(out: &mut String, key: &str, list: &[PersonForm]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {key}:");
    for p in list {
        let _ = writeln!(out, "    - {}", person(p));
    }
}

fn subprocessor(out: &mut String, s: &SubprocessorForm) {
    let _ = writeln!(out, "    - name: {}", quote(&s.name));
    let _ = writeln!(out, "      address: {}", address(&s.address));
    let _ = writeln!(out, "      service: {}", quote(&s.service));
    flow_list(out, 6, "locations", &quoted(&s.locations));
    if let Some(t) = &s.transfer {
        let _ = writeln!(out, "      transfer: {}", id(t));
    }
}

/// The contract file for a form.
pub fn to_yaml(f: &Form) -> String {
    let mut out = String::new();
    out.push_str("# Contract file (dpagen format 1), written by `dpa new`.\n");
    out.push_str("# Render it with `dpa render FILE`; edit it with `dpa new --from FILE`.\n");
    out.push_str("format: 1\n");
    let _ = writeln!(out, "language: {}", id(&f.language));
    if let Some(i) = &f.id {
        let _ = writeln!(out, "id: {}", quote(i));
    }
    if let Some(d) = &f.effective_date {
        let _ = writeln!(out, "effective_date: {}", quote(d));
    }
    if let Some(m) = &f.main_agreement {
        out.push_str("main_agreement:\n");
        let _ = writeln!(out, "  title: {}", quote(&m.title));
        if let Some(d) = &m.date {
            let _ = writeln!(out, "  date: {}", quote(d));
        }
    }
    out.push('\n');
    party(&mut out, "controller", &f.controller);
    party(&mut out, "processor", &f.processor);
    out.push('\n');

    let p = &f.processing;
    out.push_str("processing:\n");
    let _ = writeln!(out, "  subject_matter: {}", quote(&p.subject_matter));
    let _ = writeln!(out, "  purpose: {}", quote(&p.purpose));
    let duration = match &p.duration {
        DurationForm::MainAgreement => flow_map(&[("type", "main_agreement".into())]),
        DurationForm::Fixed { until } => {
            flow_map(&[("type", "fixed".into()), ("until", quote(until))])
        }
        DurationForm::Indefinite { notice } => {
            let mut pairs = vec![("type", "indefinite".to_string())];
            if let Some(n) = notice {
                pairs.push(("notice", quote(n)));
            }
            flow_map(&pairs)
        }
    };
    let _ = writeln!(out, "  duration: {duration}");
    flow_list(&mut out, 2, "operations", &ids(&p.operations));
    flow_list(&mut out, 2, "data_categories", &items(&p.data_categories));
    flow_list(
        &mut out,
        2,
        "special_categories",
        &ids(&p.special_categories),
    );
    let _ = writeln!(out, "  criminal_offence_data: {}", p.criminal_offence_data);
    flow_list(&mut out, 2, "data_subjects", &items(&p.data_subjects));
    flow_list(&mut out, 2, "locations", &quoted(&p.locations));
    if let Some(t) = &p.transfer {
        let _ = writeln!(out, "  transfer: {}", id(t));
    }
    out.push('\n');

    let i = &f.instructions;
    out.push_str("instructions:\n");
    let _ = writeln!(out, "  form: {}", id(&i.form));
    persons(&mut out, "controller_persons", &i.controller_persons);
    persons(&mut out, "processor_persons", &i.processor_persons);
    out.push('\n');

    let s = &f.security;
    out.push_str("security:\n");
    flow_list(&mut out, 2, "measures", &ids(&s.measures));
    if s.custom.is_empty() {
        out.push_str("  custom: []\n");
    } else {
        out.push_str("  custom:\n");
        for c in &s.custom {
            let _ = writeln!(
                out,
                "    - {}",
                flow_map(&[("area", id(&c.area)), ("text", quote(&c.text))])
            );
        }
    }
    flow_list(&mut out, 2, "certifications", &quoted(&s.certifications));
    out.push('\n');

    let sp = &f.subprocessors;
    out.push_str("subprocessors:\n");
    let _ = writeln!(out, "  authorisation: {}", id(&sp.authorisation));
    let _ = writeln!(out, "  notice_days: {}", sp.notice_days);
    if sp.list.is_empty() {
        out.push_str("  list: []\n");
    } else {
        out.push_str("  list:\n");
        for s in &sp.list {
            subprocessor(&mut out, s);
        }
    }
    out.push('\n');

    let t = &f.terms;
    out.push_str("terms:\n");
    let _ = writeln!(
        out,
        "  breach_notification_hours: {}",
        t.breach_notification_hours
    );
    let _ = writeln!(
        out,
        "  audits: {}",
        flow_map(&[
            ("notice_days", t.audit_notice_days.to_string()),
            ("on_site", t.audit_on_site.to_string()),
        ])
    );
    let _ = writeln!(
        out,
        "  end_of_processing: {}",
        flow_map(&[
            ("choice", id(&t.end_choice)),
            ("days", t.end_days.to_string()),
        ])
    );
    let _ = writeln!(out, "  liability: {}", id(&t.liability));
    if let Some(cap) = t.liability_cap_eur {
        let _ = writeln!(out, "  liability_cap_eur: {cap}");
    }
    if let Some(law) = &t.governing_law {
        let _ = writeln!(out, "  governing_law: {}", quote(law));
    }
    if let Some(j) = &t.jurisdiction {
        let _ = writeln!(out, "  jurisdiction: {}", quote(j));
    }
    out.push('\n');

    out.push_str("options:\n");
    for (key, on) in f.options.flags() {
        let _ = writeln!(out, "  {key}: {on}");
    }
    if let Some(p) = f.options.contractual_penalty_eur {
        let _ = writeln!(out, "  contractual_penalty_eur: {p}");
    }
    out.push('\n');

    if f.signatories.is_empty() {
        // Not a valid contract, but a readable one: the loader says what is missing.
        out.push_str("signatories: []\n");
    } else {
        out.push_str("signatories:\n");
    }
    for s in &f.signatories {
        let mut pairs = vec![("party", id(&s.party)), ("name", quote(&s.name))];
        if let Some(r) = &s.role {
            pairs.push(("role", quote(r)));
        }
        if let Some(pl) = &s.place {
            pairs.push(("place", quote(pl)));
        }
        let _ = writeln!(out, "  - {}", flow_map(&pairs));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::input::parse_contract;

    fn load(path: &Path) -> crate::model::Contract {
        let text = std::fs::read_to_string(path).expect("read example");
        parse_contract(path, text)
            .expect("example is valid")
            .contract
    }

    #[test]
    fn every_example_survives_open_and_save_unchanged() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).expect("examples/") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let before = load(&path);
            let yaml = to_yaml(&Form::from_contract(&before));
            let after = parse_contract(Path::new("saved.yaml"), yaml.clone())
                .unwrap_or_else(|e| {
                    panic!("{}: written file is invalid: {e}\n{yaml}", path.display())
                })
                .contract;
            assert_eq!(before, after, "{}\n{yaml}", path.display());
            // Saving again gives the same bytes.
            assert_eq!(yaml, to_yaml(&Form::from_contract(&after)));
            n += 1;
        }
        assert!(n >= 3, "found {n} examples");
    }

    #[test]
    fn hostile_text_stays_text() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/dental-practice.yaml");
        let mut form = Form::from_contract(&load(&path));
        let nasty = [
            "ACME: \"Quotes\" & 'single' #not-a-comment {x} [y] *alias &anchor !tag %dir @at `tick`",
            "- starts like a list",
            "? question: key",
            "| block > folded",
            "line one\nline two\twith tab \\ backslash",
            "null",
            "true",
            "0123",
            "NO",
            "~",
            "Zahnärzte — Köln ✓ 東京",
        ];
        for (i, n) in nasty.iter().enumerate() {
            form.controller.name = n.to_string();
            form.processing.purpose = format!("{n} {i}");
            form.processing
                .data_categories
                .push(ItemForm::Text(n.to_string()));
            form.security.certifications = vec![n.to_string()];
            let yaml = to_yaml(&form);
            let c = parse_contract(Path::new("nasty.yaml"), yaml.clone())
                .unwrap_or_else(|e| panic!("{n:?}: {e}\n{yaml}"))
                .contract;
            assert_eq!(c.controller.name, *n, "{yaml}");
            assert_eq!(c.processing.purpose, format!("{n} {i}"));
            assert_eq!(c.security.certifications, vec![n.to_string()]);
            assert_eq!(Form::from_contract(&c), form, "{yaml}");
        }
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
        let mut out = String::new();
        let items: Vec<String> = (0..40).map(|i| format!("item_{i}")).collect();
        flow_list(&mut out, 2, "measures", &items);
        assert!(out.lines().count() > 1);
        assert!(
            out.lines().all(|l| l.chars().count() <= WIDTH + 12),
            "{out}"
        );
        let node = crate::input::yaml::parse(&format!("x:\n{out}")).expect("valid yaml");
        let list = node.find("x.measures").expect("list");
        assert!(matches!(&list.value, crate::input::yaml::Value::Seq(v) if v.len() == 40));
    }
}
