//! Step 4: the main agreement, the duration of the processing, the reference of this
//! agreement and the date it takes effect.

use crate::tr;
use crate::wizard::ask::Wizard;
use crate::wizard::form::{DurationForm, Form};
use crate::wizard::{Choice, Stop};

impl Wizard<'_> {
    /// Main agreement, duration, reference, effective date; `fresh` when never asked.
    pub(super) fn agreement(&mut self, f: &mut Form, fresh: bool) -> Result<(), Stop> {
        let has = self.confirm(
            "agreement.has",
            &tr!("wizard-agreement-has"),
            None,
            fresh || f.main_agreement.is_some(),
        )?;
        if has {
            let m = f.main_agreement.get_or_insert_with(Default::default);
            m.title = self.text(
                "agreement.title",
                &tr!("wizard-agreement-title"),
                Some(&tr!("wizard-agreement-title-help")),
                &m.title.clone(),
            )?;
            m.date = self.opt_date(
                "agreement.date",
                &tr!("wizard-agreement-date"),
                m.date.clone().as_deref(),
            )?;
        } else {
            f.main_agreement = None;
        }
        let current = match &f.processing.duration {
            DurationForm::MainAgreement if has => "main_agreement",
            DurationForm::MainAgreement => "indefinite",
            DurationForm::Fixed { .. } => "fixed",
            DurationForm::Indefinite { .. } => "indefinite",
        };
        let mut choices = Vec::new();
        if has {
            choices.push(Choice::new(
                "main_agreement",
                tr!("wizard-duration-main-agreement"),
            ));
        }
        choices.push(Choice::new("fixed", tr!("wizard-duration-fixed")));
        choices.push(Choice::new("indefinite", tr!("wizard-duration-indefinite")));
        let kind = self.choose(
            "agreement.duration",
            &tr!("wizard-duration"),
            None,
            choices,
            current,
        )?;
        f.processing.duration = match kind.as_str() {
            "fixed" => {
                let until = match &f.processing.duration {
                    DurationForm::Fixed { until } => until.clone(),
                    _ => String::new(),
                };
                let until = self.date(
                    "agreement.until",
                    &tr!("wizard-duration-until"),
                    &tr!("wizard-duration-until-help"),
                    &until,
                )?;
                DurationForm::Fixed { until }
            }
            "indefinite" => {
                let notice = match &f.processing.duration {
                    DurationForm::Indefinite { notice } => notice.clone(),
                    _ => None,
                };
                DurationForm::Indefinite {
                    notice: self.opt_text(
                        "agreement.notice",
                        &tr!("wizard-duration-notice"),
                        Some(&tr!("wizard-duration-notice-help")),
                        notice.as_deref(),
                    )?,
                }
            }
            _ => DurationForm::MainAgreement,
        };
        f.id = self.opt_text(
            "agreement.id",
            &tr!("wizard-reference"),
            Some(&tr!("wizard-reference-help")),
            f.id.clone().as_deref(),
        )?;
        f.effective_date = self.opt_date(
            "agreement.effective_date",
            &tr!("wizard-effective-date"),
            f.effective_date.clone().as_deref(),
        )?;
        Ok(())
    }
}
