//! MT5 Manager golden vectors: the vendor doc's `curl` example (read from the spec) is exactly
//! what `get_account` sends, the daily report's documented fields decode to exact typed values,
//! answers keep undocumented fields, and mutations go out with the documented headers and the
//! (assumed) JSON body, passwords never printed.

#[path = "mt5_golden/curl.rs"]
mod curl;
mod mt5_common;

use curl::{parse_curl, split_url};
use hyp_api::mt5_manager::*;
use hyp_api::{Decimal, Node, SecretString, ToNode};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;
use hyp_codegen::model::{ExampleKind, FieldLocation};
use mt5_common::{self as c, BASE_PATH, LOGIN, OPERATOR, REQUEST_ID, TOKEN};

const GET_ACCOUNT: &str = "GET /accounts/{login}";

#[tokio::test]
async fn the_curl_example_is_exactly_what_get_account_sends() {
    let example = vendor::example(vendor::mt5_manager(), GET_ACCOUNT, "curl");
    assert_eq!(example.kind, ExampleKind::Request);
    let curl = parse_curl(&example.body);
    assert_eq!(curl.method, "GET");
    assert!(curl.data.is_none(), "the example sends no body");

    // The doc's URL is the documented base + the endpoint's path for login 128001.
    let endpoint_path = c::path_of(GET_ACCOUNT);
    assert_eq!(endpoint_path, "/accounts/128001");
    let base = curl
        .url
        .strip_suffix(&endpoint_path)
        .unwrap_or_else(|| panic!("`{}` does not end with `{endpoint_path}`", curl.url));
    assert_eq!(DEFAULT_BASE_URL, base);
    assert_eq!(base, "https://api.metatraderapi.xyz/mt5/manager");
    let (_, url_path) = split_url(&curl.url);
    let (_, base_path) = split_url(base);
    assert_eq!(base_path, BASE_PATH);

    // The token is the example's own placeholder.
    let authorization = curl
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("authorization"))
        .map(|(_, v)| v.as_str())
        .expect("the example authenticates");
    let token = authorization
        .strip_prefix("Bearer ")
        .expect("a Bearer token");
    assert_eq!(token, TOKEN);

    let mock = MockServer::start().await;
    mock.push(
        &format!("GET {url_path}"),
        Reply::new(200, r#"{"login":128001}"#),
    );
    let client = Client::builder(
        format!("{}{base_path}", mock.base_url()),
        SecretString::from(token.to_string()),
    )
    .build()
    .expect("client builds");
    let account = client
        .get_account(&GetAccountRequest::new(GetAccountRequired {
            login: 128001.into(),
        }))
        .await
        .expect("the scripted account");
    assert_eq!(account.login, 128001);

    let received = mock.received();
    assert_eq!(received.len(), 1);
    let r = &received[0];
    assert_eq!(r.method, curl.method);
    assert_eq!(r.path, url_path);
    assert_eq!(r.path, "/mt5/manager/accounts/128001");
    assert_eq!(r.query, None);
    for (name, value) in &curl.headers {
        assert_eq!(
            r.header(&name.to_ascii_lowercase()),
            Some(value.as_str()),
            "header `{name}` of the curl example"
        );
    }
    assert_eq!(r.header("authorization"), Some("Bearer <manager-key>"));
    assert_eq!(r.header("accept"), Some("application/json"));
    assert_eq!(r.body, "", "a GET has no body");
    assert_eq!(r.content_type, None);
    // A read carries no idempotency key, and no operator id unless the caller sets one.
    assert_eq!(r.header("x-request-id"), None);
    assert_eq!(r.header("x-operator-id"), None);
}

#[test]
fn the_daily_report_has_the_documented_fields() {
    let e = vendor::endpoint(vendor::mt5_manager(), "GET /reports/daily");
    let fields: Vec<&str> = e.response.iter().map(|f| f.wire.as_str()).collect();
    assert_eq!(
        fields,
        ["activeAccounts", "equity", "deposits", "withdrawals"]
    );
    assert!(
        e.response.iter().all(|f| !f.assumed),
        "documented by the vendor, not assumed"
    );
    // `GET /reports/daily?date=2026-04-07`: one required query parameter.
    let query: Vec<(&str, bool)> = e
        .request
        .iter()
        .filter(|f| f.location == FieldLocation::Query)
        .map(|f| (f.wire.as_str(), f.required))
        .collect();
    assert_eq!(query, [("date", true)]);
}

