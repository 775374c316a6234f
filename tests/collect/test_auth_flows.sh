#!/usr/bin/env bash
# Every way of signing in, against the mock's token endpoints: client
# secret, certificate (PEM and PKCS#12; the mock verifies the signed
# assertion with openssl), workload identity, managed identity (instance
# metadata and App Service), the Azure CLI (both output shapes), and device
# code (pending, slow down, expired, declined); "auto" picking each; and the
# refusals (missing secret, wrong certificate, plain http endpoints).
source "$(dirname "$0")/lib.sh"
mock_start "$small"
id=$(new_assessment auth)
checks=t-kv-purge,t-guests
nosp=(-u AZURE_CLIENT_SECRET)

# attempt ENV... -- OPTIONS...: collect two checks; sets rc.
attempt() {
	local envs=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	[ $# -gt 0 ] && shift
	rc=0
	env "${envs[@]}" "$azmat" collect "$id" --checks "$checks" "$@" >"$tmp/auth.out" 2>"$tmp/auth.err" || rc=$?
}

# signed_in WANT WHAT ENV... -- OPTIONS...: it works, and the run names the identity.
signed_in() {
	local want=$1 what=$2 ident
	shift 2
	attempt "$@"
	if [ "$rc" -ne 0 ]; then
		fail "$what: collect exited $rc: $(cat "$tmp/auth.err")"
		return
	fi
	ident=$(sqlite3 "$AZMAT_DB" "SELECT identity FROM evidence_run WHERE assessment_id = $id ORDER BY id DESC LIMIT 1")
	case "$ident" in
	*"$want"*) ok "$what: signed in as '$ident'" ;;
	*) fail "$what: identity '$ident' lacks '$want'" ;;
	esac
	expect_verdicts "$id" "$small/expected.json" t-kv-purge t-guests >/dev/null
}

# refused WHAT PATTERN ENV... -- OPTIONS...
refused() {
	local what=$1 pattern=$2
	shift 2
	attempt "$@"
	if [ "$rc" -ne 0 ] && grep -q -- "$pattern" "$tmp/auth.err"; then
		ok "$what: refused: $(head -n 1 "$tmp/auth.err")"
	else
		fail "$what: expected a refusal matching '$pattern', got exit $rc: $(cat "$tmp/auth.err")"
	fi
}

signed_in "(secret)" "secret from the environment" --
signed_in "(secret)" "secret from a file" "${nosp[@]}" -- --auth secret --secret-file "$tmp/secret"
signed_in "(certificate" "certificate (PEM)" "${nosp[@]}" -- --auth certificate --certificate "$tmp/certs/client.pem"
signed_in "(certificate" "certificate (PKCS#12)" "${nosp[@]}" \
	"AZURE_CLIENT_CERTIFICATE_PASSWORD=$(cat "$tmp/certs/client.pfx.pass")" \
	"AZURE_CLIENT_CERTIFICATE_PATH=$tmp/certs/client.pfx" -- --auth certificate
signed_in "(certificate" "auto picks the certificate" "${nosp[@]}" \
	"AZURE_CLIENT_CERTIFICATE_PATH=$tmp/certs/client.pem" --
signed_in "workload identity" "workload identity" "${nosp[@]}" \
	"AZURE_FEDERATED_TOKEN_FILE=$tmp/federated.jwt" -- --auth workload
signed_in "managed identity" "managed identity (instance metadata)" "${nosp[@]}" -- --auth msi
signed_in "managed identity" "managed identity (App Service)" "${nosp[@]}" \
	"IDENTITY_ENDPOINT=http://127.0.0.1:$http_port/msi/token" "IDENTITY_HEADER=$identity_header" -- --auth msi
signed_in "managed identity" "auto picks App Service" "${nosp[@]}" -u AZURE_CLIENT_ID \
	"IDENTITY_ENDPOINT=http://127.0.0.1:$http_port/msi/token" "IDENTITY_HEADER=$identity_header" --
signed_in "managed identity" "auto probes instance metadata" "${nosp[@]}" -u AZURE_CLIENT_ID --

