//! Markdown -> Typst markup. A small walker over pulldown-cmark events that emits only the
//! constructs it knows (paragraphs, headings, emphasis, lists, tables, line breaks) and
//! escapes every piece of text, so no text can become Typst code.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::escape::typst_markup as esc;

enum Frame {
    /// The document or a container whose content is plain markup.
    Block(String),
    Heading(u8, String),
    Strong(String),
    Emph(String),
    List {
        start: Option<u64>,
        items: Vec<String>,
    },
    Item(String),
    Table {
        columns: usize,
        head: Vec<String>,
        cells: Vec<String>,
        in_head: bool,
    },
    Cell(String),
    /// Ignored wrapper (links, images...): text inside still counts.
    Transparent(String),
}

impl Frame {
    fn buf(&mut self) -> Option<&mut String> {
        match self {
            Frame::Block(s)
            | Frame::Heading(_, s)
            | Frame::Strong(s)
            | Frame::Emph(s)
            | Frame::Item(s)
            | Frame::Cell(s)
            | Frame::Transparent(s) => Some(s),
            Frame::List { .. } | Frame::Table { .. } => None,
        }
    }
}

/// Converts Markdown to Typst markup. `heading_offset` is added to heading levels.
pub fn to_typst(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES);
    let mut stack: Vec<Frame> = vec![Frame::Block(String::new())];
    for event in parser {
        match event {
            Event::Start(tag) => stack.push(match tag {
                Tag::Heading { level, .. } => Frame::Heading(level_num(level), String::new()),
                Tag::Strong => Frame::Strong(String::new()),
                Tag::Emphasis => Frame::Emph(String::new()),
                Tag::List(start) => Frame::List {
                    start,
                    items: Vec::new(),
                },
                Tag::Item => Frame::Item(String::new()),
                Tag::Table(al) => Frame::Table {
                    columns: al.len(),
                    head: Vec::new(),
                    cells: Vec::new(),
                    in_head: false,
                },
                Tag::TableHead => {
                    if let Some(Frame::Table { in_head, .. }) = stack.last_mut() {
                        *in_head = true;
                    }
                    continue;
                }
                Tag::TableRow => continue,
                Tag::TableCell => Frame::Cell(String::new()),
                Tag::Paragraph => Frame::Block(String::new()),
                _ => Frame::Transparent(String::new()),
            }),
            Event::End(end) => {
                match end {
                    TagEnd::TableHead => {
                        if let Some(Frame::Table { in_head, .. }) = stack.last_mut() {
                            *in_head = false;
                        }
                        continue;
                    }
                    TagEnd::TableRow => continue,
                    _ => {}
                }
                let Some(frame) = stack.pop() else { continue };
                let is_para = matches!(end, TagEnd::Paragraph);
                let out = match frame {
                    Frame::Block(s) => {
                        if is_para {
                            format!("{}\n\n", s.trim())
                        } else {
                            s
                        }
                    }
                    Frame::Heading(level, s) => {
                        format!("#heading(level: {level})[{}]\n\n", s.trim())
                    }
                    Frame::Strong(s) => format!("#strong[{s}]"),
                    Frame::Emph(s) => format!("#emph[{s}]"),
                    Frame::Transparent(s) => s,
                    Frame::List { start, items } => {
                        let body: Vec<String> =
                            items.iter().map(|i| format!("[{}]", i.trim())).collect();
                        match start {
                            Some(n) => format!("#enum(start: {n}, {})\n\n", body.join(", ")),
                            None => format!("#list({})\n\n", body.join(", ")),
                        }
                    }
                    Frame::Item(s) => {
                        if let Some(Frame::List { items, .. }) = stack.last_mut() {
                            items.push(s);
                        }
                        continue;
                    }
                    Frame::Cell(s) => {
                        if let Some(Frame::Table {
                            head,
                            cells,
                            in_head,
                            ..
                        }) = stack.last_mut()
                        {
                            let cell = format!("[{}]", s.trim());
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
                        format!(
                            "#table(columns: {}, {header}{})\n\n",
                            columns.max(1),
                            cells.join(", ")
                        )
                    }
                };
                push(&mut stack, &out);
            }
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t)
            | Event::FootnoteReference(t) => {
                push(&mut stack, &esc(&t));
            }
            Event::SoftBreak => push(&mut stack, " "),
            Event::HardBreak => push(&mut stack, "#linebreak()"),
            Event::Rule => push(&mut stack, "#line(length: 100%)\n\n"),
            Event::TaskListMarker(done) => push(&mut stack, if done { "☒ " } else { "☐ " }),
        }
    }
    let mut out = String::new();
    for mut f in stack {
        if let Some(b) = f.buf() {
            out.push_str(b);
        }
    }
    out
}

fn push(stack: &mut [Frame], s: &str) {
    for f in stack.iter_mut().rev() {
        if let Some(b) = f.buf() {
            b.push_str(s);
            return;
        }
    }
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
            "#heading(level: 3)[Sub]\n\n#table(columns: 2, table.header([A], [B]), [1], [2])\n\n"
        );
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
}
