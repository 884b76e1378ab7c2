//! `dpa check`, rule `dpo_likely_required` (a note): a party that likely has to designate a
//! data protection officer (Art. 37(1) GDPR; § 38(1) BDSG for German parties) names none.
//! Each case changes the clean base contract of tests/fixtures/check and says for which
//! parties the note fires, if any.

mod common;

use common::*;

const TODAY: &str = "2026-11-22";

/// The notes of the rule for a variant of the base contract: (path, message) pairs.
fn dpo_notes(changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut text =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    for (from, to) in changes {
        assert!(text.contains(from), "`{from}` not in base.yaml");
        text = text.replacen(from, to, 1);
    }
    let dir = tempdir();
    let file = dir.path().join("c.yaml");
    std::fs::write(&file, &text).expect("write");
    let o = dpa(&[
        "check",
        &file.to_string_lossy(),
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("json ({e}): {}", stderr(&o)));
    let findings = v["reports"][0]["findings"].as_array().expect("findings");
    findings
        .iter()
        .filter(|f| f["rule"] == "dpo_likely_required")
        .map(|f| {
            assert_eq!(f["severity"], "note", "{f}");
            assert!(f["location"]["line"].as_u64().unwrap_or(0) >= 1, "{f}");
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

const CONTROLLER_REP: &str = "  representative: { name: Erika Muster, role: Geschäftsführerin }\n";
const PROCESSOR_REP: &str = "  representative: { name: Max Beispiel, role: Geschäftsführer }\n";

fn with_staff(rep: &str, n: u32) -> String {
    format!("{rep}  staff_processing_data: {n}\n")
}

#[test]
fn twenty_persons_at_a_german_party_without_dpo() {
    let staff = with_staff(CONTROLLER_REP, 25);
    let notes = dpo_notes(&[(CONTROLLER_REP, &staff)]);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, "controller.staff_processing_data");
    assert!(
        notes[0].1.contains(
            "the controller (Muster GmbH) names no data protection officer, but 25 persons"
        ) && notes[0].1.contains("§ 38(1) sentence 1 BDSG"),
        "{}",
        notes[0].1
    );
    // Exactly at the threshold, and for the processor.
    let staff = with_staff(PROCESSOR_REP, 20);
    let notes = dpo_notes(&[(PROCESSOR_REP, &staff)]);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, "processor.staff_processing_data");
}

#[test]
fn no_note_below_twenty_with_a_dpo_or_outside_germany() {
    let staff = with_staff(CONTROLLER_REP, 19);
    assert_eq!(dpo_notes(&[(CONTROLLER_REP, &staff)]), Vec::new());
    let staff_and_dpo = format!(
        "{}  dpo: {{ name: Dr. Datenschutz, email: dsb@example.de }}\n",
        with_staff(CONTROLLER_REP, 250)
    );
    assert_eq!(dpo_notes(&[(CONTROLLER_REP, &staff_and_dpo)]), Vec::new());
    // § 38 BDSG binds German parties only; in Austria the GDPR alone decides.
    let staff = with_staff(CONTROLLER_REP, 25);
    assert_eq!(
        dpo_notes(&[
            (CONTROLLER_REP, &staff),
            (
                "Hauptstraße 1, postal_code: \"10115\", city: Berlin, country: DE",
                "Hauptstraße 1, postal_code: \"1010\", city: Wien, country: AT",
            ),
        ]),
        Vec::new()
    );
    // The clean base contract: no staff numbers, no sensitive data.
    assert_eq!(dpo_notes(&[]), Vec::new());
}

#[test]
fn special_categories_as_a_core_activity() {
    // Health data about customers: a core activity of both parties.
    let notes = dpo_notes(&[("  special_categories: []", "  special_categories: [health]")]);
    let paths: Vec<&str> = notes.iter().map(|n| n.0.as_str()).collect();
    assert_eq!(
        paths,
        [
            "processing.special_categories",
            "processing.special_categories"
        ]
    );
    assert!(
        notes
            .iter()
            .any(|n| n.1.starts_with("the controller (Muster GmbH)"))
    );
    assert!(
        notes
            .iter()
            .any(|n| n.1.starts_with("the processor (Beispiel IT GmbH)"))
    );
    assert!(
        notes
            .iter()
            .all(|n| n.1.contains("Art. 37(1)(c) GDPR") && n.1.contains("§ 38(1) sentence 2 BDSG"))
    );
    // Employees' health data only: for the controller an ancillary activity (payroll, HR),
    // for the processor its service.
    let notes = dpo_notes(&[
        ("  special_categories: []", "  special_categories: [health]"),
        (
            "  data_subjects: [employees, customers]",
            "  data_subjects: [employees]",
        ),
    ]);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].1.starts_with("the processor"), "{}", notes[0].1);
    // Criminal offence data (Art. 10) count as well; a party with a DPO gets no note.
    let notes = dpo_notes(&[
        (
            "  special_categories: []",
            "  special_categories: []\n  criminal_offence_data: true",
        ),
        (
            PROCESSOR_REP,
            &format!("{PROCESSOR_REP}  dpo: {{ name: Extern GmbH, email: dsb@example.de }}\n"),
        ),
    ]);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, "processing.criminal_offence_data");
    assert!(notes[0].1.starts_with("the controller"), "{}", notes[0].1);
}
