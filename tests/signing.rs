//! Signable PDFs, judged by real tools: qpdf, poppler's pdfsig/pdfdetach/pdftotext and
//! pyHanko (installed by .ci/run). One empty signature field per signatory, placed over its
//! signature box; pyHanko signs them in turn and validates every signature; the attached
//! contract file comes back byte for byte; the fingerprint is printed and changes with the
//! contract.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// (example, signature field names in order)
const EXAMPLES: [(&str, &[&str]); 3] = [
    (
        "examples/dental-practice.yaml",
        &["sig_controller_1", "sig_processor_1"],
    ),
    (
        "examples/saas-crm.yaml",
        &["sig_controller_1", "sig_processor_1"],
    ),
    (
        "examples/uk-payroll.yaml",
        &["sig_controller_1", "sig_controller_2", "sig_processor_1"],
    ),
];

fn run(cmd: &str, args: &[&str]) -> std::process::Output {
    Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} not runnable ({e}); .ci/run installs it"))
}

fn render_pdf(file: &str, out: &Path) -> PathBuf {
    let o = dpa(&[
        "render",
        file,
        "-o",
        &out.to_string_lossy(),
        "--format",
        "pdf",
    ]);
    assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
    let stem = Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.join(format!("{stem}.pdf"))
}

fn fields_listed_by_pdfsig(pdf: &Path) -> Vec<(String, bool)> {
    let o = run("pdfsig", &[&pdf.to_string_lossy()]);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let mut fields = Vec::new();
    for block in text.split("Signature #").skip(1) {
        let name = block
            .lines()
            .find_map(|l| l.trim().strip_prefix("- Signature Field Name: "))
            .unwrap_or("")
            .to_string();
        let unsigned = block.contains("not signed");
        fields.push((name, unsigned));
    }
    fields
}

#[test]
fn every_example_passes_qpdf_and_has_one_unsigned_field_per_signatory() {
    let out = tempdir();
    for (file, names) in EXAMPLES {
        let pdf = render_pdf(file, out.path());
        let q = run("qpdf", &["--check", &pdf.to_string_lossy()]);
        assert!(
            q.status.success(),
            "{file}: qpdf --check failed:\n{}",
            String::from_utf8_lossy(&q.stdout)
        );
        let fields = fields_listed_by_pdfsig(&pdf);
        let expected: Vec<(String, bool)> = names.iter().map(|n| (n.to_string(), true)).collect();
        assert_eq!(fields, expected, "{file}: pdfsig fields");
    }
}

