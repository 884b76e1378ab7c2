# The documents around the contract: the TOM document (`dpa render --part toms`), the
# processor's record of processing activities (`dpa record`), and the data protection
# officer hint of `dpa check`. Every message id exists in locales/de as well, with the same
# arguments.

## The TOM document

toms-footer-label = TOM document
toms-fingerprint-note = Fingerprint (SHA-256) of the data of this document (the processor and its measures), made with dpagen { $version }, clause library { $library }. The same measures give the same fingerprint, whether rendered from a contract or from a processor file:
toms-attachment-description = The processor and its measures (dpagen processor file, format 1)
toms-attachment-header = The processor and its technical and organisational measures (dpagen processor file, format 1).
toms-keywords = technical and organisational measures, Article 32 GDPR, TOM
output-wrote = { $file }: wrote { $outputs }
output-pdf-pages = { $path } ({ $pages ->
    [one] one page
   *[other] { $pages } pages
})
toms-no-date = the TOM document has no date: add `security.as_of: YYYY-MM-DD` (the day the measures were last reviewed) so that readers can tell how current it is
render-processor-file = this is a processor file: it holds only `processor` and `security`, not the `controller`, `processing`, `subprocessors` and `signatories` a data processing agreement needs
render-processor-file-help = for the TOM document run `dpa render { $file } --part toms`; for a contract add the missing sections (see examples/dental-practice.yaml) or answer the questions of `dpa new`
