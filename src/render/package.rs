//! Re-packs the DOCX that docx-rs writes so that the same input gives the same bytes and
//! the document describes itself:
//!
//! - every zip entry carries the document's date (never the clock) and mode 0644, and is
//!   compressed with deflate; `[Content_Types].xml` comes first, folder entries are left out;
//! - the ids of tracked changes (`w:ins`, `w:del`), which docx-rs counts process-wide, are
//!   numbered from 1 in each document;
//! - `docProps/core.xml` gets the title, subject, author, keywords, language and dates
//!   (docx-rs cannot set them), and the proofing language goes into the default run
//!   properties of `word/styles.xml`.

use std::io::{Cursor, Read as _, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::docx::{DocxInfo, REVISION_AUTHOR, clean};
use crate::{Error, Lang};

/// Normalises a DOCX package (see the module documentation).
///
/// Errors: `Error::Internal` if the package cannot be read or written (a bug).
pub(crate) fn normalise(raw: &[u8], info: &DocxInfo<'_>) -> Result<Vec<u8>, Error> {
    let err = |e: zip::result::ZipError| Error::Internal(format!("DOCX package: {e}"));
    let mut archive = ZipArchive::new(Cursor::new(raw)).map_err(err)?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).map_err(err)?;
        if f.is_dir() {
            continue;
        }
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)
            .map_err(|e| Error::Internal(format!("DOCX package: {e}")))?;
        let bytes = match name.as_str() {
            "docProps/core.xml" => core_xml(info).into_bytes(),
            "word/styles.xml" => with_language(&bytes, info.lang),
            n if n.starts_with("word/") && n.ends_with(".xml") => renumber_changes(&bytes),
            _ => bytes,
        };
        entries.push((name, bytes));
    }
    entries.sort_by_key(|(n, _)| n != "[Content_Types].xml");
    let d = info.date;
    let when = u16::try_from(d.year)
        .ok()
        .and_then(|y| DateTime::from_date_and_time(y, d.month, d.day, 0, 0, 0).ok())
        .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(when)
        .unix_permissions(0o644);
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in &entries {
        out.start_file(name.as_str(), options).map_err(err)?;
        out.write_all(bytes)
            .map_err(|e| Error::Internal(format!("DOCX package: {e}")))?;
    }
    Ok(out.finish().map_err(err)?.into_inner())
}

/// XML text: control characters dropped, markup characters escaped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de-DE",
        Lang::En => "en-GB",
    }
}

fn core_xml(info: &DocxInfo<'_>) -> String {
    let d = info.date;
    let stamp = format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>",
            "<dc:creator>{author}</dc:creator><cp:keywords>{keywords}</cp:keywords>",
            "<dc:language>{lang}</dc:language><cp:lastModifiedBy>{by}</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = xml(info.title),
        subject = xml(info.subject),
        author = xml(info.author),
        keywords = xml(&info.keywords.join("; ")),
        lang = lang_tag(info.lang),
        by = REVISION_AUTHOR,
        stamp = stamp,
    )
}

/// Puts `<w:lang>` into the default run properties of `styles.xml`.
fn with_language(styles: &[u8], lang: Lang) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    let tag = format!(
        r#"<w:lang w:val="{0}" w:eastAsia="{0}" w:bidi="ar-SA" />"#,
        lang_tag(lang)
    );
    for open in ["<w:rPrDefault><w:rPr>", "<w:rPrDefault>\n<w:rPr>"] {
        if let Some(i) = text.find(open) {
            let at = i + open.len();
            return format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes();
        }
    }
    styles.to_vec()
}

/// Numbers the `w:id` of every `<w:ins` and `<w:del` from 1 in document order.
fn renumber_changes(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    if !text.contains("<w:ins ") && !text.contains("<w:del ") {
        return xml.to_vec();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    let mut next = 1usize;
    while let Some(i) = rest.find("<w:") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let tag = ["<w:ins w:id=\"", "<w:del w:id=\""]
            .into_iter()
            .find(|t| rest.starts_with(t));
        match tag {
            Some(t) => {
                let after = &rest[t.len()..];
                let digits = after.find('"').unwrap_or(0);
                out.push_str(t);
                out.push_str(&next.to_string());
                next += 1;
                rest = &after[digits..];
            }
            None => {
                out.push_str("<w:");
                rest = &rest[3..];
            }
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_ids_count_from_one() {
        let x = br#"<w:p><w:ins w:id="17" w:author="a"><w:r/></w:ins><w:del w:id="99" w:author="a"/><w:delText>x</w:delText></w:p>"#;
        let out = String::from_utf8(renumber_changes(x)).unwrap_or_default();
        assert_eq!(
            out,
            r#"<w:p><w:ins w:id="1" w:author="a"><w:r/></w:ins><w:del w:id="2" w:author="a"/><w:delText>x</w:delText></w:p>"#
        );
    }

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(xml("A & <B> \"c\"\u{7}"), "A &amp; &lt;B&gt; &quot;c&quot;");
    }
}
