//! One axum server for every API, each under its own prefix (`/hyper-erp`, `/pay`, …), and
//! the [`Sandbox`] handle tests and examples hold.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use hyp_api::{Clock, Decimal, Endpoint, SystemClock, ValidationContext};
use tokio::net::TcpListener;

use crate::accounts::Accounts;

pub use crate::listen::Limits;

use crate::fault::Fault;
use crate::served::{Served, ServedApi};
use crate::state::State;

/// What every request handler shares: the APIs served, their state, the faults in waiting.
pub(crate) struct Shared {
    pub(crate) apis: Vec<ServedApi>,
    pub(crate) state: Mutex<State>,
    /// (api, endpoint) → faults for its next calls, in order.
    pub(crate) faults: Mutex<HashMap<(String, String), Vec<Fault>>>,
    /// What date rules ("not in the future", "within the last 366 days") are checked against.
    pub(crate) validation: ValidationContext,
    /// The credentials each API accepts.
    pub(crate) accounts: Accounts,
    /// `http://ADDR`: the origin of the page URLs the sandbox hands out.
    pub(crate) origin: String,
    /// (api, success) → the terminal's return URL set by the test, over the spec's default.
    pub(crate) return_urls: HashMap<(String, bool), String>,
}

impl Shared {
    pub(crate) fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The return URL (success or failure) set for `api`'s pages, if the test set one.
    pub(crate) fn return_url(&self, api: &str, success: bool) -> Option<String> {
        self.return_urls.get(&(api.to_string(), success)).cloned()
    }
}

/// A running sandbox serving every API in `spec/` on loopback. Dropping it stops the server.
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    app: axum::Router,
    _stop: tokio::sync::oneshot::Sender<()>,
}

/// Configures a sandbox before it starts: where it listens, its clock, its accounts, and its
/// limits on what a client may send.
pub struct SandboxBuilder {
    addr: SocketAddr,
    clock: Arc<dyn Clock>,
    apis: Vec<ServedApi>,
    accounts: Accounts,
    limits: Limits,
    return_urls: HashMap<(String, bool), String>,
}

impl SandboxBuilder {
    /// Where to listen (default `127.0.0.1:0`: loopback, a free port).
    pub fn addr(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// The clock the spec's date rules are checked against (default: the system clock). Give
    /// it the clock your clients use (`ClientBuilder::clock`) so both judge dates alike.
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The value credential `name` of `api` must have (default: the spec's, listed by
    /// [`Sandbox::default_credentials`] and `hyp-sandbox --help`). A call with another value
    /// gets the vendor's authentication error.
    ///
    /// # Panics
    /// When the API or the credential is not in `spec/`, naming the valid ones.
    pub fn credential(mut self, api: &str, name: &str, value: &str) -> Self {
        if let Err(e) = self.accounts.set(&self.apis, api, name, value) {
            panic!("{e}");
        }
        self
    }

    /// Where `api`'s payment pages send the customer after a payment (the terminal's success
    /// URL, a setting of the vendor's portal; default: the spec's `pages:` default,
    /// `http://127.0.0.1/merchant/success`). A page whose issuing request names its own URL
    /// (CreditGuard `successUrl`) still goes there.
    ///
    /// # Panics
    /// When `api` serves no payment page, naming the APIs that do.
    pub fn success_url(self, api: &str, url: &str) -> Self {
        self.return_url(api, true, url)
    }

    /// Where `api`'s payment pages send the customer after a declined payment (the terminal's
    /// failure URL; default: the spec's, `http://127.0.0.1/merchant/failure`). A page whose
    /// issuing request names its own URL (CreditGuard `errorUrl`) still goes there.
    ///
    /// # Panics
    /// When `api` serves no payment page, naming the APIs that do.
    pub fn failure_url(self, api: &str, url: &str) -> Self {
        self.return_url(api, false, url)
    }

    fn return_url(mut self, api: &str, success: bool, url: &str) -> Self {
        let with_pages: Vec<&str> = self
            .apis
            .iter()
            .filter(|a| !a.plan.sandbox.pages.is_empty())
            .map(|a| a.plan.api.as_str())
            .collect();
        if !with_pages.contains(&api) {
            panic!("`{api}` serves no payment page; these do: {with_pages:?}");
        }
        self.return_urls
            .insert((api.to_string(), success), url.to_string());
        self
    }

    /// How long a client may take to send a request's headers (default 10 s): a connection
    /// still short of its headers then is closed, so slow clients cannot hold it.
    pub fn header_read_timeout(mut self, timeout: Duration) -> Self {
        self.limits.header_read = timeout;
        self
    }

    /// How long a request's body may wait between two chunks (default 10 s); a body that
    /// stalls longer is refused (HTTP 408).
    pub fn body_read_timeout(mut self, timeout: Duration) -> Self {
        self.limits.body_read = timeout;
        self
    }

    /// The largest request body accepted, in bytes (default 1 MiB; the vendors' requests
    /// are a few KB); a larger one is refused (HTTP 413).
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.limits.body = bytes;
        self
    }

    /// Starts serving (inside a tokio runtime).
    pub async fn start(self) -> std::io::Result<Sandbox> {
        Sandbox::serve(self).await
    }
}

impl Sandbox {
    /// Starts on `127.0.0.1` on a free port (inside a tokio runtime).
    pub async fn start() -> std::io::Result<Sandbox> {
        Self::builder().start().await
    }

