//! One test per refusal of [`super::parse`]: each file below has exactly one mistake, and
//! the test names the message, the field and the line and column it is reported at.

use super::*;

const TODAY: &str = "2026-11-30";

fn today() -> Date {
    Date::parse_iso(TODAY).expect("date")
}

/// A directory with one valid entry, plus `extra` lines of that entry.
fn file(extra: &str) -> String {
    format!(
        "format: 1\nentries:\n  - id: acme-mail\n    name: \"ACME Mail GmbH\"\n    country: \"DE\"\n    category: email\n    service: {{ de: \"E-Mail\", en: \"E-mail\" }}\n    reviewed: 2026-11-01\n{extra}"
    )
}

fn user(text: &str) -> Parsed {
    crate::i18n::set_lang(crate::Lang::En);
    parse(text, &Rules::user(Path::new("mine.yaml"), today()))
}

/// The only error of a file: `line:col path: message`.
fn only_error(text: &str) -> String {
    let p = user(text);
    assert_eq!(p.errors.len(), 1, "{:#?}", p.errors);
    let e = &p.errors[0];
    format!(
        "{}:{} {}: {}",
        e.location.line, e.location.column, e.path, e.message
    )
}

fn hint_of(text: &str) -> String {
    user(text).errors[0].hint.clone().unwrap_or_default()
}

#[test]
fn a_valid_entry_reads_without_problems() {
    let p = user(&file(
        "    address: { street: \"Hauptstr. 1\", postal_code: \"02742\", city: \"Friedersdorf\", country: \"DE\" }\n    locations: [\"DE\", \"US\", \"GB\"]\n    dpf: { certified: true, entity: \"ACME Inc.\" }\n    transfer: { \"US\": dpf, \"GB\": adequacy }\n    dpa: { offered: true, how: { de: \"Im Konto\", en: \"In the account\" } }\n",
    ));
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    assert!(p.warnings.is_empty(), "{:#?}", p.warnings);
    let e = &p.entries[0];
    assert_eq!(e.id, "acme-mail");
    assert_eq!(
        e.address.as_ref().and_then(|a| a.postal_code.as_deref()),
        Some("02742")
    );
    assert_eq!(e.basis("US"), Some(TransferBasis::Dpf));
    assert_eq!(e.origin, Origin::User("mine.yaml".into()));
}

#[test]
fn ids_are_unique() {
    let text = format!(
        "{}  - id: acme-mail\n    name: \"Other\"\n    country: \"DE\"\n    category: email\n    service: {{ de: \"x\", en: \"x\" }}\n    reviewed: 2026-11-01\n",
        file("")
    );
    assert_eq!(
        only_error(&text),
        "9:9 entries[1].id: the id `acme-mail` is used twice (first on line 3)"
    );
}

#[test]
fn ids_are_lowercase_hyphenated() {
    for bad in ["Acme-Mail", "acme_mail", "acme--mail", "-acme", "acme mail"] {
        let text = file("").replace("id: acme-mail", &format!("id: \"{bad}\""));
        assert_eq!(
            only_error(&text),
            format!(
                "3:9 entries[0].id: the id `{bad}` must be lowercase letters and digits joined by single hyphens"
            ),
        );
    }
}

#[test]
fn countries_must_be_codes_of_the_catalog() {
    let text = file("").replace("country: \"DE\"", "country: \"XX\"");
    assert_eq!(
        only_error(&text),
        "5:14 entries[0].country: `XX` is not a country code of catalogs/countries.yaml"
    );
    let lower = file("").replace("country: \"DE\"", "country: \"de\"");
    assert_eq!(hint_of(&lower), "write `DE` (capitals, in quotes)");
    let name = file("").replace("country: \"DE\"", "country: Germany");
    assert_eq!(hint_of(&name), "did you mean `DE`? (Germany)");
    assert_eq!(
        only_error(&file("    locations: [\"DE\", \"UK\"]\n")),
        "9:23 entries[0].locations[1]: `UK` is not a country code of catalogs/countries.yaml"
    );
    assert_eq!(
        only_error(&file("    locations: [\"DE\", \"DE\"]\n")),
        "9:23 entries[0].locations[1]: `DE` is listed twice"
    );
    assert_eq!(
        only_error(&file(
            "    transfer: { \"ZZ\": scc }\n    locations: [\"US\"]\n"
        )),
        "9:17 entries[0].transfer.ZZ: `ZZ` is not a country code of catalogs/countries.yaml"
    );
}

