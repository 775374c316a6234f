#!/usr/bin/env bash
# The JSON outputs against docs/report.schema.json (tests/cli/jsonschema_lite.py):
# reports of three quarters (one signed off) and of the hostile assessment,
# score --json against $defs/score, plan --format json against $defs/plan and
# $defs/exceptions; then broken documents that the validator must refuse.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
schema="$AZMAT_SOURCE_DIR/docs/report.schema.json"
validate() { python3 "$AZMAT_SOURCE_DIR/tests/cli/jsonschema_lite.py" "$schema" "$@"; }

. "$AZMAT_SOURCE_DIR/tests/cli/quarters.sh"
export AZMAT_NOW=2027-05-26T12:00:00Z
for id in "$q1" "$q2" "$q3"; do
  "$AZMAT" report "$id" --format json -o "$work/report-$id.json"
  validate "$work/report-$id.json"
  "$AZMAT" score "$id" --json >"$work/score-$id.json"
  validate "$work/score-$id.json" '#/$defs/score'
  "$AZMAT" plan "$id" --format json -o "$work/plan-$id.json"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); json.dump(d["plan"],open(sys.argv[2],"w")); json.dump(d["exceptions"],open(sys.argv[3],"w"))' \
    "$work/plan-$id.json" "$work/p.json" "$work/x.json"
  validate "$work/p.json" '#/$defs/plan'
  validate "$work/x.json" '#/$defs/exceptions'
done
. "$AZMAT_SOURCE_DIR/tests/cli/hostile.sh"
"$AZMAT" report "$hid" --format json -o "$work/hostile.json"
validate "$work/hostile.json"

# The validator refuses what the schema forbids.
python3 - "$schema" "$work/report-$q3.json" <<'PY'
import copy, json, sys
sys.path.insert(0, __import__("os").environ["AZMAT_SOURCE_DIR"] + "/tests/cli")
from jsonschema_lite import check
schema = json.load(open(sys.argv[1]))
good = json.load(open(sys.argv[2]))
assert check(schema, good) == []
def broken(f):
    d = copy.deepcopy(good)
    f(d)
    return check(schema, d)
cases = {
    "level 10": lambda d: d["score"].__setitem__("level", 10),
    "unknown key": lambda d: d["plan"]["rows"][0].__setitem__("colour", "red"),
    "missing index": lambda d: d["score"].pop("index"),
    "bad lane": lambda d: d["plan"]["rows"][0].__setitem__("lane", "soon"),
    "effective as text": lambda d: d["score"]["items"][0].__setitem__("effective", "1"),
    "bad due date": lambda d: d["plan"]["rows"][0].__setitem__("due", "26/05/2027"),
    "eight steps": lambda d: d["score"]["steps"].pop(),
    "boolean as integer": lambda d: d["score"].__setitem__("provisional", 1),
}
for name, f in cases.items():
    assert broken(f), f"the validator accepted: {name}"
print(f"schema: valid documents pass, {len(cases)} broken ones are refused")
PY
