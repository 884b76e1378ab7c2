//! The wizard driven by scripts: whole sessions, going back from the summary, the
//! subprocessor loop, transfer bases, refused answers, interruption and resume, and
//! opening an existing contract.

use std::path::{Path, PathBuf};

use super::ask::{country_completion, whole};
use super::driver::{Outcome, Section, drive};
use super::script::{Reply, ScriptedPrompter};
use super::{DRAFT_FILE, Draft, Role};
use crate::Lang;
use crate::catalog::Catalogs;
use crate::input::{load_contract, parse_contract};
use crate::model::{Contract, Transfer, TransferBasis};

pub(super) type Script = Vec<(String, Reply)>;

pub(super) fn script(v: Vec<(&str, Reply)>) -> Script {
    v.into_iter().map(|(k, r)| (k.to_string(), r)).collect()
}

pub(super) fn t(s: &str) -> Reply {
    Reply::Text(s.to_string())
}

pub(super) fn pick(s: &str) -> Reply {
    Reply::Pick(s.to_string())
}

pub(super) fn tick(ids: &[&str]) -> Reply {
    Reply::Tick(ids.iter().map(|s| s.to_string()).collect())
}

use Reply::{Enter, No, Yes};

pub(super) fn start() -> Script {
    script(vec![("language", Enter), ("role", Enter)])
}

pub(super) fn party(prefix: &str, name: &str, city: &str, rep: &str) -> Script {
    let k = |s: &str| format!("{prefix}.{s}");
    vec![
        (k("name"), t(name)),
        (k("street"), t("Am Markt 2")),
        (k("postal_code"), t("50667")),
        (k("city"), t(city)),
        (k("country"), Enter),
        (k("register"), Enter),
        (k("representative.name"), t(rep)),
        (k("representative.role"), t("Inhaber")),
        (k("representative.email"), t("info@example.de")),
        (k("contact.has"), No),
        (k("staff"), Enter),
        (k("dpo.has"), No),
    ]
}

pub(super) fn agreement() -> Script {
    script(vec![
        ("agreement.has", Enter),
        ("agreement.title", t("Vertrag über Webhosting und Wartung")),
        ("agreement.date", Enter),
        ("agreement.duration", Enter),
        ("agreement.id", Enter),
        ("agreement.effective_date", Enter),
    ])
}

pub(super) fn processing() -> Script {
    script(vec![
        (
            "processing.subject_matter",
            t("Hosting und Wartung der Website"),
        ),
        ("processing.purpose", t("Bereitstellung der Website")),
        ("processing.operations", Enter),
    ])
}

pub(super) fn data() -> Script {
    script(vec![
        ("data.categories", Enter),
        ("data.categories.text.add", Enter),
        ("data.special", Enter),
        ("data.criminal", Enter),
        ("data.subjects", tick(&["customers", "website_visitors"])),
        ("data.subjects.text.add", Enter),
    ])
}

pub(super) fn locations() -> Script {
    script(vec![("locations.countries", Enter)])
}

pub(super) fn instructions() -> Script {
    script(vec![
        ("instructions.form", Enter),
        ("instructions.controller.mode", Enter),
        ("instructions.processor.mode", Enter),
    ])
}

pub(super) fn security() -> Script {
    script(vec![
        ("security.preset", Enter),
        ("security.measures", Enter),
        ("security.custom.text", Enter),
        ("security.certifications.add", Enter),
        ("security.review", Enter),
    ])
}

pub(super) fn subprocessors_none() -> Script {
    script(vec![
        ("subprocessors.authorisation", Enter),
        ("subprocessors.notice_days", Enter),
        ("subprocessors.menu", pick("done")),
    ])
}

pub(super) fn terms() -> Script {
    script(vec![
        ("terms.breach_hours", Enter),
        ("terms.audit_notice_days", Enter),
        ("terms.audit_on_site", Enter),
        ("terms.end_choice", Enter),
        ("terms.end_days", Enter),
        ("terms.liability", Enter),
        ("terms.governing_law", Enter),
        ("terms.jurisdiction", Enter),
    ])
}

pub(super) fn options_and_signatories() -> Script {
    script(vec![
        ("options.clauses", Enter),
        ("options.penalty", Enter),
        ("signatories.menu", Enter),
    ])
}

