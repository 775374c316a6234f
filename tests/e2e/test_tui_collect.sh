#!/usr/bin/env bash
# Collecting from the TUI, at 80x24, against the HTTPS mock tenant (a small
# generated tenant with Entra ID P1 only): open the assessment, choose the
# client secret from the environment, see the pre-flight name the checks
# the missing P2 licence blocks, confirm, watch progress, and at the end
# see an item's evidence panel show the new results with a suggested
# answer. The stored verdicts match the tenant's expected.json, the run is
# partial (licences), and neither the database, the log nor the screens
# hold the client secret or any token.
GEN_OPTS="--licences p1"
. "$(cd "$(dirname "$0")" && pwd)/collect.sh"
mock_start "$tenant" --latency-ms 40
id=$(new_assessment "Fabrikam live")
screens="$E2E_TMP/screens.txt"
blocked=$(python3 -c 'import json,sys; print(sum(1 for c in json.load(open(sys.argv[1]))["checks"].values() if c["status"] == "not-assessable"))' "$tenant/expected.json")

e2e_start 80 24 -- --log "$E2E_TMP/azmat.log" tui "$id"
wait_for "Roadmap"
# no evidence yet: nothing suggested
keys 1 Enter
wait_for "^ 1a\.1 "
screen | grep -q "evidence suggests" && fail "a suggestion before any evidence"
keys E
wait_for "Collect evidence for assessment $id"
wait_for "Found in the environment: secret"
keys Right
wait_for "client secret from the environment"
wait_for "AZURE_CLIENT_SECRET was in azmat's environment"
keys s
wait_for "Pre-flight: what this identity can read"
wait_for "$blocked of 119 checks will not be assessable"
wait_for "Identity +service principal $AZURE_CLIENT_ID \(secret\)"
# the list of blocked checks is below the fold at 80x24
keys NPage
wait_for "^ +licence +identity-pim-entra-roles"
keep_screen "$screens"
keys Enter
wait_for "Collecting evidence"
wait_for "[0-9]+/119 checks"
wait_for "Requests +[0-9]+ done"
keep_screen "$screens"
wait_for "Run [0-9]+ partial" 30
wait_for "119 of 119 checks collected"
wait_for "evidence panels updated"
keep_screen "$screens"
# back on the item: its evidence, and the answer it suggests
keys h
wait_for "^ 1a\.1 "
wait_for "evidence suggests"
keys Tab Tab
wait_for "Evidence: [0-9]+ checks"
wait_for "PART +inventory-subscription-owner-tags +4/6 healthy"
keep_screen "$screens"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr
ok "collected from the TUI and saw the evidence"

[ "$(run_status "$id")" = partial ] && ok "the run is partial (licences)" || fail "run is $(run_status "$id")"
[ "$(run_count "$id")" = 1 ] && ok "one run" || fail "$(run_count "$id") runs"
expect_verdicts "$id" "$tenant/expected.json"
grep -q "(from the TUI)" "$E2E_TMP/azmat.log" && ok "the run is in the log" || fail "the log does not name the run"
mock_ctl clear
no_secrets "$E2E_DB"* "$E2E_TMP/azmat.log" "$screens" "$E2E_TMP/stderr"
finish
