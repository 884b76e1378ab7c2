//! `dpa check`: for every rule, a contract derived from a clean base that triggers that rule
//! (and only what the case names); the examples have no error and no coverage gap; the JSON
//! output validates against docs/check-report.schema.json; an override that drops a clause
//! is reported as a gap.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;

const TODAY: &str = "2026-11-22";

/// (rule, changes to base.yaml as (from, to), other rules the case necessarily fires)
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    (
        "transfer_basis_missing",
        &[(
            "  locations: [DE]\nsecurity",
            "  locations: [DE, IN]\nsecurity",
        )],
        &["third_country_transfer"],
    ),
    (
        "dpf_outside_us",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [DE, IN]\n      transfer: dpf\nterms",
        )],
        &["third_country_transfer"],
    ),
    (
        "adequacy_without_decision",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [US]\n      transfer: adequacy\nterms",
        )],
        &["third_country_transfer"],
    ),
    (
        "third_country_transfer",
        &[(
            "  locations: [DE]\nsecurity",
            "  locations: [DE, CH]\nsecurity",
        )],
        &[],
    ),
    (
        "transfer_basis_unused",
        &[(
            "  locations: [DE]\nsecurity",
            "  locations: [DE]\n  transfer: scc\nsecurity",
        )],
        &[],
    ),
    (
        "sensitive_data_weak_toms",
        &[
            (
                "  special_categories: []",
                "  special_categories: [trade_union_membership]",
            ),
            ("encryption_at_rest, ", ""),
            ("  measures: [", "  measures: [pseudonymisation, "),
        ],
        &["dpo_likely_required"],
    ),
    (
        "sensitive_data_no_pseudonymisation",
        &[(
            "  special_categories: []",
            "  special_categories: [trade_union_membership]",
        )],
        &["dpo_likely_required"],
    ),
    (
        "breach_deadline_over_72h",
        &[(
            "breach_notification_hours: 24",
            "breach_notification_hours: 96",
        )],
        &[],
    ),
    (
        "breach_deadline_over_48h",
        &[(
            "breach_notification_hours: 24",
            "breach_notification_hours: 60",
        )],
        &[],
    ),
    (
        "specific_authorisation_without_list",
        &[
            ("  authorisation: general", "  authorisation: specific"),
            (
                "  list:\n    - name: Rechenzentrum Nord GmbH\n      address: { street: Am Hafen 3, postal_code: \"20457\", city: Hamburg, country: DE }\n      service: Hosting\n      locations: [DE]\n",
                "  list: []\n",
            ),
        ],
        &[],
    ),
    (
        "subprocessor_notice_short",
        &[("  notice_days: 30", "  notice_days: 7")],
        &[],
    ),
    (
        "no_on_site_audits",
        &[("on_site: true", "on_site: false")],
        &[],
    ),
    (
        "end_of_processing_slow",
        &[("days: 30 }", "days: 120 }")],
        &[],
    ),
    (
        "security_area_empty",
        &[("backup_daily, redundancy, ", "")],
        &[],
    ),
    (
        "duration_ended",
        &[(
            "  duration: { type: main_agreement }",
            "  duration: { type: fixed, until: 2026-06-30 }",
        )],
        &[],
    ),
    (
        "party_without_signatory",
        &[(
            "  - { party: processor, name: Max Beispiel, role: Geschäftsführer, place: München }\n",
            "",
        )],
        &[],
    ),
    (
        "dpo_likely_required",
        &[(
            "  representative: { name: Erika Muster, role: Geschäftsführerin }\n",
            "  representative: { name: Erika Muster, role: Geschäftsführerin }\n  staff_processing_data: 25\n",
        )],
        &[],
    ),
    (
        "liability_cap_missing",
        &[("  liability: statutory", "  liability: capped")],
        &[],
    ),
    (
        "sensitive_data_third_country",
        &[
            (
                "  special_categories: []",
                "  special_categories: [trade_union_membership]",
            ),
            (
                "      locations: [DE]\nterms",
                "      locations: [DE, CH]\nterms",
            ),
        ],
        &[
            "third_country_transfer",
            "sensitive_data_no_pseudonymisation",
            "dpo_likely_required",
        ],
    ),
    (
        "derogation_regular_transfer",
        &[(
            "  locations: [DE]\nsecurity",
            "  locations: [DE, AU]\n  transfer: derogation\nsecurity",
        )],
        &["third_country_transfer"],
    ),
    (
        "dpf_non_us_entity",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [DE, US]\n      transfer: dpf\nterms",
        )],
        &["third_country_transfer", "adequacy_scope_limited"],
    ),
    (
        "adequacy_scope_limited",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [CA]\nterms",
        )],
        &["third_country_transfer"],
    ),
    (
        "adequacy_expires",
        &[
            (
                "id: CHECK-BASE\n",
                "id: CHECK-BASE\neffective_date: 2031-03-01\n",
            ),
            (
                "      locations: [DE]\nterms",
                "      locations: [GB]\nterms",
            ),
        ],
        &["third_country_transfer"],
    ),
    (
        "scc_member_state_missing",
        &[
            ("city: Berlin, country: DE }", "city: Zürich, country: CH }"),
            (
                "      locations: [DE]\nterms",
                "      locations: [US]\n      transfer: scc\nterms",
            ),
        ],
        &["third_country_transfer"],
    ),
    (
        "professional_secrecy_missing",
        &[("  name: Muster GmbH", "  name: Zahnarztpraxis Muster")],
        &[],
    ),
    (
        "dpf_outside_us",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [US, IN]\n      transfer: { US: dpf, IN: dpf }\nterms",
        )],
        &[
            "third_country_transfer",
            "adequacy_scope_limited",
            "dpf_non_us_entity",
        ],
    ),
    (
        "transfer_basis_missing",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [US, IN]\n      transfer: { US: scc }\nterms",
        )],
        &["third_country_transfer"],
    ),
];

