//! The Typst world dpagen compiles in: only our embedded template and fonts plus the few
//! generated files of one document. Every other path, every package import and the clock
//! are answered with "access denied" or a fixed value.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Fonts, the standard library and the template: loaded once per process.
pub(crate) struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    /// `templates/typeset.typ`: how values of each kind are set, imported by the others.
    typeset: Source,
    /// `templates/document.typ`: the TOM document and the record.
    document: Source,
    /// `templates/redline.typ`, the main file of `dpa diff`'s PDF.
    redline: Source,
}

/// The fixed virtual files of a document.
pub(crate) struct Ids {
    pub(crate) main: FileId,
    pub(crate) typeset: FileId,
    pub(crate) document: FileId,
    pub(crate) attachment: FileId,
    pub(crate) redline: FileId,
    pub(crate) clauses: FileId,
    pub(crate) annexes: FileId,
    pub(crate) data: FileId,
    pub(crate) contract: FileId,
}

fn id(path: &str) -> FileId {
    // The paths are constants; VirtualPath::new only fails on `..` escaping the root.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable_path(path));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

#[allow(clippy::panic)]
fn unreachable_path(path: &str) -> VirtualPath {
    panic!("invalid built-in virtual path {path}")
}

/// File ids are interned for the life of the process: use the same few for every document.
pub(crate) static IDS: LazyLock<Ids> = LazyLock::new(|| Ids {
    main: id("/main.typ"),
    typeset: id("/typeset.typ"),
    document: id("/document.typ"),
    attachment: id("/attachment"),
    redline: id("/redline.typ"),
    clauses: id("/clauses.typ"),
    annexes: id("/annexes.typ"),
    data: id("/data.json"),
    contract: id("/contract.yaml"),
});

pub(crate) static ENGINE: LazyLock<Result<Engine, String>> = LazyLock::new(Engine::load);

impl Engine {
    fn load() -> Result<Engine, String> {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        if fonts.is_empty() {
            return Err("no fonts are embedded".into());
        }
        let template = |file: &str| {
            crate::clauses::TEMPLATE_FILES
                .iter()
                .find(|(name, _)| *name == file)
                .map(|(_, t)| t.to_string())
                .ok_or(format!("templates/{file} is missing"))
        };
        Ok(Engine {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(IDS.main, template("contract.typ")?),
            typeset: Source::new(IDS.typeset, template("typeset.typ")?),
            document: Source::new(IDS.document, template("document.typ")?),
            redline: Source::new(IDS.redline, template("redline.typ")?),
        })
    }
}

/// One document's world.
pub(crate) struct DocWorld<'a> {
    pub(crate) engine: &'a Engine,
    /// The main file: `IDS.main` (the contract), `IDS.redline` (an amendment) or
    /// `IDS.document` (the TOM document, the record).
    pub(crate) main: FileId,
    pub(crate) clauses: Source,
    pub(crate) annexes: Source,
    pub(crate) data: Bytes,
    pub(crate) contract: Bytes,
    pub(crate) today: Datetime,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == IDS.main && self.main == IDS.main {
            Ok(self.engine.main.clone())
        } else if id == IDS.typeset {
            Ok(self.engine.typeset.clone())
        } else if id == IDS.redline && self.main == IDS.redline {
            Ok(self.engine.redline.clone())
        } else if id == IDS.document && self.main == IDS.document {
            Ok(self.engine.document.clone())
        } else if id == IDS.clauses {
            Ok(self.clauses.clone())
        } else if id == IDS.annexes {
            Ok(self.annexes.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == IDS.data {
            Ok(self.data.clone())
        } else if id == IDS.contract || id == IDS.attachment {
            Ok(self.contract.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
