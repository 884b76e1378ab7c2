//! Markdown -> Typst markup. A small walker over pulldown-cmark events that emits only the
//! constructs it knows (paragraphs, headings, emphasis, lists, tables, line breaks) and
//! escapes every piece of text, so no text can become Typst code.
//!
//! Typography happens here, once for all text: citation words are bound to their numbers
//! ([`bind_citations`]), and values marked by kind (see [`crate::typography`]) become calls
//! of `value(kind, "text", w)` from `templates/typeset.typ`, where `w` is the width of the
//! value's column, so that no word runs out of it: in body text `column(n)`, the text width
//! `n` list levels in; in a table cell, whose width only the layout knows, the cell is
//! wrapped in `fit(w => [...])`, which measures it.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::escape::{typst_markup as esc, typst_string};
use crate::typography::{Decoder, ValueKind, bind_citations};

/// The line that generated Typst files start with: the helpers values are set with.
pub(super) const PRELUDE: &str = "#import \"/typeset.typ\": value, fit, column\n";

enum Frame {
    /// The document or a container whose content is plain markup.
    Block(Text),
    Heading(u8, Text),
    Strong(String),
    Emph(String),
    List {
        start: Option<u64>,
        items: Vec<String>,
    },
    Item(Text),
    Table {
        columns: usize,
        head: Vec<String>,
        cells: Vec<String>,
        in_head: bool,
        /// Estimated lines of the tallest cell of the current row so far.
        row_lines: usize,
    },
    Cell(Text),
    /// Ignored wrapper (links, images...): text inside still counts.
    Transparent(String),
}

/// The markup of a block and how to wrap it.
#[derive(Default)]
struct Text {
    markup: String,
    /// Characters of text and line breaks in it: how tall it may get (for table rows).
    chars: usize,
    breaks: usize,
    /// It is a table cell holding values: wrapped in `fit`, which measures the cell.
    fit: bool,
    /// It holds a long word that must not be hyphenated (a long name, e-mail address or
    /// URL): justified, the line before it would gape.
    ragged: bool,
}

/// A value word (between spaces) longer than this, in characters, that may not be
/// hyphenated makes its paragraph ragged right.
const LONG_WORD: usize = 30;

impl Text {
    /// The markup, wrapped as needed.
    fn finish(self) -> String {
        let body = self.markup.trim();
        match (self.fit, self.ragged) {
            (true, true) => format!("#fit(ragged: true, w => [{body}])"),
            (true, false) => format!("#fit(w => [{body}])"),
            (false, true) => format!("#[#set par(justify: false); {body}]"),
            (false, false) => body.to_string(),
        }
    }
}

impl Frame {
    fn buf(&mut self) -> Option<&mut String> {
        match self {
            Frame::Block(t) | Frame::Heading(_, t) | Frame::Item(t) | Frame::Cell(t) => {
                Some(&mut t.markup)
            }
            Frame::Strong(s) | Frame::Emph(s) | Frame::Transparent(s) => Some(s),
            Frame::List { .. } | Frame::Table { .. } => None,
        }
    }
}

/// Where a value is set: in a table cell (wrapped in `fit`), in body text `n` list levels
/// in, in a heading (whose text also becomes a PDF bookmark, so it stays plain text), or
/// nowhere known.
enum Container {
    Fit,
    Body(usize),
    Heading,
    Unknown,
}

struct Walker {
    stack: Vec<Frame>,
    /// Text not yet written: consecutive text events, joined so that citations and values
    /// split across events are still seen whole.
    pending: String,
    decoder: Decoder,
}

impl Walker {
    fn push(&mut self, s: &str) {
        for f in self.stack.iter_mut().rev() {
            if let Some(b) = f.buf() {
                b.push_str(s);
                return;
            }
        }
    }

    /// Counts text (`chars`) or a line break (`breaks`) in the innermost block.
    fn count(&mut self, chars: usize, breaks: usize) {
        for f in self.stack.iter_mut().rev() {
            if let Frame::Block(t) | Frame::Heading(_, t) | Frame::Item(t) | Frame::Cell(t) = f {
                t.chars += chars;
                t.breaks += breaks;
                return;
            }
        }
    }

