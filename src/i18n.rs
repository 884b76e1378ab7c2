//! Messages in the user's language, with Project Fluent (`fluent-bundle`).
//!
//! Every sentence a person reads (errors, hints, check findings, progress, wizard prompts)
//! is a message id in `locales/de/*.ftl` and `locales/en/*.ftl`, embedded in the binary.
//! A test checks that every id used in the code exists in both languages with the same
//! arguments.
//!
//! Which language: `--lang` if given; else, for messages about one contract, the
//! contract's `language`; else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`). The language
//! in force is per thread: [`set_lang`] sets it for the thread (the command line does so
//! once), [`scoped`] for a stretch of work such as one contract of a batch, and [`tr!`]
//! (or [`text`]) looks messages up in it.
//!
//! ```text
//! let _guard = i18n::scoped(contract.language);
//! let m = tr!("problems-in-file", count = n, file = name);
//! ```

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::Lang;

/// The embedded `.ftl` files: `(path below locales/, contents)`.
use crate::embedded::LOCALE_FILES;

/// One parsed bundle per language, built on first use.
static BUNDLES: LazyLock<HashMap<Lang, FluentBundle<FluentResource>>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .map(|lang| (lang, bundle(lang)))
        .collect()
});

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::De => unic_langid::langid!("de-DE"),
        Lang::En => unic_langid::langid!("en-GB"),
    };
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No invisible isolation marks around arguments: the text goes to terminals and files.
    b.set_use_isolating(false);
    for (path, text) in files(lang) {
        // A broken .ftl file is a build defect; the test `every_file_parses` names it.
        let res = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = path;
        b.add_resource_overriding(res);
    }
    b
}

/// The `.ftl` files of one language.
fn files(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let prefix = format!("{}/", lang.code());
    LOCALE_FILES
        .iter()
        .filter(move |(p, _)| p.starts_with(&prefix) && p.ends_with(".ftl"))
        .copied()
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language messages are given in on this thread.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language of messages for this thread.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// Puts the previous language back when dropped.
#[must_use = "the language is reset when the guard is dropped"]
pub struct Scope {
    previous: Lang,
}

impl Drop for Scope {
    fn drop(&mut self) {
        set_lang(self.previous);
    }
}

/// Sets the language of messages for this thread until the returned guard is dropped.
pub fn scoped(lang: Lang) -> Scope {
    let previous = self::lang();
    set_lang(lang);
    Scope { previous }
}

/// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set):
/// German for `de*`, English otherwise.
pub fn locale_lang() -> Lang {
    lang_from_env(|k| std::env::var(k).ok())
}

/// [`locale_lang`] over any environment (for tests).
pub fn lang_from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&get)
        .find(|v| !v.trim().is_empty())
        .unwrap_or_default();
    if value.to_ascii_lowercase().starts_with("de") {
        Lang::De
    } else {
        Lang::En
    }
}

/// An argument of a message: text or a number (numbers choose plural forms).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, shown as is.
    Text(String),
    /// A number.
    Number(f64),
}

macro_rules! arg_from_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
arg_from_number!(u8, u16, u32, u64, usize, i32, i64, f64);

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// The message `id` in `lang`, with its arguments filled in. An id missing from the
/// language gives the English text, and one missing from both gives the id itself (the
/// test `every_used_id_exists_in_both_languages` keeps that from shipping).
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    format_in(lang, id, args)
        .or_else(|| format_in(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Whether the message `id` exists in `lang` (for ids made at run time, such as the field
/// names of `dpa diff`, which fall back to another wording when there is none).
pub fn has_message(lang: Lang, id: &str) -> bool {
    BUNDLES
        .get(&lang)
        .is_some_and(|b| b.get_message(id).is_some_and(|m| m.value().is_some()))
}

/// The message `id` in the language of this thread.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(lang(), id, args)
}

fn format_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = BUNDLES.get(&lang)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        let value = match v {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
        };
        fargs.set(k.to_string(), value);
    }
    let mut errors = Vec::new();
    let s = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
    Some(s.into_owned())
}

