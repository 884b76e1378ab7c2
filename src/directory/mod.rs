//! The processor directory: vendors that agencies, freelancers and SaaS vendors use as
//! (sub)processors, with their legal entity, seat, processing locations, Data Privacy
//! Framework status, how their data processing agreement is concluded and the usual
//! transfer basis per location.
//!
//! - The built-in directory is `catalogs/processors.yaml` (data, not code; its format and
//!   policies are in `docs/processor-directory.md`), embedded in the binary.
//! - A user directory (`--directory FILE`, same format) replaces built-in entries with the
//!   same id as a whole and adds new ones ([`Directory::with_user_file`]).
//! - [`parse`] reads and validates a directory file, every problem at once, at its line and
//!   column; [`resolve`] turns `{ ref: ID, ...overrides }` entries of a contract's
//!   subprocessor list into plain subprocessors; [`print`] is what `dpa processors` shows.
//!
//! Every command reads the same directory, as it reads the same catalogs: the command line
//! [`install`]s the user's directory once before any contract is loaded, and the loaders
//! use [`active`] (the built-in directory when nothing was installed).

pub mod parse;
pub mod print;
pub mod resolve;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};

use crate::error::{InputError, Location, Problem, Severity};
use crate::model::{Date, TransferBasis};
use crate::{Error, Lang};

/// The built-in directory file, embedded at build time.
pub const BUILTIN: &str = include_str!("../../catalogs/processors.yaml");

/// The name the built-in file has in messages.
pub const BUILTIN_PATH: &str = "catalogs/processors.yaml";

/// The service categories of directory entries (`docs/processor-directory.md`); their
/// names in both languages are the messages `dir-category-…`.
pub const CATEGORIES: &[&str] = &[
    "hosting",
    "email",
    "automation",
    "crm",
    "newsletter",
    "payment",
    "support",
    "video",
    "accounting",
    "storage",
    "analytics",
    "forms",
    "scheduling",
    "collaboration",
    "website",
    "security",
    "ai",
    "telephony",
    "remote-access",
    "consent",
    "hr",
];

/// A review date older than this many days is reported (a warning when the directory is
/// read, a note in `dpa check` for every entry a contract uses).
pub const REVIEW_MAX_DAYS: i64 = 365;

/// A text in German and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// The text in a language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// The postal address of a vendor's contracting entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// Postal code (absent only where the country has none).
    pub postal_code: Option<String>,
    /// City.
    pub city: String,
    /// ISO 3166-1 alpha-2 code; equals the entry's `country`.
    pub country: String,
}

/// Whether a DPA (Art. 28(3) GDPR) is offered, and how it is concluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DpaOffer {
    /// A DPA is offered.
    pub offered: bool,
    /// How it is concluded (only with `offered`).
    pub how: Option<Bilingual>,
}

/// The vendor's status under the EU-US Data Privacy Framework when reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dpf {
    /// Certified.
    pub certified: bool,
    /// The certified organisation (often the US parent).
    pub entity: Option<String>,
}

/// Where an entry comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `catalogs/processors.yaml`.
    BuiltIn,
    /// A user directory file (`--directory FILE`).
    User(PathBuf),
}

/// One vendor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Lowercase, hyphenated: what a contract writes in `{ ref: ID }`.
    pub id: String,
    /// The legal entity that contracts with customers in the EU.
    pub name: String,
    /// Its address, where certain.
    pub address: Option<Address>,
    /// Its seat (ISO 3166-1 alpha-2).
    pub country: String,
    /// Where the vendor states it processes customer data; empty where it lets the
    /// customer choose or where it was not confirmed.
    pub locations: Vec<String>,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// What the service is.
    pub service: Bilingual,
    /// DPF status, where known.
    pub dpf: Option<Dpf>,
    /// DPA offer, where known.
    pub dpa: Option<DpaOffer>,
    /// The basis per location outside the EEA, in file order.
    pub transfer: Vec<(String, TransferBasis)>,
    /// What a user must know or add.
    pub note: Option<Bilingual>,
    /// Where the facts come from.
    pub source: Option<String>,
    /// When a person last checked the entry.
    pub reviewed: Date,
    /// Built-in or the user's file.
    pub origin: Origin,
    /// Where the entry starts in its file.
    pub location: Location,
}

/// The directory: entries by id, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    entries: BTreeMap<String, Entry>,
}

/// The warnings about a user directory file, printable with their lines.
#[derive(Debug, Clone, Default)]
pub struct Warnings {
    /// The file.
    pub file: PathBuf,
    /// Its text, for the excerpts.
    pub text: String,
    /// The warnings, in file order.
    pub problems: Vec<Problem>,
}

