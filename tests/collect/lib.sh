# Shared by the collect tests: a private folder, test keys, the test
# catalog, the mock tenant over HTTPS on 127.0.0.1, and assertions.
# Source it, then call mock_start TENANT_DIR.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=${AZMAT_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
azmat=${AZMAT:-$src/build/azmat}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/azmat-collect.XXXXXX")
mock_pid=
failures=0

cleanup() {
	if [ -n "$mock_pid" ]; then
		kill "$mock_pid" 2>/dev/null || true
		wait "$mock_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}
ok() { echo "ok: $*"; }
finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures failure(s)" >&2
		exit 1
	fi
	echo "all passed"
}

# The catalog with the collect test checks (tests/data/collect/checks.json).
make_catalog() {
	cp -r "$src/roadmap" "$tmp/catalog"
	mkdir -p "$tmp/catalog/checks"
	cp "$src/tests/data/collect/checks.json" "$tmp/catalog/checks/collect-test.json"
	python3 - "$tmp/catalog/catalog.json" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p))
d["checks"] = ["checks/collect-test.json"]
json.dump(d, open(p, "w"), indent=2)
PY
}

"$src/tests/mock/make_certs.sh" "$tmp/certs"
make_catalog
export AZMAT_CATALOG="$tmp/catalog"
export AZMAT_DB="$tmp/azmat.db"
export AZMAT_RETRY_BASE_MS=20
export AZMAT_CA_BUNDLE="$tmp/certs/ca.pem"
export AZURE_CLIENT_ID=11111111-2222-4333-8444-555555555555
secret="s3cr3t-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
printf '%s\n' "$secret" >"$tmp/secret"
head -c 32 /dev/urandom | base64 | tr -d '/+=' >"$tmp/federated.jwt"
identity_header="ih-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
export AZURE_CLIENT_SECRET="$secret"
unset AZURE_CLIENT_CERTIFICATE_PATH AZURE_FEDERATED_TOKEN_FILE IDENTITY_ENDPOINT IDENTITY_HEADER

# mock_start TENANT_DIR [server options]: start the mock and point azmat at it.
mock_start() {
	local tenant=$1
	shift
	rm -f "$tmp/ports.json"
	python3 "$src/tests/mock/server.py" --tenant "$tenant" --cert "$tmp/certs/server.pem" \
		--key "$tmp/certs/server.key" --port-file "$tmp/ports.json" \
		--secret-file "$tmp/secret" --client-cert "$tmp/certs/client.crt" \
		--federated-token "$tmp/federated.jwt" --identity-header "$identity_header" \
		--catalog "$AZMAT_CATALOG" "$@" &
	mock_pid=$!
	for _ in $(seq 1 100); do
		[ -f "$tmp/ports.json" ] && break
		sleep 0.1
	done
	[ -f "$tmp/ports.json" ] || { echo "the mock did not start" >&2; exit 1; }
	main_port=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["main"])' "$tmp/ports.json")
	graph_port=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get("graph", d["main"]))' "$tmp/ports.json")
	foreign_port=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["foreign"])' "$tmp/ports.json")
	http_port=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["http"])' "$tmp/ports.json")
	export AZMAT_AUTHORITY="https://127.0.0.1:$main_port"
	export AZMAT_ARM_ENDPOINT="https://127.0.0.1:$main_port"
	export AZMAT_GRAPH_ENDPOINT="https://127.0.0.1:$graph_port"
	export AZMAT_IMDS_ENDPOINT="http://127.0.0.1:$http_port"
	export AZURE_TENANT_ID
	AZURE_TENANT_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tenantId"])' "$tenant/tenant.json")
}

mock_stop() {
	if [ -n "$mock_pid" ]; then
		kill "$mock_pid" 2>/dev/null || true
		wait "$mock_pid" 2>/dev/null || true
		mock_pid=
	fi
}

# mock_ctl WHAT [JSON]: the mock's control API.
mock_ctl() {
	curl -sS --fail --cacert "$tmp/certs/ca.pem" -X POST -H 'Content-Type: application/json' \
		--data "${2:-null}" "https://127.0.0.1:$main_port/_mock/$1" >/dev/null
}

mock_log() {
	curl -sS --fail --cacert "$tmp/certs/ca.pem" "https://127.0.0.1:$main_port/_mock/log"
}

# new_assessment NAME: prints the new id.
new_assessment() {
	"$azmat" new --name "$1" --tenant "$AZURE_TENANT_ID"
}

# evidence_json ID: the current evidence as JSON on stdout.
evidence_json() {
	"$azmat" evidence "$1" --json
}

