#!/usr/bin/env bash
# The collector's benchmark: azmat collects from synthetic tenants of 10, 100
# and 1,000 subscriptions (per subscription 100 resources, 20 role
# assignments, 50 users) served by the mock over HTTPS on 127.0.0.1 with 20 ms
# of latency added to every API request, and the Azure CLI reads the same
# evidence from the 10-subscription tenant, one `az rest` per request azmat
# made.
#
# With the catalog's checks (roadmap/checks) and their generator
# (tests/mock/gen_tenant.py) present, those are used; otherwise the
# collector's test checks (tests/data/collect/checks.json) and
# tests/mock/gen_bench_tenant.py.
#
# For each size: wall time and peak memory (/usr/bin/time -v), requests, and
# the ratio to the lower bound requests x latency / concurrency. Prints
# Markdown rows for docs/benchmarks.md; checks every verdict on the way.
#
# usage: tests/bench/bench_collect.sh [BUILD_DIR]   (BENCH_SIZES="10 100" to choose)
set -euo pipefail
build=$(cd "${1:-build/bench}" && pwd)
export AZMAT="$build/azmat"
export AZMAT_SOURCE_DIR
AZMAT_SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../collect/lib.sh
source "$AZMAT_SOURCE_DIR/tests/collect/lib.sh"
sizes=${BENCH_SIZES:-10 100 1000}
latency_ms=20
concurrency=32 # azmat's default
unset AZMAT_RETRY_BASE_MS
real=0
if [ -f "$AZMAT_SOURCE_DIR/tests/mock/gen_tenant.py" ]; then
	if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["checks"] else 1)' "$AZMAT_SOURCE_DIR/roadmap/catalog.json"; then
		real=1
		export AZMAT_CATALOG="$AZMAT_SOURCE_DIR/roadmap"
	fi
fi

# gen_tenant DIR N: a tenant of N subscriptions; sets the principal and the clock it was made for.
gen_tenant() {
	if [ "$real" = 1 ]; then
		python3 "$AZMAT_SOURCE_DIR/tests/mock/gen_tenant.py" --out "$1" --subscriptions "$2" \
			--resources-per-sub 100 --role-assignments $(($2 * 20)) --users $(($2 * 50)) --seed 1 >&2
	else
		python3 "$AZMAT_SOURCE_DIR/tests/mock/gen_bench_tenant.py" "$1" "$2"
	fi
	AZURE_CLIENT_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["principal"]["appId"])' "$1/tenant.json")
	AZMAT_NOW=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("now", ""))' "$1/tenant.json")
	export AZURE_CLIENT_ID AZMAT_NOW
	[ -n "$AZMAT_NOW" ] || unset AZMAT_NOW
}

field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
timev() { sed -n "s/^[[:space:]]*$2: //p" "$1"; }
seconds() { # "m:ss.cc" or "h:mm:ss" from /usr/bin/time into seconds
	python3 -c 'import sys; p=[float(x) for x in sys.argv[1].split(":")]; print(round(sum(v * 60 ** (len(p) - 1 - i) for i, v in enumerate(p)), 2))' "$1"
}

