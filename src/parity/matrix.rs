//! The matrix of contracts the parity test renders: generated from the clause library
//! itself. Every `when` condition (true and false) and every branch of every `{% if %}`,
//! `{% elif %}` and `{% else %}` (also the empty else of an `if` without one) in both
//! languages becomes a probe; contracts are built from a base contract by applying levers
//! (small changes to one field) until every probe has been taken at least once.
//!
//! A probe is the branch with its enclosing `for` loops and `if` branches rebuilt around a
//! marker, rendered with the same context as the clause. A new branch that no combination
//! of up to three levers reaches fails the test by name, so it cannot go untested.

use std::sync::LazyLock;

use regex::Regex;

use crate::Lang;
use crate::clauses::Library;
use crate::model::*;

/// One branch of one clause in one language.
#[derive(Debug, Clone)]
pub(super) struct Probe {
    /// The clause's language.
    pub(super) lang: Lang,
    /// Where: file and branch.
    pub(super) label: String,
    /// The probe template: prints `HIT` when the branch is taken.
    pub(super) template: String,
}

const HIT: &str = "\u{1}HIT\u{1}";

enum Frame {
    For(String, bool),
    If(Vec<String>, bool),
}

fn open(frames: &[Frame]) -> (String, String) {
    let mut pre = String::new();
    let mut post = String::new();
    for f in frames {
        match f {
            Frame::For(h, else_part) => {
                pre.push_str(&format!("{{% for {h} %}}"));
                if *else_part {
                    pre.push_str("{% else %}");
                }
                post.insert_str(0, "{% endfor %}");
            }
            Frame::If(conds, else_part) => {
                for (i, c) in conds.iter().enumerate() {
                    let kw = if i == 0 { "if" } else { "elif" };
                    // Earlier branches stay empty: only the last one can print the marker.
                    pre.push_str(&format!("{{% {kw} {c} %}}"));
                }
                if *else_part {
                    pre.push_str("{% else %}");
                }
                post.insert_str(0, "{% endif %}");
            }
        }
    }
    (pre, post)
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)\{%-?\s*(.*?)\s*-?%\}").unwrap_or_else(|e| panic!("tag regex: {e}"))
});

/// Every branch of a template body, as probes.
pub(super) fn branches(lang: Lang, file: &str, body: &str) -> Vec<Probe> {
    let mut out = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut record = |frames: &[Frame], what: String| {
        let (pre, post) = open(frames);
        out.push(Probe {
            lang,
            label: format!("{file}: {what}"),
            template: format!("{pre}{HIT}{post}"),
        });
    };
    for cap in TAG.captures_iter(body) {
        let tag = cap[1].trim();
        let (kw, rest) = tag.split_once(' ').unwrap_or((tag, ""));
        match kw {
            "if" => {
                frames.push(Frame::If(vec![rest.to_string()], false));
                record(&frames, format!("`if {rest}`"));
            }
            "elif" => {
                if let Some(Frame::If(conds, _)) = frames.last_mut() {
                    conds.push(rest.to_string());
                }
                record(&frames, format!("`elif {rest}`"));
            }
            "else" => match frames.last_mut() {
                Some(Frame::If(conds, e)) => {
                    *e = true;
                    let first = conds.first().cloned().unwrap_or_default();
                    record(&frames, format!("`else` of `if {first}`"));
                }
                Some(Frame::For(h, e)) => {
                    *e = true;
                    let h = h.clone();
                    record(&frames, format!("`else` of `for {h}`"));
                }
                None => {}
            },
            "endif" => {
                if let Some(Frame::If(conds, false)) = frames.last_mut() {
                    let first = conds.first().cloned().unwrap_or_default();
                    if let Some(Frame::If(_, e)) = frames.last_mut() {
                        *e = true;
                    }
                    record(&frames, format!("no branch of `if {first}` (empty else)"));
                }
                frames.pop();
            }
            "for" => frames.push(Frame::For(rest.to_string(), false)),
            "endfor" => {
                frames.pop();
            }
            _ => {}
        }
    }
    out
}

