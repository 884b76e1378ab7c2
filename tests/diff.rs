//! `dpa diff`: the amendment between two versions, run through the real binary; the DOCX
//! read with python-docx and LibreOffice, the JSON validated against its schema.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

const BREVO: &str = r#"    - name: Brevo SAS
      address: { street: 106 boulevard Haussmann, postal_code: "75008", city: Paris, country: FR }
      service: Versand von Terminerinnerungen per E-Mail
      locations: [FR]
"#;

/// The dental example with one subprocessor added and one measure removed.
fn amended(dir: &Path) -> PathBuf {
    let base = std::fs::read_to_string(root().join("examples/dental-practice.yaml")).expect("read");
    let removed = "firewall, redundancy, incident_response, physical_access_control]";
    assert!(base.contains(removed));
    let anchor = "      transfer: dpf\n";
    assert_eq!(base.matches(anchor).count(), 1);
    let new = base
        .replace(removed, "firewall, redundancy, incident_response]")
        .replace(anchor, &format!("{anchor}{BREVO}"));
    let path = dir.join("dental-v2.yaml");
    std::fs::write(&path, new).expect("write");
    path
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// The text of a block of the rendered contract: a paragraph starting with `start`, or the
/// cells of the table row holding it (joined without separator).
fn rendered_text(docx: &Value, start: &str) -> String {
    if let Some(p) = docx["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(Value::as_str)
        .find(|p| p.starts_with(start))
    {
        return p.to_string();
    }
    for t in docx["tables"].as_array().expect("tables") {
        for r in t.as_array().expect("rows") {
            let cells: Vec<&str> = r
                .as_array()
                .expect("cells")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            if cells.iter().any(|c| c.starts_with(start)) {
                return cells.concat();
            }
        }
    }
    panic!("no block starting with {start}");
}

#[test]
fn one_subprocessor_added_and_one_measure_removed() {
    let dir = tempdir();
    let new = amended(dir.path());
    let out = dir.path().join("out");
    let o = dpa(&[
        "diff",
        "examples/dental-practice.yaml",
        &s(&new),
        "-o",
        &s(&out),
        "--format",
        "md,docx,pdf,json",
    ]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    // The summary names both, with country, basis and Art. 32(1) area.
    let summary = stdout(&o);
    assert!(
        summary.contains("Unterauftragsverarbeiter hinzugefügt: Brevo SAS (Versand von Terminerinnerungen per E-Mail), Sitz in Frankreich (FR), Verarbeitung in Frankreich (FR); Übermittlungsgrundlage: nicht erforderlich (EWR)"),
        "{summary}"
    );
    assert!(
        summary.contains("Maßnahme entfernt unter Vertraulichkeit (Art. 32 Abs. 1 lit. b DSGVO): Zutrittsregelung für Räume und Serverstandorte"),
        "{summary}"
    );
    // A measure changed too, so this is an amendment, not a subprocessor notice.
    assert!(
        summary.contains("Der Vertrag selbst hat sich geändert"),
        "{summary}"
    );

    // The DOCX: tracked changes holding exactly the removed measure and the added row.
    let d = docx_dump(&out.join("dental-v2.diff.docx"));
    let old_dir = dir.path().join("old");
    let new_dir = dir.path().join("new");
    for (file, to) in [
        ("examples/dental-practice.yaml".to_string(), &old_dir),
        (s(&new), &new_dir),
    ] {
        let o = dpa(&["render", &file, "--format", "docx", "-o", &s(to)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let old_doc = docx_dump(&old_dir.join("dental-practice.docx"));
    let new_doc = docx_dump(&new_dir.join("dental-v2.docx"));
    let measure = rendered_text(&old_doc, "Zutrittsregelung für Räume und Serverstandorte");
    // The row's cells hold line breaks (name, street, town, country on their own lines);
    // tracked insertions are counted by their text.
    let row = rendered_text(&new_doc, "Brevo SAS").replace('\n', "");
    assert_eq!(d["del"].as_array().expect("del").len(), 2, "{}", d["del"]);
    assert_eq!(
        d["del"]
            .as_array()
            .expect("del")
            .iter()
            .filter_map(Value::as_str)
            .collect::<String>(),
        measure
    );
    assert_eq!(
        d["ins"]
            .as_array()
            .expect("ins")
            .iter()
            .filter_map(Value::as_str)
            .collect::<String>(),
        row
    );
    for c in d["changes"].as_array().expect("changes") {
        assert_eq!(c["author"], "dpagen");
        // The new version's effective date.
        assert_eq!(c["date"], "2026-12-01T00:00:00Z");
    }
    let ids: Vec<&str> = d["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    let expected: Vec<String> = (1..=ids.len()).map(|i| i.to_string()).collect();
    assert_eq!(ids, expected, "tracked change ids count from 1");
    // LibreOffice opens it and shows both the deleted and the inserted text.
    let lo = libreoffice_text(&out.join("dental-v2.diff.docx"));
    assert!(
        lo.contains("Brevo SAS") && lo.contains("Zutrittsregelung"),
        "LibreOffice text"
    );

    // Markdown marks the same texts.
    let md = std::fs::read_to_string(out.join("dental-v2.diff.md")).expect("md");
    assert!(
        md.contains(
            "{+**Brevo SAS**+}<br>{+106 boulevard Haussmann+}<br>{+75008 Paris+}<br>{+Frankreich+}"
        ),
        "{md}"
    );
    assert!(
        md.contains("[-**Zutrittsregelung für Räume und Serverstandorte**-]"),
        "{md}"
    );
    assert_eq!(
        md.matches("{+").count(),
        4 + 3 + 1,
        "four inserted cells (the name cell in four lines) and the legend"
    );
    // The PDF shows the summary and the marked text.
    let pdf = pdf_words(&out.join("dental-v2.diff.pdf"));
    assert!(
        pdf.contains("Unterauftragsverarbeiter hinzugefügt: Brevo SAS"),
        "{pdf}"
    );
    assert!(pdf.contains("Zutrittsregelung für Räume und Serverstandorte"));
    // The JSON names the two fields.
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("dental-v2.diff.json")).expect("json"),
    )
    .expect("parse");
    assert_eq!(json["kind"], "amendment");
    let fields: Vec<(&str, &str)> = json["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap_or(""),
                f["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            ("security.measures", "removed"),
            ("subprocessors.list", "added")
        ]
    );
    assert_eq!(json["old"]["fingerprint"].as_str().map(str::len), Some(64));
}

#[test]
fn identical_versions_give_an_empty_diff_and_exit_0() {
    let dir = tempdir();
    let copy = dir.path().join("copy.yaml");
    std::fs::copy(root().join("examples/saas-crm.yaml"), &copy).expect("copy");
    let o = dpa(&[
        "diff",
        "examples/saas-crm.yaml",
        &s(&copy),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["kind"], "identical");
    assert_eq!(v["fields"], serde_json::json!([]));
    assert_eq!(
        v["redline"],
        serde_json::json!({"blocks_inserted": 0, "blocks_deleted": 0, "blocks_changed": 0, "words_inserted": 0, "words_deleted": 0})
    );
    // The documents of an identical pair carry no change at all.
    let out = dir.path().join("out");
    let o = dpa(&["diff", "examples/saas-crm.yaml", &s(&copy), "-o", &s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d = docx_dump(&out.join("copy.diff.docx"));
    assert_eq!(d["changes"], serde_json::json!([]));
    let md = std::fs::read_to_string(out.join("copy.diff.md")).expect("md");
    assert!(!md.contains("{+") && !md.contains("[-"), "{md}");
}

#[test]
fn a_changed_deadline_is_a_word_level_change_and_exit_4() {
    let dir = tempdir();
    let base = std::fs::read_to_string(root().join("examples/uk-payroll.yaml")).expect("read");
    let new = if base.contains("breach_notification_hours:") {
        let start = base.find("breach_notification_hours:").expect("field");
        let end = start + base[start..].find(['\n', ',', '}']).expect("end");
        format!(
            "{}breach_notification_hours: 36{}",
            &base[..start],
            &base[end..]
        )
    } else {
        base.replacen("terms:", "terms:\n  breach_notification_hours: 36", 1)
    };
    assert_ne!(new, base);
    let path = dir.path().join("v2.yaml");
    std::fs::write(&path, &new).expect("write");
    let out = dir.path().join("out");
    let o = dpa(&[
        "diff",
        "examples/uk-payroll.yaml",
        &s(&path),
        "-o",
        &s(&out),
        "--format",
        "docx,json",
    ]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let summary = stdout(&o);
    assert!(
        summary.contains("deadline for reporting a personal data breach (hours): "),
        "{summary}"
    );
    assert!(summary.contains("→ 36"), "{summary}");
    let d = docx_dump(&out.join("v2.diff.docx"));
    let ins: Vec<&str> = d["ins"]
        .as_array()
        .expect("ins")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        ins.iter().all(|t| t.trim() == "36"),
        "only the number is inserted: {ins:?}"
    );
    assert!(!ins.is_empty());
}

#[test]
fn only_subprocessors_under_a_general_authorisation_is_a_notice() {
    let dir = tempdir();
    let base = std::fs::read_to_string(root().join("examples/dental-practice.yaml")).expect("read");
    let new = base.replace(
        "      transfer: dpf\n",
        &format!("      transfer: dpf\n{BREVO}"),
    );
    let path = dir.path().join("v2.yaml");
    std::fs::write(&path, new).expect("write");
    let o = dpa(&[
        "diff",
        "examples/dental-practice.yaml",
        &s(&path),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["kind"], "subprocessor_notice");
    let text = v["kind_text"].as_str().expect("text");
    assert!(
        text.contains("Art. 28 Abs. 2 DSGVO") && text.contains("kein neuer Vertrag"),
        "{text}"
    );
    assert!(text.contains("30 Tage"), "{text}");
}

#[test]
fn the_json_report_follows_its_schema() {
    let dir = tempdir();
    let new = amended(dir.path());
    let o = dpa(&[
        "diff",
        "examples/dental-practice.yaml",
        &s(&new),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let json = dir.path().join("r.json");
    std::fs::write(&json, &o.stdout).expect("write");
    let schema = root().join("docs/diff-report.schema.json");
    let script = "import json,sys,jsonschema\nschema=json.load(open(sys.argv[1]))\njsonschema.Draft202012Validator.check_schema(schema)\ndoc=json.load(open(sys.argv[2]))\njsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)\nprint(len(doc['fields']))\n";
    let run = |file: &Path| {
        std::process::Command::new("python3")
            .args(["-c", script])
            .arg(&schema)
            .arg(file)
            .output()
            .expect("python3 with jsonschema (.ci/run installs it)")
    };
    let v = run(&json);
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
    assert_eq!(String::from_utf8_lossy(&v.stdout).trim(), "2");
    // A report that breaks the schema is refused, so the check above can fail.
    let mut bad: Value = serde_json::from_slice(&o.stdout).expect("json");
    bad["kind"] = Value::from("renegotiation");
    std::fs::write(&json, bad.to_string()).expect("write");
    assert!(!run(&json).status.success());
}

#[test]
fn invalid_versions_are_refused_as_by_render() {
    let dir = tempdir();
    let bad = dir.path().join("bad.yaml");
    let base = std::fs::read_to_string(root().join("examples/dental-practice.yaml")).expect("read");
    std::fs::write(&bad, base.replace("country: DE", "country: GER")).expect("write");
    let render = dpa(&["render", &s(&bad), "-o", &s(&dir.path().join("r"))]);
    assert_eq!(render.status.code(), Some(1));
    for args in [
        vec![
            "diff".to_string(),
            s(&bad),
            "examples/dental-practice.yaml".into(),
        ],
        vec![
            "diff".to_string(),
            "examples/dental-practice.yaml".into(),
            s(&bad),
        ],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = dpa(&args);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(stderr(&o), stderr(&render), "same message as dpa render");
        assert!(o.stdout.is_empty());
    }
    // A missing file and a usage error.
    let o = dpa(&["diff", "examples/dental-practice.yaml", "nope.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let o = dpa(&["diff", "examples/dental-practice.yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_diff_documents_are_reproducible() {
    let dir = tempdir();
    let new = amended(dir.path());
    let mut bytes = Vec::new();
    for run in ["a", "b"] {
        let out = dir.path().join(run);
        let o = dpa(&[
            "diff",
            "examples/dental-practice.yaml",
            &s(&new),
            "-o",
            &s(&out),
            "--format",
            "docx,pdf",
        ]);
        assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
        bytes.push((
            std::fs::read(out.join("dental-v2.diff.docx")).expect("docx"),
            std::fs::read(out.join("dental-v2.diff.pdf")).expect("pdf"),
        ));
    }
    assert!(bytes[0] == bytes[1], "two runs differ");
}
