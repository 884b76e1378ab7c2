//! The clause library: one Markdown + Tera file per clause and language, with front matter
//! saying when the clause applies and which requirements it covers.
//!
//! The built-in library (`clauses/de`, `clauses/en`) is embedded in the binary. An override
//! folder (`--clauses DIR`, laid out as `DIR/de/*.md`, `DIR/en/*.md`) replaces clauses by id
//! or adds new ones. The assembler and the checker read the same [`Library`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};

use crate::catalog::Catalogs;
use crate::{Error, Lang};

pub(crate) use crate::embedded::TEMPLATE_FILES;

/// Numbered contract clause, annex, or a part used by other texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A numbered clause (§ 1 / Clause 1).
    #[default]
    Clause,
    /// An annex (Anlage 1 / Annex I).
    Annex,
    /// A text that is never part of the contract by itself: included by clauses
    /// (`{% include "de/toms_measures" %}`) or the body of another document (the TOM
    /// document, the record of processing). Covers no requirement.
    Part,
}

/// The front matter of a clause file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Unique id, the same in every language.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Clause or annex.
    #[serde(default)]
    pub kind: Kind,
    /// Position among clauses (or annexes).
    pub order: i32,
    /// A Tera expression over the contract context, or `always`.
    #[serde(default = "always")]
    pub when: String,
    /// Requirement ids this clause meets.
    #[serde(default)]
    pub covers: Vec<String>,
}

fn always() -> String {
    "always".to_string()
}

/// Where a clause came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Built into dpagen.
    BuiltIn,
    /// From an override folder.
    Override(PathBuf),
}

/// One clause in one language.
#[derive(Debug, Clone)]
pub struct Clause {
    /// Language.
    pub lang: Lang,
    /// Front matter.
    pub meta: Meta,
    /// Built-in or override.
    pub origin: Origin,
    /// The file's name as shown in messages.
    pub file: String,
    /// The body (Markdown + Tera), for `dpa clauses show`.
    pub body: String,
}

/// All clauses in both languages, compiled once.
pub struct Library {
    clauses: Vec<Clause>,
    tera: tera::Tera,
    /// A short hash of every clause file: changes whenever any clause text changes.
    pub version: String,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("clauses", &self.clauses.len())
            .field("version", &self.version)
            .finish()
    }
}

/// A clause file before compilation.
struct Source {
    lang: Lang,
    file: String,
    origin: Origin,
    text: String,
}

impl Library {
    /// The built-in library, parsed and compiled once per process.
    pub fn builtin() -> Result<Arc<Library>, Error> {
        static LIB: LazyLock<Result<Arc<Library>, String>> = LazyLock::new(|| {
            Library::build(builtin_sources())
                .map(Arc::new)
                .map_err(|e| e.to_string())
        });
        LIB.as_ref()
            .map(Arc::clone)
            .map_err(|e| Error::Template(format!("built-in clause library: {e}")))
    }

    /// The built-in library with an override folder layered on top.
    pub fn with_overrides(dir: &Path) -> Result<Library, Error> {
        let mut sources = builtin_sources();
        let mut found = 0;
        for lang in Lang::ALL {
            let sub = dir.join(lang.code());
            let Ok(entries) = std::fs::read_dir(&sub) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect();
            paths.sort();
            for p in paths {
                let text = std::fs::read_to_string(&p).map_err(|e| Error::Io {
                    path: p.clone(),
                    action: "read",
                    source: e,
                })?;
                sources.push(Source {
                    lang,
                    file: p.display().to_string(),
                    origin: Origin::Override(p.clone()),
                    text,
                });
                found += 1;
            }
        }
        if found == 0 {
            return Err(Error::Template(format!(
                "{}: no clause files found; an override folder holds de/*.md and/or en/*.md",
                dir.display()
            )));
        }
        Library::build(sources)
    }

