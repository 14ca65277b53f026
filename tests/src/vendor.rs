//! The vendors' documented examples, read from `spec/` (the single place they are written).

use std::path::PathBuf;
use std::sync::OnceLock;

use hyp_codegen::model::{Api, Endpoint, Example};

/// The workspace's `spec/` folder.
pub fn spec_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec")
}

/// The resolved Hyper ERP spec (loaded once).
pub fn hyper_erp() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| {
        hyp_codegen::load_one(&spec_root().join("hyper-erp"))
            .unwrap_or_else(|d| panic!("spec/hyper-erp does not load:\n{d}"))
    })
}

/// The resolved MT5 Manager spec (loaded once).
pub fn mt5_manager() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| {
        hyp_codegen::load_one(&spec_root().join("mt5-manager"))
            .unwrap_or_else(|d| panic!("spec/mt5-manager does not load:\n{d}"))
    })
}

/// Every API of the spec, resolved (loaded once).
pub fn all() -> &'static [Api] {
    static APIS: OnceLock<Vec<Api>> = OnceLock::new();
    APIS.get_or_init(|| {
        hyp_codegen::load_all(&spec_root()).unwrap_or_else(|d| panic!("spec/ does not load:\n{d}"))
    })
}

/// The API (spec folder name) and endpoint (wire name) of the spec.
pub fn find(api: &str, wire: &str) -> (&'static Api, &'static Endpoint) {
    let api = all()
        .iter()
        .find(|a| a.name == api)
        .unwrap_or_else(|| panic!("no API `{api}` in spec/"));
    (api, endpoint(api, wire))
}

/// An endpoint of `api` by wire name.
pub fn endpoint<'a>(api: &'a Api, wire: &str) -> &'a Endpoint {
    api.endpoints
        .iter()
        .find(|e| e.wire == wire)
        .unwrap_or_else(|| panic!("no endpoint `{wire}` in spec/{}", api.name))
}

/// An example of an endpoint by name.
pub fn example<'a>(api: &'a Api, wire: &str, name: &str) -> &'a Example {
    endpoint(api, wire)
        .examples
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no example `{name}` for `{wire}`"))
}

/// A documented answer: (HTTP status, body with fixups applied). Status 200 where the doc
/// gives none.
pub fn answer(api: &Api, wire: &str, name: &str) -> (u16, String) {
    let x = example(api, wire, name);
    (x.http_status.unwrap_or(200), x.fixed_body())
}
