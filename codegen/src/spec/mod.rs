//! The spec format as written in `spec/<api>/*.yaml`: plain serde structs, one per YAML shape.
//!
//! Every file of an API folder is a [`SpecFile`]; the loader merges them (in file-name order) into
//! one API spec. Unknown keys are rejected (`deny_unknown_fields`) so a typo is a diagnostic,
//! not a silently ignored line. `spec/schema/spec.schema.json` describes the same shapes for
//! editors; `tests` checks that the two agree on every spec in the tree.

mod endpoint;
mod service;
mod types;

use indexmap::IndexMap;
use serde::Deserialize;

pub use endpoint::*;
pub use service::*;
pub use types::*;

/// How credentials travel, where a field travels and what an example shows: the sandbox's
/// plan types (one definition, written into the plan as the spec states them).
pub use crate::sandbox::plan::{AuthKind, ExampleKind, FieldLocation};

/// One YAML file of an API folder. Every top-level key is optional; the folder as a whole must
/// have exactly one `service`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecFile {
    pub service: Option<Service>,
    pub codes: Option<Codes>,
    /// Named types: identifiers and codes used on more than one endpoint, declared once with
    /// their constraints; each becomes a newtype, so two of them cannot be swapped.
    #[serde(default)]
    pub types: IndexMap<String, NamedTypeDef>,
    #[serde(default)]
    pub enums: IndexMap<String, EnumDef>,
    #[serde(default)]
    pub objects: IndexMap<String, ObjectDef>,
    #[serde(default)]
    pub endpoints: IndexMap<String, Endpoint>,
    #[serde(default)]
    pub quirks: Vec<Quirk>,
    /// How `hyp-sandbox` plays this API (one per folder, conventionally `sandbox.yaml`).
    pub sandbox: Option<crate::sandbox::spec::SandboxDef>,
}

/// Where a fact comes from: a vendor doc file and section, or a vendor-notes entry.
pub type Source = String;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mac_parts_read_as_written_in_yaml() {
        let parts: Vec<MacPart> = serde_yaml::from_str(
            "- password\n- { param: txId }\n- { param_or: { param: ErrorCode, default: \"000\" } }\n",
        )
        .unwrap();
        assert!(matches!(parts[0], MacPart::Keyword(MacKeyword::Password)));
        assert!(matches!(&parts[1], MacPart::Param { param } if param == "txId"));
        assert!(matches!(
            &parts[2],
            MacPart::ParamOr { param_or } if param_or.param == "ErrorCode" && param_or.default == "000"
        ));
    }
}
