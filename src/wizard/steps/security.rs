//! Step 9: the technical and organisational measures: a preset to start from, the
//! catalog measures, the person's own measures and certifications.

use crate::Lang;
use crate::wizard::ask::Wizard;
use crate::wizard::draft::Role;
use crate::wizard::form::{CustomForm, Form};
use crate::wizard::{Choice, ChoiceQuestion, Stop};

impl Wizard<'_> {
    /// The measures, worded for the person's role.
    pub(super) fn security(&mut self, f: &mut Form, role: Role) -> Result<(), Stop> {
        let cats = self.cats;
        let ui = self.ui;
        let mut choices = Vec::new();
        if !f.security.measures.is_empty() {
            choices.push(Choice::new(
                "keep",
                match ui {
                    Lang::De => format!(
                        "Bisherige Auswahl bearbeiten ({} Maßnahmen)",
                        f.security.measures.len()
                    ),
                    Lang::En => format!(
                        "Edit the current selection ({} measures)",
                        f.security.measures.len()
                    ),
                },
            ));
        }
        choices.extend(self.catalog_choices(&cats.presets));
        choices.push(Choice::new(
            "none",
            self.t("Ohne Vorlage, leere Liste", "No preset, empty list"),
        ));
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
            match role {
                Role::Processor => self.t(
                    "Womit beginnen? Eine Vorlage, die Sie danach anpassen",
                    "Where to start? A preset that you adjust next",
                ),
                Role::Controller => self.t(
                    "Womit beginnen? Eine Vorlage für Ihren Dienstleister, die Sie danach anpassen",
                    "Where to start? A preset for your service provider that you adjust next",
                ),
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
            match role {
                Role::Processor => self.t(
                    "Welche Maßnahmen setzen Sie um? (nur ankreuzen, was wirklich gilt)",
                    "Which measures do you have in place? (tick only what is true)",
                ),
                Role::Controller => self.t(
                    "Welche Maßnahmen setzt der Auftragnehmer um? (nur, was wirklich gilt)",
                    "Which measures does the processor have in place? (only what is true)",
                ),
            },
            None,
            &cats.measures,
            &start,
            true,
        )?;
        // Own measures: keep or drop, then add (text, then its Art. 32(1) area).
        if !f.security.custom.is_empty() {
            let q = ChoiceQuestion {
                key: "security.custom.keep".into(),
                message: self
                    .t("Eigene Maßnahmen behalten?", "Keep your own measures?")
                    .into(),
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
            let text = self.opt_text(
                "security.custom.text",
                self.t(
                    "Eigene Maßnahme, konkret beschrieben (optional; leer: weiter)",
                    "A measure of your own, described concretely (optional; empty: go on)",
                ),
                None,
                None,
            )?;
            let Some(text) = text else { break };
            let area = self.choose(
                "security.custom.area",
                self.t(
                    "Zu welchem Bereich von Art. 32 Abs. 1 gehört sie?",
                    "Which area of Art. 32(1) does it belong to?",
                ),
                None,
                self.catalog_choices(&cats.areas),
                "confidentiality",
            )?;
            f.security.custom.push(CustomForm { area, text });
        }
        self.edit_texts(
            "security.certifications",
            self.t(
                "Zertifizierung (optional, z. B. »ISO/IEC 27001«; leer: weiter)",
                "Certification (optional, e.g. \"ISO/IEC 27001\"; empty: go on)",
            ),
            &mut f.security.certifications,
        )?;
        Ok(())
    }
}
