#!/usr/bin/env bash
# Done means: resizing to 60x20 shows the too-small message, and back at
# 120x40 the TUI uses the room (panes side by side); nothing typed is lost
# on the way, and keys pressed while too small change nothing. Pasted text
# is never taken for answer keys.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

az new --name "Resize test" >/dev/null
e2e_start 80 24 -- tui 1
wait_for "Roadmap: 0/117 answered"
# stacked at 80x24: the steps pane, then the step summary below it
screen | sed -n 2p | grep -q "Roadmap:" || fail "first pane title not on line 2"
screen | grep -q "^── Step 1: Inventory" || fail "summary pane not stacked below"

"${TM[@]}" resize-window -t e2e -x 60 -y 20
wait_for "terminal too small: 60x20"
keys Enter Enter 5
sleep 0.2
"${TM[@]}" resize-window -t e2e -x 120 -y 40
wait_for "Roadmap: 0/117 answered"
# side by side: both pane titles on the same line
wait_for "Roadmap: 0/117 answered.*Step 1: Inventory"
[ "$(az show 1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["answered"])')" = 0 ] ||
  fail "a key pressed while the terminal was too small changed an answer"

keys Enter Enter
wait_for "1a Find every Azure subscription.*Guidance"
keys 5
wait_for "saved 1a\.1: Fully"
# a note being typed survives a resize to too small and back
keys e
wait_for "Note for 1a\.1"
text "typed before the resize"
"${TM[@]}" resize-window -t e2e -x 60 -y 20
wait_for "terminal too small"
"${TM[@]}" resize-window -t e2e -x 132 -y 43
wait_for "typed before the resize"
keys C-s
wait_for "saved 1a\.1: Fully \(with note\)"
# Pasted text (bracketed paste) never answers; in the editor it keeps its lines.
"${TM[@]}" set-buffer -- "j4j5j3"
"${TM[@]}" paste-buffer -p -t e2e
keys j
wait_for "1/117 answered  Step 1 . 1a \(1/4\) . 1a\.2"
keys e
wait_for "Note for 1a\.2"
printf 'pasted line one\npasted line two' | "${TM[@]}" load-buffer -
"${TM[@]}" paste-buffer -p -t e2e
keys C-s
wait_for "saved 1a\.2: the note \(no answer yet\)"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
az show 1 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
q = d["steps"][0]["items"][0]["questions"][0]
assert q["answer"] == "fully" and q["note"] == "typed before the resize", q
q = d["steps"][0]["items"][0]["questions"][1]
assert q["answer"] is None and q["note"] == "pasted line one\npasted line two", q' || fail "answer or note not stored"
check_stderr
echo "ok: too small at 60x20, side by side at 120x40, nothing lost"
