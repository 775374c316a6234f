#!/usr/bin/env bash
# azmat preflight: roles at the root and per subscription, Graph permissions
# from the token, licences from subscribedSkus, and the checks that will not
# be assessable. On a principal with less access (Reader on one subscription
# only, no Policy.Read.All), the prediction matches what collect then finds.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
id=$(new_assessment preflight)
"$azmat" preflight "$id" --json >"$tmp/pf.json"
python3 - "$tmp/pf.json" <<'PY' && ok "full access: only the unlicensed check is blocked" || fail "unexpected preflight: $(cat "$tmp/pf.json")"
import json, sys
d = json.load(open(sys.argv[1]))
blocked = {c["check"]: c["cause"] for c in d["checks"] if not c["assessable"]}
assert d["arm"]["root_roles"] == "Reader", d["arm"]
assert [s["roles"] for s in d["arm"]["subscriptions"]] == ["Reader", "Reader"]
assert "Policy.Read.All" in d["graph"]["permissions"]
assert d["licences"] == ["AAD_PREMIUM"]
assert blocked == {"t-pim": "licence"}, blocked
PY
"$azmat" preflight "$id" >"$tmp/pf.txt"
grep -q "1 of 13 checks will not be assessable" "$tmp/pf.txt" && ok "text summary" || fail "text: $(cat "$tmp/pf.txt")"

# A narrower principal: Reader on the first subscription only, no Policy.Read.All.
mock_stop
cp -r "$small" "$tmp/narrow"
python3 - "$tmp/narrow/tenant.json" <<'PY'
import json, sys
p = sys.argv[1]
t = json.load(open(p))
t["principal"]["armRoles"] = [{"role": "Reader", "scope": "/subscriptions/1a000000-0000-4000-8000-000000000001"}]
t["principal"]["graphRoles"] = ["Directory.Read.All", "RoleManagement.Read.Directory"]
json.dump(t, open(p, "w"))
PY
mock_start "$tmp/narrow"
"$azmat" preflight "$id" --json >"$tmp/pf2.json"
"$azmat" collect "$id" --json >"$tmp/collect.json" || [ $? -eq 8 ]
python3 - "$tmp/pf2.json" "$tmp/collect.json" <<'PY' && ok "the prediction matches the collection" || fail "prediction and collection differ"
import json, sys
pf = json.load(open(sys.argv[1]))
got = {r["check"]: r for r in json.load(open(sys.argv[2]))["results"]}
predicted = {c["check"]: c["cause"] for c in pf["checks"] if not c["assessable"]}
actual = {k: r["cause"] for k, r in got.items() if r["status"] == "not-assessable" and r["cause"] in ("permission", "licence")}
print("predicted", predicted)
print("actual   ", actual)
assert pf["arm"]["root_roles"] == "", pf["arm"]
assert [s["roles"] for s in pf["arm"]["subscriptions"]] == ["Reader"], pf["arm"]["subscriptions"]
# the subscription list only holds what the principal can read: one
assert predicted == actual, (predicted, actual)
assert "t-ca-mfa" in predicted and "t-guest-invites" in predicted
PY
finish
