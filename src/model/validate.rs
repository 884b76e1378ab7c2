//! Raw input -> checked [`Contract`], with every problem reported at once.

use crate::Lang;
use crate::catalog::{Catalog, Catalogs};
use crate::error::{Location, Problem, did_you_mean};
use crate::input::de::Field;
use crate::input::raw::*;
use crate::input::yaml::Node;

use super::rules;
use super::*;

/// Turns a raw contract into a checked one. `root` is the YAML tree the raw contract was
/// read from, used to place each problem at its line and column.
pub fn validate(raw: &RawContract, root: &Node, cats: &Catalogs) -> Result<Contract, Vec<Problem>> {
    let mut v = Validator {
        root,
        cats,
        problems: Vec::new(),
    };
    let contract = v.contract(raw);
    match contract {
        Some(c) if v.problems.is_empty() => Ok(c),
        _ => Err(v.problems),
    }
}

/// Turns a raw processor file into a checked one, reporting every problem at once (the
/// same field rules as the `processor` and `security` sections of a contract).
pub fn validate_processor_file(
    raw: &RawProcessorFile,
    root: &Node,
    cats: &Catalogs,
) -> Result<ProcessorFile, Vec<Problem>> {
    let mut v = Validator {
        root,
        cats,
        problems: Vec::new(),
    };
    let file = v.processor_file(raw);
    match file {
        Some(f) if v.problems.is_empty() => Ok(f),
        _ => Err(v.problems),
    }
}

