# Meldungen zu Werten, wie Menschen sie schreiben: Länder, Zeilenumbrüche, Kommas in { },
# Datumsangaben. Jede Meldung gibt es auch in locales/en, mit denselben Argumenten.

# Ein Wert, der kein Ländercode nach ISO 3166-1 alpha-2 ist. $value ist das Geschriebene.
country-not-a-code = `{ $value }` ist kein Ländercode
country-is-alpha3 = `{ $value }` ist ein Ländercode aus drei Buchstaben; Vertragsdateien verwenden die Codes aus zwei Buchstaben nach ISO 3166-1 alpha-2
country-is-a-name = `{ $value }` ist ein Ländername, kein Ländercode
country-not-iso = `{ $value }` ist kein Ländercode nach ISO 3166-1
# $code ist der gemeinte Code, $name der Name des Landes.
country-did-you-mean = meinten Sie `{ $code }`? ({ $name })
country-hint-codes = verwenden Sie einen Ländercode nach ISO 3166-1 alpha-2 wie DE, AT, FR, US (`dpa catalog countries`)

# Zeilenumbrüche in einem einzeiligen Feld.
text-line-break = der Text enthält einen Zeilenumbruch, dieses Feld ist aber einzeilig
text-line-break-hint = schreiben Sie ihn in eine Zeile; Zeilenumbrüche bleiben nur in purpose, subject_matter und im Text eigener Maßnahmen erhalten (mit einem `|`-Block)
# Eine Liste, wo ein Text mit mehreren Zeilen stehen darf. $key ist der Schlüssel des Felds.
text-list-for-lines = schreiben Sie den Text, keine Liste; für mehrere Zeilen schreiben Sie `{ $key }: |` und darunter die Zeilen eingerückt

# Ein Komma in { } beendet einen Wert. $stray wurde zum Schlüssel, $key ist das Feld, zu dessen
# Wert es gehörte, $value der ganze Wert.
flow-comma = ein Komma beendet in {"{ }"} einen Wert, deshalb wurde `{ $stray }` als eigener Schlüssel gelesen
flow-comma-hint = setzen Sie den ganzen Wert in Anführungszeichen: `{ $key }: "{ $value }"`

# Ein Text über mehrere Zeilen ohne `|`, mit Zeilen, die mit einem Aufzählungszeichen beginnen:
# YAML fügt sie zu einer Zeile zusammen. $marker ist das Zeichen (-, *, •), $key der Schlüssel.
text-folded-list = der Text geht in einer Zeile weiter, die mit `{ $marker }` beginnt, und YAML fügt solche Zeilen zu einer zusammen
text-folded-list-lines = damit die Zeilen erhalten bleiben, schreiben Sie `{ $key }: |` und darunter die Zeilen eingerückt
text-folded-list-one = dieses Feld ist einzeilig: schreiben Sie es ohne die Zeilen mit `{ $marker }`, oder setzen Sie diese in purpose oder subject_matter
