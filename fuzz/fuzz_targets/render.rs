//! An arbitrary valid timeline in the browser, driven by arbitrary keys, clicks and resizes,
//! every frame checked (see `roundtable_fuzz::render`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = roundtable_fuzz::render(data) {
        panic!("{e}");
    }
});
