//! The catalogs: operations (Art. 4(2)), special categories (Art. 9(1)), data categories,
//! data subjects, security measures with their Art. 32(1) area, countries with their EEA
//! and adequacy status, transfer bases and the Art. 28 requirements the checker traces.
//!
//! They are data files under `catalogs/`, embedded in the binary and parsed once per process.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::Lang;

/// The wording of a catalog entry in one language.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Wording {
    /// Short name.
    pub label: String,
    /// One line for people who do not know the term (wizard help).
    #[serde(default)]
    pub help: Option<String>,
    /// Concrete contract wording (security measures).
    #[serde(default)]
    pub text: Option<String>,
    /// The legal reference, in the language's citation style.
    #[serde(default)]
    pub article: Option<String>,
}

/// One catalog entry.
#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    /// The id used in contract files.
    pub id: String,
    /// German wording.
    pub de: Wording,
    /// English wording.
    pub en: Wording,
    /// Art. 32(1) area (security measures only).
    #[serde(default)]
    pub area: Option<String>,
    /// Classic German control (security measures only).
    #[serde(default)]
    pub control: Option<String>,
    /// SDM protection goal (security measures only).
    #[serde(default)]
    pub goal: Option<String>,
    /// Letter of Art. 32(1) (areas only).
    #[serde(default)]
    pub letter: Option<String>,
    /// Controls of an area.
    #[serde(default)]
    pub controls: Vec<String>,
    /// Protection goals of an area.
    #[serde(default)]
    pub goals: Vec<String>,
    /// Measures of a preset.
    #[serde(default)]
    pub measures: Vec<String>,
}

impl Entry {
    /// The wording in a language.
    pub fn wording(&self, lang: Lang) -> &Wording {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }

    /// The label in a language.
    pub fn label(&self, lang: Lang) -> &str {
        &self.wording(lang).label
    }
}

/// A list of entries in file order, with lookup by id.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Entries in file order.
    pub entries: Vec<Entry>,
    index: BTreeMap<String, usize>,
}

impl Catalog {
    fn from_entries(entries: Vec<Entry>) -> Result<Self, String> {
        let mut index = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            if index.insert(e.id.clone(), i).is_some() {
                return Err(format!("duplicate id `{}`", e.id));
            }
        }
        Ok(Catalog { entries, index })
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    /// All ids, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.id.as_str())
    }
}

/// A country (ISO 3166-1 alpha-2) with its data protection status.
#[derive(Debug, Clone, Deserialize)]
pub struct Country {
    /// Upper-case two-letter code.
    pub code: String,
    /// German name.
    pub de: String,
    /// English name.
    pub en: String,
    /// In the European Economic Area.
    #[serde(default)]
    pub eea: bool,
    /// Has an adequacy decision under Art. 45 GDPR.
    #[serde(default)]
    pub adequacy: bool,
    /// Transfers possible under the EU-US Data Privacy Framework (US only).
    #[serde(default)]
    pub dpf: bool,
}

impl Country {
    /// The name in a language.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }

    /// Whether a transfer to this country needs a stated basis (outside the EEA and no
    /// adequacy decision; the US always needs one).
    pub fn needs_basis(&self) -> bool {
        !self.eea && !self.adequacy
    }
}

#[derive(Deserialize)]
struct EntryFile {
    entries: Vec<Entry>,
}

/// A country whose postal codes are a fixed number of digits (`catalogs/postal_codes.yaml`).
#[derive(Debug, Clone, Deserialize)]
pub struct PostalCodeFormat {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// How many digits every postal code has.
    pub digits: usize,
    /// Whether real codes begin with 0 (so a code one digit short likely lost it).
    #[serde(default)]
    pub leading_zero: bool,
}

#[derive(Deserialize)]
struct PostalCodeFile {
    entries: Vec<PostalCodeFormat>,
}

#[derive(Deserialize)]
struct CountryFile {
    reviewed: String,
    entries: Vec<Country>,
}

