//! The PDF's layout, judged word box by word box (poppler's `pdftotext -bbox-layout`) and on
//! rendered page images (`pdftoppm`), over the examples and inputs with the long strings
//! real parties have (tests/fixtures/layout/):
//! - no word leaves the text area of its page;
//! - no line ends with a citation word ("Art.", "§", "Abs.", "Nr.", "lit.", ...);
//! - no hyphen ends a line inside a name, an address, an e-mail address, a URL or an id
//!   (e-mail addresses and URLs may break after their own `-`, never with an added hyphen);
//! - on the signature page the lines of each row are level and each signature field lies
//!   exactly on its line, with nothing printed inside it;
//! - no heading is the last line of a page; a table that runs onto another page repeats its
//!   header row there, and no subprocessor entry is split between pages.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const INPUTS: [&str; 8] = [
    "examples/dental-practice.yaml",
    "examples/saas-crm.yaml",
    "examples/uk-payroll.yaml",
    "tests/fixtures/field/typst-long-unbreakable-strings-de.yaml",
    "tests/fixtures/layout/long-values-en.yaml",
    "tests/fixtures/layout/many-subprocessors-de.yaml",
    // A real-sized subprocessor list with a basis per location (the field case as it
    // checks clean) and a processor in India on SCC (Module 2 with every choice).
    "tests/fixtures/check/saas-vendors-per-location.yaml",
    "tests/fixtures/render/processor-india-scc.yaml",
];

/// The text area of templates/contract.typ: A4 with margins left 2.5 cm, right 2.2 cm,
/// top 2.4 cm, bottom 2.8 cm, in points.
const CM: f64 = 72.0 / 2.54;
const MARGIN_LEFT: f64 = 2.5 * CM;
const MARGIN_RIGHT: f64 = 2.2 * CM;
const MARGIN_TOP: f64 = 2.4 * CM;
const MARGIN_BOTTOM: f64 = 2.8 * CM;
/// Rounding of poppler's coordinates.
const EPS: f64 = 0.5;
/// Typst lets punctuation and hyphens at a line's edge hang into the margin by a fraction of
/// their width (optical margin alignment); nothing else may.
const HANG: f64 = 3.0;
/// Footer text (7.5 pt) has word boxes lower than this; body text (8 pt and up) higher.
const FOOTER_WORD_HEIGHT: f64 = 9.0;

