# Sourced by the report tests: three quarterly assessments of one tenant in
# a fresh database under $work, with pinned clocks.
#   q1: docs/scoring.md's worked example, notes added, one plan override,
#       signed off on 2026-11-26
#   q2: azmat new --from q1 on 2027-02-26, some answers and evidence changed
#   q3: azmat new --from q2 on 2027-05-26, more progress
# Sets q1, q2, q3 to the ids. Needs $work and the test environment.
export AZMAT_DB="$work/quarters.db"
export AZMAT_CATALOG="$AZMAT_SOURCE_DIR/tests/data/score-catalog"
fixture="$AZMAT_BINARY_DIR/tests/azmat_fixture"

example_input() {
  sed -n '/^```azmat-example$/,/^```$/p' "$AZMAT_SOURCE_DIR/docs/scoring.md" | sed '1d;$d'
}

export AZMAT_NOW=2026-11-26T09:00:00Z
q1=$("$AZMAT" new --name "Contoso Q4 2026" --tenant 00000000-0000-0000-0000-00000000c0de \
  --org Contoso --assessor "Ana Lead")
example_input | "$fixture" "$AZMAT_DB" "$q1" -
"$AZMAT" answer "$q1" 4a.1 fully --note "The ninth Global Administrator is a break-glass account pending removal." >/dev/null
"$AZMAT" answer "$q1" 5a.1 na --reason "We do not use Key Vault." --note "A team deployed four vaults without telling us; confirming scope." >/dev/null 2>&1 || true
"$fixture" "$AZMAT_DB" "$q1" - <<'FX'
answer 5a.1 na | We do not use Key Vault. | | | A team deployed four vaults without telling us; confirming scope.
FX
"$AZMAT" plan set "$q1" 2a --owner "Dana (SecOps)" --due 2026-12-31 >/dev/null
"$AZMAT" plan set "$q1" 4a --owner "Identity team" >/dev/null
"$AZMAT" signoff "$q1" --by "Ana Lead" >/dev/null

export AZMAT_NOW=2027-02-26T09:00:00Z
q2=$("$AZMAT" new --from "$q1" --name "Contoso Q1 2027")
"$fixture" "$AZMAT_DB" "$q2" - <<'FX'
answer 1a.1 largely | | | | Two new subscriptions arrived with the acquisition.
answer 2d.4 fully
answer 4b.1 partial
answer 4b.2 partial
answer 4b.3 largely
answer 4b.4 partial
result t-sub-owner partial 5/10 | 5 of 10 subscriptions carry an owner tag
result t-mg-tree pass 14/14 | every subscription sits under the tree
result t-activity-log pass 4/4 | every subscription exports its activity log
result t-admin-mfa pass 12/12 | every administrator is covered by an MFA policy
result t-ga-count pass 1/1 | 4 Global Administrators
result t-kv-network pass 4/4 | 4 Key Vaults refuse public network access
result t-owner-tag partial 7/10 | 7 of 10 resources carry an owner tag
FX
"$AZMAT" plan set "$q2" 4c --owner "Identity team" --due 2027-12-31 --status in-progress >/dev/null

export AZMAT_NOW=2027-05-26T09:00:00Z
q3=$("$AZMAT" new --from "$q2" --name "Contoso Q2 2027")
"$fixture" "$AZMAT_DB" "$q3" - <<'FX'
answer 1a.1 fully
answer 3a.1 largely | | | | | partial | Defender for Servers is on; the check misses the 3 Arc machines onboarded last week.
answer 3a.2 largely
answer 3a.3 fully | | | | | fully
answer 3a.4 largely
result t-sub-owner pass 12/12 | every subscription carries an owner tag
result t-mg-tree pass 14/14 | every subscription sits under the tree
result t-activity-log pass 4/4 | every subscription exports its activity log
result t-defender-plans pass 10/10 | every subscription runs Defender for Servers
result t-admin-mfa pass 12/12 | every administrator is covered by an MFA policy
result t-ga-count pass 1/1 | 4 Global Administrators
result t-kv-network pass 4/4 | 4 Key Vaults refuse public network access
result t-owner-tag partial 8/10 | 8 of 10 resources carry an owner tag
FX
