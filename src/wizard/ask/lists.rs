//! Questions about lists: ticking catalog entries, keeping and adding free texts, both
//! together, and the add/edit/remove menu of the subprocessors and signatories.

use super::Wizard;
use crate::catalog::Catalog;
use crate::tr;
use crate::wizard::form::ItemForm;
use crate::wizard::{Choice, ChoiceQuestion, Stop};

/// What the person picked in an add/edit/remove menu.
pub(in crate::wizard) enum Menu {
    /// Done with the list.
    Done,
    /// Add an entry.
    Add,
    /// Change the entry at this index.
    Edit(usize),
    /// Remove the entry at this index.
    Remove(usize),
}

impl Wizard<'_> {
    /// Entries of a catalog, with label and one-line help, and for measures their
    /// wording in the contract (in the contract's language).
    pub(in crate::wizard) fn catalog_choices(&self, catalog: &Catalog) -> Vec<Choice> {
        catalog
            .entries
            .iter()
            .map(|e| {
                Choice::new(&e.id, e.label(self.ui))
                    .with_help(e.wording(self.ui).help.clone())
                    .with_detail(e.wording(self.contract).text.clone())
            })
            .collect()
    }

    /// Ids of a catalog, ticked from `current`.
    pub(in crate::wizard) fn pick_ids(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        catalog: &Catalog,
        current: &[String],
        at_least_one: bool,
    ) -> Result<Vec<String>, Stop> {
        let choices = self.catalog_choices(catalog);
        let selected = choices
            .iter()
            .enumerate()
            .filter(|(_, c)| current.contains(&c.id))
            .map(|(i, _)| i)
            .collect();
        let q = ChoiceQuestion {
            key: key.into(),
            message: message.into(),
            help: help.map(Into::into),
            choices,
            selected,
            at_least_one,
        };
        let picked = self.p.multi_select(&q)?;
        Ok(picked
            .into_iter()
            .filter_map(|i| q.choices.get(i).map(|c| c.id.clone()))
            .collect())
    }

    /// Keeps or drops the texts of a list, then adds new ones until an empty answer.
    pub(in crate::wizard) fn edit_texts(
        &mut self,
        key: &str,
        add: &str,
        list: &mut Vec<String>,
    ) -> Result<(), Stop> {
        if !list.is_empty() {
            let q = ChoiceQuestion {
                key: format!("{key}.keep"),
                message: tr!("wizard-keep-entries"),
                help: None,
                choices: list
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Choice::new(i.to_string(), t.clone()))
                    .collect(),
                selected: (0..list.len()).collect(),
                at_least_one: false,
            };
            let keep = self.p.multi_select(&q)?;
            let old = std::mem::take(list);
            list.extend(
                old.into_iter()
                    .enumerate()
                    .filter(|(i, _)| keep.contains(i))
                    .map(|(_, t)| t),
            );
        }
        let help = tr!("wizard-add-more-help");
        loop {
            match self.opt_text(&format!("{key}.add"), add, Some(&help), None)? {
                None => return Ok(()),
                Some(t) => {
                    if !list.contains(&t) {
                        list.push(t);
                    }
                }
            }
        }
    }

    /// Catalog ids plus free texts, at least one entry in all.
    #[allow(clippy::too_many_arguments)]
    pub(in crate::wizard) fn items(
        &mut self,
        key: &str,
        message: &str,
        help: &str,
        add: &str,
        catalog: &Catalog,
        items: &mut Vec<ItemForm>,
        fresh_default: &[&str],
    ) -> Result<(), Stop> {
        loop {
            let mut ids: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    ItemForm::Id(s) => Some(s.clone()),
                    ItemForm::Text(_) => None,
                })
                .collect();
            if items.is_empty() {
                ids = fresh_default.iter().map(|s| s.to_string()).collect();
            }
            let picked = self.pick_ids(key, message, Some(help), catalog, &ids, false)?;
            let mut texts: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    ItemForm::Text(s) => Some(s.clone()),
                    ItemForm::Id(_) => None,
                })
                .collect();
            *items = picked.iter().cloned().map(ItemForm::Id).collect();
            items.extend(texts.iter().cloned().map(ItemForm::Text));
            self.edit_texts(&format!("{key}.text"), add, &mut texts)?;
            *items = picked.into_iter().map(ItemForm::Id).collect();
            items.extend(texts.into_iter().map(ItemForm::Text));
            if !items.is_empty() {
                return Ok(());
            }
            self.say(&tr!("wizard-at-least-one-item"));
        }
    }

    /// Done, add, or change or remove one of `entries`; the cursor starts on `start`
    /// (`done` or `add`).
    pub(in crate::wizard) fn menu(
        &mut self,
        key: &str,
        message: &str,
        help: Option<&str>,
        entries: &[String],
        add: &str,
        start: &str,
    ) -> Result<Menu, Stop> {
        let mut choices = vec![
            Choice::new("done", tr!("wizard-menu-done")),
            Choice::new("add", add),
        ];
        for (i, e) in entries.iter().enumerate() {
            choices.push(Choice::new(
                format!("edit:{i}"),
                tr!("wizard-menu-edit", entry = e.as_str()),
            ));
        }
        for (i, e) in entries.iter().enumerate() {
            choices.push(Choice::new(
                format!("remove:{i}"),
                tr!("wizard-menu-remove", entry = e.as_str()),
            ));
        }
        let id = self.choose(key, message, help, choices, start)?;
        let index = |s: &str| s.parse::<usize>().ok();
        Ok(match id.split_once(':') {
            Some(("edit", i)) => index(i).map_or(Menu::Done, Menu::Edit),
            Some(("remove", i)) => index(i).map_or(Menu::Done, Menu::Remove),
            _ if id == "add" => Menu::Add,
            _ => Menu::Done,
        })
    }
}
