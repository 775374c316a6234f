# make install's layout: the installed binary finds its installed catalog.
. "$(dirname "$0")/lib.sh"

checks=$((checks + 1))
cmake --install "$AZMAT_BINARY_DIR" --prefix "$T/prefix" >"$T/install.log" 2>&1 ||
  fail "install failed: $(cat "$T/install.log")"
for f in bin/azmat share/azmat/roadmap/catalog.json share/man/man1/azmat.1; do
  checks=$((checks + 1))
  [ -e "$T/prefix/$f" ] || fail "$f not installed"
done
checks=$((checks + 1))
(unset AZMAT_CATALOG; "$T/prefix/bin/azmat" catalog validate >"$T/out" 2>&1) ||
  fail "installed binary did not find its catalog: $(cat "$T/out")"
grep -q "$T/prefix/bin/../share/azmat/roadmap" "$T/out" || fail "unexpected catalog: $(cat "$T/out")"
finish
