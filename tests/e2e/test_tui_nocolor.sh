#!/usr/bin/env bash
# Done means: NO_COLOR=1 draws no colour (checked in the escape sequences
# tmux captures; a run without it must show colour, or the check would
# prove nothing), and a locale without UTF-8 gets ASCII borders.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

az new --name "Colour test" >/dev/null
for q in 1a.1:fully 1a.2:partial 1a.3:not-started 1a.4:unknown; do
  az answer 1 "${q%%:*}" "${q#*:}" >/dev/null
done

# Count SGR colour parameters (30-37, 40-47, 90-97, 100-107, 38, 48) in
# what the pane shows; 39 and 49 (default colours) are not colour.
colours() {
  "${TM[@]}" capture-pane -e -p -t e2e | python3 -c '
import re, sys
n = 0
for m in re.finditer(r"\x1b\[([0-9;]*)m", sys.stdin.read()):
    for p in m.group(1).split(";"):
        if p and (30 <= int(p) <= 38 or 40 <= int(p) <= 48 or 90 <= int(p) <= 107):
            n += 1
print(n)'
}

for mode in colour mono; do
  envs=()
  [ $mode = mono ] && envs=(NO_COLOR=1)
  e2e_start 132 43 "${envs[@]}" -- tui 1
  wait_for "Roadmap: 3/117 answered"
  keys Enter Enter
  wait_for "1a\.1 +\[Fully"
  n=$(colours)
  if [ $mode = colour ]; then
    [ "$n" -gt 0 ] || fail "no colour without NO_COLOR: the check cannot be trusted"
  else
    [ "$n" = 0 ] || fail "NO_COLOR=1 still drew $n colour attributes"
  fi
  # back out to the list and quit, so that the next run starts on the overview
  keys q q q q
  [ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly ($mode)"
done

# A locale without UTF-8: ASCII borders and bars only.
e2e_start 80 24 LC_ALL=C -- tui 1
wait_for "Roadmap: 3/117 answered"
screen | grep -q -- "^-- Roadmap: 3/117 answered, " || fail "no ASCII border"
screen | grep -q "##\.\.\." || fail "no ASCII progress bar"
if screen | grep -q $'\xe2'; then fail "non-ASCII characters on an ASCII terminal"; fi
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly (ASCII)"
check_stderr
echo "ok: no colour with NO_COLOR=1, ASCII without UTF-8"
