# azmat demo: the first run creates the demo assessment from the shipped
# bundle with sample answers, the second reopens it (no duplicate, no second
# import); score, plan and report work on it; every check's verdict on the
# demo tenant is the one the generator wrote down (tests/data/demo/expected.json).
. "$(dirname "$0")/lib.sh"
unset AZMAT_NOW

run demo --json
expect_rc 0
json_eq 'd["created"], d["imported"], d["run"] > 0, d["answers"] >= 5' "True True True True"
id=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["assessment"])')

run demo
expect_rc 0
expect_out "demo assessment $id: Demo: Northwind Traders (fictional) (reopened)"
expect_out "azmat tui $id"
run demo --json
json_eq 'd["assessment"], d["created"], d["imported"]' "$id False False"
run list --json
json_eq 'len(d["assessments"])' 1
checks=$((checks + 1))
[ "$(sqlite3 "$AZMAT_DB" "SELECT count(*) || ' ' || min(source) FROM evidence_run")" = "1 demo" ] ||
  fail "expected one run of source demo: $(sqlite3 "$AZMAT_DB" "SELECT id, source FROM evidence_run")"

# the tenant id came from the bundle; the name says it is the demo
run show "$id" --json
json_eq 'd["assessment"]["name"], d["assessment"]["tenant"] != ""' "Demo: Northwind Traders (fictional) True"
printf '%s' "$out" >"$T/show.json"
python3 - "$T/show.json" <<'PY' || fail "the sample answers are not as described"
import json, sys
d = json.load(open(sys.argv[1]))
qs = [q for s in d["steps"] for i in s["items"] for q in i["questions"]]
answered = [q for q in qs if q["answer"]]
risk = [q for q in answered if q["answer"] == "risk-accepted"]
assert len(risk) == 1 and risk[0]["owner"] and risk[0]["expiry"] and risk[0]["reason"], risk
assert any(q["answer"] == "planned" and q["note"] for q in answered), "no answer with a note"
agree = [q for q in answered if q["suggested"] and q["answer"] == q["suggested"]]
assert len(agree) >= 3, agree
assert any(q["suggested"] and q["answer"] == "fully" and q["suggested"] in ("partial", "not-started")
           for q in answered), "no contradiction"
# plenty left for the newcomer
assert len(answered) < len(qs) / 3, len(answered)
PY
checks=$((checks + 1))

run score "$id" --json
expect_rc 0
json_eq 'd["contradictions"]["major"], d["contradictions"]["unacknowledged"]' "1 1"
run plan "$id" --format json
expect_rc 0
json_eq 'len(d["plan"]["rows"]) > 10 and d["plan"]["lanes"]["act-now"] > 0' True
run report "$id" --format html -o "$T/demo.html"
expect_rc 0
checks=$((checks + 1))
grep -q "Northwind Traders" "$T/demo.html" || fail "the HTML report does not name the demo tenant"
run report "$id" --format md
expect_rc 0
expect_out "Demo: Northwind Traders (fictional)"

# every check's verdict on the demo tenant is right
run evidence "$id" --json
expect_rc 0
printf '%s' "$out" >"$T/evidence.json"
checks=$((checks + 1))
python3 - "$T/evidence.json" "$AZMAT_SOURCE_DIR/tests/data/demo/expected.json" <<'PY' || fail "the demo's verdicts differ from its expected.json"
import json, sys
got = {r["check"]: r for r in json.load(open(sys.argv[1]))["results"]}
exp = json.load(open(sys.argv[2]))["checks"]
bad = []
for cid, want in exp.items():
    g = got.get(cid)
    if g is None:
        bad.append((cid, "no result"))
        continue
    for k in ("status", "cause", "healthy", "total", "offending_total"):
        if k in want and want[k] != g[k]:
            bad.append((cid, k, g[k], want[k]))
    if sorted(o["id"] for o in g["offending"]) != sorted(want.get("offending", [])):
        bad.append((cid, "offenders"))
print("%d of %d checks as expected" % (len(exp) - len(bad), len(exp)))
assert len(got) == len(exp) == 119 and not bad, bad[:5]
PY
finish
