# `dpa check`: findings about transfers, sensitive data, subprocessors and professional
# secrecy. Every message id exists in locales/de/check.ftl as well, with the same arguments.
# Findings are printed after "error:", "warning:" or "note:" and a field path, so they start
# in lower case.

check-who-processor = the processor
check-who-subprocessor = subprocessor { $name }

check-transfer-basis-missing = { $who } processes in { $place }, outside the EEA and without an adequacy decision, but no transfer basis is stated (Chapter V GDPR, Art. 44-50)
check-transfer-basis-missing-hint-us = for the US state `dpf` if the recipient is certified under the EU-US Data Privacy Framework, otherwise `scc` (or bcr, derogation); where locations need different bases, write a map, e.g. `transfer: {"{"} US: dpf, IN: scc {"}"}`
check-transfer-basis-missing-hint = state `scc` (standard contractual clauses, Decision (EU) 2021/914), or bcr or derogation; where locations need different bases, write a map, e.g. `transfer: {"{"} US: dpf, IN: scc {"}"}`
check-dpf-outside-us = the EU-US Data Privacy Framework covers only recipients in the United States, not { $place }
check-dpf-outside-us-hint = state another basis for { $code } (scc, bcr), e.g. `transfer: {"{"} US: dpf, { $code }: scc {"}"}`
check-adequacy-without-decision = there is no adequacy decision for { $place }
check-adequacy-without-decision-hint-us = for the US use `dpf` (certified recipients) or `scc`
check-adequacy-without-decision-hint = use `scc`, `bcr` or `derogation`

check-third-country = { $who } processes outside the EEA: { $bases }
check-basis-group = { $places }: { $basis }
check-basis-group-scc = { $places }: { $basis }, Module { $module }
check-basis-group-missing = { $places }: no basis
check-third-country-hint-safeguards = keep the transfer documentation and the transfer impact assessment (Art. 46 GDPR) on file; check the bases whenever the locations change
check-third-country-hint = keep the transfer documentation on file; check the bases whenever the locations change

check-transfer-basis-unused = { $who } processes only inside the EEA; the stated transfer basis is not needed
check-transfer-basis-unused-hint = remove `transfer` or check the locations
check-transfer-entry-unused = { $place } is in the EEA; no transfer basis is needed there
check-transfer-entry-unused-hint = remove `{ $code }` from `transfer`
check-transfer-basis-not-applied = { $who }: the stated basis ({ $basis }) applies at none of the locations outside the EEA; the adequacy decisions for { $places } are used instead
check-transfer-basis-not-applied-hint = state the basis per location, or remove `transfer`

check-dpf-non-us-entity = { $who } has its seat in { $seat }; the EU-US Data Privacy Framework covers only the organisation in the United States that receives the data, and that organisation must itself be certified
check-dpf-non-us-entity-hint = make sure the recipient in the US is on the Data Privacy Framework List (and name it as a subprocessor if it is another company); otherwise state `scc` for US

check-adequacy-scope = { $who } relies on the adequacy decision for { $place }, which covers { $scope }
check-adequacy-scope-hint = make sure the recipient falls within that scope; otherwise state another basis for { $code }, e.g. `scc`

check-adequacy-expires = the adequacy decision for { $place } ({ $decision }) expires on { $date }, within the first year of this contract ({ $who })
check-adequacy-expired = the adequacy decision for { $place } ({ $decision }) expired on { $date }, before this contract starts ({ $who })
check-adequacy-expires-hint = watch for its renewal and agree on standard contractual clauses as a fallback, or review the contract before that date
check-decision-number = Decision { $number }
check-decision-date = decision of { $date }

check-derogation-regular = { $who } relies on a derogation under Art. 49 GDPR for { $places }; derogations are for occasional transfers, not for the regular, repeated transfers of processing on behalf
check-derogation-regular-hint = use standard contractual clauses (`scc`) or binding corporate rules (`bcr`) instead

check-what-art9 = special categories of data (Art. 9)
check-what-art10 = criminal offence data (Art. 10)
check-what-both = special categories of data (Art. 9) and criminal offence data (Art. 10)
check-sensitive-third-country = the contract covers { $what }, and they are processed outside the EEA ({ $places }); such transfers need extra safeguards
check-sensitive-third-country-hint = agree on them and describe them in Annex III: encryption with keys held only in the EEA, pseudonymisation before the transfer, access limited to named persons and logged, and a transfer impact assessment that covers these data

check-scc-member-state-missing = standard contractual clauses are used ({ $who }), but no EU Member State for their governing law and courts (Clauses 17 and 18 of Decision (EU) 2021/914) can be determined: neither the controller's country nor the governing law is an EU Member State
check-scc-member-state-missing-hint = add `scc_member_state:` under `terms` with an EU Member State, e.g. `scc_member_state: IE`

check-specific-without-list = specific authorisation is chosen and no subprocessor is listed: the processor may engage none until the controller authorises one specifically
check-specific-without-list-hint = list the subprocessors the processor already uses; choose `general` if changes should be possible after notice

check-secrecy-reason-name = the controller's name
check-secrecy-reason-health = health data
check-secrecy-reason-patients = patients as data subjects
check-professional-secrecy = the controller may be bound by professional secrecy (§ 203 StGB; indicated by { $reason }), but `options.professional_secrecy` is off
check-professional-secrecy-hint = if the controller is a doctor, dentist, therapist, lawyer, tax adviser or another profession under § 203 StGB, set `professional_secrecy: true` under `options`: the processor then commits to secrecy with the notice of criminal liability

# Reading the contract file: transfer bases per location, international organisations, the
# SCC Member State.
input-did-you-mean = did you mean `{ $value }`?
input-known-organisations = known international organisations: { $list }
input-unknown-organisation = `{ $value }` is not a known international organisation
input-not-eu-member-state = { $name } ({ $code }) is not a Member State of the European Union
input-not-eu-member-state-hint = the standard contractual clauses (Decision (EU) 2021/914, Clauses 17 and 18) need the law and courts of an EU Member State, e.g. DE, IE, NL
input-transfer-map-empty = the map of transfer bases is empty
input-transfer-map-empty-hint = write a basis per location, e.g. `{"{"} US: dpf, IN: scc {"}"}`, or remove `transfer`
input-transfer-entry-empty = no transfer basis is given for `{ $location }`
input-transfer-entry-empty-hint = write one of: adequacy, dpf, scc, bcr, derogation
input-transfer-entry-not-a-location = `{ $location }` has a transfer basis but is not one of the locations ({ $locations })
input-transfer-entry-not-a-location-hint = add `{ $location }` to the locations, or remove it from `transfer`
input-transfer-entry-twice = `{ $location }` is named twice
input-transfer-entry-twice-hint = remove the second entry
