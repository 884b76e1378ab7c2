//! Inputs the way people really write them (issue 13): the field cases under
//! tests/fixtures/field/ (copied from the shared collection), addresses in each country's
//! postal order in Markdown and in the PDF, text pasted with line breaks, non-breaking
//! spaces and soft hyphens. The refused spellings have their exact messages in
//! tests/fixtures/invalid/ (`country_*`, `flow_map_*`, `date_*`, `text_*`).

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Renders a file; returns the exit code, standard error and the output folder.
fn render(file: &str) -> (Option<i32>, String, tempfile::TempDir) {
    let dir = tempdir();
    let o = dpa(&["render", file, "-o", &dir.path().to_string_lossy()]);
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{file}: {err}");
    (o.status.code(), err, dir)
}

/// PDF text in content-stream order (`pdftotext -raw`: a table cell stays together), with
/// soft hyphens removed and whitespace collapsed.
fn pdf_raw_words(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout)
        .replace("\u{ad}\n", "")
        .replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn output(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    dir.join(format!("{stem}.{ext}"))
}

/// Renders contract text written to a temporary file.
fn render_text(name: &str, text: &str) -> (Option<i32>, String, tempfile::TempDir) {
    let dir = tempdir();
    let file = dir.path().join(format!("{name}.yaml"));
    std::fs::write(&file, text).expect("write");
    let out = dir.path().join("out");
    let o = dpa(&[
        "render",
        &file.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{name}: {err}");
    (o.status.code(), err, dir)
}

#[test]
fn uk_is_refused_with_gb_as_the_suggestion_wherever_a_country_is_read() {
    let (code, err, dir) = render("tests/fixtures/field/country-uk-instead-of-gb.yaml");
    assert_eq!(code, Some(1), "{err}");
    let file = "tests/fixtures/field/country-uk-instead-of-gb.yaml";
    // The processor's address and the processing location, each at its place.
    assert!(
        err.contains(&format!(
            "{file}:12:86: error: processor.address.country: `UK` is not an ISO 3166-1 country code"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file}:21:15: error: processing.locations[0]: `UK` is not an ISO 3166-1 country code"
        )),
        "{err}"
    );
    assert_eq!(
        err.matches("help: did you mean `GB`? (United Kingdom)")
            .count(),
        2,
        "{err}"
    );
    assert!(!err.contains("UA") && !err.contains("Ukraine"), "{err}");
    assert!(files_in(dir.path()).is_empty(), "nothing written");
}

#[test]
fn the_same_spelling_is_refused_in_every_place_a_country_is_read() {
    let text = std::fs::read_to_string(root().join("examples/dental-practice.yaml"))
        .expect("example")
        .replace(
            "city: Köln, country: DE }",
            "city: Köln, country: Deutschland }",
        )
        .replace("  governing_law: DE", "  governing_law: GER")
        .replace("      locations: [IE, US]", "      locations: [IRL, USA]")
        .replace(
            "city: Gunzenhausen, country: DE }",
            "city: Gunzenhausen, country: deu }",
        )
        .replace("  locations: [DE]\n", "  locations: [Germany]\n");
    let (code, err, _dir) = render_text("everywhere", &text);
    assert_eq!(code, Some(1), "{err}");
    for (path, hint) in [
        ("controller.address.country", "`DE`? (Germany)"),
        ("processor.address.country", "`DE`? (Germany)"),
        ("processing.locations[0]", "`DE`? (Germany)"),
        ("subprocessors.list[0].address.country", "`DE`? (Germany)"),
        ("subprocessors.list[1].locations[0]", "`IE`? (Ireland)"),
        (
            "subprocessors.list[1].locations[1]",
            "`US`? (United States)",
        ),
        ("terms.governing_law", "`DE`? (Germany)"),
    ] {
        let at = err
            .find(&format!("error: {path}: "))
            .unwrap_or_else(|| panic!("no problem at {path}:\n{err}"));
        let help = err[at..].find("help: did you mean ").map(|h| at + h);
        let help = help.unwrap_or_else(|| panic!("{path}: no hint\n{err}"));
        assert!(
            err[help..].starts_with(&format!("help: did you mean {hint}")),
            "{path}\n{err}"
        );
    }
}

#[test]
fn kosovo_is_a_third_country_without_adequacy() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/field/country-uk-instead-of-gb.yaml"))
            .expect("case")
            .replace("country: UK }", "country: XK }")
            .replace(
                "postal_code: EC4M 6XH, city: London",
                "postal_code: \"10000\", city: Prishtina",
            )
            .replace("  locations: [UK]", "  locations: [XK]");
    let (code, err, _dir) = render_text("kosovo", &text);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("transfer_basis_missing") || err.contains("error: processing.locations"),
        "{err}"
    );
    assert!(
        !err.contains("not a country code"),
        "XK is a country: {err}"
    );
    let with_basis = text.replace("  locations: [XK]", "  locations: [XK]\n  transfer: scc");
    let (code, err, dir) = render_text("kosovo", &with_basis);
    assert_eq!(code, Some(0), "{err}");
    let md = std::fs::read_to_string(dir.path().join("out/kosovo.md")).expect("md");
    assert!(md.contains("Kosovo"), "{md}");
}