/// A message in the language of this thread: `tr!("severity-error")` or
/// `tr!("problems-in-file", count = n, file = name)`. Values are anything that converts into [`Arg`]
/// (text or a number).
#[macro_export]
macro_rules! tr {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),*])
    };
}

/// Like [`tr!`] in a given language: `tr_in!(Lang::De, "label-help")`.
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::text_in($lang, $id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),*])
    };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    use super::*;

    /// Message id -> names of the variables it uses, for one language.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for (path, text) in files(lang) {
            let res = fluent_syntax::parser::parse(text)
                .unwrap_or_else(|(_, errs)| panic!("locales/{path}: {errs:?}"));
            for entry in res.body {
                if let ast::Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    let id = m.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), vars).is_none(),
                        "locales/{path}: `{id}` is defined twice in {}",
                        lang.code()
                    );
                }
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expr_vars(expression, vars);
            }
        }
    }

    fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn both_languages_have_the_same_ids_and_arguments() {
        let de = messages(Lang::De);
        let en = messages(Lang::En);
        let only_de: Vec<_> = de.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !de.contains_key(*k)).collect();
        assert!(only_de.is_empty(), "only in German: {only_de:?}");
        assert!(only_en.is_empty(), "only in English: {only_en:?}");
        for (id, vars) in &de {
            assert_eq!(vars, &en[id], "`{id}` uses other arguments in de and en");
        }
    }

    /// Every message id used through the `tr!` and `tr_in!` macros in the sources exists.
    #[test]
    fn every_used_id_exists_in_both_languages() {
        let de = messages(Lang::De);
        let en = messages(Lang::En);
        let mut used = BTreeSet::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("src") {
                let p = entry.expect("entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&p).expect("source");
                    for id in used_ids(&text) {
                        used.insert((id, p.display().to_string()));
                    }
                }
            }
        }
        assert!(!used.is_empty());
        for (id, file) in &used {
            assert!(de.contains_key(id), "{file}: `{id}` has no German text");
            assert!(en.contains_key(id), "{file}: `{id}` has no English text");
        }
    }

    /// The ids in `tr!("…"` and `tr_in!(…, "…"` calls of a source text.
    fn used_ids(text: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for (i, _) in text.match_indices("tr!(\"") {
            let rest = &text[i + 5..];
            if let Some(end) = rest.find('"') {
                ids.push(rest[..end].to_string());
            }
        }
        for (i, _) in text.match_indices("tr_in!(") {
            let rest = &text[i + 7..];
            if let Some(q) = rest.find('"')
                && !rest[..q].contains(')')
            {
                let rest = &rest[q + 1..];
                if let Some(end) = rest.find('"') {
                    ids.push(rest[..end].to_string());
                }
            }
        }
        // Only what can be a Fluent id (this scanner's own string literals are not).
        ids.retain(|id| {
            id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
        ids
    }

    #[test]
    fn arguments_and_plurals_are_filled_in() {
        assert_eq!(
            text_in(
                Lang::En,
                "problems-in-file",
                &[("count", Arg::from(2_usize)), ("file", Arg::from("a.yaml"))]
            ),
            "2 problems in a.yaml"
        );
        assert_eq!(
            text_in(
                Lang::De,
                "problems-in-file",
                &[("count", Arg::from(2_usize)), ("file", Arg::from("a.yaml"))]
            ),
            "2 Probleme in a.yaml"
        );
    }

    #[test]
    fn the_language_is_per_thread_and_scoped() {
        set_lang(Lang::En);
        {
            let _g = scoped(Lang::De);
            assert_eq!(lang(), Lang::De);
            assert_eq!(crate::tr!("severity-error"), "Fehler");
        }
        assert_eq!(lang(), Lang::En);
        assert_eq!(crate::tr!("severity-error"), "error");
    }
}
