# `dpa new`: jeder Satz, den der Assistent zeigt (Fragen, Hilfen, Ablehnungen, Zusammenfassung).
# Jede Meldung gibt es auch in locales/en/wizard.ftl, mit denselben Argumenten.

## Start, Anhalten, Entwürfe

wizard-no-terminal = `dpa new` stellt seine Fragen im Terminal, aber hier gibt es keins (die Standardeingabe ist kein Terminal).
wizard-no-terminal-help = starten Sie `dpa new` in einem Terminal, oder schreiben Sie die Vertragsdatei selbst (Vorlagen in examples/, Format in README.md) und erzeugen Sie den Vertrag mit `dpa render DATEI`
wizard-no-draft = hier gibt es keinen Entwurf zum Fortsetzen ({ $file })
wizard-no-draft-help = starten Sie mit `dpa new`; der Entwurf liegt in dem Ordner, in dem Sie `dpa new` aufgerufen haben
wizard-resuming = Entwurf fortgesetzt: weiter mit Schritt { $step } von { $steps }.
wizard-draft-found = Es gibt einen Entwurf aus einer früheren Sitzung ({ $file }, bis Schritt { $step } von { $steps }). Wie weiter?
wizard-draft-found-named = Es gibt einen Entwurf aus einer früheren Sitzung ({ $file }, { $name }, bis Schritt { $step } von { $steps }). Wie weiter?
wizard-draft-found-unreadable = Es gibt einen Entwurf aus einer früheren Sitzung ({ $file }), der sich nicht lesen lässt. Wie weiter?
wizard-draft-continue = Dort fortsetzen, wo er endete
wizard-draft-replace = Neu beginnen (der Entwurf wird ersetzt)
wizard-draft-replace-from = { $file } öffnen (der Entwurf wird ersetzt)
wizard-draft-stop = Hier anhalten (der Entwurf bleibt)
wizard-draft-kept = Der Entwurf bleibt erhalten. Fortsetzen mit: dpa new --resume
wizard-stopped = Angehalten. Ihre Antworten sind im Entwurf { $file } gespeichert (nur für Sie lesbar).
    Fortsetzen mit: dpa new --resume
wizard-draft-unreadable = { $file }: Der Entwurf ließ sich nicht lesen ({ $reason }); löschen Sie ihn und beginnen Sie neu mit `dpa new`
wizard-draft-other-version = { $file }: Der Entwurf stammt von einer anderen Version von dpagen (Aufbau { $version }); löschen Sie ihn und beginnen Sie neu mit `dpa new`
wizard-intro = dpa new – Auftragsverarbeitungsvertrag nach Art. 28 DSGVO, Frage für Frage.
    Enter übernimmt den Vorschlag. Esc geht eine Frage zurück. Ctrl-C hält an; Ihre Antworten bleiben im Entwurf und `dpa new --resume` setzt fort.
wizard-step = Schritt { $step } von { $steps }: { $title }
wizard-back-first = Das ist die erste Frage; davor gibt es keine.
wizard-went-back = ↩ zurück zur vorigen Frage

## Das Terminal: Tasten, ja und nein, Listen

wizard-terminal-failed = Das Terminal hat versagt: { $error }
wizard-keys-text = Enter bestätigt · Ctrl-U leert · Esc zurück · Ctrl-C hält an
wizard-keys-complete = Tab ergänzt · ↑↓ Vorschlag wählen · Enter bestätigt · Ctrl-U leert · Esc zurück
wizard-keys-refused = Tippen ersetzt die Antwort · ← → bearbeiten · Esc zurück
wizard-keys-suggested = Enter übernimmt den Vorschlag · Tippen ersetzt ihn · ← → bearbeiten · Esc zurück
wizard-keys-confirm = j oder n, Enter bestätigt · Esc zurück · Ctrl-C hält an
wizard-keys-select = ↑↓ bewegen · Tippen filtert · Enter wählt · Esc zurück
wizard-keys-multi = ↑↓ bewegen · Tab (oder Leertaste ohne Filter) hakt an/ab · → alle, ← keine · Tippen filtert · Enter weiter · Esc zurück
wizard-list-nothing = nichts gefunden; Backspace oder Ctrl-U ändert den Filter
wizard-list-in-contract = Im Vertrag:
wizard-list-position = Einträge { $from }–{ $to } von { $all }
wizard-tick-at-least-one = Bitte mindestens einen Eintrag ankreuzen (Tab oder Leertaste)
wizard-none = keine
wizard-and-more = +{ $count } weitere
wizard-yes = ja
wizard-no = nein
wizard-yes-no-default-yes = J/n
wizard-yes-no-default-no = j/N
wizard-confirm-refused = Bitte j (ja) oder n (nein) eingeben