    /// Loads the library for an optional override folder.
    pub fn load(dir: Option<&Path>) -> Result<Arc<Library>, Error> {
        match dir {
            None => Library::builtin(),
            Some(d) => Library::with_overrides(d).map(Arc::new),
        }
    }

    fn build(sources: Vec<Source>) -> Result<Library, Error> {
        let cats = Catalogs::get()?;
        let mut by_key: BTreeMap<(Lang, String), Clause> = BTreeMap::new();
        let mut templates: BTreeMap<String, String> = BTreeMap::new();
        use sha2::Digest;
        let mut hasher = sha2::Sha256::new();
        for s in sources {
            let (meta, template) = split_front_matter(&s.file, &s.text)?;
            check_meta(&s.file, &meta, cats)?;
            hasher.update(s.lang.code().as_bytes());
            hasher.update(s.text.as_bytes());
            let key = (s.lang, meta.id.clone());
            if let Some(prev) = by_key.get(&key)
                && prev.origin == s.origin
            {
                return Err(Error::Template(format!(
                    "{}: clause id `{}` is used twice (also in {})",
                    s.file, meta.id, prev.file
                )));
            }
            templates.insert(body_name(s.lang, &meta.id), template);
            if meta.when.trim() != "always" {
                templates.insert(cond_name(s.lang, &meta.id), condition_template(&meta.when));
            } else {
                templates.remove(&cond_name(s.lang, &meta.id));
            }
            by_key.insert(
                key,
                Clause {
                    lang: s.lang,
                    meta,
                    origin: s.origin,
                    file: s.file.clone(),
                    body: s.text,
                },
            );
        }
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(crate::escape::markdown_escape_fn);
        tera.autoescape_on(vec![""]);
        // Name templates after the files, so that errors point at them.
        let mut named = Vec::new();
        for c in by_key.values() {
            for name in [body_name(c.lang, &c.meta.id), cond_name(c.lang, &c.meta.id)] {
                if let Some(t) = templates.get(&name) {
                    named.push((
                        format!(
                            "{}{}",
                            c.file,
                            if name.starts_with("when:") {
                                " (when)"
                            } else {
                                ""
                            }
                        ),
                        name,
                        t.clone(),
                    ));
                }
            }
        }
        // All at once: a clause may include a part that sorts after it.
        tera.add_raw_templates(named.iter().map(|(_, name, text)| (name, text)))
            .map_err(|e| Error::Template(tera_message(&e, &named)))?;
        let hex: String = hasher
            .finalize()
            .iter()
            .take(4)
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut clauses: Vec<Clause> = by_key.into_values().collect();
        clauses.sort_by(|a, b| {
            (a.lang, a.meta.kind, a.meta.order, &a.meta.id).cmp(&(
                b.lang,
                b.meta.kind,
                b.meta.order,
                &b.meta.id,
            ))
        });
        Ok(Library {
            clauses,
            tera,
            version: hex,
        })
    }

    /// Every clause in one language, in document order (clauses, then annexes).
    pub fn clauses(&self, lang: Lang) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(move |c| c.lang == lang)
    }

    /// Every clause in every language.
    pub fn all(&self) -> &[Clause] {
        &self.clauses
    }

    /// Whether a clause applies, given the contract context.
    pub fn applies(&self, clause: &Clause, ctx: &tera::Context) -> Result<bool, Error> {
        if clause.meta.when.trim() == "always" {
            return Ok(true);
        }
        let out = self
            .tera
            .render(&cond_name(clause.lang, &clause.meta.id), ctx)
            .map_err(|e| {
                Error::Template(format!(
                    "{}: in `when: {}`: {}",
                    clause.file,
                    clause.meta.when,
                    tera_cause(&e)
                ))
            })?;
        Ok(out.trim() == "1")
    }

    /// Renders a clause body to Markdown.
    pub fn render(&self, clause: &Clause, ctx: &tera::Context) -> Result<String, Error> {
        self.tera
            .render(&body_name(clause.lang, &clause.meta.id), ctx)
            .map_err(|e| Error::Template(format!("{}: {}", clause.file, tera_cause(&e))))
    }

    /// The part (`kind: part`) with an id in a language.
    ///
    /// Errors: `Error::Template` if the library has no such part (a broken override).
    pub fn part(&self, lang: Lang, id: &str) -> Result<&Clause, Error> {
        self.clauses(lang)
            .find(|c| c.meta.kind == Kind::Part && c.meta.id == id)
            .ok_or_else(|| {
                Error::Template(format!(
                    "the clause library has no part `{id}` in {} (a file with `kind: part`)",
                    lang.code()
                ))
            })
    }
}

