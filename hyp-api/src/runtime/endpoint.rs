//! The contract between generated endpoint types and the runtime.

use std::time::Duration;

#[cfg(feature = "__sandbox")]
use crate::runtime::codec::FromNode;
use crate::runtime::codec::ToNode;
use crate::runtime::error::VendorCode;
use crate::runtime::node::{DecodeError, Node};
use crate::runtime::validate::Validate;

/// How an API's requests travel (from the spec's `service.transport.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    /// A JSON body POSTed to `{base_url}/{path}`; answers are JSON with a code envelope.
    JsonPost,
    /// REST: method + path with parameters, query and headers; JSON bodies; the HTTP status is
    /// the code.
    RestJson,
    /// An XML envelope URL-encoded into one field of a form POST, beside the credentials;
    /// answers are XML with the code in the envelope.
    FormXml,
    /// Parameters in a GET query string; URL-encoded (or JSON) answers with the code among
    /// their fields; an HTML page means a system error.
    QueryGet,
}

/// How a `QueryGet` endpoint answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerFormat {
    /// `key=value&…`.
    Urlencoded,
    /// A JSON document.
    Json,
}

/// The XML envelope of a `FormXml` API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlSpec {
    /// The form field carrying the XML.
    pub form_field: &'static str,
    /// The root element of every document, both ways.
    pub root: &'static str,
    /// The element under the root going out, and coming back.
    pub request: &'static str,
    /// The element under the root carrying the answer.
    pub response: &'static str,
    /// The envelope element naming the command.
    pub command: &'static str,
}

/// The HTTP method of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
}

/// Where an API's answers carry their code and message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnvelopeSpec {
    /// The wire name of the field carrying the result code.
    pub code: &'static str,
    /// The wire name of the field carrying the vendor's message.
    pub message: &'static str,
    /// The code an answer without one means.
    pub code_when_missing: Option<i64>,
    /// Wire names of envelope fields a vendor error keeps beside its code and message.
    pub details: &'static [&'static str],
}

/// One request header from a request field.
pub struct Header {
    /// The header name, as the vendor writes it.
    pub name: &'static str,
    /// The header value, as text.
    pub value: String,
    /// A secret: marked sensitive so it is never printed.
    pub sensitive: bool,
}

/// A request split the way HTTP carries it. Built by generated code; values are already text.
pub struct Parts {
    /// The path under the base URL, starting with `/`, path segments percent-encoded.
    pub path: String,
    /// Name/value pairs in order (names are the vendor's, dots and case included).
    pub query: Vec<(String, String)>,
    /// Request headers from request fields.
    pub headers: Vec<Header>,
    /// The body, when the endpoint has one.
    pub body: Option<Body>,
}

/// A request body as generated code hands it over.
pub enum Body {
    /// Fields as a tree, for the transport to write (the XML envelope; for `QueryGet`, the
    /// query string).
    Tree(Node),
    /// A JSON body's text, written straight from the request (or why it could not be).
    Json(Result<String, String>),
}

impl Parts {
    /// Parts with this path and nothing else.
    pub fn new(path: String) -> Self {
        Parts {
            path,
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }
}

/// One vendor function, as the spec describes it. Implemented by generated marker types.
pub trait Endpoint {
    /// The request type: written to a tree to go out, and read from one by hyp-sandbox.
    #[cfg(feature = "__sandbox")]
    type Request: Validate + ToNode + FromNode + Clone + Send + Sync;
    /// The request type: written to a tree to go out (read from one only with hyp-sandbox's
    /// internal feature `__sandbox`).
    #[cfg(not(feature = "__sandbox"))]
    type Request: Validate + ToNode + Clone + Send + Sync;
    /// What a successful call returns: the response, or an enum of the documented outcomes.
    type Output: Send;
    /// The API's result-code type.
    type Code: VendorCode;