    /// Starts on `addr` (port 0: a free port).
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<Sandbox> {
        Self::builder().addr(addr).start().await
    }

    /// A sandbox to configure before it starts.
    pub fn builder() -> SandboxBuilder {
        let apis = crate::generated::apis();
        SandboxBuilder {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            clock: Arc::new(SystemClock),
            limits: Limits::default(),
            accounts: Accounts::defaults(&apis),
            apis,
            return_urls: HashMap::new(),
        }
    }

    /// Every API's credentials at their spec defaults: (API, credential name, default value,
    /// what it is), in spec order.
    pub fn default_credentials() -> Vec<(String, String, String, String)> {
        crate::generated::apis()
            .iter()
            .flat_map(|a| {
                a.plan.sandbox.credentials.iter().map(|k| {
                    let doc = k.doc.split_whitespace().collect::<Vec<_>>().join(" ");
                    (a.plan.api.clone(), k.name.clone(), k.default.clone(), doc)
                })
            })
            .collect()
    }

    /// The value credential `name` of `api` must have on this sandbox.
    ///
    /// # Panics
    /// When the API or the credential is not in `spec/`, naming the valid ones.
    pub fn credential(&self, api: &str, name: &str) -> String {
        match self.shared.accounts.get(api, name) {
            Some(v) => v.to_string(),
            None => {
                let reason = Accounts::default()
                    .set(&self.shared.apis, api, name, "")
                    .err()
                    .unwrap_or_default();
                panic!("{reason}")
            }
        }
    }

