#!/usr/bin/env python3
"""Write a synthetic tenant for the collector benchmark (tests/bench/bench_collect.sh)
in the tests/mock/README.md layout, sized by its number of subscriptions:
per subscription 100 resources, 20 role assignments and 50 users (so 1,000
subscriptions make about 100,000 resources, 20,000 role assignments and
50,000 users), plus the per-subscription ARM answers the collector reads.

The shapes follow Microsoft's examples; the contents are deterministic and
expected.json holds the verdicts of the collector's test checks
(tests/data/collect/checks.json). tests/mock/gen_tenant.py (the checks'
generator) writes tenants for the real catalog; this one is sized for speed.

usage: gen_bench_tenant.py OUT_DIR SUBSCRIPTIONS
"""

import json
import os
import sys

TENANT = "7d6b2f1a-1c2e-4b8a-9f00-00000000b0b0"
APP = "11111111-2222-4333-8444-555555555555"
OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
CONTRIB = "b24988ac-6180-42a0-ab88-20f7382dd24c"
GA = "62e90394-69f5-4237-9190-012177145e10"

# per subscription
KEYVAULTS, STORAGE, VMS, DISKS, NICS, IPS = 10, 10, 30, 30, 19, 0
ROLES_PER_SUB, USERS_PER_SUB = 20, 50


def sub_id(i):
    return "5b000000-0000-4000-8000-%012d" % i


def write(root, rel, obj):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))


def resource(sub, rg, provider, name, typ, props, **extra):
    doc = {"id": "/subscriptions/%s/resourceGroups/%s/providers/%s/%s" % (sub, rg, provider, name),
           "name": name.split("/")[-1], "type": typ.lower(), "location": "westeurope",
           "subscriptionId": sub, "resourceGroup": rg.lower(), "tags": {"owner": "team-%d" % (len(name) % 7)},
           "properties": props}
    doc.update(extra)
    return doc


def resources(f, i, sub, exp):
    """100 resources; some fail the checks, in a known pattern."""
    rg = "rg-%d" % (i % 5)
    for k in range(KEYVAULTS):
        purge = (i + k) % 4 != 0
        d = resource(sub, rg, "Microsoft.KeyVault", "vaults/kv-%d-%d" % (i, k), "Microsoft.KeyVault/vaults",
                     {"enablePurgeProtection": purge, "enableSoftDelete": True, "tenantId": TENANT,
                      "sku": {"family": "A", "name": "standard"}})
        exp["kv"][0 if purge else 1] += 1
        f.write(json.dumps(d) + "\n")
    for k in range(STORAGE):
        public = (i * 7 + k) % 10 == 0
        d = resource(sub, rg, "Microsoft.Storage", "storageAccounts/st%dx%d" % (i, k),
                     "Microsoft.Storage/storageAccounts",
                     {"allowBlobPublicAccess": public, "minimumTlsVersion": "TLS1_2",
                      "supportsHttpsTrafficOnly": True}, kind="StorageV2", sku={"name": "Standard_LRS"})
        exp["st"][1 if public else 0] += 1
        f.write(json.dumps(d) + "\n")
    for k in range(VMS):
        f.write(json.dumps(resource(sub, rg, "Microsoft.Compute", "virtualMachines/vm-%d-%d" % (i, k),
                                    "Microsoft.Compute/virtualMachines",
                                    {"hardwareProfile": {"vmSize": "Standard_D2s_v5"},
                                     "storageProfile": {"osDisk": {"osType": "Linux"}}})) + "\n")
    for k in range(DISKS):
        f.write(json.dumps(resource(sub, rg, "Microsoft.Compute", "disks/disk-%d-%d" % (i, k),
                                    "Microsoft.Compute/disks", {"diskSizeGB": 64})) + "\n")
    for k in range(NICS):
        f.write(json.dumps(resource(sub, rg, "Microsoft.Network", "networkInterfaces/nic-%d-%d" % (i, k),
                                    "Microsoft.Network/networkInterfaces", {"ipConfigurations": []})) + "\n")
    if i % 10 == 0:
        d = resource(sub, "rg-aks", "Microsoft.ContainerService", "managedClusters/aks-%d" % i,
                     "Microsoft.ContainerService/managedClusters", {"kubernetesVersion": "1.29"})
        exp["aks"].append(d["id"])
        f.write(json.dumps(d) + "\n")
    else:
        f.write(json.dumps(resource(sub, rg, "Microsoft.Network", "publicIPAddresses/pip-%d" % i,
                                    "Microsoft.Network/publicIPAddresses",
                                    {"publicIPAllocationMethod": "Static"})) + "\n")


