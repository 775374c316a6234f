#!/usr/bin/env python3
"""Write a synthetic Azure tenant in the mock tenant folder layout (README.md).

The tenant mixes good and bad settings at random (from --seed), and
expected.json holds the verdict every check in roadmap/checks must reach on
it. The verdicts are worked out from what the generator decided while it
built each object (this VM gets no Defender extension, that subscription no
budget), not by reading the JSON back, and never by running azmat's own
evaluators; so comparing a collection with expected.json tests the whole
chain.

    gen_tenant.py --out DIR [--subscriptions N] [--resources-per-sub N]
                  [--role-assignments N] [--users N] [--seed N]
                  [--licences full|p1|none] [--drop-permission NAME ...] [--org NAME]
    gen_tenant.py --out DIR --preset small|bench|demo

At 1,000 subscriptions with the defaults (100 resources per subscription,
20,000 role assignments, 50,000 users) it writes about 100,000 resources.
Python standard library only.
"""
import argparse
import json
import os
import random
import shutil
import sys
import time
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tenant_expect import Expect  # noqa: E402
from tenant_model import Model  # noqa: E402
import tenant_arm  # noqa: E402
import tenant_entra  # noqa: E402

PRESETS = {
    "small": dict(subscriptions=6, resources_per_sub=60, role_assignments=120, users=80, seed=13),
    "bench": dict(subscriptions=1000, resources_per_sub=100, role_assignments=20000, users=50000, seed=1),
    # the demo tenant shipped in assets/demo (scripts/make_demo_bundle.sh): small, Entra ID P1 only
    "demo": dict(subscriptions=3, resources_per_sub=30, role_assignments=60, users=40, seed=7,
                 licences="p1", org="Northwind Traders"),
}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, help="the tenant folder to write (created)")
    p.add_argument("--preset", choices=sorted(PRESETS))
    p.add_argument("--subscriptions", type=int, default=10)
    p.add_argument("--resources-per-sub", type=int, default=100)
    p.add_argument("--role-assignments", type=int)
    p.add_argument("--users", type=int)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--licences", choices=["full", "p1", "none"], default="full",
                   help="Entra ID licences: P1 and P2, P1 only, or none")
    p.add_argument("--drop-permission", action="append", default=[],
                   help="a Graph permission, ARM role or Entra role the principal lacks")
    p.add_argument("--org", help="the organisation's name: people and subscriptions get realistic "
                                 "fictional names (default: Fabrikam, numbered names)")
    p.add_argument("--now", default="2026-11-01T00:00:00Z",
                   help="the time the tenant is observed at (set AZMAT_NOW to it)")
    p.add_argument("--catalog", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "..", "..", "roadmap"))
    a = p.parse_args(argv)
    if a.preset:
        for k, v in PRESETS[a.preset].items():
            setattr(a, k, v)
    if a.role_assignments is None:
        a.role_assignments = 20 * a.subscriptions
    if a.users is None:
        a.users = max(40, 50 * a.subscriptions)
    if a.subscriptions < 1 or a.resources_per_sub < 10 or a.users < 30:
        p.error("need at least 1 subscription, 10 resources per subscription and 30 users")
    return a


def load_checks(catalog):
    with open(os.path.join(catalog, "catalog.json")) as f:
        files = json.load(f)["checks"]
    checks = []
    for rel in files:
        with open(os.path.join(catalog, rel)) as f:
            checks.extend(json.load(f)["checks"])
    return checks


def main(argv):
    a = parse_args(argv)
    started = time.time()
    if os.path.isdir(a.out) and os.listdir(a.out):
        if not os.path.exists(os.path.join(a.out, "tenant.json")):
            sys.exit("gen_tenant: %s is not empty and holds no tenant; not overwriting it" % a.out)
        shutil.rmtree(a.out)
    now = datetime.strptime(a.now, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    rng = random.Random(a.seed)
    checks = load_checks(a.catalog)
    model = Model(a.out, rng, now, a.org)
    exp = Expect(checks)
    tenant_entra.prepare(model, a)
    tenant_arm.generate(model, exp, a)
    tenant_entra.generate(model, exp, a)
    model.write_tenant_json(a)
    exp.apply_access(a, model.licences, model.principal)
    exp.write(os.path.join(a.out, "expected.json"))
    model.close()
    print("wrote %s: %d subscriptions, %d resources, %d role assignments, %d users, %d checks in %.1f s"
          % (a.out, a.subscriptions, model.counts["resources"], model.counts["roleassignments"],
             model.counts["users"], len(checks), time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
