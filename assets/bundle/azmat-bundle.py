#!/usr/bin/env python3
"""Collect an azmat evidence bundle with the Azure CLI, without azmat.

Run it where the Azure CLI is installed and signed in (az login) with an
identity that can read the tenant: Reader (or Security Reader) on the root
management group and the Microsoft Graph read permissions listed in
azmat's docs/permissions.md. It only reads; it never changes anything.

    python3 azmat-bundle.py [--out DIR] [--subscriptions ID,ID] [--concurrency N]

It reads requests.json (beside this script: the requests azmat's checks
need, generated from azmat's catalog), calls `az rest` for each, follows
paging, and writes the raw responses into DIR in the layout that
`azmat import ID DIR` evaluates (docs/bundles.md). Requests that fail are
recorded with their status so that azmat can say why a check could not be
assessed. Hand the folder (or a tar of it) to your assessor.

Needs: Python 3.8+ (standard library only) and the Azure CLI.
"""
import argparse
import concurrent.futures
import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import urllib.parse

ARG_API = "2022-10-01"
SUBSCRIPTIONS_API = "2022-12-01"
MAX_PAGES = 10000

REASONS = {
    "bad request": 400, "unauthorized": 401, "forbidden": 403, "not found": 404,
    "conflict": 409, "too many requests": 429, "internal server error": 500,
    "bad gateway": 502, "service unavailable": 503, "gateway timeout": 504,
}

lock = threading.Lock()
failures = []


