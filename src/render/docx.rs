//! DOCX: a flow of blocks (see [`super::flow`]) -> a Word document, with docx-rs.
//!
//! The contract in Word: the title block, numbered clauses as headings (stable text numbers
//! "§ 3" / "Clause 3" and "(1)" as in the PDF), bulleted lists as Word lists, the annex
//! tables as Word tables, the signature blocks, a footer with the contract id, the
//! fingerprint and "Seite X von Y" (Word fields), and the document properties (title,
//! author, subject, keywords, language). Blocks and spans marked as inserted or deleted
//! become tracked changes (`w:ins`/`w:del`) that Word and LibreOffice can accept or reject.
//!
//! Every text goes through docx-rs's XML escaping; control characters that XML cannot hold
//! are dropped first (tab and line break become Word tabs and breaks). The package is
//! re-packed by [`super::package`] so that the same input always gives the same bytes.

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Delete, Docx, Footer, IndentLevel, Insert, Level,
    LevelJc, LevelText, LineSpacing, NumPages, NumberFormat, Numbering, NumberingId, PageMargin,
    PageNum, Paragraph, Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Tab,
    TabValueType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::flow::{Block, BlockKind, Mark, Span};
use crate::model::Date;
use crate::{Error, Lang};

/// Text width of an A4 page with our margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 1417 - 1247;
/// Numbering id of bulleted lists.
const BULLETS: usize = 10;

/// What the DOCX says about itself besides the text.
pub struct DocxInfo<'a> {
    /// Language of the text (proofing language and `dc:language`).
    pub lang: Lang,
    /// Document title (core property `dc:title`).
    pub title: &'a str,
    /// Subject (`dc:subject`).
    pub subject: &'a str,
    /// Author (`dc:creator`): the processor, as in the PDF.
    pub author: &'a str,
    /// Keywords (`cp:keywords`), e.g. the fingerprint.
    pub keywords: &'a [String],
    /// The document's date: creation and modification date, zip entry dates, and the date
    /// of tracked changes. Never the clock.
    pub date: Date,
    /// Left part of the footer, e.g. "Vertrag WEBER-1 · Prüfsumme 3f2a…".
    pub footer: String,
    /// "Seite" / "Page".
    pub page: &'a str,
    /// "von" / "of".
    pub of: &'a str,
}

/// Who tracked changes are attributed to.
pub const REVISION_AUTHOR: &str = "dpagen";

/// Lays out blocks as a DOCX file.
///
/// Errors: `Error::Internal` if docx-rs or the zip writer fails (a bug, not an input
/// problem).
pub fn write(blocks: &[Block], info: &DocxInfo<'_>) -> Result<Vec<u8>, Error> {
    let stamp = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        info.date.year, info.date.month, info.date.day
    );
    let mut docx = base(info);
    let mut i = 0;
    let mut page_break = false;
    while i < blocks.len() {
        let b = &blocks[i];
        match b.kind {
            BlockKind::PageBreak => {
                page_break = true;
                i += 1;
            }
            BlockKind::Row { columns, .. } => {
                let end = blocks[i..]
                    .iter()
                    .position(
                        |r| !matches!(r.kind, BlockKind::Row { columns: c, .. } if c == columns),
                    )
                    .map_or(blocks.len(), |n| i + n);
                docx = docx.add_table(table(&blocks[i..end], columns, &stamp));
                i = end;
            }
            _ => {
                let p = paragraph(b, &stamp).page_break_before(page_break);
                page_break = false;
                docx = docx.add_paragraph(p);
                i += 1;
            }
        }
    }
    let mut raw = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut raw)
        .map_err(|e| Error::Internal(format!("DOCX: {e}")))?;
    super::package::normalise(&raw.into_inner(), info)
}

