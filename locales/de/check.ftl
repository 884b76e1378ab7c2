# `dpa check`: Befunde zu Übermittlungen, besonders schützenswerten Daten,
# Unterauftragsverarbeitern und Berufsgeheimnissen. Jede Kennung steht mit denselben
# Argumenten auch in locales/en/check.ftl. Befunde stehen hinter „Fehler:“, „Warnung:“ oder
# „Hinweis:“ und einem Feldpfad und beginnen daher klein.

check-who-processor = der Auftragnehmer
check-who-subprocessor = der Unterauftragsverarbeiter { $name }

check-transfer-basis-missing = { $who } verarbeitet in { $place }, außerhalb des EWR und ohne Angemessenheitsbeschluss, aber es ist keine Übermittlungsgrundlage angegeben (Kapitel V DSGVO, Art. 44 bis 50)
check-transfer-basis-missing-hint-us = geben Sie für die USA `dpf` an, wenn der Empfänger unter dem EU-US Data Privacy Framework zertifiziert ist, sonst `scc` (oder bcr, derogation); brauchen die Orte verschiedene Grundlagen, schreiben Sie eine Zuordnung, z. B. `transfer: {"{"} US: dpf, IN: scc {"}"}`
check-transfer-basis-missing-hint = geben Sie `scc` (Standardvertragsklauseln, Durchführungsbeschluss (EU) 2021/914), bcr oder derogation an; brauchen die Orte verschiedene Grundlagen, schreiben Sie eine Zuordnung, z. B. `transfer: {"{"} US: dpf, IN: scc {"}"}`
check-dpf-outside-us = das EU-US Data Privacy Framework erfasst nur Empfänger in den Vereinigten Staaten, nicht { $place }
check-dpf-outside-us-hint = geben Sie für { $code } eine andere Grundlage an (scc, bcr), z. B. `transfer: {"{"} US: dpf, { $code }: scc {"}"}`
check-adequacy-without-decision = für { $place } gibt es keinen Angemessenheitsbeschluss
check-adequacy-without-decision-hint-us = für die USA `dpf` (zertifizierte Empfänger) oder `scc` verwenden
check-adequacy-without-decision-hint = `scc`, `bcr` oder `derogation` verwenden

check-third-country = { $who } verarbeitet außerhalb des EWR: { $bases }
check-basis-group = { $places }: { $basis }
check-basis-group-scc = { $places }: { $basis }, Modul { $module }
check-basis-group-missing = { $places }: keine Grundlage
check-third-country-hint-safeguards = bewahren Sie die Unterlagen zur Übermittlung und die Prüfung der Rechtslage im Drittland (Transfer Impact Assessment, Art. 46 DSGVO) auf; prüfen Sie die Grundlagen, sobald sich die Orte ändern
check-third-country-hint = bewahren Sie die Unterlagen zur Übermittlung auf; prüfen Sie die Grundlagen, sobald sich die Orte ändern

check-transfer-basis-unused = { $who } verarbeitet nur innerhalb des EWR; die angegebene Übermittlungsgrundlage ist nicht nötig
check-transfer-basis-unused-hint = entfernen Sie `transfer` oder prüfen Sie die Orte
check-transfer-entry-unused = { $place } liegt im EWR; dort ist keine Übermittlungsgrundlage nötig
check-transfer-entry-unused-hint = entfernen Sie `{ $code }` aus `transfer`
check-transfer-basis-not-applied = { $who }: die angegebene Grundlage ({ $basis }) trägt an keinem Ort außerhalb des EWR; stattdessen gelten die Angemessenheitsbeschlüsse für { $places }
check-transfer-basis-not-applied-hint = geben Sie die Grundlage je Ort an oder entfernen Sie `transfer`

check-dpf-non-us-entity = { $who } hat seinen Sitz in { $seat }; das EU-US Data Privacy Framework erfasst nur die Organisation in den Vereinigten Staaten, die die Daten empfängt, und diese muss selbst zertifiziert sein
check-dpf-non-us-entity-hint = stellen Sie sicher, dass der Empfänger in den USA in der Data Privacy Framework List steht (und führen Sie ihn als Unterauftragsverarbeiter auf, wenn er ein anderes Unternehmen ist); andernfalls geben Sie für US `scc` an

check-adequacy-scope = { $who } stützt sich auf den Angemessenheitsbeschluss für { $place }, der erfasst: { $scope }
check-adequacy-scope-hint = stellen Sie sicher, dass der Empfänger darunter fällt; andernfalls geben Sie für { $code } eine andere Grundlage an, z. B. `scc`

check-adequacy-expires = der Angemessenheitsbeschluss für { $place } ({ $decision }) läuft am { $date } aus, also im ersten Vertragsjahr ({ $who })
check-adequacy-expired = der Angemessenheitsbeschluss für { $place } ({ $decision }) ist am { $date } ausgelaufen, vor Beginn dieses Vertrags ({ $who })
check-adequacy-expires-hint = verfolgen Sie die Verlängerung und vereinbaren Sie Standardvertragsklauseln als Rückfalllösung, oder überprüfen Sie den Vertrag vor diesem Datum
check-decision-number = Beschluss { $number }
check-decision-date = Beschluss vom { $date }

