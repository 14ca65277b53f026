//! Enums. A request enum is closed: a caller cannot send an undocumented value, and in answers
//! it is wrapped in `Open<_>`. A response-only enum is `#[non_exhaustive]` with an `Unknown`
//! variant holding the raw wire value, so a new vendor value never fails a decode.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc;
use super::types::ident;
use crate::model::{Enum, EnumRepr, WireValue};

fn wire_text(w: &WireValue) -> String {
    match w {
        WireValue::Int(i) => i.to_string(),
        WireValue::Str(s) => s.clone(),
    }
}

/// The value as JSON text: a number as its digits, a string quoted and escaped by serde_json.
fn json_text(w: &WireValue) -> String {
    match w {
        WireValue::Int(_) => wire_text(w),
        WireValue::Str(s) => serde_json::to_string(s).expect("a string is JSON"),
    }
}

/// `json`: the API sends JSON bodies, so a request enum writes its JSON text itself.
pub fn emit_enum(e: &Enum, json: bool) -> TokenStream {
    let name = ident(&e.name);
    let closed = e.in_request;
    let how = if closed {
        "A request enum: only documented values can be sent. In answers it arrives as \
         [`Open`](crate::Open), so an undocumented value is kept, not rejected."
    } else {
        "Received from the vendor. `#[non_exhaustive]`: match the values you handle and keep a \
         wildcard arm; an undocumented value decodes to `Unknown` with its raw wire text."
    };
    let repr = match e.repr {
        EnumRepr::Int => "integers",
        EnumRepr::String => "strings",
    };
    let edoc = doc(&format!(
        "{}\n\nOn the wire as {repr}. {how}\n\nSource: {}",
        e.doc.trim(),
        e.source
    ));
    let variants = e.values.iter().map(|v| {
        let vn = ident(&v.name);
        let mut text = format!("{} (wire `{}`", v.doc.trim(), wire_text(&v.wire));
        if !v.also.is_empty() {
            let also: Vec<String> = v
                .also
                .iter()
                .map(|a| format!("`{}`", wire_text(a)))
                .collect();
            text.push_str(&format!("; also accepted: {}", also.join(", ")));
        }
        text.push(')');
        if let Some(s) = &v.source {
            text.push_str(&format!("\n\nSource: {s}"));
        }
        let vdoc = doc(&text);
        quote! { #vdoc #vn, }
    });
    let unknown = if closed {
        quote!()
    } else {
        quote! {
            /// A value the spec does not list, with its raw wire text.
            Unknown(String),
        }
    };
    let attrs = if closed {
        quote!(#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)])
    } else {
        quote!(#[derive(Debug, Clone, PartialEq, Eq, Hash)] #[non_exhaustive])
    };
    let to_node_arms = e.values.iter().map(|v| {
        let vn = ident(&v.name);
        match &v.wire {
            WireValue::Int(i) => {
                let t = i.to_string();
                quote!(Self::#vn => crate::Node::Num(#t.to_string()),)
            }
            WireValue::Str(s) => quote!(Self::#vn => crate::Node::Str(#s.to_string()),),
        }
    });
    let unknown_to_node = if closed {
        quote!()
    } else {
        let numeric = e.repr == EnumRepr::Int;
        quote!(Self::Unknown(raw) => crate::__private::codec::unknown_node(raw, #numeric),)
    };
    // The JSON text of each value, written at generation time (escaped by serde_json).
    let write_json = if closed && json {
        let arms = e.values.iter().map(|v| {
            let vn = ident(&v.name);
            let bytes = proc_macro2::Literal::byte_string(json_text(&v.wire).as_bytes());
            quote!(Self::#vn => #bytes,)
        });
        quote! {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
                out.extend_from_slice(match self { #(#arms)* });
                Ok(())
            }
        }
    } else {
        quote!()
    };
    let from_arms = e.values.iter().map(|v| {
        let vn = ident(&v.name);
        let texts = std::iter::once(&v.wire).chain(v.also.iter()).map(wire_text);
        quote!( #(#texts)|* => Some(Self::#vn), )
    });
    let wire_values: Vec<String> = e.values.iter().map(|v| wire_text(&v.wire)).collect();
    let listed = wire_values.join(", ");
    let from_text = if closed {
        quote! {
            let text = text.trim();
            <Self as crate::__private::ClosedEnum>::from_wire_text(text).ok_or_else(|| {
                crate::DecodeError::new(format!(
                    "`{text}` is not a documented {} value ({})", stringify!(#name), #listed
                ))
            })
        }
    } else {
        quote! {
            let text = text.trim();
            Ok(Self::from_wire_text(text).unwrap_or_else(|| Self::Unknown(text.to_string())))
        }
    };
    let lookup = quote! {
        #[inline]
        fn from_wire_text(text: &str) -> Option<Self> {
            match text { #(#from_arms)* _ => None }
        }
    };
    // Only requests are read from a tree (the sandbox reads what a client sent); answers are
    // read in one pass, through `FromText`.
    let from_node = if closed {
        quote! {
            impl crate::FromNode for #name {
                #[inline]
                fn from_node(node: &crate::Node) -> Result<Self, crate::DecodeError> {
                    crate::__private::codec::scalar(node)
                }
            }
        }
    } else {
        quote!()
    };
    let numeric = e.repr == EnumRepr::Int;
    let lookup_impl = if closed {
        quote! { impl crate::__private::ClosedEnum for #name { const NUMERIC: bool = #numeric; #lookup } }
    } else {
        quote! { impl #name { #lookup } }
    };
    quote! {
        #edoc
        #attrs
        pub enum #name { #(#variants)* #unknown }
        #lookup_impl
        impl crate::ToNode for #name {
            #[inline]
            fn to_node(&self) -> crate::Node {
                match self { #(#to_node_arms)* #unknown_to_node }
            }
            #write_json
        }
        #from_node
        impl crate::__private::FromText for #name {
            #[inline]
            fn from_text(text: &str) -> Result<Self, crate::DecodeError> {
                #from_text
            }
        }
    }
}
