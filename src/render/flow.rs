//! The assembled contract as a flow of blocks (title lines, headings, paragraphs, list
//! items, table rows, signature lines), each a list of text spans with bold, italic and a
//! change mark. The DOCX writer lays blocks out in Word, and `dpa diff` aligns the blocks of
//! two versions to mark insertions and deletions.
//!
//! Clause bodies are Markdown: a small walker over pulldown-cmark events (as
//! [`super::markup`] does for Typst) keeps only paragraphs, emphasis, lists, tables and
//! line breaks. Every piece of text stays text: HTML, links and code are shown as their
//! characters, never interpreted.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::assemble::Document;
use crate::clauses::Kind as SectionKind;

/// Whether a span or block is unchanged, inserted or deleted (in a redline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// In both versions (or no comparison at all).
    Same,
    /// Only in the new version.
    Inserted,
    /// Only in the old version.
    Deleted,
}

/// A run of text with one look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text; `\n` is a line break inside the block.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Change mark.
    pub mark: Mark,
}

impl Span {
    /// Plain, unchanged text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
            mark: Mark::Same,
        }
    }

    /// Bold, unchanged text.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            bold: true,
            ..Span::plain(text)
        }
    }
}

/// What a block is; decides its look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The document title.
    Title,
    /// The line under the title.
    Subtitle,
    /// "zwischen" / "und" in the parties block.
    Between,
    /// A party's name and address in the parties block.
    Party,
    /// "vertreten durch ..." in the parties block.
    Represented,
    /// A heading: level 2 for clauses, annexes and signatures, 3 below.
    Heading(u8),
    /// A paragraph of text.
    Paragraph,
    /// A bulleted list item at a depth (0 = top level).
    Bullet(u8),
    /// A numbered list item at a depth; the number is the first span's text ("1. ").
    Numbered(u8),
    /// A table row.
    Row {
        /// The header row.
        header: bool,
        /// Number of columns of its table.
        columns: usize,
    },
    /// Party label and name above a signature.
    SignatureParty,
    /// A line to fill in: place and date, signature.
    SignatureLine,
    /// Name and role under a signature.
    SignatureName,
    /// Small print (the fingerprint note).
    Note,
    /// The next block starts on a new page.
    PageBreak,
}

/// One block: a paragraph, list item or table row. Blocks other than rows have exactly
/// one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Its kind.
    pub kind: BlockKind,
    /// The cells (one for everything but table rows), each a list of spans.
    pub cells: Vec<Vec<Span>>,
    /// Whether the whole block was inserted or deleted (a redline), else `Same`.
    pub mark: Mark,
}

impl Block {
    /// A block with one cell.
    pub fn new(kind: BlockKind, spans: Vec<Span>) -> Block {
        Block {
            kind,
            cells: vec![spans],
            mark: Mark::Same,
        }
    }

    /// The text of one cell.
    pub fn cell_text(cell: &[Span]) -> String {
        cell.iter().map(|s| s.text.as_str()).collect()
    }

