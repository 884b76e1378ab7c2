//! `dpa record`: the processor's record under Art. 30(2) GDPR over the examples plus the
//! agency's controllers CSV: one entry per controller with (a)-(d), as CSV for spreadsheets
//! (BOM, `;`, one row per controller) and as JSON that validates against
//! docs/record.schema.json; invalid inputs are listed and left out (exit code 1); Markdown
//! and PDF for people; usage errors.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;

const DATE: &str = "2026-11-30";

/// `dpa record` over every example plus the agency CSV (base: the dental practice).
fn record_examples(out: &Path, extra: &[&str]) -> std::process::Output {
    let out_s = out.to_string_lossy().into_owned();
    let mut args = vec![
        "record",
        "examples/",
        "--base",
        "examples/dental-practice.yaml",
        "--controllers",
        "examples/agency-clients.csv",
        "-o",
        out_s.as_str(),
        "--date",
        DATE,
    ];
    args.extend_from_slice(extra);
    dpa(&args)
}

/// Validates a JSON file against docs/record.schema.json with python jsonschema; returns
/// whether it is valid and the validator's message.
fn validate(json: &Path) -> (bool, String) {
    let schema = root().join("docs/record.schema.json");
    let script = "import json,sys,jsonschema\nschema=json.load(open(sys.argv[1]))\njsonschema.Draft202012Validator.check_schema(schema)\ndoc=json.load(open(sys.argv[2]))\njsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)\n";
    let v = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&schema)
        .arg(json)
        .output()
        .expect("python3 with jsonschema (.ci/run installs it)");
    (
        v.status.success(),
        String::from_utf8_lossy(&v.stderr).into_owned(),
    )
}

fn entries(v: &serde_json::Value) -> Vec<&serde_json::Value> {
    v["processors"]
        .as_array()
        .expect("processors")
        .iter()
        .flat_map(|g| g["controllers"].as_array().expect("controllers"))
        .collect()
}

fn entry<'a>(v: &'a serde_json::Value, controller: &str) -> &'a serde_json::Value {
    entries(v)
        .into_iter()
        .find(|e| e["controller"]["name"] == controller)
        .unwrap_or_else(|| panic!("no entry for {controller}"))
}

