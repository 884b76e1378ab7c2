//! `dpa batch`: every input kind, the CSV mapping, a bad contract among good ones, name
//! sanitising, refusal to overwrite, and the JSON report.

mod common;

use std::path::Path;

use common::*;

const BASE: &str = "tests/fixtures/check/base.yaml";

fn batch(args: &[&str]) -> std::process::Output {
    let mut all = vec!["batch"];
    all.extend_from_slice(args);
    dpa(&all)
}

fn names(dir: &Path) -> Vec<String> {
    files_in(dir)
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect()
}

#[test]
fn files_and_folders_render_in_parallel() {
    let dir = tempdir();
    let nested = dir.path().join("in/sub");
    std::fs::create_dir_all(&nested).expect("mkdir");
    std::fs::copy(
        root().join("examples/saas-crm.yaml"),
        dir.path().join("in/saas.yaml"),
    )
    .expect("copy");
    std::fs::copy(
        root().join("examples/uk-payroll.yaml"),
        nested.join("uk.yml"),
    )
    .expect("copy");
    std::fs::write(nested.join("notes.txt"), "not a contract").expect("write");
    let out = dir.path().join("out");
    let o = batch(&[
        "examples/dental-practice.yaml",
        &dir.path().join("in").to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--jobs",
        "2",
        "--format",
        "pdf,md",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        names(&out),
        [
            "CRM-2026-0042.md",
            "CRM-2026-0042.pdf",
            "NL-PAYROLL-UK-01.md",
            "NL-PAYROLL-UK-01.pdf",
            "WEBER-2026-001.md",
            "WEBER-2026-001.pdf"
        ]
    );
    assert!(
        stderr(&o).contains("3 rendered, 0 failed"),
        "{}",
        stderr(&o)
    );
    // Batch output is the same as a single render.
    let single = dir.path().join("single");
    let r = dpa(&[
        "render",
        "examples/dental-practice.yaml",
        "-o",
        &single.to_string_lossy(),
        "--format",
        "pdf",
    ]);
    assert_eq!(r.status.code(), Some(0));
    assert!(
        std::fs::read(single.join("dental-practice.pdf")).expect("a")
            == std::fs::read(out.join("WEBER-2026-001.pdf")).expect("b")
    );
}

#[test]
fn a_batch_file_merges_defaults_and_a_bad_entry_does_not_stop_the_others() {
    let dir = tempdir();
    let base = std::fs::read_to_string(root().join(BASE)).expect("base");
    // defaults = the whole base contract, indented under `defaults:`
    let defaults: String = base
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("  {l}\n"))
        .collect();
    let file = dir.path().join("batch.yaml");
    std::fs::write(
        &file,
        format!(
            "format: 1\ndefaults:\n{defaults}contracts:\n  - id: client-001\n    controller: {{ name: Alpha GmbH, address: {{ street: A-Weg 1, postal_code: \"10115\", city: Berlin, country: DE }}, representative: {{ name: Anna Alpha }} }}\n  - id: client-002\n    terms: {{ breach_notification_hours: 12 }}\n    processing: {{ locations: [XX] }}\n  - id: client-003\n    language: en\n"
        ),
    )
    .expect("write");
    let out = dir.path().join("out");
    let report = dir.path().join("report.json");
    let o = batch(&[
        &file.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md",
        "--report",
        &report.to_string_lossy(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(names(&out), ["client-001.md", "client-003.md"]);
    // The error names the batch file, the entry, the field and its line.
    let line = std::fs::read_to_string(&file)
        .expect("read")
        .lines()
        .position(|l| l.contains("locations: [XX]"))
        .expect("line")
        + 1;
    assert!(err.contains(&format!("batch.yaml:{line}:")), "{err}");
    assert!(
        err.contains("contracts[1].processing.locations[0]: `XX` is not a country code"),
        "{err}"
    );
    assert!(err.contains("2 rendered, 1 failed"), "{err}");
    let md1 = std::fs::read_to_string(out.join("client-001.md")).expect("md");
    assert!(
        md1.contains("Alpha GmbH") && md1.contains("Beispiel IT GmbH"),
        "entry and defaults merged"
    );
    let md3 = std::fs::read_to_string(out.join("client-003.md")).expect("md");
    assert!(
        md3.contains("Data Processing Agreement") && md3.contains("Muster GmbH"),
        "language replaced, rest from defaults"
    );
    // The JSON report.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).expect("report")).expect("json");
    assert_eq!(json["schema"], "dpagen-batch/1");
    assert_eq!(json["summary"]["rendered"], 2);
    assert_eq!(json["summary"]["failed"], 1);
    assert!(
        json["failed"][0]["input"]
            .as_str()
            .unwrap_or("")
            .ends_with("batch.yaml, entry 2"),
        "{json:#}"
    );
    assert!(
        json["failed"][0]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("is not a country code")
    );
    assert_eq!(json["rendered"][0]["id"], "client-001");
}

#[test]
fn a_controllers_csv_is_merged_into_the_base_contract() {
    let dir = tempdir();
    for (name, content) in [
        (
            "semicolon-bom.csv",
            "\u{feff}ID;Name;Street;Postal Code;City;Country;Representative Name;Representative Role;Contact Email;Signatory Place\nK-1;Bäckerei Sonne;Markt 3;01067;Dresden;DE;Lisa Sonne;Inhaberin;lisa@sonne.example;Dresden-Neustadt\nK-2;\"Physio \"\"Aktiv\"\"; Reha\";Ring 9;50668;Köln;DE;Tom Aktiv;;;\n",
        ),
        (
            "comma.csv",
            "id,name,street,postal_code,city,country,representative_name\nK-1,Bäckerei Sonne,Markt 3,01067,Dresden,DE,Lisa Sonne\nK-2,\"Physio \"\"Aktiv\"\"; Reha\",Ring 9,50668,Köln,DE,Tom Aktiv\n",
        ),
    ] {
        let csv = dir.path().join(name);
        std::fs::write(&csv, content).expect("write");
        let out = dir.path().join(format!("out-{name}"));
        let o = batch(&[
            BASE,
            "--controllers",
            &csv.to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
            "--format",
            "md,pdf",
        ]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert_eq!(
            names(&out),
            ["K-1.md", "K-1.pdf", "K-2.md", "K-2.pdf"],
            "{name}"
        );
        let md = std::fs::read_to_string(out.join("K-1.md")).expect("md");
        assert!(
            md.contains("Bäckerei Sonne, Markt 3, 01067 Dresden"),
            "{name}: address mapped:\n{}",
            &md[..600.min(md.len())]
        );
        assert!(
            md.contains("Beispiel IT GmbH"),
            "{name}: processor from the base"
        );
        assert!(
            !md.contains("Muster GmbH"),
            "{name}: base controller replaced"
        );
        let md2 = std::fs::read_to_string(out.join("K-2.md")).expect("md");
        assert!(
            md2.contains("Physio \"Aktiv\"; Reha"),
            "{name}: quoted field with separator"
        );
        // Signatures: the controller's representative plus the processor's from the base.
        let words = pdf_words(&out.join("K-1.pdf"));
        assert!(
            words.contains("Lisa Sonne") && words.contains("Max Beispiel"),
            "{name}"
        );
        let fields = String::from_utf8_lossy(
            &std::process::Command::new("pdfsig")
                .arg(out.join("K-1.pdf"))
                .output()
                .expect("pdfsig")
                .stdout,
        )
        .into_owned();
        assert_eq!(
            fields.matches("Signature Field Name").count(),
            2,
            "{name}: {fields}"
        );
        if name.starts_with("semicolon") {
            assert!(words.contains("Dresden-Neustadt"), "signatory place column");
            assert!(md.contains("lisa@sonne.example"), "contact e-mail column");
        }
    }
}

#[test]
fn a_bad_csv_row_is_reported_with_its_line_and_column() {
    let dir = tempdir();
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "id,name,street,postal_code,city,country,representative_name,contact_email\nA,Alpha,Weg 1,10115,Berlin,DE,Anna,anna@alpha.example\nB,Beta,Weg 2,10115,Berlin,Germany,Bert,bert-at-beta\n").expect("write");
    let out = dir.path().join("out");
    let o = batch(&[
        BASE,
        "--controllers",
        &csv.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("c.csv:3:27: error: country: `Germany` is a country name, not a country code"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `DE`? (Germany)"), "{err}");
    assert!(
        err.contains("c.csv:3:40: error: contact_email: `bert-at-beta` is not an e-mail address"),
        "{err}"
    );
    assert_eq!(names(&out), ["A.md"]);
    // Unknown columns are refused before anything is rendered.
    std::fs::write(&csv, "id,name,stret\nA,B,C\n").expect("write");
    let o = batch(&[
        BASE,
        "--controllers",
        &csv.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown column `stret`")
            && stderr(&o).contains("did you mean `street`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_names_are_sanitised_and_duplicates_refused() {
    let dir = tempdir();
    let base = std::fs::read_to_string(root().join(BASE)).expect("base");
    for (f, id) in [("a.yaml", "../../x"), ("b.yaml", "dup"), ("c.yaml", "DUP")] {
        std::fs::write(
            dir.path().join(f),
            base.replace("id: CHECK-BASE", &format!("id: \"{id}\"")),
        )
        .expect("write");
    }
    let out = dir.path().join("deep/out");
    let o = batch(&[
        &dir.path().to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        names(&out),
        ["_x.md"],
        "the id cannot leave the output folder"
    );
    assert!(!dir.path().join("x.md").exists() && !dir.path().join("deep/x.md").exists());
    assert!(
        err.contains("the output name `dup` is used by 2 contracts")
            || err.contains("the output name `DUP` is used by 2 contracts"),
        "{err}"
    );
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let dir = tempdir();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("CHECK-BASE.md"), "mine").expect("write");
    let o = batch(&[BASE, "-o", &out.to_string_lossy(), "--format", "md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("exists already; pass --force"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(out.join("CHECK-BASE.md")).expect("read"),
        "mine"
    );
    let o = batch(&[
        BASE,
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md",
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_ne!(
        std::fs::read_to_string(out.join("CHECK-BASE.md")).expect("read"),
        "mine"
    );
}

#[test]
fn a_merged_contract_travels_inside_its_pdf() {
    let dir = tempdir();
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "id,name,street,postal_code,city,country,representative_name\nK-9,Neun GmbH,Weg 9,10115,Berlin,DE,Nina Neun\n").expect("write");
    let out = dir.path().join("out");
    let o = batch(&[
        BASE,
        "--controllers",
        &csv.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let yaml = dir.path().join("K-9.yaml");
    let x = dpa(&[
        "extract",
        &out.join("K-9.pdf").to_string_lossy(),
        "-o",
        &yaml.to_string_lossy(),
    ]);
    assert_eq!(x.status.code(), Some(0), "{}", stderr(&x));
    let again = dir.path().join("again");
    let r = dpa(&[
        "render",
        &yaml.to_string_lossy(),
        "-o",
        &again.to_string_lossy(),
        "--format",
        "pdf",
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert!(
        std::fs::read(again.join("K-9.pdf")).expect("a")
            == std::fs::read(out.join("K-9.pdf")).expect("b"),
        "the extracted contract renders the same PDF"
    );
}

#[test]
fn check_only_writes_nothing() {
    let dir = tempdir();
    let out = dir.path().join("out");
    let o = batch(&["examples/", "-o", &out.to_string_lossy(), "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 checked, 0 failed"), "{}", stderr(&o));
    assert!(!out.exists());
}
