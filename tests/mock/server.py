#!/usr/bin/env python3
"""The mock tenant: Azure Resource Manager, Resource Graph, Microsoft Graph
and the Entra token endpoints over HTTPS on 127.0.0.1, serving a tenant
folder in the layout of tests/mock/README.md, with fault injection.

Python 3 standard library only. Every listener binds 127.0.0.1:

  main     HTTPS: authority (/{tenant}/oauth2/v2.0/...), ARM, Resource Graph,
           Graph (/v1.0/...), and the control API (/_mock/...)
  graph    HTTPS, optional: the same handler, so that Graph can have its own
           origin (tokens are bound to the origin they were issued for)
  foreign  HTTPS: a host azmat must never send a token to; it only records
  http     plain HTTP: the managed identity endpoints (IMDS, App Service)

The ports are written as JSON to --port-file once everything listens.
Control API (JSON bodies):
  POST /_mock/faults     [{"path", "kind", ...}]  add faults (see Fault)
  POST /_mock/clear      drop faults and the request log
  POST /_mock/config     {"latency_ms", "token_lifetime", "device": [...], ...}
  POST /_mock/approve    grant every device code issued so far
  GET  /_mock/log        every request seen: port, method, path, auth, status
  GET  /_mock/tokens     every token, refresh token and device code issued
"""

import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROLE_IDS = {
    "owner": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "contributor": "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "reader": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    "user access administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    "security reader": "39bc4728-0917-49c7-9d2c-d95423bc2eb4",
    "security admin": "fb1c8493-542b-48eb-b624-b4c8fea62acd",
}

# Graph paths (prefixes, lower case) and the application permissions that
# let a principal read them; any one suffices. Paths not listed need none.
GRAPH_PERMISSIONS = [
    ("/v1.0/identity/conditionalaccess", ["Policy.Read.All"]),
    ("/v1.0/policies", ["Policy.Read.All"]),
    ("/v1.0/rolemanagement", ["RoleManagement.Read.Directory", "RoleManagement.Read.All",
                              "Directory.Read.All"]),
    ("/v1.0/directoryroles", ["RoleManagement.Read.Directory", "Directory.Read.All"]),
    ("/v1.0/reports", ["AuditLog.Read.All"]),
    ("/v1.0/users", ["User.Read.All", "Directory.Read.All"]),
    ("/v1.0/groups", ["Group.Read.All", "Directory.Read.All"]),
    ("/v1.0/serviceprincipals", ["Application.Read.All", "Directory.Read.All"]),
    ("/v1.0/applications", ["Application.Read.All", "Directory.Read.All"]),
    ("/v1.0/subscribedskus", ["Organization.Read.All", "Directory.Read.All"]),
    ("/v1.0/organization", ["Organization.Read.All", "Directory.Read.All"]),
]

# Graph paths that need an Entra licence: (prefix, service plans, how it fails).
GRAPH_LICENCES = [
    ("/v1.0/identity/conditionalaccess", ["AAD_PREMIUM", "AAD_PREMIUM_P2"], "p1"),
    ("/v1.0/reports/authenticationmethods", ["AAD_PREMIUM", "AAD_PREMIUM_P2"], "p1"),
    ("/v1.0/rolemanagement/directory/roleeligibility", ["AAD_PREMIUM_P2"], "pim"),
    ("/v1.0/rolemanagement/directory/roleassignmentschedule", ["AAD_PREMIUM_P2"], "pim"),
]

GENERAL_ARM_ROLES = {"owner", "contributor", "reader"}


def arg_selector(query):
    """The table a Resource Graph query reads and the types it selects."""
    table = (re.match(r"\s*(\w+)", query or "") or [None, ""])[1].lower()
    types = set(t.lower() for t in TYPE_EQ.findall(query or ""))
    for group in TYPE_IN.findall(query or ""):
        types.update(x.strip().strip("'\"").lower() for x in group.split(","))
    return table, frozenset(types)