def role_assignments(f, i, sub, exp):
    scope = "/subscriptions/" + sub
    for k in range(ROLES_PER_SUB):
        role = OWNER if (k == 0 and i % 400 == 0) else (CONTRIB if k % 3 == 0 else READER)
        if role == OWNER:
            exp["owners"].append("%s/providers/Microsoft.Authorization/roleAssignments/ra-%d-%d" % (scope, i, k))
        f.write(json.dumps({
            "id": "%s/providers/Microsoft.Authorization/roleAssignments/ra-%d-%d" % (scope, i, k),
            "name": "ra-%d-%d" % (i, k), "type": "microsoft.authorization/roleassignments",
            "subscriptionId": sub, "tenantId": TENANT,
            "properties": {"roleDefinitionId": "%s/providers/Microsoft.Authorization/roleDefinitions/%s" % (scope, role),
                           "principalId": "p%07d-0000-4000-8000-%012d" % (i, k),
                           "principalType": "User" if k % 2 else "Group", "scope": scope}}) + "\n")


def per_subscription(root, i, sub, exp):
    base = "arm/subscriptions/%s/providers/" % sub
    servers = "Standard" if i % 3 else "Free"
    exp["defender"][0 if servers == "Standard" else 1] += 1
    if servers == "Free":
        exp["defender_off"].append("/subscriptions/%s/providers/Microsoft.Security/pricings/VirtualMachines" % sub)
    plans = [("VirtualMachines", servers), ("KeyVaults", "Standard"), ("StorageAccounts", "Free"),
             ("Arm", "Standard"), ("CloudPosture", "Free")]
    write(root, base + "Microsoft.Security/pricings.json", {"value": [
        {"id": "/subscriptions/%s/providers/Microsoft.Security/pricings/%s" % (sub, n), "name": n,
         "type": "Microsoft.Security/pricings", "properties": {"pricingTier": t, "freeTrialRemainingTime": "PT0S"}}
        for n, t in plans]})
    exports = [] if i % 5 == 4 else [{
        "id": "/subscriptions/%s/providers/microsoft.insights/diagnosticSettings/to-siem" % sub,
        "name": "to-siem", "type": "Microsoft.Insights/diagnosticSettings",
        "properties": {"workspaceId": "/subscriptions/%s/resourceGroups/rg-0/providers/"
                                      "Microsoft.OperationalInsights/workspaces/siem" % sub_id(0),
                       "logs": [{"category": c, "enabled": True} for c in ("Administrative", "Security", "Policy")]}}]
    exp["exports"] += len(exports)
    write(root, base + "Microsoft.Insights/diagnosticSettings.json", {"value": exports})
    email = "" if i % 7 == 3 else "secops@contoso.example"
    exp["contacts"][0 if email else 1] += 1
    if not email:
        exp["contacts_bad"].append("/subscriptions/%s/providers/Microsoft.Security/securityContacts/default" % sub)
    write(root, base + "Microsoft.Security/securityContacts.json", {"value": [
        {"id": "/subscriptions/%s/providers/Microsoft.Security/securityContacts/default" % sub, "name": "default",
         "type": "Microsoft.Security/securityContacts",
         "properties": {"emails": email, "isEnabled": bool(email),
                        "notificationsByRole": {"state": "On", "roles": ["Owner"]}}}]})


