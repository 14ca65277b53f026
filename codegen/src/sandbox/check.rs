//! Checks a `sandbox:` section against its API: every endpoint, field, code and example it
//! names must exist. Diagnostics point at the item in `sandbox.yaml`.

use crate::diag::Diagnostic;
use crate::load::RawApi;
use crate::model::{Api, Endpoint};
use crate::sandbox::spec::{Carried, CodeAnswer, Credential, SandboxDef};

pub(super) struct Checker<'a> {
    raw: &'a RawApi,
    file: usize,
    pub(super) api: &'a Api,
    out: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    pub(super) fn err(&mut self, path: &str, message: String, help: &str) {
        self.out
            .push(self.raw.at(self.file, path, message, help.to_string()));
    }

    pub(super) fn endpoint(&mut self, path: &str, name: &str) -> Option<&'a Endpoint> {
        let found = self.api.endpoints.iter().find(|e| e.wire == name);
        if found.is_none() {
            self.err(
                path,
                format!("the sandbox names endpoint `{name}`, which this API does not have"),
                "use an endpoint key from this folder's `endpoints:`",
            );
        }
        found
    }

    pub(super) fn request_field(&mut self, path: &str, e: Option<&Endpoint>, wire: &str) {
        if let Some(e) = e
            && !e.request.iter().any(|f| f.wire == wire)
        {
            self.err(
                path,
                format!("`{}` has no request field `{wire}`", e.wire),
                "use a request field's wire name, exactly as the vendor writes it",
            );
        }
    }

    /// An answer field path (`Doc.RefundNumber`): its first segment must be a response field.
    pub(super) fn answer_field(&mut self, path: &str, e: Option<&Endpoint>, wire: &str) {
        if let Some(e) = e {
            let head = wire.split('.').next().unwrap_or(wire);
            if !e.response.iter().any(|f| f.wire == wire || f.wire == head) {
                self.err(
                    path,
                    format!("`{}` has no answer field `{wire}`", e.wire),
                    "use a response field's wire name (a dotted path into an object field)",
                );
            }
        }
    }

    pub(super) fn code(&mut self, path: &str, code: i64) {
        if !self.api.codes.iter().any(|c| c.value == code) {
            self.err(
                path,
                format!("code {code} is not in this API's code table"),
                "the sandbox answers documented codes only: add it to codes.yaml (with its source) or pick a documented one",
            );
        }
    }

    /// A code answer: a documented code, or one the spec decides on with its reason.
    pub(super) fn answer(&mut self, path: &str, a: &CodeAnswer) {
        if a.decision.is_none() {
            self.code(&format!("{path}.code"), a.code);
        }
    }

    pub(super) fn example(&mut self, path: &str, e: Option<&Endpoint>, name: &str) {
        if let Some(e) = e
            && !e.examples.iter().any(|x| x.name == name)
        {
            self.err(
                path,
                format!("`{}` has no example `{name}`", e.wire),
                "use the name of one of the endpoint's `examples:`",
            );
        }
    }
}

/// A credential names a field some endpoint carries (or an auth form field), and its answers.
fn credential(c: &mut Checker, p: &str, k: &Credential) {
    let named = match (k.carried, &k.field) {
        (Carried::Bearer, None) => true,
        (Carried::Field, Some(f)) => c
            .api
            .endpoints
            .iter()
            .any(|e| e.request.iter().any(|r| r.wire == *f)),
        (Carried::Form, Some(f)) => c
            .api
            .auth_fields
            .as_ref()
            .is_some_and(|(u, pw)| u == f || pw == f),
        _ => false,
    };
    if !named {
        c.err(
            p,
            format!(
                "credential `{}` is carried as {:?} with field {:?}, which this API does not have",
                k.name, k.carried, k.field
            ),
            "`bearer` takes no field; `field` names a request field of some endpoint; `form` names one of the API's auth form fields",
        );
    }
    c.answer(&format!("{p}.wrong"), &k.wrong);
    for (i, w) in k.wrong_on.iter().enumerate() {
        c.endpoint(&format!("{p}.wrong_on[{i}].endpoint"), &w.endpoint);
        c.code(&format!("{p}.wrong_on[{i}].code"), w.code);
    }
    match (&k.beyond_scope, k.read_only) {
        (Some(a), true) => c.answer(&format!("{p}.beyond_scope"), a),
        (None, false) => {}
        _ => c.err(
            p,
            "`beyond_scope` is the answer of a `read_only` credential, and one needs it".into(),
            "give both or neither",
        ),
    }
}