#[test]
fn the_address_is_complete_and_in_the_entrys_country() {
    assert_eq!(
        only_error(&file(
            "    address: { street: \"A 1\", postal_code: \"1010\", city: \"Wien\", country: \"AT\" }\n"
        )),
        "9:75 entries[0].address.country: the address is in AT, but the entry's `country` is DE"
    );
    assert_eq!(
        only_error(&file(
            "    address: { postal_code: \"1010\", city: \"Wien\", country: \"DE\" }\n"
        )),
        "9:14 entries[0].address.street: the address has no `street`"
    );
    assert_eq!(
        only_error(&file(
            "    address: { street: \"A 1\", postal_code: 10115, city: \"Berlin\", country: \"DE\" }\n"
        )),
        "9:44 entries[0].address.postal_code: expected text, found a number"
    );
}

#[test]
fn bases_fit_their_countries() {
    let dpf_in = "    locations: [\"IN\"]\n    dpf: { certified: true, entity: \"ACME Inc.\" }\n    transfer: { \"IN\": dpf }\n";
    assert_eq!(
        only_error(&file(dpf_in)),
        "11:23 entries[0].transfer.IN: `dpf` (EU-US Data Privacy Framework) applies only to the United States, not to IN"
    );
    assert_eq!(
        only_error(&file(
            "    locations: [\"US\"]\n    transfer: { \"US\": dpf }\n"
        )),
        "10:23 entries[0].transfer.US: `dpf` needs the entry's DPF certification"
    );
    assert_eq!(
        only_error(&file(
            "    locations: [\"US\"]\n    transfer: { \"US\": adequacy }\n"
        )),
        "10:23 entries[0].transfer.US: US has no adequacy decision of the European Commission (catalogs/countries.yaml)"
    );
    assert_eq!(
        only_error(&file(
            "    locations: [\"DE\"]\n    transfer: { \"DE\": scc }\n"
        )),
        "10:17 entries[0].transfer.DE: DE is inside the EEA: no transfer basis is needed, so none may be stated"
    );
    assert_eq!(
        only_error(&file(
            "    locations: [\"US\"]\n    transfer: { \"US\": sccs }\n"
        )),
        "10:23 entries[0].transfer.US: unknown transfer basis `sccs`"
    );
    assert_eq!(
        hint_of(&file(
            "    locations: [\"US\"]\n    transfer: { \"US\": sccs }\n"
        )),
        "did you mean `scc`?"
    );
    // adequacy fits a country with an adequacy decision; scc fits any third country
    let ok = user(&file(
        "    locations: [\"GB\", \"IN\"]\n    transfer: { \"GB\": adequacy, \"IN\": scc }\n",
    ));
    assert!(ok.errors.is_empty(), "{:#?}", ok.errors);
}

#[test]
fn transfer_keys_are_locations_of_the_entry() {
    assert_eq!(
        only_error(&file(
            "    locations: [\"US\"]\n    transfer: { \"US\": scc, \"IN\": scc }\n"
        )),
        "10:28 entries[0].transfer.IN: `IN` is not one of the entry's locations (US)"
    );
    assert_eq!(
        only_error(&file("    transfer: { \"US\": scc }\n")),
        "9:15 entries[0].transfer: `transfer` needs `locations`: every key must be one of the entry's locations"
    );
    assert_eq!(
        only_error(&file("    locations: [\"US\"]\n    transfer: {}\n")),
        "10:15 entries[0].transfer: `transfer` must be a non-empty map from location to basis"
    );
}

#[test]
fn a_third_country_without_basis_is_a_warning() {
    let p = user(&file("    locations: [\"DE\", \"US\"]\n"));
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].path, "entries[0].locations");
    assert_eq!(
        p.warnings[0].message,
        "US is outside the EEA without an adequacy decision, and the entry states no transfer basis for it"
    );
    assert_eq!(p.entries.len(), 1, "a warning does not drop the entry");
}

#[test]
fn review_dates() {
    let future = file("").replace("reviewed: 2026-11-01", "reviewed: 2026-12-24");
    assert_eq!(
        only_error(&future),
        "8:15 entries[0].reviewed: the review date 2026-12-24 lies in the future (today is 2026-11-30)"
    );
    let bad = file("").replace("reviewed: 2026-11-01", "reviewed: 30.11.2026");
    assert_eq!(
        only_error(&bad),
        "8:15 entries[0].reviewed: `30.11.2026` is not a date"
    );
    let old = user(&file("").replace("reviewed: 2026-11-01", "reviewed: 2025-11-29"));
    assert!(old.errors.is_empty());
    assert_eq!(
        old.warnings[0].message,
        "the entry was last reviewed on 2025-11-29, more than a year ago"
    );
    let year = user(&file("").replace("reviewed: 2026-11-01", "reviewed: 2025-11-30"));
    assert!(
        year.warnings.is_empty(),
        "exactly 365 days is not older than a year"
    );
}