#[tokio::test]
async fn the_daily_report_decodes_exactly_and_keeps_undocumented_keys() {
    let mock = MockServer::start().await;
    let body = r#"{"activeAccounts": 1834, "equity": 12345678.90, "deposits": 250000.00, "withdrawals": 120000.50, "generatedAt": "2026-04-08T00:05:00Z"}"#;
    mock.push("GET /mt5/manager/reports/daily", Reply::new(200, body));
    let report = c::client(&mock)
        .daily_report(&DailyReportRequest::new(DailyReportRequired {
            date: c::date(2026, 4, 7),
        }))
        .await
        .expect("the day's report");

    let received = mock.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].method, "GET");
    assert_eq!(received[0].path, "/mt5/manager/reports/daily");
    assert_eq!(received[0].query.as_deref(), Some("date=2026-04-07"));
    assert_eq!(received[0].body, "");

    assert_eq!(report.active_accounts, Some(1834));
    assert_eq!(report.equity, Some(c::money("12345678.90")));
    assert_eq!(report.deposits, Some(c::money("250000.00")));
    assert_eq!(report.withdrawals, Some(c::money("120000.50")));
    // Exact to the cent and with the scale as sent: no float on the way.
    let text = |m: Option<hyp_api::Money>| m.map(|m| m.to_string());
    assert_eq!(text(report.equity).as_deref(), Some("12345678.90"));
    assert_eq!(text(report.deposits).as_deref(), Some("250000.00"));
    assert_eq!(text(report.withdrawals).as_deref(), Some("120000.50"));
    assert_eq!(
        report.unknown_fields,
        vec![(
            "generatedAt".to_string(),
            Node::Str("2026-04-08T00:05:00Z".into())
        )]
    );
    // Nothing lost: the typed report encodes back to the answer as received.
    assert_eq!(report.to_node(), c::node(body));
}

#[tokio::test]
async fn an_account_decodes_its_assumed_fields_and_keeps_the_rest() {
    let mock = MockServer::start().await;
    let body = r#"{
        "login": 128001,
        "name": "Dana Levi",
        "group": "real\\pro-usd",
        "email": "dana@example.com",
        "leverage": 100,
        "balance": 10250.75,
        "profit": -12.40,
        "equity": 10238.35,
        "margin": 500.00,
        "margin_free": 9738.35,
        "margin_level": 2047.67,
        "rights": 483,
        "registration": {"date": "2026-01-15", "agent": null},
        "tags": ["vip", "il"]
    }"#;
    mock.push("GET /mt5/manager/accounts/128001", Reply::new(200, body));
    let a = c::client(&mock)
        .get_account(&GetAccountRequest::new(GetAccountRequired {
            login: LOGIN.into(),
        }))
        .await
        .expect("the account");
    assert_eq!(a.login, 128001);
    assert_eq!(a.name.as_deref(), Some("Dana Levi"));
    assert_eq!(a.group.as_deref(), Some("real\\pro-usd"));
    assert_eq!(a.email.as_deref(), Some("dana@example.com"));
    assert_eq!(a.leverage, Some(100));
    assert_eq!(a.balance, Some(c::money("10250.75")));
    assert_eq!(a.profit, Some(c::money("-12.40")));
    assert_eq!(a.equity, Some(c::money("10238.35")));
    assert_eq!(a.margin.map(|m| m.to_string()).as_deref(), Some("500.00"));
    assert_eq!(a.margin_free, Some(c::money("9738.35")));
    assert_eq!(
        a.margin_level,
        Some(Decimal::from_str_exact("2047.67").unwrap())
    );
    let expected = c::node(
        r#"{"rights": 483, "registration": {"date": "2026-01-15", "agent": null}, "tags": ["vip", "il"]}"#,
    );
    let Node::Map(expected) = expected else {
        unreachable!()
    };
    assert_eq!(
        a.unknown_fields, expected,
        "undocumented keys kept, in order"
    );
    assert_eq!(a.to_node(), c::node(body), "nothing lost");
}

