//! Building a client: its base URL, authentication, retry policy, clock, timeout and HTTP
//! client. Each API's `Client::builder` starts a [`ClientBuilder`].

use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

use crate::runtime::base_url::BaseUrlText;
use crate::runtime::client::Core;
use crate::runtime::client_fields::ClientFields;
use crate::runtime::retry::RetryPolicy;
use crate::runtime::validate::{Clock, SystemClock};

/// How the client authenticates.
#[derive(Clone)]
pub enum Auth {
    /// Credentials travel as request fields (declared as secrets on each request).
    InRequest,
    /// `Authorization: Bearer <token>`. The header is marked sensitive, so reqwest and tracing
    /// never print it.
    Bearer(SecretString),
    /// A user name and a password sent as form fields beside the payload.
    FormFields {
        /// The form field's wire name for the user.
        user_field: &'static str,
        /// The user.
        user: String,
        /// The form field's wire name for the password.
        password_field: &'static str,
        /// The password (never printed).
        password: SecretString,
    },
}

impl Auth {
    /// The secret to scrub from anything kept of a call.
    pub(crate) fn secret(&self) -> &str {
        match self {
            Auth::InRequest => "",
            Auth::Bearer(t) => t.expose_secret(),
            Auth::FormFields { password, .. } => password.expose_secret(),
        }
    }

    /// The `Authorization` header value of a bearer token, marked sensitive; `None` for other
    /// auth, or for a token HTTP cannot carry (a control character), which is then not sent.
    fn authorization(&self) -> Option<reqwest::header::HeaderValue> {
        let Auth::Bearer(token) = self else {
            return None;
        };
        let mut value =
            reqwest::header::HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
                .ok()?;
        value.set_sensitive(true);
        Some(value)
    }
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Auth::InRequest => f.write_str("InRequest"),
            Auth::Bearer(_) => f.write_str("Bearer([REDACTED])"),
            Auth::FormFields { user, .. } => {
                write!(f, "FormFields {{ user: {user:?}, password: [REDACTED] }}")
            }
        }
    }
}

/// The client could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The base URL (shown without a password it carries) is not an http(s) URL, or has a
    /// query or fragment (each endpoint's path and query are added to it).
    #[error("the base URL `{0}` is not an http(s) URL without a query or fragment")]
    BaseUrl(String),
    /// The HTTP client could not be built (TLS set-up, for one).
    #[error("the HTTP client could not be built: {0}")]
    Http(String),
}

/// Implemented by generated clients.
pub trait FromCore {
    /// Wraps the shared core in the API's client type.
    fn from_core(core: Core) -> Self;
}

/// Configures a client; `build()` makes it. Each API's `Client::builder` starts one.
///
/// ```
/// use std::time::Duration;
/// use hyp_api::hyper_erp::Client;
/// use hyp_api::{RetryPolicy, SecretString};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Here against the local sandbox; in production, your instance's URL and token.
/// let sandbox = hyp_sandbox::Sandbox::start().await?;
/// let token = SecretString::from(sandbox.credential("hyper-erp", "token"));
/// let client = Client::builder(sandbox.base_url("hyper-erp"), token)
///     .timeout(Duration::from_secs(30)) // instead of the spec's per-endpoint timeouts
///     .retry(RetryPolicy::never()) // no automatic resends, even where they are safe
///     .build()?;
/// # let _ = client;
/// # Ok(())
/// # }
/// ```
///
/// Your own HTTP client (proxy, TLS roots, pool), from the re-exported reqwest:
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use hyp_api::{SecretString, pay::Client, reqwest};
///
/// let http = reqwest::Client::builder().pool_max_idle_per_host(4).build()?;
/// let password = SecretString::from("terminal-api-password");
/// let client = Client::builder("http://127.0.0.1:8080/pay", "0010345518", password)
///     .http_client(http)
///     .build()?;
/// # let _ = client;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct ClientBuilder<T> {
    base_url: BaseUrlText,
    auth: Auth,
    retry: RetryPolicy,
    clock: Arc<dyn Clock>,
    timeout: Option<Duration>,
    http: Option<reqwest::Client>,
    client_fields: ClientFields,
    _client: std::marker::PhantomData<fn() -> T>,
}

impl<T: FromCore> ClientBuilder<T> {
    #[doc(hidden)]
    pub fn new(base_url: String, auth: Auth) -> Self {
        ClientBuilder {
            base_url: BaseUrlText(base_url),
            auth,
            retry: RetryPolicy::default(),
            clock: Arc::new(SystemClock),
            timeout: None,
            http: None,
            client_fields: ClientFields::default(),
            _client: std::marker::PhantomData,
        }
    }

    /// Sets a request field the client supplies (generated builders name each one).
    #[doc(hidden)]
    pub fn client_field(mut self, wire: &'static str, value: SecretString) -> Self {
        self.client_fields.set(wire, value);
        self
    }

    /// The retry policy (default: [`RetryPolicy::default`]). Retries happen only where the spec
    /// makes them safe.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The clock date rules are validated against (default: the system clock).
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Overrides every endpoint's spec timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Uses this reqwest client (proxies, TLS roots, connection pools are yours to set).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Builds the client: checks the base URL and makes the HTTP client (unless one was given).
    pub fn build(self) -> Result<T, ConfigError> {
        let Some(base_url) = self.base_url.parse() else {
            return Err(ConfigError::BaseUrl(self.base_url.shown()));
        };
        let http = match self.http {
            Some(h) => h,
            None => reqwest::Client::builder()
                .build()
                .map_err(|e| ConfigError::Http(e.to_string()))?,
        };
        Ok(T::from_core(Core {
            http,
            base_url,
            authorization: self.auth.authorization(),
            auth: self.auth,
            retry: self.retry,
            clock: self.clock,
            timeout: self.timeout,
            client_fields: self.client_fields,
        }))
    }
}
