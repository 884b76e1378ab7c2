//! Writing outputs safely: every file is written atomically (a temporary file in the same
//! folder, then a rename or link), an existing file is never replaced without `force`, the
//! outputs of one contract are written all or none, drafts that hold personal data are
//! readable only by their owner, and file names made from contract ids cannot leave the
//! output folder.
//!
//! Every command that writes a file (`dpa render`, `dpa batch`, `dpa new`, `dpa extract`)
//! goes through this module.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::Error;

/// Writes a file atomically: a temporary file in the same folder, then a rename, so that
/// nobody ever sees a half-written file. Without `force`, an existing file is never replaced
/// (`Error::Exists`).
///
/// Errors: `Error::Exists` without `force` when `path` exists; `Error::Io` when the folder
/// is missing or not writable.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    write_file(path, bytes, force, false)
}

/// Writes a file readable only by its owner (mode 0600 on Unix), atomically, replacing an
/// existing one, and flushed to disk before the rename: for drafts that hold personal data.
///
/// Errors: `Error::Io` when the folder is missing or not writable.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_file(path, bytes, true, true)
}

/// Writes the outputs of one contract all or none: each file atomically, and if one of them
/// fails, the ones written before it in this call are removed again (a file that existed
/// before is never removed, since without `force` it is refused up front and with `force`
/// it has been replaced).
///
/// `files` are `(path, bytes)` pairs. Without `force`, an existing target is refused before
/// anything is written (`Error::Exists` naming the first one).
///
/// Errors: as [`write_atomic`].
pub fn write_all_or_none(files: &[(PathBuf, &[u8])], force: bool) -> Result<(), Error> {
    if !force && let Some((p, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(Error::Exists(p.clone()));
    }
    let mut written: Vec<&Path> = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let existed = path.exists();
        if let Err(e) = write_atomic(path, bytes, force) {
            for p in written {
                let _ = std::fs::remove_file(p);
            }
            return Err(e);
        }
        if !existed {
            written.push(path);
        }
    }
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8], force: bool, private: bool) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let io = |e, action| Error::Io {
        path: path.to_path_buf(),
        action,
        source: e,
    };
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let result = (|| {
        let mut f = options.open(&tmp).map_err(|e| io(e, "write"))?;
        f.write_all(bytes).map_err(|e| io(e, "write"))?;
        // Drafts are flushed to disk before the rename; rendered outputs are not (they can be
        // rendered again, and an fsync per file costs a batch run a fifth of its speed).
        if private {
            f.sync_all().map_err(|e| io(e, "write"))?;
        }
        drop(f);
        if force {
            std::fs::rename(&tmp, path).map_err(|e| io(e, "write"))
        } else {
            // hard_link fails if the target exists: no race between check and write.
            std::fs::hard_link(&tmp, path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    Error::Exists(path.to_path_buf())
                } else {
                    io(e, "write")
                }
            })
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Creates the output folder (and its parents) if missing.
///
/// Errors: `Error::Io` with action "create".
pub fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        action: "create",
        source: e,
    })
}

/// A file name from a contract id: letters, digits, `-`, `_` and `.` only, no leading dot,
/// no `..`, at most 100 characters; `contract` if nothing is left.
pub fn sanitize(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    while s.contains("..") || s.contains("__") {
        s = s.replace("..", "_").replace("__", "_");
    }
    let s = s.trim_start_matches('.').trim_end_matches('.');
    let s: String = s.chars().take(100).collect();
    if s.is_empty() || s.chars().all(|c| c == '_') {
        "contract".to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe() {
        assert_eq!(sanitize("../../x"), "_x");
        assert_eq!(sanitize("a/../b"), "a_b");
        assert_eq!(sanitize("ACME-2026/001"), "ACME-2026_001");
        assert_eq!(sanitize(".hidden"), "hidden");
        assert_eq!(sanitize("a..b"), "a_b");
        assert_eq!(sanitize("Zahnarzt Müller\n"), "Zahnarzt_M_ller_");
        assert_eq!(sanitize("///"), "contract");
        assert_eq!(sanitize(""), "contract");
        assert_eq!(sanitize(&"x".repeat(300)).len(), 100);
    }

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"one", false).expect("first write");
        assert!(matches!(
            write_atomic(&p, b"two", false),
            Err(Error::Exists(_))
        ));
        assert_eq!(std::fs::read(&p).expect("read"), b"one");
        write_atomic(&p, b"two", true).expect("forced write");
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
    }

    #[test]
    fn all_or_none_removes_what_it_wrote_when_a_later_file_fails() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pdf = dir.path().join("c.pdf");
        // A folder in the way of the Markdown file (with --force, so it is not refused up
        // front as existing).
        let md = dir.path().join("c.md");
        std::fs::create_dir(&md).expect("mkdir");
        let err = write_all_or_none(&[(pdf.clone(), b"%PDF"), (md.clone(), b"# x")], true);
        assert!(err.is_err());
        assert!(md.is_dir());
        assert!(!pdf.exists(), "the PDF written first was removed again");
    }

    #[test]
    fn all_or_none_checks_every_target_before_writing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pdf = dir.path().join("c.pdf");
        let md = dir.path().join("c.md");
        std::fs::write(&md, "old").expect("write");
        let err = write_all_or_none(&[(pdf.clone(), b"%PDF"), (md.clone(), b"# x")], false);
        assert!(matches!(err, Err(Error::Exists(p)) if p == md));
        assert!(!pdf.exists());
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("draft.yaml");
        write_private(&p, b"x").expect("write");
        let mode = std::fs::metadata(&p).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
