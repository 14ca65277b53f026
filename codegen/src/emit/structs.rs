//! Structs: objects, requests and responses. Each gets its fields with the spec's docs and a
//! `ToNode` impl (encode, by wire name); the request side also `FromNode` (the sandbox reads
//! what a client sent from the tree), a constructor taking the required fields, a setter per
//! optional field, and `Validate` from the constraints (`validate.rs`). Answers are read in one
//! pass (`decode.rs`), never from a tree.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{doc, field_doc};
use super::types::{Side, encode, encode_ref, ident, param_type, rust_type};
use crate::model::{Api, Field, Ty};

/// The wire name of a field that is the whole answer (a JSON list answer).
const WHOLE: &str = ".";

pub struct StructSpec<'a> {
    pub name: &'a str,
    pub doc: String,
    pub fields: &'a [Field],
    pub side: Side,
}

/// Response-side structs of an API that documents no full schema keep what they do not know.
pub(super) fn keeps_unknown(api: &Api, s: &StructSpec) -> bool {
    api.keep_unknown_fields && s.side == Side::Response && !s.fields.iter().any(|f| f.wire == WHOLE)
}

pub fn emit_struct(api: &Api, s: &StructSpec) -> TokenStream {
    let name = ident(s.name);
    let doc = doc(&s.doc);
    let fields = s.fields.iter().filter(|f| f.fixed.is_none()).map(|f| {
        let fdoc = super::docs::doc(&field_doc(f));
        let fname = ident(&f.rust);
        let ty = field_type(api, f, s.side);
        quote! { #fdoc pub #fname: #ty, }
    });
    let unknown = if keeps_unknown(api, s) {
        quote! {
            /// Fields the spec does not list, as received (the vendor documents no full schema).
            pub unknown_fields: Vec<(String, crate::Node)>,
        }
    } else {
        quote!()
    };
    let wire = wire_impl(api, s);
    let one_pass = super::decode::emit(api, s);
    let extra = if s.side == Side::Request {
        let ctor = constructor(api, s);
        let validate = super::validate::validate_impl(api, s);
        quote! { #ctor #validate }
    } else {
        quote! {}
    };
    // Request structs are built through `new` + setters so adding an optional field is not a
    // breaking change; responses are non-exhaustive for the same reason.
    quote! {
        #doc
        #[derive(Debug, Clone)]
        #[non_exhaustive]
        pub struct #name { #(#fields)* #unknown }
        #wire
        #one_pass
        #extra
    }
}

fn field_type(api: &Api, f: &Field, side: Side) -> TokenStream {
    let t = rust_type(api, &f.ty, side);
    if f.required || matches!(f.ty, Ty::List(_)) {
        t
    } else {
        quote!(Option<#t>)
    }
}

/// `ToNode` for every struct; `FromNode` for the request side only.
fn wire_impl(api: &Api, s: &StructSpec) -> TokenStream {
    let to_node = to_node_impl(api, s);
    let from_node = match s.side {
        Side::Request => super::from_node::from_node_impl(api, s, WHOLE),
        Side::Response => quote!(),
    };
    quote! { #to_node #from_node }
}

fn to_node_impl(api: &Api, s: &StructSpec) -> TokenStream {
    let name = ident(s.name);
    let puts = s.fields.iter().map(|f| {
        let w = &f.wire;
        if let Some(value) = &f.fixed {
            return quote! { w.put(#w, crate::Node::Str(#value.to_string())); };
        }
        if f.ty == Ty::Params {
            let fname = ident(&f.rust);
            return quote! { w.extend(&crate::__private::codec::params_entries(&self.#fname)); };
        }
        let fname = ident(&f.rust);
        let list = matches!(f.ty, Ty::List(_));
        // A value with its own `ToNode` is handed over as `&dyn ToNode` (one call per field).
        let own = !matches!(f.ty, Ty::Date(_) | Ty::DateTime(_) | Ty::List(_));
        if f.required && own {
            quote! { w.put_value(#w, &self.#fname); }
        } else if f.required {
            let e = encode(&f.ty, quote!(self.#fname));
            quote! { w.put(#w, #e); }
        } else if own {
            quote! { if let Some(v) = &self.#fname { w.put_value(#w, v); } }
        } else if list {
            let e = encode(&f.ty, quote!(self.#fname));
            quote! { if !self.#fname.is_empty() { w.put(#w, #e); } }
        } else {
            // `if let`, not `….as_ref().map(…)`: no `Option::map` compiled per type.
            let e = encode_ref(&f.ty, quote!(v));
            quote! { if let Some(v) = &self.#fname { w.put(#w, #e); } }
        }
    });
    let put_unknown = if keeps_unknown(api, s) {
        quote! { w.extend(&self.unknown_fields); }
    } else {
        quote!()
    };
    // `#[inline]`: compiled where a call writes the request (or a test writes an answer), not
    // into every build of hyp-api. An answer is written to a tree only by hyp-sandbox and the
    // tests: those impls exist only with the internal feature `__sandbox`.
    let only_sandbox = match s.side {
        Side::Request => quote!(),
        Side::Response => quote!(#[cfg(feature = "__sandbox")]),
    };
    if let Some(f) = s.fields.iter().find(|f| f.wire == WHOLE) {
        let n = ident(&f.rust);
        let e = encode(&f.ty, quote!(self.#n));
        return quote! {
            #only_sandbox
            impl crate::ToNode for #name {
                #[inline]
                fn to_node(&self) -> crate::Node { #e }
            }
        };
    }
    // The fields are written once: into a tree here, or by a JSON body straight into its text
    // (`Endpoint::parts`).
    quote! {
        #only_sandbox
        impl crate::__private::WriteFields for #name {
            #[inline]
            fn write_fields(&self, w: &mut crate::__private::MapWriter) {
                #(#puts)*
                #put_unknown
            }
        }
        #only_sandbox
        impl crate::ToNode for #name {
            #[inline]
            fn to_node(&self) -> crate::Node {
                crate::__private::MapWriter::tree(self)
            }
        }
    }
}

/// The name of the struct holding a request's required fields: `DepositFiatRequest` →
/// `DepositFiatRequired`, an object `Item` → `ItemRequired`.
fn required_name(name: &str) -> String {
    match name.strip_suffix("Request") {
        Some(stem) => format!("{stem}Required"),
        None => format!("{name}Required"),
    }
}

/// `new` takes a struct of the required fields, each named where it is given (a missing one is
/// a compile error naming it); a setter per optional field. A request without required fields
/// has `new()` and `Default`. All `#[inline]`: each is a few moves, compiled where it is called
/// (a non-generic `pub fn` is otherwise compiled into every build, with the drop of the whole
/// struct on its unwind path).
fn constructor(api: &Api, s: &StructSpec) -> TokenStream {
    let name = ident(s.name);
    let settable: Vec<&Field> = s.fields.iter().filter(|f| f.fixed.is_none()).collect();
    let required: Vec<&Field> = settable.iter().copied().filter(|f| f.required).collect();
    let inits = settable.iter().map(|f| {
        let n = ident(&f.rust);
        if f.required {
            quote!(#n,)
        } else if matches!(f.ty, Ty::List(_)) {
            quote!(#n: Vec::new(),)
        } else {
            quote!(#n: None,)
        }
    });
    let setters = settable.iter().filter(|f| !f.required).map(|f| {
        let n = ident(&f.rust);
        let sdoc = doc(&format!(
            "Sets `{}`: {}",
            f.wire,
            super::docs::summary(&f.doc)
        ));
        if matches!(f.ty, Ty::List(_)) {
            let t = rust_type(api, &f.ty, Side::Request);
            quote! { #sdoc #[inline] pub fn #n(mut self, value: #t) -> Self { self.#n = value; self } }
        } else {
            let (t, into) = param_type(api, &f.ty);
            let v = if into {
                quote!(value.into())
            } else {
                quote!(value)
            };
            quote! { #sdoc #[inline] pub fn #n(mut self, value: #t) -> Self { self.#n = Some(#v); self } }
        }
    });
    if required.is_empty() {
        return quote! {
            impl Default for #name { #[inline] fn default() -> Self { Self::new() } }
            impl #name {
                /// A request without required fields; set optional ones with the setters.
                #[inline]
                pub fn new() -> Self { Self { #(#inits)* } }
                #(#setters)*
            }
        };
    }
    let req_name_text = required_name(s.name);
    let req_name = ident(&req_name_text);
    let req_fields = required.iter().map(|f| {
        let fdoc = doc(&field_doc(f));
        let n = ident(&f.rust);
        let t = rust_type(api, &f.ty, Side::Request);
        quote! { #fdoc pub #n: #t, }
    });
    let names = required.iter().map(|f| ident(&f.rust));
    let req_doc = doc(&format!(
        "The required fields of [`{}`], each named where it is given: leaving one out does not \
         compile. Pass it to [`{}::new`] (or convert it with `.into()`).",
        s.name, s.name
    ));
    let ctor_doc = doc(&format!(
        "A request from its required fields (see [`{req_name_text}`]); set optional ones with \
         the setters."
    ));
    quote! {
        #req_doc
        #[derive(Debug, Clone)]
        pub struct #req_name { #(#req_fields)* }
        impl From<#req_name> for #name {
            #[inline]
            fn from(required: #req_name) -> Self { Self::new(required) }
        }
        impl #name {
            #ctor_doc
            #[inline]
            pub fn new(required: #req_name) -> Self {
                let #req_name { #(#names),* } = required;
                Self { #(#inits)* }
            }
            #(#setters)*
        }
    }
}
