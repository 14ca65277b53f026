//! The generated name dispatch (`codegen/src/emit/decode/names.rs`: a switch on the name's
//! length, then on its bytes read as words) finds a field only by its whole name: an element
//! whose name differs from a field's in one byte, at any position, with the same length, is
//! not that field but an unknown element, kept as such. Checked on every element name of the
//! first row of the vendor doc's inquireTransactions example, at every byte of each name.

use hyp_api::__private::one_pass::Received;
use hyp_api::Endpoint;
use hyp_api::wire::UTF_8;
use hyp_api_tests::vendor;

fn inquire(body: &str) -> String {
    use hyp_api::creditguard::InquireTransactions as E;
    let received = Received {
        status: 200,
        text: body,
        charset: (UTF_8, None),
        envelope: E::ENVELOPE,
        xml: E::XML.map(|x| (x, E::WIRE)),
    };
    match E::decode_one_pass(&received) {
        Ok((0, _, Some(out))) => format!("{out:?}"),
        other => panic!("not a found answer: {:?}", other.map(|(c, m, _)| (c, m))),
    }
}

/// The element names opened in `xml`, each once, in order.
fn names(xml: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for (i, _) in xml.match_indices('<') {
        let rest = &xml[i + 1..];
        let end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = &rest[..end];
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[test]
fn a_name_one_byte_off_a_field_s_name_is_an_unknown_element() {
    let api = hyp_codegen::load_one(&vendor::spec_root().join("creditguard")).expect("spec");
    let body = vendor::endpoint(&api, "inquireTransactions")
        .examples
        .iter()
        .find(|x| x.name == "response-three-transactions")
        .expect("the vendor doc's example")
        .fixed_body();
    let start = body.find("<transaction>").expect("a row") + "<transaction>".len();
    let end = body.find("</transaction>").expect("its end");
    let row = &body[start..end];
    let plain = inquire(&body);
    let mut checked = 0;
    for name in names(row) {
        for at in 0..name.len() {
            let mut odd = name.as_bytes().to_vec();
            odd[at] = match odd[at] {
                b'0' => b'1',
                b if b.is_ascii_digit() => b'0',
                b => b ^ 0x20,
            };
            let odd = String::from_utf8(odd).expect("ASCII");
            if body.contains(&format!("<{odd}")) {
                continue;
            }
            // The first element of that name in the row, renamed (start and end tag).
            let renamed = row
                .replacen(&format!("<{name}>"), &format!("<{odd}>"), 1)
                .replacen(&format!("<{name} "), &format!("<{odd} "), 1)
                .replacen(&format!("<{name}/>"), &format!("<{odd}/>"), 1)
                .replacen(&format!("</{name}>"), &format!("</{odd}>"), 1);
            let edited = format!("{}{}{}", &body[..start], renamed, &body[end..]);
            let out = inquire(&edited);
            let entry = format!("(\"{odd}\", ");
            assert!(
                out.matches(&entry).count() > plain.matches(&entry).count(),
                "`{odd}` (from `{name}`) is not kept as an unknown element: {out}"
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} names checked");
}