def users(root, n, exp):
    out = []
    for u in range(n * USERS_PER_SUB):
        guest = u % 25 == 7
        uid = "a%07d-0000-4000-8000-%012d" % (u // 1000000, u)
        if guest:
            exp["guests"].append(uid)
        out.append({"id": uid, "displayName": "User %d" % u, "userType": "Guest" if guest else "Member",
                    "userPrincipalName": ("guest%d_fabrikam.example#EXT#@contoso.example" % u) if guest
                    else "user%d@contoso.example" % u, "accountEnabled": True})
    write(root, "graph/v1.0/users.json", {"value": out})


def main():
    root, n = sys.argv[1], int(sys.argv[2])
    exp = {"kv": [0, 0], "st": [0, 0], "aks": [], "owners": [], "defender": [0, 0], "defender_off": [],
           "exports": 0, "contacts": [0, 0], "contacts_bad": [], "guests": []}
    os.makedirs(os.path.join(root, "arg"), exist_ok=True)
    write(root, "tenant.json", {"tenantId": TENANT, "displayName": "Benchmark %d" % n,
                                "licences": ["AAD_PREMIUM", "AAD_PREMIUM_P2"],
                                "principal": {"appId": APP, "objectId": "99999999-8888-4777-8666-55555555b0b0",
                                              "armRoles": [{"role": "Reader", "scope": "/providers/Microsoft.Management/managementGroups/" + TENANT}]}})
    subs = [sub_id(i) for i in range(n)]
    with open(os.path.join(root, "arg/resourcecontainers.jsonl"), "w") as f:
        for i, s in enumerate(subs):
            f.write(json.dumps({"id": "/subscriptions/" + s, "name": s, "type": "microsoft.resources/subscriptions",
                                "subscriptionId": s, "tenantId": TENANT,
                                "properties": {"displayName": "Subscription %d" % i, "state": "Enabled"}}) + "\n")
    with open(os.path.join(root, "arg/resources.jsonl"), "w") as f:
        for i, s in enumerate(subs):
            resources(f, i, s, exp)
    with open(os.path.join(root, "arg/authorizationresources.jsonl"), "w") as f:
        for i, s in enumerate(subs):
            role_assignments(f, i, s, exp)
    for i, s in enumerate(subs):
        per_subscription(root, i, s, exp)
    for cluster in exp["aks"]:
        write(root, "arm" + cluster + "/providers/Microsoft.Insights/diagnosticSettings.json", {"value": [
            {"id": cluster + "/providers/microsoft.insights/diagnosticSettings/audit", "name": "audit",
             "properties": {"logs": [{"category": "kube-audit", "enabled": True}]}}]})
    write(root, "arm/providers/Microsoft.Management/managementGroups.json", {"value": [
        {"id": "/providers/Microsoft.Management/managementGroups/" + g, "type": "Microsoft.Management/managementGroups",
         "name": g, "properties": {"tenantId": TENANT, "displayName": g}} for g in (TENANT, "platform", "landing-zones", "sandbox")]})
    users(root, n, exp)
    write(root, "graph/v1.0/identity/conditionalAccess/policies.json", {"value": [
        {"id": "c0000000-0000-4000-8000-00000000000%d" % k, "displayName": "Policy %d" % k,
         "state": "enabled" if k < 2 else "disabled",
         "conditions": {"users": {"includeUsers": ["All"]}, "applications": {"includeApplications": ["All"]}},
         "grantControls": {"operator": "OR", "builtInControls": ["mfa"] if k == 1 else ["compliantDevice"]}}
        for k in range(4)]})
    write(root, "graph/v1.0/roleManagement/directory/roleAssignments.json", {"value": [
        {"id": "ga-%d" % k, "principalId": "a0000000-0000-4000-8000-%012d" % k, "roleDefinitionId": GA,
         "directoryScopeId": "/"} for k in range(5)]})
    write(root, "graph/v1.0/roleManagement/directory/roleEligibilitySchedules.json", {"value": [
        {"id": "el-%d" % k, "principalId": "a0000000-0000-4000-8000-%012d" % (k + 10), "roleDefinitionId": GA,
         "memberType": "Direct", "status": "Provisioned"} for k in range(3)]})
    write(root, "graph/v1.0/policies/authorizationPolicy.json", {
        "id": "authorizationPolicy", "displayName": "Authorization Policy", "allowInvitesFrom": "adminsAndGuestInviters",
        "guestUserRoleId": "10dae51f-b6af-4016-8d66-8c2a99b929b3"})

    def ratio(good_bad, offenders=None):
        good, bad = good_bad
        status = "pass" if not bad else ("fail" if not good else "partial")
        r = {"status": status, "cause": "", "healthy": good, "total": good + bad}
        if offenders is not None:
            r["offending"] = offenders
        return r
    checks = {
        "t-kv-purge": ratio(exp["kv"]),
        "t-storage-public": ratio(exp["st"]),
        "t-owners": {"status": "pass" if len(exp["owners"]) <= 3 else "fail", "cause": "", "healthy": int(len(exp["owners"]) <= 3),
                     "total": 1, "offending": exp["owners"] if len(exp["owners"]) > 3 else []},
        "t-defender-servers": ratio(exp["defender"], exp["defender_off"]),
        "t-activity-export": {"status": "pass" if exp["exports"] else "fail", "cause": "", "healthy": int(exp["exports"] > 0), "total": 1},
        "t-contacts": ratio(exp["contacts"], exp["contacts_bad"]),
        "t-mgmt-groups": {"status": "pass", "cause": "", "healthy": 1, "total": 1},
        "t-aks-diag": {"status": "pass" if exp["aks"] else "fail", "cause": "", "healthy": int(bool(exp["aks"])), "total": 1},
        "t-ca-mfa": {"status": "pass", "cause": "", "healthy": 1, "total": 1},
        "t-guests": {"status": "fail" if len(exp["guests"]) > 1 else "pass", "cause": "", "total": 1},
        "t-global-admins": {"status": "fail", "cause": "", "healthy": 0, "total": 1},
        "t-pim": {"status": "pass", "cause": "", "healthy": 1, "total": 1},
        "t-guest-invites": {"status": "pass", "cause": "", "healthy": 1, "total": 1},
    }
    write(root, "expected.json", {"checks": checks, "sizes": {
        "subscriptions": n, "resources": n * (KEYVAULTS + STORAGE + VMS + DISKS + NICS + 1),
        "role_assignments": n * ROLES_PER_SUB, "users": n * USERS_PER_SUB}})


if __name__ == "__main__":
    main()
