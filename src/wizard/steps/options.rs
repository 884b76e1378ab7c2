//! Step 12: the optional clauses (their wording is also used by the summary) and a
//! contractual penalty. The professional secrecy clause (§ 203 StGB) is offered only where
//! it may apply: the controller's name points to such a profession, or health data or
//! patients are processed (the same test as `dpa check`).

use crate::wizard::ask::{Wizard, number};
use crate::wizard::form::{Form, ItemForm};
use crate::wizard::{Choice, ChoiceQuestion, Stop, tr};

/// The wording of the optional clauses: id, German and English label and help.
pub(super) const OPTION_TEXTS: [(&str, [&str; 4]); 7] = [
    (
        "remote_maintenance",
        [
            "Fernwartung",
            "Regeln für Fernzugriffe: protokolliert, vom Auftraggeber beobachtbar, keine Kopien.",
            "Remote maintenance",
            "Rules for remote access: logged, watchable by the controller, no copies.",
        ],
    ),
    (
        "data_carrier_disposal",
        [
            "Vernichtung von Datenträgern",
            "Datenträger werden nach DIN 66399 vernichtet, mit Nachweis.",
            "Disposal of data carriers",
            "Data carriers are destroyed to DIN 66399, with proof.",
        ],
    ),
    (
        "software_development",
        [
            "Programmerstellung im Auftrag",
            "Keine Echtdaten für Tests; Regeln für Quellcode und Übergabe.",
            "Software development on behalf",
            "No real data for tests; rules for source code and hand-over.",
        ],
    ),
    (
        "data_outsourcing",
        [
            "Auslagerung von Datenbeständen",
            "Verschlüsselung auch bei der Übertragung, logische Trennung je Auftraggeber.",
            "Outsourcing of data stocks",
            "Encryption in transit too, logical separation per client.",
        ],
    ),
    (
        "seizure_insolvency_notice",
        [
            "Pfändung, Beschlagnahme, Insolvenz",
            "Der Auftragnehmer informiert sofort; die Daten gehören dem Auftraggeber.",
            "Seizure, attachment, insolvency",
            "The processor informs at once; the data belongs to the controller.",
        ],
    ),
    (
        "no_right_of_retention",
        [
            "Kein Zurückbehaltungsrecht",
            "Daten und Datenträger dürfen nicht zurückgehalten werden (§ 273 BGB), etwa wegen offener Rechnungen.",
            "No right of retention",
            "Data and carriers may not be withheld (§ 273 BGB), e.g. over unpaid invoices.",
        ],
    ),
    (
        "professional_secrecy",
        [
            "Berufsgeheimnis (§ 203 StGB)",
            "Für Ärzte, Zahnärzte, Therapeuten, Rechtsanwälte, Steuerberater: Verschwiegenheitspflicht mit Belehrung über die Strafbarkeit.",
            "Professional secrecy (§ 203 StGB)",
            "For doctors, dentists, therapists, lawyers, tax advisers: duty of secrecy with notice of criminal liability.",
        ],
    ),
];

impl Wizard<'_> {
    /// Optional clauses and the contractual penalty.
    pub(super) fn options(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        let secrecy = f.options.professional_secrecy
            || self.cats.secrecy_likely(
                &f.controller.name,
                &f.processing.special_categories,
                f.processing.data_subjects.iter().filter_map(|s| match s {
                    ItemForm::Id(id) => Some(id.as_str()),
                    ItemForm::Text(_) => None,
                }),
            );
        let offered: Vec<&(&str, [&str; 4])> = OPTION_TEXTS
            .iter()
            .filter(|(id, _)| *id != "professional_secrecy" || secrecy)
            .collect();
        let choices: Vec<Choice> = offered
            .iter()
            .map(|(id, [dl, dh, el, eh])| {
                Choice::new(*id, tr(ui, dl, el)).with_help(Some(tr(ui, dh, eh)))
            })
            .collect();
        let flags = f.options.flags();
        let selected = offered
            .iter()
            .enumerate()
            .filter(|(_, (id, _))| flags.iter().any(|(k, on)| k == id && *on))
            .map(|(i, _)| i)
            .collect();
        let q = ChoiceQuestion {
            key: "options.clauses".into(),
            message: self
                .t(
                    "Welche zusätzlichen Klauseln sollen in den Vertrag?",
                    "Which additional clauses should the agreement contain?",
                )
                .into(),
            help: None,
            choices,
            selected,
            at_least_one: false,
        };
        let picked = self.p.multi_select(&q)?;
        let on: Vec<String> = picked
            .into_iter()
            .filter_map(|i| q.choices.get(i).map(|c| c.id.clone()))
            .collect();
        f.options.set_flags(&on);
        let penalty = self.confirm(
            "options.penalty",
            self.t(
                "Eine Vertragsstrafe vereinbaren?",
                "Agree on a contractual penalty?",
            ),
            None,
            f.options.contractual_penalty_eur.is_some(),
        )?;
        if penalty {
            let cur = f
                .options
                .contractual_penalty_eur
                .map(|c| c.to_string())
                .unwrap_or_default();
            f.options.contractual_penalty_eur = Some(self.ask(
                "options.penalty_eur",
                self.t("Betrag je Verstoß in Euro", "Amount per breach in euros"),
                None,
                &cur,
                number::<u64>,
                None,
            )?);
        } else {
            f.options.contractual_penalty_eur = None;
        }
        Ok(())
    }
}