/// The empty document: page, styles, bullet numbering, footer.
fn base(info: &DocxInfo<'_>) -> Docx {
    let font = RunFonts::new()
        .ascii("Arial")
        .hi_ansi("Arial")
        .cs("Arial")
        .east_asia("Arial");
    let heading = |id: &str, name: &str, size: usize, outline: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .bold()
            .size(size)
            .outline_lvl(outline)
    };
    // The page fields inherit the look of the paragraph style "Footer".
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
            .add_run(Run::new().add_text(clean(&info.footer)))
            .add_run(Run::new().add_tab())
            .add_run(Run::new().add_text(format!("{} ", clean(info.page))))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(format!(" {} ", clean(info.of))))
            .add_num_pages(NumPages::new()),
    );
    let mut bullets = AbstractNumbering::new(BULLETS);
    for level in 0..4 {
        let indent = 360 * (level as i32 + 1);
        bullets = bullets.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(if level % 2 == 0 { "•" } else { "–" }),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(280)),
                None,
                None,
            ),
        );
    }
    Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1361)
                .bottom(1588)
                .left(1417)
                .right(1247)
                .header(709)
                .footer(709),
        )
        .default_fonts(font)
        .default_size(21)
        .add_style(heading("Heading2", "heading 2", 23, 1))
        .add_style(heading("Heading3", "heading 3", 21, 2))
        .add_style(heading("Heading4", "heading 4", 21, 3))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .bold()
                .size(34)
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .size(22)
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("Footer", StyleType::Paragraph)
                .name("footer")
                .based_on("Normal")
                .size(15)
                .color("505050"),
        )
        .add_abstract_numbering(bullets)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .footer(footer)
}

/// Spacing before and after, in twentieths of a point.
fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn paragraph(b: &Block, stamp: &str) -> Paragraph {
    let spans = b.cells.first().map(Vec::as_slice).unwrap_or_default();
    let mut p = Paragraph::new();
    p = match b.kind {
        BlockKind::Title => p.style("Title").line_spacing(spacing(0, 60)),
        BlockKind::Subtitle => p.style("Subtitle").line_spacing(spacing(0, 360)),
        BlockKind::Between => p
            .align(AlignmentType::Center)
            .italic()
            .line_spacing(spacing(120, 60)),
        BlockKind::Party => p
            .align(AlignmentType::Center)
            .bold()
            .line_spacing(spacing(0, 40)),
        BlockKind::Represented => p
            .align(AlignmentType::Center)
            .size(19)
            .line_spacing(spacing(0, 60)),
        BlockKind::Heading(level) => {
            let style = match level {
                0..=2 => "Heading2",
                3 => "Heading3",
                _ => "Heading4",
            };
            p.style(style)
                .keep_next(true)
                .line_spacing(spacing(if level <= 2 { 300 } else { 200 }, 120))
        }
        BlockKind::Paragraph => p.align(AlignmentType::Both).line_spacing(spacing(0, 140)),
        BlockKind::Bullet(depth) => p
            .numbering(
                NumberingId::new(BULLETS),
                IndentLevel::new(depth.min(3) as usize),
            )
            .line_spacing(spacing(0, 80)),
        BlockKind::Numbered(depth) => p
            .indent(
                Some(360 * (i32::from(depth.min(3)) + 1)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            )
            .line_spacing(spacing(0, 80)),
        BlockKind::SignatureParty => p.keep_next(true).line_spacing(spacing(360, 240)),
        BlockKind::SignatureLine => p.keep_next(true).line_spacing(spacing(120, 120)),
        BlockKind::SignatureName => p.line_spacing(spacing(0, 120)),
        BlockKind::Note => p.size(16).line_spacing(spacing(360, 0)),
        BlockKind::Row { .. } | BlockKind::PageBreak => p,
    };
    let small = matches!(b.kind, BlockKind::Represented | BlockKind::Note);
    p = add_spans(p, spans, stamp, small);
    match b.mark {
        Mark::Same => p,
        Mark::Inserted => p.insert(REVISION_AUTHOR, stamp),
        Mark::Deleted => p.delete(REVISION_AUTHOR, stamp),
    }
}

/// Adds the spans as runs, tracked where marked.
fn add_spans(mut p: Paragraph, spans: &[Span], stamp: &str, small: bool) -> Paragraph {
    for s in spans {
        let text = clean(&s.text);
        if text.is_empty() {
            continue;
        }
        let deleted = s.mark == Mark::Deleted;
        let mut run = Run::new();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    run = run.add_tab();
                }
                if !piece.is_empty() {
                    run = if deleted {
                        run.add_delete_text(piece)
                    } else {
                        run.add_text(piece)
                    };
                }
            }
        }
        if s.bold {
            run = run.bold();
        }
        if s.italic {
            run = run.italic();
        }
        if small {
            run = run.size(16);
        }
        p = match s.mark {
            Mark::Same => p.add_run(run),
            Mark::Inserted => p.add_insert(
                Insert::new(run)
                    .author(REVISION_AUTHOR)
                    .date(stamp.to_string()),
            ),
            Mark::Deleted => p.add_delete(
                Delete::new()
                    .add_run(run)
                    .author(REVISION_AUTHOR)
                    .date(stamp.to_string()),
            ),
        };
    }
    p
}

