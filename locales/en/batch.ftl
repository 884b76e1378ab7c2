# Messages of `dpa batch`, batch files and the controllers CSV, and the limits every
# problem report keeps (how many problems per file, how much of a value is echoed).
# Every message id exists in locales/de as well, with the same arguments.

problems-not-shown = { $count ->
    [one] one more problem in { $file } is not shown (the first { $shown } are above); fix those and run again
   *[other] { $count } more problems in { $file } are not shown (the first { $shown } are above); fix those and run again
}
value-cut = { " " }(cut; { $count } characters in all)
