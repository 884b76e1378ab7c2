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
