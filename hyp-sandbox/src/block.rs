//! A command element built by the spec's `results` rule: on success an object's fields in
//! order, on error the error example's element; filled from the request, the code and the
//! state (the transaction a call names). Every name comes from the API's `sandbox:` section.

use crate::plan::api::{PlanShape, ShapeKind};
use crate::plan::spec::{FieldValues, Mask, ResultBlock};
use hyp_api::Node;

use crate::answer::{Answer, text};
use crate::envelope::{code_of, fields_text};
use crate::served::{Served, ServedApi};

/// The rule building endpoint `e`'s command element, if any.
pub fn rule<'a>(api: &'a ServedApi, e: &Served) -> Option<&'a ResultBlock> {
    let results = &api.plan.sandbox.results;
    results.iter().find(|r| r.endpoints.contains(&e.plan.key))
}

/// A blank element of an object's shape (empty texts, empty `code` attributes, nested
/// objects with their own blank fields).
pub fn blank(shapes: &[PlanShape], object: &str) -> Node {
    let Some(shape) = shapes.iter().find(|s| s.name == object) else {
        return Node::Map(Vec::new());
    };
    let entries = shape.fields.iter().map(|(wire, kind)| {
        let value = match kind {
            ShapeKind::Scalar | ShapeKind::List(_) => Node::Str(String::new()),
            ShapeKind::Coded => coded("", ""),
            ShapeKind::Object(inner) => blank(shapes, inner),
        };
        (wire.clone(), value)
    });
    Node::Map(entries.collect())
}

/// A coded element: its `code` attribute and its text.
pub fn coded(code: &str, value: &str) -> Node {
    let mut entries = vec![("@code".to_string(), Node::Str(code.to_string()))];
    if !value.is_empty() {
        entries.push(("#text".to_string(), Node::Str(value.to_string())));
    }
    Node::Map(entries)
}

/// Whether a node is a coded element.
pub fn is_coded(n: &Node) -> bool {
    n.get("@code").is_some()
}

/// Whether a node carries no value (an empty text, a coded element without text or code).
pub fn is_blank(n: &Node) -> bool {
    match n {
        Node::Str(s) | Node::Num(s) => s.is_empty(),
        Node::Null => true,
        Node::Map(_) if is_coded(n) => {
            n.get("#text").is_none() && n.get("@code").and_then(text).unwrap_or_default() == ""
        }
        _ => false,
    }
}

/// Every condition holds for the request.
pub fn meets(fields: &Node, when: &[FieldValues]) -> bool {
    when.iter()
        .all(|w| fields_text(fields, &w.field).is_some_and(|v| w.values.contains(&v)))
}

fn masked(m: &Mask, value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if m.length {
        return chars.len().to_string();
    }
    // At most half the value is kept at the head (a 5-character `CGMPI` keeps `CG`).
    let head = m.head.min(chars.len() / 2);
    let tail = m.tail.min(chars.len());
    let middle = chars.len().saturating_sub(head + tail);
    let mut out: String = chars[..head].iter().collect();
    if let Some(c) = m.fill {
        out.extend(std::iter::repeat_n(c, middle));
    }
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// Writes `value` (a text) into `slot`, coded where the slot is.
fn put(rule: &ResultBlock, slot: &mut Node, field: &str, value: &str) {
    *slot = if is_coded(slot) {
        let code = rule
            .coded
            .iter()
            .find(|c| c.field == field)
            .and_then(|c| c.codes.get(value))
            .cloned()
            .unwrap_or_default();
        coded(&code, value)
    } else {
        Node::Str(value.to_string())
    };
}

/// What the block needs from the call besides the answer.
pub struct Call<'a> {
    pub fields: &'a Node,
    /// The earlier transaction the call names (a refund's or a cancellation's original).
    pub original: Option<&'a Node>,
    /// What the card token the call names was issued with.
    pub token: Option<&'a [(String, Node)]>,
}

/// A token a success issued, and the fields it keeps.
pub type Issued = (String, Vec<(String, Node)>);

