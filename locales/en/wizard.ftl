# `dpa new`: every sentence the wizard shows (questions, help, refusals, summary).
# Every message id exists in locales/de/wizard.ftl as well, with the same arguments.

## Starting, stopping, drafts

wizard-no-terminal = `dpa new` asks its questions in a terminal, and there is none here (standard input is not a terminal).
wizard-no-terminal-help = run `dpa new` in a terminal, or write the contract file yourself (templates in examples/, format in README.md) and make the contract with `dpa render FILE`
wizard-no-draft = there is no draft to resume here ({ $file })
wizard-no-draft-help = start with `dpa new`; the draft is kept in the folder where you ran `dpa new`
wizard-resuming = Resuming the draft at step { $step } of { $steps }.
wizard-draft-found = There is a draft from an earlier session ({ $file }, at step { $step } of { $steps }). What now?
wizard-draft-found-named = There is a draft from an earlier session ({ $file }, { $name }, at step { $step } of { $steps }). What now?
wizard-draft-found-unreadable = There is a draft from an earlier session ({ $file }) that cannot be read. What now?
wizard-draft-continue = Continue it where it stopped
wizard-draft-replace = Start anew (the draft is replaced)
wizard-draft-replace-from = Open { $file } (the draft is replaced)
wizard-draft-stop = Stop here (the draft is kept)
wizard-draft-kept = The draft is kept. Continue it with: dpa new --resume
wizard-stopped = Stopped. Your answers are saved in the draft { $file } (readable only by you).
    Continue with: dpa new --resume
wizard-draft-unreadable = { $file }: the draft could not be read ({ $reason }); delete it and start again with `dpa new`
wizard-draft-other-version = { $file }: the draft was written by another version of dpagen (layout { $version }); delete it and start again with `dpa new`
wizard-intro = dpa new – a data processing agreement under Art. 28 GDPR, question by question.
    Enter keeps the suggestion. Esc goes back one question. Ctrl-C stops; your answers stay in the draft and `dpa new --resume` continues.
wizard-step = Step { $step } of { $steps }: { $title }
wizard-back-first = This is the first question; there is nothing before it.
wizard-went-back = ↩ back to the previous question

## The terminal: keys, yes and no, lists

wizard-terminal-failed = the terminal failed: { $error }
wizard-keys-text = Enter confirms · Ctrl-U clears · Esc back · Ctrl-C stops
wizard-keys-complete = Tab completes · ↑↓ choose a suggestion · Enter confirms · Ctrl-U clears · Esc back
wizard-keys-refused = type to replace the answer · ← → to edit it · Esc back
wizard-keys-suggested = Enter keeps the suggestion · type to replace it · ← → to edit it · Esc back
wizard-keys-confirm = y or n, Enter confirms · Esc back · Ctrl-C stops
wizard-keys-select = ↑↓ to move · type to filter · Enter to choose · Esc back
wizard-keys-multi = ↑↓ to move · Tab (or space without a filter) ticks · → all, ← none · type to filter · Enter to go on · Esc back
wizard-list-nothing = nothing matches; Backspace or Ctrl-U changes the filter
wizard-list-in-contract = In the contract:
wizard-list-position = entries { $from }–{ $to } of { $all }
wizard-tick-at-least-one = Please tick at least one entry (Tab or space)
wizard-none = none
wizard-and-more = +{ $count } more
wizard-yes = yes
wizard-no = no
wizard-yes-no-default-yes = Y/n
wizard-yes-no-default-no = y/N
wizard-confirm-refused = Please type y (yes) or n (no)

## The steps

wizard-section-start = Language and role
wizard-section-controller-own = Controller – your organisation
wizard-section-controller-client = Controller – your client
wizard-section-processor-provider = Processor – your service provider
wizard-section-processor-own = Processor – your organisation
wizard-section-agreement = Main agreement and duration
wizard-section-processing = Subject matter, purpose and operations
wizard-section-data = Data categories and data subjects
wizard-section-locations = Processing locations
wizard-section-instructions = Instructions
wizard-section-security = Technical and organisational measures (TOMs)
wizard-section-subprocessors = Subprocessors
wizard-section-terms = Breach deadline, audits, end, liability
wizard-section-options = Optional clauses
wizard-section-signatories = Signatories
wizard-section-summary = Summary and check