# The Azure CLI: a stand-in `az` that gets a real token from the mock and
# prints it in the CLI's shape (2.54+ with expires_on, or older without).
mkdir -p "$tmp/bin"
cat >"$tmp/bin/az" <<'AZ'
#!/usr/bin/env bash
[ -n "${AZ_FAIL:-}" ] && { echo "ERROR: Please run 'az login' to setup account." >&2; exit 1; }
[ "$1 $2" = "account get-access-token" ] || exit 2
resource=
while [ $# -gt 0 ]; do [ "$1" = --resource ] && resource=$2; shift; done
json=$(curl -sS --cacert "$AZMAT_CA_BUNDLE" "$AZMAT_AUTHORITY/$AZURE_TENANT_ID/oauth2/v2.0/token" \
	--data-urlencode grant_type=client_credentials --data-urlencode "client_id=$AZURE_CLIENT_ID" \
	--data-urlencode "client_secret=$(cat "$AZ_SECRET_FILE")" --data-urlencode "scope=${resource%/}/.default")
python3 - "$json" "${AZ_SHAPE:-new}" <<'PY'
import json, sys, time
t = json.loads(sys.argv[1])
exp = int(time.time()) + t["expires_in"]
out = {"accessToken": t["access_token"], "expiresOn": time.strftime("%Y-%m-%d %H:%M:%S.000000", time.localtime(exp)),
       "subscription": "1a000000-0000-4000-8000-000000000001", "tenant": "7d6b2f1a-1c2e-4b8a-9f00-000000000001", "tokenType": "Bearer"}
if sys.argv[2] == "new":
    out["expires_on"] = exp
print(json.dumps(out, indent=2))
PY
AZ
chmod +x "$tmp/bin/az"
signed_in "Azure CLI login" "Azure CLI 2.54+" "${nosp[@]}" "PATH=$tmp/bin:$PATH" "AZ_SECRET_FILE=$tmp/secret" -- --auth cli
signed_in "Azure CLI login" "Azure CLI before 2.54" "${nosp[@]}" "PATH=$tmp/bin:$PATH" "AZ_SECRET_FILE=$tmp/secret" AZ_SHAPE=old -- --auth cli
refused "Azure CLI not signed in" "az login" "${nosp[@]}" "PATH=$tmp/bin:$PATH" AZ_FAIL=1 -- --auth cli
refused "no Azure CLI" "not installed" "${nosp[@]}" "PATH=/nonexistent" -- --auth cli

# Device code: pending, slow down (5 s more), then signed in.
mock_ctl config '{"device": ["authorization_pending", "slow_down", "ok"], "device_interval": 1}'
signed_in "(device code)" "device code" "${nosp[@]}" -- --auth device
grep -q "MOCK-1234" "$tmp/auth.err" && ok "the device code was shown" || fail "no device code shown"
mock_ctl config '{"device": ["authorization_pending", "expired_token"], "device_interval": 1}'
refused "device code expired" "expired" "${nosp[@]}" -- --auth device
mock_ctl config '{"device": ["authorization_declined"], "device_interval": 1}'
refused "device code declined" "declined" "${nosp[@]}" -- --auth device

# Refusals before anything is collected.
refused "no secret" "AZURE_CLIENT_SECRET" "${nosp[@]}" -- --auth secret
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=other" -keyout "$tmp/other.key" \
	-out "$tmp/other.crt" 2>/dev/null
cat "$tmp/other.crt" "$tmp/other.key" >"$tmp/other.pem"
refused "a certificate the tenant does not know" "AADSTS700027" "${nosp[@]}" -- --auth certificate --certificate "$tmp/other.pem"
refused "plain http ARM" "must use https" -- --arm "http://127.0.0.1:$main_port"
refused "an endpoint with a path" "scheme, host and port only" -- --graph "https://127.0.0.1:$main_port/v1.0"
refused "unknown cloud" "unknown cloud" -u AZMAT_ARM_ENDPOINT -- --cloud mars
refused "unknown --auth" "unknown --auth" -- --auth password
refused "an unknown tenant" "AADSTS90002" "AZURE_TENANT_ID=00000000-0000-4000-8000-00000000dead" --
other=$("$azmat" new --name other --tenant 00000000-0000-4000-8000-00000000beef)
rc=0
env -u AZURE_TENANT_ID "$azmat" collect "$other" --auth msi >"$tmp/auth.out" 2>"$tmp/auth.err" || rc=$?
[ "$rc" -ne 0 ] && grep -q "but the assessment is for tenant" "$tmp/auth.err" && ok "a token for another tenant than the assessment's is refused" || fail "another tenant: $(cat "$tmp/auth.err")"
[ "$(run_count "$id")" -ge 12 ] && ok "$(run_count "$id") runs kept" || fail "runs: $(run_count "$id")"
finish
