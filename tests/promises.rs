//! Clauses promise only the measures that are ticked: the sensitive-data clause (Art. 9
//! and 10 data) and the staff instruction clause, in German and English, rendered by the
//! real binary with and without the measures they refer to.

mod common;

use std::path::Path;

use common::*;

/// The measures of an example's `security.measures` replaced by `measures`.
fn with_measures(example: &str, measures: &[&str], dir: &Path, name: &str) -> String {
    let text = std::fs::read_to_string(root().join("examples").join(example)).expect("example");
    let start = text.find("  measures: [").expect("measures");
    let end = start + text[start..].find(']').expect("end of list") + 1;
    let changed = format!(
        "{}  measures: [{}]{}",
        &text[..start],
        measures.join(", "),
        &text[end..]
    );
    let file = dir.join(format!("{name}.yaml"));
    std::fs::write(&file, changed).expect("write");
    let out = dir.join("out");
    let o = dpa(&[
        "render",
        "--format",
        "md",
        "--allow-incomplete",
        "--force",
        "-o",
        &out.to_string_lossy(),
        &file.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::read_to_string(out.join(format!("{name}.md"))).expect("markdown")
}

/// The required measures for Art. 9 data and the ones the clauses may refer to.
const BASE: [&str; 3] = [
    "encryption_in_transit",
    "encryption_at_rest",
    "role_based_access",
];
const OPTIONAL: [&str; 6] = [
    "key_management",
    "pseudonymisation",
    "access_logging",
    "logging_review",
    "staff_training",
    "client_separation",
];

#[test]
fn the_sensitive_data_clause_follows_the_ticks_in_german() {
    let dir = tempdir();
    let all: Vec<&str> = BASE.iter().chain(OPTIONAL.iter()).copied().collect();
    let ticked = with_measures("dental-practice.yaml", &all, dir.path(), "all");
    let bare = with_measures("dental-practice.yaml", &BASE, dir.path(), "bare");
    for promise in [
        "die Schlüssel werden getrennt von den Daten verwaltet",
        "pseudonymisiert, soweit der Zweck der Verarbeitung es zulässt",
        "**Protokollierung:**",
        "regelmäßig ausgewertet",
        "**Gesonderte Schulung:**",
        "von anderen Daten logisch getrennt gehalten",
        "regelmäßig, mindestens jährlich und bei jeder wesentlichen Änderung",
    ] {
        assert!(ticked.contains(promise), "ticked, so promised: {promise}");
        assert!(
            !bare.contains(promise),
            "not ticked, yet promised: {promise}"
        );
    }
    assert!(bare.contains(
        "bei der Übertragung und bei der Speicherung verschlüsselt, auch in Datensicherungen."
    ));
    assert!(
        bare.contains("danach regelmäßig und bei jeder wesentlichen Änderung der Verarbeitung mit")
    );
    // Only encryption in transit: no promise about stored data.
    let transit = with_measures(
        "dental-practice.yaml",
        &["encryption_in_transit", "role_based_access"],
        dir.path(),
        "transit",
    );
    assert!(transit.contains("(BSI TR-02102), bei der Übertragung verschlüsselt."));
    assert!(!transit.contains("bei der Übertragung und bei der Speicherung"));
}

#[test]
fn the_sensitive_data_and_staff_clauses_follow_the_ticks_in_english() {
    let dir = tempdir();
    let all: Vec<&str> = BASE.iter().chain(OPTIONAL.iter()).copied().collect();
    let ticked = with_measures("uk-payroll.yaml", &all, dir.path(), "all");
    let bare = with_measures("uk-payroll.yaml", &BASE, dir.path(), "bare");
    for promise in [
        "the keys are managed separately from the data",
        "pseudonymised wherever the purpose of the processing allows",
        "**Logging:**",
        "evaluated regularly",
        "**Specialised training:**",
        "kept logically separate from other data",
        "regularly thereafter, at least once a year and whenever",
    ] {
        assert!(ticked.contains(promise), "ticked, so promised: {promise}");
        assert!(
            !bare.contains(promise),
            "not ticked, yet promised: {promise}"
        );
    }
    assert!(bare.contains("both in transit and at rest, including in backups."));
    assert!(
        bare.contains("regularly thereafter and whenever the processing changes significantly")
    );
}
