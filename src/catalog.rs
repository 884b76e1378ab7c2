//! The catalogs: operations (Art. 4(2)), special categories (Art. 9(1)), data categories,
//! data subjects, security measures with their Art. 32(1) area, countries with their EEA
//! and adequacy status, international organisations, the adequacy decisions (Art. 45) with
//! their references and expiry, the EU Member States, transfer bases and the Art. 28
//! requirements the checker traces.
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
    /// An international organisation (`org:` id), not a country: a possible recipient and
    /// location, never an address.
    #[serde(default)]
    pub international_organisation: bool,
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

/// A text in both languages.
#[derive(Debug, Clone, Deserialize)]
pub struct Bilingual {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// The text in a language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// An adequacy decision of the Commission (Art. 45(3) GDPR), from `catalogs/adequacy.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Short id, e.g. `united_kingdom`.
    pub id: String,
    /// Country codes or international organisation ids it covers.
    pub applies_to: Vec<String>,
    /// `adequacy` or `dpf` (EU-US Data Privacy Framework).
    pub basis: String,
    /// Official Journal number in English spelling, e.g. `(EU) 2023/1795` or `2002/2/EC`;
    /// none where it has not been verified.
    pub number: Option<String>,
    /// Date of the decision, ISO `YYYY-MM-DD`.
    pub adopted: String,
    /// Date it ceases to apply, ISO, if it has an end date.
    pub expires: Option<String>,
    /// The limit of a decision that does not cover every recipient, in both languages.
    #[serde(default)]
    pub scope: Option<Bilingual>,
}

impl Decision {
    /// The number in a language's spelling: German writes `EG` where English writes `EC`.
    pub fn number_in(&self, lang: Lang) -> Option<String> {
        self.number.as_ref().map(|n| match lang {
            Lang::De => n.replace("/EC", "/EG"),
            Lang::En => n.clone(),
        })
    }

    /// The expiry date, if the decision has one.
    pub fn expiry(&self) -> Option<crate::model::Date> {
        self.expires
            .as_deref()
            .and_then(crate::model::Date::parse_iso)
    }
}