#[test]
fn hong_kong_and_rural_ireland_render_without_an_invented_postal_code() {
    let (code, err, dir) = render("tests/fixtures/field/address-hong-kong-no-postcode.yaml");
    assert_eq!(code, Some(0), "{err}");
    let stem = "address-hong-kong-no-postcode";
    let md = std::fs::read_to_string(output(dir.path(), stem, "md")).expect("md");
    // Annex IV: the name, then street, town line and country on lines of their own.
    assert!(
        md.contains("| 1 | **Harbour Lights Outsourcing Limited**<br>Unit 1203, 12/F, Tower 2, 33 Canton Road, Tsim Sha Tsui, Kowloon<br>Hong Kong<br>Hong Kong | "),
        "{md}"
    );
    assert!(
        md.contains(
            "| 2 | **Ballyglen Print Services Ltd**<br>Main Street<br>Ballyglen, County Mayo<br>Ireland | "
        ),
        "{md}"
    );
    let pdf = pdf_raw_words(&output(dir.path(), stem, "pdf"));
    for expected in [
        "Harbour Lights Outsourcing Limited Unit 1203, 12/F, Tower 2, 33 Canton Road, Tsim Sha Tsui, Kowloon Hong Kong Hong Kong",
        "Ballyglen Print Services Ltd Main Street Ballyglen, County Mayo Ireland",
    ] {
        assert!(pdf.contains(expected), "{expected}\n{pdf}");
    }
}

#[test]
fn a_postal_code_stays_required_where_the_country_has_them() {
    let text = std::fs::read_to_string(
        root().join("tests/fixtures/field/address-hong-kong-no-postcode.yaml"),
    )
    .expect("case")
    .replace("country: IE }", "country: GB }")
    .replace("      locations: [IE]", "      locations: [GB]");
    let (code, err, _dir) = render_text("gb-no-postcode", &text);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("error: subprocessors.list[1].address.postal_code: the text is empty"),
        "{err}"
    );
    assert!(
        !err.contains("list[0].address.postal_code"),
        "Hong Kong has none: {err}"
    );
}

/// The parties of tests/fixtures/addresses/international.yaml with their addresses on one
/// line, in the postal order of their countries (the block under the title, Annex I).
const INTERNATIONAL_PARTIES: [&str; 2] = [
    "Brightwater Analytics GmbH, Speicherstadt 3, 20457 Hamburg, Germany",
    "Cascade Support Inc., 1200 Pine Street, Suite 400, Seattle, WA 98101, United States",
];

/// Its subprocessors: name and address lines (street, town line, country), which Annex IV
/// sets on lines of their own.
const INTERNATIONAL: [(&str, [&str; 3]); 8] = [
    (
        "Maple Hosting Ltd.",
        ["100 Queen Street", "Ottawa ON K2P 1L4", "Canada"],
    ),
    (
        "Kingsway Mail Ltd",
        ["1 Kingsway", "London WC2B 6LH", "United Kingdom"],
    ),
    (
        "Liffey Print Ltd",
        ["Main Street", "Ballyglen, County Mayo", "Ireland"],
    ),
    (
        "Rivoli Traduction SAS",
        ["8 rue de la Paix", "75002 Paris", "France"],
    ),
    (
        "Grachten Data B.V.",
        ["Damrak 1", "1012 LG Amsterdam", "Netherlands"],
    ),
    (
        "Nordlys Analys AB",
        ["Drottninggatan 1", "111 51 Stockholm", "Sweden"],
    ),
    (
        "Limmat Support AG",
        ["Bahnhofstrasse 1", "8001 Zürich", "Switzerland"],
    ),
    (
        "Harbour Lights Outsourcing Limited",
        [
            "Unit 1203, 12/F, Tower 2, 33 Canton Road, Tsim Sha Tsui",
            "Kowloon",
            "Hong Kong",
        ],
    ),
];

/// A subprocessor as Annex IV's Markdown writes it: bold name, lines joined by `<br>`.
fn annex_markdown((name, lines): &(&str, [&str; 3])) -> String {
    format!("**{name}**<br>{}", lines.join("<br>"))
}

/// The same as the PDF's text has it, whitespace collapsed.
fn annex_words((name, lines): &(&str, [&str; 3])) -> String {
    format!("{name} {}", lines.join(" "))
}

