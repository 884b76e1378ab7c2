//! `dpa new` in a pseudo-terminal, for the keys a person uses: refusals in German,
//! correcting a refused answer and the shell's line-editing keys, Esc one question back
//! (also into the step before), a filter of several words, the review of what the
//! contract promises, and a small 80x24 terminal.

mod common;

use std::path::Path;

use common::pty::{ESC, Pty};
use common::*;

/// Ctrl-U, Ctrl-W and Ctrl-C as a terminal sends them.
const CTRL_U: &str = "\x15";
const CTRL_W: &str = "\x17";
const CTRL_C: &str = "\x03";

/// The draft left by an interrupted session.
fn draft(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(".dpa-draft.yaml")).expect("the draft is kept")
}

/// English words that a German session must never show.
const ENGLISH: [&str; 12] = [
    "is not",
    "Please",
    "write",
    "error",
    "help:",
    "Enter to",
    "to move",
    "whole number",
    "e-mail address",
    "country code",
    "refused",
    "the text",
];

#[test]
fn a_german_session_refuses_in_german() {
    let dir = tempdir();
    let mut t = Pty::spawn(dir.path(), &["new", "--lang", "de"]);
    t.script(&[
        ("? In welcher Sprache", "\r"),
        ("? Auf welcher Seite", "\r"),
        ("? Name des Auftraggebers", "\r"),
        (
            "✗ Bitte geben Sie eine Antwort ein; diese Angabe wird gebraucht",
            "Zahnarztpraxis Dr. Weber\r",
        ),
        ("? Straße und Hausnummer", "Lindenallee 4\r"),
        ("? Postleitzahl", "50667\r"),
        ("? Ort ", "Köln\r"),
        ("? Land", "Atlantis\r"),
        ("✗ „Atlantis“ ist kein Land, das wir kennen", "Fran\r"),
        ("✗ „Fran“ passt zu mehreren Ländern: Frankreich (FR)", "deu\r"),
        // One country fits: taken on Enter, and shown back as understood.
        ("→ verstanden als DE (Deutschland)", ""),
        ("? Registereintrag", "\r"),
        ("? Vertreten durch", "Dr. Anna Weber\r"),
        ("? Funktion", "Inhaberin\r"),
        ("? E-Mail-Adresse von Dr. Anna Weber", "praxis(at)example.de\r"),
        (
            "✗ „praxis(at)example.de“ ist keine E-Mail-Adresse; schreiben Sie sie wie name@example.de",
            "praxis@example.de\r",
        ),
        ("? Eine eigene Ansprechperson", "vielleicht\r"),
        ("✗ Bitte j (ja) oder n (nein) eingeben", "j\r"),
        ("? Name", "Eva Muster\r"),
        ("? Funktion", "\r"),
        // A third person's e-mail is asked by their name, not as "your e-mail".
        ("? E-Mail-Adresse von Eva Muster (optional)", "\r"),
        ("? Telefonnummer von Eva Muster", "ruf an\r"),
        ("✗ „ruf an“ ist keine Telefonnummer", "0221 123456\r"),
        ("? Wie viele Personen", "\r"),
        ("? Einen Datenschutzbeauftragten", "\r"),
        ("? Name Ihres Unternehmens", "Pixelwerk\r"),
        ("? Straße und Hausnummer", "Am Markt 2\r"),
        ("? Postleitzahl", "50667\r"),
        ("? Ort ", "Köln\r"),
        ("? Land", "\r"),
        ("? Registereintrag", "\r"),
        ("? Vertreten durch", "Jonas Klein\r"),
        ("? Funktion", "\r"),
        ("? E-Mail-Adresse von Jonas Klein", "\r"),
        ("? Eine eigene Ansprechperson", "\r"),
        ("? Wie viele Personen", "\r"),
        ("? Einen Datenschutzbeauftragten", "\r"),
        ("? Gehört dieser Vertrag", "\r"),
        ("? Titel des Hauptvertrags", "Webhosting\r"),
        ("? Datum des Hauptvertrags", "31.02.2026\r"),
        ("✗ „31.02.2026“ ist kein Datum", "15.11.2026\r"),
        ("→ verstanden als 15. November 2026 (2026-11-15)", ""),
        ("? Wie lange dauert", CTRL_C),
    ]);
    assert_eq!(t.finish(), 130);
    assert_no_english(t.shown());
    let text = draft(dir.path());
    assert!(text.contains("2026-11-15"), "{text}");

    // Numbers, in the steps of a contract opened for a change.
    let file = dir.path().join("praxis.yaml");
    std::fs::copy(root().join("examples/dental-practice.yaml"), &file).expect("copy");
    std::fs::remove_file(dir.path().join(".dpa-draft.yaml")).expect("draft");
    let mut t = Pty::spawn(
        dir.path(),
        &["new", "--lang", "de", "--from", "praxis.yaml"],
    );
    t.script(&[
        ("? Wie weiter?", "Ändern: 11.\r"),
        ("? Binnen wie vielen Stunden", "24 Stunden\r"),
        (
            "✗ Bitte nur die Zahl eingeben, ohne „Stunden“, z. B. 24",
            "-5\r",
        ),
        ("✗ Die Zahl darf nicht negativ sein", "1,5\r"),
        ("✗ „1,5“ ist keine ganze Zahl", "24\r"),
        ("? Wie viele Tage vorher werden Kontrollen", "\r"),
        ("? Sind Kontrollen vor Ort erlaubt", "\r"),
        ("? Was geschieht am Ende", "\r"),
        ("? Binnen wie vielen Tagen", "\r"),
        ("? Haftung", "Im Innenverhältnis\r"),
        ("? Höchstbetrag in Euro", "50.000\r"),
        ("→ verstanden als 50000", ""),
        ("? Welches Recht gilt", "\r"),
        ("? Gerichtsstand", "\r"),
        ("? Wie weiter?", CTRL_C),
    ]);
    assert_eq!(t.finish(), 130);
    let text = draft(dir.path());
    assert!(text.contains("liability_cap_eur: 50000"), "{text}");
    assert_no_english(t.shown());
}