fn render_all() -> (tempfile::TempDir, Vec<(String, PathBuf)>) {
    let out = tempdir();
    let out_s = out.path().to_string_lossy().into_owned();
    let mut pdfs = Vec::new();
    for file in INPUTS {
        let o = dpa(&["render", file, "-o", &out_s, "--format", "pdf,md"]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let stem = Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        pdfs.push((file.to_string(), out.path().join(format!("{stem}.pdf"))));
    }
    (out, pdfs)
}

// ---------------------------------------------------------------------------------------
// Word boxes

#[derive(Debug, Clone)]
struct Word {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

#[derive(Debug, Default)]
struct Page {
    width: f64,
    height: f64,
    /// Blocks of lines of words, in poppler's reading order.
    blocks: Vec<Vec<Vec<Word>>>,
}

fn attr(tag: &str, name: &str) -> f64 {
    tag.split(&format!(" {name}=\""))
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every page's word boxes.
fn pages(pdf: &Path) -> Vec<Page> {
    let o = Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    assert!(o.status.success(), "pdftotext failed");
    let html = String::from_utf8_lossy(&o.stdout).into_owned();
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let head = &chunk[..chunk.find('>').unwrap_or(0)];
        let mut page = Page {
            width: attr(&format!(" {head}"), "width"),
            height: attr(&format!(" {head}"), "height"),
            blocks: Vec::new(),
        };
        for block in chunk.split("<block ").skip(1) {
            let mut lines = Vec::new();
            for line in block.split("<line ").skip(1) {
                let mut words = Vec::new();
                for w in line.split("<word ").skip(1) {
                    let (tag, rest) = w.split_once('>').expect("word tag");
                    let text = rest.split("</word>").next().unwrap_or("");
                    let tag = format!(" {tag}");
                    words.push(Word {
                        x0: attr(&tag, "xMin"),
                        y0: attr(&tag, "yMin"),
                        x1: attr(&tag, "xMax"),
                        y1: attr(&tag, "yMax"),
                        text: unescape(text),
                    });
                }
                if !words.is_empty() {
                    lines.push(words);
                }
            }
            if !lines.is_empty() {
                page.blocks.push(lines);
            }
        }
        pages.push(page);
    }
    pages
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{ad}' | '–' | '—' | '„' | '“' | '”' | '‘' | '’' | '«' | '»'
        )
}

/// Words outside the text area (footer words may sit in the bottom margin).
fn outside_text_area(page: &Page) -> Vec<String> {
    let (left, right) = (MARGIN_LEFT, page.width - MARGIN_RIGHT);
    let (top, bottom) = (MARGIN_TOP, page.height - MARGIN_BOTTOM);
    let mut bad = Vec::new();
    for w in page.blocks.iter().flatten().flatten() {
        let h = w.y1 - w.y0;
        let first_hangs = w.text.chars().next().is_some_and(is_punct);
        let last_hangs = w.text.chars().last().is_some_and(is_punct);
        let left_ok = w.x0 >= left - if first_hangs { HANG } else { EPS };
        let right_ok = w.x1 <= right + if last_hangs { HANG } else { EPS };
        // Word boxes reach from the font's ascender to its descender: the first line's
        // ascenders rise above the top margin, the last line's descenders below the bottom.
        let top_ok = w.y0 >= top - 0.4 * h;
        let footer = w.y0 > bottom;
        let bottom_ok = if footer {
            h < FOOTER_WORD_HEIGHT && w.y1 <= page.height - EPS
        } else {
            w.y1 <= bottom + 0.3 * h
        };
        if !(left_ok && right_ok && top_ok && bottom_ok) {
            bad.push(format!(
                "`{}` at x {:.1}-{:.1}, y {:.1}-{:.1} (text area x {left:.1}-{right:.1}, y {top:.1}-{bottom:.1})",
                w.text, w.x0, w.x1, w.y0, w.y1
            ));
        }
    }
    bad
}

/// Citation words that must never end a line.
const ALWAYS_BOUND: [&str; 7] = ["Art.", "§", "§§", "Abs.", "UAbs.", "Nr.", "lit."];
/// Citation words that must not end a line when the next starts with their number.
const NUMBER_BOUND: [&str; 10] = [
    "Article", "Artikel", "Clause", "Klausel", "Annex", "Anlage", "Satz", "Module", "Modul", "No.",
];

fn number_like(word: &str) -> bool {
    let core = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
    let core = core.split(['(', '/', '-']).next().unwrap_or("");
    !core.is_empty()
        && (core.chars().all(|c| c.is_ascii_digit())
            || core.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
}

/// Lines that end with a citation word.
fn split_citations(page: &Page) -> Vec<String> {
    let mut bad = Vec::new();
    for block in &page.blocks {
        // A one-word block is a label (a table header "Nr."), not a split citation.
        if block.len() == 1 && block[0].len() == 1 {
            continue;
        }
        for (i, line) in block.iter().enumerate() {
            let Some(last) = line.last() else { continue };
            let word = last.text.trim_start_matches(['(', '[', '„', '"', '“']);
            let next = block.get(i + 1).and_then(|l| l.first());
            let split = ALWAYS_BOUND.contains(&word)
                || NUMBER_BOUND.contains(&word) && next.is_some_and(|n| number_like(&n.text));
            if split {
                let text: Vec<&str> = line.iter().map(|w| w.text.as_str()).collect();
                bad.push(format!(
                    "… {} | {}",
                    text.join(" "),
                    next.map(|n| n.text.as_str()).unwrap_or("")
                ));
            }
        }
    }
    bad
}

// ---------------------------------------------------------------------------------------
// Values from the contract file

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Name,
    Address,
    Id,
    Email,
    Url,
}

/// Every name, address, id, e-mail address and URL of a contract file, with its kind.
fn values(file: &str) -> Vec<(Kind, String)> {
    let text = std::fs::read_to_string(root().join(file)).expect("read contract");
    let doc: serde_json::Value = serde_saphyr::from_str(&text).expect("contract YAML");
    let lang = doc["language"].as_str().unwrap_or("en").to_string();
    let countries = country_names(&lang);
    let mut out = Vec::new();
    let mut push = |kind: Kind, v: &serde_json::Value| {
        if let Some(s) = v.as_str().filter(|s| s.chars().count() >= 4) {
            out.push((kind, s.to_string()));
        }
    };
    let person = |p: &serde_json::Value, push: &mut dyn FnMut(Kind, &serde_json::Value)| {
        push(Kind::Name, &p["name"]);
        push(Kind::Email, &p["email"]);
        push(Kind::Id, &p["phone"]);
    };
    let address = |a: &serde_json::Value, push: &mut dyn FnMut(Kind, &serde_json::Value)| {
        for k in ["street", "postal_code", "city", "region"] {
            push(Kind::Address, &a[k]);
        }
        if let Some(name) = a["country"].as_str().and_then(|c| countries.get(c)) {
            push(Kind::Address, &serde_json::Value::String(name.clone()));
        }
    };
    push(Kind::Id, &doc["id"]);
    for party in ["controller", "processor"] {
        let p = &doc[party];
        push(Kind::Name, &p["name"]);
        push(Kind::Id, &p["register"]);
        address(&p["address"], &mut push);
        for who in ["representative", "contact", "dpo"] {
            person(&p[who], &mut push);
        }
    }
    for key in ["controller_persons", "processor_persons"] {
        for p in doc["instructions"][key].as_array().into_iter().flatten() {
            person(p, &mut push);
        }
    }
    for s in doc["subprocessors"]["list"]
        .as_array()
        .into_iter()
        .flatten()
    {
        push(Kind::Name, &s["name"]);
        address(&s["address"], &mut push);
        person(&s["contact"], &mut push);
    }
    for s in doc["signatories"].as_array().into_iter().flatten() {
        push(Kind::Name, &s["name"]);
        push(Kind::Address, &s["place"]);
    }
    for url in urls(&text) {
        push(Kind::Url, &serde_json::Value::String(url));
    }
    out
}

/// URLs anywhere in a text.
fn urls(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '"' || c == '\'')
        .filter(|w| w.starts_with("https://") || w.starts_with("http://") || w.starts_with("www."))
        .map(|w| {
            w.trim_end_matches(['.', ',', ';', ':', ')', '}', ']'])
                .to_string()
        })
        .collect()
}