pub(super) fn save(file: &Path) -> Script {
    script(vec![
        ("summary", Enter),
        ("save.file", t(&file.to_string_lossy())),
        ("render.now", No),
    ])
}

/// Every section up to (not including) the summary.
pub(super) fn sections() -> Script {
    [
        start(),
        party(
            "controller",
            "Zahnarztpraxis Dr. Weber",
            "Köln",
            "Dr. Anna Weber",
        ),
        party(
            "processor",
            "Pixelwerk Webdesign, Jonas Klein",
            "Köln",
            "Jonas Klein",
        ),
        agreement(),
        processing(),
        data(),
        locations(),
        instructions(),
        security(),
        subprocessors_none(),
        terms(),
        options_and_signatories(),
    ]
    .concat()
}

/// The same in English: there the countries have no suggestion to accept.
pub(super) fn sections_en() -> Script {
    sections()
        .into_iter()
        .map(|(k, r)| {
            if k.ends_with(".country") {
                (k, t("DE"))
            } else {
                (k, r)
            }
        })
        .collect()
}

pub(super) struct Run {
    pub(super) outcome: Outcome,
    pub(super) prompter: ScriptedPrompter,
    pub(super) draft: Draft,
}

pub(super) fn run_script(dir: &Path, draft: Draft, script: Script) -> Run {
    let mut prompter = ScriptedPrompter::new(script);
    let mut draft = draft;
    let outcome = drive(&mut prompter, &mut draft, &dir.join(DRAFT_FILE)).expect("no I/O error");
    Run {
        outcome,
        prompter,
        draft,
    }
}

pub(super) fn saved(run: &Run) -> Contract {
    match &run.outcome {
        Outcome::Saved {
            contract,
            pdf: None,
        } => {
            load_contract(contract)
                .unwrap_or_else(|e| panic!("the written file is not valid: {e}"))
                .contract
        }
        other => panic!(
            "expected a saved contract, got {other:?}\n{}",
            run.prompter.text()
        ),
    }
}

#[test]
fn a_whole_session_writes_a_valid_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("weber.yaml");
    let run = run_script(
        dir.path(),
        Draft::new(Lang::De),
        [sections(), save(&out)].concat(),
    );
    let c = saved(&run);
    assert_eq!(run.prompter.remaining(), 0);
    assert_eq!(c.controller.name, "Zahnarztpraxis Dr. Weber");
    assert_eq!(c.processor.representative.name, "Jonas Klein");
    assert_eq!(c.processing.locations, vec!["DE"]);
    assert_eq!(c.processing.operations.len(), 6);
    assert_eq!(c.signatories.len(), 2);
    assert_eq!(c.signatories[0].place.as_deref(), Some("Köln"));
    // The processor's defaults: 48 hours, no extra protective clauses.
    assert_eq!(c.terms.breach_notification_hours, 48);
    assert!(!c.options.seizure_insolvency_notice);
    assert!(
        c.security.measures.contains(&"backup_daily".to_string()),
        "the small-office preset"
    );
    let text = run.prompter.text();
    assert!(text.contains("Schritt 3 von 14: Auftragnehmer"), "{text}");
    assert!(
        text.contains("Schritt 14 von 14: Zusammenfassung"),
        "{text}"
    );
    assert!(
        text.contains("Prüfung (wie `dpa check`): 0 Fehler"),
        "the check findings are shown: {text}"
    );
    assert!(
        !dir.path().join(DRAFT_FILE).exists(),
        "the draft is gone once the contract is written"
    );
    // The file is the batch input format: it renders through the normal path.
    let loaded = load_contract(&out).expect("load");
    let lib = crate::clauses::Library::builtin().expect("library");
    let report = crate::check::check(&loaded, &lib, crate::model::Date::today()).expect("check");
    assert!(!report.has_errors(), "{:?}", report.findings);
}

#[test]
fn the_controller_role_changes_defaults_and_wording() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut script = sections_en();
    script[1] = ("role".into(), pick("controller"));
    let run = run_script(
        dir.path(),
        Draft::new(Lang::En),
        [script, save(&dir.path().join("c.yaml"))].concat(),
    );
    let c = saved(&run);
    assert_eq!(c.terms.breach_notification_hours, 24);
    assert!(c.options.seizure_insolvency_notice && c.options.no_right_of_retention);
    let text = run.prompter.text();
    assert!(
        text.contains("Step 2 of 14: Controller – your organisation"),
        "{text}"
    );
    assert!(text.contains("Processor – your service provider"), "{text}");
}

