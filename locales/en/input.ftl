# Messages about values as people write them: countries, line breaks, commas in { } maps,
# dates. Every message id exists in locales/de as well, with the same arguments.

# A value that is not an ISO 3166-1 alpha-2 code. $value is what was written.
country-not-a-code = `{ $value }` is not a country code
country-is-alpha3 = `{ $value }` is a three-letter country code; contract files use the two-letter ISO 3166-1 alpha-2 codes
country-is-a-name = `{ $value }` is a country name, not a country code
country-not-iso = `{ $value }` is not an ISO 3166-1 country code
# $code is the alpha-2 code meant, $name the country's name.
country-did-you-mean = did you mean `{ $code }`? ({ $name })
country-hint-codes = use an ISO 3166-1 alpha-2 code such as DE, AT, FR, US (`dpa catalog countries`)

# Line breaks in a field that takes one line.
text-line-break = the text has a line break, but this field takes one line
text-line-break-hint = write it on one line; line breaks are kept only in purpose, subject_matter and the text of custom measures (with a `|` block)
# A list where a text that may have several lines is expected. $key is the field's key.
text-list-for-lines = write the text, not a list; for several lines write `{ $key }: |` and the lines indented below it

# A comma inside { } ends a value. $stray is what became a key, $key the field whose value
# it belonged to, $value the whole value as written.
flow-comma = a comma ends a value inside {"{ }"}, so `{ $stray }` was read as a key of its own
flow-comma-hint = put the whole value in quotes: `{ $key }: "{ $value }"`

# A text over several lines without `|`, with lines starting with a bullet: YAML folds them
# into one line. $marker is the bullet (-, *, •), $key the field's key.
text-folded-list = the text goes on in a line that starts with `{ $marker }`, and YAML joins such lines into one
text-folded-list-lines = to keep the lines, write `{ $key }: |` and the lines indented below it
text-folded-list-one = this field takes one line: write it without the `{ $marker }` lines, or put them in purpose or subject_matter
