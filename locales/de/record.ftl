# Die Dokumente rund um den Vertrag: das TOM-Dokument (`dpa render --part toms`), das
# Verzeichnis der Verarbeitungstätigkeiten des Auftragsverarbeiters (`dpa record`) und der
# Hinweis von `dpa check` zum Datenschutzbeauftragten. Jede Meldung gibt es auch in
# locales/en, mit denselben Argumenten.

## Das TOM-Dokument

toms-footer-label = TOM-Dokument
toms-fingerprint-note = Prüfsumme (SHA-256) der Daten dieses Dokuments (Auftragnehmer und Maßnahmen), erzeugt mit dpagen { $version }, Klauselbibliothek { $library }. Dieselben Maßnahmen ergeben dieselbe Prüfsumme, gleich ob sie aus einem Vertrag oder aus einer Auftragnehmer-Datei erzeugt wurden:
toms-attachment-description = Der Auftragnehmer und seine Maßnahmen (dpagen-Auftragnehmer-Datei, Format 1)
toms-attachment-header = Der Auftragnehmer und seine technischen und organisatorischen Maßnahmen (dpagen-Auftragnehmer-Datei, Format 1).
toms-keywords = Technische und organisatorische Maßnahmen, Art. 32 DSGVO, TOM
output-wrote = { $file }: { $outputs } geschrieben
output-pdf-pages = { $path } ({ $pages ->
    [one] eine Seite
   *[other] { $pages } Seiten
})
toms-no-date = das TOM-Dokument hat kein Datum: Ergänzen Sie `security.as_of: JJJJ-MM-TT` (den Tag, an dem die Maßnahmen zuletzt überprüft wurden), damit Leser erkennen, wie aktuell es ist
render-processor-file = dies ist eine Auftragnehmer-Datei: Sie enthält nur `processor` und `security`, nicht aber `controller`, `processing`, `subprocessors` und `signatories`, die ein Vertrag zur Auftragsverarbeitung braucht
render-processor-file-help = für das TOM-Dokument rufen Sie `dpa render { $file } --part toms` auf; für einen Vertrag ergänzen Sie die fehlenden Abschnitte (Vorlage: examples/dental-practice.yaml) oder beantworten die Fragen von `dpa new`

## Das Verzeichnis von Verarbeitungstätigkeiten (`dpa record`)

