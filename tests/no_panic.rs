//! No input makes the loader panic or lose its place: every prefix of the bundled file, every
//! file with one byte missing, and nesting far deeper than any stack.

use std::panic;
use std::thread;

use roundtable::model::{self, BUNDLED, Diagnostic};

/// Loads `text` and checks what comes back: a rejection holds at least one error, and every
/// diagnostic points into the text (or has no place), so it can be rendered as LINE:COL.
fn check(what: &str, text: &str) -> Result<(), String> {
    let loaded = panic::catch_unwind(|| match model::load_str(text) {
        Ok(loaded) => (true, loaded.warnings),
        Err(diags) => (false, diags),
    })
    .map_err(|_| format!("{what}: the loader panicked"))?;
    let (ok, diags) = loaded;
    let placed_error = |d: &Diagnostic| d.is_error() && d.at.is_some_and(|at| at <= text.len());
    if !ok && !diags.iter().any(placed_error) {
        return Err(format!(
            "{what}: rejected without an error at a place in the text"
        ));
    }
    if let Some(d) = diags
        .iter()
        .find(|d| d.at.is_some_and(|at| at > text.len()))
    {
        return Err(format!(
            "{what}: `{}` is at byte {:?} of {}",
            d.message,
            d.at,
            text.len()
        ));
    }
    Ok(())
}

/// Runs `check` on every input and fails with all the inputs that went wrong.
fn check_all(inputs: impl Iterator<Item = (String, String)>) {
    let mut count = 0;
    let failures: Vec<String> = inputs
        .inspect(|_| count += 1)
        .filter_map(|(what, text)| check(&what, &text).err())
        .collect();
    assert!(count > 0, "nothing was checked");
    assert!(
        failures.is_empty(),
        "{} of {count} inputs failed, the first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn every_prefix_of_the_bundled_file() {
    let prefixes = (0..=BUNDLED.len())
        .filter(|&end| BUNDLED.is_char_boundary(end))
        .map(|end| (format!("the first {end} bytes"), BUNDLED[..end].to_string()));
    check_all(prefixes);
}

#[test]
fn the_bundled_file_with_one_byte_deleted() {
    let step = (BUNDLED.len() / 2000).max(1);
    let mutants = (0..BUNDLED.len()).step_by(step).filter_map(|at| {
        let mut bytes = BUNDLED.as_bytes().to_vec();
        bytes.remove(at);
        // Deleting part of a multi-byte character leaves no text; the reader never sees it.
        let text = String::from_utf8(bytes).ok()?;
        Some((format!("without byte {at}"), text))
    });
    check_all(mutants);
}

/// Each input in a thread with a small stack: a reader that recursed once per nesting level
/// would overflow it long before 100,000 levels.
fn check_deep(inputs: Vec<(&'static str, String)>) {
    let worker = thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            inputs
                .iter()
                .map(|(what, text)| {
                    let diags = model::load_str(text).err().unwrap_or_default();
                    (*what, diags.into_iter().map(|d| d.message).collect())
                })
                .collect::<Vec<(&str, Vec<String>)>>()
        })
        .expect("a thread");
    let results = worker
        .join()
        .expect("the loader did not overflow the stack");
    for (what, messages) in results {
        assert!(!messages.is_empty(), "{what}: loaded");
    }
}

const DEPTH: usize = 100_000;

fn timeline_with(field: &str) -> String {
    format!("Timeline(title: \"t\", sources: [], participants: [], events: [], {field})")
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let closed = format!("{}{}", "[(".repeat(DEPTH), ")]".repeat(DEPTH));
    let unclosed = "[(".repeat(DEPTH);
    let mismatched = format!("{}{}", "[(".repeat(DEPTH), "]".repeat(DEPTH));
    let inputs = vec![
        (
            "closed, in an unknown field",
            timeline_with(&format!("extra: {closed}")),
        ),
        (
            "unclosed, in an unknown field",
            timeline_with(&format!("extra: {unclosed}")),
        ),
        (
            "mismatched, in an unknown field",
            timeline_with(&format!("extra: {mismatched}")),
        ),
        (
            "in a known list field",
            timeline_with(&format!("rounds: {closed}")),
        ),
        (
            "in a string field",
            timeline_with(&format!("summary: {closed}")),
        ),
        (
            "inside Some(…)",
            timeline_with(&format!("summary: Some({closed})")),
        ),
        (
            "Some(Some(…)) nested",
            timeline_with(&format!(
                "summary: {}\"x\"{}",
                "Some(".repeat(DEPTH),
                ")".repeat(DEPTH)
            )),
        ),
        (
            "nested block comments",
            format!("{}{}", "/*".repeat(DEPTH), "*/".repeat(DEPTH)),
        ),
    ];
    check_deep(inputs);
}

#[test]
fn deep_nesting_is_reported_where_it_goes_wrong() {
    let closed = format!("{}{}", "[(".repeat(DEPTH), ")]".repeat(DEPTH));
    let text = timeline_with(&format!("extra: {closed}"));
    let diags = model::load_str(&text).expect_err("an unknown field");
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown field `extra` in `Timeline`; expected one of `title`, `summary`, `sources`, `participants`, `rounds`, `events`"
        ]
    );
    // The file ends inside all of them: the innermost is named, where it opens.
    let unclosed = format!("Timeline(title: \"t\", extra: {}", "[(".repeat(DEPTH));
    let diags = model::load_str(&unclosed).expect_err("unclosed");
    let last_open = unclosed.rfind('(').expect("an opening parenthesis");
    assert_eq!(diags.last().map(|d| d.at), Some(Some(last_open)));
    assert_eq!(
        diags.last().map(|d| d.message.as_str()),
        Some("this `(` is never closed with `)`")
    );
}
