"""The verdicts a generated tenant must produce, recorded while it is built.

The generator calls judge() for every object a check has in scope, with the
health it gave that object, count() for every object a counting check
counts, and verdict() for checks whose result is one tenant-wide decision.
finish() turns the records into the result shape of expected.json, using
the verdict rules the checks document (roadmap/README.md): all healthy pass,
none fail, some partial; nothing in scope is not assessable unless the check
says otherwise.
"""
import json


class Expect:
    def __init__(self, checks):
        self.checks = {c["id"]: c for c in checks}
        self.items = {}    # check id -> list of (id, healthy)
        self.counted = {}  # check id -> list of ids
        self.fixed = {}    # check id -> result dict

    def params(self, cid):
        return self.checks[cid]["evaluator"].get("params", {})

    def judge(self, cid, oid, healthy):
        assert cid in self.checks, cid
        self.items.setdefault(cid, []).append((oid, bool(healthy)))

    def scope(self, cid):
        """Declare that cid is judged by items (possibly none)."""
        assert cid in self.checks, cid
        self.items.setdefault(cid, [])

    def count(self, cid, oid):
        assert cid in self.checks, cid
        self.counted.setdefault(cid, []).append(oid)

    def counting(self, cid):
        assert cid in self.checks, cid
        self.counted.setdefault(cid, [])

    def verdict(self, cid, status, healthy, total, offending=()):
        assert cid in self.checks, cid
        self.fixed[cid] = {"status": status, "cause": "", "healthy": healthy, "total": total,
                           "offending": sorted(offending), "offending_total": len(offending)}

    @staticmethod
    def from_items(items, empty, any_passes=False):
        total = len(items)
        healthy = sum(1 for _, h in items if h)
        bad = sorted(i for i, h in items if not h)
        if not total:
            if empty in ("pass", "fail"):
                return {"status": empty, "cause": "", "healthy": 0, "total": 0, "offending": [],
                        "offending_total": 0}
            return {"status": "not-assessable", "cause": "nothing-in-scope", "healthy": 0, "total": 0,
                    "offending": [], "offending_total": 0}
        if any_passes and healthy:
            return {"status": "pass", "cause": "", "healthy": healthy, "total": total, "offending": [],
                    "offending_total": 0}
        status = "pass" if healthy == total else "fail" if not healthy else "partial"
        return {"status": status, "cause": "", "healthy": healthy, "total": total, "offending": bad,
                "offending_total": len(bad)}

    def from_count(self, cid, ids):
        p = self.params(cid)
        n = len(ids)
        lo, hi = p.get("min", 0), p.get("max")
        if n < lo:
            return {"status": "fail", "cause": "", "healthy": 0, "total": 1, "offending": [],
                    "offending_total": 0}
        if hi is not None and n > hi:
            return {"status": "fail", "cause": "", "healthy": 0, "total": 1, "offending": sorted(ids),
                    "offending_total": n}
        return {"status": "pass", "cause": "", "healthy": 1, "total": 1, "offending": [],
                "offending_total": 0}

    def finish(self):
        out = {}
        for cid, c in self.checks.items():
            if cid in self.fixed:
                out[cid] = self.fixed[cid]
            elif cid in self.counted:
                out[cid] = self.from_count(cid, self.counted[cid])
            elif cid in self.items:
                p = self.params(cid)
                out[cid] = self.from_items(self.items[cid], p.get("empty"), p.get("pass") == "any")
            else:
                raise SystemExit("gen_tenant: no expected verdict for check %s" % cid)
        return out

    def apply_access(self, a, licences, principal):
        """Checks the identity cannot read are not assessable: licence first, then permission."""
        self.result = self.finish()
        have_p1 = "AAD_PREMIUM" in licences or "AAD_PREMIUM_P2" in licences
        have_p2 = "AAD_PREMIUM_P2" in licences
        granted = set(principal["graphRoles"]) | {r["role"] for r in principal["armRoles"]} | \
            {r + " (Entra ID role)" for r in principal["directoryRoles"]}
        for cid, c in self.checks.items():
            lic = c.get("licence")
            cause = None
            if (lic == "Entra ID P1" and not have_p1) or (lic == "Entra ID P2" and not have_p2):
                cause = "licence"
            elif any(p.strip() not in granted for p in c["permission"].split(",")):
                cause = "permission"
            if cause:
                self.result[cid] = {"status": "not-assessable", "cause": cause, "healthy": 0, "total": 0,
                                    "offending": [], "offending_total": 0}

    def write(self, path):
        with open(path, "w") as f:
            json.dump({"checks": self.result}, f, indent=1, sort_keys=True)
            f.write("\n")
