# Malformed and partial bundles: azmat import judges what is valid, says
# what was not, and is never led outside the bundle's folder. The base is a
# copy of the demo bundle (assets/demo/bundle); each damage hits its own
# check, so every other check must keep the verdict the demo's
# expected.json gives it.
. "$(dirname "$0")/lib.sh"
export AZMAT_NOW=2026-11-01T00:00:00Z # the demo tenant's moment, for a bundle without a manifest
base="$AZMAT_SOURCE_DIR/assets/demo/bundle"
expected="$AZMAT_SOURCE_DIR/tests/data/demo/expected.json"
tenant=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tenant_id"])' "$base/manifest.json")
cp -r "$base" "$T/damaged"
mkdir -p "$T/outside"
echo '{"value": [{"id": "/subscriptions/outside", "name": "outside"}]}' >"$T/outside/page-0001.json"

# Damage one check of each kind; the plan (check -> expected status/cause) goes to plan.json.
python3 - "$T/damaged" "$AZMAT_SOURCE_DIR/assets/bundle/requests.json" "$T/outside" >"$T/plan.json" <<'PY'
import json, os, shutil, sys
root, requests, outside = sys.argv[1:]
checks = json.load(open(requests))["checks"]
def kind(c):
    p = c["parts"]
    return (len(p), p[0]["api"], p[0].get("per", ""))
single = [c["id"] for c in checks if kind(c)[:2] == (1, "resourcegraph") and
          os.path.exists(os.path.join(root, "checks", c["id"], "part-0", "tenant", "page-0001.json"))]
graph = [c["id"] for c in checks if kind(c)[:2] == (1, "graph") and not c.get("licence")]
per_sub = [c for c in checks if any(p.get("per") == "subscription" for p in c["parts"])]
per_res = [c["id"] for c in checks if any(p.get("per") == "resource" for p in c["parts"])]
plan = {}
def tenant_dir(cid, k=0):
    return os.path.join(root, "checks", cid, "part-%d" % k, "tenant")
def page(cid):
    return os.path.join(tenant_dir(cid), "page-0001.json")
def error(cid, status, code, message):
    d = tenant_dir(cid)
    shutil.rmtree(d)
    os.makedirs(d)
    json.dump({"status": status, "code": code, "message": message}, open(os.path.join(d, "error.json"), "w"))
def edit(cid, fn):
    body = json.load(open(page(cid)))
    fn(body)
    json.dump(body, open(page(cid), "w"))