def az(args):
    """Run az without a shell; return (rc, stdout, stderr)."""
    try:
        p = subprocess.run(["az"] + args, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        sys.exit("azmat-bundle: the Azure CLI ('az') is not installed or not on PATH")
    except subprocess.TimeoutExpired:
        return 124, "", "timed out after 600 s"
    return p.returncode, p.stdout, p.stderr


def parse_error(stderr):
    """Turn az's error output into {status, code, message}."""
    text = stderr.strip()
    status, code, message = 0, "", text[:2000]
    m = re.search(r"([A-Za-z ]+)\((\{.*\})\)", text, re.S)
    if m:
        status = REASONS.get(m.group(1).strip().lower().replace("error: ", ""), 0)
        try:
            body = json.loads(m.group(2))
            err = body.get("error", body)
            code = str(err.get("code", ""))
            message = str(err.get("message", message))[:2000]
        except ValueError:
            pass
    if not status:
        for reason, num in REASONS.items():
            if reason in text.lower():
                status = num
                break
    if not code:
        m = re.search(r"\(([A-Za-z_]+)\)", text)
        if m:
            code = m.group(1)
    return {"status": status, "code": code, "message": message}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def record_error(folder, err, what):
    write(os.path.join(folder, "error.json"), json.dumps(err, indent=1))
    with lock:
        failures.append("%s: %s %s" % (what, err["status"] or "?", err["code"] or err["message"][:120]))


def get_pages(folder, url, headers=()):
    """GET url and every nextLink; one page-NNNN.json per response."""
    n = 0
    while url and n < MAX_PAGES:
        args = ["rest", "--method", "get", "--url", url, "--output", "json"]
        for h in headers:
            args += ["--headers", h]
        rc, out, err = az(args)
        if rc != 0:
            record_error(folder, parse_error(err), url.split("?")[0])
            return
        n += 1
        write(os.path.join(folder, "page-%04d.json" % n), out)
        try:
            body = json.loads(out)
        except ValueError:
            return
        url = body.get("nextLink") or body.get("@odata.nextLink") if isinstance(body, dict) else None


def arg_pages(folder, arm, query, subscriptions):
    """Resource Graph: re-POST the same query with each $skipToken."""
    url = "%s/providers/Microsoft.ResourceGraph/resources?api-version=%s" % (arm, ARG_API)
    token, n = None, 0
    while n < MAX_PAGES:
        body = {"query": query, "options": {"$top": 1000, "resultFormat": "objectArray"}}
        if subscriptions:
            body["subscriptions"] = subscriptions
        if token:
            body["options"]["$skipToken"] = token
        rc, out, err = az(["rest", "--method", "post", "--url", url, "--body", json.dumps(body),
                           "--output", "json"])
        if rc != 0:
            record_error(folder, parse_error(err), "Resource Graph query")
            return
        n += 1
        write(os.path.join(folder, "page-%04d.json" % n), out)
        try:
            page = json.loads(out)
        except ValueError:
            return
        token = page.get("$skipToken") if isinstance(page, dict) else None
        if not token:
            return


def page_docs(folder, key):
    """The documents of the pages in folder (value or data arrays)."""
    docs = []
    if not os.path.isdir(folder):
        return docs
    for name in sorted(os.listdir(folder)):
        if name.startswith("page-"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                try:
                    body = json.load(f)
                except ValueError:
                    continue
            docs += body.get(key, []) if isinstance(body, dict) else []
    return docs


def with_query(url, api_version, query):
    params = []
    if api_version:
        params.append("api-version=" + api_version)
    if query:
        params.append(query)
    return url + ("?" + "&".join(params) if params else "")


def scope_key(resource_id):
    return "r-" + hashlib.sha256(resource_id.lower().encode()).hexdigest()[:16]


def jobs_for(check, out, arm, graph, subscriptions):
    """The (function, arguments) pairs that fetch one check."""
    jobs = []
    for k, part in enumerate(check["parts"]):
        base = os.path.join(out, "checks", check["id"], "part-%d" % k)
        api = part["api"]
        if api == "resourcegraph":
            jobs.append((arg_pages, (os.path.join(base, "tenant"), arm, part["query"], subscriptions)))
        elif api == "graph":
            url = with_query(graph + part["path"], None, part.get("query"))
            headers = ["ConsistencyLevel=eventual"] if part.get("consistency") == "eventual" else []
            jobs.append((get_pages, (os.path.join(base, "tenant"), url, headers)))
        elif part.get("per") == "subscription":
            for sub in subscriptions:
                path = part["path"].replace("{subscriptionId}", sub)
                url = with_query(arm + path, part["api_version"], part.get("query"))
                jobs.append((get_pages, (os.path.join(base, sub), url)))
        elif part.get("per") == "resource":
            jobs.append((per_resource, (base, arm, part, subscriptions)))
        else:
            url = with_query(arm + part["path"], part["api_version"], part.get("query"))
            jobs.append((get_pages, (os.path.join(base, "tenant"), url)))
    return jobs


def per_resource(base, arm, part, subscriptions):
    listing = os.path.join(base, "_resources")
    arg_pages(listing, arm, part["resources"], subscriptions)
    for doc in page_docs(listing, "data"):
        rid = doc.get("id") if isinstance(doc, dict) else None
        if not rid:
            continue
        folder = os.path.join(base, scope_key(rid))
        write(os.path.join(folder, "resource.txt"), rid + "\n")
        path = part["path"].replace("{resourceId}", rid)
        get_pages(folder, with_query(arm + urllib.parse.quote(path, safe="/{}-_.~"),
                                     part["api_version"], part.get("query")))


def cloud_endpoint(key, env):
    if os.environ.get(env):
        return os.environ[env].rstrip("/")
    rc, out, err = az(["cloud", "show", "--query", key, "--output", "tsv"])
    if rc != 0 or not out.strip():
        sys.exit("azmat-bundle: cannot read the cloud's endpoints (az cloud show): " + err.strip())
    return out.strip().rstrip("/")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Collect an azmat evidence bundle with the Azure CLI.")
    ap.add_argument("--out", help="the folder to write (default: azmat-bundle-<time>)")
    ap.add_argument("--requests", default=os.path.join(here, "requests.json"),
                    help="the requests file generated from azmat's catalog")
    ap.add_argument("--subscriptions", help="only these subscription ids, comma-separated")
    ap.add_argument("--concurrency", type=int, default=4, help="az processes at once (default 4)")
    args = ap.parse_args()

    with open(args.requests, encoding="utf-8") as f:
        requests = json.load(f)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = args.out or "azmat-bundle-" + now.replace(":", "").replace("-", "")
    if os.path.exists(os.path.join(out, "manifest.json")):
        sys.exit("azmat-bundle: %s already holds a bundle; choose another --out" % out)
    os.makedirs(out, exist_ok=True)
    arm = cloud_endpoint("endpoints.resourceManager", "AZMAT_ARM_ENDPOINT")
    graph = cloud_endpoint("endpoints.microsoftGraphResourceId", "AZMAT_GRAPH_ENDPOINT")

    rc, acct, err = az(["account", "show", "--output", "json"])
    tenant = json.loads(acct).get("tenantId", "") if rc == 0 else ""
    get_pages(os.path.join(out, "tenant", "subscriptions"),
              "%s/subscriptions?api-version=%s" % (arm, SUBSCRIPTIONS_API))
    if args.subscriptions:
        subscriptions = [s.strip() for s in args.subscriptions.split(",") if s.strip()]
    else:
        subscriptions = [d["subscriptionId"] for d in page_docs(os.path.join(out, "tenant", "subscriptions"), "value")
                         if isinstance(d, dict) and d.get("subscriptionId")]
    get_pages(os.path.join(out, "tenant", "subscribedSkus"), graph + "/v1.0/subscribedSkus")

    jobs = []
    for check in requests["checks"]:
        jobs += jobs_for(check, out, arm, graph, subscriptions)
    print("azmat-bundle: %d checks, %d subscriptions, %d request groups" %
          (len(requests["checks"]), len(subscriptions), len(jobs)), file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.concurrency)) as pool:
        for fut in concurrent.futures.as_completed([pool.submit(fn, *a) for fn, a in jobs]):
            fut.result()

    manifest = {
        "format": 1, "tool": "azmat-bundle.py", "catalog_version": requests.get("catalog_version", ""),
        "created": now, "tenant_id": tenant, "endpoints": {"arm": arm, "graph": graph},
        "subscriptions": subscriptions, "failures": len(failures),
    }
    write(os.path.join(out, "manifest.json"), json.dumps(manifest, indent=1))
    for line in failures:
        print("azmat-bundle: failed: " + line, file=sys.stderr)
    print("azmat-bundle: wrote %s (%d failed requests)" % (out, len(failures)), file=sys.stderr)


if __name__ == "__main__":
    main()