    /// The API (its spec folder name), for spans and errors.
    const SERVICE: &'static str;
    /// The vendor's name for the function (or `METHOD /path` for REST).
    const WIRE: &'static str;
    /// How the API's requests travel.
    const TRANSPORT: TransportKind;
    /// The endpoint's HTTP method.
    const METHOD: HttpMethod;
    /// Where the code and message are, for APIs that wrap answers in an envelope.
    const ENVELOPE: Option<EnvelopeSpec>;
    /// The XML envelope, for `FormXml` APIs.
    const XML: Option<XmlSpec>;
    /// Wire names of the request fields that go in the envelope rather than the command element.
    const ENVELOPE_FIELDS: &'static [&'static str];
    /// How `true` and `false` are written where the wire has no booleans of its own.
    const BOOL_TEXT: (&'static str, &'static str);
    /// How the endpoint answers, for `QueryGet` APIs.
    const ANSWER: AnswerFormat;
    /// The call creates, moves or reverses money.
    const MOVES_MONEY: bool;
    /// The call only reads: retrying it is always safe.
    const READ_ONLY: bool;
    /// The client makes an idempotency key when the caller gives none.
    const GENERATES_IDEMPOTENCY_KEY: bool;
    /// Client-side timeout: the vendor's documented wait plus a margin.
    const TIMEOUT: Duration;

    /// The request as path, query, headers and body.
    fn parts(request: &Self::Request) -> Parts;
    /// The charset the vendor answers this request in, where the spec says (else the
    /// Content-Type's, else UTF-8), with the documented default to fall back to when an answer
    /// is not valid in the chosen one.
    fn answer_charset(request: &Self::Request) -> Option<(&'static str, &'static str)>;
    /// The charset the vendor reads query-string values in, where the spec says (else UTF-8).
    fn request_charset(request: &Self::Request) -> Option<&'static str>;
    /// The request's idempotency key, if the endpoint has one and the request carries it.
    fn idempotency_key(request: &Self::Request) -> Option<&str>;
    /// Sets `key` as the request's idempotency key (nothing, for an endpoint without one).
    fn set_idempotency_key(request: &mut Self::Request, key: String) {
        let _ = (request, key);
    }
    /// A copy of the request carrying `key` as its idempotency key.
    fn with_idempotency_key(request: &Self::Request, key: String) -> Self::Request {
        let mut r = request.clone();
        Self::set_idempotency_key(&mut r, key);
        r
    }
    /// The endpoint has request fields the client supplies ([`Endpoint::fill_client_fields`]
    /// fills them).
    #[doc(hidden)]
    const CLIENT_FIELDS: bool = false;
    /// Fills the fields the client supplies where the request does not set them.
    #[doc(hidden)]
    fn fill_client_fields(
        request: &mut Self::Request,
        fields: &crate::runtime::client_fields::ClientFields,
    ) {
        let _ = (request, fields);
    }
    /// The secret values in the request, to be scrubbed from anything kept for diagnostics.
    fn secrets(request: &Self::Request) -> Vec<&str>;
    /// The code's meaning on this endpoint.
    fn code(value: i64) -> Self::Code;
    /// Whether `code` is one of the endpoint's documented outcomes (an answer the call returns
    /// as its output, not as an error).
    fn is_outcome(code: i64) -> bool {
        let _ = code;
        false
    }
    /// Checks that a decoded output carries every field the spec says its outcome must carry
    /// (`requires:`): one that does not is undecodable.
    fn check_success(output: &Self::Output) -> Result<(), DecodeError> {
        let _ = output;
        Ok(())
    }
    /// The code, message and output straight from the answer's text in one pass (generated
    /// per wire format), or why it did not decode. An endpoint without outcomes has none: its
    /// answers are read for their code alone, as errors.
    #[doc(hidden)]
    fn decode_one_pass(
        answer: &crate::runtime::one_pass::Received<'_>,
    ) -> crate::runtime::one_pass::Decoded<Option<Self::Output>> {
        let _ = answer;
        Err(crate::runtime::fields::unsupported())
    }
}
