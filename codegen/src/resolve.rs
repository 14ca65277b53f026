//! Validate + lower: a [`RawApi`] becomes a resolved [`model::Api`], or diagnostics naming each
//! mistake's file, line and column and what to do.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::str::FromStr;

use heck::{ToSnakeCase, ToUpperCamelCase};
use rust_decimal::Decimal;

use crate::diag::Diagnostics;
use crate::load::RawApi;
use crate::model::{self, Ty, WireValue};
use crate::spec::{self, EnumRepr};

const SCALARS: &[&str] = &[
    "int",
    "string",
    "bool",
    "money",
    "minor_units",
    "decimal",
    "date",
    "datetime",
    "secret",
    "json",
    "coded",
    "params",
];

const RESERVED_VARIANT: &str = "Unknown";

struct Ctx<'a> {
    raw: &'a RawApi,
    diags: Diagnostics,
}

impl Ctx<'_> {
    fn err(&mut self, file: usize, path: &str, message: String, help: impl Into<String>) {
        let d = self.raw.at(file, path, message, help.into());
        self.diags.push(d);
    }
}

pub fn resolve(raw: &RawApi) -> Result<model::Api, Diagnostics> {
    let mut cx = Ctx {
        raw,
        diags: Diagnostics::default(),
    };
    let Some(service) = &raw.service else {
        cx.diags.push(crate::diag::Diagnostic {
            file: raw.dir.clone(),
            line: 1,
            column: 1,
            message: "this API folder has no `service:`".into(),
            help: "add a service.yaml with `service:` (name, module, feature, transport, auth, …)"
                .into(),
        });
        return Err(cx.diags);
    };
    let (sf, s) = (service.file, &service.item);
    check_snake(&mut cx, sf, "service.module", &s.module);

    let enums = resolve_enums(&mut cx);
    let type_names: HashMap<&str, Kind> = raw
        .enums
        .keys()
        .map(|k| (k.as_str(), Kind::Enum))
        .chain(raw.objects.keys().map(|k| (k.as_str(), Kind::Object)))
        .collect();
    for (name, o) in &raw.objects {
        check_camel(&mut cx, o.file, &format!("objects.{name}"), name);
        if raw.enums.contains_key(name) {
            cx.err(
                o.file,
                &format!("objects.{name}"),
                format!("`{name}` is both an enum and an object"),
                "rename one of them",
            );
        }
    }
    let mut objects: Vec<model::Object> = raw
        .objects
        .iter()
        .map(|(name, o)| model::Object {
            loc: raw.loc(o.file, &format!("objects.{name}")),
            name: name.clone(),
            in_request: false,
            doc: o.item.doc.clone(),
            source: o.item.source.clone(),
            fields: resolve_fields(
                &mut cx,
                &type_names,
                s,
                o.file,
                &format!("objects.{name}.fields"),
                &o.item.fields,
            ),
        })
        .collect();

    for (name, o) in &raw.objects {
        if let Some(inc) = &o.item.include {
            let path = format!("objects.{name}.include");
            match included_fields(&mut cx, &objects, o.file, &path, inc) {
                Some(fields) if inc != name => {
                    if let Some(target) = objects.iter_mut().find(|x| &x.name == name) {
                        target.fields.splice(0..0, fields);
                        let fields = target.fields.clone();
                        check_unique(&mut cx, o.file, &path, &fields);
                    }
                }
                Some(_) => cx.err(
                    o.file,
                    &path,
                    format!("`{name}` includes itself"),
                    "include another object",
                ),
                None => {}
            }
        }
    }
    let mut codes = resolve_service_codes(&mut cx);
    let service_code_count = codes.len();
    let envelope_fields = resolve_envelope_fields(&mut cx, &type_names, s, sf);
    check_service(&mut cx, s, sf);
    let mut endpoints = Vec::new();
    for (wire, e) in &raw.endpoints {
        let mut endpoint =
            resolve_endpoint(&mut cx, &type_names, s, wire, e.file, &e.item, &mut codes);
        for (body, fields, side) in [
            (&e.item.request, &mut endpoint.request, "request"),
            (&e.item.response, &mut endpoint.response, "response"),
        ] {
            if let Some(inc) = &body.include {
                let path = format!("endpoints.{wire}.{side}.include");
                if let Some(included) = included_fields(&mut cx, &objects, e.file, &path, inc) {
                    fields.splice(0..0, included);
                    check_unique(&mut cx, e.file, &path, fields);
                }
            }
        }
        // Envelope fields come first, as they do on the wire.
        let (req, resp) = &envelope_fields;
        endpoint.request.splice(0..0, req.iter().cloned());
        endpoint.response.splice(0..0, resp.iter().cloned());
        check_requires(&mut cx, e.file, wire, &endpoint.request);
        endpoints.push(endpoint);
    }

    let mut enums = enums;
    mark_request_types(&mut enums, &mut objects, &endpoints);
    let request_objects = objects
        .iter()
        .filter(|o| o.in_request)
        .map(|o| o.name.clone())
        .collect();
    for (file, path, wire) in crate::maxima::unbounded(raw, &request_objects) {
        cx.err(
            file,
            &path,
            crate::maxima::message(&wire),
            crate::maxima::HELP,
        );
    }
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
    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    let mut api = model::Api {
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
        enums,
        objects,
        endpoints,
        quirks,
        sandbox: None,
    };
    if let Some(sb) = &raw.sandbox {
        let diags = crate::sandbox::check::check(raw, sb.file, &api, &sb.item);
        if !diags.is_empty() {
            return Err(crate::diag::Diagnostics(diags));
        }
        api.sandbox = Some(sb.item.clone());
    }
    Ok(api)
}

