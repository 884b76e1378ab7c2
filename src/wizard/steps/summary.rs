//! Step 14: the summary: an overview of the answers, the contract read back through the
//! YAML loader with the `dpa check` findings, each named by the step that asks for the
//! field (the file is not saved yet, so its lines mean nothing to the person), then save,
//! change a step, read the promises again, or stop. While the check reports an error the
//! suggestion is to change the step of the first error, not to save.

use std::path::{Path, PathBuf};

use super::options::{OPTIONS, option_label};
use super::save::default_file_name;
use crate::catalog::Catalog;
use crate::error::Severity;
use crate::input::parse_contract;
use crate::wizard::ask::Wizard;
use crate::wizard::draft::Draft;
use crate::wizard::driver::{Outcome, Section, Step};
use crate::wizard::form::{DurationForm, Form, ItemForm, PartyForm};
use crate::wizard::{Choice, Stop, yaml_out};
use crate::{Error, tr};

/// Something the check or the loader found, by the step that asks for it.
struct Open {
    section: Section,
    severity: Severity,
    message: String,
    hint: Option<String>,
}

/// What is open in the contract: the loader's problems, or the check's findings.
fn open_points(form_yaml: &str, target: &Path) -> Result<Vec<Open>, Vec<Open>> {
    let loaded = match parse_contract(target, form_yaml.to_string()) {
        Ok(l) => l,
        Err(Error::Input(e)) => {
            return Err(e
                .problems
                .into_iter()
                .map(|p| Open {
                    section: Section::of_field(&p.path),
                    severity: Severity::Error,
                    message: p.message,
                    hint: p.hint,
                })
                .collect());
        }
        Err(e) => {
            return Err(vec![Open {
                section: Section::Summary,
                severity: Severity::Error,
                message: e.to_string(),
                hint: None,
            }]);
        }
    };
    let report = crate::clauses::Library::builtin()
        .and_then(|lib| crate::check::check(&loaded, &lib, crate::model::Date::today()));
    match report {
        Ok(r) => Ok(r
            .findings
            .into_iter()
            .map(|f| Open {
                section: Section::of_field(&f.path),
                severity: f.severity,
                message: f.message,
                hint: (!f.hint.is_empty()).then_some(f.hint),
            })
            .collect()),
        Err(e) => Err(vec![Open {
            section: Section::Summary,
            severity: Severity::Error,
            message: e.to_string(),
            hint: None,
        }]),
    }
}

