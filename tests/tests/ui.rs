//! Compile tests of the generated API's surface: the intended use compiles (`ui/pass`), and
//! each misuse the types are meant to prevent is rejected with a readable error (`ui/fail`,
//! with the expected compiler output in the `.stderr` next to each case).
//!
//! After a deliberate change to the API or the toolchain, regenerate the expected output with
//! `TRYBUILD=overwrite cargo test -p hyp-api-tests --test ui` and read the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
