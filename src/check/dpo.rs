//! The rule `dpo_likely_required` (a note): a party that likely has to designate a data
//! protection officer names none.
//!
//! Legal sources: Art. 37(1) GDPR (controller and processor designate one where (b) their
//! core activities consist of processing operations which require regular and systematic
//! monitoring of data subjects on a large scale, or (c) their core activities consist of
//! processing on a large scale of special categories under Art. 9 or of data under Art. 10);
//! § 38(1) BDSG for German parties (sentence 1: as a rule at least 20 persons constantly
//! engaged in the automated processing of personal data; sentence 2: regardless of that
//! number, processing that requires a data protection impact assessment under Art. 35 GDPR,
//! which Art. 35(3)(b) names for large-scale processing of Art. 9 and 10 data).
//!
//! What the contract shows, per party (only parties in the EEA, where the GDPR applies to
//! them directly):
//! - `staff_processing_data` of 20 or more for a party in Germany: § 38(1) sentence 1 BDSG;
//! - Art. 9 or Art. 10 data in the contract: for the processor the processing is its service,
//!   so its core activity; for the controller it is when the data subjects are not only its
//!   own staff (paying employees is an ancillary activity, WP29 Guidelines on DPOs, WP 243
//!   rev.01, 2.1.2). Whether it is "on a large scale" the contract cannot tell, so the note
//!   says so.
//!
//! Monitoring (Art. 37(1)(b)) cannot be read from a contract and is not checked.

use super::Ctx;
use crate::error::Severity;
use crate::model::{Party, PartyRole};

/// § 38(1) sentence 1 BDSG: from this many persons a German party needs a DPO.
pub const BDSG_STAFF_THRESHOLD: u32 = 20;

/// Data subjects whose data a controller processes as an employer: processing only these is
/// an ancillary activity, not a core activity.
const STAFF_ONLY: &[&str] = &["employees", "applicants"];

/// Adds a note for each party that likely needs a data protection officer and names none.
pub(super) fn dpo_likely_required(ctx: &mut Ctx<'_>) {
    let c = &ctx.loaded.contract;
    let p = &c.processing;
    let sensitive = !p.special_categories.is_empty() || p.criminal_offence_data;
    let sensitive_path = if p.special_categories.is_empty() {
        "processing.criminal_offence_data"
    } else {
        "processing.special_categories"
    };
    let only_staff = p
        .data_subjects
        .iter()
        .all(|s| matches!(s, crate::model::Item::Id(id) if STAFF_ONLY.contains(&id.as_str())));
    let mut notes = Vec::new();
    for role in [PartyRole::Controller, PartyRole::Processor] {
        let party: &Party = c.party(role);
        if party.dpo.is_some() {
            continue;
        }
        let country = &party.address.country;
        if !ctx.cats.country(country).is_some_and(|x| x.eea) {
            continue;
        }
        let who = match role {
            PartyRole::Controller => crate::tr!("check-dpo-controller"),
            PartyRole::Processor => crate::tr!("check-dpo-processor"),
        };
        let name = party.name.clone();
        if country == "DE"
            && let Some(n) = party.staff_processing_data
            && n >= BDSG_STAFF_THRESHOLD
        {
            notes.push((
                role,
                format!("{}.staff_processing_data", role.id()),
                crate::tr!("check-dpo-staff", party = who, name = name, count = n),
            ));
            continue;
        }
        let core = match role {
            PartyRole::Processor => true,
            PartyRole::Controller => !only_staff,
        };
        if sensitive && core {
            let message = if country == "DE" {
                crate::tr!("check-dpo-special-de", party = who, name = name)
            } else {
                crate::tr!("check-dpo-special", party = who, name = name)
            };
            notes.push((role, sensitive_path.to_string(), message));
        }
    }
    for (role, path, message) in notes {
        ctx.add(
            Severity::Note,
            "dpo_likely_required",
            &path,
            message,
            crate::tr!("check-dpo-hint", party = role.id()),
        );
    }
}
