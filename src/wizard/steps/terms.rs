//! Step 11: breach notification deadline, audits, what happens to the data at the end,
//! liability, governing law and jurisdiction.

use crate::tr;
use crate::wizard::ask::Wizard;
use crate::wizard::form::Form;
use crate::wizard::{Choice, Stop};

impl Wizard<'_> {
    /// Deadlines, audits, end of processing, liability, law.
    pub(super) fn terms(&mut self, f: &mut Form) -> Result<(), Stop> {
        let t = &mut f.terms;
        t.breach_notification_hours = self.u32(
            "terms.breach_hours",
            &tr!("wizard-breach-hours"),
            Some(&tr!("wizard-breach-hours-help")),
            t.breach_notification_hours,
        )?;
        t.audit_notice_days = self.u32(
            "terms.audit_notice_days",
            &tr!("wizard-audit-notice-days"),
            None,
            t.audit_notice_days,
        )?;
        t.audit_on_site = self.confirm(
            "terms.audit_on_site",
            &tr!("wizard-audit-on-site"),
            Some(&tr!("wizard-audit-on-site-help")),
            t.audit_on_site,
        )?;
        t.end_choice = self.choose(
            "terms.end_choice",
            &tr!("wizard-end-choice"),
            None,
            vec![
                Choice::new("return_then_delete", tr!("wizard-end-return-then-delete")),
                Choice::new("delete", tr!("wizard-end-delete")),
                Choice::new("return", tr!("wizard-end-return")),
            ],
            &t.end_choice.clone(),
        )?;
        t.end_days = self.u32("terms.end_days", &tr!("wizard-end-days"), None, t.end_days)?;
        t.liability = self.choose(
            "terms.liability",
            &tr!("wizard-liability"),
            None,
            vec![
                Choice::new("statutory", tr!("wizard-liability-statutory")),
                Choice::new("capped", tr!("wizard-liability-capped")),
            ],
            &t.liability.clone(),
        )?;
        if t.liability == "capped" {
            t.liability_cap_eur = Some(self.euros(
                "terms.liability_cap_eur",
                &tr!("wizard-liability-cap"),
                Some(&tr!("wizard-liability-cap-help")),
                t.liability_cap_eur,
            )?);
        } else {
            t.liability_cap_eur = None;
        }
        let law = t
            .governing_law
            .clone()
            .unwrap_or_else(|| f.controller.address.country.clone());
        t.governing_law =
            Some(self.country("terms.governing_law", &tr!("wizard-governing-law"), &law)?);
        t.jurisdiction = self.opt_text(
            "terms.jurisdiction",
            &tr!("wizard-jurisdiction"),
            Some(&tr!("wizard-jurisdiction-help")),
            t.jurisdiction.clone().as_deref(),
        )?;
        Ok(())
    }
}