# expect_check ID CHECK STATUS [CAUSE]
expect_check() {
	local got
	got=$(evidence_json "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for r in d["results"]:
    if r["check"] == sys.argv[1]:
        print(r["status"], r["cause"] or "-")
        break
else:
    print("missing -")' "$2")
	if [ "$got" = "$3 ${4:--}" ]; then
		ok "$2 is $3 ${4:-}"
	else
		fail "$2: expected '$3 ${4:--}', got '$got'"
	fi
}

# expect_verdicts ID EXPECTED_JSON [CHECK...]: statuses, causes, counts and
# offenders match the tenant's expected.json (all checks, or those named).
expect_verdicts() {
	local id=$1 expected=$2
	shift 2
	evidence_json "$id" >"$tmp/evidence.json"
	if python3 - "$tmp/evidence.json" "$expected" "$@" <<'PY'; then
import json, sys
ev = {r["check"]: r for r in json.load(open(sys.argv[1]))["results"]}
exp = json.load(open(sys.argv[2]))["checks"]
names = sys.argv[3:] or sorted(exp)
bad = 0
for name in names:
    want, got = exp[name], ev.get(name)
    if got is None:
        print("  %s: no result" % name); bad += 1; continue
    for key in ("status", "cause", "healthy", "total"):
        if key in want and want[key] != got[key]:
            print("  %s: %s is %r, expected %r (%s)" % (name, key, got[key], want[key], got["summary"])); bad += 1
    if "offending" in want:
        ids = set(o["id"] for o in got["offending"])
        want_ids = set(want["offending"])
        # the store keeps at most 5,000 offenders per check, and the true count
        capped = len(want_ids) > 5000 and len(ids) == 5000 and ids <= want_ids and got.get("offending_total") == len(want_ids)
        if ids != want_ids and not capped:
            print("  %s: %d offenders, expected %d; unexpected %r, missing %r" % (name, len(ids), len(want_ids),
                  sorted(ids - want_ids)[:3], sorted(want_ids - ids)[:3])); bad += 1
print("%d of %d checks as expected" % (len(names) - min(bad, len(names)), len(names)))
sys.exit(1 if bad else 0)
PY
		ok "verdicts match $(basename "$(dirname "$expected")")"
	else
		fail "verdicts differ from $expected"
	fi
}

# run_count ID: how many runs the assessment has.
run_count() {
	sqlite3 "$AZMAT_DB" "SELECT count(*) FROM evidence_run WHERE assessment_id = $1"
}

# fault_case NAME CHECK FAULTS_JSON STATUS [CAUSE] [collect options...]:
# a clean run, then a run with the faults; the faulted check must end as
# STATUS/CAUSE, every other check as in expected.json, the run must go on to
# its end, and the first run's results must survive untouched.
small=${small:-$src/tests/data/tenants/small}
fault_case() {
	local name=$1 check=$2 faults=$3 status=$4 cause=${5:-}
	shift 4
	[ $# -gt 0 ] && shift
	local id rc others
	id=$(new_assessment "$name")
	"$azmat" collect "$id" --json >"$tmp/run1.json" || [ $? -eq 8 ]
	mock_ctl clear
	mock_ctl faults "$faults"
	rc=0
	"$azmat" collect "$id" --json "$@" >"$tmp/run2.json" 2>"$tmp/run2.err" || rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 8 ]; then
		fail "$name: collect exited $rc: $(cat "$tmp/run2.err")"
	fi
	mock_log >"$tmp/mock-log.json"
	mock_ctl clear
	expect_check "$id" "$check" "$status" "$cause"
	others=$(python3 -c 'import json,sys; print(" ".join(c for c in json.load(open(sys.argv[1]))["checks"] if c != sys.argv[2]))' "$small/expected.json" "$check")
	# shellcheck disable=SC2086
	expect_verdicts "$id" "$small/expected.json" $others
	local first
	first=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run"])' "$tmp/run1.json")
	"$azmat" evidence "$id" --run "$first" --json >"$tmp/evidence-run1.json"
	if python3 - "$tmp/evidence-run1.json" "$small/expected.json" <<'PY'; then
import json, sys
got = {r["check"]: r for r in json.load(open(sys.argv[1]))["results"]}
exp = json.load(open(sys.argv[2]))["checks"]
bad = [c for c in exp if c not in got or got[c]["status"] != exp[c]["status"] or got[c]["cause"] != exp[c]["cause"]]
sys.exit(1 if bad else 0)
PY
		ok "$name: the previous run's results survive"
	else
		fail "$name: the previous run's results changed"
	fi
	[ "$(run_count "$id")" = 2 ] && ok "$name: two runs kept" || fail "$name: expected 2 runs, got $(run_count "$id")"
}