/// Consecutive table rows as one Word table. Each column first gets the width its longest
/// word needs (at 8.5 pt); the rest of the line is shared in proportion to the columns'
/// longest texts.
fn table(rows: &[Block], columns: usize, stamp: &str) -> Table {
    let columns = columns.max(1);
    let mut word = vec![1usize; columns];
    let mut long = vec![1usize; columns];
    for r in rows {
        for (i, cell) in r.cells.iter().enumerate().take(columns) {
            let text = Block::cell_text(cell);
            let w = text.split_whitespace().map(|w| w.chars().count()).max();
            word[i] = word[i].max(w.unwrap_or(0));
            long[i] = long[i].max(text.chars().count().min(80));
        }
    }
    let min: Vec<usize> = word.iter().map(|w| w * 125 + 230).collect();
    let min_total: usize = min.iter().sum();
    let grid: Vec<usize> = if min_total >= TEXT_WIDTH {
        min.iter().map(|m| TEXT_WIDTH * m / min_total).collect()
    } else {
        let rest = TEXT_WIDTH - min_total;
        let long_total: usize = long.iter().sum();
        min.iter()
            .zip(&long)
            .map(|(m, l)| m + rest * l / long_total.max(1))
            .collect()
    };
    let out: Vec<TableRow> = rows
        .iter()
        .map(|r| {
            let header = matches!(r.kind, BlockKind::Row { header: true, .. });
            let cells: Vec<TableCell> = (0..columns)
                .map(|i| {
                    let spans = r.cells.get(i).map(Vec::as_slice).unwrap_or_default();
                    let mut p = Paragraph::new().size(17).line_spacing(spacing(20, 20));
                    let spans: Vec<Span> = spans
                        .iter()
                        .map(|s| Span {
                            bold: s.bold || header,
                            ..s.clone()
                        })
                        .collect();
                    p = add_spans(p, &spans, stamp, false);
                    p = match r.mark {
                        Mark::Same => p,
                        Mark::Inserted => p.insert(REVISION_AUTHOR, stamp),
                        Mark::Deleted => p.delete(REVISION_AUTHOR, stamp),
                    };
                    let mut cell = TableCell::new()
                        .add_paragraph(p)
                        .width(grid[i], WidthType::Dxa);
                    if header {
                        cell = cell.shading(Shading::new().fill("E8E8E8"));
                    }
                    cell
                })
                .collect();
            let row = TableRow::new(cells).cant_split();
            match r.mark {
                Mark::Same => row,
                Mark::Inserted => row.insert(
                    Insert::new_with_empty()
                        .author(REVISION_AUTHOR)
                        .date(stamp.to_string()),
                ),
                Mark::Deleted => row.delete(
                    Delete::new()
                        .author(REVISION_AUTHOR)
                        .date(stamp.to_string()),
                ),
            }
        })
        .collect();
    Table::new(out)
        .layout(TableLayoutType::Fixed)
        .set_grid(grid)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Text that XML 1.0 can hold: control characters other than tab and line feed are
/// dropped (a carriage return too), as are the non-characters U+FFFE and U+FFFF.
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            c == '\t' || c == '\n' || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_what_xml_cannot_hold() {
        assert_eq!(clean("a\u{7}b\u{1b}[31mc\r\n\td\u{FFFF}"), "ab[31mc\n\td");
        assert_eq!(clean("Müller & <Söhne>"), "Müller & <Söhne>");
    }
}
