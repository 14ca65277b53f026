//! Test support shared by the integration tests and the main-job example: the vendor examples
//! from `spec/`, the decoders' recorded expected values, and a scripted HTTP server on loopback
//! that answers with them.

pub mod every;
pub mod expected;
pub mod fuzzing;
pub mod logs;
pub mod mock;
pub mod outcome;
pub mod requests;
pub mod scan;
pub mod vendor;
