//! The service: what its transport needs, its envelope fields, and the resolved API itself.

use std::collections::HashMap;

use crate::load::RawApi;
use crate::model;
use crate::spec;

use super::fields::resolve_fields;
use super::{Ctx, Kind};

/// The envelope's own fields, resolved once and added to every request (as `Envelope` fields)
/// and every response.
pub(super) fn resolve_envelope_fields(
    cx: &mut Ctx,
    names: &HashMap<&str, Kind>,
    service: &spec::Service,
    file: usize,
) -> (Vec<model::Field>, Vec<model::Field>) {
    let Some(env) = &service.envelope else {
        return (Vec::new(), Vec::new());
    };
    let mut req = resolve_fields(
        cx,
        names,
        service,
        file,
        "service.envelope.request_fields",
        &env.request_fields,
    );
    for f in &mut req {
        f.location = model::FieldLocation::Envelope;
    }
    let resp = resolve_fields(
        cx,
        names,
        service,
        file,
        "service.envelope.response_fields",
        &env.response_fields,
    );
    (req, resp)
}

/// What a transport needs from the service: form_xml its XML envelope and code envelope,
/// form_fields auth its field names.
pub(super) fn check_service(cx: &mut Ctx, s: &spec::Service, file: usize) {
    use spec::{AuthKind, TransportKind};
    if let Some(env) = &s.envelope {
        for (i, d) in env.error_details.iter().enumerate() {
            if !env.response_fields.iter().any(|f| &f.wire == d) {
                cx.err(
                    file,
                    &format!("service.envelope.error_details[{i}]"),
                    format!("`{d}` is not one of the envelope's `response_fields`"),
                    "name an envelope answer field (its wire name) that errors carry",
                );
            }
        }
    }
    if s.transport.kind == TransportKind::FormXml
        && (s.transport.xml.is_none() || s.envelope.is_none())
    {
        cx.err(
            file,
            "service.transport",
            "a form_xml transport needs `transport.xml` and an `envelope`".into(),
            "add `xml: { form_field, root, request, response, command }` and the code envelope",
        );
    }
    if s.auth.kind == AuthKind::FormFields
        && (s.auth.user_field.is_none() || s.auth.password_field.is_none())
    {
        cx.err(
            file,
            "service.auth",
            "form_fields auth needs `user_field` and `password_field`".into(),
            "name the two form fields, e.g. `user_field: user`, `password_field: password`",
        );
    }
}

/// The resolved API: the service's settings with the parts resolved from the other files.
pub(super) fn assemble(
    raw: &RawApi,
    s: &spec::Service,
    codes: Vec<model::Code>,
    service_code_count: usize,
    enums: Vec<model::Enum>,
    objects: Vec<model::Object>,
    endpoints: Vec<model::Endpoint>,
) -> model::Api {
    let quirks = raw
        .quirks
        .iter()
        .map(|q| model::Quirk {
            id: q.item.id.clone(),
            what: q.item.what.clone(),
            decision: q.item.decision.clone(),
            applies_to: q.item.applies_to.clone(),
            source: q.item.source.clone(),
        })
        .collect();
    let (code_type, code_doc) = raw
        .codes
        .as_ref()
        .map(|c| (c.item.type_name.clone(), c.item.doc.clone()))
        .unwrap_or_else(|| ("ResultCode".into(), String::new()));
    model::Api {
        name: s.name.clone(),
        module: s.module.clone(),
        feature: s.feature.clone(),
        title: s.title.clone(),
        doc: s.doc.clone(),
        source: s.source.clone(),
        transport: s.transport.kind,
        path_template: s.transport.path.clone(),
        base_url_default: s.base_url.default.clone(),
        base_url_doc: s.base_url.doc.clone(),
        auth: s.auth.kind,
        auth_doc: s.auth.doc.clone(),
        client_fields: s.auth.client_fields.clone(),
        auth_fields: s.auth.user_field.clone().zip(s.auth.password_field.clone()),
        xml: s.transport.xml.as_ref().map(|x| model::XmlEnvelope {
            form_field: x.form_field.clone(),
            root: x.root.clone(),
            request: x.request.clone(),
            response: x.response.clone(),
            command: x.command.clone(),
        }),
        bool_text: s
            .formats
            .bool_true
            .clone()
            .zip(s.formats.bool_false.clone()),
        redirect_mac: s.redirect_mac.as_ref().map(|m| model::RedirectMac {
            param: m.param.clone(),
            parts: m
                .parts
                .iter()
                .map(|p| match p {
                    spec::MacPart::Keyword(spec::MacKeyword::Password) => model::MacPart::Password,
                    spec::MacPart::Param { param } => model::MacPart::Param(param.clone()),
                    spec::MacPart::ParamOr { param_or } => {
                        model::MacPart::ParamOr(param_or.param.clone(), param_or.default.clone())
                    }
                })
                .collect(),
            doc: m.doc.clone(),
            source: m.source.clone(),
        }),
        envelope: s.envelope.as_ref().map(|e| model::Envelope {
            code_wire: e.code.clone(),
            code_lenient: e.code_lenient,
            message_wire: e.message.clone(),
            code_when_missing: e.code_when_missing,
            error_details: e.error_details.clone(),
        }),
        answer_charset: s
            .answer_charset
            .as_ref()
            .map(|c| (c.default.clone(), c.utf8_when.clone())),
        request_charset: s
            .request_charset
            .as_ref()
            .map(|c| (c.default.clone(), c.utf8_when.clone())),
        default_timeout_secs: s.timeouts.default_secs,
        keep_unknown_fields: s.keep_unknown_fields,
        timeout_margin_secs: s.timeouts.margin_secs,
        code_type,
        code_doc,
        codes,
        service_code_count,
        types: Vec::new(),
        enums,
        objects,
        endpoints,
        quirks,
        sandbox: None,
    }
}
