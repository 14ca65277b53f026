//! URL-encoded: `FormFields` for one struct, one pass over the pairs with one `match` on the
//! key (see the runtime's `form_in`). Values are text: objects and lists only as blank text.

use proc_macro2::TokenStream;
use quote::quote;

use super::decode::{Kind, Plan};

pub fn emit(plan: &Plan) -> TokenStream {
    let fields = quote!(crate::__private::fields);
    let arms = plan.fields.iter().map(|f| {
        let (w, v, ea) = (&f.wire, &f.var, f.empty_is_absent);
        let read = match &f.kind {
            Kind::Scalar { decode, .. } => quote!(#fields::set(&mut #v, &value, #decode, #ea)?),
            Kind::Node => quote!(#fields::set_node(&mut #v, &value, #ea)),
            Kind::Coded => {
                let required = f.required;
                quote!(#fields::set_coded(&mut #v, &value, #required))
            }
            Kind::Object => quote!(#fields::set_blank(&mut #v, &value, None)?),
            Kind::Objects | Kind::Scalars { .. } => {
                quote!(#fields::set_blank(&mut #v, &value, Some(Vec::new()))?)
            }
            Kind::Unsupported => quote!(return Err(crate::__private::Fallback)),
        };
        quote!(#w => #read,)
    });
    let skips = plan.skip.iter().map(|w| quote!(#w => {},));
    let other = {
        let unknown = plan.unknown_arg();
        quote!(f.other(key, value, #unknown)?)
    };
    let body = if plan.fields.is_empty() && plan.skip.is_empty() {
        other
    } else {
        quote!(match key.as_ref() { #(#arms)* #(#skips)* _ => #other, })
    };
    let name = &plan.name;
    let lets = plan.lets();
    let build = plan.build(quote!(#fields::required));
    quote! {
        impl crate::__private::FormFields for #name {
            fn read(
                f: &mut crate::__private::FormIn<'_>,
            ) -> Result<Self, crate::__private::Fallback> {
                #lets
                while let Some((key, value)) = f.next() {
                    #body
                }
                #build
            }
        }
    }
}