/// Fails if a German session showed an English sentence of the wizard.
fn assert_no_english(shown: &str) {
    for word in ENGLISH {
        assert!(
            !shown.contains(word),
            "{word:?} in a German session:\n{shown}"
        );
    }
}

#[test]
fn a_refused_answer_is_replaced_and_the_shell_keys_edit() {
    let dir = tempdir();
    let mut t = Pty::spawn(dir.path(), &["new", "--lang", "de"]);
    t.script(&[
        ("? In welcher Sprache", "\r"),
        ("? Auf welcher Seite", "\r"),
        // Ctrl-W deletes the word before the cursor.
        ("? Name des Auftraggebers", "Zahnarztpraxis Weber"),
        ("Zahnarztpraxis Weber", CTRL_W),
        ("Zahnarztpraxis ", "Dr. Weber\r"),
        // Ctrl-U clears what is typed.
        ("? Straße und Hausnummer", "Hauptstraße 1"),
        ("Hauptstraße 1", CTRL_U),
        ("? Straße und Hausnummer", "Lindenallee 4\r"),
        ("? Postleitzahl", "50667\r"),
        ("? Ort ", "Köln\r"),
        ("? Land", "\r"),
        ("? Registereintrag", "\r"),
        ("? Vertreten durch", "Dr. Anna Weber\r"),
        ("? Funktion", "Inhaberin\r"),
        // The role typed into the e-mail field by mistake: refused, and the real address
        // typed next replaces it instead of being appended to it.
        (
            "? E-Mail-Adresse von Dr. Anna Weber",
            "Inhaberin praxis@example.de\r",
        ),
        ("enthält ein Leerzeichen", "praxis@example.de\r"),
        ("? Eine eigene Ansprechperson", CTRL_C),
    ]);
    assert_eq!(t.finish(), 130);
    let text = draft(dir.path());
    for needle in [
        "name: \"Zahnarztpraxis Dr. Weber\"",
        "street: \"Lindenallee 4\"",
        "email: \"praxis@example.de\"",
    ] {
        let plain = needle.replace('"', "");
        assert!(
            text.contains(needle) || text.contains(&plain),
            "{needle} missing in\n{text}"
        );
    }
    assert!(!text.contains("Inhaberin praxis") && !text.contains("Hauptstraße"));
}