/// Country names in a language, by ISO code, from the catalog.
fn country_names(lang: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("catalogs/countries.yaml")).expect("catalog");
    let doc: serde_json::Value = serde_saphyr::from_str(&text).expect("countries YAML");
    doc["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            Some((
                e["code"].as_str()?.to_string(),
                e[lang].as_str()?.to_string(),
            ))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Values in the text

/// How a line break falls inside a value.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Break {
    /// At a space of the value.
    Space,
    /// After a hyphen of the value (the line ends with it).
    OwnHyphen,
    /// With a hyphen that is not in the value (hyphenation).
    AddedHyphen,
    /// Inside a word, without a hyphen; `usize` is the length of that word of the value.
    Bare(usize),
}

/// The text of the document: words joined by spaces, lines by `\n`.
fn stream(pages: &[Page]) -> Vec<char> {
    let mut lines = Vec::new();
    for page in pages {
        for block in &page.blocks {
            for line in block {
                let words: Vec<&str> = line.iter().map(|w| w.text.as_str()).collect();
                lines.push(words.join(" "));
            }
        }
    }
    lines.join("\n").chars().collect()
}

/// Length in characters of the word of `value` around position `p`.
fn word_len(value: &[char], p: usize) -> usize {
    let start = value[..p]
        .iter()
        .rposition(|c| *c == ' ')
        .map_or(0, |i| i + 1);
    let end = value[p..]
        .iter()
        .position(|c| *c == ' ')
        .map_or(value.len(), |i| p + i);
    end - start
}

