//! `dpa new` end to end: the real binary in a pseudo-terminal (expectrl), typed at like a
//! person would, through a whole contract to the PDF; once interrupted with Ctrl-C and
//! finished with `--resume`. And without a terminal it refuses and points to `dpa render`.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::pty::{BS, Pty};
use common::*;

fn dpa_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dpa"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run dpa")
}

/// The contract renders to the same bytes through `dpa render` as through the wizard.
fn assert_renders_the_same(dir: &Path, stem: &str) {
    let out = dir.join("again");
    let yaml = dir.join(format!("{stem}.yaml"));
    let o = Command::new(env!("CARGO_BIN_EXE_dpa"))
        .args(["render", "--format", "pdf", "-o"])
        .arg(&out)
        .arg(&yaml)
        .output()
        .expect("dpa render");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let a = std::fs::read(dir.join(format!("{stem}.pdf"))).expect("wizard pdf");
    let b = std::fs::read(out.join(format!("{stem}.pdf"))).expect("render pdf");
    assert!(
        a == b,
        "the wizard's PDF differs from `dpa render` of its file"
    );
}

#[test]
fn a_whole_contract_in_german_through_to_the_pdf() {
    let dir = tempdir();
    let mut t = Pty::spawn(dir.path(), &["new", "--lang", "de"]);
    t.script(&[
        ("Schritt 1 von 14: Sprache und Rolle", ""),
        ("? In welcher Sprache", "\r"),
        ("? Auf welcher Seite", "\r"),
        ("Schritt 2 von 14: Auftraggeber", ""),
        ("? Name des Auftraggebers", "Zahnarztpraxis Dr. Weber\r"),
        ("? Straße und Hausnummer", "Lindenallee 4\r"),
        ("? Postleitzahl", "50667\r"),
        ("? Ort ", "Köln\r"),
        ("? Land DE", "\r"),
        ("? Registereintrag", "HRB 1234, Amtsgericht Köln\r"),
        ("? Vertreten durch", "Dr. Anna Weber\r"),
        ("? Funktion", "Inhaberin\r"),
        (
            "? E-Mail-Adresse von Dr. Anna Weber",
            "praxis(at)example.de\r",
        ),
        // Refused at the prompt in German; typing replaces the refused answer.
        (
            "„praxis(at)example.de“ ist keine E-Mail-Adresse",
            "praxis@example.de\r",
        ),
        ("? Eine eigene Ansprechperson", "n\r"),
        ("? Wie viele Personen", "\r"),
        ("? Einen Datenschutzbeauftragten", "\r"),
        ("Schritt 3 von 14: Auftragnehmer", ""),
        (
            "? Name Ihres Unternehmens",
            "Pixelwerk Webdesign, Jonas Klein\r",
        ),
        ("? Straße und Hausnummer", "Am Markt 2\r"),
        ("? Postleitzahl", "50667\r"),
        ("? Ort ", "Köln\r"),
        ("? Land DE", "\r"),
        ("? Registereintrag", "\r"),
        ("? Vertreten durch", "Jonas Klein\r"),
        ("? Funktion", "Inhaber\r"),
        ("? E-Mail-Adresse", "jonas@example.de\r"),
        ("? Eine eigene Ansprechperson", "\r"),
        ("? Wie viele Personen", "2\r"),
        ("? Einen Datenschutzbeauftragten", "\r"),
        ("Schritt 4 von 14", ""),
        ("? Gehört dieser Vertrag", "\r"),
        (
            "? Titel des Hauptvertrags",
            "Vertrag über Webhosting und Wartung\r",
        ),
        ("? Datum des Hauptvertrags", "2026-01-15\r"),
        ("? Wie lange dauert", "\r"),
        ("? Ihr Zeichen", "AVV-2026-001\r"),
        ("? Ab wann gilt", "\r"),
        ("Schritt 5 von 14", ""),
        (
            "? Gegenstand:",
            "Hosting, Pflege und Wartung der Praxis-Website\r",
        ),
        (
            "? Zweck:",
            "Bereitstellung der Website und Verwaltung von Terminanfragen\r",
        ),
        ("? Art der Verarbeitung", "\r"),
        ("Schritt 6 von 14: Datenkategorien", ""),
        ("? Welche Arten personenbezogener Daten", "\r"),
        ("? Weitere Datenart", "Freitext der Terminanfrage\r"),
        ("? Weitere Datenart", "\r"),
        // Type to filter, Tab to tick.
        ("? Besondere Kategorien nach Art. 9", "Gesundheitsdaten\t\r"),
        ("Hinweis: Für Art.-9-Daten", ""),
        ("? Werden Daten über Straftaten", "\r"),
        ("? Wessen Daten sind es", "Patientinnen\t\r"),
        ("? Weitere Gruppe", "\r"),
        ("Schritt 7 von 14", ""),
        ("? In welchen Ländern verarbeitet der Auftragnehmer", "\r"),
        ("Schritt 8 von 14", ""),
        ("? In welcher Form", "\r"),
        ("? Wer darf für den Auftraggeber", "\r"),
        ("? Wer nimmt beim Auftragnehmer", "\r"),
        ("Schritt 9 von 14", ""),
        // Art. 9 data: the healthcare preset is the suggestion.
        ("? Womit beginnen?", "\r"),
        ("? Welche Maßnahmen setzen Sie um", "\r"),
        (
            "? Eigene Maßnahme",
            "Wöchentliche Wiederherstellungsprobe auf Testsystem\r",
        ),
        ("? Zu welchem Bereich", "Rasche\r"),
        ("? Eigene Maßnahme", "\r"),
        ("? Zertifizierung", "\r"),
        ("Das verspricht der Vertrag", ""),
        ("? Können Sie alle diese Zusagen einhalten", "\r"),
        ("Schritt 10 von 14: Unterauftragsverarbeiter", ""),
        ("? Wie werden Unterauftragsverarbeiter genehmigt", "\r"),
        ("? Wie viele Tage vorher werden Änderungen", "\r"),
        ("? Unterauftragsverarbeiter: noch keiner", "Hinzu\r"),
        // The processor directory comes first; this one is entered by hand.
        ("? Welcher Unterauftragsverarbeiter?", "Anbieter selbst\r"),
        (
            "? Name des Unterauftragsverarbeiters",
            "Google Ireland Limited\r",
        ),
        ("? Straße und Hausnummer", "Gordon House, Barrow Street\r"),
        ("? Postleitzahl", "D04 E5W5\r"),
        ("? Ort ", "Dublin\r"),
        ("? Land des Sitzes", "IE\r"),
        ("? Welche Leistung", "E-Mail (Google Workspace)\r"),
        ("? In welchen Ländern verarbeitet er", "IE, US\r"),
        // Outside the EEA: explained, then asked.
        ("liegt außerhalb des EWR ohne Angemessenheitsbeschluss", ""),
        ("? Rechtsgrundlage für Vereinigte Staaten", "Data Privacy\r"),
        // The second one from the directory: type to search, Enter keeps its values.
        ("? Unterauftragsverarbeiter: 1", "Hinzu\r"),
        ("? Welcher Unterauftragsverarbeiter?", "hetzner\r"),
        (
            "Aus dem Verzeichnis der Auftragsverarbeiter: Hetzner Online GmbH",
            "",
        ),
        ("? Name des Unterauftragsverarbeiters", "\r"),
        ("? Straße und Hausnummer", "\r"),
        ("? Postleitzahl", "\r"),
        ("? Ort ", "\r"),
        ("? Land des Sitzes", "\r"),
        // A typed answer replaces the suggestion (the directory's service).
        ("? Welche Leistung", "Server-Hosting\r"),
        ("? In welchen Ländern verarbeitet er", "\r"),
        ("? Unterauftragsverarbeiter: 2", "\r"),
        ("Schritt 11 von 14", ""),
        ("? Binnen wie vielen Stunden", &format!("{BS}{BS}24\r")),
        ("? Wie viele Tage vorher werden Kontrollen", "\r"),
        ("? Sind Kontrollen vor Ort erlaubt", "\r"),
        ("? Was geschieht am Ende", "\r"),
        ("? Binnen wie vielen Tagen", "\r"),
        ("? Haftung", "\r"),
        ("? Welches Recht gilt", "\r"),
        ("? Gerichtsstand", "Köln\r"),
        ("Schritt 12 von 14", ""),
        ("? Welche zusätzlichen Klauseln", "Fernwartung\t\r"),
        ("? Eine Vertragsstrafe", "\r"),
        ("Schritt 13 von 14", ""),
        ("? Es unterschreiben: Dr. Anna Weber", "\r"),
        ("Schritt 14 von 14: Zusammenfassung", ""),
        ("Google Ireland Limited (IE, US; dpf)", ""),
        ("Prüfung (wie `dpa check`): 0 Fehler", ""),
        ("? Wie weiter?", "\r"),
        (
            "? Dateiname des Vertrags avv-zahnarztpraxis-dr-weber.yaml",
            "\r",
        ),
        ("Gespeichert: avv-zahnarztpraxis-dr-weber.yaml", ""),
        ("? Jetzt das PDF erzeugen?", "\r"),
        ("PDF geschrieben: avv-zahnarztpraxis-dr-weber.pdf", ""),
        (
            "? Auch eine Word-Datei (DOCX) für die Verhandlung erzeugen?",
            "y\r",
        ),
        (
            "Word-Datei geschrieben: avv-zahnarztpraxis-dr-weber.docx",
            "",
        ),
    ]);
    assert_eq!(t.exit_code(), 0);
    assert!(
        dir.path().join("avv-zahnarztpraxis-dr-weber.docx").exists(),
        "the Word file offered with the PDF"
    );

    let yaml = dir.path().join("avv-zahnarztpraxis-dr-weber.yaml");
    let text = std::fs::read_to_string(&yaml).expect("contract file");
    for needle in [
        "format: 1",
        "id: \"AVV-2026-001\"",
        "register: \"HRB 1234, Amtsgericht Köln\"",
        "email: \"praxis@example.de\"",
        "special_categories: [health]",
        "data_subjects: [customers, patients]",
        "{ text: \"Freitext der Terminanfrage\" }",
        "transfer: dpf",
        "breach_notification_hours: 24",
        "remote_maintenance: true",
        "{ area: recovery, text: \"Wöchentliche Wiederherstellungsprobe auf Testsystem\" }",
        // Taken from the directory: the entry and what differs from it.
        "- { ref: \"hetzner-online\", service: \"Server-Hosting\" }",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in\n{text}");
    }
    assert!(
        !dir.path().join(".dpa-draft.yaml").exists(),
        "draft removed"
    );
    let o = dpa_in(dir.path(), &["check", "avv-zahnarztpraxis-dr-weber.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let words = pdf_words(&dir.path().join("avv-zahnarztpraxis-dr-weber.pdf"));
    for name in [
        "Zahnarztpraxis Dr. Weber",
        "Pixelwerk Webdesign, Jonas Klein",
        "Google Ireland Limited",
        // the directory's values, printed in the contract
        "Hetzner Online GmbH",
        "Industriestr. 25",
        "91710 Gunzenhausen",
        "Server-Hosting",
    ] {
        assert!(words.contains(name), "{name} not in the PDF");
    }
    assert_renders_the_same(dir.path(), "avv-zahnarztpraxis-dr-weber");
}

#[test]
fn ctrl_c_keeps_the_answers_and_resume_finishes_the_contract() {
    let dir = tempdir();
    let mut t = Pty::spawn(dir.path(), &["new", "--lang", "en"]);
    t.script(&[
        ("? Which language should the contract be in?", "English\r"),
        ("? Which side are you on?", "Controller\r"),
        ("Step 2 of 14: Controller – your organisation", ""),
        (
            "? Your organisation's legal name",
            "Northwind Traders Ltd\r",
        ),
        ("? Street and number", "1 High Street\r"),
        ("? Postal code", "EC1A 1BB\r"),
        ("? City", "London\r"),
        // Tab completes a country from its name.
        ("? Country", "united k\t"),
        ("? Country GB", "\r"),
        ("? Register entry", "\r"),
        ("? Represented by", "Mary Major\r"),
        ("? Role (optional)", "Director\r"),
        ("? E-mail address", "mary@northwind.example\r"),
        ("? Name a separate contact person", "\r"),
        ("? How many people there", "\r"),
        ("? Name a data protection officer", "\r"),
        ("Step 3 of 14: Processor – your service provider", ""),
        ("? The processor's legal name", "Lohnwerk Payroll GmbH\r"),
        ("? Street and number", "Torstraße 1\r"),
        ("? Postal code", "10119\r"),
        ("? City", "Berlin\r"),
        ("? Country", "DE\r"),
        ("? Register entry", "\r"),
        ("? Represented by", "Max Mustermann\r"),
        ("? Role (optional)", "\r"),
        ("? E-mail address", "\r"),
        ("? Name a separate contact person", "\r"),
        ("? How many people there", "\r"),
        ("? Name a data protection officer", "\r"),
        ("? Does this agreement belong", "\r"),
        (
            "? Title of the main agreement",
            "Payroll services agreement\r",
        ),
        ("? Date of the main agreement", "\r"),
        ("? How long does the processing last", "\r"),
        ("? Your reference", "\r"),
        ("? When does the agreement take effect", "\r"),
        ("? Subject matter:", "Monthly payroll accounting\r"),
        (
            "? Purpose:",
            "Paying salaries and reporting to the authorities\r",
        ),
        ("? Nature of the processing", "\r"),
        ("Step 6 of 14", ""),
        ("? Which types of personal data?", "Employment\t\r"),
        ("? Another type of data", "\r"),
        ("? Special categories under Art. 9", "\r"),
        ("? Is data on criminal convictions", "\u{3}"),
        ("Continue with: dpa new --resume", ""),
    ]);
    assert_eq!(
        t.exit_code(),
        130,
        "Ctrl-C ends like an interrupted program"
    );

    let draft = dir.path().join(".dpa-draft.yaml");
    let text = std::fs::read_to_string(&draft).expect("the draft is kept");
    assert!(text.contains("Northwind Traders Ltd") && text.contains("employment"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&draft)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the draft holds personal data");
    }

    let mut t = Pty::spawn(dir.path(), &["new", "--resume"]);
    t.script(&[
        ("Resuming the draft at step 6 of 14", ""),
        // The answers of the interrupted section are the suggestions now.
        ("? Which types of personal data?", "\r"),
        ("? Another type of data", "\r"),
        ("? Special categories under Art. 9", "\r"),
        ("? Is data on criminal convictions", "\r"),
        ("? Whose data is it?", "Employees\t\r"),
        ("? Another group", "\r"),
        ("? In which countries does the processor itself", "\r"),
        ("? In what form", "\r"),
        ("? Who may give instructions", "\r"),
        ("? Who receives instructions", "\r"),
        ("? Where to start?", "SaaS\r"),
        ("? Which measures does the processor have in place", "\r"),
        ("? A measure of your own", "\r"),
        ("? Certification", "ISO/IEC 27001\r"),
        ("? Certification", "\r"),
        ("? Can you keep all of these promises?", "\r"),
        ("? How are subprocessors authorised", "\r"),
        ("? How many days in advance", "\r"),
        // With none listed the suggestion is to add one; "done" is typed to filter.
        ("? Subprocessors: none yet", "done\r"),
        ("? Within how many hours", "\r"),
        ("? How many days' notice", "\r"),
        ("? Are on-site inspections allowed", "\r"),
        ("? What happens to the data at the end", "\r"),
        ("? Within how many days", "\r"),
        ("? Liability", "\r"),
        ("? Which country's law", "\r"),
        ("? Place of jurisdiction", "London\r"),
        ("? Which additional clauses", "\r"),
        ("? Agree on a contractual penalty", "\r"),
        ("? Signing: Mary Major, Director, London – controller", "\r"),
        ("Step 14 of 14", ""),
        ("? What next?", "\r"),
        (
            "? File name of the contract dpa-northwind-traders-ltd.yaml",
            "\r",
        ),
        ("Saved: dpa-northwind-traders-ltd.yaml", ""),
        ("? Render the PDF now?", "\r"),
        ("Wrote dpa-northwind-traders-ltd.pdf", ""),
        ("? Also write a Word file (DOCX) for negotiation?", "\r"),
    ]);
    assert_eq!(t.exit_code(), 0);
    assert!(
        !draft.exists(),
        "the draft is removed once the contract is written"
    );

    let loaded = dpagen::input::load_contract(&dir.path().join("dpa-northwind-traders-ltd.yaml"))
        .expect("the file is a valid contract");
    let c = loaded.contract;
    assert_eq!(c.language, dpagen::Lang::En);
    assert_eq!(c.controller.address.country, "GB");
    assert_eq!(c.terms.governing_law, "GB");
    assert_eq!(
        c.terms.breach_notification_hours, 24,
        "the controller's default"
    );
    assert!(c.options.seizure_insolvency_notice && c.options.no_right_of_retention);
    assert_eq!(c.security.certifications, ["ISO/IEC 27001"]);
    let words = pdf_words(&dir.path().join("dpa-northwind-traders-ltd.pdf"));
    assert!(words.contains("Northwind Traders Ltd") && words.contains("Lohnwerk Payroll GmbH"));
    assert_renders_the_same(dir.path(), "dpa-northwind-traders-ltd");
}

#[test]
fn without_a_terminal_it_refuses_and_points_to_render() {
    let dir = tempdir();
    for args in [
        &["new"][..],
        &["new", "--lang", "de"],
        &["new", "--resume", "--lang", "en"],
    ] {
        let o = dpa_in(dir.path(), args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains("dpa render"), "{args:?}: {err}");
        assert!(
            err.contains("terminal") || err.contains("Terminal"),
            "{err}"
        );
    }
    assert!(common::files_in(dir.path()).is_empty(), "nothing written");
}

#[test]
fn from_and_resume_together_is_a_usage_error() {
    let dir = tempdir();
    let o = dpa_in(dir.path(), &["new", "--resume", "--from", "x.yaml"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
