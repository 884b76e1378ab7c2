//! Embeds the built-in clause library, templates and messages: every file under `clauses/`,
//! `templates/` and `locales/` becomes a `(relative path, contents)` pair in `embedded.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn table(root: &Path, name: &str, var: &str, code: &mut String) {
    let dir = root.join(name);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut list = Vec::new();
    files(&dir, &mut list);
    let _ = writeln!(
        code,
        "/// Embedded `{name}/` files: (path below `{name}/`, contents)."
    );
    let _ = writeln!(code, "pub(crate) static {var}: &[(&str, &str)] = &[");
    for p in list {
        println!("cargo:rerun-if-changed={}", p.display());
        let rel = p
            .strip_prefix(&dir)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/");
        let _ = writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            p.display().to_string()
        );
    }
    let _ = writeln!(code, "];");
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut code = String::new();
    table(&root, "clauses", "CLAUSE_FILES", &mut code);
    table(&root, "templates", "TEMPLATE_FILES", &mut code);
    table(&root, "locales", "LOCALE_FILES", &mut code);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}