#[derive(Clone, Copy)]
enum Kind {
    Enum,
    Object,
}

fn check_camel(cx: &mut Ctx, file: usize, path: &str, name: &str) {
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) || is_keyword(name) {
        cx.err(
            file,
            path,
            format!("`{name}` is not a Rust type or variant name"),
            "start it with an ASCII capital letter and use letters and digits only, e.g. `ThreeDs`",
        );
    } else if name.to_upper_camel_case() != name {
        cx.err(
            file,
            path,
            format!("`{name}` is not an UpperCamelCase Rust type or variant name"),
            format!("write it as `{}`", name.to_upper_camel_case()),
        );
    }
}

fn check_snake(cx: &mut Ctx, file: usize, path: &str, name: &str) {
    if name.to_snake_case() != name || name.is_empty() || is_keyword(name) {
        cx.err(
            file,
            path,
            format!("`{name}` is not a snake_case Rust name (or is a keyword)"),
            format!(
                "write it as `{}` (or choose another name)",
                name.to_snake_case()
            ),
        );
    }
}

fn is_keyword(s: &str) -> bool {
    syn::parse_str::<syn::Ident>(s).is_err()
}

fn resolve_enums(cx: &mut Ctx) -> Vec<model::Enum> {
    let raw = cx.raw;
    let mut out = Vec::new();
    for (name, e) in &raw.enums {
        let base = format!("enums.{name}");
        check_camel(cx, e.file, &base, name);
        if e.item.values.is_empty() {
            cx.err(
                e.file,
                &base,
                format!("enum `{name}` has no values"),
                "list every documented value under `values:`, or use a plain type instead",
            );
        }
        let mut seen_wire = HashSet::new();
        let mut seen_name = HashSet::new();
        let mut values = Vec::new();
        for (i, v) in e.item.values.iter().enumerate() {
            let vp = format!("{base}.values[{i}]");
            check_camel(cx, e.file, &format!("{vp}.name"), &v.name);
            if v.name == RESERVED_VARIANT {
                cx.err(
                    e.file,
                    &format!("{vp}.name"),
                    "`Unknown` is reserved for values the spec does not list".into(),
                    "name the documented value differently, e.g. `StatusUnknown`",
                );
            }
            if !seen_name.insert(v.name.clone()) {
                cx.err(
                    e.file,
                    &format!("{vp}.name"),
                    format!("variant `{}` appears twice in `{name}`", v.name),
                    "give each value its own name",
                );
            }
            let wire = wire_value(cx, e.file, &format!("{vp}.wire"), e.item.repr, &v.wire);
            let also: Vec<WireValue> = v
                .also
                .iter()
                .enumerate()
                .filter_map(|(j, a)| any_wire_value(cx, e.file, &format!("{vp}.also[{j}]"), a))
                .collect();
            for w in wire.iter().chain(also.iter()) {
                if !seen_wire.insert(w.clone()) {
                    cx.err(
                        e.file,
                        &vp,
                        format!("wire value {w:?} appears twice in `{name}`"),
                        "each wire value may map to one variant only",
                    );
                }
            }
            if let Some(wire) = wire {
                values.push(model::EnumValue {
                    loc: raw.loc(e.file, &vp),
                    wire,
                    also,
                    name: v.name.clone(),
                    doc: v.doc.clone(),
                    source: v.source.clone(),
                });
            }
        }
        out.push(model::Enum {
            loc: raw.loc(e.file, &base),
            name: name.clone(),
            repr: e.item.repr,
            doc: e.item.doc.clone(),
            source: e.item.source.clone(),
            values,
            in_request: false,
        });
    }
    out
}

