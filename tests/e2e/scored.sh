# Sourced by the e2e tests of the evidence panel and the later screens
# (after lib.sh): two quarterly assessments of one tenant in $E2E_DB with
# check results written into the store by tests/tools/azmat_fixture, with
# pinned clocks.
#   $prev  "Contoso Q3": 1b all passing, 4a answered Fully and passing;
#          plan tasks 4a and 1c given owners, due 2026-10-31
#   $cur   "Contoso Q4", started from $prev (answers carried over, to
#          confirm): 1b partial with an offending subscription, 4a's
#          gating MFA check failing (a major contradiction without a note)
: "${AZMAT_BINARY_DIR:?}"
fixture="$AZMAT_BINARY_DIR/tests/azmat_fixture"
[ -x "$fixture" ] || fail "no $fixture"

export AZMAT_NOW=2026-08-20T09:00:00Z
prev=$(az new --name "Contoso Q3" --tenant 72f988bf-86f1-41af-91ab-2d7cd011db47 --org Contoso \
  --assessor "Ana Lead")
"$fixture" "$E2E_DB" "$prev" - <<'FX'
answer 4a.1 fully
answer 4a.2 fully
answer 4a.3 fully
answer 4a.4 fully
answer 4a.5 fully
answer 4a.6 fully
result inventory-subscriptions-under-mg pass 4/4 | 4 of 4 subscriptions sit under the tree
result inventory-hierarchy-settings pass 1/1 | default management group set
result identity-ca-mfa-all-users pass 1/1 | one policy requires MFA for everyone
result identity-global-admin-count pass 1/1 | 3 Global Administrators
FX
az plan set "$prev" 4a --owner "Identity team" --due 2026-10-31 >/dev/null
az plan set "$prev" 1c --owner "Platform team" --due 2026-10-31 >/dev/null

export AZMAT_NOW=2026-11-26T09:00:00Z
cur=$(az new --from "$prev" --name "Contoso Q4")
"$fixture" "$E2E_DB" "$cur" - <<'FX'
result inventory-subscriptions-under-mg partial 3/4 | 3 of 4 subscriptions sit under the tree
offender inventory-subscriptions-under-mg | /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590 | sub-legacy-lab | directly under the tenant root
result inventory-hierarchy-settings pass 1/1 | default management group set
result identity-ca-mfa-all-users fail 0/1 | no policy requires MFA for everyone
result identity-global-admin-count pass 1/1 | 3 Global Administrators
FX