    /// The innermost block, marked as holding a value of `kind` whose longest word has
    /// `longest` characters; `direct`: in a table cell, it is set without measuring.
    fn value_container(&mut self, kind: ValueKind, longest: usize, direct: bool) -> Container {
        let depth = self
            .stack
            .iter()
            .filter(|f| matches!(f, Frame::List { .. }))
            .count();
        let long = kind != ValueKind::Text && longest > LONG_WORD;
        for (i, f) in self.stack.iter_mut().enumerate().rev() {
            match f {
                Frame::Heading(..) => return Container::Heading,
                // The root frame is the document itself: values there have no column.
                Frame::Block(_) if i == 0 => return Container::Unknown,
                Frame::Cell(t) => {
                    t.fit |= !direct;
                    t.ragged |= long;
                    return Container::Fit;
                }
                Frame::Block(t) | Frame::Item(t) => {
                    t.ragged |= long;
                    return Container::Body(depth);
                }
                _ => {}
            }
        }
        Container::Unknown
    }

    /// Writes the pending text: citations bound, plain text escaped, values as calls.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let text = bind_citations(&std::mem::take(&mut self.pending));
        let chars = text
            .chars()
            .filter(|c| !crate::typography::is_mark(*c))
            .count();
        self.count(chars, 0);
        for run in self.decoder.feed(&text) {
            match run.kind {
                None => self.push(&esc(&run.text)),
                Some(kind) => {
                    // Words are separated by spaces only: a no-break space binds.
                    let word = longest(run.text.split(' '));
                    let piece = match kind {
                        ValueKind::Email | ValueKind::Url => longest(link_pieces(&run.text)),
                        _ => word,
                    };
                    let call = match self.value_container(kind, word, piece <= SAFE_CELL_WORD) {
                        Container::Fit if piece <= SAFE_CELL_WORD => direct_value(kind, &run.text),
                        Container::Fit => value_call(kind, &run.text, "w"),
                        Container::Body(depth) if depth <= 4 && piece <= SAFE_WORD => {
                            direct_value(kind, &run.text)
                        }
                        Container::Body(depth) => {
                            value_call(kind, &run.text, &format!("column({depth})"))
                        }
                        Container::Unknown => value_call(kind, &run.text, "none"),
                        Container::Heading => {
                            format!("#text(hyphenate: false)[{}]", esc(&run.text))
                        }
                    };
                    self.push(&call);
                }
            }
        }
    }
}

/// A table row estimated at no more lines than this (8.5 pt type: about 60 % of a page) is
/// never split across pages; a taller one may be, so that it cannot run off the page.
const ROW_LINES_KEPT: usize = 40;
/// Characters per line assumed for a table cell when estimating its height (a narrow
/// column).
const CELL_LINE_CHARS: usize = 20;

/// `<br>`, `<br/>` or `<br />`, in any case: the line break a clause may write in a table
/// cell (also read by [`super::flow`] for the Word document and `dpa diff`).
pub(crate) fn is_line_break(html: &str) -> bool {
    let t: String = html.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(t.to_ascii_lowercase().as_str(), "<br>" | "<br/>")
}

/// A word of at most this many characters fits on a line of body text up to four list
/// levels in (at 10.5 pt, 1.1 em a character: 350 pt of the 366 pt there are).
const SAFE_WORD: usize = 30;
/// A word of at most this many characters fits into a table column of a fifth of the text
/// width (8.5 pt type; subprocessor table columns are wider).
const SAFE_CELL_WORD: usize = 9;

/// The length in characters of the longest of `words`.
fn longest<'a>(words: impl Iterator<Item = &'a str>) -> usize {
    words.map(|w| w.chars().count()).max().unwrap_or(0)
}