/// The diagnostics for `def` (empty when every name resolves).
pub fn check(raw: &RawApi, file: usize, api: &Api, def: &SandboxDef) -> Vec<Diagnostic> {
    let mut c = Checker {
        raw,
        file,
        api,
        out: Vec::new(),
    };
    let s = "sandbox";
    if let Some(a) = &def.invalid_request {
        c.answer(&format!("{s}.invalid_request"), a);
    }
    if let Some(a) = &def.unknown_endpoint {
        c.answer(&format!("{s}.unknown_endpoint"), a);
    }
    for (i, k) in def.credentials.iter().enumerate() {
        credential(&mut c, &format!("{s}.credentials[{i}]"), k);
    }
    if let Some(a) = &def.system_error {
        let p = format!("{s}.system_error");
        match a.code {
            Some(_) if a.html => c.err(
                &p,
                "a system error is either a `code` or an `html` page, not both".into(),
                "keep one of them",
            ),
            Some(code) if a.decision.is_none() => c.code(&format!("{p}.code"), code),
            None if !a.html => c.err(
                &p,
                "a system error gives a `code` or `html: true`".into(),
                "add the vendor's system-error code, or `html: true` for an HTML page",
            ),
            _ => {}
        }
    }
    for (i, t) in def.timeouts.iter().enumerate() {
        let p = format!("{s}.timeouts[{i}]");
        if t.code.is_some() == t.example.is_some() {
            c.err(
                &p,
                "a timeout answer gives exactly one of `code` and `example`".into(),
                "keep one of them",
            );
        }
        for (j, name) in t.endpoints.iter().enumerate() {
            let e = c.endpoint(&format!("{p}.endpoints[{j}]"), name);
            if let Some(x) = &t.example {
                c.example(&format!("{p}.example"), e, x);
            }
        }
        if let Some(code) = t.code {
            c.code(&format!("{p}.code"), code);
        }
    }
    for (i, f) in def.fresh_ids.iter().enumerate() {
        let p = format!("{s}.fresh_ids[{i}]");
        let e = c.endpoint(&format!("{p}.endpoint"), &f.endpoint);
        for (j, w) in f.fields.iter().enumerate() {
            c.answer_field(&format!("{p}.fields[{j}]"), e, w);
        }
    }
    for (i, f) in def.flag_codes.iter().enumerate() {
        let p = format!("{s}.flag_codes[{i}]");
        let e = c.endpoint(&format!("{p}.endpoint"), &f.endpoint);
        c.request_field(&format!("{p}.flag"), e, &f.flag);
        c.code(&format!("{p}.code"), f.code);
    }
    for (i, r) in def.replays.iter().enumerate() {
        let p = format!("{s}.replays[{i}]");
        for (j, name) in r.endpoints.iter().enumerate() {
            let e = c.endpoint(&format!("{p}.endpoints[{j}]"), name);
            for (k, w) in r.key.iter().enumerate() {
                c.request_field(&format!("{p}.key[{k}]"), e, w);
            }
            if let Some(w) = &r.when {
                c.request_field(&format!("{p}.when"), e, w);
            }
        }
        if let Some(code) = r.code {
            c.code(&format!("{p}.code"), code);
        }
    }
    for (i, l) in def.ledgers.iter().enumerate() {
        let p = format!("{s}.ledgers[{i}]");
        for (side, names) in [("credit", &l.credit), ("debit", &l.debit)] {
            for (j, name) in names.iter().enumerate() {
                let e = c.endpoint(&format!("{p}.{side}[{j}]"), name);
                for (k, w) in l.account.iter().enumerate() {
                    c.request_field(&format!("{p}.account[{k}]"), e, w);
                }
                c.request_field(&format!("{p}.amount"), e, &l.amount);
            }
        }
        if let Some(shown) = &l.shown_by {
            let e = c.endpoint(&format!("{p}.shown_by.endpoint"), &shown.endpoint);
            c.answer_field(&format!("{p}.shown_by.field"), e, &shown.field);
            for (k, w) in l.account.iter().enumerate() {
                c.request_field(&format!("{p}.account[{k}]"), e, w);
            }
        }
    }
    for (i, h) in def.holds.iter().enumerate() {
        let p = format!("{s}.holds[{i}]");
        let pages: Vec<&str> = def.pages.iter().map(|p| p.name.as_str()).collect();
        // A page opens holds too: its redirect is the answer, its issuing request the fields.
        let by_endpoint = h.opened_by.iter().enumerate();
        for (j, o) in by_endpoint.filter(|(_, o)| !pages.contains(&o.endpoint.as_str())) {
            let q = format!("{p}.opened_by[{j}]");
            let e = c.endpoint(&format!("{q}.endpoint"), &o.endpoint);
            c.answer_field(&format!("{q}.id"), e, &o.id);
            c.request_field(&format!("{q}.amount"), e, &o.amount);
            for (k, w) in o.when.iter().enumerate() {
                c.request_field(&format!("{q}.when[{k}].field"), e, &w.field);
            }
            for code in &o.codes {
                c.code(&format!("{q}.codes"), *code);
            }
        }
        let q = format!("{p}.consumed_by");
        let e = c.endpoint(&format!("{q}.endpoint"), &h.consumed_by.endpoint);
        c.request_field(&format!("{q}.id"), e, &h.consumed_by.id);
        if let Some(a) = &h.consumed_by.amount {
            c.request_field(&format!("{q}.amount"), e, a);
        }
        c.answer(&format!("{p}.exceeded"), &h.exceeded);
        c.answer(&format!("{p}.not_open"), &h.not_open);
    }
    for (i, r) in def.records.iter().enumerate() {
        let p = format!("{s}.records[{i}]");
        let e = c.endpoint(&format!("{p}.created_by"), &r.created_by);
        c.answer_field(&format!("{p}.id"), e, &r.id);
        for status in std::iter::once(&r.initial).chain(r.refusals.iter().flat_map(|f| &f.when)) {
            if !r.statuses.contains(status) {
                c.err(
                    &p,
                    format!("status `{status}` is not one of the record's `statuses`"),
                    "list every status the record can have under `statuses`",
                );
            }
        }
        for (j, f) in r.refusals.iter().enumerate() {
            let q = format!("{p}.refusals[{j}]");
            let e = c.endpoint(&format!("{q}.endpoint"), &f.endpoint);
            c.request_field(&format!("{q}.id"), e, &f.id);
            c.answer(&format!("{q}.answer"), &f.answer);
        }
        if let Some(name) = &r.removed_by {
            c.endpoint(&format!("{p}.removed_by"), name);
        }
        c.answer(&format!("{p}.not_found"), &r.not_found);
    }
    crate::sandbox::check_shape::check(&mut c, def);
    for (i, q) in def.queues.iter().enumerate() {
        let p = format!("{s}.queues[{i}]");
        let e = c.endpoint(&format!("{p}.added_by"), &q.added_by);
        c.answer_field(&format!("{p}.id"), e, &q.id);
        let l = &q.listed_by;
        let e = c.endpoint(&format!("{p}.listed_by.endpoint"), &l.endpoint);
        c.answer_field(&format!("{p}.listed_by.list"), e, &l.list);
        c.example(&format!("{p}.listed_by.row_example"), e, &l.row_example);
        c.request_field(&format!("{p}.listed_by.filter"), e, &l.filter);
        c.answer(&format!("{p}.listed_by.empty"), &l.empty);
        let m = &q.moved_by;
        let e = c.endpoint(&format!("{p}.moved_by.endpoint"), &m.endpoint);
        c.request_field(&format!("{p}.moved_by.items"), e, &m.items);
        c.answer_field(&format!("{p}.moved_by.skipped"), e, &m.skipped);
        c.example(
            &format!("{p}.moved_by.none_valid_example"),
            e,
            &m.none_valid_example,
        );
    }
    flows(&mut c, def);
    c.out
}

