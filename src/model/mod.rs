//! The checked contract: every required field present, every id known, every default applied.
//!
//! [`validate`] is the one place where raw input (from a YAML file or from the wizard)
//! becomes a [`Contract`]; it reports every problem at once.

pub mod country;
mod date;
pub mod rules;
mod validate;

use serde::Serialize;

pub use date::Date;
pub use rules::TEXT_LIMIT;
pub use validate::{validate, validate_processor_file};

use crate::Lang;

/// A checked data processing agreement (contract format 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contract {
    /// Contract format number (1).
    pub format: u32,
    /// Output language.
    pub language: Lang,
    /// Reference chosen by the user, if any.
    pub id: Option<String>,
    /// Date the agreement takes effect; none means "when the last party signs".
    pub effective_date: Option<Date>,
    /// The service contract this DPA belongs to.
    pub main_agreement: Option<MainAgreement>,
    /// The controller (Auftraggeber).
    pub controller: Party,
    /// The processor (Auftragnehmer).
    pub processor: Party,
    /// What is processed, how and where.
    pub processing: Processing,
    /// Who may instruct whom, and how.
    pub instructions: Instructions,
    /// Technical and organisational measures (Art. 32).
    pub security: Security,
    /// Subprocessors (Art. 28(2), (4)).
    pub subprocessors: Subprocessors,
    /// Deadlines, audits, end of processing, liability, law.
    pub terms: Terms,
    /// Optional clauses.
    pub options: Options,
    /// The people who sign.
    pub signatories: Vec<Signatory>,
}

/// A processor file (format 1): the processor and its technical and organisational measures,
/// without a controller or any contract terms. It gives the TOM document
/// (`dpa render FILE --part toms`) before any contract exists; see docs/processor-file.md.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessorFile {
    /// Format number (1).
    pub format: u32,
    /// Output language.
    pub language: Lang,
    /// Reference printed in the footer of the TOM document.
    pub id: Option<String>,
    /// The processor (Auftragnehmer).
    pub processor: Party,
    /// Its technical and organisational measures (Art. 32 GDPR).
    pub security: Security,
}

/// The service contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MainAgreement {
    /// Its title.
    pub title: String,
    /// Its date.
    pub date: Option<Date>,
}

/// A postal address. Printed by [`crate::address`] in the country's postal order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Address {
    /// Street and number (may name a building, suite or floor too).
    pub street: String,
    /// Postal code; none only where the country has no postal codes or they are optional
    /// (`postal_codes` in `catalogs/countries.yaml`). Left out of the canonical JSON when
    /// none, so fingerprints of contracts written before it became optional stay the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// City.
    pub city: String,
    /// State, province or county, where the country's addresses name one (US "WA", CA
    /// "ON"); left out of the canonical JSON when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code (or `XK`, Kosovo), upper case.
    pub country: String,
}

/// A person: representative, contact, DPO, authorised person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    /// Full name (or company name for an external DPO).
    pub name: String,
    /// Role or title.
    pub role: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
}

/// Controller or processor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Party {
    /// Legal name.
    pub name: String,
    /// Registered address.
    pub address: Address,
    /// Commercial register entry.
    pub register: Option<String>,
    /// Who represents the party.
    pub representative: Person,
    /// Contact person for this agreement.
    pub contact: Option<Person>,
    /// Data protection officer.
    pub dpo: Option<Person>,
    /// How many persons constantly process personal data by automated means at the party
    /// (§ 38(1) BDSG: from 20 a German party must designate a data protection officer).
    /// Not part of the canonical data when absent, so fingerprints of contracts without it
    /// stay as they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_processing_data: Option<u32>,
}

/// A list entry: a catalog id or free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// A catalog id.
    Id(String),
    /// Free text.
    Text(String),
}

/// How long the processing lasts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Duration {
    /// As long as the main agreement.
    MainAgreement,
    /// Until a date.
    Fixed {
        /// The last day.
        until: Date,
    },
    /// Until terminated.
    Indefinite {
        /// The notice period, in words.
        notice: Option<String>,
    },
}

