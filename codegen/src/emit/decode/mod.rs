//! One-pass answer decoders: what every wire format's emitter shares. A struct's fields are
//! classified once ([`Plan`]); `decode_json`, `decode_xml` and `decode_form` each turn the
//! plan into one `match` on the wire name, a `let` per field and the struct from the bindings,
//! so the code is linear in the field count and the work is in the runtime's few helpers.
//!
//! Scalars of any type (spec newtypes and sensitive types included) are read through the
//! runtime's `FromText` trait: a new scalar type needs only that impl.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::structs::{StructSpec, keeps_unknown};
use super::types::{Side, empty_is_absent, ident, rust_type};
use crate::model::{AnswerFormat, Api, TransportKind, Ty};

mod names;
mod one_pass;

pub use names::dispatch;
pub use one_pass::one_pass_fn;

/// The wire name of a field that is the whole answer.
const WHOLE: &str = ".";

/// How one field is read.
pub enum Kind {
    /// Through `decode`, a `fn(&str) -> Result<T, DecodeError>` given the value's text (a
    /// number's digits, a string's contents); `bools`: a boolean field; `json`: how the JSON
    /// decoder reads it.
    Scalar {
        decode: TokenStream,
        bools: bool,
        json: JsonScalar,
    },
    Scalars {
        decode: TokenStream,
        bools: bool,
    },
    Object,
    Objects,
    Node,
    Coded,
    /// Not read by a one-pass decoder (an error naming the field).
    Unsupported,
}

/// How the JSON decoder reads a scalar field.
#[derive(Clone, Copy)]
pub enum JsonScalar {
    /// From a number's exact digits (money, decimals): the value's raw text rather than
    /// serde's one scan of it.
    Exact,
    /// A plain `String`, in serde's scan without the call through `decode`.
    Text,
    /// A plain `i64`, in serde's scan, an integer taken as serde read it.
    Int,
    /// A spec newtype over text, read as [`JsonScalar::Text`] and wrapped (`From<String>`).
    TextNewtype,
    /// A spec newtype over an integer, read as [`JsonScalar::Int`] and wrapped (`From<i64>`).
    IntNewtype,
    /// Through `decode`, in serde's scan.
    Other,
}

pub struct FieldPlan {
    pub wire: String,
    /// The local the value is bound to.
    pub var: Ident,
    pub rust: Ident,
    pub kind: Kind,
    pub required: bool,
    /// An empty value means absent (optional fields only).
    pub empty_is_absent: bool,
    pub list: bool,
    /// Other documented spellings of the wire name, read as this field.
    pub aliases: Vec<String>,
}

/// One struct's decoder, format-neutral.
pub struct Plan {
    pub name: Ident,
    pub fields: Vec<FieldPlan>,
    /// Wire names read past (fixed fields).
    pub skip: Vec<String>,
    pub keep_unknown: bool,
    /// The field holding the pairs no other field claims (`Params`, URL-encoded answers only),
    /// and its wire name.
    pub params: Option<(Ident, String)>,
}

