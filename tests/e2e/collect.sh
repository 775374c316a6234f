# Sourced by the e2e tests of the collection screen, instead of lib.sh:
# the collect tests' helpers (tests/collect/lib.sh: the test CA, the HTTPS
# mock tenant, the secret, verdict checks) and the terminal helpers
# (lib.sh), on one database, with the real catalog and a small tenant made
# by tests/mock/gen_tenant.py (extra generator options in $GEN_OPTS).
#   $tenant   the generated tenant folder (expected.json inside)
#   $secret   the client secret azmat finds in AZURE_CLIENT_SECRET
e2e_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$e2e_here/../collect/lib.sh"
. "$e2e_here/lib.sh"
trap 'e2e_cleanup; cleanup' EXIT

export AZMAT_CATALOG="$src/roadmap"
export AZMAT_DB="$E2E_DB"
tenant="$E2E_TMP/tenant"
# shellcheck disable=SC2086
python3 "$src/tests/mock/gen_tenant.py" --out "$tenant" --preset small ${GEN_OPTS:-} >/dev/null
AZURE_CLIENT_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["principal"]["appId"])' "$tenant/tenant.json")
AZMAT_NOW=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["now"])' "$tenant/tenant.json")
export AZURE_CLIENT_ID AZMAT_NOW

# no_secrets FILE...: neither the client secret nor any token, refresh token
# or device code the mock issued is in the files.
no_secrets() {
  curl -sS --fail --cacert "$tmp/certs/ca.pem" "https://127.0.0.1:$main_port/_mock/tokens" >"$E2E_TMP/tokens.json"
  python3 - "$E2E_TMP/tokens.json" "$secret" "$@" <<'PY' || fail "a secret or token leaked"
import json, sys
tokens, secret, files = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3:]
needles = [secret] + tokens
# a JWT's payload and signature are secrets on their own too
needles += [p for t in tokens if t.count(".") == 2 for p in t.split(".")[1:] if len(p) > 20]
assert tokens, "the mock issued no token"
bad = 0
for name in files:
    data = open(name, "rb").read()
    for n in needles:
        if n.encode() in data:
            print("  %s holds %s..." % (name, n[:8]))
            bad += 1
print("%d tokens issued; %d files free of them and of the secret" % (len(tokens), len(files)))
sys.exit(1 if bad else 0)
PY
}

# keep_screen FILE: append the screen as it is now (for the secrets check).
keep_screen() { screen >>"$1"; }

# run_status ID: the newest run's status.
run_status() {
  sqlite3 "$E2E_DB" "SELECT status FROM evidence_run WHERE assessment_id = $1 ORDER BY id DESC LIMIT 1"
}

# stored ID: results stored for the assessment, in all its runs.
stored() {
  sqlite3 "$E2E_DB" "SELECT count(*) FROM check_result r JOIN evidence_run u ON u.id = r.run_id WHERE u.assessment_id = $1"
}