## Die Schritte

wizard-section-start = Sprache und Rolle
wizard-section-controller-own = Auftraggeber (Verantwortlicher) – Ihr Unternehmen
wizard-section-controller-client = Auftraggeber (Verantwortlicher) – Ihr Kunde
wizard-section-processor-provider = Auftragnehmer (Auftragsverarbeiter) – Ihr Dienstleister
wizard-section-processor-own = Auftragnehmer (Auftragsverarbeiter) – Ihr Unternehmen
wizard-section-agreement = Hauptvertrag und Laufzeit
wizard-section-processing = Gegenstand, Zweck und Art der Verarbeitung
wizard-section-data = Datenkategorien und betroffene Personen
wizard-section-locations = Orte der Verarbeitung
wizard-section-instructions = Weisungen
wizard-section-security = Technische und organisatorische Maßnahmen (TOM)
wizard-section-subprocessors = Unterauftragsverarbeiter
wizard-section-terms = Meldefrist, Kontrollen, Vertragsende, Haftung
wizard-section-options = Optionale Klauseln
wizard-section-signatories = Unterschriften
wizard-section-summary = Zusammenfassung und Prüfung

## Antworten: gemeinsame Fragen und Ablehnungen

wizard-understood = → verstanden als { $value }
wizard-street = Straße und Hausnummer
wizard-postal-code = Postleitzahl
wizard-city = Ort
wizard-date-optional-help = z. B. 1.12.2026 oder 2026-12-01; leer lassen, wenn es keins gibt
wizard-country-help = ISO-Code wie DE, AT, FR, US oder der Name; Tab ergänzt
wizard-countries-help = ISO-Codes oder Namen, durch Komma getrennt, z. B. DE, IE; Tab ergänzt
wizard-keep-entries = Diese Einträge behalten? (Häkchen entfernen, was wegfallen soll)
wizard-add-more-help = leer lassen und Enter drücken, um weiterzugehen
wizard-at-least-one-item = Bitte mindestens einen Eintrag wählen oder als Freitext angeben.
wizard-menu-done = Fertig, weiter
wizard-menu-edit = Ändern: { $entry }
wizard-menu-remove = Entfernen: { $entry }
wizard-refuse-empty = Bitte geben Sie eine Antwort ein; diese Angabe wird gebraucht
wizard-refuse-too-long = Die Antwort ist { $count } Zeichen lang; höchstens { $limit } passen. Bitte kürzen Sie sie; lange Beschreibungen gehören in den Hauptvertrag
wizard-refuse-invisible = Die Antwort enthält ein unsichtbares Zeichen ({ $code }), das oft beim Kopieren mitkommt; bitte tippen Sie sie neu oder entfernen Sie das Zeichen
wizard-refuse-email = „{ $answer }“ ist keine E-Mail-Adresse; schreiben Sie sie wie name@example.de
wizard-refuse-email-space = „{ $answer }“ enthält ein Leerzeichen; eine E-Mail-Adresse hat keins, z. B. name@example.de
wizard-refuse-phone = „{ $answer }“ ist keine Telefonnummer; verwenden Sie Ziffern, Leerzeichen und + - / ( ), z. B. +49 221 000000
wizard-refuse-date = „{ $answer }“ ist kein Datum; schreiben Sie z. B. 1.12.2026 oder 2026-12-01
wizard-refuse-number-empty = Bitte geben Sie eine Zahl ein
wizard-refuse-number = „{ $answer }“ ist keine Zahl; bitte eine ganze Zahl eingeben, z. B. 24
wizard-refuse-number-decimal = „{ $answer }“ ist keine ganze Zahl; bitte eine ganze Zahl eingeben, z. B. 24
wizard-refuse-number-negative = Die Zahl darf nicht negativ sein; bitte 0 oder mehr eingeben
wizard-refuse-number-too-big = Die Zahl ist zu groß; höchstens { $max }
wizard-refuse-number-unit = Bitte nur die Zahl eingeben, ohne „{ $unit }“, z. B. { $number }
wizard-refuse-country = „{ $answer }“ ist kein Land, das wir kennen; geben Sie den ISO-Code ein, z. B. DE, AT, FR, US, oder den Anfang des Namens und drücken Sie Tab
wizard-refuse-country-several = „{ $answer }“ passt zu mehreren Ländern: { $countries }; geben Sie mehr vom Namen ein oder den ISO-Code
wizard-refuse-countries-empty = Bitte nennen Sie mindestens ein Land

