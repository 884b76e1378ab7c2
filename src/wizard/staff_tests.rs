//! The wizard's question about the persons processing data (party steps): from 20 at a
//! German party it suggests naming a data protection officer (§ 38(1) BDSG).

use super::Draft;
use super::script::Reply::Enter;
use super::scripted_tests::{run_script, save, saved, sections, t};
use crate::Lang;

#[test]
fn twenty_persons_at_a_german_party_suggest_a_dpo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("weber.yaml");
    let mut script = Vec::new();
    for (k, r) in sections() {
        match k.as_str() {
            "processor.staff" => script.push((k, t("25"))),
            // Enter takes the suggestion, which is now "yes".
            "processor.dpo.has" => {
                script.push((k, Enter));
                script.push(("processor.dpo.name".into(), t("Datenschutz Nord GmbH")));
                script.push(("processor.dpo.email".into(), t("dsb@example.de")));
                script.push(("processor.dpo.phone".into(), Enter));
            }
            _ => script.push((k, r)),
        }
    }
    let run = run_script(
        dir.path(),
        Draft::new(Lang::De),
        [script, save(&out)].concat(),
    );
    let c = saved(&run);
    assert_eq!(c.processor.staff_processing_data, Some(25));
    assert_eq!(c.controller.staff_processing_data, None);
    assert_eq!(
        c.processor.dpo.map(|d| d.name).as_deref(),
        Some("Datenschutz Nord GmbH")
    );
    assert!(run.prompter.text().contains("Wie viele Personen"));
}
