#!/usr/bin/env bash
# TUI benchmark: time to the first frame with a store of 20 assessments,
# and the time from a keystroke to its redrawn frame over a scripted walk
# (median and 99th percentile), at 80x24 and 132x43; then the same with an
# assessment holding 100,000 offending resources open, over the evidence
# panels and the score, plan and compare screens. Prints Markdown rows for
# docs/benchmarks.md.
#
# The frames are drawn by the real drawing code into an off-screen ncurses
# screen (--script), so terminal output time is not counted; the times come
# from the TUI's own --timing log (clock_gettime, monotonic).
set -euo pipefail
build=${1:-build/bench}
azmat="$build/azmat"
export AZMAT_CATALOG=${AZMAT_CATALOG:-$(cd "$(dirname "$0")/../.." && pwd)/roadmap}
export LC_ALL=C.UTF-8 TERM=${TERM:-xterm-256color}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/azmat-bench-tui.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db="$tmp/bench.db"
az() { "$azmat" --db "$db" "$@"; }

# 20 assessments, each with answers and notes on every question, brought in
# through a sheet (the fastest way in).
az new --name "seed" >/dev/null
az sheet export 1 -o "$tmp/blank.csv" 2>/dev/null
python3 - "$tmp/blank.csv" "$tmp/full.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
col = {n: i for i, n in enumerate(rows[0])}
cycle = ["not-started", "planned", "partial", "largely", "fully", "unknown"]
for k, r in enumerate(rows[1:]):
    r[col["answer"]] = cycle[k % len(cycle)]
    r[col["note"]] = "workshop note %d: owner team confirmed, evidence in the wiki" % k
csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline="")).writerows(rows)
PY
az sheet import 1 "$tmp/full.csv" >/dev/null
for i in $(seq 2 20); do
  az new --name "Tenant $i quarterly review" --org "Org $i" >/dev/null
  az sheet import "$i" "$tmp/full.csv" >/dev/null
done

stats() { # column of a timing file -> "median p99 max n"
  python3 - "$@" <<'PY'
import sys
vals = sorted(float(l.split()[int(sys.argv[2])]) for l in open(sys.argv[1]) if l.strip()
              and (len(sys.argv) < 4 or int(l.split()[0]) > 1))
n = len(vals)
pick = lambda q: vals[min(n - 1, int(q * n))]
print("%.2f %.2f %.2f %d" % (pick(0.5), pick(0.99), vals[-1], n))
PY
}

echo "| measure | size | median | p99 | max | samples |"
echo "|---|---|---|---|---|---|"
runs=30
for size in 80x24 132x43; do
  : > "$tmp/first.$size"
  : > "$tmp/wall.$size"
  for _ in $(seq $runs); do
    t0=$(date +%s%N)
    az tui --script /dev/null --size "$size" --max-frames 1 --timing "$tmp/first.$size"
    t1=$(date +%s%N)
    echo "0 $(( (t1 - t0) / 1000 )).0" | awk '{ printf "%d %.3f\n", $1, $2 / 1000 }' >> "$tmp/wall.$size"
  done
  read -r med p99 max n < <(stats "$tmp/first.$size" 1)
  echo "| first frame, in process (20 assessments) | $size | $med ms | $p99 ms | $max ms | $n |"
  read -r med p99 max n < <(stats "$tmp/wall.$size" 1)
  echo "| first frame, whole process (exec to exit) | $size | $med ms | $p99 ms | $max ms | $n |"
done

# The walk: open an assessment, then for every item of the roadmap move
# through its questions, scroll the guidance, page, search, help, and back.
python3 - "$tmp/walk.txt" "$tmp/answer.txt" <<'PY'
import sys
walk = ["open", "open", "open"]
for item in range(31):
    walk += ["down"] * 4 + ["next-pane", "page-down", "page-down", "down", "prev-pane", "top", "next"]
    if item % 5 == 0:
        walk += ["search", "type guest access", "down", "back", "help", "page-down", "back", "privacy"]
