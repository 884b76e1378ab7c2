//! Step 13: who signs for each side, starting from the parties' representatives.

use crate::tr;
use crate::wizard::ask::{Menu, Wizard};
use crate::wizard::form::{Form, PartyForm, SignatoryForm};
use crate::wizard::{Choice, Stop};

/// The signatories when nobody is named yet: each party's representative, at its city.
pub(super) fn default_signatories(f: &Form) -> Vec<SignatoryForm> {
    [("controller", &f.controller), ("processor", &f.processor)]
        .into_iter()
        .filter(|(_, p)| !p.representative.name.is_empty())
        .map(|(party, p)| SignatoryForm {
            party: party.into(),
            name: p.representative.name.clone(),
            role: p.representative.role.clone(),
            place: (!p.address.city.is_empty()).then(|| p.address.city.clone()),
        })
        .collect()
}

/// The party a signatory signs for.
fn party<'f>(f: &'f Form, id: &str) -> &'f PartyForm {
    if id == "controller" {
        &f.controller
    } else {
        &f.processor
    }
}

impl Wizard<'_> {
    /// One signatory; the place of signing is suggested from the party's city.
    fn signatory(&mut self, s: &mut SignatoryForm, f: &Form) -> Result<(), Stop> {
        s.party = self.choose(
            "sign.party",
            &tr!("wizard-sign-party"),
            None,
            vec![
                Choice::new("controller", tr!("wizard-controller")),
                Choice::new("processor", tr!("wizard-processor")),
            ],
            &s.party.clone(),
        )?;
        s.name = self.text(
            "sign.name",
            &tr!("wizard-person-name"),
            None,
            &s.name.clone(),
        )?;
        s.role = self.opt_text(
            "sign.role",
            &tr!("wizard-person-role"),
            None,
            s.role.clone().as_deref(),
        )?;
        let city = &party(f, &s.party).address.city;
        let place = s
            .place
            .clone()
            .or_else(|| (!city.is_empty()).then(|| city.clone()));
        s.place = self.opt_text(
            "sign.place",
            &tr!("wizard-sign-place"),
            None,
            place.as_deref(),
        )?;
        Ok(())
    }

    /// The signatories; at least one for each side.
    pub(super) fn signatories(&mut self, f: &mut Form) -> Result<(), Stop> {
        if f.signatories.is_empty() {
            f.signatories = default_signatories(f);
        }
        loop {
            let entries: Vec<String> = f
                .signatories
                .iter()
                .map(|s| {
                    let party = if s.party == "controller" {
                        tr!("wizard-controller-lower")
                    } else {
                        tr!("wizard-processor-lower")
                    };
                    let mut line = s.name.clone();
                    if let Some(r) = &s.role {
                        line.push_str(&format!(", {r}"));
                    }
                    if let Some(p) = &s.place {
                        line.push_str(&format!(", {p}"));
                    }
                    format!("{line} – {party}")
                })
                .collect();
            let message = tr!("wizard-signing", persons = entries.join("; "));
            match self.menu(
                "signatories.menu",
                &message,
                None,
                &entries,
                &tr!("wizard-sign-add"),
                "done",
            )? {
                Menu::Done => {
                    let missing = ["controller", "processor"]
                        .into_iter()
                        .any(|p| !f.signatories.iter().any(|s| s.party == p));
                    if !missing {
                        return Ok(());
                    }
                    self.say(&tr!("wizard-sign-each-side"));
                }
                Menu::Add => {
                    let side = if f.signatories.iter().any(|s| s.party == "controller") {
                        "processor"
                    } else {
                        "controller"
                    };
                    let mut s = SignatoryForm {
                        party: side.into(),
                        ..SignatoryForm::default()
                    };
                    self.signatory(&mut s, f)?;
                    f.signatories.push(s);
                }
                Menu::Edit(i) => {
                    if let Some(mut s) = f.signatories.get(i).cloned() {
                        self.signatory(&mut s, f)?;
                        if let Some(slot) = f.signatories.get_mut(i) {
                            *slot = s;
                        }
                    }
                }
                Menu::Remove(i) => {
                    if i < f.signatories.len() {
                        f.signatories.remove(i);
                    }
                }
            }
        }
    }
}