#[test]
fn going_back_from_the_summary_changes_one_section() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("back.yaml");
    let script = [
        sections(),
        script(vec![
            ("summary", pick("change:processing")),
            (
                "processing.subject_matter",
                t("Betrieb des Terminbuchungssystems"),
            ),
            ("processing.purpose", Enter),
            ("processing.operations", tick(&["storage", "erasure"])),
            ("summary", pick("change:terms")),
            ("terms.breach_hours", t("24")),
        ]),
        terms()[1..].to_vec(),
        save(&out),
    ]
    .concat();
    let run = run_script(dir.path(), Draft::new(Lang::De), script);
    let c = saved(&run);
    assert_eq!(run.prompter.remaining(), 0);
    assert_eq!(
        c.processing.subject_matter,
        "Betrieb des Terminbuchungssystems"
    );
    assert_eq!(c.processing.purpose, "Bereitstellung der Website");
    assert_eq!(c.processing.operations, vec!["storage", "erasure"]);
    assert_eq!(c.terms.breach_notification_hours, 24);
    assert_eq!(
        c.controller.name, "Zahnarztpraxis Dr. Weber",
        "the rest stays"
    );
    let text = run.prompter.text();
    assert_eq!(text.matches("Schritt 14 von 14").count(), 3, "{text}");
    assert_eq!(text.matches("Schritt 5 von 14").count(), 2, "{text}");
}

fn sub(name: &str, country: &str, locations: Reply) -> Script {
    script(vec![
        ("sub.name", t(name)),
        ("sub.street", t("Industriestr. 25")),
        ("sub.postal_code", t("91710")),
        ("sub.city", t("Gunzenhausen")),
        ("sub.country", t(country)),
        ("sub.service", t("Server-Hosting")),
        ("sub.locations", locations),
    ])
}

#[test]
fn subprocessors_are_added_edited_and_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("subs.yaml");
    let before: Script = sections()
        .into_iter()
        .take_while(|(k, _)| k != "subprocessors.authorisation")
        .collect();
    let after: Script = sections()
        .into_iter()
        .skip_while(|(k, _)| !k.starts_with("terms."))
        .collect();
    let script = [
        before,
        script(vec![
            ("subprocessors.authorisation", Enter),
            ("subprocessors.notice_days", Enter),
            ("subprocessors.menu", pick("add")),
        ]),
        sub("Hetzner Online GmbH", "DE", Enter),
        script(vec![("subprocessors.menu", pick("add"))]),
        sub("Mailgun Technologies, Inc.", "US", Enter),
        script(vec![
            ("sub.transfer", pick("scc")),
            ("subprocessors.menu", pick("add")),
        ]),
        sub("Zendesk, Inc.", "US", t("IE, US")),
        script(vec![
            ("sub.transfer", pick("dpf")),
            // Edit the first: only its name and service change.
            ("subprocessors.menu", pick("edit:0")),
            ("sub.name", t("Hetzner Online GmbH (Falkenstein)")),
            ("sub.street", Enter),
            ("sub.postal_code", Enter),
            ("sub.city", Enter),
            ("sub.country", Enter),
            ("sub.service", t("Server-Hosting und Backups")),
            ("sub.locations", Enter),
            // Remove the second, after a "no" first.
            ("subprocessors.menu", pick("remove:1")),
            ("subprocessors.remove", No),
            ("subprocessors.menu", pick("remove:1")),
            ("subprocessors.remove", Yes),
            ("subprocessors.menu", pick("done")),
        ]),
        after,
        save(&out),
    ]
    .concat();
    let run = run_script(dir.path(), Draft::new(Lang::De), script);
    let c = saved(&run);
    assert_eq!(run.prompter.remaining(), 0);
    let names: Vec<&str> = c
        .subprocessors
        .list
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Hetzner Online GmbH (Falkenstein)", "Zendesk, Inc."]
    );
    assert_eq!(
        c.subprocessors.list[0].service,
        "Server-Hosting und Backups"
    );
    assert_eq!(c.subprocessors.list[0].locations, ["DE"]);
    assert_eq!(c.subprocessors.list[0].transfer, None);
    assert_eq!(c.subprocessors.list[1].locations, ["IE", "US"]);
    assert_eq!(
        c.subprocessors.list[1].transfer,
        Some(Transfer::All(TransferBasis::Dpf))
    );
}

