//! The header row of a controllers CSV: which column each header names, by its id or an
//! alias from `catalogs/csv_columns.yaml` (`PLZ`, `Straße`, `Inhaber`, `E-Mail` ...), and
//! every problem with the header at once: unknown names (with a did-you-mean over ids and
//! aliases), two headers for one column, required columns missing.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::error::{Location, Problem};

/// One column of the catalog.
#[derive(Debug, Deserialize)]
pub struct Column {
    /// The column's id, as in README.md (`postal_code`).
    pub id: String,
    /// Whether every controllers CSV must have it.
    #[serde(default)]
    pub required: bool,
    /// Other header names for it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Header names that are not columns, with the message id of what to do instead.
#[derive(Debug, Deserialize)]
pub struct NotColumn {
    /// The header names.
    pub names: Vec<String>,
    /// Message id (locales/*/batch.ftl) of the hint.
    pub hint: String,
}

#[derive(Debug, Deserialize)]
struct File {
    columns: Vec<Column>,
    not_columns: Vec<NotColumn>,
}

static CATALOG: LazyLock<Result<File, String>> = LazyLock::new(|| {
    serde_saphyr::from_str(include_str!("../../../catalogs/csv_columns.yaml"))
        .map_err(|e| format!("catalogs/csv_columns.yaml: {e}"))
});

fn catalog() -> Result<&'static File, crate::Error> {
    CATALOG
        .as_ref()
        .map_err(|e| crate::Error::Internal(format!("built-in catalog is broken: {e}")))
}

/// The columns, in documented order.
pub fn columns() -> Result<&'static [Column], crate::Error> {
    Ok(&catalog()?.columns)
}

/// A header name as compared: lower case, ä/ö/ü/ß as ae/oe/ue/ss, letters and digits only.
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The header row read: for each cell, the column id it names (`None` for an empty header).
#[derive(Debug, Clone)]
pub struct Header {
    /// Column id per cell, in file order.
    pub ids: Vec<Option<&'static str>>,
}

impl Header {
    /// The index of the cell under which a column stands.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|c| *c == Some(id))
    }
}

/// Reads the header cells (`names` as written, `at` their positions). All problems at once:
/// an unknown name, a name for a column that an earlier header already names, a missing
/// required column (at `row`, the header's position).
pub fn header(names: &[String], at: &[Location], row: Location) -> Result<Header, Vec<Problem>> {
    let file = catalog().map_err(|e| vec![Problem::new(row, "", e.to_string())])?;
    let mut ids: Vec<Option<&'static str>> = Vec::with_capacity(names.len());
    let mut problems = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let loc = at.get(i).copied().unwrap_or(row);
        let key = normalise(name);
        if key.is_empty() {
            ids.push(None);
            continue;
        }
        let Some(col) = file
            .columns
            .iter()
            .find(|c| normalise(&c.id) == key || c.aliases.iter().any(|a| normalise(a) == key))
        else {
            problems.push(unknown(file, name, loc));
            ids.push(None);
            continue;
        };
        if let Some(first) = ids.iter().position(|c| *c == Some(col.id.as_str())) {
            problems.push(
                Problem::new(
                    loc,
                    "",
                    crate::tr!(
                        "csv-column-twice",
                        name = name.trim(),
                        other = names[first].trim(),
                        column = col.id.as_str()
                    ),
                )
                .with_hint(crate::tr!("csv-column-twice-hint")),
            );
        }
        ids.push(Some(col.id.as_str()));
    }
    let required: Vec<&str> = file
        .columns
        .iter()
        .filter(|c| c.required)
        .map(|c| c.id.as_str())
        .collect();
    for r in &required {
        if !ids.contains(&Some(*r)) {
            problems.push(
                Problem::new(row, "", format!("the required column `{r}` is missing")).with_hint(
                    format!("the header row needs at least: {}", required.join(", ")),
                ),
            );
        }
    }
    if problems.is_empty() {
        Ok(Header { ids })
    } else {
        Err(problems)
    }
}

