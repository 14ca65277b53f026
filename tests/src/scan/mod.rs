//! The secret scan and the money-fault matrix: a client for any endpoint, a proxy in front of
//! the sandbox that twists its answers, and one endpoint through every ending with its outputs
//! scanned for the call's secrets.

pub mod code;
pub mod echo;
pub mod proxy;

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::time::Duration;

use hyp_api::__private::FromCore;
use hyp_api::{Auth, ClientBuilder, Core, Endpoint, Error, RetryPolicy, SecretString};
use hyp_codegen::model::{Api, AuthKind};
use hyp_sandbox::{Fault, Sandbox};

use proxy::{Proxy, Twist};

/// A client for any endpoint: the generated clients' core.
pub struct AnyClient(pub Core);

impl FromCore for AnyClient {
    fn from_core(core: Core) -> Self {
        AnyClient(core)
    }
}

/// A client of `api` at `origin` (the sandbox's or the proxy's) with the sandbox's credentials.
pub fn client(api: &Api, sandbox: &Sandbox, origin: &str, timeout: Duration) -> AnyClient {
    let prefix = sandbox
        .base_url(&api.name)
        .trim_start_matches(&format!("http://{}", sandbox.addr()))
        .to_string();
    let credentials: Vec<String> = Sandbox::default_credentials()
        .into_iter()
        .filter(|(a, ..)| *a == api.name)
        .map(|(_, name, ..)| sandbox.credential(&api.name, &name))
        .collect();
    let auth = match (api.auth, &api.auth_fields) {
        (AuthKind::Bearer, _) => Auth::Bearer(SecretString::from(credentials[0].clone())),
        (AuthKind::FormFields, Some((user, password))) => Auth::FormFields {
            user_field: Box::leak(user.clone().into_boxed_str()),
            user: credentials[0].clone(),
            password_field: Box::leak(password.clone().into_boxed_str()),
            password: SecretString::from(credentials[1].clone()),
        },
        _ => Auth::InRequest,
    };
    ClientBuilder::<AnyClient>::new(format!("{origin}{prefix}"), auth)
        .retry(RetryPolicy::never())
        .timeout(timeout)
        .build()
        .expect("a client")
}

/// The secrets of a call: the request's sensitive fields and the client's credential.
pub fn secrets<E: Endpoint>(api: &Api, sandbox: &Sandbox, request: &E::Request) -> Vec<String> {
    let mut out: Vec<String> = E::secrets(request)
        .into_iter()
        .map(str::to_string)
        .collect();
    // The credential the client sends (see [`client`]): a bearer token, or the form password.
    let credentials: Vec<String> = Sandbox::default_credentials()
        .into_iter()
        .filter(|(a, ..)| *a == api.name)
        .map(|(_, name, ..)| sandbox.credential(&api.name, &name))
        .collect();
    match api.auth {
        AuthKind::Bearer => out.extend(credentials.first().cloned()),
        AuthKind::FormFields => out.extend(credentials.get(1).cloned()),
        AuthKind::InRequest => {}
    }
    out.retain(|s| !s.is_empty());
    out
}

/// How a call ended, for the coverage table.
pub fn ending<T, C: hyp_api::VendorCode>(result: &Result<T, Error<C>>) -> &'static str {
    match result {
        Ok(_) => "outcome",
        Err(Error::Api(_)) => "api-error",
        Err(Error::Decode { .. }) => "decode-error",
        Err(Error::VendorPage { .. }) => "vendor-page",
        Err(Error::Transport { .. }) => "transport",
        Err(Error::Timeout { .. }) => "timeout",
        Err(Error::InvalidRequest(_)) => "invalid-request",
        Err(_) => "other",
    }
}