#[derive(Deserialize)]
struct EntryFile {
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct AdequacyFile {
    reviewed: String,
    decisions: Vec<Decision>,
}

#[derive(Deserialize)]
struct OrganisationEntry {
    id: String,
    de: String,
    en: String,
    #[serde(default)]
    adequacy: bool,
}

#[derive(Deserialize)]
struct OrganisationFile {
    entries: Vec<OrganisationEntry>,
}

#[derive(Deserialize)]
struct EuFile {
    member_states: Vec<String>,
}

#[derive(Deserialize)]
struct SecrecyFile {
    keywords: Vec<String>,
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
    /// International organisations by id (`org:epo`), shaped like countries.
    pub organisations: BTreeMap<String, Country>,
    /// The adequacy decisions (Art. 45 GDPR), in file order.
    pub decisions: Vec<Decision>,
    /// When the adequacy decisions were last reviewed.
    pub decisions_reviewed: String,
    /// The 27 EU Member States (codes).
    pub eu_member_states: Vec<String>,
    /// Lower-case words in a controller's name that point to a profession bound by
    /// professional secrecy (§ 203 StGB).
    pub secrecy_keywords: Vec<String>,
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
    catalog_file!("international_organisations"),
    catalog_file!("adequacy"),
    catalog_file!("eu"),
    catalog_file!("professional_secrecy"),
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
        let of: OrganisationFile = serde_saphyr::from_str(file("international_organisations")?)
            .map_err(|e| format!("catalogs/international_organisations.yaml: {e}"))?;
        let af: AdequacyFile = serde_saphyr::from_str(file("adequacy")?)
            .map_err(|e| format!("catalogs/adequacy.yaml: {e}"))?;
        let eu: EuFile =
            serde_saphyr::from_str(file("eu")?).map_err(|e| format!("catalogs/eu.yaml: {e}"))?;
        let secrecy: SecrecyFile = serde_saphyr::from_str(file("professional_secrecy")?)
            .map_err(|e| format!("catalogs/professional_secrecy.yaml: {e}"))?;
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
            organisations: of
                .entries
                .into_iter()
                .map(|o| {
                    let org = Country {
                        code: o.id.clone(),
                        de: o.de,
                        en: o.en,
                        eea: false,
                        adequacy: o.adequacy,
                        dpf: false,
                        international_organisation: true,
                    };
                    (o.id, org)
                })
                .collect(),
            decisions: af.decisions,
            decisions_reviewed: af.reviewed,
            eu_member_states: eu.member_states,
            secrecy_keywords: secrecy
                .keywords
                .into_iter()
                .map(|k| k.to_lowercase())
                .collect(),
        };
        cats.check_references()?;
        Ok(cats)
    }

    fn check_references(&self) -> Result<(), String> {
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
        self.check_decisions()
    }

    /// Every adequacy decision names known locations and valid dates; every location with
    /// `adequacy: true` (and the US for `dpf`) has exactly one decision; the EU list holds
    /// known countries of the EEA.
    fn check_decisions(&self) -> Result<(), String> {
        let ad = "catalogs/adequacy.yaml";
        for d in &self.decisions {
            if !matches!(d.basis.as_str(), "adequacy" | "dpf") {
                return Err(format!("{ad}: `{}` has basis `{}`", d.id, d.basis));
            }
            if crate::model::Date::parse_iso(&d.adopted).is_none()
                || (d.expires.is_some() && d.expiry().is_none())
            {
                return Err(format!(
                    "{ad}: `{}` has a date that is not YYYY-MM-DD",
                    d.id
                ));
            }
            for loc in &d.applies_to {
                let Some(l) = self.location(loc) else {
                    return Err(format!("{ad}: `{}` applies to unknown `{loc}`", d.id));
                };
                let fits = match d.basis.as_str() {
                    "dpf" => l.dpf,
                    _ => l.adequacy,
                };
                if !fits {
                    return Err(format!(
                        "{ad}: `{}` applies to `{loc}`, which is not marked adequate",
                        d.id
                    ));
                }
            }
        }
        for l in self.countries.values().chain(self.organisations.values()) {
            for (flag, basis) in [(l.adequacy, "adequacy"), (l.dpf, "dpf")] {
                let n = self
                    .decisions
                    .iter()
                    .filter(|d| d.basis == basis && d.applies_to.contains(&l.code))
                    .count();
                if flag && n != 1 {
                    return Err(format!(
                        "{ad}: `{}` needs exactly one `{basis}` decision, found {n}",
                        l.code
                    ));
                }
            }
        }
        for m in &self.eu_member_states {
            if !self.country(m).is_some_and(|c| c.eea) {
                return Err(format!(
                    "catalogs/eu.yaml: `{m}` is not a country of the EEA"
                ));
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

    /// A processing location or recipient: a country by code, or an international
    /// organisation by its `org:` id.
    pub fn location(&self, id: &str) -> Option<&Country> {
        self.countries
            .get(id)
            .or_else(|| self.organisations.get(id))
    }

    /// The adequacy decision that covers a location for a basis (`adequacy` or `dpf`).
    pub fn decision(&self, location: &str, basis: &str) -> Option<&Decision> {
        self.decisions
            .iter()
            .find(|d| d.basis == basis && d.applies_to.iter().any(|l| l == location))
    }

    /// Whether a controller's name points to a profession bound by professional secrecy
    /// (§ 203 StGB): doctors, dentists, therapists, lawyers, tax advisers, ...
    pub fn secrecy_profession(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        self.secrecy_keywords
            .iter()
            .any(|k| name.contains(k.as_str()))
    }

    /// Whether a contract's controller is likely bound by professional secrecy (§ 203
    /// StGB): its name points to such a profession, health data (Art. 9(1)) are processed,
    /// or patients are among the data subjects. The wizard offers
    /// `options.professional_secrecy` then, and `dpa check` notes its absence.
    pub fn secrecy_likely<'s>(
        &self,
        controller_name: &str,
        special_categories: &[String],
        mut data_subject_ids: impl Iterator<Item = &'s str>,
    ) -> bool {
        self.secrecy_profession(controller_name)
            || special_categories.iter().any(|c| c == "health")
            || data_subject_ids.any(|s| s == "patients")
    }

    /// Whether a country code is one of the 27 EU Member States.
    pub fn is_eu_member_state(&self, code: &str) -> bool {
        self.eu_member_states.iter().any(|m| m == code)
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
    fn adequacy_decisions_are_current() {
        let c = Catalogs::get().expect("catalogs");
        // Brazil: Implementing Decision (EU) 2026/179 of 26 January 2026.
        let br = c.decision("BR", "adequacy").expect("Brazil");
        assert_eq!(br.number.as_deref(), Some("(EU) 2026/179"));
        assert!(c.country("BR").expect("BR").adequacy);
        // The United Kingdom: renewed until 27 December 2031.
        let gb = c.decision("GB", "adequacy").expect("UK");
        assert_eq!(gb.expires.as_deref(), Some("2031-12-27"));
        // The European Patent Organisation: an international organisation, not a country.
        let epo = c.location("org:epo").expect("EPO");
        assert!(epo.international_organisation && epo.adequacy && !epo.eea);
        assert!(c.country("org:epo").is_none(), "never an address country");
        assert_eq!(
            c.decision("org:epo", "adequacy")
                .map(|d| d.adopted.as_str()),
            Some("2025-07-15")
        );
        // The US only for DPF-certified organisations, with the limit named.
        let us = c.decision("US", "dpf").expect("DPF");
        assert!(us.scope.is_some() && c.decision("US", "adequacy").is_none());
        for code in ["CA", "JP"] {
            assert!(
                c.decision(code, "adequacy")
                    .and_then(|d| d.scope.as_ref())
                    .is_some(),
                "{code}"
            );
        }
        assert_eq!(
            c.decision("CA", "adequacy")
                .and_then(|d| d.number_in(Lang::De)),
            Some("2002/2/EG".to_string())
        );
        assert!(c.secrecy_profession("Zahnarztpraxis Dr. Weber"));
        assert!(c.secrecy_profession("Kranich & Partner Steuerberatungsgesellschaft mbB"));
        assert!(!c.secrecy_profession("Gartenfreude Versand GmbH"));
        // EU Member States: 27, without the EEA-only states.
        assert_eq!(c.eu_member_states.len(), 27);
        assert!(c.is_eu_member_state("DE") && !c.is_eu_member_state("NO"));
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
