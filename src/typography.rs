//! Typography that every output shares: values marked by kind, and legal citations bound to
//! their number.
//!
//! **Value kinds.** A party's name, an address, an e-mail address, a URL or an id must never
//! be hyphenated, and only e-mail addresses and URLs may break inside a word (after `@`, `.`,
//! `/`, `-`, without a hyphen). The assembler knows what each value is when it puts it into
//! the clause context, so it wraps it there in an invisible mark ([`mark`]): a start
//! character from Unicode's private use area naming the kind, the text, and an end
//! character. The marks travel through Tera and Markdown untouched (they are neither
//! whitespace nor punctuation); the PDF renderer reads them ([`Decoder`]) and typesets each
//! kind; every other output removes them ([`strip_marks`]).
//!
//! **Citations.** "Art. 28", "Abs. 3", "§ 9", "Anlage 2", "Clause 7": a line never ends
//! between such a word and what it refers to. [`bind_citations`] turns the space after it
//! into a no-break space, once, for clause text and values alike, in both languages.

/// What a value is, which decides how it may break across lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A person's or an organisation's name: breaks only at spaces, never hyphenated.
    Name,
    /// A street, postal code, city, region or country: breaks only at spaces.
    Address,
    /// An e-mail address: never hyphenated; may break after `@`, `.`, `-`, `/`.
    Email,
    /// A web address: like an e-mail address.
    Url,
    /// A reference, register entry, phone number or fingerprint: breaks only at spaces.
    Id,
    /// Free text a person typed: hyphenated like clause text, but a word wider than its
    /// column may break anywhere (without a hyphen) rather than run out of it.
    Text,
}

impl ValueKind {
    /// Every kind, in the order of their marks.
    pub const ALL: [ValueKind; 6] = [
        ValueKind::Name,
        ValueKind::Address,
        ValueKind::Email,
        ValueKind::Url,
        ValueKind::Id,
        ValueKind::Text,
    ];

    /// The kind's name as the Typst template knows it.
    pub fn id(self) -> &'static str {
        match self {
            ValueKind::Name => "name",
            ValueKind::Address => "address",
            ValueKind::Email => "email",
            ValueKind::Url => "url",
            ValueKind::Id => "id",
            ValueKind::Text => "text",
        }
    }

    fn start(self) -> char {
        match self {
            ValueKind::Name => '\u{E001}',
            ValueKind::Address => '\u{E002}',
            ValueKind::Email => '\u{E003}',
            ValueKind::Url => '\u{E004}',
            ValueKind::Id => '\u{E005}',
            ValueKind::Text => '\u{E006}',
        }
    }

    fn from_start(c: char) -> Option<ValueKind> {
        ValueKind::ALL.into_iter().find(|k| k.start() == c)
    }
}

/// Ends a marked value.
const END: char = '\u{E000}';

/// Whether `c` is one of the characters used for marks (never printed).
#[inline]
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{E00F}')
}

/// `text` marked as a value of `kind`. Mark characters inside `text` are dropped, so that
/// marks never nest and nobody can forge one. An empty text stays empty (and so stays false
/// in a template's `if`).
pub fn mark(kind: ValueKind, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 6);
    out.push(kind.start());
    out.extend(text.chars().filter(|c| !is_mark(*c)));
    if out.len() == kind.start().len_utf8() {
        return String::new();
    }
    out.push(END);
    out
}

/// Free text someone typed, marked: e-mail addresses and URLs in it as such, every other
/// part as [`ValueKind::Text`].
pub fn mark_free_text(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !is_mark(*c)).collect();
    let mut out = String::with_capacity(clean.len() + 12);
    let mut plain = String::new();
    let flush = |plain: &mut String, out: &mut String| {
        if !plain.is_empty() {
            out.push_str(&mark(ValueKind::Text, plain));
            plain.clear();
        }
    };
    for token in clean.split_inclusive(char::is_whitespace) {
        let word = token.trim_end_matches(char::is_whitespace);
        let space = &token[word.len()..];
        let lead = word.len()
            - word
                .trim_start_matches(['(', '[', '<', '"', '„', '“', '«', '\''])
                .len();
        let trail = trailing_punctuation(&word[lead..]);
        let core = &word[lead..word.len() - trail];
        let kind = if is_url(core) {
            Some(ValueKind::Url)
        } else if is_email(core) {
            Some(ValueKind::Email)
        } else {
            None
        };
        match kind {
            Some(kind) => {
                plain.push_str(&word[..lead]);
                flush(&mut plain, &mut out);
                out.push_str(&mark(kind, core));
                plain.push_str(&word[word.len() - trail..]);
                plain.push_str(space);
            }
            None => plain.push_str(token),
        }
    }
    flush(&mut plain, &mut out);
    out
}

