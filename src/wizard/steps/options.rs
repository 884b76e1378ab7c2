//! Step 12: the optional clauses (their names are also used by the summary) and a
//! contractual penalty. Each clause shows its full wording for this form under the list,
//! so that ticking one line is not agreeing to paragraphs unread. The professional
//! secrecy clause (§ 203 StGB) is offered only where it may apply: the controller's name
//! points to such a profession, or health data or patients are processed (the same test
//! as `dpa check`).

use super::review::rendered_clauses;
use crate::tr;
use crate::wizard::ask::Wizard;
use crate::wizard::form::{Form, ItemForm};
use crate::wizard::{Choice, ChoiceQuestion, Stop};

/// The switchable clauses: the option's id and the id of the clause it switches on.
pub(super) const OPTIONS: [(&str, &str); 7] = [
    ("remote_maintenance", "remote_maintenance"),
    ("data_carrier_disposal", "data_carrier_disposal"),
    ("software_development", "software_development"),
    ("data_outsourcing", "data_outsourcing"),
    ("seizure_insolvency_notice", "seizure_insolvency"),
    ("no_right_of_retention", "retention_right"),
    ("professional_secrecy", "professional_secrecy"),
];

/// The name of an optional clause, in the language of the questions.
pub(super) fn option_label(id: &str) -> String {
    match id {
        "remote_maintenance" => tr!("wizard-option-remote-maintenance"),
        "data_carrier_disposal" => tr!("wizard-option-data-carrier-disposal"),
        "software_development" => tr!("wizard-option-software-development"),
        "data_outsourcing" => tr!("wizard-option-data-outsourcing"),
        "seizure_insolvency_notice" => tr!("wizard-option-seizure-insolvency"),
        "no_right_of_retention" => tr!("wizard-option-no-retention"),
        "professional_secrecy" => tr!("wizard-option-professional-secrecy"),
        other => other.to_string(),
    }
}

/// One line saying what an optional clause is for.
fn option_help(id: &str) -> Option<String> {
    Some(match id {
        "remote_maintenance" => tr!("wizard-option-remote-maintenance-help"),
        "data_carrier_disposal" => tr!("wizard-option-data-carrier-disposal-help"),
        "software_development" => tr!("wizard-option-software-development-help"),
        "data_outsourcing" => tr!("wizard-option-data-outsourcing-help"),
        "seizure_insolvency_notice" => tr!("wizard-option-seizure-insolvency-help"),
        "no_right_of_retention" => tr!("wizard-option-no-retention-help"),
        "professional_secrecy" => tr!("wizard-option-professional-secrecy-help"),
        _ => return None,
    })
}

impl Wizard<'_> {
    /// Optional clauses and the contractual penalty.
    pub(super) fn options(&mut self, f: &mut Form) -> Result<(), Stop> {
        // Each clause as this form would print it.
        let mut all_on = f.clone();
        let ids: Vec<String> = OPTIONS.iter().map(|(o, _)| o.to_string()).collect();
        all_on.options.set_flags(&ids);
        let clause_ids: Vec<&str> = OPTIONS.iter().map(|(_, c)| *c).collect();
        let texts = rendered_clauses(&all_on, &clause_ids).unwrap_or_default();
        let secrecy = f.options.professional_secrecy
            || self.cats.secrecy_likely(
                &f.controller.name,
                &f.processing.special_categories,
                f.processing.data_subjects.iter().filter_map(|s| match s {
                    ItemForm::Id(id) => Some(id.as_str()),
                    ItemForm::Text(_) => None,
                }),
            );
        let offered: Vec<&(&str, &str)> = OPTIONS
            .iter()
            .filter(|(id, _)| *id != "professional_secrecy" || secrecy)
            .collect();
        let choices: Vec<Choice> = offered
            .iter()
            .map(|(id, clause)| {
                let text = texts
                    .iter()
                    .find(|(c, _, _)| c == clause)
                    .map(|(_, _, body)| body.replace("\n\n", " "));
                Choice::new(*id, option_label(id))
                    .with_help(option_help(id))
                    .with_detail(text)
            })
            .collect();
        let flags = f.options.flags();
        let selected = offered
            .iter()
            .enumerate()
            .filter(|(_, (id, _))| flags.iter().any(|(k, on)| k == id && *on))
            .map(|(i, _)| i)
            .collect();
        let q = ChoiceQuestion {
            key: "options.clauses".into(),
            message: tr!("wizard-options"),
            help: Some(tr!("wizard-options-help")),
            choices,
            selected,
            at_least_one: false,
        };
        let picked = self.p.multi_select(&q)?;
        let on: Vec<String> = picked
            .into_iter()
            .filter_map(|i| q.choices.get(i).map(|c| c.id.clone()))
            .collect();
        f.options.set_flags(&on);
        let penalty = self.confirm(
            "options.penalty",
            &tr!("wizard-penalty"),
            None,
            f.options.contractual_penalty_eur.is_some(),
        )?;
        if penalty {
            f.options.contractual_penalty_eur = Some(self.euros(
                "options.penalty_eur",
                &tr!("wizard-penalty-eur"),
                None,
                f.options.contractual_penalty_eur,
            )?);
        } else {
            f.options.contractual_penalty_eur = None;
        }
        Ok(())
    }
}
