//! Transfers to third countries, end to end through the real binary: the standard
//! contractual clauses of Decision (EU) 2021/914 with every choice visible in the PDF, a
//! basis per location (the SaaS vendor of tests/fixtures/field), international
//! organisations as recipients, the SCC Member State, and the field cases.

mod common;

use std::path::Path;

use common::*;

const TODAY: &str = "2026-11-30";

fn check_json(file: &Path) -> (Option<i32>, serde_json::Value) {
    let f = file.to_string_lossy().into_owned();
    let o = dpa(&["check", &f, "--format", "json", "--today", TODAY]);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("json ({e}): {}{}", stdout(&o), stderr(&o)));
    (o.status.code(), v)
}

fn findings(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v["reports"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A fixture with some lines replaced, written to `dir`.
fn variant(dir: &Path, fixture: &str, name: &str, changes: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(root().join(fixture)).expect("fixture");
    for (from, to) in changes {
        assert!(text.contains(from), "`{from}` not in {fixture}");
        text = text.replacen(from, to, 1);
    }
    let path = dir.join(format!("{name}.yaml"));
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

fn render_to(dir: &Path, file: &str, format: &str) {
    let o = dpa(&[
        "render",
        file,
        "-o",
        &dir.to_string_lossy(),
        "--format",
        format,
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
}

const INDIA: &str = "tests/fixtures/render/processor-india-scc.yaml";

#[test]
fn a_processor_in_india_on_scc_gets_module_2_with_every_choice_in_the_pdf() {
    let dir = tempdir();
    render_to(dir.path(), INDIA, "pdf");
    let text = pdf_words(&dir.path().join("processor-india-scc.pdf"));
    for phrase in [
        "Commission Implementing Decision (EU) 2021/914 of 4 June 2021, Module 2 (transfer controller to processor), which are incorporated into this Agreement by reference",
        "The Controller is the data exporter and the Processor the data importer",
        "Clause 7 (docking clause): does not apply",
        "Clause 9(a) (use of sub-processors): Option 2, general written authorisation; the data importer informs the data exporter of any intended changes to the list of sub-processors at least 30 days in advance",
        "Clause 11(a) (redress): the optional wording on complaints to an independent dispute resolution body is not chosen",
        "Clause 13 (supervision): the competent supervisory authority is the supervisory authority competent for the Controller as data exporter",
        "Clause 17 (governing law): Option 1; the standard contractual clauses are governed by the law of Germany",
        "Clause 18(b) (choice of forum and jurisdiction): disputes are resolved by the courts of Germany",
        "Annex I.A (list of parties) is Annex I",
        "Annex I.B (description of the transfer) is Annex II",
        "Annex I.C (competent supervisory authority)",
        "Annex II (technical and organisational measures) is Annex III",
        "Annex III (list of sub-processors) is Annex IV",
        "India: third country; transfer basis: Standard contractual clauses (Decision (EU) 2021/914), Art. 46(2)(c) GDPR, Module 2 (controller to processor)",
    ] {
        assert!(text.contains(phrase), "missing in the PDF: {phrase}");
    }
    // Module 3 belongs to subprocessors on SCC only; this one is in the EEA.
    assert!(!text.contains("Module 3"), "{text}");
}

#[test]
fn the_module_2_choices_follow_the_contract() {
    let dir = tempdir();
    let specific = variant(
        dir.path(),
        INDIA,
        "specific",
        &[
            ("  authorisation: general", "  authorisation: specific"),
            ("  notice_days: 30", "  notice_days: 21"),
            (
                "  governing_law: DE",
                "  governing_law: DE\n  scc_member_state: IE",
            ),
        ],
    );
    render_to(dir.path(), &specific, "md");
    let md = std::fs::read_to_string(dir.path().join("specific.md")).expect("md");
    assert!(
        md.contains("Option 1, specific prior authorisation; the data importer submits the request for specific authorisation at least 21 days before engaging a sub-processor"),
        "{md}"
    );
    assert!(md.contains("governed by the law of Ireland"), "{md}");
    assert!(md.contains("the courts of Ireland"), "{md}");
    // In German, with the SCC Member State from the governing law (the controller is Swiss).
    let german = variant(
        dir.path(),
        INDIA,
        "german",
        &[
            ("language: en", "language: de"),
            ("city: Berlin, country: DE }", "city: Zürich, country: CH }"),
            ("  governing_law: DE", "  governing_law: AT"),
        ],
    );
    render_to(dir.path(), &german, "md");
    let md = std::fs::read_to_string(dir.path().join("german.md")).expect("md");
    for phrase in [
        "Modul 2 (Übermittlung von Verantwortlichen an Auftragsverarbeiter)",
        "Klausel 7 (Kopplungsklausel): findet keine Anwendung",
        "Klausel 9 Buchstabe a (Einsatz von Unterauftragsverarbeitern): Option 2, allgemeine schriftliche Genehmigung",
        "Klausel 11 Buchstabe a (Rechtsbehelf)",
        "Klausel 13 (Aufsicht)",
        "Klausel 17 (Anwendbares Recht): Option 1; die Standardvertragsklauseln unterliegen dem Recht des Mitgliedstaats Österreich",
        "Klausel 18 Buchstabe b (Gerichtsstand und Zuständigkeit): Streitigkeiten entscheiden die Gerichte des Mitgliedstaats Österreich",
        "Anhang III (Liste der Unterauftragsverarbeiter) ist Anlage 4",
    ] {
        assert!(md.contains(phrase), "missing: {phrase}\n{md}");
    }
}

#[test]
fn without_an_eu_member_state_for_the_scc_the_check_fails_and_the_text_states_no_law() {
    let dir = tempdir();
    let swiss = variant(
        dir.path(),
        INDIA,
        "swiss",
        &[
            ("city: Berlin, country: DE }", "city: Zürich, country: CH }"),
            ("  governing_law: DE", "  governing_law: CH"),
        ],
    );
    let (code, v) = check_json(Path::new(&swiss));
    assert_eq!(code, Some(1), "{v:#}");
    let errors: Vec<String> = findings(&v)
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["rule"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(errors, ["scc_member_state_missing"], "{v:#}");
    let o = dpa(&[
        "render",
        &swiss,
        "-o",
        &dir.path().to_string_lossy(),
        "--format",
        "md",
        "--allow-incomplete",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(dir.path().join("swiss.md")).expect("md");
    assert!(
        md.contains("governed by the law of an EU Member State that the parties have yet to agree on; until they agree, no transfer may take place on this basis"),
        "{md}"
    );
    // A Member State outside the EU is refused when written.
    let norway = variant(
        dir.path(),
        INDIA,
        "norway",
        &[(
            "  governing_law: DE",
            "  governing_law: DE\n  scc_member_state: NO",
        )],
    );
    let o = dpa(&["check", &norway]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "terms.scc_member_state: Norway (NO) is not a Member State of the European Union"
        ),
        "{}",
        stderr(&o)
    );
}

const SAAS: &str = "tests/fixtures/field/subprocessor-list-saas-25-vendors.yaml";
const SAAS_MAP: &str = "tests/fixtures/check/saas-vendors-per-location.yaml";

#[test]
fn the_saas_vendor_fails_only_where_a_basis_is_really_missing() {
    let (code, v) = check_json(&root().join(SAAS));
    assert_eq!(code, Some(1));
    let errors: Vec<(String, String)> = findings(&v)
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    // `dpf` for the whole list: it cannot cover Australia and India; Canada, Japan, Korea
    // and the UK have adequacy decisions of their own.
    assert_eq!(
        errors,
        [
            (
                "dpf_outside_us".to_string(),
                "subprocessors.list[0].locations[1]".to_string()
            ),
            (
                "dpf_outside_us".to_string(),
                "subprocessors.list[0].locations[5]".to_string()
            ),
        ],
        "{v:#}"
    );
}

#[test]
fn the_saas_vendor_with_a_basis_per_location_checks_clean_and_annex_iv_names_each_basis_once() {
    let (code, v) = check_json(&root().join(SAAS_MAP));
    assert_eq!(code, Some(0), "{v:#}");
    let all = findings(&v);
    assert!(all.iter().all(|f| f["severity"] != "error"), "{v:#}");
    // Notes name an SCC module only where SCC are used.
    for f in all.iter().filter(|f| f["rule"] == "third_country_transfer") {
        let m = f["message"].as_str().unwrap_or("");
        let uses_scc = m.contains("Standard contractual clauses");
        assert_eq!(m.contains("Module 3"), uses_scc, "{m}");
        assert_eq!(m.matches("Module").count(), usize::from(uses_scc), "{m}");
    }
    let dir = tempdir();
    render_to(dir.path(), SAAS_MAP, "md");
    let md = std::fs::read_to_string(dir.path().join("saas-vendors-per-location.md")).expect("md");
    let row = md
        .lines()
        .find(|l| l.starts_with("| 1 | **Cirrus Web Services, Inc.**"))
        .expect("Cirrus row");
    assert!(
        row.ends_with("| United States: EU-US Data Privacy Framework (adequacy decision of 10 July 2023)<br>Australia, India: Standard contractual clauses (Decision (EU) 2021/914), Module 3<br>Canada, Japan, South Korea, United Kingdom: Adequacy decision of the European Commission<br>France, Germany: EEA, not required |"),
        "{row}"
    );
    for label in [
        "Data Privacy Framework",
        "Standard contractual clauses",
        "Adequacy decision",
        "EEA",
    ] {
        assert_eq!(row.matches(label).count(), 1, "{label} in {row}");
    }
    // An adequacy-only vendor: no SCC module, no other basis.
    let tickety = md
        .lines()
        .find(|l| l.contains("Support ticketing"))
        .expect("Tickety row");
    assert!(
        tickety.ends_with("| United Kingdom: Adequacy decision of the European Commission<br>Ireland: EEA, not required |"),
        "{tickety}"
    );
}

#[test]
fn an_international_organisation_is_a_recipient_with_its_own_decision() {
    let dir = tempdir();
    let epo = variant(
        dir.path(),
        INDIA,
        "epo",
        &[
            (
                "  locations: [IN]\n  transfer: scc",
                "  locations: [DE, org:epo]",
            ),
            ("language: en", "language: de"),
        ],
    );
    let (code, v) = check_json(Path::new(&epo));
    assert_eq!(code, Some(0), "{v:#}");
    render_to(dir.path(), &epo, "md");
    let md = std::fs::read_to_string(dir.path().join("epo.md")).expect("md");
    assert!(
        md.contains("Deutschland, Europäische Patentorganisation (internationale Organisation)"),
        "{md}"
    );
    assert!(
        md.contains("- Europäische Patentorganisation: internationale Organisation; Übermittlungsgrundlage: Angemessenheitsbeschluss der Europäischen Kommission, Art. 45 DSGVO"),
        "{md}"
    );
    // Not a country: refused as an address, and an unknown id gets a suggestion.
    let bad = variant(
        dir.path(),
        INDIA,
        "bad",
        &[
            (
                "  locations: [IN]\n  transfer: scc",
                "  locations: [org:epa]",
            ),
            (
                "city: Noida, country: IN }",
                "city: Noida, country: org:epo }",
            ),
        ],
    );
    let o = dpa(&["check", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(
            "processing.locations[0]: `org:epa` is not a known international organisation"
        ) && err.contains("did you mean `org:epo`?"),
        "{err}"
    );
    assert!(
        err.contains("processor.address.country: `org:epo` is not a country code"),
        "{err}"
    );
}

#[test]
fn a_basis_map_must_name_locations_and_bases() {
    let dir = tempdir();
    let bad = variant(
        dir.path(),
        INDIA,
        "badmap",
        &[(
            "  locations: [IN]\n  transfer: scc",
            "  locations: [IN, US]\n  transfer: { IN: scc, US: dfp, JP: scc }",
        )],
    );
    let o = dpa(&["check", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("processing.transfer.US: unknown value `dfp`")
            && err.contains("choose one of: adequacy, dpf, scc, bcr, derogation"),
        "{err}"
    );
    assert!(
        err.contains("processing.transfer.JP: `JP` has a transfer basis but is not one of the locations (IN, US)"),
        "{err}"
    );
}

/// Every field case (tests/fixtures/field/README.md, the YAML files) checks as the contract
/// format says: the agency base and the long strings are clean, the Hong Kong address needs
/// no postal code, `UK` is refused with `GB` suggested, and the SaaS vendor fails only where
/// a basis is really missing (clean with a basis per location).
#[test]
fn the_field_cases_check_as_the_format_says() {
    for (file, errors) in [
        ("tests/fixtures/field/agency-base.yaml", 0),
        (
            "tests/fixtures/field/typst-long-unbreakable-strings-de.yaml",
            0,
        ),
        ("tests/fixtures/field/address-hong-kong-no-postcode.yaml", 0),
        (
            "tests/fixtures/field/subprocessor-list-saas-25-vendors.yaml",
            2,
        ),
        (SAAS_MAP, 0),
    ] {
        let (code, v) = check_json(&root().join(file));
        let n = findings(&v)
            .iter()
            .filter(|f| f["severity"] == "error")
            .count();
        assert_eq!(n, errors, "{file}: {v:#}");
        assert_eq!(code, Some(i32::from(errors > 0)), "{file}");
    }
    // `UK` is not an ISO code: refused with the code meant, never mapped silently.
    let o = dpa(&[
        "check",
        "tests/fixtures/field/country-uk-instead-of-gb.yaml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("processor.address.country: `UK` is not an ISO 3166-1 country code")
            && err.contains("did you mean `GB`?"),
        "{err}"
    );
    // Every YAML field case is covered above.
    let yaml = files_in(&root().join("tests/fixtures/field"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .count();
    assert_eq!(yaml, 5, "a new field case needs its expectation here");
}
