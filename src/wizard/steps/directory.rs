//! Step 10, adding a subprocessor: the processor directory is offered first (type to
//! search by name, id, service or category), "enter a vendor by hand" last. A vendor picked
//! from the directory fills in what the directory knows, in the contract's language; the
//! questions of [`super::subprocessors`] then ask for each field with that as the answer
//! to keep (Enter), and for what the directory leaves out. The contract file names the
//! entry (`ref`) and writes only what differs from it.

use crate::directory::{Entry, active, category_name};
use crate::wizard::ask::Wizard;
use crate::wizard::form::{AddressForm, SubprocessorForm, TransferForm};
use crate::wizard::{Choice, Stop};
use crate::{Lang, tr_in};

/// The id of the choice "enter a vendor by hand".
pub(super) const BY_HAND: &str = "by-hand";

impl Wizard<'_> {
    /// Offers the directory; returns the picked vendor as a filled-in subprocessor, or a
    /// blank one for "by hand". `contract` is the contract's language (for the service).
    pub(super) fn offer_directory(&mut self, contract: Lang) -> Result<SubprocessorForm, Stop> {
        let ui = self.ui;
        let Ok(dir) = active() else {
            return Ok(SubprocessorForm::default());
        };
        let entries = dir.search("");
        let mut choices: Vec<Choice> = entries
            .iter()
            .map(|e| {
                Choice::new(
                    e.id.clone(),
                    format!(
                        "{} · {} · {}, {}",
                        e.name,
                        e.id,
                        category_name(&e.category, ui),
                        e.country
                    ),
                )
                .with_help(Some(e.service.get(ui)))
            })
            .collect();
        choices.push(
            Choice::new(BY_HAND, tr_in!(ui, "dir-wizard-by-hand"))
                .with_help(Some(tr_in!(ui, "dir-wizard-by-hand-help"))),
        );
        let id = self.choose(
            "sub.directory",
            &tr_in!(ui, "dir-wizard-question"),
            Some(&tr_in!(ui, "dir-wizard-help")),
            choices,
            "",
        )?;
        let Some(e) = dir.get(&id) else {
            return Ok(SubprocessorForm::default());
        };
        self.say(&tr_in!(
            ui,
            "dir-wizard-picked",
            name = e.name.as_str(),
            date = e.reviewed.long(ui)
        ));
        if let Some(note) = &e.note {
            self.say(&tr_in!(ui, "dir-wizard-note", note = note.get(ui)));
        }
        if e.address.is_none() || e.locations.is_empty() {
            self.say(&tr_in!(ui, "dir-wizard-unconfirmed"));
        }
        Ok(form_from_entry(e, contract))
    }
}

/// A subprocessor filled in from a directory entry.
pub(super) fn form_from_entry(e: &Entry, contract: Lang) -> SubprocessorForm {
    let address = match &e.address {
        Some(a) => AddressForm {
            street: a.street.clone(),
            postal_code: a.postal_code.clone().unwrap_or_default(),
            city: a.city.clone(),
            region: None,
            country: a.country.clone(),
        },
        None => AddressForm {
            country: e.country.clone(),
            ..AddressForm::default()
        },
    };
    // The directory's basis per location; the wizard asks again if it does not cover the
    // locations the user ends up with.
    let transfer = (!e.transfer.is_empty()).then(|| {
        TransferForm::PerLocation(
            e.transfer
                .iter()
                .map(|(l, b)| (l.clone(), b.id().to_string()))
                .collect(),
        )
    });
    SubprocessorForm {
        reference: Some(e.id.clone()),
        name: e.name.clone(),
        address,
        service: e.service.get(contract).to_string(),
        locations: e.locations.clone(),
        transfer,
        contact: None,
        onward: Vec::new(),
    }
}