## Answers: shared questions and refusals

wizard-understood = → understood as { $value }
wizard-street = Street and number
wizard-postal-code = Postal code
wizard-city = City
wizard-date-optional-help = e.g. 2026-12-01 or 1.12.2026; leave empty if there is none
wizard-country-help = ISO code such as DE, AT, FR, US, or the name; Tab completes
wizard-countries-help = ISO codes or names separated by commas, e.g. DE, IE; Tab completes
wizard-keep-entries = Keep these entries? (untick what should go)
wizard-add-more-help = leave empty and press Enter to go on
wizard-at-least-one-item = Please choose at least one entry or add one as free text.
wizard-menu-done = Done, go on
wizard-menu-edit = Edit: { $entry }
wizard-menu-remove = Remove: { $entry }
wizard-refuse-empty = Please write an answer; this one is needed
wizard-refuse-too-long = The answer is { $count } characters long; at most { $limit } fit. Please shorten it; long descriptions belong in the main agreement
wizard-refuse-invisible = The answer contains an invisible character ({ $code }), often carried along when copying text; please type it again or remove that character
wizard-refuse-email = “{ $answer }” is not an e-mail address; write it like name@example.com
wizard-refuse-email-space = “{ $answer }” contains a space; an e-mail address has none, e.g. name@example.com
wizard-refuse-phone = “{ $answer }” is not a phone number; use digits, spaces and + - / ( ), e.g. +49 221 000000
wizard-refuse-date = “{ $answer }” is not a date; write e.g. 2026-12-01 or 1.12.2026
wizard-refuse-number-empty = Please write a number
wizard-refuse-number = “{ $answer }” is not a number; write a whole number such as 24
wizard-refuse-number-decimal = “{ $answer }” is not a whole number; write a whole number such as 24
wizard-refuse-number-negative = The number cannot be negative; write 0 or more
wizard-refuse-number-too-big = The number is too large; at most { $max }
wizard-refuse-number-unit = Please write the number only, without “{ $unit }”, e.g. { $number }
wizard-refuse-country = “{ $answer }” is not a country we know; write its ISO code such as DE, AT, FR, US, or the start of its name and press Tab
wizard-refuse-country-several = “{ $answer }” fits several countries: { $countries }; write more of the name, or the ISO code
wizard-refuse-countries-empty = Please name at least one country

## Step 1: language and role

wizard-language = Which language should the contract be in?
wizard-role = Which side are you on?
wizard-role-help = This sets suggestions and the wording of the questions, not the contract text
wizard-role-processor = Processor: we process data on behalf of a client (agency, IT service, SaaS)
wizard-role-controller = Controller: we engage a service provider with our data

## Steps 2 and 3: the parties

wizard-person-name = Name
wizard-person-role = Role (optional)
wizard-person-email = E-mail address of { $name } (optional)
wizard-person-phone = Phone number of { $name } (optional)
wizard-party-name-own = Your organisation's legal name
wizard-party-name-controller = The controller's legal name
wizard-party-name-processor = The processor's legal name
wizard-party-name-help = e.g. "Weber Dental Practice" or "Pixelwerk Ltd"
wizard-country = Country
wizard-register = Register entry (optional)
wizard-register-help = e.g. "Company no. 01234567, Companies House"
wizard-representative = Represented by (name)
wizard-representative-help = the person who may conclude the contract for the organisation
wizard-representative-role-help = e.g. Managing Director, Owner
wizard-representative-email-help = instructions and notices go here unless another address is named
wizard-contact-has = Name a separate contact person for this agreement?
wizard-dpo-has = Name a data protection officer?
wizard-dpo-has-help = Required e.g. for core activities of large-scale monitoring or special categories (Art. 37)

## Step 4: main agreement and duration

