//! What `dpa processors` prints: the directory as a table (id, name, category, country,
//! DPF, DPA) and one entry with all its fields, in the reader's language.
//!
//! Columns are aligned by display width (wide characters count twice), every value is
//! shown with control characters as visible stand-ins, and long names are cut, so that a
//! user directory with any content cannot break the table or the terminal.

use unicode_width::UnicodeWidthStr;

use super::{Directory, Entry, Origin, category_name};
use crate::catalog::Catalogs;
use crate::error::visible_text;
use crate::{Lang, tr_in};

/// Longest name shown in the table, in display columns.
const NAME_WIDTH: usize = 44;

/// `s` cut to `max` display columns, with `…` where it was cut.
fn fit(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` padded with spaces to `width` display columns.
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

/// Rows of cells as lines with aligned columns (two spaces between), no trailing spaces.
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| pad(c, widths[i]))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn dpf_word(e: &Entry, lang: Lang) -> String {
    match &e.dpf {
        Some(d) if d.certified => tr_in!(lang, "dir-yes"),
        Some(_) => tr_in!(lang, "dir-no"),
        None => tr_in!(lang, "dir-unknown"),
    }
}

fn dpa_word(e: &Entry, lang: Lang) -> String {
    match &e.dpa {
        Some(d) if d.offered => tr_in!(lang, "dir-dpa-offered"),
        Some(_) => tr_in!(lang, "dir-dpa-not-offered"),
        None => tr_in!(lang, "dir-unknown"),
    }
}

/// The table of the entries matching `query` (all for an empty one) and a closing line.
/// Entries from a user directory are marked with `*`. `None` if nothing matches.
pub fn list(dir: &Directory, query: &str, lang: Lang) -> Option<String> {
    let hits = dir.search(query);
    if hits.is_empty() {
        return None;
    }
    let mut rows = vec![vec![
        tr_in!(lang, "dir-col-id"),
        tr_in!(lang, "dir-col-name"),
        tr_in!(lang, "dir-col-category"),
        tr_in!(lang, "dir-col-country"),
        tr_in!(lang, "dir-col-dpf"),
        tr_in!(lang, "dir-col-dpa"),
    ]];
    let mut users: Vec<String> = Vec::new();
    for e in &hits {
        let mut id = visible_text(&e.id);
        if let Origin::User(p) = &e.origin {
            id.push('*');
            let p = visible_text(&p.display().to_string());
            if !users.contains(&p) {
                users.push(p);
            }
        }
        rows.push(vec![
            id,
            fit(&visible_text(&e.name), NAME_WIDTH),
            category_name(&e.category, lang),
            e.country.clone(),
            dpf_word(e, lang),
            dpa_word(e, lang),
        ]);
    }
    let mut out = table(&rows);
    if !users.is_empty() {
        out.push_str(&tr_in!(lang, "dir-list-user", files = users.join(", ")));
        out.push('\n');
    }
    out.push_str(&tr_in!(
        lang,
        "dir-list-count",
        count = hits.len(),
        total = dir.len()
    ));
    out.push('\n');
    Some(out)
}

/// A country as "Deutschland (DE)".
fn country(cats: &Catalogs, code: &str, lang: Lang) -> String {
    match cats.country(code) {
        Some(c) => format!("{} ({code})", c.name(lang)),
        None => code.to_string(),
    }
}

/// The transfer basis of each location in words.
fn bases(e: &Entry, cats: &Catalogs, lang: Lang) -> Vec<String> {
    e.locations
        .iter()
        .map(|l| {
            let c = cats.country(l);
            let basis = match (e.basis(l), c) {
                (Some(b), _) => cats
                    .transfer_bases
                    .get(b.id())
                    .map(|x| x.label(lang).to_string())
                    .unwrap_or_else(|| b.id().to_string()),
                (None, Some(c)) if c.eea => tr_in!(lang, "dir-basis-eea"),
                (None, Some(c)) if c.adequacy => tr_in!(lang, "dir-basis-adequacy"),
                _ => tr_in!(lang, "dir-basis-missing"),
            };
            format!("{}: {basis}", country(cats, l, lang))
        })
        .collect()
}

/// Every field of one entry, labelled, in `lang`; the closing lines show how a contract
/// uses it.
pub fn show(e: &Entry, cats: &Catalogs, lang: Lang) -> String {
    let unknown = || tr_in!(lang, "dir-unknown-long");
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut row = |label: &str, lines: Vec<String>| rows.push((label.to_string(), lines));
    row(&tr_in!(lang, "dir-field-name"), vec![e.name.clone()]);
    row(
        &tr_in!(lang, "dir-field-category"),
        vec![category_name(&e.category, lang)],
    );
    row(
        &tr_in!(lang, "dir-field-service"),
        vec![e.service.get(lang).to_string()],
    );
    row(
        &tr_in!(lang, "dir-field-address"),
        vec![match &e.address {
            Some(a) => {
                let place = match &a.postal_code {
                    Some(pc) => format!("{pc} {}", a.city),
                    None => a.city.clone(),
                };
                format!("{}, {place}, {}", a.street, country(cats, &a.country, lang))
            }
            None => tr_in!(lang, "dir-address-absent"),
        }],
    );
    row(
        &tr_in!(lang, "dir-field-country"),
        vec![country(cats, &e.country, lang)],
    );
    row(
        &tr_in!(lang, "dir-field-locations"),
        if e.locations.is_empty() {
            vec![tr_in!(lang, "dir-locations-absent")]
        } else {
            vec![
                e.locations
                    .iter()
                    .map(|l| country(cats, l, lang))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        },
    );
    if !e.locations.is_empty() {
        row(&tr_in!(lang, "dir-field-transfer"), bases(e, cats, lang));
    }
    row(
        &tr_in!(lang, "dir-field-dpf"),
        vec![match &e.dpf {
            Some(d) if d.certified => tr_in!(
                lang,
                "dir-dpf-certified",
                entity = d.entity.clone().unwrap_or_default()
            ),
            Some(_) => tr_in!(lang, "dir-dpf-not-certified"),
            None => unknown(),
        }],
    );
    row(
        &tr_in!(lang, "dir-field-dpa"),
        vec![match &e.dpa {
            Some(d) if d.offered => match &d.how {
                Some(how) => format!("{}: {}", tr_in!(lang, "dir-dpa-offered"), how.get(lang)),
                None => tr_in!(lang, "dir-dpa-offered"),
            },
            Some(_) => tr_in!(lang, "dir-dpa-not-offered"),
            None => unknown(),
        }],
    );
    if let Some(n) = &e.note {
        row(
            &tr_in!(lang, "dir-field-note"),
            vec![n.get(lang).to_string()],
        );
    }
    if let Some(s) = &e.source {
        row(&tr_in!(lang, "dir-field-source"), vec![s.clone()]);
    }
    row(
        &tr_in!(lang, "dir-field-reviewed"),
        vec![e.reviewed.long(lang)],
    );
    row(
        &tr_in!(lang, "dir-field-origin"),
        vec![match &e.origin {
            Origin::BuiltIn => tr_in!(lang, "dir-origin-builtin"),
            Origin::User(p) => p.display().to_string(),
        }],
    );
    let width = rows.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 2;
    let mut out = format!("{}\n", visible_text(&e.id));
    for (label, lines) in &rows {
        for (i, line) in lines.iter().enumerate() {
            let head = if i == 0 {
                pad(&format!("{label}:"), width)
            } else {
                " ".repeat(width)
            };
            out.push_str(&format!("  {head}{}\n", visible_text(line)));
        }
    }
    out.push('\n');
    out.push_str(&tr_in!(lang, "dir-show-use", id = e.id.as_str()));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn entry(id: &str, name: &str) -> Entry {
        let b = super::super::Bilingual {
            de: "Dienst".into(),
            en: "Service".into(),
        };
        Entry {
            id: id.into(),
            name: name.into(),
            address: None,
            country: "DE".into(),
            locations: vec!["DE".into(), "US".into()],
            category: "hosting".into(),
            service: b,
            dpf: None,
            dpa: None,
            transfer: Vec::new(),
            note: None,
            source: None,
            reviewed: Date::parse_iso("2026-01-02").expect("date"),
            origin: Origin::User("mine.yaml".into()),
            location: Default::default(),
        }
    }

    #[test]
    fn columns_stay_aligned_with_wide_and_hostile_names() {
        let dir = Directory::from_entries([
            entry("a", "株式会社テスト"),
            entry("b", "Plain GmbH"),
            entry("c", "Evil\u{1b}[2J\u{202e}Name"),
            entry("d", &"Very long name ".repeat(10)),
        ]);
        let out = list(&dir, "", Lang::En).expect("rows");
        let lines: Vec<&str> = out.lines().take(5).collect();
        // the category column starts at the same display column on every row
        let col = |l: &str| {
            let i = l
                .find("Hosting")
                .or_else(|| l.find("category"))
                .expect("column");
            l[..i].width()
        };
        let first = col(lines[0]);
        assert!(lines.iter().all(|l| col(l) == first), "{out}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{out}"
        );
        assert!(out.contains("a*"), "{out}");
        assert!(out.contains("mine.yaml"), "{out}");
    }

    #[test]
    fn show_names_every_field_in_the_language() {
        let cats = Catalogs::get().expect("cats");
        let e = entry("a", "A GmbH");
        let de = show(&e, cats, Lang::De);
        assert!(de.contains("Vereinigte Staaten (US): "), "{de}");
        assert!(de.contains("Dienst"), "{de}");
        assert!(de.contains("2. Januar 2026"), "{de}");
        let en = show(&e, cats, Lang::En);
        assert!(en.contains("Service"), "{en}");
        assert!(en.contains("- { ref: a }"), "{en}");
    }
}
