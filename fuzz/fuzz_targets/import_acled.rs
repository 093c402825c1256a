//! Arbitrary bytes as an ACLED export (`roundtable import acled`), with and without `--tz`: never
//! a panic, every problem placed in the input, every import loading cleanly (see
//! `roundtable_fuzz::import_acled`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = roundtable_fuzz::import_acled(data) {
        panic!("{e}");
    }
});