#[test]
fn a_location_outside_the_eea_asks_for_the_transfer_basis_and_explains_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    // US: the Data Privacy Framework is offered; India: it is not; UK: adequacy, no question.
    let cases: [(&str, Option<&str>, Option<TransferBasis>, &str); 3] = [
        (
            "DE, US",
            Some("dpf"),
            Some(TransferBasis::Dpf),
            "choices: dpf, scc, bcr, derogation",
        ),
        (
            "DE, IN",
            Some("scc"),
            Some(TransferBasis::Scc),
            "choices: scc, bcr, derogation",
        ),
        (
            "GB",
            None,
            None,
            "Angemessenheitsbeschluss der EU-Kommission",
        ),
    ];
    for (n, (countries, answer, expected, shown)) in cases.into_iter().enumerate() {
        let mut script: Script = Vec::new();
        for (k, r) in sections() {
            if k == "locations.countries" {
                script.push((k, Reply::Text(countries.into())));
                if let Some(a) = answer {
                    script.push(("locations.transfer".into(), pick(a)));
                }
            } else {
                script.push((k, r));
            }
        }
        let out = dir.path().join(format!("t-{n}.yaml"));
        let run = run_script(
            dir.path(),
            Draft::new(Lang::De),
            [script, save(&out)].concat(),
        );
        let c = saved(&run);
        assert_eq!(
            c.processing.transfer,
            expected.map(Transfer::All),
            "{countries}"
        );
        let text = run.prompter.text();
        assert!(text.contains(shown), "{countries}: {text}");
        if answer.is_some() {
            assert!(
                text.contains("außerhalb des EWR ohne Angemessenheitsbeschluss")
                    && text.contains("Art. 44–49 DSGVO"),
                "the choice is explained: {text}"
            );
        }
    }
}

#[test]
fn refused_answers_are_asked_again_in_the_wizards_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut script: Script = Vec::new();
    for (k, r) in sections() {
        match k.as_str() {
            "controller.representative.email" => {
                script.push((k.clone(), t("praxis(at)example.de")));
                script.push((k.clone(), t("Inhaberin praxis@example.de")));
                script.push((k.clone(), t("praxis@example.de")));
            }
            "controller.country" => {
                script.push((k.clone(), t("Atlantis")));
                script.push((k.clone(), t("de")));
            }
            "controller.name" => {
                script.push((k.clone(), t("   ")));
                script.push((k.clone(), r));
            }
            "agreement.date" => {
                script.push((k.clone(), t("31.02.2026")));
                script.push((k.clone(), t("15.1.2026")));
            }
            "locations.countries" => {
                script.push((k.clone(), t("DE, Fran")));
                script.push((k.clone(), t("DE, fr — Frankreich")));
            }
            "subprocessors.notice_days" => {
                script.push((k.clone(), t("30 Tage")));
                script.push((k.clone(), t("-5")));
                script.push((k.clone(), t("1,5")));
                script.push((k.clone(), t("21")));
            }
            "data.subjects" => {
                // Nothing ticked and no free text: asked again.
                script.push((k.clone(), tick(&[])));
                script.push(("data.subjects.text.add".into(), Enter));
                script.push((k.clone(), r));
            }
            _ => script.push((k.clone(), r)),
        }
    }
    let run = run_script(
        dir.path(),
        Draft::new(Lang::De),
        [script, save(&dir.path().join("r.yaml"))].concat(),
    );
    let c = saved(&run);
    assert_eq!(run.prompter.remaining(), 0);
    assert_eq!(
        c.controller.representative.email.as_deref(),
        Some("praxis@example.de")
    );
    assert_eq!(c.controller.address.country, "DE");
    assert_eq!(c.processing.locations, ["DE", "FR"]);
    assert_eq!(c.subprocessors.notice_days, 21);
    assert_eq!(
        c.main_agreement.and_then(|m| m.date).map(|d| d.to_string()),
        Some("2026-01-15".to_string())
    );
    let refused: Vec<(&str, &str)> = run
        .prompter
        .refusals
        .iter()
        .map(|(k, m)| (k.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        refused,
        [
            (
                "controller.name",
                "Bitte geben Sie eine Antwort ein; diese Angabe wird gebraucht"
            ),
            (
                "controller.country",
                "„Atlantis“ ist kein Land, das wir kennen; geben Sie den ISO-Code ein, z. B. DE, AT, FR, US, oder den Anfang des Namens und drücken Sie Tab"
            ),
            (
                "controller.representative.email",
                "„praxis(at)example.de“ ist keine E-Mail-Adresse; schreiben Sie sie wie name@example.de"
            ),
            (
                "controller.representative.email",
                "„Inhaberin praxis@example.de“ enthält ein Leerzeichen; eine E-Mail-Adresse hat keins, z. B. name@example.de"
            ),
            (
                "agreement.date",
                "„31.02.2026“ ist kein Datum; schreiben Sie z. B. 1.12.2026 oder 2026-12-01"
            ),
            (
                "locations.countries",
                "„Fran“ passt zu mehreren Ländern: Frankreich (FR), Französisch-Guyana (GF), Französisch-Polynesien (PF), Französische Süd- und Antarktisgebiete (TF); geben Sie mehr vom Namen ein oder den ISO-Code"
            ),
            (
                "subprocessors.notice_days",
                "Bitte nur die Zahl eingeben, ohne „Tage“, z. B. 30"
            ),
            (
                "subprocessors.notice_days",
                "Die Zahl darf nicht negativ sein; bitte 0 oder mehr eingeben"
            ),
            (
                "subprocessors.notice_days",
                "„1,5“ ist keine ganze Zahl; bitte eine ganze Zahl eingeben, z. B. 24"
            ),
        ]
    );
    let text = run.prompter.text();
    assert!(
        text.contains("Bitte mindestens einen Eintrag wählen"),
        "an empty list is asked again"
    );
    assert!(
        text.contains("→ verstanden als 15. Januar 2026 (2026-01-15)"),
        "a German date is shown back as understood: {text}"
    );
}

