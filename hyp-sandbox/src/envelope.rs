//! The spec's envelope rules: request values read through their fallbacks, and an XML answer
//! envelope put in the vendor's order with its echoes, its time, its fresh ids and the vendor's
//! texts. Every name comes from the API's `sandbox:` section.

use chrono::{DateTime, Utc};
use hyp_api::Node;

use crate::answer::{Answer, text};
use crate::served::{Served, ServedApi};

/// The request as the sandbox plays it: each fallback's field read as `otherwise` when its
/// value is not one of the values taken as sent (the answer still echoes what was sent).
pub fn played(api: &ServedApi, fields: &Node) -> Node {
    let mut played = fields.clone();
    for f in &api.plan.sandbox.fallbacks {
        let sent = fields.get(&f.field).and_then(text);
        if sent.is_some_and(|v| !f.values.contains(&v)) {
            played.set(&f.field, Node::Str(f.otherwise.clone()));
        }
    }
    played
}

/// Whether the API's answers are put in an envelope order by the spec.
pub fn has_rule(api: &ServedApi) -> bool {
    api.plan.sandbox.envelope.is_some()
}

/// The answer's code, or 0.
pub fn code_of(answer: &Answer, e: &Served) -> i64 {
    answer.code(e).unwrap_or_default()
}

/// Shapes the envelope: echoes (as sent), the clock's time, fresh ids, the code's texts, the
/// declared order, and the command element last (dropped on an error where the spec says so).
pub fn shape(
    api: &ServedApi,
    e: &Served,
    sent: &Node,
    answer: &mut Answer,
    now: DateTime<Utc>,
    mut fresh: impl FnMut() -> u64,
) {
    let Some(rule) = &api.plan.sandbox.envelope else {
        return;
    };
    let code = code_of(answer, e);
    let success = e.plan.outcome_codes.contains(&code);
    let command_key = e.hook.xml.map(|x| x.command);
    let message_key = e.hook.envelope.map(|env| env.message);
    let Some(env) = answer.envelope_mut(e) else {
        return;
    };
    for f in &rule.echo {
        let value = match fields_text(sent, f) {
            Some(v) => v,
            None if Some(f.as_str()) == command_key => e.plan.key.clone(),
            None => String::new(),
        };
        env.set(f, Node::Str(value));
    }
    if let Some(c) = &rule.clock {
        env.set(&c.field, Node::Str(now.format(&c.format).to_string()));
    }
    for f in &rule.fresh {
        env.set(f, Node::Str(fresh().to_string()));
    }
    match rule.texts.iter().find(|t| t.code == code) {
        Some(t) => {
            for (field, value) in &t.fields {
                env.set(field, Node::Str(value.clone()));
            }
        }
        None => {
            let message = message_key
                .and_then(|m| env.get(m))
                .and_then(text)
                .unwrap_or_default();
            for f in &rule.message_copies {
                env.set(f, Node::Str(message.clone()));
            }
        }
    }
    let keep_command = success || rule.errors_keep_command.contains(&e.plan.key);
    let Node::Map(entries) = env else {
        return;
    };
    let mut ordered: Vec<(String, Node)> = rule
        .order
        .iter()
        .map(|name| {
            let value = entries
                .iter()
                .find(|(k, _)| k == name)
                .map_or(Node::Str(String::new()), |(_, v)| v.clone());
            (name.clone(), value)
        })
        .collect();
    if keep_command && let Some((k, v)) = entries.iter().find(|(k, _)| *k == e.plan.key) {
        ordered.push((k.clone(), v.clone()));
    }
    *entries = ordered;
}

/// A request field's text, when it has one.
pub fn fields_text(fields: &Node, wire: &str) -> Option<String> {
    fields.get(wire).and_then(text)
}
