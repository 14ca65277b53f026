#![no_main]
//! Fuzz target `answer_hyper_erp`: see hyp-api-tests' `fuzzing` module for what an input is.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let target = hyp_api_tests::fuzzing::target("answer_hyper_erp").expect("a fuzz target");
    (target.run)(data);
});