/// One endpoint through every ending; returns (ending → count) and the leaks found.
pub async fn scan<E>(
    api: &Api,
    sandbox: &Sandbox,
    proxy: &Proxy,
    request: &E::Request,
) -> (BTreeMap<&'static str, usize>, Vec<String>)
where
    E: Endpoint,
    E::Output: Debug,
{
    let secrets = secrets::<E>(api, sandbox, request);
    let via_proxy = client(api, sandbox, &proxy.origin, Duration::from_secs(20));
    let direct = client(
        api,
        sandbox,
        &format!("http://{}", sandbox.addr()),
        Duration::from_millis(300),
    );
    let mut endings = BTreeMap::new();
    let mut leaks = Vec::new();
    let mut check = |what: String, result: &Result<E::Output, Error<E::Code>>| {
        *endings.entry(ending(result)).or_insert(0) += 1;
        let mut outputs = vec![format!("{result:?}")];
        if let Err(e) = result {
            outputs.push(e.to_string());
        }
        for secret in &secrets {
            for output in &outputs {
                for form in echo::leaks(output, secret) {
                    leaks.push(format!(
                        "{} {what}: the {form} form of a secret in\n{output}",
                        E::WIRE
                    ));
                }
            }
        }
    };
    // Answers with each echo form: the outcome, or the API error the sandbox answers.
    for secret in &secrets {
        for (form, text) in echo::forms(secret) {
            proxy.set(Twist::Echo(form, text), E::WIRE);
            let result = via_proxy.0.call::<E>(request).await;
            check(format!("echo {form}"), &result);
        }
    }
    // A documented error code, an HTML page and a vendor timeout, each with an echo.
    let echo = secrets
        .first()
        .map(|s| echo::forms(s)[6].1.clone())
        .unwrap_or_default();
    let codes = api.codes.iter().map(|c| Fault::code(c.value));
    for fault in codes.chain([Fault::html_page(), Fault::vendor_timeout()]) {
        if sandbox.try_inject(E::SERVICE, E::WIRE, fault).is_err() {
            continue;
        }
        proxy.set(Twist::Echo("ncr-dec", echo.clone()), E::WIRE);
        let result = via_proxy.0.call::<E>(request).await;
        let answered = matches!(result, Err(Error::Api(_)) | Err(Error::VendorPage { .. }));
        check("fault answer".into(), &result);
        if answered {
            break;
        }
    }
    // A code no table documents, in the answer's own format.
    let field = api.envelope.as_ref().map(|e| e.code_wire.clone());
    proxy.set(Twist::Code(field, 987_654), E::WIRE);
    let result = via_proxy.0.call::<E>(request).await;
    check("undocumented code".into(), &result);
    // Cut short with an echo: undecodable.
    for secret in &secrets {
        proxy.set(Twist::Truncate("raw", secret.clone()), E::WIRE);
        let result = via_proxy.0.call::<E>(request).await;
        check("truncated".into(), &result);
    }
    // A dropped connection and a timeout, straight from the sandbox (where it plays them: it
    // answers a request it refuses before any fault strikes).
    proxy.set(Twist::None, E::WIRE);
    for fault in [
        Fault::drop_connection(),
        Fault::delay(Duration::from_millis(1500)),
    ] {
        sandbox.inject(E::SERVICE, E::WIRE, fault);
        let result = direct.0.call::<E>(request).await;
        check("fault".into(), &result);
    }
    // No vendor listening: a transport error whatever the request.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}", listener.local_addr().expect("addr"))
    };
    let nobody = client(api, sandbox, &closed, Duration::from_secs(5));
    let result = nobody.0.call::<E>(request).await;
    check("no vendor".into(), &result);
    // An answer slower than the client's timeout.
    proxy.set(Twist::Delay(Duration::from_millis(1500)), E::WIRE);
    let slow = client(api, sandbox, &proxy.origin, Duration::from_millis(300));
    let result = slow.0.call::<E>(request).await;
    check("slow answer".into(), &result);
    proxy.set(Twist::None, E::WIRE);
    (endings, leaks)
}
