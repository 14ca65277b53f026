//! Spec types → Rust types, and the expressions that encode and decode them.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::model::{Api, SecretKind, Ty};

pub fn ident(s: &str) -> Ident {
    Ident::new(s, Span::call_site())
}

/// Whether a struct is sent (request side) or received (response side). A closed request enum
/// met on the response side is wrapped in `Open<_>` so an undocumented value still decodes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

pub fn rust_type(api: &Api, ty: &Ty, side: Side) -> TokenStream {
    match ty {
        Ty::Int => quote!(i64),
        Ty::String => quote!(String),
        Ty::Bool => quote!(bool),
        Ty::Money => quote!(crate::Money),
        Ty::MinorUnits => quote!(crate::MinorUnits),
        Ty::Decimal => quote!(crate::Decimal),
        Ty::Date(_) => quote!(crate::NaiveDate),
        Ty::DateTime(_) => quote!(crate::NaiveDateTime),
        Ty::Secret(kind) => secret_type(*kind),
        Ty::Json => quote!(crate::Node),
        Ty::Coded => quote!(crate::Coded),
        Ty::Params => quote!(Vec<(String, String)>),
        Ty::Enum(n) => {
            let i = ident(n);
            if side == Side::Response && enum_is_closed(api, n) {
                quote!(crate::Open<#i>)
            } else {
                quote!(#i)
            }
        }
        Ty::Object(n) | Ty::Named(n) => {
            let i = ident(n);
            quote!(#i)
        }
        Ty::List(inner) => {
            let t = rust_type(api, inner, side);
            quote!(Vec<#t>)
        }
    }
}

/// The runtime type of a sensitive value.
fn secret_type(kind: SecretKind) -> TokenStream {
    match kind {
        SecretKind::Plain => quote!(crate::SecretString),
        SecretKind::Pan => quote!(crate::Pan),
        SecretKind::Cvv => quote!(crate::Cvv),
        SecretKind::CardToken => quote!(crate::CardToken),
    }
}

pub fn enum_is_closed(api: &Api, name: &str) -> bool {
    api.enums.iter().any(|e| e.name == name && e.in_request)
}

/// A closure `Fn(&Node) -> Result<T, DecodeError>` reading a request field's type (only
/// requests are read from a tree).
pub fn decoder(api: &Api, ty: &Ty) -> TokenStream {
    match ty {
        Ty::Date(f) => quote!(|n: &crate::Node| crate::__private::codec::date(n, #f)),
        Ty::DateTime(f) => quote!(|n: &crate::Node| crate::__private::codec::datetime(n, #f)),
        Ty::List(inner) => {
            let d = decoder(api, inner);
            quote!(|n: &crate::Node| crate::__private::codec::list(n, #d))
        }
        other => {
            let t = rust_type(api, other, Side::Request);
            quote!(<#t as crate::FromNode>::from_node)
        }
    }
}

/// An expression decoding `node` (an expression of type `&Node`) as a request field's type.
pub fn decode_call(api: &Api, ty: &Ty, node: TokenStream) -> TokenStream {
    match ty {
        Ty::Date(f) => quote!(crate::__private::codec::date(#node, #f)),
        Ty::DateTime(f) => quote!(crate::__private::codec::datetime(#node, #f)),
        Ty::List(inner) => {
            let d = decoder(api, inner);
            quote!(crate::__private::codec::list(#node, #d))
        }
        other => {
            let t = rust_type(api, other, Side::Request);
            quote!(<#t as crate::FromNode>::from_node(#node))
        }
    }
}

/// An expression encoding the place `value` (an expression of type `T`) into a `Node`.
pub fn encode(ty: &Ty, value: TokenStream) -> TokenStream {
    match ty {
        Ty::Date(f) => quote!(crate::__private::codec::date_node(&#value, #f)),
        Ty::DateTime(f) => quote!(crate::__private::codec::datetime_node(&#value, #f)),
        Ty::List(inner) => {
            let item = encoder(inner);
            quote!(crate::Node::List(#value.iter().map(#item).collect()))
        }
        _ => quote!(crate::ToNode::to_node(&#value)),
    }
}

/// An expression encoding `value` (an expression of type `&T`) into a `Node`.
pub fn encode_ref(ty: &Ty, value: TokenStream) -> TokenStream {
    match ty {
        Ty::Date(f) => quote!(crate::__private::codec::date_node(#value, #f)),
        Ty::DateTime(f) => quote!(crate::__private::codec::datetime_node(#value, #f)),
        Ty::List(inner) => {
            let item = encoder(inner);
            quote!(crate::Node::List(#value.iter().map(#item).collect()))
        }
        _ => quote!(crate::ToNode::to_node(#value)),
    }
}

/// A callable `Fn(&T) -> Node`.
pub fn encoder(ty: &Ty) -> TokenStream {
    match ty {
        Ty::Date(f) => quote!(|v| crate::__private::codec::date_node(v, #f)),
        Ty::DateTime(f) => quote!(|v| crate::__private::codec::datetime_node(v, #f)),
        Ty::List(inner) => {
            let item = encoder(inner);
            quote!(|v: &Vec<_>| crate::Node::List(v.iter().map(#item).collect()))
        }
        _ => quote!(crate::ToNode::to_node),
    }
}

/// Whether an empty value on the wire means "absent" for this type: for everything but text
/// (vendors send `""` for an unset date or number), and in XML for text too.
pub fn empty_is_absent(api: &Api, ty: &Ty) -> bool {
    // In XML an empty element (`<cardName/>`) is an absent value for text too.
    api.xml.is_some() || !matches!(api.base(ty), Ty::String | Ty::Secret(_))
}

/// The type a setter takes: text fields take `impl Into<String>`, named types `impl Into<T>`
/// (from their base).
pub fn param_type(api: &Api, ty: &Ty) -> (TokenStream, bool) {
    match ty {
        Ty::String => (quote!(impl Into<String>), true),
        Ty::Named(n) => {
            let i = ident(n);
            (quote!(impl Into<#i>), true)
        }
        other => (rust_type(api, other, Side::Request), false),
    }
}
