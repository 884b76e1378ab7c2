//! The transfer rules of `dpa check` (Chapter V GDPR, Art. 44-50): for the processor and
//! each subprocessor, the basis actually used at each location ([`crate::transfers`]) is
//! checked, named in a note, and tested for limits (scope, expiry, derogations, DPF
//! recipients, the SCC Member State, sensitive data abroad).

use crate::catalog::Country;
use crate::error::Severity;
use crate::model::{Date, Transfer, TransferBasis};
use crate::transfers::{self, LocationBasis, Missing, Outcome};
use crate::{i18n, tr};

use super::Ctx;

/// One party that processes: the processor or a subprocessor.
struct Entity<'a> {
    who: String,
    seat: &'a str,
    transfer: Option<&'a Transfer>,
    loc_path: String,
    basis_path: String,
    module: &'static str,
}

/// "India (IN)" in the message language.
fn place(c: Option<&Country>, code: &str) -> String {
    match c {
        Some(c) => format!("{} ({code})", c.name(i18n::lang())),
        None => code.to_string(),
    }
}

fn places(ls: &[&LocationBasis]) -> String {
    ls.iter()
        .map(|l| place(l.country, &l.location))
        .collect::<Vec<_>>()
        .join(", ")
}

fn basis_label(ctx: &Ctx<'_>, b: TransferBasis) -> String {
    ctx.cats
        .transfer_bases
        .get(b.id())
        .map(|e| e.label(i18n::lang()).to_string())
        .unwrap_or_else(|| b.id().to_string())
}

impl Entity<'_> {
    /// Where a finding about one location's basis points: the map entry if there is one,
    /// else the location.
    fn path_for(&self, lb: &LocationBasis, index: usize) -> String {
        match lb.stated {
            Some((_, true)) => format!("{}.{}", self.basis_path, lb.location),
            _ => format!("{}[{index}]", self.loc_path),
        }
    }
}

/// All transfer rules.
pub(super) fn check(ctx: &mut Ctx<'_>, today: Date) {
    let c = ctx.loaded.contract.clone();
    let all = transfers::of_contract(&c, ctx.cats);
    let mut entities = vec![Entity {
        who: tr!("check-who-processor"),
        seat: &c.processor.address.country,
        transfer: c.processing.transfer.as_ref(),
        loc_path: "processing.locations".into(),
        basis_path: "processing.transfer".into(),
        module: "2",
    }];
    for (i, s) in c.subprocessors.list.iter().enumerate() {
        entities.push(Entity {
            who: tr!("check-who-subprocessor", name = s.name.as_str()),
            seat: &s.address.country,
            transfer: s.transfer.as_ref(),
            loc_path: format!("subprocessors.list[{i}].locations"),
            basis_path: format!("subprocessors.list[{i}].transfer"),
            module: "3",
        });
    }
    let resolved = std::iter::once(&all.processor).chain(all.subprocessors.iter());
    let start = c.effective_date.unwrap_or(today);
    for (e, r) in entities.iter().zip(resolved) {
        missing_bases(ctx, e, r);
        summary(ctx, e, r);
        unused(ctx, e, r);
        dpf_recipient(ctx, e, r);
        decisions(ctx, e, r, start);
        derogations(ctx, e, r);
    }
    sensitive_abroad(ctx, &entities, &all);
    scc_member_state(ctx, &entities, &all);
}

fn missing_bases(ctx: &mut Ctx<'_>, e: &Entity<'_>, r: &[LocationBasis]) {
    for (i, lb) in r.iter().enumerate() {
        let Outcome::Missing(why) = lb.outcome else {
            continue;
        };
        let p = place(lb.country, &lb.location);
        let us = lb.country.is_some_and(|c| c.dpf);
        let code = lb.location.as_str();
        let (rule, message, hint) = match why {
            Missing::NoneStated => (
                "transfer_basis_missing",
                tr!(
                    "check-transfer-basis-missing",
                    who = e.who.as_str(),
                    place = p
                ),
                if us {
                    tr!("check-transfer-basis-missing-hint-us")
                } else {
                    tr!("check-transfer-basis-missing-hint")
                },
            ),
            Missing::DpfOutsideUs => (
                "dpf_outside_us",
                tr!("check-dpf-outside-us", place = p),
                tr!("check-dpf-outside-us-hint", code = code),
            ),
            Missing::AdequacyWithoutDecision => (
                "adequacy_without_decision",
                tr!("check-adequacy-without-decision", place = p),
                if us {
                    tr!("check-adequacy-without-decision-hint-us")
                } else {
                    tr!("check-adequacy-without-decision-hint")
                },
            ),
        };
        let path = match why {
            Missing::NoneStated => format!("{}[{i}]", e.loc_path),
            _ => e.path_for(lb, i),
        };
        ctx.add(Severity::Error, rule, &path, message, hint);
    }
}