impl std::fmt::Display for Warnings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for p in &self.problems {
            crate::error::write_problem(f, &self.file, &self.text, Severity::Warning, p)?;
        }
        Ok(())
    }
}

/// A directory file read with its problems: what could be read, the errors (the file is
/// refused if there is any) and the warnings.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The valid entries.
    pub entries: Vec<Entry>,
    /// Errors: the file is not a valid directory.
    pub errors: Vec<Problem>,
    /// Warnings: the file is valid but something needs attention.
    pub warnings: Vec<Problem>,
}

impl Directory {
    /// A directory of these entries; a later entry with the same id replaces an earlier
    /// one.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Directory {
        Directory {
            entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect(),
        }
    }

    /// The built-in directory, parsed once per process.
    ///
    /// Errors: `Error::Internal` if the embedded file is invalid (a defect the tests catch).
    pub fn builtin() -> Result<&'static Directory, Error> {
        static BUILT_IN: LazyLock<Result<Directory, String>> = LazyLock::new(|| {
            let parsed = parse::parse(BUILTIN, &parse::Rules::builtin(None));
            match parsed.errors.first() {
                Some(p) => Err(format!(
                    "{BUILTIN_PATH}:{}:{}: {}",
                    p.location.line, p.location.column, p.message
                )),
                None => Ok(Directory::from_entries(parsed.entries)),
            }
        });
        BUILT_IN.as_ref().map_err(|e| {
            Error::Internal(format!("the built-in processor directory is broken: {e}"))
        })
    }

    /// The built-in directory with the entries of a user file: an entry with an id of the
    /// built-in directory replaces that entry as a whole, a new id adds one. `today` is the
    /// date review dates are compared with. Returns the directory and the file's warnings.
    ///
    /// Errors: `Error::Io` if the file cannot be read; `Error::Input` with every problem of
    /// the file (file, line, column, hint).
    pub fn with_user_file(path: &Path, today: Date) -> Result<(Directory, Warnings), Error> {
        let text = crate::input::read_text(path)?;
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let rules = parse::Rules::user(path, today);
        let parsed = parse::parse(body, &rules);
        if !parsed.errors.is_empty() {
            return Err(Error::Input(InputError::new(path, &text, parsed.errors)));
        }
        let mut dir = Directory::builtin()?.clone();
        for e in parsed.entries {
            dir.entries.insert(e.id.clone(), e);
        }
        let warnings = Warnings {
            file: path.to_path_buf(),
            text: text.clone(),
            problems: parsed.warnings,
        };
        Ok((dir, warnings))
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// All entries, by id.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The id nearest to a mistyped one, by id and by name (`hetzner` -> `hetzner-online`).
    pub fn suggest(&self, wrong: &str) -> Option<&str> {
        let w = wrong.to_lowercase();
        if let Some(e) = self
            .entries()
            .find(|e| e.id.starts_with(&w) || (w.len() >= 3 && e.id.contains(&w)))
        {
            return Some(&e.id);
        }
        crate::error::did_you_mean(wrong, self.entries.keys().map(String::as_str)).or_else(|| {
            self.entries()
                .find(|e| w.len() >= 3 && e.name.to_lowercase().contains(&w))
                .map(|e| e.id.as_str())
        })
    }

    /// The entries matching every word of `query` (case does not matter) in their id,
    /// name, service or category, each in both languages; all entries for an empty query.
    /// Ordered by category, then name.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let mut hits: Vec<&Entry> = self
            .entries()
            .filter(|e| {
                let hay = e.search_text();
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect();
        hits.sort_by(|a, b| {
            category_rank(&a.category)
                .cmp(&category_rank(&b.category))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                .then_with(|| a.id.cmp(&b.id))
        });
        hits
    }
}

/// Where a category stands in [`CATEGORIES`] (unknown ones last).
fn category_rank(c: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|x| *x == c)
        .unwrap_or(CATEGORIES.len())
}

/// The name of a category in a language (`hosting` -> "Hosting", `email` -> "E-Mail").
pub fn category_name(category: &str, lang: Lang) -> String {
    let id = format!("dir-category-{category}");
    if crate::i18n::has_message(lang, &id) {
        crate::i18n::text_in(lang, &id, &[])
    } else {
        category.to_string()
    }
}

impl Entry {
    /// Everything a search looks at, lower case.
    fn search_text(&self) -> String {
        [
            self.id.as_str(),
            &self.name,
            &self.service.de,
            &self.service.en,
            &self.category,
            &category_name(&self.category, Lang::De),
            &category_name(&self.category, Lang::En),
        ]
        .join("\n")
        .to_lowercase()
    }

    /// The transfer basis the entry states for a location.
    pub fn basis(&self, location: &str) -> Option<TransferBasis> {
        self.transfer
            .iter()
            .find(|(l, _)| l == location)
            .map(|(_, b)| *b)
    }

