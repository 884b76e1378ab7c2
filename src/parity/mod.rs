//! Parity by construction: the German and the English contract say the same thing.
//!
//! The test builds a matrix of contracts from the clause library itself ([`matrix`]: every
//! `when` condition and every branch of every clause, in both languages), renders each
//! contract in German and in English, and compares them clause by clause and paragraph by
//! paragraph ([`normalise`]): the same clauses, the same number of paragraphs, list items,
//! table rows and headings, and the same numbers (days, hours, months, amounts, dates) and
//! legal citations. Any difference fails with the clause, the paragraph, the contract
//! variant and both texts.

mod matrix;
mod normalise;

use std::path::Path;

use crate::Lang;
use crate::assemble::{Document, assemble};
use crate::clauses::Library;
use crate::model::Contract;

fn base() -> Contract {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/dental-practice.yaml");
    crate::input::load_contract(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .contract
}

fn render(c: &Contract, lang: Lang, lib: &Library) -> Document {
    let mut c = c.clone();
    c.language = lang;
    assemble(&c, lib).unwrap_or_else(|e| panic!("{lang:?}: {e}"))
}

/// Paragraphs of a clause body: blocks separated by blank lines.
fn paragraphs(body: &str) -> Vec<&str> {
    body.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// The differences between the German and the English rendering of one contract.
fn compare(variant: &str, de: &Document, en: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let ids = |d: &Document| d.sections.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    if ids(de) != ids(en) {
        out.push(format!(
            "[{variant}] the clauses differ:\n  de: {:?}\n  en: {:?}",
            ids(de),
            ids(en)
        ));
        return out;
    }
    for (d, e) in de.sections.iter().zip(&en.sections) {
        let (pd, pe) = (paragraphs(&d.body), paragraphs(&e.body));
        if pd.len() != pe.len() {
            out.push(format!(
                "[{variant}] {}: {} paragraphs in German, {} in English\n--- de\n{}\n--- en\n{}",
                d.id,
                pd.len(),
                pe.len(),
                d.body,
                e.body
            ));
            continue;
        }
        for (i, (a, b)) in pd.iter().zip(&pe).enumerate() {
            let (fa, fb) = (normalise::facts(a, Lang::De), normalise::facts(b, Lang::En));
            if fa != fb {
                out.push(format!(
                    "[{variant}] {} paragraph {}: items {}/{}, rows {}/{}, headings {}/{}\n  de tokens: {:?}\n  en tokens: {:?}\n  de: {a}\n  en: {b}",
                    d.id,
                    i + 1,
                    fa.items,
                    fb.items,
                    fa.rows,
                    fb.rows,
                    fa.headings,
                    fb.headings,
                    fa.tokens,
                    fb.tokens
                ));
            }
        }
    }
    out
}

#[test]
fn every_clause_says_the_same_in_german_and_english_over_the_full_matrix() {
    let lib = Library::builtin().expect("library");
    let base = base();
    let probes = matrix::probes(&lib);
    assert!(probes.len() > 100, "only {} branches found", probes.len());
    let (combos, uncovered) = matrix::matrix(&lib, &base, &probes);
    assert!(
        uncovered.is_empty(),
        "{} branch(es) no contract of the matrix takes; add a lever in src/parity/matrix.rs:\n{}",
        uncovered.len(),
        uncovered
            .iter()
            .map(|&i| format!("  {}", probes[i].label))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let mut failures = Vec::new();
    for combo in &combos {
        let variant = if combo.is_empty() {
            "base".to_string()
        } else {
            combo
                .iter()
                .map(|&i| matrix::LEVERS[i].0)
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let c = matrix::build(&base, combo);
        let (de, en) = (render(&c, Lang::De, &lib), render(&c, Lang::En, &lib));
        for f in compare(&variant, &de, &en) {
            if !failures.contains(&f) {
                failures.push(f);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} difference(s) between German and English over {} contracts:\n\n{}",
        failures.len(),
        combos.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_comparison_finds_a_changed_period() {
    let lib = Library::builtin().expect("library");
    let c = base();
    let de = render(&c, Lang::De, &lib);
    let mut en = render(&c, Lang::En, &lib);
    let mention = "breach_notification paragraph 1";
    assert!(
        !compare("base", &de, &en)
            .iter()
            .any(|d| d.contains(mention)),
        "the two languages already differ there"
    );
    // A period changed in one language only is found, with the clause named.
    let s = en
        .sections
        .iter_mut()
        .find(|s| s.id == "breach_notification")
        .expect("breach clause");
    s.body = s.body.replacen(
        &format!("{} hours", c.terms.breach_notification_hours),
        "96 hours",
        1,
    );
    let diffs = compare("base", &de, &en);
    assert!(diffs.iter().any(|d| d.contains(mention)), "{diffs:?}");
}