fn body_name(lang: Lang, id: &str) -> String {
    format!("{}/{id}", lang.code())
}

fn cond_name(lang: Lang, id: &str) -> String {
    format!("when:{}/{id}", lang.code())
}

fn builtin_sources() -> Vec<Source> {
    crate::embedded::CLAUSE_FILES
        .iter()
        .filter_map(|(path, text)| {
            let (lang, _) = path.split_once('/')?;
            let lang = Lang::from_code(lang)?;
            path.ends_with(".md").then(|| Source {
                lang,
                file: format!("clauses/{path}"),
                origin: Origin::BuiltIn,
                text: (*text).to_string(),
            })
        })
        .collect()
}

/// Splits `---\nYAML\n---\nbody`. The returned template keeps the file's line numbers: the
/// front matter becomes a Tera comment, so errors in the body point at the right line.
fn split_front_matter(file: &str, text: &str) -> Result<(Meta, String), Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fail = |line: usize, m: &str| Error::Template(format!("{file}:{line}: {m}"));
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Err(fail(
            1,
            "a clause file starts with front matter: a line `---`, YAML (id, title, kind, order, when, covers), and a closing `---`",
        ));
    };
    let mut offset = 0;
    let mut end = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = end else {
        return Err(fail(
            1,
            "the front matter is not closed: add a line `---` after it",
        ));
    };
    let yaml = &rest[..yaml_end];
    let meta: Meta = serde_saphyr::from_str(yaml).map_err(|e| {
        let line = e.location().map(|l| l.line() as usize + 1).unwrap_or(2);
        fail(
            line,
            &format!(
                "front matter: {}",
                crate::input::yaml::first_line(&e.to_string())
            ),
        )
    })?;
    let head = &text[..text.len() - rest.len() + body_start];
    let template = format!("{{#{}#}}{}", head.replace("#}", "# }"), &rest[body_start..]);
    Ok((meta, template))
}

fn condition_template(when: &str) -> String {
    format!("{{% if {when} %}}1{{% endif %}}")
}

fn check_meta(file: &str, meta: &Meta, cats: &Catalogs) -> Result<(), Error> {
    let fail = |m: String| Err(Error::Template(format!("{file}: {m}")));
    if meta.id.is_empty()
        || !meta
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return fail(format!(
            "clause id `{}` must be snake_case (a-z, 0-9, _)",
            meta.id
        ));
    }
    if meta.title.trim().is_empty() {
        return fail("the title is empty".into());
    }
    if meta.kind == Kind::Part && !meta.covers.is_empty() {
        return fail(
            "a part (`kind: part`) covers no requirement; list `covers` in the clause that includes it".into(),
        );
    }
    for c in &meta.covers {
        if cats.requirements.get(c).is_none() {
            let hint = crate::error::did_you_mean(c, cats.requirements.ids())
                .map(|m| format!(" (did you mean `{m}`?)"))
                .unwrap_or_default();
            return fail(format!("`covers` names unknown requirement `{c}`{hint}"));
        }
    }
    Ok(())
}

fn tera_message(e: &tera::Error, named: &[(String, String, String)]) -> String {
    let mut msg = tera_cause(e);
    for (file, name, _) in named {
        msg = msg.replace(&format!("{name}:"), &format!("{file}:"));
    }
    msg
}