#[test]
fn json_has_one_entry_per_controller_with_art_30_2_a_to_d_and_follows_its_schema() {
    let dir = tempdir();
    let json = dir.path().join("record.json");
    let o = record_examples(&json, &["--lang", "de"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("processor-pixelwerk.yaml: Hinweis: eine Auftragnehmer-Datei"),
        "{}",
        stderr(&o)
    );
    let (valid, why) = validate(&json);
    assert!(valid, "schema validation failed: {why}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("parse");
    assert_eq!(v["schema"], "dpagen-record/1");
    assert_eq!(v["date"], DATE);
    // Grouped by processor: the web agency, the SaaS vendor, the UK payroll provider.
    let processors: Vec<&str> = v["processors"]
        .as_array()
        .expect("processors")
        .iter()
        .map(|g| g["processor"]["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        processors,
        [
            "Harbour Payroll Ltd",
            "Kundenwerk Software GmbH",
            "Pixelwerk Webdesign, Jonas Klein"
        ]
    );
    // One entry per controller: the three practices of the CSV (Dr. Weber also has the
    // example contract), the retailer and the software company.
    let names: BTreeSet<&str> = entries(&v)
        .iter()
        .map(|e| e["controller"]["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        BTreeSet::from([
            "Gartenfreude Versand GmbH",
            "Kieferorthopädie am Ring",
            "Nordlicht Software GmbH",
            "Zahnarztpraxis Dr. Weber",
            "Zahnärzte Südstadt Partnerschaft",
        ])
    );
    assert_eq!(entries(&v).len(), 5);
    for e in entries(&v) {
        let who = e["controller"]["name"].as_str().unwrap_or("");
        // (a) name and contact details.
        assert!(
            !e["controller"]["address"]["city"]
                .as_str()
                .unwrap_or("")
                .is_empty(),
            "{who}"
        );
        assert!(
            !e["controller"]["representative"]["name"]
                .as_str()
                .unwrap_or("")
                .is_empty(),
            "{who}"
        );
        // (b) categories of processing.
        let p = e["processing"].as_array().expect("processing");
        assert!(!p.is_empty(), "{who}");
        for item in p {
            for key in [
                "operations",
                "data_categories",
                "data_subjects",
                "locations",
            ] {
                assert!(!item[key].as_array().expect(key).is_empty(), "{who}: {key}");
            }
        }
        // (c) transfers: present as a list (may be empty).
        assert!(e["transfers"].is_array(), "{who}");
        // (d) measures in every area with at least one measure.
        let measures: usize = e["security"]["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .map(|a| a["measures"].as_array().map_or(0, |m| m.len()))
            .sum();
        assert!(measures >= 8, "{who}: {measures} measures");
    }
    // Dr. Weber: two contracts in one entry, the processing once, the DPO of the example.
    let weber = entry(&v, "Zahnarztpraxis Dr. Weber");
    let ids: Vec<&str> = weber["contracts"]
        .as_array()
        .expect("contracts")
        .iter()
        .map(|c| c["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["PIX-2026-101", "WEBER-2026-001"]);
    assert_eq!(weber["processing"].as_array().map(Vec::len), Some(1));
    assert_eq!(weber["controller"]["dpo"]["name"], "Datenschutz Nord GmbH");
    assert_eq!(
        weber["processing"][0]["special_categories"][0]["id"],
        "health"
    );
    // (c) with country, recipient and safeguard.
    let t = &weber["transfers"][0];
    assert_eq!(
        (
            t["recipient"].as_str(),
            t["country"]["code"].as_str(),
            t["safeguard"]["id"].as_str()
        ),
        (Some("Google Ireland Limited"), Some("US"), Some("dpf"))
    );
    let crm = entry(&v, "Gartenfreude Versand GmbH");
    let bases: BTreeSet<(String, String)> = crm["transfers"]
        .as_array()
        .expect("transfers")
        .iter()
        .map(|t| {
            (
                t["recipient"].as_str().unwrap_or("").to_string(),
                t["safeguard"]["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        bases.contains(&("Zendesk, Inc.".into(), "dpf".into())),
        "{bases:?}"
    );
    assert!(
        bases.contains(&("Mailgun Technologies, Inc.".into(), "scc".into())),
        "{bases:?}"
    );
    // The processor itself in a third country with an adequacy decision.
    let payroll = entry(&v, "Nordlicht Software GmbH");
    assert!(
        payroll["transfers"]
            .as_array()
            .expect("transfers")
            .iter()
            .any(|t| {
                t["recipient_role"] == "processor"
                    && t["country"]["code"] == "GB"
                    && t["safeguard"]["id"] == "adequacy"
            }),
        "{payroll:#}"
    );
    // A practice without a third-country location of its own has exactly the e-mail transfer.
    assert_eq!(
        entry(&v, "Kieferorthopädie am Ring")["transfers"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    // A document that breaks the schema is refused, so the validation above can fail.
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        std::fs::read_to_string(&json).expect("json").replacen(
            "\"recipient_role\": \"subprocessor\"",
            "\"recipient_role\": \"friend\"",
            1,
        ),
    )
    .expect("write");
    assert!(
        !validate(&broken).0,
        "the schema refuses an unknown recipient role"
    );
}

#[test]
fn csv_opens_in_a_spreadsheet_one_row_per_controller() {
    let dir = tempdir();
    let file = dir.path().join("record.csv");
    let o = record_examples(&file, &["--lang", "de"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&file).expect("csv");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 byte order mark"
    );
    let text = String::from_utf8(bytes).expect("UTF-8");
    let body = text.trim_start_matches('\u{feff}');
    assert!(body.starts_with("Auftragsverarbeiter (lit. a);"), "{body}");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.len(), 21);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 5, "one row per controller");
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let controllers: BTreeSet<&str> = rows
        .iter()
        .map(|r| &r[col("Verantwortlicher (lit. a)")])
        .collect();
    assert!(
        controllers.contains("Kieferorthopädie am Ring"),
        "{controllers:?}"
    );
    for r in &rows {
        for c in [
            "Auftragsverarbeiter (lit. a)",
            "Anschrift des Verantwortlichen",
            "Gegenstand (lit. b)",
            "Art der personenbezogenen Daten (lit. b)",
            "Technische und organisatorische Maßnahmen, Art. 32 Abs. 1 DSGVO (lit. d)",
        ] {
            assert!(!r[col(c)].is_empty(), "{c} empty in {r:?}");
        }
    }
    let weber = rows
        .iter()
        .find(|r| &r[col("Verantwortlicher (lit. a)")] == "Zahnarztpraxis Dr. Weber")
        .expect("Weber row");
    assert_eq!(
        &weber[col("Verträge")],
        "PIX-2026-101 (wirksam ab 2026-12-01)\nWEBER-2026-001 (wirksam ab 2026-12-01)"
    );
    assert!(
        weber[col("Übermittlungen in Drittländer: Empfänger, Land, Garantien (lit. c)")]
            .contains("Google Ireland Limited (E-Mail (Google Workspace)) – Vereinigte Staaten (US) – EU-US Data Privacy Framework"),
        "{weber:?}"
    );
    assert!(body.contains("\r\n"), "CRLF line ends");
}

#[test]
fn invalid_inputs_are_listed_and_left_out_and_fail_the_run() {
    let dir = tempdir();
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    let good = dir.path().join("good.yaml");
    std::fs::write(&good, &base).expect("write");
    let bad = dir.path().join("bad.yaml");
    assert!(base.contains("\nlanguage: de\n"));
    std::fs::write(&bad, base.replace("\nlanguage: de\n", "\nlanguage: fr\n")).expect("write");
    let csv = dir.path().join("clients.csv");
    std::fs::write(
        &csv,
        "name;street;postal_code;city;country;representative_name\nPraxis Eins;Weg 1;50667;Köln;DE;Dr. Eins\nPraxis Zwei;Weg 2;50667;Köln;GER;Dr. Zwei\n",
    )
    .expect("write");
    let json = dir.path().join("r.json");
    let o = dpa(&[
        "record",
        &good.to_string_lossy(),
        &bad.to_string_lossy(),
        "--base",
        "examples/dental-practice.yaml",
        "--controllers",
        &csv.to_string_lossy(),
        "-o",
        &json.to_string_lossy(),
        "--date",
        DATE,
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("bad.yaml:4:11: error: language: unknown value `fr`"),
        "{err}"
    );
    assert!(err.contains("clients.csv:3:"), "{err}");
    assert!(err.contains("2 invalid inputs left out"), "{err}");
    let (valid, why) = validate(&json);
    assert!(valid, "{why}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("parse");
    let invalid: Vec<&str> = v["invalid"]
        .as_array()
        .expect("invalid")
        .iter()
        .map(|f| f["input"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(invalid.len(), 2, "{invalid:?}");
    assert!(
        invalid.iter().any(|i| i.ends_with("bad.yaml")),
        "{invalid:?}"
    );
    assert!(
        invalid.iter().any(|i| i.ends_with("clients.csv, line 3")),
        "{invalid:?}"
    );
    let names: BTreeSet<&str> = entries(&v)
        .iter()
        .map(|e| e["controller"]["name"].as_str().unwrap_or(""))
        .collect();
    // The good contract and the good row; nothing of the bad ones.
    assert_eq!(names, BTreeSet::from(["Muster GmbH", "Praxis Eins"]));
    let text = std::fs::read_to_string(&json).expect("json");
    assert!(
        !text.contains("\"name\": \"Praxis Zwei\""),
        "no half-included row"
    );
}

#[test]
fn markdown_and_pdf_are_readable_and_reproducible() {
    let dir = tempdir();
    let md = dir.path().join("record.md");
    let o = record_examples(&md, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&md).expect("md");
    assert!(
        text.starts_with("# Record of processing activities of the processor (Art. 30(2) GDPR)\n"),
        "{text}"
    );
    for part in [
        "## 2\\. Processor: Harbour Payroll Ltd",
        "### 2. Controller: Zahnarztpraxis Dr. Weber",
        "#### (a) Name and contact details (Art. 30(2)(a) GDPR)",
        "#### (b) Categories of processing (Art. 30(2)(b) GDPR)",
        "#### (c) Transfers to third countries (Art. 30(2)(c) GDPR)",
        "#### (d) Technical and organisational measures (Art. 30(2)(d), Art. 32(1) GDPR)",
        "| Google Ireland Limited (E-Mail (Google Workspace)) | United States (US) |",
    ] {
        assert!(text.contains(part), "`{part}` missing:\n{text}");
    }
    let pdf = dir.path().join("record.pdf");
    let o = record_examples(&pdf, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let words = pdf_words(&pdf);
    for name in [
        "Nordlicht Software GmbH",
        "Zahnärzte Südstadt Partnerschaft",
        "Standard contractual clauses",
        "As of 30 November 2026",
    ] {
        assert!(words.contains(name), "`{name}` missing from the PDF");
    }
    let again = dir.path().join("again.pdf");
    let o = record_examples(&again, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&pdf).expect("pdf"),
        std::fs::read(&again).expect("pdf"),
        "the same inputs and date give the same bytes"
    );
}

#[test]
fn spreadsheet_formulas_in_contract_text_stay_text() {
    let dir = tempdir();
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    let file = dir.path().join("c.yaml");
    std::fs::write(
        &file,
        base.replace(
            "name: Muster GmbH",
            "name: \"=HYPERLINK(\\\"http://x\\\")\"",
        ),
    )
    .expect("write");
    let out = dir.path().join("r.csv");
    let o = dpa(&[
        "record",
        &file.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).expect("csv");
    assert!(text.contains(";\"'=HYPERLINK"), "{text}");
    assert!(
        !text.contains(";=HYPERLINK") && !text.contains(";\"=HYPERLINK"),
        "{text}"
    );
}

#[test]
fn usage_errors_name_the_fix() {
    let dir = tempdir();
    let out = dir.path().join("r.xlsx");
    let o = dpa(&[
        "record",
        "examples/saas-crm.yaml",
        "-o",
        &out.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(".csv, .json, .md, .pdf or .docx"),
        "{}",
        stderr(&o)
    );
    let out = dir.path().join("r.csv");
    let o = dpa(&[
        "record",
        "examples/",
        "--controllers",
        "examples/agency-clients.csv",
        "-o",
        &out.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("name the base contract with --base"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    std::fs::write(&out, "keep").expect("write");
    let o = dpa(&[
        "record",
        "examples/saas-crm.yaml",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep");
}

#[test]
fn docx_holds_every_controller() {
    let dir = tempdir();
    let file = dir.path().join("record.docx");
    let o = record_examples(&file, &["--lang", "de"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d = docx_dump(&file);
    let headings: Vec<&str> = d["headings"]
        .as_array()
        .expect("headings")
        .iter()
        .filter_map(|h| h.as_str())
        .collect();
    for name in [
        "Gartenfreude Versand GmbH",
        "Kieferorthopädie am Ring",
        "Nordlicht Software GmbH",
        "Zahnarztpraxis Dr. Weber",
        "Zahnärzte Südstadt Partnerschaft",
    ] {
        assert!(
            headings
                .iter()
                .any(|h| h.ends_with(&format!("Verantwortlicher: {name}"))),
            "{name}: {headings:?}"
        );
    }
    assert!(
        !d["tables"].as_array().expect("tables").is_empty(),
        "the transfers table"
    );
}

/// The Markdown record of the examples is kept under tests/fixtures/golden/:
/// `UPDATE_EXPECT=1 cargo test --test record` rewrites it after an intended change.
#[test]
fn markdown_of_the_examples_record_matches_its_golden_file() {
    let dir = tempdir();
    for lang in ["de", "en"] {
        let md = dir.path().join(format!("record-{lang}.md"));
        let o = record_examples(&md, &["--lang", lang]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let actual = std::fs::read_to_string(&md).expect("md");
        let golden = root().join(format!("tests/fixtures/golden/record-examples-{lang}.md"));
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&golden, &actual).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("{} missing; run with UPDATE_EXPECT=1", golden.display()));
        assert!(
            expected == actual,
            "the record differs from {}",
            golden.display()
        );
    }
}
