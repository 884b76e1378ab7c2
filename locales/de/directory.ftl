# Das Verzeichnis der Auftragsverarbeiter (catalogs/processors.yaml, `--directory DATEI`),
# `ref:`-Einträge in Verträgen, `dpa processors`. Jede Meldung gibt es auch in
# locales/en/directory.ftl, mit denselben Argumenten.

## Eine Verzeichnisdatei lesen

dir-top-not-map = ein Verzeichnis der Auftragsverarbeiter besteht aus `format` und `entries`, gefunden: { $found }
dir-top-hint = eine Verzeichnisdatei hat `format: 1` und `entries:`, eine Liste der Anbieter (siehe docs/processor-directory.md)
dir-did-you-mean = meinten Sie `{ $name }`?
dir-allowed = hier erlaubt: { $names }
dir-unknown-key = unbekannter Schlüssel `{ $key }`
dir-format = ein Verzeichnis der Auftragsverarbeiter braucht `format: 1`
dir-entries = `entries` muss eine nicht leere Liste von Anbietern sein
dir-entry-not-map = ein Verzeichniseintrag besteht aus Feldern (id, name, country, …), gefunden: { $found }
dir-entry-hint = schreiben Sie `- id: ...` und darunter eingerückt die Felder des Anbieters
dir-missing = das Pflichtfeld `{ $field }` fehlt
dir-missing-hint = ergänzen Sie `{ $field }:` im Eintrag (siehe docs/processor-directory.md)
dir-source-builtin = `source` fehlt: jeder Eintrag des eingebauten Verzeichnisses nennt die Quellen seiner Angaben
dir-source-hint = ergänzen Sie `source: "stored copy: <Adresse der Seite des Anbieters>"` oder `source: "general knowledge"`
dir-text-expected = erwartet wird ein Text, gefunden: { $found }
dir-text-hint = schreiben Sie den Wert in Anführungszeichen
dir-text-padded = der Text beginnt oder endet mit Leerzeichen
dir-text-padded-hint = entfernen Sie die Leerzeichen innerhalb der Anführungszeichen
dir-id-form = die Kennung `{ $id }` darf nur aus Kleinbuchstaben und Ziffern bestehen, verbunden durch einzelne Bindestriche
dir-id-form-hint = zum Beispiel `hetzner-online`, `n8n-cloud`, `1password`
dir-id-twice = die Kennung `{ $id }` kommt zweimal vor (zuerst in Zeile { $line })
dir-id-twice-hint = geben Sie jedem Anbieter eine eigene Kennung; um einen eingebauten Eintrag zu ändern, verwenden Sie seine Kennung in Ihrer eigenen Datei
dir-country-expected = erwartet wird ein Ländercode, gefunden: { $found }
dir-country-hint = schreiben Sie einen Code nach ISO 3166-1 Alpha-2 in Großbuchstaben und Anführungszeichen, z. B. "DE"
dir-write-instead = schreiben Sie `{ $value }` (Großbuchstaben, in Anführungszeichen)
dir-country = `{ $code }` ist kein Ländercode aus catalogs/countries.yaml
dir-category = unbekannte Kategorie `{ $category }`
dir-category-hint = die Kategorien: { $names }
dir-bilingual = erwartet wird `{"{"} de: ..., en: ... {"}"}` mit genau diesen beiden Schlüsseln
dir-bilingual-hint = schreiben Sie den Text auf Deutsch unter `de` und auf Englisch unter `en`
dir-reviewed-date = `{ $value }` ist kein Datum
dir-reviewed-date-hint = schreiben Sie den Tag der Prüfung als JJJJ-MM-TT, z. B. 2026-11-30
dir-reviewed-future = das Prüfdatum { $date } liegt in der Zukunft (heute ist der { $today })
dir-reviewed-future-hint = tragen Sie den Tag ein, an dem jemand den Eintrag an seinen Quellen geprüft hat
dir-reviewed-old = der Eintrag wurde zuletzt am { $date } geprüft, vor mehr als einem Jahr
dir-reviewed-old-hint = prüfen Sie ihn an den aktuellen Bedingungen des Anbieters und setzen Sie `reviewed` auf den Tag der Prüfung
dir-map-expected = erwartet werden Schlüssel und Werte, gefunden: { $found }
dir-address-hint = schreiben Sie `address: {"{"} street: ..., postal_code: "...", city: ..., country: "DE" {"}"}`
dir-address-missing = der Anschrift fehlt `{ $field }`
dir-address-missing-hint = vervollständigen Sie die Anschrift, oder lassen Sie sie ganz weg, wenn sie nicht sicher ist
dir-address-country = die Anschrift liegt in { $address }, aber `country` des Eintrags ist { $country }
dir-address-country-hint = die Anschrift ist der Sitz der Vertragspartei; ihr Land ist `country` des Eintrags
dir-locations = `locations` muss eine nicht leere Liste von Ländercodes sein
dir-locations-hint = lassen Sie `locations` weg, wenn der Kunde die Region beim Anbieter selbst wählt
dir-listed-twice = `{ $code }` steht zweimal in der Liste
dir-listed-twice-hint = entfernen Sie den zweiten Eintrag
dir-bool = erwartet wird true oder false, gefunden: { $found }
dir-bool-hint = schreiben Sie `true` oder `false`
dir-dpf-hint = schreiben Sie `dpf: {"{"} certified: true, entity: "..." {"}"}` mit der zertifizierten Organisation
dir-dpf-entity = eine DPF-Zertifizierung muss die zertifizierte Organisation (`entity`) nennen
dir-dpa-hint = schreiben Sie `dpa: {"{"} offered: true, how: {"{"} de: ..., en: ... {"}"} {"}"}`
dir-dpa-how = `how` beschreibt, wie ein Auftragsverarbeitungsvertrag geschlossen wird; es gehört nur zu `offered: true`
dir-transfer = `transfer` muss eine nicht leere Zuordnung von Ort zu Übermittlungsgrundlage sein
dir-transfer-hint = zum Beispiel `transfer: {"{"} "US": dpf {"}"}`
dir-transfer-no-locations = `transfer` braucht `locations`: jeder Schlüssel muss einer der Verarbeitungsorte des Eintrags sein
dir-transfer-no-locations-hint = ergänzen Sie die Orte, oder lassen Sie `transfer` weg
dir-transfer-not-location = `{ $code }` ist keiner der Verarbeitungsorte des Eintrags ({ $locations })
dir-transfer-not-location-hint = nehmen Sie ihn in `locations` auf, oder entfernen Sie ihn aus `transfer`
dir-transfer-eea = { $code } liegt im EWR: eine Übermittlungsgrundlage ist nicht nötig und darf nicht angegeben werden
dir-transfer-eea-hint = entfernen Sie den Ort aus `transfer`
dir-transfer-basis = unbekannte Übermittlungsgrundlage `{ $basis }`
dir-transfer-dpf-country = `dpf` (EU-US Data Privacy Framework) gilt nur für die Vereinigten Staaten, nicht für { $code }
dir-transfer-dpf-country-hint = geben Sie für diesen Ort `scc` oder `bcr` an
dir-transfer-dpf-certified = `dpf` setzt die DPF-Zertifizierung des Eintrags voraus
dir-transfer-adequacy = für { $code } gibt es keinen Angemessenheitsbeschluss der Europäischen Kommission (catalogs/countries.yaml)
dir-transfer-adequacy-hint = geben Sie für diesen Ort `scc` oder `bcr` an
dir-location-without-basis = { $code } liegt außerhalb des EWR ohne Angemessenheitsbeschluss, und der Eintrag nennt dafür keine Übermittlungsgrundlage
dir-location-without-basis-hint = ein Vertrag mit diesem Eintrag muss sie angeben (`transfer` neben `ref`); tragen Sie sie hier ein, sobald die Grundlage des Anbieters bestätigt ist

