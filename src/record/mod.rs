//! `dpa record`: the processor's record of processing activities under Art. 30(2) GDPR,
//! written from the contracts themselves.
//!
//! Art. 30(2) GDPR: each processor keeps a record of all categories of processing carried
//! out on behalf of a controller, containing (a) the name and contact details of the
//! processor and of each controller, and where applicable of their representatives and data
//! protection officers; (b) the categories of processing carried out on behalf of each
//! controller; (c) transfers to third countries, with the country and, for transfers under
//! the second subparagraph of Art. 49(1), the documentation of suitable safeguards; (d)
//! where possible, a general description of the security measures of Art. 32(1).
//!
//! [`build`] groups the contracts by processor and, under each processor, by controller
//! (one [`ControllerEntry`] per controller, however many contracts it has). The outputs:
//! JSON ([`Record`] serialised; docs/record.schema.json), CSV for spreadsheets
//! ([`csv::to_csv`]), and Markdown and PDF through the clause library's part `record`
//! ([`document`]).

pub mod csv;
pub mod document;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::batch::{self, Collected, Failure, Job};
use crate::catalog::{Catalog, Catalogs};
use crate::clauses::Library;
use crate::model::{Contract, Date, Item, Party, Person, TransferBasis};
use crate::{Error, Lang};

/// The identifier of the JSON format (docs/record.schema.json).
pub const SCHEMA: &str = "dpagen-record/1";

/// The whole record.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Language of the labels (`de` or `en`).
    pub language: Lang,
    /// The date the record was made (ISO 8601).
    pub date: String,
    /// The date in words, in the record's language.
    pub date_long: String,
    /// `dpagen` and its version.
    pub generated_by: String,
    /// One group per processor, sorted by name.
    pub processors: Vec<ProcessorGroup>,
    /// Inputs, entries or rows that were not valid contracts: left out entirely.
    pub invalid: Vec<Failure>,
    /// Processor files found in folders: not contracts, left out.
    pub skipped: Vec<String>,
}

/// A processor and the controllers it processes for.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessorGroup {
    /// The processor (Art. 30(2)(a)).
    pub processor: PartyInfo,
    /// One entry per controller, sorted by name.
    pub controllers: Vec<ControllerEntry>,
}

/// Everything Art. 30(2) asks about one controller.
#[derive(Debug, Clone, Serialize)]
pub struct ControllerEntry {
    /// (a) The controller.
    pub controller: PartyInfo,
    /// The contracts with this controller.
    pub contracts: Vec<ContractRef>,
    /// (b) The categories of processing carried out on its behalf.
    pub processing: Vec<ProcessingInfo>,
    /// (c) Transfers to third countries.
    pub transfers: Vec<TransferInfo>,
    /// (d) A general description of the security measures.
    pub security: SecurityInfo,
}

/// A party: name and contact details (Art. 30(2)(a)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyInfo {
    /// Legal name.
    pub name: String,
    /// Registered address.
    pub address: AddressInfo,
    /// Commercial register entry.
    pub register: Option<String>,
    /// Who represents the party (its legal representative).
    pub representative: PersonInfo,
    /// Contact person.
    pub contact: Option<PersonInfo>,
    /// Data protection officer.
    pub dpo: Option<PersonInfo>,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AddressInfo {
    /// The address on one line, in the postal order of its country (the formatter of the
    /// contract's annexes).
    pub formatted: String,
    /// Street and number.
    pub street: String,
    /// Postal code; none where the country uses none.
    pub postal_code: Option<String>,
    /// City.
    pub city: String,
    /// State, province or county, where given.
    pub region: Option<String>,
    /// Country.
    pub country: CountryInfo,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonInfo {
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
}

/// A country.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Name in the record's language.
    pub name: String,
}

/// A catalog entry or free text, with its wording in the record's language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Label {
    /// Catalog id; none for free text.
    pub id: Option<String>,
    /// Wording.
    pub label: String,
}

/// A contract of the record.
#[derive(Debug, Clone, Serialize)]
pub struct ContractRef {
    /// The contract's id.
    pub id: String,
    /// Where it came from: file, batch entry or CSV row.
    pub input: String,
    /// Effective date (ISO), if given.
    pub effective_date: Option<String>,
    /// The same date in words, in the record's language.
    pub effective_date_long: Option<String>,
    /// Title of the main agreement, if given.
    pub main_agreement: Option<String>,
}

