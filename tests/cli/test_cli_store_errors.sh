# The binary refuses unusable databases with a clear message and exit 4,
# leaving them unchanged.
. "$(dirname "$0")/lib.sh"

printf 'not a database at all\n' > "$T/notes.db"
sum=$(sha256sum "$T/notes.db")
run --db "$T/notes.db" list
expect_rc 4
expect_err "is not an azmat database"
[ "$(sha256sum "$T/notes.db")" = "$sum" ] || fail "notes.db changed"

run --db "$T/ok.db" new --name X
sqlite3 "$T/ok.db" "PRAGMA user_version = 999;"
sum=$(sha256sum "$T/ok.db")
run --db "$T/ok.db" show 1
expect_rc 4
expect_err "upgrade azmat"
[ "$(sha256sum "$T/ok.db")" = "$sum" ] || fail "newer database changed"

sqlite3 "$T/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
sum=$(sha256sum "$T/foreign.db")
run --db "$T/foreign.db" new --name X
expect_rc 4
expect_err "not azmat's"
[ "$(sha256sum "$T/foreign.db")" = "$sum" ] || fail "foreign database changed"

# A write lock held by another process: a clear error after the busy timeout.
run --db "$T/lock.db" new --name X
python3 - "$T/lock.db" "$T/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(5)
PY
holder=$!
for _ in $(seq 100); do [ -e "$T/locked" ] && break; sleep 0.05; done
AZMAT_BUSY_TIMEOUT_MS=200 run --db "$T/lock.db" answer 1 1a.1 fully
expect_rc 4
expect_err "is locked by another process"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
run --db "$T/lock.db" answer 1 1a.1 fully
expect_rc 0

finish