class Needs:
    """What each request needs, from the catalog: a request that is a part of
    a check's source is served when at least one such check has everything
    it needs (its licence, and each comma-separated item of its permission),
    and refused with the licence error or the 403 otherwise."""

    def __init__(self, catalog, tenant_id):
        # indexed for speed: Resource Graph by (table, types), Graph by path, ARM by the
        # literal end of the path template (then its regular expression)
        self.arg, self.graph, self.arm = {}, {}, []
        if not catalog or not os.path.exists(os.path.join(catalog, "catalog.json")):
            return
        with open(os.path.join(catalog, "catalog.json")) as f:
            files = json.load(f).get("checks", [])
        for rel in files:
            with open(os.path.join(catalog, rel)) as f:
                for check in json.load(f)["checks"]:
                    src = check["source"]
                    need = {"id": check["id"], "licence": check.get("licence"),
                            "reqs": [r.strip() for r in check.get("permission", "").split(",") if r.strip()]}
                    for part in src.get("parts", [src]):
                        self._add(part, tenant_id, need)

    def _add(self, part, tenant_id, need):
        if part["api"] == "resourcegraph":
            self.arg.setdefault(arg_selector(part["query"]), []).append(need)
        elif part["api"] == "graph":
            q = urllib.parse.parse_qs(part.get("query", ""), keep_blank_values=True)
            self.graph.setdefault(part["path"].lower(), []).append(({k: v[0] for k, v in q.items()}, need))
        else:
            path = part["path"]
            tail = path[path.rfind("}") + 1:].lower()
            rx = re.escape(path).replace(re.escape("{subscriptionId}"), "[^/]+")
            rx = rx.replace(re.escape("{resourceId}"), "/subscriptions/.+").replace(
                re.escape("{tenantId}"), re.escape(tenant_id))
            self.arm.append((tail, re.compile(rx + "$", re.I), need))

    def checks(self, api, path, query=None, selector=None):
        if api == "arg":
            return self.arg.get(selector, [])
        if api == "graph":
            return [n for q, n in self.graph.get(path.lower(), []) if all(query.get(k) == v for k, v in q.items())]
        low = path.lower()
        return [n for tail, rx, n in self.arm if low.endswith(tail) and rx.match(path)]

    @staticmethod
    def graph_held(want, held):
        """As Graph grants it (and as azmat's pre-flight reckons): the permission, its
        ReadWrite twin, or Directory.Read.All for reading directory objects."""
        twin = want.replace(".Read.", ".ReadWrite.")
        if want in held or twin in held:
            return True
        directory = {"Directory.Read.All", "Directory.ReadWrite.All"} & set(held)
        return bool(directory) and want.split(".")[0] in ("User", "Group", "Application", "Organization", "Device") \
            or bool(directory) and want == "RoleManagement.Read.Directory"

    @staticmethod
    def unmet(need, principal, licences, api):
        """The first thing need lacks for a request to api: ("licence", ...), ("permission", ...) or None."""
        lic = need["licence"] or ""
        if "P2" in lic and "AAD_PREMIUM_P2" not in licences:
            return ("licence", "p2")
        if "P1" in lic and not {"AAD_PREMIUM", "AAD_PREMIUM_P2"} & licences:
            return ("licence", "p1")
        arm = set(r.get("role", "").lower() for r in principal.get("armRoles", []))
        for req in need["reqs"]:
            if req.endswith("(Entra ID role)"):
                held = principal.get("directoryRoles")
                if held is not None and req[: -len("(Entra ID role)")].strip() not in held:
                    return ("permission", req)
            elif "." in req:
                held = principal.get("graphRoles")
                if api == "graph" and held is not None and not Needs.graph_held(req, held):
                    return ("permission", req)
            elif api != "graph" and principal.get("armRoles") is not None:
                if not (arm & GENERAL_ARM_ROLES or req.lower() in arm):
                    return ("permission", req)
        return None

    def verdict(self, st, api, path, query=None, selector=None):
        """None to serve; else what the first matching check lacks."""
        found = self.checks(api, path, query, selector)
        first = None
        for need in found:
            miss = self.unmet(need, st.tenant.principal, st.tenant.licences, api)
            if miss is None:
                return None
            first = first or miss
        return first


TYPE_EQ = re.compile(r"\btype\s*(?:=~|==)\s*'([^']*)'", re.I)
TYPE_IN = re.compile(r"\btype\s+in~?\s*\(([^)]*)\)", re.I)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Tenant:
    """A tenant folder, indexed once; rows kept as pre-serialised bytes."""

    def __init__(self, folder):
        self.folder = folder
        with open(os.path.join(folder, "tenant.json")) as f:
            self.info = json.load(f)
        self.tenant_id = self.info.get("tenantId", "00000000-0000-0000-0000-000000000000")
        self.principal = self.info.get("principal", {})
        self.licences = set(self.info.get("licences", []))
        self.tables = {}
        argdir = os.path.join(folder, "arg")
        if os.path.isdir(argdir):
            for name in sorted(os.listdir(argdir)):
                if name.endswith(".jsonl"):
                    self.tables[name[:-6].lower()] = self._load_table(os.path.join(argdir, name))
        self.files = {}
        for top in ("arm", "graph"):
            base = os.path.join(folder, top)
            for root, _dirs, names in os.walk(base):
                for name in names:
                    if not name.endswith(".json"):
                        continue
                    full = os.path.join(root, name)
                    rel = "/" + os.path.relpath(full, base)[:-5]
                    self.files[(top, rel.lower())] = full
        self.cache = {}
        self.cache_lock = threading.Lock()
        self.raw = {}
        self.readable = self._readable_subscriptions()

    def preload(self):
        """Read every ARM and Graph answer into memory now (benchmarks: no disk in the way)."""
        for key, full in self.files.items():
            with open(full, "rb") as f:
                self.raw[key] = f.read()

    @staticmethod
    def _load_table(path):
        rows = []
        with open(path, "rb") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                doc = json.loads(line)
                rows.append((str(doc.get("type", "")).lower(),
                             str(doc.get("subscriptionId", "")).lower(), line))
        return rows

    def body(self, top, path):
        """The parsed JSON of arm/<path>.json or graph/<path>.json, or None."""
        full = self.files.get((top, path.rstrip("/").lower()))
        if not full:
            return None
        key = ("file", full)
        with self.cache_lock:
            hit = self.cache.get(key)
        if hit is None:
            raw = self.raw.get((top, path.rstrip("/").lower()))
            if raw is None:
                with open(full, "rb") as f:
                    raw = f.read()
            hit = json.loads(raw)
            with self.cache_lock:
                self.cache[key] = hit
        return hit

    def arg_rows(self, table, types, subs):
        key = ("arg", table, tuple(sorted(types)), tuple(sorted(subs)) if subs else None)
        with self.cache_lock:
            hit = self.cache.get(key)
        if hit is not None:
            return hit
        rows = [r[2] for r in self.tables.get(table, [])
                if (not types or r[0] in types) and (subs is None or r[1] in subs)]
        with self.cache_lock:
            self.cache[key] = rows
        return rows

    def readable_subscriptions(self):
        """None when the principal may read everything, else the set it may."""
        return self.readable

    def _readable_subscriptions(self):
        roles = self.principal.get("armRoles")
        if roles is None:
            return None
        subs = set()
        for r in roles:
            scope = r.get("scope", "").lower()
            if scope in ("/", "") or "/managementgroups/" in scope:
                return None
            m = re.match(r"/subscriptions/([^/]+)", scope)
            if m:
                subs.add(m.group(1))
        return subs


