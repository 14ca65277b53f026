//! Named types: one newtype per entry of the spec's `types:`, over `i64` or `String`, keeping
//! the exact wire form. Two identifiers of one base cannot be swapped, and each says what it is
//! in `Debug`.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc;
use super::types::ident;
use crate::model::{NamedType, Ty};

/// `json`: the API sends JSON bodies, so the type writes its JSON text itself (as its value).
pub fn emit_named(t: &NamedType, json: bool) -> TokenStream {
    let name = ident(&t.name);
    let mut text = format!("{}\n\n", t.doc.trim());
    if let Some(d) = &t.decision {
        text.push_str(&format!("Spec decision: {}\n\n", d.trim()));
    }
    text.push_str(&format!("Source: {}", t.source));
    let d = doc(&text);
    let (inner, accessors, froms, eqs) = if t.base == Ty::Int {
        (
            quote!(i64),
            quote! {
                /// The value, as sent and received.
                pub const fn get(self) -> i64 { self.0 }
            },
            quote! {
                impl From<i64> for #name { fn from(value: i64) -> Self { Self(value) } }
                impl From<#name> for i64 { fn from(value: #name) -> Self { value.0 } }
            },
            quote! {
                impl PartialEq<i64> for #name { fn eq(&self, other: &i64) -> bool { self.0 == *other } }
            },
        )
    } else {
        (
            quote!(String),
            quote! {
                /// The value, exactly as sent and received.
                pub fn as_str(&self) -> &str { &self.0 }
                /// The value, exactly as sent and received.
                pub fn into_string(self) -> String { self.0 }
            },
            quote! {
                impl From<String> for #name { fn from(value: String) -> Self { Self(value) } }
                impl From<&str> for #name { fn from(value: &str) -> Self { Self(value.to_string()) } }
                impl From<#name> for String { fn from(value: #name) -> Self { value.0 } }
                impl AsRef<str> for #name { fn as_ref(&self) -> &str { &self.0 } }
                impl std::ops::Deref for #name {
                    type Target = str;
                    fn deref(&self) -> &str { &self.0 }
                }
            },
            quote! {
                impl PartialEq<str> for #name { fn eq(&self, other: &str) -> bool { self.0 == other } }
                impl PartialEq<&str> for #name { fn eq(&self, other: &&str) -> bool { self.0 == *other } }
            },
        )
    };
    let copy = if t.base == Ty::Int {
        quote!(Copy,)
    } else {
        quote!()
    };
    let debug_name = &t.name;
    let write_json = if json {
        quote! {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
                crate::ToNode::write_json(&self.0, out)
            }
        }
    } else {
        quote!()
    };
    quote! {
        #d
        #[derive(Clone, #copy PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct #name(pub(crate) #inner);
        impl #name {
            /// The value, as the vendor writes it (checked by `validate()` where it is sent).
            pub fn new(value: impl Into<#inner>) -> Self { Self(value.into()) }
            #accessors
        }
        impl std::fmt::Debug for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_tuple(#debug_name).field(&self.0).finish()
            }
        }
        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&self.0, f)
            }
        }
        #froms
        #eqs
        impl crate::ToNode for #name {
            #[inline]
            fn to_node(&self) -> crate::Node { crate::ToNode::to_node(&self.0) }
            #write_json
        }
        impl crate::FromNode for #name {
            #[inline]
            fn from_node(node: &crate::Node) -> Result<Self, crate::DecodeError> {
                <#inner as crate::FromNode>::from_node(node).map(Self)
            }
        }
        impl crate::__private::FromText for #name {
            #[inline]
            fn from_text(text: &str) -> Result<Self, crate::DecodeError> {
                <#inner as crate::__private::FromText>::from_text(text).map(Self)
            }
        }
    }
}
