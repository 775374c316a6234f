"""Azure side of a synthetic tenant: management groups, subscriptions,
resources, role and policy assignments, Defender for Cloud, and the ARM
responses Resource Graph does not carry (diagnostic settings, security
contacts, budgets, locks, PIM schedules, SQL auditing and firewall rules).

Every object is given its good or bad settings here, and the checks that
judge it are told at the same moment (Expect.judge/count)."""
from tenant_entra import pim_verdict
from tenant_resources import Resources

ROLE = {"owner": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "contributor": "b24988ac-6180-42a0-ab88-20f7382dd24c",
        "uaa": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "rbacadmin": "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
        "reader": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "securityreader": "39bc4728-0917-49c7-9d2c-d95423bc2eb4"}
PRIV_AZURE = {ROLE[k] for k in ("owner", "contributor", "uaa", "rbacadmin")}
MCSB = "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
TAG_POLICY = "/providers/Microsoft.Authorization/policyDefinitions/96670d01-0a4d-4649-9c89-2d3abc0a5025"
PLANS = ["VirtualMachines", "StorageAccounts", "KeyVaults", "SqlServers", "Containers", "AppServices", "Arm",
         "CloudPosture", "Dns"]
CONTROL_OPS = ["Microsoft.Authorization/policyAssignments/write", "Microsoft.Authorization/policyAssignments/delete",
               "Microsoft.Authorization/roleAssignments/write", "Microsoft.Network/networkSecurityGroups/write",
               "Microsoft.Network/networkSecurityGroups/delete",
               "Microsoft.Network/networkSecurityGroups/securityRules/write",
               "Microsoft.Network/networkSecurityGroups/securityRules/delete",
               "Microsoft.Security/securitySolutions/write", "Microsoft.Security/securitySolutions/delete",
               "Microsoft.Sql/servers/firewallRules/write", "Microsoft.Sql/servers/firewallRules/delete",
               "Microsoft.Network/publicIPAddresses/write"]
LOCATIONS = ["westeurope", "northeurope", "eastus", "uksouth"]
# Expected counts of each kind per 100 resources per subscription.
RECIPE = {"vm": 9, "vmss": 1, "storage": 7, "kv": 3, "nsg": 5, "vnet": 3, "pip": 5, "sql": 2, "aks": 1,
          "acr": 1, "site": 4, "cosmos": 1, "redis": 1, "workflow": 2, "waf": 1, "disk": 23,
          "firewall": 0.3, "fwpolicy": 0.5, "gallery": 0.3, "workspace": 1}


# The checks judged object by object on the Azure side (a check with nothing in scope is then
# not assessable instead of missing from expected.json).
ITEM_CHECKS = [
    "inventory-subscription-owner-tags", "inventory-subscriptions-under-mg", "inventory-hierarchy-settings",
    "inventory-security-contact", "inventory-budgets", "inventory-sentinel-workspace-locked",
    "visibility-activity-log-export", "visibility-sentinel-retention-90", "visibility-security-reader-everywhere",
    "visibility-benchmark-assigned", "visibility-secure-score", "visibility-secure-score-70",
    "visibility-high-severity-recommendations", "detection-defender-servers", "detection-defender-storage",
    "detection-defender-keyvault", "detection-defender-sql", "detection-defender-containers",
    "detection-defender-appservice", "detection-defender-arm", "detection-defender-cspm", "detection-mde-on-vms",
    "detection-monitor-agent-on-vms", "detection-alert-notifications", "detection-continuous-export",
    "detection-aks-audit-logs", "detection-keyvault-audit-logs", "detection-registry-audit-logs",
    "detection-sql-auditing", "rbac-subscription-owners", "rbac-no-guests-privileged",
    "rbac-custom-roles-no-wildcards", "rbac-workload-identities-not-admin", "rbac-stale-privileged-users",
    "surface-keyvault-rbac", "surface-keyvault-purge-protection", "surface-keyvault-network",
    "surface-storage-no-public-blob", "surface-storage-network", "surface-storage-no-shared-key",
    "surface-nsg-management-ports", "surface-nsg-data-ports", "surface-vm-no-public-ip", "surface-public-ip-in-use",
    "surface-registry-no-admin-user", "surface-aks-api-restricted", "surface-waf-prevention",
    "surface-policy-exemptions-expire", "surface-vm-backup", "surface-backup-vault-immutable",
    "surface-backup-vault-soft-delete", "governance-resource-group-tags", "governance-recovery-vault-locked",
    "governance-keyvault-locked", "governance-vm-gallery-images", "governance-gallery-image-fresh",
    "governance-vm-trusted-launch", "governance-linux-ssh-keys-only", "network-flow-logs",
    "network-flow-log-retention", "network-firewall-logs", "network-private-endpoints", "network-storage-tls12",
    "network-storage-https-only", "network-sql-tls12", "network-sql-no-public-access", "network-cosmos-restricted",
    "network-registry-restricted", "network-webapp-https-only", "network-redis-tls12", "network-subnets-have-nsg",
    "network-nsg-no-any-any", "network-egress-through-firewall", "network-firewall-threat-intel-deny",
    "network-firewall-idps-deny", "network-aks-egress-routed", "response-sentinel-retention-365",
    "response-immutable-evidence-storage", "response-defender-container-sensor",
]


class Sub:
    __slots__ = ("id", "sid", "name", "chain", "rgs", "kinds", "locks", "workspaces", "owners")


