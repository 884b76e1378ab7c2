//! Transfers to third countries and international organisations (Chapter V GDPR,
//! Art. 44-50): the basis actually used at each location, from what the contract states
//! (`transfer`, one basis or one per location) and what the catalogs know (EEA, adequacy
//! decisions, the EU-US Data Privacy Framework).
//!
//! One function decides it, [`resolve`], and everything that names a basis uses it: the
//! clauses and annexes (through [`crate::assemble::context`]), the checker and the wizard's
//! summary. So the contract text, Annex IV and `dpa check` can never name different bases
//! for the same location, and no text names a basis the data do not give.
//!
//! The rules, per location:
//! - in the EEA: no transfer in the sense of Chapter V, no basis;
//! - a basis stated for the location (a map entry) is used if it can apply there, otherwise
//!   the location has no basis (`dpf` outside the US, `adequacy` without a decision);
//! - a basis stated for all locations is used where it can apply; where it cannot and the
//!   location has an adequacy decision of its own, that decision is used;
//! - no basis stated: the location's adequacy decision, if it has one; else none.

use crate::catalog::{Catalogs, Country};
use crate::model::{Contract, Transfer, TransferBasis};

/// Why a location outside the EEA has no basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// None is stated and the location has no adequacy decision (Art. 44).
    NoneStated,
    /// `dpf` is stated, but the Data Privacy Framework covers only recipients in the US.
    DpfOutsideUs,
    /// `adequacy` is stated, but the Commission has not found the location adequate.
    AdequacyWithoutDecision,
}

/// The outcome for one location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Inside the EEA: no basis is needed.
    Eea,
    /// The basis actually used.
    Basis(TransferBasis),
    /// Outside the EEA without a basis that applies.
    Missing(Missing),
}

impl Outcome {
    /// The basis used, if any.
    pub fn basis(self) -> Option<TransferBasis> {
        match self {
            Outcome::Basis(b) => Some(b),
            _ => None,
        }
    }
}

/// One location of the processor or of a subprocessor, with its outcome.
#[derive(Debug, Clone)]
pub struct LocationBasis<'a> {
    /// Country code or `org:` id.
    pub location: String,
    /// The catalog entry (none only for a code the catalogs do not know).
    pub country: Option<&'a Country>,
    /// The basis the contract states for it, and whether it was named for this location.
    pub stated: Option<(TransferBasis, bool)>,
    /// What is used.
    pub outcome: Outcome,
}

/// Whether a basis can apply to a location at all.
pub fn applicable(basis: TransferBasis, country: &Country) -> bool {
    match basis {
        TransferBasis::Adequacy => country.adequacy,
        TransferBasis::Dpf => country.dpf,
        TransferBasis::Scc | TransferBasis::Bcr | TransferBasis::Derogation => true,
    }
}

/// The outcome at every location, in the order of `locations`.
pub fn resolve<'a>(
    cats: &'a Catalogs,
    locations: &[String],
    transfer: Option<&Transfer>,
) -> Vec<LocationBasis<'a>> {
    locations
        .iter()
        .map(|loc| {
            let country = cats.location(loc);
            let stated = transfer.and_then(|t| t.stated_for(loc));
            let outcome = match country {
                Some(c) if c.eea => Outcome::Eea,
                Some(c) => outcome(c, stated),
                None => match stated {
                    Some((b, _)) if !matches!(b, TransferBasis::Adequacy | TransferBasis::Dpf) => {
                        Outcome::Basis(b)
                    }
                    _ => Outcome::Missing(Missing::NoneStated),
                },
            };
            LocationBasis {
                location: loc.clone(),
                country,
                stated,
                outcome,
            }
        })
        .collect()
}

fn outcome(c: &Country, stated: Option<(TransferBasis, bool)>) -> Outcome {
    match stated {
        Some((b, _)) if applicable(b, c) => Outcome::Basis(b),
        Some((_, false)) if c.adequacy => Outcome::Basis(TransferBasis::Adequacy),
        Some((TransferBasis::Dpf, _)) => Outcome::Missing(Missing::DpfOutsideUs),
        Some((TransferBasis::Adequacy, _)) => Outcome::Missing(Missing::AdequacyWithoutDecision),
        Some((b, _)) => Outcome::Basis(b),
        None if c.adequacy => Outcome::Basis(TransferBasis::Adequacy),
        None => Outcome::Missing(Missing::NoneStated),
    }
}

/// Locations outside the EEA grouped by the basis used (`None`: no basis), each basis once,
/// in the order of first appearance.
pub fn groups<'r, 'a>(
    resolved: &'r [LocationBasis<'a>],
) -> Vec<(Option<TransferBasis>, Vec<&'r LocationBasis<'a>>)> {
    let mut out: Vec<(Option<TransferBasis>, Vec<&LocationBasis>)> = Vec::new();
    for lb in resolved {
        let key = match lb.outcome {
            Outcome::Eea => continue,
            Outcome::Basis(b) => Some(b),
            Outcome::Missing(_) => None,
        };
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(lb),
            None => out.push((key, vec![lb])),
        }
    }
    out
}

