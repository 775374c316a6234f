#!/usr/bin/env bash
# Licence errors from Graph (403 non-premium tenant, 400 AadPremiumLicenseRequired) make checks not assessable for want of a licence.
source "$(dirname "$0")/lib.sh"
mock_start "$small"
fault_case fault-licence t-ca-mfa '[{"path": "/v1.0/identity/conditionalAccess/policies", "status": 403, "code": "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "message": "Neither tenant is B2C or tenant doesn'"'"'t have premium license"}]' not-assessable licence
fault_case fault-licence-pim t-global-admins '[{"path": "/v1.0/roleManagement/directory/roleAssignments", "status": 400, "code": "AadPremiumLicenseRequired", "message": "The tenant needs an AAD Premium 2 license."}]' not-assessable licence
finish
