# The processor directory (catalogs/processors.yaml, `--directory FILE`), `ref:` entries of
# contracts, `dpa processors`. Every message id exists in locales/de/directory.ftl as well,
# with the same arguments.

## Reading a directory file

dir-top-not-map = a processor directory is a map with `format` and `entries`, found { $found }
dir-top-hint = a directory file has `format: 1` and `entries:`, a list of vendors (see docs/processor-directory.md)
dir-did-you-mean = did you mean `{ $name }`?
dir-allowed = allowed here: { $names }
dir-unknown-key = unknown key `{ $key }`
dir-format = a processor directory needs `format: 1`
dir-entries = `entries` must be a non-empty list of vendors
dir-entry-not-map = a directory entry is a map of fields (id, name, country, ...), found { $found }
dir-entry-hint = write `- id: ...` and the fields of the vendor indented under it
dir-missing = required field `{ $field }` is missing
dir-missing-hint = add `{ $field }:` to the entry (see docs/processor-directory.md)
dir-source-builtin = `source` is missing: every entry of the built-in directory names where its facts come from
dir-source-hint = add `source: "stored copy: <address of the vendor's page>"` or `source: "general knowledge"`
dir-text-expected = expected text, found { $found }
dir-text-hint = write the value in quotes
dir-text-padded = the text begins or ends with spaces
dir-text-padded-hint = remove the spaces inside the quotes
dir-id-form = the id `{ $id }` must be lowercase letters and digits joined by single hyphens
dir-id-form-hint = for example `hetzner-online`, `n8n-cloud`, `1password`
dir-id-twice = the id `{ $id }` is used twice (first on line { $line })
dir-id-twice-hint = give every vendor its own id; to change a built-in entry, give your entry its id in your own file
dir-country-expected = expected a country code, found { $found }
dir-country-hint = write an ISO 3166-1 alpha-2 code in capitals and quotes, e.g. "DE"
dir-write-instead = write `{ $value }` (capitals, in quotes)
dir-country = `{ $code }` is not a country code of catalogs/countries.yaml
dir-category = unknown category `{ $category }`
dir-category-hint = the categories: { $names }
dir-bilingual = expected `{"{"} de: ..., en: ... {"}"}` with exactly these two keys
dir-bilingual-hint = write the text in German under `de` and in English under `en`
dir-reviewed-date = `{ $value }` is not a date
dir-reviewed-date-hint = write the day of the review as YYYY-MM-DD, e.g. 2026-11-30
dir-reviewed-future = the review date { $date } lies in the future (today is { $today })
dir-reviewed-future-hint = write the day a person checked the entry against its sources
dir-reviewed-old = the entry was last reviewed on { $date }, more than a year ago
dir-reviewed-old-hint = check it against the vendor's current terms and set `reviewed` to the day you did
dir-map-expected = expected a map of keys, found { $found }
dir-address-hint = write `address: {"{"} street: ..., postal_code: "...", city: ..., country: "DE" {"}"}`
dir-address-missing = the address has no `{ $field }`
dir-address-missing-hint = complete the address, or leave the whole address out if it is not certain
dir-address-country = the address is in { $address }, but the entry's `country` is { $country }
dir-address-country-hint = the address is the seat of the contracting entity: its country is the entry's `country`
dir-locations = `locations` must be a non-empty list of country codes
dir-locations-hint = leave `locations` out when the vendor lets the customer choose the region
dir-listed-twice = `{ $code }` is listed twice
dir-listed-twice-hint = remove the second one
dir-bool = expected true or false, found { $found }
dir-bool-hint = write `true` or `false`
dir-dpf-hint = write `dpf: {"{"} certified: true, entity: "..." {"}"}` with the certified organisation
dir-dpf-entity = a DPF certification must name the certified `entity`
dir-dpa-hint = write `dpa: {"{"} offered: true, how: {"{"} de: ..., en: ... {"}"} {"}"}`
dir-dpa-how = `how` says how a DPA is concluded; it belongs only to `offered: true`
dir-transfer = `transfer` must be a non-empty map from location to basis
dir-transfer-hint = for example `transfer: {"{"} "US": dpf {"}"}`
dir-transfer-no-locations = `transfer` needs `locations`: every key must be one of the entry's locations
dir-transfer-no-locations-hint = add the locations, or leave `transfer` out
dir-transfer-not-location = `{ $code }` is not one of the entry's locations ({ $locations })
dir-transfer-not-location-hint = add it to `locations`, or remove it from `transfer`
dir-transfer-eea = { $code } is inside the EEA: no transfer basis is needed, so none may be stated
dir-transfer-eea-hint = remove it from `transfer`
dir-transfer-basis = unknown transfer basis `{ $basis }`
dir-transfer-dpf-country = `dpf` (EU-US Data Privacy Framework) applies only to the United States, not to { $code }
dir-transfer-dpf-country-hint = state `scc` or `bcr` for this location
dir-transfer-dpf-certified = `dpf` needs the entry's DPF certification
dir-transfer-adequacy = { $code } has no adequacy decision of the European Commission (catalogs/countries.yaml)
dir-transfer-adequacy-hint = state `scc` or `bcr` for this location
dir-location-without-basis = { $code } is outside the EEA without an adequacy decision, and the entry states no transfer basis for it
dir-location-without-basis-hint = a contract using this entry must state one (`transfer` next to `ref`); add it here once the vendor's basis is confirmed

