#!/usr/bin/env bash
# 403 Authorization_RequestDenied from Graph: the check lacks permission; the run goes on.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-403-graph t-guest-invites '[{"path": "/v1.0/policies/authorizationPolicy", "status": 403, "code": "Authorization_RequestDenied", "message": "Insufficient privileges to complete the operation."}]' not-assessable permission
finish