    /// The block's text, cells separated by ` | `.
    pub fn text(&self) -> String {
        self.cells
            .iter()
            .map(|c| Block::cell_text(c))
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// The fingerprint note printed under the signatures: the sentence and the full hash.
pub struct Note<'a> {
    /// The explaining sentence.
    pub text: &'a str,
    /// The full SHA-256 in hex.
    pub fingerprint: &'a str,
}

/// The contract as blocks, in reading order: title block, clauses, signatures (with the
/// fingerprint note if given), annexes (each on a new page).
pub fn flow(doc: &Document, note: Option<&Note<'_>>) -> Vec<Block> {
    let mut out = vec![
        Block::new(BlockKind::Title, vec![Span::plain(&doc.title)]),
        Block::new(BlockKind::Subtitle, vec![Span::plain(&doc.subtitle)]),
    ];
    for (i, line) in doc.parties_intro.iter().enumerate() {
        let kind = match i % 3 {
            0 => BlockKind::Between,
            1 => BlockKind::Party,
            _ => BlockKind::Represented,
        };
        out.push(Block::new(kind, vec![Span::plain(line)]));
    }
    let mut signatures_done = false;
    for s in &doc.sections {
        if s.kind == SectionKind::Annex {
            if !signatures_done {
                signatures(doc, note, &mut out);
                signatures_done = true;
            }
            out.push(Block::new(BlockKind::PageBreak, Vec::new()));
        }
        out.push(Block::new(
            BlockKind::Heading(2),
            vec![Span::plain(
                format!("{} {}", s.number, s.title).trim_start().to_string(),
            )],
        ));
        markdown(&s.body, &mut out);
    }
    if !signatures_done {
        signatures(doc, note, &mut out);
    }
    out
}

fn signatures(doc: &Document, note: Option<&Note<'_>>, out: &mut Vec<Block>) {
    let label = |k: &str| {
        doc.labels
            .get(k)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    if doc.signatures.is_empty() {
        // A document around the contract (the TOM document, the record): no signature
        // section, only the fingerprint note if there is one.
        push_note(note, out);
        return;
    }
    out.push(Block::new(BlockKind::PageBreak, Vec::new()));
    out.push(Block::new(
        BlockKind::Heading(2),
        vec![Span::plain(&doc.signatures_title)],
    ));
    out.push(Block::new(
        BlockKind::Paragraph,
        vec![Span::plain(&doc.signatures_intro)],
    ));
    for s in &doc.signatures {
        out.push(Block::new(
            BlockKind::SignatureParty,
            vec![
                Span::bold(format!("{}:", s.party_label)),
                Span::plain(format!(" {}", s.party_name)),
            ],
        ));
        let place = if s.place.is_empty() {
            String::new()
        } else {
            format!("{}, ", s.place)
        };
        out.push(Block::new(
            BlockKind::SignatureLine,
            vec![Span::plain(format!(
                "{}: {place}{}",
                label("place_date"),
                "_".repeat(16)
            ))],
        ));
        out.push(Block::new(
            BlockKind::SignatureLine,
            vec![Span::plain(format!(
                "{}: {}",
                label("signature"),
                "_".repeat(28)
            ))],
        ));
        let role = if s.role.is_empty() {
            String::new()
        } else {
            format!(", {}", s.role)
        };
        out.push(Block::new(
            BlockKind::SignatureName,
            vec![Span::plain(format!("{}{role}", s.name))],
        ));
    }
    push_note(note, out);
}

fn push_note(note: Option<&Note<'_>>, out: &mut Vec<Block>) {
    if let Some(n) = note {
        out.push(Block::new(
            BlockKind::Note,
            vec![
                Span::plain(n.text),
                Span::plain("\n"),
                Span::plain(n.fingerprint),
            ],
        ));
    }
}

/// Walker state for one Markdown body.
struct Walk<'o> {
    out: &'o mut Vec<Block>,
    /// The block being filled, if any.
    current: Option<Block>,
    bold: usize,
    italic: usize,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// Inside a table: its column count, and whether in the head.
    table: Option<(usize, bool)>,
}

impl Walk<'_> {
    fn flush(&mut self) {
        if let Some(mut b) = self.current.take() {
            for cell in &mut b.cells {
                trim_cell(cell);
            }
            if b.cells.iter().any(|c| !c.is_empty()) || matches!(b.kind, BlockKind::Row { .. }) {
                self.out.push(b);
            }
        }
    }

    fn start(&mut self, kind: BlockKind) {
        self.flush();
        self.current = Some(Block::new(kind, Vec::new()));
    }

    fn text(&mut self, t: &str) {
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        if self.current.is_none() {
            self.start(BlockKind::Paragraph);
        }
        let Some(b) = self.current.as_mut() else {
            return;
        };
        if b.cells.is_empty() {
            b.cells.push(Vec::new());
        }
        let Some(cell) = b.cells.last_mut() else {
            return;
        };
        match cell.last_mut() {
            Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(t),
            _ => cell.push(Span {
                text: t.to_string(),
                bold,
                italic,
                mark: Mark::Same,
            }),
        }
    }

    fn depth(&self) -> u8 {
        u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX)
    }
}

/// Removes leading and trailing spaces of a cell and empty spans.
fn trim_cell(cell: &mut Vec<Span>) {
    if let Some(first) = cell.first_mut() {
        first.text = first.text.trim_start_matches(' ').to_string();
    }
    if let Some(last) = cell.last_mut() {
        last.text = last.text.trim_end_matches(' ').to_string();
    }
    cell.retain(|s| !s.text.is_empty());
}