/// The note naming, per location outside the EEA, the basis actually used; an SCC module
/// only where standard contractual clauses are used.
fn summary(ctx: &mut Ctx<'_>, e: &Entity<'_>, r: &[LocationBasis]) {
    let groups = transfers::groups(r);
    if groups.is_empty() {
        return;
    }
    let bases: Vec<String> = groups
        .iter()
        .map(|(b, ls)| {
            let ps = places(ls);
            match b {
                Some(TransferBasis::Scc) => tr!(
                    "check-basis-group-scc",
                    places = ps,
                    basis = basis_label(ctx, TransferBasis::Scc),
                    module = e.module
                ),
                Some(b) => tr!(
                    "check-basis-group",
                    places = ps,
                    basis = basis_label(ctx, *b)
                ),
                None => tr!("check-basis-group-missing", places = ps),
            }
        })
        .collect();
    let safeguards = groups
        .iter()
        .any(|(b, _)| matches!(b, Some(TransferBasis::Scc | TransferBasis::Bcr)));
    ctx.add(
        Severity::Note,
        "third_country_transfer",
        &e.loc_path,
        tr!(
            "check-third-country",
            who = e.who.as_str(),
            bases = bases.join("; ")
        ),
        if safeguards {
            tr!("check-third-country-hint-safeguards")
        } else {
            tr!("check-third-country-hint")
        },
    );
}

/// A stated basis that nothing needs: all locations in the EEA, a map entry for an EEA
/// location, or one basis for all that applies nowhere.
fn unused(ctx: &mut Ctx<'_>, e: &Entity<'_>, r: &[LocationBasis]) {
    let Some(t) = e.transfer else {
        return;
    };
    if r.iter().all(|l| l.outcome == Outcome::Eea) {
        ctx.add(
            Severity::Note,
            "transfer_basis_unused",
            &e.basis_path,
            tr!("check-transfer-basis-unused", who = e.who.as_str()),
            tr!("check-transfer-basis-unused-hint"),
        );
        return;
    }
    match t {
        Transfer::PerLocation(map) => {
            for (code, _) in map {
                if let Some(lb) = r.iter().find(|l| l.location == *code)
                    && lb.outcome == Outcome::Eea
                {
                    ctx.add(
                        Severity::Note,
                        "transfer_basis_unused",
                        &format!("{}.{code}", e.basis_path),
                        tr!(
                            "check-transfer-entry-unused",
                            place = place(lb.country, code)
                        ),
                        tr!("check-transfer-entry-unused-hint", code = code.as_str()),
                    );
                }
            }
        }
        Transfer::All(b) => {
            let used = r.iter().any(|l| l.outcome == Outcome::Basis(*b));
            let replaced: Vec<&LocationBasis> = r
                .iter()
                .filter(|l| {
                    l.stated.is_some() && l.outcome == Outcome::Basis(TransferBasis::Adequacy)
                })
                .collect();
            if !used && !replaced.is_empty() {
                ctx.add(
                    Severity::Note,
                    "transfer_basis_unused",
                    &e.basis_path,
                    tr!(
                        "check-transfer-basis-not-applied",
                        who = e.who.as_str(),
                        basis = basis_label(ctx, *b),
                        places = places(&replaced)
                    ),
                    tr!("check-transfer-basis-not-applied-hint"),
                );
            }
        }
    }
}

/// `dpf` for a US location of an entity whose seat is not in the US: the certification
/// belongs to the US recipient.
fn dpf_recipient(ctx: &mut Ctx<'_>, e: &Entity<'_>, r: &[LocationBasis]) {
    if e.seat == "US" {
        return;
    }
    let Some((i, lb)) = r
        .iter()
        .enumerate()
        .find(|(_, l)| l.outcome == Outcome::Basis(TransferBasis::Dpf))
    else {
        return;
    };
    let seat = place(ctx.cats.country(e.seat), e.seat);
    let path = match lb.stated {
        Some((_, true)) => format!("{}.{}", e.basis_path, lb.location),
        Some(_) => e.basis_path.clone(),
        None => format!("{}[{i}]", e.loc_path),
    };
    ctx.add(
        Severity::Note,
        "dpf_non_us_entity",
        &path,
        tr!("check-dpf-non-us-entity", who = e.who.as_str(), seat = seat),
        tr!("check-dpf-non-us-entity-hint"),
    );
}

