//! Arbitrary bytes as a TimelineJS sheet in CSV (`roundtable import timelinejs-csv`), with and without `--tz`: never
//! a panic, every problem placed in the input, every import loading cleanly (see
//! `roundtable_fuzz::import_timelinejs_csv`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = roundtable_fuzz::import_timelinejs_csv(data) {
        panic!("{e}");
    }
});
