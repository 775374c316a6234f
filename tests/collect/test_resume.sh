#!/usr/bin/env bash
# An interrupted run is recorded as interrupted and `collect --resume`
# finishes it: after Ctrl-C (SIGINT), after SIGTERM, and after a crash
# (SIGKILL: the run is found "running" with its process gone). Results
# stored before the interruption are kept; the resumed run ends with every
# check as expected; no new run is created.
source "$(dirname "$0")/lib.sh"
mock_start "$small" --latency-ms 150

# start_and_stop ID SIGNAL: collect, stop it with SIGNAL after the first stored result.
start_and_stop() {
	local id=$1 sig=$2 pid n=0
	"$azmat" collect "$id" --concurrency 1 >"$tmp/bg.out" 2>&1 &
	pid=$!
	for _ in $(seq 1 200); do
		n=$(sqlite3 "$AZMAT_DB" "SELECT count(*) FROM check_result r JOIN evidence_run u ON u.id = r.run_id WHERE u.assessment_id = $id" 2>/dev/null || echo 0)
		[ "$n" -ge 1 ] && break
		sleep 0.05
	done
	kill "-$sig" "$pid"
	wait "$pid" || true
	echo "$n"
}

run_status() {
	sqlite3 "$AZMAT_DB" "SELECT status FROM evidence_run WHERE assessment_id = $1 ORDER BY id DESC LIMIT 1"
}

for sig in INT TERM KILL; do
	id=$(new_assessment "resume-$sig")
	start_and_stop "$id" "$sig" >/dev/null
	stored=$(sqlite3 "$AZMAT_DB" "SELECT count(*) FROM check_result r JOIN evidence_run u ON u.id = r.run_id WHERE u.assessment_id = $id")
	status=$(run_status "$id")
	if [ "$sig" = KILL ]; then
		[ "$status" = running ] && ok "SIGKILL leaves the run running" || fail "after SIGKILL the run is $status"
	else
		[ "$status" = interrupted ] && ok "SIG$sig: run interrupted" || fail "after SIG$sig the run is $status"
	fi
	[ "$stored" -ge 1 ] && [ "$stored" -lt 13 ] && ok "SIG$sig: $stored results kept from before" || fail "SIG$sig: $stored results stored"
	rc=0
	"$azmat" collect "$id" --resume >"$tmp/resume.out" 2>&1 || rc=$?
	[ "$rc" -eq 8 ] && ok "SIG$sig: resumed run finished (partial: one check is unlicensed)" || fail "SIG$sig: resume exited $rc: $(cat "$tmp/resume.out")"
	[ "$(run_status "$id")" = partial ] && ok "SIG$sig: run finished" || fail "SIG$sig: run is $(run_status "$id")"
	[ "$(run_count "$id")" = 1 ] && ok "SIG$sig: still one run" || fail "SIG$sig: $(run_count "$id") runs"
	expect_verdicts "$id" "$small/expected.json"
	"$azmat" collect "$id" --resume >/dev/null 2>&1 && fail "a finished run was resumed" || ok "nothing left to resume"
done
finish
