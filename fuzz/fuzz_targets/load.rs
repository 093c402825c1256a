//! Arbitrary bytes as a timeline file: decoded, loaded, validated, and every message and
//! headless output checked (see `roundtable_fuzz::load`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = roundtable_fuzz::load(data) {
        panic!("{e}");
    }
});
