#!/usr/bin/env bash
# Done means (issue 5): in a terminal, a new user runs `azmat demo`, opens an
# item in the TUI and sees its evidence; on an unanswered question one key
# takes the suggested answer (checked through `azmat show --json`). And on
# an empty database the TUI's first-run screen opens the demo directly.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
unset AZMAT_NOW

# azmat demo in the terminal: it says what it made and what to try
e2e_start 100 30 -- demo
wait_for "demo assessment 1: Demo: Northwind Traders \(fictional\) \(created\)"
wait_for "azmat tui 1 "
[ "$(wait_exit)" = 0 ] || fail "azmat demo failed"

# an item the evidence judges, with offending resources, that nobody answered yet
read -r step index item < <(az score 1 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
pos = {}
for i in d["items"]:
    s = int(i["id"][0])
    pos.setdefault(s, []).append(i["id"])
for i in d["items"]:
    if i["confidence"] == "medium" and i["evidence"] is not None and 0 < i["evidence"] < 0.85:
        s = int(i["id"][0])
        print(s, pos[s].index(i["id"]), i["id"])
        break
')
[ -n "$item" ] || fail "the demo has no item with evidence and no answer"
first_q="$item.1"
check=$(az evidence 1 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(next(r["check"] for r in d["results"] if sys.argv[1] in r["items"] and r["status"] in ("fail", "partial")))
' "$item")

e2e_start 132 43 -- tui 1
wait_for "Roadmap: [0-9]+/[0-9]+ answered"
keys "$step"
for _ in $(seq 1 "$index"); do keys j; done
keys Enter
wait_for "^ ${first_q//./\\.} +\[not answered"
wait_for "Evidence: [0-9]+ checks?"
wait_for "(FAIL|PART) +[a-z0-9-]+ +[0-9]+/[0-9]+ healthy"
wait_for "collected 2026-11-01"
[ -z "$check" ] || wait_for "$check"
wait_for "evidence suggests [A-Za-z ]+ \(a takes it\)"
keys a
wait_for "saved ${first_q//./\\.}: [A-Za-z ]+ \(as the evidence suggests\)"
# A takes the rest of the item's suggestions at once
open_left=$(az show 1 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
qs = [q for s in d["steps"] for i in s["items"] if i["id"] == sys.argv[1] for q in i["questions"]]
print(sum(1 for q in qs if q["answer"] is None))
' "$item")
if [ "$open_left" -gt 1 ]; then
  keys A
  wait_for "saved $open_left answers of $item"
elif [ "$open_left" = 1 ]; then
  keys A
  wait_for "saved $item\.[0-9]+: [A-Za-z ]+ \(as the evidence suggests\)"
fi
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr

az show 1 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
q = {q["id"]: q for s in d["steps"] for i in s["items"] for q in i["questions"]}[sys.argv[1]]
assert q["answer"] and q["answer"] == q["suggested"] and q["override_reason"] == "", q
' "$first_q" || fail "show --json does not have the accepted suggestion for $first_q"
az show 1 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
qs = [q for s in d["steps"] for i in s["items"] if i["id"] == sys.argv[1] for q in i["questions"]]
assert all(q["answer"] and q["answer"] == q["suggested"] for q in qs), qs
' "$item" || fail "A did not take every suggestion of $item"

# on an empty database the first-run screen offers the demo, and opens it
E2E_DB="$E2E_TMP/fresh.db"
e2e_start 100 30 -- tui
wait_for "Open the demo assessment"
keys j Enter
wait_for "Demo: Northwind Traders \(fictional\)"
wait_for "Roadmap: [0-9]+/[0-9]+ answered"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr
[ "$(az list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["assessments"]))')" = 1 ] ||
  fail "the first-run screen did not make exactly one demo assessment"
echo "ok: demo, evidence on $item, suggestion taken for $first_q, then all of $item, first-run screen"
