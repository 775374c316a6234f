#!/usr/bin/env bash
# 429 with Retry-After in whole seconds, twice: honoured, retried, the check is right; when it never stops the check is throttled.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-429-seconds t-defender-servers '[{"path": "/subscriptions/1a000000-0000-4000-8000-000000000001/providers/Microsoft.Security/pricings", "status": 429, "retry_after": "1", "code": "TooManyRequests", "times": 2}]' partial
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["throttled"] == 2 else 1)' "$tmp/run2.json" && ok "two throttled responses counted" || fail "throttled count: $(cat "$tmp/run2.json")"
fault_case fault-429-forever t-defender-servers '[{"path": "/subscriptions/1a000000-0000-4000-8000-000000000002/providers/Microsoft.Security/pricings", "status": 429, "retry_after": "0", "code": "TooManyRequests"}]' not-assessable throttled
finish
