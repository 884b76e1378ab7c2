# Meldungen von `dpa batch`, von Batch-Dateien und der Auftraggeber-CSV, und die Grenzen,
# die jeder Problembericht einhält (wie viele Probleme je Datei, wie viel eines Werts
# wiederholt wird). Jede Meldung gibt es auch in locales/en, mit denselben Argumenten.

problems-not-shown = { $count ->
    [one] ein weiteres Problem in { $file } wird nicht angezeigt (die ersten { $shown } stehen oben); beheben Sie diese und starten Sie erneut
   *[other] { $count } weitere Probleme in { $file } werden nicht angezeigt (die ersten { $shown } stehen oben); beheben Sie diese und starten Sie erneut
}
value-cut = { " " }(gekürzt; { $count } Zeichen insgesamt)