wizard-agreement-has = Does this agreement belong to a main agreement (service, maintenance, SaaS contract)?
wizard-agreement-title = Title of the main agreement
wizard-agreement-title-help = e.g. "Web hosting and maintenance agreement"
wizard-agreement-date = Date of the main agreement (optional)
wizard-duration = How long does the processing last?
wizard-duration-main-agreement = As long as the main agreement runs
wizard-duration-fixed = Until a fixed date
wizard-duration-indefinite = Indefinitely, until terminated
wizard-duration-until = Last day of the processing
wizard-duration-until-help = e.g. 2027-12-31 or 31.12.2027
wizard-duration-notice = Notice period (optional)
wizard-duration-notice-help = e.g. "three months"
wizard-reference = Your reference for this agreement (optional)
wizard-reference-help = printed in the footer, e.g. "DPA-2026-001"; dpagen makes one if empty
wizard-effective-date = When does the agreement take effect? (optional; empty: on the last signature)

## Steps 5 and 6: processing, data

wizard-subject-matter = Subject matter: what does the processor do?
wizard-subject-matter-help = e.g. "Hosting and maintenance of the website with online booking"
wizard-purpose = Purpose: what is the data processed for?
wizard-purpose-help = e.g. "Providing the website and managing appointment requests"
wizard-operations = Nature of the processing: what happens to the data? (Art. 4(2) GDPR)
wizard-data-categories = Which types of personal data?
wizard-data-categories-help = tick what is processed
wizard-data-categories-add = Another type of data as free text (optional)
wizard-special = Special categories under Art. 9 GDPR? (usually none)
wizard-special-help = Art. 9: data on health, origin, religion, politics, trade unions, genetics, biometrics, sex life – strictly protected; tick only what really occurs
wizard-special-note = Note: for Art. 9 data the check requires encryption and role-based access; the TOM preset "Healthcare" has them. The contract then has a clause on sensitive data; step 9 shows its wording.
wizard-criminal = Is data on criminal convictions or offences processed? (Art. 10 GDPR)
wizard-criminal-help = e.g. criminal record certificates of staff
wizard-subjects = Whose data is it? (data subjects)
wizard-subjects-help = tick who is concerned
wizard-subjects-add = Another group as free text (optional)

## Step 7: locations and transfers

wizard-locations = In which countries does the processor itself process the data?
wizard-transfer-who-processor = Processor
wizard-transfer-adequate = { $who }: { $countries } is outside the EEA but has an adequacy decision of the European Commission (Art. 45 GDPR); no further basis is needed.
wizard-transfer-needed = { $who }: { $countries } is outside the EEA without an adequacy decision. A transfer there needs a legal basis under Art. 44-49 GDPR. The choices:
wizard-transfer-basis = Legal basis for { $countries }

## Step 8: instructions

wizard-instructions-form = In what form does the controller give instructions?
wizard-instructions-text = Text form (e.g. e-mail) suffices
wizard-instructions-written = In writing (signed)
wizard-instructions-controller = Who may give instructions for the controller?
wizard-instructions-processor = Who receives instructions at the processor?
wizard-persons-representative = { $name } (representative)
wizard-persons-now = { $question } Now: { $persons }
wizard-persons-keep = Keep
wizard-persons-change = Name other or more persons
wizard-persons-keep-which = Keep these persons? (untick whoever should not be named)
wizard-persons-add = Name of another person (empty: done)

## Step 9: technical and organisational measures

wizard-preset = Where to start? A preset that you adjust next
wizard-preset-controller = Where to start? A preset for your service provider that you adjust next
wizard-preset-keep = Edit the current selection ({ $count } measures)
wizard-preset-none = No preset, empty list
wizard-measures = Which measures do you have in place? (tick only what is true)
wizard-measures-controller = Which measures does the processor have in place? (only what is true)
wizard-measures-help = each measure becomes a promise in the contract: read its wording under the list before you tick it
wizard-custom-keep = Keep your own measures?
wizard-custom = A measure of your own, described concretely (optional; empty: go on)
wizard-custom-area = Which area of Art. 32(1) does it belong to?
wizard-certification = Certification (optional, e.g. "ISO/IEC 27001"; empty: go on)
wizard-review-title = What the contract will promise – please read it before you go on:
wizard-review-measures = { $count ->
    [one] Annex on security, the measure you ticked:
   *[other] Annex on security, the { $count } measures you ticked:
}
wizard-review-clause = { $clause } (applies because of the data you named):
wizard-review-clause-later = The clauses that depend on the data are shown in the summary once the contract is complete ({ $reason }).
wizard-review-question = Can you keep all of these promises? Untick what you cannot keep; Enter confirms
wizard-review-help = a measure you untick disappears from the annex and from every clause that refers to it
wizard-review-removed = { $count ->
    [one] One measure removed. The wording again:
   *[other] { $count } measures removed. The wording again:
}