/// The flow rules (`near_misses`, `strict_booleans`, `deals`, `signing`, `verifying`, `pages`).
fn flows(c: &mut Checker<'_>, def: &SandboxDef) {
    let s = "sandbox";
    for (i, m) in def.near_misses.iter().enumerate() {
        let p = format!("{s}.near_misses[{i}]");
        let e = c.endpoint(&format!("{p}.endpoint"), &m.endpoint);
        c.request_field(&format!("{p}.field"), e, &m.field);
        c.code(&format!("{p}.code"), m.code);
    }
    if let Some(a) = &def.strict_booleans {
        c.answer(&format!("{s}.strict_booleans"), a);
    }
    let page_names: Vec<&str> = def.pages.iter().map(|p| p.name.as_str()).collect();
    if let Some(d) = &def.deals {
        let p = format!("{s}.deals");
        for (i, m) in d.made_by.iter().enumerate() {
            let q = format!("{p}.made_by[{i}]");
            if page_names.contains(&m.endpoint.as_str()) {
                continue;
            }
            let e = c.endpoint(&format!("{q}.endpoint"), &m.endpoint);
            for (j, w) in m.ids.iter().enumerate() {
                c.answer_field(&format!("{q}.ids[{j}]"), e, w);
            }
        }
        let calls = d.looked_up_by.iter().chain(&d.cancelled_by);
        for (i, call) in calls.enumerate() {
            let q = format!("{p}.looked_up_by[{i}]");
            let e = c.endpoint(&format!("{q}.endpoint"), &call.endpoint);
            c.request_field(&format!("{q}.id"), e, &call.id);
            c.answer(&format!("{q}.not_found"), &call.not_found);
            if let Some(w) = &call.echo_as {
                c.answer_field(&format!("{q}.echo_as"), e, w);
            }
        }
        c.answer(&format!("{p}.cancelled"), &d.cancelled);
    }
    for (i, f) in def.flag_fields.iter().enumerate() {
        let p = format!("{s}.flag_fields[{i}]");
        let e = c.endpoint(&format!("{p}.endpoint"), &f.endpoint);
        c.request_field(&format!("{p}.flag"), e, &f.flag);
        for (j, w) in f.fields.iter().enumerate() {
            c.answer_field(&format!("{p}.fields[{j}]"), e, w);
        }
    }
    for (i, g) in def.signing.iter().enumerate() {
        let p = format!("{s}.signing[{i}]");
        let e = c.endpoint(&format!("{p}.endpoint"), &g.endpoint);
        for (j, w) in g.drop.iter().enumerate() {
            c.request_field(&format!("{p}.drop[{j}]"), e, w);
        }
        for (j, f) in g.set.iter().enumerate() {
            c.request_field(&format!("{p}.set[{j}].field"), e, &f.field);
        }
        c.answer_field(&format!("{p}.signature"), e, &g.signature);
    }
    for (i, v) in def.verifying.iter().enumerate() {
        let p = format!("{s}.verifying[{i}]");
        c.endpoint(&format!("{p}.endpoint"), &v.endpoint);
        if !page_names.contains(&v.page.as_str()) {
            c.err(
                &format!("{p}.page"),
                format!("no page `{}` under `pages:`", v.page),
                "name one of this sandbox's `pages:`",
            );
        }
        c.answer(&format!("{p}.failed"), &v.failed);
    }
    crate::sandbox::check_pages::check(c, def);
}
