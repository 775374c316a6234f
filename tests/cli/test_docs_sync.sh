# docs/catalog.md is generated from the catalog and must match it.
. "$(dirname "$0")/lib.sh"

checks=$((checks + 1))
"$AZMAT" catalog --format md >"$T/catalog.md" || fail "catalog --format md failed"
if ! diff -u "$AZMAT_SOURCE_DIR/docs/catalog.md" "$T/catalog.md" >"$T/diff"; then
  fail "docs/catalog.md is out of date: regenerate it with 'azmat catalog --format md > docs/catalog.md'"
  head -40 "$T/diff" >&2
fi
finish
