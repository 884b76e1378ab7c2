//! Assemble: a checked contract + the clause library -> one document of numbered sections
//! in Markdown, ready to be written out or rendered to PDF.

use serde::Serialize;
use serde_json::{Value, json};

use crate::address::{self, Conventions};
use crate::catalog::{Catalogs, Country};
use crate::clauses::{Kind, Library};
use crate::model::*;
use crate::typography::{ValueKind, mark, mark_free_text as free, strip_marks};
use crate::{Error, Lang};

/// One numbered clause or annex of the assembled document.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Clause id.
    pub id: String,
    /// Clause or annex.
    pub kind: Kind,
    /// "§ 3", "Clause 3", "Anlage 2", "Annex II".
    pub number: String,
    /// Heading text.
    pub title: String,
    /// Body in Markdown (values escaped).
    pub body: String,
    /// The same body with every value marked by its kind (see [`crate::typography`]): what
    /// the PDF typesets. [`Section::body`] is this without the marks.
    pub marked: String,
    /// Requirement ids the clause covers.
    pub covers: Vec<String>,
}

impl Section {
    /// A section from its rendered Markdown (values marked, see [`crate::typography`]):
    /// [`Section::body`] is it without the marks, [`Section::marked`] with them, both tidied.
    pub fn from_rendered(
        id: String,
        kind: Kind,
        number: String,
        title: String,
        rendered: &str,
        covers: Vec<String>,
    ) -> Section {
        Section {
            id,
            kind,
            number,
            title: strip_marks(&title),
            body: tidy(&strip_marks(rendered)),
            marked: tidy(rendered),
            covers,
        }
    }
}

/// A signature block.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureBlock {
    /// Name of the PDF signature field, e.g. `sig_controller_1`.
    pub field: String,
    /// controller or processor.
    pub party: String,
    /// "Auftraggeber" / "Controller".
    pub party_label: String,
    /// The party's legal name.
    pub party_name: String,
    /// Who signs.
    pub name: String,
    /// Their role.
    pub role: String,
    /// Place, if known.
    pub place: String,
}

/// The assembled contract.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Output language.
    pub lang: Lang,
    /// "Auftragsverarbeitungsvertrag" / "Data Processing Agreement".
    pub title: String,
    /// "gemäß Art. 28 DSGVO" / "pursuant to Article 28 GDPR".
    pub subtitle: String,
    /// The contract reference.
    pub id: String,
    /// Controller's name.
    pub controller: String,
    /// Processor's name.
    pub processor: String,
    /// Lines of the parties block under the title.
    pub parties_intro: Vec<String>,
    /// The same lines with names and addresses marked by kind (see [`crate::typography`]).
    pub parties_intro_marked: Vec<String>,
    /// Clauses then annexes, in order.
    pub sections: Vec<Section>,
    /// Heading of the signature section.
    pub signatures_title: String,
    /// Sentence above the signature blocks.
    pub signatures_intro: String,
    /// One block per signatory.
    pub signatures: Vec<SignatureBlock>,
    /// Label words for the template: place/date, signature, name, role, page, of.
    pub labels: Value,
}

/// Words that do not come from the clause files.
pub(crate) struct Words {
    pub(crate) title: &'static str,
    pub(crate) subtitle: &'static str,
    pub(crate) between: &'static str,
    pub(crate) and: &'static str,
    pub(crate) controller: &'static str,
    pub(crate) processor: &'static str,
    pub(crate) represented_by: &'static str,
    pub(crate) signatures: &'static str,
    pub(crate) signatures_intro: &'static str,
    pub(crate) place_date: &'static str,
    pub(crate) signature: &'static str,
    pub(crate) page: &'static str,
    pub(crate) of: &'static str,
    pub(crate) contract: &'static str,
    pub(crate) fingerprint: &'static str,
}