check-derogation-regular = { $who } stützt sich für { $places } auf eine Ausnahme nach Art. 49 DSGVO; Ausnahmen gelten für gelegentliche Übermittlungen, nicht für die regelmäßigen, wiederholten Übermittlungen einer Auftragsverarbeitung
check-derogation-regular-hint = verwenden Sie stattdessen Standardvertragsklauseln (`scc`) oder verbindliche interne Datenschutzvorschriften (`bcr`)

check-what-art9 = besondere Kategorien personenbezogener Daten (Art. 9)
check-what-art10 = Daten über strafrechtliche Verurteilungen und Straftaten (Art. 10)
check-what-both = besondere Kategorien personenbezogener Daten (Art. 9) und Daten über strafrechtliche Verurteilungen und Straftaten (Art. 10)
check-sensitive-third-country = der Vertrag umfasst { $what }, und diese werden außerhalb des EWR verarbeitet ({ $places }); solche Übermittlungen brauchen zusätzliche Schutzmaßnahmen
check-sensitive-third-country-hint = vereinbaren Sie diese und beschreiben Sie sie in Anlage 3: Verschlüsselung mit Schlüsseln ausschließlich im EWR, Pseudonymisierung vor der Übermittlung, Zugriff nur für namentlich bestimmte Personen mit Protokollierung und eine Prüfung der Rechtslage im Drittland, die diese Daten einschließt

check-scc-member-state-missing = es werden Standardvertragsklauseln verwendet ({ $who }), aber kein EU-Mitgliedstaat für ihr anwendbares Recht und ihren Gerichtsstand (Klauseln 17 und 18 des Durchführungsbeschlusses (EU) 2021/914) lässt sich bestimmen: weder das Land des Auftraggebers noch das vereinbarte Recht ist ein EU-Mitgliedstaat
check-scc-member-state-missing-hint = ergänzen Sie unter `terms` den Eintrag `scc_member_state:` mit einem EU-Mitgliedstaat, z. B. `scc_member_state: IE`

check-specific-without-list = die Genehmigung im Einzelfall ist gewählt und kein Unterauftragsverarbeiter ist aufgeführt: der Auftragnehmer darf keinen einsetzen, bis der Auftraggeber einen im Einzelfall genehmigt
check-specific-without-list-hint = führen Sie die Unterauftragsverarbeiter auf, die der Auftragnehmer bereits einsetzt; wählen Sie `general`, wenn Änderungen nach Ankündigung möglich sein sollen

check-secrecy-reason-name = den Namen des Auftraggebers
check-secrecy-reason-health = Gesundheitsdaten
check-secrecy-reason-patients = Patienten als betroffene Personen
check-professional-secrecy = der Auftraggeber unterliegt möglicherweise einem Berufsgeheimnis (§ 203 StGB; erkennbar an { $reason }), aber `options.professional_secrecy` ist nicht gesetzt
check-professional-secrecy-hint = ist der Auftraggeber Arzt, Zahnarzt, Therapeut, Rechtsanwalt, Steuerberater oder ein anderer Berufsgeheimnisträger nach § 203 StGB, setzen Sie unter `options` den Eintrag `professional_secrecy: true`: der Auftragnehmer verpflichtet sich dann zur Verschwiegenheit mit Belehrung über die Strafbarkeit

# Einlesen der Vertragsdatei: Übermittlungsgrundlagen je Ort, internationale Organisationen,
# Mitgliedstaat der Standardvertragsklauseln.
input-did-you-mean = meinten Sie `{ $value }`?
input-known-organisations = bekannte internationale Organisationen: { $list }
input-unknown-organisation = `{ $value }` ist keine bekannte internationale Organisation
input-not-eu-member-state = { $name } ({ $code }) ist kein Mitgliedstaat der Europäischen Union
input-not-eu-member-state-hint = die Standardvertragsklauseln (Durchführungsbeschluss (EU) 2021/914, Klauseln 17 und 18) brauchen das Recht und die Gerichte eines EU-Mitgliedstaats, z. B. DE, IE, NL
input-transfer-map-empty = die Zuordnung der Übermittlungsgrundlagen ist leer
input-transfer-map-empty-hint = geben Sie je Ort eine Grundlage an, z. B. `{"{"} US: dpf, IN: scc {"}"}`, oder entfernen Sie `transfer`
input-transfer-entry-empty = für `{ $location }` ist keine Übermittlungsgrundlage angegeben
input-transfer-entry-empty-hint = schreiben Sie eine von: adequacy, dpf, scc, bcr, derogation
input-transfer-entry-not-a-location = `{ $location }` hat eine Übermittlungsgrundlage, ist aber keiner der Orte ({ $locations })
input-transfer-entry-not-a-location-hint = ergänzen Sie `{ $location }` bei den Orten oder entfernen Sie den Eintrag aus `transfer`
input-transfer-entry-twice = `{ $location }` ist doppelt angegeben
input-transfer-entry-twice-hint = entfernen Sie den zweiten Eintrag
