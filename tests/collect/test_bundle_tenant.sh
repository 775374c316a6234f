#!/usr/bin/env bash
# Offline bundles end to end, with real parts: generated tenants
# (tests/mock/gen_tenant.py) served by the mock over HTTPS, the shipped
# client script (assets/bundle/azmat-bundle.py) run through a test-only
# `az` (tests/mock/fake_az.py, first on PATH), then `azmat import` of the
# folder. Every check's status, cause, counts and offenders must match the
# tenant's expected.json, on a full tenant, one without Entra licences and
# one whose principal lacks permissions; the bundle holds no secret or
# token; a second import is a run of its own; Resource Graph queries run in
# batches of subscriptions give the same verdicts; faults met while making the
# bundle (403, a 429 that retries cure, a malformed and a truncated page)
# cost only their checks, with the live collector's causes.
source "$(dirname "$0")/lib.sh"
gen="$src/tests/mock/gen_tenant.py"
make_bundle="$src/tests/mock/make_bundle.sh"
export AZMAT_CATALOG="$src/roadmap"
unset AZMAT_NOW

# bundle_case NAME [gen options...]: generate, bundle, import, compare.
bundle_case() {
	local name=$1 id rc tenant_id
	shift
	python3 "$gen" --out "$tmp/$name" --preset small "$@" >/dev/null
	"$make_bundle" --tenant "$tmp/$name" --out "$tmp/$name-bundle" --secrets "$tmp/$name-secrets" ||
		{ fail "$name: the script failed"; return; }
	tenant_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tenantId"])' "$tmp/$name/tenant.json")
	id=$("$azmat" new --name "$name" --tenant "$tenant_id")
	rc=0
	"$azmat" import "$id" "$tmp/$name-bundle" --json >"$tmp/$name-import.json" || rc=$?
	[ "$rc" -eq 0 ] || [ "$rc" -eq 8 ] || fail "$name: import exited $rc"
	expect_verdicts "$id" "$tmp/$name/expected.json"
	python3 - "$tmp/$name-import.json" "$tmp/$name/expected.json" "$rc" <<'PY' && ok "$name: import report and exit status" || fail "$name: import report"
import json, sys
d = json.load(open(sys.argv[1]))
exp = json.load(open(sys.argv[2]))["checks"]
rc = int(sys.argv[3])
assert d["checks"] == len(exp) == len(d["results"]), d["checks"]
assert not d["problems"], d["problems"]
assert all(r["imported"] for r in d["results"]), [r for r in d["results"] if not r["imported"]]
partial = any(v["status"] == "not-assessable" and v["cause"] != "nothing-in-scope" for v in exp.values())
assert d["status"] == ("partial" if partial else "complete"), d["status"]
assert rc == (8 if partial else 0), rc
assert d["bundle"]["created"] == json.load(open(sys.argv[2].replace("expected.json", "tenant.json")))["now"]
PY
	# the client's secret and every token the mock issued appear nowhere in the bundle
	local leaked=0
	while read -r s; do
		[ -n "$s" ] || continue
		if grep -rqF -- "$s" "$tmp/$name-bundle"; then leaked=1; fi
	done <"$tmp/$name-secrets"
	[ "$leaked" = 0 ] && ok "$name: no secret or token in the bundle" || fail "$name: a secret is in the bundle"
	last_id=$id
}

bundle_case full
# a second import is a new run; the first one's results stay
"$azmat" import "$last_id" "$tmp/full-bundle" >/dev/null || fail "second import exited $?"
[ "$(run_count "$last_id")" = 2 ] && ok "two imports, two runs" || fail "expected 2 runs, got $(run_count "$last_id")"
first=$(sqlite3 "$AZMAT_DB" "SELECT min(id) FROM evidence_run WHERE assessment_id = $last_id")
[ "$(sqlite3 "$AZMAT_DB" "SELECT count(*) FROM check_result WHERE run_id = $first")" = 119 ] &&
	ok "the first run keeps its 119 results" || fail "the first run lost results"
[ "$(sqlite3 "$AZMAT_DB" "SELECT source FROM evidence_run WHERE id = $first")" = bundle ] &&
	ok "the run's source is bundle" || fail "the run's source is not bundle"
sqlite3 "$AZMAT_DB" "SELECT detail FROM evidence_run WHERE id = $first" | grep -q "full-bundle' made 2026-11-01T00:00:00Z by azmat-bundle.py" &&
	ok "the run's detail names the bundle" || fail "the run's detail: $(sqlite3 "$AZMAT_DB" "SELECT detail FROM evidence_run WHERE id = $first")"
# the check folders hold what requests.json asked for them
python3 - "$tmp/full-bundle" "$src/assets/bundle/requests.json" <<'PY' && ok "each check folder records its request" || fail "request.json"
import json, os, sys
req = {c["id"]: c for c in json.load(open(sys.argv[2]))["checks"]}
for cid, c in req.items():
    got = json.load(open(os.path.join(sys.argv[1], "checks", cid, "request.json")))
    assert got == c, cid
PY

