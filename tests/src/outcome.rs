//! What a documented answer decodes to, by name: the outcome variant for a result, the code's
//! variant for a vendor error. Sweeps compare it with the spec example's `expect`.

use hyp_api::{Endpoint, Error, VendorCode};

/// Decodes `body` as endpoint `E`'s answer and names what it decoded to. Panics when the
/// answer does not decode, or when an error's code is not in the spec (`Unknown`).
pub fn decoded_as<E: Endpoint>(status: u16, body: &str) -> String
where
    E::Output: std::fmt::Debug,
{
    match hyp_api::wire::decode_answer::<E>(status, body, &[]) {
        // A multi-outcome enum prints `Variant(…)`; a single outcome prints the response.
        Ok(out) => format!("{out:?}")
            .split(['(', ' ', '{'])
            .next()
            .unwrap_or_default()
            .to_string(),
        Err(Error::Api(e)) => {
            assert_eq!(e.http_status, status, "{}", E::WIRE);
            let code = format!("{:?}", e.code);
            assert!(
                !code.starts_with("Unknown"),
                "{}: documented code {} is not in the spec",
                E::WIRE,
                e.code.value()
            );
            code
        }
        Err(other) => panic!("{}: answer did not decode: {other}", E::WIRE),
    }
}
