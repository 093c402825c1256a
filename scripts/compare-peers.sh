#!/usr/bin/env bash
# Compares roundtable with two terminal viewers of large files, jless (JSON) and lnav (logs /
# text), on the same synthetic timeline: time to first screen in a pseudo-terminal, and peak
# memory. Part of issue #4 (performance).
#
#   scripts/compare-peers.sh                                # 100k and 1M events, 3 runs each
#   scripts/compare-peers.sh --events 10000 --runs 1        # a quick try, about a minute
#   scripts/compare-peers.sh --write docs/performance-peers.md
#
# Run it from anywhere in the repo; `--help` lists every option. What it does:
#  1. installs what is missing: jless (`cargo install jless --locked`, with the xcb libraries
#     its clipboard links against), lnav and /usr/bin/time (Debian packages `lnav`, `time`);
#     a tool that cannot be installed is left out of the table, with a note why;
#  2. builds roundtable and the generator (`--release`) and measures a copy of each binary,
#     so that another build into target/ during the run changes nothing;
#  3. generates, per event count, the timeline as RON (roundtable), the same content as JSON
#     (jless) and its events as JSON Lines, one compact event object per line (lnav), in the
#     scratch dir (default target/compare-peers; reused while the generator is unchanged);
#  4. measures `roundtable check FILE` under /usr/bin/time -v (load and validation alone, no
#     terminal), then each tool's time to first screen and peak RSS with
#     scripts/first_screen.py, one tool and one run at a time, on a warm page cache;
#  5. prints the machine, the tool versions and Markdown tables; `--write FILE` also writes
#     them, with the method and the command, to FILE.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

events_list="100000,1000000"
runs=3
scratch="$repo/target/compare-peers"
write=""
tools="roundtable,jless,lnav"
seed=1
cols=120
rows=40
timeout=600
mem_cap_mb=""
install=1
clean=0
rev=""
command_line="scripts/compare-peers.sh${*:+ $*}"

