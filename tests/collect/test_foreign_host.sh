#!/usr/bin/env bash
# The bearer token never reaches a foreign host: a nextLink or a redirect to
# another origin is refused before anything is sent, and that check ends as
# an API error while the run goes on. With Graph on its own origin, each
# token only ever goes to its own API (the mock rejects a token presented
# to another origin than the one it was issued for).
source "$(dirname "$0")/lib.sh"
mock_start "$small" --graph-port --graph-page 2 --arm-page 2
[ "$AZMAT_GRAPH_ENDPOINT" != "$AZMAT_ARM_ENDPOINT" ] || fail "Graph should have its own origin"

no_foreign() {
	python3 - "$tmp/mock-log.json" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
foreign = [e for e in log if e["port"] == "foreign"]
sys.exit(1 if foreign else 0)
PY
}

fault_case foreign-next t-global-admins '[{"path": "/v1.0/roleManagement/directory/roleAssignments", "kind": "foreign-next"}]' not-assessable api-error
no_foreign && ok "the foreign host saw no request" || fail "the foreign host was contacted"
fault_case foreign-arm-next t-mgmt-groups '[{"path": "/providers/Microsoft.Management/managementGroups", "kind": "foreign-next"}]' not-assessable api-error
no_foreign && ok "the foreign host saw no request" || fail "the foreign host was contacted"
fault_case foreign-redirect t-contacts '[{"path": "/subscriptions/1a000000-0000-4000-8000-000000000001/providers/Microsoft.Security/securityContacts", "kind": "redirect-foreign"}]' not-assessable api-error
no_foreign && ok "the foreign host saw no request" || fail "the foreign host was contacted"

# Pages followed on the right hosts, with the right tokens.
python3 - "$tmp/mock-log.json" <<'PY' && ok "Graph paths only on the Graph origin, ARM paths only on the ARM origin" || fail "a request went to the wrong origin"
import json, sys
log = json.load(open(sys.argv[1]))
bad = [e for e in log if e["auth"] and ((e["port"] == "graph") != e["path"].startswith("/v1.0/"))]
bad += [e for e in log if e["status"] == 401]
sys.exit(1 if bad else 0)
PY
id=$(new_assessment paging)
"$azmat" collect "$id" >/dev/null || [ $? -eq 8 ]
expect_verdicts "$id" "$small/expected.json"
"$azmat" evidence "$id" --json --requests >"$tmp/requests.json"
grep -q 'skiptoken=2' "$tmp/requests.json" && ok "next pages were followed" || fail "no next page followed"
finish
