//! The wizard's flow driven by scripts: suggestions and explanations at the moment they
//! matter, going back one question, answers read the way people type them, and how a
//! session starts (an old draft, `--from`) and ends (Markdown beside the PDF).

use std::path::Path;

use super::script::Reply::{self, Back, Enter, Yes};
use super::scripted_tests::{Run, Script, pick, run_script, save, saved, script, sections, t};
use super::{DRAFT_FILE, Draft, NewOptions};
use crate::Lang;

/// `sections()` with the replies for `key` replaced by `with` (all of them, in place).
fn replace(all: Script, key: &str, with: Vec<(&str, Reply)>) -> Script {
    let mut out: Script = Vec::new();
    let mut done = false;
    for (k, r) in all {
        if k == key {
            if !done {
                out.extend(with.iter().map(|(k, r)| (k.to_string(), r.clone())));
                done = true;
            }
        } else {
            out.push((k, r));
        }
    }
    out
}

fn run_de(dir: &Path, s: Script) -> Run {
    run_script(dir, Draft::new(Lang::De), s)
}

#[test]
fn with_no_subprocessors_the_suggestion_is_to_add_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = replace(
        sections(),
        "subprocessors.menu",
        vec![
            // Enter on the menu adds one.
            ("subprocessors.menu", Enter),
            ("sub.name", t("Hetzner Online GmbH")),
            ("sub.street", t("Industriestr. 25")),
            ("sub.postal_code", t("91710")),
            ("sub.city", t("Gunzenhausen")),
            ("sub.country", t("DE")),
            ("sub.service", t("Server-Hosting")),
            ("sub.locations", Enter),
            // With one listed, Enter is "done".
            ("subprocessors.menu", Enter),
        ],
    );
    let run = run_de(dir.path(), [s, save(&dir.path().join("s.yaml"))].concat());
    let c = saved(&run);
    assert_eq!(c.subprocessors.list.len(), 1);
    assert!(
        run.prompter
            .text()
            .contains("Hosting, E-Mail, Support-Tools")
    );
}

#[test]
fn specific_authorisation_without_subprocessors_is_explained_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = replace(
        sections(),
        "subprocessors.authorisation",
        vec![("subprocessors.authorisation", pick("specific"))],
    );
    let s = replace(s, "subprocessors.notice_days", vec![]);
    let run = run_de(dir.path(), [s, save(&dir.path().join("g.yaml"))].concat());
    let c = saved(&run);
    assert_eq!(
        c.subprocessors.authorisation,
        crate::model::Authorisation::Specific
    );
    let text = run.prompter.text();
    let explained = text
        .find("Ist keiner genannt, darf er keinen einsetzen")
        .expect("explained when chosen");
    let menu = text
        .find("? Unterauftragsverarbeiter: noch keiner")
        .expect("menu");
    assert!(explained < menu, "before the list is asked: {text}");
    assert!(
        text.contains("Schritt 10 (Unterauftragsverarbeiter) – Hinweis:"),
        "the check names the step: {text}"
    );
}

#[test]
fn while_an_error_is_open_the_summary_suggests_changing_its_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = replace(
        sections(),
        "agreement.duration",
        vec![
            ("agreement.duration", pick("fixed")),
            // Ended already: an error of the check.
            ("agreement.until", t("31.12.2020")),
        ],
    );
    let s = [
        s,
        script(vec![
            // Enter at the summary goes to the step of the error, not to saving.
            ("summary", Enter),
            ("agreement.has", Enter),
            ("agreement.title", Enter),
            ("agreement.date", Enter),
            ("agreement.duration", pick("main_agreement")),
            ("agreement.id", Enter),
            ("agreement.effective_date", Enter),
        ]),
        save(&dir.path().join("e.yaml")),
    ]
    .concat();
    let run = run_de(dir.path(), s);
    let c = saved(&run);
    assert_eq!(c.processing.duration, crate::model::Duration::MainAgreement);
    assert_eq!(run.prompter.remaining(), 0);
    let text = run.prompter.text();
    assert!(
        text.contains("Schritt 4 (Hauptvertrag und Laufzeit) – Fehler:"),
        "the check names the step: {text}"
    );
    assert!(
        text.contains("? Wie weiter? Ändern: 4. Hauptvertrag und Laufzeit – Fehler beheben"),
        "Enter at the summary changes the step of the error: {text}"
    );
}

