//! The record as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads the
//! umlauts), `;` as separator (as German spreadsheets expect), CRLF line ends, a header row
//! in the record's language, one row per controller. A cell holding several values (two
//! contracts, three transfers) has one value per line inside the cell.
//!
//! A cell that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) gets a leading `'`, so that no text from a contract is ever
//! evaluated (CSV injection).

use super::{ControllerEntry, Label, PartyInfo, PersonInfo, ProcessorGroup, Record};
use crate::{Error, Lang};

/// The byte order mark that starts the file.
pub const BOM: &str = "\u{feff}";

/// The column header message ids, in order (see locales/*/record.ftl).
const COLUMNS: [&str; 21] = [
    "record-col-processor",
    "record-col-processor-address",
    "record-col-processor-representative",
    "record-col-processor-contact",
    "record-col-processor-dpo",
    "record-col-controller",
    "record-col-controller-address",
    "record-col-controller-representative",
    "record-col-controller-contact",
    "record-col-controller-dpo",
    "record-col-contracts",
    "record-col-subject-matter",
    "record-col-purpose",
    "record-col-operations",
    "record-col-data-categories",
    "record-col-special-categories",
    "record-col-data-subjects",
    "record-col-locations",
    "record-col-transfers",
    "record-col-measures",
    "record-col-certifications",
];

/// The record as CSV bytes.
///
/// Errors: `Error::Internal` if the CSV writer fails (it writes to memory).
pub fn to_csv(r: &Record) -> Result<Vec<u8>, Error> {
    let lang = r.language;
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    let fail = |e: ::csv::Error| Error::Internal(format!("csv: {e}"));
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|id| crate::i18n::text_in(lang, id, &[]))
        .collect();
    w.write_record(&header).map_err(fail)?;
    for group in &r.processors {
        for e in &group.controllers {
            let row: Vec<String> = row(group, e, lang).into_iter().map(|c| cell(&c)).collect();
            w.write_record(&row).map_err(fail)?;
        }
    }
    w.into_inner()
        .map_err(|e| Error::Internal(format!("csv: {e}")))
}

/// A cell's text, made safe from being read as a formula.
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn address(p: &PartyInfo) -> String {
    p.address.formatted.clone()
}

fn person(p: &PersonInfo) -> String {
    let mut s = p.name.clone();
    if let Some(r) = &p.role {
        s.push_str(&format!(" ({r})"));
    }
    for x in [&p.email, &p.phone].into_iter().flatten() {
        s.push_str(&format!(", {x}"));
    }
    s
}

fn labels(list: &[Label]) -> String {
    list.iter()
        .map(|l| l.label.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn row(g: &ProcessorGroup, e: &ControllerEntry, lang: Lang) -> Vec<String> {
    let p = &g.processor;
    let c = &e.controller;
    let opt = |x: &Option<PersonInfo>| x.as_ref().map(person).unwrap_or_default();
    let per_processing = |f: &dyn Fn(&super::ProcessingInfo) -> String| {
        e.processing.iter().map(f).collect::<Vec<_>>().join("\n")
    };
    let contracts = e
        .contracts
        .iter()
        .map(|k| match &k.effective_date {
            Some(d) => crate::i18n::text_in(
                lang,
                "record-contract-from",
                &[("id", k.id.as_str().into()), ("date", d.as_str().into())],
            ),
            None => k.id.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let special = per_processing(&|x| {
        let mut v: Vec<String> = x
            .special_categories
            .iter()
            .map(|l| l.label.clone())
            .collect();
        if x.criminal_offence_data {
            v.push(crate::i18n::text_in(
                lang,
                "record-criminal-offence-data",
                &[],
            ));
        }
        v.join(", ")
    });
    let transfers = e
        .transfers
        .iter()
        .map(|t| {
            let basis = t
                .safeguard
                .as_ref()
                .map(|s| format!("{} ({})", s.label, s.article))
                .unwrap_or_else(|| crate::i18n::text_in(lang, "record-no-safeguard", &[]));
            let who = match &t.service {
                Some(service) => format!("{} ({service})", t.recipient),
                None => t.recipient.clone(),
            };
            format!("{who} – {} ({}) – {basis}", t.country.name, t.country.code)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let measures = e
        .security
        .areas
        .iter()
        .filter(|a| !a.measures.is_empty() || !a.own.is_empty())
        .map(|a| {
            let mut all: Vec<String> = a.measures.iter().map(|m| m.label.clone()).collect();
            all.extend(a.own.iter().cloned());
            format!("{}: {}", a.label, all.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        p.name.clone(),
        address(p),
        person(&p.representative),
        opt(&p.contact),
        opt(&p.dpo),
        c.name.clone(),
        address(c),
        person(&c.representative),
        opt(&c.contact),
        opt(&c.dpo),
        contracts,
        per_processing(&|x| x.subject_matter.clone()),
        per_processing(&|x| x.purpose.clone()),
        per_processing(&|x| labels(&x.operations)),
        per_processing(&|x| labels(&x.data_categories)),
        special,
        per_processing(&|x| labels(&x.data_subjects)),
        per_processing(&|x| {
            x.locations
                .iter()
                .map(|l| l.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }),
        transfers,
        measures,
        e.security.certifications.join(", "),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("+49 221"), "'+49 221");
        assert_eq!(cell("-x"), "'-x");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Köln"), "Köln");
    }
}
