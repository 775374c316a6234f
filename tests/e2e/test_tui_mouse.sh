#!/usr/bin/env bash
# The mouse, where the terminal offers it: a click selects a row, a second
# click opens it, the wheel moves through a list. The events are written to
# the terminal as xterm mouse reports, as a terminal does.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

# mouse BUTTON LINE COLUMN: a press (and for buttons 0-2 a release) at a
# 0-based cell, in the X10 encoding (each value + 32, positions + 1).
mouse() {
  local b=$1 y=$2 x=$3 seq
  seq=$(printf '\033[M%b%b%b' "\\x$(printf %x $((32 + b)))" "\\x$(printf %x $((33 + x)))" "\\x$(printf %x $((33 + y)))")
  if [ "$b" -lt 3 ]; then
    seq+=$(printf '\033[M%b%b%b' "\\x23" "\\x$(printf %x $((33 + x)))" "\\x$(printf %x $((33 + y)))")
  fi
  text "$seq"
}

az new --name "Mouse test" >/dev/null
e2e_start 80 24 -- tui 1
wait_for "Roadmap: 0/117 answered"
# line 0 is the header, line 1 the pane title, step 4 is on line 5
mouse 0 5 10
wait_for "^── Step 4: Identity and Access Management"
mouse 0 5 10
wait_for "Step 4: Identity and Access Management \(0/14 answered\)"
# the wheel (button 64 + 1: down) moves the selection to the second item
mouse 65 3 10
wait_for "^── 4b Scope Azure roles"
keys Enter
wait_for "4b\.1 +\[not answered"
keys 5
wait_for "saved 4b\.1: Fully"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr
echo "ok: click selects, click again opens, the wheel moves"
