#!/usr/bin/env bash
# Hostile names, notes, owners, reasons and resources (tests/cli/hostile.sh)
# through every output: score, plan, report and diff in every format. None
# may execute or inject (tests/cli/hostile_check.py).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$AZMAT_SOURCE_DIR/tests/cli/hostile.sh"
out="$work/out"
mkdir -p "$out"
h2=$("$AZMAT" new --from "$hid" --name $'Q2 \u202e<i>x</i>')
"$AZMAT_BINARY_DIR/tests/azmat_fixture" "$AZMAT_DB" "$h2" - <<'FX'
answer 1a.1 partial | | | | \u202e=cmd\|' /C calc'!A0\n<script>alert('diff')</script>
result t-sub-owner fail 0/4 | ](javascript:alert(6))
FX
"$AZMAT" score "$hid" >"$out/score.txt"
"$AZMAT" score "$hid" --json >"$out/score.json"
"$AZMAT" plan "$hid" >"$out/plan.txt"
"$AZMAT" diff "$hid" "$h2" >"$out/diff.txt"
for f in md csv json html; do
  "$AZMAT" report "$hid" --format "$f" -o "$out/report.$f"
  "$AZMAT" plan "$hid" --format "$f" -o "$out/plan.$f"
done
for f in md json html; do
  "$AZMAT" diff "$hid" "$h2" --format "$f" -o "$out/diff.$f"
done
"$AZMAT" report "$h2" --format html -o "$out/report-q2.html"
python3 "$AZMAT_SOURCE_DIR/tests/cli/hostile_check.py" "$out"