/// All catalogs.
#[derive(Debug)]
pub struct Catalogs {
    /// Art. 4(2) operations.
    pub operations: Catalog,
    /// Art. 9(1) special categories.
    pub special_categories: Catalog,
    /// Categories of personal data.
    pub data_categories: Catalog,
    /// Categories of data subjects.
    pub data_subjects: Catalog,
    /// Technical and organisational measures.
    pub measures: Catalog,
    /// The seven Art. 32(1) areas, in order.
    pub areas: Catalog,
    /// Classic German controls.
    pub controls: Catalog,
    /// SDM protection goals.
    pub goals: Catalog,
    /// Transfer bases (Chapter V GDPR).
    pub transfer_bases: Catalog,
    /// Requirements the checker traces (Art. 28 and friends).
    pub requirements: Catalog,
    /// TOM presets for the wizard.
    pub presets: Catalog,
    /// Countries by code.
    pub countries: BTreeMap<String, Country>,
    /// When the country list (EEA, adequacy) was last reviewed.
    pub countries_reviewed: String,
    /// Countries whose postal codes are a fixed number of digits, by country code.
    pub postal_codes: BTreeMap<String, PostalCodeFormat>,
}

macro_rules! catalog_file {
    ($name:literal) => {
        ($name, include_str!(concat!("../catalogs/", $name, ".yaml")))
    };
}

/// The raw catalog files, by name (also used by tests and `dpa clauses`).
pub const FILES: &[(&str, &str)] = &[
    catalog_file!("operations"),
    catalog_file!("special_categories"),
    catalog_file!("data_categories"),
    catalog_file!("data_subjects"),
    catalog_file!("measures"),
    catalog_file!("areas"),
    catalog_file!("controls"),
    catalog_file!("goals"),
    catalog_file!("transfer_bases"),
    catalog_file!("requirements"),
    catalog_file!("presets"),
    catalog_file!("countries"),
    catalog_file!("postal_codes"),
    catalog_file!("csv_columns"),
];

fn file(name: &str) -> Result<&'static str, String> {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .ok_or_else(|| format!("catalog {name} missing"))
}

fn load_catalog(name: &str) -> Result<Catalog, String> {
    let f: EntryFile =
        serde_saphyr::from_str(file(name)?).map_err(|e| format!("catalogs/{name}.yaml: {e}"))?;
    Catalog::from_entries(f.entries).map_err(|e| format!("catalogs/{name}.yaml: {e}"))
}

impl Catalogs {
    fn load() -> Result<Self, String> {
        let cf: CountryFile = serde_saphyr::from_str(file("countries")?)
            .map_err(|e| format!("catalogs/countries.yaml: {e}"))?;
        let pc: PostalCodeFile = serde_saphyr::from_str(file("postal_codes")?)
            .map_err(|e| format!("catalogs/postal_codes.yaml: {e}"))?;
        let cats = Catalogs {
            operations: load_catalog("operations")?,
            special_categories: load_catalog("special_categories")?,
            data_categories: load_catalog("data_categories")?,
            data_subjects: load_catalog("data_subjects")?,
            measures: load_catalog("measures")?,
            areas: load_catalog("areas")?,
            controls: load_catalog("controls")?,
            goals: load_catalog("goals")?,
            transfer_bases: load_catalog("transfer_bases")?,
            requirements: load_catalog("requirements")?,
            presets: load_catalog("presets")?,
            countries: cf
                .entries
                .into_iter()
                .map(|c| (c.code.clone(), c))
                .collect(),
            countries_reviewed: cf.reviewed,
            postal_codes: pc
                .entries
                .into_iter()
                .map(|p| (p.country.clone(), p))
                .collect(),
        };
        cats.check_references()?;
        Ok(cats)
    }

    fn check_references(&self) -> Result<(), String> {
        if let Some(p) = self
            .postal_codes
            .values()
            .find(|p| !self.countries.contains_key(&p.country) || p.digits == 0)
        {
            return Err(format!("postal_codes: `{}` is not a country", p.country));
        }
        for m in &self.measures.entries {
            let refs = [
                (&self.areas, &m.area, "area"),
                (&self.controls, &m.control, "control"),
                (&self.goals, &m.goal, "goal"),
            ];
            for (cat, value, what) in refs {
                match value {
                    Some(v) if cat.get(v).is_some() => {}
                    _ => return Err(format!("measure `{}` has no valid {what}", m.id)),
                }
            }
        }
        for p in &self.presets.entries {
            if let Some(bad) = p.measures.iter().find(|m| self.measures.get(m).is_none()) {
                return Err(format!("preset `{}` names unknown measure `{bad}`", p.id));
            }
        }
        Ok(())
    }

