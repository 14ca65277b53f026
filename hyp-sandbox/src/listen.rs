//! Accepting connections with limits on what a client may send: a header-read timeout per
//! connection (hyper's HTTP/1 server), and on every route a body size limit and a body-read
//! timeout (tower-http). A slow or oversize client is cut off; the others are served.

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// What a client may send: set with [`crate::SandboxBuilder`] or the binary's flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time to send a request's headers.
    pub header_read: Duration,
    /// Time a request's body may wait between two chunks.
    pub body_read: Duration,
    /// The largest request body, in bytes.
    pub body: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(10),
            body_read: Duration::from_secs(10),
            body: 1024 * 1024,
        }
    }
}

/// `app` with the body limits on every route: what [`serve`] serves on each connection.
pub(crate) fn limited(app: Router, limits: Limits) -> Router {
    app
        // One limit governs: tower-http's, on every route (axum's own 2 MB default is off).
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(limits.body))
        .layer(RequestBodyTimeoutLayer::new(limits.body_read))
}

/// Serves `app` (already [`limited`]) on `listener` until `stop` fires (or its sender is
/// dropped), then lets the open connections finish.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) {
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!(error = %e, "sandbox: accepting a connection failed");
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        // Answers go out at once: without it, an answer written in two segments waits for the
        // client's delayed ACK (~40 ms a request on Linux loopback).
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(error = %e, "sandbox: TCP_NODELAY could not be set");
        }
        let service = TowerToHyperService::new(app.clone());
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "sandbox: a connection ended with an error");
            }
        });
    }
    graceful.shutdown().await;
}
