#!/usr/bin/env bash
# 401 on an expired token: azmat gets a new token once and the request
# succeeds. Short-lived tokens are renewed before they expire, without a 401.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-expired t-guests '[{"path": "/v1.0/users", "kind": "expired", "times": 1}]' fail
python3 - "$tmp/mock-log.json" <<'PY' && ok "a new token was fetched and the request repeated" || fail "no token refresh seen"
import json, sys
log = json.load(open(sys.argv[1]))
tokens = [e for e in log if e["path"].endswith("/oauth2/v2.0/token")]
users = [e["status"] for e in log if e["path"].startswith("/v1.0/users")]
sys.exit(0 if len(tokens) >= 3 and users[:2] == [401, 200] else 1)
PY

# Tokens that live 4 s, in a run of several seconds: renewed half-way, never refused.
mock_ctl config '{"token_lifetime": 4, "latency_ms": 250}'
id=$(new_assessment short-tokens)
"$azmat" collect "$id" --concurrency 1 >/dev/null 2>&1 || [ $? -eq 8 ]
mock_log >"$tmp/mock-log.json"
mock_ctl config '{"token_lifetime": 3599, "latency_ms": 0}'
python3 - "$tmp/mock-log.json" <<'PY' && ok "short-lived tokens were renewed before they expired" || fail "tokens were not renewed in time"
import json, sys
log = json.load(open(sys.argv[1]))
tokens = [e for e in log if e["path"].endswith("/oauth2/v2.0/token")]
refused = [e for e in log if e["status"] == 401]
print("%d token requests, %d refused requests" % (len(tokens), len(refused)))
sys.exit(0 if len(tokens) >= 4 and not refused else 1)
PY
expect_verdicts "$id" "$small/expected.json"
finish