    /// The catalogs, parsed once per process.
    pub fn get() -> Result<&'static Catalogs, crate::Error> {
        static CATALOGS: LazyLock<Result<Catalogs, String>> = LazyLock::new(Catalogs::load);
        CATALOGS
            .as_ref()
            .map_err(|e| crate::Error::Internal(format!("built-in catalog is broken: {e}")))
    }

    /// A country by code (upper case).
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.get(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_load_and_cover_the_format() {
        let c = Catalogs::get().expect("catalogs");
        for id in [
            "collection",
            "recording",
            "organisation",
            "structuring",
            "storage",
            "adaptation",
            "retrieval",
            "consultation",
            "use",
            "disclosure",
            "dissemination",
            "alignment",
            "combination",
            "restriction",
            "erasure",
            "destruction",
        ] {
            assert!(c.operations.get(id).is_some(), "operation {id}");
        }
        for id in [
            "racial_ethnic_origin",
            "political_opinions",
            "religious_beliefs",
            "trade_union_membership",
            "genetic",
            "biometric",
            "health",
            "sex_life",
        ] {
            assert!(c.special_categories.get(id).is_some(), "special {id}");
        }
        for id in [
            "identification",
            "contact",
            "contract",
            "payment",
            "bank",
            "communication",
            "usage",
            "device",
            "location",
            "appointment",
            "employment",
            "applicant",
            "images",
            "credentials",
            "tax",
        ] {
            assert!(c.data_categories.get(id).is_some(), "data category {id}");
        }
        for id in [
            "customers",
            "prospects",
            "employees",
            "applicants",
            "suppliers",
            "business_contacts",
            "website_visitors",
            "app_users",
            "newsletter_subscribers",
            "patients",
            "students",
            "members",
        ] {
            assert!(c.data_subjects.get(id).is_some(), "data subject {id}");
        }
        for id in [
            "encryption_in_transit",
            "encryption_at_rest",
            "pseudonymisation",
            "mfa",
            "role_based_access",
            "password_policy",
            "access_logging",
            "physical_access_control",
            "alarm_system",
            "visitor_log",
            "client_separation",
            "firewall",
            "malware_protection",
            "patch_management",
            "backup_daily",
            "backup_offsite",
            "restore_tests",
            "ups_power",
            "redundancy",
            "incident_response",
            "staff_confidentiality",
            "staff_training",
            "secure_disposal",
            "penetration_tests",
            "data_protection_officer",
            "vendor_review",
        ] {
            assert!(c.measures.get(id).is_some(), "measure {id}");
        }
        let areas: Vec<&str> = c.areas.ids().collect();
        assert_eq!(
            areas,
            [
                "pseudonymisation_encryption",
                "confidentiality",
                "integrity",
                "availability",
                "resilience",
                "recovery",
                "evaluation"
            ]
        );
        for id in ["adequacy", "dpf", "scc", "bcr", "derogation"] {
            assert!(c.transfer_bases.get(id).is_some(), "transfer basis {id}");
        }
        assert_eq!(
            c.countries.values().filter(|c| c.eea).count(),
            37,
            "27 EU + IS, LI, NO + 7 EU territories"
        );
        let us = c.country("US").expect("US");
        assert!(us.dpf && !us.adequacy && us.needs_basis());
        assert!(!c.country("NO").expect("NO").needs_basis());
        assert!(!c.country("GB").expect("GB").needs_basis());
    }

    #[test]
    fn every_entry_is_worded_in_both_languages() {
        let c = Catalogs::get().expect("catalogs");
        let all = [
            &c.operations,
            &c.special_categories,
            &c.data_categories,
            &c.data_subjects,
            &c.measures,
            &c.areas,
            &c.controls,
            &c.goals,
            &c.transfer_bases,
            &c.requirements,
            &c.presets,
        ];
        for cat in all {
            for e in &cat.entries {
                assert!(!e.de.label.trim().is_empty(), "{} de", e.id);
                assert!(!e.en.label.trim().is_empty(), "{} en", e.id);
            }
        }
        for m in &c.measures.entries {
            assert!(
                m.de.text.is_some() && m.en.text.is_some(),
                "measure {} text",
                m.id
            );
        }
        for country in c.countries.values() {
            assert!(
                !country.de.is_empty() && !country.en.is_empty(),
                "{}",
                country.code
            );
        }
    }
}
