//! Steps 5 and 6: subject matter, purpose and operations of the processing; data
//! categories, special categories (Art. 9), criminal offence data (Art. 10) and data
//! subjects.

use crate::wizard::Stop;
use crate::wizard::ask::Wizard;
use crate::wizard::form::Form;

impl Wizard<'_> {
    /// Subject matter, purpose, operations; `fresh` when never asked.
    pub(super) fn processing(&mut self, f: &mut Form, fresh: bool) -> Result<(), Stop> {
        let p = &mut f.processing;
        p.subject_matter = self.text(
            "processing.subject_matter",
            self.t(
                "Gegenstand: Was tut der Auftragnehmer?",
                "Subject matter: what does the processor do?",
            ),
            Some(self.t(
                "z. B. »Hosting und Wartung der Praxis-Website mit Online-Terminbuchung«",
                "e.g. \"Hosting and maintenance of the website with online booking\"",
            )),
            &p.subject_matter.clone(),
        )?;
        p.purpose = self.text(
            "processing.purpose",
            self.t(
                "Zweck: Wozu werden die Daten verarbeitet?",
                "Purpose: what is the data processed for?",
            ),
            Some(self.t(
                "z. B. »Bereitstellung der Website und Verwaltung von Terminanfragen«",
                "e.g. \"Providing the website and managing appointment requests\"",
            )),
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
            self.t(
                "Art der Verarbeitung: Was geschieht mit den Daten? (Art. 4 Nr. 2 DSGVO)",
                "Nature of the processing: what happens to the data? (Art. 4(2) GDPR)",
            ),
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
            self.t(
                "Welche Arten personenbezogener Daten?",
                "Which types of personal data?",
            ),
            self.t("ankreuzen, was verarbeitet wird", "tick what is processed"),
            self.t(
                "Weitere Datenart als Freitext (optional)",
                "Another type of data as free text (optional)",
            ),
            &cats.data_categories,
            &mut p.data_categories,
            &["identification", "contact"],
        )?;
        p.special_categories = self.pick_ids(
            "data.special",
            self.t(
                "Besondere Kategorien nach Art. 9 DSGVO? (meist keine)",
                "Special categories under Art. 9 GDPR? (usually none)",
            ),
            Some(self.t(
                "Art. 9: Daten über Gesundheit, Herkunft, Religion, Politik, Gewerkschaft, Genetik, Biometrie, Sexualleben – streng geschützt; nur ankreuzen, was wirklich vorkommt",
                "Art. 9: data on health, origin, religion, politics, trade unions, genetics, biometrics, sex life – strictly protected; tick only what really occurs",
            )),
            &cats.special_categories,
            &p.special_categories.clone(),
            false,
        )?;
        if !p.special_categories.is_empty() {
            let msg = self.t(
                "Hinweis: Für Art.-9-Daten verlangt die Prüfung Verschlüsselung und Rollenrechte; die TOM-Vorlage »Gesundheitswesen« enthält sie.",
                "Note: for Art. 9 data the check requires encryption and role-based access; the TOM preset \"Healthcare\" has them.",
            );
            self.say(msg);
        }
        p.criminal_offence_data = self.confirm(
            "data.criminal",
            self.t(
                "Werden Daten über Straftaten oder Verurteilungen verarbeitet? (Art. 10 DSGVO)",
                "Is data on criminal convictions or offences processed? (Art. 10 GDPR)",
            ),
            Some(self.t(
                "z. B. Führungszeugnisse von Beschäftigten",
                "e.g. criminal record certificates of staff",
            )),
            p.criminal_offence_data,
        )?;
        self.items(
            "data.subjects",
            self.t(
                "Wessen Daten sind es? (betroffene Personen)",
                "Whose data is it? (data subjects)",
            ),
            self.t("ankreuzen, wer betroffen ist", "tick who is concerned"),
            self.t(
                "Weitere Gruppe als Freitext (optional)",
                "Another group as free text (optional)",
            ),
            &cats.data_subjects,
            &mut p.data_subjects,
            &["customers"],
        )?;
        Ok(())
    }
}