record-subtitle = Stand: { $date }
record-footer-label = Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 2 DSGVO), Stand
record-keywords = Verzeichnis von Verarbeitungstätigkeiten, Art. 30 Abs. 2 DSGVO, Auftragsverarbeiter
record-attachment-description = Das Verzeichnis als Daten (dpagen-record/1, docs/record.schema.json)
record-contract-from = { $id } (wirksam ab { $date })
record-criminal-offence-data = strafrechtliche Verurteilungen und Straftaten (Art. 10 DSGVO)
record-no-safeguard = keine Garantie angegeben
record-usage = Fehler: { $problem }
record-usage-base-alone = --base nennt den Basisvertrag zu --controllers; geben Sie auch die CSV-Datei der Verantwortlichen an, z. B. `dpa record vertraege/ --base basis.yaml --controllers kunden.csv -o verzeichnis.csv`
record-usage-nothing = nennen Sie die Verträge für das Verzeichnis: Dateien, Ordner oder Stapeldateien, oder einen Basisvertrag mit --controllers, z. B. `dpa record vertraege/ -o verzeichnis.csv`
record-usage-which-base = mit --controllers und mehreren Eingaben nennen Sie den Basisvertrag mit --base, z. B. `dpa record vertraege/ --base basis.yaml --controllers kunden.csv -o verzeichnis.csv`
record-unknown-extension = { $file }: Fehler: Das Verzeichnis wird als .csv, .json, .md, .pdf oder .docx geschrieben; wählen Sie eine dieser Endungen
record-bad-date = Fehler: --date `{ $date }` ist kein Datum; schreiben Sie JJJJ-MM-TT
record-skipped = { $file }: Hinweis: eine Auftragnehmer-Datei, kein Vertrag: nicht ins Verzeichnis aufgenommen
record-nothing = Fehler: Unter den Eingaben ist kein gültiger Vertrag, daher wurde { $file } nicht geschrieben
record-summary = { $file }: { $controllers ->
    [one] ein Verantwortlicher
   *[other] { $controllers } Verantwortliche
} { $processors ->
    [one] eines Auftragsverarbeiters
   *[other] von { $processors } Auftragsverarbeitern
} aus { $contracts ->
    [one] einem Vertrag
   *[other] { $contracts } Verträgen
}; { $invalid ->
    [0] keine Eingabe ausgelassen
    [one] eine ungültige Eingabe ausgelassen
   *[other] { $invalid } ungültige Eingaben ausgelassen
}
record-left-out = ausgelassen: { $input }: { $reason }
record-col-processor = Auftragsverarbeiter (lit. a)
record-col-processor-address = Anschrift des Auftragsverarbeiters
record-col-processor-representative = Auftragsverarbeiter vertreten durch
record-col-processor-contact = Ansprechpartner des Auftragsverarbeiters
record-col-processor-dpo = Datenschutzbeauftragter des Auftragsverarbeiters
record-col-controller = Verantwortlicher (lit. a)
record-col-controller-address = Anschrift des Verantwortlichen
record-col-controller-representative = Verantwortlicher vertreten durch
record-col-controller-contact = Ansprechpartner des Verantwortlichen
record-col-controller-dpo = Datenschutzbeauftragter des Verantwortlichen
record-col-contracts = Verträge
record-col-subject-matter = Gegenstand (lit. b)
record-col-purpose = Zweck (lit. b)
record-col-operations = Art der Verarbeitung (lit. b)
record-col-data-categories = Art der personenbezogenen Daten (lit. b)
record-col-special-categories = Besondere Kategorien, Art. 9 und 10 DSGVO (lit. b)
record-col-data-subjects = Kategorien betroffener Personen (lit. b)
record-col-locations = Ort der Verarbeitung durch den Auftragsverarbeiter (lit. b)
record-col-transfers = Übermittlungen in Drittländer: Empfänger, Land, Garantien (lit. c)
record-col-measures = Technische und organisatorische Maßnahmen, Art. 32 Abs. 1 DSGVO (lit. d)
record-col-certifications = Zertifizierungen (lit. d)

## Der Hinweis von `dpa check` zum Datenschutzbeauftragten (Regel dpo_likely_required)

check-dpo-controller = Auftraggeber
check-dpo-processor = Auftragnehmer
check-dpo-staff = der { $party } ({ $name }) nennt keinen Datenschutzbeauftragten, obwohl dort { $count } Personen ständig mit der automatisierten Verarbeitung personenbezogener Daten beschäftigt sind; ab 20 solchen Personen muss ein deutscher { $party } einen benennen (§ 38 Abs. 1 Satz 1 BDSG)
check-dpo-special = der { $party } ({ $name }) nennt keinen Datenschutzbeauftragten, und dieser Vertrag umfasst besondere Kategorien personenbezogener Daten (Art. 9 DSGVO) oder Daten über Straftaten (Art. 10 DSGVO); ist deren Verarbeitung eine Kerntätigkeit in großem Umfang, muss er einen benennen (Art. 37 Abs. 1 lit. c DSGVO)
check-dpo-special-de = der { $party } ({ $name }) nennt keinen Datenschutzbeauftragten, und dieser Vertrag umfasst besondere Kategorien personenbezogener Daten (Art. 9 DSGVO) oder Daten über Straftaten (Art. 10 DSGVO); ist deren Verarbeitung eine Kerntätigkeit in großem Umfang (Art. 37 Abs. 1 lit. c DSGVO) oder erfordert sie eine Datenschutz-Folgenabschätzung (Art. 35 Abs. 3 lit. b DSGVO), muss er einen benennen, im zweiten Fall unabhängig von der Zahl der Beschäftigten (§ 38 Abs. 1 Satz 2 BDSG)
check-dpo-hint = prüfen Sie, ob die Pflicht besteht; wenn ja, benennen Sie einen Datenschutzbeauftragten, veröffentlichen Sie seine Kontaktdaten, teilen Sie sie der Aufsichtsbehörde mit (Art. 37 Abs. 7 DSGVO) und ergänzen Sie `{ $party }.dpo: { "{" } name: ..., email: ... { "}" }` im Vertrag

## Die Frage des Assistenten nach den Beschäftigten (Schritte zu den Parteien)

