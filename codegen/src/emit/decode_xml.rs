//! XML: `XmlFields` for one struct, a pull loop over the element's children with one `match`
//! on the (borrowed) element name; `code` attributes for `Coded` fields, empty elements absent
//! (see the runtime's `xml_in`).
//!
//! A struct whose fields are all optional (or lists) is built in place: its fields are read
//! straight into an empty value of it (a wide CreditGuard row is never moved field by field or
//! as a whole; a list's item is built inside the list). Other structs read into a local per
//! field and are built from them at the end tag.

use proc_macro2::TokenStream;
use quote::quote;

use super::decode::{Kind, Plan};

/// Whether the struct is built in place (see the module docs).
fn in_place(plan: &Plan) -> bool {
    plan.fields
        .iter()
        .all(|f| (f.list || !f.required) && !matches!(f.kind, Kind::Unsupported))
}

/// The loop reading the children; each field's value goes to `place(field)`.
fn body(plan: &Plan, in_place: bool) -> TokenStream {
    let mut arms: Vec<(String, TokenStream)> = plan
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let ea = f.empty_is_absent;
            let (rust, var) = (&f.rust, &f.var);
            let place = if in_place {
                quote!(&mut out.#rust)
            } else {
                quote!(&mut #var)
            };
            let at = quote!(&mut met[#i], #place);
            let read = match &f.kind {
                Kind::Scalar { decode, .. } => quote!(x.scalar(#at, #decode, #ea)),
                Kind::Scalars { decode, .. } => quote!(x.scalars(#at, #decode)),
                Kind::Object => quote!(x.object(#at)),
                Kind::Objects => quote!(x.objects(#at)),
                Kind::Node => quote!(x.node(#at, #ea)),
                Kind::Coded => {
                    let required = f.required;
                    quote!(x.coded(#at, #required))
                }
                Kind::Unsupported => quote!(Err(crate::__private::fields::unsupported())),
            };
            (f.wire.clone(), read)
        })
        .collect();
    plan.add_aliases(&mut arms);
    arms.extend(plan.skip.iter().map(|w| (w.clone(), quote!(x.skip()))));
    let unknown = match (plan.keep_unknown, in_place) {
        (false, _) => quote!(None),
        (true, true) => quote!(Some(&mut out.unknown_fields)),
        (true, false) => quote!(Some(&mut unknown)),
    };
    let other = quote!(x.other(name, #unknown));
    let dispatch = super::decode::dispatch(
        quote!(name),
        &arms,
        other,
        quote!(crate::__private::Failure),
    );
    let n = plan.fields.len();
    let met = (n > 0).then(|| quote!(let mut met = [0u8; #n];));
    quote! {
        #met
        let mut any = false;
        while let Some(name) = x.child()? {
            any = true;
            #dispatch
        }
        Ok::<bool, crate::__private::Failure>(any)
    }
}

/// A struct built in place: an empty value, the loop filling it, list items built inside
/// their list and object fields inside their parent.
fn emit_in_place(plan: &Plan) -> TokenStream {
    let failure = quote!(crate::__private::Failure);
    let name = &plan.name;
    let empties = plan.fields.iter().map(|f| {
        let rust = &f.rust;
        if f.list {
            quote!(#rust: Vec::new())
        } else {
            quote!(#rust: None)
        }
    });
    let unknown = plan
        .keep_unknown
        .then(|| quote!(unknown_fields: Vec::new(),));
    let body = body(plan, true);
    quote! {
        impl #name {
            /// The value before any element is read.
            #[inline]
            fn xml_empty() -> Self {
                Self { #(#empties,)* #unknown }
            }

            /// Reads the children of the element just entered into `out`: `false` where it
            /// has none.
            #[inline]
            fn xml_fill(
                x: &mut crate::__private::XmlIn<'_>,
                out: &mut Self,
            ) -> Result<bool, #failure> {
                #body
            }
        }
        impl crate::__private::XmlFields for #name {
            #[inline]
            fn read(x: &mut crate::__private::XmlIn<'_>) -> Result<Option<Self>, #failure> {
                let mut out = Self::xml_empty();
                Ok(Self::xml_fill(x, &mut out)?.then_some(out))
            }

            #[inline]
            fn read_item(
                x: &mut crate::__private::XmlIn<'_>,
                items: &mut Vec<Self>,
            ) -> Result<(), #failure> {
                let at = items.len();
                items.push(Self::xml_empty());
                if Self::xml_fill(x, &mut items[at])? {
                    Ok(())
                } else {
                    Err(crate::__private::xml_in::no_object())
                }
            }

            #[inline]
            fn read_into(
                x: &mut crate::__private::XmlIn<'_>,
                out: &mut Option<Self>,
            ) -> Result<bool, #failure> {
                let any = Self::xml_fill(x, out.insert(Self::xml_empty()))?;
                if !any {
                    *out = None;
                }
                Ok(any)
            }
        }
    }
}

pub fn emit(plan: &Plan) -> TokenStream {
    if in_place(plan) {
        return emit_in_place(plan);
    }
    let failure = quote!(crate::__private::Failure);
    let lets = plan.fields.iter().map(|f| {
        let v = &f.var;
        match f.kind {
            // Never assigned: its arm fails the answer (`fields::unsupported`).
            Kind::Unsupported => quote!(#[allow(unused_mut)] let mut #v = None;),
            _ if f.list => quote!(let mut #v = Vec::new();),
            _ => quote!(let mut #v = None;),
        }
    });
    let unknown = plan
        .keep_unknown
        .then(|| quote!(let mut unknown = Vec::new();));
    let body = body(plan, false);
    let inits = plan.fields.iter().map(|f| {
        let (rust, v) = (&f.rust, &f.var);
        if f.required && !f.list {
            let w = &f.wire;
            quote!(#rust: crate::__private::xml_in::required(#v, #w)?)
        } else {
            quote!(#rust: #v)
        }
    });
    let keep = plan.keep_unknown.then(|| quote!(unknown_fields: unknown,));
    let name = &plan.name;
    quote! {
        impl crate::__private::XmlFields for #name {
            #[inline]
            fn read(x: &mut crate::__private::XmlIn<'_>) -> Result<Option<Self>, #failure> {
                #(#lets)*
                #unknown
                if !{ #body }? {
                    return Ok(None);
                }
                Ok(Some(Self { #(#inits,)* #keep }))
            }
        }
    }
}