/// The pieces of an e-mail address or URL, each ending after `@`, `.`, `/` or `-` (a run
/// of them stays together: `https://`): where a line may break. As `link-pieces` in
/// `templates/typeset.typ`.
fn link_pieces(s: &str) -> impl Iterator<Item = &str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let sep = |c: char| matches!(c, '@' | '.' | '/' | '-');
        if sep(c) && !chars.peek().is_some_and(|(_, n)| sep(*n)) {
            pieces.push(&s[start..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < s.len() {
        pieces.push(&s[start..]);
    }
    pieces.into_iter()
}

/// A value none of whose words (pieces of an e-mail address or URL) can be wider than its
/// column: set directly, by the rules of `templates/typeset.typ`'s `value`, without calling
/// it (a call costs more than setting the text).
fn direct_value(kind: ValueKind, text: &str) -> String {
    match kind {
        // Free text: hyphenated like the clause text around it.
        ValueKind::Text => esc(text),
        // Never hyphenated; a break opportunity after each piece (`brk` in typeset.typ).
        ValueKind::Email | ValueKind::Url => {
            let pieces: Vec<String> = link_pieces(text).map(esc).collect();
            format!("#text(hyphenate: false)[{}]", pieces.join("#h(0.001pt)"))
        }
        // Never hyphenated, breaks only at spaces: a word holding a character after which
        // a line could break is boxed.
        ValueKind::Name | ValueKind::Address | ValueKind::Id => {
            let words: Vec<String> = text
                .split(' ')
                .map(|w| {
                    if w.contains(LINE_BREAKING) {
                        format!("#box[{}]", esc(w))
                    } else {
                        esc(w)
                    }
                })
                .collect();
            format!("#text(hyphenate: false)[{}]", words.join(" "))
        }
    }
}

/// Characters after which Unicode line breaking allows a break inside a word: hyphens,
/// slash, dashes, `!`, `?`, `|`, `}`. A word of a name holding one is boxed so that it
/// stays whole. The same list as `breaking` in `templates/typeset.typ`.
const LINE_BREAKING: [char; 12] = [
    '-', '/', '!', '?', '|', '}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}',
    '\u{2015}',
];

fn value_call(kind: ValueKind, text: &str, width: &str) -> String {
    format!(
        "#value(\"{}\", {}, {width})",
        kind.id(),
        typst_string(&text.replace(['\n', '\r', '\t'], " "))
    )
}

/// Converts Markdown to Typst markup (call [`PRELUDE`] first in the file).
pub fn to_typst(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES);
    let mut w = Walker {
        stack: vec![Frame::Block(Text::default())],
        pending: String::new(),
        decoder: Decoder::new(),
    };
    for event in parser {
        match event {
            // The one piece of HTML a clause may use: a line break inside a table cell. Values
            // cannot produce it: their `<` is escaped.
            Event::InlineHtml(t) if is_line_break(&t) => {
                w.flush();
                w.count(0, 1);
                w.push("#linebreak()");
                continue;
            }
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t)
            | Event::FootnoteReference(t) => {
                w.pending.push_str(&t);
                continue;
            }
            Event::SoftBreak => {
                w.pending.push(' ');
                continue;
            }
            _ => w.flush(),
        }
        match event {
            Event::Start(tag) => w.stack.push(match tag {
                Tag::Heading { level, .. } => Frame::Heading(level_num(level), Text::default()),
                Tag::Strong => Frame::Strong(String::new()),
                Tag::Emphasis => Frame::Emph(String::new()),
                Tag::List(start) => Frame::List {
                    start,
                    items: Vec::new(),
                },
                Tag::Item => Frame::Item(Text::default()),
                Tag::Table(al) => Frame::Table {
                    columns: al.len(),
                    head: Vec::new(),
                    cells: Vec::new(),
                    in_head: false,
                    row_lines: 0,
                },
                Tag::TableHead => {
                    if let Some(Frame::Table { in_head, .. }) = w.stack.last_mut() {
                        *in_head = true;
                    }
                    continue;
                }
                Tag::TableRow => continue,
                Tag::TableCell => Frame::Cell(Text::default()),
                Tag::Paragraph => Frame::Block(Text::default()),
                _ => Frame::Transparent(String::new()),
            }),
            Event::End(end) => {
                match end {
                    TagEnd::TableHead => {
                        if let Some(Frame::Table { in_head, .. }) = w.stack.last_mut() {
                            *in_head = false;
                        }
                        continue;
                    }
                    TagEnd::TableRow => {
                        // A row that surely fits on a page is kept on one page: its first
                        // cell says so.
                        if let Some(Frame::Table {
                            columns,
                            cells,
                            row_lines,
                            ..
                        }) = w.stack.last_mut()
                        {
                            let first = cells.len().saturating_sub((*columns).max(1));
                            if *row_lines <= ROW_LINES_KEPT
                                && let Some(cell) = cells.get_mut(first)
                            {
                                *cell = format!("table.cell(breakable: false){cell}");
                            }
                            *row_lines = 0;
                        }
                        continue;
                    }
                    _ => {}
                }
                let Some(frame) = w.stack.pop() else { continue };
                let out = match frame {
                    Frame::Block(t) => {
                        if matches!(end, TagEnd::Paragraph) {
                            format!("{}\n\n", t.finish())
                        } else {
                            t.markup
                        }
                    }
                    Frame::Heading(level, t) => {
                        format!("#heading(level: {level})[{}]\n\n", t.markup.trim())
                    }
                    Frame::Strong(s) => format!("#strong[{s}]"),
                    Frame::Emph(s) => format!("#emph[{s}]"),
                    Frame::Transparent(s) => s,
                    Frame::List { start, items } => {
                        let body: Vec<String> = items.iter().map(|i| format!("[{i}]")).collect();
                        match start {
                            Some(n) => format!("#enum(start: {n}, {})\n\n", body.join(", ")),
                            None => format!("#list({})\n\n", body.join(", ")),
                        }
                    }
                    Frame::Item(t) => {
                        if let Some(Frame::List { items, .. }) = w.stack.last_mut() {
                            items.push(t.finish());
                        }
                        continue;
                    }
                    Frame::Cell(t) => {
                        if let Some(Frame::Table {
                            head,
                            cells,
                            in_head,
                            row_lines,
                            ..
                        }) = w.stack.last_mut()
                        {
                            let lines = t.breaks + 1 + t.chars / CELL_LINE_CHARS;
                            *row_lines = (*row_lines).max(lines);
                            let cell = format!("[{}]", t.finish());
                            if *in_head {
                                head.push(cell);
                            } else {
                                cells.push(cell);
                            }
                        }
                        continue;
                    }
                    Frame::Table {
                        columns,
                        head,
                        cells,
                        ..
                    } => {
                        let header = if head.is_empty() {
                            String::new()
                        } else {
                            format!("table.header({}), ", head.join(", "))
                        };
                        // Columns sized to their content.
                        let columns = vec!["auto"; columns.max(1)].join(", ");
                        format!(
                            "#table(columns: ({columns},), {header}{})\n\n",
                            cells.join(", ")
                        )
                    }
                };
                w.push(&out);
            }
            Event::HardBreak => w.push("#linebreak()"),
            Event::Rule => w.push("#line(length: 100%)\n\n"),
            Event::TaskListMarker(done) => w.push(if done { "☒ " } else { "☐ " }),
            _ => {}
        }
    }
    w.flush();
    let mut out = String::new();
    for mut f in w.stack {
        if let Some(b) = f.buf() {
            out.push_str(b);
        }
    }
    out
}

