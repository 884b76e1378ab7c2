//! The controllers CSV of `dpa batch --controllers` (the agency case): one controller per
//! row, each merged into one base contract.
//!
//! A spreadsheet export as people have them: UTF-8, UTF-16 or Windows-1252 ([`text`]),
//! Excel's `sep=;` line, `;`, `,` or tab as separator, CRLF or LF, quoted cells with line
//! breaks, header names in German or English ([`columns`]), empty trailing columns. Every
//! cell goes through the same field rules as the contract file ([`crate::model::rules`]),
//! and every problem points at the cell's line and character column.
//!
//! [`open`] reads the file once and keeps, per row, the partial contract it makes (the
//! controller and its signatory); [`Controllers::load`] merges a row into the base contract
//! by the inheritance rule of [`super::inherit`], when the row is rendered, so that memory
//! does not grow with the number of rows beyond the rows themselves.

pub mod columns;
pub mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::inherit::{self, Party};
use super::yaml::{Node, Value};
use super::{Entries, LoadedContract, Notice, write};
use crate::Error;
use crate::catalog::Catalogs;
use crate::error::{InputError, Location, Problem, Severity, SourceText};
use crate::model::{Contract, rules};

/// A controllers CSV read against its base contract.
#[derive(Debug)]
pub struct Controllers {
    base: LoadedContract,
    path: PathBuf,
    source: Arc<SourceText>,
    rows: Vec<RowEntry>,
    notices: Vec<Notice>,
}

/// One data row: where it is, and the partial contract it makes or its problems.
#[derive(Debug)]
struct RowEntry {
    /// First and last line of the row (a quoted cell may span lines).
    lines: (u32, u32),
    over: Result<Node, Vec<Problem>>,
}

/// Reads the base contract and the CSV: one entry per non-empty row.
///
/// Errors (for the whole file): the base contract is invalid; the CSV cannot be read or
/// decoded, its header row has unknown, doubled or missing columns, or it has no rows.
/// Problems of single rows come back from [`Controllers::load`]; the other rows go on.
pub fn open(base_path: &Path, csv_path: &Path, cats: &Catalogs) -> Result<Controllers, Error> {
    let base = super::load_contract(base_path)?;
    let bytes = super::read_bytes(csv_path)?;
    let decoded = text::decode(csv_path, &bytes)?;
    drop(bytes);
    let mut notices = Vec::new();
    if let Some(enc) = decoded.from {
        notices.push(Notice::file(
            csv_path,
            Severity::Note,
            crate::tr!("csv-decoded", encoding = enc),
            Some(crate::tr!("csv-export-utf8")),
        ));
    }
    let source = SourceText::new(decoded.text);
    let (start, delimiter) = text::layout(source.text());
    let body = &source.text()[start..];
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let failed = |ps: Vec<Problem>| Error::Input(InputError::shared(csv_path, source.clone(), ps));
    let mut records = reader.records();
    let header_row = match records.next() {
        Some(Ok(r)) => r,
        Some(Err(e)) => return Err(failed(vec![record_problem(&e, &source, start)])),
        None => return Err(failed(vec![no_rows()])),
    };
    let header_at = cells_at(&source, start, delimiter);
    let names: Vec<String> = header_row.iter().map(text::cell_value).collect();
    let header = columns::header(&names, &header_at, source.position(start)).map_err(failed)?;
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let p = record_problem(&e, &source, start);
                rows.push(RowEntry {
                    lines: (p.location.line, p.location.line),
                    over: Err(vec![p]),
                });
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at_byte = record_start(
            source.text(),
            start + record.position().map(|p| p.byte() as usize).unwrap_or(0),
        );
        let at = cells_at(&source, at_byte, delimiter);
        let first = source.position(at_byte).line;
        let last = at.last().map(|l| l.line).unwrap_or(first);
        let cells: Vec<String> = record.iter().map(text::cell_value).collect();
        let row = Row {
            header: &header,
            cells: &cells,
            at: &at,
            line: first,
        };
        let over = row.controller(cats);
        if let Ok(over) = &over {
            notices.extend(postal_code_notice(over, csv_path, &source, cats));
        }
        rows.push(RowEntry {
            lines: (first, last),
            over,
        });
    }
    if rows.is_empty() {
        return Err(failed(vec![no_rows()]));
    }
    let mut controllers = Controllers {
        base,
        path: csv_path.to_path_buf(),
        source,
        rows,
        notices,
    };
    controllers.notices.extend(controllers.unused_base_data());
    Ok(controllers)
}

