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
retried when the failure is passing (throttling, server errors), then
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
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse

FORMAT = 1
ARG_API = "2022-10-01"
SUBSCRIPTIONS_API = "2022-12-01"
MAX_PAGES = 10000
USABLE_STATES = ("enabled", "warned", "pastdue")
RETRY_STATUSES = (0, 408, 429, 500, 502, 503, 504)

REASONS = {
    "bad request": 400, "unauthorized": 401, "forbidden": 403, "not found": 404,
    "request timeout": 408, "conflict": 409, "too many requests": 429,
    "internal server error": 500, "bad gateway": 502, "service unavailable": 503,
    "gateway timeout": 504,
}

lock = threading.Lock()
failures = []
# retries and waits of passing failures; subscriptions per Resource Graph request (Microsoft: fewer than 300)
settings = {"retries": 3, "retry_wait": 5.0, "arg_batch": 250}


def az_once(args):
    """Run az without a shell; return (rc, stdout, stderr)."""
    try:
        p = subprocess.run(["az"] + args, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        sys.exit("azmat-bundle: the Azure CLI ('az') is not installed or not on PATH")
    except subprocess.TimeoutExpired:
        return 124, "", "ERROR: Request Timeout: az did not answer within 600 s"
    return p.returncode, p.stdout, p.stderr


def parse_error(stderr):
    """Turn az's error output into {status, code, message}.

    az rest prints "ERROR: <HTTP reason>(<response body>)" on stderr and
    exits 1 when the API answers with a status of 400 or more.
    """
    text = stderr.strip()
    status, code, message = 0, "", text[-2000:]
    m = re.search(r"([A-Za-z ]+)\((\{.*\})\)\s*$", text, re.S)
    if m:
        status = REASONS.get(m.group(1).strip().lower(), 0)
        try:
            body = json.loads(m.group(2))
            err = body.get("error", body) if isinstance(body, dict) else {}
            if isinstance(err, dict):
                code = str(err.get("code", ""))
                message = str(err.get("message", message))[:2000]
            elif isinstance(err, str):
                code = err
        except ValueError:
            pass
    if not status:
        for reason, num in REASONS.items():
            if re.search(r"\b%s\b" % reason, text.lower()):
                status = num
                break
    return {"status": status, "code": code, "message": message}


def az_rest(args):
    """az rest with retries on passing failures; (ok, stdout, error)."""
    attempt = 0
    while True:
        rc, out, err = az_once(args)
        if rc == 0:
            return True, out, None
        e = parse_error(err)
        if e["status"] not in RETRY_STATUSES or attempt >= settings["retries"]:
            return False, out, e
        wait = settings["retry_wait"] * (2 ** attempt) * (0.5 + random.random())
        attempt += 1
        time.sleep(wait)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def record_error(folder, err, what):
    write(os.path.join(folder, "error.json"), json.dumps(err, indent=1) + "\n")
    with lock:
        failures.append("%s: %s %s" % (what, err["status"] or "?", err["code"] or err["message"][:120]))


def origin(url):
    u = urllib.parse.urlsplit(url)
    port = u.port or (443 if u.scheme == "https" else 80)
    return "%s://%s:%d" % (u.scheme.lower(), (u.hostname or "").lower(), port)


def get_pages(folder, url, allowed, headers=()):
    """GET url and every next link; one page-NNNN.json per response.

    Next links must stay on the origin the list started on: a link to
    another host is recorded as a failure and not followed.
    """
    n = 0
    while url and n < MAX_PAGES:
        if origin(url) != allowed:
            record_error(folder, {"status": 0, "code": "ForeignNextLink",
                                  "message": "a next link points at another host"}, "paging")
            return
        args = ["rest", "--method", "get", "--url", url, "--output", "json"]
        for h in headers:
            args += ["--headers", h]
        ok, out, err = az_rest(args)
        if not ok:
            record_error(folder, err, url.split("?")[0])
            return
        n += 1
        write(os.path.join(folder, "page-%04d.json" % n), out)
        try:
            body = json.loads(out)
        except ValueError:
            return
        url = (body.get("nextLink") or body.get("@odata.nextLink")) if isinstance(body, dict) else None


def arg_pages(folder, arm, query, subscriptions, explicit):
    """Resource Graph: re-POST the same query with each $skipToken.

    With an explicit subscription list the query runs per batch of at most
    settings["arg_batch"] subscriptions; the pages of every batch follow the
    previous batch's in the same folder.
    """
    url = "%s/providers/Microsoft.ResourceGraph/resources?api-version=%s" % (arm, ARG_API)
    size = settings["arg_batch"]
    batches = [subscriptions[i:i + size] for i in range(0, len(subscriptions), size)] \
        if explicit else [None]
    n = 0
    for batch in batches or [[]]:
        token = None
        while n < MAX_PAGES:
            body = {"query": query, "options": {"$top": 1000, "resultFormat": "objectArray"}}
            if batch is not None:
                body["subscriptions"] = batch
            if token:
                body["options"]["$skipToken"] = token
            ok, out, err = az_rest(["rest", "--method", "post", "--url", url, "--body", json.dumps(body),
                                    "--output", "json"])
            if not ok:
                record_error(folder, err, "Resource Graph query")
                return
            n += 1
            write(os.path.join(folder, "page-%04d.json" % n), out)
            try:
                page = json.loads(out)
            except ValueError:
                return
            token = page.get("$skipToken") if isinstance(page, dict) else None
            if not token:
                break


def page_docs(folder, key):
    """The documents of the pages in folder (value or data arrays)."""
    docs = []
    n = 1
    while os.path.isfile(os.path.join(folder, "page-%04d.json" % n)):
        with open(os.path.join(folder, "page-%04d.json" % n), encoding="utf-8") as f:
            try:
                body = json.load(f)
            except ValueError:
                body = None
        if isinstance(body, dict) and isinstance(body.get(key), list):
            docs += body[key]
        n += 1
    return docs


def encode(text, unsafe):
    """Percent-encode what may not appear raw in a URL, as azmat's collector does."""
    raw = text.encode("utf-8")
    hexdigits = b"0123456789abcdefABCDEF"
    out = []
    for i, b in enumerate(raw):
        c = chr(b)
        lone_percent = c == "%" and not (i + 2 < len(raw) and raw[i + 1] in hexdigits
                                         and raw[i + 2] in hexdigits)
        if b <= 0x20 or b >= 0x7f or c in unsafe or lone_percent:
            out.append("%%%02X" % b)
        else:
            out.append(c)
    return "".join(out)


def enc_path(p):
    return encode(p, "\"#<>\\^`{|}?")


def enc_query(q):
    return encode(q, "\"#<>\\^`{|}")


def arm_url(arm, part, sub=None, resource=None, tenant=""):
    path = part["path"]
    out = []
    for piece in re.split(r"(\{subscriptionId\}|\{resourceId\}|\{tenantId\})", path):
        if piece == "{subscriptionId}" and sub is not None:
            out.append(enc_path(sub))
        elif piece == "{resourceId}" and resource is not None:
            out.append(enc_path(resource))
        elif piece == "{tenantId}":
            out.append(enc_path(tenant))
        else:
            out.append(enc_path(piece))
    url = arm + "".join(out) + "?api-version=" + enc_query(part["api_version"])
    if part.get("query"):
        url += "&" + enc_query(part["query"])
    return url


def graph_url(graph, part):
    url = graph + enc_path(part["path"])
    if part.get("query"):
        url += "?" + enc_query(part["query"])
    return url


def scope_key(resource_id):
    """The folder of a per-resource response: ASCII lower case, SHA-256, 16 hex digits."""
    low = "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in resource_id)
    return "r-" + hashlib.sha256(low.encode("utf-8")).hexdigest()[:16]


class Run:
    """What every fetch needs: endpoints, tenant, subscriptions in scope."""

    def __init__(self, out, arm, graph, tenant, subscriptions, explicit):
        self.out, self.arm, self.graph, self.tenant = out, arm, graph, tenant
        self.subscriptions, self.explicit = subscriptions, explicit

    def jobs_for(self, check):
        """The (function, arguments) pairs that fetch one check."""
        jobs = []
        cdir = os.path.join(self.out, "checks", check["id"])
        write(os.path.join(cdir, "request.json"), json.dumps(check, indent=1, sort_keys=True) + "\n")
        for k, part in enumerate(check["parts"]):
            base = os.path.join(cdir, "part-%d" % k)
            api = part["api"]
            if api == "resourcegraph":
                jobs.append((arg_pages, (os.path.join(base, "tenant"), self.arm, part["query"],
                                         self.subscriptions, self.explicit)))
            elif api == "graph":
                headers = ["ConsistencyLevel=eventual"] if part.get("consistency") == "eventual" else []
                jobs.append((get_pages, (os.path.join(base, "tenant"), graph_url(self.graph, part),
                                         origin(self.graph), headers)))
            elif part.get("per") == "subscription":
                for sub in self.subscriptions:
                    jobs.append((get_pages, (os.path.join(base, sub), arm_url(self.arm, part, sub=sub),
                                             origin(self.arm))))
            elif part.get("per") == "resource":
                jobs.append((self.per_resource, (base, part)))
            else:
                jobs.append((get_pages, (os.path.join(base, "tenant"),
                                         arm_url(self.arm, part, tenant=self.tenant), origin(self.arm))))
        return jobs

    def per_resource(self, base, part):
        listing = os.path.join(base, "_resources")
        arg_pages(listing, self.arm, part["resources"], self.subscriptions, self.explicit)
        if os.path.exists(os.path.join(listing, "error.json")):
            return
        for doc in page_docs(listing, "data"):
            rid = doc.get("id") if isinstance(doc, dict) else None
            if not isinstance(rid, str) or not rid.startswith("/"):
                continue
            folder = os.path.join(base, scope_key(rid))
            write(os.path.join(folder, "resource.txt"), rid + "\n")
            get_pages(folder, arm_url(self.arm, part, resource=rid), origin(self.arm))


def cloud_endpoint(key, env):
    if os.environ.get(env):
        return os.environ[env].rstrip("/")
    rc, out, err = az_once(["cloud", "show", "--query", key, "--output", "tsv"])
    if rc != 0 or not out.strip():
        sys.exit("azmat-bundle: cannot read the cloud's endpoints (az cloud show): " + err.strip())
    return out.strip().rstrip("/")


def created_time():
    """Now in UTC; SOURCE_DATE_EPOCH (reproducible builds) pins it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        t = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    else:
        t = datetime.datetime.now(datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def usable_subscriptions(out):
    """The subscriptions the identity can read and that can be used, as azmat's collector keeps them."""
    subs = []
    for d in page_docs(os.path.join(out, "tenant", "subscriptions"), "value"):
        if not isinstance(d, dict) or not isinstance(d.get("subscriptionId"), str):
            continue
        state = str(d.get("state", "Enabled")).lower()
        if d["subscriptionId"] and "/" not in d["subscriptionId"] and state in USABLE_STATES \
                and d["subscriptionId"] not in subs:
            subs.append(d["subscriptionId"])
    return subs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Collect an azmat evidence bundle with the Azure CLI.")
    ap.add_argument("--out", help="the folder to write (default: azmat-bundle-<time>)")
    ap.add_argument("--requests", default=os.path.join(here, "requests.json"),
                    help="the requests file generated from azmat's catalog")
    ap.add_argument("--subscriptions", help="only these subscription ids, comma-separated")
    ap.add_argument("--concurrency", type=int, default=4, help="az processes at once (default 4)")
    ap.add_argument("--retries", type=int, default=3,
                    help="retries of a request that was throttled or met a server error (default 3)")
    ap.add_argument("--retry-wait", type=float, default=5.0,
                    help="seconds before the first retry, doubling each time (default 5)")
    ap.add_argument("--arg-batch", type=int, default=250,
                    help="with --subscriptions: subscriptions per Resource Graph request (default 250)")
    args = ap.parse_args()
    settings["arg_batch"] = min(max(1, args.arg_batch), 1000)
    settings["retries"] = max(0, args.retries)
    settings["retry_wait"] = max(0.0, args.retry_wait)

    with open(args.requests, encoding="utf-8") as f:
        requests = json.load(f)
    if requests.get("format") != FORMAT:
        sys.exit("azmat-bundle: %s is not a requests file this script reads" % args.requests)
    now = created_time()
    out = args.out or "azmat-bundle-" + now.replace(":", "").replace("-", "")
    if os.path.exists(os.path.join(out, "manifest.json")):
        sys.exit("azmat-bundle: %s already holds a bundle; choose another --out" % out)
    os.makedirs(out, exist_ok=True)
    arm = cloud_endpoint("endpoints.resourceManager", "AZMAT_ARM_ENDPOINT")
    graph = cloud_endpoint("endpoints.microsoftGraphResourceId", "AZMAT_GRAPH_ENDPOINT")

    rc, acct, err = az_once(["account", "show", "--output", "json"])
    if rc != 0:
        sys.exit("azmat-bundle: the Azure CLI is not signed in (az account show): " + err.strip())
    account = json.loads(acct)
    tenant = account.get("tenantId", "")
    user = account.get("user") or {}
    identity = ("%s %s" % (user.get("type", ""), user.get("name", ""))).strip()
    get_pages(os.path.join(out, "tenant", "subscriptions"),
              "%s/subscriptions?api-version=%s" % (arm, SUBSCRIPTIONS_API), origin(arm))
    explicit = bool(args.subscriptions)
    if explicit:
        subscriptions = [s.strip() for s in args.subscriptions.split(",") if s.strip()]
    else:
        subscriptions = usable_subscriptions(out)
    get_pages(os.path.join(out, "tenant", "subscribedSkus"), graph + "/v1.0/subscribedSkus", origin(graph))

    run = Run(out, arm, graph, tenant, subscriptions, explicit)
    jobs = []
    for check in requests["checks"]:
        jobs += run.jobs_for(check)
    print("azmat-bundle: %d checks, %d subscriptions, %d request groups" %
          (len(requests["checks"]), len(subscriptions), len(jobs)), file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.concurrency)) as pool:
        for fut in concurrent.futures.as_completed([pool.submit(fn, *a) for fn, a in jobs]):
            fut.result()

    manifest = {
        "format": FORMAT, "tool": "azmat-bundle.py", "catalog_version": requests.get("catalog_version", ""),
        "created": now, "tenant_id": tenant, "identity": identity,
        "endpoints": {"arm": arm, "graph": graph},
        "subscriptions": subscriptions, "subscriptions_given": explicit, "failures": len(failures),
    }
    write(os.path.join(out, "manifest.json"), json.dumps(manifest, indent=1) + "\n")
    for line in failures:
        print("azmat-bundle: failed: " + line, file=sys.stderr)
    print("azmat-bundle: wrote %s (%d failed requests)" % (out, len(failures)), file=sys.stderr)


if __name__ == "__main__":
    main()