/// Tera's message plus every cause in its chain, on one string.
pub(crate) fn tera_cause(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_library_loads_and_is_bilingual() {
        let lib = Library::builtin().expect("library");
        let de: Vec<&Clause> = lib.clauses(Lang::De).collect();
        let en: Vec<&Clause> = lib.clauses(Lang::En).collect();
        assert!(de.len() >= 25, "{} German clauses", de.len());
        assert_eq!(
            de.len(),
            en.len(),
            "same number of clauses in both languages"
        );
        for (d, e) in de.iter().zip(&en) {
            assert_eq!(d.meta.id, e.meta.id);
            assert_eq!(d.meta.when, e.meta.when, "{}", d.meta.id);
            assert_eq!(d.meta.covers, e.meta.covers, "{}", d.meta.id);
            assert_eq!(d.meta.kind, e.meta.kind, "{}", d.meta.id);
            assert_eq!(d.meta.order, e.meta.order, "{}", d.meta.id);
        }
    }

    #[test]
    fn front_matter_errors_name_the_line() {
        let e = split_front_matter(
            "x.md",
            "---\nid: a\ntitle: T\norder: 1\nbogus: 1\n---\nbody",
        )
        .expect_err("unknown key");
        assert_eq!(
            e.to_string(),
            "error: x.md:5: front matter: unknown field `bogus`, expected one of id, title, kind, order, when, covers"
        );
        let e = split_front_matter("x.md", "no front matter").expect_err("missing");
        assert!(
            e.to_string()
                .contains("x.md:1: a clause file starts with front matter"),
            "{e}"
        );
    }

    fn source(lang: Lang, file: &str, text: &str) -> Source {
        Source {
            lang,
            file: file.to_string(),
            origin: Origin::Override(PathBuf::from(file)),
            text: text.to_string(),
        }
    }

    #[test]
    fn a_part_is_included_by_a_clause_and_never_numbered() {
        let mut sources = builtin_sources();
        sources.push(source(
            Lang::De,
            "o/de/toms_measures.md",
            "---\nid: toms_measures\ntitle: Baustein\nkind: part\norder: 921\n---\nEIGENER BAUSTEIN\n",
        ));
        let lib = Library::build(sources).expect("library");
        let part = lib.part(Lang::De, "toms_measures").expect("part");
        assert!(part.body.contains("EIGENER BAUSTEIN"));
        let annex = lib
            .clauses(Lang::De)
            .find(|c| c.meta.id == "annex_toms")
            .expect("annex");
        let ctx = tera::Context::from_serialize(&serde_json::json!({
            "document": "contract",
            "refs": { "security": "§ 8", "data_subject_rights": "§ 11", "breach_notification": "§ 13", "assistance": "§ 12" },
            "security": { "areas": [], "certifications": [] },
            "terms": { "breach_notification_hours": 24 },
            "processor": { "dpo": null, "contact": null, "representative": { "name": "R" } },
        }))
        .expect("context");
        let text = lib.render(annex, &ctx).expect("render");
        assert!(text.contains("EIGENER BAUSTEIN"), "{text}");
        assert!(lib.part(Lang::De, "annex_toms").is_err());
    }

    #[test]
    fn a_part_may_not_cover_a_requirement() {
        let mut sources = builtin_sources();
        sources.push(source(
            Lang::De,
            "o/de/x.md",
            "---\nid: x\ntitle: X\nkind: part\norder: 1\ncovers: [art32]\n---\nx\n",
        ));
        let e = Library::build(sources).expect_err("covers on a part");
        assert!(
            e.to_string()
                .contains("o/de/x.md: a part (`kind: part`) covers no requirement"),
            "{e}"
        );
    }

    #[test]
    fn template_keeps_line_numbers() {
        let (_, t) =
            split_front_matter("x.md", "---\nid: a\ntitle: T\norder: 1\n---\nline6\n").expect("ok");
        assert_eq!(t.lines().count(), 6);
        assert!(t.ends_with("#}line6\n"));
    }
}
