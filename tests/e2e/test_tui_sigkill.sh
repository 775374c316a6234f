#!/usr/bin/env bash
# Done means (at 132x43): SIGKILL at any moment loses no answer that was shown as
# saved. Each round answers the four questions of item 3a (and edits a
# note) in one burst of keys, reads the screen at a varying moment, kills
# azmat with SIGKILL straight away, and checks the store holds everything
# the screen showed (or something typed later in the same round).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

az new --name "Kill test" --org Contoso >/dev/null
labels='{"1": "Not started", "2": "Planned", "3": "Partial", "4": "Largely", "5": "Fully", "u": "Unknown"}'
ids='{"1": "not-started", "2": "planned", "3": "partial", "4": "largely", "5": "fully", "u": "unknown"}'
cycle=(1 2 3 4 5 u)

for round in 0 1 2 3 4 5 6 7; do
  e2e_start 132 43 -- tui 1
  if [ $round = 0 ]; then
    wait_for "Roadmap: 0/117"
    keys 3 Enter
  fi
  wait_for "3a\.1 +\["
  # this round's answer for question n is cycle[(round + n) % 6]
  batch=(g)
  for n in 0 1 2 3; do
    batch+=("${cycle[$(((round + n) % 6))]}" j)
  done
  batch+=(g e C-u "round $round" C-s)
  keys "${batch[@]}"
  # vary the moment: from immediately to a few milliseconds in
  sleep "0.00$((round * 3))"
  screen > "$E2E_TMP/shown.$round"
  kill -KILL "$(azmat_pid)"
  [ "$(wait_exit)" = $((128 + 9)) ] || fail "azmat was not killed by SIGKILL in round $round"
  az show 1 --json > "$E2E_TMP/store.$round"
  python3 - "$round" "$E2E_TMP/shown.$round" "$E2E_TMP/store.$round" "$labels" "$ids" <<'PY' || fail "round $round lost something shown as saved"
import json, re, sys
rnd = int(sys.argv[1])
shown = open(sys.argv[2], encoding="utf-8").read()
store = json.load(open(sys.argv[3]))
labels, ids = json.loads(sys.argv[4]), json.loads(sys.argv[5])
cycle = ["1", "2", "3", "4", "5", "u"]
got = {q["id"]: q for st in store["steps"] for it in st["items"] for q in it["questions"]}
by_label = {v: k for k, v in labels.items()}
checked = 0
for m in re.finditer(r"(3a\.[1-4]) +\[([A-Za-z ]+?) *\]", shown):
    qid, label = m.group(1), m.group(2)
    if label == "not answered":
        continue
    n = int(qid[-1]) - 1
    now = ids[cycle[(rnd + n) % 6]]
    before = ids[cycle[(rnd - 1 + n) % 6]] if rnd else None
    shown_id = ids[by_label[label]]
    stored = got[qid]["answer"]
    # shown this round: it must be stored; shown from before: stored, or replaced by this round's
    ok = stored == shown_id if shown_id == now else stored in (shown_id, now)
    if not ok:
        sys.exit(f"{qid}: screen showed {shown_id}, store has {stored}")
    checked += 1
if "note: round %d" % rnd in shown and got["3a.1"]["note"] != "round %d" % rnd:
    sys.exit("the note was shown as saved but is not stored")
print(f"round {rnd}: {checked} answers shown, all stored")
open(sys.argv[3] + ".checked", "w").write(str(checked))
PY
  total=$((${total:-0} + $(cat "$E2E_TMP/store.$round.checked")))
done
[ "$total" -ge 16 ] || fail "only $total answers were seen on screen; the test checked too little"
sqlite3 "$E2E_DB" "PRAGMA integrity_check" | grep -qx ok || fail "the database is damaged"
check_stderr
echo "ok: nothing shown as saved was lost to SIGKILL"
