#!/usr/bin/env bash
# Make the demo tenant's evidence bundle (assets/demo/bundle) and the
# verdicts its checks must reach (tests/data/demo/expected.json).
#
# The tenant is fictional: Northwind Traders, written by the synthetic
# tenant generator (tests/mock/gen_tenant.py --preset demo: three
# subscriptions, forty people, Entra ID P1 but not P2, a realistic mix of
# good and bad settings). The bundle is made the way a client makes one:
# the mock tenant serves it over HTTPS on 127.0.0.1 and the shipped script
# (assets/bundle/azmat-bundle.py) fetches it through the test-only az
# (tests/mock/make_bundle.sh). Last, the mock's loopback origins are
# replaced by the public cloud's, in the manifest and in next links, so
# that the bundle reads like one made against Azure and is the same on
# every run.
#
#   scripts/make_demo_bundle.sh            rewrite assets/demo/bundle
#   scripts/make_demo_bundle.sh --check    make it afresh and compare (no change)
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
check=0
[ "${1:-}" = --check ] && check=1
work=$(mktemp -d "${TMPDIR:-/tmp}/azmat-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 "$src/tests/mock/gen_tenant.py" --out "$work/tenant" --preset demo >/dev/null
"$src/tests/mock/make_bundle.sh" --tenant "$work/tenant" --out "$work/bundle"
python3 - "$work/bundle" <<'PY'
import json, os, re, sys
root = sys.argv[1]
man_path = os.path.join(root, "manifest.json")
man = json.load(open(man_path))
public = {man["endpoints"]["arm"]: "https://management.azure.com",
          man["endpoints"]["graph"]: "https://graph.microsoft.com"}
man["endpoints"] = {"arm": public[man["endpoints"]["arm"]], "graph": public[man["endpoints"]["graph"]]}
with open(man_path, "w") as f:
    f.write(json.dumps(man, indent=1) + "\n")
pattern = re.compile("|".join(re.escape(o) for o in public))
for folder, _dirs, names in os.walk(root):
    for name in names:
        if not name.startswith("page-"):
            continue
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        new = pattern.sub(lambda m: public[m.group(0)], text)
        if new != text:
            open(path, "w", encoding="utf-8").write(new)
PY
if [ "$check" = 1 ]; then
	diff -r "$src/assets/demo/bundle" "$work/bundle" >/dev/null &&
		diff "$src/tests/data/demo/expected.json" "$work/tenant/expected.json" >/dev/null ||
		{ echo "assets/demo/bundle is not what scripts/make_demo_bundle.sh makes" >&2; exit 1; }
	echo "assets/demo/bundle is up to date"
	exit 0
fi
rm -rf "$src/assets/demo/bundle"
mkdir -p "$src/assets/demo" "$src/tests/data/demo"
cp -r "$work/bundle" "$src/assets/demo/bundle"
cp "$work/tenant/expected.json" "$src/tests/data/demo/expected.json"
echo "wrote assets/demo/bundle ($(du -sh "$src/assets/demo/bundle" | cut -f1)) and tests/data/demo/expected.json"