## `ref:` entries in contracts

dir-ref-unknown = the processor directory has no entry `{ $id }`
dir-ref-did-you-mean = did you mean `{ $id }`? (`dpa processors SEARCH` lists the ids)
dir-ref-find-hint = `dpa processors SEARCH` lists the ids; or describe the subprocessor yourself with name, address, service and locations
dir-ref-not-text = `ref` must be the id of a directory entry, found { $found }
dir-ref-field-missing = the directory entry `{ $id }` does not state `{ $field }` (it was not confirmed), and the contract does not give it
dir-ref-field-missing-hint = add `{ $field }:` next to `ref: { $id }` (`dpa processors show { $id }` shows what the entry says)
dir-reviewed-without-ref = `reviewed` belongs to an entry taken from the processor directory (next to `ref`)
dir-reviewed-without-ref-hint = remove `reviewed`, or add the `ref` of the directory entry
dir-ref-reviewed-date = `reviewed` next to `ref` must be the entry's review date (YYYY-MM-DD)
dir-ref-reviewed-date-hint = it is written by dpagen; remove it (with the other fields taken from the directory) to take the entry from the directory again

## `dpa processors`

dir-yes = yes
dir-no = no
dir-unknown = –
dir-unknown-long = not known
dir-dpa-offered = offered
dir-dpa-not-offered = not offered
dir-col-id = id
dir-col-name = name
dir-col-category = category
dir-col-country = seat
dir-col-dpf = DPF
dir-col-dpa = DPA
dir-list-user = * from your directory: { $files }
dir-list-count = { $count ->
    [one] one entry
   *[other] { $count } entries
} of { $total }; `dpa processors show ID` shows one with all its fields
dir-list-none = no entry of the processor directory matches `{ $query }`
dir-list-none-hint = search for a part of the name, the service or a category (hosting, email, newsletter, ...), or run `dpa processors` for the whole list
dir-show-unknown = the processor directory has no entry `{ $id }`
dir-basis-eea = not needed (EEA)
dir-basis-adequacy = adequacy decision (Art. 45 GDPR)
dir-basis-missing = not confirmed: state it in the contract
dir-field-name = Legal entity
dir-field-category = Category
dir-field-service = Service
dir-field-address = Address
dir-address-absent = not confirmed: give it in the contract
dir-field-country = Seat
dir-field-locations = Processing locations
dir-locations-absent = chosen by the customer or not confirmed: give them in the contract
dir-field-transfer = Transfer basis
dir-field-dpf = EU-US Data Privacy Framework
dir-dpf-certified = certified ({ $entity })
dir-dpf-not-certified = not certified
dir-field-dpa = Data processing agreement
dir-field-note = Note
dir-field-source = Sources
dir-field-reviewed = Last reviewed
dir-field-origin = From
dir-origin-builtin = the built-in directory (catalogs/processors.yaml)
dir-show-use = In a contract: `- {"{"} ref: { $id } {"}"}` under subprocessors.list; fields next to `ref` replace the directory's.
dir-warnings-in = { $file }: the processor directory was read with warnings

