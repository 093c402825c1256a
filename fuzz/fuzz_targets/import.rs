//! Arbitrary bytes as an input to `roundtable import` (the first byte picks the format and the
//! zone): never a panic, every problem placed in the input, every import loading cleanly (see
//! `roundtable_fuzz::import`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = roundtable_fuzz::import(data) {
        panic!("{e}");
    }
});
