//! The text of a controllers CSV as spreadsheets write it: its encoding, Excel's `sep=`
//! line, the separator, and where each cell starts (line and character column), exact for
//! LF and CRLF files and for cells with quoted line breaks.
//!
//! Encodings: UTF-8 (with or without BOM) is read as is; UTF-16 with a BOM (Excel's
//! "Unicode text") is decoded. Any other file is tried as Windows-1252, the "CSV" that Excel
//! writes on German and other Western European Windows systems, and read only if the result
//! is plausible: no byte that Windows-1252 leaves undefined, no control character, and no
//! typographic sign or symbol between two letters (`B„ckerei`, `MŠrz`, `Stra§e` are what
//! DOS and Mac encodings look like when read as Windows-1252). Otherwise the file is refused
//! with its first line that is not UTF-8 and how to export "CSV UTF-8". Names are never
//! shown garbled. Decoding uses `encoding_rs`.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::Error;
use crate::error::{InputError, Location, Problem};

/// The decoded text of a CSV file, without BOM.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was decoded from, if it was not UTF-8 (`windows-1252`, `UTF-16LE`).
    pub from: Option<&'static str>,
}

/// Decodes a CSV file's bytes (see the module documentation).
///
/// Errors: `Error::Input` at the first line and column that is not UTF-8, when the file is
/// neither UTF-8 nor plausible Windows-1252, with a hint on exporting "CSV UTF-8".
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, Error> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if !had_errors {
            let from = (enc != UTF_8).then(|| enc.name());
            return Ok(Decoded {
                text: text.into_owned(),
                from,
            });
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            from: None,
        });
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    match implausible(&text) {
        None => Ok(Decoded {
            text,
            from: Some(WINDOWS_1252.name()),
        }),
        Some(_) => Err(not_utf8(path, bytes, &text)),
    }
}

/// The byte offset of the first character that Windows-1252 text should not contain.
fn implausible(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if c.is_control() && !matches!(c, '\t' | '\r' | '\n') {
            return Some(at);
        }
        let letter = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|(_, c)| c.is_alphabetic())
        };
        if suspicious_in_word(c) && letter(i.checked_sub(1)) && letter(i.checked_add(1)) {
            return Some(at);
        }
    }
    None
}

/// Signs and symbols of Windows-1252 (bytes 0x80 to 0xBF) that do not stand between two
/// letters in real text, but do when DOS (CP850) or Mac Roman text is read as Windows-1252.
/// The apostrophe `’`, the soft hyphen, `·`, `ª`, `º` and `œ` do occur inside words.
fn suspicious_in_word(c: char) -> bool {
    let code = c as u32;
    let upper_half_sign = (0xa0..=0xbf).contains(&code) && !matches!(c, '\u{ad}' | '·' | 'ª' | 'º');
    let c1_range = matches!(
        c,
        '€' | '‚'
            | 'ƒ'
            | '„'
            | '…'
            | '†'
            | '‡'
            | 'ˆ'
            | '‰'
            | 'Š'
            | '‹'
            | 'Ž'
            | '‘'
            | '“'
            | '”'
            | '•'
            | '–'
            | '—'
            | '˜'
            | '™'
            | 'š'
            | '›'
            | 'ž'
            | 'Ÿ'
    );
    upper_half_sign || c1_range
}

/// The refusal of a file that is neither UTF-8 nor Windows-1252, at its first byte that is
/// not UTF-8 (shown as Windows-1252 would show it).
fn not_utf8(path: &Path, bytes: &[u8], decoded: &str) -> Error {
    let valid = std::str::from_utf8(bytes)
        .err()
        .map(|e| e.valid_up_to())
        .unwrap_or(0);
    let before = &bytes[..valid];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let problem = Problem::new(
        Location::new(to_u32(line), to_u32(column)),
        "",
        crate::tr!("csv-not-utf8"),
    )
    .with_hint(crate::tr!("csv-export-utf8"));
    Error::Input(InputError::single(path, decoded, problem))
}

