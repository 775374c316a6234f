#!/usr/bin/env bash
# Done means: on an assessment with stored evidence, an item shows each
# check's status, summary and offending resources (masked by the privacy
# toggle); on an unanswered question one key takes the evidence's
# suggested answer, and another answer asks why and records the reason
# while the evidence stays; "not applicable" is refused where the evidence
# shows the scope; both answers are in `azmat show --json` and count in
# `azmat score --json`.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/scored.sh"

e2e_start 132 43 -- tui "$cur"
wait_for "Roadmap: 6/117 answered"
keys 1 j Enter
wait_for "^ 1b\.1 +\[not answered"
wait_for "PART  inventory-subscriptions-under-mg  3/4 healthy"
wait_for "3 of 4 subscriptions sit under the tree"
wait_for "^ .* sub-legacy-lab"
wait_for "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590"
wait_for "evidence suggests Fully \(a takes it\)"
# the privacy toggle masks the resource's name and id
keys p
wait_for "\[private\]"
screen | grep -q "sub-legacy-lab" && fail "the resource name shows with privacy on"
screen | grep -q "0b1f6471" && fail "the subscription id shows with privacy on"
keys p
wait_for "privacy off"

# n is refused: the evidence judged 4 subscriptions
keys n
wait_for "n/a refused: the evidence found 4 resources in scope"
# a takes the suggestion
keys a
wait_for "saved 1b\.1: Fully \(as the evidence suggests\)"
# 3 overrides it: the reason is asked for, and recorded
keys j 3
wait_for "The evidence suggests Fully\. Why Partial\?"
keys Enter
wait_for "say why the answer differs from the evidence"
text "two subscriptions move next sprint"
keys Enter
wait_for "saved 1b\.2: Partial \(overrides the evidence's Fully\)"
wait_for "evidence said Fully; why not: two"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr

az show "$cur" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
qs = {q["id"]: q for s in d["steps"] for i in s["items"] for q in i["questions"]}
a, b = qs["1b.1"], qs["1b.2"]
assert a["answer"] == "fully" and a["suggested"] == "fully" and a["override_reason"] == "", a
assert b["answer"] == "partial" and b["suggested"] == "fully", b
assert b["override_reason"] == "two subscriptions move next sprint", b
assert qs["1b.3"]["answer"] is None and qs["1b.3"]["suggested"] is None, qs["1b.3"]
' || fail "show --json does not have the taken and the overridden answer"

az score "$cur" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
it = {i["id"]: i for i in d["items"]}["1b"]
# A = (1 + 0.33 + 0 + 0) / 4; E = (0.75 + 1) / 2, band Fully; effective = min
assert abs(it["attested"] - 0.333) < 0.002, it
assert abs(it["evidence"] - 0.875) < 0.002, it
assert abs(it["effective"] - 0.333) < 0.002, it
assert it["confidence"] == "high", it
' || fail "score --json does not count the two answers against the evidence"