## Step 10: subprocessors

wizard-sub-authorisation = How are subprocessors authorised? (Art. 28(2))
wizard-sub-general = General
wizard-sub-general-help = The processor announces changes in advance and the controller may object (common)
wizard-sub-specific = Specific
wizard-sub-specific-help = Every new subprocessor needs the controller's prior approval
wizard-sub-specific-none = With specific authorisation the processor may use only the subprocessors named in this contract; every other one needs the controller's prior approval. With none named, the processor may use none until the controller approves one. Add every subprocessor you use now (hosting, e-mail, support tools), or choose general authorisation.
wizard-sub-notice-days = How many days in advance are changes announced?
wizard-sub-notice-days-help = the time to object; 30 days are common, at least 14
wizard-sub-none = Subprocessors: none yet. Hosting, e-mail and support tools count.
wizard-sub-none-help = almost every service uses some (hosting, e-mail, backups, support tools); add each one
wizard-sub-none-specific-help = with specific authorisation only the subprocessors named here may be used; add each one
wizard-sub-count = Subprocessors: { $count }
wizard-sub-add = Add one
wizard-sub-remove = Really remove { $name }?
wizard-sub-name = Name of the subprocessor
wizard-sub-name-help = e.g. "Hetzner Online GmbH"
wizard-sub-country = Country of the registered office
wizard-sub-service = What service does it provide?
wizard-sub-service-help = e.g. "Server hosting in the data centre"
wizard-sub-locations = In which countries does it process the data?

## Step 11: deadlines, audits, end, liability

wizard-breach-hours = Within how many hours does the processor report a data breach?
wizard-breach-hours-help = the controller itself must report within 72 hours (Art. 33); 24 or 48 are common
wizard-audit-notice-days = How many days' notice before an audit?
wizard-audit-on-site = Are on-site inspections allowed?
wizard-audit-on-site-help = Art. 28(3)(h) names inspections expressly
wizard-end-choice = What happens to the data at the end?
wizard-end-return-then-delete = Return, then deletion
wizard-end-delete = Deletion
wizard-end-return = Return
wizard-end-days = Within how many days?
wizard-liability = Liability
wizard-liability-statutory = As by law (Art. 82 GDPR)
wizard-liability-capped = Capped at an amount between the parties
wizard-liability-cap = Cap in euros
wizard-liability-cap-help = a whole number, e.g. 50000 or 50,000
wizard-governing-law = Which country's law governs the agreement?
wizard-jurisdiction = Place of jurisdiction (optional)
wizard-jurisdiction-help = e.g. London

## Step 12: optional clauses

wizard-options = Which additional clauses should the agreement contain?
wizard-options-help = under the list: what the highlighted clause says in the contract
wizard-option-remote-maintenance = Remote maintenance
wizard-option-remote-maintenance-help = Rules for remote access: logged, watchable by the controller, no copies.
wizard-option-data-carrier-disposal = Disposal of data carriers
wizard-option-data-carrier-disposal-help = Data carriers are destroyed to DIN 66399, with proof.
wizard-option-software-development = Software development on behalf
wizard-option-software-development-help = No real data for tests; rules for source code and hand-over.
wizard-option-data-outsourcing = Outsourcing of data stocks
wizard-option-data-outsourcing-help = Encryption in transit too, logical separation per client.
wizard-option-seizure-insolvency = Seizure, attachment, insolvency
wizard-option-seizure-insolvency-help = The processor informs at once; the data belongs to the controller.
wizard-option-no-retention = No right of retention
wizard-option-no-retention-help = Data and carriers may not be withheld (§ 273 BGB), e.g. over unpaid invoices.
wizard-option-professional-secrecy = Professional secrecy (§ 203 StGB)
wizard-option-professional-secrecy-help = For doctors, dentists, therapists, lawyers, tax advisers: duty of secrecy with notice of criminal liability.
wizard-penalty = Agree on a contractual penalty?
wizard-penalty-eur = Amount per breach in euros

