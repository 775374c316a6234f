#!/usr/bin/env bash
# A body cut short (Content-Length larger than what arrives): retried, then an API error.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-truncated t-kv-purge '[{"path": "/providers/Microsoft.ResourceGraph/resources", "body_contains": "microsoft.keyvault/vaults", "kind": "truncate"}]' not-assessable api-error
finish
