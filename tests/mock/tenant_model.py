"""Writing a tenant folder (README.md layout): Resource Graph tables as JSON
lines, ARM and Graph responses as files keyed by request path, tenant.json."""
import json
import os
from datetime import timedelta

ARG_TABLES = ("resources", "resourcecontainers", "authorizationresources", "policyresources",
              "securityresources", "recoveryservicesresources")

GRAPH_LICENCES = {"full": ["AAD_PREMIUM", "AAD_PREMIUM_P2"], "p1": ["AAD_PREMIUM"], "none": []}
GRAPH_PERMISSIONS = ["Directory.Read.All", "User.Read.All", "Policy.Read.All", "AuditLog.Read.All",
                     "RoleManagement.Read.Directory", "Application.Read.All", "AccessReview.Read.All",
                     "RoleManagementPolicy.Read.Directory"]
ARM_ROLES = ["Reader", "Security Reader"]
DIRECTORY_ROLES = ["Security Reader"]


class Model:
    def __init__(self, out, rng, now):
        self.out = out
        self.rng = rng
        self.now = now
        self.tenant_id = self.uuid()
        self.counts = {"resources": 0, "roleassignments": 0, "users": 0}
        os.makedirs(os.path.join(out, "arg"), exist_ok=True)
        self.arg = {t: open(os.path.join(out, "arg", t + ".jsonl"), "w") for t in ARG_TABLES}
        self.licences = []
        self.principal = {}

    def uuid(self):
        r = self.rng.getrandbits(128)
        h = "%032x" % r
        return "%s-%s-4%s-%s-%s" % (h[0:8], h[8:12], h[13:16], h[16:20], h[20:32])

    def chance(self, p):
        return self.rng.random() < p

    def iso(self, days_ago):
        """A time days_ago days before now (negative: in the future)."""
        t = self.now - timedelta(days=days_ago)
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")

    def row(self, table, obj):
        self.arg[table].write(json.dumps(obj, separators=(",", ":")) + "\n")
        if table == "resources":
            self.counts["resources"] += 1

    def _write(self, top, path, body):
        rel = path.lstrip("/")
        full = os.path.join(self.out, top, rel + ".json")
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            json.dump(body, f, separators=(",", ":"))

    def arm(self, path, value):
        """An ARM list response for path (no query string)."""
        self._write("arm", path, {"value": value})

    def graph(self, path, body):
        """A Graph response for path: a list {"value": [...]} or an object."""
        self._write("graph", path, body)

    def write_tenant_json(self, a):
        self.licences = GRAPH_LICENCES[a.licences]
        drop = set(a.drop_permission)
        self.principal = {
            "appId": self.uuid(),
            "objectId": self.uuid(),
            "armRoles": [{"role": r, "scope": "/providers/Microsoft.Management/managementGroups/%s" % self.tenant_id}
                         for r in ARM_ROLES if r not in drop],
            "graphRoles": [p for p in GRAPH_PERMISSIONS if p not in drop],
            "directoryRoles": [r for r in DIRECTORY_ROLES if r + " (Entra ID role)" not in drop],
        }
        body = {"tenantId": self.tenant_id, "displayName": "Fabrikam Synthetic %d" % a.seed,
                "now": a.now, "licences": self.licences, "principal": self.principal,
                "generator": {"subscriptions": a.subscriptions, "resourcesPerSub": a.resources_per_sub,
                              "roleAssignments": a.role_assignments, "users": a.users, "seed": a.seed}}
        with open(os.path.join(self.out, "tenant.json"), "w") as f:
            json.dump(body, f, indent=2)
            f.write("\n")

    def close(self):
        for f in self.arg.values():
            f.close()
