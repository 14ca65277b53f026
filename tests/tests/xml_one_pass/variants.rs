//! XML variants of a CreditGuard answer that the spec does not show: attributes where none are
//! documented, blank and empty objects and lists, the command element missing, empty, with text
//! or repeated, envelope fields after it, text beside elements, repeated and many attributes,
//! nesting past the bound. Each is the answer with one edit, named.

/// XML variants of an answer of command `command`, named.
pub(crate) fn variants(body: &str, command: &str) -> Vec<(String, String)> {
    let open = format!("<{command}>");
    let close = format!("</{command}>");
    let mut out = Vec::new();
    edit(
        &mut out,
        body,
        "attribute on the response",
        "<response>",
        "<response a=\"1\">",
    );
    edit(
        &mut out,
        body,
        "attribute on the command",
        &open,
        &format!("<{command} a=\"1\">"),
    );
    for object in [
        "acquirerData",
        "ashraitEmvData",
        "transactions",
        "transaction",
        "totals",
    ] {
        let (o, c) = (format!("<{object}>"), format!("</{object}>"));
        edit(
            &mut out,
            body,
            "attribute on an object",
            &o,
            &format!("<{object} b=\"2\">"),
        );
        if let (Some(s), Some(e)) = (body.find(&o), body.find(&c))
            && s < e
        {
            let inner = &body[s..e + c.len()];
            for to in [
                format!("<{object}> </{object}>"),
                format!("<{object}/>"),
                format!("<{object} b=\"2\"/>"),
                format!("<{object}>text</{object}>"),
                format!("<{object}><!-- c --></{object}>"),
            ] {
                out.push((format!("{object} as {to}"), body.replacen(inner, &to, 1)));
            }
        }
    }
    edit(
        &mut out,
        body,
        "attribute on a scalar",
        "<tranId>",
        "<tranId a=\"1\">",
    );
    edit(
        &mut out,
        body,
        "empty scalar with attribute",
        "<requestId/>",
        "<requestId a=\"1\"/>",
    );
    edit(
        &mut out,
        body,
        "element in a scalar",
        "<tranId>",
        "<tranId><b/>",
    );
    edit(
        &mut out,
        body,
        "coded attribute twice",
        "code=\"",
        "code=\"1\" code=\"",
    );
    edit(
        &mut out,
        body,
        "coded with many attributes",
        "code=\"",
        "a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" code=\"",
    );
    edit(
        &mut out,
        body,
        "coded with a reference",
        "code=\"",
        "code=\"&#52;",
    );
    edit(
        &mut out,
        body,
        "coded with a bad reference",
        "code=\"",
        "code=\"&nope;",
    );
    edit(
        &mut out,
        body,
        "coded attribute unquoted",
        "code=\"",
        "code=1 x=\"",
    );
    if let (Some(s), Some(e)) = (body.find(&open), body.find(&close)) {
        let inner = &body[s..e + close.len()];
        for to in [
            String::new(),
            format!("<{command}/>"),
            format!("<{command}> </{command}>"),
            format!("<{command}>text</{command}>"),
            format!("<{command} a=\"1\"/>"),
            format!("{inner}{inner}"),
            format!("{inner}<tranId>7</tranId>"),
        ] {
            out.push((format!("command as {to:.40}"), body.replacen(inner, &to, 1)));
        }
    }
    if let Some(at) = body.find("</response>") {
        let insert = |s: &str| format!("{}{s}{}", &body[..at], &body[at..]);
        out.push(("text in the response".into(), insert("loose text")));
        let deep = format!("{}x{}", "<e>".repeat(70), "</e>".repeat(70));
        out.push(("deep element".into(), insert(&deep)));
        out.push(("mismatched end".into(), insert("<a></b>")));
    }
    edit(
        &mut out,
        body,
        "response empty",
        "<response>",
        "<response/><x>",
    );
    edit(&mut out, body, "no root", "<ashrait>", "<other>");
    out
}

/// `body` with its first `from` replaced by `to`, where it has one.
fn edit(out: &mut Vec<(String, String)>, body: &str, what: &str, from: &str, to: &str) {
    if body.contains(from) {
        out.push((
            format!("{what} ({from} → {to})"),
            body.replacen(from, to, 1),
        ));
    }
}