impl Controllers {
    /// Warnings and notes about the file as a whole and single rows that do not stop them
    /// (the file's encoding, a postal code that lost its leading zero, base-contract
    /// personal data that no row uses).
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The row merged into the base contract, validated, as a tree.
    fn merged(&self, i: usize, cats: &Catalogs) -> Result<(Contract, Node), Error> {
        let row = self
            .rows
            .get(i)
            .ok_or_else(|| Error::Internal(format!("no row {i}")))?;
        let over = row.over.as_ref().map_err(|ps| self.error(ps.clone()))?;
        let mut base = self.base.root.clone();
        // The base contract's id names the base contract only; a row without one gets the
        // hash of its own contract.
        if over.get("id").is_none()
            && let Value::Map(entries) = &mut base.value
        {
            entries.retain(|(k, _)| !matches!(&k.value, Value::Str(s) if s == "id"));
        }
        let merged = inherit::merge_contract(&base, over);
        let contract = super::contract_from_node(&merged, cats).map_err(|ps| {
            let (first, last) = row.lines;
            let ps = ps
                .into_iter()
                .map(|mut p| {
                    // A problem outside the row (in what the base contract gives) is shown
                    // at the row.
                    if p.location.line < first || p.location.line > last {
                        p.location = Location::new(first, 1);
                    }
                    p
                })
                .collect();
            self.error(ps)
        })?;
        Ok((contract, merged))
    }

    fn error(&self, problems: Vec<Problem>) -> Error {
        Error::Input(InputError::shared(
            &self.path,
            self.source.clone(),
            problems,
        ))
    }

    /// Base-contract data of the controller's side that no row uses because every row
    /// names another controller (the contact, the DPO, the persons who give instructions).
    fn unused_base_data(&self) -> Vec<Notice> {
        let rows: Vec<&Node> = self
            .rows
            .iter()
            .filter_map(|r| r.over.as_ref().ok())
            .collect();
        let party = Party::Controller;
        if rows.is_empty()
            || rows
                .iter()
                .any(|r| !inherit::names_other_party(&self.base.root, r, party))
        {
            return Vec::new();
        }
        [
            "controller.contact",
            "controller.dpo",
            "instructions.controller_persons",
        ]
        .into_iter()
        .filter_map(|path| {
            let at = self.base.root.find(path)?.location;
            Some(Notice {
                file: self.base.path.clone(),
                source: SourceText::new(self.base.source.as_str()),
                severity: Severity::Warning,
                problem: Problem::new(at, path, crate::tr!("csv-base-party-data-unused"))
                    .with_hint(crate::tr!("party-data-unused-hint")),
            })
        })
        .collect()
    }
}

impl Entries for Controllers {
    fn count(&self) -> usize {
        self.rows.len()
    }

    fn label(&self, i: usize) -> String {
        let line = self.rows.get(i).map(|r| r.lines.0).unwrap_or(0);
        format!("{}, line {line}", self.path.display())
    }

    fn validate(&self, i: usize, cats: &Catalogs) -> Result<Contract, Error> {
        self.merged(i, cats).map(|(c, _)| c)
    }

    fn load(&self, i: usize, cats: &Catalogs) -> Result<LoadedContract, Error> {
        let (contract, merged) = self.merged(i, cats)?;
        let line = self.rows.get(i).map(|r| r.lines.0).unwrap_or(0);
        Ok(LoadedContract {
            contract,
            path: PathBuf::from(format!("{}#line{line}", self.path.display())),
            source: write::contract_file(
                &merged,
                &[&format!(
                    "From {} with the controller of {}.",
                    self.base.path.display(),
                    self.label(i)
                )],
            ),
            root: merged,
        })
    }
}

/// The first byte of a record: the CSV reader reports the line break before a record (the
/// `\n` of a CRLF) as its start; skip it.
fn record_start(text: &str, reported: usize) -> usize {
    let skip = text
        .get(reported..)
        .map(|rest| rest.len() - rest.trim_start_matches(['\r', '\n']).len())
        .unwrap_or(0);
    reported + skip
}

/// Where each cell of the record starting at byte `at` starts (line, character column).
fn cells_at(source: &SourceText, at: usize, delimiter: u8) -> Vec<Location> {
    text::cell_starts(source.text(), at, delimiter)
        .into_iter()
        .map(|b| source.position(b))
        .collect()
}

