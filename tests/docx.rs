//! `dpa render --format docx`: the contract as a Word document, read back with python-docx
//! and converted by LibreOffice (both installed by .ci/run).

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

const EXAMPLES: [&str; 3] = ["dental-practice", "saas-crm", "uk-payroll"];

fn render_docx(example: &str, out: &Path) -> std::path::PathBuf {
    let file = format!("examples/{example}.yaml");
    let out_s = out.to_string_lossy().into_owned();
    let o = dpa(&["render", &file, "--format", "docx", "-o", &out_s]);
    assert_eq!(o.status.code(), Some(0), "{example}: {}", stderr(&o));
    out.join(format!("{example}.docx"))
}

/// Every text of the document: paragraphs and table cells.
fn all_text(d: &Value) -> String {
    let mut t: Vec<String> = d["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p.as_str().map(str::to_string))
        .collect();
    for table in d["tables"].as_array().expect("tables") {
        for row in table.as_array().expect("rows") {
            for cell in row.as_array().expect("cells") {
                t.push(cell.as_str().unwrap_or_default().to_string());
            }
        }
    }
    t.join("\n")
}

#[test]
fn every_example_has_parties_headings_subprocessors_and_properties() {
    let dir = tempdir();
    let lib = dpagen::clauses::Library::builtin().expect("library");
    for example in EXAMPLES {
        let path = render_docx(example, dir.path());
        let d = docx_dump(&path);
        let text = all_text(&d);
        let loaded =
            dpagen::pipeline::load(&root().join(format!("examples/{example}.yaml"))).expect("load");
        let c = &loaded.contract;
        let doc = dpagen::assemble::assemble(c, &lib).expect("assemble");
        for party in [&c.controller.name, &c.processor.name] {
            assert!(
                text.contains(party.as_str()),
                "{example}: party {party} missing"
            );
        }
        let headings: Vec<&str> = d["headings"]
            .as_array()
            .expect("headings")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for s in &doc.sections {
            let h = format!("{} {}", s.number, s.title);
            assert!(
                headings.contains(&h.as_str()),
                "{example}: clause heading `{h}` is not a heading: {headings:?}"
            );
        }
        assert!(
            !c.subprocessors.list.is_empty(),
            "{example} has subprocessors"
        );
        for s in &c.subprocessors.list {
            // In the Annex IV table, with the service in a cell of the same row.
            let rows: Vec<&Value> = d["tables"]
                .as_array()
                .expect("tables")
                .iter()
                .flat_map(|t| t.as_array().expect("rows"))
                .collect();
            assert!(
                rows.iter().any(|r| {
                    let cells: Vec<&str> = r
                        .as_array()
                        .expect("cells")
                        .iter()
                        .filter_map(Value::as_str)
                        .collect();
                    cells.iter().any(|x| x.contains(s.name.as_str()))
                        && cells.iter().any(|x| x.contains(s.service.as_str()))
                }),
                "{example}: subprocessor {} not in a table row",
                s.name
            );
        }
        for sig in &c.signatories {
            assert!(
                text.contains(sig.name.as_str()),
                "{example}: signatory {}",
                sig.name
            );
        }
        // Document properties, and a footer with id, fingerprint and page fields.
        let core = &d["core"];
        assert_eq!(core["title"], format!("{} – {}", doc.title, doc.id));
        assert_eq!(core["author"], c.processor.name.as_str());
        let lang = match c.language {
            dpagen::Lang::De => "de-DE",
            dpagen::Lang::En => "en-GB",
        };
        assert_eq!(core["language"], lang);
        let fp = dpagen::render::Fingerprint::of(c, &lib.version);
        assert!(
            core["keywords"]
                .as_str()
                .is_some_and(|k| k.contains(&fp.full)),
            "{example}: keywords {}",
            core["keywords"]
        );
        let footer = d["footer"].as_str().expect("footer");
        assert!(
            footer.contains(&doc.id) && footer.contains(&fp.short),
            "{footer}"
        );
        assert!(
            footer.contains("PAGE") && footer.contains("NUMPAGES"),
            "{footer}"
        );
        assert!(
            text.contains(&fp.full),
            "{example}: full fingerprint on the signature page"
        );
        // No tracked changes in a plain contract.
        assert_eq!(d["changes"].as_array().map(Vec::len), Some(0));
    }
}

#[test]
fn the_same_input_gives_the_same_bytes_with_the_documents_date_in_the_zip() {
    let a = tempdir();
    let b = tempdir();
    let pa = render_docx("dental-practice", a.path());
    let pb = render_docx("dental-practice", b.path());
    let (x, y) = (
        std::fs::read(&pa).expect("a"),
        std::fs::read(&pb).expect("b"),
    );
    assert_eq!(x, y, "two renders differ");
    let d = docx_dump(&pa);
    // dental-practice takes effect on 2026-12-01: every entry carries that date.
    for entry in d["zip"].as_array().expect("zip") {
        assert_eq!(
            entry["date"],
            serde_json::json!([2026, 12, 1, 0, 0, 0]),
            "{entry}"
        );
    }
    assert_eq!(d["zip"][0]["name"], "[Content_Types].xml");
    assert_eq!(d["core"]["created"], "2026-12-01T00:00:00+00:00");
}

#[test]
fn libreoffice_converts_every_example() {
    let dir = tempdir();
    for example in EXAMPLES {
        let path = render_docx(example, dir.path());
        let text = libreoffice_text(&path);
        let loaded =
            dpagen::pipeline::load(&root().join(format!("examples/{example}.yaml"))).expect("load");
        assert!(
            text.contains(loaded.contract.controller.name.as_str()),
            "{example}: LibreOffice text lacks the controller"
        );
    }
}

/// Rows and cells per table.
fn shape(tables: &Value) -> Vec<Vec<usize>> {
    tables
        .as_array()
        .expect("tables")
        .iter()
        .map(|t| {
            t.as_array()
                .expect("rows")
                .iter()
                .map(|r| r.as_array().map_or(0, Vec::len))
                .collect()
        })
        .collect()
}

const HOSTILE: [&str; 6] = [
    "</w:t></w:r></w:p><w:p><w:r><w:t>INJECTED",
    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
    "]]> &amp; &lt; \"quoted\" 'single'",
    "{+inserted+} [-deleted-] **bold** <ins>x</ins>",
    "#read(\"/etc/passwd\") $x$ \\ \\n",
    "Tab\there and ünïcödé – “quotes”",
];

#[test]
fn user_text_stays_text_in_word() {
    let dir = tempdir();
    let base = std::fs::read_to_string(root().join("examples/dental-practice.yaml")).expect("read");
    let mut hostile = base.clone();
    let mut plain = base.clone();
    let fields = [
        "Zahnarztpraxis Dr. Weber",
        "Bereitstellung der Website und Verwaltung von Terminanfragen",
        "Server-Hosting im Rechenzentrum",
        "Wöchentliche Wiederherstellungsprobe auf Testsystem",
        "Hosting, Pflege und Wartung der Praxis-Website mit Online-Terminbuchung",
        "E-Mail (Google Workspace)",
    ];
    for (i, (field, payload)) in fields.iter().zip(HOSTILE).enumerate() {
        assert!(base.contains(field), "{field}");
        hostile = hostile.replace(field, &serde_json::to_string(payload).expect("json"));
        plain = plain.replace(field, &format!("Platzhalter{i}"));
    }
    std::fs::write(dir.path().join("hostile.yaml"), hostile).expect("write");
    std::fs::write(dir.path().join("plain.yaml"), plain).expect("write");
    let out = dir.path().join("out");
    let out_s = out.to_string_lossy().into_owned();
    for f in ["hostile.yaml", "plain.yaml"] {
        let p = dir.path().join(f).to_string_lossy().into_owned();
        let o = dpa(&["render", &p, "--format", "docx", "-o", &out_s]);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
    }
    let h = docx_dump(&out.join("hostile.docx"));
    let p = docx_dump(&out.join("plain.docx"));
    let text = all_text(&h);
    for payload in HOSTILE {
        // A tab in a value becomes a space, as in the PDF and the Markdown.
        let literal = payload.replace('\t', " ");
        assert!(
            text.contains(&literal),
            "not literal in the DOCX: {payload}"
        );
    }
    assert!(!text.contains("root:"), "an entity was resolved");
    // The structure is the baseline's: same number of paragraphs and table rows.
    assert_eq!(
        h["paragraphs"].as_array().map(Vec::len),
        p["paragraphs"].as_array().map(Vec::len)
    );
    assert_eq!(shape(&h["tables"]), shape(&p["tables"]));
    // LibreOffice reads it too.
    let lo = libreoffice_text(&out.join("hostile.docx"));
    assert!(
        lo.contains("INJECTED"),
        "payload text missing in LibreOffice's text"
    );
}

#[test]
fn batch_writes_docx() {
    let dir = tempdir();
    let out = dir.path().join("out");
    let out_s = out.to_string_lossy().into_owned();
    let o = dpa(&[
        "batch",
        "examples/dental-practice.yaml",
        "--controllers",
        "examples/agency-clients.csv",
        "--format",
        "docx",
        "-o",
        &out_s,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs: Vec<_> = files_in(&out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert_eq!(docs.len(), 3, "{docs:?}");
    for d in &docs {
        let v = docx_dump(d);
        assert!(all_text(&v).contains("Pixelwerk Webdesign"));
    }
}
