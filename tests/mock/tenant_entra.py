"""Microsoft Graph side of a synthetic tenant: users, directory roles and
PIM, Conditional Access, authentication methods, policies and apps.

prepare() makes the directory (users, groups, service principals) that the
Azure side also hands roles to; generate() writes the Graph responses and
records the Entra verdicts."""

GA = "62e90394-69f5-4237-9190-012177145e10"
PRIVILEGED = [GA, "e8611ab8-c189-46e8-94e1-60213ab1f814", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
              "194ae4cb-b126-40b2-bd5b-6091b380977d", "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
              "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "158c047a-c907-4556-b7ef-446551a6b5f7",
              "fe930be7-5e62-47db-91af-98c3a49a38b1", "c4e39bd9-1100-46d3-8c65-fb160da0071f",
              "729827e3-9c14-49f7-bb1b-9608f156bbb8", "29232cdf-9323-42fd-ade2-1d097af3e4de",
              "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "b0f54661-2d74-4c50-afa3-1ec803f12efe"]
DIRECTORY_READERS = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"
AZURE_MANAGEMENT = "797f4846-ba00-4fd7-ba43-dac1f8f63013"
PHISHING_RESISTANT = "00000000-0000-0000-0000-000000000004"
GRAPH_APP = "00000003-0000-0000-c000-000000000000"
DANGEROUS_GRAPH_ROLES = ["9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8", "06b708a9-e830-4db3-a914-8e69da51d44f",
                         "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "19dbc75e-c2e2-444c-a770-ec69d8559fc7"]
HARMLESS_GRAPH_ROLES = ["df021288-bdef-4463-88db-98f22de89214", "7ab1d382-f21e-4acd-a863-ba3e13f7da61"]
STRONG_METHODS = ["fido2SecurityKey", "passKeyDeviceBound", "windowsHelloForBusiness"]
WEAK_METHODS = ["microsoftAuthenticatorPush", "softwareOneTimePasscode", "mobilePhone"]


class User:
    __slots__ = ("id", "upn", "name", "guest", "synced", "created", "signin", "noninteractive",
                 "admin", "mfa", "methods")

    def recent(self):
        """Signed in within 90 days, or created within 30."""
        return ((self.signin is not None and self.signin <= 90) or
                (self.noninteractive is not None and self.noninteractive <= 90) or self.created <= 30)


def prepare(m, a):
    """The directory: users, groups and service principals."""
    rng = m.rng
    m.users = []
    for i in range(a.users):
        u = User()
        u.id = m.uuid()
        u.guest = rng.random() < 0.08
        u.synced = (not u.guest) and rng.random() < 0.35
        u.name, local = m.user_name(i)
        u.upn = ("guest%d_partner.example#EXT#@%s" % (i, m.domain)) if u.guest else ("%s@%s" % (local, m.domain))
        u.created = rng.choice([rng.randint(1, 20), rng.randint(60, 1500), rng.randint(60, 1500)])
        r = rng.random()
        u.signin = None if r < 0.1 else rng.randint(1, 60) if r < 0.8 else rng.randint(120, 600)
        u.noninteractive = None if rng.random() < 0.5 else rng.choice([rng.randint(1, 60), rng.randint(120, 600)])
        u.admin = False
        u.mfa = rng.random() < 0.85
        u.methods = list(WEAK_METHODS[:rng.randint(1, 3)]) if u.mfa else []
        m.users.append(u)
    m.counts["users"] = len(m.users)
    m.groups = [m.uuid() for _ in range(max(5, a.users // 200))]
    m.apps = []  # (sp object id, app id, name)
    for i in range(max(6, a.users // 500)):
        m.apps.append((m.uuid(), m.uuid(), "app-%d" % i))
    # Emergency access accounts: cloud-only members that never appear stale.
    m.breakglass = []
    for k in range(2):
        u = User()
        u.id, u.upn, u.name = m.uuid(), "breakglass%d@%s" % (k, m.domain), "Emergency access %d" % k
        u.guest = u.synced = False
        u.created, u.signin, u.noninteractive = 400, 200, None
        u.admin, u.mfa, u.methods = False, True, ["fido2SecurityKey"]
        m.users.append(u)
        m.breakglass.append(u)


def _ca_policy(m, name, state, users, apps=None, **kw):
    p = {"id": m.uuid(), "displayName": name, "state": state,
         "conditions": {"users": {"includeUsers": users.get("include", []),
                                  "excludeUsers": users.get("exclude", []),
                                  "includeGroups": [], "excludeGroups": users.get("exclude_groups", []),
                                  "includeRoles": users.get("roles", []), "excludeRoles": []},
                        "applications": {"includeApplications": apps or ["All"], "excludeApplications": []},
                        "clientAppTypes": kw.get("client_app_types", ["all"]),
                        "userRiskLevels": kw.get("user_risk", []),
                        "signInRiskLevels": kw.get("signin_risk", []),
                        "platforms": None, "locations": None},
         "grantControls": {"operator": kw.get("operator", "OR"), "builtInControls": kw.get("grant", []),
                           "customAuthenticationFactors": [], "termsOfUse": [],
                           "authenticationStrength": ({"id": kw["strength"], "displayName": "strength"}
                                                      if kw.get("strength") else None)}}
    if kw.get("transfer"):
        p["conditions"]["authenticationFlows"] = {"transferMethods": kw["transfer"]}
    return p


def ca_policies(m):
    """A tenant's Conditional Access policies, each template present, weakened or missing at random."""
    rng = m.rng
    bg = [u.id for u in m.breakglass]
    state = lambda: rng.choice(["enabled", "enabled", "enabled", "enabledForReportingButNotEnforced", "disabled"])
    excl = lambda: list(bg) if rng.random() < 0.75 else bg[:1] if rng.random() < 0.5 else []
    pols = []
    if rng.random() < 0.85:
        ex = excl() + ([m.users[i].id for i in range(6)] if rng.random() < 0.15 else [])
        pols.append(_ca_policy(m, "Require MFA for all users", state(), {"include": ["All"], "exclude": ex},
                               grant=["mfa"]))
    if rng.random() < 0.7:
        roles = [r for r in PRIVILEGED if rng.random() < 0.85]
        pols.append(_ca_policy(m, "Require MFA for administrators", state(), {"roles": roles, "exclude": excl()},
                               grant=["mfa"]))
    if rng.random() < 0.5:
        roles = [r for r in PRIVILEGED if rng.random() < 0.8]
        pols.append(_ca_policy(m, "Phishing-resistant MFA for administrators", state(),
                               {"roles": roles, "exclude": excl()}, strength=PHISHING_RESISTANT))
    if rng.random() < 0.7:
        pols.append(_ca_policy(m, "Block legacy authentication", state(), {"include": ["All"], "exclude": excl()},
                               client_app_types=["exchangeActiveSync", "other"], grant=["block"]))
    if rng.random() < 0.5:
        pols.append(_ca_policy(m, "Block device code flow", state(), {"include": ["All"], "exclude": excl()},
                               transfer="deviceCodeFlow", grant=["block"]))
    if rng.random() < 0.6:
        pols.append(_ca_policy(m, "MFA for Azure management", state(), {"include": ["All"], "exclude": excl()},
                               apps=[AZURE_MANAGEMENT], grant=["mfa"]))
    if rng.random() < 0.6:
        pols.append(_ca_policy(m, "Sign-in risk", state(), {"include": ["All"], "exclude": excl()},
                               signin_risk=["high", "medium"], grant=["mfa"]))
    if rng.random() < 0.6:
        pols.append(_ca_policy(m, "User risk", state(), {"include": ["All"], "exclude": excl()},
                               user_risk=["high"], grant=["mfa", "passwordChange"], operator="AND"))
    pols.append(_ca_policy(m, "Compliant devices for finance", "enabled", {"include": [], "exclude": [],
                                                                           "exclude_groups": []},
                           grant=["compliantDevice"]))
    pols[-1]["conditions"]["users"]["includeGroups"] = [m.groups[0]]
    rng.shuffle(pols)
    return pols


# The conditions each identity-ca-* check looks for, as roadmap/checks/identity.json states them.
CA_CHECKS = {
    "identity-ca-mfa-all-users": dict(users="all", grant=["mfa", "authenticationStrength"], max_excluded=5),
    "identity-ca-mfa-admins": dict(users="roles", grant=["mfa", "authenticationStrength"], max_excluded=5),
    "identity-ca-phishing-resistant-admins": dict(users="roles", grant=["authenticationStrength"],
                                                  strengths=[PHISHING_RESISTANT], max_excluded=5),
    "identity-ca-legacy-auth-blocked": dict(users="all", client_app_types=["exchangeActiveSync", "other"],
                                            grant=["block"], max_excluded=5),
    "identity-ca-device-code-blocked": dict(users="all", transfer="deviceCodeFlow", grant=["block"],
                                            max_excluded=10),
    "identity-ca-azure-management-mfa": dict(users="all", apps=[AZURE_MANAGEMENT, "MicrosoftAdminPortals"],
                                             grant=["mfa", "authenticationStrength"], max_excluded=5),
    "identity-ca-signin-risk": dict(users="all", signin_risk=["high"],
                                    grant=["mfa", "block", "authenticationStrength"], max_excluded=5),
    "identity-ca-user-risk": dict(users="all", user_risk=["high"], grant=["passwordChange", "block"],
                                  max_excluded=5),
}


def _lower(xs):
    return [x.lower() for x in xs or []]


def _ca_effect(p, spec):
    """Whether policy p enforces what spec asks for, whoever it applies to and whatever its state."""
    cond, grant = p["conditions"], p["grantControls"]
    apps = _lower(cond["applications"]["includeApplications"])
    if "all" not in apps and not any(x.lower() in apps for x in spec.get("apps", [])):
        return False
    types = _lower(cond.get("clientAppTypes"))
    if spec.get("client_app_types"):
        if "all" not in types and not all(t.lower() in types for t in spec["client_app_types"]):
            return False
    elif types and "all" not in types:
        return False
    flows = (cond.get("authenticationFlows") or {}).get("transferMethods") or ""
    if spec.get("transfer"):
        if spec["transfer"] not in flows:
            return False
    elif flows and flows != "none":
        return False
    for key, field in (("user_risk", "userRiskLevels"), ("signin_risk", "signInRiskLevels")):
        have = _lower(cond.get(field))
        if spec.get(key):
            if not any(l in have for l in spec[key]):
                return False
        elif have:
            return False
    built = _lower(grant.get("builtInControls"))
    ok = any(g.lower() in built for g in spec["grant"] if g != "authenticationStrength")
    strength = grant.get("authenticationStrength")
    if not ok and strength:
        ok = strength["id"] in spec["strengths"] if spec.get("strengths") else "authenticationStrength" in spec["grant"]
    if not ok:
        return False
    u = cond["users"]
    return len(u["excludeUsers"]) + len(u["excludeGroups"]) + len(u["excludeRoles"]) <= spec["max_excluded"]


def ca_expect(e, pols):
    for cid, spec in CA_CHECKS.items():
        if spec["users"] == "all":
            good = [p for p in pols if p["state"] == "enabled" and _ca_effect(p, spec)
                    and "all" in _lower(p["conditions"]["users"]["includeUsers"])]
            near = [p["id"] for p in pols if p["state"] != "enabled" and _ca_effect(p, spec)
                    and "all" in _lower(p["conditions"]["users"]["includeUsers"])]
            if good:
                e.verdict(cid, "pass", 1, 1)
            else:
                e.verdict(cid, "fail", 0, 1, near)
        else:
            covered = set()
            for p in pols:
                u = p["conditions"]["users"]
                if p["state"] != "enabled" or not _ca_effect(p, spec):
                    continue
                inc = set(PRIVILEGED) if "all" in _lower(u["includeUsers"]) else set(u["includeRoles"])
                covered |= inc - set(u["excludeRoles"])
            n = sum(1 for r in PRIVILEGED if r in covered)
            miss = [r for r in PRIVILEGED if r not in covered]
            status = "pass" if n == len(PRIVILEGED) else "fail" if not n else "partial"
            e.verdict(cid, status, n, len(PRIVILEGED), miss)
    # Emergency accounts: excluded from every enabled policy that applies to all users.
    allp = [p for p in pols if p["state"] == "enabled" and "all" in _lower(p["conditions"]["users"]["includeUsers"])]
    if not allp:
        e.fixed["identity-ca-emergency-exclusions"] = {"status": "not-assessable", "cause": "nothing-in-scope",
                                                       "healthy": 0, "total": 0, "offending": [],
                                                       "offending_total": 0}
        return
    counts = {}
    for p in allp:
        for x in p["conditions"]["users"]["excludeUsers"]:
            counts[x.lower()] = counts.get(x.lower(), 0) + 1
    full = sum(1 for v in counts.values() if v == len(allp))
    healthy = min(full, 2)
    status = "pass" if healthy >= 2 else "partial" if healthy else "fail"
    off = []
    if status != "pass":
        top = min((k for k in counts if counts[k] == max(counts.values())), default=None)
        off = [p["id"] for p in allp if top is None or top not in _lower(p["conditions"]["users"]["excludeUsers"])]
    e.verdict("identity-ca-emergency-exclusions", status, healthy, 2, off)


def _signin(m, u):
    if u.signin is None and u.noninteractive is None:
        return None
    d = {}
    if u.signin is not None:
        d["lastSignInDateTime"] = m.iso(u.signin)
    if u.noninteractive is not None:
        d["lastNonInteractiveSignInDateTime"] = m.iso(u.noninteractive)
    return d


def role_holders(m):
    """Active directory role assignments: (id, role, principal id, user or None)."""
    rng = m.rng
    out = []
    members = [u for u in m.users if not u.guest and u not in m.breakglass]
    guests = [u for u in m.users if u.guest]
    nga = rng.choice([2, 3, 3, 4, 4, 1, 5, 6])
    ga_users = [m.breakglass[0], m.breakglass[1]][:min(2, nga)] + rng.sample(members, max(0, nga - 2))
    for u in ga_users:
        out.append((m.uuid(), GA, u.id, u))
    for role in PRIVILEGED[1:]:
        for _ in range(rng.randint(0, 2)):
            u = rng.choice(guests) if guests and rng.random() < 0.05 else rng.choice(members)
            out.append((m.uuid(), role, u.id, u))
    out.append((m.uuid(), PRIVILEGED[4], m.groups[-1], None))  # a role-assignable group
    out.append((m.uuid(), PRIVILEGED[5], m.apps[0][0], None))  # a service principal
    for _ in range(3):
        u = rng.choice(members)
        out.append((m.uuid(), DIRECTORY_READERS, u.id, u))
    for _, role, _, u in out:
        if u is not None and role in PRIVILEGED:
            u.admin = True
            if m.rng.random() < 0.4:
                u.methods = sorted(set(u.methods) | {m.rng.choice(STRONG_METHODS)})
                u.mfa = True
    return out


def write_users(m, e):
    values = []
    for u in m.users:
        values.append({"id": u.id, "displayName": u.name, "userPrincipalName": u.upn,
                       "userType": "Guest" if u.guest else "Member", "accountEnabled": True,
                       "onPremisesSyncEnabled": True if u.synced else None,
                       "createdDateTime": m.iso(u.created), "signInActivity": _signin(m, u)})
        if u.guest:
            e.judge("identity-stale-guests", u.id, u.recent())
    e.scope("identity-stale-guests")
    m.graph("/v1.0/users", {"value": values})


def write_registration(m, e):
    values = []
    for u in m.users:
        values.append({"id": u.id, "userPrincipalName": u.upn, "userDisplayName": u.name,
                       "userType": "guest" if u.guest else "member", "isAdmin": u.admin,
                       "isMfaRegistered": u.mfa, "isMfaCapable": u.mfa, "isPasswordlessCapable": False,
                       "methodsRegistered": u.methods})
        if u.admin:
            e.judge("identity-admins-mfa-registered", u.id, u.mfa)
            e.judge("identity-admins-phishing-resistant-methods", u.id,
                    any(x in STRONG_METHODS for x in u.methods))
        if not u.guest:
            e.judge("identity-users-mfa-capable", u.id, u.mfa)
    for cid in ("identity-admins-mfa-registered", "identity-admins-phishing-resistant-methods",
                "identity-users-mfa-capable"):
        e.scope(cid)
    m.graph("/v1.0/reports/authenticationMethods/userRegistrationDetails", {"value": values})


def write_roles(m, e, holders):
    e.counting("identity-global-admin-count")
    values = []
    judged = set()
    for rid, role, pid, u in holders:
        values.append({"id": rid, "roleDefinitionId": role, "principalId": pid, "directoryScopeId": "/"})
        if role == GA:
            e.count("identity-global-admin-count", rid)
        if u is not None and role in PRIVILEGED and u.id not in judged:
            judged.add(u.id)
            e.judge("identity-privileged-roles-cloud-only", u.id, not u.synced)
            e.judge("identity-privileged-roles-no-guests", u.id, not u.guest)
    e.scope("identity-privileged-roles-cloud-only")
    e.scope("identity-privileged-roles-no-guests")
    m.graph("/v1.0/roleManagement/directory/roleAssignments", {"value": values})
    # PIM: the active assignments above are standing (Assigned, no end) or time-bound;
    # eligible grants come on top, and some active ones are activations of them.
    elig, inst = [], []
    healthy = total = 0
    standing = []
    for rid, role, pid, u in holders:
        if role not in PRIVILEGED:
            continue
        timebound = u is not None and u not in m.breakglass and m.rng.random() < 0.3
        inst.append({"id": rid, "roleDefinitionId": role, "principalId": pid, "directoryScopeId": "/",
                     "assignmentType": "Assigned", "memberType": "Direct",
                     "startDateTime": m.iso(100), "endDateTime": m.iso(-30) if timebound else None})
        total += 1
        if timebound:
            healthy += 1
        else:
            standing.append(rid)
    for _ in range(m.rng.randint(0, 8)):
        role = m.rng.choice(PRIVILEGED)
        u = m.rng.choice(m.users)
        eid = m.uuid()
        elig.append({"id": eid, "roleDefinitionId": role, "principalId": u.id, "directoryScopeId": "/",
                     "memberType": "Direct", "startDateTime": m.iso(50), "endDateTime": None})
        healthy += 1
        total += 1
        if m.rng.random() < 0.3:
            inst.append({"id": m.uuid(), "roleDefinitionId": role, "principalId": u.id, "directoryScopeId": "/",
                         "assignmentType": "Activated", "memberType": "Direct",
                         "startDateTime": m.iso(0.1), "endDateTime": m.iso(-0.1)})
    m.graph("/v1.0/roleManagement/directory/roleEligibilityScheduleInstances", {"value": elig})
    m.graph("/v1.0/roleManagement/directory/roleAssignmentScheduleInstances", {"value": inst})
    pim_verdict(e, "identity-pim-entra-roles", healthy, total, standing, allow=2)


def pim_verdict(e, cid, healthy, total, standing, allow):
    if not total:
        e.fixed[cid] = {"status": "not-assessable", "cause": "nothing-in-scope", "healthy": 0, "total": 0,
                        "offending": [], "offending_total": 0}
        return
    excess = max(0, len(standing) - allow)
    h = total - excess
    status = "pass" if not excess else "partial" if h else "fail"
    e.verdict(cid, status, h, total, standing if excess else [])


def write_policies(m, e):
    rng = m.rng
    pols = ca_policies(m)
    m.graph("/v1.0/identity/conditionalAccess/policies", {"value": pols})
    ca_expect(e, pols)
    guest_role = rng.choice(["10dae51f-b6af-4016-8d66-8c2a99b929b3", "2af84b1e-32c8-42b7-82bc-daa82404023b",
                             "a0b1b346-4d3e-4e8b-98f8-753987be4970"])
    invites = rng.choice(["adminsAndGuestInviters", "none", "everyone", "adminsGuestInvitersAndAllMembers"])
    grant = rng.choice(["ManagePermissionGrantsForSelf.microsoft-user-default-low",
                        "ManagePermissionGrantsForSelf.microsoft-user-default-legacy"])
    apps, tenants = rng.random() < 0.5, rng.random() < 0.4
    pid = "authorizationPolicy"
    m.graph("/v1.0/policies/authorizationPolicy",
            {"id": pid, "displayName": "Authorization Policy", "allowInvitesFrom": invites,
             "guestUserRoleId": guest_role, "blockMsolPowerShell": False,
             "defaultUserRolePermissions": {"allowedToCreateApps": apps, "allowedToCreateTenants": tenants,
                                            "allowedToCreateSecurityGroups": True,
                                            "allowedToReadOtherUsers": True,
                                            "permissionGrantPoliciesAssigned": [grant]}})
    e.judge("identity-guest-access-restricted", pid,
            guest_role != "a0b1b346-4d3e-4e8b-98f8-753987be4970" and invites in ("adminsAndGuestInviters", "none"))
    e.judge("identity-user-consent-restricted", pid, not grant.endswith("legacy"))
    e.judge("identity-default-user-rights-restricted", pid, not apps and not tenants)
    on = rng.random() < 0.5
    m.graph("/v1.0/policies/adminConsentRequestPolicy",
            {"isEnabled": on, "notifyReviewers": True, "remindersEnabled": True, "requestDurationInDays": 30,
             "reviewers": [], "version": 1})
    e.judge("identity-admin-consent-workflow", "", on)


def write_governance(m, e):
    rng = m.rng
    e.counting("identity-access-reviews")
    defs = []
    for i in range(rng.randint(0, 3)):
        st = rng.choice(["InProgress", "Completed", "NotStarted"])
        d = {"id": m.uuid(), "displayName": "Review %d" % i, "status": st}
        defs.append(d)
        if st in ("InProgress", "NotStarted"):
            e.count("identity-access-reviews", d["id"])
    m.graph("/v1.0/identityGovernance/accessReviews/definitions", {"value": defs})
    apps = []
    for sp, appid, name in m.apps:
        creds = []
        for _ in range(rng.randint(0, 2)):
            end = rng.choice([rng.randint(-300, -100), rng.randint(-3000, -700), rng.randint(10, 200)])
            creds.append({"keyId": m.uuid(), "displayName": "secret", "startDateTime": m.iso(400),
                          "endDateTime": m.iso(end)})
        apps.append({"id": m.uuid(), "appId": appid, "displayName": name, "passwordCredentials": creds})
        e.judge("identity-app-secret-lifetime", apps[-1]["id"],
                all(c["endDateTime"] <= m.iso(-366) for c in creds))
    e.scope("identity-app-secret-lifetime")
    m.graph("/v1.0/applications", {"value": apps})
    e.counting("identity-high-privilege-graph-apps")
    grants = []
    for sp, appid, name in m.apps:
        for role in rng.sample(DANGEROUS_GRAPH_ROLES + HARMLESS_GRAPH_ROLES * 3, rng.randint(0, 2)):
            g = {"id": m.uuid(), "appRoleId": role, "principalId": sp, "principalDisplayName": name,
                 "principalType": "ServicePrincipal", "resourceDisplayName": "Microsoft Graph"}
            grants.append(g)
            if role in DANGEROUS_GRAPH_ROLES:
                e.count("identity-high-privilege-graph-apps", g["id"])
    m.graph("/v1.0/servicePrincipals(appId='%s')/appRoleAssignedTo" % GRAPH_APP, {"value": grants})


def generate(m, e, a):
    rng = m.rng
    org = {"id": m.tenant_id, "displayName": m.org,
           "technicalNotificationMails": ["cloud-ops@" + m.domain] if rng.random() < 0.7 else [],
           "securityComplianceNotificationMails": ["security@" + m.domain] if rng.random() < 0.6 else []}
    m.graph("/v1.0/organization", {"value": [org]})
    e.judge("inventory-tenant-notification-mails", org["id"],
            bool(org["technicalNotificationMails"]) and bool(org["securityComplianceNotificationMails"]))
    holders = role_holders(m)
    write_roles(m, e, holders)
    write_users(m, e)
    write_registration(m, e)
    write_policies(m, e)
    write_governance(m, e)
