//! Checks the answer-shaping parts of a `sandbox:` section (fallbacks, envelope, results,
//! journal): every endpoint, object and example they name must exist.

use crate::sandbox::check::Checker;
use crate::sandbox::spec::{ExampleRef, SandboxDef};

impl Checker<'_> {
    fn object(&mut self, path: &str, name: &str) {
        if !self.api.objects.iter().any(|o| o.name == name) {
            self.err(
                path,
                format!("the sandbox names object `{name}`, which this API does not have"),
                "use an object name from this folder's `objects:`",
            );
        }
    }

    fn example_ref(&mut self, path: &str, x: &ExampleRef) {
        let e = self.endpoint(&format!("{path}.endpoint"), &x.endpoint);
        self.example(&format!("{path}.example"), e, &x.example);
    }
}

pub(super) fn check(c: &mut Checker, def: &SandboxDef) {
    let s = "sandbox";
    for (i, r) in def.results.iter().enumerate() {
        let p = format!("{s}.results[{i}]");
        for (j, name) in r.endpoints.iter().enumerate() {
            c.endpoint(&format!("{p}.endpoints[{j}]"), name);
        }
        c.object(&format!("{p}.object"), &r.object);
        c.example_ref(&format!("{p}.error_shape"), &r.error_shape);
        for (j, f) in r.fixed.iter().enumerate() {
            c.endpoint(&format!("{p}.fixed[{j}].endpoint"), &f.endpoint);
        }
    }
    if let Some(env) = &def.envelope {
        for (i, t) in env.texts.iter().enumerate() {
            c.code(&format!("{s}.envelope.texts[{i}].code"), t.code);
        }
        for (i, name) in env.errors_keep_command.iter().enumerate() {
            c.endpoint(&format!("{s}.envelope.errors_keep_command[{i}]"), name);
        }
    }
    if let Some(j) = &def.journal {
        let p = format!("{s}.journal");
        for (i, name) in j.recorded_by.iter().enumerate() {
            c.endpoint(&format!("{p}.recorded_by[{i}]"), name);
        }
        c.example_ref(&format!("{p}.row_example"), &j.row_example);
        let e = c.endpoint(&format!("{p}.listed_by.endpoint"), &j.listed_by.endpoint);
        for (i, f) in j.listed_by.filters.iter().enumerate() {
            c.request_field(
                &format!("{p}.listed_by.filters[{i}].request"),
                e,
                &f.request,
            );
        }
    }
    for (i, l) in def.lookups.iter().enumerate() {
        let p = format!("{s}.lookups[{i}]");
        let e = c.endpoint(&format!("{p}.endpoint"), &l.endpoint);
        c.request_field(&format!("{p}.field"), e, &l.field);
        c.request_field(&format!("{p}.by"), e, &l.by);
        if !def.records.iter().any(|r| r.name == l.record) {
            c.err(
                &format!("{p}.record"),
                format!("no record `{}` under `records:`", l.record),
                "name one of this sandbox's `records:`",
            );
        }
        if def.journal.is_none() {
            c.err(
                &p,
                "a lookup reads the journal's rows, and this sandbox keeps none".into(),
                "declare the `journal:` whose rows carry both ids",
            );
        }
    }
}
