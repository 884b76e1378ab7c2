//! Step 4: the main agreement, the duration of the processing, the reference of this
//! agreement and the date it takes effect.

use crate::model::rules;
use crate::wizard::ask::Wizard;
use crate::wizard::form::{DurationForm, Form};
use crate::wizard::{Choice, Stop};

impl Wizard<'_> {
    /// Main agreement, duration, reference, effective date; `fresh` when never asked.
    pub(super) fn agreement(&mut self, f: &mut Form, fresh: bool) -> Result<(), Stop> {
        let has = self.confirm(
            "agreement.has",
            self.t(
                "Gehört dieser Vertrag zu einem Hauptvertrag (Dienstleistungs-, Wartungs-, SaaS-Vertrag)?",
                "Does this agreement belong to a main agreement (service, maintenance, SaaS contract)?",
            ),
            None,
            fresh || f.main_agreement.is_some(),
        )?;
        if has {
            let m = f.main_agreement.get_or_insert_with(Default::default);
            m.title = self.text(
                "agreement.title",
                self.t("Titel des Hauptvertrags", "Title of the main agreement"),
                Some(self.t(
                    "z. B. »Vertrag über Webhosting und Wartung«",
                    "e.g. \"Web hosting and maintenance agreement\"",
                )),
                &m.title.clone(),
            )?;
            m.date = self.opt_date(
                "agreement.date",
                self.t(
                    "Datum des Hauptvertrags (optional)",
                    "Date of the main agreement (optional)",
                ),
                m.date.clone().as_deref(),
            )?;
        } else {
            f.main_agreement = None;
        }
        let current = match &f.processing.duration {
            DurationForm::MainAgreement if has => "main_agreement",
            DurationForm::MainAgreement => "indefinite",
            DurationForm::Fixed { .. } => "fixed",
            DurationForm::Indefinite { .. } => "indefinite",
        };
        let mut choices = Vec::new();
        if has {
            choices.push(Choice::new(
                "main_agreement",
                self.t(
                    "Solange der Hauptvertrag läuft",
                    "As long as the main agreement runs",
                ),
            ));
        }
        choices.push(Choice::new(
            "fixed",
            self.t("Bis zu einem festen Datum", "Until a fixed date"),
        ));
        choices.push(Choice::new(
            "indefinite",
            self.t("Unbefristet, kündbar", "Indefinitely, until terminated"),
        ));
        let kind = self.choose(
            "agreement.duration",
            self.t(
                "Wie lange dauert die Verarbeitung?",
                "How long does the processing last?",
            ),
            None,
            choices,
            current,
        )?;
        f.processing.duration = match kind.as_str() {
            "fixed" => {
                let until = match &f.processing.duration {
                    DurationForm::Fixed { until } => until.clone(),
                    _ => String::new(),
                };
                let d = self.ask(
                    "agreement.until",
                    self.t("Letzter Tag der Verarbeitung", "Last day of the processing"),
                    Some(self.t(
                        "JJJJ-MM-TT, z. B. 2027-12-31",
                        "YYYY-MM-DD, e.g. 2027-12-31",
                    )),
                    &until,
                    rules::date,
                    None,
                )?;
                DurationForm::Fixed {
                    until: d.to_string(),
                }
            }
            "indefinite" => {
                let notice = match &f.processing.duration {
                    DurationForm::Indefinite { notice } => notice.clone(),
                    _ => None,
                };
                DurationForm::Indefinite {
                    notice: self.opt_text(
                        "agreement.notice",
                        self.t("Kündigungsfrist (optional)", "Notice period (optional)"),
                        Some(self.t(
                            "z. B. »drei Monate zum Quartalsende«",
                            "e.g. \"three months\"",
                        )),
                        notice.as_deref(),
                    )?,
                }
            }
            _ => DurationForm::MainAgreement,
        };
        f.id = self.opt_text(
            "agreement.id",
            self.t(
                "Ihr Zeichen für diesen Vertrag (optional)",
                "Your reference for this agreement (optional)",
            ),
            Some(self.t(
                "steht in der Fußzeile, z. B. »AVV-2026-001«; ohne Angabe bildet dpagen eins",
                "printed in the footer, e.g. \"DPA-2026-001\"; dpagen makes one if empty",
            )),
            f.id.clone().as_deref(),
        )?;
        f.effective_date = self.opt_date(
            "agreement.effective_date",
            self.t(
                "Ab wann gilt der Vertrag? (optional; leer: mit der letzten Unterschrift)",
                "When does the agreement take effect? (optional; empty: on the last signature)",
            ),
            f.effective_date.clone().as_deref(),
        )?;
        Ok(())
    }
}
