//! The controllers CSV as spreadsheets export it: CRLF line numbers, quoted line breaks,
//! Windows-1252 (Excel's "CSV" on German Windows), Excel's `sep=` line, empty trailing
//! columns, German header names, postal codes that lost their leading zero, control
//! characters, and inputs large enough to flood a terminal. Each with its exact message
//! (file, line, column, caret, hint). The field cases come from ../shared/cases/field.

mod common;

use std::path::Path;

use common::*;
use dpagen::catalog::Catalogs;

const BASE: &str = "tests/fixtures/field/agency-base.yaml";

fn batch_csv(csv: &Path, out: &Path) -> std::process::Output {
    dpa(&[
        "batch",
        BASE,
        "--controllers",
        &csv.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md",
    ])
}

fn write_cp1252(path: &Path, text: &str) {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "test text not in Windows-1252");
    std::fs::write(path, bytes).expect("write");
}

/// The message and help line `rules::country` gives for a value (the country rules are
/// shared with contract files).
fn country_refusal(value: &str) -> (String, String) {
    let cats = Catalogs::get().expect("catalogs");
    let r = dpagen::model::rules::country(value, cats).expect_err("refused");
    (r.message, r.hint)
}

/// `file:line:col: severity: path: message`, the line with a caret under the cell that
/// starts `skip` characters after the first `mark` in `text`, and the hint: the full message
/// for a cell, with the column counted in characters here (independently of dpagen).
fn at_cell(
    file: &str,
    line: usize,
    text: &str,
    (mark, skip): (&str, usize),
    head: &str,
    hint: &str,
) -> String {
    let i = text.find(mark).expect("mark in line");
    let col = text[..i].chars().count() + 1 + skip;
    let pad = " ".repeat(line.to_string().len());
    format!(
        "{file}:{line}:{col}: {head}\n{pad} |\n{line} | {text}\n{pad} | {}^\n  = help: {hint}\n",
        " ".repeat(col - 1)
    )
}

fn md(out: &Path, id: &str) -> String {
    std::fs::read_to_string(out.join(format!("{id}.md"))).unwrap_or_else(|_| panic!("{id}.md"))
}

