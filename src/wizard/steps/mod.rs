//! The questions of each section of `dpa new`, one file per section or per pair of
//! closely related sections: [`start`] (language and role), [`parties`] (controller and
//! processor), [`agreement`], [`processing`] (subject matter, purpose, operations, data
//! categories and data subjects), [`locations`] (and the transfer basis), [`instructions`],
//! [`security`] (with [`review`], the promises word for word), [`subprocessors`], [`terms`], [`options`], [`signatories`], [`summary`]
//! (overview, check, what next) and [`save`] (the contract file and the PDF).
//!
//! Each step is a method of [`Wizard`] built on the helpers of [`super::ask`]; it writes
//! every answer into the form as soon as it is given.

mod agreement;
mod instructions;
mod locations;
mod options;
mod parties;
mod processing;
mod review;
mod save;
mod security;
mod signatories;
mod start;
mod subprocessors;
mod summary;
mod terms;

use super::Stop;
use super::ask::Wizard;
use super::draft::{Draft, Role};
use super::driver::Section;

impl Wizard<'_> {
    /// Asks the questions of section `s` (the summary has its own method).
    pub(in crate::wizard) fn section(&mut self, s: Section, d: &mut Draft) -> Result<(), Stop> {
        let fresh = !d.done.contains(&s);
        match s {
            Section::Start => self.start(d),
            Section::Controller => {
                let own = d.role == Role::Controller;
                self.party("controller", &mut d.form.controller, own)
            }
            Section::Processor => {
                let own = d.role == Role::Processor;
                self.party("processor", &mut d.form.processor, own)
            }
            Section::Agreement => self.agreement(&mut d.form, fresh),
            Section::Processing => self.processing(&mut d.form, fresh),
            Section::Data => self.data(&mut d.form),
            Section::Locations => self.locations(&mut d.form),
            Section::Instructions => self.instructions(&mut d.form),
            Section::Security => self.security(&mut d.form, d.role),
            Section::Subprocessors => self.subprocessors(&mut d.form),
            Section::Terms => self.terms(&mut d.form),
            Section::Options => self.options(&mut d.form),
            Section::Signatories => self.signatories(&mut d.form),
            Section::Summary => Ok(()),
        }
    }
}
