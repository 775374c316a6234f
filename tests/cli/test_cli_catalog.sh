# azmat catalog: the JSON shape, validation of broken catalogs, locating it.
. "$(dirname "$0")/lib.sh"

run catalog --json
expect_rc 0
json_eq 'len(d["steps"])' 9
json_eq '[i["id"] for s in d["steps"] for i in s["items"]]' "['1a', '1b', '1c', '2a', '2b', '2c', '2d', '3a', '3b', '3c', '3d', '3e', '3f', '4a', '4b', '4c', '5a', '5b', '5c', '5d', '6a', '6b', '6c', '7a', '7b', '7c', '8a', '8b', '8c', '9a', '9b']"
json_eq 'all(i["guidance"] and i["why"] and i["questions"] and i["references"] and all(r["url"].startswith("https://") for r in i["references"]) for s in d["steps"] for i in s["items"])' True
json_eq 'all(set(["id","title","guidance","why","risk","effort","questions","references","checks"]) <= set(i) for s in d["steps"] for i in s["items"])' True
json_eq 'all(set(q) >= {"id","text"} for s in d["steps"] for i in s["items"] for q in i["questions"])' True
json_eq 'bool(d["version"])' True

run catalog validate "$AZMAT_CATALOG"
expect_rc 0
expect_out "is valid: version"

# Break a copy in several ways at once: every error is reported.
cp -r "$AZMAT_CATALOG" "$T/cat"
python3 - "$T/cat" <<'PY'
import json, sys
d = sys.argv[1]
s1 = json.load(open(f"{d}/steps/1-inventory.json"))
del s1["items"][0]["why"]
s1["items"][1]["questions"][0]["text"] = "No question mark."
json.dump(s1, open(f"{d}/steps/1-inventory.json", "w"))
s5 = json.load(open(f"{d}/steps/5-attack-surface.json"))
s5["items"][0]["references"][0]["url"] = "ftp://example.org"
json.dump(s5, open(f"{d}/steps/5-attack-surface.json", "w"))
open(f"{d}/steps/9-incident-response.json", "w").write('{"number": 9,')
PY
run catalog validate "$T/cat"
expect_rc 3
expect_err "$T/cat/steps/1-inventory.json: \$.items[0]: missing required key 'why'"
expect_err "$T/cat/steps/1-inventory.json: \$.items[1].questions[0].text: a question must end with '?'"
expect_err "$T/cat/steps/5-attack-surface.json: \$.items[0].references[0].url: 'ftp://example.org' is not an https URL"
expect_err "$T/cat/steps/9-incident-response.json: \$: malformed JSON"
expect_err "is invalid: "

# Commands that need the catalog refuse a broken one.
run --catalog "$T/cat" new --name X
expect_rc 3
AZMAT_CATALOG="$T/cat" run new --name X
expect_rc 3

run catalog validate "$T/nowhere"
expect_rc 5
expect_err "does not exist"

# The build tree's copy beside the binary is found without any setting.
(unset AZMAT_CATALOG; "$AZMAT" catalog validate >"$T/o" 2>&1) || fail "catalog beside the binary not found: $(cat "$T/o")"

finish
