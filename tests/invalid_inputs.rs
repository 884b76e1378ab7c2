//! Every file under tests/fixtures/invalid/ is a contract with something wrong. Rendering it
//! must fail with exit code 1, print exactly the message in the matching `.expected` file
//! (file, line, column, field, hint), write nothing, and never panic.
//!
//! To (re)write the expected files after an intended change of wording:
//! `UPDATE_EXPECT=1 cargo test --test invalid_inputs`, then review the diff.

mod common;

use common::*;

#[test]
fn every_invalid_input_fails_with_its_expected_message() {
    let dir = root().join("tests/fixtures/invalid");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut cases = 0;
    let mut failures = Vec::new();
    for input in files_in(&dir) {
        let name = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            continue;
        }
        cases += 1;
        let out_dir = tempdir();
        let rel = format!("tests/fixtures/invalid/{name}");
        let o = dpa(&["render", &rel, "-o", &out_dir.path().to_string_lossy()]);
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{name} panicked:\n{err}");
        assert_eq!(
            o.status.code(),
            Some(1),
            "{name}: exit code; stderr:\n{err}"
        );
        assert!(
            files_in(out_dir.path()).is_empty(),
            "{name}: wrote output although invalid"
        );
        let expected_path = input.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &err).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!(
                "{} is missing; run with UPDATE_EXPECT=1",
                expected_path.display()
            )
        });
        if expected != err {
            failures.push(format!(
                "{name}:\n--- expected\n{expected}\n--- actual\n{err}"
            ));
        }
    }
    assert!(
        cases >= 20,
        "only {cases} invalid inputs; the corpus needs at least 20"
    );
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_five_megabyte_string_is_refused_with_its_position() {
    let dir = tempdir();
    let example =
        std::fs::read_to_string(root().join("examples/dental-practice.yaml")).expect("example");
    let huge = "A".repeat(5 * 1024 * 1024);
    let text = example.replace(
        "  purpose: Bereitstellung der Website und Verwaltung von Terminanfragen",
        &format!("  purpose: {huge}"),
    );
    assert_ne!(text, example);
    let line = text
        .lines()
        .position(|l| l.starts_with("  purpose: "))
        .expect("line")
        + 1;
    let file = dir.path().join("huge.yaml");
    std::fs::write(&file, &text).expect("write");
    let out = dir.path().join("out");
    let o = dpa(&[
        "render",
        &file.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{}", &err[..err.len().min(2000)]);
    let first = err.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!(
            "{}:{line}:12: error: processing.purpose: the text is 5242880 characters long; at most 4000 are allowed",
            file.display()
        )
    );
    assert!(
        err.len() < 2000,
        "the message must not echo the whole string"
    );
    assert!(!out.exists(), "nothing may be written");
}