#[test]
fn field_case_crlf_line_numbers() {
    let dir = tempdir();
    let csv = "tests/fixtures/field/csv-crlf-line-numbers.csv";
    let o = batch_csv(Path::new(csv), dir.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let (message, hint) = country_refusal("GER");
    assert_eq!(hint, "did you mean `DE`? (Germany)");
    let expected = at_cell(
        csv,
        4,
        "ELB-2026-803;Kosmetikstudio Celik;Prager Straße 2;01069;Dresden;GER;Derya Celik;Inhaberin",
        ("GER", 0),
        &format!("error: country: {message}"),
        &hint,
    );
    assert!(
        expected.starts_with(&format!("{csv}:4:65: error: country: ")),
        "{expected}"
    );
    assert!(err.contains(&expected), "expected:\n{expected}\nin:\n{err}");
    assert!(err.contains("2 rendered, 1 failed"), "{err}");
    // The other two clients, each from its own row.
    assert!(md(dir.path(), "ELB-2026-801").contains("Praxis Dr. Albrecht, Nürnberger Straße 31"));
    assert!(
        md(dir.path(), "ELB-2026-802").contains("Hausarztpraxis Blasewitz, Loschwitzer Straße 12")
    );
}

#[test]
fn field_case_excel_windows_1252() {
    let dir = tempdir();
    let csv = "tests/fixtures/field/csv-excel-windows-1252.csv";
    let o = batch_csv(Path::new(csv), dir.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.starts_with(&format!(
            "{csv}: note: the file is not UTF-8; it was read as windows-1252 (what Excel writes as \"CSV\" on Windows). Check the names with umlauts and accents in the results\n  = help: save the file as UTF-8: in Excel \"File > Save As\" with the type \"CSV UTF-8 (Comma delimited) (*.csv)\""
        )),
        "{err}"
    );
    assert!(
        md(dir.path(), "ELB-2026-201")
            .contains("Physiotherapie Schäfer \\& Söhne, Bautzner Straße 7, 01099 Dresden")
    );
    let m = md(dir.path(), "ELB-2026-202");
    assert!(
        m.contains("Hörgeräte Öztürk GmbH, Großenhainer Straße 101") && m.contains("Gülay Öztürk"),
        "{m}"
    );
    assert!(
        md(dir.path(), "ELB-2026-203")
            .contains("Fußpflege „Zehenspitze“ – Inh. Weiß, Löbtauer Straße 3")
    );
}

/// A Windows-1252 CRLF export with German headers, Excel's `sep=` line, a street cell with
/// a line break (Alt+Enter), empty trailing columns and an empty last row.
const GERMAN_EXPORT: &str = "sep=;\r\nKundennummer;Firma;Straße;Hausnummer;PLZ;Ort;Land;Inhaber;Funktion;E-Mail;;\r\nK-1;Zahnarztpraxis Dr. Müller;\"Wilsdruffer Straße 7\r\nHinterhaus\";;1067;Dresden;DE;Dr. Jörg Müller;Inhaber;praxis@mueller.example;;\r\nK-2;Bäckerei „Süß“ – Inh. Weiß;Königstraße;12;01097;Dresden;DE;Renée Weiß;Inhaberin;;;\r\n;;;;;;;;;;;\r\n";

#[test]
fn a_windows_1252_crlf_export_with_german_headers_renders_every_row() {
    let dir = tempdir();
    let csv = dir.path().join("kunden.csv");
    write_cp1252(&csv, GERMAN_EXPORT);
    let out = dir.path().join("out");
    let o = batch_csv(&csv, &out);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let name = csv.to_string_lossy();
    // The postal code that lost its zero: a warning on its own line (line 4: the street
    // cell with the line break starts on line 3), with the caret under the cell.
    let expected = at_cell(
        &name,
        4,
        "Hinterhaus\";;1067;Dresden;DE;Dr. Jörg Müller;Inhaber;praxis@mueller.example;;",
        (";1067;", 1),
        "warning: postal_code: `1067` has 4 digits; postal codes in Germany have 5",
        "a spreadsheet may have dropped the leading zero: did you mean `01067`? (format the column as text before you export)",
    );
    assert!(err.contains(&expected), "expected:\n{expected}\nin:\n{err}");
    assert!(err.contains("2 rendered, 0 failed"), "{err}");
    let k1 = md(&out, "K-1");
    assert!(
        k1.contains("Zahnarztpraxis Dr. Müller, Wilsdruffer Straße 7, Hinterhaus, 1067 Dresden"),
        "{k1}"
    );
    assert!(
        k1.contains("Dr. Jörg Müller (Inhaber)") && k1.contains("praxis@mueller.example"),
        "{k1}"
    );
    let k2 = md(&out, "K-2");
    assert!(
        k2.contains("Bäckerei „Süß“ – Inh. Weiß, Königstraße 12, 01097 Dresden")
            && k2.contains("Renée Weiß"),
        "{k2}"
    );
}

#[test]
fn a_windows_1252_export_with_mistakes_gets_one_message_per_problem_on_its_line() {
    for newline in ["\r\n", "\n"] {
        mistakes_on_their_lines(newline);
    }
}

/// Four problems in three rows, around cells with line breaks (`newline` everywhere).
fn mistakes_on_their_lines(newline: &str) {
    let dir = tempdir();
    let csv = dir.path().join("kunden.csv");
    write_cp1252(
        &csv,
        &"Kundennummer;Firma;Straße;PLZ;Ort;Land;Inhaber;E-Mail\r\nK-1;Praxis Dr. Müller;\"Wilsdruffer Straße 7\r\nHinterhaus\";01067;Dresden;Deutschland;Dr. Jörg Müller;praxis(at)mueller.example\r\nK-2;Bäckerei Süß;Königstraße 12;01097;Dresden;DE;;\r\nK-3;\"Café\r\nÖz\";Hauptstraße 1;01099;Dresden;DE;Aylin Öz;\r\nK-4;Eisdiele Ötzi;Prager Straße 2;01069;Dresden;DE;Otto Ötzi;\r\n"
            .replace("\r\n", newline),
    );
    let out = dir.path().join("out");
    let o = batch_csv(&csv, &out);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let name = csv.to_string_lossy();
    let row1 = "Hinterhaus\";01067;Dresden;Deutschland;Dr. Jörg Müller;praxis(at)mueller.example";
    let row2 = "K-2;Bäckerei Süß;Königstraße 12;01097;Dresden;DE;;";
    let row3 = "K-3;\"Café";
    let (message, hint) = country_refusal("Deutschland");
    let expected = [
        at_cell(
            &name,
            3,
            row1,
            ("Deutschland", 0),
            &format!("error: country: {message}"),
            &hint,
        ),
        at_cell(
            &name,
            3,
            row1,
            ("praxis(at)", 0),
            "error: contact_email: `praxis(at)mueller.example` is not an e-mail address",
            "write it as name@example.com",
        ),
        at_cell(
            &name,
            4,
            row2,
            ("DE;", 3),
            "error: representative_name: the column `representative_name` is empty in this row",
            "fill it in; it is required",
        ),
        at_cell(
            &name,
            5,
            row3,
            ("\"", 0),
            "error: name: the text has a line break, but this field takes one line",
            "the cell has a line break (Alt+Enter in Excel), but this column takes one line: remove the line break in the spreadsheet and export again (only `street` joins its lines with commas)",
        ),
    ];
    for e in &expected {
        assert!(
            err.contains(e.as_str()),
            "{newline:?}: expected:\n{e}\nin:\n{err}"
        );
    }
    assert_eq!(
        err.matches(": error: ").count(),
        4 + 3,
        "4 problems, 3 summary lines: {err}"
    );
    assert!(err.contains("1 rendered, 3 failed"), "{err}");
    assert!(md(&out, "K-4").contains("Eisdiele Ötzi"));
}

#[test]
fn dos_text_is_refused_at_its_first_line_that_is_not_utf8() {
    let dir = tempdir();
    let csv = dir.path().join("dos.csv");
    // CP850 (DOS): ä = 0x84, which Windows-1252 reads as `„`.
    std::fs::write(&csv, b"id;name;street;postal_code;city;country;representative_name\r\nK-1;B\x84ckerei Sonne;Markt 3;01067;Dresden;DE;Lisa Sonne\r\n").expect("write");
    let o = batch_csv(&csv, &dir.path().join("out"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        err,
        format!(
            "{}:2:6: error: the file is not UTF-8 text, and it is not Windows-1252 either (this line reads as a different encoding would); names would come out garbled\n  |\n2 | K-1;B„ckerei Sonne;Markt 3;01067;Dresden;DE;Lisa Sonne\n  |      ^\n  = help: save the file as UTF-8: in Excel \"File > Save As\" with the type \"CSV UTF-8 (Comma delimited) (*.csv)\"; in LibreOffice tick \"Edit filter settings\" and choose the character set \"Unicode (UTF-8)\"\n\n",
            csv.display()
        )
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn header_names_get_a_did_you_mean_per_column() {
    let dir = tempdir();
    let csv = dir.path().join("c.csv");
    std::fs::write(
        &csv,
        "Kundennr.;Firma;Strase;PLZ;Ort;Land;Vorname;Nachname\nK-1;A;B;01067;C;DE;D;E\n",
    )
    .expect("write");
    let o = batch_csv(&csv, &dir.path().join("out"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let name = csv.to_string_lossy();
    for expected in [
        format!("{name}:1:17: error: unknown column `strase`\n  |\n1 | Kundennr.;Firma;Strase;PLZ;Ort;Land;Vorname;Nachname\n  |                 ^\n  = help: did you mean `Straße` (the column `street`)?\n"),
        format!("{name}:1:37: error: unknown column `vorname`\n"),
        "  = help: dpagen takes a person's whole name in one column (e.g. `Inhaber` or `Ansprechpartner`): put first and last name together in one column\n".to_string(),
        format!("{name}:1:1: error: the required column `street` is missing\n"),
        format!("{name}:1:1: error: the required column `representative_name` is missing\n"),
    ] {
        assert!(err.contains(&expected), "expected:\n{expected}\nin:\n{err}");
    }
}

#[test]
fn control_characters_in_cells_and_headers_are_shown_as_stand_ins() {
    let dir = tempdir();
    let csv = dir.path().join("c.csv");
    std::fs::write(
        &csv,
        "name;street;postal_code;city;country;representative_name;x\u{1b}[2J\nA;B;01067;C;\u{1b}[2J\u{7}DE;D;\n",
    )
    .expect("write");
    let o = batch_csv(&csv, &dir.path().join("out"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("unknown column `x\u{241b}[2j`"), "{err}");
    // The header is refused first; with the column gone the row's cell is reported.
    std::fs::write(
        &csv,
        "name;street;postal_code;city;country;representative_name\nA;B;01067;C;\u{1b}[2J\u{7}DE;D\n",
    )
    .expect("write");
    let o = batch_csv(&csv, &dir.path().join("out"));
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(
        err.contains("c.csv:2:13: error: country: `\u{241b}[2J\u{2407}DE` is not a country code\n  |\n2 | A;B;01067;C;\u{241b}[2J\u{2407}DE;D\n  |             ^\n"),
        "{err}"
    );
}

#[test]
fn huge_headers_values_and_many_bad_rows_print_a_bounded_report() {
    let dir = tempdir();
    // 10,000 unknown columns.
    let csv = dir.path().join("wide.csv");
    let mut header = String::from("name;street;postal_code;city;country;representative_name");
    for i in 0..10_000 {
        header.push_str(&format!(";unknown_column_number_{i}"));
    }
    std::fs::write(&csv, format!("{header}\nA;B;01067;C;DE;D\n")).expect("write");
    let o = batch_csv(&csv, &dir.path().join("out"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.len() < 40_000, "{} bytes", err.len());
    assert!(
        err.contains("9980 more problems in"),
        "{}",
        &err[err.len().saturating_sub(600)..]
    );
    assert!(err.contains("10000 problems in"), "{err}");
    // A 1 MB value.
    let csv = dir.path().join("long.csv");
    std::fs::write(
        &csv,
        format!(
            "name;street;postal_code;city;country;representative_name\nA;B;01067;C;{};D\n",
            "X".repeat(1_000_000)
        ),
    )
    .expect("write");
    let o = batch_csv(&csv, &dir.path().join("out"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.len() < 4_000, "{} bytes", err.len());
    assert!(
        err.contains(&format!(
            "`{}…` (cut; 1000000 characters in all) is not a country code",
            "X".repeat(80)
        )),
        "{err}"
    );
    // 2,000 rows that all fail: 20 shown per file, the rest counted, every one in the report.
    let csv = dir.path().join("bad.csv");
    let mut text = String::from("id;name;street;postal_code;city;country;representative_name\n");
    for i in 0..2_000 {
        text.push_str(&format!("K-{i};A;B;01067;C;XX;D\n"));
    }
    std::fs::write(&csv, text).expect("write");
    let report = dir.path().join("report.json");
    let o = dpa(&[
        "batch",
        BASE,
        "--controllers",
        &csv.to_string_lossy(),
        "-o",
        &dir.path().join("out").to_string_lossy(),
        "--report",
        &report.to_string_lossy(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(err.matches(";XX;D\n").count(), 20, "{err}");
    assert_eq!(
        err.matches(&format!("1980 more contracts of {} failed", csv.display()))
            .count(),
        2,
        "{err}"
    );
    assert!(err.contains("0 rendered, 2000 failed"), "{err}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).expect("report")).expect("json");
    assert_eq!(json["failed"].as_array().map(Vec::len), Some(2_000));
}
