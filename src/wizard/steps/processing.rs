//! Steps 5 and 6: subject matter, purpose and operations of the processing; data
//! categories, special categories (Art. 9), criminal offence data (Art. 10) and data
//! subjects.

use crate::tr;
use crate::wizard::Stop;
use crate::wizard::ask::Wizard;
use crate::wizard::form::Form;

impl Wizard<'_> {
    /// Subject matter, purpose, operations; `fresh` when never asked.
    pub(super) fn processing(&mut self, f: &mut Form, fresh: bool) -> Result<(), Stop> {
        let p = &mut f.processing;
        p.subject_matter = self.text(
            "processing.subject_matter",
            &tr!("wizard-subject-matter"),
            Some(&tr!("wizard-subject-matter-help")),
            &p.subject_matter.clone(),
        )?;
        p.purpose = self.text(
            "processing.purpose",
            &tr!("wizard-purpose"),
            Some(&tr!("wizard-purpose-help")),
            &p.purpose.clone(),
        )?;
        let current = if fresh && p.operations.is_empty() {
            [
                "collection",
                "recording",
                "storage",
                "retrieval",
                "use",
                "erasure",
            ]
            .map(String::from)
            .to_vec()
        } else {
            p.operations.clone()
        };
        p.operations = self.pick_ids(
            "processing.operations",
            &tr!("wizard-operations"),
            None,
            &self.cats.operations,
            &current,
            true,
        )?;
        Ok(())
    }

    /// Data categories and data subjects.
    pub(super) fn data(&mut self, f: &mut Form) -> Result<(), Stop> {
        let cats = self.cats;
        let p = &mut f.processing;
        self.items(
            "data.categories",
            &tr!("wizard-data-categories"),
            &tr!("wizard-data-categories-help"),
            &tr!("wizard-data-categories-add"),
            &cats.data_categories,
            &mut p.data_categories,
            &["identification", "contact"],
        )?;
        p.special_categories = self.pick_ids(
            "data.special",
            &tr!("wizard-special"),
            Some(&tr!("wizard-special-help")),
            &cats.special_categories,
            &p.special_categories.clone(),
            false,
        )?;
        if !p.special_categories.is_empty() {
            self.say(&tr!("wizard-special-note"));
        }
        p.criminal_offence_data = self.confirm(
            "data.criminal",
            &tr!("wizard-criminal"),
            Some(&tr!("wizard-criminal-help")),
            p.criminal_offence_data,
        )?;
        self.items(
            "data.subjects",
            &tr!("wizard-subjects"),
            &tr!("wizard-subjects-help"),
            &tr!("wizard-subjects-add"),
            &cats.data_subjects,
            &mut p.data_subjects,
            &["customers"],
        )?;
        Ok(())
    }
}
