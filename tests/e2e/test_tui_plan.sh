#!/usr/bin/env bash
# Done means: the score dashboard shows the level, the nine steps and the
# contradictions; on the plan screen the operator edits a task's owner,
# due date and status, which are stored at once, show in `azmat plan
# --format json`, and survive re-scoring (a changed answer).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/scored.sh"

e2e_start 80 24 -- tui "$cur"
wait_for "Roadmap: 6/117 answered"
keys S
wait_for "^ Level 0 of 9 \["
wait_for "^  9  Advanced Incident Response"
wait_for "^ MAJOR 4a "
wait_for "Sign-off blocked: 1 major contradiction without a note"
keys P
wait_for "^── Plan: [0-9]+ of [0-9]+ tasks \(1 act now"
wait_for "^ Act now 4a .* Identity team"
keys e
wait_for "Plan task 4a"
keys C-u
text "Dana Whitfield"
keys Enter C-u
text "2026-12-24"
keys Enter C-u
text "in-progress"
keys Enter
wait_for "saved the plan task of 4a"
wait_for "^ Act now 4a .*Dana Whitfiel 2026-12-24 in-progress"
# t moves the status on
keys t
wait_for "^ Act now 4a .* blocked"
# a bad date is refused in the form, and nothing changes
keys e Down
text "x"
keys C-s
wait_for "the due date is not a date"
keys Escape
wait_for "cancelled: nothing changed"
# sort and filter
keys s
wait_for "sorted by priority"
keys f
wait_for "lane: Act now"
wait_for "^── Plan: 1 of "
keys f f f f
wait_for "every lane"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr

check_plan() {
  az plan "$cur" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
r = {x["item"]: x for x in d["plan"]["rows"]}["4a"]
assert r["owner"] == "Dana Whitfield", r["owner"]
assert r["due"] == "2026-12-24", r["due"]
assert r["status"] == "blocked", r["status"]
assert sorted(r["overridden"]) == ["due", "owner", "status"], r["overridden"]
' || fail "plan --format json does not show the edits ($1)"
}
check_plan "after the TUI"
az answer "$cur" 4a.1 partial >/dev/null
check_plan "after an answer changed"
