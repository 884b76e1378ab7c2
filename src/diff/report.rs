//! The amendment as documents: the summary for the terminal, Markdown (`{+inserted+}`,
//! `[-deleted-]`), DOCX with tracked changes, PDF (Typst, `templates/redline.typ`) and JSON
//! (docs/diff-report.schema.json).
//!
//! The summary comes first in every document, then the redline of the contract text. All
//! text is escaped for the target (Markdown, Typst) or written as XML text by docx-rs.

use super::{Amendment, Kind};
use crate::escape;
use crate::render::flow::{Block, BlockKind, Mark, Span};
use crate::render::{self, docx as word};
use crate::{Error, Lang, tr_in};

/// The summary as blocks: title, versions, kind, changed fields, change in `dpa check`.
pub fn summary_blocks(a: &Amendment) -> Vec<Block> {
    let lang = a.language;
    let para = |t: String| Block::new(BlockKind::Paragraph, vec![Span::plain(t)]);
    let heading = |t: String| Block::new(BlockKind::Heading(2), vec![Span::plain(t)]);
    let bullet = |t: String| Block::new(BlockKind::Bullet(0), vec![Span::plain(t)]);
    let short = |f: &str| f.chars().take(12).collect::<String>();
    let mut out = vec![
        Block::new(
            BlockKind::Title,
            vec![Span::plain(tr_in!(
                lang,
                "diff-title",
                id = a.new.id.as_str()
            ))],
        ),
        para(tr_in!(
            lang,
            "diff-versions",
            old = a.old.file.as_str(),
            old_fp = short(&a.old.fingerprint),
            new = a.new.file.as_str(),
            new_fp = short(&a.new.fingerprint)
        )),
        para(tr_in!(lang, "diff-date", date = a.when.long(lang))),
        heading(tr_in!(lang, "diff-heading-summary")),
        Block::new(BlockKind::Paragraph, vec![Span::bold(a.kind_text.clone())]),
    ];
    if a.kind == Kind::Identical {
        return out;
    }
    out.push(heading(tr_in!(lang, "diff-heading-fields")));
    if a.fields.is_empty() {
        out.push(para(tr_in!(lang, "diff-no-field-change")));
    }
    out.extend(a.fields.iter().map(|f| bullet(f.text.clone())));
    out.push(heading(tr_in!(lang, "diff-heading-check")));
    let c = &a.check;
    if c.is_empty() {
        out.push(para(tr_in!(lang, "diff-check-unchanged")));
    }
    for r in &c.newly_covered {
        out.push(bullet(tr_in!(
            lang,
            "diff-check-covered",
            article = r.article.as_str(),
            label = r.label.as_str()
        )));
    }
    for r in &c.no_longer_covered {
        out.push(bullet(tr_in!(
            lang,
            "diff-check-lost",
            article = r.article.as_str(),
            label = r.label.as_str()
        )));
    }
    let severity = |s: crate::error::Severity| {
        let _lang = crate::i18n::scoped(lang);
        s.to_string()
    };
    for f in &c.findings_added {
        out.push(bullet(tr_in!(
            lang,
            "diff-finding-added",
            severity = severity(f.severity),
            message = f.message.as_str()
        )));
    }
    for f in &c.findings_resolved {
        out.push(bullet(tr_in!(
            lang,
            "diff-finding-resolved",
            severity = severity(f.severity),
            message = f.message.as_str()
        )));
    }
    out
}

/// The summary as plain text for the terminal.
pub fn text(a: &Amendment) -> String {
    let mut out = String::new();
    for b in summary_blocks(a) {
        let t = b.text();
        match b.kind {
            BlockKind::Title => out.push_str(&format!("{t}\n")),
            BlockKind::Heading(_) => out.push_str(&format!("\n{t}\n")),
            BlockKind::Bullet(_) => out.push_str(&format!("  - {t}\n")),
            _ => out.push_str(&format!("{t}\n")),
        }
    }
    out
}

/// The whole amendment as Markdown: summary, legend, redline.
pub fn markdown(a: &Amendment) -> String {
    let lang = a.language;
    let mut blocks = summary_blocks(a);
    if a.kind != Kind::Identical {
        blocks.push(Block::new(
            BlockKind::Heading(2),
            vec![Span::plain(tr_in!(lang, "diff-heading-redline"))],
        ));
        blocks.push(legend(lang));
        blocks.extend(a.blocks.iter().cloned().map(demote));
    }
    let mut md = blocks_markdown(&blocks);
    md.truncate(md.trim_end().len());
    md.push('\n');
    md
}

/// The contract's own title becomes a heading below the amendment's.
fn demote(mut b: Block) -> Block {
    b.kind = match b.kind {
        BlockKind::Title => BlockKind::Heading(2),
        BlockKind::Heading(n) => BlockKind::Heading(n.saturating_add(1).min(6)),
        k => k,
    };
    b
}