walk += ["back", "back", "step 5", "open", "back", "back"]
open(sys.argv[1], "w").write("\n".join(walk * 4) + "\n")
answer = ["open", "open", "open"]
for item in range(31):
    answer += ["answer-largely", "down", "answer-partial", "down", "answer-fully", "next"]
open(sys.argv[2], "w").write("\n".join(answer) + "\n")
PY
for size in 80x24 132x43; do
  : > "$tmp/walk.$size"
  az tui 2 --script "$tmp/walk.txt" --size "$size" --timing "$tmp/walk.$size"
  read -r med p99 max n < <(stats "$tmp/walk.$size" 2 skip-first)
  echo "| keystroke to frame, navigation | $size | $med ms | $p99 ms | $max ms | $n |"
  : > "$tmp/answer.$size"
  az tui 3 --script "$tmp/answer.txt" --size "$size" --timing "$tmp/answer.$size"
  grep -v '^1 ' "$tmp/answer.$size" > "$tmp/answer.$size.all"
  read -r med p99 max n < <(stats "$tmp/answer.$size.all" 2)
  echo "| keystroke to frame, answering (durable commit included) | $size | $med ms | $p99 ms | $max ms | $n |"
done

# An assessment with evidence: every check of the roadmap judged, 20 of
# them failing with 5,000 offending resources each (100,000 stored), the
# previous quarter to compare with. Time to the first frame with it open
# (the evidence with its first offenders, the score and the plan loaded),
# and keystroke to frame over the evidence panels, the dashboard, the plan,
# the compare screen and suggested answers taken.
fixture="$build/tests/azmat_fixture"
prev=$(az new --name "Evidence Q3" --tenant 00000000-0000-0000-0000-0000000000e1)
cur=$(az new --from "$prev" --name "Evidence Q4")
python3 - "$AZMAT_CATALOG" "$tmp/evidence.txt" <<'PY'
import glob, json, sys
checks = sorted({c["id"] for f in glob.glob(sys.argv[1] + "/checks/*.json")
                 for c in json.load(open(f))["checks"]})
with open(sys.argv[2], "w") as out:
    for k, c in enumerate(checks):
        if k < 20:
            out.write("result %s fail 0/5000 | 5000 resources fail\noffenders %s 5000\n" % (c, c))
        else:
            out.write("result %s partial %d/10 | partly\n" % (c, k % 11))
PY
"$fixture" "$db" "$cur" "$tmp/evidence.txt"
: > "$tmp/first.ev"
: > "$tmp/first.list"
for _ in $(seq $runs); do
  az tui --script /dev/null --size 132x43 --max-frames 1 --timing "$tmp/first.list"
  az tui "$cur" --script /dev/null --size 132x43 --max-frames 1 --timing "$tmp/first.ev"
done
read -r med p99 max n < <(stats "$tmp/first.list" 1)
echo "| first frame, list of assessments (the same store, now 20 MB) | 132x43 | $med ms | $p99 ms | $max ms | $n |"
read -r med p99 max n < <(stats "$tmp/first.ev" 1)
echo "| first frame, assessment open (100,000 offending resources stored) | 132x43 | $med ms | $p99 ms | $max ms | $n |"
python3 - "$tmp/later.txt" <<'PY'
import sys
walk = ["step 1", "open"]
for item in range(31):
    walk += ["next-pane", "next-pane", "page-down", "prev-pane", "prev-pane", "accept", "down", "next"]
    if item % 3 == 0:
        walk += ["score", "down", "back", "plan", "sort", "filter-lane", "down", "back", "compare"]
        walk += ["open"] if item == 0 else []
        walk += ["down", "back"]
open(sys.argv[1], "w").write("\n".join(walk) + "\n")
PY
for size in 80x24 132x43; do
  : > "$tmp/later.$size"
  az tui "$cur" --script "$tmp/later.txt" --size "$size" --timing "$tmp/later.$size"
  read -r med p99 max n < <(stats "$tmp/later.$size" 2 skip-first)
  echo "| keystroke to frame, evidence, score, plan, compare (answers taken included) | $size | $med ms | $p99 ms | $max ms | $n |"
done
