#!/usr/bin/env bash
# 401 on an expired token: azmat gets a new token once and the request succeeds.
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
finish
