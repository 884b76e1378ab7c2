//! Step 8: the form of instructions and the persons who give and receive them.

use crate::model::rules;
use crate::wizard::ask::{Wizard, optional};
use crate::wizard::form::{Form, PersonForm};
use crate::wizard::{Choice, ChoiceQuestion, Stop, tr};

impl Wizard<'_> {
    /// The persons of one side; the representative while nobody is named.
    fn persons(
        &mut self,
        key: &str,
        message: &str,
        list: &mut Vec<PersonForm>,
        representative: &PersonForm,
    ) -> Result<(), Stop> {
        let current = if list.is_empty() {
            format!(
                "{} ({})",
                representative.name,
                self.t("vertretungsberechtigt", "representative")
            )
        } else {
            list.iter()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let choice = self.choose(
            &format!("{key}.mode"),
            &format!("{message} {}: {current}", self.t("Bisher", "Now")),
            None,
            vec![
                Choice::new("keep", self.t("So lassen", "Keep")),
                Choice::new(
                    "change",
                    self.t(
                        "Andere oder weitere Personen angeben",
                        "Name other or more persons",
                    ),
                ),
            ],
            "keep",
        )?;
        if choice == "keep" {
            return Ok(());
        }
        if !list.is_empty() {
            let q = ChoiceQuestion {
                key: format!("{key}.keep"),
                message: self
                    .t("Diese Personen behalten?", "Keep these persons?")
                    .into(),
                help: None,
                choices: list
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Choice::new(i.to_string(), p.name.clone()))
                    .collect(),
                selected: (0..list.len()).collect(),
                at_least_one: false,
            };
            let keep = self.p.multi_select(&q)?;
            let old = std::mem::take(list);
            list.extend(
                old.into_iter()
                    .enumerate()
                    .filter(|(i, _)| keep.contains(i))
                    .map(|(_, p)| p),
            );
        }
        loop {
            let name = self.opt_text(
                &format!("{key}.add.name"),
                self.t(
                    "Name einer weiteren Person (leer: fertig)",
                    "Name of another person (empty: done)",
                ),
                None,
                None,
            )?;
            let Some(name) = name else { return Ok(()) };
            list.push(PersonForm {
                name,
                ..PersonForm::default()
            });
            let email = self.ask(
                &format!("{key}.add.email"),
                self.t(
                    "Ihre E-Mail-Adresse (optional)",
                    "Their e-mail address (optional)",
                ),
                None,
                "",
                optional(rules::email),
                None,
            )?;
            if let Some(last) = list.last_mut() {
                last.email = email;
            }
        }
    }

    /// Form of instructions and the persons.
    pub(super) fn instructions(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        let form = self.choose(
            "instructions.form",
            self.t(
                "In welcher Form erteilt der Auftraggeber Weisungen?",
                "In what form does the controller give instructions?",
            ),
            None,
            vec![
                Choice::new(
                    "text",
                    tr(
                        ui,
                        "Textform (z. B. E-Mail) genügt",
                        "Text form (e.g. e-mail) suffices",
                    ),
                ),
                Choice::new(
                    "written",
                    tr(ui, "Schriftlich (mit Unterschrift)", "In writing (signed)"),
                ),
            ],
            &f.instructions.form.clone(),
        )?;
        f.instructions.form = form;
        let rep = f.controller.representative.clone();
        self.persons(
            "instructions.controller",
            self.t(
                "Wer darf für den Auftraggeber Weisungen erteilen?",
                "Who may give instructions for the controller?",
            ),
            &mut f.instructions.controller_persons,
            &rep,
        )?;
        let rep = f.processor.representative.clone();
        self.persons(
            "instructions.processor",
            self.t(
                "Wer nimmt beim Auftragnehmer Weisungen entgegen?",
                "Who receives instructions at the processor?",
            ),
            &mut f.instructions.processor_persons,
            &rep,
        )?;
        Ok(())
    }
}
