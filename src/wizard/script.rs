//! A [`Prompter`] that answers from a script: for tests, and for anyone who wants to drive
//! the wizard without a terminal. Each reply names the question it expects (its key), so a
//! script that runs out of step fails with a clear message instead of answering the wrong
//! question. A typed answer goes through the question's field rule exactly as at the
//! terminal: a refused answer is recorded and the next reply must answer the same question.

use std::collections::VecDeque;

use super::{ChoiceQuestion, Prompter, Stop, TextQuestion};

/// One prepared answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Types this text (replacing what the input started with).
    Text(String),
    /// Presses Enter: keeps the text the input started with, the default of a yes/no
    /// question, the entry under the cursor, or the ticked entries.
    Enter,
    /// Answers yes.
    Yes,
    /// Answers no.
    No,
    /// Picks the entry with this id.
    Pick(String),
    /// Ticks exactly the entries with these ids.
    Tick(Vec<String>),
    /// Presses Ctrl-C.
    Interrupt,
    /// Presses Esc: back one question.
    Back,
}

/// Answers questions from a list of `(question key, reply)`.
#[derive(Debug, Default)]
pub struct ScriptedPrompter {
    replies: VecDeque<(String, Reply)>,
    /// Everything shown and asked, one entry per line, for assertions.
    pub transcript: Vec<String>,
    /// Answers refused by a field rule: question key and the message shown.
    pub refusals: Vec<(String, String)>,
}

impl ScriptedPrompter {
    /// A prompter with these replies, in order.
    pub fn new<K: Into<String>>(replies: impl IntoIterator<Item = (K, Reply)>) -> Self {
        ScriptedPrompter {
            replies: replies.into_iter().map(|(k, r)| (k.into(), r)).collect(),
            transcript: Vec::new(),
            refusals: Vec::new(),
        }
    }

    /// Adds more replies at the end.
    pub fn extend<K: Into<String>>(&mut self, replies: impl IntoIterator<Item = (K, Reply)>) {
        self.replies
            .extend(replies.into_iter().map(|(k, r)| (k.into(), r)));
    }

    /// Replies not used yet.
    pub fn remaining(&self) -> usize {
        self.replies.len()
    }

    /// The whole transcript as one text.
    pub fn text(&self) -> String {
        self.transcript.join("\n")
    }

    fn next(&mut self, key: &str, message: &str) -> Result<Reply, Stop> {
        match self.replies.pop_front() {
            None => Err(Stop::Failed(format!(
                "the script has no reply for `{key}` ({message})"
            ))),
            Some((k, r)) if k == key => {
                if r == Reply::Interrupt {
                    self.transcript.push(format!("? {message} ^C"));
                    return Err(Stop::Interrupted);
                }
                if r == Reply::Back {
                    self.transcript.push(format!("? {message} <Esc>"));
                    return Err(Stop::Back);
                }
                Ok(r)
            }
            Some((k, _)) => Err(Stop::Failed(format!(
                "the script expected question `{k}`, but the wizard asked `{key}` ({message})"
            ))),
        }
    }

    fn pick(q: &ChoiceQuestion, id: &str) -> Result<usize, Stop> {
        q.choices.iter().position(|c| c.id == id).ok_or_else(|| {
            Stop::Failed(format!(
                "`{}` has no choice `{id}`; choices: {}",
                q.key,
                q.choices
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
    }

    fn wrong(key: &str, r: &Reply) -> Stop {
        Stop::Failed(format!("reply {r:?} does not fit question `{key}`"))
    }
}

impl Prompter for ScriptedPrompter {
    fn say(&mut self, text: &str) {
        self.transcript.extend(text.lines().map(str::to_string));
    }

    fn text(&mut self, q: &TextQuestion) -> Result<String, Stop> {
        loop {
            let answer = match self.next(&q.key, &q.message)? {
                Reply::Text(t) => t,
                Reply::Enter => q.initial.clone(),
                r => return Err(Self::wrong(&q.key, &r)),
            };
            match (q.check)(&answer) {
                Ok(()) => {
                    self.transcript.push(format!("? {} {answer}", q.message));
                    return Ok(answer);
                }
                Err(m) => {
                    self.transcript
                        .push(format!("? {} {answer}\n  refused: {m}", q.message));
                    self.refusals.push((q.key.clone(), m));
                }
            }
        }
    }

    fn confirm(
        &mut self,
        key: &str,
        message: &str,
        _help: Option<&str>,
        default: bool,
    ) -> Result<bool, Stop> {
        let b = match self.next(key, message)? {
            Reply::Yes => true,
            Reply::No => false,
            Reply::Enter => default,
            r => return Err(Self::wrong(key, &r)),
        };
        self.transcript.push(format!("? {message} {b}"));
        Ok(b)
    }

    fn select(&mut self, q: &ChoiceQuestion) -> Result<usize, Stop> {
        let i = match self.next(&q.key, &q.message)? {
            Reply::Pick(id) => Self::pick(q, &id)?,
            Reply::Enter => q.selected.first().copied().unwrap_or(0),
            r => return Err(Self::wrong(&q.key, &r)),
        };
        let label = q.choices.get(i).map(|c| c.label.as_str()).unwrap_or("");
        let ids: Vec<&str> = q.choices.iter().map(|c| c.id.as_str()).collect();
        self.transcript.push(format!("? {} {label}", q.message));
        self.transcript
            .push(format!("  choices: {}", ids.join(", ")));
        Ok(i)
    }

    fn multi_select(&mut self, q: &ChoiceQuestion) -> Result<Vec<usize>, Stop> {
        loop {
            let mut picked = match self.next(&q.key, &q.message)? {
                Reply::Tick(ids) => ids
                    .iter()
                    .map(|id| Self::pick(q, id))
                    .collect::<Result<Vec<_>, _>>()?,
                Reply::Enter => q.selected.clone(),
                r => return Err(Self::wrong(&q.key, &r)),
            };
            picked.sort_unstable();
            picked.dedup();
            if q.at_least_one && picked.is_empty() {
                self.refusals
                    .push((q.key.clone(), "tick at least one entry".into()));
                continue;
            }
            let ids: Vec<&str> = picked
                .iter()
                .filter_map(|&i| q.choices.get(i).map(|c| c.id.as_str()))
                .collect();
            self.transcript
                .push(format!("? {} [{}]", q.message, ids.join(", ")));
            return Ok(picked);
        }
    }
}