## Schritt 1: Sprache und Rolle

wizard-language = In welcher Sprache soll der Vertrag sein?
wizard-role = Auf welcher Seite stehen Sie?
wizard-role-help = Das legt Vorschläge und die Formulierung der Fragen fest, nicht den Vertragstext
wizard-role-processor = Auftragsverarbeiter: wir verarbeiten Daten im Auftrag (Agentur, IT-Dienstleister, SaaS)
wizard-role-controller = Verantwortlicher: wir beauftragen einen Dienstleister mit unseren Daten

## Schritte 2 und 3: die Parteien

wizard-person-name = Name
wizard-person-role = Funktion (optional)
wizard-person-email = E-Mail-Adresse von { $name } (optional)
wizard-person-phone = Telefonnummer von { $name } (optional)
wizard-party-name-own = Name Ihres Unternehmens (Firma, wie im Vertrag)
wizard-party-name-controller = Name des Auftraggebers (Firma, wie im Vertrag)
wizard-party-name-processor = Name des Auftragnehmers (Firma, wie im Vertrag)
wizard-party-name-help = z. B. »Zahnarztpraxis Dr. Weber« oder »Pixelwerk GmbH«
wizard-country = Land
wizard-register = Registereintrag (optional)
wizard-register-help = z. B. »HRB 1234, Amtsgericht Köln«
wizard-representative = Vertreten durch (Name)
wizard-representative-help = die Person, die den Vertrag für das Unternehmen schließen darf
wizard-representative-role-help = z. B. Geschäftsführerin, Inhaber
wizard-representative-email-help = an diese Adresse gehen Weisungen und Meldungen, wenn keine andere genannt ist
wizard-contact-has = Eine eigene Ansprechperson für diesen Vertrag angeben?
wizard-dpo-has = Einen Datenschutzbeauftragten angeben?
wizard-dpo-has-help = Pflicht z. B. ab 20 Personen, die ständig personenbezogene Daten verarbeiten (§ 38 BDSG)

## Schritt 4: Hauptvertrag und Laufzeit

wizard-agreement-has = Gehört dieser Vertrag zu einem Hauptvertrag (Dienstleistungs-, Wartungs-, SaaS-Vertrag)?
wizard-agreement-title = Titel des Hauptvertrags
wizard-agreement-title-help = z. B. »Vertrag über Webhosting und Wartung«
wizard-agreement-date = Datum des Hauptvertrags (optional)
wizard-duration = Wie lange dauert die Verarbeitung?
wizard-duration-main-agreement = Solange der Hauptvertrag läuft
wizard-duration-fixed = Bis zu einem festen Datum
wizard-duration-indefinite = Unbefristet, kündbar
wizard-duration-until = Letzter Tag der Verarbeitung
wizard-duration-until-help = z. B. 31.12.2027 oder 2027-12-31
wizard-duration-notice = Kündigungsfrist (optional)
wizard-duration-notice-help = z. B. »drei Monate zum Quartalsende«
wizard-reference = Ihr Zeichen für diesen Vertrag (optional)
wizard-reference-help = steht in der Fußzeile, z. B. »AVV-2026-001«; ohne Angabe bildet dpagen eins
wizard-effective-date = Ab wann gilt der Vertrag? (optional; leer: mit der letzten Unterschrift)

