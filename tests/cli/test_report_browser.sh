#!/usr/bin/env bash
# The HTML outputs opened in headless Chromium (DevTools protocol over a
# pipe, tests/cli/cdp_check.py): no console error, no uncaught exception,
# no network request but the page itself, a screenshot and a print to PDF.
# Two control pages prove the check sees requests, errors and the policy.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots="$AZMAT_BINARY_DIR/test-artifacts/browser"
rm -rf "$shots"
mkdir -p "$shots" "$work/pages"
check="$AZMAT_SOURCE_DIR/tests/cli/cdp_check.py"

. "$AZMAT_SOURCE_DIR/tests/cli/quarters.sh"
export AZMAT_NOW=2027-05-26T12:00:00Z
"$AZMAT" report "$q3" --format html -o "$work/pages/report.html"
"$AZMAT" plan "$q3" --format html -o "$work/pages/plan.html"
"$AZMAT" diff "$q1" "$q3" --format html -o "$work/pages/diff.html"
. "$AZMAT_SOURCE_DIR/tests/cli/hostile.sh"
"$AZMAT" report "$hid" --format html -o "$work/pages/hostile.html"

python3 "$check" "$shots" "$work"/pages/*.html >"$work/clean.jsonl"
python3 - "$work/clean.jsonl" <<'PY'
import json, sys
pages = [json.loads(l) for l in open(sys.argv[1])]
assert len(pages) == 4, pages
for p in pages:
    assert not p["foreign_requests"] and not p["errors"], p
    assert p["requests"] == ["file://" + p["page"]], p
    assert p["screenshot_bytes"] > 10000, p
    assert p["pdf_pages"] >= 1, p
    print(f'{p["page"].rsplit("/", 1)[1]}: clean, screenshot {p["screenshot_bytes"]} bytes, '
          f'{p["pdf_pages"]} PDF pages')
report = next(p for p in pages if p["page"].endswith("/report.html"))
assert report["pdf_pages"] >= 3, report
PY

# Controls: a page that fetches and logs, and one with the report's own head.
mkdir -p "$work/controls"
printf '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script></body></html>\n' \
  >"$work/controls/dirty.html"
sed -n '1,/<\/head>/p' "$work/pages/report.html" >"$work/controls/policy.html"
printf '<body><script>console.error("ran")</script><img src="http://127.0.0.1:9/y.png"></body></html>\n' \
  >>"$work/controls/policy.html"
if python3 "$check" "$work" "$work"/controls/*.html >"$work/controls.jsonl"; then
  echo "the control pages passed: the check sees nothing"
  exit 1
fi
python3 - "$work/controls.jsonl" <<'PY'
import json, sys
pages = {json.loads(l)["page"].rsplit("/", 1)[1]: json.loads(l) for l in open(sys.argv[1])}
dirty, policy = pages["dirty.html"], pages["policy.html"]
assert "http://127.0.0.1:9/x.png" in dirty["foreign_requests"], dirty
assert any("boom" in e for e in dirty["errors"]), dirty
assert not any("ran" in e and e.startswith("console") for e in policy["errors"]), policy
assert any("Content Security Policy" in e for e in policy["errors"]), policy
print("controls: the request, the console error and the policy's refusals were seen")
PY
