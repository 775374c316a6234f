# Shared helpers for the end-to-end tests: the real azmat binary ($AZMAT,
# the sanitizer build under `make test`) in a real terminal under tmux.
# Each test gets a private tmux server (-L) with no user configuration
# (-f /dev/null), killed in a trap; tests wait for screen content by
# polling capture-pane, never by sleeping a fixed time.
set -euo pipefail

if ! command -v tmux >/dev/null; then
  echo "SKIP: tmux is not installed"
  exit 0
fi
: "${AZMAT:?AZMAT must point at the azmat binary}"
: "${AZMAT_CATALOG:?AZMAT_CATALOG must point at roadmap/}"

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/azmat-e2e.XXXXXX")
E2E_SOCK="azmat-e2e-$$"
E2E_DB="$E2E_TMP/azmat.db"
TM=(tmux -L "$E2E_SOCK" -f /dev/null)
export AZMAT_NOW="${AZMAT_NOW:-}"

e2e_cleanup() {
  "${TM[@]}" kill-server 2>/dev/null || true
  if [ -z "${E2E_KEEP:-}" ]; then rm -rf "$E2E_TMP"; else echo "kept $E2E_TMP"; fi
}
trap e2e_cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  if "${TM[@]}" has-session -t e2e 2>/dev/null; then
    echo "--- screen:" >&2
    "${TM[@]}" capture-pane -p -t e2e >&2 || true
  fi
  if [ -s "$E2E_TMP/stderr" ]; then
    echo "--- azmat stderr:" >&2
    cat "$E2E_TMP/stderr" >&2
  fi
  exit 1
}

# azmat on the command line, on the test database.
az() { "$AZMAT" --db "$E2E_DB" "$@"; }

# e2e_start COLS LINES [ENV=VALUE...] -- ARGS...: run azmat ARGS in a new
# tmux session "e2e" of that size. A shell waits for azmat and writes its
# exit status to $E2E_TMP/rc (wait_exit); azmat_pid gives azmat's pid.
e2e_start() {
  local cols=$1 lines=$2 envs=() cmd
  shift 2
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  rm -f "$E2E_TMP/rc"
  cmd="env LC_ALL=C.UTF-8 TZ=UTC AZMAT_CATALOG='$AZMAT_CATALOG' ${envs[*]:-} '$AZMAT' --db '$E2E_DB' $* 2>>'$E2E_TMP/stderr'; echo \$? > '$E2E_TMP/rc.tmp'; mv '$E2E_TMP/rc.tmp' '$E2E_TMP/rc'"
  # One session for the whole test: killing the last session would stop the
  # server and race with the next start. remain-on-exit is set in the same
  # command sequence, before tmux can notice the pane's command ending.
  if "${TM[@]}" has-session -t e2e 2>/dev/null; then
    "${TM[@]}" resize-window -t e2e -x "$cols" -y "$lines"
    "${TM[@]}" respawn-pane -k -t e2e "$cmd"
  else
    "${TM[@]}" new-session -d -s e2e -x "$cols" -y "$lines" "$cmd" \; \
      set-option -t e2e remain-on-exit on >/dev/null
  fi
}

screen() { "${TM[@]}" capture-pane -p -t e2e; }

# wait_for REGEX [SECONDS]: poll the screen until a line matches.
wait_for() {
  local re=$1 limit=${2:-20} i=0 n
  n=$((limit * 50))
  while [ $i -lt $n ]; do
    if screen | grep -Eq -- "$re"; then return 0; fi
    if [ -f "$E2E_TMP/rc" ]; then
      fail "azmat exited (status $(cat "$E2E_TMP/rc")) while waiting for /$re/"
    fi
    sleep 0.02
    i=$((i + 1))
  done
  fail "timed out waiting for /$re/"
}

# keys KEY...: tmux key names (Enter, Escape, C-s, j, ...).
keys() { "${TM[@]}" send-keys -t e2e "$@"; }
# text STRING: literal text.
text() { "${TM[@]}" send-keys -t e2e -l -- "$1"; }

# wait_exit: wait until azmat has exited and print its exit status
# (128 + N when signal N ended it).
wait_exit() {
  local i=0
  while [ ! -f "$E2E_TMP/rc" ]; do
    i=$((i + 1))
    [ $i -lt 1000 ] || fail "azmat did not exit"
    sleep 0.02
  done
  cat "$E2E_TMP/rc"
}

# The pid of azmat itself (the child of the pane's shell).
azmat_pid() {
  local sh
  sh=$("${TM[@]}" display -p -t e2e '#{pane_pid}')
  pgrep -P "$sh" -f "$AZMAT" | head -n 1
}

# The sanitizers write to stderr: it must stay empty.
check_stderr() {
  if [ -s "$E2E_TMP/stderr" ]; then
    echo "--- azmat stderr:" >&2
    cat "$E2E_TMP/stderr" >&2
    fail "azmat wrote to stderr"
  fi
}
