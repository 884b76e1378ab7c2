//! `dpa new` with the processor directory: a vendor picked from the directory is written as
//! `ref:` with only what differs from the entry, renders with the directory's values, and
//! survives `dpa new --from` unchanged.

use super::*;

/// Two vendors from the directory: Hetzner with its own service and locations (the
/// directory's address kept), Zapier with the address the directory leaves out.
fn from_directory() -> Script {
    script(vec![
        ("subprocessors.authorisation", Enter),
        ("subprocessors.notice_days", Enter),
        ("subprocessors.menu", pick("add")),
        ("sub.directory", pick("hetzner-online")),
        ("sub.name", Enter),
        ("sub.street", Enter),
        ("sub.postal_code", Enter),
        ("sub.city", Enter),
        ("sub.country", Enter),
        ("sub.service", t("Server-Hosting")),
        ("sub.locations", t("DE")),
        ("subprocessors.menu", pick("add")),
        ("sub.directory", pick("zapier")),
        ("sub.name", Enter),
        ("sub.street", t("548 Market St")),
        ("sub.postal_code", t("94104")),
        ("sub.city", t("San Francisco")),
        ("sub.country", Enter),
        ("sub.service", Enter),
        // the directory's basis covers the US: not asked again
        ("sub.locations", Enter),
        ("subprocessors.menu", pick("done")),
    ])
}

#[test]
fn a_vendor_is_picked_from_the_directory_and_written_as_ref() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("refs.yaml");
    let before: Script = sections()
        .into_iter()
        .take_while(|(k, _)| k != "subprocessors.authorisation")
        .collect();
    let after: Script = sections()
        .into_iter()
        .skip_while(|(k, _)| !k.starts_with("terms."))
        .collect();
    let run = run_script(
        dir.path(),
        Draft::new(Lang::De),
        [before, from_directory(), after, save(&out)].concat(),
    );
    let c = saved(&run);
    assert_eq!(run.prompter.remaining(), 0);
    let text = run.prompter.text();
    assert!(
        text.contains("Aus dem Verzeichnis der Auftragsverarbeiter: Hetzner Online GmbH"),
        "{text}"
    );
    assert!(
        text.contains("choices: all-inkl,"),
        "the directory is offered, grouped by category: {text}"
    );
    assert!(text.contains(", by-hand"), "by hand comes last: {text}");

    // The contract has the directory's values where nothing was changed.
    let h = &c.subprocessors.list[0];
    assert_eq!(h.name, "Hetzner Online GmbH");
    assert_eq!(h.address.city, "Gunzenhausen");
    assert_eq!(h.service, "Server-Hosting");
    assert_eq!(h.locations, ["DE"]);
    let z = &c.subprocessors.list[1];
    assert_eq!(z.name, "Zapier, Inc.");
    assert_eq!(z.address.city, "San Francisco");
    assert_eq!(z.locations, ["US"]);
    assert_eq!(
        z.transfer,
        Some(crate::model::Transfer::PerLocation(vec![(
            "US".to_string(),
            TransferBasis::Dpf
        )]))
    );
    assert!(
        z.service.starts_with("Automatisierungsplattform"),
        "German service"
    );

    // The file names the entries and writes only what differs.
    let yaml = std::fs::read_to_string(&out).expect("saved");
    let list = &yaml[yaml.find("  list:").expect("list")..yaml.find("\nterms:").expect("terms")];
    assert_eq!(
        list,
        "  list:\n    - ref: \"hetzner-online\"\n      service: \"Server-Hosting\"\n      locations: [\"DE\"]\n    - ref: zapier\n      address:\n        street: \"548 Market St\"\n        postal_code: \"94104\"\n        city: \"San Francisco\"\n        country: \"US\"\n"
    );

    // `dpa new --from` keeps the references: saving again writes the same list.
    let loaded = load_contract(&out).expect("load");
    let mut form = crate::wizard::form::Form::from_contract(&loaded.contract);
    form.keep_directory_refs(&loaded.root);
    let resaved = crate::wizard::yaml_out::to_yaml(&form);
    assert!(resaved.contains(list), "{resaved}");
    let again = parse_contract(Path::new("again.yaml"), resaved).expect("valid");
    assert_eq!(again.contract, loaded.contract);
    // Without them, every field is written out, and it is still the same contract.
    let plain = crate::wizard::yaml_out::to_yaml(&crate::wizard::form::Form::from_contract(
        &loaded.contract,
    ));
    assert!(!plain.contains("ref:"), "{plain}");
    let again = parse_contract(Path::new("plain.yaml"), plain).expect("valid");
    assert_eq!(again.contract, loaded.contract);
}

#[test]
fn contact_and_onward_survive_open_and_save() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/dental-practice.yaml");
    let text = std::fs::read_to_string(&path).expect("example");
    let text = text.replace(
        "      transfer: dpf\n",
        "      transfer: dpf\n      contact: { name: Data Protection Office, email: dpo@example.com }\n      onward:\n        - { name: Google LLC, service: Infrastruktur, locations: [US] }\n        - { name: Google Cloud Belgium, service: Rechenzentrum, locations: [BE] }\n",
    );
    let before = parse_contract(&path, text).expect("valid").contract;
    let google = &before.subprocessors.list[1];
    assert_eq!(
        google.contact.as_ref().and_then(|c| c.email.as_deref()),
        Some("dpo@example.com")
    );
    assert_eq!(google.onward.len(), 2);
    let yaml = crate::wizard::yaml_out::to_yaml(&crate::wizard::form::Form::from_contract(&before));
    let after = parse_contract(Path::new("saved.yaml"), yaml.clone())
        .unwrap_or_else(|e| panic!("{e}\n{yaml}"))
        .contract;
    assert_eq!(before, after, "{yaml}");
}
