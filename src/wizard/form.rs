//! The wizard's answers: one contract in the shape of contract format 1, with every value
//! already checked by the field rules at the prompt, but possibly not yet complete.
//!
//! [`Form`] is what the draft file stores between sessions, what each section edits, and
//! what [`super::yaml_out`] writes out. [`Form::from_contract`] opens an existing contract
//! (`dpa new --from`).

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::model::{
    Authorisation, Contract, Duration, EndChoice, InstructionForm, Item, Liability, Person,
    Transfer,
};

/// All answers of one contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Form {
    /// Contract language, `de` or `en`.
    pub language: String,
    /// The user's own reference.
    pub id: Option<String>,
    /// ISO date the agreement takes effect.
    pub effective_date: Option<String>,
    /// The service contract, if any.
    pub main_agreement: Option<AgreementForm>,
    /// Auftraggeber.
    pub controller: PartyForm,
    /// Auftragnehmer.
    pub processor: PartyForm,
    /// What is processed, how and where.
    pub processing: ProcessingForm,
    /// Who instructs whom.
    pub instructions: InstructionsForm,
    /// TOMs.
    pub security: SecurityForm,
    /// Subprocessors.
    pub subprocessors: SubprocessorsForm,
    /// Deadlines, audits, liability, law.
    pub terms: TermsForm,
    /// Optional clauses.
    pub options: OptionsForm,
    /// The people who sign.
    pub signatories: Vec<SignatoryForm>,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            language: "de".into(),
            id: None,
            effective_date: None,
            main_agreement: None,
            controller: PartyForm::default(),
            processor: PartyForm::default(),
            processing: ProcessingForm::default(),
            instructions: InstructionsForm::default(),
            security: SecurityForm::default(),
            subprocessors: SubprocessorsForm::default(),
            terms: TermsForm::default(),
            options: OptionsForm::default(),
            signatories: Vec::new(),
        }
    }
}

/// The service contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgreementForm {
    /// Its title.
    pub title: String,
    /// Its ISO date.
    pub date: Option<String>,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddressForm {
    /// Street and number.
    pub street: String,
    /// Postal code; empty where the country has none.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// State, province or county, if the contract names one (kept when a contract is
    /// opened and saved again).
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
}

/// A person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    /// Name.
    pub name: String,
    /// Role or title.
    pub role: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
}

/// Controller or processor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartyForm {
    /// Legal name.
    pub name: String,
    /// Address.
    pub address: AddressForm,
    /// Commercial register entry.
    pub register: Option<String>,
    /// Representative.
    pub representative: PersonForm,
    /// Contact person.
    pub contact: Option<PersonForm>,
    /// Data protection officer.
    pub dpo: Option<PersonForm>,
    /// Persons constantly processing personal data by automated means (§ 38(1) BDSG).
    pub staff_processing_data: Option<u32>,
}

/// How long the processing lasts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DurationForm {
    /// As long as the main agreement.
    #[default]
    MainAgreement,
    /// Until an ISO date.
    Fixed {
        /// The last day.
        until: String,
    },
    /// Until terminated.
    Indefinite {
        /// Notice period in words.
        notice: Option<String>,
    },
}

/// A list entry: catalog id or free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemForm {
    /// A catalog id.
    Id(String),
    /// Free text.
    Text(String),
}

/// A transfer basis (`transfer`): one id for every location outside the EEA, or one id per
/// location (`{ US: dpf, IN: scc }`, kept in the order written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TransferForm {
    /// One basis id.
    One(String),
    /// Location (country code or `org:` id) and basis id.
    PerLocation(Vec<(String, String)>),
}

impl TransferForm {
    /// The form of a contract's transfer basis.
    pub fn from_model(t: &Transfer) -> TransferForm {
        match t {
            Transfer::All(b) => TransferForm::One(b.id().to_string()),
            Transfer::PerLocation(map) => TransferForm::PerLocation(
                map.iter()
                    .map(|(l, b)| (l.clone(), b.id().to_string()))
                    .collect(),
            ),
        }
    }