/// One category of processing (Art. 30(2)(b)): what one or more contracts describe.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessingInfo {
    /// The contracts describing it (ids).
    pub contracts: Vec<String>,
    /// Subject matter.
    pub subject_matter: String,
    /// Purpose.
    pub purpose: String,
    /// Nature: the operations of Art. 4(2).
    pub operations: Vec<Label>,
    /// Types of personal data.
    pub data_categories: Vec<Label>,
    /// Special categories (Art. 9(1)).
    pub special_categories: Vec<Label>,
    /// Data on criminal convictions and offences (Art. 10).
    pub criminal_offence_data: bool,
    /// Categories of data subjects.
    pub data_subjects: Vec<Label>,
    /// Where the processor processes.
    pub locations: Vec<CountryInfo>,
}

/// A transfer to a third country (Art. 30(2)(c)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransferInfo {
    /// The contracts naming it (ids).
    pub contracts: Vec<String>,
    /// Who receives the data there.
    pub recipient: String,
    /// `processor` (the processor itself processes there) or `subprocessor`.
    pub recipient_role: &'static str,
    /// What the recipient does (subprocessors).
    pub service: Option<String>,
    /// The third country.
    pub country: CountryInfo,
    /// The transfer basis and its safeguards; none if the contract states none (which
    /// `dpa check` reports as an error where a basis is needed).
    pub safeguard: Option<Safeguard>,
}

/// A transfer basis under Art. 45-49.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Safeguard {
    /// `adequacy`, `dpf`, `scc`, `bcr` or `derogation`.
    pub id: String,
    /// Its name.
    pub label: String,
    /// The article.
    pub article: String,
}

/// A general description of the measures of Art. 32(1) (Art. 30(2)(d)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecurityInfo {
    /// The Art. 32(1) areas in catalog order, each with its measures.
    pub areas: Vec<AreaInfo>,
    /// Certifications.
    pub certifications: Vec<String>,
}

/// One area of Art. 32(1) and its measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaInfo {
    /// Area id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// The letter of Art. 32(1).
    pub article: String,
    /// Catalog measures (labels).
    pub measures: Vec<Label>,
    /// Own measures.
    pub own: Vec<String>,
}

/// The output formats of `dpa record`, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.csv`: one row per controller, for spreadsheets.
    Csv,
    /// `.json`: the record as docs/record.schema.json describes it.
    Json,
    /// `.md`: Markdown for people.
    Markdown,
    /// `.pdf`: PDF/A-3b for people, the JSON attached.
    Pdf,
    /// `.docx`: Word, the same text as the PDF.
    Docx,
}

impl Format {
    /// The format for an output file name, by its extension (any case); none if unknown.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "md" => Some(Format::Markdown),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// What to make a record of.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Contract files, folders and batch files (as `dpa batch` reads them).
    pub inputs: Vec<PathBuf>,
    /// A controllers CSV merged into `base` (or into the one input when `base` is none).
    pub controllers: Option<PathBuf>,
    /// The base contract of `controllers`.
    pub base: Option<PathBuf>,
}

/// Reads and validates every contract of the sources with `dpa batch`'s readers. A whole
/// source that cannot be read (a missing file, a base contract or CSV that is invalid as a
/// whole) becomes a [`Failure`] like an invalid contract; the others go on.
///
/// Errors: `Error::Template` for sources that make no sense together (`base` without
/// `controllers`; `controllers` with several inputs and no `base`; nothing to read).
pub fn collect(s: &Sources) -> Result<Collected, Error> {
    let usage = |m: &str| Err(Error::Template(crate::tr!("record-usage", problem = m)));
    let mut all = Collected::default();
    let mut add = |result: Result<Collected, Error>, label: &Path| match result {
        Ok(c) => {
            all.jobs.extend(c.jobs);
            all.failed.extend(c.failed);
            all.skipped.extend(c.skipped);
        }
        Err(e) => all.failed.push(Failure {
            input: label.display().to_string(),
            reason: e.to_string(),
        }),
    };
    match (&s.controllers, &s.base) {
        (None, Some(_)) => return usage(&crate::tr!("record-usage-base-alone")),
        (None, None) if s.inputs.is_empty() => return usage(&crate::tr!("record-usage-nothing")),
        (None, None) => add(batch::collect(&s.inputs, None), Path::new("")),
        (Some(csv), Some(base)) => {
            add(batch::collect(std::slice::from_ref(base), Some(csv)), csv);
            if !s.inputs.is_empty() {
                add(batch::collect(&s.inputs, None), Path::new(""));
            }
        }
        (Some(csv), None) if s.inputs.len() == 1 && !s.inputs[0].is_dir() => {
            add(batch::collect(&s.inputs, Some(csv)), csv)
        }
        (Some(_), None) => return usage(&crate::tr!("record-usage-which-base")),
    }
    Ok(all)
}

