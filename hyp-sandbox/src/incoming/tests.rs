//! Routing checked against the spec itself: every vendor request example reaches its own
//! endpoint and passes the client's checks; REST path templates.

use crate::plan::api::ExampleKind;
use hyp_api::TransportKind;

use super::*;

/// The vendor's request example of an endpoint, as the HTTP request a client sends.
fn as_sent(api: &ServedApi, endpoint: &Served, body: &str) -> Option<Incoming> {
    let post = |path: &str, body: Vec<u8>| Incoming {
        method: Method::POST,
        path: path.to_string(),
        query: None,
        headers: HeaderMap::new(),
        body,
    };
    match api.transport()? {
        TransportKind::JsonPost => Some(post(&endpoint.plan.path, body.as_bytes().to_vec())),
        TransportKind::FormXml => {
            let field = endpoint.hook.xml?.form_field;
            let form = form_urlencoded::Serializer::new(String::new())
                .append_pair("user", "u")
                .append_pair("password", "p")
                .append_pair(field, body)
                .finish();
            Some(post(&endpoint.plan.path, form.into_bytes()))
        }
        TransportKind::QueryGet => Some(Incoming {
            method: Method::GET,
            path: endpoint.plan.path.clone(),
            query: body.trim().split_once('?').map(|(_, q)| q.to_string()),
            headers: HeaderMap::new(),
            body: Vec::new(),
        }),
        // The REST examples are curl command lines, not requests to replay.
        TransportKind::RestJson => None,
    }
}

/// Every request example in the spec reaches its own endpoint, however many endpoints
/// share its path and `action` (Hyp Pay's five `action=soft` scenarios), and passes its
/// checks on the day the examples describe.
#[test]
fn every_request_example_routes_to_its_endpoint_and_passes_its_checks() {
    use chrono::TimeZone;
    let day = chrono::Utc.with_ymd_and_hms(2026, 5, 25, 12, 0, 0).unwrap();
    let cx = hyp_api::ValidationContext::new(std::sync::Arc::new(hyp_api::FixedClock(day)));
    let mut routed = 0;
    for api in crate::generated::apis() {
        for endpoint in &api.endpoints {
            let requests = endpoint.plan.examples.iter();
            for x in requests.filter(|x| x.kind == ExampleKind::Request) {
                let Some(request) = as_sent(&api, endpoint, &x.body) else {
                    continue;
                };
                match route(&api, &request) {
                    Routed::Found {
                        endpoint: e,
                        fields,
                        ..
                    } => {
                        assert_eq!(
                            e.plan.key, endpoint.plan.key,
                            "{} example `{}`",
                            api.plan.api, x.name
                        );
                        // ...and the client's own decoders and validators accept it.
                        let checked = (e.hook.check)(&fields, &cx);
                        assert_eq!(checked, Ok(()), "{} example `{}`", api.plan.api, x.name);
                    }
                    Routed::Refused { code, .. } => panic!(
                        "{} `{}` example `{}` refused with {code}",
                        api.plan.api, endpoint.plan.key, x.name
                    ),
                    Routed::Unknown(r) | Routed::Malformed(r) => {
                        panic!(
                            "{} `{}` example `{}`: {r}",
                            api.plan.api, endpoint.plan.key, x.name
                        )
                    }
                }
                routed += 1;
            }
        }
    }
    assert!(routed >= 20, "only {routed} request examples were routed");
}

#[test]
fn path_templates_match_segments_and_decode_them() {
    assert_eq!(
        match_path("/accounts/{login}/password", "/accounts/7%2F7/password"),
        Some(vec![("login".to_string(), Node::Str("7/7".into()))])
    );
    assert_eq!(match_path("/accounts/{login}", "/accounts/"), None);
    assert_eq!(
        match_path("/accounts/{login}", "/accounts/1/password"),
        None
    );
    assert_eq!(match_path("/reports/daily", "/reports/groups"), None);
}
