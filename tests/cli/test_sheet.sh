#!/usr/bin/env bash
# azmat sheet export/import with the real binary and a real SQLite file:
# the sheet's shape, a spreadsheet-style edit, bad rows reported by line
# and skipped, the history's source, --dry-run, --strict, and refusals.
set -euo pipefail
: "${AZMAT:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/azmat-sheet.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db="$tmp/a.db"
az() { "$AZMAT" --db "$db" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

az new --name "Sheet test" --assessor "Prep Team" >/dev/null
az answer 1 1b.1 partial --note "before the sheet" >/dev/null
az sheet export 1 -o "$tmp/q.csv" 2>/dev/null
az sheet export 1 > "$tmp/stdout.csv"
cmp -s "$tmp/q.csv" "$tmp/stdout.csv" || fail "-o and standard output differ"
[ "$(head -c 3 "$tmp/q.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 byte order mark"
[ "$(stat -c %a "$tmp/q.csv")" = 600 ] || fail "the sheet is not private (0600)"

# A spreadsheet user fills it in (Python's csv module writes like one).
python3 - "$tmp/q.csv" "$tmp/edited.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
head = rows[0]
assert head == ["step", "item", "item_title", "question_id", "question", "how_to_judge",
                "guidance_summary", "answer", "reason", "owner", "expiry", "note"], head
assert len(rows) == 118, len(rows)
col = {name: i for i, name in enumerate(head)}
by_id = {r[col["question_id"]]: r for r in rows[1:]}
assert by_id["1b.1"][col["answer"]] == "partial" and by_id["1b.1"][col["note"]] == "before the sheet"
def setq(q, **kw):
    for k, v in kw.items():
        by_id[q][col[k]] = v
setq("1a.1", answer="Largely", note="two sandbox subs\nstill without owner")
setq("1a.2", answer="5")
setq("1a.3", answer="risk-accepted", reason="budget in Q2", owner="CISO", expiry="2027-06-30")
setq("1a.4", answer="na")                       # bad: needs a reason
setq("2a.1", answer="=HYPERLINK(\"http://evil\")")  # bad: not an answer
setq("2a.2", answer="Not applicable", reason="no subscriptions of that kind")
setq("1b.1", answer="", note="changed in the sheet")  # keep the answer, new note
rows.append(["1", "1a", "", "1a.9", "", "", "", "fully", "", "", "", ""])  # bad: no such question
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline=""))
w.writerows(rows)
PY

set +e
az sheet import 1 "$tmp/edited.csv" > "$tmp/out" 2> "$tmp/err"
rc=$?
set -e
[ $rc = 8 ] || fail "import with bad rows exited $rc, not 8"
grep -q "edited.csv:[0-9]*: 'na' needs a reason" "$tmp/err" || fail "the na row is not reported"
grep -q "is not an answer" "$tmp/err" || fail "the bad answer is not reported"
grep -q "no question '1a.9'" "$tmp/err" || fail "the unknown question is not reported"
[ "$(wc -l < "$tmp/err")" = 3 ] || fail "expected 3 bad rows: $(cat "$tmp/err")"
grep -q "5 applied" "$tmp/out" || fail "expected 5 rows applied: $(cat "$tmp/out")"
# the line numbers are the file's lines (1a.1's note spans two)
line=$(grep -n '^4,1a,' "$tmp/edited.csv" | head -1 | cut -d: -f1 || true)
python3 - "$tmp/edited.csv" "$tmp/err" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8-sig").read().split("\n")
want = [i + 1 for i, l in enumerate(text) if l.startswith(("1,1a,", "2,2a,")) and (",1a.4," in l or ",2a.1," in l)]
got = sorted(int(l.split(":")[1]) for l in open(sys.argv[2]) if "1a.9" not in l)
assert got == want, (got, want)
PY

az show 1 --json > "$tmp/show.json"
python3 - "$tmp/show.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
q = {q["id"]: q for s in d["steps"] for i in s["items"] for q in i["questions"]}
assert q["1a.1"]["answer"] == "largely" and q["1a.1"]["note"] == "two sandbox subs\nstill without owner", q["1a.1"]
assert q["1a.2"]["answer"] == "fully"
assert (q["1a.3"]["answer"], q["1a.3"]["owner"], q["1a.3"]["expiry"]) == ("risk-accepted", "CISO", "2027-06-30")
assert q["1a.4"]["answer"] is None, "a bad row changed 1a.4"
assert q["2a.1"]["answer"] is None, "a bad row changed 2a.1"
assert q["2a.2"]["answer"] == "na" and q["2a.2"]["reason"] == "no subscriptions of that kind"
assert q["1b.1"]["answer"] == "partial" and q["1b.1"]["note"] == "changed in the sheet"
PY
[ "$(sqlite3 "$db" "SELECT DISTINCT source || '/' || changed_by FROM answer_history WHERE question_id = '1a.2'")" = "sheet/Prep Team" ] ||
  fail "the history does not record the sheet and who"

# Importing the same file again changes nothing more.
set +e
az sheet import 1 "$tmp/edited.csv" > "$tmp/out2" 2>/dev/null
set -e
grep -q "0 applied" "$tmp/out2" || fail "a second import changed something: $(cat "$tmp/out2")"

# --dry-run and --strict write nothing.
before=$(sqlite3 "$db" "SELECT count(*) FROM answer_history")
python3 - "$tmp/edited.csv" "$tmp/more.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
for r in rows[1:]:
    if r[3] == "3a.1": r[7] = "fully"
csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline="")).writerows(rows)
PY
set +e
az sheet import 1 "$tmp/more.csv" --dry-run > "$tmp/dry" 2>/dev/null; rc1=$?
az sheet import 1 "$tmp/more.csv" --strict > /dev/null 2>&1; rc2=$?
set -e
[ $rc1 = 8 ] && grep -q "1 would change" "$tmp/dry" || fail "--dry-run: exit $rc1, $(cat "$tmp/dry")"
[ $rc2 = 3 ] || fail "--strict with bad rows exited $rc2, not 3"
[ "$(sqlite3 "$db" "SELECT count(*) FROM answer_history")" = "$before" ] || fail "--dry-run or --strict wrote"

# The JSON summary, for pipelines.
set +e
az sheet import 1 "$tmp/more.csv" --json > "$tmp/json" 2>/dev/null
set -e
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["applied"] == 1 and len(d["bad"]) == 3, d' "$tmp/json"

# Refusals: not a sheet, a missing file, a signed-off assessment.
printf 'a,b\n1,2\n' > "$tmp/other.csv"
set +e
az sheet import 1 "$tmp/other.csv" 2>"$tmp/e1"; rc1=$?
az sheet import 1 "$tmp/missing.csv" 2>/dev/null; rc2=$?
sqlite3 "$db" "UPDATE assessment SET signed_off_at = '2026-12-01T00:00:00Z', signed_off_by = 'x' WHERE id = 1"
az sheet import 1 "$tmp/more.csv" 2>/dev/null >/dev/null; rc3=$?
az sheet export 9 2>/dev/null; rc4=$?
set -e
[ $rc1 = 3 ] && grep -q "question_id" "$tmp/e1" || fail "a non-sheet: exit $rc1"
[ $rc2 != 0 ] || fail "a missing file was accepted"
[ $rc3 = 6 ] || fail "a signed-off assessment: exit $rc3, not 6"
[ $rc4 = 5 ] || fail "export of a missing assessment: exit $rc4, not 5"
echo "ok: sheet export, edit, import with bad rows by line"
