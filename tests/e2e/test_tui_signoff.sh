#!/usr/bin/env bash
# Done means: sign-off from the dashboard is refused while a major
# contradiction has no note; after a note on the item explains it, the
# assessment is signed off (who, when) and everything is read-only, on
# screen and in the store.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/scored.sh"

e2e_start 80 24 -- tui "$cur"
wait_for "Roadmap: 6/117 answered"
keys S
wait_for "^ MAJOR 4a .* needs note"
keys s
wait_for "sign-off blocked: 1 major contradiction without a note \(4a\)"
az show "$cur" --json | python3 -c 'import json,sys; assert json.load(sys.stdin)["assessment"]["signed_off"] is None' ||
  fail "signed off although blocked"
# Enter opens 4a, where a note explains the contradiction
keys Enter
wait_for "^── 4a Apply Microsoft Entra ID"
keys e
wait_for "Note for 4a\.1"
text "MFA for all users is being rolled out; the pilot group covers 80%"
keys C-s
wait_for "saved 4a\.1: Fully \(with note\) \(conf"
keys S
wait_for "^ MAJOR 4a .* noted"
wait_for "Ready to sign off \(s\)"
keys s
wait_for "Sign off assessment $cur as Ana Lead\?"
keys n
wait_for "not signed off"
keys s
wait_for "Sign off assessment $cur as Ana Lead\?"
keys y
wait_for "signed off: read-only now"
wait_for "\[read-only\]"
wait_for "Signed off by Ana Lead on 2026-11-26: read-only"
# read-only on screen: answers and plan edits are refused
keys Escape
wait_for "^── 4a Apply Microsoft Entra ID"
keys 3
wait_for "assessment $cur is signed off and read-only"
keys P e
wait_for "assessment $cur is signed off and read-only"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr

az show "$cur" --json | python3 -c '
import json, sys
a = json.load(sys.stdin)["assessment"]
assert a["signed_off"].startswith("2026-11-26"), a
assert a["signed_off_by"] == "Ana Lead", a
' || fail "the store does not record the sign-off"
set +e
az answer "$cur" 1a.1 fully >/dev/null 2>&1
rc=$?
set -e
[ $rc = 6 ] || fail "an answer to the signed-off assessment exited $rc, not 6"
