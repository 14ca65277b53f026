//! A small reader of `curl` command lines, enough for the vendor doc's example: method, URL,
//! `-H` headers and `-d` data, with shell quoting and line continuations.

/// What a `curl` command line asks for.
#[derive(Debug)]
pub(crate) struct Curl {
    pub(crate) method: String,
    pub(crate) url: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) data: Option<String>,
}

/// Splits a shell command line into words: whitespace separates, `"…"` and `'…'` group, a
/// backslash before a newline continues the line.
fn shell_words(text: &str) -> Vec<String> {
    let text = text.replace("\\\r\n", " ").replace("\\\n", " ");
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for ch in text.chars() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '"' | '\'') => {
                quote = Some(ch);
                word.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(quote.is_none(), "unbalanced quote in:\n{text}");
    words.extend(word);
    words
}

pub(crate) fn parse_curl(text: &str) -> Curl {
    let words = shell_words(text);
    assert_eq!(words.first().map(String::as_str), Some("curl"), "{text}");
    let mut curl = Curl {
        method: String::new(),
        url: String::new(),
        headers: Vec::new(),
        data: None,
    };
    let mut it = words.into_iter().skip(1);
    while let Some(w) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("`{w}` without a value"));
        match w.as_str() {
            "-H" | "--header" => {
                let h = value();
                let (name, v) = h.split_once(':').expect("header is `Name: value`");
                curl.headers
                    .push((name.trim().to_string(), v.trim().to_string()));
            }
            "-X" | "--request" => curl.method = value(),
            "-d" | "--data" | "--data-raw" => curl.data = Some(value()),
            flag if flag.starts_with('-') => panic!("the test does not know curl's `{flag}`"),
            _ => {
                assert!(curl.url.is_empty(), "two URLs in the curl example");
                curl.url = w;
            }
        }
    }
    if curl.method.is_empty() {
        curl.method = if curl.data.is_some() { "POST" } else { "GET" }.to_string();
    }
    curl
}

/// (origin, path) of an absolute URL: `https://host/a/b` → (`https://host`, `/a/b`).
pub(crate) fn split_url(url: &str) -> (&str, &str) {
    let after_scheme = url.find("://").expect("an absolute URL") + 3;
    match url[after_scheme..].find('/') {
        Some(i) => url.split_at(after_scheme + i),
        None => (url, "/"),
    }
}

#[test]
fn the_curl_parser_reads_what_the_test_relies_on() {
    let curl = parse_curl("curl https://h.example/x/y \\\n  -H \"A: b c\" \\\n -H 'D:e'");
    assert_eq!(curl.method, "GET");
    assert_eq!(curl.url, "https://h.example/x/y");
    assert_eq!(
        curl.headers,
        [("A".into(), "b c".into()), ("D".into(), "e".into())]
    );
    assert_eq!(
        split_url("https://h.example/x/y"),
        ("https://h.example", "/x/y")
    );
}
