//! The API's `Client`: a constructor per auth kind and one async method per endpoint.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc;
use super::types::ident;
use crate::model::{Api, AuthKind, MacPart, Ty};

pub fn emit_client(api: &Api) -> TokenStream {
    let code = ident(&api.code_type);
    let methods = api.endpoints.iter().map(|e| {
        let m = ident(&e.method);
        let marker = ident(&e.stem);
        let req = ident(&format!("{}Request", e.stem));
        let out = if e.outcomes.len() < 2 {
            ident(&format!("{}Response", e.stem))
        } else {
            ident(&format!("{}Outcome", e.stem))
        };
        let results: Vec<String> = e
            .outcomes
            .iter()
            .map(|o| {
                let codes: Vec<String> = o.codes.iter().map(i64::to_string).collect();
                // What the outcome must carry (`requires:`), so a caller knows the fields are set.
                let carries = if o.requires.is_empty() {
                    String::new()
                } else {
                    let wires: Vec<String> =
                        o.requires.iter().map(|r| format!("`{}`", r.wire)).collect();
                    format!(
                        " An answer without {} is an [`Error::Decode`](crate::Error::Decode), \
                         not this result.",
                        wires.join(" or ")
                    )
                };
                format!(
                    "- code {} → `{}`: {}{carries}",
                    codes.join("/"),
                    o.variant,
                    super::docs::summary(&o.doc)
                )
            })
            .collect();
        let retry = if e.read_only {
            "A read: retried per the client's policy.".to_string()
        } else if let Some(k) = &e.idempotency_key {
            format!(
                "Retried per the client's policy only when the request carries `{k}` (the vendor \
                 detects a resend by it). The outcome comes with the key the request carried \
                 ([`Keyed`](crate::Keyed)), and so does every error after the request is built \
                 ([`Error::idempotency_key`](crate::Error::idempotency_key)): resend with it, or \
                 reconcile by it."
            )
        } else {
            "Never retried once it may have reached the vendor (no idempotency key).".to_string()
        };
        let d = doc(&format!(
            "`{}`: {}\n\nResults:\n{}\n\nAny other code is an [`Error::Api`](crate::Error::Api) \
             with the code's meaning on this endpoint. Timeout: {} s. {}{}\n\nSource: {}",
            e.wire,
            e.doc.trim(),
            results.join("\n"),
            e.timeout_secs(api),
            retry,
            if e.moves_money {
                " Moves money: on a timeout after sending, the error says the outcome is unknown."
            } else {
                ""
            },
            e.source
        ));
        // An endpoint with an idempotency key returns the key the request carried with its
        // outcome (its errors carry it too), so a caller can resend or reconcile by it.
        if e.idempotency_key.is_some() {
            quote! {
                #d
                pub fn #m(&self, request: &#req) -> impl std::future::Future<Output = Result<crate::Keyed<#out>, CallError>> + Send {
                    self.core.call_keyed::<#marker>(request)
                }
            }
        } else {
            quote! {
                #d
                pub fn #m(&self, request: &#req) -> impl std::future::Future<Output = Result<#out, CallError>> + Send {
                    self.core.call::<#marker>(request)
                }
            }
        }
    });
    let (ctor, ctor_doc) = match api.auth {
        AuthKind::Bearer => (
            quote! {
                pub fn builder(base_url: impl Into<String>, access_token: crate::SecretString) -> crate::ClientBuilder<Client> {
                    crate::ClientBuilder::new(base_url.into(), crate::Auth::Bearer(access_token))
                }
            },
            format!(
                "A builder for a client of `base_url` authenticating with `access_token` \
                 (a secret: never printed).\n\nBase URL: {}\n\nAuth: {}",
                api.base_url_doc.trim(),
                api.auth_doc.trim()
            ),
        ),
        AuthKind::FormFields => {
            let (uf, pf) = api.auth_fields.clone().unwrap_or_default();
            (
                quote! {
                    pub fn builder(
                        base_url: impl Into<String>,
                        user: impl Into<String>,
                        password: crate::SecretString,
                    ) -> crate::ClientBuilder<Client> {
                        crate::ClientBuilder::new(
                            base_url.into(),
                            crate::Auth::FormFields {
                                user_field: #uf,
                                user: user.into(),
                                password_field: #pf,
                                password,
                            },
                        )
                    }
                },
                format!(
                    "A builder for a client of `base_url` sending `user` and `password` (a \
                     secret: never printed) as the form fields `{uf}` and `{pf}`.\n\nBase URL: \
                     {}\n\nAuth: {}",
                    api.base_url_doc.trim(),
                    api.auth_doc.trim()
                ),
            )
        }
        AuthKind::InRequest if !api.client_fields.is_empty() => client_fields_ctor(api),
        AuthKind::InRequest => (
            quote! {
                pub fn builder(base_url: impl Into<String>) -> crate::ClientBuilder<Client> {
                    crate::ClientBuilder::new(base_url.into(), crate::Auth::InRequest)
                }
            },
            format!(
                "A builder for a client of `base_url`. Credentials travel in each request \
                 (secrets: never printed).\n\nBase URL: {}\n\nAuth: {}",
                api.base_url_doc.trim(),
                api.auth_doc.trim()
            ),
        ),
    };
    let ctor_doc = doc(&ctor_doc);
    let setters = client_field_setters(api);
    let mac = redirect_mac(api);
    let default_url = match &api.base_url_default {
        Some(url) => {
            let d = doc(&format!(
                "The documented base URL: pass it to [`Client::builder`].\n\n{}",
                api.base_url_doc.trim()
            ));
            quote! { #d pub const DEFAULT_BASE_URL: &str = #url; }
        }
        None => quote!(),
    };
    let cdoc = doc(&format!(
        "The {} client: one async method per function. Cheap to clone (shares the connection \
         pool).\n\n{}\n\nSource: {}",
        api.title,
        api.doc.trim(),
        api.source
    ));
    let edoc = doc(&format!(
        "The error of every {} call: [`hyp_api::Error`](crate::Error) with [`{}`] as its typed \
         code. (Not named `Error`, so it never shadows `hyp_api::Error` where both modules are \
         glob-imported.)",
        api.title, api.code_type
    ));
    quote! {
        #edoc
        pub type CallError = crate::Error<#code>;

        #default_url

        #mac

        #cdoc
        #[derive(Debug, Clone)]
        pub struct Client { core: crate::Core }

        impl crate::__private::FromCore for Client {
            fn from_core(core: crate::Core) -> Self { Client { core } }
        }

        impl Client {
            #ctor_doc
            #ctor
            #(#methods)*
        }

        #setters
    }
}