#[test]
fn the_prompt_refuses_what_the_loader_refuses() {
    // One code path decides; the prompt words it for the person, the loader for the file.
    let dir = tempfile::tempdir().expect("tempdir");
    let run = run_script(
        dir.path(),
        Draft::new(Lang::De),
        [sections(), save(&dir.path().join("w.yaml"))].concat(),
    );
    let text = match &run.outcome {
        Outcome::Saved { contract, .. } => std::fs::read_to_string(contract).expect("read"),
        o => panic!("{o:?}"),
    };
    for bad in ["praxis(at)example.de", "a@b", "a b@c.de", "@b.de"] {
        let file = text.replace("\"info@example.de\"", &format!("\"{bad}\""));
        let loader = parse_contract(Path::new("bad.yaml"), file);
        let prompt = super::ask::email(bad);
        assert!(loader.is_err() && prompt.is_err(), "{bad}");
    }
    let loader = parse_contract(Path::new("ok.yaml"), text);
    assert!(loader.is_ok() && super::ask::email("info@example.de").is_ok());
}

#[test]
fn ctrl_c_keeps_every_answer_and_resume_continues() {
    let dir = tempfile::tempdir().expect("tempdir");
    let draft_path = dir.path().join(DRAFT_FILE);
    let all = sections();
    // Stop in the middle of the data section, after two of its answers.
    let cut = all
        .iter()
        .position(|(k, _)| k == "data.special")
        .expect("data.special");
    let mut first: Script = all[..cut].to_vec();
    first.push(("data.special".into(), Reply::Interrupt));
    let run = run_script(dir.path(), Draft::new(Lang::De), first);
    assert_eq!(run.outcome, Outcome::Stopped);
    assert_eq!(run.prompter.remaining(), 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&draft_path)
            .expect("draft written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the draft is private");
    }
    let d = Draft::load(&draft_path).expect("draft readable");
    assert_eq!(d, run.draft);
    assert_eq!(d.next, Section::Data);
    assert_eq!(d.form.controller.name, "Zahnarztpraxis Dr. Weber");
    assert!(
        !d.form.processing.data_categories.is_empty(),
        "answers of the unfinished section are kept"
    );

    // Resume: the data section again (its answers are the suggestions), then the rest.
    let out = dir.path().join("resumed.yaml");
    let rest: Script = all[cut - 2..].to_vec();
    let resumed = run_script(dir.path(), d, [rest, save(&out)].concat());
    let c = saved(&resumed);
    assert_eq!(resumed.prompter.remaining(), 0);
    assert!(resumed.prompter.text().contains("Schritt 6 von 14"));

    // The same as without the interruption.
    let dir2 = tempfile::tempdir().expect("tempdir");
    let whole = run_script(
        dir2.path(),
        Draft::new(Lang::De),
        [sections(), save(&dir2.path().join("x.yaml"))].concat(),
    );
    assert_eq!(c, saved(&whole));
    assert!(!draft_path.exists());
}

