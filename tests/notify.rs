//! `dpa notify`: the Art. 28(2) GDPR change notice for each controller. The agency case
//! (examples/dental-practice.yaml as the signed version, a copy with one vendor added and
//! one removed, examples/agency-clients.csv), a refused amendment, the request for approval
//! under a specific authorisation, English notices with a replacement, client contracts
//! given as files, and the files on disk.

mod common;

use std::path::{Path, PathBuf};

use common::*;

const BASE: &str = "examples/dental-practice.yaml";
const CSV: &str = "examples/agency-clients.csv";
const CLIENTS: [&str; 3] = [
    "Zahnarztpraxis Dr. Weber",
    "Kieferorthopädie am Ring",
    "Zahnärzte Südstadt Partnerschaft",
];

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// The example with Hetzner removed and Brevo (from the processor directory) added.
fn new_version(dir: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(root().join(BASE)).expect("example");
    let hetzner = "    - name: Hetzner Online GmbH\n      address: { street: Industriestr. 25, postal_code: \"91710\", city: Gunzenhausen, country: DE }\n      service: Server-Hosting im Rechenzentrum\n      locations: [DE]\n";
    assert!(text.contains(hetzner), "the example changed");
    let text = text.replace(hetzner, "").replace(
        "      transfer: dpf\n",
        "      transfer: dpf\n    - ref: brevo\n      service: Versand von Terminerinnerungen per E-Mail\n      locations: [FR, DE]\n",
    );
    let path = dir.join("dental-practice-2027.yaml");
    std::fs::write(&path, edit(text)).expect("write");
    path
}