/// The line breaks inside one occurrence of `value` starting at `start`, if it occurs there.
fn match_at(text: &[char], start: usize, value: &[char]) -> Option<Vec<Break>> {
    let (mut j, mut p) = (start, 0);
    let mut breaks = Vec::new();
    while p < value.len() {
        let c = *text.get(j)?;
        let next = text.get(j + 1).copied();
        if c == value[p] {
            if c == '-' && next == Some('\n') && p + 1 < value.len() {
                breaks.push(Break::OwnHyphen);
                j += 1;
            }
            j += 1;
            p += 1;
        } else if c == '\n' && p > 0 {
            if value[p] == ' ' {
                breaks.push(Break::Space);
                p += 1;
            } else {
                breaks.push(Break::Bare(word_len(value, p)));
            }
            j += 1;
        } else if (c == '\u{ad}' || c == '-' || c == '‐') && next == Some('\n') && p > 0 {
            breaks.push(Break::AddedHyphen);
            j += 2;
        } else {
            return None;
        }
    }
    Some(breaks)
}

/// Problems with line breaks inside the values of a contract.
fn broken_values(text: &[char], values: &[(Kind, String)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (kind, value) in values {
        let v: Vec<char> = value.chars().collect();
        let mut found = false;
        for start in (0..text.len()).filter(|&i| text[i] == v[0]) {
            let Some(breaks) = match_at(text, start, &v) else {
                continue;
            };
            found = true;
            for b in breaks {
                let problem = match (b, kind) {
                    (Break::AddedHyphen, _) => Some("a hyphen was added"),
                    (Break::OwnHyphen, Kind::Name | Kind::Address | Kind::Id) => {
                        Some("a line ends with its hyphen (names break only at spaces)")
                    }
                    // Only a word too wide for any column may break without a hyphen.
                    (Break::Bare(n), Kind::Name | Kind::Address | Kind::Id) if n <= 25 => {
                        Some("a word that fits on a line was broken")
                    }
                    _ => None,
                };
                if let Some(p) = problem {
                    let context: String = text[start..(start + v.len() + 4).min(text.len())]
                        .iter()
                        .collect();
                    bad.push(format!("{kind:?} `{value}`: {p}: {context:?}"));
                }
            }
        }
        assert!(found, "{kind:?} `{value}` not found in the PDF text");
    }
    bad
}

#[test]
fn nothing_leaves_the_text_area_citations_stay_whole_values_are_never_hyphenated() {
    let (_out, pdfs) = render_all();
    let mut problems = Vec::new();
    for (file, pdf) in &pdfs {
        let pages = pages(pdf);
        assert!(pages.len() >= 10, "{file}: {} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            for p in outside_text_area(page) {
                problems.push(format!("{file} page {}: outside the text area: {p}", n + 1));
            }
            for p in split_citations(page) {
                problems.push(format!("{file} page {}: citation split: {p}", n + 1));
            }
        }
        let values = values(file);
        assert!(values.len() >= 10, "{file}: only {} values", values.len());
        for p in broken_values(&stream(&pages), &values) {
            problems.push(format!("{file}: {p}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checks_catch_what_they_look_for() {
    // The value matcher on hand-made text: each kind of break is recognised.
    let text: Vec<char> = "x Muster-\nmann y Ab\u{ad}\ncd a@b-\nc.de Sehr\nlang z\nw"
        .chars()
        .collect();
    let breaks = |v: &str| {
        let v: Vec<char> = v.chars().collect();
        (0..text.len())
            .find_map(|i| match_at(&text, i, &v))
            .expect("found")
    };
    assert_eq!(breaks("Muster-mann"), vec![Break::OwnHyphen]);
    assert_eq!(breaks("Abcd a@b"), vec![Break::AddedHyphen]);
    assert_eq!(breaks("a@b-c.de"), vec![Break::OwnHyphen]);
    assert_eq!(breaks("Sehrlang"), vec![Break::Bare(8)]);
    assert_eq!(breaks("z w"), vec![Break::Space]);
    let bad = broken_values(
        &text,
        &[
            (Kind::Name, "Muster-mann".into()),
            (Kind::Name, "Abcd".into()),
            (Kind::Email, "a@b-c.de".into()),
            (Kind::Name, "Sehrlang".into()),
            (Kind::Name, "z w".into()),
        ],
    );
    assert_eq!(bad.len(), 3, "{bad:?}");
    // Word boxes outside the area and split citations.
    let word = |x0: f64, x1: f64, text: &str| Word {
        x0,
        y0: 100.0,
        x1,
        y1: 112.0,
        text: text.into(),
    };
    let page = Page {
        width: 595.0,
        height: 842.0,
        blocks: vec![vec![
            vec![word(71.0, 100.0, "nach"), word(102.0, 120.0, "Art.")],
            vec![word(71.0, 80.0, "28"), word(82.0, 599.0, "x@y.example")],
        ]],
    };
    assert_eq!(outside_text_area(&page).len(), 1);
    assert_eq!(split_citations(&page).len(), 1);
}

// ---------------------------------------------------------------------------------------
// Signature page

/// A signature field: name, page (from 1), [x0, y0, x1, y1] in PDF coordinates.
type Field = (String, usize, [f64; 4]);

/// Field rectangles from qpdf's JSON.
fn field_rects(pdf: &Path) -> Vec<Field> {
    let o = Command::new("qpdf")
        .args(["--json", "--json-key=acroform", "--json-key=qpdf"])
        .arg(pdf)
        .output()
        .expect("qpdf");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("qpdf json");
    let objects = &json["qpdf"][1];
    json["acroform"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            let key = format!("obj:{}", f["object"].as_str().expect("object"));
            let r: Vec<f64> = objects[&key]["value"]["/Rect"]
                .as_array()
                .expect("rect")
                .iter()
                .filter_map(|v| v.as_f64())
                .collect();
            (
                f["fullname"].as_str().unwrap_or("").to_string(),
                f["pageposfrom1"].as_u64().unwrap_or(0) as usize,
                [r[0], r[1], r[2], r[3]],
            )
        })
        .collect()
}

/// A page as a grey image: (width, height, pixels), `scale` pixels per point.
fn page_image(pdf: &Path, page: usize, scale: f64, dir: &Path) -> (usize, usize, Vec<u8>) {
    let prefix = dir.join(format!("page{page}"));
    let n = page.to_string();
    let o = Command::new("pdftoppm")
        .args(["-gray", "-singlefile", "-f", &n, "-l", &n, "-r"])
        .arg((72.0 * scale).to_string())
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm");
    assert!(o.status.success(), "pdftoppm failed");
    let data = std::fs::read(prefix.with_extension("pgm")).expect("pgm");
    // P5 header: magic, width, height, maxval, each followed by whitespace.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    let (w, h): (usize, usize) = (fields[1].parse().expect("w"), fields[2].parse().expect("h"));
    (w, h, data[i + 1..].to_vec())
}

/// The y (points from the top) of a dark horizontal line spanning x0..x1 near `y`, if any.
fn line_near(img: &(usize, usize, Vec<u8>), scale: f64, x0: f64, x1: f64, y: f64) -> Option<f64> {
    let (w, h, px) = img;
    let (c0, c1) = (((x0 + 1.0) * scale) as usize, ((x1 - 1.0) * scale) as usize);
    let row = (y * scale).round() as i64;
    (row - 4..=row + 4)
        .filter(|r| *r >= 0 && (*r as usize) < *h)
        .find(|&r| {
            let r = r as usize;
            let dark = (c0..c1.min(*w)).filter(|&c| px[r * w + c] < 128).count();
            dark as f64 >= 0.98 * (c1 - c0) as f64
        })
        .map(|r| r as f64 / scale)
}

#[test]
fn signature_lines_of_a_row_are_level_and_each_field_lies_on_its_line() {
    let (out, pdfs) = render_all();
    let scale = 3.0;
    for (file, pdf) in &pdfs {
        let rects = field_rects(pdf);
        assert!(rects.len() >= 2, "{file}: fields {rects:?}");
        let pages = pages(pdf);
        // Rows: sig_controller_N and sig_processor_N.
        let mut rows: BTreeMap<String, Vec<&Field>> = BTreeMap::new();
        for r in &rects {
            let n = r.0.rsplit('_').next().unwrap_or("").to_string();
            rows.entry(n).or_default().push(r);
        }
        for (n, row) in &rows {
            if let [a, b] = row.as_slice() {
                assert_eq!(a.1, b.1, "{file}: row {n} on two pages");
                assert!(
                    (a.2[1] - b.2[1]).abs() < 0.5,
                    "{file}: row {n}: lines at {} and {}",
                    a.2[1],
                    b.2[1]
                );
            }
        }
        for (name, page, [x0, y0, x1, y1]) in &rects {
            let p = &pages[page - 1];
            let img = page_image(pdf, *page, scale, out.path());
            // The field's bottom edge is the line: a dark rule across the field's width.
            let bottom = p.height - y0;
            let line = line_near(&img, scale, *x0, *x1, bottom);
            let Some(line) = line else {
                panic!("{file}: {name}: no line under the field at y {bottom:.1} ({x0:.1}-{x1:.1})")
            };
            assert!(
                (line - bottom).abs() <= 1.0,
                "{file}: {name}: line at {line:.1}, field bottom at {bottom:.1}"
            );
            assert!(
                y1 - y0 > 50.0 && x1 - x0 > 150.0,
                "{file}: {name} too small"
            );
            // Nothing is printed inside the field.
            let top = p.height - y1;
            for w in p.blocks.iter().flatten().flatten() {
                let inside =
                    w.x1 > x0 + 1.0 && w.x0 < x1 - 1.0 && w.y1 > top + 1.0 && w.y0 < bottom - 1.0;
                assert!(
                    !inside,
                    "{file}: {name}: `{}` printed inside the field",
                    w.text
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Headings, table headers, subprocessor entries

/// The headings of a rendered Markdown file (`##` and `###`), as the PDF prints them.
fn headings(md: &str) -> Vec<String> {
    md.lines()
        .filter_map(|l| l.strip_prefix("### ").or_else(|| l.strip_prefix("## ")))
        .map(|h| {
            let mut out = String::new();
            let mut escaped = false;
            for c in h.chars() {
                if c == '\\' && !escaped {
                    escaped = true;
                    continue;
                }
                escaped = false;
                out.push(c);
            }
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// Body lines of a page (not the footer), top to bottom: (top, text, block index).
fn body_lines(page: &Page) -> Vec<(f64, String, usize)> {
    let bottom = page.height - MARGIN_BOTTOM;
    let mut lines: Vec<(f64, String, usize)> = page
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(b, block)| {
            block.iter().map(move |line| {
                let text: Vec<&str> = line.iter().map(|w| w.text.as_str()).collect();
                (line[0].y0, text.join(" "), b)
            })
        })
        .filter(|(y, _, _)| *y <= bottom)
        .collect();
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    lines
}

/// The words of a page's body in rows of equal height (table cells side by side), top to
/// bottom.
fn rows(page: &Page) -> Vec<Vec<String>> {
    let bottom = page.height - MARGIN_BOTTOM;
    let mut words: Vec<&Word> = page
        .blocks
        .iter()
        .flatten()
        .flatten()
        .filter(|w| w.y0 <= bottom)
        .collect();
    words.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    let mut rows: Vec<(f64, Vec<String>)> = Vec::new();
    for w in words {
        match rows.last_mut() {
            Some((y, row)) if (w.y0 - *y).abs() < 2.0 => row.push(w.text.clone()),
            _ => rows.push((w.y0, vec![w.text.clone()])),
        }
    }
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The text of a whole block, its lines joined by spaces (hyphenated breaks rejoined).
fn block_text(block: &[Vec<Word>]) -> String {
    let lines: Vec<String> = block
        .iter()
        .map(|l| {
            l.iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    lines.join(" ").replace("\u{ad} ", "")
}

#[test]
fn headings_stay_with_their_text_table_headers_repeat_entries_stay_whole() {
    let (_out, pdfs) = render_all();
    let mut problems = Vec::new();
    for (file, pdf) in &pdfs {
        let md = std::fs::read_to_string(pdf.with_extension("md")).expect("md");
        let heads = headings(&md);
        assert!(heads.len() >= 20, "{file}: headings {heads:?}");
        let pages = pages(pdf);
        for (n, page) in pages.iter().enumerate().take(pages.len() - 1) {
            let Some((_, _, b)) = body_lines(page).last().cloned() else {
                continue;
            };
            let text = block_text(&page.blocks[b]);
            if heads.contains(&text) {
                problems.push(format!(
                    "{file} page {}: heading `{text}` ends the page",
                    n + 1
                ));
            }
        }
        // The subprocessor table: its header row, from the Markdown.
        let Some(header) = md
            .lines()
            .skip_while(|l| !l.starts_with("## Anlage 4") && !l.starts_with("## Annex IV"))
            .find(|l| l.starts_with("| "))
        else {
            continue;
        };
        let cells: Vec<String> = header
            .trim_matches('|')
            .split('|')
            .filter_map(|c| c.split_whitespace().next().map(str::to_string))
            .collect();
        let text = std::fs::read_to_string(root().join(file)).expect("contract");
        let doc: serde_json::Value = serde_saphyr::from_str(&text).expect("yaml");
        let countries = country_names(doc["language"].as_str().unwrap_or("en"));
        let subs = doc["subprocessors"]["list"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        // The page of the header's first appearance, and of each entry's name.
        let first_page = pages
            .iter()
            .position(|p| rows(p).iter().any(|r| cells.iter().all(|c| r.contains(c))));
        let Some(first_page) = first_page else {
            problems.push(format!(
                "{file}: subprocessor table header {cells:?} not found"
            ));
            continue;
        };
        // Where each entry starts: the start of its name (a name wider than its column
        // breaks inside a word).
        // Entries follow each other: each is looked for after the one before (two names may
        // start alike).
        let mut starts = Vec::new();
        let mut after = (first_page, f64::NEG_INFINITY);
        for s in &subs {
            let name = s["name"].as_str().unwrap_or("");
            let start: String = name
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .take(12)
                .collect();
            let found = pages.iter().enumerate().skip(after.0).find_map(|(i, p)| {
                let mut words: Vec<&Word> = p
                    .blocks
                    .iter()
                    .flatten()
                    .flatten()
                    .filter(|w| i > after.0 || w.y0 > after.1 + 1.0)
                    .filter(|w| w.text.starts_with(&start))
                    .collect();
                words.sort_by(|a, b| a.y0.total_cmp(&b.y0));
                words.first().map(|w| (i, w.y0))
            });
            match found {
                Some(at) => {
                    after = at;
                    starts.push((s, name, at));
                }
                None => problems.push(format!("{file}: subprocessor `{name}` not in Annex IV")),
            }
        }
        let last_page = starts
            .iter()
            .map(|(_, _, (p, _))| *p)
            .max()
            .unwrap_or(first_page);
        // Each entry ends on the page it starts on: its address and its last location are
        // there, between its name and the next entry's.
        for (i, (s, name, (page_no, y))) in starts.iter().enumerate() {
            let end = match starts.get(i + 1) {
                Some((_, _, (p, next_y))) if p == page_no => *next_y,
                _ => f64::INFINITY,
            };
            let last_location = s["locations"]
                .as_array()
                .and_then(|l| l.last())
                .and_then(|c| c.as_str())
                .and_then(|c| countries.get(c))
                .cloned()
                .unwrap_or_default();
            let address = s["address"]["city"].as_str().unwrap_or("");
            for part in [last_location.as_str(), address] {
                let first_word = part.split_whitespace().next().unwrap_or("");
                let inside = pages[*page_no].blocks.iter().flatten().flatten().any(|w| {
                    w.y0 >= y - 1.0
                        && w.y0 < end - 1.0
                        && w.text.trim_end_matches([':', ',']) == first_word
                });
                if !inside {
                    problems.push(format!(
                        "{file}: the entry of `{name}` is split: `{part}` is not with it on page {}",
                        page_no + 1
                    ));
                }
            }
        }
        for (page_no, page) in pages
            .iter()
            .enumerate()
            .take(last_page + 1)
            .skip(first_page + 1)
        {
            let top = rows(page).into_iter().next().unwrap_or_default();
            if !cells.iter().all(|c| top.contains(c)) {
                problems.push(format!(
                    "{file} page {}: the table goes on without its header {cells:?} (top row {top:?})",
                    page_no + 1
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