#[test]
fn naming_further_persons_adds_to_the_representative() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = replace(
        sections(),
        "instructions.controller.mode",
        vec![
            ("instructions.controller.mode", pick("change")),
            // The representative is there, ticked: Enter keeps them.
            ("instructions.controller.keep", Enter),
            ("instructions.controller.add.name", t("Eva Muster")),
            ("instructions.controller.add.email", t("eva@example.de")),
            ("instructions.controller.add.name", Enter),
        ],
    );
    let run = run_de(dir.path(), [s, save(&dir.path().join("p.yaml"))].concat());
    let c = saved(&run);
    let names: Vec<&str> = c
        .instructions
        .controller_persons
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Dr. Anna Weber", "Eva Muster"]);
    assert_eq!(
        c.instructions.controller_persons[1].email.as_deref(),
        Some("eva@example.de")
    );
    assert!(
        run.prompter
            .text()
            .contains("? E-Mail-Adresse von Eva Muster (optional)"),
        "a third person's e-mail is asked by name"
    );
}

#[test]
fn an_added_signatory_gets_the_partys_city_as_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = replace(
        sections(),
        "signatories.menu",
        vec![
            ("signatories.menu", pick("add")),
            ("sign.party", pick("processor")),
            ("sign.name", t("Lea Klein")),
            ("sign.role", Enter),
            ("sign.place", Enter),
            ("signatories.menu", pick("done")),
        ],
    );
    let run = run_de(dir.path(), [s, save(&dir.path().join("z.yaml"))].concat());
    let c = saved(&run);
    let lea = c
        .signatories
        .iter()
        .find(|s| s.name == "Lea Klein")
        .expect("added");
    assert_eq!(lea.place.as_deref(), Some("Köln"));
}

#[test]
fn german_numbers_dates_and_a_country_that_fits_are_read_and_shown_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = replace(
        sections(),
        "agreement.date",
        vec![("agreement.date", t("15.11.2026"))],
    );
    let s = replace(
        s,
        "controller.country",
        vec![("controller.country", t("Deutschl"))],
    );
    let s = replace(
        s,
        "terms.liability",
        vec![
            ("terms.liability", pick("capped")),
            ("terms.liability_cap_eur", t("50.000")),
        ],
    );
    let run = run_de(dir.path(), [s, save(&dir.path().join("n.yaml"))].concat());
    let c = saved(&run);
    assert_eq!(c.terms.liability_cap_eur, Some(50_000));
    assert_eq!(
        c.main_agreement.and_then(|m| m.date).map(|d| d.to_string()),
        Some("2026-11-15".into())
    );
    assert_eq!(c.controller.address.country, "DE");
    let text = run.prompter.text();
    for shown in [
        "→ verstanden als 15. November 2026 (2026-11-15)",
        "→ verstanden als 50000",
        "→ verstanden als DE (Deutschland)",
    ] {
        assert!(text.contains(shown), "{shown} missing: {text}");
    }
    assert!(
        run.prompter.refusals.is_empty(),
        "{:?}",
        run.prompter.refusals
    );
}

#[test]
fn esc_goes_back_one_question_within_a_step_and_into_the_step_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = replace(
        sections(),
        "controller.postal_code",
        vec![
            ("controller.postal_code", Back),
            // The street again, its earlier answer suggested; the name is not asked again.
            ("controller.street", t("Lindenallee 4")),
            ("controller.postal_code", t("50667")),
        ],
    );
    let s = replace(
        s,
        "processor.name",
        vec![
            // The first question of step 3: back to the last one of step 2.
            ("processor.name", Back),
            ("controller.dpo.has", Enter),
            ("processor.name", t("Pixelwerk Webdesign, Jonas Klein")),
        ],
    );
    let run = run_de(dir.path(), [s, save(&dir.path().join("b.yaml"))].concat());
    let c = saved(&run);
    assert_eq!(run.prompter.remaining(), 0);
    assert_eq!(c.controller.address.street, "Lindenallee 4");
    assert_eq!(c.controller.name, "Zahnarztpraxis Dr. Weber");
    let text = run.prompter.text();
    assert_eq!(
        text.matches("? Name des Auftraggebers").count(),
        1,
        "replayed, not asked again: {text}"
    );
    assert_eq!(text.matches("Schritt 2 von 14").count(), 2, "{text}");
}

