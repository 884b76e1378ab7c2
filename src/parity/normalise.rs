//! What a paragraph says, independent of its language: how many list items, table rows and
//! headings it has, and every number (days, hours, months, amounts, dates) and every legal
//! citation, written the same way for German and English text.
//!
//! `Art. 28 Abs. 3 Satz 2 lit. a DSGVO` and `Article 28(3)(a) GDPR` both become
//! `art28(3)(a)`; `§ 273 BGB` and `§ 273 of the German Civil Code (BGB)` both `BGB§273`;
//! `§ 9` (a clause of the contract) and `Clause 9` both `cl9`; `Anlage 3` and `Annex III`
//! both `annex3`; `vierteljährlich` and `quarterly` both `3 month`; `50.000 EUR` and
//! `EUR 50,000` both `EUR50000`.

use std::sync::LazyLock;

use regex::Regex;

use crate::Lang;

/// The language-independent content of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Facts {
    /// Bullet or numbered list items.
    pub(super) items: usize,
    /// Table rows (including header and separator).
    pub(super) rows: usize,
    /// `###` headings.
    pub(super) headings: usize,
    /// Numbers and citations, normalised, sorted.
    pub(super) tokens: Vec<String>,
}

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| panic!("regex {s}: {e}"))
}

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const LAWS: &str = "BGB|HGB|AO|ZPO|InsO|StGB|BRAO|StBerG|BDSG|WPO|PAO|BNotO|TTDSG|TDDDG";

fn roman(s: &str) -> Option<u32> {
    let mut total = 0;
    let mut prev = 0;
    for ch in s.chars().rev() {
        let v = match ch {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

/// Replaces every match by a space, handing each to `f`.
fn take(text: &mut String, r: &Regex, mut f: impl FnMut(&regex::Captures<'_>)) {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for c in r.captures_iter(text) {
        let m = c.get(0).map(|m| (m.start(), m.end())).unwrap_or((0, 0));
        f(&c);
        out.push_str(&text[last..m.0]);
        out.push(' ');
        last = m.1;
    }
    out.push_str(&text[last..]);
    *text = out;
}

fn unit(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    let u = if w.starts_with("stunde") || w.starts_with("hour") {
        "hour"
    } else if w.starts_with("tag") || w.starts_with("day") {
        "day"
    } else if w.starts_with("woche") || w.starts_with("week") {
        "week"
    } else if w.starts_with("monat") || w.starts_with("month") {
        "month"
    } else if w.starts_with("jahr") || w.starts_with("year") {
        "year"
    } else {
        return None;
    };
    Some(u)
}

fn number_word(w: &str) -> Option<u32> {
    let n = match w.to_lowercase().as_str() {
        "ein" | "eine" | "einem" | "einen" | "eines" | "einer" | "one" | "a" | "an" => 1,
        "zwei" | "two" => 2,
        "drei" | "three" => 3,
        "vier" | "four" => 4,
        "fünf" | "five" => 5,
        "sechs" | "six" => 6,
        "sieben" | "seven" => 7,
        "acht" | "eight" => 8,
        "neun" | "nine" => 9,
        "zehn" | "ten" => 10,
        "zwölf" | "twelve" => 12,
        _ => return None,
    };
    Some(n)
}

/// The facts of one paragraph of Markdown.
pub(super) fn facts(paragraph: &str, lang: Lang) -> Facts {
    let mut items = 0;
    let mut rows = 0;
    let mut headings = 0;
    for line in paragraph.lines() {
        let l = line.trim_start();
        if l.starts_with("- ") || NUMBERED.is_match(l) {
            items += 1;
        } else if l.starts_with('|') {
            rows += 1;
        } else if l.starts_with("###") {
            headings += 1;
        }
    }
    let mut tokens = Vec::new();
    let mut text = unescape(paragraph);
    match lang {
        Lang::De => german(&mut text, &mut tokens),
        Lang::En => english(&mut text, &mut tokens),
    }
    common(&mut text, &mut tokens);
    tokens.sort();
    Facts {
        items,
        rows,
        headings,
        tokens,
    }
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^\d+\. "));

/// Markdown escapes and emphasis removed.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else if c != '*' {
            out.push(c);
        }
    }
    out
}

struct Patterns {
    para: Regex,
    date: Regex,
    iso_date: Regex,
    amount: Regex,
    decision: Regex,
    law: Regex,
    law_of: Regex,
    clauses: Regex,
    own: Regex,
    annex_range: Regex,
    annex: Regex,
    annex_roman: Regex,
    chapter: Regex,
    para_ref: Regex,
    article: Regex,
    freq: Regex,
    worded: Regex,
    with_unit: Regex,
    number: Regex,
}

static DE: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    para: re(r"^\((\d+)\)\s"),
    date: re(&format!(
        r"\b(\d{{1,2}})\. ({}) (\d{{4}})\b",
        MONTHS_DE.join("|")
    )),
    iso_date: re(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    amount: re(r"\b(\d{1,3}(?:\.\d{3})*) EUR\b"),
    decision: re(r"(?:\(EU\)\s*)?\b(\d{4})/(\d{1,4})(?:/(?:EU|EG|EC|EWG|EEC))?\b"),
    law: re(&format!(
        r"§§? (\d+[a-z]?(?:(?: Abs\. \d+)?(?: Satz \d+)?(?: Nr\. \d+)?)(?:(?:, | und )\d+[a-z]?(?: Abs\. \d+)?)*) ({LAWS})\b"
    )),
    law_of: re(r"$^"),
    clauses: re(r"\bKlauseln? (\d+)(?: Buchst(?:abe|\.) ([a-z]))?((?:(?:, | und | bis )\d+)*)"),
    own: re(r"§ (\d+)"),
    annex_range: re(r"\bAnlage (\d+) bis Anlage (\d+)"),
    annex: re(r"\bAnlagen? (\d+)((?:(?:, | und )\d+)*)"),
    annex_roman: re(r"\bAnhang ([IVX]+)(?:\.([A-Z]))?"),
    chapter: re(r"\bKapitel[s]? ([IVX]+)\b"),
    para_ref: re(r"\bAbsatz(?:es)? (\d+)|\bAbsätze[n]? (\d+) (?:und|bis) (\d+)"),
    article: re(r"\bArt\. (\d+)"),
    freq: re(r"\b(viertel|halb)?jährlich|\bmonatlich|\bwöchentlich|\btäglich"),
    worded: re(
        r"\b(ein|eine|einem|einen|eines|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf) (Stunden?|Tag(?:e|en|es)?|Wochen?|Monat(?:e|en|s)?|Jahr(?:e|en|es)?)\b",
    ),
    with_unit: re(
        r"\b(\d+) (Stunden?|Tag(?:e|en|es)?|Wochen?|Monat(?:e|en|s)?|Jahr(?:e|en|es)?)\b",
    ),
    number: re(r"\d+(?:[.,]\d+)*"),
});

