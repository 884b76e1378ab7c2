# Meldungen von `dpa batch`, von Batch-Dateien und der Auftraggeber-CSV, und die Grenzen,
# die jeder Problembericht einhält (wie viele Probleme je Datei, wie viel eines Werts
# wiederholt wird). Jede Meldung gibt es auch in locales/en, mit denselben Argumenten.

problems-not-shown = { $count ->
    [one] ein weiteres Problem in { $file } wird nicht angezeigt (die ersten { $shown } stehen oben); beheben Sie diese und starten Sie erneut
   *[other] { $count } weitere Probleme in { $file } werden nicht angezeigt (die ersten { $shown } stehen oben); beheben Sie diese und starten Sie erneut
}
value-cut = { " " }(gekürzt; { $count } Zeichen insgesamt)

# Postleitzahlen (Auftraggeber-CSV; die Regel gilt auch für Vertragsdateien).
postal-code-length = `{ $code }` hat { $length } Ziffern; Postleitzahlen in { $country } haben { $digits }
postal-code-lost-zero = eine Tabellenkalkulation hat vielleicht die führende Null entfernt: meinten Sie `{ $fixed }`? (formatieren Sie die Spalte vor dem Export als Text)
postal-code-check = prüfen Sie die Postleitzahl: sie sollte { $digits } Ziffern haben

# Die Auftraggeber-CSV.
csv-not-utf8 = die Datei ist weder UTF-8- noch Windows-1252-Text (diese Zeile liest sich wie eine andere Kodierung); Namen kämen verstümmelt heraus
csv-export-utf8 = speichern Sie die Datei als UTF-8: in Excel unter „Datei > Speichern unter“ mit dem Dateityp „CSV UTF-8 (durch Trennzeichen getrennt) (*.csv)“; in LibreOffice mit „Filtereinstellungen bearbeiten“ und dem Zeichensatz „Unicode (UTF-8)“
csv-decoded = die Datei ist nicht UTF-8; sie wurde als { $encoding } gelesen (so speichert Excel unter Windows „CSV“). Prüfen Sie Namen mit Umlauten und Akzenten in den Ergebnissen
csv-column-twice = die Spalten `{ $name }` und `{ $other }` stehen beide für die Spalte `{ $column }`
csv-column-twice-hint = benennen Sie eine davon um oder löschen Sie sie; der Name einer Person gehört in `representative_name` (Inhaber) oder `contact_name` (Ansprechpartner)
csv-did-you-mean-alias = meinten Sie `{ $alias }` (die Spalte `{ $column }`)?
csv-hint-whole-name = dpagen erwartet den ganzen Namen einer Person in einer Spalte (z. B. `Inhaber` oder `Ansprechpartner`): fassen Sie Vor- und Nachnamen in einer Spalte zusammen
csv-hint-address-parts = dpagen erwartet die Anschrift in den Spalten `street` (Straße), `postal_code` (PLZ), `city` (Ort) und `country` (Land): teilen Sie sie auf diese Spalten auf
csv-cell-without-column = diese Zelle hat einen Wert, aber ihre Spalte hat in der Kopfzeile keinen Namen
csv-cell-without-column-hint = benennen Sie die Spalte in der Kopfzeile oder leeren Sie die Zelle
csv-base-party-data-unused = der Basisvertrag enthält hier personenbezogene Daten des Auftraggebers, aber jede Zeile nennt einen anderen Auftraggeber; kein Vertrag verwendet sie

# Batch-Dateien.
defaults-party-data-unused = `defaults` enthält hier Daten { $party ->
    [controller] des Auftraggebers
   *[other] des Auftragnehmers
}, aber jeder Eintrag nennt seinen eigenen { $party ->
    [controller] Auftraggeber
   *[other] Auftragnehmer
}; kein Vertrag verwendet sie
party-data-unused-hint = entfernen Sie sie, damit die Datei keine personenbezogenen Daten eines Mandanten enthält, die kein Vertrag braucht

# Die Zusammenfassung von `dpa batch`.
failures-not-shown = { $count ->
    [one] ein weiterer Vertrag aus { $file } ist fehlgeschlagen; seine Meldungen werden nicht angezeigt (`--report DATEI` führt alle Fehlschläge auf)
   *[other] { $count } weitere Verträge aus { $file } sind fehlgeschlagen; ihre Meldungen werden nicht angezeigt (`--report DATEI` führt alle Fehlschläge auf)
}
notices-not-shown = { $count ->
    [one] eine weitere Warnung oder ein weiterer Hinweis zu { $file } wird nicht angezeigt
   *[other] { $count } weitere Warnungen und Hinweise zu { $file } werden nicht angezeigt
}
csv-cell-line-break-hint = die Zelle enthält einen Zeilenumbruch (Alt+Eingabe in Excel), diese Spalte nimmt aber nur eine Zeile: entfernen Sie den Umbruch in der Tabelle und exportieren Sie erneut (nur `street` verbindet ihre Zeilen mit Kommas)
