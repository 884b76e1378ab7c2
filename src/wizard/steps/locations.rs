//! Step 7: the countries where the processor processes the data, and the transfer basis
//! (Art. 44-49 GDPR) for a country outside the EEA; the subprocessors step asks the same
//! transfer question.

use crate::catalog::Country;
use crate::tr;
use crate::wizard::ask::Wizard;
use crate::wizard::form::{Form, TransferForm};
use crate::wizard::{Choice, Stop};

impl Wizard<'_> {
    /// Asks for the transfer basis when a location needs one, after explaining why. A basis
    /// per location (from `dpa new --from`) is kept while it still names only these
    /// locations and covers every one that needs a basis.
    pub(super) fn transfer_basis(
        &mut self,
        key: &str,
        who: &str,
        locations: &[String],
        current: Option<TransferForm>,
    ) -> Result<Option<TransferForm>, Stop> {
        let cats = self.cats;
        let ui = self.ui;
        let outside: Vec<&Country> = locations
            .iter()
            .filter_map(|c| cats.location(c))
            .filter(|c| !c.eea)
            .collect();
        if let Some(TransferForm::PerLocation(map)) = &current
            && map.iter().all(|(l, _)| locations.contains(l))
            && outside
                .iter()
                .filter(|c| c.needs_basis())
                .all(|c| map.iter().any(|(l, _)| *l == c.code))
        {
            return Ok(current);
        }
        let current = current.and_then(|c| c.single().map(str::to_string));
        let needing: Vec<&Country> = outside
            .iter()
            .copied()
            .filter(|c| c.needs_basis())
            .collect();
        let names = |cs: &[&Country]| {
            cs.iter()
                .map(|c| format!("{} ({})", c.name(ui), c.code))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if outside.is_empty() {
            return Ok(None);
        }
        if needing.is_empty() {
            self.say(&tr!(
                "wizard-transfer-adequate",
                who = who,
                countries = names(&outside)
            ));
            return Ok(current.filter(|c| c == "adequacy").map(TransferForm::One));
        }
        self.say(&tr!(
            "wizard-transfer-needed",
            who = who,
            countries = names(&needing)
        ));
        let dpf_possible = needing.iter().all(|c| c.dpf);
        let ids: &[&str] = if dpf_possible {
            &["dpf", "scc", "bcr", "derogation"]
        } else {
            &["scc", "bcr", "derogation"]
        };
        let choices: Vec<Choice> = ids
            .iter()
            .filter_map(|id| cats.transfer_bases.get(id))
            .map(|e| {
                let w = e.wording(ui);
                let label = match &w.article {
                    Some(a) => format!("{} ({a})", w.label),
                    None => w.label.clone(),
                };
                Choice::new(&e.id, label).with_help(w.help.clone())
            })
            .collect();
        let cur = current.unwrap_or_else(|| "scc".into());
        let basis = self.choose(
            key,
            &tr!("wizard-transfer-basis", countries = names(&needing)),
            None,
            choices,
            &cur,
        )?;
        Ok(Some(TransferForm::One(basis)))
    }

    /// The processor's own processing locations.
    pub(super) fn locations(&mut self, f: &mut Form) -> Result<(), Stop> {
        let current =
            if f.processing.locations.is_empty() && !f.processor.address.country.is_empty() {
                vec![f.processor.address.country.clone()]
            } else {
                f.processing.locations.clone()
            };
        f.processing.locations =
            self.countries("locations.countries", &tr!("wizard-locations"), &current)?;
        let who = tr!("wizard-transfer-who-processor");
        f.processing.transfer = self.transfer_basis(
            "locations.transfer",
            &who,
            &f.processing.locations.clone(),
            f.processing.transfer.clone(),
        )?;
        Ok(())
    }
}