static EN: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    para: re(r"^\((\d+)\)\s"),
    date: re(&format!(
        r"\b(\d{{1,2}}) ({}) (\d{{4}})\b",
        MONTHS_EN.join("|")
    )),
    iso_date: re(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    amount: re(r"\bEUR (\d{1,3}(?:,\d{3})*)\b"),
    decision: re(r"(?:\(EU\)\s*)?\b(\d{4})/(\d{1,4})(?:/(?:EU|EG|EC|EWG|EEC))?\b"),
    law: re(&format!(
        r"§§? (\d+[a-z]?(?:\(\d+\))?(?:(?:, | and )\d+[a-z]?(?:\(\d+\))?)*) ({LAWS})\b"
    )),
    law_of: re(&format!(
        r"§§? (\d+[a-z]?(?:\(\d+\))?(?:(?:, | and )\d+[a-z]?(?:\(\d+\))?)*) of the [A-Z][A-Za-z' ]+ \(({LAWS})\)"
    )),
    clauses: re(r"\bClauses? (\d+)(?:\(([a-z])\))?((?:(?:, | and | to )\d+)*)"),
    own: re(r"$^"),
    annex_range: re(r"\bAnnex ([IVX]+) to Annex ([IVX]+)"),
    annex: re(r"$^"),
    annex_roman: re(r"\bAnnex(?:es)? ([IVX]+)(?:\.([A-Z]))?"),
    chapter: re(r"\bChapter ([IVX]+)\b"),
    para_ref: re(r"\bparagraph \((\d+)\)|\bparagraphs \((\d+)\) (?:and|to) \((\d+)\)"),
    article: re(r"\b(?:Art\.|Articles?) (\d+)"),
    freq: re(r"\bquarterly|\bannually|\byearly|\bmonthly|\bweekly|\bdaily"),
    worded: re(
        r"\b(one|a|an|two|three|four|five|six|seven|eight|nine|ten|twelve) (hours?|days?|weeks?|months?|years?)\b",
    ),
    with_unit: re(r"\b(\d+) (hours?|days?|weeks?|months?|years?)\b"),
    number: re(r"\d+(?:[.,]\d+)*"),
});

