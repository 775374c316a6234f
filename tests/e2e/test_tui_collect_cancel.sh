#!/usr/bin/env bash
# Cancelling from the TUI while the mock answers slowly: c stops the run
# cleanly, the results stored so far stay and the run is interrupted; r
# on the screen takes up the same run with only the checks it still
# needs; quitting in the middle of that leaves it interrupted too; and
# `azmat collect ID --resume` finishes it with every verdict right and
# still one run.
. "$(cd "$(dirname "$0")" && pwd)/collect.sh"
mock_start "$tenant"
id=$(new_assessment "Fabrikam cancel")

e2e_start 80 24 -- tui "$id"
wait_for "Roadmap"
keys E
wait_for "Collect evidence for assessment $id"
keys s
wait_for "Enter collects 119 checks"
# from now on every answer takes a while
mock_ctl config '{"latency_ms": 600}'
keys Enter
wait_for "Collecting evidence"
wait_for "^ (PASS|PART|FAIL|n/a) " 10
keys c
wait_for "Cancelling the collection|Run [0-9]+ interrupted" 5
wait_for "Run [0-9]+ interrupted" 10
wait_for "r resumes the run now"
[ "$(run_status "$id")" = interrupted ] && ok "c: the run is interrupted" || fail "after c the run is $(run_status "$id")"
n=$(stored "$id")
[ "$n" -ge 1 ] && [ "$n" -lt 119 ] && ok "c: $n results kept" || fail "c: $n results stored"

# r takes up the same run, for the checks it lacks
keys r
wait_for "resuming run [0-9]+: $((119 - n)) checks left" 10
wait_for "Enter collects $((119 - n)) checks" 10
keys Enter
wait_for "Collecting evidence"
# quitting in the middle stops the run cleanly too
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr
[ "$(run_status "$id")" = interrupted ] && ok "quit: the run is interrupted" || fail "after quitting the run is $(run_status "$id")"
[ "$(run_count "$id")" = 1 ] && ok "still one run" || fail "$(run_count "$id") runs"

mock_ctl config '{"latency_ms": 0}'
rc=0
"$azmat" collect "$id" --resume >"$E2E_TMP/resume.out" 2>&1 || rc=$?
[ "$rc" -eq 0 ] && ok "azmat collect --resume finished the run" || fail "resume exited $rc: $(cat "$E2E_TMP/resume.out")"
[ "$(run_status "$id")" = complete ] && ok "the run is complete" || fail "the run is $(run_status "$id")"
[ "$(run_count "$id")" = 1 ] && ok "still one run" || fail "$(run_count "$id") runs"
expect_verdicts "$id" "$tenant/expected.json"
finish