#[test]
fn esc_goes_back_one_question_also_into_the_step_before() {
    let dir = tempdir();
    let mut t = Pty::spawn(dir.path(), &["new", "--lang", "de"]);
    t.script(&[
        // Nothing before the first question.
        ("? In welcher Sprache", ESC),
        ("Das ist die erste Frage", ""),
        ("? In welcher Sprache", "\r"),
        ("? Auf welcher Seite", "\r"),
        ("? Name des Auftraggebers", "Praxis Weber\r"),
        ("? Straße und Hausnummer", "Falsche Straße 1\r"),
        ("? Postleitzahl", ESC),
        ("↩ zurück zur vorigen Frage", ""),
        // The question before, with its answer suggested: typing replaces it.
        (
            "? Straße und Hausnummer Falsche Straße 1",
            "Lindenallee 4\r",
        ),
        ("? Postleitzahl", "50667\r"),
        ("? Ort ", "Köln\r"),
        ("? Land", "\r"),
        ("? Registereintrag", "\r"),
        ("? Vertreten durch", "Dr. Anna Weber\r"),
        ("? Funktion", "\r"),
        ("? E-Mail-Adresse", "\r"),
        ("? Eine eigene Ansprechperson", "\r"),
        ("? Wie viele Personen", "\r"),
        ("? Einen Datenschutzbeauftragten", "\r"),
        ("Schritt 3 von 14", ""),
        // Esc on the first question of a step: the last question of the step before.
        ("? Name Ihres Unternehmens", ESC),
        ("Schritt 2 von 14", ""),
        ("? Einen Datenschutzbeauftragten", "j\r"),
        ("? Name", "Dr. Datenschutz\r"),
        ("? E-Mail-Adresse von Dr. Datenschutz", "\r"),
        ("? Telefonnummer von Dr. Datenschutz", "\r"),
        ("Schritt 3 von 14", ""),
        ("? Name Ihres Unternehmens", CTRL_C),
    ]);
    assert_eq!(t.finish(), 130);
    let text = draft(dir.path());
    assert!(text.contains("Lindenallee 4"), "{text}");
    assert!(!text.contains("Falsche"), "{text}");
    assert!(text.contains("Dr. Datenschutz"), "{text}");
}

/// Opens a copy of the dental practice example (German, health data) at 80x24, without
/// `--lang`: the questions come in the contract's language.
fn open_example_small(dir: &Path) -> Pty {
    std::fs::copy(
        root().join("examples/dental-practice.yaml"),
        dir.join("praxis.yaml"),
    )
    .expect("copy");
    Pty::spawn_sized(
        dir,
        &["new", "--from", "praxis.yaml", "-o", "neu.yaml"],
        80,
        24,
    )
}

