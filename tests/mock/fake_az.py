#!/usr/bin/env python3
"""A test-only stand-in for the Azure CLI (`az`), talking to the mock tenant.

It implements exactly what assets/bundle/azmat-bundle.py calls, and answers
the way the real Azure CLI does, so that the script is tested end to end
without Azure and without the real CLI on the test machine:

    az rest --method M --url URL [--body TEXT] [--headers K=V ...] --output json
    az cloud show --query endpoints.NAME --output tsv
    az account show --output json

Its state (what `az login --service-principal` and `az cloud register` keep in
the real CLI's configuration folder) is one JSON file, fake-az.json, in
$AZURE_CONFIG_DIR (the variable the real CLI reads for that folder):

    {"authority", "arm", "graph", "tenant", "client_id", "secret", "ca", "subscription"}

What was matched against the real CLI (azure-cli 2.45.0 as Debian ships
it, /usr/lib/python3/dist-packages/azure/cli; the same code is in
Azure/azure-cli on GitHub, src/azure-cli-core/azure/cli/core/util.py):

  - send_raw_request(): a URL that starts with the cloud's resourceManager
    endpoint gets a token for the ARM resource; one that starts with
    another endpoint of the cloud (microsoftGraphResourceId) a token for
    that; any other URL none, with a warning. "--headers" takes KEY=VALUE
    (or JSON). A body that is JSON gets Content-Type: application/json.
  - a status >= 400 raises HTTPError(reason + "(" + body + ")"), which the
    CLI prints on stderr as "ERROR: Forbidden({"error":{...}})" and exits 1;
  - rest_call(): a JSON body is printed with knack's format_json
    (json.dumps(ensure_ascii=False, indent=2, sort_keys=True,
    separators=(',', ': ')) plus a newline); a body that is not JSON is
    printed as text after "WARNING: Not a json response, ..." on stderr;
    an empty body prints nothing;
  - a body shorter than its Content-Length is returned as it is (urllib3 1.26,
    as Debian 12 ships it, does not enforce the length), so it is printed as
    text after the warning below (urllib3 2 would raise "Connection broken:
    IncompleteRead" instead; the script and azmat take either);
  - `--output tsv` prints a scalar result and a newline.

Run against the mock tenant, the real CLI (Debian's 2.45.0, signed in to a
cloud registered for the mock: tests/mock/make_bundle.sh --az real) and this
one make byte-identical bundles, faults included (docs/benchmarks.md).

The real CLI caches tokens (MSAL); so does this one, in fake-az-tokens.json,
so that a run does not ask the mock for a token per request.
Python 3 standard library only.
"""
import http.client
import json
import os
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def die(message, code=1):
    sys.stderr.write("ERROR: %s\n" % message)
    sys.exit(code)


def config_dir():
    return os.environ.get("AZURE_CONFIG_DIR") or os.path.join(os.path.expanduser("~"), ".azure")


def load_config():
    path = os.path.join(config_dir(), "fake-az.json")
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        die("Please run 'az login' to setup account.")


def tls(cfg):
    return ssl.create_default_context(cafile=cfg.get("ca"))


def endpoints(cfg):
    """The registered cloud's endpoints, as `az cloud show` spells them."""
    arm = cfg["arm"].rstrip("/") + "/"
    return {"activeDirectory": cfg["authority"].rstrip("/"),
            "activeDirectoryResourceId": arm,
            "resourceManager": arm,
            "microsoftGraphResourceId": cfg["graph"].rstrip("/") + "/"}


def cached_token(cfg, resource):
    path = os.path.join(config_dir(), "fake-az-tokens.json")
    try:
        with open(path) as f:
            cache = json.load(f)
    except (OSError, ValueError):
        cache = {}
    hit = cache.get(resource)
    if hit and hit["expires"] > time.time() + 60:
        return hit["token"]
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": cfg["client_id"],
                                   "client_secret": cfg["secret"], "scope": resource + "/.default"})
    url = "%s/%s/oauth2/v2.0/token" % (cfg["authority"].rstrip("/"), cfg["tenant"])
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=form.encode()), context=tls(cfg),
                                    timeout=60) as r:
            body = json.load(r)
    except urllib.error.HTTPError as e:
        die("AADSTS: the token request failed (%d): %s" % (e.code, e.read().decode(errors="replace")))
    except (urllib.error.URLError, OSError) as e:
        die("Failed to connect to the authority: %s" % e)
    cache[resource] = {"token": body["access_token"], "expires": time.time() + int(body["expires_in"])}
    tmp = "%s.%d" % (path, os.getpid())
    with open(tmp, "w") as f:
        json.dump(cache, f)
    os.replace(tmp, path)
    return body["access_token"]


