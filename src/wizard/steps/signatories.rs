//! Step 13: who signs for each side, starting from the parties' representatives.

use crate::Lang;
use crate::wizard::ask::{Menu, Wizard};
use crate::wizard::form::{Form, SignatoryForm};
use crate::wizard::{Choice, Stop, tr};

/// The signatories when nobody is named yet: each party's representative, at its city.
fn default_signatories(f: &Form) -> Vec<SignatoryForm> {
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

impl Wizard<'_> {
    /// One signatory.
    fn signatory(&mut self, s: &mut SignatoryForm) -> Result<(), Stop> {
        let ui = self.ui;
        s.party = self.choose(
            "sign.party",
            self.t("Unterschreibt für", "Signs for"),
            None,
            vec![
                Choice::new("controller", tr(ui, "Auftraggeber", "Controller")),
                Choice::new("processor", tr(ui, "Auftragnehmer", "Processor")),
            ],
            &s.party.clone(),
        )?;
        s.name = self.text("sign.name", self.t("Name", "Name"), None, &s.name.clone())?;
        s.role = self.opt_text(
            "sign.role",
            self.t("Funktion (optional)", "Role (optional)"),
            None,
            s.role.clone().as_deref(),
        )?;
        s.place = self.opt_text(
            "sign.place",
            self.t(
                "Ort der Unterschrift (optional)",
                "Place of signing (optional)",
            ),
            None,
            s.place.clone().as_deref(),
        )?;
        Ok(())
    }

    /// The signatories; at least one for each side.
    pub(super) fn signatories(&mut self, f: &mut Form) -> Result<(), Stop> {
        let ui = self.ui;
        if f.signatories.is_empty() {
            f.signatories = default_signatories(f);
        }
        loop {
            let entries: Vec<String> = f
                .signatories
                .iter()
                .map(|s| {
                    let party = match (ui, s.party.as_str()) {
                        (Lang::De, "controller") => "Auftraggeber",
                        (Lang::De, _) => "Auftragnehmer",
                        (Lang::En, "controller") => "controller",
                        (Lang::En, _) => "processor",
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
            let message = match ui {
                Lang::De => format!("Es unterschreiben: {}", entries.join("; ")),
                Lang::En => format!("Signing: {}", entries.join("; ")),
            };
            match self.menu(
                "signatories.menu",
                &message,
                &entries,
                self.t("Person hinzufügen", "Add a person"),
            )? {
                Menu::Done => {
                    let missing: Vec<&str> = ["controller", "processor"]
                        .into_iter()
                        .filter(|p| !f.signatories.iter().any(|s| s.party == *p))
                        .collect();
                    if missing.is_empty() {
                        return Ok(());
                    }
                    let msg = self.t(
                        "Für jede Seite muss mindestens eine Person unterschreiben.",
                        "At least one person must sign for each side.",
                    );
                    self.say(msg);
                }
                Menu::Add => {
                    let party = if f.signatories.iter().any(|s| s.party == "controller") {
                        "processor"
                    } else {
                        "controller"
                    };
                    f.signatories.push(SignatoryForm {
                        party: party.into(),
                        ..SignatoryForm::default()
                    });
                    if let Some(s) = f.signatories.last_mut() {
                        self.signatory(s)?;
                    }
                }
                Menu::Edit(i) => {
                    if let Some(s) = f.signatories.get_mut(i) {
                        self.signatory(s)?;
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
