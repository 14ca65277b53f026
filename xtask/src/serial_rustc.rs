//! The `RUSTC_WRAPPER` that `compile-times` puts in front of `rustc`, so that reqwest and
//! hyp-api each compile alone.
//!
//! Cargo pipelines a crate's build: hyp-api starts as soon as rustc has written reqwest's
//! metadata (it says so on stderr, `{"$message_type":"artifact","emit":"metadata",…}`), so
//! without this hyp-api's front end and code generation run beside reqwest's code generation,
//! each unit's seconds include the other's load, and on 2 cores both are inflated (hyp-api with
//! only Hyp Pay: 4.4 s alone, 6.4 s pipelined beside reqwest). The wrapper holds back that one
//! line for reqwest, so Cargo starts hyp-api when reqwest's rustc has exited; every other crate
//! goes through untouched.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, ExitCode, Stdio};

/// Set (to anything) in the environment of the build that uses this binary as its wrapper.
pub const ENV: &str = "HYP_XTASK_SERIAL_RUSTC";

/// The crate whose metadata notice is held back: hyp-api's one dependency that is rebuilt
/// beside it in each timed build.
const HELD_BACK: &str = "reqwest";

/// Runs `rustc` (the first argument, as Cargo calls a wrapper) with the other arguments, and
/// exits as it does.
pub fn run() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(rustc) = args.next() else {
        eprintln!("error: {ENV} is set but no rustc was given (this binary is a RUSTC_WRAPPER)");
        return ExitCode::FAILURE;
    };
    let args: Vec<OsString> = args.collect();
    let held_back = args
        .windows(2)
        .any(|w| w[0] == "--crate-name" && w[1] == HELD_BACK);
    let mut cmd = Command::new(rustc);
    cmd.args(&args);
    if held_back {
        cmd.stderr(Stdio::piped());
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: starting rustc: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(stderr) = child.stderr.take() {
        let mut out = std::io::stderr().lock();
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if !is_metadata_notice(&line) {
                // Cargo reads rustc's messages from this stream; a failed write is Cargo gone.
                let _ = writeln!(out, "{line}");
            }
        }
    }
    match child.wait() {
        Ok(status) => ExitCode::from(status.code().map_or(1, |c| c as u8)),
        Err(e) => {
            eprintln!("error: waiting for rustc: {e}");
            ExitCode::FAILURE
        }
    }
}

/// rustc's JSON notice that a crate's metadata is written (the signal Cargo pipelines on).
fn is_metadata_notice(line: &str) -> bool {
    line.starts_with('{')
        && line.contains(r#""$message_type":"artifact""#)
        && line.contains(r#""emit":"metadata""#)
}

#[cfg(test)]
mod tests {
    use super::is_metadata_notice;

    #[test]
    fn only_the_metadata_notice_is_held_back() {
        let meta =
            r#"{"$message_type":"artifact","artifact":"/t/libreqwest-1.rmeta","emit":"metadata"}"#;
        let link =
            r#"{"$message_type":"artifact","artifact":"/t/libreqwest-1.rlib","emit":"link"}"#;
        let diag = r#"{"$message_type":"diagnostic","message":"\"emit\":\"metadata\""}"#;
        assert!(is_metadata_notice(meta));
        assert!(!is_metadata_notice(link));
        assert!(!is_metadata_notice(diag));
        assert!(!is_metadata_notice("warning: plain text"));
    }
}