fn german(text: &mut String, tokens: &mut Vec<String>) {
    let p = &*DE;
    before_articles(text, tokens, p, Lang::De);
    articles_de(text, tokens);
    after_articles(text, tokens, p, Lang::De);
}

fn english(text: &mut String, tokens: &mut Vec<String>) {
    let p = &*EN;
    before_articles(text, tokens, p, Lang::En);
    articles_en(text, tokens);
    after_articles(text, tokens, p, Lang::En);
}

fn before_articles(text: &mut String, tokens: &mut Vec<String>, p: &Patterns, lang: Lang) {
    take(text, &p.para, |c| tokens.push(format!("({})", &c[1])));
    let months = match lang {
        Lang::De => MONTHS_DE,
        Lang::En => MONTHS_EN,
    };
    take(text, &p.date, |c| {
        let m = months.iter().position(|x| *x == &c[2]).unwrap_or(0) + 1;
        let d: u32 = c[1].parse().unwrap_or(0);
        tokens.push(format!("date{}-{m:02}-{d:02}", &c[3]));
    });
    take(text, &p.iso_date, |c| {
        tokens.push(format!("date{}-{}-{}", &c[1], &c[2], &c[3]))
    });
    take(text, &p.amount, |c| {
        tokens.push(format!("EUR{}", c[1].replace(['.', ','], "")))
    });
    take(text, &p.decision, |c| {
        tokens.push(format!("dec{}/{}", &c[1], &c[2]))
    });
    let mut law = |c: &regex::Captures<'_>| {
        let list = c[1].replace(" und ", ", ").replace(" and ", ", ");
        for part in list.split(", ") {
            // `§ 203 Abs. 4` and `§ 203(4)` alike.
            let part = part
                .replace(" Abs. ", "(")
                .replace(" Satz ", ")s")
                .replace(" Nr. ", "n");
            let mut part = part.clone();
            if part.contains('(') && !part.contains(')') {
                part.push(')');
            }
            tokens.push(format!("{}§{part}", &c[2]));
        }
    };
    take(text, &p.law_of, &mut law);
    take(text, &p.law, &mut law);
    take(text, &p.clauses, |c| {
        let letter = c
            .get(2)
            .map(|l| format!("({})", l.as_str()))
            .unwrap_or_default();
        tokens.push(format!("cl{}{letter}", &c[1]));
        list_tail(
            c.get(3).map(|m| m.as_str()).unwrap_or(""),
            &c[1],
            "cl",
            tokens,
        );
    });
    take(text, &p.own, |c| tokens.push(format!("cl{}", &c[1])));
    take(text, &p.annex_range, |c| {
        let n = |s: &str| s.parse::<u32>().ok().or_else(|| roman(s)).unwrap_or(0);
        tokens.push(format!("annex{}-{}", n(&c[1]), n(&c[2])));
    });
    take(text, &p.annex, |c| {
        tokens.push(format!("annex{}", &c[1]));
        list_tail(
            c.get(2).map(|m| m.as_str()).unwrap_or(""),
            &c[1],
            "annex",
            tokens,
        );
    });
    take(text, &p.annex_roman, |c| {
        let sub = c
            .get(2)
            .map(|s| format!(".{}", s.as_str()))
            .unwrap_or_default();
        tokens.push(format!("annex{}{sub}", roman(&c[1]).unwrap_or(0)));
    });
    take(text, &p.chapter, |c| {
        tokens.push(format!("ch{}", roman(&c[1]).unwrap_or(0)))
    });
    take(text, &p.para_ref, |c| {
        for i in 1..=3 {
            if let Some(m) = c.get(i) {
                tokens.push(format!("pref{}", m.as_str()));
            }
        }
    });
}

