//! The redline: the blocks of two versions of a contract aligned paragraph by paragraph
//! (table rows as units), and inside a changed paragraph word by word.
//!
//! Blocks are aligned with the patience algorithm of `similar` on their kind and text; in a
//! stretch where old and new blocks differ, an old and a new block of the same kind whose
//! words are at least half the same are taken as one changed block (word-level insertions
//! and deletions, each word keeping its bold or italic look); the other blocks of the
//! stretch are deleted or inserted whole.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::render::flow::{Block, BlockKind, Mark, Span};

/// The redline of two block lists: every block of both, in reading order, marked.
pub fn redline(old: &[Block], new: &[Block]) -> Vec<Block> {
    let key = |b: &Block| format!("{:?}\u{1f}{}", b.kind, b.text());
    let old_keys: Vec<String> = old.iter().map(key).collect();
    let new_keys: Vec<String> = new.iter().map(key).collect();
    let mut out = Vec::with_capacity(new.len());
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                out.extend(new[new_index..new_index + len].iter().cloned());
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for b in &old[old_index..old_index + old_len] {
                    out.push(whole(b, Mark::Deleted));
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for b in &new[new_index..new_index + new_len] {
                    out.push(whole(b, Mark::Inserted));
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => replace(
                &old[old_index..old_index + old_len],
                &new[new_index..new_index + new_len],
                &mut out,
            ),
        }
    }
    out
}

/// Whether a redline holds any change.
pub fn has_changes(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .any(|b| b.mark != Mark::Same || b.cells.iter().flatten().any(|s| s.mark != Mark::Same))
}

/// A block inserted or deleted as a whole.
fn whole(b: &Block, mark: Mark) -> Block {
    let mut b = b.clone();
    b.mark = mark;
    for s in b.cells.iter_mut().flatten() {
        s.mark = mark;
    }
    b
}

/// A stretch of differing blocks: pairs of similar blocks become changed blocks, in order;
/// the rest is deleted (old) or inserted (new), old before new at each point.
fn replace(old: &[Block], new: &[Block], out: &mut Vec<Block>) {
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && pairable(&old[i], &new[j]) {
            out.push(changed(&old[i], &new[j]));
            i += 1;
            j += 1;
            continue;
        }
        // Does the old block pair with a later new block, or the new block with a later old
        // one? Then the ones before it stand alone.
        let new_match = (j..new.len()).find(|&k| i < old.len() && pairable(&old[i], &new[k]));
        let old_match = (i..old.len()).find(|&k| j < new.len() && pairable(&old[k], &new[j]));
        match (new_match, old_match) {
            (Some(k), _) if i < old.len() => {
                while j < k {
                    out.push(whole(&new[j], Mark::Inserted));
                    j += 1;
                }
            }
            (_, Some(k)) if j < new.len() => {
                while i < k {
                    out.push(whole(&old[i], Mark::Deleted));
                    i += 1;
                }
            }
            _ => {
                if i < old.len() {
                    out.push(whole(&old[i], Mark::Deleted));
                    i += 1;
                } else {
                    out.push(whole(&new[j], Mark::Inserted));
                    j += 1;
                }
            }
        }
    }
}

/// Same kind, same number of cells, and at least half of the words in common.
fn pairable(a: &Block, b: &Block) -> bool {
    if a.cells.len() != b.cells.len() || !same_kind(a.kind, b.kind) {
        return false;
    }
    let ta = tokens_of(&a.cells.concat());
    let tb = tokens_of(&b.cells.concat());
    let wa: Vec<&str> = ta.iter().map(|t| t.0.as_str()).collect();
    let wb: Vec<&str> = tb.iter().map(|t| t.0.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &wa, &wb);
    similar::diff_ratio(&ops, wa.len(), wb.len()) >= 0.5
}

fn same_kind(a: BlockKind, b: BlockKind) -> bool {
    match (a, b) {
        (BlockKind::Row { columns: x, .. }, BlockKind::Row { columns: y, .. }) => x == y,
        (BlockKind::Numbered(x), BlockKind::Numbered(y)) => x == y,
        _ => a == b,
    }
}

/// A changed block: each cell diffed word by word; the new block's kind.
fn changed(old: &Block, new: &Block) -> Block {
    let cells = old
        .cells
        .iter()
        .zip(&new.cells)
        .map(|(a, b)| words(a, b))
        .collect();
    Block {
        kind: new.kind,
        cells,
        mark: Mark::Same,
    }
}

