//! Accounts: the credentials each API accepts (`sandbox.credentials` in the spec, defaults
//! there, values settable by the test), and the vendor's answer to a missing or wrong one.

use std::collections::HashMap;

use crate::plan::spec::{Carried, Credential};
use axum::http::header::AUTHORIZATION;
use hyp_api::Node;

use crate::answer::text;
use crate::incoming::Incoming;
use crate::served::{Served, ServedApi};

/// The accepted values of every credential, by (API, credential name): the first is the one
/// tests are told to send.
#[derive(Clone, Default)]
pub(crate) struct Accounts(HashMap<(String, String), Vec<String>>);

impl Accounts {
    /// Every credential of every API at its spec default.
    pub(crate) fn defaults(apis: &[ServedApi]) -> Accounts {
        let mut values = HashMap::new();
        for api in apis {
            for k in &api.plan.sandbox.credentials {
                let accepted = std::iter::once(&k.default)
                    .chain(&k.also)
                    .cloned()
                    .collect();
                values.insert((api.plan.api.clone(), k.name.clone()), accepted);
            }
        }
        Accounts(values)
    }

    /// Sets one credential, refusing a name the spec does not declare (naming the valid ones).
    pub(crate) fn set(
        &mut self,
        apis: &[ServedApi],
        api: &str,
        name: &str,
        value: &str,
    ) -> Result<(), String> {
        let served = crate::names::api(apis, api)?;
        let declared = &served.plan.sandbox.credentials;
        if !declared.iter().any(|k| k.name == name) {
            let names: Vec<String> = declared.iter().map(|k| format!("`{}`", k.name)).collect();
            return Err(format!(
                "`{api}` has no credential `{name}`; its credentials: {}",
                names.join(", ")
            ));
        }
        self.0
            .insert((api.to_string(), name.to_string()), vec![value.to_string()]);
        Ok(())
    }

    /// The value tests send for a declared credential (the first accepted one).
    pub(crate) fn get(&self, api: &str, name: &str) -> Option<&str> {
        self.0
            .get(&(api.to_string(), name.to_string()))
            .and_then(|v| v.first())
            .map(String::as_str)
    }

    /// Whether `sent` is an accepted value of credential `k`.
    fn accepts(&self, api: &ServedApi, k: &Credential, sent: Option<&str>) -> bool {
        let key = (api.plan.api.clone(), k.name.clone());
        sent.is_some_and(|s| self.0.get(&key).is_some_and(|v| v.iter().any(|a| a == s)))
    }

    /// The code the vendor answers a call to `e` whose credentials are missing or wrong, if so.
    pub(crate) fn refusal(
        &self,
        api: &ServedApi,
        e: &Served,
        req: &Incoming,
        fields: &Node,
    ) -> Option<i64> {
        let creds = &api.plan.sandbox.credentials;
        let bearer: Vec<&Credential> = creds
            .iter()
            .filter(|k| k.carried == Carried::Bearer)
            .collect();
        if let Some(first) = bearer.first() {
            let sent = req
                .headers
                .get(AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "));
            let matched = bearer.iter().find(|k| self.accepts(api, k, sent));
            match matched {
                None => return Some(first.wrong.code),
                Some(k) if k.read_only && !e.hook.read_only => {
                    return k.beyond_scope.as_ref().map(|a| a.code);
                }
                Some(_) => {}
            }
        }
        for k in creds.iter().filter(|k| k.carried != Carried::Bearer) {
            let Some(field) = &k.field else { continue };
            let sent = match k.carried {
                Carried::Form => form_field(&req.body, field),
                _ if e.plan.fields.iter().any(|f| f.wire == *field) => {
                    fields.get(field).and_then(text)
                }
                _ => continue,
            };
            if !self.accepts(api, k, sent.as_deref()) {
                let own = k.wrong_on.iter().find(|w| w.endpoint == e.plan.key);
                return Some(own.map_or(k.wrong.code, |w| w.code));
            }
        }
        None
    }
}

/// A field of a form body.
fn form_field(body: &[u8], name: &str) -> Option<String> {
    form_urlencoded::parse(body)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}