#[tokio::test]
async fn a_deposit_goes_out_with_the_documented_headers_and_the_assumed_body() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let route = "POST /mt5/manager/transactions/deposit";
    let comment = "Bank wire 2026-04-07 / ref 7711";
    let expected_body = c::node(&format!(
        r#"{{"login":128001,"amount":250.00,"comment":"{comment}"}}"#
    ));

    // Without a caller id: the client makes one (a UUID).
    mock.push(route, Reply::new(201, ""));
    let out = client
        .deposit(
            &DepositRequest::new(DepositRequired {
                operator_id: "backoffice-reporting".into(),
                login: 128001.into(),
                amount: c::money("250.00"),
            })
            .comment(comment),
        )
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("applied");
    assert!(matches!(out, DepositOutcome::Applied(_)), "{out:?}");
    // With the caller's id and an environment marker.
    mock.push(route, Reply::new(201, ""));
    client
        .deposit(
            &DepositRequest::new(DepositRequired {
                operator_id: OPERATOR.into(),
                login: LOGIN.into(),
                amount: c::money("250.00"),
            })
            .comment(comment)
            .request_id(REQUEST_ID)
            .environment("production"),
        )
        .await
        .expect("applied");

    let received = mock.received();
    assert_eq!(received.len(), 2);
    for r in &received {
        assert_eq!(r.method, "POST");
        assert_eq!(r.path, "/mt5/manager/transactions/deposit");
        assert_eq!(r.query, None);
        assert_eq!(r.header("authorization"), Some("Bearer <manager-key>"));
        assert_eq!(r.header("accept"), Some("application/json"));
        assert_eq!(r.content_type.as_deref(), Some("application/json"));
        assert_eq!(r.header("x-operator-id"), Some("backoffice-reporting"));
        // Exactly login, amount (as `250.00`, not `250` or `250.0`) and comment: the header
        // fields stay out of the body.
        assert_eq!(c::node(&r.body), expected_body, "{}", r.body);
        assert!(r.body.contains(r#""amount":250.00"#), "{}", r.body);
    }
    let generated = received[0].header("x-request-id").expect("x-request-id");
    assert!(c::is_uuid_v4(generated), "`{generated}` is not a UUID");
    assert_eq!(received[0].header("x-environment"), None);
    assert_eq!(received[1].header("x-request-id"), Some(REQUEST_ID));
    assert_eq!(received[1].header("x-environment"), Some("production"));
}

#[tokio::test]
async fn a_password_rotation_sends_the_password_but_never_prints_it() {
    let mock = MockServer::start().await;
    mock.push(
        "POST /mt5/manager/accounts/128001/password",
        Reply::new(200, "{}"),
    );
    let request = RotatePasswordRequest::new(RotatePasswordRequired {
        login: LOGIN.into(),
        operator_id: OPERATOR.into(),
        password_type: PasswordType::Main,
        password: c::secret(c::NEW_PASSWORD),
    });
    let debug = format!("{request:?}");
    assert!(!debug.contains(c::NEW_PASSWORD), "{debug}");
    assert!(
        debug.contains("128001") && debug.contains("Main"),
        "the rest still shows: {debug}"
    );

    let out = c::client(&mock)
        .rotate_password(&request)
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("rotated");
    assert!(matches!(out, RotatePasswordOutcome::Rotated(_)), "{out:?}");
    let received = mock.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].method, "POST");
    assert_eq!(received[0].path, "/mt5/manager/accounts/128001/password");
    assert_eq!(
        c::node(&received[0].body),
        c::node(&format!(
            r#"{{"type":"main","password":"{}"}}"#,
            c::NEW_PASSWORD
        ))
    );
    assert_eq!(received[0].header("x-operator-id"), Some(OPERATOR));

    // The account creation's passwords are secrets too.
    let create = c::create_account().password_investor(c::secret("Inv3stor-Only"));
    let debug = format!("{create:?}");
    assert!(
        !debug.contains(c::NEW_PASSWORD) && !debug.contains("Inv3stor-Only"),
        "{debug}"
    );
    assert!(debug.contains("dana@example.com"), "{debug}");
}

#[test]
fn the_client_never_prints_the_manager_key() {
    let client = Client::builder(DEFAULT_BASE_URL, c::secret("mk_live_0123456789"))
        .build()
        .expect("client builds");
    let debug = format!("{client:?}");
    assert!(!debug.contains("mk_live_0123456789"), "{debug}");
    assert!(debug.contains(DEFAULT_BASE_URL), "{debug}");
}
