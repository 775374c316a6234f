# Usage errors and their exit codes.
. "$(dirname "$0")/lib.sh"

run frobnicate
expect_rc 2
expect_err "unknown command 'frobnicate'"

run new
expect_rc 2
expect_err "needs --name NAME"

run new --name x --bogus
expect_rc 2
expect_err "unknown option '--bogus'"

run new --name "Q"
run answer 1 1a.1 sorta
expect_rc 2
expect_err "'sorta' is not an answer"

run answer 1 9z.1 fully
expect_rc 5
expect_err "no question '9z.1'"

run answer 1 1a.1 na
expect_rc 2
expect_err "'na' needs --reason TEXT"

run answer 1 1a.1 risk-accepted --reason "r" --owner "o"
expect_rc 2
expect_err "needs --expiry"

run answer 1 1a.1 risk-accepted --reason "r" --owner "o" --expiry 2027-02-30
expect_rc 2
expect_err "'2027-02-30' is not a date"

run answer 1 1a.1 fully --reason "why"
expect_rc 2
expect_err "only go with na or risk-accepted"

run answer 1 1a.1 fully --note $'bad\x01note'
expect_rc 2
expect_err "control character"

run answer abc 1a.1 fully
expect_rc 2
expect_err "'abc' is not an assessment id"

run answer 7 1a.1 fully
expect_rc 5
expect_err "no assessment with id 7"

run show
expect_rc 2

run help
expect_rc 0
expect_out "Exit codes"

run new --help
expect_rc 0
expect_out "usage: azmat new --name NAME"

finish