    /// The one basis id, if one is stated for all locations.
    pub fn single(&self) -> Option<&str> {
        match self {
            TransferForm::One(s) => Some(s),
            TransferForm::PerLocation(_) => None,
        }
    }

    /// For the summary: `scc`, or `US: dpf, IN: scc`.
    pub fn describe(&self) -> String {
        match self {
            TransferForm::One(s) => s.clone(),
            TransferForm::PerLocation(map) => map
                .iter()
                .map(|(l, b)| format!("{l}: {b}"))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// What is processed, how and where.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProcessingForm {
    /// Subject matter.
    pub subject_matter: String,
    /// Purpose.
    pub purpose: String,
    /// Duration.
    pub duration: DurationForm,
    /// Operation ids.
    pub operations: Vec<String>,
    /// Data categories.
    pub data_categories: Vec<ItemForm>,
    /// Art. 9 ids.
    pub special_categories: Vec<String>,
    /// Art. 10 data.
    pub criminal_offence_data: bool,
    /// Data subjects.
    pub data_subjects: Vec<ItemForm>,
    /// Country codes or `org:` ids.
    pub locations: Vec<String>,
    /// Transfer basis.
    pub transfer: Option<TransferForm>,
}

/// Instructions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstructionsForm {
    /// `text` or `written`.
    pub form: String,
    /// Empty: the controller's representative.
    pub controller_persons: Vec<PersonForm>,
    /// Empty: the processor's representative.
    pub processor_persons: Vec<PersonForm>,
}

impl Default for InstructionsForm {
    fn default() -> Self {
        InstructionsForm {
            form: "text".into(),
            controller_persons: Vec::new(),
            processor_persons: Vec::new(),
        }
    }
}

/// A measure written by the user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomForm {
    /// Art. 32(1) area id.
    pub area: String,
    /// The measure.
    pub text: String,
}

/// TOMs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SecurityForm {
    /// Measure ids.
    pub measures: Vec<String>,
    /// Own measures.
    pub custom: Vec<CustomForm>,
    /// Certifications.
    pub certifications: Vec<String>,
    /// ISO date the measures were last reviewed (not asked; kept from `--from`).
    pub as_of: Option<String>,
    /// Version of the measures (not asked; kept from `--from`).
    pub version: Option<String>,
}

/// One subprocessor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubprocessorForm {
    /// Name.
    pub name: String,
    /// Address.
    pub address: AddressForm,
    /// Service.
    pub service: String,
    /// Country codes or `org:` ids.
    pub locations: Vec<String>,
    /// Transfer basis.
    pub transfer: Option<TransferForm>,
}

/// Subprocessor rules and list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubprocessorsForm {
    /// `general` or `specific`.
    pub authorisation: String,
    /// Days of notice.
    pub notice_days: u32,
    /// The subprocessors.
    pub list: Vec<SubprocessorForm>,
}

impl Default for SubprocessorsForm {
    fn default() -> Self {
        SubprocessorsForm {
            authorisation: "general".into(),
            notice_days: 30,
            list: Vec::new(),
        }
    }
}

/// Terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TermsForm {
    /// Hours.
    pub breach_notification_hours: u32,
    /// Days.
    pub audit_notice_days: u32,
    /// On-site inspections.
    pub audit_on_site: bool,
    /// `delete`, `return` or `return_then_delete`.
    pub end_choice: String,
    /// Days.
    pub end_days: u32,
    /// `statutory` or `capped`.
    pub liability: String,
    /// Cap in EUR.
    pub liability_cap_eur: Option<u64>,
    /// Country code; none: the controller's country.
    pub governing_law: Option<String>,
    /// Place of jurisdiction.
    pub jurisdiction: Option<String>,
    /// EU Member State of the standard contractual clauses (Clauses 17, 18).
    pub scc_member_state: Option<String>,
}

