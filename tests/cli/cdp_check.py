#!/usr/bin/env python3
"""Open HTML files in headless Chromium and report what happened.

Talks the DevTools protocol over --remote-debugging-pipe (file descriptors
3 and 4, NUL-separated JSON), so it needs nothing beyond the standard
library and Debian's /usr/bin/chromium. For each page: every network
request (only the page's own file:// URL is allowed), console messages and
uncaught exceptions, log entries of level error (CSP violations land
there), a full-page screenshot, and a print to PDF.

usage: cdp_check.py OUTDIR PAGE.html [PAGE.html...]
Prints one JSON object per page; exits 1 if any page made a request or
logged an error, 2 if the browser could not be driven.
"""
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM = os.environ.get("AZMAT_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--remote-debugging-pipe",
]


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="azmat-chromium-")
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()
        # The child reads commands on fd 3 and writes replies on fd 4; the
        # descriptors are moved there after the fork, and kept open because
        # 3 and 4 are listed in pass_fds (closing happens after preexec_fn).
        def child():
            r, w = os.dup(to_r), os.dup(from_w)
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, "--user-data-dir=" + self.profile, "about:blank"],
            pass_fds=(3, 4, to_r, from_w), preexec_fn=child,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_r)
        os.close(from_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_w, json.dumps(msg).encode() + b"\0")
        return self.wait_reply(self.next_id)

    def read_one(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer")
            r, _, _ = select.select([self.from_r], [], [], left)
            if r:
                chunk = os.read(self.from_r, 1 << 20)
                if not chunk:
                    raise EOFError("chromium closed the pipe")
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def wait_reply(self, mid, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            msg = self.read_one(deadline)
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError(f"{msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_event(self, method, session, timeout=30):
        deadline = time.monotonic() + timeout
        for i, e in enumerate(self.events):
            if e.get("method") == method and e.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            msg = self.read_one(deadline)
            if msg.get("method") == method and msg.get("sessionId") == session:
                return msg
            self.events.append(msg)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def check_page(b, path, outdir):
    url = "file://" + os.path.abspath(path)
    target = b.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    sid = b.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Runtime", "Log", "Network", "Page"):
        b.send(domain + ".enable", session=sid)
    b.send("Emulation.setDeviceMetricsOverride",
           {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=sid)
    b.events = [e for e in b.events if e.get("sessionId") != sid]
    b.send("Page.navigate", {"url": url}, session=sid)
    b.wait_event("Page.loadEventFired", sid)
    time.sleep(0.3)  # let late console messages and requests arrive
    b.send("Runtime.evaluate", {"expression": "1"}, session=sid)
    shot = b.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
                  session=sid)
    png = os.path.join(outdir, os.path.basename(path) + ".png")
    with open(png, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    pdf = b.send("Page.printToPDF", {"printBackground": True}, session=sid)
    pdf_bytes = base64.b64decode(pdf["data"])
    requests, errors = [], []
    for e in b.events:
        if e.get("sessionId") != sid:
            continue
        m, p = e.get("method"), e.get("params", {})
        if m == "Network.requestWillBeSent":
            requests.append(p["request"]["url"])
        elif m == "Runtime.consoleAPICalled":
            errors.append("console." + p.get("type", "") + ": " +
                          " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif m == "Runtime.exceptionThrown":
            errors.append("exception: " + p["exceptionDetails"].get("text", ""))
        elif m == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
            errors.append("log: " + p["entry"].get("text", ""))
    b.send("Target.closeTarget", {"targetId": target})
    foreign = [u for u in requests if u != url]
    return {
        "page": path, "requests": requests, "foreign_requests": foreign, "errors": errors,
        "screenshot": png, "screenshot_bytes": os.path.getsize(png),
        "pdf_pages": pdf_bytes.count(b"/Type /Page") - pdf_bytes.count(b"/Type /Pages"),
        "pdf_bytes": len(pdf_bytes),
    }


def main():
    outdir, pages = sys.argv[1], sys.argv[2:]
    b = Browser()
    status = 0
    try:
        b.send("Browser.getVersion")
        for page in pages:
            res = check_page(b, page, outdir)
            print(json.dumps(res))
            if res["foreign_requests"] or res["errors"]:
                status = 1
    except (TimeoutError, EOFError, RuntimeError) as e:
        print(f"cdp_check: {e}", file=sys.stderr)
        status = 2
    finally:
        b.close()
    sys.exit(status)


main()