c = single.pop(0); shutil.rmtree(os.path.join(root, "checks", c)); plan[c] = ["not-assessable", "not-collected", "missing"]
c = single.pop(0); text = open(page(c)).read(); open(page(c), "w").write(text[: len(text) // 2]); plan[c] = ["not-assessable", "api-error", "truncated"]
c = single.pop(0); open(page(c), "w").write("{oops, not JSON"); plan[c] = ["not-assessable", "api-error", "invalid"]
c = single.pop(0); error(c, 403, "AuthorizationFailed", "The client does not have authorization"); plan[c] = ["not-assessable", "permission", "error"]
c = single.pop(0); error(c, 429, "TooManyRequests", "Rate limit exceeded"); plan[c] = ["not-assessable", "throttled", "error"]
c = graph.pop(0); error(c, 400, "AadPremiumLicenseRequired", "The tenant needs an AAD Premium 2 license."); plan[c] = ["not-assessable", "licence", "error"]
c = single.pop(0); os.remove(page(c)); os.symlink("/etc/passwd", page(c)); plan[c] = ["not-assessable", "api-error", "symlink"]
c = single.pop(0); shutil.rmtree(tenant_dir(c)); os.symlink(outside, tenant_dir(c)); plan[c] = ["not-assessable", "api-error", "symlink"]
c = single.pop(0); os.remove(page(c)); open(page(c), "w").truncate(100 << 20); plan[c] = ["not-assessable", "api-error", "huge"]
c = single.pop(0); edit(c, lambda b: b.__setitem__("$skipToken", "more")); plan[c] = ["not-assessable", "api-error", "next page"]
c = graph.pop(0); edit(c, lambda b: b.__setitem__("@odata.nextLink", "https://graph.evil.example/v1.0/x")) if os.path.exists(page(c)) else None; plan[c] = ["not-assessable", "api-error", "foreign"]
c = single.pop(0); os.remove(page(c)); os.mkfifo(page(c)); plan[c] = ["not-assessable", "api-error", "fifo"]
c = per_sub[0]["id"]
k = [i for i, p in enumerate(per_sub[0]["parts"]) if p.get("per") == "subscription"][0]
part = os.path.join(root, "checks", c, "part-%d" % k)
shutil.rmtree(os.path.join(part, sorted(os.listdir(part))[0]))
plan[c] = ["not-assessable", "api-error", "subscription"]
c = per_res[0]
for k, p in enumerate(json.load(open(os.path.join(root, "checks", c, "request.json")))["parts"]):
    if p.get("per") == "resource":
        part = os.path.join(root, "checks", c, "part-%d" % k)
        r = sorted(x for x in os.listdir(part) if x.startswith("r-"))[0]
        open(os.path.join(part, r, "resource.txt"), "w").write("/subscriptions/another/resource\n")
plan[c] = ["not-assessable", "api-error", "resource"]
c = single.pop(0); rq = os.path.join(root, "checks", c, "request.json"); d = json.load(open(rq)); d["parts"][0]["query"] += " | take 1"; json.dump(d, open(rq, "w")); plan[c] = ["not-assessable", "not-collected", "request"]
json.dump(plan, sys.stdout)
PY

id=$("$AZMAT" new --name damaged --tenant "$tenant")
run import "$id" "$T/damaged" --json
expect_rc 8
printf '%s' "$out" >"$T/import.json"
run evidence "$id" --json
printf '%s' "$out" >"$T/evidence.json"
checks=$((checks + 1))
python3 - "$T/import.json" "$T/evidence.json" "$T/plan.json" "$expected" <<'PY' || fail "the damaged bundle was not judged as planned"
import json, sys
imp = json.load(open(sys.argv[1]))
ev = {r["check"]: r for r in json.load(open(sys.argv[2]))["results"]}
plan = json.load(open(sys.argv[3]))
exp = json.load(open(sys.argv[4]))["checks"]
res = {r["check"]: r for r in imp["results"]}
probs = imp["problems"]
bad = []
words = {"truncated": "not JSON", "invalid": "not JSON", "symlink": "symbolic link", "huge": "more than the",
         "next page": "the list goes on", "foreign": "another host", "fifo": "not a plain file",
         "subscription": "is missing", "resource": "names another resource", "request": "other requests"}
for cid, (status, cause, how) in plan.items():
    got = ev.get(cid)
    if not got or (got["status"], got["cause"]) != (status, cause):
        bad.append((cid, how, got and (got["status"], got["cause"], got["summary"])))
    damaged = how in words
    if res[cid]["imported"] != (not damaged and how != "missing"):
        bad.append((cid, how, "imported", res[cid]["imported"]))
    if damaged and not any(p["check"] == cid and words[how] in p["problem"] for p in probs):
        bad.append((cid, how, "not named in the problems", [p for p in probs if p["check"] == cid]))
for cid, want in exp.items():
    if cid in plan:
        continue
    got = ev[cid]
    if (got["status"], got["cause"], got["healthy"], got["total"]) != \
            (want["status"], want["cause"], want["healthy"], want["total"]):
        bad.append((cid, "changed", got["summary"]))
assert "outside" not in json.dumps(ev), "a document from outside the bundle was judged"
print("%d damaged checks, %d problems" % (len(plan), len(probs)))
assert not bad, bad
PY
run import "$id" "$T/damaged"
expect_rc 8
expect_out "not imported from the bundle ("
expect_out "problems in the bundle ("
expect_out "is a symbolic link (a bundle holds only plain files and folders)"

# without a manifest (an interrupted run): still imported, dates as of now
cp -r "$base" "$T/nomanifest"
rm "$T/nomanifest/manifest.json"
run import "$id" "$T/nomanifest" --json
expect_rc 8
json_eq '[p["path"] for p in d["problems"]]' "['manifest.json']"
json_eq 'sum(1 for r in d["results"] if r["imported"])' 119
printf '%s' "$out" >"$T/nomanifest.json"
checks=$((checks + 1))
python3 - "$T/nomanifest.json" "$expected" <<'PY' || fail "a bundle without a manifest is judged differently"
import json, sys
got = {r["check"]: r for r in json.load(open(sys.argv[1]))["results"]}
exp = json.load(open(sys.argv[2]))["checks"]
bad = [c for c in exp if (got[c]["status"], got[c]["cause"], got[c]["total"]) != (exp[c]["status"], exp[c]["cause"], exp[c]["total"])]
assert not bad, bad
PY

# an unreadable tenant/ folder (a link): the manifest's subscriptions still
# scope the per-subscription checks; without subscribedSkus no check is
# judged unlicensed up front (as live), the APIs' licence errors still count
cp -r "$base" "$T/tenantlink"
mv "$T/tenantlink/tenant" "$T/tenant-real"
ln -s "$T/tenant-real" "$T/tenantlink/tenant"
run import "$id" "$T/tenantlink" --json
expect_rc 8
json_eq 'sorted(set(p["path"] for p in d["problems"])), sum(1 for r in d["results"] if r["imported"])' "['tenant'] 119"
json_eq 'sum(1 for r in d["results"] if r["cause"] in ("api-error", "not-collected"))' 0

# values in the manifest that try to be paths are ignored, with a word
cp -r "$base" "$T/tricks"
python3 - "$T/tricks/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["subscriptions"] = ["../../../etc", "..", "a/b"] + m["subscriptions"]
m["tool"] = "evil\u001b[2Jtool"
json.dump(m, open(sys.argv[1], "w"))
PY
run import "$id" "$T/tricks" --json
expect_rc 8
json_eq 'sum(1 for p in d["problems"] if "not a subscription id" in p["problem"]), d["bundle"]["tool"]' "3 "
json_eq 'sum(1 for r in d["results"] if r["imported"])' 119

# not a bundle at all: exit 3 and nothing stored
runs_before=$(sqlite3 "$AZMAT_DB" "SELECT count(*) FROM evidence_run")
mkdir -p "$T/empty" "$T/badmanifest" "$T/newer" "$T/linked"
echo "not json" >"$T/badmanifest/manifest.json"
echo '{"format": 2}' >"$T/newer/manifest.json"
ln -s "$base/manifest.json" "$T/linked/manifest.json"
for dir in "$T/empty" "$T/missing" "$T/badmanifest" "$T/newer" "$T/linked" "$base/manifest.json"; do
  run import "$id" "$dir"
  expect_rc 3
  expect_err "is not a bundle"
done
run import "$id" "$T/newer"
expect_err "the bundle's format 2 is not one this azmat reads (1)"
checks=$((checks + 1))
[ "$(sqlite3 "$AZMAT_DB" "SELECT count(*) FROM evidence_run")" = "$runs_before" ] || fail "a run was stored for a folder that is not a bundle"

# another tenant's bundle is refused unless asked for
other=$("$AZMAT" new --name other --tenant 11111111-2222-4333-8444-555555555555)
run import "$other" "$base"
expect_rc 3
expect_err "the bundle is tenant $tenant's but assessment $other is tenant 11111111-2222-4333-8444-555555555555's"
run import "$other" "$base" --any-tenant
expect_rc 8
run import 999 "$base"
expect_rc 5
run import "$id"
expect_rc 2
finish
