//! `dpa render --part toms`: the TOM document of every example holds every chosen measure's
//! wording (and the own measures) and no contract clause, nothing about the controller or
//! the subprocessors; a processor file renders it and is refused as a contract; the same
//! measures give the same document and fingerprint from a contract and from the processor
//! file `dpa extract` gives back.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

const EXAMPLES: [&str; 4] = [
    "examples/dental-practice.yaml",
    "examples/saas-crm.yaml",
    "examples/uk-payroll.yaml",
    "examples/processor-pixelwerk.yaml",
];

/// Text with every whitespace, hyphen, soft hyphen and Markdown escape removed: wording
/// compares equal however it was wrapped, hyphenated or escaped.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\\'))
        .collect()
}

/// The measure catalog: id -> (language -> (label, text)).
fn measure_wording() -> BTreeMap<String, BTreeMap<String, (String, String)>> {
    let text = std::fs::read_to_string(root().join("catalogs/measures.yaml")).expect("catalog");
    let mut out: BTreeMap<String, BTreeMap<String, (String, String)>> = BTreeMap::new();
    let (mut id, mut lang, mut label) = (String::new(), String::new(), String::new());
    for line in text.lines() {
        let t = line.trim();
        if let Some(v) = t.strip_prefix("- id: ") {
            id = v.trim().to_string();
        } else if t == "de:" || t == "en:" {
            lang = t.trim_end_matches(':').to_string();
        } else if let Some(v) = t.strip_prefix("label: ") {
            label = v.trim().trim_matches('"').to_string();
        } else if let Some(v) = t.strip_prefix("text: ") {
            out.entry(id.clone()).or_default().insert(
                lang.clone(),
                (label.clone(), v.trim().trim_matches('"').to_string()),
            );
        }
    }
    assert!(out.len() >= 26, "read {} measures", out.len());
    out
}

/// `key: [a, b, ...]` of the `security:` section, over several lines.
fn yaml_list(text: &str, section: &str, key: &str) -> Vec<String> {
    let sec = text
        .split(&format!("\n{section}:"))
        .nth(1)
        .expect("section");
    let start = sec.find(&format!("{key}: [")).expect("list") + key.len() + 3;
    let end = start + sec[start..].find(']').expect("end of list");
    sec[start..end]
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn field(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{key}: ")))
        .map(|v| v.trim().trim_matches('"').to_string())
}

/// Titles of the clauses and annexes of the contract, in a language, from clauses/.
fn contract_clause_titles(lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    for f in files_in(&root().join("clauses").join(lang)) {
        let text = std::fs::read_to_string(&f).expect("clause");
        let head = text.split("\n---").next().unwrap_or("");
        if head.contains("kind: part") {
            continue;
        }
        if let Some(t) = field(head, "title") {
            out.push(t);
        }
    }
    assert!(out.len() >= 25, "{lang}: {} clause titles", out.len());
    out
}

/// References to numbered paragraphs that are not those of a statute: `§ 8` of a contract,
/// as opposed to `§ 203 StGB`.
fn clause_references(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if *w != "§" {
            continue;
        }
        let law = words.get(i + 2).copied().unwrap_or("");
        let law = law.trim_end_matches(|c: char| !c.is_alphanumeric());
        // A statute: `§ 203 StGB`, `§ 38 BDSG`, or in English `§ 203 of the German Criminal Code`.
        if !["StGB", "BDSG", "BGB", "AO", "HGB", "TTDSG", "TDDDG", "of"].contains(&law) {
            out.push(words[i..(i + 3).min(words.len())].join(" "));
        }
    }
    out
}

fn render_toms(file: &str, out: &Path) -> std::process::Output {
    dpa(&[
        "render",
        file,
        "--part",
        "toms",
        "-o",
        &out.to_string_lossy(),
    ])
}