/// Scope limits and expiry of the adequacy decisions a location relies on.
fn decisions(ctx: &mut Ctx<'_>, e: &Entity<'_>, r: &[LocationBasis], start: Date) {
    let lang = i18n::lang();
    let year_later = Date {
        year: start.year + 1,
        ..start
    };
    for (i, lb) in r.iter().enumerate() {
        let basis = match lb.outcome {
            Outcome::Basis(TransferBasis::Adequacy) => "adequacy",
            Outcome::Basis(TransferBasis::Dpf) => "dpf",
            _ => continue,
        };
        let Some(d) = ctx.cats.decision(&lb.location, basis) else {
            continue;
        };
        let p = place(lb.country, &lb.location);
        let path = format!("{}[{i}]", e.loc_path);
        if let Some(scope) = &d.scope {
            ctx.add(
                Severity::Note,
                "adequacy_scope_limited",
                &path,
                tr!(
                    "check-adequacy-scope",
                    who = e.who.as_str(),
                    place = p.as_str(),
                    scope = scope.get(lang)
                ),
                tr!("check-adequacy-scope-hint", code = lb.location.as_str()),
            );
        }
        if let Some(expiry) = d.expiry()
            && expiry < year_later
        {
            let decision = match d.number_in(lang) {
                Some(n) => tr!("check-decision-number", number = n),
                None => {
                    let adopted = Date::parse_iso(&d.adopted)
                        .map(|x| x.long(lang))
                        .unwrap_or_else(|| d.adopted.clone());
                    tr!("check-decision-date", date = adopted)
                }
            };
            let date = expiry.long(lang);
            let message = if expiry < start {
                tr!(
                    "check-adequacy-expired",
                    place = p,
                    decision = decision,
                    date = date,
                    who = e.who.as_str()
                )
            } else {
                tr!(
                    "check-adequacy-expires",
                    place = p,
                    decision = decision,
                    date = date,
                    who = e.who.as_str()
                )
            };
            ctx.add(
                Severity::Warning,
                "adequacy_expires",
                &path,
                message,
                tr!("check-adequacy-expires-hint"),
            );
        }
    }
}

/// Art. 49 derogations are for occasional transfers; processing on behalf is regular.
fn derogations(ctx: &mut Ctx<'_>, e: &Entity<'_>, r: &[LocationBasis]) {
    let hits: Vec<(usize, &LocationBasis)> = r
        .iter()
        .enumerate()
        .filter(|(_, l)| l.outcome == Outcome::Basis(TransferBasis::Derogation))
        .collect();
    let Some((i, first)) = hits.first() else {
        return;
    };
    let ls: Vec<&LocationBasis> = hits.iter().map(|(_, l)| *l).collect();
    let path = match first.stated {
        Some((_, true)) => format!("{}.{}", e.basis_path, first.location),
        Some(_) => e.basis_path.clone(),
        None => format!("{}[{i}]", e.loc_path),
    };
    ctx.add(
        Severity::Warning,
        "derogation_regular_transfer",
        &path,
        tr!(
            "check-derogation-regular",
            who = e.who.as_str(),
            places = places(&ls)
        ),
        tr!("check-derogation-regular-hint"),
    );
}

/// Art. 9 or Art. 10 data processed outside the EEA, by anyone.
fn sensitive_abroad(
    ctx: &mut Ctx<'_>,
    entities: &[Entity<'_>],
    all: &transfers::ContractTransfers<'_>,
) {
    let c = &ctx.loaded.contract;
    let special = !c.processing.special_categories.is_empty();
    let criminal = c.processing.criminal_offence_data;
    if !special && !criminal {
        return;
    }
    let resolved = std::iter::once(&all.processor).chain(all.subprocessors.iter());
    let mut abroad: Vec<String> = Vec::new();
    for (e, r) in entities.iter().zip(resolved) {
        let outside: Vec<&LocationBasis> = r.iter().filter(|l| l.outcome != Outcome::Eea).collect();
        if !outside.is_empty() {
            abroad.push(format!("{}: {}", e.who, places(&outside)));
        }
    }
    if abroad.is_empty() {
        return;
    }
    let what = match (special, criminal) {
        (true, true) => tr!("check-what-both"),
        (true, false) => tr!("check-what-art9"),
        _ => tr!("check-what-art10"),
    };
    let path = if special {
        "processing.special_categories"
    } else {
        "processing.criminal_offence_data"
    };
    ctx.add(
        Severity::Warning,
        "sensitive_data_third_country",
        path,
        tr!(
            "check-sensitive-third-country",
            what = what,
            places = abroad.join("; ")
        ),
        tr!("check-sensitive-third-country-hint"),
    );
}

/// Standard contractual clauses need the law and courts of an EU Member State.
fn scc_member_state(
    ctx: &mut Ctx<'_>,
    entities: &[Entity<'_>],
    all: &transfers::ContractTransfers<'_>,
) {
    if ctx.loaded.contract.terms.scc_member_state.is_some() {
        return;
    }
    let resolved = std::iter::once(&all.processor).chain(all.subprocessors.iter());
    let users: Vec<&str> = entities
        .iter()
        .zip(resolved)
        .filter(|(_, r)| {
            r.iter()
                .any(|l| l.outcome == Outcome::Basis(TransferBasis::Scc))
        })
        .map(|(e, _)| e.who.as_str())
        .collect();
    if users.is_empty() {
        return;
    }
    ctx.add(
        Severity::Error,
        "scc_member_state_missing",
        "terms.scc_member_state",
        tr!("check-scc-member-state-missing", who = users.join(", ")),
        tr!("check-scc-member-state-missing-hint"),
    );
}
