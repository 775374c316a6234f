#!/usr/bin/env bash
# The command line around collection: the verdicts of the small tenant,
# --subscriptions (Resource Graph batches and per-subscription reads both
# limited), --checks, --deadline, usage errors and their exit codes, the
# evidence and checks listings, and tenant text escaped on the terminal.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
S1=1a000000-0000-4000-8000-000000000001
id=$(new_assessment options)

rc=0
"$azmat" collect "$id" >"$tmp/out.txt" 2>"$tmp/err.txt" || rc=$?
[ "$rc" -eq 8 ] && ok "a run with an unlicensed check exits 8" || fail "exit $rc"
grep -q "run 1 partial: 13 checks" "$tmp/out.txt" && ok "summary line" || fail "summary: $(tail -1 "$tmp/out.txt")"
expect_verdicts "$id" "$small/expected.json"

# Tenant text reaches the terminal escaped: a user named with a bidi override.
"$azmat" evidence "$id" >"$tmp/evidence.txt"
if grep -q $'\u202e' "$tmp/evidence.txt"; then fail "a raw bidi override reached the terminal"; else ok "no raw control characters"; fi
grep -qF 'Gil \u202eGuest' "$tmp/evidence.txt" && ok "the override is shown escaped" || fail "escaped name missing"
"$azmat" evidence "$id" --json >"$tmp/evidence.json"
python3 - "$tmp/evidence.json" <<'PY' && ok "evidence JSON has the documented fields" || fail "evidence JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["results"]:
    for k in ("check", "items", "status", "cause", "healthy", "total", "summary", "offending"):
        assert k in r, k
    for o in r["offending"]:
        assert set(o) >= {"id", "name", "detail"}
assert len(d["results"]) == 13
PY

"$azmat" checks --json >"$tmp/checks.json"
python3 - "$tmp/checks.json" <<'PY' && ok "checks lists API, permission and licence" || fail "checks JSON"
import json, sys
d = json.load(open(sys.argv[1]))
c = {x["id"]: x for x in d["checks"]}
assert len(c) == 13
assert c["t-pim"]["licence"] == "Entra ID P2" and c["t-pim"]["api"] == "graph"
assert c["t-kv-purge"]["licence"] is None and c["t-kv-purge"]["api"] == "resourcegraph"
assert c["t-defender-servers"]["permission"] == "Security Reader"
PY
"$azmat" checks >"$tmp/checks.txt"
grep -q "13 checks" "$tmp/checks.txt" && ok "checks text" || fail "checks text"

# One subscription only: Resource Graph and per-subscription reads both narrow.
"$azmat" collect "$id" --subscriptions "$S1" --checks t-kv-purge,t-defender-servers,t-aks-diag --json >"$tmp/one.json"
python3 - "$tmp/one.json" <<'PY' && ok "--subscriptions limits every kind of read" || fail "--subscriptions: $(cat "$tmp/one.json")"
import json, sys
d = json.load(open(sys.argv[1]))
r = {x["check"]: x for x in d["results"]}
assert d["subscriptions"] == 1 and d["checks"] == 3
assert (r["t-kv-purge"]["healthy"], r["t-kv-purge"]["total"]) == (1, 2), r["t-kv-purge"]
assert r["t-defender-servers"]["status"] == "pass", r["t-defender-servers"]
assert r["t-aks-diag"]["status"] == "pass"
PY

# A deadline shorter than the run: unfinished checks time out, the rest are kept.
mock_ctl config '{"latency_ms": 400}'
rc=0
"$azmat" collect "$id" --deadline 1 --concurrency 2 --json >"$tmp/deadline.json" || rc=$?
mock_ctl config '{"latency_ms": 0}'
python3 - "$tmp/deadline.json" <<'PY' && ok "--deadline: unfinished checks are timeouts" || fail "--deadline: $(cat "$tmp/deadline.json")"
import json, sys
d = json.load(open(sys.argv[1]))
causes = [x["cause"] for x in d["results"]]
assert d["status"] == "partial" and d["checks"] == 13
assert causes.count("timeout") >= 3, causes
PY

# Usage errors and missing things.
expect_exit() {
	local want=$1 what=$2
	shift 2
	local got=0
	"$@" >/dev/null 2>"$tmp/err" || got=$?
	[ "$got" -eq "$want" ] && ok "$what: exit $want" || fail "$what: exit $got, expected $want: $(cat "$tmp/err")"
}
expect_exit 5 "no such assessment" "$azmat" collect 99
expect_exit 2 "bad concurrency" "$azmat" collect "$id" --concurrency 0
expect_exit 2 "bad subscription id" "$azmat" collect "$id" --subscriptions not-a-guid
expect_exit 5 "unknown check" "$azmat" collect "$id" --checks nope
expect_exit 2 "resume with a selection" "$azmat" collect "$id" --resume --checks t-pim
expect_exit 5 "nothing to resume" "$azmat" collect "$id" --resume
expect_exit 5 "no such run" "$azmat" evidence "$id" --run 999
expect_exit 2 "no secret on the command line" "$azmat" collect "$id" --client-secret x
"$azmat" collect --help >"$tmp/help.txt"
grep -q -- "--secret-file" "$tmp/help.txt" && ok "help lists the options" || fail "help"
finish