#[test]
fn stopping_at_the_summary_keeps_the_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = run_script(
        dir.path(),
        Draft::new(Lang::En),
        [sections_en(), script(vec![("summary", pick("stop"))])].concat(),
    );
    assert_eq!(run.outcome, Outcome::Left);
    let d = Draft::load(&dir.path().join(DRAFT_FILE)).expect("draft");
    assert_eq!(d.next, Section::Summary);
    assert_eq!(d.role, Role::Processor);
}

#[test]
fn every_example_opened_and_saved_unchanged_is_the_same_contract() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["dental-practice", "saas-crm", "uk-payroll"] {
        let path = root.join(format!("examples/{name}.yaml"));
        let before = load_contract(&path).expect("example").contract;
        let draft = Draft::from_contract(Lang::De, &before, &path);
        let out = dir.path().join(format!("{name}.yaml"));
        let run = run_script(dir.path(), draft, save(&out));
        assert_eq!(saved(&run), before, "{name}");
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("format: 1"),
            "the example itself is untouched"
        );
    }
}

#[test]
fn opening_a_contract_and_changing_a_section() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = root.join("examples/saas-crm.yaml");
    let before = load_contract(&path).expect("example").contract;
    let out = dir.path().join("crm.yaml");
    let script = [
        script(vec![
            ("summary", pick("change:subprocessors")),
            ("subprocessors.authorisation", Enter),
            ("subprocessors.notice_days", Enter),
            ("subprocessors.menu", pick("remove:2")),
            ("subprocessors.remove", Yes),
            ("subprocessors.menu", Enter),
        ]),
        save(&out),
    ]
    .concat();
    let run = run_script(
        dir.path(),
        Draft::from_contract(Lang::En, &before, &path),
        script,
    );
    let after = saved(&run);
    assert_eq!(after.subprocessors.list.len(), 2);
    let mut expected = before.clone();
    expected.subprocessors.list.truncate(2);
    assert_eq!(after, expected);
}

#[test]
fn numbers_are_read_as_people_type_them() {
    let _g = crate::i18n::scoped(Lang::En);
    assert_eq!(whole("24", 1000), Ok(24));
    assert_eq!(whole(" 48 ", 1000), Ok(48));
    assert_eq!(whole("250000", u64::MAX), Ok(250_000));
    assert_eq!(whole("250.000", u64::MAX), Ok(250_000));
    assert_eq!(
        whole("24 Stunden", 1000),
        Err("Please write the number only, without “Stunden”, e.g. 24".to_string())
    );
    assert_eq!(
        whole("1.5", 1000),
        Err("“1.5” is not a whole number; write a whole number such as 24".to_string())
    );
    assert!(whole("", 1000).is_err());
    assert!(whole("99999999999", u64::from(u32::MAX)).is_err());
}

#[test]
fn countries_complete_by_code_and_name() {
    let cats = Catalogs::get().expect("catalogs");
    let c = country_completion(cats, Lang::De);
    let s = (c.suggest)("deu");
    assert_eq!(
        s.first().map(String::as_str),
        Some("DE — Deutschland"),
        "{s:?}"
    );
    let s = (c.suggest)("DE, fran");
    assert_eq!(
        s.first().map(String::as_str),
        Some("DE, FR — Frankreich"),
        "{s:?}"
    );
    assert!(
        s.iter().any(|x| x == "DE, PF — Französisch-Polynesien"),
        "{s:?}"
    );
    assert_eq!(
        (c.complete)("DE, fran", Some("DE, PF — Französisch-Polynesien")).as_deref(),
        Some("DE, PF")
    );
    assert_eq!(
        (c.complete)("DE, fran", None),
        None,
        "ambiguous: Tab does nothing"
    );
    assert_eq!((c.complete)("DE, frankr", None).as_deref(), Some("DE, FR"));
    assert_eq!(
        (c.suggest)("us").first().map(String::as_str),
        Some("US — Vereinigte Staaten")
    );
    assert!((c.suggest)("DE, ").is_empty());
    let en = country_completion(cats, Lang::En);
    assert_eq!(
        (en.suggest)("united k").first().map(String::as_str),
        Some("GB — United Kingdom")
    );
}

