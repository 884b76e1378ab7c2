# The documents around the contract: the TOM document (`dpa render --part toms`), the
# processor's record of processing activities (`dpa record`), and the data protection
# officer hint of `dpa check`. Every message id exists in locales/de as well, with the same
# arguments.

## The TOM document

toms-footer-label = TOM document
toms-fingerprint-note = Fingerprint (SHA-256) of the data of this document (the processor and its measures), made with dpagen { $version }, clause library { $library }. The same measures give the same fingerprint, whether rendered from a contract or from a processor file:
toms-attachment-description = The processor and its measures (dpagen processor file, format 1)
toms-attachment-header = The processor and its technical and organisational measures (dpagen processor file, format 1).
toms-keywords = technical and organisational measures, Article 32 GDPR, TOM
output-wrote = { $file }: wrote { $outputs }
output-pdf-pages = { $path } ({ $pages ->
    [one] one page
   *[other] { $pages } pages
})
toms-no-date = the TOM document has no date: add `security.as_of: YYYY-MM-DD` (the day the measures were last reviewed) so that readers can tell how current it is
render-processor-file = this is a processor file: it holds only `processor` and `security`, not the `controller`, `processing`, `subprocessors` and `signatories` a data processing agreement needs
render-processor-file-help = for the TOM document run `dpa render { $file } --part toms`; for a contract add the missing sections (see examples/dental-practice.yaml) or answer the questions of `dpa new`

## The record of processing activities (`dpa record`)

record-subtitle = As of { $date }
record-footer-label = Record of processing activities (Art. 30(2) GDPR), as of
record-keywords = record of processing activities, Article 30(2) GDPR, processor
record-attachment-description = The record as data (dpagen-record/1, docs/record.schema.json)
record-contract-from = { $id } (effective { $date })
record-criminal-offence-data = criminal convictions and offences (Art. 10 GDPR)
record-no-safeguard = no safeguard stated
record-usage = error: { $problem }
record-usage-base-alone = --base names the base contract of --controllers; give the controllers CSV too, e.g. `dpa record contracts/ --base base.yaml --controllers clients.csv -o record.csv`
record-usage-nothing = name the contracts to record: files, folders or batch files, or a base contract with --controllers, e.g. `dpa record contracts/ -o record.csv`
record-usage-which-base = with --controllers and several inputs, name the base contract with --base, e.g. `dpa record contracts/ --base base.yaml --controllers clients.csv -o record.csv`
record-unknown-extension = { $file }: error: the record is written as .csv, .json, .md, .pdf or .docx; choose one of these extensions
record-bad-date = error: --date `{ $date }` is not a date; write YYYY-MM-DD
record-skipped = { $file }: note: a processor file, not a contract: left out of the record
record-nothing = error: no valid contract among the inputs, so { $file } was not written
record-summary = { $file }: { $controllers ->
    [one] one controller
   *[other] { $controllers } controllers
} of { $processors ->
    [one] one processor
   *[other] { $processors } processors
} from { $contracts ->
    [one] one contract
   *[other] { $contracts } contracts
}; { $invalid ->
    [0] no input left out
    [one] one invalid input left out
   *[other] { $invalid } invalid inputs left out
}
record-left-out = left out: { $input }: { $reason }
record-col-processor = Processor (a)
record-col-processor-address = Processor's address
record-col-processor-representative = Processor represented by
record-col-processor-contact = Processor's contact
record-col-processor-dpo = Processor's data protection officer
record-col-controller = Controller (a)
record-col-controller-address = Controller's address
record-col-controller-representative = Controller represented by
record-col-controller-contact = Controller's contact
record-col-controller-dpo = Controller's data protection officer
record-col-contracts = Agreements
record-col-subject-matter = Subject matter (b)
record-col-purpose = Purpose (b)
record-col-operations = Nature of the processing (b)
record-col-data-categories = Types of personal data (b)
record-col-special-categories = Special categories, Art. 9 and 10 GDPR (b)
record-col-data-subjects = Categories of data subjects (b)
record-col-locations = Where the processor processes (b)
record-col-transfers = Transfers to third countries: recipient, country, safeguards (c)
record-col-measures = Technical and organisational measures, Art. 32(1) GDPR (d)
record-col-certifications = Certifications (d)

## The data protection officer hint of `dpa check` (rule dpo_likely_required)

check-dpo-controller = controller
check-dpo-processor = processor
check-dpo-staff = the { $party } ({ $name }) names no data protection officer, but { $count } persons there constantly process personal data by automated means; a German { $party } must designate one from 20 such persons (§ 38(1) sentence 1 BDSG)
check-dpo-special = the { $party } ({ $name }) names no data protection officer, and this contract covers special categories of data (Art. 9 GDPR) or criminal offence data (Art. 10 GDPR); if processing them is a core activity on a large scale, it must designate one (Art. 37(1)(c) GDPR)
check-dpo-special-de = the { $party } ({ $name }) names no data protection officer, and this contract covers special categories of data (Art. 9 GDPR) or criminal offence data (Art. 10 GDPR); if processing them is a core activity on a large scale (Art. 37(1)(c) GDPR), or requires a data protection impact assessment (Art. 35(3)(b) GDPR), it must designate one, in the latter case regardless of the number of staff (§ 38(1) sentence 2 BDSG)
check-dpo-hint = check whether the duty applies; if so, designate a data protection officer, publish their contact details, communicate them to the supervisory authority (Art. 37(7) GDPR) and add `{ $party }.dpo: { "{" } name: ..., email: ... { "}" }` to the contract

## The wizard's question about staff (party steps)