cli_time() { # CLI_TENANT_DIR RUN_ID: seconds for the Azure CLI to make azmat's requests
	local id=$2 cfg start end
	export AZURE_CONFIG_DIR="$tmp/azcli" REQUESTS_CA_BUNDLE="$tmp/certs/ca.pem" AZURE_CORE_COLLECT_TELEMETRY=no
	cfg=$(printf '{"endpoints": {"resourceManager": "https://127.0.0.1:%s/", "activeDirectory": "https://127.0.0.1:%s/adfs", "activeDirectoryResourceId": "https://127.0.0.1:%s/", "management": "https://127.0.0.1:%s/", "microsoftGraphResourceId": "https://127.0.0.1:%s/", "activeDirectoryGraphResourceId": "https://127.0.0.1:%s/"}}' \
		"$main_port" "$main_port" "$main_port" "$main_port" "$graph_port" "$graph_port")
	az cloud register -n AzmatBench --cloud-config "$cfg" -o none 2>/dev/null
	az cloud set -n AzmatBench -o none 2>/dev/null
	"$azmat" evidence "$id" --json --requests >"$tmp/cli-requests.json"
	python3 - "$tmp/cli-requests.json" "$AZMAT_CATALOG" >"$tmp/cli-plan.tsv" <<'PY'
import json, os, sys
ev = json.load(open(sys.argv[1]))
cat = json.load(open(os.path.join(sys.argv[2], "catalog.json")))
checks = [c for f in cat["checks"] for c in json.load(open(os.path.join(sys.argv[2], f)))["checks"]]
queries = {}
for c in checks:
    src = c["source"]
    parts = src.get("parts", [src])
    queries[c["id"]] = [p.get("query") or p.get("resources") for p in parts if p["api"] == "resourcegraph" or p.get("per") == "resource"]
for r in ev["results"]:
    arg = list(queries.get(r["check"], []))
    for q in r["requests"]:
        if q["method"] == "POST":
            body = json.dumps({"query": arg.pop(0) if arg else "", "options": {"$top": 1000}})
        else:
            body = ""
        print("%s\t%s\t%s" % (q["method"], q["url"], body))
PY
	start=$(date +%s.%N)
	az login --service-principal -u "$AZURE_CLIENT_ID" -p "$secret" --tenant "$AZURE_TENANT_ID" \
		--allow-no-subscriptions -o none 2>/dev/null
	az rest --method get --url "https://127.0.0.1:$main_port/subscriptions?api-version=2022-12-01" -o none
	while IFS=$'\t' read -r method url body; do
		if [ "$method" = POST ]; then
			az rest --method post --url "$url" --body "$body" -o none
		else
			az rest --method get --url "$url" -o none
		fi
	done <"$tmp/cli-plan.tsv"
	end=$(date +%s.%N)
	echo "$(python3 -c 'import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 2))' "$start" "$end") $(($(wc -l <"$tmp/cli-plan.tsv") + 1))"
}

echo "| subscriptions | checks | resources | role assignments | users | requests | wall time | lower bound | ratio | peak memory | per subscription |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
cli_row=
for n in $sizes; do
	gen_tenant "$tmp/t$n" "$n"
	mock_start "$tmp/t$n" --graph-port --latency-ms "$latency_ms" --preload
	id=$(new_assessment "bench-$n")
	rc=0
	/usr/bin/time -v -o "$tmp/time$n" "$azmat" collect "$id" --concurrency "$concurrency" --json \
		>"$tmp/run$n.json" || rc=$?
	[ "$rc" -eq 0 ] || [ "$rc" -eq 8 ] || { echo "collect failed ($rc)" >&2; exit 1; }
	expect_verdicts "$id" "$tmp/t$n/expected.json" >&2
	wall=$(seconds "$(timev "$tmp/time$n" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')")
	rss=$(timev "$tmp/time$n" 'Maximum resident set size (kbytes)')
	attempts=$(field "$tmp/run$n.json" attempts)
	python3 - "$n" "$wall" "$rss" "$attempts" "$latency_ms" "$concurrency" "$tmp/t$n" "$tmp/run$n.json" <<'PY'
import json, os, sys
n, wall, rss, req, lat, conc = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
folder = sys.argv[7]
def lines(rel):
    p = os.path.join(folder, rel)
    return sum(1 for _ in open(p)) if os.path.exists(p) else 0
users = len(json.load(open(os.path.join(folder, "graph/v1.0/users.json")))["value"])
checks = json.load(open(sys.argv[8]))["checks"]
bound = req * lat / 1000.0 / conc
print("| %d | %d | %s | %s | %s | %d | %.2f s | %.2f s | %.2fx | %.1f MB | %.1f ms |" % (
    n, checks, format(lines("arg/resources.jsonl"), ","), format(lines("arg/authorizationresources.jsonl"), ","),
    format(users, ","), req, wall, bound, wall / bound, rss / 1024.0, wall * 1000.0 / n))
PY
	if [ "$n" = 10 ] && command -v az >/dev/null; then
		read -r cli_s cli_req < <(cli_time "$tmp/t$n" "$id")
		cli_row="$n $cli_s $cli_req $wall"
	fi
	mock_stop
done
if [ -n "$cli_row" ]; then
	read -r n cli_s cli_req wall <<<"$cli_row"
	echo
	echo "| Azure CLI 2.45 ($n subscriptions, one \`az rest\` per request) | requests | wall time | per subscription | azmat per subscription | azmat is faster by |"
	echo "|---|---:|---:|---:|---:|---:|"
	python3 -c 'import sys; n,c,r,w=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]),float(sys.argv[4]); print("| az login, az rest ... | %d | %.1f s | %.2f s | %.1f ms | %.0fx |" % (r, c, c/n, w*1000/n, c/w))' "$n" "$cli_s" "$cli_req" "$wall"
fi
