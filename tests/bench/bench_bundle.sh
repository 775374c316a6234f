#!/usr/bin/env bash
# Offline bundles: how long the client's script (assets/bundle/azmat-bundle.py)
# takes to make a bundle of synthetic tenants served by the mock over HTTPS
# on 127.0.0.1, through the test-only az (tests/mock/fake_az.py) and, when
# Debian's azure-cli is installed, through the real Azure CLI pointed at the
# mock (tests/mock/make_bundle.sh --az real); the bundle's size; and how
# long `azmat import` takes and how much memory it needs to judge it (one
# page at a time). Every verdict is checked against the tenant's
# expected.json on the way, and the two CLIs' bundles must be identical.
#
# usage: tests/bench/bench_bundle.sh [BUILD_DIR]
#        BENCH_BUNDLE_SIZES="10 100" (subscriptions; 100 resources, 20 role
#        assignments, 50 users each), BENCH_BUNDLE_REAL=10 (sizes the real az runs)
set -euo pipefail
build=$(cd "${1:-build/bench}" && pwd)
export AZMAT="$build/azmat"
export AZMAT_SOURCE_DIR
AZMAT_SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../collect/lib.sh
source "$AZMAT_SOURCE_DIR/tests/collect/lib.sh"
export AZMAT_CATALOG="$AZMAT_SOURCE_DIR/roadmap"
unset AZMAT_NOW
sizes=${BENCH_BUNDLE_SIZES:-10 100}
real_sizes=${BENCH_BUNDLE_REAL:-10}
concurrency=8

timev() { sed -n "s/^[[:space:]]*$2: //p" "$1"; }
seconds() {
	python3 -c 'import sys; p=[float(x) for x in sys.argv[1].split(":")]; print(round(sum(v * 60 ** (len(p) - 1 - i) for i, v in enumerate(p)), 2))' "$1"
}
elapsed() { seconds "$(timev "$1" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')"; }
bundle_stats() { # DIR: "<files> <MB>"
	echo "$(find "$1" -type f | wc -l) $(du -sm --apparent-size "$1" | cut -f1)"
}

echo "| subscriptions | resources | az | az processes at once | script wall time | files | size | import wall time | import peak memory | verdicts |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---|"
for n in $sizes; do
	python3 "$AZMAT_SOURCE_DIR/tests/mock/gen_tenant.py" --out "$tmp/t$n" --subscriptions "$n" \
		--resources-per-sub 100 --role-assignments $((n * 20)) --users $((n * 50)) --seed 1 >&2
	tenant_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tenantId"])' "$tmp/t$n/tenant.json")
	resources=$(wc -l <"$tmp/t$n/arg/resources.jsonl")
	kinds=fake
	if command -v az >/dev/null && [[ " $real_sizes " == *" $n "* ]]; then kinds="fake real"; fi
	for kind in $kinds; do
		/usr/bin/time -v -o "$tmp/script-$kind$n" "$AZMAT_SOURCE_DIR/tests/mock/make_bundle.sh" \
			--az "$kind" --tenant "$tmp/t$n" --out "$tmp/b-$kind$n" -- --concurrency "$concurrency" >&2
		read -r files mb < <(bundle_stats "$tmp/b-$kind$n")
		id=$("$azmat" new --name "bench-$kind-$n" --tenant "$tenant_id")
		rc=0
		/usr/bin/time -v -o "$tmp/import-$kind$n" "$azmat" import "$id" "$tmp/b-$kind$n" >/dev/null || rc=$?
		[ "$rc" -eq 0 ] || [ "$rc" -eq 8 ] || { echo "import failed ($rc)" >&2; exit 1; }
		verdicts=$(expect_verdicts "$id" "$tmp/t$n/expected.json" | grep -o '[0-9]* of [0-9]* checks as expected' || true)
		rss=$(timev "$tmp/import-$kind$n" 'Maximum resident set size (kbytes)')
		label=$([ "$kind" = real ] && echo "Azure CLI $(az version --query '"azure-cli"' -o tsv 2>/dev/null)" || echo "fake_az.py")
		printf '| %d | %s | %s | %d | %.1f s | %s | %s MB | %.2f s | %.1f MB | %s |\n' "$n" \
			"$resources" "$label" "$concurrency" "$(elapsed "$tmp/script-$kind$n")" \
			"$files" "$mb" "$(elapsed "$tmp/import-$kind$n")" \
			"$(python3 -c "print($rss / 1024)")" "$verdicts"
	done
	if [ -d "$tmp/b-real$n" ]; then
		# the two CLIs must write the same bundle (only the mock's ports differ)
		if python3 - "$tmp/b-fake$n" "$tmp/b-real$n" <<'PY'; then
import os, re, sys
def tree(root):
    out = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            out[os.path.relpath(path, root)] = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", open(path).read())
    return out
a, b = tree(sys.argv[1]), tree(sys.argv[2])
diff = [k for k in set(a) | set(b) if a.get(k) != b.get(k)]
print("%d files differ: %s" % (len(diff), sorted(diff)[:5]), file=sys.stderr)
sys.exit(1 if diff else 0)
PY
			echo "| | | identical bundles from both | | | | | | | |"
		else
			echo "the real and the fake az wrote different bundles" >&2
			exit 1
		fi
	fi
done
