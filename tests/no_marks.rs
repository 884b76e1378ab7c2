//! The PDF typesetter marks values by kind with private-use characters (U+E000..U+E0FF,
//! see src/typography.rs). Those marks must never reach a text a person reads or copies:
//! every Markdown output of every command, and the text of the DOCX, is checked here.

mod common;

use std::path::Path;

use common::{dpa, root, stderr, tempdir};

/// The first private-use mark character in a text, with some context.
fn first_mark(text: &str) -> Option<String> {
    let i = text.find(|c: char| ('\u{E000}'..='\u{E0FF}').contains(&c))?;
    let start = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
    Some(text[start..].chars().take(80).collect())
}

fn assert_clean(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if let Some(at) = first_mark(&text) {
        panic!("{}: a typesetting mark leaked: {at:?}", path.display());
    }
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn no_output_carries_typesetting_marks() {
    let dir = tempdir();
    let out = dir.path();
    let examples = ["dental-practice", "saas-crm", "uk-payroll"];
    for ex in examples {
        let file = root().join(format!("examples/{ex}.yaml"));
        let o = dpa(&["render", &s(&file), "-o", &s(out), "--format", "md,docx"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_clean(&out.join(format!("{ex}.md")));
        let o = dpa(&[
            "render",
            &s(&file),
            "-o",
            &s(out),
            "--part",
            "toms",
            "--format",
            "md",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_clean(&out.join(format!("{ex}-toms.md")));
        // The Word text: every document part of the package.
        // The parts are deflated: unpack them with python's zipfile (CI has python3).
        let py = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(''.join(z.read(n).decode('utf-8','replace') for n in z.namelist() if n.endswith('.xml')))",
                &s(&out.join(format!("{ex}.docx"))),
            ])
            .output()
            .expect("python3");
        let xml = String::from_utf8_lossy(&py.stdout);
        assert!(xml.contains("w:document"), "unpacked the DOCX");
        if let Some(at) = first_mark(&xml) {
            panic!("{ex}.docx: a typesetting mark leaked: {at:?}");
        }
    }
    // The record of all examples.
    let record = out.join("record.md");
    let mut args = vec!["record".to_string()];
    args.extend(
        examples
            .iter()
            .map(|e| s(&root().join(format!("examples/{e}.yaml")))),
    );
    args.extend(["-o".into(), s(&record)]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = dpa(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_clean(&record);
    // A subprocessor change: diff and notice.
    let old = root().join("examples/dental-practice.yaml");
    let text = std::fs::read_to_string(&old).expect("example");
    let new = out.join("new.yaml");
    let added = "  list:\n    - name: Sendinblue SAS\n      address: { street: 9-17 rue Salneuve, postal_code: \"75017\", city: Paris, country: FR }\n      service: Newsletter\n      locations: [FR]\n";
    assert!(
        text.contains("  list:\n"),
        "the example lists subprocessors"
    );
    std::fs::write(&new, text.replacen("  list:\n", added, 1)).expect("write");
    let diff = out.join("diff");
    let o = dpa(&[
        "diff",
        &s(&old),
        &s(&new),
        "-o",
        &s(&diff),
        "--format",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    for e in std::fs::read_dir(&diff).expect("diff out") {
        assert_clean(&e.expect("entry").path());
    }
    let notices = out.join("notices");
    let o = dpa(&[
        "notify",
        &s(&old),
        &s(&new),
        "-o",
        &s(&notices),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut n = 0;
    for e in std::fs::read_dir(&notices).expect("notices out") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "md") {
            assert_clean(&p);
            n += 1;
        }
    }
    assert!(n >= 1, "a notice was written");
}