fn stem(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn the_tom_document_of_every_example_has_every_measure_and_no_contract_clause() {
    let wording = measure_wording();
    let out = tempdir();
    for file in EXAMPLES {
        let o = render_toms(file, out.path());
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let md_path = out.path().join(format!("{}-toms.md", stem(file)));
        let pdf_path = out.path().join(format!("{}-toms.pdf", stem(file)));
        let md = std::fs::read_to_string(&md_path).expect("markdown");
        let pdf = pdf_words(&pdf_path);
        // The body without the page footers, which can fall inside a measure's text.
        let body: String = pdf_text(&pdf_path)
            .lines()
            .filter(|l| {
                let l = l.trim();
                !(l.starts_with("TOM-Dokument ")
                    || l.starts_with("TOM document ")
                    || l.starts_with("Seite ")
                    || l.starts_with("Page "))
            })
            .collect::<Vec<_>>()
            .join("\n");
        let text = std::fs::read_to_string(root().join(file)).expect("example");
        let lang = field(&text, "language").expect("language");
        let title = if lang == "de" {
            "Technische und organisatorische Maßnahmen (Art. 32 DSGVO)"
        } else {
            "Technical and organisational measures (Art. 32 GDPR)"
        };
        assert!(md.starts_with(&format!("# {title}\n")), "{file}: {md}");
        assert!(pdf.contains(title), "{file}: title missing from PDF");
        // Every chosen measure with its label and its full wording, in both outputs.
        let measures = yaml_list(&text, "security", "measures");
        assert!(!measures.is_empty(), "{file}");
        for id in &measures {
            let (label, wording_text) = &wording[id][&lang];
            for (what, doc) in [("Markdown", squeeze(&md)), ("PDF", squeeze(&body))] {
                assert!(
                    doc.contains(&squeeze(label)) && doc.contains(&squeeze(wording_text)),
                    "{file}: {what} lacks measure {id}: {wording_text}"
                );
            }
        }
        // Own measures.
        for line in text.lines().filter(|l| l.contains("{ area: ")) {
            let own = line
                .split("text: ")
                .nth(1)
                .expect("custom text")
                .trim_end_matches('}')
                .trim()
                .trim_matches('"');
            assert!(
                squeeze(&md).contains(&squeeze(own)),
                "{file}: own measure {own}"
            );
            assert!(
                squeeze(&body).contains(&squeeze(own)),
                "{file}: own measure {own} in PDF"
            );
        }
        // The processor, who it is.
        let processor = text.split("\nprocessor:").nth(1).expect("processor");
        let name = field(processor, "name").expect("processor name");
        assert!(pdf.contains(&name), "{file}: processor {name}");
        // No contract clause, no signature, nothing about the controller or subprocessors.
        for t in contract_clause_titles(&lang) {
            if title.starts_with(&t) {
                continue; // "Technische und organisatorische Maßnahmen" is the document's own title
            }
            assert!(
                !md.contains(&format!(" {t}\n")),
                "{file}: the contract clause `{t}` is in the TOM document"
            );
        }
        for marker in ["## §", "## Anlage", "## Annex", "## Clause"] {
            assert!(
                !md.contains(marker),
                "{file}: `{marker}` in the TOM document"
            );
        }
        for marker in ["Unterschrift", "Signature", "Clause ", "Anlage ", "Annex "] {
            assert!(!pdf.contains(marker), "{file}: `{marker}` in the TOM PDF");
        }
        assert_eq!(clause_references(&pdf), Vec::<String>::new(), "{file}");
        if let Some(controller) = text.split("\ncontroller:").nth(1) {
            let cname = field(controller, "name").expect("controller name");
            let id = field(&text, "id").expect("contract id");
            for secret in [cname.as_str(), id.as_str()] {
                assert!(
                    !md.contains(secret),
                    "{file}: `{secret}` in the TOM document"
                );
                assert!(!pdf.contains(secret), "{file}: `{secret}` in the TOM PDF");
            }
            let subs = text
                .split("\nsubprocessors:")
                .nth(1)
                .expect("subprocessors");
            for sub in subs
                .lines()
                .filter_map(|l| l.trim().strip_prefix("- name: "))
            {
                assert!(!pdf.contains(sub.trim()), "{file}: subprocessor {sub}");
            }
        }
        // Footer with the document's reference and fingerprint on every page.
        let label = if lang == "de" {
            "TOM-Dokument"
        } else {
            "TOM document"
        };
        assert!(pdf.contains(label), "{file}: footer");
    }
}

#[test]
fn a_processor_file_renders_toms_and_is_refused_as_a_contract() {
    let out = tempdir();
    let file = "examples/processor-pixelwerk.yaml";
    let o = dpa(&["render", file, "-o", &out.path().to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for part in [
        "examples/processor-pixelwerk.yaml",
        "this is a processor file",
        "`controller`, `processing`, `subprocessors` and `signatories`",
        "dpa render examples/processor-pixelwerk.yaml --part toms",
    ] {
        assert!(err.contains(part), "`{part}` missing from: {err}");
    }
    assert!(files_in(out.path()).is_empty(), "nothing is written");
    // `dpa check` says the same instead of listing the sections a contract would need.
    let o = dpa(&["check", file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("this is a processor file"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("required section"), "{}", stderr(&o));
    let o = render_toms(file, out.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pdf = out.path().join("processor-pixelwerk-toms.pdf");
    let words = pdf_words(&pdf);
    for part in [
        "Pixelwerk Webdesign, Jonas Klein",
        "Stand: 1. November 2026",
        "Version: 1.2",
        "PIX-TOM-2026",
        "Transportverschlüsselung",
    ] {
        assert!(
            words.contains(part),
            "`{part}` missing from the PDF: {words}"
        );
    }
    // No date: a note, and the document says nothing about its date.
    let undated = out.path().join("undated.yaml");
    let text = std::fs::read_to_string(root().join(file)).expect("example");
    std::fs::write(&undated, text.replace("  as_of: 2026-11-01\n", "")).expect("write");
    let o = render_toms(&undated.to_string_lossy(), out.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("note: the TOM document has no date"),
        "{}",
        stderr(&o)
    );
    let md = std::fs::read_to_string(out.path().join("undated-toms.md")).expect("md");
    assert!(!md.contains("**Stand:**"), "{md}");
}

#[test]
fn the_same_measures_give_the_same_document_from_a_contract_and_its_extract() {
    let out = tempdir();
    let o = render_toms("examples/dental-practice.yaml", out.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let from_contract = out.path().join("dental-practice-toms.pdf");
    let extracted = out.path().join("tom.yaml");
    let o = dpa(&[
        "extract",
        &from_contract.to_string_lossy(),
        "-o",
        &extracted.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let yaml = std::fs::read_to_string(&extracted).expect("extracted");
    assert!(
        yaml.contains("processor:") && yaml.contains("security:"),
        "{yaml}"
    );
    assert!(
        yaml.contains("as_of: \"2026-12-01\""),
        "the contract's date is kept: {yaml}"
    );
    for private in ["controller", "Zahnarztpraxis", "Hetzner", "WEBER-2026-001"] {
        assert!(
            !yaml.contains(private),
            "`{private}` in the attached file: {yaml}"
        );
    }
    let o = render_toms(&extracted.to_string_lossy(), out.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let again = std::fs::read(out.path().join("tom-toms.pdf")).expect("pdf");
    assert_eq!(
        std::fs::read(&from_contract).expect("pdf"),
        again,
        "the same measures give a byte-identical TOM document"
    );
    // A changed measure changes the fingerprint.
    let changed = out.path().join("changed.yaml");
    std::fs::write(&changed, yaml.replace("firewall, ", "")).expect("write");
    let o = render_toms(&changed.to_string_lossy(), out.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let fp = |p: &Path| {
        pdf_words(p)
            .split_whitespace()
            .find(|w| w.len() == 64 && w.chars().all(|c| c.is_ascii_hexdigit()))
            .map(str::to_string)
            .expect("fingerprint")
    };
    assert_ne!(fp(&from_contract), fp(&out.path().join("changed-toms.pdf")));
}

#[test]
fn an_override_of_the_measures_part_changes_annex_and_document_alike() {
    let dir = tempdir();
    std::fs::create_dir_all(dir.path().join("de")).expect("mkdir");
    std::fs::write(
        dir.path().join("de/toms_measures.md"),
        "---\nid: toms_measures\ntitle: Baustein\nkind: part\norder: 921\n---\nUNSERE MASSNAHMEN: {{ security.measure_count }}\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    let clauses = dir.path().to_string_lossy().into_owned();
    let out_s = out.to_string_lossy().into_owned();
    for part in ["dpa", "toms"] {
        let o = dpa(&[
            "render",
            "examples/dental-practice.yaml",
            "--part",
            part,
            "--format",
            "md",
            "--clauses",
            &clauses,
            "-o",
            &out_s,
        ]);
        assert_eq!(o.status.code(), Some(0), "{part}: {}", stderr(&o));
    }
    for name in ["dental-practice.md", "dental-practice-toms.md"] {
        let md = std::fs::read_to_string(out.join(name)).expect("md");
        assert!(md.contains("UNSERE MASSNAHMEN: 14"), "{name}");
        assert!(!md.contains("Transportverschlüsselung"), "{name}");
    }
}

#[test]
fn batch_skips_processor_files_in_folders_and_refuses_named_ones() {
    let out = tempdir();
    let out_s = out.path().join("out").to_string_lossy().into_owned();
    let o = dpa(&["batch", "examples/", "-o", &out_s, "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 checked, 0 failed"), "{}", stderr(&o));
    let o = dpa(&[
        "batch",
        "examples/processor-pixelwerk.yaml",
        "-o",
        &out_s,
        "--check",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("this is a processor file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_tom_document_as_docx_has_the_same_measures_and_no_clause() {
    let wording = measure_wording();
    let out = tempdir();
    let o = dpa(&[
        "render",
        "examples/dental-practice.yaml",
        "--part",
        "toms",
        "--format",
        "docx",
        "-o",
        &out.path().to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d = docx_dump(&out.path().join("dental-practice-toms.docx"));
    let text: String = d["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let source =
        std::fs::read_to_string(root().join("examples/dental-practice.yaml")).expect("example");
    for id in yaml_list(&source, "security", "measures") {
        let (_, t) = &wording[&id]["de"];
        assert!(squeeze(&text).contains(&squeeze(t)), "DOCX lacks {id}");
    }
    let headings: Vec<&str> = d["headings"]
        .as_array()
        .expect("headings")
        .iter()
        .filter_map(|h| h.as_str())
        .collect();
    assert!(
        headings.contains(&"1. Angaben zum Auftragnehmer"),
        "{headings:?}"
    );
    assert!(
        !headings
            .iter()
            .any(|h| h.starts_with('§') || h.starts_with("Anlage")),
        "{headings:?}"
    );
    assert!(
        !text.contains("Zahnarztpraxis") && !text.contains("Unterschrift"),
        "{text}"
    );
    assert!(
        d["footer"]
            .as_str()
            .unwrap_or("")
            .contains("TOM-Dokument TOM-"),
        "{d}"
    );
    assert!(
        d["core"]["keywords"]
            .as_str()
            .unwrap_or("")
            .contains("dpagen-sha256:"),
        "{d}"
    );
}

/// The Markdown of the TOM documents is kept under tests/fixtures/golden/ like the
/// contracts': `UPDATE_EXPECT=1 cargo test --test toms` rewrites it after an intended change.
#[test]
fn markdown_of_the_tom_documents_matches_the_golden_files() {
    let out = tempdir();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    for file in [
        "examples/dental-practice.yaml",
        "examples/uk-payroll.yaml",
        "examples/processor-pixelwerk.yaml",
    ] {
        let o = dpa(&[
            "render",
            file,
            "--part",
            "toms",
            "--format",
            "md",
            "-o",
            &out.path().to_string_lossy(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let name = format!("{}-toms.md", stem(file));
        let actual = std::fs::read_to_string(out.path().join(&name)).expect("md");
        let golden = root().join("tests/fixtures/golden").join(&name);
        if update {
            std::fs::write(&golden, &actual).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("{} missing; run with UPDATE_EXPECT=1", golden.display()));
        assert!(
            expected == actual,
            "{name} differs from {}",
            golden.display()
        );
    }
}
