//! The end of step 9: what the contract will promise, word for word, before the person
//! commits to it. Ticking a measure shows one line; the contract then holds the
//! measure's full wording (with its numbers: 12 characters, 12 months, DIN 66399 level
//! 3, ...) and, for Art. 9 or Art. 10 data, a clause with further safeguards. Both are
//! shown here exactly as they will be printed for this form, in the contract's language,
//! and every measure can be unticked from here; the clause text follows the ticks.

use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::signatories::default_signatories;
use crate::tr;
use crate::wizard::ask::Wizard;
use crate::wizard::form::Form;
use crate::wizard::{Choice, ChoiceQuestion, Stop, yaml_out};

/// Clauses whose obligations depend on the data processed and on the measures ticked,
/// shown in the review when they apply: the safeguards for Art. 9 and Art. 10 data.
const DATA_CLAUSES: [&str; 1] = ["sensitive_data"];

/// Markdown of a clause as plain text for the terminal: paragraphs separated by a blank
/// line, list items as "• ", emphasis and escapes removed.
pub(super) fn plain(markdown: &str) -> String {
    let mut out = String::new();
    for ev in Parser::new(markdown) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => out.push_str("• "),
            Event::End(TagEnd::Item) | Event::End(TagEnd::Heading(_)) => out.push('\n'),
            Event::End(TagEnd::Paragraph) => out.push_str("\n\n"),
            Event::End(TagEnd::List(_)) => out.push('\n'),
            _ => {}
        }
    }
    // Items end in a paragraph of their own in loose lists: no blank lines inside lists.
    let mut text = out.replace("\n\n• ", "\n• ");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text.trim_end().to_string()
}

/// The clauses of [`DATA_CLAUSES`] as this form renders them: (heading, plain text).
pub(super) fn data_clauses(f: &Form) -> Result<Vec<(String, String)>, String> {
    Ok(rendered_clauses(f, &DATA_CLAUSES)?
        .into_iter()
        .map(|(_, heading, text)| (heading, text))
        .collect())
}

/// The clauses with these ids that apply to this form, as it renders them: (id,
/// heading, plain text), in the contract's language. Later steps may be unanswered yet;
/// what the clauses do not read (signatories) is filled in for the rendering only.
pub(super) fn rendered_clauses(
    f: &Form,
    ids: &[&str],
) -> Result<Vec<(String, String, String)>, String> {
    let mut f = f.clone();
    if f.signatories.is_empty() {
        f.signatories = default_signatories(&f);
    }
    let yaml = yaml_out::to_yaml(&f);
    let loaded =
        crate::input::parse_contract(Path::new("review.yaml"), yaml).map_err(|e| e.to_string())?;
    let lib = crate::clauses::Library::builtin().map_err(|e| e.to_string())?;
    let doc = crate::assemble::assemble(&loaded.contract, &lib).map_err(|e| e.to_string())?;
    Ok(doc
        .sections
        .iter()
        .filter(|s| ids.contains(&s.id.as_str()))
        .map(|s| {
            (
                s.id.clone(),
                format!("{} {}", s.number, s.title),
                plain(&s.body),
            )
        })
        .collect())
}

impl Wizard<'_> {
    /// The promises of this form: the measures ticked and own measures, as in the annex,
    /// and the clauses that depend on the data.
    pub(super) fn promises(&self, f: &Form) -> String {
        let lang = f.lang();
        let mut out = vec![tr!("wizard-review-title")];
        out.push(tr!(
            "wizard-review-measures",
            count = f.security.measures.len()
        ));
        for id in &f.security.measures {
            if let Some(m) = self.cats.measures.get(id) {
                let w = m.wording(lang);
                out.push(format!(
                    "• {}: {}",
                    w.label,
                    w.text.clone().unwrap_or_default()
                ));
            }
        }
        for c in &f.security.custom {
            out.push(format!("• {}", c.text));
        }
        match data_clauses(f) {
            Ok(clauses) => {
                for (heading, body) in clauses {
                    out.push(String::new());
                    out.push(tr!("wizard-review-clause", clause = heading));
                    out.push(body);
                }
            }
            Err(e) => {
                out.push(String::new());
                out.push(tr!("wizard-review-clause-later", reason = e));
            }
        }
        out.join("\n")
    }

    /// Shows [`Wizard::promises`] and lets the person untick measures, until nothing is
    /// unticked.
    pub(super) fn review_promises(&mut self, f: &mut Form) -> Result<(), Stop> {
        loop {
            let text = self.promises(f);
            self.say(&format!("\n{text}\n"));
            if f.security.measures.is_empty() {
                return Ok(());
            }
            let choices: Vec<Choice> = f
                .security
                .measures
                .iter()
                .filter_map(|id| self.cats.measures.get(id))
                .map(|m| {
                    Choice::new(&m.id, m.label(self.ui))
                        .with_detail(m.wording(f.lang()).text.clone())
                })
                .collect();
            let q = ChoiceQuestion {
                key: "security.review".into(),
                message: tr!("wizard-review-question"),
                help: Some(tr!("wizard-review-help")),
                selected: (0..choices.len()).collect(),
                choices,
                at_least_one: true,
            };
            let keep = self.p.multi_select(&q)?;
            if keep.len() == q.choices.len() {
                return Ok(());
            }
            let kept: Vec<String> = keep
                .iter()
                .filter_map(|&i| q.choices.get(i).map(|c| c.id.clone()))
                .collect();
            self.say(&tr!(
                "wizard-review-removed",
                count = q.choices.len() - kept.len()
            ));
            f.security.measures = kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_markdown_reads_as_plain_text() {
        let md = "(1) Der Auftragnehmer \\(AN\\) verarbeitet **Gesundheitsdaten**.\n\n(2) Zusätzlich:\n\n- **Verschlüsselung:** nach dem Stand der Technik;\n- **Protokollierung:** jeder Zugriff.\n\n(3) Ende.";
        assert_eq!(
            plain(md),
            "(1) Der Auftragnehmer (AN) verarbeitet Gesundheitsdaten.\n\n(2) Zusätzlich:\n• Verschlüsselung: nach dem Stand der Technik;\n• Protokollierung: jeder Zugriff.\n\n(3) Ende."
        );
    }
}
