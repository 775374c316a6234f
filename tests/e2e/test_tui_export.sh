#!/usr/bin/env bash
# Done means: the export dialog writes the HTML report to the file the
# operator chose, whole and private (0600), the same report `azmat report`
# writes; an existing file is replaced only after confirmation; the plan
# goes out as CSV the same way.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/scored.sh"

out="$E2E_TMP/out dir"
mkdir -p "$out"
e2e_start 80 24 -- tui "$cur"
wait_for "Roadmap: 6/117 answered"
keys X
wait_for "^ What +. Report ."
wait_for "^ Format +. HTML ."
wait_for "^ File +azmat-$cur-report\.html"
keys e
wait_for "Export to file"
keys C-u
text "$out/contoso-q4.html"
keys Enter
wait_for "^ File +.*contoso-q4\.html"
keys w
wait_for "wrote .*contoso-q4\.html \([0-9]+ KiB\)"
# again: the file exists, so it asks; n keeps it
keys w
wait_for "Replace the file\?"
keys n
wait_for "not written: the file is as it was"
keys w
wait_for "Replace the file\?"
keys y
wait_for "wrote .*contoso-q4\.html"
# the plan as CSV: What and Format change with Left/Right
keys Right
wait_for "^ What +. Plan ."
keys Down Right Right
wait_for "^ Format +. CSV ."
wait_for "^ File +.*contoso-q4\.csv"
keys w
wait_for "wrote .*contoso-q4\.csv"
keys C-c
[ "$(wait_exit)" = 0 ] || fail "azmat did not exit cleanly"
check_stderr

f="$out/contoso-q4.html"
[ -f "$f" ] || fail "no report written"
[ "$(stat -c %a "$f")" = 600 ] || fail "the report is not private: $(stat -c %a "$f")"
ls "$out" | grep -v '^contoso-q4\.\(html\|csv\)$' && fail "a temporary file was left behind"
grep -q "<!DOCTYPE html>" "$f" || fail "not an HTML document"
grep -q "</html>" "$f" || fail "the report is cut short"
grep -q "Contoso Q4" "$f" || fail "the report does not name the assessment"
grep -q "sub-legacy-lab" "$f" || fail "the report does not list the offending resource"
# the same report as the command line's, but for the time it was generated
az report "$cur" --format html -o "$E2E_TMP/cli.html"
diff <(grep -v "generated\|Generated" "$f") <(grep -v "generated\|Generated" "$E2E_TMP/cli.html") >/dev/null ||
  fail "the TUI's report differs from azmat report's"
head -n 1 "$out/contoso-q4.csv" | grep -qi "title" || fail "the plan CSV has no header"
grep -q "4a" "$out/contoso-q4.csv" || fail "the plan CSV lacks 4a"