struct Validator<'a> {
    root: &'a Node,
    cats: &'a Catalogs,
    problems: Vec<Problem>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'a> Validator<'a> {
    fn problem(&mut self, path: &str, message: impl Into<String>, hint: impl Into<String>) {
        let loc = self.root.locate(path);
        self.problems
            .push(Problem::new(loc, path, message).with_hint(hint));
    }

    fn missing(&mut self, path: &str) {
        let (parent, key) = match path.rfind('.') {
            Some(i) => (&path[..i], &path[i + 1..]),
            None => ("", path),
        };
        let problem = if let Some(loc) = self.root.locate_key(path) {
            // The key is there, with nothing after it.
            Problem::new(loc, path, format!("`{key}` is empty"))
                .with_hint("fill in the value; see the contract format in README.md")
        } else if parent.is_empty() {
            Problem::new(
                Location::new(1, 1),
                path,
                format!("the required section `{key}` is missing"),
            )
            .with_hint(format!(
                "add `{key}:` at the top level; see the contract format in README.md"
            ))
            .without_excerpt()
        } else {
            let loc = self
                .root
                .locate_key(parent)
                .unwrap_or_else(|| self.root.locate(parent));
            Problem::new(
                loc,
                path,
                format!("required field `{key}` is missing in `{parent}`"),
            )
            .with_hint(format!(
                "add `{key}:` under `{parent}`; see the contract format in README.md"
            ))
        };
        self.problems.push(problem);
    }

    /// A required sub-map: `None` (and a problem if absent) unless present and well-typed.
    fn req<'f, T>(&mut self, f: &'f Field<T>, path: &str) -> Option<&'f T> {
        if f.is_missing() {
            self.missing(path);
        }
        f.ok()
    }

    fn refused<T>(&mut self, r: Result<T, rules::Refusal>, path: &str) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(path, e.message, e.hint);
                None
            }
        }
    }

    fn check_text(&mut self, s: &str, path: &str) -> Option<String> {
        self.refused(rules::text(s), path)
    }

    fn req_text(&mut self, f: &Field<String>, path: &str) -> Option<String> {
        let s = self.req(f, path)?;
        self.check_text(s, path)
    }

    /// A required text that may have several lines ([`rules::lines`]).
    fn req_lines(&mut self, f: &Field<String>, path: &str) -> Option<String> {
        let s = self.req(f, path)?;
        self.refused(rules::lines(s), path)
    }

    fn opt_text(&mut self, f: &Field<String>, path: &str) -> Option<String> {
        f.ok().and_then(|s| self.check_text(s, path))
    }

    fn email(&mut self, f: &Field<String>, path: &str) -> Option<String> {
        let s = f.ok()?;
        self.refused(rules::email(s), path)
    }

    fn date(&mut self, f: &Field<String>, path: &str) -> Option<Date> {
        let s = f.ok()?;
        self.refused(rules::date(s), path)
    }

    fn country_code(&mut self, s: &str, path: &str) -> Option<String> {
        self.refused(rules::country(s, self.cats), path)
    }

    fn country(&mut self, f: &Field<String>, path: &str) -> Option<String> {
        let s = self.req(f, path)?;
        self.country_code(&s.clone(), path)
    }

    fn catalog_id(&mut self, catalog: &Catalog, what: &str, s: &str, path: &str) -> Option<String> {
        self.refused(rules::catalog_id(s, catalog, what), path)
    }

    fn choice<T: Copy>(
        &mut self,
        f: &Field<String>,
        path: &str,
        options: &[(&str, T)],
        default: Option<T>,
    ) -> Option<T> {
        let s = match f {
            Field::Missing => {
                if default.is_none() {
                    self.missing(path);
                }
                return default;
            }
            Field::Bad => return None,
            Field::Ok(s) => s,
        };
        if let Some((_, v)) = options.iter().find(|(k, _)| k == s) {
            return Some(*v);
        }
        let ids = options.iter().map(|(k, _)| *k);
        let hint = match did_you_mean(s, ids.clone()) {
            Some(m) => format!("did you mean `{m}`?"),
            None => format!("choose one of: {}", ids.collect::<Vec<_>>().join(", ")),
        };
        self.problem(path, format!("unknown value `{s}`"), hint);
        None
    }

    fn list<'f, T>(
        &mut self,
        f: &'f Field<Vec<Field<T>>>,
        path: &str,
        required: bool,
    ) -> Vec<(String, &'f T)> {
        match f {
            Field::Missing => {
                if required {
                    self.missing(path);
                }
                Vec::new()
            }
            Field::Bad => Vec::new(),
            Field::Ok(items) => {
                if required && items.is_empty() {
                    self.problem(path, "the list is empty", "name at least one entry");
                }
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, it)| {
                        let p = format!("{path}[{i}]");
                        match it {
                            Field::Ok(v) => Some((p, v)),
                            Field::Missing => {
                                self.problem(
                                    &p,
                                    "the list entry is empty",
                                    "remove the empty `-` line or fill it in",
                                );
                                None
                            }
                            Field::Bad => None,
                        }
                    })
                    .collect()
            }
        }
    }

    fn processor_file(&mut self, raw: &RawProcessorFile) -> Option<ProcessorFile> {
        let format = self.format(&raw.format);
        let language = self.language(&raw.language);
        let id = self.id(&raw.id);
        let processor = self
            .req(&raw.processor, "processor")
            .and_then(|p| self.party(p, "processor"));
        let security = self
            .req(&raw.security, "security")
            .and_then(|s| self.security(s));
        Some(ProcessorFile {
            format: format?,
            language: language?,
            id,
            processor: processor?,
            security: security?,
        })
    }

    fn format(&mut self, f: &Field<u32>) -> Option<u32> {
        match f {
            Field::Ok(1) => Some(1),
            Field::Ok(n) => {
                self.problem(
                    "format",
                    format!("contract format {n} is not known to this version of dpagen"),
                    "this version reads format 1; write `format: 1`",
                );
                None
            }
            Field::Missing => {
                self.missing("format");
                None
            }
            Field::Bad => None,
        }
    }

    fn language(&mut self, f: &Field<String>) -> Option<Lang> {
        self.choice(f, "language", &[("de", Lang::De), ("en", Lang::En)], None)
    }

    fn id(&mut self, f: &Field<String>) -> Option<String> {
        let id = self.opt_text(f, "id");
        if let Some(id) = &id
            && id.chars().count() > 100
        {
            self.problem(
                "id",
                "the id is longer than 100 characters",
                "use a short reference such as ACME-2026-001",
            );
        }
        id
    }

    fn contract(&mut self, raw: &RawContract) -> Option<Contract> {
        let format = self.format(&raw.format);
        let language = self.language(&raw.language);
        let id = self.id(&raw.id);
        let effective_date = self.date(&raw.effective_date, "effective_date");
        let main_agreement = raw.main_agreement.ok().and_then(|m| {
            let title = self.req_text(&m.title, "main_agreement.title");
            let date = self.date(&m.date, "main_agreement.date");
            title.map(|title| MainAgreement { title, date })
        });
        let controller = self
            .req(&raw.controller, "controller")
            .and_then(|p| self.party(p, "controller"));
        let processor = self
            .req(&raw.processor, "processor")
            .and_then(|p| self.party(p, "processor"));
        let processing = self
            .req(&raw.processing, "processing")
            .and_then(|p| self.processing(p));
        let instructions = self.instructions(
            raw.instructions.ok(),
            controller.as_ref(),
            processor.as_ref(),
        );
        let security = self
            .req(&raw.security, "security")
            .and_then(|s| self.security(s));
        let subprocessors = self
            .req(&raw.subprocessors, "subprocessors")
            .and_then(|s| self.subprocessors(s));
        let terms = self.terms(raw.terms.ok(), controller.as_ref());
        let options = self.options(raw.options.ok());
        let signatories = self.signatories(&raw.signatories);
        Some(Contract {
            format: format?,
            language: language?,
            id,
            effective_date,
            main_agreement,
            controller: controller?,
            processor: processor?,
            processing: processing?,
            instructions: instructions?,
            security: security?,
            subprocessors: subprocessors?,
            terms: terms?,
            options: options?,
            signatories: signatories?,
        })
    }

    /// An address. `postal_code` is required unless the country has none or it is optional
    /// there (`postal_codes` in `catalogs/countries.yaml`); an empty one counts as absent
    /// then. A street pasted on several lines is joined with ", ".
    fn address(&mut self, a: &RawAddress, path: &str) -> Option<Address> {
        let street = self
            .req(&a.street, &join(path, "street"))
            .and_then(|s| self.refused(rules::street(s), &join(path, "street")));
        let city = self.req_text(&a.city, &join(path, "city"));
        let region = self.opt_text(&a.region, &join(path, "region"));
        let country = self.country(&a.country, &join(path, "country"));
        let pc_path = join(path, "postal_code");
        // Unknown country: only a postal code that is there is checked.
        let may_lack = match &country {
            Some(c) => crate::address::Conventions::get()
                .map(|conv| conv.postal_code_use(c).may_be_left_out())
                .unwrap_or(false),
            None => true,
        };
        let postal_code = match &a.postal_code {
            Field::Ok(s) if may_lack && s.trim().is_empty() => Some(None),
            Field::Ok(s) => self.check_text(s, &pc_path).map(Some),
            Field::Missing if may_lack => Some(None),
            Field::Missing => {
                self.missing(&pc_path);
                None
            }
            Field::Bad => None,
        };
        Some(Address {
            street: street?,
            postal_code: postal_code?,
            city: city?,
            region,
            country: country?,
        })
    }

    fn person(&mut self, p: &RawPerson, path: &str) -> Option<Person> {
        let name = self.req_text(&p.name, &join(path, "name"));
        let role = self.opt_text(&p.role, &join(path, "role"));
        let email = self.email(&p.email, &join(path, "email"));
        let phone = match p.phone.ok() {
            Some(ph) => self.refused(rules::phone(ph), &join(path, "phone")),
            None => None,
        };
        Some(Person {
            name: name?,
            role,
            email,
            phone,
        })
    }

    fn party(&mut self, p: &RawParty, path: &str) -> Option<Party> {
        let name = self.req_text(&p.name, &join(path, "name"));
        let address = self
            .req(&p.address, &join(path, "address"))
            .and_then(|a| self.address(a, &join(path, "address")));
        let register = self.opt_text(&p.register, &join(path, "register"));
        let representative = self
            .req(&p.representative, &join(path, "representative"))
            .and_then(|r| self.person(r, &join(path, "representative")));
        let contact = p
            .contact
            .ok()
            .and_then(|c| self.person(c, &join(path, "contact")));
        let dpo = p.dpo.ok().and_then(|c| self.person(c, &join(path, "dpo")));
        Some(Party {
            name: name?,
            address: address?,
            register,
            representative: representative?,
            contact,
            dpo,
            staff_processing_data: p.staff_processing_data.ok().copied(),
        })
    }

    fn items(
        &mut self,
        f: &Field<Vec<Field<RawItemField>>>,
        path: &str,
        catalog: &'a Catalog,
        what: &str,
    ) -> Vec<Item> {
        let entries = self.list(f, path, true);
        let mut out = Vec::new();
        for (p, it) in entries {
            match it {
                RawItemField::Id(s) => {
                    if let Some(id) = self.catalog_id(catalog, what, s, &p) {
                        out.push(Item::Id(id));
                    }
                }
                RawItemField::Text(t) => {
                    if let Some(t) = self.check_text(t, &join(&p, "text")) {
                        out.push(Item::Text(t));
                    }
                }
            }
        }
        out
    }

    fn ids(
        &mut self,
        f: &Field<Vec<Field<String>>>,
        path: &str,
        catalog: &'a Catalog,
        what: &str,
        required: bool,
    ) -> Vec<String> {
        let entries = self.list(f, path, required);
        let mut out: Vec<String> = Vec::new();
        for (p, s) in entries {
            if let Some(id) = self.catalog_id(catalog, what, s, &p) {
                if out.contains(&id) {
                    self.problem(
                        &p,
                        format!("`{id}` is listed twice"),
                        "remove the second entry",
                    );
                } else {
                    out.push(id);
                }
            }
        }
        out
    }

    /// Processing locations: country codes or `org:` ids, each once.
    fn locations(&mut self, f: &Field<Vec<Field<String>>>, path: &str) -> Vec<String> {
        let entries = self.list(f, path, true);
        let mut out: Vec<String> = Vec::new();
        for (p, s) in entries {
            if let Some(c) = self.refused(rules::location(s, self.cats), &p)
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
        out
    }

    fn basis(&mut self, f: &Field<String>, path: &str) -> Option<TransferBasis> {
        let opts: Vec<(&str, TransferBasis)> =
            TransferBasis::ALL.iter().map(|b| (b.id(), *b)).collect();
        match f {
            Field::Missing => None,
            _ => self.choice(f, path, &opts, None),
        }
    }

    /// `transfer`: one basis, or a map from location to basis whose keys are among
    /// `locations`. `Err(())` when something is wrong (the problem is recorded).
    fn transfer(
        &mut self,
        f: &Field<RawTransfer>,
        path: &str,
        locations: &[String],
    ) -> Result<Option<Transfer>, ()> {
        match f {
            Field::Missing => Ok(None),
            Field::Bad => Err(()),
            Field::Ok(RawTransfer::One(s)) => self
                .basis(&Field::Ok(s.clone()), path)
                .map(|b| Some(Transfer::All(b)))
                .ok_or(()),
            Field::Ok(RawTransfer::PerLocation(entries)) => {
                if entries.is_empty() {
                    self.problem(
                        path,
                        crate::tr!("input-transfer-map-empty"),
                        crate::tr!("input-transfer-map-empty-hint"),
                    );
                    return Err(());
                }
                let mut map: Vec<(String, TransferBasis)> = Vec::new();
                let mut ok = true;
                for (key, value) in entries {
                    let p = join(path, key);
                    let location = self.refused(rules::location(key, self.cats), &p);
                    let basis = match value {
                        Field::Missing => {
                            self.problem(
                                &p,
                                crate::tr!("input-transfer-entry-empty", location = key.as_str()),
                                crate::tr!("input-transfer-entry-empty-hint"),
                            );
                            None
                        }
                        v => self.basis(v, &p),
                    };
                    match (location, basis) {
                        (Some(l), Some(b)) => {
                            if !locations.contains(&l) {
                                let listed = locations.join(", ");
                                self.problem(
                                    &p,
                                    crate::tr!(
                                        "input-transfer-entry-not-a-location",
                                        location = l.as_str(),
                                        locations = listed
                                    ),
                                    crate::tr!(
                                        "input-transfer-entry-not-a-location-hint",
                                        location = l.as_str()
                                    ),
                                );
                                ok = false;
                            } else if map.iter().any(|(k, _)| *k == l) {
                                self.problem(
                                    &p,
                                    crate::tr!("input-transfer-entry-twice", location = l.as_str()),
                                    crate::tr!("input-transfer-entry-twice-hint"),
                                );
                                ok = false;
                            } else {
                                map.push((l, b));
                            }
                        }
                        _ => ok = false,
                    }
                }
                if ok {
                    Ok(Some(Transfer::PerLocation(map)))
                } else {
                    Err(())
                }
            }
        }
    }

    fn processing(&mut self, p: &RawProcessing) -> Option<Processing> {
        let cats = self.cats;
        let subject_matter = self.req_lines(&p.subject_matter, "processing.subject_matter");
        let purpose = self.req_lines(&p.purpose, "processing.purpose");
        let duration = self
            .req(&p.duration, "processing.duration")
            .and_then(|d| self.duration(d));
        let operations = self.ids(
            &p.operations,
            "processing.operations",
            &cats.operations,
            "operation",
            true,
        );
        let data_categories = self.items(
            &p.data_categories,
            "processing.data_categories",
            &cats.data_categories,
            "data category",
        );
        let special_categories = self.ids(
            &p.special_categories,
            "processing.special_categories",
            &cats.special_categories,
            "special category",
            false,
        );
        let criminal_offence_data = p.criminal_offence_data.ok().copied().unwrap_or(false);
        let data_subjects = self.items(
            &p.data_subjects,
            "processing.data_subjects",
            &cats.data_subjects,
            "category of data subjects",
        );
        let locations = self.locations(&p.locations, "processing.locations");
        let transfer = self.transfer(&p.transfer, "processing.transfer", &locations);
        Some(Processing {
            subject_matter: subject_matter?,
            purpose: purpose?,
            duration: duration?,
            operations,
            data_categories,
            special_categories,
            criminal_offence_data,
            data_subjects,
            locations,
            transfer: transfer.ok()?,
        })
    }

    fn duration(&mut self, d: &RawDuration) -> Option<Duration> {
        #[derive(Clone, Copy)]
        enum K {
            Main,
            Fixed,
            Indefinite,
        }
        let kind = self.choice(
            &d.kind,
            "processing.duration.type",
            &[
                ("main_agreement", K::Main),
                ("fixed", K::Fixed),
                ("indefinite", K::Indefinite),
            ],
            None,
        )?;
        match kind {
            K::Main => Some(Duration::MainAgreement),
            K::Fixed => {
                if d.until.is_missing() {
                    self.missing("processing.duration.until");
                }
                self.date(&d.until, "processing.duration.until")
                    .map(|until| Duration::Fixed { until })
            }
            K::Indefinite => Some(Duration::Indefinite {
                notice: self.opt_text(&d.notice, "processing.duration.notice"),
            }),
        }
    }

    fn persons(&mut self, f: &Field<Vec<Field<RawPerson>>>, path: &str) -> Option<Vec<Person>> {
        let entries = self.list(f, path, false);
        let mut out = Vec::new();
        for (p, raw) in entries {
            out.push(self.person(raw, &p));
        }
        out.into_iter().collect()
    }

    fn instructions(
        &mut self,
        raw: Option<&RawInstructions>,
        controller: Option<&Party>,
        processor: Option<&Party>,
    ) -> Option<Instructions> {
        let default_person = |p: Option<&Party>| -> Vec<Person> {
            p.map(|p| {
                let mut r = p.representative.clone();
                if r.email.is_none() {
                    r.email = p.contact.as_ref().and_then(|c| c.email.clone());
                }
                vec![r]
            })
            .unwrap_or_default()
        };
        let Some(raw) = raw else {
            return Some(Instructions {
                form: InstructionForm::Text,
                controller_persons: default_person(controller),
                processor_persons: default_person(processor),
            });
        };
        let form = self.choice(
            &raw.form,
            "instructions.form",
            &[
                ("text", InstructionForm::Text),
                ("written", InstructionForm::Written),
            ],
            Some(InstructionForm::Text),
        );
        let mut cp = self.persons(&raw.controller_persons, "instructions.controller_persons");
        let mut pp = self.persons(&raw.processor_persons, "instructions.processor_persons");
        if let Some(v) = &mut cp
            && v.is_empty()
        {
            *v = default_person(controller);
        }
        if let Some(v) = &mut pp
            && v.is_empty()
        {
            *v = default_person(processor);
        }
        Some(Instructions {
            form: form?,
            controller_persons: cp?,
            processor_persons: pp?,
        })
    }

    fn security(&mut self, s: &RawSecurity) -> Option<Security> {
        let cats = self.cats;
        let measures = self.ids(
            &s.measures,
            "security.measures",
            &cats.measures,
            "security measure",
            true,
        );
        let mut custom = Vec::new();
        for (p, c) in self.list(&s.custom, "security.custom", false) {
            let area = self.req(&c.area, &join(&p, "area")).cloned().and_then(|a| {
                self.catalog_id(&cats.areas, "Art. 32(1) area", &a, &join(&p, "area"))
            });
            let text = self.req_lines(&c.text, &join(&p, "text"));
            if let (Some(area), Some(text)) = (area, text) {
                custom.push(CustomMeasure { area, text });
            }
        }
        let mut certifications = Vec::new();
        for (p, c) in self.list(&s.certifications, "security.certifications", false) {
            if let Some(t) = self.check_text(c, &p) {
                certifications.push(t);
            }
        }
        let as_of = self.date(&s.as_of, "security.as_of");
        let version = self.opt_text(&s.version, "security.version");
        Some(Security {
            measures,
            custom,
            certifications,
            as_of,
            version,
        })
    }

    fn subprocessors(&mut self, s: &RawSubprocessors) -> Option<Subprocessors> {
        let authorisation = self.choice(
            &s.authorisation,
            "subprocessors.authorisation",
            &[
                ("general", Authorisation::General),
                ("specific", Authorisation::Specific),
            ],
            None,
        );
        let notice_days = s.notice_days.ok().copied().unwrap_or(30);
        let mut list = Vec::new();
        let mut ok = true;
        for (p, sp) in self.list(&s.list, "subprocessors.list", false) {
            let name = self.req_text(&sp.name, &join(&p, "name"));
            let address = self
                .req(&sp.address, &join(&p, "address"))
                .and_then(|a| self.address(a, &join(&p, "address")));
            let service = self.req_text(&sp.service, &join(&p, "service"));
            let locations = self.locations(&sp.locations, &join(&p, "locations"));
            let transfer = self.transfer(&sp.transfer, &join(&p, "transfer"), &locations);
            match (name, address, service, transfer) {
                (Some(name), Some(address), Some(service), Ok(transfer)) => {
                    list.push(Subprocessor {
                        name,
                        address,
                        service,
                        locations,
                        transfer,
                    })
                }
                _ => ok = false,
            }
        }
        if !ok {
            return None;
        }
        Some(Subprocessors {
            authorisation: authorisation?,
            notice_days,
            list,
        })
    }

    fn terms(&mut self, raw: Option<&RawTerms>, controller: Option<&Party>) -> Option<Terms> {
        let default_law = controller
            .map(|c| c.address.country.clone())
            .unwrap_or_else(|| "DE".to_string());
        let default = RawTerms::default();
        let t = raw.unwrap_or(&default);
        let audits = t.audits.ok();
        let end = t.end_of_processing.ok();
        let end_choice = match end {
            Some(e) => self.choice(
                &e.choice,
                "terms.end_of_processing.choice",
                &[
                    ("delete", EndChoice::Delete),
                    ("return", EndChoice::Return),
                    ("return_then_delete", EndChoice::ReturnThenDelete),
                ],
                Some(EndChoice::ReturnThenDelete),
            ),
            None => Some(EndChoice::ReturnThenDelete),
        };
        let liability = self.choice(
            &t.liability,
            "terms.liability",
            &[
                ("statutory", Liability::Statutory),
                ("capped", Liability::Capped),
            ],
            Some(Liability::Statutory),
        );
        let governing_law = match &t.governing_law {
            Field::Ok(s) => self.country_code(s, "terms.governing_law"),
            Field::Missing => Some(default_law),
            Field::Bad => None,
        };
        let jurisdiction = self.opt_text(&t.jurisdiction, "terms.jurisdiction");
        let scc_member_state = match &t.scc_member_state {
            Field::Ok(s) => Some(self.refused(
                rules::eu_member_state(s, self.cats),
                "terms.scc_member_state",
            )?),
            Field::Bad => return None,
            Field::Missing => controller
                .map(|c| c.address.country.clone())
                .into_iter()
                .chain(governing_law.clone())
                .find(|code| self.cats.is_eu_member_state(code)),
        };
        Some(Terms {
            breach_notification_hours: t.breach_notification_hours.ok().copied().unwrap_or(24),
            audit_notice_days: audits
                .and_then(|a| a.notice_days.ok().copied())
                .unwrap_or(14),
            audit_on_site: audits.and_then(|a| a.on_site.ok().copied()).unwrap_or(true),
            end_choice: end_choice?,
            end_days: end.and_then(|e| e.days.ok().copied()).unwrap_or(30),
            liability: liability?,
            liability_cap_eur: t.liability_cap_eur.ok().copied(),
            governing_law: governing_law?,
            jurisdiction,
            scc_member_state,
        })
    }

    fn options(&mut self, raw: Option<&RawOptions>) -> Option<Options> {
        let Some(o) = raw else {
            return Some(Options::default());
        };
        let b = |f: &Field<bool>| f.ok().copied().unwrap_or(false);
        Some(Options {
            remote_maintenance: b(&o.remote_maintenance),
            data_carrier_disposal: b(&o.data_carrier_disposal),
            software_development: b(&o.software_development),
            data_outsourcing: b(&o.data_outsourcing),
            seizure_insolvency_notice: b(&o.seizure_insolvency_notice),
            no_right_of_retention: b(&o.no_right_of_retention),
            professional_secrecy: b(&o.professional_secrecy),
            contractual_penalty_eur: o.contractual_penalty_eur.ok().copied(),
        })
    }

    fn signatories(&mut self, f: &Field<Vec<Field<RawSignatory>>>) -> Option<Vec<Signatory>> {
        let entries = self.list(f, "signatories", true);
        let mut out = Vec::new();
        let mut ok = true;
        for (p, s) in entries {
            let party = self.choice(
                &s.party,
                &join(&p, "party"),
                &[
                    ("controller", PartyRole::Controller),
                    ("processor", PartyRole::Processor),
                ],
                None,
            );
            let name = self.req_text(&s.name, &join(&p, "name"));
            let role = self.opt_text(&s.role, &join(&p, "role"));
            let place = self.opt_text(&s.place, &join(&p, "place"));
            match (party, name) {
                (Some(party), Some(name)) => out.push(Signatory {
                    party,
                    name,
                    role,
                    place,
                }),
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }
}