/// Legal basis for a transfer outside the EEA (Chapter V GDPR).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferBasis {
    /// Adequacy decision, Art. 45.
    Adequacy,
    /// EU-US Data Privacy Framework (adequacy decision of 10 July 2023).
    Dpf,
    /// Standard contractual clauses, Decision (EU) 2021/914, Art. 46(2)(c).
    Scc,
    /// Binding corporate rules, Art. 47.
    Bcr,
    /// A derogation under Art. 49.
    Derogation,
}

impl TransferBasis {
    /// All bases, in catalog order.
    pub const ALL: [TransferBasis; 5] = [
        TransferBasis::Adequacy,
        TransferBasis::Dpf,
        TransferBasis::Scc,
        TransferBasis::Bcr,
        TransferBasis::Derogation,
    ];

    /// The id used in contract files.
    pub fn id(self) -> &'static str {
        match self {
            TransferBasis::Adequacy => "adequacy",
            TransferBasis::Dpf => "dpf",
            TransferBasis::Scc => "scc",
            TransferBasis::Bcr => "bcr",
            TransferBasis::Derogation => "derogation",
        }
    }

    /// Parses an id.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.id() == s)
    }
}

/// The transfer basis as the contract states it (`transfer` in `processing` and in each
/// subprocessor): one basis for every location outside the EEA, or one basis per location.
/// [`crate::transfers`] turns it into the basis actually used at each location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transfer {
    /// `transfer: scc`: one basis for every location outside the EEA.
    All(TransferBasis),
    /// `transfer: { US: dpf, IN: scc }`: location (country code or `org:` id) to basis, in
    /// the order written.
    PerLocation(Vec<(String, TransferBasis)>),
}

impl Transfer {
    /// The basis the contract states for a location, and whether it was named for that
    /// location (a map entry) rather than for all of them.
    pub fn stated_for(&self, location: &str) -> Option<(TransferBasis, bool)> {
        match self {
            Transfer::All(b) => Some((*b, false)),
            Transfer::PerLocation(map) => map
                .iter()
                .find(|(l, _)| l == location)
                .map(|(_, b)| (*b, true)),
        }
    }

    /// The single basis, if one is stated for all locations.
    pub fn single(&self) -> Option<TransferBasis> {
        match self {
            Transfer::All(b) => Some(*b),
            Transfer::PerLocation(_) => None,
        }
    }
}

impl Serialize for Transfer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Transfer::All(b) => b.serialize(s),
            Transfer::PerLocation(map) => s.collect_map(map.iter().map(|(l, b)| (l, b))),
        }
    }
}

/// What is processed, how and where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Processing {
    /// Subject matter of the processing.
    pub subject_matter: String,
    /// Purpose.
    pub purpose: String,
    /// Duration.
    pub duration: Duration,
    /// Art. 4(2) operation ids.
    pub operations: Vec<String>,
    /// Types of personal data.
    pub data_categories: Vec<Item>,
    /// Art. 9(1) category ids.
    pub special_categories: Vec<String>,
    /// Art. 10 data.
    pub criminal_offence_data: bool,
    /// Categories of data subjects.
    pub data_subjects: Vec<Item>,
    /// Where the processor processes: country codes, or `org:` ids of international
    /// organisations.
    pub locations: Vec<String>,
    /// The processor's own transfer basis.
    pub transfer: Option<Transfer>,
}

/// Form of instructions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InstructionForm {
    /// Text form (e.g. e-mail).
    Text,
    /// Written form.
    Written,
}

/// Instructions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instructions {
    /// Form.
    pub form: InstructionForm,
    /// People who may instruct on the controller's side.
    pub controller_persons: Vec<Person>,
    /// People who receive instructions on the processor's side.
    pub processor_persons: Vec<Person>,
}

/// A measure written by the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomMeasure {
    /// Art. 32(1) area id.
    pub area: String,
    /// The measure.
    pub text: String,
}

