#!/usr/bin/env bash
# HTTP/2 where the service offers it, as Azure's front doors do: the mock
# tenant behind nghttpx (a real HTTP/2 TLS terminator, Debian's
# nghttp2-proxy), small pages so that every list is followed over many
# nextLinks. azmat must negotiate h2 by ALPN, send every request over it
# (multiplexed on few connections), follow the links the proxy's origin
# names, and reach exactly the verdicts it reaches over HTTP/1.1.
source "$(dirname "$0")/lib.sh"
mock_start "$small" --arm-page 1 --graph-page 1

command -v nghttpx >/dev/null || { fail "nghttpx is missing: make test installs nghttp2-proxy"; finish; }
h2_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
nghttpx --conf=/dev/null --workers=1 --no-ocsp \
	--frontend="127.0.0.1,$h2_port" \
	--backend="127.0.0.1,$main_port;;tls;sni=localhost" --cacert="$tmp/certs/ca.pem" \
	--accesslog-file="$tmp/h2-access.log" \
	--accesslog-format='$alpn $remote_port $method $status $path' \
	--errorlog-file="$tmp/h2-error.log" \
	"$tmp/certs/server.key" "$tmp/certs/server.pem" &
h2_pid=$!
stop_proxy() {
	kill "$h2_pid" 2>/dev/null || true
	wait "$h2_pid" 2>/dev/null || true
}
trap 'stop_proxy; cleanup' EXIT
for _ in $(seq 1 100); do
	curl -s --http2 --cacert "$tmp/certs/ca.pem" -o /dev/null "https://127.0.0.1:$h2_port/_mock/log" && break
	sleep 0.1
done
proto=$(curl -s --http2 --cacert "$tmp/certs/ca.pem" -o /dev/null -w '%{http_version}' \
	"https://127.0.0.1:$h2_port/_mock/log" || true)
[ "$proto" = 2 ] && ok "the proxy speaks HTTP/2" ||
	{ fail "the proxy is not answering over HTTP/2 ($proto): $(cat "$tmp/h2-error.log")"; finish; }

# Over HTTP/1.1 first, straight to the mock: the reference.
id1=$(new_assessment "h1")
"$azmat" collect "$id1" --json >"$tmp/h1.json" || [ $? -eq 8 ] || fail "collect over HTTP/1.1 failed"
expect_verdicts "$id1" "$small/expected.json"
mock_ctl clear

# Then every endpoint through the HTTP/2 proxy.
export AZMAT_AUTHORITY="https://127.0.0.1:$h2_port"
export AZMAT_ARM_ENDPOINT="https://127.0.0.1:$h2_port"
export AZMAT_GRAPH_ENDPOINT="https://127.0.0.1:$h2_port"
: >"$tmp/h2-access.log"
id2=$(new_assessment "h2")
rc=0
"$azmat" collect "$id2" --concurrency 8 --json >"$tmp/h2.json" 2>"$tmp/h2.err" || rc=$?
[ "$rc" -eq 0 ] || [ "$rc" -eq 8 ] || fail "collect over HTTP/2 exited $rc: $(cat "$tmp/h2.err")"
expect_verdicts "$id2" "$small/expected.json"

"$azmat" evidence "$id1" --json >"$tmp/ev1.json"
"$azmat" evidence "$id2" --json >"$tmp/ev2.json"
python3 - "$tmp/ev1.json" "$tmp/ev2.json" <<'PY' && ok "HTTP/2 and HTTP/1.1 runs agree on every check, count and offender" || fail "the HTTP/2 run differs from the HTTP/1.1 run"
import json, sys
def load(p):
    out = {}
    for r in json.load(open(p))["results"]:
        out[r["check"]] = (r["status"], r["cause"], r["healthy"], r["total"],
                           sorted(o["id"] for o in r["offending"]))
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
for k in sorted(set(a) | set(b)):
    if a.get(k) != b.get(k):
        print("  %s: HTTP/1.1 %r, HTTP/2 %r" % (k, a.get(k), b.get(k)))
sys.exit(0 if a == b else 1)
PY

stop_proxy
trap cleanup EXIT
python3 - "$tmp/h2-access.log" <<'PY' && ok "every request went over HTTP/2, pages included, multiplexed" || fail "some requests did not use HTTP/2, or were not multiplexed"
import sys
lines = [l.split() for l in open(sys.argv[1]) if l.strip()]
not_h2 = [l for l in lines if l[0] != "h2"]
pages = [l for l in lines if "skiptoken" in l[-1].lower()]
api = [l for l in lines if "/oauth2/" not in l[-1]]
conns = set(l[1] for l in api)
print("  %d requests through the proxy, %d of them later pages, %d not over h2; "
      "%d API requests on %d connection(s)" % (len(lines), len(pages), len(not_h2), len(api), len(conns)))
for l in not_h2[:5]:
    print("  not h2:", " ".join(l))
sys.exit(0 if lines and pages and not not_h2 and len(conns) * 4 <= len(api) else 1)
PY
finish