/// The record of collected contracts (see [`build`]); a contract read twice (a file named
/// twice, or inside a named folder as well) counts once.
pub fn from_collected(c: Collected, lang: Lang, date: Date) -> Result<Record, Error> {
    let cats = Catalogs::get()?;
    let mut seen = std::collections::BTreeSet::new();
    let jobs: Vec<Job> = c
        .jobs
        .into_iter()
        .filter(|j| seen.insert(j.label.clone()))
        .collect();
    let skipped = c.skipped.iter().map(|p| p.display().to_string()).collect();
    Ok(build(&jobs, c.failed, skipped, lang, date, cats))
}

/// The record in a format, as bytes to write.
///
/// Errors: `Error::Template` for a broken part `record`, `Error::Render` if Typst fails.
pub fn render(r: &Record, format: Format, lib: &Library) -> Result<Vec<u8>, Error> {
    let json = || {
        let mut text =
            serde_json::to_string_pretty(r).map_err(|e| Error::Internal(e.to_string()))?;
        text.push('\n');
        Ok::<_, Error>(text.into_bytes())
    };
    match format {
        Format::Csv => csv::to_csv(r),
        Format::Json => json(),
        Format::Markdown => Ok(document::assemble(r, lib)?.to_markdown().into_bytes()),
        Format::Pdf => {
            let doc = document::assemble(r, lib)?;
            Ok(document::pdf(r, &doc, &json()?)?.bytes)
        }
        Format::Docx => document::docx(r, &document::assemble(r, lib)?),
    }
}

/// Builds the record of the valid contracts. `lang` is the language of all labels; `date`
/// the date the record is made. Contracts of the same controller (same name, country and
/// postal code, ignoring case and spacing) with the same processor form one entry.
pub fn build(
    jobs: &[Job],
    invalid: Vec<Failure>,
    skipped: Vec<String>,
    lang: Lang,
    date: Date,
    cats: &Catalogs,
) -> Record {
    let mut groups: BTreeMap<String, (PartyInfo, BTreeMap<String, Vec<&Job>>)> = BTreeMap::new();
    for job in jobs {
        let c = &job.loaded.contract;
        let group = groups
            .entry(party_key(&c.processor))
            .or_insert_with(|| (party(&c.processor, cats, lang), BTreeMap::new()));
        group
            .1
            .entry(party_key(&c.controller))
            .or_default()
            .push(job);
    }
    let mut processors: Vec<ProcessorGroup> = groups
        .into_values()
        .map(|(mut processor, controllers)| {
            let mut entries: Vec<ControllerEntry> = controllers
                .into_values()
                .map(|jobs| {
                    for j in &jobs {
                        fill_in(&mut processor, &j.loaded.contract.processor, cats, lang);
                    }
                    entry(&jobs, cats, lang)
                })
                .collect();
            entries.sort_by_key(|e| e.controller.name.to_lowercase());
            ProcessorGroup {
                processor,
                controllers: entries,
            }
        })
        .collect();
    processors.sort_by_key(|p| p.processor.name.to_lowercase());
    Record {
        schema: SCHEMA,
        language: lang,
        date: date.to_string(),
        date_long: date.long(lang),
        generated_by: format!("dpagen {}", crate::render::VERSION),
        processors,
        invalid,
        skipped,
    }
}

impl Record {
    /// Number of controller entries.
    pub fn entries(&self) -> usize {
        self.processors.iter().map(|p| p.controllers.len()).sum()
    }

    /// Number of contracts recorded.
    pub fn contracts(&self) -> usize {
        self.processors
            .iter()
            .flat_map(|p| &p.controllers)
            .map(|c| c.contracts.len())
            .sum()
    }
}

/// The same party across contracts: name, country and postal code, ignoring case and
/// spacing.
fn party_key(p: &Party) -> String {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    format!(
        "{}\u{1f}{}\u{1f}{}",
        norm(&p.name),
        p.address.country,
        norm(p.address.postal_code.as_deref().unwrap_or(""))
    )
}