/// Every probe of the library: the `when` condition both ways and every body branch, in both
/// languages.
pub(super) fn probes(lib: &Library) -> Vec<Probe> {
    let mut out = Vec::new();
    for c in lib.all() {
        let file = &c.file;
        // Parts (`kind: part`) count where a contract clause includes them; the others are
        // the bodies of other documents (the TOM document, the record).
        if c.meta.kind == crate::clauses::Kind::Part && !included(lib, c) {
            continue;
        }
        let w = c.meta.when.trim();
        if w != "always" {
            out.push(Probe {
                lang: c.lang,
                label: format!("{file}: `when: {w}` true"),
                template: format!("{{% if {w} %}}{HIT}{{% endif %}}"),
            });
            out.push(Probe {
                lang: c.lang,
                label: format!("{file}: `when: {w}` false"),
                template: format!("{{% if {w} %}}{{% else %}}{HIT}{{% endif %}}"),
            });
        }
        let body = match c.body.splitn(3, "---").nth(2) {
            Some(b) => b,
            None => &c.body,
        };
        // A branch on the kind of document (`document == "contract"`) is fixed in a contract.
        out.extend(
            branches(c.lang, file, body)
                .into_iter()
                .filter(|p| !p.label.contains("if document ==")),
        );
    }
    out
}

/// Whether a clause of the contract includes a part (`{% include "de/<id>" %}`).
fn included(lib: &Library, part: &crate::clauses::Clause) -> bool {
    let name = format!("\"{}/{}\"", part.lang.code(), part.meta.id);
    lib.clauses(part.lang)
        .any(|c| c.meta.kind != crate::clauses::Kind::Part && c.body.contains(&name))
}

/// The probes a contract takes (indices), in its own language's context.
pub(super) fn taken(lib: &Library, tera: &tera::Tera, which: &[usize], c: &Contract) -> Vec<usize> {
    let Ok((ctx, _)) = crate::assemble::render_context(c, lib) else {
        return Vec::new();
    };
    which
        .iter()
        .copied()
        .filter(|i| {
            tera.render(&format!("p{i}"), &ctx)
                .is_ok_and(|s| s.contains(HIT))
        })
        .collect()
}

