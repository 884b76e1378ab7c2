//! The processor directory end to end: `dpa processors` (list, search, show, in both
//! languages, with a user directory), contracts with `ref:` entries (the directory's values
//! in the PDF, overrides winning, unknown ids refused with a suggestion), the contract file
//! attached to the PDF (keeps `ref` and the resolved values, renders the same later even
//! when the directory changes), `contact` and `onward` in Annex IV, and the review note of
//! `dpa check`.

mod common;

use std::path::Path;

use common::*;

const REFS: &str = "tests/fixtures/directory/refs.yaml";
const MINE: &str = "tests/fixtures/directory/mine.yaml";

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[test]
fn processors_lists_searches_and_shows_entries() {
    let o = dpa(&["processors", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("id "), "{out}");
    // every directory entry, one per line, with the header and the closing line
    assert!(out.contains("63 entries of 63"), "{out}");
    assert_eq!(lines.len(), 63 + 2, "{out}");
    let hetzner = lines
        .iter()
        .find(|l| l.starts_with("hetzner-online "))
        .expect("hetzner row");
    for cell in ["Hetzner Online GmbH", "Hosting", "DE", "offered"] {
        assert!(hetzner.contains(cell), "{hetzner}");
    }
    // columns aligned: on every row a cell starts where the category column starts
    let col = lines[0].find("category").expect("header");
    for l in &lines[1..lines.len() - 1] {
        let chars: Vec<char> = l.chars().collect();
        assert!(
            chars.get(col - 1) == Some(&' ') && chars.get(col).is_some_and(|c| *c != ' '),
            "not aligned: {l}\n{out}"
        );
    }

    // search in German words too: service and category
    let o = dpa(&["processors", "--lang", "de", "Newsletter"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for id in ["brevo", "cleverreach", "mailchimp", "rapidmail"] {
        assert!(out.contains(id), "{id}: {out}");
    }
    assert!(out.starts_with("Kennung"), "{out}");
    assert!(out.contains("4 Einträge von 63"), "{out}");
    let o = dpa(&["processors", "--lang", "en", "zzz", "nothing"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no entry of the processor directory matches `zzz nothing`"),
        "{}",
        stderr(&o)
    );

    let o = dpa(&["processors", "show", "zapier", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for line in [
        "Legal entity:",
        "Zapier, Inc.",
        "United States (US): EU-US Data Privacy Framework",
        "certified (Zapier, Inc.)",
        "Last reviewed:",
        "30 November 2026",
        "`- { ref: zapier }`",
    ] {
        assert!(out.contains(line), "{line}: {out}");
    }
    let o = dpa(&["processors", "show", "zapier", "--lang", "de"]);
    assert!(
        stdout(&o).contains("Vereinigte Staaten (US)"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("Zuletzt geprüft:"), "{}", stdout(&o));
    let o = dpa(&["processors", "show", "hetzner", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no entry `hetzner`") && stderr(&o).contains("`hetzner-online`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_user_directory_replaces_and_extends_and_is_marked() {
    let o = dpa(&["processors", "--lang", "en", "--directory", MINE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("64 entries of 64"), "{out}");
    assert!(out.contains("acme-backup* "), "{out}");
    assert!(out.contains("hetzner-online* "), "{out}");
    assert!(
        out.contains("* from your directory: tests/fixtures/directory/mine.yaml"),
        "{out}"
    );
    let o = dpa(&[
        "processors",
        "show",
        "hetzner-online",
        "--directory",
        MINE,
        "--lang",
        "en",
    ]);
    let out = stdout(&o);
    assert!(out.contains("Sigmundstr. 135, 90431 Nürnberg"), "{out}");
    // replaced as a whole: nothing of the built-in entry remains
    assert!(
        !out.contains("Gunzenhausen") && !out.contains("FI"),
        "{out}"
    );
    assert!(out.contains("From:") && out.contains("mine.yaml"), "{out}");
}

#[test]
fn an_invalid_user_directory_is_refused_with_lines() {
    let dir = tempdir();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "format: 1\nentries:\n  - id: acme\n    name: \"ACME\"\n    country: \"DE\"\n    category: hosting\n    service: { de: \"x\", en: \"x\" }\n    reviewed: 2026-11-01\n    locations: [\"US\"]\n    transfer: { \"US\": adequacy }\n  - id: acme\n    name: \"ACME 2\"\n    country: \"XX\"\n    category: hosting\n    service: { de: \"x\", en: \"x\" }\n    reviewed: 2026-11-01\n",
    )
    .expect("write");
    for args in [
        vec!["processors", "--directory", bad.to_str().expect("path")],
        vec!["check", REFS, "--directory", bad.to_str().expect("path")],
        vec![
            "render",
            REFS,
            "-o",
            "/nonexistent",
            "--directory",
            bad.to_str().expect("path"),
        ],
    ] {
        let o = dpa(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        for needle in [
            ":10:23: error: entries[0].transfer.US: US has no adequacy decision",
            ":11:9: error: entries[1].id: the id `acme` is used twice (first on line 3)",
            ":13:14: error: entries[1].country: `XX` is not a country code",
            "3 problems in",
        ] {
            assert!(err.contains(needle), "{needle}: {err}");
        }
    }
}

#[test]
fn a_contract_with_ref_entries_renders_the_directorys_values_and_overrides_win() {
    let dir = tempdir();
    let out = dir.path().join("out");
    let o = dpa(&["render", REFS, "-o", &s(&out), "--format", "pdf,md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("refs.md")).expect("md");
    let words = pdf_words(&out.join("refs.pdf"));
    // Hetzner: the directory's name and address, the contract's own service and locations
    let hetzner = "| 1 | **Hetzner Online GmbH**<br>Industriestr. 25<br>91710 Gunzenhausen<br>Deutschland | Server-Hosting im Rechenzentrum | Deutschland: EWR, nicht erforderlich |";
    assert!(md.contains(hetzner), "{md}");
    assert!(!md.contains("Dedizierte Server"), "the override wins: {md}");
    // Google: the directory's legal entity (not "Google Ireland Limited") and service
    assert!(
        md.contains("| 2 | **Google Cloud EMEA Limited**<br>Gordon House"),
        "{md}"
    );
    assert!(
        md.contains("E-Mail und Büroanwendungen (Google Workspace"),
        "the directory's service in the contract's language: {md}"
    );
    // Zapier: the directory's transfer basis; contact and onward in Annex IV
    assert!(
        md.contains("| 3 | **Zapier, Inc.**<br>548 Market St<br>San Francisco, CA 94104<br>Vereinigte Staaten | Automatisierungsplattform Zapier"),
        "{md}"
    );
    assert!(
        md.contains("- Nr. 3 Zapier, Inc.: Zapier Privacy Team, privacy@zapier.example"),
        "{md}"
    );
    assert!(
        md.contains("- für Nr. 3 Zapier, Inc.: Amazon Web Services, Inc.; Leistung: Rechenzentren; Orte der Verarbeitung: Vereinigte Staaten"),
        "{md}"
    );
    for phrase in [
        "Hetzner Online GmbH",
        "Industriestr. 25",
        "91710 Gunzenhausen",
        "Google Cloud EMEA Limited",
        "Ansprechpartner der Unterauftragsverarbeiter für den Datenschutz",
        "Amazon Web Services, Inc.; Leistung: Rechenzentren",
    ] {
        assert!(words.contains(phrase), "{phrase} not in the PDF");
    }
}

#[test]
fn the_english_contract_takes_the_english_service_and_annex_sentences() {
    let dir = tempdir();
    let text = std::fs::read_to_string(root().join(REFS)).expect("fixture");
    let en = dir.path().join("refs-en.yaml");
    std::fs::write(&en, text.replace("language: de", "language: en")).expect("write");
    let out = dir.path().join("out");
    let o = dpa(&["render", &s(&en), "-o", &s(&out), "--format", "md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("refs-en.md")).expect("md");
    assert!(
        md.contains("E-mail and office apps (Google Workspace"),
        "{md}"
    );
    assert!(
        md.contains("Data protection contacts of the Sub-processors:"),
        "{md}"
    );
    assert!(
        md.contains("- for No. 3 Zapier, Inc.: Amazon Web Services, Inc.; service: Rechenzentren; locations: United States"),
        "{md}"
    );
}

#[test]
fn the_attached_contract_keeps_ref_and_the_values_and_renders_the_same_later() {
    let dir = tempdir();
    let out = dir.path().join("out");
    let o = dpa(&["render", REFS, "-o", &s(&out), "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let extracted = dir.path().join("extracted.yaml");
    let o = dpa(&["extract", &s(&out.join("refs.pdf")), "-o", &s(&extracted)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&extracted).expect("extracted");
    for needle in [
        "- ref: \"hetzner-online\"\n      reviewed: \"2026-11-30\"\n      name: \"Hetzner Online GmbH\"",
        "city: \"Gunzenhausen\"",
        "- ref: zapier\n      reviewed: \"2026-11-30\"\n      name: \"Zapier, Inc.\"",
        "transfer: dpf",
        "contact: { name: \"Zapier Privacy Team\", email: \"privacy@zapier.example\" }",
        "# The dental practice's contract",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in\n{text}");
    }
    // Later, with a directory that says something else about Hetzner, the attached file
    // still renders the same contract: the same fingerprint and the same bytes.
    let again = dir.path().join("again");
    let o = dpa(&[
        "render",
        &s(&extracted),
        "-o",
        &s(&again),
        "--format",
        "pdf",
        "--directory",
        MINE,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let a = std::fs::read(out.join("refs.pdf")).expect("first");
    let b = std::fs::read(again.join("extracted.pdf")).expect("again");
    assert!(a == b, "the extracted contract renders the same PDF");
    // The live contract with that directory takes the user's entry instead.
    let mine = dir.path().join("mine");
    let o = dpa(&[
        "render",
        REFS,
        "-o",
        &s(&mine),
        "--format",
        "md",
        "--directory",
        MINE,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(mine.join("refs.md")).expect("md");
    assert!(
        md.contains(
            "**Hetzner Online GmbH (Eigener Eintrag)**<br>Sigmundstr. 135<br>90431 Nürnberg"
        ),
        "{md}"
    );
}

#[test]
fn unknown_ids_and_missing_fields_are_refused_with_a_hint() {
    let dir = tempdir();
    let text = std::fs::read_to_string(root().join(REFS)).expect("fixture");
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        text.replace("    - ref: hetzner-online\n", "    - ref: hetzner\n")
            .replace(
                "      address: { street: 548 Market St, postal_code: \"94104\", city: San Francisco, region: CA, country: US }\n",
                "",
            ),
    )
    .expect("write");
    let o = dpa(&["check", &s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for needle in [
        "bad.yaml:54:12: error: subprocessors.list[0].ref: the processor directory has no entry `hetzner`",
        "did you mean `hetzner-online`?",
        "bad.yaml:61:12: error: subprocessors.list[2].address: the directory entry `zapier` does not state `address`",
        "add `address:` next to `ref: zapier`",
        "2 problems in",
    ] {
        assert!(err.contains(needle), "{needle}: {err}");
    }
}

#[test]
fn check_notes_directory_entries_reviewed_over_a_year_ago() {
    let note = |today: &str| {
        let o = dpa(&["check", REFS, "--format", "json", "--today", today]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v["reports"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["rule"] == "directory_review_old")
            .map(|f| {
                format!(
                    "{} {}:{} {}",
                    f["path"].as_str().unwrap_or(""),
                    f["location"]["line"],
                    f["location"]["column"],
                    f["severity"].as_str().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
    };
    // reviewed 2026-11-30: a year later nothing yet, a year and a day later every entry
    assert!(note("2027-11-30").is_empty());
    assert_eq!(
        note("2027-12-01"),
        vec![
            "subprocessors.list[0].ref 54:12 note",
            "subprocessors.list[1].ref 57:12 note",
            "subprocessors.list[2].ref 61:12 note",
        ]
    );
}