/// `, 5`, ` und 7`, ` bis 9` after a first number: more numbers, or a range.
fn list_tail(tail: &str, first: &str, prefix: &str, tokens: &mut Vec<String>) {
    let mut prev = first.to_string();
    let mut rest = tail;
    while !rest.is_empty() {
        let (sep, after) = if let Some(r) = rest.strip_prefix(", ") {
            (",", r)
        } else if let Some(r) = rest.strip_prefix(" und ").or(rest.strip_prefix(" and ")) {
            (",", r)
        } else if let Some(r) = rest.strip_prefix(" bis ").or(rest.strip_prefix(" to ")) {
            ("-", r)
        } else {
            break;
        };
        let end = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        let n = &after[..end];
        if sep == "-" {
            if let Some(last) = tokens.last_mut() {
                *last = format!("{prefix}{prev}-{n}");
            }
        } else {
            tokens.push(format!("{prefix}{n}"));
        }
        prev = n.to_string();
        rest = &after[end..];
    }
}

fn after_articles(text: &mut String, tokens: &mut Vec<String>, p: &Patterns, _lang: Lang) {
    take(text, &p.freq, |c| {
        let w = c[0].to_lowercase();
        let t = if w.starts_with("viertel") || w == "quarterly" {
            "3 month"
        } else if w.starts_with("halb") {
            "6 month"
        } else if w.contains("jährlich") || w == "annually" || w == "yearly" {
            "1 year"
        } else if w.starts_with("monat") || w == "monthly" {
            "1 month"
        } else if w.starts_with("wöchent") || w == "weekly" {
            "1 week"
        } else {
            "1 day"
        };
        tokens.push(t.to_string());
    });
    take(text, &p.worded, |c| {
        if let (Some(n), Some(u)) = (number_word(&c[1]), unit(&c[2])) {
            tokens.push(format!("{n} {u}"));
        }
    });
    take(text, &p.with_unit, |c| {
        if let Some(u) = unit(&c[2]) {
            tokens.push(format!("{} {u}", &c[1]));
        }
    });
}

fn common(text: &mut String, tokens: &mut Vec<String>) {
    let number = &EN.number;
    take(text, number, |c| tokens.push(c[0].replace(',', ".")));
}

/// One article citation as parsed: article, paragraph, sentence / subparagraph, point.
#[derive(Default, Clone)]
struct Cite {
    art: String,
    para: Option<String>,
    sub: Option<String>,
    point: Option<String>,
}

impl Cite {
    fn token(&self) -> String {
        let mut t = format!("art{}", self.art);
        if let Some(p) = &self.para {
            t.push_str(&format!("({p})"));
        }
        // German cites the sentence of Art. 28(3) before its points; English does not.
        if let Some(s) = &self.sub
            && self.point.is_none()
        {
            t.push_str(s);
        }
        if let Some(x) = &self.point {
            t.push_str(&format!("({x})"));
        }
        t
    }
}

fn ordinal(w: &str) -> Option<&'static str> {
    Some(match w {
        "first" => "1",
        "second" => "2",
        "third" => "3",
        "fourth" => "4",
        _ => return None,
    })
}

static DE_PART: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?: (Abs)\. (\d+)| (Satz) (\d+)| (Unterabs)\. (\d+)| (lit|Buchst)\. ([a-z])| (Nr)\. (\d+)| (und|bis|oder) (\d+|[a-z])\b)",
    )
});
static EN_PART: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\((\d+)\)|\(([a-z])\)|, (first|second|third|fourth) (sentence|subparagraph)| (and|to|or) \((\d+)\)| (and|to|or) \(([a-z])\)| (and|to|or) (\d+)\b)",
    )
});

/// German article citations: `Art. 28 Abs. 3 Satz 2 lit. a`, `Art. 12 bis 22`,
/// `Art. 28 Abs. 2 und 4`, `Art. 32 Abs. 1 lit. a bis d`.
fn articles_de(text: &mut String, tokens: &mut Vec<String>) {
    let head = &DE.article;
    let mut out = String::new();
    let mut rest: &str = text;
    while let Some(m) = head.captures(rest) {
        let whole = m.get(0).map(|x| (x.start(), x.end())).unwrap_or((0, 0));
        out.push_str(&rest[..whole.0]);
        out.push(' ');
        let mut cites = vec![Cite {
            art: m[1].to_string(),
            ..Cite::default()
        }];
        let mut last = "art";
        let mut tail = &rest[whole.1..];
        while let Some(p) = DE_PART.captures(tail) {
            let len = p.get(0).map(|x| x.end()).unwrap_or(0);
            let mut c = cites.last().cloned().unwrap_or_default();
            if p.get(1).is_some() {
                c.para = Some(p[2].to_string());
                last = "para";
                *cites.last_mut().expect("cite") = c;
            } else if p.get(3).is_some() {
                c.sub = Some(format!("s{}", &p[4]));
                *cites.last_mut().expect("cite") = c;
            } else if p.get(5).is_some() {
                c.sub = Some(format!("sub{}", &p[6]));
                *cites.last_mut().expect("cite") = c;
            } else if p.get(7).is_some() {
                c.point = Some(p[8].to_string());
                last = "point";
                *cites.last_mut().expect("cite") = c;
            } else if p.get(9).is_some() {
                if c.para.is_none() {
                    c.para = Some(p[10].to_string());
                    last = "para";
                } else {
                    c.point = Some(p[10].to_string());
                    last = "point";
                }
                *cites.last_mut().expect("cite") = c;
            } else {
                let (conj, v) = (&p[11], p[12].to_string());
                continuation(&mut cites, last, conj == "bis", v);
            }
            tail = &tail[len..];
        }
        tokens.extend(cites.iter().map(Cite::token));
        rest = tail;
    }
    out.push_str(rest);
    *text = out;
}