#[test]
fn addresses_follow_each_countrys_postal_order_in_markdown_and_pdf() {
    let (code, err, dir) = render("tests/fixtures/addresses/international.yaml");
    assert_eq!(code, Some(0), "{err}");
    let md = std::fs::read_to_string(output(dir.path(), "international", "md")).expect("md");
    // Markdown escapes punctuation only where it could be markup; these lines have none.
    for line in INTERNATIONAL_PARTIES {
        assert!(md.contains(line), "Markdown lacks {line:?}\n{md}");
    }
    for sub in &INTERNATIONAL {
        let line = annex_markdown(sub);
        assert!(md.contains(&line), "Markdown lacks {line:?}\n{md}");
    }
    // The parties under the title and in Annex I use the same formatter.
    assert!(
        md.contains("- **Address:** 1200 Pine Street, Suite 400, Seattle, WA 98101, United States"),
        "{md}"
    );
    let pdf = pdf_raw_words(&output(dir.path(), "international", "pdf"));
    for line in INTERNATIONAL_PARTIES {
        assert!(pdf.contains(line), "PDF lacks {line:?}\n{pdf}");
    }
    for sub in &INTERNATIONAL {
        let line = annex_words(sub);
        assert!(pdf.contains(&line), "PDF lacks {line:?}\n{pdf}");
    }
    // The Word document is made from the same assembled text.
    let docx = tempdir();
    let o = dpa(&[
        "render",
        "tests/fixtures/addresses/international.yaml",
        "-o",
        &docx.path().to_string_lossy(),
        "--format",
        "docx",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dump = docx_dump(&output(docx.path(), "international", "docx"));
    let mut text: Vec<String> = Vec::new();
    for p in dump["paragraphs"].as_array().into_iter().flatten() {
        text.push(p.as_str().unwrap_or_default().to_string());
    }
    for t in dump["tables"].as_array().into_iter().flatten() {
        for row in t.as_array().into_iter().flatten() {
            for cell in row.as_array().into_iter().flatten() {
                text.push(cell.as_str().unwrap_or_default().to_string());
            }
        }
    }
    for line in INTERNATIONAL_PARTIES {
        assert!(
            text.iter().any(|t| t.contains(line)),
            "DOCX lacks {line:?}\n{text:?}"
        );
    }
    for (name, lines) in &INTERNATIONAL {
        let cell = format!("{name}\n{}", lines.join("\n"));
        assert!(
            text.iter().any(|t| t.contains(&cell)),
            "DOCX lacks {cell:?}\n{text:?}"
        );
    }
}

#[test]
fn german_addresses_keep_the_german_order_in_a_german_contract() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/addresses/international.yaml"))
        .expect("fixture")
        .replace("language: en", "language: de");
    let (code, err, dir) = render_text("intl-de", &text);
    assert_eq!(code, Some(0), "{err}");
    let md = std::fs::read_to_string(dir.path().join("out/intl-de.md")).expect("md");
    for line in [
        "Brightwater Analytics GmbH, Speicherstadt 3, 20457 Hamburg, Deutschland",
        "**Limmat Support AG**<br>Bahnhofstrasse 1<br>8001 Zürich<br>Schweiz",
        "Cascade Support Inc., 1200 Pine Street, Suite 400, Seattle, WA 98101, Vereinigte Staaten",
    ] {
        assert!(md.contains(line), "{line}\n{md}");
    }
}

#[test]
fn pasted_lines_stay_lines_and_invisible_typography_survives() {
    let text = std::fs::read_to_string(root().join("examples/dental-practice.yaml"))
        .expect("example")
        .replace(
            "  purpose: Bereitstellung der Website und Verwaltung von Terminanfragen\n",
            "  purpose: |\n    Bereitstellung der Website:\n    - Terminbuchung online\n    - Erinnerung per E-Mail\n",
        )
        .replace(
            "text: Wöchentliche Wiederherstellungsprobe auf Testsystem }",
            "text: \"Wöchentliche Probe\\n1. Rücksicherung\\n2. Prüfung\" }",
        )
        .replace("name: Dr. Anna Weber, role: Inhaberin }", "name: \"Dr.\u{a0}Anna Weber\", role: Inhaberin }")
        .replace(
            "  subject_matter: Hosting, Pflege und Wartung der Praxis-Website mit Online-Terminbuchung",
            "  subject_matter: Hosting und Wartung der Praxis\u{ad}website",
        );
    let (code, err, dir) = render_text("lines", &text);
    assert_eq!(code, Some(0), "{err}");
    let md = std::fs::read_to_string(dir.path().join("out/lines.md")).expect("md");
    // A hard line break (backslash at the line end) before each pasted line; the list marker
    // stays text, never a run-on "Website: - Terminbuchung".
    assert!(
        md.contains(
            "Bereitstellung der Website:\\\n\\- Terminbuchung online\\\n\\- Erinnerung per E-Mail"
        ),
        "{md}"
    );
    assert!(!md.contains("Website: - Terminbuchung"), "{md}");
    assert!(
        md.contains("Wöchentliche Probe\\\n1\\. Rücksicherung\\\n2\\. Prüfung"),
        "{md}"
    );
    assert!(
        md.contains("Dr.\u{a0}Anna Weber"),
        "non-breaking space kept"
    );
    assert!(md.contains("Praxis\u{ad}website"), "soft hyphen kept");
    let text = pdf_text(&dir.path().join("out/lines.pdf"));
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for l in ["- Terminbuchung online", "- Erinnerung per E-Mail"] {
        assert!(
            lines.iter().any(|x| x.starts_with(l)),
            "PDF line {l:?}\n{text}"
        );
    }
    assert!(
        lines.iter().any(|x| x.starts_with("1. Rücksicherung")),
        "{text}"
    );
}
