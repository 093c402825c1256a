#!/usr/bin/env bash
# Runs one fuzz target for a while on stable Rust (cargo-fuzz needs RUSTC_BOOTSTRAP=1 there),
# seeded with the test fixtures and fuzz/seeds/TARGET, and prints libFuzzer's final figures
# (libFuzzer takes directories only: each import target's seeds hold its format's fixtures).
#   fuzz/run.sh load 1500      # 25 minutes of the loader
#   fuzz/run.sh render 1500    # 25 minutes of the browser
#   fuzz/run.sh import_acled 600   # 10 minutes of the ACLED importer (also import_timelinejs,
#                                  # import_timelinejs_csv)
# The corpus grows in fuzz/corpus/TARGET (not committed); a crash lands in fuzz/artifacts/TARGET
# and is replayed by `cargo test --test fuzz_replay` until it is fixed and moved to seeds/.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh load|render|import_timelinejs|import_timelinejs_csv|import_acled SECONDS}
seconds=${2:-600}
export RUSTC_BOOTSTRAP=1
mkdir -p "corpus/$target"
case $target in
  load)
    seeds=(seeds/load ../tests/fixtures/valid ../tests/fixtures/invalid ../tests/fixtures/warn
           ../tests/fixtures/cli ../tests/fixtures/tui ../data)
    extra=(-dict=load.dict -max_len=65536) ;;
  render)
    seeds=(seeds/render)
    extra=(-max_len=16384) ;;
  import_timelinejs)
    seeds=(seeds/import_timelinejs)
    extra=(-max_len=16384) ;;
  import_timelinejs_csv)
    seeds=(seeds/import_timelinejs_csv)
    extra=(-max_len=16384) ;;
  import_acled)
    seeds=(seeds/import_acled)
    extra=(-max_len=16384) ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
# No sanitizer: the crate forbids unsafe code, and its absence makes each run several times
# faster. Debug assertions and overflow checks stay on (cargo-fuzz's default).
exec cargo fuzz run --sanitizer none "$target" "corpus/$target" "${seeds[@]}" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}"
