//! Step 12: the optional clauses (their wording is also used by the summary) and a
//! contractual penalty.

use crate::wizard::ask::{Wizard, number};
use crate::wizard::form::Form;
use crate::wizard::{Choice, ChoiceQuestion, Stop, tr};

/// The wording of the optional clauses: id, German and English label and help.
pub(super) const OPTION_TEXTS: [(&str, [&str; 4]); 6] = [
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
];

impl Wizard<'_> {
    /// Optional clauses and the contractual penalty.
    pub(super) fn options(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        let choices: Vec<Choice> = OPTION_TEXTS
            .iter()
            .map(|(id, [dl, dh, el, eh])| {
                Choice::new(*id, tr(ui, dl, el)).with_help(Some(tr(ui, dh, eh)))
            })
            .collect();
        let flags = f.options.flags();
        let selected = flags
            .iter()
            .enumerate()
            .filter(|(_, (_, on))| *on)
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
