//! URL-encoded: `FormFields` for one struct, one pass over the pairs with one `match` on the
//! key (see the runtime's `form_in`). Values are text: objects and lists only as blank text.

use proc_macro2::TokenStream;
use quote::quote;

use super::decode::{Kind, Plan};

pub fn emit(plan: &Plan) -> TokenStream {
    let fields = quote!(crate::__private::fields);
    let mut arms: Vec<(String, TokenStream)> = plan
        .fields
        .iter()
        .map(|f| {
            let (v, ea, w) = (&f.var, f.empty_is_absent, &f.wire);
            let read = match &f.kind {
                Kind::Scalar { decode, .. } => {
                    quote!(#fields::set_at(&mut #v, &value, #decode, (#ea, #w)))
                }
                Kind::Node => quote!({ #fields::set_node(&mut #v, &value, #ea); Ok(()) }),
                Kind::Coded => {
                    let required = f.required;
                    quote!({ #fields::set_coded(&mut #v, &value, #required); Ok(()) })
                }
                Kind::Object => quote!(#fields::set_blank(&mut #v, &value, None, #w)),
                Kind::Objects | Kind::Scalars { .. } => {
                    quote!(#fields::set_blank(&mut #v, &value, Some(Vec::new()), #w))
                }
                Kind::Unsupported => quote!(Err(#fields::at(#fields::unsupported(), #w))),
            };
            (f.wire.clone(), read)
        })
        .collect();
    plan.add_aliases(&mut arms);
    arms.extend(plan.skip.iter().map(|w| (w.clone(), quote!(Ok(())))));
    let other = {
        let unknown = plan.unknown_arg();
        match &plan.params {
            Some((_, wire)) => quote!(f.echo(key, value, (&mut params, #wire), #unknown)),
            None => quote!(f.other(key, value, #unknown)),
        }
    };
    let body = super::decode::dispatch(
        quote!(key.as_bytes()),
        &arms,
        other,
        quote!(crate::__private::Failure),
    );
    let name = &plan.name;
    let mut lets = plan.lets();
    if plan.params.is_some() {
        lets.extend(quote!(let mut params = Vec::new();));
    }
    let build = plan.build(|v, w| quote!(#fields::required(#v, #w)));
    quote! {
        impl crate::__private::FormFields for #name {
            #[inline]
            fn read(
                f: &mut crate::__private::FormIn<'_>,
            ) -> Result<Self, crate::__private::Failure> {
                #lets
                while let Some((key, value)) = f.next() {
                    #body
                }
                #build
            }
        }
    }
}
