//! Empty PDF signature fields (AcroForm `/FT /Sig` widgets), one per signatory, placed over
//! the signature boxes of the layout.
//!
//! Typst cannot create form fields. The template puts a `<sigfield>` metadata marker with
//! the field name and box size into each signature box; after layout we read each marker's
//! page and position and add the widgets with lopdf. This happens once, before any
//! signature exists: signing tools append incremental updates afterwards.

use lopdf::{Dictionary, Object, ObjectId, Stream};
use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector as _, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::Error;

/// A signature field's place on a page, in PDF points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpot {
    /// Field name, e.g. `sig_controller_1`.
    pub name: String,
    /// Page number, from 1.
    pub page: usize,
    /// Left edge.
    pub x: f64,
    /// Top edge (from the top of the page).
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Finds the `<sigfield>` markers in a laid-out document.
pub(crate) fn locate(doc: &PagedDocument) -> Vec<FieldSpot> {
    let Some(label) = Label::new(PicoStr::intern("sigfield")) else {
        return Vec::new();
    };
    let intro = doc.introspector();
    let mut out = Vec::new();
    for content in intro.query(&Selector::Label(label)) {
        let Some(meta) = content.to_packed::<MetadataElem>() else {
            continue;
        };
        let Some(pos) = content.location().and_then(|l| intro.position(l)) else {
            continue;
        };
        let Value::Dict(dict) = &meta.value else {
            continue;
        };
        let text = |k: &str| match dict.get(k) {
            Ok(Value::Str(s)) => Some(s.to_string()),
            _ => None,
        };
        let num = |k: &str| match dict.get(k) {
            Ok(Value::Float(f)) => Some(*f),
            Ok(Value::Int(i)) => Some(*i as f64),
            _ => None,
        };
        let (Some(name), Some(width), Some(height)) = (text("name"), num("width"), num("height"))
        else {
            continue;
        };
        out.push(FieldSpot {
            name,
            page: pos.page.get(),
            x: pos.point.x.to_pt(),
            y: pos.point.y.to_pt(),
            width,
            height,
        });
    }
    out
}

fn pdf_err(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("adding signature fields: {e}"))
}

/// Adds one empty signature field per spot to a PDF.
pub(crate) fn add(pdf: &[u8], spots: &[FieldSpot]) -> Result<Vec<u8>, Error> {
    let mut doc = lopdf::Document::load_mem(pdf).map_err(pdf_err)?;
    let pages = doc.get_pages();
    let mut fields = Vec::new();
    for spot in spots {
        let page_id: ObjectId = *pages
            .get(&(spot.page as u32))
            .ok_or_else(|| pdf_err(format!("page {} missing", spot.page)))?;
        let page_height = page_height(&doc, page_id)?;
        let (x0, x1) = (spot.x, spot.x + spot.width);
        let (y0, y1) = (page_height - spot.y - spot.height, page_height - spot.y);
        let round = |v: f64| Object::Real(((v * 100.0).round() / 100.0) as f32);
        let mut ap_dict = Dictionary::new();
        ap_dict.set("Type", Object::Name(b"XObject".to_vec()));
        ap_dict.set("Subtype", Object::Name(b"Form".to_vec()));
        ap_dict.set(
            "BBox",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(0),
                round(spot.width),
                round(spot.height),
            ]),
        );
        ap_dict.set("Resources", Object::Dictionary(Dictionary::new()));
        let ap = doc.add_object(Stream::new(ap_dict, Vec::new()));
        let mut widget = Dictionary::new();
        widget.set("Type", Object::Name(b"Annot".to_vec()));
        widget.set("Subtype", Object::Name(b"Widget".to_vec()));
        widget.set("FT", Object::Name(b"Sig".to_vec()));
        widget.set("T", Object::string_literal(spot.name.as_bytes().to_vec()));
        widget.set("TU", Object::string_literal(spot.name.as_bytes().to_vec()));
        widget.set("F", Object::Integer(4));
        widget.set(
            "Rect",
            Object::Array(vec![round(x0), round(y0), round(x1), round(y1)]),
        );
        widget.set("P", Object::Reference(page_id));
        let mut apd = Dictionary::new();
        apd.set("N", Object::Reference(ap));
        widget.set("AP", Object::Dictionary(apd));
        let widget_id = doc.add_object(widget);
        add_annot(&mut doc, page_id, widget_id)?;
        fields.push(Object::Reference(widget_id));
    }
    if !fields.is_empty() {
        let mut acro = Dictionary::new();
        acro.set("Fields", Object::Array(fields));
        let acro_id = doc.add_object(acro);
        let catalog = doc.catalog_mut().map_err(pdf_err)?;
        catalog.set("AcroForm", Object::Reference(acro_id));
    }
    let mut out = Vec::with_capacity(pdf.len() + 4096);
    doc.save_to(&mut out).map_err(pdf_err)?;
    Ok(out)
}