/// A record the CSV reader could not read (positions from the reader are relative to the
/// text after a `sep=` line).
fn record_problem(e: &::csv::Error, source: &SourceText, start: usize) -> Problem {
    let at = e
        .position()
        .map(|p| start + p.byte() as usize)
        .unwrap_or(start);
    Problem::new(source.position(at), "", e.to_string())
}

fn no_rows() -> Problem {
    Problem::new(
        Location::new(1, 1),
        "",
        "the CSV has a header row but no controllers",
    )
    .with_hint("add one row per controller")
}

/// A warning when a row's postal code does not have the length of its country's codes.
fn postal_code_notice(
    over: &Node,
    csv_path: &Path,
    source: &Arc<SourceText>,
    cats: &Catalogs,
) -> Option<Notice> {
    let address = over.get("controller")?.get("address")?;
    let code = address.get("postal_code")?;
    let (Value::Str(c), Some(Value::Str(country))) =
        (&code.value, address.get("country").map(|n| &n.value))
    else {
        return None;
    };
    let r = rules::postal_code_length(c, country, cats)?;
    Some(Notice {
        file: csv_path.to_path_buf(),
        source: source.clone(),
        severity: Severity::Warning,
        problem: Problem::new(code.location, "postal_code", r.message).with_hint(r.hint),
    })
}

/// One data row with what is needed to point into it.
struct Row<'a> {
    header: &'a columns::Header,
    cells: &'a [String],
    /// Where each cell starts.
    at: &'a [Location],
    /// The row's first line.
    line: u32,
}

/// A cell rule: the cell's text to its checked value.
type Rule<'c> = &'c dyn Fn(&str) -> Result<String, rules::Refusal>;

