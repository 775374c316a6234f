#!/usr/bin/env bash
# Device code sign-in from the TUI: the screen shows the URL and the code
# the mock issued while azmat polls, and signing in completes once the mock
# approves it (the user signed in in a browser). The pre-flight then shows
# the user's delegated scopes, the collection runs, and neither the device
# code nor any token reaches the database or the screen. Drawn with
# NO_COLOR set (monochrome).
. "$(cd "$(dirname "$0")" && pwd)/collect.sh"
mock_start "$tenant"
id=$(new_assessment "Fabrikam device")
screens="$E2E_TMP/screens.txt"
# the user has not signed in yet: every poll is told to wait
mock_ctl config '{"device": ["authorization_pending"], "device_interval": 1}'

e2e_start 80 24 NO_COLOR=1 -- tui "$id"
wait_for "Roadmap"
keys E
wait_for "Collect evidence for assessment $id"
# device code is the last choice: one step left from auto
keys Left
wait_for "device code"
wait_for "A URL and a code are shown here"
keys s
wait_for "Signing in: device code"
wait_for "Open +https://microsoft\.com/devicelogin"
wait_for "Enter code +MOCK-1234"
wait_for "Waiting for the sign-in to complete"
keep_screen "$screens"
# still waiting after a poll or two
sleep 1.5
screen | grep -Eq "Enter code +MOCK-1234" || fail "the code went away before the sign-in"
mock_ctl approve
wait_for "signed in as user" 10
wait_for "Enter collects 119 checks" 10
wait_for "Graph +a user's scopes"
keep_screen "$screens"
keys Enter
wait_for "Run [0-9]+ (complete|partial)" 30
keep_screen "$screens"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr
ok "signed in with a device code from the TUI"
identity=$(sqlite3 "$E2E_DB" "SELECT identity FROM evidence_run WHERE assessment_id = $id")
case "$identity" in
  "user "*"(device code)") ok "the run names the user: $identity" ;;
  *) fail "the run's identity is '$identity'" ;;
esac
no_secrets "$E2E_DB"* "$screens" "$E2E_TMP/stderr"
finish