fn wire_value(
    cx: &mut Ctx,
    file: usize,
    path: &str,
    repr: EnumRepr,
    v: &serde_yaml::Value,
) -> Option<WireValue> {
    match (repr, v) {
        (EnumRepr::Int, serde_yaml::Value::Number(n)) if n.as_i64().is_some() => {
            n.as_i64().map(WireValue::Int)
        }
        (EnumRepr::String, serde_yaml::Value::String(s)) => Some(WireValue::Str(s.clone())),
        _ => {
            let want = match repr {
                EnumRepr::Int => "an integer",
                EnumRepr::String => "a string",
            };
            cx.err(
                file,
                path,
                format!("this enum's `repr` needs {want} here, found {v:?}"),
                "fix the value, or change the enum's `repr`",
            );
            None
        }
    }
}

fn any_wire_value(
    cx: &mut Ctx,
    file: usize,
    path: &str,
    v: &serde_yaml::Value,
) -> Option<WireValue> {
    match v {
        serde_yaml::Value::Number(n) if n.as_i64().is_some() => n.as_i64().map(WireValue::Int),
        serde_yaml::Value::String(s) => Some(WireValue::Str(s.clone())),
        _ => {
            cx.err(
                file,
                path,
                format!("an alternative wire form must be an integer or a string, found {v:?}"),
                "quote it as a string or write an integer",
            );
            None
        }
    }
}

fn parse_ty(
    cx: &mut Ctx,
    names: &HashMap<&str, Kind>,
    service: &spec::Service,
    format: Option<&str>,
    file: usize,
    path: &str,
    text: &str,
) -> Option<Ty> {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix("list<").and_then(|r| r.strip_suffix('>')) {
        return parse_ty(cx, names, service, format, file, path, inner)
            .map(|i| Ty::List(Box::new(i)));
    }
    let ty = match t {
        "int" => Ty::Int,
        "string" => Ty::String,
        "bool" => Ty::Bool,
        "money" => Ty::Money,
        "minor_units" => Ty::MinorUnits,
        "decimal" => Ty::Decimal,
        "date" => Ty::Date(format.unwrap_or(&service.formats.date).to_string()),
        "datetime" => Ty::DateTime(format.unwrap_or(&service.formats.datetime).to_string()),
        "secret" => Ty::Secret,
        "json" => Ty::Json,
        "coded" => Ty::Coded,
        "params" => Ty::Params,
        other => match names.get(other) {
            Some(Kind::Enum) => Ty::Enum(other.to_string()),
            Some(Kind::Object) => Ty::Object(other.to_string()),
            None => {
                let mut known: BTreeSet<&str> = names.keys().copied().collect();
                known.extend(SCALARS);
                cx.err(
                    file,
                    path,
                    format!("unknown type `{other}`"),
                    format!(
                        "use one of: {}, or `list<T>`; or define `{other}` under `enums:` or `objects:`",
                        known.into_iter().collect::<Vec<_>>().join(", ")
                    ),
                );
                return None;
            }
        },
    };
    Some(ty)
}