## Schritte 5 und 6: Verarbeitung, Daten

wizard-subject-matter = Gegenstand: Was tut der Auftragnehmer?
wizard-subject-matter-help = z. B. »Hosting und Wartung der Praxis-Website mit Online-Terminbuchung«
wizard-purpose = Zweck: Wozu werden die Daten verarbeitet?
wizard-purpose-help = z. B. »Bereitstellung der Website und Verwaltung von Terminanfragen«
wizard-operations = Art der Verarbeitung: Was geschieht mit den Daten? (Art. 4 Nr. 2 DSGVO)
wizard-data-categories = Welche Arten personenbezogener Daten?
wizard-data-categories-help = ankreuzen, was verarbeitet wird
wizard-data-categories-add = Weitere Datenart als Freitext (optional)
wizard-special = Besondere Kategorien nach Art. 9 DSGVO? (meist keine)
wizard-special-help = Art. 9: Daten über Gesundheit, Herkunft, Religion, Politik, Gewerkschaft, Genetik, Biometrie, Sexualleben – streng geschützt; nur ankreuzen, was wirklich vorkommt
wizard-special-note = Hinweis: Für Art.-9-Daten verlangt die Prüfung Verschlüsselung und Rollenrechte; die TOM-Vorlage »Gesundheitswesen« enthält sie. Der Vertrag erhält dann eine Klausel zu besonders schützenswerten Daten; Schritt 9 zeigt ihren Wortlaut.
wizard-criminal = Werden Daten über Straftaten oder Verurteilungen verarbeitet? (Art. 10 DSGVO)
wizard-criminal-help = z. B. Führungszeugnisse von Beschäftigten
wizard-subjects = Wessen Daten sind es? (betroffene Personen)
wizard-subjects-help = ankreuzen, wer betroffen ist
wizard-subjects-add = Weitere Gruppe als Freitext (optional)

## Schritt 7: Orte und Übermittlungen

wizard-locations = In welchen Ländern verarbeitet der Auftragnehmer selbst die Daten?
wizard-transfer-who-processor = Auftragnehmer
wizard-transfer-adequate = { $who }: { $countries } liegt außerhalb des EWR, hat aber einen Angemessenheitsbeschluss der EU-Kommission (Art. 45 DSGVO); eine weitere Grundlage ist nicht nötig.
wizard-transfer-needed = { $who }: { $countries } liegt außerhalb des EWR ohne Angemessenheitsbeschluss. Eine Übermittlung dorthin braucht eine Rechtsgrundlage nach Art. 44–49 DSGVO. Die Möglichkeiten:
wizard-transfer-basis = Rechtsgrundlage für { $countries }

## Schritt 8: Weisungen

wizard-instructions-form = In welcher Form erteilt der Auftraggeber Weisungen?
wizard-instructions-text = Textform (z. B. E-Mail) genügt
wizard-instructions-written = Schriftlich (mit Unterschrift)
wizard-instructions-controller = Wer darf für den Auftraggeber Weisungen erteilen?
wizard-instructions-processor = Wer nimmt beim Auftragnehmer Weisungen entgegen?
wizard-persons-representative = { $name } (vertretungsberechtigt)
wizard-persons-now = { $question } Bisher: { $persons }
wizard-persons-keep = So lassen
wizard-persons-change = Andere oder weitere Personen angeben
wizard-persons-keep-which = Diese Personen behalten? (Häkchen entfernen, wer nicht genannt werden soll)
wizard-persons-add = Name einer weiteren Person (leer: fertig)

## Schritt 9: technische und organisatorische Maßnahmen

