//! Arbitrary bytes as a TimelineJS JSON document (`roundtable import timelinejs`), with and without `--tz`: never
//! a panic, every problem placed in the input, every import loading cleanly (see
//! `roundtable_fuzz::import_timelinejs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = roundtable_fuzz::import_timelinejs(data) {
        panic!("{e}");
    }
});