#[test]
fn shapes_and_keys() {
    assert_eq!(
        only_error(&file("    loctions: [\"DE\"]\n")),
        "9:5 entries[0].loctions: unknown key `loctions`"
    );
    assert_eq!(
        hint_of(&file("    loctions: [\"DE\"]\n")),
        "did you mean `locations`?"
    );
    let no_name = file("").replace("    name: \"ACME Mail GmbH\"\n", "");
    assert_eq!(
        only_error(&no_name),
        "3:5 entries[0].name: required field `name` is missing"
    );
    let one_language = file("").replace(
        "service: { de: \"E-Mail\", en: \"E-mail\" }",
        "service: { de: \"E-Mail\" }",
    );
    assert_eq!(
        only_error(&one_language),
        "7:14 entries[0].service: expected `{ de: ..., en: ... }` with exactly these two keys"
    );
    let padded = file("").replace("\"ACME Mail GmbH\"", "\" ACME Mail GmbH\"");
    assert_eq!(
        only_error(&padded),
        "4:11 entries[0].name: the text begins or ends with spaces"
    );
    assert_eq!(
        only_error(&file("    category: emails\n").replace("    category: email\n", "")),
        "8:15 entries[0].category: unknown category `emails`"
    );
    assert_eq!(
        only_error(&file("    dpf: { certified: true }\n")),
        "9:10 entries[0].dpf.entity: a DPF certification must name the certified `entity`"
    );
    assert_eq!(
        only_error(&file("    dpf: { certified: yes, entity: \"X\" }\n")),
        "9:23 entries[0].dpf.certified: expected true or false, found text"
    );
    assert_eq!(
        only_error(&file(
            "    dpa: { offered: false, how: { de: \"a\", en: \"b\" } }\n"
        )),
        "9:33 entries[0].dpa.how: `how` says how a DPA is concluded; it belongs only to `offered: true`"
    );
    assert_eq!(
        only_error(&file("    locations: []\n")),
        "9:16 entries[0].locations: `locations` must be a non-empty list of country codes"
    );
}

#[test]
fn the_top_level() {
    assert_eq!(
        only_error(&file("").replace("format: 1", "format: 2")),
        "1:9 format: a processor directory needs `format: 1`"
    );
    assert_eq!(
        only_error("format: 1\nentries: []\n"),
        "2:10 entries: `entries` must be a non-empty list of vendors"
    );
    assert_eq!(
        only_error(&format!("{}version: 3\n", file(""))),
        "9:1 version: unknown key `version`"
    );
    assert_eq!(
        only_error("format: 1\nentries:\n  - just text\n"),
        "3:5 entries[0]: a directory entry is a map of fields (id, name, country, ...), found text"
    );
}

#[test]
fn the_builtin_file_needs_sources_and_passes_every_rule() {
    let p = parse(&file(""), &Rules::builtin(Some(today())));
    assert_eq!(p.errors.len(), 1, "{:#?}", p.errors);
    assert_eq!(p.errors[0].path, "entries[0].source");

    let builtin = parse(super::super::BUILTIN, &Rules::builtin(Some(today())));
    assert!(builtin.errors.is_empty(), "{:#?}", builtin.errors);
    assert!(builtin.entries.len() >= 60, "{}", builtin.entries.len());
    // The five US locations whose basis was not confirmed (docs/processor-directory.md).
    let mut unconfirmed: Vec<&str> = builtin
        .warnings
        .iter()
        .map(|w| {
            let i: usize = w.path["entries[".len()..w.path.find(']').unwrap_or(0)]
                .parse()
                .unwrap_or(usize::MAX);
            builtin.entries.get(i).map(|e| e.id.as_str()).unwrap_or("?")
        })
        .collect();
    unconfirmed.sort_unstable();
    assert_eq!(
        unconfirmed,
        vec!["jotform", "mailgun", "notion", "vercel", "webflow"]
    );
    // A year and a day later every entry is due for review.
    let later = Date::parse_iso("2027-12-01").expect("date");
    let old = parse(super::super::BUILTIN, &Rules::builtin(Some(later)));
    assert_eq!(
        old.warnings.len(),
        builtin.entries.len() + 5,
        "{:#?}",
        old.warnings
    );
}