## `ref:`-Einträge in Verträgen

dir-ref-unknown = das Verzeichnis der Auftragsverarbeiter hat keinen Eintrag `{ $id }`
dir-ref-did-you-mean = meinten Sie `{ $id }`? (`dpa processors SUCHE` listet die Kennungen)
dir-ref-find-hint = `dpa processors SUCHE` listet die Kennungen; oder beschreiben Sie den Unterauftragsverarbeiter selbst mit Name, Anschrift, Leistung und Orten
dir-ref-not-text = `ref` muss die Kennung eines Verzeichniseintrags sein, gefunden: { $found }
dir-ref-field-missing = der Verzeichniseintrag `{ $id }` nennt `{ $field }` nicht (es ist nicht bestätigt), und der Vertrag gibt es auch nicht an
dir-ref-field-missing-hint = ergänzen Sie `{ $field }:` neben `ref: { $id }` (`dpa processors show { $id }` zeigt, was der Eintrag enthält)
dir-reviewed-without-ref = `reviewed` gehört zu einem Eintrag aus dem Verzeichnis der Auftragsverarbeiter (neben `ref`)
dir-reviewed-without-ref-hint = entfernen Sie `reviewed`, oder ergänzen Sie `ref` mit der Kennung des Verzeichniseintrags
dir-ref-reviewed-date = `reviewed` neben `ref` muss das Prüfdatum des Eintrags sein (JJJJ-MM-TT)
dir-ref-reviewed-date-hint = dpagen schreibt es selbst; entfernen Sie es (mit den übrigen aus dem Verzeichnis übernommenen Feldern), um den Eintrag wieder aus dem Verzeichnis zu übernehmen

