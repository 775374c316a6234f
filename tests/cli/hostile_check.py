#!/usr/bin/env python3
"""Check that hostile strings never execute or inject in any output.

usage: hostile_check.py DIR
DIR holds the outputs of tests/cli/test_report_hostile.sh: *.html, *.md,
*.csv, *.json and *.txt. Each format is parsed the way a consumer would
parse it and checked for the injections its readers fall for; each check
also makes sure the hostile text is there (escaped), so that it cannot pass
by losing the data.
"""
import csv
import glob
import html.parser
import io
import json
import os
import re
import sys

RLO = "\u202e"
failures = []


def fail(msg):
    failures.append(msg)


def raw_dangers(name, text):
    """No raw control or bidirectional characters (newlines, CR and tabs aside)."""
    for ch in text:
        o = ord(ch)
        if (o < 0x20 and ch not in "\n\r\t") or 0x7f <= o < 0xa0 or 0x202a <= o <= 0x202e \
                or 0x2066 <= o <= 0x2069 or o in (0x200e, 0x200f, 0x061c, 0xfeff):
            fail(f"{name}: raw U+{o:04X}")
            return


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "section", "article",
    "footer", "h1", "h2", "h3", "h4", "p", "b", "i", "br", "span", "div", "ol", "li", "a",
    "table", "thead", "tbody", "tr", "th", "td", "details", "summary",
    "svg", "rect", "text", "line", "polyline", "circle",
}


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad = []
        self.styles = 0

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.bad.append(f"tag <{tag}>")
        if tag == "style":
            self.styles += 1
        for k, v in attrs:
            if k.startswith("on") or k in ("src", "srcdoc", "formaction", "background"):
                self.bad.append(f"attribute {k} on <{tag}>")
            if k == "href" and not (v.startswith("#") or v.startswith("https://learn.microsoft.com/")):
                self.bad.append(f"href {v!r}")
            if k == "style":
                self.bad.append(f"inline style attribute on <{tag}>")


def check_html(name, text):
    raw_dangers(name, text)
    p = Tags()
    p.feed(text)
    p.close()
    for b in p.bad:
        fail(f"{name}: {b}")
    if p.styles != 1:
        fail(f"{name}: {p.styles} style elements")
    if re.search(r"<\s*script", text, re.I):
        fail(f"{name}: a script element")
    if "&lt;script&gt;alert(" not in text:
        fail(f"{name}: the hostile text is missing")


def unescaped(line, chars):
    """Positions of chars in line that no Markdown backslash escapes."""
    out, i = [], 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] in chars:
            out.append(i)
        i += 1
    return out


def check_md(name, text):
    raw_dangers(name, text)
    table_pipes = None
    for n, line in enumerate(text.split("\n"), 1):
        if unescaped(line, "<"):
            fail(f"{name}:{n}: unescaped '<'")
        for i in unescaped(line, "]"):
            if line[i + 1:i + 2] == "(":
                fail(f"{name}:{n}: a Markdown link")
        if line.startswith("|"):
            pipes = len(unescaped(line, "|"))
            if table_pipes is None:
                table_pipes = pipes
            elif pipes != table_pipes:
                fail(f"{name}:{n}: a table row with {pipes} cells separators, not {table_pipes}")
        else:
            table_pipes = None
    if "\\<script\\>" not in text:
        fail(f"{name}: the hostile text is missing")


FORMULA = tuple("=+-@\t\r") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")


def check_csv(name, text):
    raw_dangers(name, text)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    width = len(rows[0])
    seen = False
    for n, row in enumerate(rows, 1):
        if len(row) != width:
            fail(f"{name}: row {n} has {len(row)} fields, not {width}")
        for f in row:
            if f.lstrip(" \n").startswith(FORMULA):
                fail(f"{name}: row {n}: a field starts a formula: {f[:40]!r}")
            if "\r" in f:
                fail(f"{name}: row {n}: a carriage return inside a field")
            seen = seen or f.startswith("'=HYPERLINK")
    if not seen:
        fail(f"{name}: the hostile owner is missing")


def walk_strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from walk_strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk_strings(x)


def check_json(name, text):
    raw_dangers(name, text)
    data = json.loads(text)
    strings = set(walk_strings(data))
    # JSON keeps the data exactly: consumers escape for their own output.
    want = "<script>alert('name')</script>" + RLO + "fdp.exe"
    if "report" in name and want not in strings:
        fail(f"{name}: the assessment name did not survive exactly")
    # score --json carries ids and numbers only.
    if not name.startswith("score") and not any(RLO in s or "<script>" in s for s in strings):
        fail(f"{name}: the hostile text is missing")


def check_text(name, text):
    raw_dangers(name, text)


def main():
    d = sys.argv[1]
    checks = {".html": check_html, ".md": check_md, ".csv": check_csv, ".json": check_json,
              ".txt": check_text}
    n = 0
    for path in sorted(glob.glob(os.path.join(d, "*"))):
        ext = os.path.splitext(path)[1]
        if ext in checks:
            with open(path, encoding="utf-8", newline="") as f:
                checks[ext](os.path.basename(path), f.read())
            n += 1
    if n < 15:
        fail(f"only {n} outputs to check")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"{n} outputs checked: nothing executes or injects")


main()
