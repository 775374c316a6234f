#!/usr/bin/env bash
# Runs every benchmark: tests/bench/bench_*.sh, each given the build folder.
# Each prints Markdown rows; the results, with this command, go into
# docs/benchmarks.md.
set -euo pipefail
build=${1:-build/bench}
here=$(cd "$(dirname "$0")" && pwd)
status=0
shopt -s nullglob
for b in "$here"/bench_*.sh; do
  echo "== $(basename "$b")"
  bash "$b" "$build" || status=1
done
exit $status
