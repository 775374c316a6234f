# new, list, answer, show and delete through the real binary.
. "$(dirname "$0")/lib.sh"

run --version
expect_rc 0
expect_out "azmat "

run list
expect_rc 0
expect_out "no assessments yet"
[ ! -e "$AZMAT_DB" ] || fail "list created the database"

run new --name "Contoso Q4" --org Contoso --tenant 11111111-2222-3333-4444-555555555555 --assessor "Alice"
expect_rc 0
[ "$out" = 1 ] || fail "new printed [$out]"
[ "$(stat -c %a "$AZMAT_DB")" = 600 ] || fail "database mode is $(stat -c %a "$AZMAT_DB")"

run --assessor Bob answer 1 1a.1 largely --note "two sandbox subscriptions lack an owner"
expect_rc 0
expect_out "1a.1 = largely"
run answer 1 1a.2 na --reason "single subscription estate"
expect_rc 0
run answer 1 4a.1 risk-accepted --reason "budget next year" --owner "CISO" --expiry 2027-06-30
expect_rc 0

run show 1 --json
expect_rc 0
json_eq 'd["assessment"]["name"]' "Contoso Q4"
json_eq 'd["answered"]' 3
json_eq 'len(d["steps"])' 9
json_eq '[q for s in d["steps"] for i in s["items"] for q in i["questions"] if q["id"]=="1a.1"][0]["answer"]' largely
json_eq '[q for s in d["steps"] for i in s["items"] for q in i["questions"] if q["id"]=="1a.1"][0]["updated_by"]' Bob
json_eq '[q for s in d["steps"] for i in s["items"] for q in i["questions"] if q["id"]=="1a.1"][0]["note"]' "two sandbox subscriptions lack an owner"
json_eq '[q for s in d["steps"] for i in s["items"] for q in i["questions"] if q["id"]=="4a.1"][0]["owner"]' CISO
json_eq 'd["steps"][0]["answered"]' 2

# Changing the answer keeps the note.
run answer 1 1a.1 fully
run show 1 --json
json_eq '[q for s in d["steps"] for i in s["items"] for q in i["questions"] if q["id"]=="1a.1"][0]["note"]' "two sandbox subscriptions lack an owner"
json_eq '[q for s in d["steps"] for i in s["items"] for q in i["questions"] if q["id"]=="1a.1"][0]["updated_by"]' Alice

run show 1
expect_rc 0
expect_out "Assessment 1: Contoso Q4"
expect_out "answered 3 of"
expect_out "1a.2   na"

run new --name "Fabrikam"
run list --json
expect_rc 0
json_eq 'len(d["assessments"])' 2
json_eq 'sorted(a["name"] for a in d["assessments"])' "['Contoso Q4', 'Fabrikam']"

run delete 2
expect_rc 0
expect_out "deleted assessment 2 (Fabrikam)"
run show 2
expect_rc 5
expect_err "no assessment with id 2"

# A hostile name does not reach the terminal raw.
run new --name $'evil\e[2J\u202ename'
run list
case "$out" in *$'\e'*) fail "escape character printed raw" ;; esac
expect_out 'evil\x1b[2J\u202ename'

finish