/// Bytes of sentence punctuation at the end of a word that belong to the sentence, not to
/// an address in it ("see https://x.example/a." ends with a full stop).
fn trailing_punctuation(word: &str) -> usize {
    word.len()
        - word
            .trim_end_matches([
                '.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '“', '»', '\'',
            ])
            .len()
}

fn is_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && s.len() > 8
        || lower.starts_with("www.") && s.len() > 4
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
}

/// `text` without any marks: what Markdown and every other output shows.
pub fn strip_marks(text: &str) -> String {
    if !text.chars().any(is_mark) {
        return text.to_string();
    }
    text.chars().filter(|c| !is_mark(*c)).collect()
}

/// One piece of marked text: a value of a kind, or text around values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The value's kind; `None` for text that is not a value.
    pub kind: Option<ValueKind>,
    /// The text, without marks.
    pub text: String,
}

/// Reads marked text piece by piece. Text may arrive in parts (Markdown splits it into
/// events); a value that starts in one part and ends in a later one keeps its kind.
/// Malformed marks are tolerated: a start mark ends the value before it, a stray end mark
/// is ignored.
#[derive(Debug, Default)]
pub struct Decoder {
    open: Option<ValueKind>,
}

impl Decoder {
    /// A decoder outside any value.
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// The kind of the value the last part ended in, if it ended inside one.
    pub fn open(&self) -> Option<ValueKind> {
        self.open
    }

    /// Splits the next part into runs (no empty runs).
    pub fn feed(&mut self, part: &str) -> Vec<Run> {
        let mut runs = Vec::new();
        let mut cur = String::new();
        for c in part.chars() {
            if !is_mark(c) {
                cur.push(c);
                continue;
            }
            let next = ValueKind::from_start(c);
            if !cur.is_empty() {
                runs.push(Run {
                    kind: self.open,
                    text: std::mem::take(&mut cur),
                });
            }
            self.open = next;
        }
        if !cur.is_empty() {
            runs.push(Run {
                kind: self.open,
                text: cur,
            });
        }
        runs
    }
}

/// Marked text as runs.
pub fn runs(text: &str) -> Vec<Run> {
    Decoder::new().feed(text)
}

/// Words that refer to a numbered provision and must stay on the line of what follows
/// them, whatever follows ("Art. 28", "lit. a", "§ 9").
const ALWAYS_BOUND: [&str; 12] = [
    "Art.", "Artt.", "Abs.", "UAbs.", "Nr.", "Nrn.", "lit.", "§", "§§", "No.", "Para.", "S.",
];

/// Words that bind only to a number or a roman numeral ("Anlage 2", "Annex IV", "Clause
/// 17", "Article 28(3)"); "the Annex shall" stays breakable.
const NUMBER_BOUND: [&str; 16] = [
    "Article", "Articles", "Artikel", "Clause", "Clauses", "Klausel", "Klauseln", "Annex",
    "Annexes", "Anlage", "Anlagen", "Anhang", "Satz", "Sentence", "Module", "Modul",
];

/// `text` with a no-break space (U+00A0) instead of the space after each citation word
/// ([`ALWAYS_BOUND`], and [`NUMBER_BOUND`] before a number), so that no line ends with
/// "Art." or "§". Marks are looked through: "§ " before a marked number still binds.
pub fn bind_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut done = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b' ' && binds(&text[..i], &text[i + 1..]) {
            out.push_str(&text[done..i]);
            out.push('\u{A0}');
            done = i + 1;
        }
    }
    out.push_str(&text[done..]);
    out
}

/// Whether the space between `before` and `after` follows a citation word.
fn binds(before: &str, after: &str) -> bool {
    let before = before.trim_end_matches(is_mark);
    let after = after.trim_start_matches(is_mark);
    // Cheap tests first, on the characters next to the space: every citation word ends in
    // `.`, `§` or a lower-case letter; after a word of NUMBER_BOUND comes a digit or a
    // roman numeral.
    let (Some(last), Some(next)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    if next.is_whitespace() {
        return false;
    }
    let number_next = next.is_ascii_digit() || matches!(next, 'I' | 'V' | 'X' | 'L');
    if !(last == '.' || last == '§' || last.is_ascii_lowercase() && number_next) {
        return false;
    }
    let start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '„' | '"' | '/'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[start..];
    if word.len() > 12 {
        return false;
    }
    let word: std::borrow::Cow<'_, str> = if word.contains(is_mark) {
        word.chars()
            .filter(|c| !is_mark(*c))
            .collect::<String>()
            .into()
    } else {
        word.into()
    };
    if ALWAYS_BOUND.contains(&word.as_ref()) {
        return true;
    }
    if !NUMBER_BOUND.contains(&word.as_ref()) {
        return false;
    }
    let next: String = after
        .chars()
        .filter(|c| !is_mark(*c))
        .take_while(|c| !c.is_whitespace())
        .collect();
    is_number_like(&next)
}

