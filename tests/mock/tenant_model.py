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

# Names for a tenant generated with --org (the demo): fictional people and
# subscriptions that read like a real organisation's. Chosen by index, never
# by the random generator, so that names never change the verdicts.
FIRST = ["Amelia", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
         "Keiko", "Lars", "Maya", "Nikolai", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tamsin"]
LAST = ["Albright", "Brennan", "Castellano", "Dufresne", "Eriksen", "Fontaine", "Galloway", "Holmberg",
        "Iversen", "Jablonski", "Kowalczyk", "Lindqvist", "Moreau", "Novak", "Okafor", "Pereira"]
SUB_ROLES = ["prod-erp", "prod-web", "shared-services", "dev-test", "data-platform", "sandbox"]


class Model:
    def __init__(self, out, rng, now, org=None):
        self.out = out
        self.rng = rng
        self.now = now
        self.org = org or "Fabrikam"
        self.friendly = bool(org)
        self.domain = "".join(c for c in self.org.lower() if c.isalnum()) + ".example"
        self.prefix = "".join(w[0] for w in self.org.lower().split() if w[0].isalnum())
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

    def sub_name(self, i):
        if not self.friendly:
            return "sub-%03d" % i
        name = "%s-%s" % (self.prefix, SUB_ROLES[i % len(SUB_ROLES)])
        return name if i < len(SUB_ROLES) else "%s-%d" % (name, i // len(SUB_ROLES) + 1)

    def user_name(self, i):
        """(display name, the local part of the user principal name)."""
        if not self.friendly:
            return "User %d" % i, "user%d" % i
        first, last = FIRST[i % len(FIRST)], LAST[(7 * i + i // len(FIRST)) % len(LAST)]
        n = i // (len(FIRST) * len(LAST))
        return "%s %s" % (first, last), "%s.%s%s" % (first.lower(), last.lower(), n or "")

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
        body = {"tenantId": self.tenant_id,
                "displayName": self.org if self.friendly else "Fabrikam Synthetic %d" % a.seed,
                "now": a.now, "licences": self.licences, "principal": self.principal,
                "generator": {"subscriptions": a.subscriptions, "resourcesPerSub": a.resources_per_sub,
                              "roleAssignments": a.role_assignments, "users": a.users, "seed": a.seed}}
        with open(os.path.join(self.out, "tenant.json"), "w") as f:
            json.dump(body, f, indent=2)
            f.write("\n")

    def close(self):
        for f in self.arg.values():
            f.close()
