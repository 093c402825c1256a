//! Every fuzz seed and every finding, replayed on stable Rust through the fuzz targets' own code
//! (`tests/support/cases.rs`): the test fixtures, the bundled timeline and `fuzz/seeds/*` (the
//! committed seeds, among them each input that once found a bug) always; the local corpus and
//! crash files under `fuzz/corpus/*` and `fuzz/artifacts/*` when a fuzzing run left them here
//! (set `ROUNDTABLE_REPLAY_CORPUS=1` to include the corpus, which can hold thousands of files).

#[allow(dead_code)]
mod support;

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The regular files under `dir`, recursively, in a stable order; none when it is missing.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else if p.is_file() {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The inputs for `target`, from each place it keeps them.
fn inputs(target: &str, extra: &[&str]) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = extra.iter().map(|d| root().join(d)).collect();
    dirs.push(root().join("fuzz/seeds").join(target));
    dirs.push(root().join("fuzz/artifacts").join(target));
    if std::env::var_os("ROUNDTABLE_REPLAY_CORPUS").is_some() {
        dirs.push(root().join("fuzz/corpus").join(target));
    }
    dirs.iter().flat_map(|d| files(d)).collect()
}

fn replay(target: &str, extra: &[&str], run: fn(&[u8]) -> Result<(), String>) -> usize {
    let inputs = inputs(target, extra);
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|path| {
            let bytes = fs::read(path).expect("a readable input");
            let result =
                std::panic::catch_unwind(|| run(&bytes)).unwrap_or_else(|_| Err("panicked".into()));
            result.err().map(|e| {
                let e: String = e.chars().take(2000).collect();
                format!("{}: {e}", path.display())
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
    inputs.len()
}

#[test]
fn every_load_seed_and_finding_loads_or_is_rejected_cleanly() {
    let n = replay("load", &["tests/fixtures", "data"], support::cases::load);
    assert!(n >= 50, "only {n} inputs: the fixtures were not found");
}

#[test]
fn every_render_seed_and_finding_draws_inert_aligned_screens() {
    let n = replay("render", &[], support::cases::render);
    assert!(n >= 1, "no render seeds in fuzz/seeds/render");
}