/// Appends the blocks of a Markdown text.
pub fn markdown(md: &str, out: &mut Vec<Block>) {
    let mut w = Walk {
        out,
        current: None,
        bold: 0,
        italic: 0,
        lists: Vec::new(),
        table: None,
    };
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    // A paragraph inside a list item continues the item.
                    let in_item = w.current.as_ref().is_some_and(|b| {
                        matches!(b.kind, BlockKind::Bullet(_) | BlockKind::Numbered(_))
                    });
                    if in_item {
                        if w.current
                            .as_ref()
                            .is_some_and(|b| b.cells.iter().any(|c| !c.is_empty()))
                        {
                            w.text(" ");
                        }
                    } else if w.table.is_none() {
                        w.start(BlockKind::Paragraph);
                    }
                }
                Tag::Heading { level, .. } => w.start(BlockKind::Heading(heading(level))),
                Tag::Strong => w.bold += 1,
                Tag::Emphasis => w.italic += 1,
                Tag::List(start) => {
                    w.flush();
                    w.lists.push(start);
                }
                Tag::Item => {
                    let depth = w.depth();
                    match w.lists.last_mut() {
                        Some(Some(n)) => {
                            let number = *n;
                            *n += 1;
                            w.start(BlockKind::Numbered(depth));
                            w.text(&format!("{number}. "));
                        }
                        _ => w.start(BlockKind::Bullet(depth)),
                    }
                }
                Tag::Table(align) => {
                    w.flush();
                    w.table = Some((align.len().max(1), false));
                }
                Tag::TableHead => {
                    if let Some((columns, _)) = w.table {
                        w.table = Some((columns, true));
                        w.start(BlockKind::Row {
                            header: true,
                            columns,
                        });
                        if let Some(b) = w.current.as_mut() {
                            b.cells.clear();
                        }
                    }
                }
                Tag::TableRow => {
                    if let Some((columns, _)) = w.table {
                        w.start(BlockKind::Row {
                            header: false,
                            columns,
                        });
                        if let Some(b) = w.current.as_mut() {
                            b.cells.clear();
                        }
                    }
                }
                Tag::TableCell => {
                    if let Some(b) = w.current.as_mut() {
                        b.cells.push(Vec::new());
                    }
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => {
                    let in_item = w.current.as_ref().is_some_and(|b| {
                        matches!(b.kind, BlockKind::Bullet(_) | BlockKind::Numbered(_))
                    });
                    if !in_item && w.table.is_none() {
                        w.flush();
                    }
                }
                TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow => {
                    w.flush()
                }
                TagEnd::Strong => w.bold = w.bold.saturating_sub(1),
                TagEnd::Emphasis => w.italic = w.italic.saturating_sub(1),
                TagEnd::List(_) => {
                    w.flush();
                    w.lists.pop();
                }
                TagEnd::Table => {
                    w.flush();
                    w.table = None;
                }
                _ => {}
            },
            // The one piece of HTML a clause may use: a line break in a table cell (values
            // cannot produce it, their `<` is escaped).
            Event::InlineHtml(t) if super::markup::is_line_break(&t) => w.text("\n"),
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t)
            | Event::FootnoteReference(t) => w.text(&t),
            Event::SoftBreak => w.text(" "),
            Event::HardBreak => w.text("\n"),
            Event::Rule => w.flush(),
            Event::TaskListMarker(done) => w.text(if done { "☒ " } else { "☐ " }),
        }
    }
    w.flush();
}

fn heading(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str) -> Vec<Block> {
        let mut out = Vec::new();
        markdown(md, &mut out);
        out
    }

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let b = blocks("(1) Der **Auftragnehmer** *haftet*.\n\n- a\n- b <x>\n\n3. drei\n4. vier\n");
        assert_eq!(b.len(), 5);
        assert_eq!(b[0].kind, BlockKind::Paragraph);
        assert_eq!(b[0].text(), "(1) Der Auftragnehmer haftet.");
        assert!(b[0].cells[0][1].bold && b[0].cells[0][3].italic);
        assert_eq!(b[2].kind, BlockKind::Bullet(0));
        assert_eq!(b[2].text(), "b <x>");
        assert_eq!(b[3].kind, BlockKind::Numbered(0));
        assert_eq!(b[4].text(), "4. vier");
    }

    #[test]
    fn tables_become_rows_with_cells() {
        let b = blocks("### Sub\n\n| A | B |\n|---|---|\n| 1 | x *y* |\n");
        assert_eq!(b[0].kind, BlockKind::Heading(3));
        assert_eq!(
            b[1].kind,
            BlockKind::Row {
                header: true,
                columns: 2
            }
        );
        assert_eq!(b[1].text(), "A | B");
        assert_eq!(b[2].text(), "1 | x y");
        assert_eq!(b[2].cells.len(), 2);
    }

    #[test]
    fn escapes_are_resolved_and_markup_stays_text() {
        let b = blocks("am 15\\. Januar \\*nicht fett\\* <b>x</b> `#read()` [a](b)");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].text(), "am 15. Januar *nicht fett* <b>x</b> #read() a");
    }

    #[test]
    fn nested_lists_have_depths() {
        let b = blocks("- a\n  - b\n- c\n");
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Bullet(0),
                BlockKind::Bullet(1),
                BlockKind::Bullet(0)
            ]
        );
    }
}
