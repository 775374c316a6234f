#!/usr/bin/env bash
# 429 with Retry-After as an HTTP date: waited for, retried, and the check is right.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-429-date t-kv-purge '[{"path": "/providers/Microsoft.ResourceGraph/resources", "body_contains": "microsoft.keyvault/vaults", "status": 429, "retry_after": "date:+2", "code": "RateLimiting", "times": 1}]' partial
python3 - "$tmp/mock-log.json" <<'PY' && ok "the Resource Graph query was refused once, then answered" || fail "unexpected request log"
import json, sys
log = [e for e in json.load(open(sys.argv[1])) if e["path"].startswith("/providers/Microsoft.ResourceGraph")]
statuses = [e["status"] for e in log]
sys.exit(0 if statuses.count(429) == 1 and statuses.count(200) >= 2 else 1)
PY
finish