/// "28", "28(3)", "IV", "IV.", "2," but not "Insurance" or "I'm".
fn is_number_like(next: &str) -> bool {
    let core = next.trim_end_matches(|c: char| c.is_ascii_punctuation());
    let core = core.split(['(', '/', '-']).next().unwrap_or("");
    !core.is_empty()
        && (core.chars().all(|c| c.is_ascii_digit())
            || core.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_and_strip() {
        let m = mark(ValueKind::Name, "Müller GmbH");
        assert_eq!(strip_marks(&m), "Müller GmbH");
        assert_ne!(m, "Müller GmbH");
        assert_eq!(mark(ValueKind::Email, ""), "");
        // A forged mark inside a value is dropped: marks never nest.
        let forged = format!("a{}b{END}c", ValueKind::Url.start());
        assert_eq!(
            runs(&mark(ValueKind::Name, &forged)),
            vec![Run {
                kind: Some(ValueKind::Name),
                text: "abc".into()
            }]
        );
    }

    #[test]
    fn runs_follow_values_across_parts() {
        let text = format!(
            "Name: {}, E-Mail: {}.",
            mark(ValueKind::Name, "A B"),
            mark(ValueKind::Email, "a@b.example")
        );
        let r = runs(&text);
        let kinds: Vec<_> = r.iter().map(|r| (r.kind, r.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (None, "Name: "),
                (Some(ValueKind::Name), "A B"),
                (None, ", E-Mail: "),
                (Some(ValueKind::Email), "a@b.example"),
                (None, "."),
            ]
        );
        // Split anywhere, the decoder keeps the kind.
        let mut d = Decoder::new();
        let (a, b) = text.split_at(text.find('B').unwrap_or(0));
        let mut all = d.feed(a);
        assert_eq!(d.open(), Some(ValueKind::Name));
        all.extend(d.feed(b));
        let joined: String = all.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(joined, strip_marks(&text));
        assert!(
            all.iter()
                .any(|r| r.kind == Some(ValueKind::Name) && r.text == "B")
        );
    }

    #[test]
    fn free_text_marks_addresses_and_links() {
        let t = mark_free_text("Siehe https://x.example/a-b.pdf, oder (info@x.example).");
        let r = runs(&t);
        let kinds: Vec<_> = r.iter().map(|r| (r.kind, r.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (Some(ValueKind::Text), "Siehe "),
                (Some(ValueKind::Url), "https://x.example/a-b.pdf"),
                (Some(ValueKind::Text), ", oder ("),
                (Some(ValueKind::Email), "info@x.example"),
                (Some(ValueKind::Text), ")."),
            ]
        );
        assert_eq!(
            strip_marks(&t),
            "Siehe https://x.example/a-b.pdf, oder (info@x.example)."
        );
        assert_eq!(runs(&mark_free_text("a @ b, x@y")).len(), 1);
    }

    #[test]
    fn citations_are_bound() {
        let nb = '\u{A0}';
        assert_eq!(
            bind_citations("nach Art. 4 Nr. 7 und § 28, lit. a"),
            format!("nach Art.{nb}4 Nr.{nb}7 und §{nb}28, lit.{nb}a")
        );
        assert_eq!(
            bind_citations("(Art. 28 Abs. 3 UAbs. 2 DSGVO)"),
            format!("(Art.{nb}28 Abs.{nb}3 UAbs.{nb}2 DSGVO)")
        );
        assert_eq!(
            bind_citations("Annex IV and Clause 17, the Annex shall, Anlage 2."),
            format!("Annex{nb}IV and Clause{nb}17, the Annex shall, Anlage{nb}2.")
        );
        assert_eq!(bind_citations("Article 28(3)"), format!("Article{nb}28(3)"));
        // Not a citation word: "Kunst." ends with "st." but is not "Art.".
        assert_eq!(bind_citations("Kunst. 5"), "Kunst. 5");
        // Looks through marks.
        let marked = format!("§ {}", mark(ValueKind::Id, "9"));
        assert_eq!(strip_marks(&bind_citations(&marked)), format!("§{nb}9"));
        // A citation word at the end of the text stays as it is.
        assert_eq!(bind_citations("Art. "), "Art. ");
    }
}
