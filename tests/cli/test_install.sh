# make install's layout: the installed binary finds its installed catalog,
# the client's bundle script and the demo bundle (azmat demo works there).
. "$(dirname "$0")/lib.sh"

checks=$((checks + 1))
cmake --install "$AZMAT_BINARY_DIR" --prefix "$T/prefix" >"$T/install.log" 2>&1 ||
  fail "install failed: $(cat "$T/install.log")"
for f in bin/azmat share/azmat/roadmap/catalog.json share/man/man1/azmat.1 \
  share/azmat/assets/bundle/azmat-bundle.py share/azmat/assets/bundle/requests.json \
  share/azmat/assets/demo/bundle/manifest.json; do
  checks=$((checks + 1))
  [ -e "$T/prefix/$f" ] || fail "$f not installed"
done
checks=$((checks + 1))
(unset AZMAT_CATALOG; "$T/prefix/bin/azmat" catalog validate >"$T/out" 2>&1) ||
  fail "installed binary did not find its catalog: $(cat "$T/out")"
grep -q "$T/prefix/bin/../share/azmat/roadmap" "$T/out" || fail "unexpected catalog: $(cat "$T/out")"
checks=$((checks + 1))
(unset AZMAT_CATALOG; AZMAT_DB="$T/installed.db" "$T/prefix/bin/azmat" demo >"$T/demo.out" 2>&1) ||
  fail "the installed binary's demo failed: $(cat "$T/demo.out")"
grep -q "demo assessment 1: Demo: Northwind Traders (fictional) (created)" "$T/demo.out" ||
  fail "unexpected demo output: $(cat "$T/demo.out")"
finish