pub(crate) fn words(lang: Lang) -> Words {
    match lang {
        Lang::De => Words {
            title: "Vertrag über die Auftragsverarbeitung",
            subtitle: "gemäß Art. 28 Abs. 3 DSGVO",
            between: "zwischen",
            and: "und",
            controller: "Auftraggeber (Verantwortlicher)",
            processor: "Auftragnehmer (Auftragsverarbeiter)",
            represented_by: "vertreten durch",
            signatures: "Unterschriften",
            signatures_intro: "Die Parteien schließen diesen Vertrag einschließlich seiner Anlagen durch ihre Unterschriften. Eine elektronische Signatur genügt (Art. 28 Abs. 9 DSGVO).",
            place_date: "Ort, Datum",
            signature: "Unterschrift",
            page: "Seite",
            of: "von",
            contract: "Vertrag",
            fingerprint: "Prüfsumme",
        },
        Lang::En => Words {
            title: "Data Processing Agreement",
            subtitle: "pursuant to Article 28(3) GDPR",
            between: "between",
            and: "and",
            controller: "Controller",
            processor: "Processor",
            represented_by: "represented by",
            signatures: "Signatures",
            signatures_intro: "The parties conclude this agreement, including its annexes, by signing below. An electronic signature suffices (Article 28(9) GDPR).",
            place_date: "Place, date",
            signature: "Signature",
            page: "Page",
            of: "of",
            contract: "Agreement",
            fingerprint: "Fingerprint",
        },
    }
}