/// The problem of an unknown header name, with what it most likely means.
fn unknown(file: &File, name: &str, loc: Location) -> Problem {
    let shown = name.trim().to_lowercase().replace([' ', '-'], "_");
    let key = normalise(name);
    let p = Problem::new(loc, "", format!("unknown column `{shown}`"));
    if let Some(nc) = file
        .not_columns
        .iter()
        .find(|nc| nc.names.iter().any(|n| normalise(n) == key))
    {
        return p.with_hint(crate::i18n::text(&nc.hint, &[]));
    }
    // The nearest id or alias; an id is named as before, an alias with its column.
    let ids = file.columns.iter().map(|c| (c.id.as_str(), None));
    let aliases = file.columns.iter().flat_map(|c| {
        c.aliases
            .iter()
            .map(move |a| (c.id.as_str(), Some(a.as_str())))
    });
    let near = ids
        .chain(aliases)
        .map(|(id, alias)| {
            let score = strsim::jaro_winkler(&key, &normalise(alias.unwrap_or(id)));
            (score, id, alias)
        })
        .filter(|(score, _, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match near {
        Some((_, id, None)) => p.with_hint(format!("did you mean `{id}`?")),
        Some((_, id, Some(alias))) => p.with_hint(crate::tr!(
            "csv-did-you-mean-alias",
            alias = alias,
            column = id
        )),
        None => p.with_hint(format!(
            "known columns: {}",
            file.columns
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(names: &[&str]) -> Result<Vec<Option<&'static str>>, Vec<String>> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let at: Vec<Location> = (0..names.len())
            .map(|i| Location::new(1, i as u32 + 1))
            .collect();
        header(&names, &at, Location::new(1, 1))
            .map(|h| h.ids)
            .map_err(|ps| {
                ps.into_iter()
                    .map(|p| format!("{} {}", p.message, p.hint.unwrap_or_default()))
                    .collect()
            })
    }

    #[test]
    fn german_headers_are_aliases() {
        crate::i18n::set_lang(crate::Lang::En);
        let ids = read(&[
            "Kundennummer",
            "Firma",
            "Straße",
            "Hausnummer",
            "PLZ",
            "Ort",
            "Land",
            "Inhaber",
            "Funktion",
            "E-Mail",
            "Ansprechpartner",
            "Telefon",
            "",
            " ",
        ])
        .expect("aliases");
        assert_eq!(
            ids,
            [
                Some("id"),
                Some("name"),
                Some("street"),
                Some("house_number"),
                Some("postal_code"),
                Some("city"),
                Some("country"),
                Some("representative_name"),
                Some("representative_role"),
                Some("contact_email"),
                Some("contact_name"),
                Some("contact_phone"),
                None,
                None
            ]
        );
        assert_eq!(
            read(&[
                "Postal Code",
                "STRASSE",
                "Name",
                "city",
                "Country",
                "Representative-Name"
            ])
            .map(|v| v.len()),
            Ok(6)
        );
    }

    #[test]
    fn header_problems_all_at_once() {
        crate::i18n::set_lang(crate::Lang::En);
        let e = read(&["Firma", "Name", "Strase", "Vorname", "stret", "Gebiet"]).expect_err("bad");
        assert_eq!(
            e,
            [
                "the columns `Name` and `Firma` both stand for the column `name` rename or delete one of them; a person's name belongs under `representative_name` (Inhaber) or `contact_name` (Ansprechpartner)",
                "unknown column `strase` did you mean `Straße` (the column `street`)?",
                "unknown column `vorname` dpagen takes a person's whole name in one column (e.g. `Inhaber` or `Ansprechpartner`): put first and last name together in one column",
                "unknown column `stret` did you mean `street`?",
                "unknown column `gebiet` known columns: id, name, street, house_number, postal_code, city, country, register, representative_name, representative_role, contact_name, contact_email, contact_phone, dpo_name, dpo_email, signatory_name, signatory_role, signatory_place, effective_date, language",
                "the required column `street` is missing the header row needs at least: name, street, postal_code, city, country, representative_name",
                "the required column `postal_code` is missing the header row needs at least: name, street, postal_code, city, country, representative_name",
                "the required column `city` is missing the header row needs at least: name, street, postal_code, city, country, representative_name",
                "the required column `country` is missing the header row needs at least: name, street, postal_code, city, country, representative_name",
                "the required column `representative_name` is missing the header row needs at least: name, street, postal_code, city, country, representative_name",
            ]
        );
    }

    #[test]
    fn no_alias_stands_for_two_columns_and_every_hint_exists() {
        let file = catalog().expect("catalog");
        let mut seen = std::collections::BTreeMap::new();
        for c in &file.columns {
            for n in std::iter::once(&c.id).chain(&c.aliases) {
                if let Some(other) = seen.insert(normalise(n), c.id.clone()) {
                    assert_eq!(other, c.id, "`{n}` stands for `{other}` and `{}`", c.id);
                }
            }
        }
        for nc in &file.not_columns {
            for lang in crate::Lang::ALL {
                assert_ne!(
                    crate::i18n::text_in(lang, &nc.hint, &[]),
                    nc.hint,
                    "{}",
                    nc.hint
                );
            }
            for n in &nc.names {
                assert!(
                    !seen.contains_key(&normalise(n)),
                    "`{n}` is a column and not one"
                );
            }
        }
    }
}
