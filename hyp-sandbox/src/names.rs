//! The names a test hands the sandbox (APIs, endpoints, ledgers, queues, records, statuses,
//! faults), checked against the spec, so a helper never answers "0" or "empty" for a typo.

use crate::fault::{Fault, FaultKind};
use crate::served::{Served, ServedApi};

/// A list of names for a message: `` `a`, `b` ``.
fn listed<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The API named `api`, or the reason naming the served ones.
pub(crate) fn api<'a>(apis: &'a [ServedApi], api: &str) -> Result<&'a ServedApi, String> {
    apis.iter().find(|a| a.plan.api == api).ok_or_else(|| {
        format!(
            "no API `{api}` in spec/; served: {}",
            listed(apis.iter().map(|a| a.plan.api.as_str()))
        )
    })
}

impl ServedApi {
    /// The endpoint with spec key `key`, or the reason naming the API's endpoints.
    pub(crate) fn named(&self, key: &str) -> Result<&Served, String> {
        self.endpoint(key).ok_or_else(|| {
            format!(
                "`{}` has no endpoint `{key}`; its endpoints: {}",
                self.plan.api,
                listed(self.endpoints.iter().map(|e| e.plan.key.as_str()))
            )
        })
    }

    /// Checks a ledger name and an account's arity against `sandbox.ledgers`.
    pub(crate) fn check_ledger(&self, ledger: &str, account: &[&str]) -> Result<(), String> {
        let ledgers = &self.plan.sandbox.ledgers;
        let Some(l) = ledgers.iter().find(|l| l.name == ledger) else {
            return Err(format!(
                "`{}` keeps no ledger `{ledger}`; its ledgers: {}",
                self.plan.api,
                listed(ledgers.iter().map(|l| l.name.as_str()))
            ));
        };
        if l.account.len() != account.len() {
            return Err(format!(
                "ledger `{ledger}` of `{}` names an account by {:?}, not by {} values",
                self.plan.api,
                l.account,
                account.len()
            ));
        }
        Ok(())
    }

    /// Checks a queue name against `sandbox.queues`.
    pub(crate) fn check_queue(&self, queue: &str) -> Result<(), String> {
        let queues = &self.plan.sandbox.queues;
        if queues.iter().any(|q| q.name == queue) {
            return Ok(());
        }
        Err(format!(
            "`{}` keeps no queue `{queue}`; its queues: {}",
            self.plan.api,
            listed(queues.iter().map(|q| q.name.as_str()))
        ))
    }

    /// Checks a record name and a status against `sandbox.records`.
    pub(crate) fn check_record(&self, record: &str, status: &str) -> Result<(), String> {
        let records = &self.plan.sandbox.records;
        let Some(r) = records.iter().find(|r| r.name == record) else {
            return Err(format!(
                "`{}` keeps no record `{record}`; its records: {}",
                self.plan.api,
                listed(records.iter().map(|r| r.name.as_str()))
            ));
        };
        if r.statuses.iter().any(|s| s == status) {
            return Ok(());
        }
        Err(format!(
            "record `{record}` of `{}` has no status `{status}`; its statuses: {}",
            self.plan.api,
            listed(r.statuses.iter().map(String::as_str))
        ))
    }

    /// Whether the spec can play `fault` on endpoint `e` as the vendor would: a vendor timeout
    /// only where `sandbox.timeouts` declares one, a code only from the API's code table. The
    /// network's faults (delay, HTTP 500 from a proxy, HTML page, truncated body, dropped
    /// connection) are playable everywhere.
    pub(crate) fn check_fault(&self, e: &Served, fault: &Fault) -> Result<(), String> {
        match fault.kind {
            FaultKind::VendorTimeout if crate::strike::declared_timeout(self, e).is_none() => {
                let declared: Vec<&str> = self
                    .plan
                    .sandbox
                    .timeouts
                    .iter()
                    .flat_map(|t| t.endpoints.iter().map(String::as_str))
                    .collect();
                Err(format!(
                    "the spec declares no vendor timeout for `{}` of `{}` (spec/{}/sandbox.yaml \
                     `timeouts`); declared for: {}",
                    e.plan.key,
                    self.plan.api,
                    self.plan.api,
                    if declared.is_empty() {
                        "no endpoint".to_string()
                    } else {
                        listed(declared.into_iter())
                    }
                ))
            }
            FaultKind::Code(code) if !self.plan.codes.iter().any(|c| c.value == code) => {
                let mut codes: Vec<i64> = self.plan.codes.iter().map(|c| c.value).collect();
                codes.dedup();
                Err(format!(
                    "code {code} is not in the code table of `{}`; its codes: {codes:?}",
                    self.plan.api
                ))
            }
            _ => Ok(()),
        }
    }
}
