//! Escaping: user text can never become Markdown, HTML, Tera or Typst markup.
//!
//! Two layers. Values going into Markdown (through Tera's autoescape) get a backslash before
//! every ASCII punctuation character, which CommonMark turns back into the literal
//! character. Text going into Typst markup gets the same treatment, which Typst also reads
//! as the literal character. Line breaks in values become spaces: a value can never start a
//! new paragraph, list item or table row. The one exception is U+2028 LINE SEPARATOR, which
//! the assembler puts only into texts that may have several lines (purpose, subject matter,
//! custom measures; the field rules turn a typed U+2028 into a line break): it becomes a
//! CommonMark hard line break inside the same paragraph, and the next line is escaped as a
//! line start again, so a pasted "- item" stays text on its own line.

use std::io::Write;

/// Escapes text for CommonMark (used as Tera's escape function).
///
/// Characters with inline meaning are always escaped; characters that only mean something
/// at the start of a line (`-`, `+`, `=`, `1.`, `1)`) are escaped when the value starts with
/// them, since a value may be placed at a line start. Everything else stays readable.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    let mut leading_digits = false;
    for c in text.chars() {
        if c == '\u{2028}' {
            // No break before the text (value marks, see `typography`, are not text).
            let text_before = out.chars().any(|c| !crate::typography::is_mark(c));
            if text_before && !out.ends_with("\\\n") {
                out.push_str("\\\n");
            }
            at_start = true;
            leading_digits = false;
            continue;
        }
        let c = if matches!(c, '\n' | '\r' | '\t' | '\u{2029}') {
            ' '
        } else {
            c
        };
        if c.is_control() {
            continue;
        }
        if crate::typography::is_mark(c) {
            // Value marks (see `typography`) are invisible: they pass through and do not
            // count as the start of the value.
            out.push(c);
            continue;
        }
        if c == ' ' && out.ends_with('\n') {
            // Leading spaces of a continued line mean nothing in CommonMark.
            continue;
        }
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '!' | '~' | '{' | '}'
            | '#' | '$' | '^' => true,
            '-' | '+' | '=' => at_start,
            '.' | ')' => leading_digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        if c.is_ascii_digit() && (at_start || leading_digits) {
            leading_digits = true;
        } else if !(c == ' ' && at_start) {
            leading_digits = false;
        }
        if !(c == ' ' && at_start) {
            at_start = false;
        }
    }
    out
}

/// Tera's escape function: [`markdown`] into a writer.
pub fn markdown_escape_fn(input: &str, output: &mut dyn Write) -> std::io::Result<()> {
    output.write_all(markdown(input).as_bytes())
}

/// Escapes text for Typst markup: a backslash before every ASCII punctuation character.
pub fn typst_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A Typst string literal (with quotes) holding `text` literally.
pub fn typst_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_is_escaped() {
        assert_eq!(
            markdown("*x* #y [a](b) <b> {{ z }}"),
            r"\*x\* \#y \[a\](b) \<b\> \{\{ z \}\}"
        );
        assert_eq!(markdown("a\nb - c"), "a b - c");
        assert_eq!(markdown("- a"), r"\- a");
        assert_eq!(markdown("  + a"), r"  \+ a");
        assert_eq!(markdown("12. Mai"), r"12\. Mai");
        assert_eq!(markdown("3) x"), r"3\) x");
        assert_eq!(markdown("Art. 28 (3) a.b"), "Art. 28 (3) a.b");
        assert_eq!(markdown("Müller & Söhne"), r"Müller \& Söhne");
        assert_eq!(markdown(r"a\b"), r"a\\b");
    }

    #[test]
    fn markdown_escape_round_trips_through_commonmark() {
        for s in [
            "- x",
            "1. x",
            "# x",
            "*x* _y_ `z`",
            "[a](b) ![i](j)",
            "<b>x</b> &amp;",
            "a | b",
            "> q",
            "=== x",
            r"\*",
        ] {
            let md = format!("- {}\n", markdown(s));
            let text: String =
                pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES)
                    .filter_map(|e| match e {
                        pulldown_cmark::Event::Text(t) => Some(t.to_string()),
                        _ => None,
                    })
                    .collect();
            assert_eq!(text, s, "{md}");
        }
    }

    #[test]
    fn value_marks_pass_through_and_do_not_hide_a_line_start() {
        use crate::typography::{ValueKind, mark, strip_marks};
        let marked = markdown(&mark(ValueKind::Name, "- 1. x"));
        assert_eq!(strip_marks(&marked), markdown("- 1. x"));
        assert_ne!(marked, strip_marks(&marked));
        let marked = markdown(&mark(ValueKind::Text, "\u{2028}a\u{2028}- b"));
        assert_eq!(strip_marks(&marked), markdown("\u{2028}a\u{2028}- b"));
    }

    #[test]
    fn line_separators_become_hard_breaks_and_lines_start_escaped() {
        let md = markdown("Hosting:\u{2028}- Server\u{2028}  1. Backup\u{2028}\u{2028}# x");
        assert_eq!(md, "Hosting:\\\n\\- Server\\\n1\\. Backup\\\n\\# x");
        let events: Vec<String> = pulldown_cmark::Parser::new(&format!("(5) {md}."))
            .map(|e| format!("{e:?}"))
            .collect();
        let breaks = events.iter().filter(|e| e.as_str() == "HardBreak").count();
        assert_eq!(breaks, 3, "{events:?}");
        assert!(
            !events
                .iter()
                .any(|e| e.contains("List") || e.contains("Heading")),
            "{events:?}"
        );
        assert_eq!(markdown("\u{2028}a"), "a", "no break before the text");
        assert_eq!(typst_markup("a\u{2028}b"), "a b");
    }

    #[test]
    fn non_breaking_spaces_and_soft_hyphens_survive() {
        let s = "Dr.\u{a0}Anna Weber, Auftrags\u{ad}verarbeitung";
        assert_eq!(markdown(s), s);
        assert_eq!(
            typst_markup(s),
            "Dr\\.\u{a0}Anna Weber\\, Auftrags\u{ad}verarbeitung"
        );
    }

    #[test]
    fn typst_escapes_all_punctuation() {
        assert_eq!(typst_markup("#set a.b\n@x"), r"\#set a\.b \@x");
    }

    #[test]
    fn typst_strings() {
        assert_eq!(typst_string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }
}
