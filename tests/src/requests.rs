//! A request for every endpoint, built from the spec rather than from constructors: the
//! endpoint's documented request example decoded through its generated type (as the golden
//! tests do), with every field the example leaves out that is required or sensitive filled in
//! from the field's type and constraints; an endpoint without a usable example gets all of its
//! fields that way (a `pattern` is met by a value proptest generates from the regex).

use chrono::{Duration, Utc};
use hyp_api::{DecodeError, Endpoint, FromNode, Node};
use hyp_codegen::model::{
    Api, Endpoint as SpecEndpoint, ExampleKind, Field, SecretKind, Ty, WireValue,
};
use hyp_codegen::spec::TransportKind;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use rust_decimal::Decimal;

/// The request of endpoint `E`, decoded from the node [`request_node`] builds.
pub fn request<E: Endpoint>() -> Result<E::Request, DecodeError> {
    let (api, e) = crate::vendor::find(E::SERVICE, E::WIRE);
    E::Request::from_node(&request_node(api, e))
}

/// The request node of endpoint `e`: its first request example, completed.
pub fn request_node(api: &Api, e: &SpecEndpoint) -> Node {
    let mut entries = e
        .examples
        .iter()
        .filter(|x| x.kind == ExampleKind::Request)
        .find_map(|x| wire_entries(api, e, &x.fixed_body()))
        .unwrap_or_default();
    for f in &e.request {
        let wanted = f.required || matches!(f.ty, Ty::Secret(_));
        if wanted && f.fixed.is_none() && !entries.iter().any(|(k, _)| *k == f.wire) {
            entries.push((f.wire.clone(), value(api, f)));
        }
    }
    Node::Map(entries)
}

/// The fields of a request as it travels (a documented example, or what a client sent): the
/// JSON body, the query string (of a URL), or CreditGuard's XML; as the request type decodes
/// them. MT5's bodies are read as JSON here; its examples (curl lines) are not requests.
pub fn wire_entries(api: &Api, e: &SpecEndpoint, body: &str) -> Option<Vec<(String, Node)>> {
    match api.transport {
        TransportKind::JsonPost => match hyp_api::wire::parse_json(body).ok()? {
            Node::Map(entries) => Some(entries),
            _ => None,
        },
        TransportKind::QueryGet => {
            let query = body.split_once('?').map_or(body, |(_, q)| q);
            let list = |k: &str| {
                e.request
                    .iter()
                    .any(|f| f.wire == k && matches!(f.ty, Ty::List(_)))
            };
            Some(
                form_urlencoded::parse(query.as_bytes())
                    .map(|(k, v)| {
                        let node = if list(&k) {
                            Node::List(v.split(',').map(|i| Node::Str(i.to_string())).collect())
                        } else {
                            Node::Str(v.into_owned())
                        };
                        (k.into_owned(), node)
                    })
                    .collect(),
            )
        }
        TransportKind::FormXml => {
            let root = hyp_api::wire::parse_xml(body).ok()?;
            let request = find_map(&root, "request")?;
            Some(
                request
                    .iter()
                    .flat_map(|(k, v)| match v {
                        Node::Map(children) if *k == e.wire => children.clone(),
                        other => vec![(k.clone(), other.clone())],
                    })
                    .collect(),
            )
        }
        TransportKind::RestJson if body.trim_start().starts_with('{') => {
            match hyp_api::wire::parse_json(body).ok()? {
                Node::Map(entries) => Some(entries),
                _ => None,
            }
        }
        // MT5's examples are curl command lines: its requests are built from the fields.
        TransportKind::RestJson => None,
    }
}

/// The entries of the first map found under key `name`, at any depth.
fn find_map<'a>(node: &'a Node, name: &str) -> Option<&'a Vec<(String, Node)>> {
    let Node::Map(entries) = node else {
        return None;
    };
    entries.iter().find_map(|(k, v)| match v {
        Node::Map(children) if k == name => Some(children),
        other => find_map(other, name),
    })
}