class ArmGen(Resources):
    def __init__(self, m, e, a):
        self.m, self.e, self.a, self.rng = m, e, a, m.rng
        self.t = m.tenant_id
        self.scale = a.resources_per_sub / 100.0
        self.ra_left = a.role_assignments
        self.held_user = {}    # user id -> user, for users holding privileged Azure roles
        self.priv_sp = set()   # principal ids of service principals with privileged sub/MG roles
        self.identities = []   # (resource id, principal id) of workloads with a managed identity
        self.ops = set()
        self.backup_targets = []  # VM ids of the subscription being filled
        self.pim_counts = [0, 0, []]  # healthy, total, standing ids
        for cid in ("inventory-no-classic-resources", "visibility-sentinel-enabled",
                    "visibility-security-reader-at-mg", "detection-no-legacy-log-agent",
                    "detection-action-group", "detection-log-alert-rules", "detection-governance-rules",
                    "surface-sql-no-open-firewall", "surface-policy-enforced-at-mg", "governance-tag-policy",
                    "surface-policy-remediation", "response-workflow-automation"):
            e.counting(cid)
        for cid in ITEM_CHECKS:
            e.scope(cid)

    # ----- helpers -----------------------------------------------------------------
    def chance(self, p):
        return self.rng.random() < p

    def n(self, kind):
        x = RECIPE[kind] * self.scale
        k = int(x)
        return k + (1 if self.rng.random() < x - k else 0)

    def res(self, sub, rg, rtype, name, props, **extra):
        rid = "%s/resourceGroups/%s/providers/%s/%s" % (sub.id, rg, rtype, name)
        kind = extra.pop("type_name", rtype).lower()
        row = {"id": rid, "name": name, "type": kind, "location": self.rng.choice(LOCATIONS),
               "subscriptionId": sub.sid, "resourceGroup": rg, "tenantId": self.t, "tags": extra.pop("tags", {}),
               "properties": props}
        row.update(extra)
        self.m.row("resources", row)
        sub.kinds.add(kind)
        return rid

    def assignment(self, scope, role, principal, ptype, sid=""):
        rid = "%s/providers/Microsoft.Authorization/roleAssignments/%s" % (scope if scope != "/" else "", self.m.uuid())
        role_id = ("%s/providers/Microsoft.Authorization/roleDefinitions/%s" % (scope, role)
                   if scope.startswith("/subscriptions/") else
                   "/providers/Microsoft.Authorization/RoleDefinitions/%s" % role)
        self.m.row("authorizationresources", {
            "id": rid, "name": rid.rsplit("/", 1)[1], "type": "microsoft.authorization/roleassignments",
            "subscriptionId": sid, "tenantId": self.t,
            "properties": {"roleDefinitionId": role_id, "principalId": principal, "principalType": ptype,
                           "scope": scope, "createdOn": self.m.iso(200)}})
        self.m.counts["roleassignments"] += 1
        self.ra_left -= 1
        return rid

    def diag(self, target, good_p, categories, group="allLogs"):
        """Diagnostic settings of target: one good setting with probability good_p, else none or a weak one."""
        sid = target + "/providers/microsoft.insights/diagnosticSettings/"
        dest = {"workspaceId": "/subscriptions/%s/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec" % self.m.uuid()}
        r = self.rng.random()
        if r < good_p:
            if self.chance(0.5):
                logs = [{"categoryGroup": group, "enabled": True}]
            else:
                logs = [{"category": c if isinstance(c, str) else c[-1], "enabled": True} for c in categories]
            return [dict({"id": sid + "central", "name": "central", "properties": dict(dest, logs=logs)})], True
        if r < good_p + (1 - good_p) / 2:
            return [], False
        kind = self.rng.choice(["missing", "disabled", "nodest"])
        logs = [{"category": c if isinstance(c, str) else c[0], "enabled": kind != "disabled"} for c in categories]
        if kind == "missing":
            logs = logs[:-1]
        props = dict(logs=logs) if kind == "nodest" else dict(dest, logs=logs)
        return [{"id": sid + "partial", "name": "partial", "properties": props}], False

    def locked_scopes(self, sub, *ids):
        return any(i.lower() in sub.locks for i in ids)

    # ----- the tenant --------------------------------------------------------------
    def run(self):
        self.management_groups()
        subs = [self.subscription(i) for i in range(self.a.subscriptions)]
        self.m.arm("/subscriptions", [{"id": s.id, "subscriptionId": s.sid, "displayName": s.name,
                                       "state": "Enabled", "tenantId": self.t} for s in subs])
        self.tenant_level(subs)
        for s in subs:
            self.fill(s)
        self.filler_assignments(subs)
        self.holder_verdicts()
        self.e.verdict("detection-control-plane-alerts",
                       "pass" if len(self.ops) == len(CONTROL_OPS) else "partial" if self.ops else "fail",
                       len(self.ops), len(CONTROL_OPS), [o for o in CONTROL_OPS if o not in self.ops])

    def management_groups(self):
        t = self.t
        self.mgs = {"platform": [t], "landingzones": [t], "prod": ["landingzones", t],
                    "nonprod": ["landingzones", t], "sandbox": [t]}
        rows = [(t, "Tenant Root Group", None)] + [("mg-" + k, k.title(), v[0]) for k, v in self.mgs.items()]
        for name, disp, parent in rows:
            pid = None if parent is None else "/providers/Microsoft.Management/managementGroups/%s" % (
                parent if parent == t else "mg-" + parent)
            self.m.row("resourcecontainers", {
                "id": "/providers/Microsoft.Management/managementGroups/%s" % name, "name": name,
                "type": "microsoft.management/managementgroups", "tenantId": t,
                "properties": {"displayName": disp, "details": {"parent": {"id": pid}}}})

    def chain_for(self, mg):
        if mg is None:
            return [{"name": self.t, "displayName": "Tenant Root Group"}]
        out = [{"name": "mg-" + mg, "displayName": mg.title()}]
        for up in self.mgs[mg]:
            out.append({"name": up if up == self.t else "mg-" + up, "displayName": up})
        return out

    def subscription(self, i):
        s = Sub()
        s.sid = self.m.uuid()
        s.id = "/subscriptions/" + s.sid
        s.name = self.m.sub_name(i)
        mg = None if self.chance(0.08) else self.rng.choice(["prod", "prod", "nonprod", "nonprod", "sandbox", "platform"])
        s.chain = self.chain_for(mg)
        s.kinds, s.locks, s.workspaces, s.owners = set(), set(), [], 0
        tags = {}
        for key, val in (("owner", "team-%d@%s" % (i, self.m.domain)), ("costCenter", "CC%d" % (100 + i)),
                         ("environment", "prod" if mg == "prod" else "dev")):
            r = self.rng.random()
            if r < 0.82:
                tags[key if self.chance(0.8) else key.upper()] = val
            elif r < 0.88:
                tags[key] = "tbd"
        self.m.row("resourcecontainers", {
            "id": s.id, "name": s.name, "type": "microsoft.resources/subscriptions", "tenantId": self.t,
            "subscriptionId": s.sid, "tags": tags,
            "properties": {"state": "Enabled", "managementGroupAncestorsChain": s.chain}})
        good_tags = all(any(k.lower() == key.lower() and v != "tbd" for k, v in tags.items())
                        for key in ("owner", "costCenter", "environment"))
        self.e.judge("inventory-subscription-owner-tags", s.id, good_tags)
        self.e.judge("inventory-subscriptions-under-mg", s.id, mg is not None)
        s.rgs = ["rg-app-%d" % k for k in range(1 + max(1, int(3 * self.scale + 0.5)))] + ["rg-sec"]
        for rg in s.rgs:
            rtags = {}
            for key in ("owner", "environment", "costCenter"):
                if self.chance(0.75):
                    rtags[key] = "x-" + key
            self.m.row("resourcecontainers", {
                "id": "%s/resourceGroups/%s" % (s.id, rg), "name": rg,
                "type": "microsoft.resources/subscriptions/resourcegroups", "subscriptionId": s.sid,
                "resourceGroup": rg, "tenantId": self.t, "location": "westeurope", "tags": rtags,
                "properties": {"provisioningState": "Succeeded"}})
            self.e.judge("governance-resource-group-tags", "%s/resourceGroups/%s" % (s.id, rg), len(rtags) == 3)
        return s

    # ----- tenant-wide objects ------------------------------------------------------
    def tenant_level(self, subs):
        m, e, t = self.m, self.e, self.t
        req, dflt = self.chance(0.5), self.chance(0.6)
        props = {"requireAuthorizationForGroupCreation": req, "tenantId": t}
        if dflt:
            props["defaultManagementGroup"] = "/providers/Microsoft.Management/managementGroups/mg-sandbox"
        sid = "/providers/Microsoft.Management/managementGroups/%s/settings/default" % t
        m.arm("/providers/Microsoft.Management/managementGroups/%s/settings" % t,
              [{"id": sid, "name": "default", "type": "Microsoft.Management/managementGroups/settings",
                "properties": props}])
        e.judge("inventory-hierarchy-settings", sid, req and dflt)
        # Entra ID diagnostic settings (one tenant-wide decision).
        cats = ["AuditLogs", "SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs",
                "ManagedIdentitySignInLogs"]
        settings, good = self.diag("/providers/microsoft.aadiam", 0.5, cats)
        m.arm("/providers/microsoft.aadiam/diagnosticSettings", settings)
        e.verdict("visibility-entra-log-export", "pass" if good else "fail", int(good), 1)
        # Management-group role and policy assignments.
        self.sr_scopes = set()
        mg_scope = lambda n: "/providers/Microsoft.Management/managementGroups/%s" % n
        if self.chance(0.6):
            self.assignment(mg_scope("mg-prod"), ROLE["securityreader"], self.rng.choice(self.m.groups), "Group")
            self.sr_scopes.add(mg_scope("mg-prod").lower())
            e.count("visibility-security-reader-at-mg", "sr-mg-prod")
        if self.chance(0.3):
            self.assignment(mg_scope(t), ROLE["securityreader"], self.rng.choice(self.m.groups), "Group")
            self.sr_scopes.add(mg_scope(t).lower())
            e.count("visibility-security-reader-at-mg", "sr-root")
        if self.chance(0.5):  # a user, not a group: does not count
            self.assignment(mg_scope("mg-nonprod"), ROLE["securityreader"], self.rng.choice(self.m.users).id, "User")
        self.mcsb = {}
        if self.chance(0.6):
            self.mcsb[mg_scope(t).lower()] = self.policy_assignment(
                mg_scope(t), MCSB, "DoNotEnforce" if self.chance(0.3) else "Default", identity=False)
        if self.chance(0.5):
            self.policy_assignment(mg_scope("mg-landingzones"), TAG_POLICY, "Default", identity=True)
        for k in range(self.rng.randint(0, 3)):
            self.policy_assignment(mg_scope(self.rng.choice(["mg-prod", "mg-platform"])),
                                   "/providers/Microsoft.Authorization/policyDefinitions/" + self.m.uuid(),
                                   self.rng.choice(["Default", "DoNotEnforce"]), identity=self.chance(0.5))
        # Owner and UAA at management group scope, to users and service principals.
        for _ in range(self.rng.randint(1, 3)):
            u = self.rng.choice(self.m.users)
            self.assignment(mg_scope("mg-prod"), ROLE["owner"], u.id, "User")
            self.held_user[u.id] = u
        if self.chance(0.5):
            sp = self.rng.choice(self.m.apps)[0]
            self.assignment(mg_scope("mg-platform"), ROLE["contributor"], sp, "ServicePrincipal")
            self.priv_sp.add(sp.lower())
        # Role definitions: a few built-in ones and the custom roles.
        for name, rid, actions in (("Owner", ROLE["owner"], ["*"]), ("Reader", ROLE["reader"], ["*/read"])):
            m.row("authorizationresources", {
                "id": "/providers/Microsoft.Authorization/RoleDefinitions/" + rid, "name": rid,
                "type": "microsoft.authorization/roledefinitions", "tenantId": t,
                "properties": {"roleName": name, "type": "BuiltInRole",
                               "permissions": [{"actions": actions, "notActions": []}],
                               "assignableScopes": ["/"]}})
        for k in range(self.rng.randint(0, 4)):
            bad = self.chance(0.35)
            actions = (["Microsoft.Compute/*/read", self.rng.choice(["*", "Microsoft.Authorization/*",
                                                                      "Microsoft.Authorization/roleAssignments/write"])]
                       if bad else ["Microsoft.Compute/virtualMachines/start/action", "Microsoft.Compute/*/read"])
            rid = self.m.uuid()
            scope = self.rng.choice(subs).id
            did = "%s/providers/Microsoft.Authorization/roleDefinitions/%s" % (scope, rid)
            m.row("authorizationresources", {
                "id": did, "name": rid, "type": "microsoft.authorization/roledefinitions", "tenantId": t,
                "properties": {"roleName": "Custom %d" % k, "type": "CustomRole",
                               "permissions": [{"actions": ["Microsoft.Storage/*/read"], "notActions": []},
                                               {"actions": actions, "notActions": []}],
                               "assignableScopes": [scope]}})
            e.judge("rbac-custom-roles-no-wildcards", did, not bad)
        # Classic resources somewhere.
        for s in subs:
            if self.chance(0.04):
                rid = self.res(s, s.rgs[0], "Microsoft.ClassicCompute/virtualMachines", "classic-vm", {})
                e.count("inventory-no-classic-resources", rid)

    def policy_assignment(self, scope, definition, mode, identity):
        aid = "%s/providers/Microsoft.Authorization/policyAssignments/%s" % (scope, self.m.uuid()[:24])
        row = {"id": aid, "name": aid.rsplit("/", 1)[1], "type": "microsoft.authorization/policyassignments",
               "tenantId": self.t, "properties": {"scope": scope, "policyDefinitionId": definition,
                                                   "enforcementMode": mode, "displayName": "assignment"}}
        if scope.startswith("/subscriptions/"):
            row["subscriptionId"] = scope.split("/")[2]
        if identity:
            row["identity"] = {"type": "SystemAssigned", "principalId": self.m.uuid()}
            self.e.count("surface-policy-remediation", aid)
        if scope.startswith("/providers/Microsoft.Management/") and mode == "Default":
            self.e.count("surface-policy-enforced-at-mg", aid)
        if definition == TAG_POLICY:
            self.e.count("governance-tag-policy", aid)
        self.m.row("policyresources", row)
        return mode

    # ----- one subscription ---------------------------------------------------------
    def fill(self, s):
        self.sub_settings(s)
        self.sub_roles(s)
        self.workspaces(s)
        net = self.network(s)
        for _ in range(self.n("vm")):
            self.vm(s, net)
        for _ in range(self.n("vmss")):
            self.workload(s, "Microsoft.Compute/virtualMachineScaleSets", "vmss", {"orchestrationMode": "Uniform"})
        for _ in range(self.n("storage")):
            self.storage(s)
        for _ in range(self.n("kv")):
            self.keyvault(s)
        for _ in range(self.n("sql")):
            self.sql(s)
        for _ in range(self.n("aks")):
            self.aks(s)
        for _ in range(self.n("acr")):
            self.acr(s)
        for _ in range(self.n("site")):
            https = self.chance(0.8)
            rid = self.workload(s, "Microsoft.Web/sites", "app", {"httpsOnly": https, "state": "Running"})
            self.e.judge("network-webapp-https-only", rid, https)
        for _ in range(self.n("workflow")):
            self.workload(s, "Microsoft.Logic/workflows", "flow", {"state": "Enabled"})
        for _ in range(self.n("cosmos")):
            self.cosmos(s)
        for _ in range(self.n("redis")):
            tls = self.rng.choice(["1.2", "1.2", "1.2", "1.0"])
            rid = self.res(s, self.rng.choice(s.rgs), "Microsoft.Cache/Redis", "redis-" + self.m.uuid()[:6],
                           {"minimumTlsVersion": tls, "enableNonSslPort": False})
            self.e.judge("network-redis-tls12", rid, tls == "1.2")
        for _ in range(self.n("waf")):
            self.waf(s)
        for _ in range(self.n("firewall")):
            self.firewall(s)
        for _ in range(self.n("fwpolicy")):
            self.firewall_policy(s)
        for _ in range(self.n("gallery")):
            fresh = self.chance(0.5)
            rid = self.res(s, "rg-sec", "Microsoft.Compute/galleries/golden/images/ubuntu/versions",
                           "1.0.%d" % self.rng.randint(1, 999),
                           {"publishingProfile": {"publishedDate": self.m.iso(self.rng.randint(3, 20) if fresh
                                                                               else self.rng.randint(60, 400))}},
                           type_name="Microsoft.Compute/galleries/images/versions")
            self.e.judge("governance-gallery-image-fresh", rid, fresh)
        for _ in range(self.n("disk")):
            self.res(s, self.rng.choice(s.rgs), "Microsoft.Compute/disks", "disk-" + self.m.uuid()[:8],
                     {"diskSizeGB": 128, "diskState": "Attached"})
        self.monitoring(s)
        self.defender(s)
        self.backup_vaults_and_locks(s)
        self.pim(s)
        self.e.judge("rbac-subscription-owners", s.id, 1 <= s.owners <= 3)

    def sub_settings(self, s):
        e, m = self.e, self.m
        r = self.rng.random()
        contacts, good, alerts = [], False, False
        if r < 0.85:
            emails = "secops@" + self.m.domain if r < 0.75 else ""
            src = [{"sourceType": "AttackPath", "minimalRiskLevel": "Critical"}]
            if self.chance(0.8):
                src.append({"sourceType": "Alert", "minimalSeverity": self.rng.choice(["High", "Medium", "Low"])})
            owners = self.chance(0.8)
            contacts = [{"id": s.id + "/providers/Microsoft.Security/securityContacts/default", "name": "default",
                         "type": "Microsoft.Security/securityContacts",
                         "properties": {"emails": emails, "phone": "", "isEnabled": True,
                                        "notificationsByRole": {"state": "On" if owners else "Off",
                                                                "roles": ["Owner", "ServiceAdmin"]},
                                        "notificationsSources": src}}]
            good = len(emails) >= 3
            alerts = owners and len(src) == 2
        m.arm(s.id + "/providers/Microsoft.Security/securityContacts", contacts)
        e.judge("inventory-security-contact", s.id, good)
        e.judge("detection-alert-notifications", s.id, alerts)
        budgets, good = [], False
        if self.chance(0.6):
            notify = self.chance(0.85)
            budgets.append({"id": "subscriptions/%s/providers/Microsoft.Consumption/budgets/monthly" % s.sid,
                            "name": "monthly", "type": "Microsoft.Consumption/budgets",
                            "properties": {"category": "Cost", "amount": 1000, "timeGrain": "Monthly",
                                           "notifications": {"Actual_GreaterThan_80_Percent": {
                                               "enabled": True, "operator": "GreaterThan", "threshold": 80,
                                               "contactEmails": ["finops@" + self.m.domain]}} if notify else {}}})
            good = notify
        if self.chance(0.3):
            budgets.append({"id": "subscriptions/%s/resourceGroups/%s/providers/Microsoft.Consumption/budgets/rg"
                                  % (s.sid, s.rgs[0]), "name": "rg", "type": "Microsoft.Consumption/budgets",
                            "properties": {"category": "Cost", "amount": 10, "timeGrain": "Monthly",
                                           "notifications": {"n": {"enabled": True, "threshold": 90}}}})
        m.arm(s.id + "/providers/Microsoft.Consumption/budgets", budgets)
        e.judge("inventory-budgets", s.id, good)
        settings, good = self.diag(s.id, 0.6, ["Administrative", "Security", "Policy", "Alert"])
        m.arm(s.id + "/providers/Microsoft.Insights/diagnosticSettings", settings)
        e.judge("visibility-activity-log-export", s.id, good)
        # Locks at subscription and security resource group level.
        if self.chance(0.1):
            s.locks.add(s.id.lower())
        if self.chance(0.4):
            s.locks.add((s.id + "/resourceGroups/rg-sec").lower())
        # Secure score and recommendations.
        if self.chance(0.9):
            pct = self.rng.choice([0.41, 0.55, 0.62, 0.74, 0.81, 0.93])
            sid = s.id + "/providers/Microsoft.Security/secureScores/ascScore"
            m.row("securityresources", {"id": sid, "name": "ascScore", "type": "microsoft.security/securescores",
                                        "subscriptionId": s.sid, "tenantId": self.t,
                                        "properties": {"displayName": "ASC score", "weight": 10,
                                                       "score": {"max": 50, "current": round(50 * pct, 2),
                                                                 "percentage": pct}}})
            e.judge("visibility-secure-score", s.id, True)
            e.judge("visibility-secure-score-70", sid, pct >= 0.7)
        else:
            e.judge("visibility-secure-score", s.id, False)
        for k in range(max(1, int(4 * self.scale))):
            sev = self.rng.choice(["High", "Medium", "Low"])
            code = self.rng.choice(["Healthy", "Healthy", "Unhealthy", "NotApplicable"])
            aid = "%s/resourceGroups/%s/providers/Microsoft.Security/assessments/%s" % (s.id, s.rgs[0], self.m.uuid())
            m.row("securityresources", {"id": aid, "name": aid.rsplit("/", 1)[1],
                                        "type": "microsoft.security/assessments", "subscriptionId": s.sid,
                                        "tenantId": self.t,
                                        "properties": {"displayName": "Recommendation %d" % k,
                                                       "status": {"code": code},
                                                       "metadata": {"severity": sev}}})
            if sev == "High":
                e.judge("visibility-high-severity-recommendations", aid, code != "Unhealthy")
        if self.chance(0.2):
            gid = s.id + "/providers/Microsoft.Security/governanceRules/" + self.m.uuid()
            off = self.chance(0.3)
            m.row("securityresources", {"id": gid, "name": gid.rsplit("/", 1)[1],
                                        "type": "microsoft.security/governancerules", "subscriptionId": s.sid,
                                        "tenantId": self.t, "properties": {"isDisabled": off, "rulePriority": 100}})
            if not off:
                e.count("detection-governance-rules", gid)
        # Continuous export and workflow automation.
        export = False
        if self.chance(0.5):
            on = self.chance(0.85)
            sources = [{"eventSource": "Assessments"}] + ([{"eventSource": "Alerts"}] if self.chance(0.8) else [])
            action = self.rng.choice(["Workspace", "Workspace", "EventHub", "LogicApp"])
            xid = self.res(s, "rg-sec", "Microsoft.Security/automations", "export",
                           {"isEnabled": on, "sources": sources, "actions": [{"actionType": action}],
                            "scopes": [{"scopePath": s.id}]})
            export = on and len(sources) == 2 and action != "LogicApp"
            if on and action == "LogicApp":
                e.count("response-workflow-automation", xid)
        e.judge("detection-continuous-export", s.id, export)
        if self.chance(0.2):
            on = self.chance(0.8)
            aid = self.res(s, "rg-sec", "Microsoft.Security/automations", "playbook",
                           {"isEnabled": on, "sources": [{"eventSource": "Alerts"}],
                            "actions": [{"actionType": "LogicApp", "logicAppResourceId": s.id + "/x"}]})
            if on:
                e.count("response-workflow-automation", aid)
        # Benchmark assignment and Security Reader directly on the subscription.
        good = any(v == "Default" for v in self.mcsb.values())
        if self.chance(0.2):
            mode = self.policy_assignment(s.id, MCSB, "DoNotEnforce" if self.chance(0.3) else "Default", identity=False)
            good = good or mode == "Default"
        e.judge("visibility-benchmark-assigned", s.id, good)
        sr = any(("/providers/microsoft.management/managementgroups/" + a["name"]).lower() in self.sr_scopes
                 for a in s.chain)
        if self.chance(0.15):
            self.assignment(s.id, ROLE["securityreader"], self.rng.choice(self.m.groups), "Group", s.sid)
            sr = True
        e.judge("visibility-security-reader-everywhere", s.id, sr)
        if self.chance(0.1):  # an unrelated policy at subscription scope
            self.policy_assignment(s.id, "/providers/Microsoft.Authorization/policyDefinitions/" + self.m.uuid(),
                                   "Default", identity=False)
        if self.chance(0.15):
            xid = s.id + "/providers/Microsoft.Authorization/policyExemptions/" + self.m.uuid()[:12]
            expires = self.chance(0.6)
            props = {"policyAssignmentId": s.id + "/x", "exemptionCategory": "Waiver"}
            if expires:
                props["expiresOn"] = self.m.iso(-90)
            m.row("policyresources", {"id": xid, "name": xid.rsplit("/", 1)[1],
                                      "type": "microsoft.authorization/policyexemptions", "subscriptionId": s.sid,
                                      "tenantId": self.t, "properties": props})
            e.judge("surface-policy-exemptions-expire", xid, expires)

    def sub_roles(self, s):
        users = self.m.users
        k = self.rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4, 5])
        for _ in range(k):
            if self.chance(0.2):
                self.assignment(s.id, ROLE["owner"], self.rng.choice(self.m.groups), "Group", s.sid)
            else:
                u = self.rng.choice(users)
                self.assignment(s.id, ROLE["owner"], u.id, "User", s.sid)
                self.held_user[u.id] = u
        s.owners += k
        for _ in range(self.rng.randint(1, 3)):
            u = self.rng.choice(users)
            role = self.rng.choice([ROLE["contributor"], ROLE["contributor"], ROLE["uaa"], ROLE["rbacadmin"]])
            self.assignment("%s/resourceGroups/%s" % (s.id, self.rng.choice(s.rgs)), role, u.id, "User", s.sid)
            self.held_user[u.id] = u
        if self.chance(0.5):
            sp = self.rng.choice(self.m.apps)[0]
            self.assignment(s.id, ROLE["contributor"], sp, "ServicePrincipal", s.sid)
            self.priv_sp.add(sp.lower())

    def workload(self, s, rtype, prefix, props, identity_p=0.35):
        extra = {}
        pid = None
        if self.chance(identity_p):
            pid = self.m.uuid()
            extra["identity"] = {"type": "SystemAssigned", "principalId": pid, "tenantId": self.t}
        rid = self.res(s, self.rng.choice(s.rgs), rtype, prefix + "-" + self.m.uuid()[:6], props, **extra)
        if pid:
            if self.chance(0.25):
                scope = s.id if self.chance(0.8) else "%s/resourceGroups/%s" % (s.id, s.rgs[0])
                role = self.rng.choice([ROLE["owner"], ROLE["contributor"]])
                self.assignment(scope, role, pid, "ServicePrincipal", s.sid)
                if scope == s.id:
                    self.priv_sp.add(pid.lower())
                    s.owners += role == ROLE["owner"]
            self.identities.append((rid, pid))
        return rid

    def workspaces(self, s):
        e = self.e
        for k in range(self.n("workspace")):
            days = self.rng.choice([30, 90, 90, 180, 365, 730])
            wid = self.res(s, "rg-sec", "Microsoft.OperationalInsights/workspaces", "law-%d" % k,
                           {"retentionInDays": days, "sku": {"name": "PerGB2018"},
                            "customerId": self.m.uuid(), "workspaceCapping": {"dailyQuotaGb": -1}})
            if self.chance(0.5):
                sentinel = self.chance(0.85)
                name = ("SecurityInsights(law-%d)" if sentinel else "ChangeTracking(law-%d)") % k
                self.res(s, "rg-sec", "Microsoft.OperationsManagement/solutions", name,
                         {"workspaceResourceId": wid},
                         plan={"name": name, "publisher": "Microsoft",
                               "product": "OMSGallery/SecurityInsights" if sentinel else "OMSGallery/ChangeTracking"})
                if sentinel:
                    if self.chance(0.4):
                        s.locks.add(wid.lower())
                    e.count("visibility-sentinel-enabled", wid)
                    e.judge("visibility-sentinel-retention-90", wid, days >= 90)
                    e.judge("response-sentinel-retention-365", wid, days >= 365)
                    e.judge("inventory-sentinel-workspace-locked", wid,
                            self.locked_scopes(s, wid, s.id + "/resourceGroups/rg-sec", s.id))

    def monitoring(self, s):
        e = self.e
        if self.chance(0.5):
            on = self.chance(0.85)
            emails = [{"name": "soc", "emailAddress": "soc@" + self.m.domain}] if self.chance(0.8) else []
            rid = self.res(s, "rg-sec", "Microsoft.Insights/actionGroups", "ag-soc",
                           {"enabled": on, "groupShortName": "soc", "webhookReceivers": [], "emailReceivers": emails})
            if on and emails:
                e.count("detection-action-group", rid)
        if self.chance(0.3):
            for k in range(self.rng.randint(1, 3)):
                on = self.chance(0.8)
                ops = self.rng.sample(CONTROL_OPS, self.rng.randint(1, 5))
                if self.chance(0.5):
                    cond = {"allOf": [{"field": "category", "equals": "Administrative"},
                                      {"anyOf": [{"field": "operationName", "equals": o} for o in ops]}]}
                else:
                    cond = {"allOf": [{"field": "category", "equals": "Administrative"},
                                      {"field": "operationName", "containsAny": ops}]}
                self.res(s, "rg-sec", "Microsoft.Insights/activityLogAlerts", "ala-%d" % k,
                         {"enabled": on, "scopes": [s.id], "condition": cond, "actions": {"actionGroups": []}},
                         location="global")
                if on:
                    self.ops.update(ops)
        if self.chance(0.3):
            on = self.chance(0.8)
            rid = self.res(s, "rg-sec", "Microsoft.Insights/scheduledQueryRules", "sqr-priv-role",
                           {"enabled": on, "severity": 1, "criteria": {"allOf": []}})
            if on:
                e.count("detection-log-alert-rules", rid)

    def defender(self, s):
        e, m = self.e, self.m
        plans = {"VirtualMachines": ({"microsoft.compute/virtualmachines", "microsoft.compute/virtualmachinescalesets",
                                      "microsoft.hybridcompute/machines"}, "detection-defender-servers"),
                 "StorageAccounts": ({"microsoft.storage/storageaccounts"}, "detection-defender-storage"),
                 "KeyVaults": ({"microsoft.keyvault/vaults"}, "detection-defender-keyvault"),
                 "SqlServers": ({"microsoft.sql/servers", "microsoft.sql/managedinstances"}, "detection-defender-sql"),
                 "Containers": ({"microsoft.containerservice/managedclusters", "microsoft.containerregistry/registries"},
                                "detection-defender-containers"),
                 "AppServices": ({"microsoft.web/sites"}, "detection-defender-appservice"),
                 "Arm": (None, "detection-defender-arm"), "CloudPosture": (None, "detection-defender-cspm")}
        reported = self.chance(0.95)
        tiers = {"sensor": False}
        for name in PLANS:
            std = reported and self.chance(0.45 if name == "CloudPosture" else 0.7)
            tiers[name] = std
            if not reported:
                continue
            props = {"pricingTier": "Standard" if std else "Free"}
            if name == "Containers" and std:
                tiers["sensor"] = self.chance(0.7)
                props["extensions"] = [{"name": "ContainerSensor", "isEnabled": "True" if tiers["sensor"] else "False"},
                                       {"name": "AgentlessDiscoveryForKubernetes", "isEnabled": "True"}]
            m.row("securityresources", {"id": s.id + "/providers/Microsoft.Security/pricings/" + name, "name": name,
                                        "type": "microsoft.security/pricings", "subscriptionId": s.sid,
                                        "tenantId": self.t, "properties": props})
        for name, (kinds, cid) in plans.items():
            if kinds is None or kinds & s.kinds:
                e.judge(cid, s.id, tiers[name])
        if "microsoft.containerservice/managedclusters" in s.kinds:
            e.judge("response-defender-container-sensor", s.id, tiers["Containers"] and tiers["sensor"])

    def backup_vaults_and_locks(self, s):
        e, m = self.e, self.m
        vaults = []
        if self.chance(0.6):
            imm = self.rng.choice(["Locked", "Unlocked", "Disabled", None])
            soft = self.rng.choice(["Enabled", "AlwaysON", "Disabled", None])
            sec = {}
            if imm:
                sec["immutabilitySettings"] = {"state": imm}
            if soft:
                sec["softDeleteSettings"] = {"softDeleteState": soft, "softDeleteRetentionPeriodInDays": 14}
            vid = "%s/resourceGroups/rg-sec/providers/Microsoft.RecoveryServices/vaults/rsv-%s" % (s.id, s.sid[:6])
            m.row("recoveryservicesresources", {"id": vid, "name": vid.rsplit("/", 1)[1],
                                                "type": "microsoft.recoveryservices/vaults", "subscriptionId": s.sid,
                                                "resourceGroup": "rg-sec", "tenantId": self.t,
                                                "properties": {"securitySettings": sec, "provisioningState": "Succeeded"}})
            e.judge("surface-backup-vault-immutable", vid, imm in ("Locked", "Unlocked"))
            e.judge("surface-backup-vault-soft-delete", vid, soft in ("Enabled", "AlwaysON", None))
            if self.chance(0.4):
                s.locks.add(vid.lower())
            e.judge("governance-recovery-vault-locked", vid,
                    self.locked_scopes(s, vid, s.id + "/resourceGroups/rg-sec", s.id))
            vaults.append(vid)
        for vm in self.backup_targets:
            r = self.rng.random()
            if vaults and r < 0.55:
                state = "ProtectionStopped" if r < 0.05 else "Protected"
                name = vm.rsplit("/", 1)[1]
                pid = "%s/backupFabrics/Azure/protectionContainers/iaasvmcontainer;%s/protectedItems/vm;%s" % (
                    vaults[0], name, name)
                m.row("recoveryservicesresources", {
                    "id": pid, "name": pid.rsplit("/", 1)[1],
                    "type": "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems",
                    "subscriptionId": s.sid, "tenantId": self.t,
                    "properties": {"sourceResourceId": vm, "protectionState": state, "workloadType": "VM"}})
                e.judge("surface-vm-backup", vm, state == "Protected")
            else:
                e.judge("surface-vm-backup", vm, False)
        self.backup_targets = []
        locks = []
        for k, scope in enumerate(sorted(s.locks)):
            locks.append({"id": "%s/providers/Microsoft.Authorization/locks/lock-%d" % (scope, k), "name": "lock-%d" % k,
                          "type": "Microsoft.Authorization/locks",
                          "properties": {"level": self.rng.choice(["CanNotDelete", "CanNotDelete", "ReadOnly"]),
                                         "notes": "protected"}})
        locks.append({"id": "%s/resourceGroups/%s/providers/Microsoft.Compute/disks/d/providers/Microsoft.Authorization/locks/n"
                            % (s.id, s.rgs[0]), "name": "n", "type": "Microsoft.Authorization/locks",
                      "properties": {"level": "NotSpecified"}})
        m.arm(s.id + "/providers/Microsoft.Authorization/locks", locks)

    def pim(self, s):
        m = self.m
        elig, inst = [], []
        h, t, standing = self.pim_counts
        base = s.id + "/providers/Microsoft.Authorization/"
        for _ in range(self.rng.randint(0, 4)):
            role = self.rng.choice([ROLE["owner"], ROLE["contributor"], ROLE["uaa"], ROLE["reader"]])
            ptype = self.rng.choice(["User", "User", "Group", "ServicePrincipal"])
            counted = role != ROLE["reader"] and ptype != "ServicePrincipal"
            kind = self.rng.choice(["eligible", "eligible", "standing", "timebound", "activated"])
            iid = self.m.uuid()
            props = {"scope": s.id, "roleDefinitionId": base + "roleDefinitions/" + role,
                     "principalId": self.m.uuid(), "principalType": ptype, "status": "Provisioned",
                     "memberType": "Direct", "startDateTime": m.iso(40),
                     "endDateTime": m.iso(-60) if kind in ("timebound", "activated") else None}
            if kind == "eligible":
                elig.append({"id": base + "roleEligibilityScheduleInstances/" + iid, "name": iid,
                             "type": "Microsoft.Authorization/roleEligibilityScheduleInstances", "properties": props})
                if counted:
                    h += 1
                    t += 1
                continue
            props["assignmentType"] = "Activated" if kind == "activated" else "Assigned"
            doc_id = base + "roleAssignmentScheduleInstances/" + iid
            inst.append({"id": doc_id, "name": iid, "type": "Microsoft.Authorization/roleAssignmentScheduleInstances",
                         "properties": props})
            if counted and kind == "timebound":
                h += 1
                t += 1
            elif counted and kind == "standing":
                t += 1
                standing.append(doc_id)
        m.arm(s.id + "/providers/Microsoft.Authorization/roleEligibilityScheduleInstances", elig)
        m.arm(s.id + "/providers/Microsoft.Authorization/roleAssignmentScheduleInstances", inst)
        self.pim_counts = [h, t, standing]

    def filler_assignments(self, subs):
        """Reader at resource group scope, up to the requested number of assignments."""
        while self.ra_left > 0:
            s = self.rng.choice(subs)
            group = self.chance(0.3)
            p = self.rng.choice(self.m.groups) if group else self.rng.choice(self.m.users).id
            self.assignment("%s/resourceGroups/%s" % (s.id, self.rng.choice(s.rgs)), ROLE["reader"], p,
                            "Group" if group else "User", s.sid)

    def holder_verdicts(self):
        e = self.e
        for u in self.held_user.values():
            e.judge("rbac-no-guests-privileged", u.id, not u.guest)
            e.judge("rbac-stale-privileged-users", u.id, u.recent())
        for rid, pid in self.identities:
            e.judge("rbac-workload-identities-not-admin", rid, pid.lower() not in self.priv_sp)
        h, t, standing = self.pim_counts
        pim_verdict(e, "rbac-pim-azure-roles", h, t, standing, allow=0)


def generate(m, e, a):
    ArmGen(m, e, a).run()