# --subscriptions: Resource Graph queries in batches (here of 4 of the 6
# subscriptions) put each batch's pages after the previous batch's; the
# verdicts are those of the same bundle made in one batch
subs=$(python3 -c 'import json,sys; print(",".join(json.load(open(sys.argv[1]))["subscriptions"]))' "$tmp/full-bundle/manifest.json")
"$make_bundle" --tenant "$tmp/full" --out "$tmp/batched" -- --subscriptions "$subs" --arg-batch 4 || fail "batched bundle"
"$make_bundle" --tenant "$tmp/full" --out "$tmp/onebatch" -- --subscriptions "$subs" || fail "one-batch bundle"
for b in batched onebatch; do
	bid=$("$azmat" new --name "$b")
	"$azmat" import "$bid" "$tmp/$b" --any-tenant >/dev/null || [ $? -eq 8 ] || fail "$b: import failed"
	evidence_json "$bid" >"$tmp/$b-evidence.json"
done
python3 - "$tmp/batched-evidence.json" "$tmp/onebatch-evidence.json" "$tmp/batched" "$tmp/onebatch" <<'PY' && ok "batched Resource Graph pages give the one-batch verdicts" || fail "batched and one-batch bundles differ"
import json, os, sys
a = {r["check"]: r for r in json.load(open(sys.argv[1]))["results"]}
b = {r["check"]: r for r in json.load(open(sys.argv[2]))["results"]}
key = lambda r: (r["status"], r["cause"], r["healthy"], r["total"], sorted(o["id"] for o in r["offending"]))
diff = [c for c in b if key(a[c]) != key(b[c])]
assert len(a) == len(b) == 119 and not diff, diff[:5]
pages = lambda root: sum(1 for f, _d, n in os.walk(os.path.join(root, "checks")) for x in n if x.startswith("page-0002"))
assert pages(sys.argv[3]) > pages(sys.argv[4]), (pages(sys.argv[3]), pages(sys.argv[4]))
m = json.load(open(os.path.join(sys.argv[3], "manifest.json")))
assert m["subscriptions_given"] is True and len(m["subscriptions"]) == 6, m
PY

bundle_case nolicence --licences none
bundle_case narrow --drop-permission Policy.Read.All --drop-permission AuditLog.Read.All \
	--drop-permission AccessReview.Read.All --drop-permission "Security Reader (Entra ID role)"

# faults while the bundle is made: each costs its check only, with the live causes
faults='[{"path": "/v1.0/policies/authorizationPolicy", "kind": "status", "status": 403,
          "code": "Authorization_RequestDenied", "message": "Insufficient privileges"},
         {"path": "/v1.0/organization", "kind": "status", "status": 429, "code": "TooManyRequests",
          "retry_after": 0, "times": 1},
         {"path": "/v1.0/policies/adminConsentRequestPolicy", "kind": "malformed"},
         {"path": "/v1.0/identity/conditionalAccess/policies", "kind": "truncate"}]'
python3 - "$src/roadmap" <<'PY' >"$tmp/fault-checks"
import json, os, sys
cat = json.load(open(os.path.join(sys.argv[1], "catalog.json")))
by = {}
for rel in cat["checks"]:
    for c in json.load(open(os.path.join(sys.argv[1], rel)))["checks"]:
        for p in c["source"].get("parts", [c["source"]]):
            by.setdefault(p.get("path", ""), []).append(c["id"])
for path in ("/v1.0/policies/authorizationPolicy", "/v1.0/organization",
             "/v1.0/policies/adminConsentRequestPolicy", "/v1.0/identity/conditionalAccess/policies"):
    print(path, " ".join(by.get(path, [])))
PY
"$make_bundle" --tenant "$tmp/full" --out "$tmp/faults-bundle" --faults "$faults" ||
	fail "faults: the script failed"
fid=$("$azmat" new --name faults)
rc=0
"$azmat" import "$fid" "$tmp/faults-bundle" --json >"$tmp/faults.json" || rc=$?
[ "$rc" = 8 ] && ok "faults: import exits 8" || fail "faults: import exited $rc"
read -r _ denied <<<"$(grep '^/v1.0/policies/authorizationPolicy ' "$tmp/fault-checks")"
read -r _ retried <<<"$(grep '^/v1.0/organization ' "$tmp/fault-checks")"
read -r _ malformed <<<"$(grep '^/v1.0/policies/adminConsentRequestPolicy ' "$tmp/fault-checks")"
read -r _ truncated <<<"$(grep '^/v1.0/identity/conditionalAccess/policies ' "$tmp/fault-checks")"
for c in $denied; do expect_check "$fid" "$c" not-assessable permission; done
for c in $malformed $truncated; do expect_check "$fid" "$c" not-assessable api-error; done
others=$(python3 -c 'import json,sys; bad=set(sys.argv[2:]); print(" ".join(c for c in json.load(open(sys.argv[1]))["checks"] if c not in bad))' \
	"$tmp/full/expected.json" $denied $malformed $truncated)
# shellcheck disable=SC2086
expect_verdicts "$fid" "$tmp/full/expected.json" $others
[ -n "$retried" ] && ok "the throttled request was retried ($retried judged as expected)" || fail "no check reads /v1.0/organization"
python3 - "$tmp/faults.json" "$malformed" <<'PY' && ok "faults: the malformed page is named" || fail "faults: the malformed page is not named"
import json, sys
d = json.load(open(sys.argv[1]))
names = sys.argv[2].split()
assert any(p["check"] in names and p["path"].endswith("page-0001.json") and "not JSON" in p["problem"]
           for p in d["problems"]), d["problems"]
assert all(not r["imported"] for r in d["results"] if r["check"] in names)
PY
finish