/// Builds the Tera context for a contract (see docs/clause-authoring.md).
pub fn context(c: &Contract, cats: &Catalogs) -> Value {
    let lang = c.language;
    let country = |code: &str| country_json(cats.country(code), code, lang);
    let with_address = |mut v: Value, a: &Address| {
        if let (Value::Object(m), Value::Object(parts)) = (&mut v, address_json(a, cats, lang)) {
            m.extend(parts);
        }
        v
    };
    let party = |p: &Party| party_json(p, cats, lang);
    let labelled = |cat: &crate::catalog::Catalog, id: &str| {
        let e = cat.get(id);
        json!({
            "id": id,
            "label": e.map(|e| e.label(lang).to_string()).unwrap_or_else(|| id.to_string()),
            "help": e.and_then(|e| e.wording(lang).help.clone()),
        })
    };
    let items = |cat: &crate::catalog::Catalog, list: &[Item]| -> Vec<Value> {
        list.iter()
            .map(|it| match it {
                Item::Id(id) => labelled(cat, id),
                Item::Text(t) => json!({ "id": null, "label": free(t) }),
            })
            .collect()
    };
    let transfers = crate::transfers::of_contract(c, cats);
    let stated = |t: &Option<Transfer>| {
        t.as_ref()
            .and_then(Transfer::single)
            .map(|b| basis_json(b, cats, lang))
    };
    let outside = |r: &[crate::transfers::LocationBasis]| {
        r.iter()
            .any(|l| l.outcome != crate::transfers::Outcome::Eea)
    };
    let processor_third = outside(&transfers.processor);
    let sub_third = transfers.subprocessors.iter().any(|r| outside(r));
    let p = &c.processing;
    let (dtype, until, notice) = match &p.duration {
        Duration::MainAgreement => ("main_agreement", None, None),
        Duration::Fixed { until } => ("fixed", Some(until.long(lang)), None),
        Duration::Indefinite { notice } => ("indefinite", None, notice.as_deref().map(free)),
    };
    let subprocessors: Vec<Value> = c
        .subprocessors
        .list
        .iter()
        .zip(&transfers.subprocessors)
        .enumerate()
        .map(|(i, (s, resolved))| {
            let scc = resolved
                .iter()
                .any(|l| l.outcome.basis() == Some(TransferBasis::Scc));
            with_address(
                json!({
                    "number": i + 1,
                    "name": mark(ValueKind::Name, &s.name),
                    "service": free(&s.service),
                    "locations": locations_json(resolved, cats, lang),
                    "transfer": stated(&s.transfer),
                    "transfers": groups_json(resolved, "3", cats, lang),
                    "eea_names": eea_names(resolved, lang),
                    "third_country": outside(resolved),
                    "scc_module": scc.then_some("3"),
                    "contact": s.contact.as_ref().map(|k| json!({
                        "name": k.name.as_deref().map(|n| mark(ValueKind::Name, n)),
                        "email": k.email.as_deref().map(|e| mark(ValueKind::Email, e)),
                    })),
                    "onward": s.onward.iter().map(|o| json!({
                        "name": mark(ValueKind::Name, &o.name),
                        "service": free(&o.service),
                        "locations": o.locations.iter().map(|l| country(l)).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                }),
                &s.address,
            )
        })
        .collect();
    let signatories: Vec<Value> = c
        .signatories
        .iter()
        .map(|s| {
            let w = words(lang);
            json!({
                "party": s.party.id(),
                "party_label": match s.party { PartyRole::Controller => w.controller, PartyRole::Processor => w.processor },
                "name": mark(ValueKind::Name, &s.name),
                "role": s.role.as_deref().map(free),
                "place": s.place.as_deref().map(|p| mark(ValueKind::Address, p)),
            })
        })
        .collect();
    json!({
        "lang": lang.code(),
        "document": "contract",
        "contract": {
            "id": mark(ValueKind::Id, &c.display_id()),
            "effective_date": c.effective_date.map(|d| d.long(lang)),
            "main_agreement": {
                "title": c.main_agreement.as_ref().map(|m| free(&m.title)),
                "date": c.main_agreement.as_ref().and_then(|m| m.date).map(|d| d.long(lang)),
            },
        },
        "controller": party(&c.controller),
        "processor": party(&c.processor),
        "processing": {
            "subject_matter": free(&keep_lines(&p.subject_matter)),
            "purpose": free(&keep_lines(&p.purpose)),
            "duration": { "type": dtype, "until": until, "notice": notice },
            "operations": p.operations.iter().map(|o| labelled(&cats.operations, o)).collect::<Vec<_>>(),
            "data_categories": items(&cats.data_categories, &p.data_categories),
            "special_categories": p.special_categories.iter().map(|o| labelled(&cats.special_categories, o)).collect::<Vec<_>>(),
            "criminal_offence_data": p.criminal_offence_data,
            "data_subjects": items(&cats.data_subjects, &p.data_subjects),
            "locations": locations_json(&transfers.processor, cats, lang),
            "transfer": stated(&p.transfer),
            "transfers": groups_json(&transfers.processor, "2", cats, lang),
            "eea_names": eea_names(&transfers.processor, lang),
        },
        "instructions": {
            "form": match c.instructions.form { InstructionForm::Text => "text", InstructionForm::Written => "written" },
            "controller_persons": c.instructions.controller_persons.iter().map(person_json).collect::<Vec<_>>(),
            "processor_persons": c.instructions.processor_persons.iter().map(person_json).collect::<Vec<_>>(),
        },
        "security": security_json(&c.security, cats, lang),
        "subprocessors": {
            "authorisation": match c.subprocessors.authorisation { Authorisation::General => "general", Authorisation::Specific => "specific" },
            "notice_days": c.subprocessors.notice_days,
            "list": subprocessors,
            "with_contact": c.subprocessors.list.iter().any(|s| s.contact.is_some()),
            "with_onward": c.subprocessors.list.iter().any(|s| !s.onward.is_empty()),
        },
        "terms": {
            "breach_notification_hours": c.terms.breach_notification_hours,
            "audits": { "notice_days": c.terms.audit_notice_days, "on_site": c.terms.audit_on_site },
            "end_of_processing": {
                "choice": match c.terms.end_choice { EndChoice::Delete => "delete", EndChoice::Return => "return", EndChoice::ReturnThenDelete => "return_then_delete" },
                "days": c.terms.end_days,
            },
            "liability": match c.terms.liability { Liability::Statutory => "statutory", Liability::Capped => "capped" },
            "liability_cap": c.terms.liability_cap_eur.map(|v| money(v, lang)),
            "governing_law": country(&c.terms.governing_law),
            "jurisdiction": c.terms.jurisdiction.as_deref().map(free),
            "scc_member_state": c.terms.scc_member_state.as_deref().map(country),
        },
        "options": {
            "remote_maintenance": c.options.remote_maintenance,
            "data_carrier_disposal": c.options.data_carrier_disposal,
            "software_development": c.options.software_development,
            "data_outsourcing": c.options.data_outsourcing,
            "seizure_insolvency_notice": c.options.seizure_insolvency_notice,
            "no_right_of_retention": c.options.no_right_of_retention,
            "professional_secrecy": c.options.professional_secrecy,
            "contractual_penalty": c.options.contractual_penalty_eur.map(|v| money(v, lang)),
            "contractual_penalty_cap": c.options.contractual_penalty_eur.map(|v| money(v.saturating_mul(PENALTY_CAP_FACTOR), lang)),
        },
        "flags": {
            "special_data": !p.special_categories.is_empty() || p.criminal_offence_data,
            "third_country": processor_third || sub_third,
            "processor_third_country": processor_third,
            "processor_scc": transfers.processor.iter().any(|l| l.outcome.basis() == Some(TransferBasis::Scc)),
            "subprocessor_scc": transfers.subprocessors.iter().flatten().any(|l| l.outcome.basis() == Some(TransferBasis::Scc)),
            "safeguards": transfers.uses(TransferBasis::Scc) || transfers.uses(TransferBasis::Bcr),
            "adequacy": transfers.uses(TransferBasis::Adequacy) || transfers.uses(TransferBasis::Dpf),
            "dpf": transfers.uses(TransferBasis::Dpf),
            "derogation": transfers.uses(TransferBasis::Derogation),
        },
        "signatories": signatories,
    })
}

/// A party as clauses and documents see it (see docs/clause-authoring.md).
///
/// Every value a person typed is marked with its kind as it enters a context (see
/// [`crate::typography`]): names, addresses, e-mail addresses and ids are never hyphenated.
pub(crate) fn party_json(p: &Party, cats: &Catalogs, lang: Lang) -> Value {
    let mut v = json!({
        "name": mark(ValueKind::Name, &p.name),
        "register": p.register.as_deref().map(|r| mark(ValueKind::Id, r)),
        "representative": person_json(&p.representative),
        "contact": p.contact.as_ref().map(person_json),
        "dpo": p.dpo.as_ref().map(person_json),
        "staff_processing_data": p.staff_processing_data,
    });
    if let (Value::Object(m), Value::Object(parts)) = (&mut v, address_json(&p.address, cats, lang))
    {
        m.extend(parts);
    }
    v
}

/// An address as clauses see it: the one formatter's single line and lines (postal order of
/// the country), and the parts.
pub(crate) fn address_json(a: &Address, cats: &Catalogs, lang: Lang) -> Value {
    let conv = Conventions::get_or_fallback();
    let addr = |t: &str| mark(ValueKind::Address, t);
    let lines: Vec<String> = address::lines(a, lang, cats, conv)
        .iter()
        .map(|l| addr(l))
        .collect();
    json!({
        "address": lines.join(", "),
        "address_lines": lines,
        "street": addr(&a.street),
        "postal_code": a.postal_code.as_deref().map(addr),
        "city": addr(&a.city),
        "region": a.region.as_deref().map(addr),
        "country": country_json(cats.country(&a.country), &a.country, lang),
    })
}

/// The TOMs as clauses and documents see them: the seven Art. 32(1) areas in catalog order,
/// each with its chosen measures (wording, classic control, SDM goal) and own measures.
pub(crate) fn security_json(s: &Security, cats: &Catalogs, lang: Lang) -> Value {
    let areas: Vec<Value> = cats
        .areas
        .entries
        .iter()
        .map(|a| {
            let join_labels = |cat: &crate::catalog::Catalog, ids: &[String]| {
                ids.iter().filter_map(|i| cat.get(i)).map(|e| e.label(lang).to_string()).collect::<Vec<_>>().join(", ")
            };
            let measures: Vec<Value> = s
                .measures
                .iter()
                .filter_map(|id| cats.measures.get(id))
                .filter(|m| m.area.as_deref() == Some(a.id.as_str()))
                .map(|m| {
                    let w = m.wording(lang);
                    json!({
                        "id": m.id,
                        "label": w.label,
                        "text": w.text.clone().unwrap_or_default(),
                        "control": m.control.as_deref().and_then(|x| cats.controls.get(x)).map(|e| e.label(lang).to_string()),
                        "goal": m.goal.as_deref().and_then(|x| cats.goals.get(x)).map(|e| e.label(lang).to_string()),
                    })
                })
                .collect();
            let custom: Vec<String> = s.custom.iter().filter(|m| m.area == a.id).map(|m| free(&keep_lines(&m.text))).collect();
            json!({
                "id": a.id,
                "label": a.label(lang),
                "article": a.wording(lang).article,
                "controls": join_labels(&cats.controls, &a.controls),
                "goals": join_labels(&cats.goals, &a.goals),
                "measures": measures,
                "custom": custom,
            })
        })
        .collect();
    json!({
        "areas": areas,
        "measures": s.measures,
        "measure_count": s.measures.len(),
        "custom_count": s.custom.len(),
        "certifications": s.certifications.iter().map(|t| free(t)).collect::<Vec<_>>(),
        "as_of": s.as_of.map(|d| d.long(lang)),
        "version": s.version.as_deref().map(|v| mark(ValueKind::Id, v)),
    })
}

/// The contractual penalties of one contract year are capped in total at this multiple of
/// the penalty per breach (§ 307 BGB: a penalty in standard terms needs an overall cap).
pub const PENALTY_CAP_FACTOR: u64 = 10;

/// The name of a location (a country in `lang`, or the code as given), marked as an
/// address (see `typography`).
fn location_name(l: &crate::transfers::LocationBasis, lang: Lang) -> String {
    let name = l.country.map_or(l.location.as_str(), |c| c.name(lang));
    mark(ValueKind::Address, name)
}

/// The names of the locations inside the EEA, joined: "Germany, France" (empty if none).
fn eea_names(r: &[crate::transfers::LocationBasis], lang: Lang) -> String {
    r.iter()
        .filter(|l| l.outcome == crate::transfers::Outcome::Eea)
        .map(|l| location_name(l, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn basis_json(b: TransferBasis, cats: &Catalogs, lang: Lang) -> Value {
    let e = cats.transfer_bases.get(b.id());
    json!({
        "id": b.id(),
        "label": e.map(|e| e.label(lang).to_string()).unwrap_or_default(),
        "article": e.and_then(|e| e.wording(lang).article.clone()),
    })
}

/// Each location as a country with the basis actually used there (`basis` null inside the
/// EEA and where none applies; `missing` true in the latter case).
fn locations_json(
    r: &[crate::transfers::LocationBasis],
    cats: &Catalogs,
    lang: Lang,
) -> Vec<Value> {
    r.iter()
        .map(|l| {
            let mut v = country_json(l.country, &l.location, lang);
            if let Value::Object(m) = &mut v {
                m.insert(
                    "basis".into(),
                    l.outcome
                        .basis()
                        .map(|b| basis_json(b, cats, lang))
                        .unwrap_or(Value::Null),
                );
                m.insert(
                    "missing".into(),
                    Value::Bool(matches!(l.outcome, crate::transfers::Outcome::Missing(_))),
                );
            }
            v
        })
        .collect()
}

/// The locations outside the EEA grouped by the basis used, each basis once:
/// `{basis (null: none applies), locations, names, scc_module}`.
fn groups_json(
    r: &[crate::transfers::LocationBasis],
    module: &str,
    cats: &Catalogs,
    lang: Lang,
) -> Vec<Value> {
    crate::transfers::groups(r)
        .into_iter()
        .map(|(b, ls)| {
            let names: Vec<String> = ls.iter().map(|l| location_name(l, lang)).collect();
            json!({
                "basis": b.map(|b| basis_json(b, cats, lang)),
                "locations": ls.iter().map(|l| country_json(l.country, &l.location, lang)).collect::<Vec<_>>(),
                "names": names.join(", "),
                "scc_module": (b == Some(TransferBasis::Scc)).then_some(module),
            })
        })
        .collect()
}

/// A text that may have several lines, for the templates: each line break becomes U+2028
/// LINE SEPARATOR, which the Markdown escaper writes as a hard line break
/// ([`crate::escape::markdown`]). In any other value a line break becomes a space.
fn keep_lines(s: &str) -> String {
    s.replace('\n', "\u{2028}")
}

fn person_json(p: &Person) -> Value {
    json!({
        "name": mark(ValueKind::Name, &p.name),
        "role": p.role.as_deref().map(free),
        "email": p.email.as_deref().map(|e| mark(ValueKind::Email, e)),
        "phone": p.phone.as_deref().map(|t| mark(ValueKind::Id, t)),
    })
}

fn country_json(c: Option<&Country>, code: &str, lang: Lang) -> Value {
    match c {
        Some(c) => {
            json!({ "code": c.code, "name": mark(ValueKind::Address, c.name(lang)), "eea": c.eea, "adequacy": c.adequacy, "dpf": c.dpf, "organisation": c.international_organisation })
        }
        None => {
            json!({ "code": code, "name": mark(ValueKind::Address, code), "eea": false, "adequacy": false, "dpf": false, "organisation": false })
        }
    }
}

/// An amount in euros: "50.000 EUR" / "EUR 50,000".
pub fn money(v: u64, lang: Lang) -> String {
    let digits = v.to_string();
    let sep = match lang {
        Lang::De => '.',
        Lang::En => ',',
    };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(ch);
    }
    match lang {
        Lang::De => format!("{grouped} EUR"),
        Lang::En => format!("EUR {grouped}"),
    }
}

fn roman(n: usize) -> String {
    const R: [(usize, &str); 9] = [
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
        (0, ""),
        (0, ""),
        (0, ""),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in R {
        while v > 0 && n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The clauses that apply to a contract, in order, with their numbers.
pub fn applicable<'l>(
    lib: &'l Library,
    lang: Lang,
    ctx: &tera::Context,
) -> Result<Vec<(&'l crate::clauses::Clause, String)>, Error> {
    let mut out = Vec::new();
    let (mut n_clause, mut n_annex) = (0, 0);
    for clause in lib.clauses(lang) {
        if clause.meta.kind == Kind::Part || !lib.applies(clause, ctx)? {
            continue;
        }
        let number = match (clause.meta.kind, lang) {
            (Kind::Clause, Lang::De) => {
                n_clause += 1;
                format!("§ {n_clause}")
            }
            (Kind::Clause, Lang::En) => {
                n_clause += 1;
                format!("Clause {n_clause}")
            }
            (Kind::Annex, Lang::De) => {
                n_annex += 1;
                format!("Anlage {n_annex}")
            }
            (Kind::Annex, Lang::En) => {
                n_annex += 1;
                format!("Annex {}", roman(n_annex))
            }
            (Kind::Part, _) => continue,
        };
        out.push((clause, number));
    }
    Ok(out)
}

/// The clauses that apply to a contract, in order, each with its number ("§ 7", "Annex II").
pub type Numbered<'l> = Vec<(&'l crate::clauses::Clause, String)>;

/// The clauses that apply to a contract with their numbers, and the Tera context their
/// bodies are rendered with: [`context`] plus `refs` (clause id -> "§ 7" / "Clause 7", empty
/// for a clause that does not apply).
pub fn render_context<'l>(
    c: &Contract,
    lib: &'l Library,
) -> Result<(tera::Context, Numbered<'l>), Error> {
    let cats = Catalogs::get()?;
    let lang = c.language;
    let value = context(c, cats);
    let mut ctx = tera::Context::from_serialize(&value)
        .map_err(|e| Error::Internal(format!("context: {e}")))?;
    let chosen = applicable(lib, lang, &ctx)?;
    let mut refs = serde_json::Map::new();
    for clause in lib.clauses(lang) {
        refs.insert(clause.meta.id.clone(), Value::String(String::new()));
    }
    for (clause, number) in &chosen {
        refs.insert(clause.meta.id.clone(), Value::String(number.clone()));
    }
    ctx.insert("refs", &Value::Object(refs));
    Ok((ctx, chosen))
}

/// Assembles the contract document.
pub fn assemble(c: &Contract, lib: &Library) -> Result<Document, Error> {
    let cats = Catalogs::get()?;
    let lang = c.language;
    let conv = Conventions::get()?;
    let (ctx, chosen) = render_context(c, lib)?;
    let mut sections = Vec::with_capacity(chosen.len());
    for (clause, number) in chosen {
        let rendered = lib.render(clause, &ctx)?;
        sections.push(Section::from_rendered(
            clause.meta.id.clone(),
            clause.meta.kind,
            number,
            clause.meta.title.clone(),
            &rendered,
            clause.meta.covers.clone(),
        ));
    }
    let w = words(lang);
    let party_line = |p: &Party| {
        let lines: Vec<String> = address::lines(&p.address, lang, cats, conv)
            .iter()
            .map(|l| mark(ValueKind::Address, l))
            .collect();
        format!("{}, {}", mark(ValueKind::Name, &p.name), lines.join(", "))
    };
    let parties_intro_marked = vec![
        w.between.to_string(),
        party_line(&c.controller),
        represented(&c.controller, w.represented_by, w.controller),
        w.and.to_string(),
        party_line(&c.processor),
        represented(&c.processor, w.represented_by, w.processor),
    ];
    let mut counters = std::collections::BTreeMap::new();
    let signatures = c
        .signatories
        .iter()
        .map(|s| {
            let n = counters.entry(s.party).or_insert(0);
            *n += 1;
            SignatureBlock {
                field: format!("sig_{}_{}", s.party.id(), n),
                party: s.party.id().to_string(),
                party_label: match s.party {
                    PartyRole::Controller => w.controller,
                    PartyRole::Processor => w.processor,
                }
                .to_string(),
                party_name: c.party(s.party).name.clone(),
                name: s.name.clone(),
                role: s.role.clone().unwrap_or_default(),
                place: s.place.clone().unwrap_or_default(),
            }
        })
        .collect();
    Ok(Document {
        lang,
        title: w.title.to_string(),
        subtitle: w.subtitle.to_string(),
        id: c.display_id(),
        controller: c.controller.name.clone(),
        processor: c.processor.name.clone(),
        parties_intro: parties_intro_marked
            .iter()
            .map(|l| strip_marks(l))
            .collect(),
        parties_intro_marked,
        sections,
        signatures_title: w.signatures.to_string(),
        signatures_intro: w.signatures_intro.to_string(),
        signatures,
        labels: json!({
            "place_date": w.place_date,
            "signature": w.signature,
            "page": w.page,
            "of": w.of,
            "contract": w.contract,
            "fingerprint": w.fingerprint,
        }),
    })
}

/// "vertreten durch Dr. Anna Weber (Inhaberin) – Auftraggeber (Verantwortlicher) –"
fn represented(p: &Party, by: &str, role: &str) -> String {
    let rep = &p.representative;
    let name = mark(ValueKind::Name, &rep.name);
    match &rep.role {
        Some(r) => format!("{by} {name} ({}) – {role} –", free(r)),
        None => format!("{by} {name} – {role} –"),
    }
}

/// Trims trailing spaces and collapses runs of blank lines left by template tags.
pub(crate) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

impl Document {
    /// The whole contract as Markdown: title, parties, clauses, signatures, annexes.
    pub fn to_markdown(&self) -> String {
        use crate::escape::markdown as esc;
        let mut md = String::new();
        md.push_str(&format!(
            "# {}\n\n{}\n\n",
            esc(&self.title),
            esc(&self.subtitle)
        ));
        let mut intro = self.parties_intro.iter();
        for line in intro.by_ref() {
            md.push_str(&esc(line));
            md.push_str("\n\n");
        }
        let mut signatures_done = false;
        for s in &self.sections {
            if s.kind == Kind::Annex && !signatures_done {
                self.signatures_markdown(&mut md);
                signatures_done = true;
            }
            if s.number.is_empty() {
                md.push_str(&format!("## {}\n\n{}\n\n", esc(&s.title), s.body));
            } else {
                md.push_str(&format!(
                    "## {} {}\n\n{}\n\n",
                    esc(&s.number),
                    esc(&s.title),
                    s.body
                ));
            }
        }
        if !signatures_done {
            self.signatures_markdown(&mut md);
        }
        md.truncate(md.trim_end().len());
        md.push('\n');
        md
    }

    /// The signature section; documents without signatories (the TOM document, the record)
    /// have none.
    fn signatures_markdown(&self, md: &mut String) {
        use crate::escape::markdown as esc;
        if self.signatures.is_empty() {
            return;
        }
        let labels = |k: &str| {
            self.labels
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        md.push_str(&format!(
            "## {}\n\n{}\n\n",
            esc(&self.signatures_title),
            esc(&self.signatures_intro)
        ));
        for s in &self.signatures {
            md.push_str(&format!(
                "**{}:** {}\n\n",
                esc(&s.party_label),
                esc(&s.party_name)
            ));
            let place = if s.place.is_empty() {
                String::new()
            } else {
                format!("{}, ", esc(&s.place))
            };
            md.push_str(&format!(
                "{}: {place}\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n",
                esc(&labels("place_date"))
            ));
            md.push_str(&format!(
                "{}: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n",
                esc(&labels("signature"))
            ));
            let role = if s.role.is_empty() {
                String::new()
            } else {
                format!(", {}", esc(&s.role))
            };
            md.push_str(&format!("{}{role}\n\n", esc(&s.name)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_roman() {
        assert_eq!(money(50000, Lang::De), "50.000 EUR");
        assert_eq!(money(1234567, Lang::En), "EUR 1,234,567");
        assert_eq!(money(999, Lang::En), "EUR 999");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("a  \n\n\n\nb\nc\n\n"), "a\n\nb\nc");
    }
}
