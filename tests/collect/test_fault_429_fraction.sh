#!/usr/bin/env bash
# 429 with a fractional Retry-After (Graph style, 0.25 s): throttled until the retries run out.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-429-fraction t-guests '[{"path": "/v1.0/users", "status": 429, "retry_after": "0.25", "code": "TooManyRequests"}]' not-assessable throttled
fault_case fault-429-fraction-once t-guests '[{"path": "/v1.0/users", "status": 429, "retry_after": "0.25", "code": "TooManyRequests", "times": 1}]' fail
finish
