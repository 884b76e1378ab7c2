//! Step 8: the form of instructions and the persons who give and receive them.

use crate::tr;
use crate::wizard::ask::{Wizard, email, optional};
use crate::wizard::form::{Form, PersonForm};
use crate::wizard::{Choice, ChoiceQuestion, Stop};

impl Wizard<'_> {
    /// The persons of one side; the representative while nobody is named. Naming other
    /// or further persons starts from the representative, so that adding a person adds
    /// (untick the representative to replace them).
    fn persons(
        &mut self,
        key: &str,
        message: &str,
        list: &mut Vec<PersonForm>,
        representative: &PersonForm,
    ) -> Result<(), Stop> {
        let current = if list.is_empty() {
            tr!(
                "wizard-persons-representative",
                name = representative.name.as_str()
            )
        } else {
            list.iter()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let choice = self.choose(
            &format!("{key}.mode"),
            &tr!("wizard-persons-now", question = message, persons = current),
            None,
            vec![
                Choice::new("keep", tr!("wizard-persons-keep")),
                Choice::new("change", tr!("wizard-persons-change")),
            ],
            "keep",
        )?;
        if choice == "keep" {
            return Ok(());
        }
        if list.is_empty() && !representative.name.is_empty() {
            list.push(representative.clone());
        }
        if !list.is_empty() {
            let q = ChoiceQuestion {
                key: format!("{key}.keep"),
                message: tr!("wizard-persons-keep-which"),
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
                &tr!("wizard-persons-add"),
                None,
                None,
            )?;
            let Some(name) = name else {
                return Ok(());
            };
            let address = self.ask(
                &format!("{key}.add.email"),
                &tr!("wizard-person-email", name = name.as_str()),
                None,
                "",
                optional(email),
                None,
            )?;
            list.push(PersonForm {
                name,
                email: address,
                ..PersonForm::default()
            });
        }
    }

    /// Form of instructions and the persons.
    pub(super) fn instructions(&mut self, f: &mut Form) -> Result<(), Stop> {
        let form = self.choose(
            "instructions.form",
            &tr!("wizard-instructions-form"),
            None,
            vec![
                Choice::new("text", tr!("wizard-instructions-text")),
                Choice::new("written", tr!("wizard-instructions-written")),
            ],
            &f.instructions.form.clone(),
        )?;
        f.instructions.form = form;
        let rep = f.controller.representative.clone();
        self.persons(
            "instructions.controller",
            &tr!("wizard-instructions-controller"),
            &mut f.instructions.controller_persons,
            &rep,
        )?;
        let rep = f.processor.representative.clone();
        self.persons(
            "instructions.processor",
            &tr!("wizard-instructions-processor"),
            &mut f.instructions.processor_persons,
            &rep,
        )?;
        Ok(())
    }
}
