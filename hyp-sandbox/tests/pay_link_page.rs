//! Hyp Pay's payment link at the wire (002 § action=payRequest): CREATE answers a `paymentURL`
//! the sandbox serves (`{base}/?pay=…`, the doc's example URL's form), not the doc's canned
//! URL; paying it redirects to the terminal's success URL (set on the builder or the command
//! line), makes a deal, and the paid link can no longer be deleted (995). Raw HTTP, answers
//! parsed from the raw bytes.

use hyp_sandbox::Sandbox;

/// The doc's CREATE example (002 § Create and send a payment link, Example request).
const CREATE: &str = "action=payRequest&iCommand=CREATE&Masof=0010345518&PassP=your-api-password&Amount=100&Coin=1&Info=Order1234&UserId=000000000&ClientName=David&ClientLName=Cohen&email=david@example.com&cell=0501234567";
const CREDS: &str = "Masof=0010345518&PassP=your-api-password";

type Pairs = Vec<(String, String)>;

fn parse(body: &[u8]) -> Pairs {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn get<'a>(pairs: &'a Pairs, key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map_or_else(|| panic!("no `{key}` in {pairs:?}"), |(_, v)| v.as_str())
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn answer(base: &str, query: &str) -> Pairs {
    let r = http().get(format!("{base}/?{query}")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    parse(&r.bytes().await.unwrap())
}

/// A new link: its id and its page's URL (checked to be the sandbox's).
async fn create(base: &str) -> (String, String) {
    let created = answer(base, CREATE).await;
    let url = get(&created, "paymentURL").to_string();
    let prefix = format!("{base}/?pay=");
    assert!(url.starts_with(&prefix), "{url} is not served by {base}");
    assert!(url.len() > prefix.len());
    assert_eq!(get(&created, "Fild1"), "Order1234");
    (get(&created, "payRequestId").to_string(), url)
}

/// Submits the link's page: the redirect's base URL and its parameters.
async fn submit(url: &str, outcome: &str) -> (String, Pairs) {
    let form = format!("outcome={outcome}&cardNumber=4580458045804580&expMonth=02&expYear=28");
    let r = http()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"].to_str().unwrap();
    let (to, query) = location.split_once('?').unwrap();
    (to.to_string(), parse(query.as_bytes()))
}

fn delete(id: &str) -> String {
    format!("action=payRequest&iCommand=DELETE&{CREDS}&PayRequest={id}")
}

#[tokio::test]
async fn a_paid_link_redirects_to_the_terminals_success_url_and_cannot_be_deleted() {
    let sandbox = Sandbox::builder()
        .success_url("pay", "http://127.0.0.1:3000/paid")
        .failure_url("pay", "http://127.0.0.1:3000/failed")
        .start()
        .await
        .unwrap();
    let base = sandbox.base_url("pay");
    let (id, url) = create(&base).await;
    let page = http().get(&url).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("<form method=\"post\""));
    let (to, params) = submit(&url, "pay").await;
    assert_eq!(to, "http://127.0.0.1:3000/paid");
    let names: Vec<&str> = params.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["Id", "CCode", "Amount", "ACode", "Fild1"]);
    assert_eq!(get(&params, "CCode"), "0");
    assert_eq!(get(&params, "Amount"), "100");
    assert_eq!(get(&params, "Fild1"), "Order1234");
    assert!(!get(&params, "ACode").is_empty());
    // The payment is a deal of the sandbox: getToken knows its Id.
    let deal = get(&params, "Id");
    let token = answer(&base, &format!("action=getToken&{CREDS}&TransId={deal}")).await;
    assert_eq!(get(&token, "CCode"), "0", "{token:?}");
    assert_eq!(get(&token, "Id"), deal);
    // Paid: the link cannot be deleted (002 § Cancel a payment link, 995), nor paid again.
    let refused = answer(&base, &delete(&id)).await;
    assert_eq!(get(&refused, "CCode"), "995");
    let again = http().post(&url).body("outcome=pay").send().await.unwrap();
    assert_eq!(again.status().as_u16(), 410);
}

#[tokio::test]
async fn a_declined_link_goes_to_the_failure_url_and_stays_deletable() {
    let sandbox = Sandbox::builder()
        .failure_url("pay", "http://127.0.0.1:3000/failed")
        .start()
        .await
        .unwrap();
    let base = sandbox.base_url("pay");
    let (id, url) = create(&base).await;
    let (to, params) = submit(&url, "decline").await;
    assert_eq!(to, "http://127.0.0.1:3000/failed");
    assert_eq!(get(&params, "CCode"), "4");
    assert_eq!(get(&params, "ACode"), "");
    let deleted = answer(&base, &delete(&id)).await;
    assert_eq!(get(&deleted, "CCode"), "0");
}

#[tokio::test]
async fn without_a_set_url_the_page_returns_to_the_specs_default() {
    let sandbox = Sandbox::start().await.unwrap();
    let (_, url) = create(&sandbox.base_url("pay")).await;
    let (to, _) = submit(&url, "pay").await;
    assert_eq!(to, "http://127.0.0.1/merchant/success");
}

#[test]
#[should_panic(expected = "serves no payment page; these do: [\"creditguard\", \"pay\"]")]
fn a_return_url_for_an_api_without_pages_is_refused_naming_those_with_pages() {
    let _ = Sandbox::builder().success_url("hyper-erp", "http://127.0.0.1/x");
}

/// The binary: `--help` documents the flags; `--success-url` sets the terminal's URL.
#[tokio::test]
async fn the_command_line_sets_the_return_urls() {
    let bin = env!("CARGO_BIN_EXE_hyp-sandbox");
    let help = std::process::Command::new(bin)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--success-url <API=URL>"), "{help}");
    assert!(help.contains("--failure-url <API=URL>"), "{help}");
    let mut child = std::process::Command::new(bin)
        .args([
            "--port",
            "0",
            "--success-url",
            "pay=http://127.0.0.1:4000/ok",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Its first line: "hyp-sandbox listening on http://127.0.0.1:PORT".
    let mut first = String::new();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    let addr = first.trim().rsplit("http://").next().unwrap().to_string();
    let (_, url) = create(&format!("http://{addr}/pay")).await;
    let (to, _) = submit(&url, "pay").await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(to, "http://127.0.0.1:4000/ok");
}