#[test]
fn esc_at_the_first_question_says_there_is_nothing_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = [script(vec![("language", Back)]), sections()].concat();
    let run = run_de(dir.path(), [s, save(&dir.path().join("f.yaml"))].concat());
    saved(&run);
    assert!(run.prompter.text().contains("Das ist die erste Frage"));
}

#[test]
fn an_old_draft_can_be_continued_and_from_opens_in_the_contracts_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let draft_path = dir.path().join(DRAFT_FILE);
    let mut d = Draft::new(Lang::De);
    d.form.controller.name = "Zahnarztpraxis Dr. Weber".into();
    d.next = super::Section::Security;
    d.save(&draft_path).expect("save");
    let _g = crate::i18n::scoped(Lang::De);
    let opts = NewOptions::default();
    for (reply, expect) in [
        ("continue", Some(true)),
        ("replace", Some(false)),
        ("stop", None),
    ] {
        let mut p = super::script::ScriptedPrompter::new([("draft.existing", pick(reply))]);
        let got = super::start(&mut p, &opts, Lang::De, &draft_path).expect("start");
        assert_eq!(got.as_ref().map(|(_, resumed)| *resumed), expect, "{reply}");
        if reply == "continue" {
            let (d, _) = got.expect("draft");
            assert_eq!(d.next, super::Section::Security);
            assert_eq!(d.form.controller.name, "Zahnarztpraxis Dr. Weber");
        }
        let text = p.text();
        assert!(
            text.contains("Zahnarztpraxis Dr. Weber, bis Schritt 9 von 14"),
            "{text}"
        );
    }
    // --from: the contract's language unless --lang says otherwise.
    std::fs::remove_file(&draft_path).expect("remove");
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let from = Some(root.join("examples/uk-payroll.yaml"));
    let mut p = super::script::ScriptedPrompter::new(Vec::<(String, Reply)>::new());
    let opts = NewOptions {
        from: from.clone(),
        ..NewOptions::default()
    };
    let (d, _) = super::start(&mut p, &opts, Lang::De, &draft_path)
        .expect("start")
        .expect("opened");
    assert_eq!(d.ui(), Lang::En);
    let opts = NewOptions {
        from,
        lang: Some(Lang::De),
        ..NewOptions::default()
    };
    let (d, _) = super::start(&mut p, &opts, Lang::De, &draft_path)
        .expect("start")
        .expect("opened");
    assert_eq!(d.ui(), Lang::De);
}

#[test]
fn the_pdf_comes_with_its_markdown_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("avv.yaml");
    let s = [
        sections(),
        script(vec![
            ("summary", Enter),
            ("save.file", t(&out.to_string_lossy())),
            ("render.now", Yes),
            ("render.docx", Reply::No),
        ]),
    ]
    .concat();
    let run = run_de(dir.path(), s);
    assert_eq!(run.prompter.remaining(), 0);
    match &run.outcome {
        super::Outcome::Saved { pdf: Some(p), .. } => assert!(p.exists()),
        o => panic!("{o:?}\n{}", run.prompter.text()),
    }
    let md = std::fs::read_to_string(dir.path().join("avv.md")).expect("markdown beside the PDF");
    assert!(md.contains("Zahnarztpraxis Dr. Weber"));
    assert!(
        run.prompter.text().contains("dazu "),
        "{}",
        run.prompter.text()
    );
}

#[test]
fn the_promises_can_be_read_and_unticked_again_from_the_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = [
        sections(),
        script(vec![
            ("summary", pick("review")),
            (
                "security.review",
                Reply::Tick(
                    [
                        "encryption_in_transit",
                        "role_based_access",
                        "backup_daily",
                        "firewall",
                    ]
                    .map(String::from)
                    .to_vec(),
                ),
            ),
            ("security.review", Enter),
        ]),
        save(&dir.path().join("r.yaml")),
    ]
    .concat();
    let run = run_de(dir.path(), s);
    let c = saved(&run);
    assert_eq!(
        c.security.measures,
        [
            "encryption_in_transit",
            "firewall",
            "role_based_access",
            "backup_daily"
        ],
        "in the order of the selection"
    );
    let text = run.prompter.text();
    assert!(text.contains("Das verspricht der Vertrag"), "{text}");
    assert!(text.contains("Maßnahmen entfernt"), "{text}");
}