/// `und 4` / `bis d` / `to (4)`: another article, paragraph or point, or a range.
fn continuation(cites: &mut Vec<Cite>, last: &str, range: bool, v: String) {
    let Some(prev) = cites.last().cloned() else {
        return;
    };
    let is_letter = v.chars().all(|c| c.is_ascii_lowercase());
    if range {
        let last_cite = cites.last_mut().expect("cite");
        match (last, is_letter) {
            ("point", true) => {
                last_cite.point = Some(format!("{}-{v}", prev.point.unwrap_or_default()))
            }
            ("para", false) => {
                last_cite.para = Some(format!("{}-{v}", prev.para.unwrap_or_default()))
            }
            _ => last_cite.art = format!("{}-{v}", prev.art),
        }
        return;
    }
    let mut next = prev.clone();
    match (last, is_letter) {
        ("point", true) => next.point = Some(v),
        ("para", false) => {
            next.para = Some(v);
            next.point = None;
            next.sub = None;
        }
        _ => {
            next = Cite {
                art: v,
                ..Cite::default()
            }
        }
    }
    cites.push(next);
}

/// English article citations: `Article 28(3)(a)`, `Articles 12 to 22`,
/// `Article 28(2) and (4)`, `Article 32(1)(a) to (d)`, `Article 28(4), second sentence`.
fn articles_en(text: &mut String, tokens: &mut Vec<String>) {
    let head = &EN.article;
    let mut out = String::new();
    let mut rest: &str = text;
    while let Some(m) = head.captures(rest) {
        let whole = m.get(0).map(|x| (x.start(), x.end())).unwrap_or((0, 0));
        out.push_str(&rest[..whole.0]);
        out.push(' ');
        let mut cites = vec![Cite {
            art: m[1].to_string(),
            ..Cite::default()
        }];
        let mut tail = &rest[whole.1..];
        while let Some(p) = EN_PART.captures(tail) {
            let len = p.get(0).map(|x| x.end()).unwrap_or(0);
            let mut c = cites.last().cloned().unwrap_or_default();
            if let Some(n) = p.get(1) {
                if c.para.is_none() {
                    c.para = Some(n.as_str().to_string());
                } else {
                    c.point = Some(n.as_str().to_string());
                }
                *cites.last_mut().expect("cite") = c;
            } else if let Some(x) = p.get(2) {
                c.point = Some(x.as_str().to_string());
                *cites.last_mut().expect("cite") = c;
            } else if let Some(o) = p.get(3) {
                let kind = if &p[4] == "sentence" { "s" } else { "sub" };
                c.sub = Some(format!("{kind}{}", ordinal(o.as_str()).unwrap_or("?")));
                *cites.last_mut().expect("cite") = c;
            } else if let Some(conj) = p.get(5) {
                continuation(&mut cites, "para", conj.as_str() == "to", p[6].to_string());
            } else if let Some(conj) = p.get(7) {
                continuation(&mut cites, "point", conj.as_str() == "to", p[8].to_string());
            } else if let Some(conj) = p.get(9) {
                continuation(&mut cites, "art", conj.as_str() == "to", p[10].to_string());
            }
            tail = &tail[len..];
        }
        tokens.extend(cites.iter().map(Cite::token));
        rest = tail;
    }
    out.push_str(rest);
    *text = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de(s: &str) -> Vec<String> {
        facts(s, Lang::De).tokens
    }

    fn en(s: &str) -> Vec<String> {
        facts(s, Lang::En).tokens
    }

    #[test]
    fn article_citations_are_the_same_in_both_languages() {
        let pairs = [
            (
                "Art. 28 Abs. 3 Satz 2 lit. a DSGVO",
                "Article 28(3)(a) GDPR",
            ),
            (
                "Art. 28 Abs. 3 Unterabs. 2 DSGVO",
                "Article 28(3), second subparagraph, GDPR",
            ),
            (
                "Art. 28 Abs. 4 Satz 2 DSGVO",
                "Article 28(4), second sentence, GDPR",
            ),
            ("Art. 4 Nr. 7 DSGVO", "Article 4(7) GDPR"),
            ("Art. 12 bis 22 DSGVO", "Articles 12 to 22 GDPR"),
            ("Art. 44 bis 50 DSGVO", "Articles 44 to 50 GDPR"),
            ("Art. 13 und 14 DSGVO", "Articles 13 and 14 GDPR"),
            ("Art. 28 Abs. 2 und 4 DSGVO", "Article 28(2) and (4) GDPR"),
            (
                "Art. 32 Abs. 1 lit. a bis d DSGVO",
                "Article 32(1)(a) to (d) GDPR",
            ),
            (
                "Art. 29, Art. 32 Abs. 4 DSGVO",
                "Articles 29 and 32(4) GDPR",
            ),
            ("Art. 46 Abs. 2 lit. c DSGVO", "Art. 46(2)(c) GDPR"),
            ("Art. 33 und Art. 34 DSGVO", "Articles 33 and 34 GDPR"),
        ];
        for (d, e) in pairs {
            assert_eq!(de(d), en(e), "{d} / {e}");
            assert!(!de(d).is_empty());
        }
        assert_eq!(de("Art. 28 Abs. 3 Satz 2 lit. a DSGVO"), ["art28(3)(a)"]);
        assert_ne!(de("Art. 28 Abs. 3 DSGVO"), en("Article 28(2) GDPR"));
    }

    #[test]
    fn national_law_clauses_annexes_and_decisions() {
        let pairs = [
            ("§ 273 BGB", "§ 273 of the German Civil Code (BGB)"),
            ("§ 273 BGB", "§ 273 BGB"),
            (
                "§§ 305b, 307 BGB",
                "§§ 305b and 307 of the German Civil Code (BGB)",
            ),
            (
                "§ 203 Abs. 4 StGB",
                "§ 203(4) of the German Criminal Code (StGB)",
            ),
            ("nach § 9", "under Clause 9"),
            ("Klausel 9 Buchstabe a", "Clause 9(a)"),
            ("Klauseln 17 und 18", "Clauses 17 and 18"),
            ("Anlage 3", "Annex III"),
            ("Anlage 1 bis Anlage 4", "Annex I to Annex IV"),
            ("Anhang I.A", "Annex I.A"),
            ("Kapitel V DSGVO", "Chapter V GDPR"),
            (
                "Durchführungsbeschluss (EU) 2021/914",
                "Implementing Decision (EU) 2021/914",
            ),
            ("Entscheidung 2002/2/EG", "Decision 2002/2/EC"),
            ("Absatz 3", "paragraph (3)"),
        ];
        for (d, e) in pairs {
            assert_eq!(de(d), en(e), "{d} / {e}");
            assert!(!de(d).is_empty(), "{d}");
        }
        assert_ne!(de("§ 273 BGB"), en("§ 369 HGB"));
    }

    #[test]
    fn numbers_periods_amounts_and_dates() {
        let pairs = [
            ("innerhalb von 24 Stunden", "within 24 hours"),
            ("innerhalb eines Monats", "within one month"),
            ("vierteljährlich", "quarterly"),
            ("mindestens jährlich", "at least once a year"),
            ("halbjährlich", "every six months"),
            ("50.000 EUR", "EUR 50,000"),
            ("am 1. Dezember 2026", "on 1 December 2026"),
            ("(3) Text", "(3) Text"),
        ];
        for (d, e) in pairs {
            assert_eq!(de(d), en(e), "{d} / {e}");
            assert!(!de(d).is_empty(), "{d}");
        }
        assert_ne!(de("vierteljährlich"), en("every six months"));
        assert_ne!(de("24 Stunden"), en("48 hours"));
    }

    #[test]
    fn structure_is_counted() {
        let f = facts("(1) Text:\n\n- a\n- b\n1. c\n| x |\n### H", Lang::De);
        assert_eq!((f.items, f.rows, f.headings), (3, 1, 1));
    }
}