/// The outcomes of a whole contract: the processor's locations, then each subprocessor's.
#[derive(Debug, Clone)]
pub struct ContractTransfers<'a> {
    /// The processor's own locations.
    pub processor: Vec<LocationBasis<'a>>,
    /// Each subprocessor's locations, in list order.
    pub subprocessors: Vec<Vec<LocationBasis<'a>>>,
}

impl ContractTransfers<'_> {
    /// Every location of the contract.
    pub fn all(&self) -> impl Iterator<Item = &LocationBasis<'_>> {
        self.processor
            .iter()
            .chain(self.subprocessors.iter().flatten())
    }

    /// Whether any location uses a basis.
    pub fn uses(&self, basis: TransferBasis) -> bool {
        self.all().any(|l| l.outcome == Outcome::Basis(basis))
    }

    /// Whether any location is outside the EEA.
    pub fn third_country(&self) -> bool {
        self.all().any(|l| l.outcome != Outcome::Eea)
    }
}

/// Resolves every location of a contract.
pub fn of_contract<'a>(c: &Contract, cats: &'a Catalogs) -> ContractTransfers<'a> {
    ContractTransfers {
        processor: resolve(
            cats,
            &c.processing.locations,
            c.processing.transfer.as_ref(),
        ),
        subprocessors: c
            .subprocessors
            .list
            .iter()
            .map(|s| resolve(cats, &s.locations, s.transfer.as_ref()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(locations: &[&str], transfer: Option<Transfer>) -> Vec<Outcome> {
        let cats = Catalogs::get().expect("catalogs");
        let locs: Vec<String> = locations.iter().map(|s| s.to_string()).collect();
        resolve(cats, &locs, transfer.as_ref())
            .into_iter()
            .map(|l| l.outcome)
            .collect()
    }

    use Outcome::*;
    use TransferBasis::*;

    #[test]
    fn one_basis_applies_where_it_can_and_adequacy_fills_in() {
        // The field case: a US vendor in nine countries with `transfer: dpf`.
        let got = outcomes(
            &["US", "AU", "CA", "FR", "IN", "JP", "GB"],
            Some(Transfer::All(Dpf)),
        );
        assert_eq!(
            got,
            [
                Basis(Dpf),
                Missing(super::Missing::DpfOutsideUs),
                Basis(Adequacy),
                Eea,
                Missing(super::Missing::DpfOutsideUs),
                Basis(Adequacy),
                Basis(Adequacy),
            ]
        );
        // SCC stated for all: used also where adequacy exists (the parties chose it).
        assert_eq!(
            outcomes(&["JP", "US"], Some(Transfer::All(Scc))),
            [Basis(Scc), Basis(Scc)]
        );
        assert_eq!(
            outcomes(&["US"], Some(Transfer::All(Adequacy))),
            [Missing(super::Missing::AdequacyWithoutDecision)]
        );
        assert_eq!(
            outcomes(&["US", "CH", "DE"], None),
            [Missing(super::Missing::NoneStated), Basis(Adequacy), Eea]
        );
    }

    #[test]
    fn a_map_names_each_location_and_is_taken_strictly() {
        let map = Transfer::PerLocation(vec![
            ("US".into(), Dpf),
            ("AU".into(), Scc),
            ("IN".into(), Scc),
        ]);
        assert_eq!(
            outcomes(&["US", "AU", "CA", "IN", "KR", "GB"], Some(map)),
            [
                Basis(Dpf),
                Basis(Scc),
                Basis(Adequacy),
                Basis(Scc),
                Basis(Adequacy),
                Basis(Adequacy)
            ]
        );
        // An explicit entry that cannot apply is not replaced by adequacy.
        let wrong = Transfer::PerLocation(vec![("CA".into(), Dpf)]);
        assert_eq!(
            outcomes(&["CA", "SG"], Some(wrong)),
            [
                Missing(super::Missing::DpfOutsideUs),
                Missing(super::Missing::NoneStated)
            ]
        );
    }

    #[test]
    fn groups_name_each_basis_once() {
        let cats = Catalogs::get().expect("catalogs");
        let locs: Vec<String> = ["US", "AU", "CA", "DE", "IN", "JP", "KR", "GB", "org:epo"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let map = Transfer::PerLocation(vec![
            ("US".into(), Dpf),
            ("AU".into(), Scc),
            ("IN".into(), Scc),
        ]);
        let r = resolve(cats, &locs, Some(&map));
        let g: Vec<(Option<TransferBasis>, Vec<&str>)> = groups(&r)
            .into_iter()
            .map(|(b, ls)| (b, ls.iter().map(|l| l.location.as_str()).collect()))
            .collect();
        assert_eq!(
            g,
            [
                (Some(Dpf), vec!["US"]),
                (Some(Scc), vec!["AU", "IN"]),
                (Some(Adequacy), vec!["CA", "JP", "KR", "GB", "org:epo"]),
            ]
        );
    }
}
