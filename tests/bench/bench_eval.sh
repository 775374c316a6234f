#!/usr/bin/env bash
# Evaluators at scale: generate the 1,000-subscription synthetic tenant
# (about 100,000 resources, 20,000 role assignments, 50,000 users), then
# judge all checks of the catalog on it from the files, streaming each
# document into its evaluator, and compare with expected.json.
# Prints Markdown rows: wall time and peak resident memory of each step.
set -euo pipefail
build=${1:-build/bench}
src=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d /tmp/azmat-bench-eval-XXXXXX)
trap 'rm -rf "$dir"' EXIT

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$dir/time" "$@" >"$dir/out" 2>&1 || { cat "$dir/out" >&2; return 1; }
  read -r secs kb <"$dir/time"
  printf '| %s | %s s | %d MB |\n' "$label" "$secs" $((kb / 1024))
}

echo '| step | wall time | peak memory |'
echo '|---|---|---|'
measure "gen_tenant.py --preset bench (1,000 subscriptions)" \
  python3 "$src/tests/mock/gen_tenant.py" --out "$dir/tenant" --preset bench
n=$(python3 -c 'import json,sys; print(sum(len(json.load(open(f))["checks"]) for f in sys.argv[1:]))' "$src"/roadmap/checks/*.json)
measure "judge all $n checks from the files, compared with expected.json" \
  env AZMAT_TENANT_DIR="$dir/tenant" AZMAT_TENANT_ONLY=1 AZMAT_CATALOG="$src/roadmap" \
  AZMAT_SOURCE_DIR="$src" AZMAT_TEST_DATA="$src/tests/data" "$build/tests/test_tenant"
