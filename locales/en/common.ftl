# Words and sentences shared by every command: severities, labels, counts.
# Every message id exists in locales/de as well, with the same arguments.

severity-error = error
severity-warning = warning
severity-note = note
label-help = help
problems-in-file = { $count ->
    [one] one problem in { $file }
   *[other] { $count } problems in { $file }
}
