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
