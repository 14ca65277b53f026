//! The sandbox's generated files (under `hyp-sandbox/src/generated/`): per API, its plan as
//! JSON and a module naming each endpoint's `hyp-api` type, so the sandbox checks requests with
//! the client's own decoders and validators; and `mod.rs` listing every API.

use quote::{format_ident, quote};

use crate::emit::output::{GeneratedFile, Output};
use crate::model::Api;
use crate::sandbox::plan::plan;

/// Every generated sandbox file for these APIs, sorted by path.
pub fn emit(apis: &[Api]) -> Vec<GeneratedFile> {
    let mut out = Output::default();
    let mods: Vec<_> = apis.iter().map(|a| format_ident!("{}", a.module)).collect();
    out.add(
        "mod.rs",
        "spec/",
        quote! {
            //! Every API in `spec/`, as the sandbox serves it.
            #(pub mod #mods;)*

            /// Every API in `spec/`, in folder order.
            pub fn apis() -> Vec<crate::served::ServedApi> {
                Vec::from([#(#mods::api()),*])
            }
        },
    );
    for api in apis {
        let dir = format!("spec/{}/", api.name);
        let json = format!("{}.json", api.module);
        let module = format_ident!("{}", api.module);
        let hooks = api.endpoints.iter().map(|e| {
            let marker = format_ident!("{}", e.stem);
            quote!(crate::served::hook::<hyp_api::#module::#marker>())
        });
        let doc = [
            format!(" `{}`: {}.", api.name, api.title),
            String::new(),
            format!(
                " The plan (routes, codes, examples, sandbox rules) is `{json}`; each endpoint's"
            ),
            " requests are checked by its `hyp-api` type, in the plan's endpoint order."
                .to_string(),
        ];
        // The API's documented redirect signature, for the pages the sandbox serves.
        let mac = if api.redirect_mac.is_some() {
            quote!(.with_redirect_mac(hyp_api::#module::sign_redirect_mac))
        } else {
            quote!()
        };
        out.add(
            format!("{}.rs", api.module),
            &dir,
            quote! {
                #(#![doc = #doc])*

                /// The API as the sandbox serves it.
                pub fn api() -> crate::served::ServedApi {
                    crate::served::ServedApi::new(include_str!(#json), Vec::from([#(#hooks),*]))#mac
                }
            },
        );
        let text = serde_json::to_string_pretty(&plan(api)).unwrap_or_default();
        out.add_raw(json, format!("{text}\n"));
    }
    out.finish()
}
