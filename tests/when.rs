//! `when` in a loaded file: timeline order to the nanosecond (fractions, leap seconds, the
//! space and lower-case forms, ties in file order) and the report for values that are wrong.
//! FORMAT.md "When" and "Version 1.1 / When, as machines write it".

use std::fs;

use roundtable::model::{self, Loaded, Precision, diag::render};

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load<'t>(name: &str, text: &'t str) -> Loaded<'t> {
    let loaded = model::load_str(text).unwrap_or_else(|d| panic!("{}", render(name, text, &d)));
    assert_eq!(
        render(name, text, &loaded.warnings),
        "",
        "{name} has warnings"
    );
    loaded
}

#[test]
fn events_are_ordered_to_the_nanosecond_with_ties_in_file_order() {
    let path = "tests/fixtures/when/order.ron";
    let text = read(path);
    let loaded = load(path, &text);
    let order: Vec<&str> = loaded
        .timeline
        .events
        .iter()
        .map(|e| &*e.id.value)
        .collect();
    assert_eq!(
        order,
        [
            // December 2016 begins on its first day.
            "o-month",
            // The last second of 2016 UTC, its fractions, then the leap second after them.
            "i-23h59m59",
            "m-23h59m59.9",
            // 08:59:59.999+09:00 is 23:59:59.999 UTC.
            "n-tokyo",
            // 23:59:60Z and 15:59:60-08:00 are one instant: file order decides.
            "h-leap",
            "k-leap-los-angeles",
            "l-leap.5-space",
            // 2017 begins at the first minute of 2017; the year is listed later in the file.
            "j-new-year",
            "r-year",
            "g-day",
            "f-15h59m59.999999999",
            // 19:00+03:00, 16:00Z and 16:00:00.000Z are one instant: file order decides.
            "b-19h-moscow-space",
            "d-16h",
            "e-16h00m00.000",
            "p-16h00m00.000000001",
            // .250, .25 and .2500000009 (digits after the ninth dropped) are one instant.
            "a-16h00m00.250",
            "c-16h00m00.25-lower",
            "q-ten-digits",
            "s-16h00m00.250000001",
        ]
    );
}

#[test]
fn machine_forms_load_as_written_and_show_normalised() {
    let path = "tests/fixtures/when/order.ron";
    let text = read(path);
    let loaded = load(path, &text);
    let when = |id: &str| {
        &loaded
            .timeline
            .events
            .iter()
            .find(|e| e.id.value == id)
            .unwrap_or_else(|| panic!("no event `{id}`"))
            .when
    };
    let c = when("c-16h00m00.25-lower");
    assert_eq!(&*c.raw, "2025-07-23t16:00:00.25z");
    assert_eq!(c.precision, Precision::Second);
    assert_eq!(c.display(), "2025-07-23 16:00:00.25Z");
    assert_eq!(c.utc().as_deref(), Some("2025-07-23 16:00:00.25 UTC"));
    let k = when("k-leap-los-angeles");
    assert_eq!(k.display(), "2016-12-31 15:59:60-08:00");
    assert_eq!(k.utc().as_deref(), Some("2016-12-31 23:59:60 UTC"));
    let b = when("b-19h-moscow-space");
    assert_eq!(b.precision, Precision::Minute);
    assert_eq!(b.display(), "2025-07-23 19:00+03:00");
    assert_eq!(b.utc().as_deref(), Some("2025-07-23 16:00 UTC"));
}

#[test]
fn every_bad_when_is_reported_with_what_is_wrong() {
    let path = "tests/fixtures/when/invalid.ron";
    let text = read(path);
    let Err(diags) = model::load_str(&text) else {
        panic!("{path} loaded, but its whens are wrong");
    };
    let forms = "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fraction]] \
                 followed by Z or ±HH:MM";
    let expected = [
        "4:60: error: `2025-07-23T16:61Z` is not a valid when: minute 61 does not exist".into(),
        format!("7:32: error: `2025-07-23T16:00Zjunk` is not a valid when: {forms}"),
        "8:32: error: `2025-07-23T16:00+03:75` is not a valid when: minute 75 of an offset does \
         not exist"
            .into(),
        format!("9:32: error: `2025-07-23-99` is not a valid when: {forms}"),
        format!("10:32: error: `2025-07-23T16:00:00.Z` is not a valid when: {forms}"),
        format!("11:32: error: `2025-07-23  16:00Z` is not a valid when: {forms}"),
        "12:32: error: `2016-12-31T12:59:60Z` is not a valid when: second 60 is a leap second \
         and only exists at 23:59:60 UTC; this is 12:59:60 UTC"
            .into(),
        "13:32: error: `2025-7-3` is not a valid when: months and days take two digits: \
         `2025-07-03`"
            .into(),
        "14:32: error: `2021-01-05T10:00` has a time of day but no UTC offset: add `Z` or an \
         offset such as `+03:00`, or keep the day alone (`2021-01-05`) if the zone is unknown"
            .into(),
        "15:32: error: `2025-07-23T25:00Z` is not a valid when: hour 25 does not exist".into(),
    ]
    .map(|line: String| format!("{path}:{line}\n"))
    .concat();
    assert_eq!(render(path, &text, &diags), expected);
}
