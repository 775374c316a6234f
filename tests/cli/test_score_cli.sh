#!/usr/bin/env bash
# The score, plan, report, diff, signoff and new --from commands: usage
# errors and their exit codes, "na" refused by evidence, read-only after
# sign-off, atomic 0600 report files, and the real catalog (no checks yet).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
expect() { # expect CODE CMD...: run the real binary, compare the exit code
  local want=$1 got=0
  shift
  "$AZMAT" "$@" >"$work/out" 2>"$work/err" || got=$?
  if [ "$got" != "$want" ]; then
    echo "azmat $*: exit $got, expected $want"; cat "$work/err"; fails=$((fails + 1))
  fi
}
contains() { grep -qF -- "$1" "$work/$2" || { echo "missing '$1' in $2"; cat "$work/$2"; fails=$((fails + 1)); }; }

export AZMAT_DB="$work/cli.db" AZMAT_NOW=2026-11-26T09:00:00Z
export AZMAT_CATALOG="$AZMAT_SOURCE_DIR/tests/data/score-catalog"
fixture="$AZMAT_BINARY_DIR/tests/azmat_fixture"
id=$("$AZMAT" new --name "CLI" --tenant t-cli)

expect 2 score
expect 2 score "$id" --fail-below-level 10
expect 5 score 999
expect 0 score "$id" --fail-below-level 0
expect 7 score "$id" --fail-below-level 1
contains "level 0 is below 1" err

# "na" is refused once a check of the item judged something.
printf 'result t-kv-network pass 4/4 | four vaults\nresult t-private-endpoints not-assessable nothing-in-scope\n' |
  "$fixture" "$AZMAT_DB" "$id" -
expect 3 answer "$id" 5a.1 na --reason "no vaults"
contains "'na' is refused for 5a.1: check 't-kv-network' judged 4 resources" err
expect 0 answer "$id" 8a.1 na --reason "no PaaS"
expect 0 answer "$id" 9a.1 na --reason "questionnaire only"

expect 2 plan "$id" --lane soon
expect 2 plan "$id" --sort colour
expect 2 plan "$id" --format pdf
expect 2 plan "$id" --format md --lane next
expect 2 plan set "$id" 1a
expect 2 plan set "$id" 1a --status finished
expect 2 plan set "$id" 1a --due 2027-02-30
expect 2 plan set "$id" 1a --owner $'tab\there'
expect 5 plan set "$id" 0z --owner x
expect 0 plan set "$id" 1a --owner "Dana" --due 2027-01-31 --status in-progress
expect 0 plan "$id" --owner Dana
contains "Dana" out
contains "2027-01-31" out

expect 2 report "$id" --format pdf
expect 2 report "$id" --offenders -1
expect 0 report "$id" --format html -o "$work/r.html"
[ "$(stat -c %a "$work/r.html")" = 600 ] || { echo "report mode $(stat -c %a "$work/r.html")"; fails=$((fails + 1)); }
ls -a "$work" | grep -q '^\.r\.html' && { echo "a temporary file was left behind"; fails=$((fails + 1)); }
expect 0 report "$id" --format md -o -
contains "# Azure security maturity report: CLI" out

expect 2 diff "$id"
expect 2 diff "$id" "$id" --format pdf
expect 5 new --from 999
id2=$("$AZMAT" new --from "$id")
expect 0 diff "$id" "$id2" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["answer_changes"] == 0, d["summary"]' "$work/out"
expect 0 score "$id2" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert sum(i["carried"] for i in d["items"]) == 2' "$work/out"
expect 0 show "$id2" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); qs=[q for s in d["steps"] for i in s["items"] for q in i["questions"]]; c=[q["id"] for q in qs if q["carried"]]; assert len(c) == 2 and all(q["answer"] for q in qs if q["carried"]), c' "$work/out"
expect 0 show "$id2"
contains "2 answers carried over from an earlier assessment, to confirm" out
contains "(carried over, to confirm)" out
expect 0 show "$id"
if grep -q "carried over" "$work/out"; then echo "show marks the original's answers as carried"; fails=$((fails + 1)); fi
expect 0 list
contains "CLI (re-assessed 2026-11-26)" out

expect 0 signoff "$id" --by "Ana"
contains "signed off by Ana" out
expect 6 signoff "$id"
expect 6 plan set "$id" 1a --owner x
expect 6 answer "$id" 1a.1 fully
expect 0 report "$id" --format json -o "$work/signed.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); a=d["assessment"]; assert a["signed_off_by"] == "Ana" and a["signed_off"] == "2026-11-26T09:00:00Z"' "$work/signed.json"

# The real catalog (no checks yet) scores and reports from answers alone.
export AZMAT_CATALOG="$AZMAT_SOURCE_DIR/roadmap" AZMAT_DB="$work/real.db"
rid=$("$AZMAT" new --name "Real catalog")
expect 0 answer "$rid" 1a.1 fully
expect 0 score "$rid" --json
expect 0 plan "$rid" --format csv
for f in html md json csv; do expect 0 report "$rid" --format "$f" -o "$work/real.$f"; done

[ "$fails" = 0 ] || { echo "$fails failures"; exit 1; }
echo "score, plan, report, diff, signoff and new --from behave"
