#!/usr/bin/env bash
# docs/scoring.md's worked example through the real binary: score, plan and
# the four report formats agree with the doc and with each other.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$AZMAT_SOURCE_DIR/tests/cli/worked_example.py" "$work"