/// Technical and organisational measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Security {
    /// Catalog measure ids.
    pub measures: Vec<String>,
    /// Measures written by the user.
    pub custom: Vec<CustomMeasure>,
    /// Certifications (e.g. ISO/IEC 27001).
    pub certifications: Vec<String>,
    /// The date the measures were last reviewed ("Stand"), printed in the TOM document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The version of the measures, e.g. `2.1`, printed in the TOM document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// General or specific authorisation (Art. 28(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Authorisation {
    /// General written authorisation with advance notice and a right to object.
    General,
    /// Prior specific written authorisation for each subprocessor.
    Specific,
}

/// One subprocessor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subprocessor {
    /// Legal name.
    pub name: String,
    /// Address.
    pub address: Address,
    /// What it does.
    pub service: String,
    /// Where it processes: country codes or `org:` ids.
    pub locations: Vec<String>,
    /// Transfer basis for locations outside the EEA.
    pub transfer: Option<Transfer>,
}

/// Subprocessor rules and list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subprocessors {
    /// Kind of authorisation.
    pub authorisation: Authorisation,
    /// Advance notice of changes, in days.
    pub notice_days: u32,
    /// The subprocessors engaged at conclusion.
    pub list: Vec<Subprocessor>,
}

/// What happens at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndChoice {
    /// Delete.
    Delete,
    /// Return.
    Return,
    /// Return, then delete.
    ReturnThenDelete,
}

/// Liability model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Liability {
    /// Statutory rules.
    Statutory,
    /// A cap in the internal relationship.
    Capped,
}

/// Terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Terms {
    /// Breach notification deadline, hours.
    pub breach_notification_hours: u32,
    /// Audit notice, days.
    pub audit_notice_days: u32,
    /// On-site inspections allowed.
    pub audit_on_site: bool,
    /// End of processing choice.
    pub end_choice: EndChoice,
    /// Days to carry it out.
    pub end_days: u32,
    /// Liability model.
    pub liability: Liability,
    /// Cap in EUR.
    pub liability_cap_eur: Option<u64>,
    /// Governing law, country code.
    pub governing_law: String,
    /// Place of jurisdiction.
    pub jurisdiction: Option<String>,
    /// The EU Member State whose law (Clause 17) and courts (Clause 18) govern standard
    /// contractual clauses (Decision (EU) 2021/914): as given, else the controller's
    /// country if it is a Member State, else the governing law's; none if neither is.
    pub scc_member_state: Option<String>,
}

/// Optional clauses.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Options {
    /// Remote maintenance (Fernwartung).
    pub remote_maintenance: bool,
    /// Disposal of data carriers.
    pub data_carrier_disposal: bool,
    /// Software development on behalf.
    pub software_development: bool,
    /// Outsourcing of data stocks.
    pub data_outsourcing: bool,
    /// Notice of seizure or insolvency.
    pub seizure_insolvency_notice: bool,
    /// No right of retention (§ 273 BGB).
    pub no_right_of_retention: bool,
    /// The controller is bound by professional secrecy (§ 203 StGB): secrecy obligation with
    /// the notice of criminal liability.
    pub professional_secrecy: bool,
    /// Contractual penalty in EUR.
    pub contractual_penalty_eur: Option<u64>,
}

/// Which party a signatory signs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// The controller.
    Controller,
    /// The processor.
    Processor,
}

impl PartyRole {
    /// The id used in contract files.
    pub fn id(self) -> &'static str {
        match self {
            PartyRole::Controller => "controller",
            PartyRole::Processor => "processor",
        }
    }
}

/// One person who signs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signatory {
    /// For which party.
    pub party: PartyRole,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// Place of signing.
    pub place: Option<String>,
}

impl Contract {
    /// The party with a role.
    pub fn party(&self, role: PartyRole) -> &Party {
        match role {
            PartyRole::Controller => &self.controller,
            PartyRole::Processor => &self.processor,
        }
    }

    /// Canonical JSON of the contract data: the input to ids and fingerprints.
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The id to print: the given one, or `DPA-` and 8 hex digits of the contract's hash.
    pub fn display_id(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => {
                let hex = crate::hex_sha256(self.canonical_json().as_bytes());
                format!("DPA-{}", hex[..8].to_uppercase())
            }
        }
    }
}