/// Where the header row starts and which separator the file uses: Excel's `sep=;` first
/// line if there is one (the header is then the next line), else the separator found most
/// often outside quotes in the header line (`;`, `,` or a tab; `,` if none).
pub fn layout(text: &str) -> (usize, u8) {
    let first_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    let first = text[..first_end].trim_end_matches(['\r', '\n']);
    if let Some(sep) = first
        .get(..4)
        .filter(|s| s.eq_ignore_ascii_case("sep="))
        .and_then(|_| first.get(4..))
        .filter(|s| s.len() == 1)
        .and_then(|s| s.bytes().next())
    {
        return (first_end, sep);
    }
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(s, _)| *s == b) {
            c.1 += 1;
        }
    }
    let best = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| *s)
        .unwrap_or(b',');
    (0, best)
}

/// The byte offset where each cell of the record starting at `start` begins (quotes
/// respected, quoted line breaks included); stops at the record's end.
pub fn cell_starts(text: &str, start: usize, delimiter: u8) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![start];
    let mut quoted = false;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if b == delimiter && !quoted => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// A cell's text as people mean it: trimmed, line breaks (CRLF, CR) as `\n`.
pub fn cell_value(raw: &str) -> String {
    let t = raw.trim();
    if t.contains('\r') {
        t.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        t.to_string()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1252(s: &str) -> Vec<u8> {
        WINDOWS_1252.encode(s).0.into_owned()
    }

    #[test]
    fn utf8_utf16_and_windows_1252_are_read() {
        let p = Path::new("c.csv");
        let d = decode(p, "\u{feff}name;Köln\n".as_bytes()).expect("utf-8 bom");
        assert_eq!((d.text.as_str(), d.from), ("name;Köln\n", None));
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend("a\tÄ\n".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(p, &utf16).expect("utf-16");
        assert_eq!((d.text.as_str(), d.from), ("a\tÄ\n", Some("UTF-16LE")));
        let text = "Fußpflege „Zehenspitze“ – Inh. Weiß;Jürgen Schäfer;O’Brien;12 °C\r\n";
        let d = decode(p, &cp1252(text)).expect("windows-1252");
        assert_eq!((d.text.as_str(), d.from), (text, Some("windows-1252")));
    }

    #[test]
    fn dos_and_mac_text_is_refused_at_its_first_line_that_is_not_utf8() {
        crate::i18n::set_lang(crate::Lang::En);
        let p = Path::new("c.csv");
        // CP850 "Bäckerei" (ä = 0x84, `„` in Windows-1252) on line 2.
        let bytes = b"id;name\r\n1;B\x84ckerei\r\n";
        let e = decode(p, bytes).expect_err("cp850").to_string();
        assert!(e.starts_with("c.csv:2:4: error: "), "{e}");
        assert!(e.contains("2 | 1;B„ckerei"), "{e}");
        // Mac Roman "Straße" (ß = 0xA7, `§` in Windows-1252).
        assert!(decode(p, b"Stra\xa7e\n").is_err());
        // A byte Windows-1252 leaves undefined.
        assert!(decode(p, b"M\x81ller\n").is_err());
    }

    #[test]
    fn sep_line_and_separator() {
        assert_eq!(layout("sep=;\r\nid;name\r\n"), (7, b';'));
        assert_eq!(layout("SEP=,\nid,name\n"), (6, b','));
        assert_eq!(layout("name;street;\"city, town\"\n"), (0, b';'));
        assert_eq!(layout("name,street,city\n"), (0, b','));
        assert_eq!(layout("name\tstreet\n"), (0, b'\t'));
        assert_eq!(layout("name\n"), (0, b','));
    }

    #[test]
    fn cells_start_where_they_are_written() {
        let t = "h\r\na;\"b\r\nc;d\";e\r\nx";
        assert_eq!(cell_starts(t, 3, b';'), vec![3, 5, 14]);
        assert_eq!(cell_starts(t, 18, b';'), vec![18]);
        assert_eq!(cell_value(" b\r\nc\rd "), "b\nc\nd");
    }
}