## Step 13: signatories

wizard-controller = Controller
wizard-processor = Processor
wizard-controller-lower = controller
wizard-processor-lower = processor
wizard-sign-party = Signs for
wizard-sign-place = Place of signing (optional)
wizard-signing = Signing: { $persons }
wizard-sign-add = Add a person
wizard-sign-each-side = At least one person must sign for each side.

## Step 14: summary and check

wizard-summary-language = Contract language
wizard-summary-german = German
wizard-summary-english = English
wizard-summary-main-agreement = Main agreement
wizard-summary-duration = Duration
wizard-summary-duration-main = as the main agreement
wizard-summary-duration-until = until { $date }
wizard-summary-duration-indefinite = indefinite
wizard-summary-duration-notice = indefinite, { $notice }
wizard-summary-subject-matter = Subject matter
wizard-summary-purpose = Purpose
wizard-summary-operations = Operations
wizard-summary-data = Data
wizard-summary-special = Art. 9 / Art. 10
wizard-summary-subjects = Data subjects
wizard-summary-locations = Locations
wizard-summary-toms = TOMs
wizard-summary-toms-value = { $measures } from the catalog, { $custom } own, certifications: { $certifications }
wizard-summary-subprocessors = Subprocessors
wizard-summary-subprocessors-value = { $authorisation }, { $days } days' notice: { $list }
wizard-summary-general = general authorisation
wizard-summary-specific = specific authorisation
wizard-summary-deadlines = Deadlines
wizard-summary-deadlines-value = breach report within { $hours } h; audits with { $audit_days } days' notice, on site: { $on_site }; at the end { $end } within { $end_days } days
wizard-summary-liability = Liability, law
wizard-summary-liability-statutory = statutory liability
wizard-summary-liability-capped = liability capped at { $amount } EUR
wizard-summary-options = Optional clauses
wizard-summary-signatories = Signatories
wizard-check-title = Check (as `dpa check`): { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
}
wizard-check-step = Step { $step } ({ $title })
wizard-check-whole = The whole contract
wizard-summary-invalid = The contract is not complete yet; please change the steps named above.
wizard-summary-next = What next?
wizard-summary-save = Save the contract
wizard-summary-save-anyway = Save anyway (the check reports errors; `dpa render` refuses such a contract)
wizard-summary-change = Change: { $step }. { $title }
wizard-summary-change-error = { $choice } – fix the error
wizard-summary-review = Read the promises again (measures and clauses, word for word)
wizard-summary-stop = Stop here (the draft is kept)

## Saving

wizard-save-file = File name of the contract
wizard-save-file-help = the contract file (YAML, format 1) for `dpa render` and `dpa batch`
wizard-overwrite = { $file } exists. Overwrite it?
wizard-saved = Saved: { $file }
wizard-render-now = Render the PDF now?
wizard-render-later = Render it later with: dpa render { $file }
wizard-rendered = Wrote { $pdf } ({ $pages } pages, { $fields } signature fields) and { $markdown }

# How many people process personal data at a party (for the DPO rule).
wizard-staff-question = How many people there constantly process personal data on computers? (optional)
wizard-staff-help = A German organisation with 20 or more such people must designate a data protection officer (§ 38(1) BDSG); any organisation must, whatever its size, if its core activity is processing health or other special categories of data on a large scale (Art. 37(1) GDPR), and in Germany also if its processing needs a data protection impact assessment. Count everyone who regularly works with personal data on a computer, including part-time staff and freelancers.
