//! One API: its service settings, then its codes, types, endpoints and quirks. An API only in
//! one of the two models is listed whole: added or removed, with its endpoints and types.

use super::sides::Sides;
use super::{Out, codes, endpoints, folder, here, named, records, text, there, types};
use crate::diff::Change;
use crate::diff::kind::ChangeKind as K;
use crate::model::{Api, Envelope};

/// An API folder only in the new model.
pub(super) fn added(changes: &mut Vec<Change>, api: &Api) {
    let mut out = Out {
        api: &api.name,
        changes,
    };
    let at = folder(api, false);
    out.push(
        K::ApiAdded,
        "service",
        &at,
        format!(
            "new API `{}` ({}): module `{}`, feature `{}`, {} endpoints, {} codes",
            api.name,
            api.title.trim(),
            api.module,
            api.feature,
            api.endpoints.len(),
            api.codes.len()
        ),
    );
    for e in &api.enums {
        out.push(
            K::EnumAdded,
            &format!("enums.{}", e.name),
            &here(&e.loc),
            format!("new enum `{}`", e.name),
        );
    }
    for o in &api.objects {
        out.push(
            K::ObjectAdded,
            &format!("objects.{}", o.name),
            &here(&o.loc),
            format!("new struct `{}`", o.name),
        );
    }
    for e in &api.endpoints {
        out.push(
            K::EndpointAdded,
            &format!("endpoints.{}", e.wire),
            &here(&e.loc),
            format!("new endpoint `{}` (`{}`)", e.wire, e.method),
        );
    }
}

/// An API folder only in the base model.
pub(super) fn removed(changes: &mut Vec<Change>, api: &Api) {
    let mut out = Out {
        api: &api.name,
        changes,
    };
    out.push(
        K::ApiRemoved,
        "service",
        &folder(api, true),
        format!(
            "API `{}` removed (module `{}`, feature `{}`)",
            api.name, api.module, api.feature
        ),
    );
    for e in &api.enums {
        out.push(
            K::EnumRemoved,
            &format!("enums.{}", e.name),
            &there(&e.loc),
            format!("enum `{}` removed", e.name),
        );
    }
    for o in &api.objects {
        out.push(
            K::ObjectRemoved,
            &format!("objects.{}", o.name),
            &there(&o.loc),
            format!("struct `{}` removed", o.name),
        );
    }
    for e in &api.endpoints {
        out.push(
            K::EndpointRemoved,
            &format!("endpoints.{}", e.wire),
            &there(&e.loc),
            format!("endpoint `{}` (`{}`) removed", e.wire, e.method),
        );
    }
}

/// An API in both models.
pub(super) fn compare(changes: &mut Vec<Change>, old: &Api, new: &Api) {
    let mut out = Out {
        api: &new.name,
        changes,
    };
    settings(&mut out, old, new);
    codes::service_table(&mut out, old, new);
    codes::definitions(&mut out, old, new);
    let (old_sides, new_sides) = (Sides::of(old), Sides::of(new));
    named::compare(&mut out, old, new);
    types::enums(&mut out, old, new, &old_sides, &new_sides);
    types::objects(&mut out, old, new, &old_sides, &new_sides);
    endpoints::compare(&mut out, old, new);
    records::quirks(&mut out, &old.quirks, &new.quirks, &folder(new, false));
}