class State:
    def __init__(self, args):
        self.args = args
        self.tenant = Tenant(args.tenant)
        self.needs = Needs(args.catalog, self.tenant.tenant_id)
        self.lock = threading.RLock()
        self.tokens = {}  # token -> {"aud", "exp", "kind"}
        self.refresh = {}  # refresh token -> True (kept after use, for /_mock/tokens)
        self.devices = {}  # device code -> {"steps": [...], "expires": t}
        self.faults = []
        self.log = []
        self.latency = args.latency_ms / 1000.0
        self.lifetime = args.token_lifetime
        self.device_steps = ["authorization_pending", "ok"]
        self.device_interval = 1
        self.device_expires = 900
        self.arm_page = args.arm_page
        self.graph_page = args.graph_page
        self.ports = {}
        self.secret = None
        if args.secret_file:
            with open(args.secret_file) as f:
                self.secret = f.read().strip()
        self.cert_x5t = None
        self.cert_pub = None
        if args.client_cert:
            with open(args.client_cert) as f:
                der = ssl.PEM_cert_to_DER_cert(f.read())
            self.cert_x5t = b64url(hashlib.sha1(der).digest())
            out = subprocess.run(["openssl", "x509", "-in", args.client_cert, "-pubkey", "-noout"],
                                 check=True, capture_output=True)
            fd, self.cert_pub = tempfile.mkstemp(suffix=".pem")
            os.write(fd, out.stdout)
            os.close(fd)
        self.federated = None
        if args.federated_token:
            with open(args.federated_token) as f:
                self.federated = f.read().strip()
        self.identity_header = args.identity_header

    def issue(self, aud, kind="app", lifetime=None):
        now = int(time.time())
        life = self.lifetime if lifetime is None else lifetime
        p = self.tenant.principal
        claims = {"aud": aud, "iss": "https://sts.mock/%s/" % self.tenant.tenant_id,
                  "iat": now, "nbf": now, "exp": now + life, "tid": self.tenant.tenant_id,
                  "oid": p.get("objectId", ""), "jti": secrets.token_hex(8)}
        if kind == "user":
            claims["upn"] = p.get("upn", "operator@mock.example")
            claims["scp"] = "user_impersonation"
        else:
            claims["appid"] = p.get("appId", "")
            claims["idtyp"] = "app"
            if aud.rstrip("/") == self.graph_origin():
                claims["roles"] = p.get("graphRoles", [])
        header = {"alg": "RS256", "typ": "JWT", "kid": "mock"}
        tok = "%s.%s.%s" % (b64url(json.dumps(header).encode()), b64url(json.dumps(claims).encode()),
                            b64url(secrets.token_bytes(32)))
        with self.lock:
            self.tokens[tok] = {"aud": aud.rstrip("/"), "exp": now + life}
        return tok, life

    def graph_origin(self):
        port = self.ports.get("graph") or self.ports.get("main")
        return "https://127.0.0.1:%d" % port