fn page_height(doc: &lopdf::Document, page: ObjectId) -> Result<f64, Error> {
    let dict = doc.get_dictionary(page).map_err(pdf_err)?;
    let media = dict.get(b"MediaBox").map_err(pdf_err)?;
    let arr = match media {
        Object::Reference(r) => doc
            .get_object(*r)
            .and_then(Object::as_array)
            .map_err(pdf_err)?,
        o => o.as_array().map_err(pdf_err)?,
    };
    let num = |o: &Object| {
        o.as_float()
            .map(f64::from)
            .or_else(|_| o.as_i64().map(|i| i as f64))
    };
    match (arr.get(1).map(num), arr.get(3).map(num)) {
        (Some(Ok(y0)), Some(Ok(y1))) => Ok(y1 - y0),
        _ => Err(pdf_err("page without a MediaBox")),
    }
}

fn add_annot(doc: &mut lopdf::Document, page: ObjectId, annot: ObjectId) -> Result<(), Error> {
    let existing = doc
        .get_dictionary(page)
        .map_err(pdf_err)?
        .get(b"Annots")
        .ok()
        .cloned();
    match existing {
        Some(Object::Reference(r)) => {
            let arr = doc
                .get_object_mut(r)
                .and_then(Object::as_array_mut)
                .map_err(pdf_err)?;
            arr.push(Object::Reference(annot));
        }
        Some(Object::Array(mut arr)) => {
            arr.push(Object::Reference(annot));
            doc.get_dictionary_mut(page)
                .map_err(pdf_err)?
                .set("Annots", Object::Array(arr));
        }
        _ => {
            doc.get_dictionary_mut(page)
                .map_err(pdf_err)?
                .set("Annots", Object::Array(vec![Object::Reference(annot)]));
        }
    }
    Ok(())
}

/// The bytes of the file attached to a PDF under `name` (e.g. the contract source).
pub fn extract_attachment(pdf: &[u8], name: &str) -> Result<Vec<u8>, String> {
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        let is_spec = dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Filespec");
        if !is_spec {
            continue;
        }
        let matches = [b"UF".as_slice(), b"F".as_slice()].iter().any(|k| {
            dict.get(k)
                .and_then(Object::as_str)
                .is_ok_and(|s| decode_pdf_string(s) == name)
        });
        if !matches {
            continue;
        }
        let ef = dict
            .get(b"EF")
            .and_then(Object::as_dict)
            .map_err(|e| format!("attachment without data: {e}"))?;
        let stream_ref = ef
            .get(b"F")
            .and_then(Object::as_reference)
            .map_err(|e| format!("attachment without data: {e}"))?;
        let stream = doc
            .get_object(stream_ref)
            .and_then(Object::as_stream)
            .map_err(|e| format!("attachment without data: {e}"))?;
        return match stream.decompressed_content() {
            Ok(data) => Ok(data),
            Err(_) => Ok(stream.content.clone()),
        };
    }
    Err(format!(
        "no attached `{name}`: was this PDF made by dpagen?"
    ))
}

/// PDF text strings are PDFDocEncoding or UTF-16BE with a byte order mark.
fn decode_pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}
