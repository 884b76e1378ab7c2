//! Turns a [`Form`] into the tree of a contract file (format 1) and writes it with the
//! one contract-file writer, [`crate::input::write`]: the same layout as the examples and
//! as the merged contracts of `dpa batch`, deterministic, every user text double-quoted.

use super::form::{
    AddressForm, DurationForm, Form, ItemForm, PartyForm, PersonForm, SubprocessorForm,
    TransferForm,
};
use crate::input::write::build::{bool, int, map, seq, text, texts};
use crate::input::write::contract_file;
use crate::input::yaml::Node;

fn address(a: &AddressForm) -> Node {
    let mut pairs = vec![("street", text(&a.street))];
    if !a.postal_code.trim().is_empty() {
        pairs.push(("postal_code", text(&a.postal_code)));
    }
    pairs.push(("city", text(&a.city)));
    if let Some(r) = &a.region {
        pairs.push(("region", text(r)));
    }
    pairs.push(("country", text(&a.country)));
    map(pairs)
}

fn person(p: &PersonForm) -> Node {
    let mut pairs = vec![("name", text(&p.name))];
    if let Some(r) = &p.role {
        pairs.push(("role", text(r)));
    }
    if let Some(e) = &p.email {
        pairs.push(("email", text(e)));
    }
    if let Some(ph) = &p.phone {
        pairs.push(("phone", text(ph)));
    }
    map(pairs)
}

fn party(p: &PartyForm) -> Node {
    let mut pairs = vec![("name", text(&p.name)), ("address", address(&p.address))];
    if let Some(r) = &p.register {
        pairs.push(("register", text(r)));
    }
    pairs.push(("representative", person(&p.representative)));
    if let Some(c) = &p.contact {
        pairs.push(("contact", person(c)));
    }
    if let Some(d) = &p.dpo {
        pairs.push(("dpo", person(d)));
    }
    if let Some(n) = p.staff_processing_data {
        pairs.push(("staff_processing_data", int(n)));
    }
    map(pairs)
}

fn items(list: &[ItemForm]) -> Node {
    seq(list
        .iter()
        .map(|i| match i {
            ItemForm::Id(s) => text(s),
            ItemForm::Text(t) => map(vec![("text", text(t))]),
        })
        .collect())
}

fn transfer(t: &TransferForm) -> Node {
    match t {
        TransferForm::One(b) => text(b),
        TransferForm::PerLocation(entries) => {
            map(entries.iter().map(|(l, b)| (l.as_str(), text(b))).collect())
        }
    }
}

fn subprocessor(s: &SubprocessorForm) -> Node {
    let mut pairs = vec![
        ("name", text(&s.name)),
        ("address", address(&s.address)),
        ("service", text(&s.service)),
        ("locations", texts(&s.locations)),
    ];
    if let Some(t) = &s.transfer {
        pairs.push(("transfer", transfer(t)));
    }
    map(pairs)
}