/// For every rule, a contract close to the one that fires it, in which it must not fire
/// (and which has no error): the rule is as narrow as the law.
const NEAR_MISSES: &[(&str, &[(&str, &str)])] = &[
    (
        "dpo_likely_required",
        &[(
            "  representative: { name: Erika Muster, role: Geschäftsführerin }\n",
            "  representative: { name: Erika Muster, role: Geschäftsführerin }\n  staff_processing_data: 19\n",
        )],
    ),
    (
        "specific_authorisation_without_list",
        &[("  authorisation: general", "  authorisation: specific")],
    ),
    (
        "sensitive_data_third_country",
        &[(
            "  special_categories: []",
            "  special_categories: [trade_union_membership]",
        )],
    ),
    (
        "derogation_regular_transfer",
        &[(
            "  locations: [DE]\nsecurity",
            "  locations: [DE, AU]\n  transfer: scc\nsecurity",
        )],
    ),
    (
        "dpf_non_us_entity",
        &[
            (
                "city: Hamburg, country: DE }",
                "city: Seattle, country: US }",
            ),
            (
                "      locations: [DE]\nterms",
                "      locations: [US]\n      transfer: dpf\nterms",
            ),
        ],
    ),
    (
        "adequacy_scope_limited",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [CH]\nterms",
        )],
    ),
    (
        "adequacy_expires",
        &[
            (
                "id: CHECK-BASE\n",
                "id: CHECK-BASE\neffective_date: 2027-03-01\n",
            ),
            (
                "      locations: [DE]\nterms",
                "      locations: [GB]\nterms",
            ),
        ],
    ),
    (
        "scc_member_state_missing",
        &[
            ("city: Berlin, country: DE }", "city: Zürich, country: CH }"),
            (
                "      locations: [DE]\nterms",
                "      locations: [US]\n      transfer: scc\nterms",
            ),
            (
                "  liability: statutory",
                "  liability: statutory\n  scc_member_state: IE",
            ),
        ],
    ),
    (
        "professional_secrecy_missing",
        &[
            ("  name: Muster GmbH", "  name: Zahnarztpraxis Muster"),
            (
                "signatories:",
                "options:\n  professional_secrecy: true\nsignatories:",
            ),
        ],
    ),
    (
        "transfer_basis_missing",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [US, IN, JP]\n      transfer: { US: dpf, IN: scc }\nterms",
        )],
    ),
    (
        "dpf_outside_us",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [US, CA]\n      transfer: dpf\nterms",
        )],
    ),
];

fn check_json(file: &Path, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let f = file.to_string_lossy().into_owned();
    let mut args = vec!["check", f.as_str(), "--format", "json", "--today", TODAY];
    args.extend_from_slice(extra);
    let o = dpa(&args);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("json ({e}): {}{}", stdout(&o), stderr(&o)));
    (o.status.code(), v)
}

