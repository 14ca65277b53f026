//! The form-XML transport (CreditGuard): the XML document in a form field, its command
//! element naming the endpoint.

use axum::http::Method;
use hyp_api::Node;
use hyp_api::wire::parse_xml;

use super::{Incoming, Routed, found};
use crate::answer::text;
use crate::served::ServedApi;

pub(super) fn form_xml<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    let Some(spec) = api.endpoints.first().and_then(|e| e.hook.xml) else {
        return Routed::Unknown("this API declares no XML envelope".into());
    };
    if req.method != Method::POST || !api.endpoints.iter().any(|e| e.plan.path == req.path) {
        return Routed::Unknown(format!("no route {} {}", req.method, req.path));
    }
    let Some(xml) = form_urlencoded::parse(&req.body)
        .find(|(k, _)| k == spec.form_field)
        .map(|(_, v)| v.into_owned())
    else {
        return Routed::Malformed(format!("the form has no `{}` field", spec.form_field));
    };
    let doc = match parse_xml(&xml) {
        Ok(d) => d,
        Err(e) => return Routed::Malformed(format!("`{}` is not XML: {e}", spec.form_field)),
    };
    let request = doc.get(spec.root).and_then(|r| r.get(spec.request));
    let Some(Node::Map(entries)) = request else {
        return Routed::Malformed(format!("no <{}><{}> element", spec.root, spec.request));
    };
    let command = request.and_then(|r| r.get(spec.command)).and_then(text);
    let Some(endpoint) = command.as_deref().and_then(|c| api.endpoint(c)) else {
        return Routed::Unknown(format!("no command `{}`", command.unwrap_or_default()));
    };
    let mut fields: Vec<(String, Node)> = Vec::new();
    for (k, v) in entries {
        if k == spec.command {
            continue;
        }
        if *k == endpoint.plan.key {
            if let Node::Map(children) = v {
                fields.extend(children.iter().cloned());
            }
        } else {
            fields.push((k.clone(), v.clone()));
        }
    }
    found(endpoint, Node::Map(fields), false)
}

/// The request envelope's own values (`command`, `requestId`, `version`, `language`), as far
/// as the document can be read: what an answer to a request that reaches no endpoint echoes.
pub fn envelope_fields(api: &ServedApi, req: &Incoming) -> Node {
    let mut fields = Vec::new();
    let spec = api.endpoints.first().and_then(|e| e.hook.xml);
    let xml = spec.and_then(|spec| {
        form_urlencoded::parse(&req.body)
            .find(|(k, _)| k == spec.form_field)
            .map(|(_, v)| v.into_owned())
    });
    let doc = xml.and_then(|x| parse_xml(&x).ok());
    let request = spec
        .zip(doc.as_ref())
        .and_then(|(spec, d)| d.get(spec.root).and_then(|r| r.get(spec.request)).cloned());
    if let Some(Node::Map(entries)) = request {
        fields.extend(entries.into_iter().filter(|(_, v)| text(v).is_some()));
    }
    if let Some(spec) = spec
        && !fields.iter().any(|(k, _)| k == spec.command)
    {
        fields.push((spec.command.to_string(), Node::Str(String::new())));
    }
    Node::Map(fields)
}
