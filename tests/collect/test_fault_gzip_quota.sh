#!/usr/bin/env bash
# Compressed answers are read; a spent Resource Graph quota holds Resource Graph requests until it resets.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-gzip t-guests '[{"path": "/v1.0/users", "kind": "gzip"}]' fail
fault_case fault-arg-quota t-kv-purge '[{"path": "/providers/Microsoft.ResourceGraph/resources", "kind": "arg-quota"}]' partial
finish
