//! Which way each named type flows: sent (reachable from a request; the model's `in_request`)
//! and/or received (reachable from a response).

use std::collections::HashSet;

use crate::diff::kind::Side;
use crate::model::{Api, Ty};

/// The named types of one model, by side.
pub(super) struct Sides {
    request: HashSet<String>,
    response: HashSet<String>,
}

impl Sides {
    pub fn of(api: &Api) -> Sides {
        let request = api
            .enums
            .iter()
            .filter(|e| e.in_request)
            .map(|e| e.name.clone())
            .chain(
                api.objects
                    .iter()
                    .filter(|o| o.in_request)
                    .map(|o| o.name.clone()),
            )
            .collect();
        let mut response = HashSet::new();
        for e in &api.endpoints {
            for f in &e.response {
                reach(api, &f.ty, &mut response);
            }
        }
        Sides { request, response }
    }

    fn push(&self, name: &str, out: &mut Vec<Side>) {
        if self.request.contains(name) && !out.contains(&Side::Request) {
            out.push(Side::Request);
        }
        if self.response.contains(name) && !out.contains(&Side::Response) {
            out.push(Side::Response);
        }
    }
}

/// The sides of type `name` in either model (a type used nowhere counts as received).
pub(super) fn union(base: &Sides, new: &Sides, name: &str) -> Vec<Side> {
    let mut out = Vec::new();
    base.push(name, &mut out);
    new.push(name, &mut out);
    out.sort();
    if out.is_empty() {
        out.push(Side::Response);
    }
    out
}

fn reach(api: &Api, ty: &Ty, seen: &mut HashSet<String>) {
    match ty {
        Ty::List(inner) => reach(api, inner, seen),
        Ty::Enum(n) => {
            seen.insert(n.clone());
        }
        Ty::Object(n) => {
            if seen.insert(n.clone())
                && let Some(o) = api.objects.iter().find(|o| &o.name == n)
            {
                for f in &o.fields {
                    reach(api, &f.ty, seen);
                }
            }
        }
        _ => {}
    }
}
