# Wörter und Sätze, die alle Befehle teilen: Schweregrade, Beschriftungen, Zählungen.
# Jede Meldung gibt es auch in locales/en, mit denselben Argumenten.

severity-error = Fehler
severity-warning = Warnung
severity-note = Hinweis
label-help = Tipp
problems-in-file = { $count ->
    [one] ein Problem in { $file }
   *[other] { $count } Probleme in { $file }
}