## `dpa processors`

dir-yes = ja
dir-no = nein
dir-unknown = –
dir-unknown-long = nicht bekannt
dir-dpa-offered = angeboten
dir-dpa-not-offered = nicht angeboten
dir-col-id = Kennung
dir-col-name = Name
dir-col-category = Kategorie
dir-col-country = Sitz
dir-col-dpf = DPF
dir-col-dpa = AVV
dir-list-user = * aus Ihrem Verzeichnis: { $files }
dir-list-count = { $count ->
    [one] ein Eintrag
   *[other] { $count } Einträge
} von { $total }; `dpa processors show KENNUNG` zeigt einen mit allen Angaben
dir-list-none = kein Eintrag des Verzeichnisses der Auftragsverarbeiter passt zu `{ $query }`
dir-list-none-hint = suchen Sie nach einem Teil des Namens, der Leistung oder einer Kategorie (Hosting, Newsletter, …), oder rufen Sie `dpa processors` für die ganze Liste auf
dir-show-unknown = das Verzeichnis der Auftragsverarbeiter hat keinen Eintrag `{ $id }`
dir-basis-eea = nicht erforderlich (EWR)
dir-basis-adequacy = Angemessenheitsbeschluss (Art. 45 DSGVO)
dir-basis-missing = nicht bestätigt: im Vertrag angeben
dir-field-name = Vertragspartei
dir-field-category = Kategorie
dir-field-service = Leistung
dir-field-address = Anschrift
dir-address-absent = nicht bestätigt: im Vertrag angeben
dir-field-country = Sitz
dir-field-locations = Orte der Verarbeitung
dir-locations-absent = vom Kunden gewählt oder nicht bestätigt: im Vertrag angeben
dir-field-transfer = Übermittlungsgrundlage
dir-field-dpf = EU-US Data Privacy Framework
dir-dpf-certified = zertifiziert ({ $entity })
dir-dpf-not-certified = nicht zertifiziert
dir-field-dpa = Auftragsverarbeitungsvertrag
dir-field-note = Hinweis
dir-field-source = Quellen
dir-field-reviewed = Zuletzt geprüft
dir-field-origin = Herkunft
dir-origin-builtin = das eingebaute Verzeichnis (catalogs/processors.yaml)
dir-show-use = Im Vertrag: `- {"{"} ref: { $id } {"}"}` unter subprocessors.list; Felder neben `ref` ersetzen die des Verzeichnisses.
dir-warnings-in = { $file }: das Verzeichnis der Auftragsverarbeiter wurde mit Warnungen gelesen

## Kategorien

dir-category-hosting = Hosting
dir-category-email = E-Mail und Büro
dir-category-automation = Automatisierung
dir-category-crm = CRM
dir-category-newsletter = Newsletter
dir-category-payment = Zahlung
dir-category-support = Kundensupport
dir-category-video = Videokonferenzen
dir-category-accounting = Buchhaltung
dir-category-storage = Speicher und Dateiaustausch
dir-category-analytics = Webanalyse
dir-category-forms = Formulare und Umfragen
dir-category-scheduling = Terminbuchung
dir-category-collaboration = Zusammenarbeit
dir-category-website = Website-Baukästen und Shops
dir-category-security = Sicherheit
dir-category-ai = KI und Übersetzung
dir-category-telephony = Telefonie
dir-category-remote-access = Fernzugriff
dir-category-consent = Einwilligungsverwaltung
dir-category-hr = Personal und Bewerbungen

## `dpa check`

