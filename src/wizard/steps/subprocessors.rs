//! Step 10: how subprocessors are authorised, the notice period, and the list of
//! subprocessors with their address, service, locations and transfer basis.

use crate::tr;
use crate::wizard::ask::{Menu, Wizard};
use crate::wizard::form::{Form, SubprocessorForm};
use crate::wizard::{Choice, Stop};

impl Wizard<'_> {
    /// One subprocessor.
    fn subprocessor(&mut self, s: &mut SubprocessorForm) -> Result<(), Stop> {
        s.name = self.text(
            "sub.name",
            &tr!("wizard-sub-name"),
            Some(&tr!("wizard-sub-name-help")),
            &s.name.clone(),
        )?;
        self.street_postal_city("sub", &mut s.address)?;
        s.address.country = self.country(
            "sub.country",
            &tr!("wizard-sub-country"),
            &s.address.country.clone(),
        )?;
        s.service = self.text(
            "sub.service",
            &tr!("wizard-sub-service"),
            Some(&tr!("wizard-sub-service-help")),
            &s.service.clone(),
        )?;
        let current = if s.locations.is_empty() {
            vec![s.address.country.clone()]
        } else {
            s.locations.clone()
        };
        s.locations = self.countries("sub.locations", &tr!("wizard-sub-locations"), &current)?;
        let name = s.name.clone();
        s.transfer = self.transfer_basis(
            "sub.transfer",
            &name,
            &s.locations.clone(),
            s.transfer.clone(),
        )?;
        Ok(())
    }

    /// Authorisation, notice period and the list.
    pub(super) fn subprocessors(&mut self, f: &mut Form) -> Result<(), Stop> {
        let sp = &mut f.subprocessors;
        sp.authorisation = self.choose(
            "subprocessors.authorisation",
            &tr!("wizard-sub-authorisation"),
            None,
            vec![
                Choice::new("general", tr!("wizard-sub-general"))
                    .with_help(Some(tr!("wizard-sub-general-help"))),
                Choice::new("specific", tr!("wizard-sub-specific"))
                    .with_help(Some(tr!("wizard-sub-specific-help"))),
            ],
            &sp.authorisation.clone(),
        )?;
        if sp.authorisation == "general" {
            sp.notice_days = self.u32(
                "subprocessors.notice_days",
                &tr!("wizard-sub-notice-days"),
                Some(&tr!("wizard-sub-notice-days-help")),
                sp.notice_days,
            )?;
        } else if sp.list.is_empty() {
            // Said now, when it matters, not only as an error in the summary.
            self.say(&tr!("wizard-sub-specific-none"));
        }
        loop {
            let entries: Vec<String> = sp
                .list
                .iter()
                .map(|s| format!("{} ({})", s.name, s.locations.join(", ")))
                .collect();
            let (message, help, start) = if entries.is_empty() {
                let help = if sp.authorisation == "specific" {
                    tr!("wizard-sub-none-specific-help")
                } else {
                    tr!("wizard-sub-none-help")
                };
                (tr!("wizard-sub-none"), Some(help), "add")
            } else {
                (tr!("wizard-sub-count", count = entries.len()), None, "done")
            };
            match self.menu(
                "subprocessors.menu",
                &message,
                help.as_deref(),
                &entries,
                &tr!("wizard-sub-add"),
                start,
            )? {
                Menu::Done => return Ok(()),
                Menu::Add => {
                    sp.list.push(SubprocessorForm::default());
                    if let Some(s) = sp.list.last_mut() {
                        self.subprocessor(s)?;
                    }
                }
                Menu::Edit(i) => {
                    if let Some(s) = sp.list.get_mut(i) {
                        self.subprocessor(s)?;
                    }
                }
                Menu::Remove(i) => {
                    let name = sp.list.get(i).map(|s| s.name.clone()).unwrap_or_default();
                    let q = tr!("wizard-sub-remove", name = name);
                    if self.confirm("subprocessors.remove", &q, None, false)? && i < sp.list.len() {
                        sp.list.remove(i);
                    }
                }
            }
        }
    }
}