class Fault:
    """One injected fault: what to do to requests whose path matches.

    A fault matches a path (exact, or a prefix ending in "*"), optionally a
    method and a substring of the request body ("body_contains", to single
    out one Resource Graph query), for "times" requests (default: all).
    kinds: status (any status with an ARM/Graph error body, Retry-After),
    expired (401 and the presented token dies), truncate, malformed, slow,
    foreign-next (list pages link to the foreign listener), redirect-foreign,
    arg-quota (Resource Graph says the quota is spent), gzip.
    """

    def __init__(self, spec):
        self.spec = spec
        self.path = spec["path"].lower()
        self.kind = spec.get("kind", "status")
        self.method = spec.get("method")
        self.body = spec.get("body_contains", "").encode()
        self.times = spec.get("times")
        self.hits = 0

    def matches(self, method, path, body):
        if self.method and self.method != method:
            return False
        if self.body and self.body not in body:
            return False
        if self.times is not None and self.hits >= self.times:
            return False
        p = path.lower()
        if self.path.endswith("*"):
            return p.startswith(self.path[:-1])
        return p == self.path


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "azmat-mock/1"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    # ---- plumbing ---------------------------------------------------------

    @property
    def st(self):
        return self.server.state

    def origin(self):
        return "https://127.0.0.1:%d" % self.public_port() if self.server.tls \
            else "http://127.0.0.1:%d" % self.server.server_address[1]

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def record(self, status):
        auth = self.headers.get("Authorization")
        entry = {"port": self.server.name, "method": self.command, "path": self.path,
                 "auth": bool(auth), "status": status}
        if auth and self.server.name == "foreign":
            entry["authorization"] = auth
        with self.st.lock:
            self.st.log.append(entry)

    def send(self, status, body, headers=None, ctype="application/json"):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        fault = getattr(self, "fault", None)
        if fault and fault.kind == "gzip" and "gzip" in (self.headers.get("Accept-Encoding") or ""):
            body = gzip.compress(body, 1)
            headers = dict(headers or {})
            headers["Content-Encoding"] = "gzip"
        self.record(status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if fault and fault.kind == "truncate":
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.send_header("Content-Length", str(len(body)))
        # headers and body in one write: one TLS record train, one syscall
        self._headers_buffer.append(b"\r\n" + body)
        self.flush_headers()

    def arm_error(self, status, code, message, headers=None):
        self.send(status, {"error": {"code": code, "message": message}}, headers)

    def graph_error(self, status, code, message, headers=None):
        self.send(status, {"error": {"code": code, "message": message, "innerError": {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S"), "request-id": secrets.token_hex(8)}}}, headers)

    # ---- dispatch ---------------------------------------------------------

    def do_GET(self):
        self.dispatch()

    def do_POST(self):
        self.dispatch()

    def dispatch(self):
        self.body = self.read_body()
        url = urllib.parse.urlsplit(self.path)
        self.url_path = urllib.parse.unquote(url.path)
        self.query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        self.fault = None
        try:
            if self.server.name == "foreign":
                return self.send(200, {"value": [], "note": "the foreign host"})
            if self.url_path.startswith("/_mock/"):
                return self.control()
            if self.server.name == "http":
                return self.managed_identity()
            if "/oauth2/v2.0/" in self.url_path:
                return self.token_endpoint()
            if self.url_path.endswith("/.well-known/openid-configuration"):
                return self.openid_configuration()
            if self.st.latency:
                time.sleep(self.st.latency)
            if self.apply_fault():
                return
            if not self.authorised():
                return
            if self.url_path.startswith(("/v1.0/", "/beta/")):
                return self.graph()
            if self.url_path.lower() == "/providers/microsoft.resourcegraph/resources":
                return self.resource_graph()
            return self.arm()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True

    def apply_fault(self):
        with self.st.lock:
            for f in self.st.faults:
                if f.matches(self.command, self.url_path, self.body):
                    f.hits += 1
                    self.fault = f
                    break
        f = self.fault
        if not f:
            return False
        s = f.spec
        if f.kind == "slow":
            time.sleep(float(s.get("seconds", 2)))
            return False
        if f.kind == "status":
            headers = {}
            ra = s.get("retry_after")
            if ra is not None:
                if str(ra).startswith("date:"):
                    headers["Retry-After"] = formatdate(time.time() + float(ra[5:]), usegmt=True)
                else:
                    headers["Retry-After"] = str(ra)
            status = int(s.get("status", 500))
            code = s.get("code", "InternalServerError")
            message = s.get("message", "injected fault")
            if self.url_path.startswith("/v1.0/"):
                self.graph_error(status, code, message, headers)
            else:
                self.arm_error(status, code, message, headers)
            return True
        if f.kind == "expired":
            tok = self.bearer()
            with self.st.lock:
                if tok in self.st.tokens:
                    self.st.tokens[tok]["exp"] = 0
            self.arm_error(401, "ExpiredAuthenticationToken",
                           "The access token expiry UTC time is earlier than current UTC time.")
            return True
        if f.kind == "malformed":
            self.send(200, b'{"value": [{"id": "/subscriptions/x", "name": ')
            return True
        if f.kind == "redirect-foreign":
            self.send(302, b"", {"Location": "https://127.0.0.1:%d%s" % (
                self.st.ports["foreign"], self.path)})
            return True
        return False

    def bearer(self):
        auth = self.headers.get("Authorization") or ""
        return auth[7:] if auth.startswith("Bearer ") else None

    def authorised(self):
        tok = self.bearer()
        with self.st.lock:
            info = self.st.tokens.get(tok) if tok else None
        graph = self.url_path.startswith(("/v1.0/", "/beta/"))
        err = self.graph_error if graph else self.arm_error
        if not info:
            err(401, "InvalidAuthenticationToken", "Access token is missing or invalid.")
            return False
        if info["exp"] <= time.time():
            err(401, "ExpiredAuthenticationToken" if not graph else "InvalidAuthenticationToken",
                "The access token has expired.")
            return False
        if info["aud"] != self.origin():
            err(401, "InvalidAuthenticationToken", "The access token has an invalid audience.")
            return False
        return True

    # ---- control ----------------------------------------------------------

    def control(self):
        st = self.st
        what = self.url_path[len("/_mock/"):]
        if what == "tokens":
            with st.lock:
                issued = list(st.tokens) + list(st.refresh) + list(st.devices)
            return self.send(200, issued)
        if what == "log":
            with st.lock:
                entries = list(st.log)
            return self.send(200, entries)
        data = json.loads(self.body or b"null")
        if what == "faults":
            with st.lock:
                st.faults.extend(Fault(x) for x in data)
                n = len(st.faults)
            return self.send(200, {"faults": n})
        if what == "clear":
            with st.lock:
                st.faults = []
                st.log = []
            return self.send(200, {})
        if what == "approve":
            # the user signs in: every device code waiting so far is granted
            with st.lock:
                for dev in st.devices.values():
                    if dev["steps"] != ["expired_token"]:
                        dev["steps"] = ["ok"]
            return self.send(200, {})
        if what == "config":
            if "latency_ms" in data:
                st.latency = data["latency_ms"] / 1000.0
            if "token_lifetime" in data:
                st.lifetime = data["token_lifetime"]
            if "device" in data:
                st.device_steps = data["device"]
            if "device_interval" in data:
                st.device_interval = data["device_interval"]
            if "device_expires" in data:
                st.device_expires = data["device_expires"]
            return self.send(200, {})
        return self.send(404, {"error": "unknown control"})

    # ---- tokens -----------------------------------------------------------

    def token_error(self, code, description, status=400):
        self.send(status, {"error": code, "error_description": description + "\r\nTrace ID: mock",
                           "error_codes": [70000], "timestamp": time.strftime("%Y-%m-%d %H:%M:%SZ")})

    def openid_configuration(self):
        """The authority's metadata, for clients that discover it (MSAL: the Azure CLI)."""
        tenant = self.url_path.split("/")[1]
        base = "%s/%s" % (self.origin(), tenant)
        self.send(200, {"issuer": base + "/v2.0", "token_endpoint": base + "/oauth2/v2.0/token",
                        "authorization_endpoint": base + "/oauth2/v2.0/authorize",
                        "device_authorization_endpoint": base + "/oauth2/v2.0/devicecode",
                        "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
                        "response_types_supported": ["code", "token"],
                        "subject_types_supported": ["pairwise"],
                        "id_token_signing_alg_values_supported": ["RS256"]})

    def token_endpoint(self):
        st = self.st
        tenant = self.url_path.split("/")[1]
        if tenant not in (st.tenant.tenant_id, "organizations", "common", "adfs"):
            return self.token_error("invalid_request", "AADSTS90002: Tenant '%s' not found." % tenant)
        form = urllib.parse.parse_qs(self.body.decode(), keep_blank_values=True)
        get = lambda k: (form.get(k) or [""])[0]
        if self.url_path.endswith("/devicecode"):
            code = secrets.token_urlsafe(24)
            with st.lock:
                st.devices[code] = {"steps": list(st.device_steps),
                                    "expires": time.time() + st.device_expires,
                                    "scope": get("scope")}
            return self.send(200, {"device_code": code, "user_code": "MOCK-1234",
                                   "verification_uri": "https://microsoft.com/devicelogin",
                                   "expires_in": st.device_expires,
                                   "interval": st.device_interval,
                                   "message": "To sign in, use a web browser to open the page "
                                              "https://microsoft.com/devicelogin and enter the code "
                                              "MOCK-1234 to authenticate."})
        grant = get("grant_type")
        if grant == "client_credentials":
            return self.client_credentials(get)
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            return self.device_token(get("device_code"))
        if grant == "refresh_token":
            with st.lock:
                ok = st.refresh.get(get("refresh_token"))
                if ok:
                    st.refresh[get("refresh_token")] = False
            if not ok:
                return self.token_error("invalid_grant", "AADSTS70000: the refresh token is invalid.")
            return self.user_token(get("scope"))
        return self.token_error("unsupported_grant_type", "AADSTS70003: unsupported grant type.")

    def scope_aud(self, scope):
        first = (scope.split() or [""])[0]
        return first.rsplit("/", 1)[0] if "/" in first else first

    def client_credentials(self, get):
        st = self.st
        if get("client_id") != st.tenant.principal.get("appId"):
            return self.token_error("unauthorized_client",
                                    "AADSTS700016: Application was not found in the directory.")
        if get("client_secret"):
            if st.secret is None or get("client_secret") != st.secret:
                return self.token_error("invalid_client",
                                        "AADSTS7000215: Invalid client secret provided.", 401)
        elif get("client_assertion"):
            problem = self.check_assertion(get("client_assertion"), get("client_id"))
            if problem:
                return self.token_error("invalid_client", "AADSTS700027: " + problem, 401)
        else:
            return self.token_error("invalid_client", "AADSTS7000216: no client credential.", 401)
        tok, life = st.issue(self.scope_aud(get("scope")))
        self.send(200, {"token_type": "Bearer", "expires_in": life, "ext_expires_in": life,
                        "access_token": tok})

    def check_assertion(self, jwt, client_id):
        st = self.st
        if st.federated is not None and jwt == st.federated:
            return None
        if not st.cert_pub:
            return "no certificate is registered"
        try:
            h64, p64, s64 = jwt.split(".")
            header = json.loads(b64url_decode(h64))
            claims = json.loads(b64url_decode(p64))
            sig = b64url_decode(s64)
        except ValueError:
            return "the assertion is not a JWT"
        if header.get("alg") != "RS256" or header.get("x5t") != st.cert_x5t:
            return "the assertion's alg or x5t does not match the certificate"
        want_aud = "https://127.0.0.1:%d/%s/oauth2/v2.0/token" % (
            self.public_port(), st.tenant.tenant_id)
        if claims.get("aud") != want_aud or claims.get("iss") != client_id or \
                claims.get("sub") != client_id or not claims.get("jti"):
            return "the assertion's claims are wrong"
        now = time.time()
        if not (claims.get("nbf", 0) <= now + 60 and now < claims.get("exp", 0) <= now + 3600):
            return "the assertion is not valid now"
        with tempfile.NamedTemporaryFile() as data, tempfile.NamedTemporaryFile() as sigf:
            data.write(("%s.%s" % (h64, p64)).encode())
            data.flush()
            sigf.write(sig)
            sigf.flush()
            r = subprocess.run(["openssl", "dgst", "-sha256", "-verify", st.cert_pub,
                                "-signature", sigf.name, data.name], capture_output=True)
        return None if r.returncode == 0 else "the assertion's signature does not verify"

    def device_token(self, code):
        st = self.st
        with st.lock:
            dev = st.devices.get(code)
            step = dev["steps"].pop(0) if dev and len(dev["steps"]) > 1 else \
                (dev["steps"][0] if dev else None)
        if not dev:
            return self.token_error("bad_verification_code", "AADSTS70019: unknown device code.")
        if time.time() > dev["expires"] or step == "expired_token":
            return self.token_error("expired_token", "AADSTS70020: the device code expired.")
        if step != "ok":
            return self.token_error(step, "AADSTS70016: %s." % step)
        with st.lock:
            st.devices[code]["steps"] = ["expired_token"]
        return self.user_token(dev["scope"])

    def user_token(self, scope):
        st = self.st
        tok, life = st.issue(self.scope_aud(scope), kind="user")
        refresh = secrets.token_urlsafe(32)
        with st.lock:
            st.refresh[refresh] = True
        self.send(200, {"token_type": "Bearer", "scope": scope, "expires_in": life,
                        "access_token": tok, "refresh_token": refresh,
                        "id_token": "eyJhbGciOiJub25lIn0.e30."})

    def managed_identity(self):
        st = self.st
        resource = (self.query.get("resource") or [""])[0].rstrip("/")
        if self.url_path == "/metadata/identity/oauth2/token":
            if self.headers.get("Metadata") != "true":
                return self.send(400, {"error": "invalid_request", "error_description":
                                       "Required metadata header not specified"})
            tok, life = st.issue(resource)
            now = int(time.time())
            return self.send(200, {"access_token": tok, "refresh_token": "", "expires_in": str(life),
                                   "expires_on": str(now + life), "not_before": str(now),
                                   "resource": resource + "/", "token_type": "Bearer"})
        if self.url_path == "/msi/token":
            if not st.identity_header or self.headers.get("X-IDENTITY-HEADER") != st.identity_header:
                return self.send(401, {"error": "unauthorized"})
            tok, life = st.issue(resource)
            version = (self.query.get("api-version") or [""])[0]
            exp = int(time.time()) + life
            expires_on = str(exp) if version != "2017-09-01" else \
                time.strftime("%m/%d/%Y %H:%M:%S +00:00", time.gmtime(exp))
            return self.send(200, {"access_token": tok, "expires_on": expires_on,
                                   "resource": resource + "/", "token_type": "Bearer",
                                   "client_id": st.tenant.principal.get("appId", "")})
        return self.send(404, {"error": "not found"})

    # ---- ARM --------------------------------------------------------------

    def arm_allowed(self):
        subs = self.st.tenant.readable_subscriptions()
        m = re.match(r"/subscriptions/([^/]+)", self.url_path, re.I)
        if subs is None or not m:
            return True
        return m.group(1).lower() in subs

    def arm(self):
        t = self.st.tenant
        path = self.url_path.rstrip("/")
        if not self.arm_allowed():
            return self.arm_error(403, "AuthorizationFailed",
                                  "The client '%s' with object id '%s' does not have authorization "
                                  "to perform action over scope '%s' or the scope is invalid." % (
                                      t.principal.get("appId", ""), t.principal.get("objectId", ""),
                                      path))
        miss = self.st.needs.verdict(self.st, "arm", path)
        if miss:
            return self.refuse("arm", miss)
        body = t.body("arm", path)
        if body is None and path.lower() == "/subscriptions":
            body = self.subscription_list()
        if body is None and path.lower().endswith("/providers/microsoft.authorization/roleassignments"):
            body = self.role_assignments(path)
        if body is None:
            return self.arm_error(404, "ResourceNotFound", "No mock response for '%s'." % path)
        self.send_list(body, self.st.arm_page, "nextLink")

    def subscription_list(self):
        rows = [json.loads(r) for r in self.st.tenant.arg_rows(
            "resourcecontainers", {"microsoft.resources/subscriptions"}, None)]
        readable = self.st.tenant.readable_subscriptions()
        out = []
        for r in rows:
            sid = r.get("subscriptionId") or r.get("name")
            if readable is not None and sid.lower() not in readable:
                continue
            out.append({"id": "/subscriptions/" + sid, "subscriptionId": sid,
                        "tenantId": self.st.tenant.tenant_id,
                        "displayName": r.get("properties", {}).get("displayName", sid),
                        "state": r.get("properties", {}).get("state", "Enabled"),
                        "authorizationSource": "RoleBased"})
        return {"value": out}

    def role_assignments(self, path):
        scope = path[: -len("/providers/Microsoft.Authorization/roleAssignments")].lower()
        p = self.st.tenant.principal
        out = []
        for i, r in enumerate(p.get("armRoles", [])):
            rscope = r.get("scope", "/").lower()
            root = rscope in ("/", "") or "/managementgroups/" in rscope
            if not (root or scope.startswith(rscope) or rscope.startswith(scope) or
                    "/managementgroups/" in scope):
                continue
            rid = ROLE_IDS.get(r.get("role", "").lower(), "00000000-0000-0000-0000-000000000000")
            out.append({"id": "%s/providers/Microsoft.Authorization/roleAssignments/ra%d" % (
                r.get("scope", ""), i), "type": "Microsoft.Authorization/roleAssignments",
                "name": "ra%d" % i, "properties": {
                    "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/" + rid,
                    "principalId": p.get("objectId", ""), "principalType": "ServicePrincipal",
                    "scope": r.get("scope", "/")}})
        return {"value": out}

    def public_port(self):
        """The port the client reached: the Host header's when a local proxy
        (tests/collect/test_http2.sh) forwarded the request, else our own.
        Links always name 127.0.0.1."""
        host = self.headers.get("Host", "")
        if host.startswith("127.0.0.1:") and host[10:].isdigit():
            return int(host[10:])
        return self.server.server_address[1]

    def send_list(self, body, default_page, link_key):
        values = body.get("value") if isinstance(body, dict) else None
        if not isinstance(values, list):
            return self.send(200, body)
        top = default_page
        for k in ("$top", "top"):
            if self.query.get(k):
                try:
                    top = max(1, min(int(self.query[k][0]), 999))
                except ValueError:
                    pass
        skip = 0
        for k in ("$skiptoken", "$skipToken"):
            if self.query.get(k):
                skip = int(self.query[k][0])
        out = dict(body)
        out["value"] = values[skip: skip + top]
        out.pop(link_key, None)
        if skip + top < len(values):
            q = {k: v[0] for k, v in self.query.items() if k.lower() != "$skiptoken"}
            q["$skiptoken"] = str(skip + top)
            port = self.public_port()
            if self.fault and self.fault.kind == "foreign-next":
                port = self.st.ports["foreign"]
            out[link_key] = "https://127.0.0.1:%d%s?%s" % (
                port, urllib.parse.quote(self.url_path), urllib.parse.urlencode(q, safe="$'(), "))
        self.send(200, out)

    # ---- Resource Graph ---------------------------------------------------

    def resource_graph(self):
        try:
            req = json.loads(self.body)
            query = req["query"]
        except (ValueError, KeyError, TypeError):
            return self.arm_error(400, "BadRequest", "The request body is not a query.")
        table, types = arg_selector(query)
        if table not in self.st.tenant.tables and table not in (
                "resources", "resourcecontainers", "authorizationresources", "policyresources",
                "securityresources", "recoveryservicesresources", "advisorresources",
                "networkresources", "healthresources"):
            return self.arm_error(400, "BadRequest", "Table '%s' is unknown." % table)
        subs = req.get("subscriptions")
        readable = self.st.tenant.readable_subscriptions()
        if subs is not None:
            subs = set(s.lower() for s in subs)
            if readable is not None:
                subs &= readable
        elif readable is not None:
            subs = readable
        miss = self.st.needs.verdict(self.st, "arg", None, selector=(table, types))
        if miss:
            return self.refuse("arm", miss)
        rows = self.st.tenant.arg_rows(table, types, subs)
        opts = req.get("options") or {}
        top = max(1, min(int(opts.get("$top", 100)), 1000))
        skip = 0
        if opts.get("$skipToken"):
            skip = json.loads(b64url_decode(opts["$skipToken"]))["skip"]
        page = rows[skip: skip + top]
        head = {"totalRecords": len(rows), "count": len(page), "resultTruncated": "false",
                "facets": []}
        if skip + top < len(rows):
            head["$skipToken"] = b64url(json.dumps({"skip": skip + top}).encode())
        body = json.dumps(head)[:-1].encode() + b', "data": [' + b",".join(page) + b"]}"
        headers = {"x-ms-user-quota-remaining": "14", "x-ms-user-quota-resets-after": "00:00:05"}
        if self.fault and self.fault.kind == "arg-quota":
            headers = {"x-ms-user-quota-remaining": "0", "x-ms-user-quota-resets-after": "00:00:01"}
        self.send(200, body, headers)

    # ---- Graph ------------------------------------------------------------

    def graph(self):
        st = self.st
        t = st.tenant
        path = self.url_path.rstrip("/")
        low = path.lower()
        roles = t.principal.get("graphRoles")
        query = {k: v[0] for k, v in self.query.items() if k.lower() != "$skiptoken"}
        if st.needs.checks("graph", path, query):
            miss = st.needs.verdict(st, "graph", path, query)
            if miss:
                return self.refuse("graph", miss)
            return self.graph_body(path, low)
        for prefix, perms in GRAPH_PERMISSIONS:
            if low.startswith(prefix) and roles is not None and not set(perms) & set(roles):
                return self.graph_error(403, "Authorization_RequestDenied",
                                        "Insufficient privileges to complete the operation.")
        for prefix, plans, how in GRAPH_LICENCES:
            if low.startswith(prefix) and not set(plans) & t.licences:
                if how == "pim":
                    return self.graph_error(400, "AadPremiumLicenseRequired",
                                            "The tenant needs an AAD Premium 2 license.")
                return self.graph_error(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                                        "Neither tenant is B2C or tenant doesn't have premium license")
        if "signinactivity" in urllib.parse.unquote(self.path).lower() and roles is not None and \
                "AuditLog.Read.All" not in roles:
            return self.graph_error(403, "Authorization_RequestDenied",
                                    "Insufficient privileges to complete the operation.")
        if "signinactivity" in urllib.parse.unquote(self.path).lower() and \
                not {"AAD_PREMIUM", "AAD_PREMIUM_P2"} & t.licences:
            return self.graph_error(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                                    "Neither tenant is B2C or tenant doesn't have premium license")
        return self.graph_body(path, low)

    def graph_body(self, path, low):
        st = self.st
        t = st.tenant
        body = t.body("graph", path)
        if body is None and low == "/v1.0/subscribedskus":
            body = {"value": [{"skuPartNumber": plan, "capabilityStatus": "Enabled",
                               "servicePlans": [{"servicePlanName": plan,
                                                 "provisioningStatus": "Success"}]}
                              for plan in sorted(t.licences)]}
        if body is None and low == "/v1.0/organization":
            body = {"value": [{"id": t.tenant_id, "displayName": t.info.get("displayName", "")}]}
        if body is None:
            return self.graph_error(404, "Request_ResourceNotFound",
                                    "No mock response for '%s'." % path)
        self.send_list(body, st.graph_page, "@odata.nextLink")

    def refuse(self, api, miss):
        what, detail = miss
        if what == "licence" and detail == "p2" and api == "graph":
            return self.graph_error(400, "AadPremiumLicenseRequired", "The tenant needs an AAD Premium 2 license.")
        if what == "licence":
            err = self.graph_error if api == "graph" else self.arm_error
            return err(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                       "Neither tenant is B2C or tenant doesn't have premium license")
        if api == "graph":
            return self.graph_error(403, "Authorization_RequestDenied",
                                    "Insufficient privileges to complete the operation.")
        return self.arm_error(403, "AuthorizationFailed",
                              "The client does not have authorization to perform this action (%s)." % detail)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True

    def __init__(self, name, state, tls):
        super().__init__(("127.0.0.1", 0), Handler)
        self.name = name
        self.state = state
        self.tls = tls is not None
        if tls:
            self.socket = tls.wrap_socket(self.socket, server_side=True,
                                          do_handshake_on_connect=False)

    def server_bind(self):
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().server_bind()

    def handle_error(self, request, client_address):
        pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tenant", required=True, help="the tenant folder")
    ap.add_argument("--cert", required=True, help="server certificate (PEM)")
    ap.add_argument("--key", required=True, help="server key (PEM)")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--secret-file", help="the client secret the principal signs in with")
    ap.add_argument("--client-cert", help="the principal's certificate, for client assertions")
    ap.add_argument("--federated-token", help="the workload identity token file")
    ap.add_argument("--identity-header", help="the App Service IDENTITY_HEADER value")
    ap.add_argument("--graph-port", action="store_true", help="serve Graph on its own port too")
    ap.add_argument("--latency-ms", type=float, default=0)
    ap.add_argument("--token-lifetime", type=int, default=3599)
    ap.add_argument("--arm-page", type=int, default=100)
    ap.add_argument("--graph-page", type=int, default=100)
    ap.add_argument("--preload", action="store_true", help="read every answer into memory first")
    ap.add_argument("--catalog", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "roadmap"),
                    help="the catalog whose checks say what each request needs")
    args = ap.parse_args()
    # hand the interpreter lock over quickly: many threads wait on sockets and sleeps
    sys.setswitchinterval(0.0005)

    state = State(args)
    if args.preload:
        state.tenant.preload()
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(args.cert, args.key)
    tls.set_alpn_protocols(["http/1.1"])
    servers = {"main": Server("main", state, tls), "foreign": Server("foreign", state, tls),
               "http": Server("http", state, None)}
    if args.graph_port:
        servers["graph"] = Server("graph", state, tls)
    for name, srv in servers.items():
        state.ports[name] = srv.server_address[1]
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        json.dump(state.ports, f)
    os.rename(tmp, args.port_file)
    try:
        while True:
            time.sleep(3600)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        if state.cert_pub:
            os.unlink(state.cert_pub)


if __name__ == "__main__":
    main()
