//! Step 14: the summary: an overview of the answers, the contract read back through the
//! YAML loader with the `dpa check` findings, then save, change a section or stop.

use std::path::{Path, PathBuf};

use super::options::OPTION_TEXTS;
use super::save::default_file_name;
use crate::Lang;
use crate::catalog::Catalog;
use crate::error::Severity;
use crate::input::parse_contract;
use crate::wizard::ask::Wizard;
use crate::wizard::draft::Draft;
use crate::wizard::driver::{Outcome, Section, Step};
use crate::wizard::form::{DurationForm, Form, ItemForm, PartyForm};
use crate::wizard::{Choice, Stop, tr, yaml_out};

impl Wizard<'_> {
    /// A few lines describing the contract, for the summary.
    fn overview(&self, f: &Form) -> String {
        let ui = self.ui;
        let cats = self.cats;
        let label = |c: &Catalog, id: &str| {
            c.get(id)
                .map_or(id.to_string(), |e| e.label(ui).to_string())
        };
        let short = |s: String| {
            // Labels carry examples in brackets; the summary needs only the name.
            s.split(" (").next().unwrap_or(&s).to_string()
        };
        let items = |c: &Catalog, list: &[ItemForm]| {
            list.iter()
                .map(|i| match i {
                    ItemForm::Id(id) => short(label(c, id)),
                    ItemForm::Text(t) => t.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let party = |p: &PartyForm| {
            let a = &p.address;
            let town = crate::address::Conventions::get().map_or_else(
                |_| format!("{} {}", a.postal_code, a.city),
                |conv| {
                    let region = a.region.as_deref().unwrap_or("");
                    conv.town_line(&a.country, &a.postal_code, &a.city, region)
                },
            );
            format!("{}, {}, {town}, {}", p.name, a.street, a.country)
        };
        let none = tr(ui, "keine", "none").to_string();
        let p = &f.processing;
        let duration = match &p.duration {
            DurationForm::MainAgreement => {
                tr(ui, "wie der Hauptvertrag", "as the main agreement").to_string()
            }
            DurationForm::Fixed { until } => format!("{} {until}", tr(ui, "bis", "until")),
            DurationForm::Indefinite { notice } => match notice {
                Some(n) => format!("{}, {n}", tr(ui, "unbefristet", "indefinite")),
                None => tr(ui, "unbefristet", "indefinite").to_string(),
            },
        };
        let special = if p.special_categories.is_empty() {
            none.clone()
        } else {
            p.special_categories
                .iter()
                .map(|id| label(&cats.special_categories, id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let locations = match &p.transfer {
            Some(t) => format!("{} ({})", p.locations.join(", "), t.describe()),
            None => p.locations.join(", "),
        };
        let subs = if f.subprocessors.list.is_empty() {
            none.clone()
        } else {
            f.subprocessors
                .list
                .iter()
                .map(|s| match &s.transfer {
                    Some(t) => {
                        format!("{} ({}; {})", s.name, s.locations.join(", "), t.describe())
                    }
                    None => format!("{} ({})", s.name, s.locations.join(", ")),
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let on: Vec<String> = OPTION_TEXTS
            .iter()
            .filter(|(id, _)| f.options.flags().iter().any(|(k, v)| k == id && *v))
            .map(|(_, [dl, _, el, _])| tr(ui, dl, el).to_string())
            .collect();
        let signers = f
            .signatories
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let t = &f.terms;
        let word = |id: &str| -> String {
            let (de, en) = match id {
                "de" => ("Deutsch", "German"),
                "en" => ("Englisch", "English"),
                "general" => ("allgemeine Genehmigung", "general authorisation"),
                "specific" => ("Genehmigung im Einzelfall", "specific authorisation"),
                "return_then_delete" => ("Rückgabe, dann Löschung", "return, then deletion"),
                "delete" => ("Löschung", "deletion"),
                "return" => ("Rückgabe", "return"),
                "statutory" => ("gesetzliche Haftung", "statutory liability"),
                "capped" => ("Haftung begrenzt auf", "liability capped at"),
                other => return other.to_string(),
            };
            tr(ui, de, en).to_string()
        };
        let rows: Vec<(&str, String)> = vec![
            (
                tr(ui, "Vertragssprache", "Contract language"),
                word(&f.language),
            ),
            (tr(ui, "Auftraggeber", "Controller"), party(&f.controller)),
            (tr(ui, "Auftragnehmer", "Processor"), party(&f.processor)),
            (
                tr(ui, "Hauptvertrag", "Main agreement"),
                f.main_agreement
                    .as_ref()
                    .map_or(none.clone(), |m| match &m.date {
                        Some(d) => format!("{} ({d})", m.title),
                        None => m.title.clone(),
                    }),
            ),
            (tr(ui, "Laufzeit", "Duration"), duration),
            (
                tr(ui, "Gegenstand", "Subject matter"),
                p.subject_matter.clone(),
            ),
            (tr(ui, "Zweck", "Purpose"), p.purpose.clone()),
            (
                tr(ui, "Verarbeitungen", "Operations"),
                p.operations
                    .iter()
                    .map(|id| label(&cats.operations, id))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                tr(ui, "Daten", "Data"),
                items(&cats.data_categories, &p.data_categories),
            ),
            (
                tr(ui, "Art. 9 / Art. 10", "Art. 9 / Art. 10"),
                format!(
                    "{special} / {}",
                    if p.criminal_offence_data {
                        tr(ui, "ja", "yes")
                    } else {
                        tr(ui, "nein", "no")
                    }
                ),
            ),
            (
                tr(ui, "Betroffene", "Data subjects"),
                items(&cats.data_subjects, &p.data_subjects),
            ),
            (tr(ui, "Orte", "Locations"), locations),
            (
                tr(ui, "TOM", "TOMs"),
                match ui {
                    Lang::De => format!(
                        "{} aus dem Katalog, {} eigene, Zertifizierungen: {}",
                        f.security.measures.len(),
                        f.security.custom.len(),
                        if f.security.certifications.is_empty() {
                            none.clone()
                        } else {
                            f.security.certifications.join(", ")
                        }
                    ),
                    Lang::En => format!(
                        "{} from the catalog, {} own, certifications: {}",
                        f.security.measures.len(),
                        f.security.custom.len(),
                        if f.security.certifications.is_empty() {
                            none.clone()
                        } else {
                            f.security.certifications.join(", ")
                        }
                    ),
                },
            ),
            (
                tr(ui, "Unterauftragsverarb.", "Subprocessors"),
                match ui {
                    Lang::De => format!(
                        "{}, {} Tage Vorlauf: {subs}",
                        word(&f.subprocessors.authorisation),
                        f.subprocessors.notice_days
                    ),
                    Lang::En => format!(
                        "{}, {} days' notice: {subs}",
                        word(&f.subprocessors.authorisation),
                        f.subprocessors.notice_days
                    ),
                },
            ),
            (
                tr(ui, "Fristen", "Deadlines"),
                match ui {
                    Lang::De => format!(
                        "Meldung binnen {} h; Kontrollen {} Tage vorher, vor Ort: {}; am Ende {} binnen {} Tagen",
                        t.breach_notification_hours,
                        t.audit_notice_days,
                        if t.audit_on_site { "ja" } else { "nein" },
                        word(&t.end_choice),
                        t.end_days
                    ),
                    Lang::En => format!(
                        "breach report within {} h; audits with {} days' notice, on site: {}; at the end {} within {} days",
                        t.breach_notification_hours,
                        t.audit_notice_days,
                        if t.audit_on_site { "yes" } else { "no" },
                        word(&t.end_choice),
                        t.end_days
                    ),
                },
            ),
            (
                tr(ui, "Haftung, Recht", "Liability, law"),
                format!(
                    "{}{}; {}{}",
                    word(&t.liability),
                    t.liability_cap_eur
                        .map(|c| format!(" {c} EUR"))
                        .unwrap_or_default(),
                    t.governing_law.clone().unwrap_or_default(),
                    t.jurisdiction
                        .as_ref()
                        .map(|j| format!(", {j}"))
                        .unwrap_or_default()
                ),
            ),
            (
                tr(ui, "Optionale Klauseln", "Optional clauses"),
                if on.is_empty() {
                    none.clone()
                } else {
                    on.join(", ")
                },
            ),
            (tr(ui, "Unterschriften", "Signatories"), signers),
        ];
        let width = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(10);
        rows.into_iter()
            .map(|(k, v)| format!("  {k}:{} {v}", " ".repeat(width - k.chars().count())))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Overview, check, and what next.
    pub(in crate::wizard) fn summary(
        &mut self,
        d: &mut Draft,
        draft_path: &Path,
    ) -> Result<Step, Stop> {
        let ui = self.ui;
        let yaml = yaml_out::to_yaml(&d.form);
        let target = PathBuf::from(
            d.output
                .clone()
                .unwrap_or_else(|| default_file_name(&d.form, d.form.lang())),
        );
        let overview = self.overview(&d.form);
        self.say(&overview);
        let loaded = parse_contract(&target, yaml.clone());
        match &loaded {
            Ok(l) => {
                let report = crate::clauses::Library::builtin()
                    .and_then(|lib| crate::check::check(l, &lib, crate::model::Date::today()));
                match report {
                    Ok(r) => {
                        self.say(
                            self.t("\nPrüfung (wie `dpa check`):", "\nCheck (as `dpa check`):"),
                        );
                        let text = crate::check::findings_text(&r, &l.source, Severity::Note);
                        self.say(text.trim_end());
                    }
                    Err(e) => self.say(&e.to_string()),
                }
            }
            Err(e) => {
                self.say(&e.to_string());
                let msg = self.t(
                    "Der Vertrag ist so noch nicht gültig; bitte ändern Sie die genannten Abschnitte.",
                    "The contract is not valid yet; please change the sections named above.",
                );
                self.say(msg);
            }
        }
        let mut choices = Vec::new();
        if loaded.is_ok() {
            choices.push(Choice::new(
                "save",
                self.t("Vertrag speichern", "Save the contract"),
            ));
        }
        for s in Section::ALL.iter().filter(|s| **s != Section::Summary) {
            choices.push(Choice::new(
                format!("change:{}", s.id()),
                format!(
                    "{} {}. {}",
                    self.t("Ändern:", "Change:"),
                    s.number(),
                    s.title(ui, d.role)
                ),
            ));
        }
        choices.push(Choice::new(
            "stop",
            self.t(
                "Hier anhalten (der Entwurf bleibt gespeichert)",
                "Stop here (the draft is kept)",
            ),
        ));
        let pick = self.choose(
            "summary",
            self.t("Wie weiter?", "What next?"),
            None,
            choices,
            "save",
        )?;
        if pick == "stop" {
            return Ok(Step::Done(Outcome::Left));
        }
        if let Some(id) = pick.strip_prefix("change:") {
            let s = Section::ALL
                .into_iter()
                .find(|s| s.id() == id)
                .unwrap_or(Section::Summary);
            return Ok(Step::Goto(s));
        }
        self.save(d, &yaml, draft_path)
    }
}