fn severity_word(s: Severity) -> String {
    match s {
        Severity::Error => tr!("severity-error"),
        Severity::Warning => tr!("severity-warning"),
        Severity::Note => tr!("severity-note"),
    }
}

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
        let none = tr!("wizard-none");
        let yes_no = |b: bool| {
            if b {
                tr!("wizard-yes")
            } else {
                tr!("wizard-no")
            }
        };
        let p = &f.processing;
        let duration = match &p.duration {
            DurationForm::MainAgreement => tr!("wizard-summary-duration-main"),
            DurationForm::Fixed { until } => {
                tr!("wizard-summary-duration-until", date = until.as_str())
            }
            DurationForm::Indefinite { notice: Some(n) } => {
                tr!("wizard-summary-duration-notice", notice = n.as_str())
            }
            DurationForm::Indefinite { notice: None } => tr!("wizard-summary-duration-indefinite"),
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
        let on: Vec<String> = OPTIONS
            .iter()
            .filter(|(id, _)| f.options.flags().iter().any(|(k, v)| k == id && *v))
            .map(|(id, _)| option_label(id))
            .collect();
        let signers = f
            .signatories
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let t = &f.terms;
        let language = if f.language == "en" {
            tr!("wizard-summary-english")
        } else {
            tr!("wizard-summary-german")
        };
        let authorisation = if f.subprocessors.authorisation == "specific" {
            tr!("wizard-summary-specific")
        } else {
            tr!("wizard-summary-general")
        };
        let end = match t.end_choice.as_str() {
            "delete" => tr!("wizard-end-delete"),
            "return" => tr!("wizard-end-return"),
            _ => tr!("wizard-end-return-then-delete"),
        };
        let liability = match t.liability_cap_eur {
            Some(c) if t.liability == "capped" => {
                tr!("wizard-summary-liability-capped", amount = c.to_string())
            }
            _ => tr!("wizard-summary-liability-statutory"),
        };
        let rows: Vec<(String, String)> = vec![
            (tr!("wizard-summary-language"), language),
            (tr!("wizard-controller"), party(&f.controller)),
            (tr!("wizard-processor"), party(&f.processor)),
            (
                tr!("wizard-summary-main-agreement"),
                f.main_agreement
                    .as_ref()
                    .map_or(none.clone(), |m| match &m.date {
                        Some(d) => format!("{} ({d})", m.title),
                        None => m.title.clone(),
                    }),
            ),
            (tr!("wizard-summary-duration"), duration),
            (
                tr!("wizard-summary-subject-matter"),
                p.subject_matter.clone(),
            ),
            (tr!("wizard-summary-purpose"), p.purpose.clone()),
            (
                tr!("wizard-summary-operations"),
                p.operations
                    .iter()
                    .map(|id| label(&cats.operations, id))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                tr!("wizard-summary-data"),
                items(&cats.data_categories, &p.data_categories),
            ),
            (
                tr!("wizard-summary-special"),
                format!("{special} / {}", yes_no(p.criminal_offence_data)),
            ),
            (
                tr!("wizard-summary-subjects"),
                items(&cats.data_subjects, &p.data_subjects),
            ),
            (tr!("wizard-summary-locations"), locations),
            (
                tr!("wizard-summary-toms"),
                tr!(
                    "wizard-summary-toms-value",
                    measures = f.security.measures.len(),
                    custom = f.security.custom.len(),
                    certifications = if f.security.certifications.is_empty() {
                        none.clone()
                    } else {
                        f.security.certifications.join(", ")
                    }
                ),
            ),
            (
                tr!("wizard-summary-subprocessors"),
                tr!(
                    "wizard-summary-subprocessors-value",
                    authorisation = authorisation,
                    days = f.subprocessors.notice_days,
                    list = subs
                ),
            ),
            (
                tr!("wizard-summary-deadlines"),
                tr!(
                    "wizard-summary-deadlines-value",
                    hours = t.breach_notification_hours,
                    audit_days = t.audit_notice_days,
                    on_site = yes_no(t.audit_on_site),
                    end = end,
                    end_days = t.end_days
                ),
            ),
            (
                tr!("wizard-summary-liability"),
                format!(
                    "{liability}; {}{}",
                    t.governing_law.clone().unwrap_or_default(),
                    t.jurisdiction
                        .as_ref()
                        .map(|j| format!(", {j}"))
                        .unwrap_or_default()
                ),
            ),
            (
                tr!("wizard-summary-options"),
                if on.is_empty() {
                    none.clone()
                } else {
                    on.join(", ")
                },
            ),
            (tr!("wizard-summary-signatories"), signers),
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

    /// The check block: counts, then each point by the step that asks for it.
    fn check_block(&self, open: &[Open], role: crate::wizard::draft::Role) -> String {
        let count = |s: Severity| open.iter().filter(|o| o.severity == s).count();
        let mut out = vec![format!(
            "\n{}",
            tr!(
                "wizard-check-title",
                errors = count(Severity::Error),
                warnings = count(Severity::Warning),
                notes = count(Severity::Note)
            )
        )];
        let mut sorted: Vec<&Open> = open.iter().collect();
        sorted.sort_by_key(|o| (o.severity, o.section.number()));
        for o in sorted {
            let place = if o.section == Section::Summary {
                tr!("wizard-check-whole")
            } else {
                tr!(
                    "wizard-check-step",
                    step = o.section.number(),
                    title = o.section.title(self.ui, role)
                )
            };
            out.push(format!(
                "  {place} – {}: {}",
                severity_word(o.severity),
                o.message
            ));
            if let Some(h) = &o.hint {
                out.push(format!("    {}: {h}", tr!("label-help")));
            }
        }
        out.join("\n")
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
        let (valid, open) = match open_points(&yaml, &target) {
            Ok(open) => (true, open),
            Err(open) => (false, open),
        };
        let block = self.check_block(&open, d.role);
        self.say(&block);
        if !valid {
            self.say(&tr!("wizard-summary-invalid"));
        }
        let first_error = open
            .iter()
            .filter(|o| o.severity == Severity::Error)
            .map(|o| o.section)
            .min_by_key(|s| s.number());
        let mut choices = Vec::new();
        if valid {
            let save = if first_error.is_some() {
                tr!("wizard-summary-save-anyway")
            } else {
                tr!("wizard-summary-save")
            };
            choices.push(Choice::new("save", save));
        }
        for s in Section::ALL.iter().filter(|s| **s != Section::Summary) {
            let mut label = tr!(
                "wizard-summary-change",
                step = s.number(),
                title = s.title(ui, d.role)
            );
            if Some(*s) == first_error {
                label = tr!("wizard-summary-change-error", choice = label);
            }
            choices.push(Choice::new(format!("change:{}", s.id()), label));
        }
        if valid {
            choices.push(Choice::new("review", tr!("wizard-summary-review")));
        }
        choices.push(Choice::new("stop", tr!("wizard-summary-stop")));
        let start = match first_error {
            Some(s) if s != Section::Summary => format!("change:{}", s.id()),
            _ => "save".to_string(),
        };
        let pick = self.choose(
            "summary",
            &tr!("wizard-summary-next"),
            None,
            choices,
            &start,
        )?;
        if pick == "stop" {
            return Ok(Step::Done(Outcome::Left));
        }
        if pick == "review" {
            self.review_promises(&mut d.form)?;
            return Ok(Step::Goto(Section::Summary));
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
