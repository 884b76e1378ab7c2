//! The controllers CSV of `dpa batch --controllers` (the agency case): one controller per
//! row, each merged into one base contract.
//!
//! A spreadsheet export: UTF-8 with or without BOM, `;` or `,` as separator, a header row
//! whose names ignore case, spaces and hyphens (`Postal Code` = `postal_code`). Every cell
//! goes through the same field rules as the contract file ([`crate::model::rules`]), and
//! every problem points at the row's line and the cell's character column.
//!
//! [`read_controllers`] reads the file and yields one [`Sourced`] contract per row;
//! [`merge_controller`] is the merge of one row into the base contract.

use std::path::{Path, PathBuf};

use super::yaml::{self, Node, Value};
use super::{LoadedContract, Sourced, write};
use crate::Error;
use crate::catalog::Catalogs;
use crate::error::{InputError, Location, Problem, did_you_mean};
use crate::model::rules;

/// The columns of a controllers CSV, in the order documented in README.md.
pub const COLUMNS: &[&str] = &[
    "id",
    "name",
    "street",
    "postal_code",
    "city",
    "country",
    "register",
    "representative_name",
    "representative_role",
    "contact_name",
    "contact_email",
    "contact_phone",
    "dpo_name",
    "dpo_email",
    "signatory_name",
    "signatory_role",
    "signatory_place",
    "effective_date",
    "language",
];

/// The columns every controllers CSV must have.
pub const REQUIRED: &[&str] = &[
    "name",
    "street",
    "postal_code",
    "city",
    "country",
    "representative_name",
];

/// Reads the base contract and the CSV and returns one contract per non-empty row.
///
/// Errors (for the whole file): the base contract is invalid; the CSV cannot be read, its
/// header row has unknown or missing columns, or it has no rows. Problems of single rows
/// are failed [`Sourced`] entries; the other rows go on.
pub fn read_controllers(
    base_path: &Path,
    csv_path: &Path,
    cats: &Catalogs,
) -> Result<Vec<Sourced>, Error> {
    let base = super::load_contract(base_path)?;
    let raw = super::read_text(csv_path)?;
    let text = raw.strip_prefix('\u{feff}').unwrap_or(&raw).to_string();
    let delimiter = sniff_delimiter(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = headers(&mut reader, csv_path, &text)?;
    let mut out = Vec::new();
    let mut rows = 0;
    for record in reader.records() {
        rows += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                out.push(Sourced {
                    label: format!("{}, line {line}", csv_path.display()),
                    result: Err(Error::Input(InputError::single(
                        csv_path,
                        &text,
                        Problem::new(
                            Location::new(u32::try_from(line).unwrap_or(u32::MAX), 1),
                            "",
                            e.to_string(),
                        )
                        .without_excerpt(),
                    ))),
                });
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line =
            u32::try_from(record.position().map(|p| p.line()).unwrap_or(0)).unwrap_or(u32::MAX);
        let label = format!("{}, line {line}", csv_path.display());
        let columns = text
            .lines()
            .nth((line as usize).saturating_sub(1))
            .map(|l| field_columns(l, delimiter))
            .unwrap_or_default();
        let row = Row {
            headers: &headers,
            record: &record,
            columns: &columns,
            line,
        };
        let result = row
            .controller(cats)
            .map_err(|ps| Error::Input(InputError::new(csv_path, &text, ps)))
            .and_then(|over| {
                merge_controller(&base, &over, cats)
                    .map(|(contract, merged)| LoadedContract {
                        contract,
                        path: PathBuf::from(format!("{}#line{line}", csv_path.display())),
                        source: write::contract_file(
                            &merged,
                            &[&format!(
                                "From {} with the controller of {label}.",
                                base_path.display()
                            )],
                        ),
                        root: merged,
                    })
                    .map_err(|ps| {
                        let ps = ps
                            .into_iter()
                            .map(|mut p| {
                                p.location = Location::new(line, 1);
                                p
                            })
                            .collect();
                        Error::Input(InputError::new(csv_path, &text, ps))
                    })
            });
        out.push(Sourced { label, result });
    }
    if rows == 0 {
        return Err(Error::Input(InputError::single(
            csv_path,
            &text,
            Problem::new(
                Location::new(1, 1),
                "",
                "the CSV has a header row but no controllers",
            )
            .with_hint("add one row per controller"),
        )));
    }
    Ok(out)
}

/// `;` if the first line has more semicolons than commas (German spreadsheets), else `,`.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// The normalised header names; every unknown and every missing required column is a
/// problem of the whole file.
fn headers(
    reader: &mut ::csv::Reader<&[u8]>,
    csv_path: &Path,
    text: &str,
) -> Result<Vec<String>, Error> {
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Error::Input(InputError::single(
                csv_path,
                text,
                Problem::new(
                    Location::new(1, 1),
                    "",
                    format!("the header row cannot be read: {e}"),
                ),
            ))
        })?
        .iter()
        .map(|h| h.trim().to_lowercase().replace([' ', '-'], "_"))
        .collect();
    let mut problems = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if !COLUMNS.contains(&h.as_str()) {
            let hint = did_you_mean(h, COLUMNS.iter().copied())
                .map(|m| format!("did you mean `{m}`?"))
                .unwrap_or_else(|| format!("known columns: {}", COLUMNS.join(", ")));
            problems.push(
                Problem::new(
                    Location::new(1, col(i)),
                    "",
                    format!("unknown column `{h}`"),
                )
                .with_hint(hint),
            );
        }
    }
    for r in REQUIRED {
        if !headers.iter().any(|h| h == r) {
            problems.push(
                Problem::new(
                    Location::new(1, 1),
                    "",
                    format!("the required column `{r}` is missing"),
                )
                .with_hint(format!(
                    "the header row needs at least: {}",
                    REQUIRED.join(", ")
                )),
            );
        }
    }
    if problems.is_empty() {
        Ok(headers)
    } else {
        Err(Error::Input(InputError::new(csv_path, text, problems)))
    }
}

