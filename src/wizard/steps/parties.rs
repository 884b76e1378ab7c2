//! Steps 2 and 3: the controller and the processor, each with address, register entry,
//! representative, and optionally a contact person and a data protection officer.

use crate::Lang;
use crate::model::rules;
use crate::wizard::Stop;
use crate::wizard::ask::{Wizard, number, optional};
use crate::wizard::form::{PartyForm, PersonForm};

impl Wizard<'_> {
    /// A person: name, optionally role, e-mail, optionally phone.
    fn person(
        &mut self,
        key: &str,
        p: &mut PersonForm,
        role: bool,
        phone: bool,
    ) -> Result<(), Stop> {
        p.name = self.text(
            &format!("{key}.name"),
            self.t("Name", "Name"),
            None,
            &p.name.clone(),
        )?;
        if role {
            p.role = self.opt_text(
                &format!("{key}.role"),
                self.t("Funktion (optional)", "Role (optional)"),
                None,
                p.role.clone().as_deref(),
            )?;
        }
        let email = p.email.clone();
        p.email = self.ask(
            &format!("{key}.email"),
            self.t("E-Mail-Adresse (optional)", "E-mail address (optional)"),
            None,
            email.as_deref().unwrap_or(""),
            optional(rules::email),
            None,
        )?;
        if phone {
            let ph = p.phone.clone();
            p.phone = self.ask(
                &format!("{key}.phone"),
                self.t("Telefon (optional)", "Phone (optional)"),
                None,
                ph.as_deref().unwrap_or(""),
                optional(rules::phone),
                None,
            )?;
        }
        Ok(())
    }

    /// One party; `own` when it is the person's own organisation.
    pub(super) fn party(&mut self, key: &str, p: &mut PartyForm, own: bool) -> Result<(), Stop> {
        let ui = self.ui;
        let name_q = match (key, own) {
            ("controller", true) | ("processor", true) => self.t(
                "Name Ihres Unternehmens (Firma, wie im Vertrag)",
                "Your organisation's legal name",
            ),
            ("controller", false) => self.t(
                "Name des Auftraggebers (Firma, wie im Vertrag)",
                "The controller's legal name",
            ),
            _ => self.t(
                "Name des Auftragnehmers (Firma, wie im Vertrag)",
                "The processor's legal name",
            ),
        };
        p.name = self.text(
            &format!("{key}.name"),
            name_q,
            Some(self.t(
                "z. B. »Zahnarztpraxis Dr. Weber« oder »Pixelwerk GmbH«",
                "e.g. \"Weber Dental Practice\" or \"Pixelwerk Ltd\"",
            )),
            &p.name.clone(),
        )?;
        self.street_postal_city(key, &mut p.address)?;
        let country = if p.address.country.is_empty() && ui == Lang::De {
            "DE".to_string()
        } else {
            p.address.country.clone()
        };
        p.address.country = self.country(
            &format!("{key}.country"),
            self.t("Land", "Country"),
            &country,
        )?;
        p.register = self.opt_text(
            &format!("{key}.register"),
            self.t("Registereintrag (optional)", "Register entry (optional)"),
            Some(self.t(
                "z. B. »HRB 1234, Amtsgericht Köln«",
                "e.g. \"Company no. 01234567, Companies House\"",
            )),
            p.register.clone().as_deref(),
        )?;
        p.representative.name = self.text(
            &format!("{key}.representative.name"),
            self.t("Vertreten durch (Name)", "Represented by (name)"),
            Some(self.t(
                "die Person, die den Vertrag für das Unternehmen schließen darf",
                "the person who may conclude the contract for the organisation",
            )),
            &p.representative.name.clone(),
        )?;
        p.representative.role = self.opt_text(
            &format!("{key}.representative.role"),
            self.t("Funktion (optional)", "Role (optional)"),
            Some(self.t(
                "z. B. Geschäftsführerin, Inhaber",
                "e.g. Managing Director, Owner",
            )),
            p.representative.role.clone().as_deref(),
        )?;
        let email = p.representative.email.clone();
        p.representative.email = self.ask(
            &format!("{key}.representative.email"),
            self.t("E-Mail-Adresse (optional)", "E-mail address (optional)"),
            Some(self.t(
                "an diese Adresse gehen Weisungen und Meldungen, wenn keine andere genannt ist",
                "instructions and notices go here unless another address is named",
            )),
            email.as_deref().unwrap_or(""),
            optional(rules::email),
            None,
        )?;
        if self.confirm(
            &format!("{key}.contact.has"),
            self.t(
                "Eine eigene Ansprechperson für diesen Vertrag angeben?",
                "Name a separate contact person for this agreement?",
            ),
            None,
            p.contact.is_some(),
        )? {
            let c = p.contact.get_or_insert_with(PersonForm::default);
            self.person(&format!("{key}.contact"), c, true, true)?;
        } else {
            p.contact = None;
        }
        // How many persons process data there: from 20, a German party needs a data
        // protection officer (§ 38(1) BDSG); `dpa check` notes it (dpo_likely_required).
        let staff = p
            .staff_processing_data
            .map(|n| n.to_string())
            .unwrap_or_default();
        p.staff_processing_data = self.ask(
            &format!("{key}.staff"),
            &crate::tr_in!(ui, "wizard-staff-question"),
            Some(&crate::tr_in!(ui, "wizard-staff-help")),
            &staff,
            optional(number::<u32>),
            None,
        )?;
        let likely = p.address.country == "DE"
            && p.staff_processing_data
                .is_some_and(|n| n >= crate::check::BDSG_DPO_STAFF_THRESHOLD);
        if self.confirm(
            &format!("{key}.dpo.has"),
            self.t(
                "Einen Datenschutzbeauftragten angeben?",
                "Name a data protection officer?",
            ),
            Some(self.t(
                "Pflicht z. B. ab 20 Personen, die ständig personenbezogene Daten verarbeiten (§ 38 BDSG)",
                "Required e.g. for core activities of large-scale monitoring or special categories (Art. 37)",
            )),
            p.dpo.is_some() || likely,
        )? {
            let dpo = p.dpo.get_or_insert_with(PersonForm::default);
            self.person(&format!("{key}.dpo"), dpo, false, true)?;
        } else {
            p.dpo = None;
        }
        Ok(())
    }
}