/// The function reading a scalar of type `ty` from its text.
fn scalar(api: &Api, ty: &Ty, side: Side) -> Option<TokenStream> {
    match ty {
        Ty::Date(f) => Some(quote!(|t: &str| crate::__private::fields::date(t, #f))),
        Ty::DateTime(f) => Some(quote!(|t: &str| crate::__private::fields::datetime(t, #f))),
        Ty::Json | Ty::Coded | Ty::Params | Ty::Object(_) | Ty::List(_) => None,
        other => {
            let t = rust_type(api, other, side);
            Some(quote!(<#t as crate::__private::FromText>::from_text))
        }
    }
}

/// How JSON reads values of `ty` (see [`JsonScalar`]).
fn json_scalar(api: &Api, ty: &Ty) -> JsonScalar {
    match (ty, api.base(ty)) {
        (_, Ty::Money | Ty::Decimal) => JsonScalar::Exact,
        (Ty::String, _) => JsonScalar::Text,
        (Ty::Int, _) => JsonScalar::Int,
        (Ty::Named(_), Ty::String) => JsonScalar::TextNewtype,
        (Ty::Named(_), Ty::Int) => JsonScalar::IntNewtype,
        _ => JsonScalar::Other,
    }
}

fn kind(api: &Api, ty: &Ty, side: Side) -> Kind {
    let bools = *ty == Ty::Bool;
    match ty {
        Ty::Json => Kind::Node,
        Ty::Coded => Kind::Coded,
        Ty::Object(_) => Kind::Object,
        Ty::List(inner) => match (&**inner, scalar(api, inner, side)) {
            (Ty::Object(_), _) => Kind::Objects,
            (inner, Some(decode)) => Kind::Scalars {
                decode,
                bools: *inner == Ty::Bool,
            },
            (_, None) => Kind::Unsupported,
        },
        other => match scalar(api, other, side) {
            Some(decode) => Kind::Scalar {
                decode,
                bools,
                json: json_scalar(api, other),
            },
            None => Kind::Unsupported,
        },
    }
}

/// Whether an answer can hold an object named `name`: a response field's type names it,
/// directly, in a list or inside another object an answer holds. An object only sent in
/// requests, or only `include:`d into other structs, is never read from an answer.
fn answered(api: &Api, name: &str) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut todo: Vec<&Ty> = api
        .endpoints
        .iter()
        .flat_map(|e| e.response.iter().map(|f| &f.ty))
        .collect();
    while let Some(ty) = todo.pop() {
        match ty {
            Ty::List(inner) => todo.push(inner),
            Ty::Object(o) if !seen.contains(&o.as_str()) => {
                seen.push(o);
                if let Some(object) = api.objects.iter().find(|x| &x.name == o) {
                    todo.extend(object.fields.iter().map(|f| &f.ty));
                }
            }
            _ => {}
        }
    }
    seen.contains(&name)
}

/// The plan of a struct, or `None` where answers never reach it through a one-pass decoder
/// (request structs, objects no answer holds, whole-answer structs).
fn plan(api: &Api, s: &StructSpec) -> Option<Plan> {
    let object = api.objects.iter().any(|o| o.name == s.name);
    let read = if object {
        answered(api, s.name)
    } else {
        s.side != Side::Request
    };
    if !read || s.fields.iter().any(|f| f.wire == WHOLE) {
        return None;
    }
    let params = s
        .fields
        .iter()
        .find(|f| f.ty == Ty::Params)
        .map(|f| (ident(&f.rust), f.wire.clone()));
    let fields = s
        .fields
        .iter()
        .filter(|f| f.fixed.is_none() && f.ty != Ty::Params)
        .map(|f| FieldPlan {
            wire: f.wire.clone(),
            var: format_ident!("v_{}", f.rust),
            rust: ident(&f.rust),
            kind: kind(api, &f.ty, s.side),
            required: f.required,
            empty_is_absent: !f.required && empty_is_absent(api, &f.ty),
            list: matches!(f.ty, Ty::List(_)),
            aliases: f.aliases.clone(),
        })
        .collect();
    let skip = s
        .fields
        .iter()
        .filter(|f| f.fixed.is_some())
        .map(|f| f.wire.clone())
        .collect();
    Some(Plan {
        name: ident(s.name),
        fields,
        skip,
        keep_unknown: keeps_unknown(api, s),
        params,
    })
}

impl Plan {
    /// `let mut v = None;` per field, and the unknown fields' vector where kept.
    /// Adds an arm per alias (`spec aliases:`) reading as its field's arm does; `arms` starts
    /// with one arm per field, in the plan's order.
    pub fn add_aliases(&self, arms: &mut Vec<(String, TokenStream)>) {
        let extra: Vec<(String, TokenStream)> = self
            .fields
            .iter()
            .zip(arms.iter())
            .flat_map(|(f, (_, read))| f.aliases.iter().map(|a| (a.clone(), read.clone())))
            .collect();
        arms.extend(extra);
    }

    pub fn lets(&self) -> TokenStream {
        let vars = self.fields.iter().map(|f| {
            let v = &f.var;
            match f.kind {
                // Never assigned: its arm is an error.
                Kind::Unsupported => quote!(#[allow(unused_mut)] let mut #v = None;),
                _ => quote!(let mut #v = None;),
            }
        });
        let unknown = if self.keep_unknown {
            quote!(let mut unknown = Vec::new();)
        } else {
            quote!()
        };
        quote! { #(#vars)* #unknown }
    }

    /// The argument passing the unknown fields' vector to the runtime.
    pub fn unknown_arg(&self) -> TokenStream {
        if self.keep_unknown {
            quote!(Some(&mut unknown))
        } else {
            quote!(None)
        }
    }

    /// `Self { … }` from the bindings; `required(slot, wire)` turns a slot into a required
    /// value (or the error naming the field).
    pub fn build(&self, required: impl Fn(&Ident, &str) -> TokenStream) -> TokenStream {
        let inits = self.fields.iter().map(|f| {
            let (rust, v) = (&f.rust, &f.var);
            if f.list {
                quote!(#rust: #v.flatten().unwrap_or_default())
            } else if f.required {
                let read = required(v, &f.wire);
                quote!(#rust: #read?)
            } else {
                quote!(#rust: #v.flatten())
            }
        });
        let unknown = if self.keep_unknown {
            quote!(unknown_fields: unknown,)
        } else {
            quote!()
        };
        let params = self.params.as_ref().map(|(rust, _)| quote!(#rust: params,));
        quote!(Ok(Self { #(#inits,)* #params #unknown }))
    }
}

/// Which wire formats the answers reaching struct `name` come in: (JSON, XML, URL-encoded).
/// An API's answers all come in one format, except a query-string API's (Hyp Pay), whose
/// endpoints each say: there a struct is read in the formats of the endpoints whose answers
/// hold it (a JSON endpoint's answer other than a whole list may still fail as `key=value`
/// pairs, so its response reads both), not in every format some endpoint answers in.
fn formats(api: &Api, name: &str) -> (bool, bool, bool) {
    if api.xml.is_some() {
        return (false, true, false);
    }
    if api.transport != TransportKind::QueryGet {
        return (true, false, false);
    }
    let (mut json, mut form) = (false, false);
    for e in &api.endpoints {
        let whole = e.response.iter().any(|f| f.wire == WHOLE);
        let (j, f) = match e.answer {
            AnswerFormat::Json => (true, !whole),
            _ => (false, true),
        };
        if reaches(api, &e.response, &format!("{}Response", e.stem), name) {
            json |= j;
            form |= f;
        }
    }
    (json, false, form)
}

/// Whether `name` is the struct `root` (of `fields`) or an object its fields hold, at any depth.
fn reaches(api: &Api, fields: &[crate::model::Field], root: &str, name: &str) -> bool {
    let mut seen = vec![root.to_string()];
    let mut todo = vec![fields];
    while let Some(fields) = todo.pop() {
        for f in fields {
            let mut ty = &f.ty;
            while let Ty::List(inner) = ty {
                ty = inner;
            }
            if let Ty::Object(o) = ty
                && !seen.contains(o)
                && let Some(obj) = api.objects.iter().find(|x| &x.name == o)
            {
                seen.push(o.clone());
                todo.push(&obj.fields);
            }
        }
    }
    seen.iter().any(|s| s == name)
}

/// The one-pass decoder impls of a struct, one per wire format its API answers in.
pub fn emit(api: &Api, s: &StructSpec) -> TokenStream {
    let Some(plan) = plan(api, s) else {
        return quote!();
    };
    let (json, xml, form) = formats(api, s.name);
    // Pairs no field claims exist only in URL-encoded answers.
    let (json, xml) = (json && plan.params.is_none(), xml && plan.params.is_none());
    let mut out = TokenStream::new();
    if json {
        out.extend(super::decode_json::emit(&plan));
    }
    if xml {
        out.extend(super::decode_xml::emit(&plan));
    }
    if form {
        out.extend(super::decode_form::emit(&plan));
    }
    out
}
