//! The base URL a client is built with: checked and parsed once, each call's URL set under it,
//! and printed (`Debug`) as text without a password it may carry.

use std::fmt;

/// The base URL as given to the builder, not yet checked.
#[derive(Clone)]
pub(crate) struct BaseUrlText(pub(crate) String);

impl BaseUrlText {
    /// The parsed URL: http(s), without a query or fragment (each endpoint's path and query
    /// are added to it); `None` otherwise.
    pub(crate) fn parse(&self) -> Option<BaseUrl> {
        match reqwest::Url::parse(&self.0) {
            Ok(url)
                if matches!(url.scheme(), "http" | "https")
                    && url.query().is_none()
                    && url.fragment().is_none() =>
            {
                Some(BaseUrl(url))
            }
            _ => None,
        }
    }

    /// The text to show: a password in it replaced. Text that is no URL has no password to
    /// find and is shown as it is.
    pub(crate) fn shown(&self) -> String {
        match reqwest::Url::parse(&self.0) {
            Ok(url) => BaseUrl(url).shown(),
            Err(_) => self.0.clone(),
        }
    }
}

impl fmt::Debug for BaseUrlText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.shown(), f)
    }
}

/// A checked base URL: each call's URL is a copy with its path and query set.
#[derive(Clone)]
pub(crate) struct BaseUrl(reqwest::Url);

impl BaseUrl {
    /// The URL of `path` (starting with `/`, segments already percent-encoded) under the base
    /// URL's own path, with `query` (already encoded) where given.
    pub(crate) fn join(&self, path: &str, query: Option<&str>) -> reqwest::Url {
        let mut url = self.0.clone();
        match self.0.path().trim_end_matches('/') {
            "" => url.set_path(path),
            prefix => url.set_path(&format!("{prefix}{path}")),
        }
        url.set_query(query);
        url
    }

    /// The URL's text, a password in it replaced.
    fn shown(&self) -> String {
        let mut url = self.0.clone();
        if url.password().is_some() {
            let _ = url.set_password(Some("REDACTED"));
        }
        url.into()
    }
}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.shown(), f)
    }
}
