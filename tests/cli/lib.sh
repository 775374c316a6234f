# Shared helpers for shell tests of the real binary. Source it first.
#   AZMAT        the binary (set by ctest)
#   T            a private temporary folder, removed at exit
set -u
: "${AZMAT:?AZMAT must point at the azmat binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/azmat-sh-XXXXXX")
trap 'rm -rf "$T"' EXIT
export AZMAT_DB="$T/azmat.db"
export AZMAT_NOW=2026-11-26T09:00:00Z
failures=0
checks=0

fail() {
  failures=$((failures + 1))
  echo "FAIL: $*" >&2
}

# run CMD...: runs azmat with the arguments; sets $out, $err and $rc.
run() {
  checks=$((checks + 1))
  out=$("$AZMAT" "$@" 2>"$T/stderr") && rc=0 || rc=$?
  err=$(cat "$T/stderr")
}

expect_rc() {
  checks=$((checks + 1))
  [ "$rc" -eq "$1" ] || fail "expected exit $1, got $rc: out=[$out] err=[$err]"
}

expect_out() {
  checks=$((checks + 1))
  case "$out" in *"$1"*) ;; *) fail "stdout lacks [$1]: [$out]" ;; esac
}

expect_err() {
  checks=$((checks + 1))
  case "$err" in *"$1"*) ;; *) fail "stderr lacks [$1]: [$err]" ;; esac
}

# json_eq EXPR WANT: evaluate a Python expression on the JSON in $out (as d).
json_eq() {
  checks=$((checks + 1))
  local got
  got=$(printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" 2>&1) ||
    { fail "JSON check [$1] failed: $got"; return; }
  [ "$got" = "$2" ] || fail "JSON [$1] = [$got], want [$2]"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures of $checks checks failed" >&2
    exit 1
  fi
  [ "$checks" -gt 0 ] || { echo "no checks ran" >&2; exit 1; }
  echo "ok: $checks checks"
  exit 0
}