    /// Whether the review date lies more than [`REVIEW_MAX_DAYS`] before `today`.
    pub fn review_is_old(&self, today: Date) -> bool {
        today.days_since(self.reviewed) > REVIEW_MAX_DAYS
    }
}

static ACTIVE: OnceLock<Directory> = OnceLock::new();

/// Makes `dir` the directory every loader of this process uses (the command line calls it
/// once, with the user's `--directory`, before reading any contract).
///
/// Errors: `Error::Internal` if a directory was installed before.
pub fn install(dir: Directory) -> Result<(), Error> {
    ACTIVE
        .set(dir)
        .map_err(|_| Error::Internal("the processor directory was installed twice".into()))
}

/// The directory of this process: the installed one, else the built-in one.
///
/// Errors: `Error::Internal` if the built-in directory is broken.
pub fn active() -> Result<&'static Directory, Error> {
    match ACTIVE.get() {
        Some(d) => Ok(d),
        None => Directory::builtin(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_directory_loads_with_every_vendor() {
        let d = Directory::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(d.len() >= 60, "{} entries", d.len());
        let h = d.get("hetzner-online").expect("hetzner");
        assert_eq!(h.name, "Hetzner Online GmbH");
        assert_eq!(h.locations, vec!["DE", "FI"]);
        assert_eq!(h.origin, Origin::BuiltIn);
        let z = d.get("zapier").expect("zapier");
        assert_eq!(z.basis("US"), Some(TransferBasis::Dpf));
        assert!(d.entries().all(|e| e.source.is_some()));
    }

    #[test]
    fn search_looks_at_id_name_service_and_category_in_both_languages() {
        let d = Directory::builtin().unwrap_or_else(|e| panic!("{e}"));
        let ids = |q: &str| d.search(q).iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert!(ids("hetzner").contains(&"hetzner-online".to_string()));
        assert!(ids("HETZNER online").contains(&"hetzner-online".to_string()));
        // German service text and the German category name
        assert!(ids("rechenzentren").contains(&"hetzner-online".to_string()));
        assert!(ids("Automatisierung").contains(&"zapier".to_string()));
        assert!(ids("automation").contains(&"zapier".to_string()));
        assert!(ids("no such vendor xyz").is_empty());
        assert_eq!(d.search("").len(), d.len());
        // grouped by category: hosting first
        assert_eq!(d.search("")[0].category, "hosting");
    }

    #[test]
    fn a_user_file_replaces_entries_whole_and_adds_new_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("mine.yaml");
        std::fs::write(
            &path,
            "format: 1\nentries:\n  - id: hetzner-online\n    name: \"Hetzner Online GmbH\"\n    country: \"DE\"\n    category: hosting\n    service: { de: \"Server\", en: \"Servers\" }\n    reviewed: 2026-10-01\n  - id: acme-backup\n    name: \"ACME Backup AG\"\n    country: \"CH\"\n    locations: [\"CH\", \"US\"]\n    category: storage\n    service: { de: \"Sicherung\", en: \"Backup\" }\n    reviewed: 2026-10-01\n",
        )
        .expect("write");
        let today = Date::parse_iso("2026-11-30").expect("date");
        let (d, warnings) =
            Directory::with_user_file(&path, today).unwrap_or_else(|e| panic!("{e}"));
        let builtin = Directory::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.len(), builtin.len() + 1);
        let h = d.get("hetzner-online").expect("hetzner");
        // replaced as a whole: no address and no locations inherited from the built-in entry
        assert_eq!(h.address, None);
        assert!(h.locations.is_empty());
        assert_eq!(h.origin, Origin::User(path.clone()));
        assert!(d.get("acme-backup").is_some());
        // US without a basis in the user's entry
        assert_eq!(warnings.problems.len(), 1, "{warnings:?}");
        assert_eq!(warnings.problems[0].location.line, 12);
        assert!(
            warnings
                .to_string()
                .contains("mine.yaml:12:16: warning: entries[1].locations: US is outside the EEA"),
            "{warnings}"
        );

        std::fs::write(&path, "format: 1\nentries:\n  - id: Bad_Id\n").expect("write");
        let e = Directory::with_user_file(&path, today).expect_err("invalid");
        let text = e.to_string();
        assert!(
            text.contains("mine.yaml:3:9: error: entries[0].id: the id `Bad_Id`"),
            "{text}"
        );
        assert!(text.contains("required field `name` is missing"), "{text}");
    }

    #[test]
    fn suggestions_for_mistyped_ids() {
        let d = Directory::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.suggest("hetzner"), Some("hetzner-online"));
        assert_eq!(d.suggest("zappier"), Some("zapier"));
        assert_eq!(d.suggest("qqqqqqqq"), None);
    }
}
