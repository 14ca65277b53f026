//! JSON: `JsonFields` for one struct, a serde map visitor with one `match` on the key. Money
//! and every other scalar come from the value's borrowed text (see the runtime's `json_in`);
//! each read names its field, so an error carries its path.

use proc_macro2::TokenStream;
use quote::quote;

use super::decode::{JsonScalar, Kind, Plan};

pub fn emit(plan: &Plan) -> TokenStream {
    let j = quote!(crate::__private::json_in);
    let mut arms: Vec<(String, TokenStream)> = plan
        .fields
        .iter()
        .map(|f| {
            let (v, ea, w) = (&f.var, f.empty_is_absent, &f.wire);
            let at = quote!((&mut *cx, depth, #w));
            let read = match &f.kind {
                Kind::Scalar {
                    decode,
                    bools,
                    json,
                } => match json {
                    JsonScalar::Exact => {
                        quote!(#j::exact(&mut m, &mut #v, #decode, (#bools, #ea), #at))
                    }
                    JsonScalar::Text => quote!(#j::string(&mut m, &mut #v, #ea, #at)),
                    JsonScalar::Int => quote!(#j::integer(&mut m, &mut #v, #ea, #at)),
                    JsonScalar::TextNewtype => quote!(#j::string_as(&mut m, &mut #v, #ea, #at)),
                    JsonScalar::IntNewtype => quote!(#j::integer_as(&mut m, &mut #v, #ea, #at)),
                    JsonScalar::Other => {
                        quote!(#j::value(&mut m, &mut #v, #decode, (#bools, #ea), #at))
                    }
                },
                Kind::Scalars { decode, bools } => {
                    quote!(#j::scalars(&mut m, &mut #v, #decode, #bools, #at))
                }
                Kind::Object => quote!(#j::object(&mut m, &mut #v, #ea, #at)),
                Kind::Objects => quote!(#j::objects(&mut m, &mut #v, #at)),
                Kind::Node => quote!(#j::node(&mut m, &mut #v, #ea, #at)),
                Kind::Coded | Kind::Unsupported => {
                    quote!(Err(#j::unsupported(cx, #w)))
                }
            };
            (f.wire.clone(), read)
        })
        .collect();
    plan.add_aliases(&mut arms);
    arms.extend(
        plan.skip
            .iter()
            .map(|w| (w.clone(), quote!(#j::skip(&mut m, cx, depth, #w)))),
    );
    let other = {
        let unknown = plan.unknown_arg();
        quote!(#j::other(&mut m, key, cx, depth, #unknown))
    };
    let body = super::decode::dispatch(quote!(key.0.as_bytes()), &arms, other, quote!(A::Error));
    let name = &plan.name;
    let lets = plan.lets();
    let build = plan.build(|v, w| quote!(#j::required(cx, #v, #w)));
    quote! {
        impl crate::__private::JsonFields for #name {
            fn visit<'de, A: crate::__private::serde::de::MapAccess<'de>>(
                mut m: A,
                cx: &mut crate::__private::json_in::Cx,
                depth: usize,
            ) -> Result<Self, A::Error> {
                #lets
                while let Some(key) = m.next_key::<#j::Key<'de>>()? {
                    #body
                }
                #build
            }
        }
    }
}
