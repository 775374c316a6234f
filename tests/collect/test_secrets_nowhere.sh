#!/usr/bin/env bash
# After runs with every secret-bearing flow (client secret from the
# environment, from a file and from standard input; device code with its
# refresh token; an expired token renewed mid-run), neither the client
# secret nor any token, refresh token or device code the mock issued appears
# in the database (and its journal files), the log, or the output.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
out="$tmp/out"
mkdir -p "$out"
id=$(new_assessment secrets)
mock_ctl faults '[{"path": "/v1.0/users", "kind": "expired", "times": 1}]'
"$azmat" --log "$out/azmat.log" --verbose collect "$id" >"$out/1.out" 2>"$out/1.err" || [ $? -eq 8 ]
"$azmat" --log "$out/azmat.log" collect "$id" --json >"$out/2.out" 2>"$out/2.err" || [ $? -eq 8 ]
env -u AZURE_CLIENT_SECRET "$azmat" --log "$out/azmat.log" -v collect "$id" --auth secret \
	--secret-file "$tmp/secret" --checks t-guests >"$out/3.out" 2>"$out/3.err"
env -u AZURE_CLIENT_SECRET "$azmat" --log "$out/azmat.log" -v collect "$id" --auth secret \
	--secret-file - --checks t-kv-purge <"$tmp/secret" >"$out/4.out" 2>"$out/4.err"
mock_ctl config '{"device": ["authorization_pending", "ok"], "device_interval": 1}'
env -u AZURE_CLIENT_SECRET "$azmat" --log "$out/azmat.log" -v collect "$id" --auth device \
	--checks t-guests,t-kv-purge >"$out/5.out" 2>"$out/5.err"
# a refused secret: the error names no secret either
env AZURE_CLIENT_SECRET="wrong-$secret" "$azmat" --log "$out/azmat.log" -v collect "$id" \
	>"$out/6.out" 2>"$out/6.err" && fail "a wrong secret was accepted"
grep -q "AADSTS7000215" "$out/6.err" && ok "a refused secret is reported" || fail "no sign-in error shown"
"$azmat" evidence "$id" --json --requests >"$out/evidence.json"
"$azmat" evidence "$id" >"$out/evidence.txt"
cp "$AZMAT_DB"* "$out/"

curl -sS --fail --cacert "$tmp/certs/ca.pem" "https://127.0.0.1:$main_port/_mock/tokens" >"$tmp/tokens.json"
python3 - "$out" "$tmp/tokens.json" "$secret" <<'PY' && ok "no secret or token on disk or in the output" || fail "a secret leaked"
import json, os, sys
folder, tokens, secret = sys.argv[1], json.load(open(sys.argv[2])), sys.argv[3]
needles = [secret] + tokens
# a JWT's payload and signature are secrets on their own too
needles += [part for t in tokens if t.count(".") == 2 for part in t.split(".")[1:] if len(part) > 20]
print("%d tokens issued, %d needles, files: %s" % (len(tokens), len(needles), " ".join(sorted(os.listdir(folder)))))
assert len(tokens) >= 6, "expected several tokens"
bad = 0
for name in sorted(os.listdir(folder)):
    data = open(os.path.join(folder, name), "rb").read()
    for n in needles:
        if n.encode() in data:
            print("  %s holds %s..." % (name, n[:8]))
            bad += 1
sys.exit(1 if bad else 0)
PY
grep -q "Bearer \[REDACTED\]\|\[REDACTED\]" "$out/azmat.log" || true
[ -s "$out/azmat.log" ] && ok "the log was written" || fail "the log is empty"
finish