fn country(code: &str, cats: &Catalogs, lang: Lang) -> CountryInfo {
    CountryInfo {
        code: code.to_string(),
        name: cats
            .country(code)
            .map(|c| c.name(lang).to_string())
            .unwrap_or_else(|| code.to_string()),
    }
}

fn person(p: &Person) -> PersonInfo {
    PersonInfo {
        name: p.name.clone(),
        role: p.role.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
    }
}

fn party(p: &Party, cats: &Catalogs, lang: Lang) -> PartyInfo {
    PartyInfo {
        name: p.name.clone(),
        address: AddressInfo {
            formatted: crate::address::one_line(
                &p.address,
                lang,
                cats,
                crate::address::Conventions::get_or_fallback(),
            ),
            street: p.address.street.clone(),
            postal_code: p.address.postal_code.clone(),
            city: p.address.city.clone(),
            region: p.address.region.clone(),
            country: country(&p.address.country, cats, lang),
        },
        register: p.register.clone(),
        representative: person(&p.representative),
        contact: p.contact.as_ref().map(person),
        dpo: p.dpo.as_ref().map(person),
    }
}

/// Takes the register entry, contact and DPO from a later contract where the first one
/// had none.
fn fill_in(into: &mut PartyInfo, p: &Party, cats: &Catalogs, lang: Lang) {
    let other = party(p, cats, lang);
    if into.register.is_none() {
        into.register = other.register;
    }
    if into.contact.is_none() {
        into.contact = other.contact;
    }
    if into.dpo.is_none() {
        into.dpo = other.dpo;
    }
}

fn labelled(cat: &Catalog, id: &str, lang: Lang) -> Label {
    Label {
        id: Some(id.to_string()),
        label: cat
            .get(id)
            .map(|e| e.label(lang).to_string())
            .unwrap_or_else(|| id.to_string()),
    }
}

fn items(cat: &Catalog, list: &[Item], lang: Lang) -> Vec<Label> {
    list.iter()
        .map(|it| match it {
            Item::Id(id) => labelled(cat, id, lang),
            Item::Text(t) => Label {
                id: None,
                label: t.clone(),
            },
        })
        .collect()
}

/// Adds `contract` to an item equal to `value` in all but its contracts, or appends it.
fn merge_into<T: PartialEq>(
    list: &mut Vec<T>,
    value: T,
    contract: &str,
    contracts: impl Fn(&mut T) -> &mut Vec<String>,
) {
    let mut probe = value;
    contracts(&mut probe).clear();
    for existing in list.iter_mut() {
        let saved = std::mem::take(contracts(existing));
        let same = *existing == probe;
        *contracts(existing) = saved;
        if same {
            let c = contracts(existing);
            if !c.iter().any(|x| x == contract) {
                c.push(contract.to_string());
            }
            return;
        }
    }
    contracts(&mut probe).push(contract.to_string());
    list.push(probe);
}

fn entry(jobs: &[&Job], cats: &Catalogs, lang: Lang) -> ControllerEntry {
    let first = &jobs[0].loaded.contract;
    let mut controller = party(&first.controller, cats, lang);
    let mut contracts = Vec::new();
    let mut processing = Vec::new();
    let mut transfers = Vec::new();
    let mut measures: Vec<&str> = Vec::new();
    let mut own: Vec<(&str, &str)> = Vec::new();
    let mut certifications: Vec<String> = Vec::new();
    for job in jobs {
        let c = &job.loaded.contract;
        let id = c.display_id();
        fill_in(&mut controller, &c.controller, cats, lang);
        contracts.push(ContractRef {
            id: id.clone(),
            input: job.label.clone(),
            effective_date: c.effective_date.map(|d| d.to_string()),
            effective_date_long: c.effective_date.map(|d| d.long(lang)),
            main_agreement: c.main_agreement.as_ref().map(|m| m.title.clone()),
        });
        merge_into(&mut processing, processing_info(c, cats, lang), &id, |p| {
            &mut p.contracts
        });
        for t in transfers_of(c, cats, lang) {
            merge_into(&mut transfers, t, &id, |t| &mut t.contracts);
        }
        for m in &c.security.measures {
            if !measures.contains(&m.as_str()) {
                measures.push(m);
            }
        }
        for m in &c.security.custom {
            if !own.contains(&(m.area.as_str(), m.text.as_str())) {
                own.push((&m.area, &m.text));
            }
        }
        for cert in &c.security.certifications {
            if !certifications.contains(cert) {
                certifications.push(cert.clone());
            }
        }
    }
    contracts.sort_by(|a, b| a.id.cmp(&b.id).then(a.input.cmp(&b.input)));
    let areas = cats
        .areas
        .entries
        .iter()
        .map(|a| AreaInfo {
            id: a.id.clone(),
            label: a.label(lang).to_string(),
            article: a.wording(lang).article.clone().unwrap_or_default(),
            measures: cats
                .measures
                .entries
                .iter()
                .filter(|m| m.area.as_deref() == Some(a.id.as_str()))
                .filter(|m| measures.contains(&m.id.as_str()))
                .map(|m| labelled(&cats.measures, &m.id, lang))
                .collect(),
            own: own
                .iter()
                .filter(|(area, _)| *area == a.id)
                .map(|(_, t)| t.to_string())
                .collect(),
        })
        .collect();
    ControllerEntry {
        controller,
        contracts,
        processing,
        transfers,
        security: SecurityInfo {
            areas,
            certifications,
        },
    }
}