impl Row<'_> {
    fn cell_at(&self, i: usize) -> Location {
        self.at
            .get(i)
            .copied()
            .unwrap_or(Location::new(self.line, 1))
    }

    /// A non-empty cell of a column, with its location.
    fn get(&self, column: &str) -> Option<(&str, Location)> {
        let i = self.header.index(column)?;
        let v = self.cells.get(i)?;
        (!v.is_empty()).then(|| (v.as_str(), self.cell_at(i)))
    }

    /// A cell checked by `rule`, as a string node; a problem if it is refused, or empty
    /// and `required`.
    fn field(
        &self,
        problems: &mut Vec<Problem>,
        column: &str,
        rule: Rule<'_>,
        required: bool,
    ) -> Option<Node> {
        match self.get(column) {
            Some((v, loc)) => match rule(v) {
                Ok(v) => Some(str_node(&v, loc)),
                Err(r) => {
                    // A line break typed into a cell (Alt+Enter): say so in spreadsheet terms.
                    let hint = if v.contains('\n') && r.message == crate::tr!("text-line-break") {
                        crate::tr!("csv-cell-line-break-hint")
                    } else {
                        r.hint
                    };
                    problems.push(Problem::new(loc, column, r.message).with_hint(hint));
                    None
                }
            },
            None if required => {
                let loc = self
                    .header
                    .index(column)
                    .map(|i| self.cell_at(i))
                    .unwrap_or(Location::new(self.line, 1));
                problems.push(
                    Problem::new(
                        loc,
                        column,
                        format!("the column `{column}` is empty in this row"),
                    )
                    .with_hint("fill it in; it is required"),
                );
                None
            }
            None => None,
        }
    }

    /// Cells with data in a column that has no header name.
    fn cells_without_header(&self, problems: &mut Vec<Problem>) {
        for (i, cell) in self.cells.iter().enumerate() {
            let named = self.header.ids.get(i).copied().flatten().is_some();
            if !named && !cell.is_empty() {
                problems.push(
                    Problem::new(self.cell_at(i), "", crate::tr!("csv-cell-without-column"))
                        .with_hint(crate::tr!("csv-cell-without-column-hint")),
                );
            }
        }
    }

    /// The row as a partial contract: `controller`, the controller's signatory, and `id`,
    /// `effective_date`, `language` where given; every problem of the row at once.
    fn controller(&self, cats: &Catalogs) -> Result<Node, Vec<Problem>> {
        let mut problems = Vec::new();
        self.cells_without_header(&mut problems);
        let text_rule = |s: &str| rules::text(s);
        let street_rule = |s: &str| rules::street(s);
        let country_rule = |s: &str| rules::country(s, cats);
        let email_rule = |s: &str| rules::email(s);
        let phone_rule = |s: &str| rules::phone(s);
        let date_rule = |s: &str| rules::date(s).map(|d| d.to_string());
        let lang_rule = |s: &str| match s {
            "de" | "en" => Ok(s.to_string()),
            _ => Err(rules::Refusal {
                message: format!("unknown language `{s}`"),
                hint: "write de or en".into(),
            }),
        };
        let mut f = |name: &str, rule: Rule<'_>, required: bool| {
            self.field(&mut problems, name, rule, required)
        };
        let id = f("id", &text_rule, false);
        let name = f("name", &text_rule, true);
        let street = f("street", &street_rule, true);
        let number = f("house_number", &text_rule, false);
        let postal = f("postal_code", &text_rule, true);
        let city = f("city", &text_rule, true);
        let country = f("country", &country_rule, true);
        let register = f("register", &text_rule, false);
        let rep_name = f("representative_name", &text_rule, true);
        let rep_role = f("representative_role", &text_rule, false);
        let contact_name = f("contact_name", &text_rule, false);
        let contact_email = f("contact_email", &email_rule, false);
        let contact_phone = f("contact_phone", &phone_rule, false);
        let dpo_name = f("dpo_name", &text_rule, false);
        let dpo_email = f("dpo_email", &email_rule, false);
        let sig_name = f("signatory_name", &text_rule, false);
        let sig_role = f("signatory_role", &text_rule, false);
        let sig_place = f("signatory_place", &text_rule, false);
        let effective = f("effective_date", &date_rule, false);
        let language = f("language", &lang_rule, false);
        if !problems.is_empty() {
            return Err(problems);
        }
        let (Some(name), Some(street), Some(postal), Some(city), Some(country), Some(rep_name)) =
            (name, street, postal, city, country, rep_name)
        else {
            return Err(problems);
        };
        let street = match (number, &street.value) {
            (Some(n), Value::Str(s)) => match &n.value {
                Value::Str(n) => str_node(&format!("{s} {n}"), street.location),
                _ => street,
            },
            _ => street,
        };
        let loc = Location::new(self.line, 1);
        let mut controller = vec![
            ("name", name),
            (
                "address",
                map_node(
                    vec![
                        ("street", street),
                        ("postal_code", postal),
                        ("city", city.clone()),
                        ("country", country),
                    ],
                    loc,
                ),
            ),
        ];
        if let Some(r) = register {
            controller.push(("register", r));
        }
        let mut rep = vec![("name", rep_name.clone())];
        if let Some(r) = rep_role.clone() {
            rep.push(("role", r));
        }
        controller.push(("representative", map_node(rep, loc)));
        // An e-mail or phone without a contact name belongs to the representative.
        let contact_name = contact_name.or_else(|| {
            (contact_email.is_some() || contact_phone.is_some()).then(|| rep_name.clone())
        });
        if let Some(n) = contact_name {
            let mut c = vec![("name", n)];
            if let Some(e) = contact_email {
                c.push(("email", e));
            }
            if let Some(p) = contact_phone {
                c.push(("phone", p));
            }
            controller.push(("contact", map_node(c, loc)));
        }
        if let Some(n) = dpo_name {
            let mut d = vec![("name", n)];
            if let Some(e) = dpo_email {
                d.push(("email", e));
            }
            controller.push(("dpo", map_node(d, loc)));
        }
        let mut signatory = vec![
            ("party", str_node("controller", loc)),
            ("name", sig_name.unwrap_or(rep_name)),
        ];
        if let Some(r) = sig_role.or(rep_role) {
            signatory.push(("role", r));
        }
        signatory.push(("place", sig_place.unwrap_or(city)));
        let mut over = vec![
            ("controller", map_node(controller, loc)),
            (
                "signatories",
                Node {
                    value: Value::Seq(vec![map_node(signatory, loc)]),
                    location: loc,
                },
            ),
        ];
        if let Some(id) = id {
            over.push(("id", id));
        }
        if let Some(d) = effective {
            over.push(("effective_date", d));
        }
        if let Some(l) = language {
            over.push(("language", l));
        }
        Ok(map_node(over, loc))
    }
}

fn str_node(s: &str, loc: Location) -> Node {
    Node {
        value: Value::Str(s.to_string()),
        location: loc,
    }
}

fn map_node(entries: Vec<(&str, Node)>, loc: Location) -> Node {
    Node {
        value: Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (str_node(k, loc), v))
                .collect(),
        ),
        location: loc,
    }
}
