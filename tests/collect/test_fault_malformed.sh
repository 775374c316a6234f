#!/usr/bin/env bash
# Malformed JSON in a 200 answer: the check is an API error, the others are right.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-malformed t-global-admins '[{"path": "/v1.0/roleManagement/directory/roleAssignments", "kind": "malformed"}]' not-assessable api-error
finish