/// The tree of the contract file for a form, keys in the order of the examples.
pub fn to_node(f: &Form) -> Node {
    let mut top = vec![("format", int(1)), ("language", text(&f.language))];
    if let Some(i) = &f.id {
        top.push(("id", text(i)));
    }
    if let Some(d) = &f.effective_date {
        top.push(("effective_date", text(d)));
    }
    if let Some(m) = &f.main_agreement {
        let mut pairs = vec![("title", text(&m.title))];
        if let Some(d) = &m.date {
            pairs.push(("date", text(d)));
        }
        top.push(("main_agreement", map(pairs)));
    }
    top.push(("controller", party(&f.controller)));
    top.push(("processor", party(&f.processor)));

    let p = &f.processing;
    let duration = match &p.duration {
        DurationForm::MainAgreement => map(vec![("type", text("main_agreement"))]),
        DurationForm::Fixed { until } => map(vec![("type", text("fixed")), ("until", text(until))]),
        DurationForm::Indefinite { notice } => {
            let mut pairs = vec![("type", text("indefinite"))];
            if let Some(n) = notice {
                pairs.push(("notice", text(n)));
            }
            map(pairs)
        }
    };
    let mut processing = vec![
        ("subject_matter", text(&p.subject_matter)),
        ("purpose", text(&p.purpose)),
        ("duration", duration),
        ("operations", texts(&p.operations)),
        ("data_categories", items(&p.data_categories)),
        ("special_categories", texts(&p.special_categories)),
        ("criminal_offence_data", bool(p.criminal_offence_data)),
        ("data_subjects", items(&p.data_subjects)),
        ("locations", texts(&p.locations)),
    ];
    if let Some(t) = &p.transfer {
        processing.push(("transfer", transfer(t)));
    }
    top.push(("processing", map(processing)));

    let i = &f.instructions;
    let mut instructions = vec![("form", text(&i.form))];
    if !i.controller_persons.is_empty() {
        instructions.push((
            "controller_persons",
            seq(i.controller_persons.iter().map(person).collect()),
        ));
    }
    if !i.processor_persons.is_empty() {
        instructions.push((
            "processor_persons",
            seq(i.processor_persons.iter().map(person).collect()),
        ));
    }
    top.push(("instructions", map(instructions)));

    let s = &f.security;
    let mut security = vec![
        ("measures", texts(&s.measures)),
        (
            "custom",
            seq(s
                .custom
                .iter()
                .map(|c| map(vec![("area", text(&c.area)), ("text", text(&c.text))]))
                .collect()),
        ),
        ("certifications", texts(&s.certifications)),
    ];
    if let Some(d) = &s.as_of {
        security.push(("as_of", text(d)));
    }
    if let Some(v) = &s.version {
        security.push(("version", text(v)));
    }
    top.push(("security", map(security)));

    let sp = &f.subprocessors;
    top.push((
        "subprocessors",
        map(vec![
            ("authorisation", text(&sp.authorisation)),
            ("notice_days", int(sp.notice_days)),
            ("list", seq(sp.list.iter().map(subprocessor).collect())),
        ]),
    ));

    let t = &f.terms;
    let mut terms = vec![
        (
            "breach_notification_hours",
            int(t.breach_notification_hours),
        ),
        (
            "audits",
            map(vec![
                ("notice_days", int(t.audit_notice_days)),
                ("on_site", bool(t.audit_on_site)),
            ]),
        ),
        (
            "end_of_processing",
            map(vec![
                ("choice", text(&t.end_choice)),
                ("days", int(t.end_days)),
            ]),
        ),
        ("liability", text(&t.liability)),
    ];
    if let Some(cap) = t.liability_cap_eur {
        terms.push(("liability_cap_eur", int(cap)));
    }
    if let Some(law) = &t.governing_law {
        terms.push(("governing_law", text(law)));
    }
    if let Some(j) = &t.jurisdiction {
        terms.push(("jurisdiction", text(j)));
    }
    if let Some(m) = &t.scc_member_state {
        terms.push(("scc_member_state", text(m)));
    }
    top.push(("terms", map(terms)));

    let mut options: Vec<(&str, Node)> = f
        .options
        .flags()
        .into_iter()
        .map(|(k, on)| (k, bool(on)))
        .collect();
    if let Some(p) = f.options.contractual_penalty_eur {
        options.push(("contractual_penalty_eur", int(p)));
    }
    top.push(("options", map(options)));

    // An empty list is not a valid contract, but a readable one: the loader says what is
    // missing.
    top.push((
        "signatories",
        seq(f
            .signatories
            .iter()
            .map(|s| {
                let mut pairs = vec![("party", text(&s.party)), ("name", text(&s.name))];
                if let Some(r) = &s.role {
                    pairs.push(("role", text(r)));
                }
                if let Some(pl) = &s.place {
                    pairs.push(("place", text(pl)));
                }
                map(pairs)
            })
            .collect()),
    ));
    map(top)
}

/// The contract file for a form.
pub fn to_yaml(f: &Form) -> String {
    contract_file(
        &to_node(f),
        &[
            "Contract file (dpagen format 1), written by `dpa new`.",
            "Render it with `dpa render FILE`; edit it with `dpa new --from FILE`.",
        ],
    )
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
            if path.extension().is_none_or(|e| e != "yaml")
                || matches!(
                    crate::input::load_any(&path),
                    Ok(crate::input::Loaded::Processor(_))
                )
            {
                continue; // a processor file is no contract for the wizard
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
        for (i, full) in nasty.iter().enumerate() {
            // Line breaks are kept in the purpose; fields of one line refuse them.
            let one_line = full.replace('\n', " ");
            let n = &one_line;
            form.controller.name = n.to_string();
            form.processing.purpose = format!("{full} {i}");
            form.processing
                .data_categories
                .push(ItemForm::Text(n.to_string()));
            form.security.certifications = vec![n.to_string()];
            let yaml = to_yaml(&form);
            let c = parse_contract(Path::new("nasty.yaml"), yaml.clone())
                .unwrap_or_else(|e| panic!("{n:?}: {e}\n{yaml}"))
                .contract;
            assert_eq!(c.controller.name, *n, "{yaml}");
            assert_eq!(c.processing.purpose, format!("{full} {i}"));
            assert_eq!(c.security.certifications, vec![n.to_string()]);
            assert_eq!(Form::from_contract(&c), form, "{yaml}");
        }
    }
}
