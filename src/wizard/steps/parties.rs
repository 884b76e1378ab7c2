//! Steps 2 and 3: the controller and the processor, each with address, register entry,
//! representative, and optionally a contact person and a data protection officer.

use crate::Lang;
use crate::tr;
use crate::wizard::Stop;
use crate::wizard::ask::{Wizard, email, optional, phone};
use crate::wizard::form::{PartyForm, PersonForm};

impl Wizard<'_> {
    /// A person: name, optionally role, e-mail, optionally phone. The e-mail and phone
    /// questions name the person, so that nobody reads them as "your e-mail".
    pub(super) fn person(
        &mut self,
        key: &str,
        p: &mut PersonForm,
        role: bool,
        phone_too: bool,
    ) -> Result<(), Stop> {
        p.name = self.text(
            &format!("{key}.name"),
            &tr!("wizard-person-name"),
            None,
            &p.name.clone(),
        )?;
        if role {
            p.role = self.opt_text(
                &format!("{key}.role"),
                &tr!("wizard-person-role"),
                None,
                p.role.clone().as_deref(),
            )?;
        }
        let current = p.email.clone();
        p.email = self.ask(
            &format!("{key}.email"),
            &tr!("wizard-person-email", name = p.name.as_str()),
            None,
            current.as_deref().unwrap_or(""),
            optional(email),
            None,
        )?;
        if phone_too {
            let current = p.phone.clone();
            p.phone = self.ask(
                &format!("{key}.phone"),
                &tr!("wizard-person-phone", name = p.name.as_str()),
                None,
                current.as_deref().unwrap_or(""),
                optional(phone),
                None,
            )?;
        }
        Ok(())
    }

    /// One party; `own` when it is the person's own organisation.
    pub(super) fn party(&mut self, key: &str, p: &mut PartyForm, own: bool) -> Result<(), Stop> {
        let name_q = match (key, own) {
            (_, true) => tr!("wizard-party-name-own"),
            ("controller", false) => tr!("wizard-party-name-controller"),
            _ => tr!("wizard-party-name-processor"),
        };
        p.name = self.text(
            &format!("{key}.name"),
            &name_q,
            Some(&tr!("wizard-party-name-help")),
            &p.name.clone(),
        )?;
        self.street_postal_city(key, &mut p.address)?;
        let country = if p.address.country.is_empty() && self.ui == Lang::De {
            "DE".to_string()
        } else {
            p.address.country.clone()
        };
        p.address.country =
            self.country(&format!("{key}.country"), &tr!("wizard-country"), &country)?;
        p.register = self.opt_text(
            &format!("{key}.register"),
            &tr!("wizard-register"),
            Some(&tr!("wizard-register-help")),
            p.register.clone().as_deref(),
        )?;
        p.representative.name = self.text(
            &format!("{key}.representative.name"),
            &tr!("wizard-representative"),
            Some(&tr!("wizard-representative-help")),
            &p.representative.name.clone(),
        )?;
        p.representative.role = self.opt_text(
            &format!("{key}.representative.role"),
            &tr!("wizard-person-role"),
            Some(&tr!("wizard-representative-role-help")),
            p.representative.role.clone().as_deref(),
        )?;
        let current = p.representative.email.clone();
        p.representative.email = self.ask(
            &format!("{key}.representative.email"),
            &tr!("wizard-person-email", name = p.representative.name.as_str()),
            Some(&tr!("wizard-representative-email-help")),
            current.as_deref().unwrap_or(""),
            optional(email),
            None,
        )?;
        if self.confirm(
            &format!("{key}.contact.has"),
            &tr!("wizard-contact-has"),
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
            &tr!("wizard-staff-question"),
            Some(&tr!("wizard-staff-help")),
            &staff,
            optional(|s: &str| {
                crate::wizard::ask::whole(s, u64::from(u32::MAX))
                    .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
            }),
            None,
        )?;
        let likely = p.address.country == "DE"
            && p.staff_processing_data
                .is_some_and(|n| n >= crate::check::BDSG_DPO_STAFF_THRESHOLD);
        if self.confirm(
            &format!("{key}.dpo.has"),
            &tr!("wizard-dpo-has"),
            Some(&tr!("wizard-dpo-has-help")),
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
