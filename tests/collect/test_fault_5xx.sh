#!/usr/bin/env bash
# 5xx: a passing 500 is retried and the check comes out right; a lasting 503 ends it as an API error.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-500-once t-mgmt-groups '[{"path": "/providers/Microsoft.Management/managementGroups", "status": 500, "times": 2}]' pass
fault_case fault-503 t-mgmt-groups '[{"path": "/providers/Microsoft.Management/managementGroups", "status": 503, "code": "ServiceUnavailable"}]' not-assessable api-error
finish
