//! Going back one question (Esc), by replaying the answers before it.
//!
//! The questions of a section are plain code (`steps/`), with conditions and loops, so
//! "the question before" is not a place to jump to. Instead the driver keeps the form as
//! it was when the section started and every answer given in it. Esc on question *n*
//! puts the form back, runs the section again and [`Replay`] answers questions 1 to
//! *n*-2 from the record without showing them; question *n*-1 is asked for real, with
//! the earlier answer as its suggestion. Esc on the first question of a section does
//! the same with the section before. Because each section decides its questions only
//! from the form and the answers, the replay walks the same way; a question that does
//! not fit the record (it cannot happen unless a step reads something else) ends the
//! replay and is asked normally.

use std::collections::VecDeque;

use super::{ChoiceQuestion, Prompter, Stop, TextQuestion};

/// An accepted answer, by question key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Typed text.
    Text(String),
    /// Yes or no.
    Yes(bool),
    /// The id of the entry picked.
    One(String),
    /// The ids of the entries ticked.
    Many(Vec<String>),
}

/// One answer of the record: the question's key and the answer.
pub type Given = (String, Answer);

/// A [`Prompter`] that first gives recorded answers, then asks the real one, and records
/// every answer given.
pub struct Replay<'a> {
    inner: &'a mut dyn Prompter,
    replay: VecDeque<Given>,
    /// The earlier answer to suggest when the question with this key is asked.
    prefill: Option<Given>,
    /// Every answer of this run, replayed or asked, in order.
    pub given: Vec<Given>,
}

impl<'a> Replay<'a> {
    /// Replays `replay`, then asks `inner`; `prefill` is suggested for the next question
    /// if its key matches.
    pub fn new(inner: &'a mut dyn Prompter, replay: Vec<Given>, prefill: Option<Given>) -> Self {
        Replay {
            inner,
            replay: replay.into(),
            prefill,
            given: Vec::new(),
        }
    }

    /// The recorded answer for `key`, if the record is still in step.
    fn take(&mut self, key: &str) -> Option<Answer> {
        match self.replay.front() {
            Some((k, _)) if k == key => self.replay.pop_front().map(|(_, a)| a),
            Some(_) => {
                self.replay.clear();
                None
            }
            None => None,
        }
    }

    /// The earlier answer to suggest for `key` (once).
    fn suggestion(&mut self, key: &str) -> Option<Answer> {
        if !self.replay.is_empty() {
            return None;
        }
        match self.prefill.take() {
            Some((k, a)) if k == key => Some(a),
            _ => None,
        }
    }

    fn record(&mut self, key: &str, a: Answer) {
        self.given.push((key.to_string(), a));
    }
}

fn ids(q: &ChoiceQuestion, picked: &[usize]) -> Vec<String> {
    picked
        .iter()
        .filter_map(|&i| q.choices.get(i).map(|c| c.id.clone()))
        .collect()
}

fn positions(q: &ChoiceQuestion, ids: &[String]) -> Option<Vec<usize>> {
    ids.iter()
        .map(|id| q.choices.iter().position(|c| &c.id == id))
        .collect()
}