fn resolve_fields(
    cx: &mut Ctx,
    names: &HashMap<&str, Kind>,
    service: &spec::Service,
    file: usize,
    base: &str,
    fields: &[spec::Field],
) -> Vec<model::Field> {
    let mut out = Vec::new();
    let mut wires = HashSet::new();
    let mut rusts = HashSet::new();
    for (i, f) in fields.iter().enumerate() {
        let fp = format!("{base}[{i}]");
        if !wires.insert(f.wire.clone()) {
            cx.err(
                file,
                &format!("{fp}.wire"),
                format!(
                    "wire name `{}` appears twice in this list of fields",
                    f.wire
                ),
                "each wire name may appear once: delete the duplicate or correct its name",
            );
        }
        let rust = f.rust.clone().unwrap_or_else(|| f.wire.to_snake_case());
        check_snake(
            cx,
            file,
            &format!("{fp}.{}", if f.rust.is_some() { "rust" } else { "wire" }),
            &rust,
        );
        if f.fixed.is_none() && !rusts.insert(rust.clone()) {
            cx.err(
                file,
                &format!("{fp}.wire"),
                format!("two fields here both get the Rust name `{rust}`"),
                "give one of them an explicit `rust:` name",
            );
        }
        let Some(ty) = parse_ty(
            cx,
            names,
            service,
            f.format.as_deref(),
            file,
            &format!("{fp}.type"),
            &f.ty,
        ) else {
            continue;
        };
        if f.format.is_some() && !matches!(ty, Ty::Date(_) | Ty::DateTime(_)) {
            cx.err(
                file,
                &format!("{fp}.format"),
                format!(
                    "`format` applies to date and datetime fields, not `{}`",
                    f.ty
                ),
                "remove `format`, or change the type",
            );
        }
        let constraints = resolve_constraints(cx, file, &format!("{fp}.constraints"), &ty, f);
        out.push(model::Field {
            loc: cx.raw.loc(file, &fp),
            wire: f.wire.clone(),
            rust,
            ty,
            required: f.required,
            doc: f.doc.clone(),
            source: f.source.clone(),
            decision: f.decision.clone(),
            constraints,
            location: f.location,
            assumed: f.assumed,
            fixed: f.fixed.clone(),
        });
    }
    out
}