/// Builds (or rebuilds) the command element of `answer` by the endpoint's rule.
pub fn fill(
    api: &ServedApi,
    e: &Served,
    call: &Call,
    answer: &mut Answer,
    fresh: &mut dyn FnMut() -> u64,
) -> Option<Issued> {
    let rule = rule(api, e)?;
    let code = code_of(answer, e);
    let success = e.plan.outcome_codes.contains(&code);
    let envelope = answer.envelope(e).cloned().unwrap_or(Node::Null);
    let message = e
        .hook
        .envelope
        .and_then(|env| envelope.get(env.message))
        .and_then(text)
        .unwrap_or_default();
    let own = envelope
        .get(&rule.link.as_ref().map_or(String::new(), |l| l.own.clone()))
        .and_then(text);
    let link = rule.link.as_ref().map(|l| {
        fields_text(call.fields, &l.field)
            .filter(|v| !v.is_empty())
            .or_else(|| call.original.and_then(|o| o.get(&l.field)).and_then(text))
            .or(if success { own } else { None })
            .unwrap_or_default()
    });
    let mut element = if success {
        let mut element = blank(&api.plan.shapes, &rule.object);
        if let Node::Map(entries) = &mut element {
            for g in rule.groups.iter().filter(|g| meets(call.fields, &g.when)) {
                let at = entries.iter().position(|(k, _)| *k == g.after);
                let at = at.map_or(entries.len(), |i| i + 1);
                let added = g
                    .fields
                    .iter()
                    .map(|f| (f.clone(), Node::Str(String::new())));
                entries.splice(at..at, added);
            }
        }
        element
    } else {
        let x = api.endpoint(&rule.error_shape.endpoint)?;
        let example = Answer::example(api, x, &rule.error_shape.example);
        example.and_then(|a| a.envelope(x).and_then(|n| n.get(&x.plan.key)).cloned())?
    };
    // Values another rule already wrote into the element (a hosted page's URL) are kept.
    let earlier = envelope.get(&e.plan.key).cloned().unwrap_or(Node::Null);
    let Node::Map(entries) = &mut element else {
        return None;
    };
    for (key, slot) in entries.iter_mut() {
        let key = key.as_str();
        if key == rule.status {
            *slot = Node::Str(format!("{code:03}"));
        } else if key == rule.status_text {
            *slot = Node::Str(message.clone());
        } else if let (Some(l), Some(v)) = (&rule.link, &link)
            && l.field == key
        {
            *slot = Node::Str(v.clone());
        } else if !success {
            if rule.error_echo.iter().any(|f| f == key)
                && let Some(v) = fields_text(call.fields, key)
            {
                put(rule, slot, key, &v);
            }
        } else if let Some(v) = success_value(rule, e, call, key, fresh) {
            put(rule, slot, key, &v);
            if let Some(d) = rule.derived.iter().find(|d| d.field == key) {
                let from = fields_text(call.fields, &d.from).unwrap_or_default();
                if let Some(dv) = d.values.iter().find(|dv| dv.when == from) {
                    *slot = coded(&dv.code, &dv.text);
                }
            }
        } else if let Some(v) = earlier.get(key).filter(|v| !is_blank(v)) {
            *slot = v.clone();
        } else if let Some(v) = call.original.and_then(|o| o.get(key)) {
            *slot = v.clone();
        }
    }
    for c in &rule.constants {
        set_path(&mut element, &c.field, Node::Str(c.value.clone()));
    }
    let issued = if success {
        tokens(rule, call, &mut element, fresh)
    } else {
        None
    };
    if success && let Node::Map(entries) = &mut element {
        entries.retain(|(k, v)| !(rule.omit_empty.contains(k) && is_blank(v)));
    }
    if let Some(env) = answer.envelope_mut(e) {
        env.set(&e.plan.key, element);
    }
    issued
}

/// A success's card token: the named token's kept fields where the element has none, and a
/// new token for a card sent (returned with what it keeps).
fn tokens(
    rule: &ResultBlock,
    call: &Call,
    element: &mut Node,
    fresh: &mut dyn FnMut() -> u64,
) -> Option<Issued> {
    let t = rule.token.as_ref()?;
    for (k, v) in call.token.unwrap_or_default() {
        if element.get(k).is_some_and(is_blank) {
            element.set(k, v.clone());
        }
    }
    fields_text(call.fields, &t.from).filter(|v| !v.is_empty())?;
    if !meets(call.fields, &t.when) {
        return None;
    }
    let token = format!("{:0width$}", fresh(), width = t.digits);
    element.set(&t.field, Node::Str(token.clone()));
    let kept = t
        .keeps
        .iter()
        .filter_map(|k| element.get(k).map(|v| (k.clone(), v.clone())))
        .collect();
    Some((token, kept))
}

/// A success's value of `key` from the rule or the request, if it has one.
fn success_value(
    rule: &ResultBlock,
    e: &Served,
    call: &Call,
    key: &str,
    fresh: &mut dyn FnMut() -> u64,
) -> Option<String> {
    if let Some(m) = rule.masks.iter().find(|m| m.field == key) {
        return fields_text(call.fields, &m.from).map(|v| masked(m, &v));
    }
    if let Some(f) = rule
        .fixed
        .iter()
        .find(|f| f.field == key && f.endpoint == e.plan.key)
    {
        return Some(f.text.clone());
    }
    if rule.derived.iter().any(|d| d.field == key)
        && let Some(v) = fields_text(call.fields, key)
    {
        // The value is replaced by the derived text below when the table knows it.
        return Some(v);
    }
    if let Some(f) = rule.fresh.iter().find(|f| f.field == key) {
        return meets(call.fields, &f.when).then(|| fresh().to_string());
    }
    if e.plan.echo.iter().any(|w| w == key) {
        return fields_text(call.fields, key).filter(|v| !v.is_empty());
    }
    None
}

/// Sets a dotted path (`ashraitEmvData.mti`) where its parents exist.
fn set_path(node: &mut Node, path: &str, value: Node) {
    let mut segs: Vec<&str> = path.split('.').collect();
    let Some(last) = segs.pop() else {
        return;
    };
    let mut at = node;
    for s in segs {
        match at.get_mut(s) {
            Some(n) => at = n,
            None => return,
        }
    }
    if at.get(last).is_some() {
        at.set(last, value);
    }
}
