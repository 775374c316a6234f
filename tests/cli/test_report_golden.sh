#!/usr/bin/env bash
# Golden outputs of every format: score (text, JSON), plan (text, md, csv,
# json, html), report (md, csv, json, html; with a three-quarter trend),
# diff (text, md, html, json), on three quarters of one tenant
# (tests/cli/quarters.sh). UPDATE_GOLDEN=1 rewrites the goldens on purpose;
# review the change with git diff.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$AZMAT_SOURCE_DIR/tests/cli/quarters.sh"
golden="$AZMAT_SOURCE_DIR/tests/cli/golden/score"
out="$work/out"
mkdir -p "$out"

export AZMAT_NOW=2027-02-26T12:00:00Z
"$AZMAT" score "$q2" >"$out/score.txt"
"$AZMAT" score "$q2" --json >"$out/score.json"
"$AZMAT" plan "$q2" >"$out/plan.txt"
"$AZMAT" plan "$q2" --lane next --sort due >"$out/plan-next.txt"
for f in md csv json html; do
  "$AZMAT" plan "$q2" --format "$f" -o "$out/plan.$f"
done
"$AZMAT" diff "$q1" "$q2" >"$out/diff.txt"
"$AZMAT" diff "$q1" "$q2" --json >"$out/diff.json"
for f in md html; do
  "$AZMAT" diff "$q1" "$q2" --format "$f" -o "$out/diff.$f"
done
"$AZMAT" report "$q1" --format md -o "$out/report-q1.md"

export AZMAT_NOW=2027-05-26T12:00:00Z
for f in md csv json html; do
  "$AZMAT" report "$q3" --format "$f" -o "$out/report.$f"
done

# The tool's version is not part of what the goldens pin.
sed -i 's/azmat [0-9][0-9.]*/azmat VERSION/g' "$out"/*

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  mkdir -p "$golden"
  rm -f "$golden"/*
  cp "$out"/* "$golden"/
  echo "goldens rewritten in $golden"
  exit 0
fi
status=0
for f in "$out"/*; do
  name=$(basename "$f")
  if ! diff -u "$golden/$name" "$f" >"$work/diff.txt"; then
    echo "golden mismatch: $name"
    head -40 "$work/diff.txt"
    status=1
  fi
done
n_golden=$(ls "$golden" | wc -l)
n_out=$(ls "$out" | wc -l)
[ "$n_golden" = "$n_out" ] || { echo "goldens: $n_golden files, outputs: $n_out"; status=1; }
exit $status