fn processing_info(c: &Contract, cats: &Catalogs, lang: Lang) -> ProcessingInfo {
    let p = &c.processing;
    ProcessingInfo {
        contracts: Vec::new(),
        subject_matter: p.subject_matter.clone(),
        purpose: p.purpose.clone(),
        operations: p
            .operations
            .iter()
            .map(|o| labelled(&cats.operations, o, lang))
            .collect(),
        data_categories: items(&cats.data_categories, &p.data_categories, lang),
        special_categories: p
            .special_categories
            .iter()
            .map(|o| labelled(&cats.special_categories, o, lang))
            .collect(),
        criminal_offence_data: p.criminal_offence_data,
        data_subjects: items(&cats.data_subjects, &p.data_subjects, lang),
        locations: p.locations.iter().map(|l| country(l, cats, lang)).collect(),
    }
}

fn safeguard(basis: TransferBasis, cats: &Catalogs, lang: Lang) -> Option<Safeguard> {
    let e = cats.transfer_bases.get(basis.id())?;
    Some(Safeguard {
        id: basis.id().to_string(),
        label: e.label(lang).to_string(),
        article: e.wording(lang).article.clone().unwrap_or_default(),
    })
}

/// Every location outside the EEA, of the processor itself and of each subprocessor, with
/// the basis actually used there: the one resolver of [`crate::transfers`], so the record
/// names the same basis as the contract's annexes and `dpa check`.
fn transfers_of(c: &Contract, cats: &Catalogs, lang: Lang) -> Vec<TransferInfo> {
    let resolved = crate::transfers::of_contract(c, cats);
    let place = |l: &crate::transfers::LocationBasis<'_>| CountryInfo {
        code: l.location.clone(),
        name: l
            .country
            .map(|x| x.name(lang).to_string())
            .unwrap_or_else(|| l.location.clone()),
    };
    let mut out = Vec::new();
    let recipients = std::iter::once((&c.processor.name, "processor", None, &resolved.processor))
        .chain(
            c.subprocessors
                .list
                .iter()
                .zip(&resolved.subprocessors)
                .map(|(s, r)| (&s.name, "subprocessor", Some(s.service.clone()), r)),
        );
    for (name, role, service, locations) in recipients {
        for l in locations {
            if l.outcome == crate::transfers::Outcome::Eea {
                continue;
            }
            out.push(TransferInfo {
                contracts: Vec::new(),
                recipient: name.clone(),
                recipient_role: role,
                service: service.clone(),
                country: place(l),
                safeguard: l.outcome.basis().and_then(|b| safeguard(b, cats, lang)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_items_share_one_entry_with_both_contracts() {
        #[derive(Debug, PartialEq)]
        struct T {
            v: u8,
            contracts: Vec<String>,
        }
        let mut list = Vec::new();
        let t = |v| T {
            v,
            contracts: Vec::new(),
        };
        merge_into(&mut list, t(1), "A", |x| &mut x.contracts);
        merge_into(&mut list, t(2), "A", |x| &mut x.contracts);
        merge_into(&mut list, t(1), "B", |x| &mut x.contracts);
        merge_into(&mut list, t(1), "B", |x| &mut x.contracts);
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].contracts, vec!["A", "B"]);
        assert_eq!(list[1].contracts, vec!["A"]);
    }
}
