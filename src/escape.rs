//! Escaping: user text can never become Markdown, HTML, Tera or Typst markup.
//!
//! Two layers. Values going into Markdown (through Tera's autoescape) get a backslash before
//! every ASCII punctuation character, which CommonMark turns back into the literal
//! character. Text going into Typst markup gets the same treatment, which Typst also reads
//! as the literal character. Line breaks in values become spaces: a value can never start a
//! new paragraph, list item or table row.

use std::io::Write;

/// Escapes text for CommonMark (used as Tera's escape function).
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// Tera's escape function: [`markdown`] into a writer.
pub fn markdown_escape_fn(input: &str, output: &mut dyn Write) -> std::io::Result<()> {
    output.write_all(markdown(input).as_bytes())
}

/// Escapes text for Typst markup.
pub fn typst_markup(text: &str) -> String {
    markdown(text)
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

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' | '\r' | '\t' => out.push(' '),
        c if c.is_control() => {}
        c if c.is_ascii_punctuation() => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_escaped() {
        assert_eq!(
            markdown("*x* #y [a](b) <b> {{ z }}"),
            r"\*x\* \#y \[a\]\(b\) \<b\> \{\{ z \}\}"
        );
        assert_eq!(markdown("a\nb\r\n- c"), r"a b  \- c");
        assert_eq!(markdown("Müller & Söhne"), r"Müller \& Söhne");
    }

    #[test]
    fn typst_strings() {
        assert_eq!(typst_string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }
}
