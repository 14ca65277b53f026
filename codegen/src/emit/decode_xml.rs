//! XML: `XmlFields` for one struct, a pull loop over the element's children with one `match`
//! on the (borrowed) element name; `code` attributes for `Coded` fields, empty elements absent
//! (see the runtime's `xml_in`).

use proc_macro2::TokenStream;
use quote::quote;

use super::decode::{Kind, Plan};

pub fn emit(plan: &Plan) -> TokenStream {
    let failure = quote!(crate::__private::Failure);
    let mut arms: Vec<(String, TokenStream)> = plan
        .fields
        .iter()
        .map(|f| {
            let (v, ea) = (&f.var, f.empty_is_absent);
            let read = match &f.kind {
                Kind::Scalar { decode, .. } => quote!(x.scalar(&mut #v, #decode, #ea)?),
                Kind::Scalars { decode, .. } => quote!(x.scalars(&mut #v, #decode)?),
                Kind::Object => quote!(x.object(&mut #v)?),
                Kind::Objects => quote!(x.objects(&mut #v)?),
                Kind::Node => quote!(x.node(&mut #v, #ea)?),
                Kind::Coded => {
                    let required = f.required;
                    quote!(x.coded(&mut #v, #required)?)
                }
                Kind::Unsupported => quote!(return Err(crate::__private::fields::fallback())),
            };
            (f.wire.clone(), read)
        })
        .collect();
    plan.add_aliases(&mut arms);
    arms.extend(plan.skip.iter().map(|w| (w.clone(), quote!(x.skip()?))));
    let other = {
        let unknown = plan.unknown_arg();
        quote!(x.other(name, #unknown)?)
    };
    let body = super::decode::dispatch(quote!(name), &arms, other);
    let name = &plan.name;
    let lets = plan.lets();
    let build = plan.build(|v, w| quote!(crate::__private::fields::required(#v, #w)));
    quote! {
        impl crate::__private::XmlFields for #name {
            fn read(x: &mut crate::__private::XmlIn<'_>) -> Result<Self, #failure> {
                #lets
                let mut seen = false;
                while let Some(name) = x.child()? {
                    seen = true;
                    #body
                }
                crate::__private::xml_in::seen(seen)?;
                #build
            }
        }
    }
}