fn rules_fired(report: &serde_json::Value) -> BTreeSet<String> {
    report["reports"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn the_base_contract_is_clean() {
    let (code, v) = check_json(&root().join("tests/fixtures/check/base.yaml"), &[]);
    assert_eq!(code, Some(0));
    assert!(rules_fired(&v).is_empty(), "{v:#}");
}

#[test]
fn every_rule_has_a_contract_that_triggers_it_and_nothing_else() {
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    let dir = tempdir();
    let mut seen = BTreeSet::new();
    for (rule, changes, companions) in CASES {
        let mut text = base.clone();
        for (from, to) in *changes {
            assert!(text.contains(from), "{rule}: `{from}` not in base.yaml");
            text = text.replacen(from, to, 1);
        }
        let file = dir.path().join(format!("{rule}.yaml"));
        std::fs::write(&file, &text).expect("write");
        let (code, v) = check_json(&file, &[]);
        let fired = rules_fired(&v);
        let mut expected: BTreeSet<String> = companions.iter().map(|s| s.to_string()).collect();
        expected.insert(rule.to_string());
        assert_eq!(fired, expected, "{rule}: {v:#}");
        let severity = v["reports"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["rule"] == *rule)
            .map(|f| f["severity"].as_str().unwrap_or("").to_string())
            .unwrap_or_default();
        assert_eq!(
            code,
            Some(if severity == "error" { 1 } else { 0 }),
            "{rule}: exit code"
        );
        // Every finding points at a real line of the file.
        for f in v["reports"][0]["findings"].as_array().expect("findings") {
            assert!(
                f["location"]["line"].as_u64().unwrap_or(0) >= 1,
                "{rule}: {f}"
            );
        }
        seen.insert(rule.to_string());
    }
    assert!(seen.len() >= 24, "{} rules have a case", seen.len());
}

#[test]
fn every_rule_stays_silent_in_a_near_miss() {
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    let dir = tempdir();
    for (rule, changes) in NEAR_MISSES {
        let mut text = base.clone();
        for (from, to) in *changes {
            assert!(text.contains(from), "{rule}: `{from}` not in base.yaml");
            text = text.replacen(from, to, 1);
        }
        let file = dir.path().join(format!("near-{rule}.yaml"));
        std::fs::write(&file, &text).expect("write");
        let (code, v) = check_json(&file, &[]);
        let fired = rules_fired(&v);
        assert!(!fired.contains(*rule), "{rule} fired: {v:#}");
        assert_eq!(code, Some(0), "{rule}: an error in the near miss: {v:#}");
    }
}

/// The message of the first finding of a rule, as printed.
fn message_of(v: &serde_json::Value, rule: &str) -> String {
    v["reports"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == rule)
        .map(|f| f["message"].as_str().unwrap_or("").to_string())
        .unwrap_or_default()
}

#[test]
fn transfer_findings_name_the_limit_the_safeguards_and_the_decision() {
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    let dir = tempdir();
    let run = |name: &str, changes: &[(&str, &str)]| {
        let mut text = base.clone();
        for (from, to) in changes {
            assert!(text.contains(from), "`{from}` not in base.yaml");
            text = text.replacen(from, to, 1);
        }
        let file = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&file, &text).expect("write");
        check_json(&file, &[]).1
    };
    let v = run(
        "scope",
        &[(
            "      locations: [DE]\nterms",
            "      locations: [CA, JP]\nterms",
        )],
    );
    let all: Vec<String> = v["reports"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["message"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(all.iter().any(|m| m.contains("PIPEDA")), "{all:?}");
    assert!(all.iter().any(|m| m.contains("APPI")), "{all:?}");
    // An adequacy-only vendor: no SCC module is named.
    assert!(
        !message_of(&v, "third_country_transfer").contains("Module"),
        "{v:#}"
    );
    let v = run(
        "expiry",
        &[
            (
                "id: CHECK-BASE\n",
                "id: CHECK-BASE\neffective_date: 2031-03-01\n",
            ),
            (
                "      locations: [DE]\nterms",
                "      locations: [GB]\nterms",
            ),
        ],
    );
    assert!(
        message_of(&v, "adequacy_expires").contains("27 December 2031"),
        "{v:#}"
    );
    let v = run(
        "sensitive",
        &[
            ("  special_categories: []", "  special_categories: [health]"),
            (
                "      locations: [DE]\nterms",
                "      locations: [US]\n      transfer: scc\nterms",
            ),
        ],
    );
    let hint = v["reports"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "sensitive_data_third_country")
        .map(|f| f["hint"].as_str().unwrap_or("").to_string())
        .unwrap_or_default();
    assert!(
        hint.contains("encryption") && hint.contains("pseudonymisation"),
        "{hint}"
    );
    assert!(
        message_of(&v, "third_country_transfer").contains("Module 3"),
        "{v:#}"
    );
}

#[test]
fn render_refuses_check_errors_unless_allowed() {
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    let dir = tempdir();
    let file = dir.path().join("c.yaml");
    std::fs::write(
        &file,
        base.replace(
            "breach_notification_hours: 24",
            "breach_notification_hours: 96",
        ),
    )
    .expect("write");
    let out = dir.path().join("out");
    let (f, o) = (
        file.to_string_lossy().into_owned(),
        out.to_string_lossy().into_owned(),
    );
    let r = dpa(&["render", &f, "-o", &o]);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        stderr(&r).contains("breach_notification_hours")
            && stderr(&r).contains("--allow-incomplete"),
        "{}",
        stderr(&r)
    );
    assert!(!out.exists());
    let r = dpa(&[
        "render",
        &f,
        "-o",
        &o,
        "--allow-incomplete",
        "--format",
        "md",
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert!(
        stderr(&r).contains("96 hours"),
        "findings are printed: {}",
        stderr(&r)
    );
    assert!(out.join("c.md").exists());
}

#[test]
fn the_examples_have_no_error_and_no_coverage_gap() {
    for ex in [
        "examples/dental-practice.yaml",
        "examples/saas-crm.yaml",
        "examples/uk-payroll.yaml",
    ] {
        let (code, v) = check_json(&root().join(ex), &[]);
        assert_eq!(code, Some(0), "{ex}: {v:#}");
        let findings = v["reports"][0]["findings"].as_array().expect("findings");
        assert!(
            findings.iter().all(|f| f["severity"] != "error"),
            "{ex}: {v:#}"
        );
        for row in v["reports"][0]["coverage"].as_array().expect("coverage") {
            assert!(
                !row["clauses"].as_array().expect("clauses").is_empty(),
                "{ex}: gap at {}",
                row["requirement"]
            );
        }
    }
}

#[test]
fn the_json_output_follows_its_schema() {
    let dir = tempdir();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "format: 1\nlanguage: xx\n").expect("write");
    let o = dpa(&[
        "check",
        "examples/dental-practice.yaml",
        "examples/uk-payroll.yaml",
        &bad.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the invalid file makes the run fail"
    );
    let json = dir.path().join("report.json");
    std::fs::write(&json, &o.stdout).expect("write");
    let schema = root().join("docs/check-report.schema.json");
    let script = "import json,sys,jsonschema\nschema=json.load(open(sys.argv[1]))\njsonschema.Draft202012Validator.check_schema(schema)\ndoc=json.load(open(sys.argv[2]))\njsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)\nprint(len(doc['reports']))\n";
    let v = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&schema)
        .arg(&json)
        .output()
        .expect("python3 with jsonschema (.ci/run installs it)");
    assert!(
        v.status.success(),
        "schema validation failed: {}",
        String::from_utf8_lossy(&v.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&v.stdout).trim(), "3");
    // And a document that breaks the schema is refused, so the check above can fail.
    std::fs::write(&json, r#"{"schema":"dpagen-check/1","reports":[{"file":"x","coverage":[],"findings":[{"severity":"fatal"}]}]}"#).expect("write");
    let v = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&schema)
        .arg(&json)
        .output()
        .expect("python3");
    assert!(!v.status.success());
}

#[test]
fn an_override_that_drops_a_requirement_is_a_gap() {
    let dir = tempdir();
    for lang in ["de", "en"] {
        std::fs::create_dir_all(dir.path().join(lang)).expect("mkdir");
        std::fs::write(
            dir.path().join(format!("{lang}/confidentiality.md")),
            "---\nid: confidentiality\ntitle: Vertraulichkeit\norder: 70\ncovers: []\n---\nDie Parteien behandeln den Vertrag vertraulich.\n",
        )
        .expect("write");
    }
    let clauses = dir.path().to_string_lossy().into_owned();
    let (code, v) = check_json(
        &root().join("tests/fixtures/check/base.yaml"),
        &["--clauses", &clauses],
    );
    assert_eq!(code, Some(1));
    let gaps: Vec<&serde_json::Value> = v["reports"][0]["coverage"]
        .as_array()
        .expect("coverage")
        .iter()
        .filter(|r| r["clauses"].as_array().is_some_and(|c| c.is_empty()))
        .collect();
    assert_eq!(gaps.len(), 1, "{v:#}");
    assert_eq!(gaps[0]["requirement"], "art28_3_b");
    assert_eq!(
        rules_fired(&v),
        BTreeSet::from(["requirement_not_covered".to_string()])
    );
    let text = stdout(&dpa(&[
        "check",
        "tests/fixtures/check/base.yaml",
        "--clauses",
        &clauses,
        "--today",
        TODAY,
    ]));
    assert!(text.contains("✗") && text.contains("MISSING"), "{text}");
}

#[test]
fn render_shows_warnings_but_renders() {
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    let dir = tempdir();
    let file = dir.path().join("w.yaml");
    std::fs::write(
        &file,
        base.replace(
            "breach_notification_hours: 24",
            "breach_notification_hours: 60",
        ),
    )
    .expect("write");
    let out = dir.path().join("out");
    let r = dpa(&[
        "render",
        &file.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md",
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    let err = stderr(&r);
    assert!(
        err.contains("warning: terms.breach_notification_hours: 60 hours"),
        "{err}"
    );
    assert!(err.contains("0 error(s), 1 warning(s), 0 note(s)"), "{err}");
    assert!(out.join("w.md").exists());
}
