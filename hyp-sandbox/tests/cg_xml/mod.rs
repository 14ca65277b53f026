//! The CreditGuard wire, read and written by the tests themselves: raw form POSTs with
//! reqwest, answers parsed into a small element tree with quick-xml (not hyp-api's decoders,
//! so a misreading the client and the sandbox share cannot pass).

#![allow(dead_code)] // each test file uses its own part

pub mod page;

use hyp_sandbox::Sandbox;
use quick_xml::Reader;
use quick_xml::events::Event;

/// One XML element: its name, attributes, text and children, in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<El>,
}

impl El {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child named `name`.
    pub fn all(&self, name: &str) -> Vec<&El> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    /// A path of child names (`response/result`).
    pub fn at(&self, path: &str) -> &El {
        path.split('/').fold(self, |el, name| {
            el.child(name)
                .unwrap_or_else(|| panic!("no <{name}> under <{}>: {el:#?}", el.name))
        })
    }

    /// The text at a path.
    pub fn text_at(&self, path: &str) -> String {
        self.at(path).text.clone()
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The children's names, in order.
    pub fn names(&self) -> Vec<&str> {
        self.children.iter().map(|c| c.name.as_str()).collect()
    }
}

/// Parses a document; the root element.
pub fn parse(xml: &str) -> El {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<El> = vec![El {
        name: String::new(),
        attrs: Vec::new(),
        text: String::new(),
        children: Vec::new(),
    }];
    let open = |e: &quick_xml::events::BytesStart| El {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    a.unescape_value().expect("attribute value").into_owned(),
                )
            })
            .collect(),
        text: String::new(),
        children: Vec::new(),
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let el = open(&e);
                stack.last_mut().expect("open").children.push(el);
            }
            Event::Text(t) => {
                let text = t.decode().expect("text");
                let text = quick_xml::escape::unescape(&text)
                    .expect("escapes")
                    .into_owned();
                stack.last_mut().expect("open").text.push_str(text.trim());
            }
            Event::GeneralRef(r) => {
                let name = r.decode().expect("reference");
                let text = quick_xml::escape::unescape(&format!("&{name};"))
                    .expect("escapes")
                    .into_owned();
                stack.last_mut().expect("open").text.push_str(&text);
            }
            Event::End(_) => {
                let el = stack.pop().expect("balanced");
                stack.last_mut().expect("balanced").children.push(el);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut top = stack.pop().expect("document");
    assert!(stack.is_empty(), "an element was left open");
    assert_eq!(top.children.len(), 1, "one root element");
    top.children.remove(0)
}

/// The shape of an element: names, nesting and which elements carry a `code` attribute; the
/// texts are left out except where `keep` says (the result code).
pub fn shape(el: &El, keep: &[&str]) -> String {
    let mut out = String::new();
    write_shape(el, keep, 0, &mut out);
    out
}

fn write_shape(el: &El, keep: &[&str], depth: usize, out: &mut String) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(&el.name);
    if el.attr("code").is_some() {
        out.push_str(" @code");
    }
    if keep.contains(&el.name.as_str()) {
        out.push_str(&format!(" = {}", el.text));
    }
    out.push('\n');
    for c in &el.children {
        write_shape(c, keep, depth + 1, out);
    }
}

/// `<ashrait><request>…</request></ashrait>` with the envelope fields given and the command
/// element's children.
pub fn request(command: &str, envelope: &[(&str, &str)], children: &str) -> String {
    let mut head = String::new();
    for (k, v) in envelope {
        head.push_str(&format!("<{k}>{v}</{k}>"));
    }
    format!(
        "<ashrait><request>{head}<command>{command}</command><{command}>{children}</{command}></request></ashrait>"
    )
}

/// Posts `int_in` as a CreditGuard client does (form fields `user`, `password`, `int_in`,
/// with the sandbox's default credentials); the answer as received.
pub async fn relay(base_url: &str, int_in: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base_url}/xpo/Relay"))
        .form(&[
            ("user", "your-api-username"),
            ("password", "your-api-password"),
            ("int_in", int_in),
        ])
        .send()
        .await
        .expect("the sandbox answers")
}

/// [`relay`]: the HTTP status and the parsed answer.
pub async fn post(base_url: &str, int_in: &str) -> (u16, El, String) {
    let response = relay(base_url, int_in).await;
    let status = response.status().as_u16();
    let body = response.text().await.expect("a body");
    let root = parse(&body);
    (status, root, body)
}

// --- Calls the flows share --------------------------------------------------------------

pub const API: &str = "creditguard";
pub const TERMINAL: &str = "0882819014";

/// The envelope's fields in the doc's order (001 § Response), then the command element.
pub const ENVELOPE: [&str; 10] = [
    "command",
    "dateTime",
    "requestId",
    "tranId",
    "result",
    "message",
    "userMessage",
    "additionalInfo",
    "version",
    "language",
];

pub fn eng() -> Vec<(&'static str, &'static str)> {
    vec![("version", "2000"), ("language", "ENG")]
}

/// A J4 charge of card 4111111111111111 for `total` agorot, with `extra` children.
pub fn card_charge(total: u32, extra: &str) -> String {
    format!(
        "<terminalNumber>{TERMINAL}</terminalNumber><cardNo>4111111111111111</cardNo>\
         <cardExpiration>0228</cardExpiration><total>{total}</total>\
         <transactionType>Debit</transactionType><creditType>RegularCredit</creditType>\
         <currency>ILS</currency><transactionCode>Internet</transactionCode>\
         <validation>AutoComm</validation>{extra}"
    )
}

pub async fn send(sandbox: &Sandbox, name: &str, envelope: &[(&str, &str)], children: &str) -> El {
    let xml = request(name, envelope, children);
    let (status, root, body) = post(&sandbox.base_url(API), &xml).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(root.name, "ashrait", "{body}");
    root.at("response").clone()
}

pub async fn command(sandbox: &Sandbox, name: &str, children: &str) -> El {
    send(sandbox, name, &eng(), children).await
}

/// An approved card charge's answer.
pub async fn deal(sandbox: &Sandbox, total: u32, extra: &str) -> El {
    let r = command(sandbox, "doDeal", &card_charge(total, extra)).await;
    assert_eq!(r.text_at("result"), "000", "{r:#?}");
    r
}

pub fn by_tran_id(tran_id: &str) -> String {
    format!("<terminalNumber>{TERMINAL}</terminalNumber><tranId>{tran_id}</tranId>")
}

pub async fn inquire(sandbox: &Sandbox, filter: &str) -> Vec<El> {
    let children = format!("<terminalNumber>{TERMINAL}</terminalNumber>{filter}");
    let r = command(sandbox, "inquireTransactions", &children).await;
    assert_eq!(r.text_at("result"), "000");
    let rows: Vec<El> = r
        .at("inquireTransactions/transactions")
        .all("transaction")
        .into_iter()
        .cloned()
        .collect();
    let count = rows.len().to_string();
    assert_eq!(r.text_at("inquireTransactions/totals/total"), count);
    assert_eq!(r.text_at("inquireTransactions/totals/totalMatch"), count);
    rows
}