wizard-preset = Womit beginnen? Eine Vorlage, die Sie danach anpassen
wizard-preset-controller = Womit beginnen? Eine Vorlage für Ihren Dienstleister, die Sie danach anpassen
wizard-preset-keep = Bisherige Auswahl bearbeiten ({ $count } Maßnahmen)
wizard-preset-none = Ohne Vorlage, leere Liste
wizard-measures = Welche Maßnahmen setzen Sie um? (nur ankreuzen, was wirklich gilt)
wizard-measures-controller = Welche Maßnahmen setzt der Auftragnehmer um? (nur, was wirklich gilt)
wizard-measures-help = jede Maßnahme wird eine Zusage im Vertrag: ihren Wortlaut zeigt die Liste unten, bevor Sie ankreuzen
wizard-custom-keep = Eigene Maßnahmen behalten?
wizard-custom = Eigene Maßnahme, konkret beschrieben (optional; leer: weiter)
wizard-custom-area = Zu welchem Bereich von Art. 32 Abs. 1 gehört sie?
wizard-certification = Zertifizierung (optional, z. B. »ISO/IEC 27001«; leer: weiter)
wizard-review-title = Das verspricht der Vertrag – bitte lesen Sie es, bevor Sie weitergehen:
wizard-review-measures = { $count ->
    [one] Anlage zur Sicherheit, die angekreuzte Maßnahme:
   *[other] Anlage zur Sicherheit, die { $count } angekreuzten Maßnahmen:
}
wizard-review-clause = { $clause } (gilt wegen der Daten, die Sie angegeben haben):
wizard-review-clause-later = Die Klauseln, die von den Daten abhängen, zeigt die Zusammenfassung, sobald der Vertrag vollständig ist ({ $reason }).
wizard-review-question = Können Sie alle diese Zusagen einhalten? Entfernen Sie das Häkchen bei allem, was Sie nicht einhalten können; Enter bestätigt
wizard-review-help = eine Maßnahme ohne Häkchen verschwindet aus der Anlage und aus jeder Klausel, die sich auf sie bezieht
wizard-review-removed = { $count ->
    [one] Eine Maßnahme entfernt. Der Wortlaut noch einmal:
   *[other] { $count } Maßnahmen entfernt. Der Wortlaut noch einmal:
}

## Schritt 10: Unterauftragsverarbeiter

wizard-sub-authorisation = Wie werden Unterauftragsverarbeiter genehmigt? (Art. 28 Abs. 2)
wizard-sub-general = Allgemein
wizard-sub-general-help = Der Auftragnehmer kündigt Änderungen vorher an, der Auftraggeber kann Einspruch erheben (üblich)
wizard-sub-specific = Im Einzelfall
wizard-sub-specific-help = Jeder neue Unterauftragsverarbeiter braucht die vorherige Zustimmung des Auftraggebers
wizard-sub-specific-none = Bei Genehmigung im Einzelfall darf der Auftragnehmer nur die in diesem Vertrag genannten Unterauftragsverarbeiter einsetzen; jeder weitere braucht die vorherige Zustimmung des Auftraggebers. Ist keiner genannt, darf er keinen einsetzen, bis der Auftraggeber einen genehmigt. Tragen Sie jetzt alle ein, die Sie nutzen (Hosting, E-Mail, Support-Werkzeuge), oder wählen Sie die allgemeine Genehmigung.
wizard-sub-notice-days = Wie viele Tage vorher werden Änderungen angekündigt?
wizard-sub-notice-days-help = Frist für einen Einspruch; üblich sind 30 Tage, mindestens 14
wizard-sub-none = Unterauftragsverarbeiter: noch keiner. Hosting, E-Mail, Support-Tools zählen dazu.
wizard-sub-none-help = fast jeder Dienst nutzt welche (Hosting, E-Mail, Datensicherung, Support-Werkzeuge); tragen Sie jeden ein
wizard-sub-none-specific-help = bei Genehmigung im Einzelfall dürfen nur die hier genannten eingesetzt werden; tragen Sie jeden ein
wizard-sub-count = Unterauftragsverarbeiter: { $count }
wizard-sub-add = Hinzufügen
wizard-sub-remove = { $name } wirklich entfernen?
wizard-sub-name = Name des Unterauftragsverarbeiters
wizard-sub-name-help = z. B. »Hetzner Online GmbH«
wizard-sub-country = Land des Sitzes
wizard-sub-service = Welche Leistung erbringt er?
wizard-sub-service-help = z. B. »Server-Hosting im Rechenzentrum«
wizard-sub-locations = In welchen Ländern verarbeitet er die Daten?