/// A change to one field of the contract.
pub(super) type Lever = (&'static str, fn(&mut Contract));

fn sub(name: &str, country: &str, locations: &[&str], transfer: Option<Transfer>) -> Subprocessor {
    Subprocessor {
        name: name.into(),
        address: Address {
            street: "Hauptstraße 5".into(),
            postal_code: Some("10115".into()),
            city: "Berlin".into(),
            region: None,
            country: country.into(),
        },
        service: "Hosting".into(),
        locations: locations.iter().map(|s| s.to_string()).collect(),
        transfer,
        contact: None,
        onward: Vec::new(),
    }
}

fn person(name: &str, email: Option<&str>) -> Person {
    Person {
        name: name.into(),
        role: None,
        email: email.map(str::to_string),
        phone: None,
    }
}

fn per(entries: &[(&str, TransferBasis)]) -> Option<Transfer> {
    Some(Transfer::PerLocation(
        entries.iter().map(|(l, b)| (l.to_string(), *b)).collect(),
    ))
}

/// The levers: each one changes one thing a clause condition looks at.
pub(super) const LEVERS: &[Lever] = &[
    ("duration fixed", |c| {
        c.processing.duration = Duration::Fixed {
            until: Date {
                year: 2030,
                month: 6,
                day: 30,
            },
        }
    }),
    ("duration indefinite with notice", |c| {
        c.processing.duration = Duration::Indefinite {
            notice: Some("zum Quartalsende".into()),
        }
    }),
    ("duration indefinite without notice", |c| {
        c.processing.duration = Duration::Indefinite { notice: None }
    }),
    ("no main agreement", |c| c.main_agreement = None),
    ("main agreement without date", |c| {
        if let Some(m) = &mut c.main_agreement {
            m.date = None;
        }
    }),
    ("effective date", |c| {
        c.effective_date = Some(Date {
            year: 2027,
            month: 1,
            day: 1,
        })
    }),
    ("no effective date", |c| c.effective_date = None),
    ("controller without contact", |c| {
        c.controller.contact = None
    }),
    ("controller contact without e-mail or phone", |c| {
        c.controller.contact = Some(person("Paula Kontakt", None))
    }),
    ("controller with contact, e-mail and phone", |c| {
        c.controller.contact = Some(Person {
            phone: Some("+49 30 1".into()),
            ..person("Paula Kontakt", Some("paula@example.de"))
        })
    }),
    ("controller dpo with e-mail and phone", |c| {
        c.controller.dpo = Some(Person {
            phone: Some("+49 30 2".into()),
            ..person("Datenschutz GmbH", Some("dsb@example.de"))
        })
    }),
    ("controller dpo without e-mail", |c| {
        c.controller.dpo = Some(person("Datenschutz GmbH", None))
    }),
    ("controller without dpo", |c| c.controller.dpo = None),
    ("controller with register", |c| {
        c.controller.register = Some("HRB 1, Amtsgericht Köln".into())
    }),
    ("controller without register", |c| {
        c.controller.register = None
    }),
    ("processor without register", |c| {
        c.processor.register = None
    }),
    ("controller representative without role", |c| {
        c.controller.representative.role = None
    }),
    ("processor without contact", |c| c.processor.contact = None),
    ("processor contact without e-mail or phone", |c| {
        c.processor.contact = Some(person("Peter Kontakt", None))
    }),
    ("processor with contact, e-mail and phone", |c| {
        c.processor.contact = Some(Person {
            phone: Some("+49 30 3".into()),
            ..person("Peter Kontakt", Some("peter@example.de"))
        })
    }),
    ("processor contact with phone only", |c| {
        c.processor.contact = Some(Person {
            phone: Some("+49 30 3".into()),
            ..person("Peter Kontakt", None)
        })
    }),
    ("processor dpo with e-mail and phone", |c| {
        c.processor.dpo = Some(Person {
            phone: Some("+49 30 4".into()),
            ..person("DSB Nord GmbH", Some("dsb@nord.example"))
        })
    }),
    ("processor dpo without e-mail", |c| {
        c.processor.dpo = Some(person("DSB Nord GmbH", None))
    }),
    ("processor with register", |c| {
        c.processor.register = Some("HRB 2, Amtsgericht Köln".into())
    }),
    ("processor representative without role", |c| {
        c.processor.representative.role = None
    }),
    ("no special categories", |c| {
        c.processing.special_categories.clear()
    }),
    ("two special categories", |c| {
        c.processing.special_categories = vec!["health".into(), "genetic".into()]
    }),
    ("criminal offence data", |c| {
        c.processing.criminal_offence_data = true
    }),
    ("no criminal offence data", |c| {
        c.processing.criminal_offence_data = false
    }),
    ("free-text data category and subject", |c| {
        c.processing
            .data_categories
            .push(Item::Text("Freitext".into()));
        c.processing.data_subjects.push(Item::Text("Gäste".into()));
    }),
    ("written instructions", |c| {
        c.instructions.form = InstructionForm::Written
    }),
    ("text instructions", |c| {
        c.instructions.form = InstructionForm::Text
    }),
    ("no authorised persons", |c| {
        c.instructions.controller_persons.clear();
        c.instructions.processor_persons.clear();
    }),
    ("authorised persons without e-mail", |c| {
        c.instructions.controller_persons = vec![person("Anna Auftrag", None)];
        c.instructions.processor_persons = vec![person("Jonas Nehmer", None)];
    }),
    ("certifications", |c| {
        c.security.certifications = vec!["ISO/IEC 27001".into()]
    }),
    ("no certifications", |c| c.security.certifications.clear()),
    ("custom measure, few measures", |c| {
        c.security.measures = vec!["encryption_in_transit".into()];
        c.security.custom = vec![CustomMeasure {
            area: "integrity".into(),
            text: "Vier-Augen-Prinzip".into(),
        }];
    }),
    // The clauses promise only the measures ticked (`"x" in security.measures`).
    ("every measure a clause names", |c| {
        for m in [
            "encryption_in_transit",
            "encryption_at_rest",
            "key_management",
            "pseudonymisation",
            "access_logging",
            "logging_review",
            "staff_training",
            "client_separation",
        ] {
            if !c.security.measures.iter().any(|x| x == m) {
                c.security.measures.push(m.into());
            }
        }
    }),
    ("no measure a clause names", |c| {
        c.security.measures = vec!["role_based_access".into()]
    }),
    ("encryption at rest, pseudonymisation", |c| {
        c.security.measures = vec![
            "encryption_at_rest".into(),
            "pseudonymisation".into(),
            "role_based_access".into(),
        ]
    }),
    ("encryption in transit, client separation", |c| {
        c.security.measures = vec![
            "encryption_in_transit".into(),
            "client_separation".into(),
            "role_based_access".into(),
        ]
    }),
    ("specific authorisation", |c| {
        c.subprocessors.authorisation = Authorisation::Specific
    }),
    ("general authorisation", |c| {
        c.subprocessors.authorisation = Authorisation::General
    }),
    ("no subprocessors", |c| c.subprocessors.list.clear()),
    ("one subprocessor in two EEA countries", |c| {
        c.subprocessors.list = vec![sub("Rechenzentrum GmbH", "DE", &["DE", "FI"], None)]
    }),
    ("subprocessors: SCC, DPF, adequacy, map", |c| {
        c.subprocessors.list = vec![
            sub("Rechenzentrum GmbH", "DE", &["DE"], None),
            sub(
                "Cloud Inc.",
                "US",
                &["US", "IN", "CA"],
                per(&[("US", TransferBasis::Dpf), ("IN", TransferBasis::Scc)]),
            ),
            sub("Support Ltd", "GB", &["GB"], None),
            sub(
                "Mail Inc.",
                "US",
                &["US"],
                Some(Transfer::All(TransferBasis::Scc)),
            ),
        ]
    }),
    ("subprocessor on BCR and derogation", |c| {
        c.subprocessors.list = vec![sub(
            "Group Ltd",
            "SG",
            &["SG", "BR"],
            per(&[
                ("SG", TransferBasis::Bcr),
                ("BR", TransferBasis::Derogation),
            ]),
        )]
    }),
    (
        "subprocessors with contacts and onward subprocessors",
        |c| {
            let mut full = sub(
                "Cloud Inc.",
                "US",
                &["US"],
                per(&[("US", TransferBasis::Dpf)]),
            );
            full.contact = Some(SubContact {
                name: Some("Privacy Team".into()),
                email: Some("privacy@cloud.example".into()),
            });
            full.onward = vec![
                Onward {
                    name: "Data Centre LLC".into(),
                    service: "Hosting".into(),
                    locations: vec!["US".into()],
                },
                Onward {
                    name: "Backup GmbH".into(),
                    service: "Backup".into(),
                    locations: vec!["DE".into(), "AT".into()],
                },
            ];
            let mut named = sub("Rechenzentrum GmbH", "DE", &["DE"], None);
            named.contact = Some(SubContact {
                name: Some("Datenschutzbeauftragter".into()),
                email: None,
            });
            let mut mailed = sub("Support GmbH", "DE", &["DE"], None);
            mailed.contact = Some(SubContact {
                name: None,
                email: Some("dsb@support.example".into()),
            });
            let without = sub("Mail GmbH", "DE", &["DE"], None);
            c.subprocessors.list = vec![full, named, mailed, without];
        },
    ),
    ("subprocessor without a basis", |c| {
        c.subprocessors.list = vec![sub("Cloud Inc.", "US", &["US"], None)]
    }),
    ("subprocessor adequacy only", |c| {
        c.subprocessors.list = vec![sub("Support Ltd", "GB", &["GB", "CH"], None)]
    }),
    ("processor in India on SCC", |c| {
        c.processing.locations = vec!["IN".into()];
        c.processing.transfer = Some(Transfer::All(TransferBasis::Scc));
    }),
    ("processor in the EEA and the US on DPF", |c| {
        c.processing.locations = vec!["DE".into(), "US".into()];
        c.processing.transfer = Some(Transfer::All(TransferBasis::Dpf));
    }),
    ("processor in Switzerland (adequacy)", |c| {
        c.processing.locations = vec!["CH".into()];
        c.processing.transfer = None;
    }),
    ("processor at the EPO (international organisation)", |c| {
        c.processing.locations = vec!["DE".into(), "org:epo".into()];
        c.processing.transfer = None;
    }),
    ("processor with a per-location map", |c| {
        c.processing.locations = vec!["DE".into(), "US".into(), "IN".into(), "JP".into()];
        c.processing.transfer = per(&[("US", TransferBasis::Dpf), ("IN", TransferBasis::Scc)]);
    }),
    ("processor on BCR", |c| {
        c.processing.locations = vec!["SG".into()];
        c.processing.transfer = Some(Transfer::All(TransferBasis::Bcr));
    }),
    ("processor on a derogation", |c| {
        c.processing.locations = vec!["AU".into()];
        c.processing.transfer = Some(Transfer::All(TransferBasis::Derogation));
    }),
    ("processor without a basis", |c| {
        c.processing.locations = vec!["US".into()];
        c.processing.transfer = None;
    }),
    ("processor only in the EEA", |c| {
        c.processing.locations = vec!["DE".into(), "AT".into()];
        c.processing.transfer = None;
    }),
    ("no SCC Member State", |c| c.terms.scc_member_state = None),
    ("no on-site audits", |c| c.terms.audit_on_site = false),
    ("on-site audits", |c| c.terms.audit_on_site = true),
    ("end: delete", |c| c.terms.end_choice = EndChoice::Delete),
    ("end: return", |c| c.terms.end_choice = EndChoice::Return),
    ("end: return then delete", |c| {
        c.terms.end_choice = EndChoice::ReturnThenDelete
    }),
    ("liability capped", |c| {
        c.terms.liability = Liability::Capped;
        c.terms.liability_cap_eur = Some(50_000);
    }),
    ("liability capped without amount", |c| {
        c.terms.liability = Liability::Capped;
        c.terms.liability_cap_eur = None;
    }),
    ("statutory liability", |c| {
        c.terms.liability = Liability::Statutory
    }),
    ("governing law Austria", |c| {
        c.terms.governing_law = "AT".into()
    }),
    ("governing law Germany", |c| {
        c.terms.governing_law = "DE".into()
    }),
    ("no jurisdiction", |c| c.terms.jurisdiction = None),
    ("jurisdiction", |c| {
        c.terms.jurisdiction = Some("Köln".into())
    }),
    ("all options on", |c| {
        c.options = Options {
            remote_maintenance: true,
            data_carrier_disposal: true,
            software_development: true,
            data_outsourcing: true,
            seizure_insolvency_notice: true,
            no_right_of_retention: true,
            professional_secrecy: true,
            contractual_penalty_eur: Some(5_000),
        }
    }),
    ("all options off", |c| c.options = Options::default()),
    ("signatories without role and place", |c| {
        for s in &mut c.signatories {
            s.role = None;
            s.place = None;
        }
    }),
];

/// A contract with the levers named applied, in order.
pub(super) fn build(base: &Contract, levers: &[usize]) -> Contract {
    let mut c = base.clone();
    for &i in levers {
        (LEVERS[i].1)(&mut c);
    }
    c
}

struct Search<'a> {
    lib: &'a Library,
    base: &'a Contract,
    tera: tera::Tera,
    langs: Vec<Lang>,
    uncovered: Vec<usize>,
    chosen: Vec<Vec<usize>>,
}