/// Field rectangles from qpdf's JSON: (name, page, [x0, y0, x1, y1]).
fn field_rects(pdf: &Path) -> Vec<(String, u64, Vec<f64>)> {
    let o = run(
        "qpdf",
        &[
            "--json",
            "--json-key=acroform",
            "--json-key=qpdf",
            &pdf.to_string_lossy(),
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("qpdf json");
    let objects = &json["qpdf"][1];
    json["acroform"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            let key = format!("obj:{}", f["object"].as_str().expect("object"));
            let rect = objects[&key]["value"]["/Rect"]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
                .unwrap_or_default();
            (
                f["fullname"].as_str().unwrap_or("").to_string(),
                f["pageposfrom1"].as_u64().unwrap_or(0),
                rect,
            )
        })
        .collect()
}

#[test]
fn each_field_lies_exactly_over_its_signature_line() {
    let out = tempdir();
    let pdf = render_pdf(EXAMPLES[2].0, out.path());
    let rects = field_rects(&pdf);
    assert_eq!(rects.len(), 3);
    // Words with their boxes on the signature page, from poppler (y grows downwards).
    let page = rects[0].1.to_string();
    let o = run(
        "pdftotext",
        &[
            "-bbox",
            "-f",
            &page,
            "-l",
            &page,
            &pdf.to_string_lossy(),
            "-",
        ],
    );
    let html = String::from_utf8_lossy(&o.stdout).into_owned();
    let page_h: f64 = html
        .split("<page width=")
        .nth(1)
        .and_then(|s| s.split("height=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("page height");
    let labels: Vec<(f64, f64)> = html
        .lines()
        .filter(|l| l.ends_with(">Signature</word>"))
        .map(|l| {
            let attr = |name: &str| {
                l.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .and_then(|s| s.parse::<f64>().ok())
                    .expect("attr")
            };
            (attr("xMin"), attr("yMin"))
        })
        .collect();
    assert_eq!(
        labels.len(),
        3,
        "one 'Signature' label under each box: {labels:?}"
    );
    for (name, _, rect) in &rects {
        let (x0, y0, x1, y1) = (rect[0], rect[1], rect[2], rect[3]);
        assert!(
            x1 - x0 > 150.0 && y1 - y0 > 40.0,
            "{name}: field too small {rect:?}"
        );
        // The label sits directly under the box: same left edge, just below the bottom line.
        let bottom_from_top = page_h - y0;
        let below = labels.iter().any(|(lx, ly)| {
            (lx - x0).abs() < 2.0 && *ly >= bottom_from_top && *ly - bottom_from_top < 15.0
        });
        assert!(
            below,
            "{name}: no signature label right under {rect:?} (labels {labels:?}, page height {page_h})"
        );
    }
}

#[test]
fn pyhanko_signs_every_field_in_turn_and_validates_them() {
    let dir = tempdir();
    let key = dir.path().join("key.pem");
    let cert = dir.path().join("cert.pem");
    let o = run(
        "openssl",
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &key.to_string_lossy(),
            "-out",
            &cert.to_string_lossy(),
            "-days",
            "2",
            "-subj",
            "/CN=dpagen test signer",
        ],
    );
    assert!(
        o.status.success(),
        "openssl: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    for (file, names) in EXAMPLES {
        let mut current = render_pdf(file, dir.path());
        for (i, name) in names.iter().enumerate() {
            let next = dir.path().join(format!("signed-{i}.pdf"));
            let o = run(
                "pyhanko",
                &[
                    "sign",
                    "addsig",
                    "--field",
                    name,
                    "pemder",
                    "--key",
                    &key.to_string_lossy(),
                    "--cert",
                    &cert.to_string_lossy(),
                    "--no-pass",
                    &current.to_string_lossy(),
                    &next.to_string_lossy(),
                ],
            );
            assert!(
                o.status.success(),
                "{file}: signing {name} failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            current = next;
        }
        let o = run(
            "pyhanko",
            &[
                "sign",
                "validate",
                "--trust-replace",
                "--trust",
                &cert.to_string_lossy(),
                &current.to_string_lossy(),
            ],
        );
        let report = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(
            o.status.success(),
            "{file}: validation failed:\n{report}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let lines: Vec<&str> = report.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines.len(),
            names.len(),
            "{file}: one line per signature:\n{report}"
        );
        for (line, name) in lines.iter().zip(names) {
            assert!(line.starts_with(&format!("{name}:")), "{file}: {line}");
            assert!(line.contains(":INTACT:TRUSTED"), "{file}: {line}");
        }
        // pdfsig agrees: every field signed and every signature valid.
        let fields = fields_listed_by_pdfsig(&current);
        assert!(
            fields.iter().all(|(_, unsigned)| !unsigned),
            "{file}: {fields:?}"
        );
        let text = String::from_utf8_lossy(&run("pdfsig", &[&current.to_string_lossy()]).stdout)
            .into_owned();
        assert_eq!(
            text.matches("Signature is Valid.").count(),
            names.len(),
            "{file}: {text}"
        );
    }
}

#[test]
fn the_attached_contract_comes_back_byte_identical_and_renders_the_same_pdf() {
    let dir = tempdir();
    for (file, _) in EXAMPLES {
        let pdf = render_pdf(file, dir.path());
        let original = std::fs::read(root().join(file)).expect("read");
        // dpa extract
        let extracted = dir.path().join("extracted.yaml");
        let _ = std::fs::remove_file(&extracted);
        let o = dpa(&[
            "extract",
            &pdf.to_string_lossy(),
            "-o",
            &extracted.to_string_lossy(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            std::fs::read(&extracted).expect("extracted") == original,
            "{file}: dpa extract differs"
        );
        // poppler's pdfdetach
        let detached = dir.path().join("detached.yaml");
        let o = run(
            "pdfdetach",
            &[
                "-save",
                "1",
                "-o",
                &detached.to_string_lossy(),
                &pdf.to_string_lossy(),
            ],
        );
        assert!(o.status.success());
        assert!(
            std::fs::read(&detached).expect("detached") == original,
            "{file}: pdfdetach differs"
        );
        // Rendering the extracted file gives the same PDF.
        let again_dir = dir.path().join("again");
        let stem = Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        std::fs::create_dir_all(&again_dir).expect("mkdir");
        let copy = again_dir.join(format!("{stem}.yaml"));
        std::fs::copy(&extracted, &copy).expect("copy");
        let out2 = again_dir.join("out");
        let again = render_pdf(&copy.to_string_lossy(), &out2);
        assert!(
            std::fs::read(&again).expect("again") == std::fs::read(&pdf).expect("pdf"),
            "{file}: re-rendered PDF differs"
        );
    }
}

fn fingerprint(pdf: &Path) -> String {
    let words = pdf_words(pdf);
    words
        .split(|c: char| !c.is_ascii_hexdigit())
        .find(|w| w.len() == 64)
        .expect("full fingerprint printed")
        .to_string()
}

#[test]
fn the_fingerprint_is_printed_stored_and_changes_with_one_character() {
    let dir = tempdir();
    let pdf = render_pdf("examples/dental-practice.yaml", dir.path());
    let fp = fingerprint(&pdf);
    let words = pdf_words(&pdf);
    let pages = run("pdfinfo", &[&pdf.to_string_lossy()]);
    let info = String::from_utf8_lossy(&pages.stdout).into_owned();
    let n_pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("pages");
    // Short form in every footer, full form in the metadata.
    assert_eq!(
        words.matches(&fp[..12]).count(),
        n_pages + 1,
        "short fingerprint once per footer (plus inside the full one)"
    );
    assert!(
        info.contains(&format!("dpagen-sha256:{fp}")),
        "fingerprint in the PDF keywords:\n{info}"
    );
    // One character changed in the contract -> another fingerprint.
    let text = std::fs::read_to_string(root().join("examples/dental-practice.yaml")).expect("read");
    let changed = text.replace("backup_daily", "backup_offsite");
    assert_ne!(text, changed);
    let file = dir.path().join("changed.yaml");
    std::fs::write(&file, changed).expect("write");
    let pdf2 = render_pdf(&file.to_string_lossy(), &dir.path().join("b"));
    assert_ne!(fingerprint(&pdf2), fp);
    let file = dir.path().join("one-char.yaml");
    std::fs::write(&file, text.replace("Lindenallee 4", "Lindenallee 5")).expect("write");
    let pdf3 = render_pdf(&file.to_string_lossy(), &dir.path().join("c"));
    assert_ne!(fingerprint(&pdf3), fp);
}

/// No PDF/A validator (veraPDF) can be installed here. This checks the PDF/A-3b properties
/// that adding the signature fields could break: the XMP identification, output intent,
/// associated file and document ID survive the rewrite; every widget is printable, has a
/// normal appearance and the form does not ask viewers to make appearances up.
#[test]
fn pdf_a_properties_survive_the_signature_fields() {
    let dir = tempdir();
    let pdf = render_pdf(EXAMPLES[2].0, dir.path());
    let p = pdf.to_string_lossy().into_owned();
    let o = run("qpdf", &["--json", "--json-key=qpdf", &p]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("qpdf json");
    let objects = json["qpdf"][1].as_object().expect("objects");
    let trailer = &objects["trailer"]["value"];
    assert!(
        trailer["/ID"].as_array().is_some_and(|a| a.len() == 2),
        "trailer /ID"
    );
    let root_ref = trailer["/Root"].as_str().expect("root");
    let catalog = &objects[&format!("obj:{root_ref}")]["value"];
    for key in ["/Metadata", "/OutputIntents", "/AF", "/Lang", "/AcroForm"] {
        assert!(!catalog[key].is_null(), "catalog lacks {key}");
    }
    let acro =
        &objects[&format!("obj:{}", catalog["/AcroForm"].as_str().expect("acroform"))]["value"];
    assert!(
        acro["/NeedAppearances"].is_null(),
        "NeedAppearances must not be set"
    );
    let meta_ref = catalog["/Metadata"].as_str().expect("metadata");
    let meta = &objects[&format!("obj:{meta_ref}")]["stream"];
    assert!(
        meta["dict"]["/Filter"].is_null(),
        "XMP metadata stays unfiltered"
    );
    let number = meta_ref.split(' ').next().expect("object number");
    let xmp = String::from_utf8_lossy(
        &run(
            "qpdf",
            &[
                &format!("--show-object={number}"),
                "--filtered-stream-data",
                &p,
            ],
        )
        .stdout,
    )
    .into_owned();
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "PDF/A-3b identification"
    );
    assert!(
        xmp.contains("dpagen-sha256:"),
        "fingerprint in XMP keywords too"
    );
    let mut widgets = 0;
    for (_, obj) in objects {
        let v = &obj["value"];
        if v["/FT"] == "/Sig" {
            widgets += 1;
            assert_eq!(v["/F"], 4, "printable widget");
            assert!(v["/AP"]["/N"].is_string(), "normal appearance stream");
        }
    }
    assert_eq!(widgets, 3);
}