dir-check-old = { $name } stammt aus dem Verzeichniseintrag `{ $id }`, zuletzt geprüft am { $date }, mehr als ein Jahr vor dem { $today }
dir-check-old-hint = prüfen Sie die aktuellen Bedingungen des Anbieters (Vertragspartei, Anschrift, Orte, DPF-Status) und aktualisieren Sie den Verzeichniseintrag, oder geben Sie die geprüften Felder neben `ref` an

## `contact` und `onward` eines Unterauftragsverarbeiters

sub-contact-empty = der Kontakt eines Unterauftragsverarbeiters braucht `name`, `email` oder beides
sub-contact-empty-hint = zum Beispiel `contact: {"{"} name: Datenschutzbeauftragter, email: datenschutz@example.com {"}"}`, oder entfernen Sie `contact`

## Die dem PDF beigefügte Vertragsdatei

dir-attachment-header = Von dpagen geschrieben: Unterauftragsverarbeiter aus dem Verzeichnis der Auftragsverarbeiter (`ref`) stehen hier mit den Angaben des Verzeichniseintrags (geprüft am Datum neben `ref`), damit diese Datei später denselben Vertrag ergibt.

## `dpa new`: ein Unterauftragsverarbeiter aus dem Verzeichnis

dir-wizard-question = Welcher Unterauftragsverarbeiter? Wählen Sie ihn aus dem Verzeichnis der Auftragsverarbeiter, oder geben Sie ihn selbst ein
dir-wizard-help = Tippen sucht: Name, Leistung oder Kategorie (hetzner, Newsletter, Hosting)
dir-wizard-by-hand = Anbieter selbst eingeben
dir-wizard-by-hand-help = nicht im Verzeichnis: Sie geben Name, Anschrift, Leistung und Orte ein
dir-wizard-picked = Aus dem Verzeichnis der Auftragsverarbeiter: { $name } (Eintrag zuletzt geprüft am { $date }). Enter übernimmt jeden Wert; ändern Sie, was in Ihrem Fall abweicht.
dir-wizard-note = Hinweis aus dem Verzeichnis: { $note }
dir-wizard-unconfirmed = Was das Verzeichnis nicht bestätigen konnte (die Anschrift oder die Orte), fehlt dort: bitte geben Sie es ein.

## `dpa notify`

notify-identical = { $file }: die beiden Fassungen sind gleich; es gibt nichts mitzuteilen
notify-amendment = { $file }: es haben sich nicht nur die Unterauftragsverarbeiter geändert; das ist eine Änderung des Vertrags, keine Mitteilung nach Art. 28 Abs. 2 DSGVO; außerdem geändert:
notify-amendment-hint = einer Vertragsänderung stimmen beide Parteien zu: `dpa diff ALT NEU -o ORDNER` schreibt sie mit allen Änderungen markiert; teilen Sie eine Änderung der Unterauftragsverarbeiter für sich mit
notify-csv-and-contracts = geben Sie entweder --controllers CSV oder weitere Vertragsdateien an, nicht beides
notify-other-subprocessors = { $file }: seine Unterauftragsverarbeiter sind nicht die aus { $old }, daher lässt sich die Änderung nicht auf ihn anwenden
notify-other-subprocessors-hint = benachrichtigen Sie diesen Auftraggeber mit seinen eigenen beiden Fassungen: `dpa notify SEINE-ALTE.yaml SEINE-NEUE.yaml -o ORDNER`
notify-new-version-header = { $client } mit den Unterauftragsverarbeitern aus { $new } (geschrieben von `dpa notify`).
notify-kind-notice = Mitteilung(en) über eine beabsichtigte Änderung der Unterauftragsverarbeiter
notify-kind-request = Antrag/Anträge auf Genehmigung von Unterauftragsverarbeitern
notify-summary = { $count } { $what } nach { $dir } geschrieben; { $failed } fehlgeschlagen
notify-failed = fehlgeschlagen: { $input }: { $reason }
notify-footer-notice = Mitteilung zu Unterauftragsverarbeitern vom { $date } · Vertrag { $id }
notify-footer-request = Antrag auf Genehmigung von Unterauftragsverarbeitern vom { $date } · Vertrag { $id }
notify-bad-date = --date `{ $value }` ist kein Datum (JJJJ-MM-TT)
notify-not-sent = { $file }: keine Mitteilung geschrieben, weil `dpa check` in dieser Fassung Fehler findet; beheben Sie sie zuerst (eine Mitteilung muss z. B. für jeden Ort außerhalb des EWR die Übermittlungsgrundlage nennen)
