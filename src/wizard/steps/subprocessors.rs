//! Step 10: how subprocessors are authorised, the notice period, and the list of
//! subprocessors with their address, service, locations and transfer basis.

use crate::Lang;
use crate::wizard::ask::{Menu, Wizard};
use crate::wizard::form::{Form, SubprocessorForm};
use crate::wizard::{Choice, Stop, tr};

impl Wizard<'_> {
    /// One subprocessor.
    fn subprocessor(&mut self, s: &mut SubprocessorForm) -> Result<(), Stop> {
        s.name = self.text(
            "sub.name",
            self.t(
                "Name des Unterauftragsverarbeiters",
                "Name of the subprocessor",
            ),
            Some(self.t(
                "z. B. »Hetzner Online GmbH«",
                "e.g. \"Hetzner Online GmbH\"",
            )),
            &s.name.clone(),
        )?;
        self.street_postal_city("sub", &mut s.address)?;
        s.address.country = self.country(
            "sub.country",
            self.t("Land des Sitzes", "Country of the registered office"),
            &s.address.country.clone(),
        )?;
        s.service = self.text(
            "sub.service",
            self.t(
                "Welche Leistung erbringt er?",
                "What service does it provide?",
            ),
            Some(self.t(
                "z. B. »Server-Hosting im Rechenzentrum«",
                "e.g. \"Server hosting in the data centre\"",
            )),
            &s.service.clone(),
        )?;
        let current = if s.locations.is_empty() {
            vec![s.address.country.clone()]
        } else {
            s.locations.clone()
        };
        s.locations = self.countries(
            "sub.locations",
            self.t(
                "In welchen Ländern verarbeitet er die Daten?",
                "In which countries does it process the data?",
            ),
            &current,
        )?;
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
        let ui = self.ui;
        let sp = &mut f.subprocessors;
        sp.authorisation = self.choose(
            "subprocessors.authorisation",
            self.t("Wie werden Unterauftragsverarbeiter genehmigt? (Art. 28 Abs. 2)", "How are subprocessors authorised? (Art. 28(2))"),
            None,
            vec![
                Choice::new("general", tr(ui, "Allgemein", "General")).with_help(Some(tr(
                    ui,
                    "Der Auftragnehmer kündigt Änderungen vorher an, der Auftraggeber kann Einspruch erheben (üblich)",
                    "The processor announces changes in advance and the controller may object (common)",
                ))),
                Choice::new("specific", tr(ui, "Im Einzelfall", "Specific")).with_help(Some(tr(
                    ui,
                    "Jeder neue Unterauftragsverarbeiter braucht die vorherige Zustimmung des Auftraggebers",
                    "Every new subprocessor needs the controller's prior approval",
                ))),
            ],
            &sp.authorisation.clone(),
        )?;
        if sp.authorisation == "general" {
            sp.notice_days = self.u32(
                "subprocessors.notice_days",
                self.t(
                    "Wie viele Tage vorher werden Änderungen angekündigt?",
                    "How many days in advance are changes announced?",
                ),
                Some(self.t(
                    "Frist für einen Einspruch; üblich sind 30 Tage, mindestens 14",
                    "the time to object; 30 days are common, at least 14",
                )),
                sp.notice_days,
            )?;
        }
        loop {
            let entries: Vec<String> = sp
                .list
                .iter()
                .map(|s| format!("{} ({})", s.name, s.locations.join(", ")))
                .collect();
            let message = match (ui, entries.len()) {
                (Lang::De, 0) => "Unterauftragsverarbeiter: noch keiner. Hosting, E-Mail, Support-Tools zählen dazu.".to_string(),
                (Lang::En, 0) => "Subprocessors: none yet. Hosting, e-mail and support tools count.".to_string(),
                (Lang::De, n) => format!("Unterauftragsverarbeiter: {n}"),
                (Lang::En, n) => format!("Subprocessors: {n}"),
            };
            match self.menu(
                "subprocessors.menu",
                &message,
                &entries,
                self.t("Hinzufügen", "Add one"),
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
                    let q = match ui {
                        Lang::De => format!("{name} wirklich entfernen?"),
                        Lang::En => format!("Really remove {name}?"),
                    };
                    if self.confirm("subprocessors.remove", &q, None, false)? && i < sp.list.len() {
                        sp.list.remove(i);
                    }
                }
            }
        }
    }
}
