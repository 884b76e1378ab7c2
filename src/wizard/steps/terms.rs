//! Step 11: breach notification deadline, audits, what happens to the data at the end,
//! liability, governing law and jurisdiction.

use crate::wizard::ask::{Wizard, number};
use crate::wizard::form::Form;
use crate::wizard::{Choice, Stop, tr};

impl Wizard<'_> {
    /// Deadlines, audits, end of processing, liability, law.
    pub(super) fn terms(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        let t = &mut f.terms;
        t.breach_notification_hours = self.u32(
            "terms.breach_hours",
            self.t(
                "Binnen wie vielen Stunden meldet der Auftragnehmer eine Datenpanne?",
                "Within how many hours does the processor report a data breach?",
            ),
            Some(self.t(
                "der Auftraggeber muss selbst binnen 72 Stunden melden (Art. 33); üblich sind 24 oder 48",
                "the controller itself must report within 72 hours (Art. 33); 24 or 48 are common",
            )),
            t.breach_notification_hours,
        )?;
        t.audit_notice_days = self.u32(
            "terms.audit_notice_days",
            self.t(
                "Wie viele Tage vorher werden Kontrollen angekündigt?",
                "How many days' notice before an audit?",
            ),
            None,
            t.audit_notice_days,
        )?;
        t.audit_on_site = self.confirm(
            "terms.audit_on_site",
            self.t(
                "Sind Kontrollen vor Ort erlaubt?",
                "Are on-site inspections allowed?",
            ),
            Some(self.t(
                "Art. 28 Abs. 3 lit. h nennt Inspektionen ausdrücklich",
                "Art. 28(3)(h) names inspections expressly",
            )),
            t.audit_on_site,
        )?;
        t.end_choice = self.choose(
            "terms.end_choice",
            self.t(
                "Was geschieht am Ende mit den Daten?",
                "What happens to the data at the end?",
            ),
            None,
            vec![
                Choice::new(
                    "return_then_delete",
                    tr(ui, "Rückgabe, dann Löschung", "Return, then deletion"),
                ),
                Choice::new("delete", tr(ui, "Löschung", "Deletion")),
                Choice::new("return", tr(ui, "Rückgabe", "Return")),
            ],
            &t.end_choice.clone(),
        )?;
        t.end_days = self.u32(
            "terms.end_days",
            self.t("Binnen wie vielen Tagen?", "Within how many days?"),
            None,
            t.end_days,
        )?;
        t.liability = self.choose(
            "terms.liability",
            self.t("Haftung", "Liability"),
            None,
            vec![
                Choice::new(
                    "statutory",
                    tr(
                        ui,
                        "Nach dem Gesetz (Art. 82 DSGVO)",
                        "As by law (Art. 82 GDPR)",
                    ),
                ),
                Choice::new(
                    "capped",
                    tr(
                        ui,
                        "Im Innenverhältnis begrenzt auf einen Betrag",
                        "Capped at an amount between the parties",
                    ),
                ),
            ],
            &t.liability.clone(),
        )?;
        if t.liability == "capped" {
            let cap = t
                .liability_cap_eur
                .map(|c| c.to_string())
                .unwrap_or_default();
            t.liability_cap_eur = Some(self.ask(
                "terms.liability_cap_eur",
                self.t("Höchstbetrag in Euro", "Cap in euros"),
                Some(self.t(
                    "ganze Zahl ohne Punkte, z. B. 50000",
                    "whole number without separators, e.g. 50000",
                )),
                &cap,
                number::<u64>,
                None,
            )?);
        } else {
            t.liability_cap_eur = None;
        }
        let law = t
            .governing_law
            .clone()
            .unwrap_or_else(|| f.controller.address.country.clone());
        t.governing_law = Some(self.country(
            "terms.governing_law",
            self.t(
                "Welches Recht gilt?",
                "Which country's law governs the agreement?",
            ),
            &law,
        )?);
        t.jurisdiction = self.opt_text(
            "terms.jurisdiction",
            self.t(
                "Gerichtsstand (optional)",
                "Place of jurisdiction (optional)",
            ),
            Some(self.t("z. B. Köln", "e.g. London")),
            t.jurisdiction.clone().as_deref(),
        )?;
        Ok(())
    }
}
