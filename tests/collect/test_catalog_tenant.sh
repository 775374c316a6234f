#!/usr/bin/env bash
# The real catalog against generated tenants (tests/mock/gen_tenant.py, from
# the checks' side): every check's status, cause, counts and offenders as
# expected.json says, through HTTPS, paging and the store; and with a
# principal lacking permissions and a tenant lacking licences, the
# pre-flight's prediction matches what collection then finds.
source "$(dirname "$0")/lib.sh"
gen="$src/tests/mock/gen_tenant.py"
export AZMAT_CATALOG="$src/roadmap"

# use_tenant DIR: point the principal and the clock at a generated tenant.
use_tenant() {
	AZURE_CLIENT_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["principal"]["appId"])' "$1/tenant.json")
	AZMAT_NOW=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["now"])' "$1/tenant.json")
	export AZURE_CLIENT_ID AZMAT_NOW
}

python3 "$gen" --out "$tmp/full" --preset small >/dev/null
use_tenant "$tmp/full"
mock_start "$tmp/full" --graph-port --graph-page 7 --arm-page 5
id=$(new_assessment generated)
"$azmat" collect "$id" >/dev/null || [ $? -eq 8 ]
expect_verdicts "$id" "$tmp/full/expected.json"
mock_stop

python3 "$gen" --out "$tmp/narrow" --preset small --licences p1 \
	--drop-permission Policy.Read.All --drop-permission AuditLog.Read.All >/dev/null
use_tenant "$tmp/narrow"
mock_start "$tmp/narrow"
id=$(new_assessment narrow)
"$azmat" preflight "$id" --json >"$tmp/pf.json"
"$azmat" collect "$id" --json >"$tmp/run.json" || [ $? -eq 8 ]
expect_verdicts "$id" "$tmp/narrow/expected.json"
python3 - "$tmp/pf.json" "$tmp/run.json" <<'PY' && ok "the pre-flight predicts every permission and licence gap" || fail "pre-flight and collection differ"
import json, sys
pf = json.load(open(sys.argv[1]))
run = json.load(open(sys.argv[2]))
predicted = {c["check"]: c["cause"] for c in pf["checks"] if not c["assessable"]}
actual = {r["check"]: r["cause"] for r in run["results"] if r["cause"] in ("permission", "licence")}
print("%d predicted, %d found" % (len(predicted), len(actual)))
for k in sorted(set(predicted) | set(actual)):
    if predicted.get(k) != actual.get(k):
        print("  %s: predicted %s, found %s" % (k, predicted.get(k), actual.get(k)))
sys.exit(0 if predicted == actual and actual else 1)
PY
finish
