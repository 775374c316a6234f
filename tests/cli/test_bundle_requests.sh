# assets/bundle/requests.json (what the client's script fetches) is generated
# from the catalog and must match it; the script itself must compile.
. "$(dirname "$0")/lib.sh"

run import --print-requests
expect_rc 0
printf '%s\n' "$out" >"$T/requests.json"
checks=$((checks + 1))
if ! diff -u "$AZMAT_SOURCE_DIR/assets/bundle/requests.json" "$T/requests.json" >"$T/diff"; then
  fail "assets/bundle/requests.json is out of date: regenerate it with 'azmat import --print-requests > assets/bundle/requests.json'"
  head -40 "$T/diff" >&2
fi
json_eq 'd["format"], len(d["checks"]) >= 80' "1 True"
run import --print-requests 1
expect_rc 2
checks=$((checks + 1))
python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' "$AZMAT_SOURCE_DIR/assets/bundle/azmat-bundle.py" ||
  fail "assets/bundle/azmat-bundle.py does not parse"
finish