## Categories

dir-category-hosting = Hosting
dir-category-email = E-mail and office
dir-category-automation = Automation
dir-category-crm = CRM
dir-category-newsletter = Newsletter
dir-category-payment = Payment
dir-category-support = Support
dir-category-video = Video meetings
dir-category-accounting = Accounting
dir-category-storage = Storage and file sharing
dir-category-analytics = Analytics
dir-category-forms = Forms and surveys
dir-category-scheduling = Scheduling
dir-category-collaboration = Collaboration
dir-category-website = Website builders and shops
dir-category-security = Security
dir-category-ai = AI and translation
dir-category-telephony = Telephony
dir-category-remote-access = Remote access
dir-category-consent = Consent management
dir-category-hr = HR and recruiting

## `dpa check`

dir-check-old = { $name } comes from the processor directory entry `{ $id }`, last reviewed on { $date }, more than a year before { $today }
dir-check-old-hint = check the vendor's current terms (legal entity, address, locations, DPF status), then update the directory entry or give the checked fields next to `ref`

## `contact` and `onward` of a subprocessor

sub-contact-empty = the contact of a subprocessor needs a `name`, an `email`, or both
sub-contact-empty-hint = for example `contact: {"{"} name: Data protection officer, email: privacy@example.com {"}"}`, or remove `contact`

## The contract file attached to the PDF

dir-attachment-header = Written by dpagen: subprocessors taken from the processor directory (`ref`) are written out with the values of the directory entry (reviewed on the date next to `ref`), so this file renders the same contract later.

## `dpa new`: a subprocessor from the directory

dir-wizard-question = Which subprocessor? Pick it from the processor directory, or enter it by hand
dir-wizard-help = type to search: name, service or category (hetzner, newsletter, hosting)
dir-wizard-by-hand = Enter a vendor by hand
dir-wizard-by-hand-help = not in the directory: you type its name, address, service and locations
dir-wizard-picked = From the processor directory: { $name } (entry last reviewed on { $date }). Enter keeps each value; change what differs in your case.
dir-wizard-note = Note from the directory: { $note }
dir-wizard-unconfirmed = The directory leaves out what it could not confirm (the address or the locations): please enter it.

## `dpa notify`

notify-identical = { $file }: the two versions are identical; there is nothing to announce
notify-amendment = { $file }: not only the subprocessors changed, so this is an amendment of the contract, not a notice under Art. 28(2) GDPR; also changed:
notify-amendment-hint = both parties agree to an amendment: `dpa diff OLD NEW -o DIR` writes it with every change marked; announce a change of subprocessors on its own
notify-csv-and-contracts = give either --controllers CSV or further contract files, not both
notify-other-subprocessors = { $file }: its subprocessors are not those of { $old }, so the change cannot be applied to it
notify-other-subprocessors-hint = notify this controller with its own two versions: `dpa notify ITS-OLD.yaml ITS-NEW.yaml -o DIR`
notify-new-version-header = { $client } with the subprocessors of { $new } (written by `dpa notify`).
notify-kind-notice = notice(s) of an intended change of subprocessors
notify-kind-request = request(s) for approval of subprocessors
notify-summary = wrote { $count } { $what } to { $dir }; { $failed } failed
notify-failed = failed: { $input }: { $reason }
notify-footer-notice = Notice on subprocessors of { $date } · Agreement { $id }
notify-footer-request = Request for approval of subprocessors of { $date } · Agreement { $id }
notify-bad-date = --date `{ $value }` is not a date (YYYY-MM-DD)
notify-not-sent = { $file }: no notice is written because `dpa check` finds errors in this version; fix them first (a notice must state, for example, the transfer basis of every location outside the EEA)
