#![no_main]
//! Fuzz target `answer_pay`: see hyp-api-tests' `fuzzing` module for what an input is.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let target = hyp_api_tests::fuzzing::target("answer_pay").expect("a fuzz target");
    (target.run)(data);
});
