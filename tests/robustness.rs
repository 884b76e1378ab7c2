//! No panic on any input: thousands of mangled versions of the examples (lines deleted,
//! duplicated or cut, characters replaced by YAML syntax) go through the loader, the checker
//! and the assembler in-process; a sample of the valid ones through the PDF renderer too.
//! Every result is either a contract or problems with a position.

use std::path::Path;

use dpagen::clauses::Library;
use dpagen::{Error, assemble, check, input, model, render};

/// A small deterministic generator (xorshift), so failures can be reproduced.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SYNTAX: &[&str] = &[
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "#",
    "&a",
    "*a",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    "\t",
    "\n",
    "  ",
    "~",
    "null",
    "0",
    "-1",
    "99999999999999999999",
    "yes",
    "NO",
    "\\",
    "é",
    "\u{202e}",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for _ in 0..=rng.below(3) {
        if lines.is_empty() {
            break;
        }
        let i = rng.below(lines.len());
        match rng.below(5) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let cut = rng.below(lines[i].len() + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|c| lines[i].is_char_boundary(*c))
                    .unwrap_or(0);
                lines[i].truncate(cut);
            }
            _ => {
                let chars: Vec<char> = lines[i].chars().collect();
                let at = rng.below(chars.len() + 1);
                let piece = SYNTAX[rng.below(SYNTAX.len())];
                let mut s: String = chars[..at].iter().collect();
                s.push_str(piece);
                s.extend(chars[at.min(chars.len())..].iter().skip(1));
                lines[i] = s;
            }
        }
    }
    lines.join("\n")
}

#[test]
fn mangled_contracts_never_panic() {
    let lib = Library::builtin().expect("library");
    let today = model::Date::parse_iso("2026-11-22").expect("date");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let (mut valid, mut invalid, mut rendered) = (0, 0, 0);
    for name in ["dental-practice.yaml", "saas-crm.yaml", "uk-payroll.yaml"] {
        let text = std::fs::read_to_string(root.join("examples").join(name)).expect("example");
        for round in 0..400 {
            let mangled = mutate(&text, &mut rng);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(
                || -> Result<bool, Error> {
                    let loaded = input::parse_contract(Path::new("m.yaml"), mangled.clone())?;
                    let report = check::check(&loaded, &lib, today)?;
                    let doc = assemble::assemble(&loaded.contract, &lib)?;
                    let _ = doc.to_markdown();
                    if round % 40 == 0 && !report.has_errors() {
                        render::pdf(&render::RenderInput {
                            contract: &loaded.contract,
                            document: &doc,
                            source: &loaded.source,
                            library_version: &lib.version,
                        })?;
                        return Ok(true);
                    }
                    Ok(false)
                },
            ));
            match result {
                Ok(Ok(did_render)) => {
                    valid += 1;
                    rendered += usize::from(did_render);
                }
                Ok(Err(Error::Input(e))) => {
                    invalid += 1;
                    assert!(!e.problems.is_empty(), "an input error without problems");
                    for p in &e.problems {
                        assert!(
                            p.location.line >= 1,
                            "problem without a line: {p:?}\n{mangled}"
                        );
                        assert!(!p.message.is_empty());
                    }
                }
                Ok(Err(other)) => {
                    panic!("unexpected error kind for {name} round {round}: {other}\n{mangled}")
                }
                Err(_) => panic!("panic for {name} round {round} on:\n{mangled}"),
            }
        }
    }
    // The mutations must exercise both paths.
    assert!(
        valid > 100 && invalid > 300,
        "valid {valid}, invalid {invalid}"
    );
    assert!(rendered >= 3, "rendered {rendered}");
}

/// The same for the TOM document: mangled processor files and contracts through the loader
/// of both kinds and the TOM document's assembly; a sample of the valid ones to PDF and DOCX.
#[test]
fn mangled_processor_files_never_panic() {
    let lib = Library::builtin().expect("library");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut rng = Rng(0x70b5_0000_feed_0018);
    let (mut valid, mut invalid, mut rendered) = (0, 0, 0);
    for name in ["processor-pixelwerk.yaml", "dental-practice.yaml"] {
        let text = std::fs::read_to_string(root.join("examples").join(name)).expect("example");
        for round in 0..300 {
            let mangled = mutate(&text, &mut rng);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(
                || -> Result<bool, Error> {
                    let loaded = input::parse_any(Path::new("m.yaml"), mangled.clone())?;
                    let toms = dpagen::toms::Toms::from_loaded(&loaded);
                    let _ = dpagen::toms::assemble(&toms, &lib)?.to_markdown();
                    if round % 50 == 0 {
                        let formats = dpagen::pipeline::Formats {
                            pdf: true,
                            markdown: true,
                            docx: true,
                        };
                        dpagen::pipeline::render_toms(&loaded, &lib, formats)?;
                        return Ok(true);
                    }
                    Ok(false)
                },
            ));
            match result {
                Ok(Ok(did_render)) => {
                    valid += 1;
                    rendered += usize::from(did_render);
                }
                Ok(Err(Error::Input(e))) => {
                    invalid += 1;
                    assert!(!e.problems.is_empty(), "an input error without problems");
                    for p in &e.problems {
                        assert!(
                            p.location.line >= 1,
                            "problem without a line: {p:?}\n{mangled}"
                        );
                    }
                }
                Ok(Err(other)) => {
                    panic!("unexpected error kind for {name} round {round}: {other}\n{mangled}")
                }
                Err(_) => panic!("panic for {name} round {round} on:\n{mangled}"),
            }
        }
    }
    assert!(
        valid > 50 && invalid > 150,
        "valid {valid}, invalid {invalid}"
    );
    assert!(rendered >= 2, "rendered {rendered}");
}
