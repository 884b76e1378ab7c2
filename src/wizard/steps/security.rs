//! Step 9: the technical and organisational measures: a preset to start from, the
//! catalog measures, the person's own measures and certifications.

use crate::tr;
use crate::wizard::ask::Wizard;
use crate::wizard::draft::Role;
use crate::wizard::form::{CustomForm, Form};
use crate::wizard::{Choice, ChoiceQuestion, Stop};

impl Wizard<'_> {
    /// The measures, worded for the person's role.
    pub(super) fn security(&mut self, f: &mut Form, role: Role) -> Result<(), Stop> {
        let cats = self.cats;
        let mut choices = Vec::new();
        if !f.security.measures.is_empty() {
            choices.push(Choice::new(
                "keep",
                tr!("wizard-preset-keep", count = f.security.measures.len()),
            ));
        }
        choices.extend(self.catalog_choices(&cats.presets));
        choices.push(Choice::new("none", tr!("wizard-preset-none")));
        let default = if !f.security.measures.is_empty() {
            "keep"
        } else if !f.processing.special_categories.is_empty() || f.processing.criminal_offence_data
        {
            "healthcare"
        } else {
            "small_office"
        };
        let preset = self.choose(
            "security.preset",
            &match role {
                Role::Processor => tr!("wizard-preset"),
                Role::Controller => tr!("wizard-preset-controller"),
            },
            None,
            choices,
            default,
        )?;
        let start: Vec<String> = match preset.as_str() {
            "keep" => f.security.measures.clone(),
            "none" => Vec::new(),
            id => cats
                .presets
                .get(id)
                .map(|p| p.measures.clone())
                .unwrap_or_default(),
        };
        f.security.measures = self.pick_ids(
            "security.measures",
            &match role {
                Role::Processor => tr!("wizard-measures"),
                Role::Controller => tr!("wizard-measures-controller"),
            },
            Some(&tr!("wizard-measures-help")),
            &cats.measures,
            &start,
            true,
        )?;
        // Own measures: keep or drop, then add (text, then its Art. 32(1) area).
        if !f.security.custom.is_empty() {
            let q = ChoiceQuestion {
                key: "security.custom.keep".into(),
                message: tr!("wizard-custom-keep"),
                help: None,
                choices: f
                    .security
                    .custom
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Choice::new(i.to_string(), c.text.clone()))
                    .collect(),
                selected: (0..f.security.custom.len()).collect(),
                at_least_one: false,
            };
            let keep = self.p.multi_select(&q)?;
            let old = std::mem::take(&mut f.security.custom);
            f.security.custom.extend(
                old.into_iter()
                    .enumerate()
                    .filter(|(i, _)| keep.contains(i))
                    .map(|(_, c)| c),
            );
        }
        loop {
            let text = self.opt_text("security.custom.text", &tr!("wizard-custom"), None, None)?;
            let Some(text) = text else { break };
            let area = self.choose(
                "security.custom.area",
                &tr!("wizard-custom-area"),
                None,
                self.catalog_choices(&cats.areas),
                "confidentiality",
            )?;
            f.security.custom.push(CustomForm { area, text });
        }
        self.edit_texts(
            "security.certifications",
            &tr!("wizard-certification"),
            &mut f.security.certifications,
        )?;
        self.review_promises(f)
    }
}