impl Prompter for Replay<'_> {
    fn say(&mut self, text: &str) {
        // What was said before a replayed question is on the screen already.
        if self.replay.is_empty() {
            self.inner.say(text);
        }
    }

    fn text(&mut self, q: &TextQuestion) -> Result<String, Stop> {
        if let Some(Answer::Text(t)) = self.take(&q.key)
            && (q.check)(&t).is_ok()
        {
            self.record(&q.key, Answer::Text(t.clone()));
            return Ok(t);
        }
        let answer = match self.suggestion(&q.key) {
            Some(Answer::Text(t)) => {
                let mut q = q.clone();
                q.initial = t;
                self.inner.text(&q)?
            }
            _ => self.inner.text(q)?,
        };
        self.record(&q.key, Answer::Text(answer.clone()));
        Ok(answer)
    }

    fn confirm(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        default: bool,
    ) -> Result<bool, Stop> {
        if let Some(Answer::Yes(b)) = self.take(key) {
            self.record(key, Answer::Yes(b));
            return Ok(b);
        }
        let default = match self.suggestion(key) {
            Some(Answer::Yes(b)) => b,
            _ => default,
        };
        let b = self.inner.confirm(key, message, help, default)?;
        self.record(key, Answer::Yes(b));
        Ok(b)
    }

    fn select(&mut self, q: &ChoiceQuestion) -> Result<usize, Stop> {
        if let Some(Answer::One(id)) = self.take(&q.key)
            && let Some(i) = q.choices.iter().position(|c| c.id == id)
        {
            self.record(&q.key, Answer::One(id));
            return Ok(i);
        }
        let i = match self.suggestion(&q.key) {
            Some(Answer::One(id)) => {
                let mut q = q.clone();
                if let Some(i) = q.choices.iter().position(|c| c.id == id) {
                    q.selected = vec![i];
                }
                self.inner.select(&q)?
            }
            _ => self.inner.select(q)?,
        };
        let id = q.choices.get(i).map(|c| c.id.clone()).unwrap_or_default();
        self.record(&q.key, Answer::One(id));
        Ok(i)
    }

    fn multi_select(&mut self, q: &ChoiceQuestion) -> Result<Vec<usize>, Stop> {
        if let Some(Answer::Many(list)) = self.take(&q.key)
            && let Some(picked) = positions(q, &list)
        {
            self.record(&q.key, Answer::Many(list));
            return Ok(picked);
        }
        let picked = match self.suggestion(&q.key) {
            Some(Answer::Many(list)) => {
                let mut q = q.clone();
                if let Some(p) = positions(&q, &list) {
                    q.selected = p;
                }
                self.inner.multi_select(&q)?
            }
            _ => self.inner.multi_select(q)?,
        };
        self.record(&q.key, Answer::Many(ids(q, &picked)));
        Ok(picked)
    }
}

/// Where to go after Esc with the answers `given` in the current run of a section:
/// `Some((replay, prefill))` to run the section again, `None` to go to the section
/// before (nothing was answered in this one yet).
pub fn one_back(mut given: Vec<Given>) -> Option<(Vec<Given>, Option<Given>)> {
    let last = given.pop()?;
    Some((given, Some(last)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::script::{Reply, ScriptedPrompter};
    use std::rc::Rc;

    fn q(key: &str) -> TextQuestion {
        TextQuestion {
            key: key.into(),
            message: key.into(),
            help: None,
            initial: String::new(),
            check: Rc::new(|_| Ok(())),
            completion: None,
        }
    }

    #[test]
    fn replays_then_asks_with_the_earlier_answer_suggested() {
        let mut inner = ScriptedPrompter::new([("b", Reply::Enter)]);
        let given = vec![("a".to_string(), Answer::Text("eins".into()))];
        let mut r = Replay::new(
            &mut inner,
            given,
            Some(("b".into(), Answer::Text("zwei".into()))),
        );
        r.say("not shown: a is replayed");
        assert_eq!(r.text(&q("a")), Ok("eins".into()));
        assert_eq!(
            r.text(&q("b")),
            Ok("zwei".into()),
            "Enter keeps the suggestion"
        );
        assert_eq!(r.given.len(), 2);
        assert!(!inner.text().contains("not shown"));
    }

    #[test]
    fn a_record_out_of_step_is_dropped() {
        let mut inner = ScriptedPrompter::new([("x", Reply::Text("neu".into()))]);
        let given = vec![("a".to_string(), Answer::Text("eins".into()))];
        let mut r = Replay::new(&mut inner, given, None);
        assert_eq!(r.text(&q("x")), Ok("neu".into()));
    }

    #[test]
    fn one_back_drops_the_last_answer_and_suggests_it() {
        assert_eq!(one_back(Vec::new()), None);
        let g = vec![
            ("a".to_string(), Answer::Yes(true)),
            ("b".to_string(), Answer::One("x".into())),
        ];
        let (replay, prefill) = one_back(g).expect("some");
        assert_eq!(replay, [("a".to_string(), Answer::Yes(true))]);
        assert_eq!(prefill, Some(("b".to_string(), Answer::One("x".into()))));
    }
}