usage() {
    cat <<EOF
Usage: scripts/compare-peers.sh [options]

  --events LIST     event counts, comma-separated (default $events_list; 100k and 1M work)
  --runs N          runs per tool and file; the table shows the median (default $runs)
  --tools LIST      among roundtable,jless,lnav (default $tools)
  --write FILE      also write the report (method, command, machine, tables) to FILE
  --scratch DIR     where the generated files go (default target/compare-peers)
  --seed S          generator seed (default $seed)
  --size COLSxROWS  pseudo-terminal size (default ${cols}x${rows})
  --timeout S       give up on a run whose first screen takes longer (default $timeout)
  --mem-cap-mb M    kill a run whose RSS goes over M MB (default: half the machine's RAM)
  --rev REV         measure roundtable as committed at REV (built from \`git archive REV\`
                    in the scratch dir), not the working tree with its uncommitted changes
  --no-install      do not install missing tools; leave them out
  --clean           delete the generated files at the end
  -h, --help        this help
EOF
}

die() { echo "compare-peers: $*" >&2; exit 2; }
note() { echo "compare-peers: $*" >&2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --events) events_list=${2:?}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --tools) tools=${2:?}; shift 2 ;;
        --write) write=${2:?}; shift 2 ;;
        --scratch) scratch=${2:?}; shift 2 ;;
        --seed) seed=${2:?}; shift 2 ;;
        --size) cols=${2%x*}; rows=${2#*x}; shift 2 ;;
        --timeout) timeout=${2:?}; shift 2 ;;
        --mem-cap-mb) mem_cap_mb=${2:?}; shift 2 ;;
        --rev) rev=${2:?}; shift 2 ;;
        --no-install) install=0; shift ;;
        --clean) clean=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"
[[ "$cols" =~ ^[0-9]+$ && "$rows" =~ ^[0-9]+$ ]] || die "--size must look like 120x40"
command -v python3 >/dev/null || die "python3 is needed (standard library only)"
mem_total_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
: "${mem_cap_mb:=$((mem_total_kb / 2048))}"

# 100k -> 100000, 1M -> 1000000, 100_000 -> 100000
normalize_count() {
    local n=${1//_/}
    n=${n,,}
    case "$n" in
        *k) n=$(( ${n%k} * 1000 )) ;;
        *m) n=$(( ${n%m} * 1000000 )) ;;
    esac
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "not an event count: $1"
    echo "$n"
}
counts=()
IFS=, read -r -a raw_counts <<<"$events_list"
for c in "${raw_counts[@]}"; do counts+=("$(normalize_count "$c")"); done

want_tool() { [[ ",$tools," == *",$1,"* ]]; }
for t in ${tools//,/ }; do
    case "$t" in roundtable|jless|lnav) ;; *) die "unknown tool: $t" ;; esac
done

notes=()   # remarks that go under the tables

# ---------------------------------------------------------------- 1. install what is missing
apt_updated=0
apt_install() {
    local runner=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { note "not root and no sudo: cannot install $*"; return 1; }
        runner=(sudo -n)
    fi
    if [ $apt_updated -eq 0 ]; then
        "${runner[@]}" apt-get update -qq >&2 || return 1
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq "$@" >&2
}

export PATH="$HOME/.cargo/bin:$PATH"
if [ ! -x /usr/bin/time ]; then
    [ $install -eq 1 ] && apt_install time || true
    [ -x /usr/bin/time ] || die "/usr/bin/time is needed (Debian package \`time\`)"
fi
if want_tool lnav && ! command -v lnav >/dev/null; then
    if [ $install -eq 0 ] || ! apt_install lnav || ! command -v lnav >/dev/null; then
        notes+=("lnav is not installed and could not be (\`apt-get install lnav\`): left out.")
        tools=${tools//lnav/}
    fi
fi
if want_tool jless && ! command -v jless >/dev/null; then
    ok=0
    if [ $install -eq 1 ]; then
        # jless links its clipboard support against libxcb; without these it fails to link.
        apt_install libxcb1-dev libxcb-render0-dev libxcb-shape0-dev libxcb-xfixes0-dev || true
        note "installing jless: cargo install jless --locked (about a minute)"
        if cargo install jless --locked >&2; then ok=1; else
            note "cargo install jless failed: going on without jless"
        fi
    fi
    if [ $ok -eq 0 ] || ! command -v jless >/dev/null; then
        notes+=("jless is not installed and could not be built (\`cargo install jless --locked\`): left out.")
        tools=${tools//jless/}
    fi
fi
tools=$(echo "$tools" | tr -s ',' | sed 's/^,//; s/,$//')
want_tool roundtable || [ -n "$tools" ] || die "no tool left to measure"

# ---------------------------------------------------------------- 2. build
mkdir -p "$scratch/bin"
if [ -n "$rev" ]; then
    sha=$(git rev-parse --verify --quiet "$rev^{commit}") || die "not a revision: $rev"
    commit=$(git rev-parse --short "$sha")
    src="$scratch/src"
    rm -rf "$src"
    mkdir -p "$src"
    git archive "$sha" | tar -x -C "$src"
    note "building roundtable and the generator as of $commit (release, in $src)"
    (cd "$src" && CARGO_TARGET_DIR="$scratch/target" cargo build --release --quiet \
        --bin roundtable --example gen >&2)
    built="$scratch/target/release"
else
    src="$repo"
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    if [ -n "$(git status --porcelain -- src examples Cargo.toml Cargo.lock 2>/dev/null)" ]; then
        commit="$commit + uncommitted changes"
    fi
    note "building roundtable and the generator (release)"
    cargo build --release --quiet --bin roundtable --example gen >&2
    built="$repo/target/release"
fi
cp "$built/roundtable" "$scratch/bin/roundtable"
cp "$built/examples/gen" "$scratch/bin/gen"
rt="$scratch/bin/roundtable"
gen="$scratch/bin/gen"

# ---------------------------------------------------------------- 3. generate
gen_stamp=$(cat "$src"/examples/gen.rs "$src"/examples/gen/*.rs | sha256sum | cut -c1-16)
# Makes $2 with command "$3..." unless it exists with the same stamp ($1).
make_file() {
    local stamp=$1 out=$2; shift 2
    if [ -f "$out" ] && [ "$(cat "$out.stamp" 2>/dev/null)" = "$stamp" ]; then return; fi
    note "writing $out"
    rm -f "$out" "$out.stamp"
    "$@" >"$out.part"
    mv "$out.part" "$out"
    echo "$stamp" >"$out.stamp"
}
for n in "${counts[@]}"; do
    base="$scratch/events-$n-seed-$seed"
    stamp="$gen_stamp $n $seed"
    if want_tool roundtable; then make_file "$stamp" "$base.ron" "$gen" --events "$n" --seed "$seed"; fi
    if want_tool jless || want_tool lnav; then
        make_file "$stamp" "$base.json" "$gen" --events "$n" --seed "$seed" --format json
    fi
    if want_tool lnav; then make_file "$stamp" "$base.jsonl" python3 "$here/json_to_jsonl.py" "$base.json"; fi
done

# ---------------------------------------------------------------- 4. measure
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results="$scratch/results.tsv"   # kind tool events format file bytes run ok seconds rss_kb error
: >"$results"

warm() { cat "$1" >/dev/null; }

# The text each tool shows on its first screen (see the report for why these):
# roundtable: the title of the first event in timeline order, as far as it fits in 40
# characters at a word boundary (the detail pane wraps titles at about 60 columns);
needle_roundtable() {
    local title
    title=$("$rt" list "$1" | head -n 1 | cut -f 6-)
    python3 -c '
import sys
words = sys.argv[1].split()
out = words[0]
for w in words[1:]:
    if len(out) + 1 + len(w) > 40:
        break
    out += " " + w
print(out)' "$title"
}
# jless: the timeline's own title, which it shows on lines 1 and 2 once it has parsed the file;
needle_jless() { head -n 5 "$1" | sed -n 's/^    "title": "\(.*\)",$/\1/p' | head -n 1; }
# lnav: the id of the last line, since lnav opens a file at its end, like `tail -f`.
needle_lnav() { tail -n 1 "$1" | sed -E 's/^\{"id":"([^"]*)".*/"id":"\1"/'; }

measure_check() {  # events file
    local n=$1 file=$2 bytes run tf secs kb status
    bytes=$(stat -c %s "$file")
    tf=$(mktemp)
    warm "$file"
    for run in $(seq 1 "$runs"); do
        status=0
        /usr/bin/time -v -o "$tf" "$rt" check "$file" >/dev/null 2>&1 || status=$?
        secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0;
            for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tf")
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
        if [ "$status" -eq 0 ]; then
            printf 'check\troundtable\t%s\tRON\t%s\t%s\t%s\ttrue\t%s\t%s\t\n' \
                "$n" "$(basename "$file")" "$bytes" "$run" "$secs" "$kb" >>"$results"
        else
            printf 'check\troundtable\t%s\tRON\t%s\t%s\t%s\tfalse\t\t%s\tcheck exited with %s\n' \
                "$n" "$(basename "$file")" "$bytes" "$run" "$kb" "$status" >>"$results"
        fi
        note "check $n events, run $run: ${secs}s, ${kb} KB (exit $status)"
    done
    rm -f "$tf"
}

measure_screen() {  # tool events format file needle cmd...
    local tool=$1 n=$2 format=$3 file=$4 needle=$5 bytes run out ok secs kb err
    shift 5
    bytes=$(stat -c %s "$file")
    warm "$file"
    for run in $(seq 1 "$runs"); do
        out=$(python3 "$here/first_screen.py" --expect "$needle" --cols "$cols" --rows "$rows" \
            --timeout "$timeout" --mem-cap-mb "$mem_cap_mb" -- "$@" 2>"$scratch/last-run.err") || true
        read -r ok secs kb err < <(python3 -c '
import json, sys
try:
    r = json.loads(sys.argv[1])
except ValueError:
    r = {"ok": False, "error": "first_screen.py failed"}
print("true" if r.get("ok") else "false", r.get("first_screen_s") or "-",
      r.get("max_rss_kb") or 0, (r.get("error") or "").replace("\t", " "))' "$out")
        [ "$secs" = "-" ] && secs=""
        printf 'screen\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$n" "$format" \
            "$(basename "$file")" "$bytes" "$run" "$ok" "$secs" "$kb" "$err" >>"$results"
        if [ "$ok" = true ]; then
            note "$tool $n events, run $run: first screen ${secs}s, peak RSS ${kb} KB"
        else
            note "$tool $n events, run $run: FAILED: $err"
            sed 's/^/    /' "$scratch/last-run.err" | tail -n 3 >&2
            break   # the next runs would fail the same way
        fi
    done
}

for n in "${counts[@]}"; do
    base="$scratch/events-$n-seed-$seed"
    if want_tool roundtable; then
        measure_check "$n" "$base.ron"
        measure_screen roundtable "$n" RON "$base.ron" "$(needle_roundtable "$base.ron")" \
            "$rt" "$base.ron"
    fi
    if want_tool jless; then
        measure_screen jless "$n" JSON "$base.json" "$(needle_jless "$base.json")" \
            jless "$base.json"
    fi
    if want_tool lnav; then
        measure_screen lnav "$n" "JSON Lines" "$base.jsonl" "$(needle_lnav "$base.jsonl")" \
            lnav "$base.jsonl"
    fi
done

# ---------------------------------------------------------------- 5. report
version() { "$@" 2>/dev/null | head -n 1 || echo "not installed"; }
machine=$(
    echo "- machine: $(nproc) cores, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '{printf "%.1f GiB", $2 / 1048576; exit}' /proc/meminfo) RAM; $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME, ")kernel $(uname -r)"
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average (1, 5, 15 min) $load_before before the runs, $(cut -d' ' -f1-3 /proc/loadavg) after: work of others on the machine slows runs, see the min–max"
    echo "- roundtable: $(version "$rt" --version) (commit $commit), built with $(rustc --version 2>/dev/null | cut -d' ' -f1-2)"
    if want_tool jless; then echo "- jless: $(version jless --version)"; fi
    if want_tool lnav; then echo "- lnav: $(version lnav -V)"; fi
    echo "- python3: $(python3 --version 2>&1 | cut -d' ' -f2); pseudo-terminal ${cols}×${rows}, TERM=xterm-256color"
)

tables=$(python3 - "$results" "$runs" <<'EOF'
import statistics, sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
runs = int(sys.argv[2])
MB = 1e6

def group(kind):
    out = {}
    for r in rows:
        if r[0] == kind:
            out.setdefault((r[1], int(r[2]), r[3], r[4], int(r[5])), []).append(r)
    return out

def summary(key, rs):
    tool, n, fmt, name, size = key
    good = [r for r in rs if r[7] == "true"]
    if not good:
        err = next((r[10] for r in rs if len(r) > 10 and r[10]), "failed")
        return None, err
    secs = [float(r[8]) for r in good]
    rss = statistics.median(int(r[9]) for r in good) * 1024 / MB
    t = f"{statistics.median(secs):.2f}"
    if len(secs) > 1:
        t += f" ({min(secs):.2f}–{max(secs):.2f})"
    ratio = rss / (size / MB)
    return (t, f"{rss:,.0f}", f"{ratio:.2f}×", len(good)), None

def count(n):
    return f"{n // 1000000}M" if n % 1000000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)

plural = "" if runs == 1 else "s"
print(f"Time to first screen in a pseudo-terminal, and peak memory (median of {runs} run{plural} "
      "each; MB = 10⁶ bytes):\n")
print("| tool | events | file | format | size MB | first screen s (median, min–max) | peak RSS MB | RSS / file size |")
print("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: |")
failures = []
for key, rs in sorted(group("screen").items(), key=lambda kv: (kv[0][1], ["roundtable", "jless", "lnav"].index(kv[0][0]))):
    tool, n, fmt, name, size = key
    s, err = summary(key, rs)
    if s is None:
        print(f"| {tool} | {count(n)} | {name} | {fmt} | {size / MB:,.0f} | failed¹ | – | – |")
        failures.append(f"{tool}, {count(n)} events: {err}")
    else:
        note = "" if s[3] == runs else f" ({s[3]} of {runs} runs)"
        print(f"| {tool} | {count(n)} | {name} | {fmt} | {size / MB:,.0f} | {s[0]}{note} | {s[1]} | {s[2]} |")
if failures:
    print()
    for f in failures:
        print(f"¹ {f}")
checks = group("check")
if checks:
    print(f"\n`roundtable check FILE` under `/usr/bin/time -v`: reading, parsing and validating the "
          "file with no terminal (median of the same runs):\n")
    print("| events | file | size MB | wall s (median, min–max) | max RSS MB | RSS / file size |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for key, rs in sorted(checks.items(), key=lambda kv: kv[0][1]):
        tool, n, fmt, name, size = key
        s, err = summary(key, rs)
        if s is None:
            print(f"| {count(n)} | {name} | {size / MB:,.0f} | failed: {err} | – | – |")
        else:
            print(f"| {count(n)} | {name} | {size / MB:,.0f} | {s[0]} | {s[1]} | {s[2]} |")
EOF
)

report() {
    echo "$machine"
    echo
    echo "$tables"
    if [ ${#notes[@]} -gt 0 ]; then
        echo
        for n in "${notes[@]}"; do echo "- $n"; done
    fi
}

echo
report

if [ -n "$write" ]; then
    mkdir -p "$(dirname "$write")"
    {
        cat <<EOF
# roundtable and its peers: time to first screen and memory

Generated by \`scripts/compare-peers.sh\` (issue #4): do not edit by hand, run it again.
This file was made by:

\`\`\`sh
$command_line
\`\`\`

## How it measures

The same synthetic timeline (\`cargo run --release --example gen -- --events N --seed $seed\`)
is given to each tool in the form it reads: RON to roundtable, the same content as JSON
(\`--format json\`) to jless, a JSON viewer, and its events as JSON Lines, one compact event
object per line (\`scripts/json_to_jsonl.py\`), to lnav, a log file viewer, which shows them
as plain text (no log format of its own matches them).

Time to first screen: \`scripts/first_screen.py\` starts the tool in a pseudo-terminal of
${cols}×${rows} (TERM=xterm-256color), reads everything it writes, drops escape sequences,
control characters and spaces (screen libraries draw gaps with cursor moves and cut text
with colour changes), and stops the clock when the tool has written a text that shows its
first screen is up:

| tool | text waited for | why |
| --- | --- | --- |
| roundtable | the title of the first event in timeline order (\`roundtable list FILE \| head -1\`), up to 40 characters at a word boundary | the detail pane shows it in full once the browser is up; a progress bar shown while loading does not contain it |
| jless | the timeline's title, \`$(needle_jless "$scratch/events-${counts[0]}-seed-$seed.json" 2>/dev/null || echo "Synthetic negotiations, …")\` | jless draws nothing until it has parsed the whole file, then shows the top of the document |
| lnav | \`"id":"…"\` of the file's last line | lnav opens a file at its end, like \`tail -f\`, once it has indexed it |

It then sends \`q\`, waits for the tool to exit and takes its peak resident set size from
\`wait4(2)\` (\`ru_maxrss\`): the peak from start to quit right after the first screen. A run
is killed after ${timeout} s without its first screen, or when its RSS goes over
${mem_cap_mb} MB. Runs go one at a time, tools one after another, each file read once
beforehand so that every tool starts on a warm page cache. The binaries are release builds.

What the tools do before their first screen differs, and so does what their memory holds:
roundtable parses, validates, sorts and indexes the whole timeline, and keeps it; jless
parses the whole JSON document into its own tree, and keeps it; lnav only finds the line
breaks and keeps their offsets, reading the lines again from the file as it shows them (its
RSS leaves out the page cache holding the file), and knows nothing of the events' structure.
lnav is a lower bound for opening a file this size, not the same work.

## Results

EOF
        report
    } >"$write"
    note "wrote $write"
fi

if [ -n "$rev" ]; then rm -rf "$scratch/src"; fi
if [ $clean -eq 1 ]; then
    rm -f "$scratch"/events-*
    note "deleted the generated files in $scratch"
else
    note "generated files kept in $scratch (--clean deletes them)"
fi
