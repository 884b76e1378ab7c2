//! `dpa batch` keeps each party's values with that party: the base client's people appear in
//! no other client's contract (PDF text, Markdown, the contract file attached to the PDF),
//! from a controllers CSV or a batch file; `--check` warns about party data in `defaults`
//! that no entry uses; batch files as YAML libraries write them (top-level `format`,
//! anchors and aliases); a CSV without an `id` column.

mod common;

use std::path::Path;

use common::*;

/// The base client's people in examples/dental-practice.yaml.
const BASE_PEOPLE: [&str; 4] = [
    "Anna Weber",
    "praxis@example.de",
    "Lindenallee",
    "Zahnarztpraxis Dr. Weber",
];

fn batch(args: &[&str]) -> std::process::Output {
    let mut all = vec!["batch"];
    all.extend_from_slice(args);
    dpa(&all)
}

/// The contract file attached to a PDF.
fn attached(pdf: &Path, dir: &Path) -> String {
    let yaml = dir.join(format!(
        "{}.yaml",
        pdf.file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default()
    ));
    let o = dpa(&[
        "extract",
        &pdf.to_string_lossy(),
        "-o",
        &yaml.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::read_to_string(&yaml).expect("extracted")
}

/// Asserts that none of the base client's people is in the contract `stem` (Markdown, PDF
/// text, attached contract file).
fn assert_no_base_people(out: &Path, stem: &str, scratch: &Path) {
    let md = std::fs::read_to_string(out.join(format!("{stem}.md"))).expect("md");
    let pdf = out.join(format!("{stem}.pdf"));
    let words = pdf_words(&pdf);
    let yaml = attached(&pdf, scratch);
    for who in BASE_PEOPLE {
        assert!(!md.contains(who), "{stem}.md names {who}");
        assert!(!words.contains(who), "{stem}.pdf names {who}");
        assert!(
            !yaml.contains(who),
            "{stem}.pdf carries {who} in its contract file"
        );
    }
}

#[test]
fn a_controllers_csv_never_gives_one_clients_people_to_another() {
    let dir = tempdir();
    let out = dir.path().join("out");
    let o = batch(&[
        "examples/dental-practice.yaml",
        "--controllers",
        "examples/agency-clients.csv",
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md,pdf",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for stem in ["PIX-2026-102", "PIX-2026-103"] {
        assert_no_base_people(&out, stem, dir.path());
    }
    // The row of the base contract's own client keeps that client's people.
    let own = std::fs::read_to_string(out.join("PIX-2026-101.md")).expect("md");
    assert!(own.contains("Anna Weber") && own.contains("praxis@example.de"));
    // Each other client gives instructions itself (its representative, the default).
    let md = std::fs::read_to_string(out.join("PIX-2026-102.md")).expect("md");
    assert!(md.contains("Dr. Malik Aydın"), "{md}");
}

/// A batch file whose `defaults` are a whole client's contract (the README's way to start).
fn batch_file_from_example(entries: &str) -> String {
    let example =
        std::fs::read_to_string(root().join("examples/dental-practice.yaml")).expect("example");
    let defaults: String = example
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("id:") && !l.starts_with("format:"))
        .map(|l| format!("  {l}\n"))
        .collect();
    format!("format: 1\ndefaults:\n{defaults}contracts:\n{entries}")
}

#[test]
fn a_batch_file_never_gives_one_clients_people_to_another() {
    let dir = tempdir();
    let file = dir.path().join("clients.yaml");
    std::fs::write(
        &file,
        batch_file_from_example(
            "  - id: K-1\n    controller:\n      name: Bäckerei Sonne\n      address: { street: Markt 3, postal_code: \"01067\", city: Dresden, country: DE }\n      representative: { name: Lisa Sonne, role: Inhaberin }\n  - id: K-2\n    controller: { name: Physio Aktiv, address: { street: Ring 9, postal_code: \"50668\", city: Köln, country: DE }, representative: { name: Tom Aktiv } }\n    signatories: [{ party: controller, name: Tina Aktiv, role: Prokuristin, place: Köln }]\n",
        ),
    )
    .expect("write");
    let out = dir.path().join("out");
    let o = batch(&[
        &file.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md,pdf",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    for stem in ["K-1", "K-2"] {
        assert_no_base_people(&out, stem, dir.path());
    }
    // The processor's side is inherited; the new controller signs (its representative by
    // default, or the entry's own signatory).
    let k1 = pdf_words(&out.join("K-1.pdf"));
    assert!(
        k1.contains("Lisa Sonne") && k1.contains("Jonas Klein"),
        "{k1}"
    );
    let k2 = pdf_words(&out.join("K-2.pdf"));
    assert!(
        k2.contains("Tina Aktiv") && k2.contains("Jonas Klein"),
        "{k2}"
    );
    // The same file warns about the client data in `defaults` that no entry uses.
    let c = batch(&[
        &file.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--check",
    ]);
    let err = stderr(&c);
    assert_eq!(c.status.code(), Some(0), "{err}");
    let name = file.to_string_lossy();
    let line = std::fs::read_to_string(&file)
        .expect("read")
        .lines()
        .position(|l| l == "    name: Zahnarztpraxis Dr. Weber")
        .expect("line")
        + 1;
    let pad = " ".repeat(line.to_string().len());
    assert!(
        err.contains(&format!(
            "{name}:{line}:5: warning: defaults.controller: `defaults` holds the controller's data here, but every entry names its own controller, so no contract uses it\n{pad} |\n{line} |     name: Zahnarztpraxis Dr. Weber\n{pad} |     ^\n  = help: remove it, so that the file carries no personal data of a client that no contract needs\n"
        )),
        "{err}"
    );
    for path in [
        "defaults.instructions.controller_persons",
        "defaults.signatories",
    ] {
        assert!(
            err.contains(&format!(
                ": warning: {path}: `defaults` holds the controller's"
            )),
            "{path}: {err}"
        );
    }
    assert!(!err.contains("processor's data"), "{err}");
}

#[test]
fn a_batch_file_as_a_yaml_library_writes_it() {
    // No `format` in `defaults` (the top-level one applies), a processor map and the
    // processor's signatory shared through anchors by 300 entries.
    let dir = tempdir();
    let example =
        std::fs::read_to_string(root().join("tests/fixtures/check/base.yaml")).expect("base");
    let mut text = String::from("format: 1\ndefaults:\n");
    for l in example
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("format:") && !l.starts_with("id:"))
    {
        text.push_str(&format!("  {l}\n"));
    }
    text.push_str("contracts:\n");
    for i in 0..300 {
        let shared = if i == 0 {
            "&terms { breach_notification_hours: 24, audits: { notice_days: 14, on_site: true }, liability: statutory, governing_law: DE }"
        } else {
            "*terms"
        };
        text.push_str(&format!(
            "- id: C-{i:03}\n  controller: {{ name: Kunde {i}, address: {{ street: Weg {i}, postal_code: \"10115\", city: Berlin, country: DE }}, representative: {{ name: Person {i} }} }}\n  terms: {shared}\n"
        ));
    }
    let file = dir.path().join("written.yaml");
    std::fs::write(&file, text).expect("write");
    let out = dir.path().join("out");
    let o = batch(&[
        &file.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--check",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("300 checked, 0 failed"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_controllers_csv_without_an_id_column_names_each_row_by_its_hash() {
    let dir = tempdir();
    let csv = dir.path().join("no-id.csv");
    std::fs::write(
        &csv,
        "name;street;postal_code;city;country;representative_name\nAlpha GmbH;Weg 1;10115;Berlin;DE;Anna Alpha\nBeta GmbH;Weg 2;10115;Berlin;DE;Bert Beta\nGamma GmbH;Weg 3;10115;Berlin;DE;Gina Gamma\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    let o = batch(&[
        "examples/dental-practice.yaml",
        "--controllers",
        &csv.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let names: Vec<String> = files_in(&out)
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    for n in &names {
        assert!(
            n.starts_with("DPA-") && n.ends_with(".md") && n.len() == "DPA-12345678.md".len(),
            "{names:?}"
        );
        assert!(
            !n.contains("WEBER"),
            "the base contract's id is not inherited: {n}"
        );
    }
}
