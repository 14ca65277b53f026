//! Accounts: the credentials each API accepts (`sandbox.credentials` in the spec, defaults
//! there, values settable by the test), and the vendor's answer to a missing or wrong one.

use std::collections::HashMap;

use axum::http::header::AUTHORIZATION;
use hyp_api::Node;
use hyp_codegen::sandbox::spec::{Carried, Credential};

use crate::answer::text;
use crate::incoming::Incoming;
use crate::served::{Served, ServedApi};

/// The accepted value of every credential, by (API, credential name).
#[derive(Clone, Default)]
pub(crate) struct Accounts(HashMap<(String, String), String>);

impl Accounts {
    /// Every credential of every API at its spec default.
    pub(crate) fn defaults(apis: &[ServedApi]) -> Accounts {
        let mut values = HashMap::new();
        for api in apis {
            for k in &api.plan.sandbox.credentials {
                values.insert((api.plan.api.clone(), k.name.clone()), k.default.clone());
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
            .insert((api.to_string(), name.to_string()), value.to_string());
        Ok(())
    }

    /// The accepted value of a declared credential.
    pub(crate) fn get(&self, api: &str, name: &str) -> Option<&str> {
        self.0
            .get(&(api.to_string(), name.to_string()))
            .map(String::as_str)
    }

    fn value<'a>(&'a self, api: &ServedApi, k: &'a Credential) -> &'a str {
        self.get(&api.plan.api, &k.name).unwrap_or(&k.default)
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
            let matched = bearer
                .iter()
                .find(|k| sent.is_some_and(|s| s == self.value(api, k)));
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
            if sent.as_deref() != Some(self.value(api, k)) {
                return Some(k.wrong.code);
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
