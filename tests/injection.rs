//! Nothing a user types is ever executed: party names and free texts full of Typst,
//! Markdown, HTML and Tera syntax appear literally in the PDF and change nothing else.

mod common;

use common::*;

const PAYLOADS: [&str; 12] = [
    r#"#read("/etc/passwd")"#,
    r#"ACME #show "haftet": "haftet nicht""#,
    "*x* _y_ $x$ [a](b) ![i](j)",
    "<b>fett</b> <label> &amp; &lt;",
    "{{ contract.id }} {% if true %}T{% endif %} {# c #}",
    r"C:\Temp\new \\ \n \u{41}",
    "@ref = Heading == x",
    "- item + item 1. enum 2) x",
    "#let f(n) = f(n) #f(1) #for i in range(999999999) { }",
    "// comment /* block */ `code` ~ nbsp",
    r#"#import "@preview/x:0.1.0": * #image("/etc/hostname")"#,
    "$ sum_(i=0)^oo i $ \\ #pagebreak()",
];

const TEMPLATE: &str = r#"format: 1
language: de
id: INJ-1
effective_date: 2026-12-01
main_agreement: { title: P0, date: 2026-01-15 }
controller:
  name: P1
  address: { street: Lindenallee 4, postal_code: "50667", city: P2, country: DE }
  representative: { name: P3, role: P4 }
processor:
  name: P5
  address: { street: Am Markt 2, postal_code: "50667", city: Köln, country: DE }
  representative: { name: Jonas Klein, role: Inhaber }
processing:
  subject_matter: P6
  purpose: P7
  duration: { type: main_agreement }
  operations: [collection, storage, erasure]
  data_categories: [contact, { text: P8 }]
  data_subjects: [customers, { text: P9 }]
  locations: [DE]
security:
  measures: [encryption_in_transit, encryption_at_rest, role_based_access, pseudonymisation,
             backup_daily, restore_tests, access_logging, redundancy, incident_response]
  custom: [{ area: integrity, text: P10 }]
subprocessors:
  authorisation: general
  list:
    - name: Hetzner Online GmbH
      address: { street: Industriestr. 25, postal_code: "91710", city: Gunzenhausen, country: DE }
      service: P11
      locations: [DE]
terms: { jurisdiction: Köln }
signatories:
  - { party: controller, name: Anna Weber, role: Inhaberin, place: Köln }
  - { party: processor, name: Jonas Klein, role: Inhaber, place: Köln }
"#;

fn contract(values: &[String]) -> String {
    let mut t = TEMPLATE.to_string();
    // Replace from the highest index so that P1 does not eat into P10.
    for (i, v) in values.iter().enumerate().rev() {
        t = t.replace(
            &format!("P{i}"),
            &serde_json::to_string(v).expect("json string"),
        );
    }
    t
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Replaces the document's fingerprint (full and short), which must differ, by `FP`.
fn without_fingerprint(words: &str) -> String {
    let full = words
        .split(|c: char| !c.is_ascii_hexdigit())
        .find(|w| w.len() == 64)
        .expect("fingerprint on the signature page")
        .to_string();
    words.replace(&full, "FP").replace(&full[..12], "FP")
}

#[test]
fn user_text_is_printed_literally_and_changes_nothing_else() {
    let dir = tempdir();
    let payloads: Vec<String> = PAYLOADS.iter().map(|s| s.to_string()).collect();
    let tokens: Vec<String> = (0..PAYLOADS.len())
        .map(|i| format!("Platzhalter{i}x"))
        .collect();
    std::fs::write(dir.path().join("inj.yaml"), contract(&payloads)).expect("write");
    std::fs::write(dir.path().join("base.yaml"), contract(&tokens)).expect("write");
    let out = dir.path().join("out");
    let out_s = out.to_string_lossy().into_owned();
    for f in ["inj.yaml", "base.yaml"] {
        let path = dir.path().join(f).to_string_lossy().into_owned();
        let o = dpa(&["render", &path, "-o", &out_s]);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
    }
    let inj = without_fingerprint(&pdf_words(&out.join("inj.pdf")));
    let base = without_fingerprint(&pdf_words(&out.join("base.pdf")));
    for p in PAYLOADS {
        let literal = p.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            no_space(&inj).contains(&no_space(&literal)),
            "payload not literal in PDF: {p}"
        );
    }
    assert!(!inj.contains("root:"), "a file was read");
    // Replace each payload by its token: the rest of the document must be identical.
    let mut normalised = no_space(&inj);
    for (p, t) in PAYLOADS.iter().zip(&tokens) {
        normalised = normalised.replace(&no_space(p), t);
    }
    let base_ns = no_space(&base);
    if normalised != base_ns {
        let at = normalised
            .chars()
            .zip(base_ns.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let ctx = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(80))
                .take(200)
                .collect::<String>()
        };
        panic!(
            "documents differ beyond the payloads:\ninjected: {}\nbaseline: {}",
            ctx(&normalised),
            ctx(&base_ns)
        );
    }
    // The Markdown carries the payloads escaped, never as markup.
    let md = std::fs::read_to_string(out.join("inj.md")).expect("md");
    for p in PAYLOADS {
        assert!(
            md.contains(&dpagen::escape::markdown(p)),
            "payload not escaped in Markdown: {p}"
        );
    }
    // The only HTML is the clauses' own `<br>` in table cells, as many as without the
    // payloads: none comes from a value.
    let html = |md: &str| -> Vec<String> {
        pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES)
            .filter_map(|e| match e {
                pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                    Some(h.to_string())
                }
                _ => None,
            })
            .collect()
    };
    let base_md = std::fs::read_to_string(out.join("base.md")).expect("md");
    let (inj_html, base_html) = (html(&md), html(&base_md));
    assert!(
        inj_html.iter().all(|h| h == "<br>"),
        "the Markdown contains raw HTML: {inj_html:?}"
    );
    assert_eq!(inj_html, base_html, "the payloads added HTML");
}