#[test]
fn a_filter_of_several_words_and_the_promises_word_for_word_at_80x24() {
    let dir = tempdir();
    let mut t = open_example_small(dir.path());
    t.script(&[
        ("Schritt 14 von 14: Zusammenfassung", ""),
        ("? Wie weiter?", "Ändern: 9.\r"),
        ("? Womit beginnen?", "Ohne Vorlage\r"),
        ("? Welche Maßnahmen setzen Sie um?", ""),
        // The last row of the frame: the whole list is drawn.
        ("Esc zurück", ""),
    ]);
    // The list is longer than the screen: the question and its help stay on it, and the
    // help is wrapped between words.
    t.settle();
    let screen = t.screen();
    assert!(
        screen.contains("? Welche Maßnahmen setzen Sie um?"),
        "{screen}"
    );
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("jede Maßnahme wird eine Zusage im Vertrag: ihren Wortlaut zeigt die Liste unten, bevor Sie ankreuzen"),
        "{screen}"
    );
    assert!(
        screen.contains("von 41"),
        "the position in the list: {screen}"
    );
    // Two words with a space: a filter, not a tick.
    t.send("Zentrale Verwaltung");
    t.expect("> [ ] Zentrale Verwaltung mobiler Geräte");
    t.expect("Esc zurück");
    t.settle();
    let screen = t.screen();
    assert!(
        screen.contains("> [ ] Zentrale Verwaltung mobiler Geräte"),
        "{screen}"
    );
    assert!(
        !screen.contains("[x]"),
        "the space ticked nothing: {screen}"
    );
    t.send("\t");
    t.send(CTRL_U);
    t.send("Transport\t");
    t.send(CTRL_U);
    t.send("verschlüsselung gespeicherter\t");
    t.send(CTRL_U);
    t.send("rollen\t\r");
    t.script(&[
        ("? Eigene Maßnahmen behalten?", "\r"),
        ("? Eigene Maßnahme", "\r"),
        ("? Zertifizierung", "\r"),
        ("Das verspricht der Vertrag", ""),
    ]);
    let first = t.position();
    t.expect("? Können Sie alle diese Zusagen einhalten?");
    // The terminal wraps long lines: compare with single spaces.
    let review = t
        .shown_since(first)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for shown in [
        "Zentrale Verwaltung mobiler Geräte: Dienstliche Notebooks",
        "Besondere Kategorien personenbezogener Daten (gilt wegen der Daten, die Sie angegeben haben):",
    ] {
        assert!(review.contains(shown), "{shown:?} not shown:\n{review}");
    }
    // Ticked: encryption at rest and in transit, so the clause promises encryption; not
    // ticked: key management, pseudonymisation, logging, training.
    assert!(
        review.contains("bei der Übertragung und bei der Speicherung verschlüsselt"),
        "{review}"
    );
    for unticked in [
        "Schlüssel werden getrennt",
        "pseudonymisiert",
        "protokolliert",
        "Gesonderte Schulung",
    ] {
        assert!(
            !review.contains(unticked),
            "{unticked:?} promised:\n{review}"
        );
    }
    // Untick one measure from the review; the wording is shown again without it.
    t.send("Zentrale\t\r");
    t.script(&[
        ("Eine Maßnahme entfernt", ""),
        ("Das verspricht der Vertrag", ""),
    ]);
    let second = t.position();
    t.expect("? Können Sie alle diese Zusagen einhalten?");
    assert!(!t.shown_since(second).contains("Mobile-Device-Management"));
    t.send("\r");
    t.script(&[
        // Changed from the summary: back to it.
        ("Schritt 14 von 14", ""),
        ("? Wie weiter?", "\r"),
        ("? Dateiname des Vertrags neu.yaml", "\r"),
        ("Gespeichert: neu.yaml", ""),
        ("? Jetzt das PDF erzeugen?", "n\r"),
    ]);
    assert_eq!(t.exit_code(), 0);
    let c = dpagen::input::load_contract(&dir.path().join("neu.yaml"))
        .expect("valid")
        .contract;
    assert_eq!(
        c.security.measures,
        [
            "encryption_in_transit",
            "encryption_at_rest",
            "role_based_access"
        ]
    );
    let o = dpa_in(dir.path(), &["render", "--format", "md", "neu.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(dir.path().join("neu.md")).expect("md");
    assert!(!md.contains("pseudonymisiert") && !md.contains("mindestens jährlich gesondert"));
}

fn dpa_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dpa"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run dpa")
}

#[test]
fn nothing_english_in_a_german_session() {
    // The German session of `a_german_session_refuses_in_german`, read as a whole.
    let dir = tempdir();
    let mut t = Pty::spawn(dir.path(), &["new", "--lang", "de"]);
    t.script(&[
        ("? In welcher Sprache", "\r"),
        ("? Auf welcher Seite", "\r"),
        ("? Name des Auftraggebers", "\r"),
        ("✗", "x\r"),
        ("? Straße und Hausnummer", "y\r"),
        ("? Postleitzahl", "1\r"),
        ("? Ort ", "z\r"),
        ("? Land", "zz\r"),
        ("✗", "de\r"),
        ("? Registereintrag", "\r"),
        ("? Vertreten durch", "a\r"),
        ("? Funktion", "\r"),
        ("? E-Mail-Adresse", "kaputt\r"),
        // Backspace clears the refused answer whole; empty is "none" here.
        ("✗", "\x7f\r"),
        ("? Eine eigene Ansprechperson", "?\r"),
        ("✗", CTRL_C),
    ]);
    assert_eq!(t.finish(), 130);
    assert_no_english(t.shown());
}
