#!/usr/bin/env python3
"""docs/scoring.md's worked example, end to end through the real binary.

Reads the example's input and expected tables from the doc, loads the input
into a fresh database (azmat new + the fixture tool), then checks that
`azmat score --json`, `azmat plan` in every format and `azmat report` in
every format print the doc's numbers, and agree with each other.

usage: worked_example.py WORKDIR
"""
import csv
import html.parser
import io
import json
import os
import re
import subprocess
import sys

SRC = os.environ["AZMAT_SOURCE_DIR"]
AZMAT = os.environ["AZMAT"]
FIXTURE = os.path.join(os.environ["AZMAT_BINARY_DIR"], "tests", "azmat_fixture")
DOC = os.path.join(SRC, "docs", "scoring.md")

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args, ok=(0,)):
    p = subprocess.run([AZMAT, *args], capture_output=True, text=True)
    if p.returncode not in ok:
        sys.exit(f"azmat {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p.stdout


def doc_parts():
    text = open(DOC, encoding="utf-8").read()
    m = re.search(r"```azmat-example\n(.*?)```", text, re.S)
    if not m:
        sys.exit("docs/scoring.md has no azmat-example block")
    tables = {}
    for name, body in re.findall(r"<!-- expected: (\w+) -->\n((?:\|.*\n)+)", text):
        lines = [l.strip().strip("|").split("|") for l in body.strip().splitlines()]
        head = [h.strip() for h in lines[0]]
        tables[name] = [dict(zip(head, (c.strip() for c in row))) for row in lines[2:]]
    for want in ("items", "steps", "summary", "plan"):
        if want not in tables:
            sys.exit(f"docs/scoring.md lacks the expected {want} table")
    return m.group(1), tables


def num(s):
    return None if s in ("-", "n/a") else float(s)


def near(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < 1e-9


def yes(s):
    return s == "yes"


def check_score_json(score, t):
    items = {i["id"]: i for i in score["items"]}
    for row in t["items"]:
        it = items[row["item"]]
        for k in ("attested", "evidence", "effective"):
            check(near(it[k], num(row[k])), f"score --json {row['item']} {k}: {it[k]} != {row[k]}")
        check(it["confidence"] == row["confidence"], f"score --json {row['item']} confidence")
        check(it["contradiction"] == row["contradiction"], f"score --json {row['item']} contradiction")
    steps = {s["number"]: s for s in score["steps"]}
    for row in t["steps"]:
        st = steps[int(row["step"])]
        check(near(st["score"], num(row["score"])), f"score --json step {row['step']} score")
        check(st["achieved"] == yes(row["achieved"]), f"score --json step {row['step']} achieved")
        check(st["ahead"] == yes(row["ahead"]), f"score --json step {row['step']} ahead")
    s = t["summary"][0]
    check(score["level"] == int(s["level"]), "level")
    check(score["provisional"] == yes(s["provisional"]), "provisional")
    check(near(score["index"], num(s["index"])), "index")
    c = score["contradictions"]
    for k in ("major", "unacknowledged", "minor", "under-reported"):
        check(c[k] == int(s[k]), f"contradictions {k}")


def check_plan_json(plan, t):
    rows = plan["rows"]
    check(len(rows) == 23, f"plan rows {len(rows)}")
    for row in t["plan"]:
        r = rows[int(row["position"]) - 1]
        check(r["item"] == row["item"], f"plan position {row['position']} is {r['item']}")
        check(r["lane"] == row["lane"], f"plan {row['item']} lane")
        check(r["kind"] == row["kind"], f"plan {row['item']} kind")
        check(near(r["priority"], num(row["priority"])), f"plan {row['item']} priority")
        check(near(r["gap"], num(row["gap"])), f"plan {row['item']} gap")
        check(r["due"] == row["due"], f"plan {row['item']} due")
        check(r["quick_win"] == yes(row["quick win"]), f"plan {row['item']} quick win")


def md_table_after(md, heading):
    """Rows of the first Markdown table after a heading line."""
    part = md.split(heading, 1)[1]
    rows = []
    for line in part.splitlines():
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif rows:
            break
    return rows[2:]


def check_markdown(md, t, plan_md):
    steps = {r[0]: r for r in md_table_after(md, "### Step scores")}
    for row in t["steps"]:
        got = steps[row["step"]][2]
        want = "n/a" if row["score"] == "-" else row["score"]
        check(got == want, f"md step {row['step']} score {got} != {want}")
    check(f"**Maturity level {t['summary'][0]['level']} of 9**" in md, "md level")
    check(f"**Index {t['summary'][0]['index']}**" in md, "md index")
    for row in t["items"]:
        m = re.search(r"#### " + row["item"] + r" .*?\n\n.*?\*\*effective ([0-9.]+)\*\*", md, re.S)
        check(m and near(float(m.group(1)), num(row["effective"])), f"md {row['item']} effective")
    plan_rows = md_table_after(md, "## Remediation plan")
    for row in t["plan"]:
        r = plan_rows[int(row["position"]) - 1]
        check(r[2] == row["item"] and near(float(r[4]), num(row["priority"])),
              f"md plan {row['item']}")
    # The plan alone prints the same table.
    check(md_table_after(plan_md, "## Remediation plan") == plan_rows, "plan --format md table")


class Html(html.parser.HTMLParser):
    """Collects text by element id and the cells of plan rows."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.text = {}
        self.plan = {}
        self.eff = {}
        self.item = None
        self.row = None
        self.cells = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append((tag, a))
        if a.get("id", "").startswith("item-"):
            self.item = a["id"][5:]
        if tag == "tr" and a.get("id", "").startswith("plan-"):
            self.row = a["id"][5:]
            self.cells = []
        if tag == "td" and self.cells is not None:
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag == "tr" and self.row:
            self.plan[self.row] = self.cells
            self.row = self.cells = None
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for tag, a in self.stack:
            if "id" in a:
                self.text[a["id"]] = self.text.get(a["id"], "") + data
        if self.stack and self.stack[-1][1].get("class") == "eff" and self.item:
            self.eff[self.item] = data
        if self.cells is not None and self.cells:
            self.cells[-1] += data


def check_html(page, t, plan_page):
    p = Html()
    p.feed(page)
    s = t["summary"][0]
    check(p.text.get("level", "").split()[0] == s["level"], "html level")
    check(p.text.get("index", "").strip() == s["index"], "html index")
    for row in t["items"]:
        check(near(float(p.eff.get(row["item"], "nan")), num(row["effective"])),
              f"html {row['item']} effective")
    for row in t["plan"]:
        cells = p.plan.get(row["item"])
        check(cells is not None and cells[0] == row["position"], f"html plan {row['item']} position")
        check(cells is not None and near(float(cells[3]), num(row["priority"])),
              f"html plan {row['item']} priority")
        check(cells is not None and cells[5].startswith(row["due"]), f"html plan {row['item']} due")
    q = Html()
    q.feed(plan_page)
    check(q.plan == p.plan, "plan --format html rows differ from the report's")


def check_csv(text, t):
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    check(len(rows) == 23, "csv rows")
    for row in t["plan"]:
        r = rows[int(row["position"]) - 1]
        check(r["Item"] == row["item"], f"csv position {row['position']}")
        check(near(float(r["Priority Score"]), num(row["priority"])), f"csv {row['item']} priority")
        check(near(float(r["Gap"]), num(row["gap"])), f"csv {row['item']} gap")
        check(r["Due Date"] == row["due"], f"csv {row['item']} due")
        check(r["Quick Win"] == row["quick win"], f"csv {row['item']} quick win")


def main():
    work = sys.argv[1]
    os.environ["AZMAT_DB"] = os.path.join(work, "example.db")
    os.environ["AZMAT_CATALOG"] = os.path.join(SRC, "tests", "data", "score-catalog")
    os.environ["AZMAT_NOW"] = "2026-11-26T09:00:00Z"
    example, t = doc_parts()
    aid = run("new", "--name", "Contoso, Q4 2026", "--org", "Contoso").strip()
    fx = subprocess.run([FIXTURE, os.environ["AZMAT_DB"], aid, "-"], input=example, text=True)
    if fx.returncode:
        sys.exit("the fixture tool failed")
    score = json.loads(run("score", aid, "--json"))
    check_score_json(score, t)
    plan = json.loads(run("plan", aid, "--format", "json"))
    check_plan_json(plan["plan"], t)
    out = {}
    for fmt in ("json", "md", "html", "csv"):
        path = os.path.join(work, "report." + fmt)
        run("report", aid, "--format", fmt, "-o", path)
        out[fmt] = open(path, encoding="utf-8", newline="").read()
    report = json.loads(out["json"])
    del score["assessment"]
    check(report["score"] == score, "the JSON report's score differs from score --json")
    check(report["plan"] == plan["plan"], "the JSON report's plan differs from plan --format json")
    check(report["exceptions"] == plan["exceptions"], "exceptions differ")
    check([x["question"] for x in report["exceptions"]] == ["3c.1", "3c.2", "3c.3", "3c.4", "7c.1"],
          "exceptions register")
    check([x["expired"] for x in report["exceptions"]] == [False] * 4 + [True], "expired flags")
    check_markdown(out["md"], t, run("plan", aid, "--format", "md"))
    check_html(out["html"], t, run("plan", aid, "--format", "html"))
    check_csv(out["csv"], t)
    check(run("plan", aid, "--format", "csv") == out["csv"].replace("\r\n", "\n"),
          "plan --format csv differs from report --format csv")
    # Gates: level 1 passes --fail-below-level 1 and fails 2 with exit 7.
    run("score", aid, "--fail-below-level", "1")
    p = subprocess.run([AZMAT, "score", aid, "--fail-below-level", "2"], capture_output=True)
    check(p.returncode == 7, f"--fail-below-level 2 exited {p.returncode}")
    # Two major contradictions lack a note: no sign-off.
    p = subprocess.run([AZMAT, "signoff", aid], capture_output=True, text=True)
    check(p.returncode == 7 and "4a" in p.stderr and "5a" in p.stderr, "signoff not blocked")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("worked example: score, plan and the four reports agree with docs/scoring.md")


main()
