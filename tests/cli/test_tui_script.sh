#!/usr/bin/env bash
# The TUI's batch mode with the real binary and store: a script of action
# names drives it off-screen (--script, --size, --dump-screen,
# --max-frames), script errors name their line, and a write the store
# refuses (another process holds the database locked) shows a clear error
# and loses nothing: the note stays in the editor and is saved once the
# lock is gone.
set -euo pipefail
: "${AZMAT:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/azmat-script.XXXXXX")
locker=
cleanup() {
  [ -n "$locker" ] && kill "$locker" 2>/dev/null || true
  exec 3>&- 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
db="$tmp/a.db"
az() { "$AZMAT" --db "$db" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# A first run creates an assessment from the empty store, with keys only.
cat > "$tmp/create.txt" <<'S'
# the empty store offers to create one
dump first.screen
key Enter
type Batch run
key Tab
type Northwind
key Ctrl-S
open
open
answer-largely
down
answer-na
type no such workload
newline
dump item.screen
S
(cd "$tmp" && az tui --script create.txt --size 100x30 --dump-screen last.screen)
grep -q "No assessments yet" "$tmp/first.screen" || fail "first run does not offer to create"
grep -q "Create a new assessment" "$tmp/first.screen" || fail "no create row"
[ "$(wc -L < "$tmp/item.screen")" -le 100 ] && [ "$(wc -l < "$tmp/item.screen")" = 30 ] || fail "wrong screen size"
grep -q "1a.2 *\[Not applicable" "$tmp/item.screen" || fail "answer not on screen"
cmp -s "$tmp/item.screen" "$tmp/last.screen" || fail "--dump-screen is not the last screen"
az show 1 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["assessment"]["name"] == "Batch run" and d["assessment"]["organisation"] == "Northwind"
q = d["steps"][0]["items"][0]["questions"]
assert q[0]["answer"] == "largely" and q[1]["answer"] == "na" and q[1]["reason"] == "no such workload", q[:2]
' || fail "store does not hold what the script did"

# --max-frames stops after the first frame; it reopens where the script left.
az tui 1 --script /dev/null --max-frames 1 --dump-screen "$tmp/one.screen"
grep -q "Step 1 . 1a (2/4) . 1a.2" "$tmp/one.screen" || fail "position not restored: $(tail -2 "$tmp/one.screen")"

# A bad script line stops with its line number and exit 2.
printf 'down\nfly away\n' > "$tmp/bad.txt"
set +e
az tui 1 --script "$tmp/bad.txt" 2> "$tmp/err"
rc=$?
set -e
[ $rc = 2 ] && grep -q "bad.txt:2: unknown script action 'fly'" "$tmp/err" || fail "bad script: exit $rc, $(cat "$tmp/err")"

# A locked database: the script comes through a pipe, step by step.
mkfifo "$tmp/fifo"
AZMAT_BUSY_TIMEOUT_MS=200 "$AZMAT" --db "$db" tui 1 --script "$tmp/fifo" 2> "$tmp/locked.err" &
tui=$!
exec 3> "$tmp/fifo"
waitfile() { for _ in $(seq 500); do [ -s "$1" ] && return 0; sleep 0.02; done; fail "no $1"; }
echo "dump $tmp/l0.screen" >&3
waitfile "$tmp/l0.screen"
python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").write("locked")
time.sleep(60)' "$db" "$tmp/locked" &
locker=$!
waitfile "$tmp/locked"
printf '%s\n' top answer-fully edit-note "type kept while locked" submit "dump $tmp/l1.screen" >&3
waitfile "$tmp/l1.screen"
grep -q "not saved: .*locked" "$tmp/l1.screen" || fail "no clear error: $(tail -2 "$tmp/l1.screen")"
grep -q "Note for 1a.1" "$tmp/l1.screen" || fail "the editor closed on a failed save"
grep -q "kept while locked" "$tmp/l1.screen" || fail "the typed note is gone"
kill "$locker"
wait "$locker" 2>/dev/null || true
locker=
printf '%s\n' submit "dump $tmp/l2.screen" quit-now >&3
exec 3>&-
wait "$tui" || fail "azmat failed after the lock"
grep -q "saved 1a.1: Largely (with note)" "$tmp/l2.screen" || fail "not saved after the lock: $(tail -2 "$tmp/l2.screen")"
[ ! -s "$tmp/locked.err" ] || fail "stderr: $(cat "$tmp/locked.err")"
az show 1 --json | python3 -c '
import json, sys
q = json.load(sys.stdin)["steps"][0]["items"][0]["questions"][0]
assert q["answer"] == "largely" and q["note"] == "kept while locked", q
' || fail "the note typed during the lock was lost"
echo "ok: scripts drive the TUI; a locked database loses nothing"
