//! Step 1: the language of the contract and the person's role, and the suggestions that
//! depend on the role.

use crate::tr;
use crate::wizard::ask::Wizard;
use crate::wizard::draft::{Draft, Role};
use crate::wizard::driver::Section;
use crate::wizard::form::Form;
use crate::wizard::{Choice, Stop};

/// Defaults that depend on the person's role: breach deadline and the protective clauses.
fn role_defaults(role: Role) -> (u32, bool) {
    match role {
        Role::Controller => (24, true),
        Role::Processor => (48, false),
    }
}

/// Switches the role defaults, leaving every value the person changed alone.
fn apply_role_defaults(f: &mut Form, old: Option<Role>, new: Role) {
    let (nh, no) = role_defaults(new);
    let (oh, oo) = match old {
        Some(r) => role_defaults(r),
        None => (
            f.terms.breach_notification_hours,
            f.options.seizure_insolvency_notice,
        ),
    };
    if f.terms.breach_notification_hours == oh {
        f.terms.breach_notification_hours = nh;
    }
    if f.options.seizure_insolvency_notice == oo {
        f.options.seizure_insolvency_notice = no;
    }
    if old.is_none() || f.options.no_right_of_retention == oo {
        f.options.no_right_of_retention = no;
    }
}

impl Wizard<'_> {
    /// Contract language and role.
    pub(super) fn start(&mut self, d: &mut Draft) -> Result<(), Stop> {
        let language = self.choose(
            "language",
            &tr!("wizard-language"),
            None,
            vec![Choice::new("de", "Deutsch"), Choice::new("en", "English")],
            &d.form.language.clone(),
        )?;
        d.form.language = language;
        let role = self.choose(
            "role",
            &tr!("wizard-role"),
            Some(&tr!("wizard-role-help")),
            vec![
                Choice::new("processor", tr!("wizard-role-processor")),
                Choice::new("controller", tr!("wizard-role-controller")),
            ],
            match d.role {
                Role::Processor => "processor",
                Role::Controller => "controller",
            },
        )?;
        d.role = if role == "controller" {
            Role::Controller
        } else {
            Role::Processor
        };
        // Role suggestions only while the sections they fill are still unanswered (never
        // for a contract opened with --from).
        let untouched = !d.done.contains(&Section::Terms) && !d.done.contains(&Section::Options);
        if d.defaults_for != Some(d.role) && untouched {
            apply_role_defaults(&mut d.form, d.defaults_for, d.role);
            d.defaults_for = Some(d.role);
        }
        Ok(())
    }
}
