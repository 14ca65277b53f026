#![no_main]
//! Fuzz target `spec_loader`: see hyp-api-tests' `fuzzing` module for what an input is.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let target = hyp_api_tests::fuzzing::target("spec_loader").expect("a fuzz target");
    (target.run)(data);
});
