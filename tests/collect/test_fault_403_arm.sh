#!/usr/bin/env bash
# 403 AuthorizationFailed on one subscription's Defender plans: that check
# is not assessable for lack of permission; the rest of the run goes on.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-403-arm t-defender-servers '[{"path": "/subscriptions/1a000000-0000-4000-8000-000000000002/providers/Microsoft.Security/pricings", "status": 403, "code": "AuthorizationFailed", "message": "The client does not have authorization to perform action Microsoft.Security/pricings/read"}]' not-assessable permission
finish