fn span_markdown(s: &Span) -> String {
    let text = escape::markdown(&s.text);
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    let core = text.trim();
    if core.is_empty() {
        return text;
    }
    let mut core = core.to_string();
    if s.italic {
        core = format!("*{core}*");
    }
    if s.bold {
        core = format!("**{core}**");
    }
    core = match s.mark {
        Mark::Same => core,
        Mark::Inserted => format!("{{+{core}+}}"),
        Mark::Deleted => format!("[-{core}-]"),
    };
    format!("{}{core}{}", " ".repeat(lead), " ".repeat(trail))
}

fn cell_markdown(spans: &[Span]) -> String {
    spans.iter().map(span_markdown).collect()
}

/// A table cell: its line breaks (`<br>` in the clause) stay `<br>`, the one line break a
/// Markdown table cell can hold.
fn row_cell_markdown(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        for (i, part) in s.text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<br>");
            }
            out.push_str(&span_markdown(&Span {
                text: part.to_string(),
                ..s.clone()
            }));
        }
    }
    out
}

/// Blocks as Markdown; changes marked `{+…+}` and `[-…-]`.
pub fn blocks_markdown(blocks: &[Block]) -> String {
    let mut md = String::new();
    let mut in_table = false;
    for b in blocks {
        let is_row = matches!(b.kind, BlockKind::Row { .. });
        if in_table && !is_row {
            md.push('\n');
            in_table = false;
        }
        let cell = || {
            b.cells
                .first()
                .map(|c| cell_markdown(c))
                .unwrap_or_default()
        };
        match b.kind {
            BlockKind::Row { columns, .. } => {
                let cells: Vec<String> = (0..columns)
                    .map(|i| {
                        b.cells
                            .get(i)
                            .map(|c| row_cell_markdown(c))
                            .unwrap_or_default()
                    })
                    .collect();
                md.push_str(&format!("| {} |\n", cells.join(" | ")));
                if !in_table {
                    md.push_str(&format!("|{}\n", "---|".repeat(columns.max(1))));
                    in_table = true;
                }
            }
            BlockKind::PageBreak => {}
            BlockKind::Title => md.push_str(&format!("# {}\n\n", cell())),
            BlockKind::Heading(n) => md.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(n.clamp(1, 6))),
                cell()
            )),
            BlockKind::Bullet(d) => {
                md.push_str(&format!("{}- {}\n\n", "  ".repeat(usize::from(d)), cell()))
            }
            BlockKind::Numbered(d) => {
                md.push_str(&format!("{}{}\n\n", "  ".repeat(usize::from(d)), cell()))
            }
            _ => md.push_str(&format!("{}\n\n", cell())),
        }
    }
    md
}

fn span_typst(s: &Span) -> String {
    // A line break (`<br>` in a table cell, a kept line of a text) stays one.
    let text = s
        .text
        .split('\n')
        .map(escape::typst_markup)
        .collect::<Vec<_>>()
        .join("#linebreak()");
    if text.trim().is_empty() {
        return text;
    }
    let mut t = text;
    if s.italic {
        t = format!("#emph[{t}]");
    }
    if s.bold {
        t = format!("#strong[{t}]");
    }
    match s.mark {
        Mark::Same => t,
        Mark::Inserted => format!("#underline[{t}]"),
        Mark::Deleted => format!("#strike[{t}]"),
    }
}

fn cell_typst(spans: &[Span]) -> String {
    spans.iter().map(span_typst).collect()
}

/// Blocks as Typst markup for `templates/redline.typ`: insertions are `#underline`,
/// deletions `#strike` (the template colours them).
pub fn blocks_typst(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let cell = || b.cells.first().map(|c| cell_typst(c)).unwrap_or_default();
        match b.kind {
            BlockKind::Row { columns, .. } => {
                let end = blocks[i..]
                    .iter()
                    .position(
                        |r| !matches!(r.kind, BlockKind::Row { columns: c, .. } if c == columns),
                    )
                    .map_or(blocks.len(), |n| i + n);
                let mut cells = Vec::new();
                for r in &blocks[i..end] {
                    for k in 0..columns {
                        cells.push(format!(
                            "[{}]",
                            r.cells.get(k).map(|c| cell_typst(c)).unwrap_or_default()
                        ));
                    }
                }
                out.push_str(&format!(
                    "#table(columns: {}, {})\n\n",
                    columns.max(1),
                    cells.join(", ")
                ));
                i = end;
                continue;
            }
            BlockKind::PageBreak => out.push_str("#pagebreak(weak: true)\n\n"),
            BlockKind::Title => out.push_str(&format!("#heading(level: 1)[{}]\n\n", cell())),
            BlockKind::Heading(n) => out.push_str(&format!(
                "#heading(level: {})[{}]\n\n",
                n.clamp(1, 6),
                cell()
            )),
            BlockKind::Bullet(d) => {
                out.push_str(&format!("#pad(left: {}em)[#list([{}])]\n\n", d, cell()))
            }
            BlockKind::Numbered(d) => out.push_str(&format!(
                "#pad(left: {}em)[{}]\n\n",
                f32::from(d) + 1.0,
                cell()
            )),
            _ => out.push_str(&format!("{}\n\n", cell())),
        }
        i += 1;
    }
    out
}