fn settings(out: &mut Out, old: &Api, new: &Api) {
    let Api {
        name: _,
        module,
        feature,
        title,
        doc,
        source,
        transport,
        path_template,
        base_url_default,
        base_url_doc,
        auth,
        auth_doc,
        client_fields,
        auth_fields,
        xml,
        bool_text,
        redirect_mac,
        answer_charset,
        request_charset,
        envelope,
        default_timeout_secs,
        keep_unknown_fields,
        timeout_margin_secs,
        code_type,
        code_doc,
        // Compared in codes.rs, named.rs, types.rs, endpoints.rs and records.rs.
        codes: _,
        service_code_count: _,
        types: _,
        enums: _,
        objects: _,
        endpoints: _,
        quirks: _,
        // How hyp-sandbox plays the API is not part of the client contract; a change shows in
        // the generated plan (hyp-sandbox/src/generated/*.json) in the same pull request.
        sandbox: _,
    } = old;
    let at = folder(new, false);
    let name = |s: &String| format!("`{s}`");
    out.value(
        K::RustNameChanged,
        "service.module",
        &at,
        "the API's Rust module is renamed".into(),
        (module, &new.module),
        name,
    );
    out.value(
        K::RustNameChanged,
        "service.feature",
        &at,
        "the API's cargo feature is renamed".into(),
        (feature, &new.feature),
        name,
    );
    out.value(
        K::RustNameChanged,
        "service.code_type",
        &at,
        "the API's code enum is renamed".into(),
        (code_type, &new.code_type),
        name,
    );
    out.value(
        K::TransportChanged,
        "service.transport",
        &at,
        "the transport changed".into(),
        (
            &(*transport, path_template),
            &(new.transport, &new.path_template),
        ),
        |(k, p)| format!("{} `{p}`", text::transport(*k)),
    );
    out.value(
        K::BaseUrlChanged,
        "service.base_url",
        &at,
        "the documented default base URL changed".into(),
        (base_url_default, &new.base_url_default),
        text::opt,
    );
    out.value(
        K::AuthChanged,
        "service.auth",
        &at,
        "the authentication changed".into(),
        (auth, &new.auth),
        |a| text::auth(*a).to_string(),
    );
    out.value(
        K::AuthChanged,
        "service.auth.fields",
        &at,
        "the credential form fields changed".into(),
        (auth_fields, &new.auth_fields),
        |f| format!("{f:?}"),
    );
    out.value(
        K::AuthChanged,
        "service.auth.client_fields",
        &at,
        "the request fields the client supplies changed (the builder's arguments and each \
         request's required fields)"
            .into(),
        (client_fields, &new.client_fields),
        |f| {
            let names: Vec<String> = f
                .iter()
                .map(|c| format!("{}{}", c.wire, if c.optional { "?" } else { "" }))
                .collect();
            names.join(", ")
        },
    );
    out.value(
        K::TransportChanged,
        "service.transport.xml",
        &at,
        "the XML envelope changed".into(),
        (&format!("{xml:?}"), &format!("{:?}", new.xml)),
        |x| x.clone(),
    );
    out.value(
        K::TransportChanged,
        "service.formats",
        &at,
        "how booleans are written changed".into(),
        (bool_text, &new.bool_text),
        |b| format!("{b:?}"),
    );
    out.value(
        K::AuthChanged,
        "service.redirect_mac",
        &at,
        "the redirect signature recipe changed".into(),
        (
            &format!("{:?}", redirect_mac.as_ref().map(|m| (&m.param, &m.parts))),
            &format!(
                "{:?}",
                new.redirect_mac.as_ref().map(|m| (&m.param, &m.parts))
            ),
        ),
        |x| x.clone(),
    );
    out.value(
        K::TransportChanged,
        "service.answer_charset",
        &at,
        "the documented answer charset changed".into(),
        (answer_charset, &new.answer_charset),
        |c| format!("{c:?}"),
    );
    out.value(
        K::TransportChanged,
        "service.request_charset",
        &at,
        "the documented request charset changed".into(),
        (request_charset, &new.request_charset),
        |c| format!("{c:?}"),
    );
    envelope_change(out, &at, envelope.as_ref(), new.envelope.as_ref());
    out.value(
        K::TimeoutChanged,
        "service.timeouts",
        &at,
        "the service's default timeout or margin changed".into(),
        (
            &(*default_timeout_secs, *timeout_margin_secs),
            &(new.default_timeout_secs, new.timeout_margin_secs),
        ),
        |(d, m)| format!("default {d} s, margin {m} s"),
    );
    if keep_unknown_fields != &new.keep_unknown_fields {
        let kind = if new.keep_unknown_fields {
            K::UnknownFieldsNowKept
        } else {
            K::UnknownFieldsNoLongerKept
        };
        out.push_values(
            kind,
            "service.keep_unknown_fields",
            &at,
            "whether response structs keep undocumented fields changed".into(),
            Some(text::flag(keep_unknown_fields)),
            Some(text::flag(&new.keep_unknown_fields)),
        );
    }
    out.docs(
        "service",
        "the service's text",
        &at,
        &[
            ("title", title != &new.title),
            ("doc", doc != &new.doc),
            ("source", source != &new.source),
            ("base_url.doc", base_url_doc != &new.base_url_doc),
            ("auth.doc", auth_doc != &new.auth_doc),
            ("codes.doc", code_doc != &new.code_doc),
            (
                "redirect_mac.doc",
                redirect_mac.as_ref().map(|m| &m.doc) != new.redirect_mac.as_ref().map(|m| &m.doc),
            ),
            (
                "redirect_mac.source",
                redirect_mac.as_ref().map(|m| &m.source)
                    != new.redirect_mac.as_ref().map(|m| &m.source),
            ),
        ],
    );
}

fn envelope_change(
    out: &mut Out,
    at: &crate::diff::Location,
    old: Option<&Envelope>,
    new: Option<&Envelope>,
) {
    fn show(e: &Option<&Envelope>) -> String {
        match e {
            None => "none".into(),
            Some(Envelope {
                code_wire,
                code_lenient,
                message_wire,
                code_when_missing,
                error_details: _,
            }) => format!(
                "code `{code_wire}`{}{}, message `{message_wire}`",
                if *code_lenient { " (lenient)" } else { "" },
                code_when_missing.map_or(String::new(), |c| format!(" (absent = {c})"))
            ),
        }
    }
    let same = match (old, new) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let Envelope {
                code_wire,
                code_lenient,
                message_wire,
                code_when_missing,
                // Which envelope fields an error keeps: compared one by one below.
                error_details: _,
            } = a;
            code_wire == &b.code_wire
                && code_lenient == &b.code_lenient
                && message_wire == &b.message_wire
                && code_when_missing == &b.code_when_missing
        }
        _ => false,
    };
    fn details(e: Option<&Envelope>) -> &[String] {
        e.map_or(&[], |e| &e.error_details)
    }
    let (was, now) = (details(old), details(new));
    for (kind, names, other, verb) in [
        (K::ErrorDetailAdded, now, was, "now keep"),
        (K::ErrorDetailRemoved, was, now, "no longer keep"),
    ] {
        for name in names.iter().filter(|n| !other.contains(n)) {
            out.push(
                kind,
                &format!("service.envelope.error_details.{name}"),
                at,
                format!("API errors {verb} the envelope field `{name}`"),
            );
        }
    }
    if !same {
        out.push_values(
            K::EnvelopeChanged,
            "service.envelope",
            at,
            "the answer envelope changed".into(),
            Some(show(&old)),
            Some(show(&new)),
        );
    }
}
