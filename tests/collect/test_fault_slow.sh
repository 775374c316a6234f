#!/usr/bin/env bash
# A response slower than --timeout: retried, then the check timed out.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-slow t-ca-mfa '[{"path": "/v1.0/identity/conditionalAccess/policies", "kind": "slow", "seconds": 3}]' not-assessable timeout --timeout 1
finish
