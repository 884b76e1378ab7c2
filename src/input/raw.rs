//! The contract file as written (format 1), before validation.
//!
//! Every field is a [`Field`], so a wrong value in one place does not hide the problems in
//! the others. Shapes follow `docs/contract-format.md`; [`crate::model`] turns this into a
//! checked [`crate::model::Contract`].

use serde::Deserialize;

use super::de::Field;

/// A whole contract file.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawContract {
    pub format: Field<u32>,
    pub language: Field<String>,
    pub id: Field<String>,
    pub effective_date: Field<String>,
    pub main_agreement: Field<RawMainAgreement>,
    pub controller: Field<RawParty>,
    pub processor: Field<RawParty>,
    pub processing: Field<RawProcessing>,
    pub instructions: Field<RawInstructions>,
    pub security: Field<RawSecurity>,
    pub subprocessors: Field<RawSubprocessors>,
    pub terms: Field<RawTerms>,
    pub options: Field<RawOptions>,
    pub signatories: Field<Vec<Field<RawSignatory>>>,
}

/// A processor file: only the processor and its TOMs, no controller (for the TOM document
/// before any contract exists; see docs/processor-file.md).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawProcessorFile {
    pub format: Field<u32>,
    pub language: Field<String>,
    pub id: Field<String>,
    pub processor: Field<RawParty>,
    pub security: Field<RawSecurity>,
}

/// The service contract the DPA belongs to.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawMainAgreement {
    pub title: Field<String>,
    pub date: Field<String>,
}

/// A postal address.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawAddress {
    pub street: Field<String>,
    pub postal_code: Field<String>,
    pub city: Field<String>,
    pub region: Field<String>,
    pub country: Field<String>,
}

/// A person acting for a party.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawPerson {
    pub name: Field<String>,
    pub role: Field<String>,
    pub email: Field<String>,
    pub phone: Field<String>,
}

/// Controller or processor.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawParty {
    pub name: Field<String>,
    pub address: Field<RawAddress>,
    pub register: Field<String>,
    pub representative: Field<RawPerson>,
    pub contact: Field<RawPerson>,
    pub dpo: Field<RawPerson>,
    pub staff_processing_data: Field<u32>,
}

/// How long the processing lasts.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawDuration {
    #[serde(rename = "type")]
    pub kind: Field<String>,
    pub until: Field<String>,
    pub notice: Field<String>,
}

/// What is processed, how and where.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawProcessing {
    pub subject_matter: Field<String>,
    pub purpose: Field<String>,
    pub duration: Field<RawDuration>,
    pub operations: Field<Vec<Field<String>>>,
    pub data_categories: Field<Vec<Field<RawItemField>>>,
    pub special_categories: Field<Vec<Field<String>>>,
    pub criminal_offence_data: Field<bool>,
    pub data_subjects: Field<Vec<Field<RawItemField>>>,
    pub locations: Field<Vec<Field<String>>>,
    pub transfer: Field<RawTransfer>,
}

/// `transfer`: one basis id for every location outside the EEA, or a map from location to
/// basis id (`{ US: dpf, IN: scc }`), keys in the order written.
#[derive(Debug, Clone, PartialEq)]
pub enum RawTransfer {
    /// One basis id.
    One(String),
    /// Location -> basis id.
    PerLocation(Vec<(String, Field<String>)>),
}

impl<'de> Deserialize<'de> for RawTransfer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawTransfer;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a transfer basis (adequacy, dpf, scc, bcr, derogation) or a map from location to basis, e.g. { US: dpf, IN: scc }")
            }
            fn visit_str<E>(self, v: &str) -> Result<RawTransfer, E> {
                Ok(RawTransfer::One(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<RawTransfer, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    let v = m.next_value::<Field<String>>()?;
                    out.push((k, v));
                }
                Ok(RawTransfer::PerLocation(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A list entry that is either an id or `{ text: ... }`, read without serde's untagged
/// buffering so that an unknown key inside still gets its position.
#[derive(Debug, Clone, PartialEq)]
pub enum RawItemField {
    /// A catalog id.
    Id(String),
    /// Free text.
    Text(String),
}

impl<'de> Deserialize<'de> for RawItemField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawItemField;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a catalog id or { text: ... }")
            }
            fn visit_str<E>(self, v: &str) -> Result<RawItemField, E> {
                Ok(RawItemField::Id(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<RawItemField, A::Error> {
                let mut text = None;
                while let Some(k) = m.next_key::<String>()? {
                    if k == "text" {
                        text = Some(m.next_value::<String>()?);
                    }
                }
                text.map(RawItemField::Text)
                    .ok_or_else(|| serde::de::Error::custom("missing field `text`"))
            }
        }
        d.deserialize_struct(super::de::ID_OR_TEXT, &["text"], V)
    }
}

/// Who may give and receive instructions.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawInstructions {
    pub form: Field<String>,
    pub controller_persons: Field<Vec<Field<RawPerson>>>,
    pub processor_persons: Field<Vec<Field<RawPerson>>>,
}

/// A measure written by the user, filed under an Art. 32(1) area.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawCustomMeasure {
    pub area: Field<String>,
    pub text: Field<String>,
}

/// Technical and organisational measures.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawSecurity {
    pub measures: Field<Vec<Field<String>>>,
    pub custom: Field<Vec<Field<RawCustomMeasure>>>,
    pub certifications: Field<Vec<Field<String>>>,
    pub as_of: Field<String>,
    pub version: Field<String>,
}

/// One subprocessor.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawSubprocessor {
    pub name: Field<String>,
    pub address: Field<RawAddress>,
    pub service: Field<String>,
    pub locations: Field<Vec<Field<String>>>,
    pub transfer: Field<RawTransfer>,
}

/// Subprocessor rules and list.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawSubprocessors {
    pub authorisation: Field<String>,
    pub notice_days: Field<u32>,
    pub list: Field<Vec<Field<RawSubprocessor>>>,
}

/// Audit rights.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawAudits {
    pub notice_days: Field<u32>,
    pub on_site: Field<bool>,
}

/// What happens to the data at the end.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawEndOfProcessing {
    pub choice: Field<String>,
    pub days: Field<u32>,
}

/// Deadlines, audits, liability, law.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawTerms {
    pub breach_notification_hours: Field<u32>,
    pub audits: Field<RawAudits>,
    pub end_of_processing: Field<RawEndOfProcessing>,
    pub liability: Field<String>,
    pub liability_cap_eur: Field<u64>,
    pub governing_law: Field<String>,
    pub jurisdiction: Field<String>,
    pub scc_member_state: Field<String>,
}

/// Optional clauses.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawOptions {
    pub remote_maintenance: Field<bool>,
    pub data_carrier_disposal: Field<bool>,
    pub software_development: Field<bool>,
    pub data_outsourcing: Field<bool>,
    pub seizure_insolvency_notice: Field<bool>,
    pub no_right_of_retention: Field<bool>,
    pub professional_secrecy: Field<bool>,
    pub contractual_penalty_eur: Field<u64>,
}

/// One person who signs.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct RawSignatory {
    pub party: Field<String>,
    pub name: Field<String>,
    pub role: Field<String>,
    pub place: Field<String>,
}