/// One data row with what is needed to point into it.
struct Row<'a> {
    headers: &'a [String],
    record: &'a ::csv::StringRecord,
    /// Character column where each cell starts.
    columns: &'a [u32],
    line: u32,
}

/// A cell rule: the cell's text to its checked value.
type Rule<'c> = &'c dyn Fn(&str) -> Result<String, rules::Refusal>;

impl Row<'_> {
    /// A non-empty cell of a column, trimmed, with its location.
    fn get(&self, name: &str) -> Option<(String, Location)> {
        let i = self.headers.iter().position(|h| h == name)?;
        let v = self.record.get(i)?.trim();
        let column = self.columns.get(i).copied().unwrap_or_else(|| col(i));
        (!v.is_empty()).then(|| (v.to_string(), Location::new(self.line, column)))
    }

    /// A cell checked by `rule`, as a string node; a problem if it is refused, or empty
    /// and `required`.
    fn field(
        &self,
        problems: &mut Vec<Problem>,
        name: &str,
        rule: Rule<'_>,
        required: bool,
    ) -> Option<Node> {
        match self.get(name) {
            Some((v, loc)) => match rule(&v) {
                Ok(v) => Some(str_node(&v, loc)),
                Err(r) => {
                    problems.push(Problem::new(loc, name, r.message).with_hint(r.hint));
                    None
                }
            },
            None if required => {
                problems.push(
                    Problem::new(
                        Location::new(self.line, 1),
                        name,
                        format!("the column `{name}` is empty in this row"),
                    )
                    .with_hint("fill it in; it is required"),
                );
                None
            }
            None => None,
        }
    }

    /// The row as a partial contract: `controller`, the controller's signatory, and `id`,
    /// `effective_date`, `language` where given; every problem of the row at once.
    fn controller(&self, cats: &Catalogs) -> Result<Node, Vec<Problem>> {
        let mut problems = Vec::new();
        let text_rule = |s: &str| rules::text(s);
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
        let street = f("street", &text_rule, true);
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

/// Merges one controller (a partial contract as [`Row::controller`] builds it) into the
/// base contract: the base's controller is replaced whole, its controller signatories are
/// replaced by the row's, its processor signatories stay. Returns the validated contract and
/// the merged tree.
pub fn merge_controller(
    base: &LoadedContract,
    over: &Node,
    cats: &Catalogs,
) -> Result<(crate::model::Contract, Node), Vec<Problem>> {
    let processor_signatories: Vec<Node> = match base.root.get("signatories").map(|n| &n.value)
    {
        Some(Value::Seq(items)) => items
            .iter()
            .filter(|s| {
                matches!(s.get("party").map(|p| &p.value), Some(Value::Str(p)) if p == "processor")
            })
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    let mut over = over.clone();
    if let Value::Map(entries) = &mut over.value {
        for (k, v) in entries.iter_mut() {
            if matches!(&k.value, Value::Str(s) if s == "signatories")
                && let Value::Seq(items) = &mut v.value
            {
                items.extend(processor_signatories.iter().cloned());
            }
        }
    }
    // The controller of the base contract is replaced whole, not merged.
    let mut base_root = base.root.clone();
    if let Value::Map(entries) = &mut base_root.value {
        entries.retain(|(k, _)| !matches!(&k.value, Value::Str(s) if s == "controller"));
    }
    let merged = yaml::merge(&base_root, &over);
    let contract = super::contract_from_node(&merged, cats)?;
    Ok((contract, merged))
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

/// The character column where each field of a CSV line starts (quotes respected).
fn field_columns(line: &str, delimiter: u8) -> Vec<u32> {
    let delim = char::from(delimiter);
    let mut starts = vec![1];
    let mut quoted = false;
    for (i, c) in line.chars().enumerate() {
        if c == '"' {
            quoted = !quoted;
        } else if c == delim && !quoted {
            starts.push(u32::try_from(i + 2).unwrap_or(u32::MAX));
        }
    }
    starts
}

fn col(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_field_columns() {
        assert_eq!(field_columns("a;\"b;c\";d", b';'), vec![1, 3, 9]);
    }

    #[test]
    fn semicolons_win_over_commas_in_the_header() {
        assert_eq!(sniff_delimiter("name;street;city, town\n"), b';');
        assert_eq!(sniff_delimiter("name,street,city\n"), b',');
    }
}
