# Messages of `dpa batch`, batch files and the controllers CSV, and the limits every
# problem report keeps (how many problems per file, how much of a value is echoed).
# Every message id exists in locales/de as well, with the same arguments.

problems-not-shown = { $count ->
    [one] one more problem in { $file } is not shown (the first { $shown } are above); fix those and run again
   *[other] { $count } more problems in { $file } are not shown (the first { $shown } are above); fix those and run again
}
value-cut = { " " }(cut; { $count } characters in all)

# Postal codes (controllers CSV; the rule is shared with contract files).
postal-code-length = `{ $code }` has { $length } digits; postal codes in { $country } have { $digits }
postal-code-lost-zero = a spreadsheet may have dropped the leading zero: did you mean `{ $fixed }`? (format the column as text before you export)
postal-code-check = check the postal code: it should have { $digits } digits

# The controllers CSV.
csv-not-utf8 = the file is not UTF-8 text, and it is not Windows-1252 either (this line reads as a different encoding would); names would come out garbled
csv-export-utf8 = save the file as UTF-8: in Excel "File > Save As" with the type "CSV UTF-8 (Comma delimited) (*.csv)"; in LibreOffice tick "Edit filter settings" and choose the character set "Unicode (UTF-8)"
csv-decoded = the file is not UTF-8; it was read as { $encoding } (what Excel writes as "CSV" on Windows). Check the names with umlauts and accents in the results
csv-column-twice = the columns `{ $name }` and `{ $other }` both stand for the column `{ $column }`
csv-column-twice-hint = rename or delete one of them; a person's name belongs under `representative_name` (Inhaber) or `contact_name` (Ansprechpartner)
csv-did-you-mean-alias = did you mean `{ $alias }` (the column `{ $column }`)?
csv-hint-whole-name = dpagen takes a person's whole name in one column (e.g. `Inhaber` or `Ansprechpartner`): put first and last name together in one column
csv-hint-address-parts = dpagen takes the address in the columns `street` (Straße), `postal_code` (PLZ), `city` (Ort) and `country` (Land): split it into these columns
csv-cell-without-column = this cell has a value, but its column has no name in the header row
csv-cell-without-column-hint = name the column in the header row, or empty the cell
csv-base-party-data-unused = the base contract holds the controller's personal data here, but every row names another controller, so no contract uses it

# Batch files.
defaults-party-data-unused = `defaults` holds { $party ->
    [controller] the controller's
   *[other] the processor's
} data here, but every entry names its own { $party ->
    [controller] controller
   *[other] processor
}, so no contract uses it
party-data-unused-hint = remove it, so that the file carries no personal data of a client that no contract needs

# The summary of `dpa batch`.
failures-not-shown = { $count ->
    [one] one more contract of { $file } failed; its messages are not shown (`--report FILE` lists every failure)
   *[other] { $count } more contracts of { $file } failed; their messages are not shown (`--report FILE` lists every failure)
}
notices-not-shown = { $count ->
    [one] one more warning or note about { $file } is not shown
   *[other] { $count } more warnings and notes about { $file } are not shown
}
csv-cell-line-break-hint = the cell has a line break (Alt+Enter in Excel), but this column takes one line: remove the line break in the spreadsheet and export again (only `street` joins its lines with commas)
