#!/usr/bin/env bash
# Make an evidence bundle of a mock tenant the way a client makes one of a
# real tenant: the mock (server.py) serves the tenant over HTTPS on
# 127.0.0.1, and assets/bundle/azmat-bundle.py runs against it through an
# `az` on PATH: the test-only fake_az.py, or (--az real) the Azure CLI
# itself, pointed at the mock with `az cloud register` and signed in as the
# tenant's service principal, in a private configuration folder.
#
#   make_bundle.sh --tenant DIR --out DIR [--az fake|real] [--faults JSON]
#                  [--catalog DIR] [--keep-log FILE] [--secrets FILE] [-- SCRIPT OPTIONS...]
#
# The bundle's "created" is the tenant's "now" (SOURCE_DATE_EPOCH), so that
# its dates are judged as the tenant's expected.json assumes. --faults adds
# the mock's faults (tests/mock/README.md) before the script runs.
# --secrets writes the client secret and every token the mock issued, one
# per line, for a test to search the bundle for. Exits with the script's
# status.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../.." && pwd)
tenant= out= azkind=fake faults= catalog="$src/roadmap" keep_log= secrets=
while [ $# -gt 0 ]; do
	case "$1" in
	--tenant) tenant=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--az) azkind=$2; shift 2 ;;
	--faults) faults=$2; shift 2 ;;
	--catalog) catalog=$2; shift 2 ;;
	--keep-log) keep_log=$2; shift 2 ;;
	--secrets) secrets=$2; shift 2 ;;
	--) shift; break ;;
	*) echo "make_bundle.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ -n "$tenant" ] && [ -n "$out" ] || { echo "usage: make_bundle.sh --tenant DIR --out DIR ..." >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/azmat-bundle.XXXXXX")
mock_pid=
cleanup() {
	if [ -n "$mock_pid" ]; then
		kill "$mock_pid" 2>/dev/null || true
		wait "$mock_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

"$here/make_certs.sh" "$work/certs" >/dev/null
head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$work/secret"
python3 "$here/server.py" --tenant "$tenant" --cert "$work/certs/server.pem" --key "$work/certs/server.key" \
	--port-file "$work/ports.json" --secret-file "$work/secret" --graph-port --catalog "$catalog" &
mock_pid=$!
for _ in $(seq 1 100); do
	[ -f "$work/ports.json" ] && break
	sleep 0.1
done
[ -f "$work/ports.json" ] || { echo "make_bundle.sh: the mock did not start" >&2; exit 1; }
main="https://127.0.0.1:$(json "$work/ports.json" 'd["main"]')"
graph="https://127.0.0.1:$(json "$work/ports.json" 'd["graph"]')"
tenant_id=$(json "$tenant/tenant.json" 'd["tenantId"]')
app_id=$(json "$tenant/tenant.json" 'd["principal"]["appId"]')
now=$(json "$tenant/tenant.json" 'd["now"]')
if [ -n "$faults" ]; then
	curl -sS --fail --cacert "$work/certs/ca.pem" -X POST -H 'Content-Type: application/json' \
		--data "$faults" "$main/_mock/faults" >/dev/null
fi

export AZURE_CONFIG_DIR="$work/azure"
mkdir -p "$AZURE_CONFIG_DIR" "$work/bin"
unset AZMAT_ARM_ENDPOINT AZMAT_GRAPH_ENDPOINT
if [ "$azkind" = fake ]; then
	ln -s "$here/fake_az.py" "$work/bin/az"
	python3 - "$AZURE_CONFIG_DIR/fake-az.json" "$main" "$graph" "$tenant_id" "$app_id" "$work/secret" \
		"$work/certs/ca.pem" <<'PY'
import json, sys
path, main, graph, tenant, app, secret, ca = sys.argv[1:]
json.dump({"authority": main, "arm": main, "graph": graph, "tenant": tenant, "client_id": app,
           "secret": open(secret).read().strip(), "ca": ca}, open(path, "w"))
PY
	export PATH="$work/bin:$PATH"
else
	command -v az >/dev/null || { echo "make_bundle.sh: the Azure CLI is not installed" >&2; exit 1; }
	# The Azure CLI trusts the test CA through requests' variable. Its
	# authority is given in the ADFS form (".../adfs") so that MSAL takes it
	# as known and never asks login.microsoftonline.com to validate it: every
	# request stays on 127.0.0.1.
	export REQUESTS_CA_BUNDLE="$work/certs/ca.pem" AZURE_CORE_COLLECT_TELEMETRY=no
	az config set core.only_show_errors=true core.collect_telemetry=false >/dev/null 2>&1
	az cloud register --name AzmatMock --cloud-config "{\"endpoints\": {\"resourceManager\": \"$main/\",
		\"activeDirectory\": \"$main/adfs\", \"activeDirectoryResourceId\": \"$main/\",
		\"activeDirectoryGraphResourceId\": \"$graph/\", \"microsoftGraphResourceId\": \"$graph/\"}}" >/dev/null
	az cloud set --name AzmatMock >/dev/null
	az login --service-principal -u "$app_id" -p "$(cat "$work/secret")" --tenant "$tenant_id" \
		--allow-no-subscriptions >/dev/null
fi

rc=0
SOURCE_DATE_EPOCH=$(date -d "$now" +%s) python3 "$src/assets/bundle/azmat-bundle.py" --out "$out" \
	--retry-wait 0.2 "$@" 2>"$work/script.log" || rc=$?
[ -z "$keep_log" ] || cp "$work/script.log" "$keep_log"
if [ -n "$secrets" ]; then
	cat "$work/secret" >"$secrets"
	curl -sS --fail --cacert "$work/certs/ca.pem" "$main/_mock/tokens" |
		python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)))' >>"$secrets"
fi
[ "$rc" -eq 0 ] || cat "$work/script.log" >&2
exit "$rc"