/// `builder(base_url, <required client fields>)`, and a builder setter per optional one: the
/// terminal and its passwords are given once, on the client that talks to that terminal.
fn client_fields_ctor(api: &Api) -> (TokenStream, String) {
    let required: Vec<_> = api.client_fields.iter().filter(|c| !c.optional).collect();
    // A field that is a secret on the requests is one here; a plain one (the terminal) is text.
    let secret = |wire: &str| {
        api.endpoints
            .iter()
            .flat_map(|e| &e.request)
            .find(|f| f.wire == wire)
            .is_none_or(|f| f.ty == Ty::Secret(crate::model::SecretKind::Plain))
    };
    let params = required.iter().map(|c| {
        let n = ident(&c.rust);
        if secret(&c.wire) {
            quote!(#n: crate::SecretString)
        } else {
            quote!(#n: impl Into<String>)
        }
    });
    let sets = required.iter().map(|c| {
        let (n, w) = (ident(&c.rust), &c.wire);
        if secret(&c.wire) {
            quote!(.client_field(#w, #n))
        } else {
            quote!(.client_field(#w, crate::SecretString::from(#n.into())))
        }
    });
    let args: Vec<String> = required
        .iter()
        .map(|c| format!("- `{}` (wire `{}`): {}", c.rust, c.wire, c.doc.trim()))
        .collect();
    let d = format!(
        "A builder for a client of `base_url` that fills these fields into every request that \
         does not set them itself (each request's setter overrides them for one call; all are \
         kept as secrets, never printed):\n\n{}\n\nBase URL: {}\n\nAuth: {}",
        args.join("\n"),
        api.base_url_doc.trim(),
        api.auth_doc.trim()
    );
    (
        quote! {
            pub fn builder(base_url: impl Into<String>, #(#params),*) -> crate::ClientBuilder<Client> {
                crate::ClientBuilder::new(base_url.into(), crate::Auth::InRequest) #(#sets)*
            }
        },
        d,
    )
}

/// A builder setter per optional field the client supplies.
fn client_field_setters(api: &Api) -> TokenStream {
    let setters: Vec<TokenStream> = api
        .client_fields
        .iter()
        .filter(|c| c.optional)
        .map(|c| {
            let (n, w) = (ident(&c.rust), &c.wire);
            let d = doc(&format!(
                "Sets `{w}`, filled into every request that does not set it: {}\n\nSource: {}",
                c.doc.trim(),
                c.source
            ));
            quote! { #d pub fn #n(self, value: crate::SecretString) -> Self { self.client_field(#w, value) } }
        })
        .collect();
    if setters.is_empty() {
        return quote!();
    }
    quote! {
        impl crate::ClientBuilder<Client> {
            #(#setters)*
        }
    }
}

/// `verify_redirect_mac`: the spec's signed-redirect recipe as a function with a typed verdict.
fn redirect_mac(api: &Api) -> TokenStream {
    let Some(m) = &api.redirect_mac else {
        return quote!();
    };
    let parts = m.parts.iter().map(|p| match p {
        MacPart::Password => quote!(crate::MacPart::Password),
        MacPart::Param(n) => quote!(crate::MacPart::Param(#n)),
        MacPart::ParamOr(n, d) => quote!(crate::MacPart::ParamOr(#n, #d)),
    });
    let recipe: Vec<String> = m
        .parts
        .iter()
        .map(|p| match p {
            MacPart::Password => "password".to_string(),
            MacPart::Param(n) => format!("`{n}`"),
            MacPart::ParamOr(n, d) => format!("`{n}` (or `{d}` when empty)"),
        })
        .collect();
    let param = &m.param;
    let d = doc(&format!(
        "Checks the signature `{param}` of a redirect back to you: Base64(SHA-256({})), \
         compared in constant time. `params` are the redirect's parameters, URL-decoded.\n\n{}\n\nSource: {}",
        recipe.join(" ‖ "),
        m.doc.trim(),
        m.source
    ));
    let sdoc = doc(&format!(
        "The signature `{param}` the vendor puts on a redirect with these `params`: for test \
         servers and sandboxes that play the vendor. See [`verify_redirect_mac`]."
    ));
    quote! {
        /// The parts of the signed text, in order.
        const REDIRECT_MAC_PARTS: &[crate::MacPart] = &[#(#parts),*];

        #d
        pub fn verify_redirect_mac(
            password: &crate::SecretString,
            params: &[(String, String)],
        ) -> crate::MacVerdict {
            crate::__private::mac::verify(REDIRECT_MAC_PARTS, #param, password, params)
        }

        #sdoc
        pub fn sign_redirect_mac(password: &crate::SecretString, params: &[(String, String)]) -> String {
            crate::__private::mac::sign(REDIRECT_MAC_PARTS, password, params)
        }
    }
}