## Schritt 11: Fristen, Kontrollen, Vertragsende, Haftung

wizard-breach-hours = Binnen wie vielen Stunden meldet der Auftragnehmer eine Datenpanne?
wizard-breach-hours-help = der Auftraggeber muss selbst binnen 72 Stunden melden (Art. 33); üblich sind 24 oder 48
wizard-audit-notice-days = Wie viele Tage vorher werden Kontrollen angekündigt?
wizard-audit-on-site = Sind Kontrollen vor Ort erlaubt?
wizard-audit-on-site-help = Art. 28 Abs. 3 lit. h nennt Inspektionen ausdrücklich
wizard-end-choice = Was geschieht am Ende mit den Daten?
wizard-end-return-then-delete = Rückgabe, dann Löschung
wizard-end-delete = Löschung
wizard-end-return = Rückgabe
wizard-end-days = Binnen wie vielen Tagen?
wizard-liability = Haftung
wizard-liability-statutory = Nach dem Gesetz (Art. 82 DSGVO)
wizard-liability-capped = Im Innenverhältnis begrenzt auf einen Betrag
wizard-liability-cap = Höchstbetrag in Euro
wizard-liability-cap-help = eine ganze Zahl, z. B. 50000 oder 50.000
wizard-governing-law = Welches Recht gilt?
wizard-jurisdiction = Gerichtsstand (optional)
wizard-jurisdiction-help = z. B. Köln

## Schritt 12: optionale Klauseln

wizard-options = Welche zusätzlichen Klauseln sollen in den Vertrag?
wizard-options-help = unter der Liste: was die markierte Klausel im Vertrag sagt
wizard-option-remote-maintenance = Fernwartung
wizard-option-remote-maintenance-help = Regeln für Fernzugriffe: protokolliert, vom Auftraggeber beobachtbar, keine Kopien.
wizard-option-data-carrier-disposal = Vernichtung von Datenträgern
wizard-option-data-carrier-disposal-help = Datenträger werden nach DIN 66399 vernichtet, mit Nachweis.
wizard-option-software-development = Programmerstellung im Auftrag
wizard-option-software-development-help = Keine Echtdaten für Tests; Regeln für Quellcode und Übergabe.
wizard-option-data-outsourcing = Auslagerung von Datenbeständen
wizard-option-data-outsourcing-help = Verschlüsselung auch bei der Übertragung, logische Trennung je Auftraggeber.
wizard-option-seizure-insolvency = Pfändung, Beschlagnahme, Insolvenz
wizard-option-seizure-insolvency-help = Der Auftragnehmer informiert sofort; die Daten gehören dem Auftraggeber.
wizard-option-no-retention = Kein Zurückbehaltungsrecht
wizard-option-no-retention-help = Daten und Datenträger dürfen nicht zurückgehalten werden (§ 273 BGB), etwa wegen offener Rechnungen.
wizard-option-professional-secrecy = Berufsgeheimnis (§ 203 StGB)
wizard-option-professional-secrecy-help = Für Ärzte, Zahnärzte, Therapeuten, Rechtsanwälte, Steuerberater: Verschwiegenheitspflicht mit Belehrung über die Strafbarkeit.
wizard-penalty = Eine Vertragsstrafe vereinbaren?
wizard-penalty-eur = Betrag je Verstoß in Euro

## Schritt 13: Unterschriften

wizard-controller = Auftraggeber
wizard-processor = Auftragnehmer
wizard-controller-lower = Auftraggeber
wizard-processor-lower = Auftragnehmer
wizard-sign-party = Unterschreibt für
wizard-sign-place = Ort der Unterschrift (optional)
wizard-signing = Es unterschreiben: { $persons }
wizard-sign-add = Person hinzufügen
wizard-sign-each-side = Für jede Seite muss mindestens eine Person unterschreiben.

## Schritt 14: Zusammenfassung und Prüfung