fn resolve_constraints(
    cx: &mut Ctx,
    file: usize,
    base: &str,
    ty: &Ty,
    f: &spec::Field,
) -> model::Constraints {
    let c = &f.constraints;
    let numeric = matches!(ty, Ty::Int | Ty::Money | Ty::MinorUnits | Ty::Decimal);
    let texty = matches!(ty, Ty::String | Ty::Secret);
    let listy = matches!(ty, Ty::List(_));
    let decimal = matches!(ty, Ty::Money | Ty::Decimal);
    let datey = matches!(ty, Ty::Date(_) | Ty::DateTime(_));
    let wrong = |cx: &mut Ctx, key: &str, ok: bool, applies: &str| {
        if !ok {
            cx.err(
                file,
                &format!("{base}.{key}"),
                format!(
                    "constraint `{key}` does not apply to field `{}` of type `{}`",
                    f.wire, f.ty
                ),
                format!("`{key}` applies to {applies} fields: remove it or change the type"),
            );
        }
    };
    let bound = |cx: &mut Ctx, key: &str, v: &Option<serde_yaml::Value>| {
        let v = v.as_ref()?;
        wrong(cx, key, numeric, "int, money, minor_units and decimal");
        let text = match v {
            serde_yaml::Value::String(s) => s.clone(),
            serde_yaml::Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        match Decimal::from_str_exact(&text) {
            Ok(_) => Some(text),
            Err(_) => {
                cx.err(
                    file,
                    &format!("{base}.{key}"),
                    format!("`{key}` must be a decimal number, found {v:?}"),
                    "write the bound as a number or a quoted decimal like \"0.1\"",
                );
                None
            }
        }
    };
    let gt = bound(cx, "gt", &c.gt);
    let ge = bound(cx, "ge", &c.ge);
    let le = bound(cx, "le", &c.le);
    if c.max_len.is_some() {
        wrong(cx, "max_len", texty, "string and secret");
    }
    if c.min_len.is_some() {
        wrong(cx, "min_len", texty, "string and secret");
    }
    if let Some(p) = &c.pattern {
        wrong(cx, "pattern", texty, "string and secret");
        if let Err(e) = regex::Regex::new(p) {
            cx.err(
                file,
                &format!("{base}.pattern"),
                format!("`pattern` is not a valid regular expression: {e}"),
                "fix the expression (Rust `regex` syntax)",
            );
        }
    }
    if c.min_items.is_some() {
        wrong(cx, "min_items", listy, "list");
    }
    if c.max_items.is_some() {
        wrong(cx, "max_items", listy, "list");
    }
    if c.max_decimal_places.is_some() {
        wrong(cx, "max_decimal_places", decimal, "money and decimal");
    }
    if c.within_past_days.is_some() {
        wrong(cx, "within_past_days", matches!(ty, Ty::Date(_)), "date");
    }
    if c.not_future {
        wrong(cx, "not_future", datey, "date and datetime");
    }
    if c.requires.is_some() {
        wrong(cx, "requires", matches!(ty, Ty::Bool), "bool");
    }
    if c.le_field.is_some() {
        wrong(
            cx,
            "le_field",
            numeric,
            "int, money, minor_units and decimal",
        );
    }
    if let Some(i) = &c.item_list {
        wrong(cx, "item_list", matches!(ty, Ty::String), "string");
        let positions_ok = i.quantity >= 1
            && i.price >= 1
            && i.quantity <= i.parts
            && i.price <= i.parts
            && i.quantity != i.price;
        if !positions_ok || i.separator.is_empty() {
            cx.err(
                file,
                &format!("{base}.item_list"),
                "`item_list` needs a separator and distinct quantity/price positions within `parts`".into(),
                "positions are 1-based, e.g. `parts: 4, quantity: 3, price: 4`",
            );
        }
    }
    model::Constraints {
        gt,
        ge,
        le,
        max_len: c.max_len,
        min_len: c.min_len,
        pattern: c.pattern.clone(),
        min_items: c.min_items,
        max_items: c.max_items,
        max_decimal_places: c.max_decimal_places,
        within_past_days: c.within_past_days,
        not_future: c.not_future,
        requires: c.requires.clone(),
        le_field: c.le_field.clone(),
        item_list: c.item_list.as_ref().map(|i| model::ItemList {
            open: i.open.clone(),
            close: i.close.clone(),
            separator: i.separator.clone(),
            parts: i.parts,
            quantity: i.quantity,
            price: i.price,
            sums_to: i.sums_to.clone(),
            when: i.when.clone(),
        }),
    }
}

fn code_of(c: &spec::Code, loc: model::Loc) -> model::Code {
    model::Code {
        loc,
        value: c.code,
        name: c.name.clone(),
        doc: c.doc.clone(),
        source: c.source.clone(),
        http_status: c.http_status,
        message: c.message.clone(),
        retryable: c.retryable,
        outcome_unknown: c.outcome_unknown,
    }
}

fn resolve_service_codes(cx: &mut Ctx) -> Vec<model::Code> {
    let Some(codes) = &cx.raw.codes else {
        return Vec::new();
    };
    let file = codes.file;
    check_camel(cx, file, "codes.type", &codes.item.type_name);
    let mut seen = HashSet::new();
    let mut names = HashSet::new();
    let mut out = Vec::new();
    for (i, c) in codes.item.values.iter().enumerate() {
        let p = format!("codes.values[{i}]");
        check_camel(cx, file, &format!("{p}.name"), &c.name);
        if !seen.insert(c.code) {
            cx.err(
                file,
                &format!("{p}.code"),
                format!("code {} appears twice in the service table", c.code),
                "a code has one service-wide meaning; put endpoint-specific meanings under the endpoint's `codes:`",
            );
        }
        if !names.insert(c.name.clone()) || c.name == RESERVED_VARIANT {
            cx.err(
                file,
                &format!("{p}.name"),
                format!("code name `{}` is used twice (or is reserved)", c.name),
                "give each meaning its own name",
            );
        }
        out.push(code_of(c, cx.raw.loc(file, &p)));
    }
    out
}

fn resolve_endpoint(
    cx: &mut Ctx,
    names: &HashMap<&str, Kind>,
    service: &spec::Service,
    wire: &str,
    file: usize,
    e: &spec::Endpoint,
    codes: &mut Vec<model::Code>,
) -> model::Endpoint {
    let base = format!("endpoints.{wire}");
    check_snake(cx, file, &format!("{base}.rust"), &e.rust);
    let request = resolve_fields(
        cx,
        names,
        service,
        file,
        &format!("{base}.request.fields"),
        &e.request.fields,
    );
    let response = resolve_fields(
        cx,
        names,
        service,
        file,
        &format!("{base}.response.fields"),
        &e.response.fields,
    );
    let (method, path) = match &e.http {
        Some(r) => (r.method, r.path.clone()),
        None => (
            if service.transport.kind == spec::TransportKind::QueryGet {
                spec::HttpMethod::Get
            } else {
                spec::HttpMethod::Post
            },
            service.transport.path.replace("{wire}", wire),
        ),
    };
    let body_method = if service.transport.kind == spec::TransportKind::QueryGet {
        // Every parameter travels in the query string: the request map is not a body.
        spec::HttpMethod::Post
    } else {
        method
    };
    check_locations(cx, file, &base, &path, body_method, &request);
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    if e.response.raw && !e.response.fields.is_empty() {
        cx.err(
            file,
            &format!("{base}.response.raw"),
            "a `raw` response has no fields".into(),
            "remove `raw: true`, or the fields",
        );
    }
    let idempotency_key = e.idempotency_key.as_ref().and_then(|k| {
        let found = request.iter().find(|f| &f.wire == k);
        if found.is_none_or(|f| f.ty != Ty::String) {
            cx.err(
                file,
                &format!("{base}.idempotency_key"),
                format!("`{k}` is not a string field of this endpoint's request"),
                "name the request field (by its wire name) that makes a resend safe",
            );
        }
        found.map(|f| f.rust.clone())
    });

    let mut code_overrides = Vec::new();
    for (i, c) in e.codes.iter().enumerate() {
        let p = format!("{base}.codes[{i}]");
        check_camel(cx, file, &format!("{p}.name"), &c.name);
        let m = code_of(c, cx.raw.loc(file, &p));
        match codes.iter_mut().find(|k| k.name == m.name) {
            Some(k) if k.value != m.value => cx.err(
                file,
                &format!("{p}.name"),
                format!(
                    "code name `{}` already means code {} elsewhere in this API",
                    m.name, k.value
                ),
                "use a distinct name for a distinct meaning",
            ),
            // The same meaning documented on several endpoints: one variant; an HTTP status
            // documented on any of them is kept.
            Some(k) => k.http_status = k.http_status.or(m.http_status),
            None => codes.push(m.clone()),
        }
        if code_overrides.iter().any(|(v, _)| *v == c.code) {
            cx.err(
                file,
                &format!("{p}.code"),
                format!("code {} is listed twice for this endpoint", c.code),
                "keep one meaning per code per endpoint",
            );
        }
        code_overrides.push((c.code, c.name.clone()));
    }

    let mut outcome_codes = HashSet::new();
    let mut variants = HashSet::new();
    let mut outcomes = Vec::new();
    if e.outcomes.is_empty() {
        cx.err(
            file,
            &base,
            format!("endpoint `{wire}` has no `outcomes`"),
            "list the code(s) that mean success, e.g. `- { codes: [0], variant: Created, … }`",
        );
    }
    for (i, o) in e.outcomes.iter().enumerate() {
        let p = format!("{base}.outcomes[{i}]");
        check_camel(cx, file, &format!("{p}.variant"), &o.variant);
        if !variants.insert(o.variant.clone()) {
            cx.err(
                file,
                &format!("{p}.variant"),
                format!("outcome variant `{}` is listed twice", o.variant),
                "list all codes of one outcome under one entry's `codes:`",
            );
        }
        for c in &o.codes {
            if !outcome_codes.insert(*c) {
                cx.err(
                    file,
                    &format!("{p}.codes"),
                    format!("code {c} belongs to two outcomes"),
                    "a code decodes to one outcome only",
                );
            }
        }
        outcomes.push(model::Outcome {
            loc: cx.raw.loc(file, &p),
            variant: o.variant.clone(),
            codes: o.codes.clone(),
            doc: o.doc.clone(),
            source: o.source.clone(),
        });
    }

    let mut examples = Vec::new();
    let mut example_names = HashSet::new();
    for (i, x) in e.examples.iter().enumerate() {
        let p = format!("{base}.examples[{i}]");
        if !example_names.insert(x.name.clone()) {
            cx.err(
                file,
                &format!("{p}.name"),
                format!("example name `{}` is used twice", x.name),
                "give each example its own name",
            );
        }
        if let Some(expect) = &x.expect {
            let known = variants.contains(expect) || codes.iter().any(|c| &c.name == expect);
            if !known {
                cx.err(
                    file,
                    &format!("{p}.expect"),
                    format!("`{expect}` is neither an outcome of this endpoint nor a code name"),
                    "name an outcome variant (for results) or a code name (for errors)",
                );
            }
        }
        for (j, fx) in x.fixups.iter().enumerate() {
            if !x.body.contains(&fx.find) {
                cx.err(
                    file,
                    &format!("{p}.fixups[{j}].find"),
                    format!(
                        "fixup `{}` no longer applies: its `find` text is not in the body",
                        fx.name
                    ),
                    "the vendor text changed: check whether the mistake is gone and remove the fixup",
                );
            }
        }
        examples.push(model::Example {
            name: x.name.clone(),
            kind: x.kind,
            http_status: x.http_status,
            expect: x.expect.clone(),
            body: x.body.clone(),
            source: x.source.clone(),
            fixups: x
                .fixups
                .iter()
                .map(|f| model::Fixup {
                    name: f.name.clone(),
                    reason: f.reason.clone(),
                    find: f.find.clone(),
                    replace: f.replace.clone(),
                })
                .collect(),
        });
    }

    model::Endpoint {
        loc: cx.raw.loc(file, &base),
        wire: wire.to_string(),
        method: e.rust.clone(),
        stem: e.rust.to_upper_camel_case(),
        doc: e.doc.clone(),
        source: e.source.clone(),
        moves_money: e.moves_money,
        server_wait_secs: e.server_wait_secs,
        read_only: e.read_only,
        http_method: method,
        path,
        idempotency_key,
        generate_idempotency_key: e.generate_idempotency_key,
        answer: e.answer,
        request_doc: e.request.doc.clone(),
        request,
        response_doc: e.response.doc.clone(),
        response_raw: e.response.raw,
        response,
        outcomes,
        code_overrides,
        examples,
    }
}

/// After an include, every wire name still appears once.
fn check_unique(cx: &mut Ctx, file: usize, path: &str, fields: &[model::Field]) {
    let mut seen = HashSet::new();
    for f in fields {
        if !seen.insert(f.wire.as_str()) {
            cx.err(
                file,
                path,
                format!(
                    "`{}` comes both from the included object and from this list",
                    f.wire
                ),
                "delete it here: the included object already has it",
            );
        }
    }
}

/// The fields of an included object (which may itself include one, resolved already).
fn included_fields(
    cx: &mut Ctx,
    objects: &[model::Object],
    file: usize,
    path: &str,
    name: &str,
) -> Option<Vec<model::Field>> {
    match objects.iter().find(|o| o.name == name) {
        Some(o) => Some(o.fields.clone()),
        None => {
            cx.err(
                file,
                path,
                format!("`include: {name}` names no object"),
                "name an object defined under `objects:`",
            );
            None
        }
    }
}

/// The envelope's own fields, resolved once and added to every request (as `Envelope` fields)
/// and every response.
fn resolve_envelope_fields(
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
fn check_service(cx: &mut Ctx, s: &spec::Service, file: usize) {
    use spec::{AuthKind, TransportKind};
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

/// A `requires` constraint names a field of the same request.
fn check_requires(cx: &mut Ctx, file: usize, wire: &str, fields: &[model::Field]) {
    for f in fields {
        if let Some(target) = &f.constraints.requires
            && !fields.iter().any(|g| &g.wire == target)
        {
            cx.err(
                file,
                &format!("endpoints.{wire}"),
                format!(
                    "`{}` requires `{target}`, which this request does not have",
                    f.wire
                ),
                "name a field of the same request (envelope fields included)",
            );
        }
    }
}

/// Path, query and header fields are scalars; every `{name}` in the path is a required path
/// field and every path field is in the path; a GET has no body.
fn check_locations(
    cx: &mut Ctx,
    file: usize,
    base: &str,
    path: &str,
    method: spec::HttpMethod,
    fields: &[model::Field],
) {
    use model::FieldLocation as L;
    for (i, f) in fields.iter().enumerate() {
        let fp = format!("{base}.request.fields[{i}]");
        let scalar = !matches!(f.ty, Ty::List(_) | Ty::Object(_) | Ty::Json);
        if f.location != L::Body && !scalar {
            cx.err(
                file,
                &format!("{fp}.type"),
                format!(
                    "`{}` travels outside the body, so it must be a scalar",
                    f.wire
                ),
                "use a scalar type, or move the field to the body (`in: body`)",
            );
        }
        let placeholder = format!("{{{}}}", f.wire);
        if f.location == L::Path && (!path.contains(&placeholder) || !f.required) {
            cx.err(
                file,
                &fp,
                format!(
                    "path field `{}` must be required and appear as `{placeholder}` in `{path}`",
                    f.wire
                ),
                "add the placeholder to `http.path` and `required: true`, or change `in:`",
            );
        }
        if f.location == L::Body && method == spec::HttpMethod::Get {
            cx.err(
                file,
                &format!("{fp}.wire"),
                format!("`{}` is a body field of a GET", f.wire),
                "GET requests carry no body: use `in: query`",
            );
        }
    }
    for part in path.split('/').filter(|p| p.starts_with('{')) {
        let name = part.trim_start_matches('{').trim_end_matches('}');
        if !fields
            .iter()
            .any(|f| f.wire == name && f.location == L::Path)
        {
            cx.err(
                file,
                &format!("{base}.http.path"),
                format!("`{{{name}}}` in the path has no `in: path` request field"),
                format!("add a request field `wire: {name}` with `in: path`"),
            );
        }
    }
}

/// An enum or object reachable from any request field (directly, in a list, or through an object) is a
/// request enum: closed, so callers cannot send an undocumented value.
fn mark_request_types(
    enums: &mut [model::Enum],
    objects: &mut [model::Object],
    endpoints: &[model::Endpoint],
) {
    fn walk(ty: &Ty, objects: &[model::Object], seen: &mut HashSet<String>) {
        match ty {
            Ty::List(inner) => walk(inner, objects, seen),
            Ty::Enum(n) => {
                seen.insert(n.clone());
            }
            Ty::Object(n) => {
                if seen.insert(n.clone())
                    && let Some(o) = objects.iter().find(|o| &o.name == n)
                {
                    for f in &o.fields {
                        walk(&f.ty, objects, seen);
                    }
                }
            }
            _ => {}
        }
    }
    let mut seen = HashSet::new();
    for e in endpoints {
        for f in &e.request {
            walk(&f.ty, objects, &mut seen);
        }
    }
    for en in enums {
        en.in_request = seen.contains(&en.name);
    }
    for o in objects {
        o.in_request = seen.contains(&o.name);
    }
}

/// Parses an exact decimal bound (already checked by `resolve_constraints`).
pub fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_default()
}