/// "Inserted text is marked {+like this+}, deleted text [-like this-]." with the two
/// examples marked as the document marks them.
fn legend(lang: Lang) -> Block {
    let (ins, del) = ('\u{E000}', '\u{E001}');
    let text = tr_in!(
        lang,
        "diff-legend",
        ins = ins.to_string(),
        del = del.to_string()
    );
    let example = tr_in!(lang, "diff-legend-example");
    let mut spans = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find([ins, del]) {
        spans.push(Span::plain(&rest[..i]));
        let marker = rest[i..].chars().next().unwrap_or(ins);
        let mut s = Span::plain(example.clone());
        s.mark = if marker == ins {
            Mark::Inserted
        } else {
            Mark::Deleted
        };
        spans.push(s);
        rest = &rest[i + marker.len_utf8()..];
    }
    spans.push(Span::plain(rest));
    spans.retain(|s| !s.text.is_empty());
    Block::new(BlockKind::Paragraph, spans)
}

fn legend_blocks(a: &Amendment, docx: bool) -> Vec<Block> {
    let lang = a.language;
    let legend = if docx {
        Block::new(
            BlockKind::Paragraph,
            vec![Span::plain(tr_in!(lang, "diff-legend-docx"))],
        )
    } else {
        legend(lang)
    };
    vec![
        Block::new(BlockKind::PageBreak, Vec::new()),
        Block::new(
            BlockKind::Heading(2),
            vec![Span::plain(tr_in!(lang, "diff-heading-redline"))],
        ),
        legend,
    ]
}

/// The amendment as a DOCX: the summary, then the contract text with tracked changes
/// (author "dpagen", the date of the new version) that Word can accept or reject.
///
/// Errors: `Error::Internal` if the DOCX cannot be written (a bug).
pub fn docx(a: &Amendment) -> Result<Vec<u8>, Error> {
    let lang = a.language;
    let mut blocks = summary_blocks(a);
    if a.kind != Kind::Identical {
        blocks.extend(legend_blocks(a, true));
        blocks.extend(a.blocks.iter().cloned().map(demote));
    }
    let title = tr_in!(lang, "diff-title", id = a.new.id.as_str());
    let subject = tr_in!(
        lang,
        "diff-versions",
        old = a.old.file.as_str(),
        old_fp = a.old.fingerprint.as_str(),
        new = a.new.file.as_str(),
        new_fp = a.new.fingerprint.as_str()
    );
    let keywords = vec![format!("dpagen-sha256:{}", a.new.fingerprint)];
    let (page, of) = page_words(lang);
    word::write(
        &blocks,
        &word::DocxInfo {
            lang,
            title: &title,
            subject: &subject,
            author: word::REVISION_AUTHOR,
            keywords: &keywords,
            date: a.when,
            footer: title.clone(),
            page,
            of,
        },
    )
}

fn page_words(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::De => ("Seite", "von"),
        Lang::En => ("Page", "of"),
    }
}

/// The amendment as a PDF (summary, then the marked text), laid out by
/// `templates/redline.typ`.
///
/// Errors: `Error::Render` if Typst fails.
pub fn pdf(a: &Amendment) -> Result<Vec<u8>, Error> {
    let lang = a.language;
    let mut blocks = summary_blocks(a);
    if a.kind != Kind::Identical {
        blocks.extend(legend_blocks(a, false));
        blocks.extend(a.blocks.iter().cloned().map(demote));
    }
    let (page, of) = page_words(lang);
    let data = serde_json::json!({
        "lang": lang.code(),
        "footer": tr_in!(lang, "diff-title", id = a.new.id.as_str()),
        "page": page,
        "of": of,
    });
    render::redline_pdf(&blocks_typst(&blocks), &data, a.when)
}

/// The amendment as JSON (docs/diff-report.schema.json).
///
/// Errors: `Error::Internal` if it cannot be serialised (a bug).
pub fn json(a: &Amendment) -> Result<String, Error> {
    serde_json::to_string_pretty(a).map_err(|e| Error::Internal(e.to_string()))
}