    async fn serve(config: SandboxBuilder) -> std::io::Result<Sandbox> {
        let listener = TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            apis: config.apis,
            accounts: config.accounts,
            state: Mutex::new(State::default()),
            faults: Mutex::new(HashMap::new()),
            validation: ValidationContext::new(config.clock),
            origin: format!("http://{addr}"),
            return_urls: config.return_urls,
        });
        let app = axum::Router::new()
            .fallback(crate::guard::guarded)
            .with_state(shared.clone());
        let app = crate::listen::limited(app, config.limits);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = crate::listen::serve(listener, app.clone(), config.limits, stopped);
        tokio::spawn(served);
        Ok(Sandbox {
            addr,
            shared,
            app,
            _stop: stop,
        })
    }

    /// The service each connection is served by (every route, with the body limits), to call
    /// in process as a tower `Service` with no socket between: for the fuzz target
    /// `sandbox_request`, which needs far more requests a second than loopback allows. Not
    /// part of the supported API; the header-read timeout, a property of the connection, is
    /// not in it.
    #[doc(hidden)]
    pub fn router(&self) -> axum::Router {
        self.app.clone()
    }

    /// The address the sandbox listens on: loopback and a free port unless
    /// [`SandboxBuilder::addr`] chose one. [`Sandbox::base_url`] gives each API's URL on it.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The APIs served, by spec name (`hyper-erp`, `mt5-manager`, `creditguard`, `pay`).
    pub fn apis(&self) -> Vec<&str> {
        self.shared
            .apis
            .iter()
            .map(|a| a.plan.api.as_str())
            .collect()
    }

    /// The base URL to give an API's `Client::builder` (`http://127.0.0.1:PORT/hyper-erp`).
    ///
    /// # Panics
    /// When no API in `spec/` has this name (see [`Sandbox::apis`]).
    pub fn base_url(&self, api: &str) -> String {
        let served = self.api(api);
        format!("http://{}{}", self.addr, served.prefix())
    }

    fn api(&self, api: &str) -> &ServedApi {
        crate::names::api(&self.shared.apis, api).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The endpoint `key` of `api`.
    ///
    /// # Panics
    /// When either is not in `spec/`, naming the valid ones.
    fn endpoint(&self, api: &str, key: &str) -> &Served {
        self.api(api).named(key).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Makes the next call of `endpoint` (its spec key: `MT4_Deposit_Fiat_Json`,
    /// `POST /transactions/deposit`, `doDeal`, `soft token charge`) meet `fault`. Faults
    /// injected for the same endpoint strike its next calls in order.
    ///
    /// # Panics
    /// When the API or the endpoint is not in `spec/`, or the spec cannot play the fault there
    /// as the vendor would (see [`Sandbox::try_inject`]).
    pub fn inject(&self, api: &str, endpoint: &str, fault: Fault) {
        if let Err(e) = self.try_inject(api, endpoint, fault) {
            panic!("{e}");
        }
    }

    /// [`Sandbox::inject`], refusing with the reason a fault the spec cannot play for the
    /// endpoint: a vendor timeout where `sandbox.timeouts` declares none, a code missing from
    /// the API's code table. The sandbox never invents an answer the vendor would not give.
    ///
    /// # Panics
    /// When the API or the endpoint is not in `spec/`.
    pub fn try_inject(&self, api: &str, endpoint: &str, fault: Fault) -> Result<(), String> {
        let served = self.api(api);
        served.check_fault(self.endpoint(api, endpoint), &fault)?;
        self.shared
            .faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry((api.to_string(), endpoint.to_string()))
            .or_default()
            .push(fault);
        Ok(())
    }

    /// [`Sandbox::inject`] for a generated endpoint type (`hyper_erp::DepositFiat`).
    pub fn inject_into<E: Endpoint>(&self, fault: Fault) {
        self.inject(E::SERVICE, E::WIRE, fault)
    }

    /// A ledger's balance (`balance` of `hyper-erp` for `["500155", "ILS"]`): the sum of the
    /// amounts credited less those debited, in the request's major units.
    ///
    /// # Panics
    /// When the API or the ledger is not in `spec/`, or `account` has not as many values as
    /// the ledger's account fields.
    pub fn balance(&self, api: &str, ledger: &str, account: &[&str]) -> Decimal {
        if let Err(e) = self.api(api).check_ledger(ledger, account) {
            panic!("{e}");
        }
        self.shared.state().balance(api, ledger, account)
    }

    /// Moves a record to `status` (a payment link to `paid`), as the vendor's other channels
    /// would. False when no such record exists.
    ///
    /// # Panics
    /// When the API, the record kind or the status is not in `spec/`.
    pub fn set_status(&self, api: &str, record: &str, id: &str, status: &str) -> bool {
        if let Err(e) = self.api(api).check_record(record, status) {
            panic!("{e}");
        }
        self.shared.state().set_status(api, record, id, status)
    }

    /// A queue's rows: (id, status), in the order they were added.
    ///
    /// # Panics
    /// When the API or the queue is not in `spec/`.
    pub fn queue(&self, api: &str, queue: &str) -> Vec<(String, i64)> {
        if let Err(e) = self.api(api).check_queue(queue) {
            panic!("{e}");
        }
        self.shared.state().queue(api, queue)
    }

    /// How many calls reached `endpoint`, whatever their answer (refused and faulted ones too).
    ///
    /// # Panics
    /// When the API or the endpoint is not in `spec/`, naming the valid ones.
    pub fn received(&self, api: &str, endpoint: &str) -> usize {
        self.endpoint(api, endpoint);
        let key = (api.to_string(), endpoint.to_string());
        self.shared.state().received.get(&key).copied().unwrap_or(0)
    }

    /// [`Sandbox::received`] for a generated endpoint type (`hyper_erp::DepositFiat`).
    pub fn received_by<E: Endpoint>(&self) -> usize {
        self.received(E::SERVICE, E::WIRE)
    }

    /// How many calls of `endpoint` took effect (replays and refusals do not).
    ///
    /// # Panics
    /// When the API or the endpoint is not in `spec/`, naming the valid ones.
    pub fn applied(&self, api: &str, endpoint: &str) -> usize {
        self.endpoint(api, endpoint);
        let key = (api.to_string(), endpoint.to_string());
        self.shared.state().applied.get(&key).copied().unwrap_or(0)
    }

    /// [`Sandbox::applied`] for a generated endpoint type (`hyper_erp::DepositFiat`).
    pub fn applied_by<E: Endpoint>(&self) -> usize {
        self.applied(E::SERVICE, E::WIRE)
    }
}