impl Default for TermsForm {
    fn default() -> Self {
        TermsForm {
            breach_notification_hours: 24,
            audit_notice_days: 14,
            audit_on_site: true,
            end_choice: "return_then_delete".into(),
            end_days: 30,
            liability: "statutory".into(),
            liability_cap_eur: None,
            governing_law: None,
            jurisdiction: None,
            scc_member_state: None,
        }
    }
}

/// Optional clauses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OptionsForm {
    /// Remote maintenance.
    pub remote_maintenance: bool,
    /// Disposal of data carriers.
    pub data_carrier_disposal: bool,
    /// Software development.
    pub software_development: bool,
    /// Outsourcing of data stocks.
    pub data_outsourcing: bool,
    /// Seizure or insolvency notice.
    pub seizure_insolvency_notice: bool,
    /// No right of retention.
    pub no_right_of_retention: bool,
    /// Professional secrecy of the controller (§ 203 StGB).
    pub professional_secrecy: bool,
    /// Contractual penalty in EUR.
    pub contractual_penalty_eur: Option<u64>,
}

/// One person who signs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignatoryForm {
    /// `controller` or `processor`.
    pub party: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// Place.
    pub place: Option<String>,
}

impl OptionsForm {
    /// The switchable clauses: id and value, in file order.
    pub fn flags(&self) -> [(&'static str, bool); 7] {
        [
            ("remote_maintenance", self.remote_maintenance),
            ("data_carrier_disposal", self.data_carrier_disposal),
            ("software_development", self.software_development),
            ("data_outsourcing", self.data_outsourcing),
            ("seizure_insolvency_notice", self.seizure_insolvency_notice),
            ("no_right_of_retention", self.no_right_of_retention),
            ("professional_secrecy", self.professional_secrecy),
        ]
    }

    /// Sets the switchable clauses from the ids that are on.
    pub fn set_flags(&mut self, on: &[String]) {
        let has = |id: &str| on.iter().any(|x| x == id);
        self.remote_maintenance = has("remote_maintenance");
        self.data_carrier_disposal = has("data_carrier_disposal");
        self.software_development = has("software_development");
        self.data_outsourcing = has("data_outsourcing");
        self.seizure_insolvency_notice = has("seizure_insolvency_notice");
        self.no_right_of_retention = has("no_right_of_retention");
        self.professional_secrecy = has("professional_secrecy");
    }
}

fn person(p: &Person) -> PersonForm {
    PersonForm {
        name: p.name.clone(),
        role: p.role.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
    }
}

fn party(p: &crate::model::Party) -> PartyForm {
    PartyForm {
        name: p.name.clone(),
        address: address(&p.address),
        register: p.register.clone(),
        representative: person(&p.representative),
        contact: p.contact.as_ref().map(person),
        dpo: p.dpo.as_ref().map(person),
        staff_processing_data: p.staff_processing_data,
    }
}

fn address(a: &crate::model::Address) -> AddressForm {
    AddressForm {
        street: a.street.clone(),
        postal_code: a.postal_code.clone().unwrap_or_default(),
        city: a.city.clone(),
        region: a.region.clone(),
        country: a.country.clone(),
    }
}

fn items(list: &[Item]) -> Vec<ItemForm> {
    list.iter()
        .map(|i| match i {
            Item::Id(s) => ItemForm::Id(s.clone()),
            Item::Text(s) => ItemForm::Text(s.clone()),
        })
        .collect()
}

impl Form {
    /// An empty form with the format's defaults, in a contract language.
    pub fn new(language: Lang) -> Form {
        Form {
            language: language.code().into(),
            ..Form::default()
        }
    }

