//! End to end: the examples render to PDF and Markdown; the PDFs hold both parties, every
//! subprocessor and a heading for every Art. 28 requirement; renders are byte-identical;
//! existing files are not overwritten; an override folder replaces a clause.

mod common;

use std::path::Path;

use common::*;

const EXAMPLES: [&str; 3] = [
    "examples/dental-practice.yaml",
    "examples/saas-crm.yaml",
    "examples/uk-payroll.yaml",
];

fn render(file: &str, out: &Path, extra: &[&str]) -> std::process::Output {
    let out_s = out.to_string_lossy().into_owned();
    let mut args = vec!["render", file, "-o", out_s.as_str()];
    args.extend_from_slice(extra);
    dpa(&args)
}

fn stem(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn yaml_field_values(file: &str, key: &str) -> Vec<String> {
    // Names of parties and subprocessors as written in the example (`name: X` lines and
    // `- name: X` list entries); good enough for our own examples.
    let text = std::fs::read_to_string(root().join(file)).expect("read example");
    text.lines()
        .filter_map(|l| {
            let l = l.trim().trim_start_matches("- ");
            l.strip_prefix(&format!("{key}: "))
                .map(|v| v.trim().trim_matches('"').to_string())
        })
        .collect()
}

#[test]
fn examples_render_with_parties_subprocessors_and_every_requirement() {
    let out = tempdir();
    for file in EXAMPLES {
        let o = render(file, out.path(), &[]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let pdf = out.path().join(format!("{}.pdf", stem(file)));
        let md = out.path().join(format!("{}.md", stem(file)));
        assert!(pdf.exists() && md.exists(), "{file}: outputs missing");
        let words = pdf_words(&pdf);
        // Both parties and every subprocessor, by the names written in the file.
        let names = yaml_field_values(file, "name");
        assert!(names.len() >= 3, "{file}: found names {names:?}");
        let text = std::fs::read_to_string(root().join(file)).expect("read");
        let doc: serde_json::Value = {
            let o = dpa(&["check", file, "--format", "json"]);
            serde_json::from_slice(&o.stdout).expect("check json")
        };
        for party in ["controller", "processor"] {
            let section = text
                .split(&format!("\n{party}:"))
                .nth(1)
                .expect("party section");
            let name = section
                .lines()
                .find_map(|l| l.trim().strip_prefix("name: "))
                .expect("party name")
                .trim();
            assert!(
                words.contains(name),
                "{file}: party {name} missing from PDF"
            );
        }
        let subs = text
            .split("\nsubprocessors:")
            .nth(1)
            .expect("subprocessors")
            .split("\nterms:")
            .next()
            .unwrap_or("");
        for name in subs
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- name: "))
        {
            assert!(
                words.contains(name.trim()),
                "{file}: subprocessor {name} missing from PDF"
            );
        }
        // Every Art. 28 requirement is met by a clause whose heading is in the PDF.
        let coverage = doc["reports"][0]["coverage"].as_array().expect("coverage");
        assert!(coverage.len() >= 19, "{file}: coverage rows");
        for row in coverage {
            let clauses = row["clauses"].as_array().expect("clauses");
            assert!(
                !clauses.is_empty(),
                "{file}: requirement {} not covered",
                row["requirement"]
            );
            for c in clauses {
                let heading = format!(
                    "{} {}",
                    c["number"].as_str().unwrap_or(""),
                    c["title"].as_str().unwrap_or("")
                );
                assert!(
                    words.contains(&heading),
                    "{file}: heading `{heading}` (for {}) not in PDF",
                    row["requirement"]
                );
            }
        }
        // The Markdown has the same headings.
        let md_text = std::fs::read_to_string(&md).expect("md");
        assert!(md_text.starts_with("# "), "{file}: markdown title");
        assert!(md_text.contains("## "), "{file}: markdown headings");
    }
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let a = tempdir();
    let b = tempdir();
    for file in EXAMPLES {
        assert_eq!(render(file, a.path(), &[]).status.code(), Some(0));
        assert_eq!(render(file, b.path(), &[]).status.code(), Some(0));
        for ext in ["pdf", "md"] {
            let name = format!("{}.{ext}", stem(file));
            let x = std::fs::read(a.path().join(&name)).expect("a");
            let y = std::fs::read(b.path().join(&name)).expect("b");
            assert!(x == y, "{name} differs between two renders");
        }
    }
}

#[test]
fn existing_files_are_not_overwritten_without_force() {
    let out = tempdir();
    let file = EXAMPLES[0];
    assert_eq!(
        render(file, out.path(), &["--format", "md"]).status.code(),
        Some(0)
    );
    let md = out.path().join(format!("{}.md", stem(file)));
    std::fs::write(&md, "mine").expect("write");
    let o = render(file, out.path(), &["--format", "md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("exists already; pass --force"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&md).expect("read"), "mine");
    let o = render(file, out.path(), &["--format", "md", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_ne!(std::fs::read_to_string(&md).expect("read"), "mine");
    // No temporary files are left behind.
    let names: Vec<String> = files_in(out.path())
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, vec![format!("{}.md", stem(file))]);
}

#[test]
fn an_override_folder_replaces_one_clause() {
    let dir = tempdir();
    std::fs::create_dir_all(dir.path().join("de")).expect("mkdir");
    std::fs::write(
        dir.path().join("de/breach.md"),
        "---\nid: breach_notification\ntitle: Meldung von Datenpannen (eigene Fassung)\nkind: clause\norder: 130\nwhen: always\ncovers: [art33_2, art28_3_f]\n---\nDer Auftragnehmer meldet Datenpannen binnen {{ terms.breach_notification_hours }} Stunden an die Hotline der Kanzlei Override.\n",
    )
    .expect("write override");
    let out = tempdir();
    let clauses = dir.path().to_string_lossy().into_owned();
    let o = render(
        EXAMPLES[0],
        out.path(),
        &["--clauses", &clauses, "--format", "md,pdf"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.path().join("dental-practice.md")).expect("md");
    assert!(
        md.contains("Meldung von Datenpannen (eigene Fassung)"),
        "override title missing"
    );
    assert!(
        md.contains("binnen 24 Stunden an die Hotline der Kanzlei Override"),
        "override text missing"
    );
    assert!(
        !md.lines()
            .any(|l| l.starts_with("## ") && l.contains("Meldung von Verletzungen")),
        "built-in clause still present"
    );
    let words = pdf_words(&out.path().join("dental-practice.pdf"));
    assert!(
        words.contains("Hotline der Kanzlei Override"),
        "override text not in PDF"
    );
    // Everything else is still there.
    assert!(md.contains("Weisungen"), "other clauses missing");

    let list = dpa(&["clauses", "list", "--clauses", &clauses]);
    assert!(
        stdout(&list)
            .lines()
            .any(|l| l.starts_with("breach_notification") && l.contains("override")),
        "{}",
        stdout(&list)
    );
}

#[test]
fn a_broken_override_is_reported_with_its_file_and_line() {
    let dir = tempdir();
    std::fs::create_dir_all(dir.path().join("en")).expect("mkdir");
    let file = dir.path().join("en/x.md");
    std::fs::write(
        &file,
        "---\nid: extra\ntitle: Extra\norder: 5\n---\nLine six\n{{ no_such_variable }}\n",
    )
    .expect("write");
    let out = tempdir();
    let clauses = dir.path().to_string_lossy().into_owned();
    let o = render(
        "examples/uk-payroll.yaml",
        out.path(),
        &["--clauses", &clauses],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("x.md") && err.contains(":7:"), "{err}");
    assert!(files_in(out.path()).is_empty());
}

/// The Markdown of every example is kept under tests/fixtures/golden/: any change of clause
/// text or assembly shows up as a diff to review. `UPDATE_EXPECT=1 cargo test --test render`
/// rewrites the files after an intended change.
#[test]
fn markdown_of_the_examples_matches_the_golden_files() {
    let out = tempdir();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    for file in EXAMPLES {
        let o = render(file, out.path(), &["--format", "md"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let name = format!("{}.md", stem(file));
        let actual = std::fs::read_to_string(out.path().join(&name)).expect("md");
        let golden = root().join("tests/fixtures/golden").join(&name);
        if update {
            std::fs::write(&golden, &actual).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("{} missing; run with UPDATE_EXPECT=1", golden.display()));
        if expected != actual {
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "{name} differs from its golden file at line {}:\n  golden: {}\n  actual: {}",
                line + 1,
                expected.lines().nth(line).unwrap_or(""),
                actual.lines().nth(line).unwrap_or("")
            );
        }
    }
}