wizard-summary-language = Vertragssprache
wizard-summary-german = Deutsch
wizard-summary-english = Englisch
wizard-summary-main-agreement = Hauptvertrag
wizard-summary-duration = Laufzeit
wizard-summary-duration-main = wie der Hauptvertrag
wizard-summary-duration-until = bis { $date }
wizard-summary-duration-indefinite = unbefristet
wizard-summary-duration-notice = unbefristet, { $notice }
wizard-summary-subject-matter = Gegenstand
wizard-summary-purpose = Zweck
wizard-summary-operations = Verarbeitungen
wizard-summary-data = Daten
wizard-summary-special = Art. 9 / Art. 10
wizard-summary-subjects = Betroffene
wizard-summary-locations = Orte
wizard-summary-toms = TOM
wizard-summary-toms-value = { $measures } aus dem Katalog, { $custom } eigene, Zertifizierungen: { $certifications }
wizard-summary-subprocessors = Unterauftragsverarb.
wizard-summary-subprocessors-value = { $authorisation }, { $days } Tage Vorlauf: { $list }
wizard-summary-general = allgemeine Genehmigung
wizard-summary-specific = Genehmigung im Einzelfall
wizard-summary-deadlines = Fristen
wizard-summary-deadlines-value = Meldung binnen { $hours } h; Kontrollen { $audit_days } Tage vorher, vor Ort: { $on_site }; am Ende { $end } binnen { $end_days } Tagen
wizard-summary-liability = Haftung, Recht
wizard-summary-liability-statutory = gesetzliche Haftung
wizard-summary-liability-capped = Haftung begrenzt auf { $amount } EUR
wizard-summary-options = Optionale Klauseln
wizard-summary-signatories = Unterschriften
wizard-check-title = Prüfung (wie `dpa check`): { $errors ->
    [one] 1 Fehler
   *[other] { $errors } Fehler
}, { $warnings ->
    [one] 1 Warnung
   *[other] { $warnings } Warnungen
}, { $notes ->
    [one] 1 Hinweis
   *[other] { $notes } Hinweise
}
wizard-check-step = Schritt { $step } ({ $title })
wizard-check-whole = Der ganze Vertrag
wizard-summary-invalid = Der Vertrag ist so noch nicht vollständig; bitte ändern Sie die genannten Schritte.
wizard-summary-next = Wie weiter?
wizard-summary-save = Vertrag speichern
wizard-summary-save-anyway = Trotzdem speichern (die Prüfung meldet Fehler; `dpa render` lehnt einen solchen Vertrag ab)
wizard-summary-change = Ändern: { $step }. { $title }
wizard-summary-change-error = { $choice } – Fehler beheben
wizard-summary-review = Die Zusagen noch einmal lesen (Maßnahmen und Klauseln im Wortlaut)
wizard-summary-stop = Hier anhalten (der Entwurf bleibt gespeichert)

## Speichern

wizard-save-file = Dateiname des Vertrags
wizard-save-file-help = die Vertragsdatei (YAML, Format 1) für `dpa render` und `dpa batch`
wizard-overwrite = { $file } gibt es schon. Überschreiben?
wizard-saved = Gespeichert: { $file }
wizard-render-now = Jetzt das PDF erzeugen?
wizard-render-later = PDF später erzeugen mit: dpa render { $file }
wizard-rendered = PDF geschrieben: { $pdf } ({ $pages } Seiten, { $fields } Signaturfelder), dazu { $markdown }

# How many people process personal data at a party (for the DPO rule).
wizard-staff-question = Wie viele Personen verarbeiten dort ständig personenbezogene Daten am Computer? (optional)
wizard-staff-help = Ab 20 solchen Personen muss ein deutsches Unternehmen einen Datenschutzbeauftragten benennen (§ 38 Abs. 1 BDSG); unabhängig von der Größe, wenn seine Kerntätigkeit die umfangreiche Verarbeitung von Gesundheitsdaten oder anderen besonderen Kategorien ist (Art. 37 Abs. 1 DSGVO), und in Deutschland auch, wenn seine Verarbeitung eine Datenschutz-Folgenabschätzung erfordert. Mitzuzählen sind alle, die regelmäßig mit personenbezogenen Daten am Computer arbeiten, auch Teilzeitkräfte und freie Mitarbeiter.