    /// The contract language.
    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.language).unwrap_or(Lang::De)
    }

    /// The answers that give this contract (`dpa new --from`). Defaults the loader applied
    /// (authorised persons, governing law) are kept as explicit values, so writing the form
    /// out again gives the same contract.
    pub fn from_contract(c: &Contract) -> Form {
        let p = &c.processing;
        let t = &c.terms;
        let o = &c.options;
        Form {
            language: c.language.code().into(),
            id: c.id.clone(),
            effective_date: c.effective_date.map(|d| d.to_string()),
            main_agreement: c.main_agreement.as_ref().map(|m| AgreementForm {
                title: m.title.clone(),
                date: m.date.map(|d| d.to_string()),
            }),
            controller: party(&c.controller),
            processor: party(&c.processor),
            processing: ProcessingForm {
                subject_matter: p.subject_matter.clone(),
                purpose: p.purpose.clone(),
                duration: match &p.duration {
                    Duration::MainAgreement => DurationForm::MainAgreement,
                    Duration::Fixed { until } => DurationForm::Fixed {
                        until: until.to_string(),
                    },
                    Duration::Indefinite { notice } => DurationForm::Indefinite {
                        notice: notice.clone(),
                    },
                },
                operations: p.operations.clone(),
                data_categories: items(&p.data_categories),
                special_categories: p.special_categories.clone(),
                criminal_offence_data: p.criminal_offence_data,
                data_subjects: items(&p.data_subjects),
                locations: p.locations.clone(),
                transfer: p.transfer.as_ref().map(TransferForm::from_model),
            },
            instructions: InstructionsForm {
                form: match c.instructions.form {
                    InstructionForm::Text => "text",
                    InstructionForm::Written => "written",
                }
                .into(),
                controller_persons: c
                    .instructions
                    .controller_persons
                    .iter()
                    .map(person)
                    .collect(),
                processor_persons: c
                    .instructions
                    .processor_persons
                    .iter()
                    .map(person)
                    .collect(),
            },
            security: SecurityForm {
                measures: c.security.measures.clone(),
                custom: c
                    .security
                    .custom
                    .iter()
                    .map(|m| CustomForm {
                        area: m.area.clone(),
                        text: m.text.clone(),
                    })
                    .collect(),
                certifications: c.security.certifications.clone(),
                as_of: c.security.as_of.map(|d| d.to_string()),
                version: c.security.version.clone(),
            },
            subprocessors: SubprocessorsForm {
                authorisation: match c.subprocessors.authorisation {
                    Authorisation::General => "general",
                    Authorisation::Specific => "specific",
                }
                .into(),
                notice_days: c.subprocessors.notice_days,
                list: c
                    .subprocessors
                    .list
                    .iter()
                    .map(|s| SubprocessorForm {
                        name: s.name.clone(),
                        address: address(&s.address),
                        service: s.service.clone(),
                        locations: s.locations.clone(),
                        transfer: s.transfer.as_ref().map(TransferForm::from_model),
                    })
                    .collect(),
            },
            terms: TermsForm {
                breach_notification_hours: t.breach_notification_hours,
                audit_notice_days: t.audit_notice_days,
                audit_on_site: t.audit_on_site,
                end_choice: match t.end_choice {
                    EndChoice::Delete => "delete",
                    EndChoice::Return => "return",
                    EndChoice::ReturnThenDelete => "return_then_delete",
                }
                .into(),
                end_days: t.end_days,
                liability: match t.liability {
                    Liability::Statutory => "statutory",
                    Liability::Capped => "capped",
                }
                .into(),
                liability_cap_eur: t.liability_cap_eur,
                governing_law: Some(t.governing_law.clone()),
                jurisdiction: t.jurisdiction.clone(),
                scc_member_state: t.scc_member_state.clone(),
            },
            options: OptionsForm {
                remote_maintenance: o.remote_maintenance,
                data_carrier_disposal: o.data_carrier_disposal,
                software_development: o.software_development,
                data_outsourcing: o.data_outsourcing,
                seizure_insolvency_notice: o.seizure_insolvency_notice,
                no_right_of_retention: o.no_right_of_retention,
                professional_secrecy: o.professional_secrecy,
                contractual_penalty_eur: o.contractual_penalty_eur,
            },
            signatories: c
                .signatories
                .iter()
                .map(|s| SignatoryForm {
                    party: s.party.id().into(),
                    name: s.name.clone(),
                    role: s.role.clone(),
                    place: s.place.clone(),
                })
                .collect(),
        }
    }
}