#[test]
fn the_agency_writes_one_notice_per_client_naming_exactly_the_change() {
    let dir = tempdir();
    let new = new_version(dir.path(), |t| t);
    let out = dir.path().join("notices");
    let o = dpa(&[
        "notify",
        BASE,
        &s(&new),
        "--controllers",
        CSV,
        "-o",
        &s(&out),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 3 notice(s)"), "{}", stderr(&o));
    let mut names: Vec<String> = files_in(&out)
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "PIX-2026-101.notice.md",
            "PIX-2026-101.notice.pdf",
            "PIX-2026-102.notice.md",
            "PIX-2026-102.notice.pdf",
            "PIX-2026-103.notice.md",
            "PIX-2026-103.notice.pdf",
        ]
    );
    for (i, client) in CLIENTS.iter().enumerate() {
        let stem = format!("PIX-2026-10{}", i + 1);
        let md = std::fs::read_to_string(out.join(format!("{stem}.notice.md"))).expect("md");
        let change = &md[md.find("## Die Änderung").expect("change")
            ..md.find("## Ihr Recht").expect("objection")];
        assert_eq!(
            change.matches("\n- ").count(),
            2,
            "exactly one added and one removed: {change}"
        );
        assert!(
            change.contains("**Neu hinzugezogen werden sollen:**\n\n- **Sendinblue SAS**, 9-17, rue Salneuve, 75017 Paris, Frankreich. Leistung: Versand von Terminerinnerungen per E-Mail. Orte der Verarbeitung und Grundlage der Übermittlung: Frankreich – nicht erforderlich (EWR); Deutschland – nicht erforderlich (EWR)."),
            "{change}"
        );
        assert!(
            change.contains("**Nicht mehr eingesetzt werden:**\n\n- **Hetzner Online GmbH**, Industriestr. 25, 91710 Gunzenhausen, Deutschland. Leistung: Server-Hosting im Rechenzentrum."),
            "{change}"
        );
        assert!(
            !change.contains("Google"),
            "Google did not change: {change}"
        );
        // the notice date and the objection deadline: 1 December + 30 days
        assert!(md.contains("**Datum:** 1\\. Dezember 2026"), "{md}");
        assert!(
            md.contains("endet die Frist am **31\\. Dezember 2026**"),
            "{md}"
        );
        assert!(
            md.contains("per E-Mail an Jonas Klein, jonas@example.de"),
            "{md}"
        );
        // the contract's clause and the updated annex without Hetzner
        let clause = md
            .find("## Wortlaut von § ")
            .map(|i| &md[i..])
            .expect("the clause quoted");
        assert!(
            clause
                .lines()
                .next()
                .is_some_and(|l| l.ends_with(" Unterauftragsverarbeiter")),
            "{clause}"
        );
        assert!(clause.contains("\n\n(1) "), "the clause in full: {clause}");
        let annex = &md[md.find("## Aktualisierte Anlage 4").expect("annex")..];
        assert!(annex.contains("| 2 | **Sendinblue SAS**"), "{annex}");
        assert!(!annex.contains("Hetzner"), "{annex}");
        // this client, and no other client
        assert!(md.contains(&format!("**An:** {client}")), "{md}");
        assert!(
            md.contains(&format!("Vertrag über die Auftragsverarbeitung {stem}")),
            "{md}"
        );
        for other in CLIENTS.iter().filter(|c| *c != client) {
            assert!(!md.contains(other), "{other} in the notice to {client}");
        }
        let words = pdf_words(&out.join(format!("{stem}.notice.pdf")));
        for phrase in [
            "Mitteilung über beabsichtigte Änderungen bei Unterauftragsverarbeitern",
            client,
            "Sendinblue SAS, 9-17, rue Salneuve, 75017 Paris",
            "Hetzner Online GmbH, Industriestr. 25",
            "endet die Frist am 31. Dezember 2026",
        ] {
            assert!(words.contains(phrase), "{phrase} not in the PDF of {stem}");
        }
        for other in CLIENTS.iter().filter(|c| *c != client) {
            assert!(!words.contains(other), "{other} in the PDF to {client}");
        }
    }
    // the same notices again, byte for byte (--date, never the clock)
    let again = dir.path().join("again");
    let o = dpa(&[
        "notify",
        BASE,
        &s(&new),
        "--controllers",
        CSV,
        "-o",
        &s(&again),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for f in ["PIX-2026-102.notice.pdf", "PIX-2026-102.notice.md"] {
        assert!(
            std::fs::read(out.join(f)).expect("a") == std::fs::read(again.join(f)).expect("b"),
            "{f} differs"
        );
    }
    // existing files are kept without --force
    let o = dpa(&[
        "notify",
        BASE,
        &s(&new),
        "--controllers",
        CSV,
        "-o",
        &s(&out),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
}

#[test]
fn a_change_of_a_measure_is_an_amendment_and_refused() {
    let dir = tempdir();
    let new = new_version(dir.path(), |t| {
        t.replace("firewall, redundancy", "redundancy")
    });
    let out = dir.path().join("notices");
    let o = dpa(&[
        "notify",
        BASE,
        &s(&new),
        "--controllers",
        CSV,
        "-o",
        &s(&out),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("es haben sich nicht nur die Unterauftragsverarbeiter geändert"),
        "{err}"
    );
    assert!(
        err.contains("Maßnahme entfernt unter Vertraulichkeit"),
        "{err}"
    );
    assert!(err.contains("`dpa diff"), "{err}");
    assert!(!out.exists(), "nothing is written");
    // a new vendor in a third country without a transfer basis: refused by the check
    let no_basis = new_version(dir.path(), |t| {
        t.replace("locations: [FR, DE]", "locations: [FR, IN]")
    });
    let o = dpa(&["notify", BASE, &s(&no_basis), "-o", &s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("transfer_basis_missing") || err.contains("no transfer basis is stated"),
        "{err}"
    );
    assert!(
        err.contains("no notice is written because `dpa check` finds errors"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    // nothing at all changed: refused too
    let o = dpa(&["notify", BASE, BASE, "-o", &s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("die beiden Fassungen sind gleich"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_specific_authorisation_gets_a_request_for_approval() {
    let dir = tempdir();
    let old = dir.path().join("old.yaml");
    let text = std::fs::read_to_string(root().join(BASE)).expect("example");
    std::fs::write(
        &old,
        text.replace("authorisation: general", "authorisation: specific"),
    )
    .expect("write");
    let new = new_version(dir.path(), |t| {
        t.replace("authorisation: general", "authorisation: specific")
    });
    let out = dir.path().join("out");
    let o = dpa(&[
        "notify",
        &s(&old),
        &s(&new),
        "-o",
        &s(&out),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("WEBER-2026-001.approval-request.md")).expect("md");
    assert!(
        md.starts_with("# Antrag auf Genehmigung von Unterauftragsverarbeitern"),
        "{md}"
    );
    assert!(md.contains("(Art. 28 Abs. 2 Satz 1 DSGVO)"), "{md}");
    assert!(md.contains("## Genehmigung"), "{md}");
    assert!(!md.contains("Recht auf Einspruch"), "{md}");
    assert!(out.join("WEBER-2026-001.approval-request.pdf").exists());
}

#[test]
fn english_notices_name_a_replacement_and_client_files_are_checked() {
    let dir = tempdir();
    let text = std::fs::read_to_string(root().join("examples/saas-crm.yaml"))
        .expect("example")
        .replace("language: de", "language: en");
    let old = dir.path().join("crm.yaml");
    std::fs::write(&old, &text).expect("write");
    // AWS replaced by Hetzner from the directory, for the same service.
    let aws = "    - name: Amazon Web Services EMEA SARL\n      address: { street: 38 Avenue John F. Kennedy, postal_code: L-1855, city: Luxemburg, country: LU }\n      service: Cloud-Hosting (Rechenzentren Frankfurt am Main)\n      locations: [DE]\n";
    assert!(text.contains(aws), "the example changed");
    let new = dir.path().join("crm-2027.yaml");
    std::fs::write(
        &new,
        text.replace(
            aws,
            "    - ref: hetzner-online\n      service: Cloud-Hosting (Rechenzentren Frankfurt am Main)\n      locations: [DE]\n",
        ),
    )
    .expect("write");
    // A second client whose contract has other subprocessors fails alone.
    let other = dir.path().join("other-client.yaml");
    std::fs::write(
        &other,
        text.replace(
            "Cloud-Hosting (Rechenzentren Frankfurt am Main)",
            "Something else",
        )
        .replace("id: ", "id: OTHER-"),
    )
    .expect("write");
    let out = dir.path().join("out");
    let o = dpa(&[
        "notify",
        &s(&old),
        &s(&new),
        &s(&old),
        &s(&other),
        "-o",
        &s(&out),
        "--date",
        "2026-12-01",
        "--format",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("wrote 1 notice(s)") && err.contains("1 failed"),
        "{err}"
    );
    assert!(
        err.contains("other-client.yaml: its subprocessors are not those of"),
        "{err}"
    );
    let mds: Vec<PathBuf> = files_in(&out);
    assert_eq!(mds.len(), 1, "{mds:?}");
    let md = std::fs::read_to_string(&mds[0]).expect("md");
    assert!(
        md.starts_with("# Notice of intended changes concerning sub-processors"),
        "{md}"
    );
    assert!(
        md.contains("**To be replaced:**\n\n- **Amazon Web Services EMEA SARL** (Cloud-Hosting (Rechenzentren Frankfurt am Main)) by **Hetzner Online GmbH**, Industriestr. 25, 91710 Gunzenhausen, Germany."),
        "{md}"
    );
    assert!(
        !md.contains("**To be added:**") && !md.contains("**No longer engaged:**"),
        "{md}"
    );
    assert!(
        md.contains("You may object to the intended addition or replacement within 30 days"),
        "{md}"
    );
    assert!(
        md.contains("the period ends on **31 December 2026**"),
        "{md}"
    );
}

#[test]
fn what_users_typed_stays_text_in_the_notice() {
    let payloads = [
        r#"#read("/etc/passwd")"#,
        "*x* _y_ $x$ [a](b) ![i](j)",
        "<b>fett</b> {{ contract.id }} {% if true %}T{% endif %}",
        "- item + item 1. enum | cell |",
    ];
    let q = |s: &str| serde_json::to_string(s).expect("json");
    let dir = tempdir();
    let text = std::fs::read_to_string(root().join(BASE))
        .expect("example")
        .replace(
            "name: Zahnarztpraxis Dr. Weber",
            &format!("name: {}", q(payloads[0])),
        );
    let old = dir.path().join("old.yaml");
    std::fs::write(&old, &text).expect("write");
    let added = format!(
        "      transfer: dpf\n    - name: {}\n      address: {{ street: Rue 1, postal_code: \"75001\", city: Paris, country: FR }}\n      service: {}\n      locations: [FR]\n      contact: {{ name: {}, email: dpo@example.fr }}\n      onward:\n        - {{ name: {}, service: Hosting, locations: [DE] }}\n",
        q(payloads[1]),
        q(payloads[2]),
        q(payloads[3]),
        q(payloads[1]),
    );
    let new = dir.path().join("new.yaml");
    std::fs::write(&new, text.replacen("      transfer: dpf\n", &added, 1)).expect("write");
    let out = dir.path().join("out");
    let o = dpa(&[
        "notify",
        &s(&old),
        &s(&new),
        "-o",
        &s(&out),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let words = pdf_words(&out.join("WEBER-2026-001.notice.pdf"));
    for p in payloads {
        let p: String = p.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains(&p),
            "{p:?} not literally in the PDF:\n{words}"
        );
    }
    let md = std::fs::read_to_string(out.join("WEBER-2026-001.notice.md")).expect("md");
    // one added entry, nothing turned into structure
    let change = &md
        [md.find("## Die Änderung").expect("change")..md.find("## Ihr Recht").expect("objection")];
    assert_eq!(change.matches("\n- ").count(), 1, "{change}");
    assert!(!md.contains("<b>"), "HTML is escaped: {md}");
}