/// A value for field `f` that its type and constraints accept.
pub(crate) fn value(api: &Api, f: &Field) -> Node {
    let c = &f.constraints;
    match &f.ty {
        Ty::Int | Ty::MinorUnits => Node::Num(number(f, Decimal::from(1000)).trunc().to_string()),
        Ty::Money | Ty::Decimal => Node::Num(number(f, Decimal::from(10)).to_string()),
        Ty::Bool => Node::Bool(true),
        Ty::Date(format) => Node::Str(Utc::now().date_naive().format(format).to_string()),
        Ty::DateTime(format) => Node::Str(
            (Utc::now() - Duration::hours(1))
                .naive_utc()
                .format(format)
                .to_string(),
        ),
        Ty::String | Ty::Secret(_) => Node::Str(text(f)),
        Ty::Enum(name) => api
            .enums
            .iter()
            .find(|x| x.name == *name)
            .and_then(|x| x.values.first())
            .map_or(Node::Null, |v| match &v.wire {
                WireValue::Int(i) => Node::Num(i.to_string()),
                WireValue::Str(s) => Node::Str(s.clone()),
            }),
        Ty::Object(name) => Node::Map(
            api.objects
                .iter()
                .find(|o| o.name == *name)
                .map(|o| {
                    o.fields
                        .iter()
                        .filter(|g| g.required && g.fixed.is_none())
                        .map(|g| (g.wire.clone(), value(api, g)))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Ty::List(inner) => {
            let item = Field {
                ty: (**inner).clone(),
                constraints: Default::default(),
                ..f.clone()
            };
            Node::List(vec![value(api, &item); c.min_items.unwrap_or(1).max(1)])
        }
        Ty::Json | Ty::Params => Node::Map(Vec::new()),
        Ty::Coded => Node::Null,
        // A domain type (`types:`): a value of its base, under the field's constraints (the
        // resolved model already holds the type's with the field's own over them: a field may
        // state a pattern its type does not, as Hyp Pay's `UserId` does).
        Ty::Named(_) => {
            let base = Field {
                ty: api.base(&f.ty).clone(),
                ..f.clone()
            };
            value(api, &base)
        }
    }
}

/// `preferred`, moved into the field's bounds.
fn number(f: &Field, preferred: Decimal) -> Decimal {
    let c = &f.constraints;
    let bound = |b: &Option<String>| b.as_deref().and_then(|v| v.parse::<Decimal>().ok());
    let mut n = preferred;
    if let Some(ge) = bound(&c.ge) {
        n = n.max(ge);
    }
    if let Some(gt) = bound(&c.gt) {
        n = n.max(gt + Decimal::ONE);
    }
    if let Some(le) = bound(&c.le) {
        n = n.min(le);
    }
    n
}

/// Text for a string or secret field: from its pattern, or of its length bounds. A secret
/// without a pattern gets characters every echo form escapes (`/`, `&`, `é`, `+`, a space).
fn text(f: &Field) -> String {
    let c = &f.constraints;
    if let Some(pattern) = &c.pattern {
        let bare = pattern.trim_start_matches('^').trim_end_matches('$');
        if let Ok(strategy) = proptest::string::string_regex(bare) {
            let mut runner = TestRunner::deterministic();
            if let Ok(tree) = strategy.new_tree(&mut runner) {
                return tree.current();
            }
        }
    }
    let base = match f.ty {
        Ty::Secret(SecretKind::Pan) => "4580000000001234".to_string(),
        Ty::Secret(SecretKind::Cvv) => "123".to_string(),
        Ty::Secret(_) => format!("S3cret/{}&é+ {}", f.wire, f.wire.len()),
        _ => "x".to_string(),
    };
    let min = c.min_len.unwrap_or(1);
    let mut out = base;
    while out.chars().count() < min {
        out.push('x');
    }
    match c.max_len {
        Some(max) => out.chars().take(max).collect(),
        None => out,
    }
}
