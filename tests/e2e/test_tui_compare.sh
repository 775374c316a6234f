#!/usr/bin/env bash
# Done means: the compare screen lists the other assessments, and for the
# chosen one shows the level change, the items whose effective score
# changed with regressions first, evidence flips apart from answer changes,
# and plan slippage; Enter opens a changed item; the comparison exports
# as the same JSON `azmat diff` writes.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/scored.sh"

e2e_start 132 43 -- tui "$cur"
wait_for "Roadmap: 6/117 answered"
keys C
wait_for "Compare assessment $cur with:"
wait_for "^ +$prev  Contoso Q3 .* same tenant"
keys Enter
wait_for "comparing $prev \(before\) with $cur \(after\)"
wait_for "^── $prev Contoso Q3 → $cur Contoso Q4"
wait_for "^ Level 0 → 0, index "
wait_for "^ Regressions"
# 4a first: the largest loss weighted by its high risk
screen | grep -E "^ ▼ " | head -n 1 | grep -q "▼ 4a " || fail "4a is not the first regression"
wait_for "^ ▼ 2c "
wait_for "Evidence flips \(2\)"
wait_for "identity-ca-mfa-all-users \(gating\): pass 1/1 → fail 0/1"
wait_for "Answer changes \([0-9]+\)"
wait_for "Plan slippage \(1\)"
wait_for "1c overdue 26 days \(due 2026-10-31"
# Enter opens the item
keys Enter
wait_for "^── 4a Apply Microsoft Entra ID"
# the comparison goes out as JSON from the export dialog
keys X
wait_for "^ What +. Report ."
keys Right Right
wait_for "^ What +. Comparison ."
keys Down Right Right
wait_for "^ Format +. JSON ."
keys e C-u
text "$E2E_TMP/diff.json"
keys Enter w
wait_for "wrote diff\.json"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr

az diff "$prev" "$cur" --json > "$E2E_TMP/cli.json"
python3 - "$E2E_TMP/diff.json" "$E2E_TMP/cli.json" <<'PY' || fail "the exported comparison differs from azmat diff's"
import json, sys
tui, cli = (json.load(open(p)) for p in sys.argv[1:])
assert tui == cli, (tui, cli)
items = tui["items"]
assert items[0]["id"] == "4a" and items[0]["kind"] == "regressed", items[0]
PY