def requote(url):
    """What requests does to a URL before sending it (requote_uri)."""
    return urllib.parse.quote(url, safe="!#$%&'()*+,/:;=?@[]~")


def parse_headers(values):
    out = {}
    for v in values:
        try:
            out.update(json.loads(v))
        except ValueError:
            if "=" not in v:
                die("usage error: --headers takes KEY=VALUE or JSON", 2)
            k, val = v.split("=", 1)
            out[k] = val
    return out


def print_json(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True, separators=(",", ": ")) + "\n")


def parse_options(args, single, multi=()):
    """--name VALUE options; unknown ones are refused as the real CLI does."""
    opts = {m: [] for m in multi}
    i = 0
    while i < len(args):
        name = args[i]
        if not name.startswith("--") or i + 1 >= len(args):
            die("unrecognized arguments: %s" % " ".join(args[i:]), 2)
        key = name[2:]
        if key in multi:
            opts[key].append(args[i + 1])
        elif key in single:
            opts[key] = args[i + 1]
        else:
            die("unrecognized arguments: %s" % name, 2)
        i += 2
    return opts


def rest(args):
    o = parse_options(args, ("method", "url", "body", "output"), ("headers",))
    if "url" not in o:
        die("the following arguments are required: --url/--uri/-u", 2)
    cfg = load_config()
    ep = endpoints(cfg)
    url = o["url"]
    method = o.get("method", "get").upper()
    headers = parse_headers(o["headers"])
    headers["User-Agent"] = "fake-az (azmat tests)"
    body = o.get("body")
    if body is not None:
        try:
            json.loads(body)
            headers.setdefault("Content-Type", "application/json")
        except ValueError:
            pass
    resource = None
    if url.lower().startswith(ep["resourceManager"].rstrip("/").lower()):
        resource = ep["activeDirectoryResourceId"]
    else:
        for value in ep.values():
            if url.lower().startswith(value.lower()):
                resource = value
                break
    if resource:
        headers["Authorization"] = "Bearer " + cached_token(cfg, resource.rstrip("/"))
    else:
        sys.stderr.write("WARNING: Can't derive appropriate Azure AD resource from --url to acquire an "
                         "access token. If access token is required, use --resource to specify the "
                         "resource\n")
    req = urllib.request.Request(requote(url), data=body.encode() if body is not None else None,
                                 headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, context=tls(cfg), timeout=120) as r:
            try:
                content = r.read()
            except http.client.IncompleteRead as e:
                # urllib3 1.x (Debian 12) hands requests the short body without complaint
                content = e.partial
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", errors="replace")
        die("%s(%s)" % (e.reason, text) if text else str(e.reason))
    except (urllib.error.URLError, OSError) as e:
        die("HTTPSConnectionPool: Max retries exceeded with url (Caused by %r)" % (e,))
    if not content:
        return
    text = content.decode("utf-8", errors="replace")
    try:
        obj = json.loads(text)
    except ValueError:
        sys.stderr.write("WARNING: Not a json response, outputting to stdout. For binary data suggest "
                         "use \"--output-file\" to write to a file\n")
        print(text)
        return
    print_json(obj)


def query(obj, expr):
    """The JMESPath subset the script uses: a dotted path of keys."""
    for key in expr.split("."):
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def output(obj, fmt):
    if fmt == "tsv":
        if obj is not None:
            sys.stdout.write("%s\n" % obj)
    else:
        print_json(obj)


def cloud_show(args):
    o = parse_options(args, ("query", "output", "name"))
    cfg = load_config()
    doc = {"endpoints": endpoints(cfg), "isActive": True, "name": "AzmatMock", "profile": "latest",
           "suffixes": {}}
    output(query(doc, o["query"]) if "query" in o else doc, o.get("output", "json"))


def account_show(args):
    o = parse_options(args, ("query", "output"))
    cfg = load_config()
    doc = {"environmentName": "AzmatMock", "homeTenantId": cfg["tenant"], "id": cfg.get("subscription", ""),
           "isDefault": True, "managedByTenants": [], "name": "mock subscription", "state": "Enabled",
           "tenantId": cfg["tenant"], "user": {"name": cfg["client_id"], "type": "servicePrincipal"}}
    output(query(doc, o["query"]) if "query" in o else doc, o.get("output", "json"))


def main(argv):
    commands = {("rest",): rest, ("cloud", "show"): cloud_show, ("account", "show"): account_show}
    for words, fn in commands.items():
        if tuple(argv[:len(words)]) == words:
            return fn(argv[len(words):])
    die("'%s' is not in the fake az: only %s" % (" ".join(argv), ", ".join(" ".join(w) for w in commands)), 2)


if __name__ == "__main__":
    main(sys.argv[1:])