impl Search<'_> {
    /// Keeps a combination if it takes a probe no earlier one took.
    fn try_combo(&mut self, combo: Vec<usize>, probes: &[Probe]) {
        let c = build(self.base, &combo);
        let mut hit = Vec::new();
        for &lang in &self.langs {
            let which: Vec<usize> = self
                .uncovered
                .iter()
                .copied()
                .filter(|&i| probes[i].lang == lang)
                .collect();
            if which.is_empty() {
                continue;
            }
            let mut cl = c.clone();
            cl.language = lang;
            hit.extend(taken(self.lib, &self.tera, &which, &cl));
        }
        if !hit.is_empty() {
            self.uncovered.retain(|i| !hit.contains(i));
            self.chosen.push(combo);
        }
    }
}

/// The matrix: lever combinations (each a list of lever indices), starting with the base
/// itself, so that every probe is taken in its language; and the probes no combination
/// takes (single levers, all pairs, and each chosen pair with one more lever).
pub(super) fn matrix(
    lib: &Library,
    base: &Contract,
    probes: &[Probe],
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut tera = tera::Tera::default();
    for (i, p) in probes.iter().enumerate() {
        if let Err(e) = tera.add_raw_template(&format!("p{i}"), &p.template) {
            panic!("{}: the probe does not compile: {e}", p.label);
        }
    }
    let mut s = Search {
        lib,
        base,
        tera,
        langs: Lang::ALL.to_vec(),
        uncovered: (0..probes.len()).collect(),
        chosen: Vec::new(),
    };
    s.try_combo(Vec::new(), probes);
    let n = LEVERS.len();
    for i in 0..n {
        if s.uncovered.is_empty() {
            break;
        }
        s.try_combo(vec![i], probes);
    }
    for i in 0..n {
        for j in (i + 1)..n {
            if s.uncovered.is_empty() {
                break;
            }
            s.try_combo(vec![i, j], probes);
        }
    }
    let pairs: Vec<Vec<usize>> = s.chosen.iter().filter(|c| c.len() == 2).cloned().collect();
    for pair in pairs {
        for k in 0..n {
            if s.uncovered.is_empty() {
                break;
            }
            if !pair.contains(&k) {
                s.try_combo([pair.clone(), vec![k]].concat(), probes);
            }
        }
    }
    (s.chosen, s.uncovered)
}
