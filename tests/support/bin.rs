//! Running the `roundtable` binary as a user runs it, from the project's folder, and reading
//! what it said; shared by the test files that drive commands (`#[path]`-included).

use std::process::{Command, Output, Stdio};

/// Runs `roundtable ARGS` in the project's folder with no input.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .args(args)
        .output()
        .unwrap()
}

/// Standard output, as UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Standard error, as UTF-8.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The exit status.
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}