/// A token: a word or a run of spaces, with the look of the span it came from.
type Token = (String, bool, bool);

fn tokens_of(spans: &[Span]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for s in spans {
        let mut current = String::new();
        let mut space = None;
        for c in s.text.chars() {
            let is_space = c.is_whitespace();
            if space.is_some_and(|sp| sp != is_space) {
                out.push((std::mem::take(&mut current), s.bold, s.italic));
            }
            space = Some(is_space);
            current.push(c);
        }
        if !current.is_empty() {
            out.push((current, s.bold, s.italic));
        }
    }
    out
}

/// Word-level diff of two cells.
fn words(old: &[Span], new: &[Span]) -> Vec<Span> {
    let ta = tokens_of(old);
    let tb = tokens_of(new);
    let wa: Vec<&str> = ta.iter().map(|t| t.0.as_str()).collect();
    let wb: Vec<&str> = tb.iter().map(|t| t.0.as_str()).collect();
    let mut out: Vec<Span> = Vec::new();
    let mut push = |t: &Token, mark: Mark| match out.last_mut() {
        Some(last) if last.mark == mark && last.bold == t.1 && last.italic == t.2 => {
            last.text.push_str(&t.0)
        }
        _ => out.push(Span {
            text: t.0.clone(),
            bold: t.1,
            italic: t.2,
            mark,
        }),
    };
    for op in capture_diff_slices(Algorithm::Myers, &wa, &wb) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                for t in &tb[new_index..new_index + len] {
                    push(t, Mark::Same);
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for t in &ta[old_index..old_index + old_len] {
                    push(t, Mark::Deleted);
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for t in &tb[new_index..new_index + new_len] {
                    push(t, Mark::Inserted);
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for t in &ta[old_index..old_index + old_len] {
                    push(t, Mark::Deleted);
                }
                for t in &tb[new_index..new_index + new_len] {
                    push(t, Mark::Inserted);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, vec![Span::plain(t)])
    }

    fn marked(b: &Block) -> String {
        b.cells[0]
            .iter()
            .map(|s| match s.mark {
                Mark::Same => s.text.clone(),
                Mark::Inserted => format!("{{+{}+}}", s.text),
                Mark::Deleted => format!("[-{}-]", s.text),
            })
            .collect()
    }

    #[test]
    fn identical_lists_have_no_changes() {
        let a = vec![para("one"), para("two")];
        let r = redline(&a, &a);
        assert_eq!(r, a);
        assert!(!has_changes(&r));
    }

    #[test]
    fn a_changed_word_is_marked_inside_its_paragraph() {
        let old = vec![
            para("Der Auftragnehmer meldet binnen 24 Stunden."),
            para("Ende."),
        ];
        let new = vec![
            para("Der Auftragnehmer meldet binnen 48 Stunden."),
            para("Ende."),
        ];
        let r = redline(&old, &new);
        assert_eq!(r.len(), 2);
        assert_eq!(
            marked(&r[0]),
            "Der Auftragnehmer meldet binnen [-24-]{+48+} Stunden."
        );
        assert!(has_changes(&r));
    }

    #[test]
    fn inserted_and_deleted_blocks_are_whole() {
        let old = vec![para("a b c"), para("gone entirely"), para("z")];
        let new = vec![para("a b c"), para("z"), para("brand new")];
        let r = redline(&old, &new);
        let marks: Vec<Mark> = r.iter().map(|b| b.mark).collect();
        assert_eq!(
            marks,
            vec![Mark::Same, Mark::Deleted, Mark::Same, Mark::Inserted]
        );
        assert_eq!(r[1].cells[0][0].mark, Mark::Deleted);
    }

    #[test]
    fn bold_survives_a_word_diff() {
        let old = vec![Block::new(
            BlockKind::Bullet(0),
            vec![Span::bold("MFA"), Span::plain(" für alle Zugänge")],
        )];
        let new = vec![Block::new(
            BlockKind::Bullet(0),
            vec![Span::bold("MFA"), Span::plain(" für alle Fernzugänge")],
        )];
        let r = redline(&old, &new);
        assert!(r[0].cells[0][0].bold);
        assert_eq!(r[0].cells[0][0].text, "MFA");
        assert_eq!(marked(&r[0]), "MFA für alle [-Zugänge-]{+Fernzugänge+}");
    }
}