fn level_num(l: HeadingLevel) -> u8 {
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
    use crate::typography::mark;

    #[test]
    fn paragraphs_emphasis_lists() {
        let t = to_typst("(1) Der **Auftragnehmer** *haftet*.\n\n- a\n- b #x\n");
        assert_eq!(
            t,
            "\\(1\\) Der #strong[Auftragnehmer] #emph[haftet]\\.\n\n#list([a], [b \\#x])\n\n"
        );
    }

    #[test]
    fn tables_and_headings() {
        let t = to_typst("### Sub\n\n| A | B |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(
            t,
            "#heading(level: 3)[Sub]\n\n#table(columns: (auto, auto,), table.header([A], [B]), table.cell(breakable: false)[1], [2])\n\n"
        );
    }

    #[test]
    fn line_breaks_in_cells_and_rows_kept_on_a_page() {
        let long = "lang ".repeat(200);
        let md = format!(
            "| A |\n|---|\n| x<br>y<BR />z |\n| {long} |\n| <br> {} |\n",
            crate::escape::markdown(&mark(ValueKind::Name, "<br>"))
        );
        let t = to_typst(&md);
        assert!(
            t.contains("table.cell(breakable: false)[x#linebreak()y#linebreak()z]"),
            "{t}"
        );
        // A row that might not fit on a page may break.
        assert!(t.contains(", [lang lang"), "{t}");
        // A value `<br>` is text.
        assert!(t.contains("#text(hyphenate: false)[\\<br\\>]"), "{t}");
    }

    #[test]
    fn raw_html_and_links_stay_text() {
        let t = to_typst("<b>x</b> [a](b) `#read(\"/etc/passwd\")`");
        assert!(
            !t.replace("\\#", "").contains('#'),
            "only escaped # remain: {t}"
        );
        assert!(t.contains("\\#read"), "{t}");
        assert!(t.contains("\\<b\\>"), "{t}");
    }

    #[test]
    fn citations_are_bound_across_events_and_line_breaks() {
        // A soft line break and an escape split the text into several events.
        let t = to_typst("nach Art.\n33 und Abs\\. 5 sowie Anlage 2\n");
        assert_eq!(
            t,
            "nach Art\\.\u{a0}33 und Abs\\.\u{a0}5 sowie Anlage\u{a0}2\n\n"
        );
    }

    #[test]
    fn values_become_calls_with_their_column() {
        let md = format!(
            "- Name: **{}**, E-Mail: {}\n- Rolle\n\n{}\n",
            mark(ValueKind::Name, "A-B \"x\" GmbH"),
            mark(ValueKind::Email, "a@b.example"),
            mark(ValueKind::Email, &format!("{}@example.org", "x".repeat(40)))
        );
        let t = to_typst(&md);
        assert_eq!(
            t,
            format!(
                "#list([Name\\: #strong[#text(hyphenate: false)[#box[A\\-B] \\\"x\\\" GmbH]]\\, E\\-Mail\\: #text(hyphenate: false)[a\\@#h(0.001pt)b\\.#h(0.001pt)example]], [Rolle])\n\n\
                 #[#set par(justify: false); #value(\"email\", \"{}@example.org\", column(0))]\n\n",
                "x".repeat(40)
            )
        );
    }

    #[test]
    fn link_pieces_end_after_separators() {
        let p: Vec<&str> = link_pieces("https://www.a-b.example/x/y.pdf").collect();
        assert_eq!(
            p,
            [
                "https://", "www.", "a-", "b.", "example/", "x/", "y.", "pdf"
            ]
        );
        let p: Vec<&str> = link_pieces("a--b@c.de").collect();
        assert_eq!(p, ["a--", "b@", "c.", "de"]);
    }

    #[test]
    fn the_line_breaking_characters_match_the_template() {
        let template = crate::clauses::TEMPLATE_FILES
            .iter()
            .find(|(name, _)| *name == "typeset.typ")
            .map(|(_, t)| *t)
            .unwrap_or("");
        let line = template
            .lines()
            .find(|l| l.starts_with("#let breaking = ("))
            .unwrap_or("");
        let listed: Vec<String> = line
            .split('"')
            .skip(1)
            .step_by(2)
            .map(|c| c.replace("\\u{", "").replace('}', ""))
            .collect();
        let ours: Vec<String> = LINE_BREAKING
            .iter()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    format!("{:04x}", u32::from(*c))
                }
            })
            .collect();
        assert_eq!(listed.len(), ours.len(), "{line}");
        for c in &ours {
            assert!(
                listed
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(c) || (c == "}" && l.is_empty())),
                "{c} not in {line}"
            );
        }
    }

    #[test]
    fn values_in_headings_and_cells() {
        let md = format!(
            "### {}\n\n| A |\n|---|\n| {} |\n| {} |\n",
            mark(ValueKind::Name, "X"),
            mark(ValueKind::Address, "Gunzenhausen"),
            mark(ValueKind::Address, "Ulm")
        );
        let t = to_typst(&md);
        assert!(
            t.starts_with("#heading(level: 3)[#text(hyphenate: false)[X]]"),
            "{t}"
        );
        // A word that may be too wide for the cell is measured in it; a short one is not.
        assert!(
            t.contains("[#fit(w => [#value(\"address\", \"Gunzenhausen\", w)])]"),
            "{t}"
        );
        assert!(t.contains("[#text(hyphenate: false)[Ulm]]"), "{t}");
    }

    #[test]
    fn a_value_cannot_break_out_of_its_string() {
        // Set directly (short words) and through `value` (a word too long to be sure).
        let payload = "\"), read(\"/etc/passwd\"), (\"";
        let t = to_typst(&mark(ValueKind::Name, payload));
        assert_eq!(
            t,
            "#text(hyphenate: false)[\\\"\\)\\, #box[read\\(\\\"\\/etc\\/passwd\\\"\\)\\,] \\(\\\"]\n\n"
        );
        let long = format!("{payload}{}", "x".repeat(40));
        let t = to_typst(&mark(ValueKind::Name, &long));
        assert_eq!(
            t,
            format!(
                "#[#set par(justify: false); #value(\"name\", \"\\\"), read(\\\"/etc/passwd\\\"), (\\\"{}\", column(0))]\n\n",
                "x".repeat(40)
            )
        );
    }
}