#[test]
fn completing_a_country_never_turns_it_into_another_one() {
    let cats = Catalogs::get().expect("catalogs");
    for ui in [Lang::En, Lang::De] {
        let c = country_completion(cats, ui);
        // `UK` + Tab: the United Kingdom, never Ukraine (UA).
        let s = (c.suggest)("UK");
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s[0].starts_with("GB — "), "{s:?}");
        assert_eq!((c.complete)("UK", None).as_deref(), Some("GB"));
        assert_eq!((c.complete)("DE, uk", None).as_deref(), Some("DE, GB"));
        // Other common spellings offer the country meant.
        for (typed, code) in [
            ("EL", "GR"),
            ("GER", "DE"),
            ("DEU", "DE"),
            ("USA", "US"),
            ("Deutschland", "DE"),
            ("Vereinigte Staaten", "US"),
            ("Österreich", "AT"),
            ("oesterreich", "AT"),
            ("Schweiz", "CH"),
            ("Großbritannien", "GB"),
            ("Holland", "NL"),
            ("XK", "XK"),
        ] {
            assert_eq!((c.complete)(typed, None).as_deref(), Some(code), "{typed}");
        }
        // A valid code stays itself, however many names start with the same letters.
        for code in ["IN", "CH", "AT", "US", "UA"] {
            assert_eq!((c.suggest)(code).len(), 1, "{code}");
            assert_eq!(
                (c.complete)(&code.to_lowercase(), None).as_deref(),
                Some(code)
            );
        }
        // A name prefix still finds Ukraine.
        assert!(
            (c.suggest)("ukr").iter().any(|x| x.starts_with("UA — ")),
            "{:?}",
            (c.suggest)("ukr")
        );
    }
}

#[test]
fn a_script_out_of_step_fails_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = run_script(
        dir.path(),
        Draft::new(Lang::De),
        script(vec![("language", Enter), ("controller.name", t("x"))]),
    );
    match run.outcome {
        Outcome::Failed(m) => assert!(m.contains("expected question `controller.name`"), "{m}"),
        o => panic!("{o:?}"),
    }
}

#[test]
fn switching_the_role_of_an_opened_contract_changes_no_value() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = root.join("examples/uk-payroll.yaml");
    let before = load_contract(&path).expect("example").contract;
    for role in ["controller", "processor"] {
        let out = dir.path().join(format!("{role}.yaml"));
        let steps = [
            script(vec![
                ("summary", pick("change:start")),
                ("language", Enter),
                ("role", pick(role)),
            ]),
            save(&out),
        ]
        .concat();
        let run = run_script(
            dir.path(),
            Draft::from_contract(Lang::En, &before, &path),
            steps,
        );
        assert_eq!(saved(&run), before, "{role}");
    }
}

/// The professional secrecy clause (§ 203 StGB) is offered to a dental practice, and not to
/// a company whose name, data and data subjects point to no such profession.
#[test]
fn professional_secrecy_is_offered_where_it_may_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with = |reply: Reply, name: &str| -> Script {
        sections()
            .into_iter()
            .map(|(k, r)| match k.as_str() {
                "options.clauses" => (k, reply.clone()),
                "controller.name" => (k, t(name)),
                _ => (k, r),
            })
            .collect()
    };
    let out = dir.path().join("dental.yaml");
    let run = run_script(
        dir.path(),
        Draft::new(Lang::De),
        [
            with(tick(&["professional_secrecy"]), "Zahnarztpraxis Dr. Weber"),
            save(&out),
        ]
        .concat(),
    );
    assert!(saved(&run).options.professional_secrecy);
    let mut prompter = ScriptedPrompter::new(with(tick(&["professional_secrecy"]), "Muster GmbH"));
    let mut draft = Draft::new(Lang::De);
    let result = drive(&mut prompter, &mut draft, &dir.path().join(DRAFT_FILE));
    let message = format!("{result:?}");
    assert!(
        message.contains("has no choice `professional_secrecy`"),
        "{message}"
    );
}
