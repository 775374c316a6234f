"""Resources of a synthetic subscription (the ArmGen mixin): storage, Key
Vault, networks and NSGs, VMs and their extensions, SQL, AKS, registries,
Cosmos DB, WAF and firewalls. Each gets good or bad settings at random, and
the checks that judge it are told at once."""

ROLE_CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c"
PLATFORM_SUBNETS = {"gatewaysubnet", "azurefirewallsubnet", "azurefirewallmanagementsubnet",
                    "azurebastionsubnet", "routeserversubnet"}


class Resources:
    """Needs the ArmGen attributes: m, e, rng, identities, priv_sp, backup_targets, and res(), n(), diag()."""

    def pe(self, p_ok):
        r = self.rng.random()
        if r < p_ok:
            return [{"id": "pe", "properties": {"privateLinkServiceConnectionState": {"status": "Approved"}}}], True
        if r < p_ok + 0.05:
            return [{"id": "pe", "properties": {"privateLinkServiceConnectionState": {"status": "Pending"}}}], False
        return [], False

    def storage(self, s):
        e = self.e
        r = self.rng.random()
        public = False if r < 0.8 else True if r < 0.9 else None
        net = self.rng.choice(["Disabled", "Deny", "Deny", "Allow", "Allow"])
        shared = self.rng.choice([False, True, None])
        tls = self.rng.choice(["TLS1_2", "TLS1_2", "TLS1_2", "TLS1_2", "TLS1_0", None])
        https = self.chance(0.9)
        immutable = self.chance(0.05)
        pes, pe_ok = self.pe(0.3)
        props = {"supportsHttpsTrafficOnly": https, "privateEndpointConnections": pes,
                 "publicNetworkAccess": "Disabled" if net == "Disabled" else "Enabled",
                 "networkAcls": {"defaultAction": "Deny" if net == "Deny" else "Allow"},
                 "immutableStorageWithVersioning": {"enabled": immutable}}
        for key, val in (("allowBlobPublicAccess", public), ("allowSharedKeyAccess", shared),
                         ("minimumTlsVersion", tls)):
            if val is not None:
                props[key] = val
        rid = self.res(s, self.rng.choice(s.rgs), "Microsoft.Storage/storageAccounts", "st" + self.m.uuid()[:10],
                       props, kind="StorageV2")
        e.judge("surface-storage-no-public-blob", rid, public is False)
        e.judge("surface-storage-network", rid, net != "Allow")
        e.judge("surface-storage-no-shared-key", rid, shared is False)
        e.judge("network-storage-tls12", rid, tls == "TLS1_2")
        e.judge("network-storage-https-only", rid, https)
        e.judge("network-private-endpoints", rid, pe_ok)
        e.judge("response-immutable-evidence-storage", rid, immutable)

    def keyvault(self, s):
        e = self.e
        rbac, purge = self.chance(0.6), self.chance(0.5)
        net = self.rng.choice(["Disabled", "Deny", "Allow", "Allow"])
        pes, pe_ok = self.pe(0.3)
        rg = self.rng.choice(s.rgs)
        props = {"tenantId": self.t, "enableSoftDelete": True, "enableRbacAuthorization": rbac,
                 "publicNetworkAccess": "Disabled" if net == "Disabled" else "Enabled",
                 "networkAcls": {"defaultAction": "Deny" if net == "Deny" else "Allow"},
                 "privateEndpointConnections": pes}
        if purge:
            props["enablePurgeProtection"] = True
        rid = self.res(s, rg, "Microsoft.KeyVault/vaults", "kv-" + self.m.uuid()[:8], props)
        e.judge("surface-keyvault-rbac", rid, rbac)
        e.judge("surface-keyvault-purge-protection", rid, purge)
        e.judge("surface-keyvault-network", rid, net != "Allow")
        e.judge("network-private-endpoints", rid, pe_ok)
        settings, good = self.diag(rid, 0.6, ["AuditEvent"], group=self.rng.choice(["allLogs", "audit"]))
        self.m.arm(rid + "/providers/Microsoft.Insights/diagnosticSettings", settings)
        e.judge("detection-keyvault-audit-logs", rid, good)
        if self.chance(0.3):
            s.locks.add(rid.lower())
        e.judge("governance-keyvault-locked", rid,
                self.locked_scopes(s, rid, s.id + "/resourceGroups/" + rg, s.id))

    def nsg_rules(self):
        """Rules for one NSG, and which of the three exposure checks they trip."""
        rules, mgmt, data, every = [], False, False, False
        rule = lambda name, src, ports, prio, access="Allow", proto="Tcp": {
            "name": name, "properties": dict({"direction": "Inbound", "access": access, "protocol": proto,
                                              "priority": prio}, **src, **ports)}
        rules.append(rule("allow-https", {"sourceAddressPrefix": "Internet"}, {"destinationPortRange": "443"}, 100))
        rules.append(rule("allow-vnet-ssh", {"sourceAddressPrefix": "10.0.0.0/8"}, {"destinationPortRange": "22"}, 110))
        rules.append(rule("deny-rdp", {"sourceAddressPrefix": "*"}, {"destinationPortRange": "3389"}, 120, "Deny"))
        if self.chance(0.15):
            mgmt = True
            v = self.rng.randint(0, 3)
            if v == 0:
                rules.append(rule("ssh", {"sourceAddressPrefix": "*"}, {"destinationPortRange": "22"}, 200))
            elif v == 1:
                rules.append(rule("rdp", {"sourceAddressPrefixes": ["203.0.113.0/24", "0.0.0.0/0"]},
                                  {"destinationPortRanges": ["80", "3389"]}, 201))
            elif v == 2:
                rules.append(rule("mgmt-range", {"sourceAddressPrefix": "Internet"},
                                  {"destinationPortRange": "20-23"}, 202))
            else:
                rules.append(rule("rdp-any", {"sourceAddressPrefix": "Any"}, {"destinationPortRange": "3389"}, 203,
                                  proto="*"))
        if self.chance(0.08):
            data = True
            rules.append(rule("sql", {"sourceAddressPrefixes": ["Internet"]}, {"destinationPortRange": "1430-1440"}, 210))
        if self.chance(0.04):
            mgmt = data = every = True
            rules.append(rule("any-any", {"sourceAddressPrefix": "*"}, {"destinationPortRange": "*"}, 220, proto="*"))
        return rules, mgmt, data, every

    def network(self, s):
        e, m = self.e, self.m
        rts = []
        for k in range(max(1, self.n("vnet") // 2)):
            fw = self.chance(0.7)
            routes = [{"name": "default", "properties": {"addressPrefix": "0.0.0.0/0",
                                                         "nextHopType": "VirtualAppliance" if fw else "Internet",
                                                         "nextHopIpAddress": "10.0.0.4" if fw else None}}]
            rid = self.res(s, s.rgs[0], "Microsoft.Network/routeTables",
                           "rt-%d" % k, {"routes": routes})
            rts.append((rid, fw))
        nsgs = []
        for k in range(self.n("nsg")):
            rules, mgmt, data, every = self.nsg_rules()
            rid = self.res(s, self.rng.choice(s.rgs), "Microsoft.Network/networkSecurityGroups",
                           "nsg-%d" % k, {"securityRules": rules, "defaultSecurityRules": []})
            e.judge("surface-nsg-management-ports", rid, not mgmt)
            e.judge("surface-nsg-data-ports", rid, not data)
            e.judge("network-nsg-no-any-any", rid, not every)
            nsgs.append(rid)
        vnets = []
        for k in range(self.n("vnet")):
            rg = self.rng.choice(s.rgs)
            vid = "%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworks/vnet-%d" % (s.id, rg, k)
            subnets = []
            names = ["app", "data", "web"][:self.rng.randint(1, 3)]
            if self.chance(0.3):
                names.append(self.rng.choice(["GatewaySubnet", "AzureFirewallSubnet", "AzureBastionSubnet"]))
            for name in names:
                props = {"addressPrefix": "10.%d.%d.0/24" % (k, len(subnets))}
                has_nsg = nsgs and self.chance(0.75)
                rt = self.rng.choice(rts) if rts and self.chance(0.6) else None
                if has_nsg:
                    props["networkSecurityGroup"] = {"id": self.rng.choice(nsgs)}
                if rt:
                    props["routeTable"] = {"id": rt[0]}
                sn = {"id": vid + "/subnets/" + name, "name": name, "properties": props}
                subnets.append(sn)
                if name.lower() not in PLATFORM_SUBNETS:
                    e.judge("network-subnets-have-nsg", sn["id"], bool(has_nsg))
                    e.judge("network-egress-through-firewall", sn["id"], bool(rt and rt[1]))
            self.res(s, rg, "Microsoft.Network/virtualNetworks", "vnet-%d" % k,
                     {"addressSpace": {"addressPrefixes": ["10.%d.0.0/16" % k]}, "subnets": subnets})
            vnets.append(vid)
        # Flow logs: on virtual networks (counted for coverage) and on NSGs (legacy, retention only).
        watcher = "%s/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_westeurope" % s.id
        targets = [(v, True) for v in vnets] + [(n, False) for n in nsgs[:1]]
        for target, is_vnet in targets:
            r = self.rng.random()
            if r < 0.4:
                if is_vnet:
                    e.judge("network-flow-logs", target, False)
                continue
            on = r < 0.9
            days, keep = self.rng.choice([(90, True), (365, True), (30, True), (0, True), (7, False)])
            fid = watcher + "/flowLogs/fl-" + self.m.uuid()[:8]
            m.row("resources", {"id": fid, "name": fid.rsplit("/", 1)[1],
                                "type": "microsoft.network/networkwatchers/flowlogs", "subscriptionId": s.sid,
                                "resourceGroup": "NetworkWatcherRG", "tenantId": self.t,
                                "properties": {"targetResourceId": target, "enabled": on,
                                               "retentionPolicy": {"days": days, "enabled": keep}}})
            if is_vnet:
                e.judge("network-flow-logs", target, on)
            e.judge("network-flow-log-retention", fid, (not keep) or days >= 90 or days == 0)
        for k in range(self.n("pip")):
            r = self.rng.random()
            props = {"publicIPAllocationMethod": "Static"}
            if r < 0.75:
                props["ipConfiguration"] = {"id": s.id + "/x/ipConfigurations/ipconfig1"}
            elif r < 0.8:
                props["natGateway"] = {"id": s.id + "/x/natGateways/nat"}
            rid = self.res(s, self.rng.choice(s.rgs), "Microsoft.Network/publicIPAddresses", "pip-%d" % k, props)
            e.judge("surface-public-ip-in-use", rid, r < 0.8)
        return {"nsgs": nsgs}

    def vm(self, s, net):
        e, m = self.e, self.m
        rg = self.rng.choice(s.rgs)
        name = "vm-" + self.m.uuid()[:8]
        vid = "%s/resourceGroups/%s/providers/Microsoft.Compute/virtualMachines/%s" % (s.id, rg, name)
        pub = self.chance(0.15)
        ipc = {"name": "ipconfig1", "properties": {"privateIPAddress": "10.0.0.5"}}
        if pub:
            ipc["properties"]["publicIPAddress"] = {"id": s.id + "/pip/" + name}
        nic = self.res(s, rg, "Microsoft.Network/networkInterfaces", name + "-nic",
                       {"virtualMachine": {"id": vid}, "ipConfigurations": [ipc]})
        e.judge("surface-vm-no-public-ip", nic, not pub)
        linux = self.chance(0.5)
        gallery = self.chance(0.4)
        image = ({"id": s.id + "/resourceGroups/rg-sec/providers/Microsoft.Compute/galleries/golden/images/ubuntu/versions/1.0.1"}
                 if gallery else {"publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server",
                                  "version": "latest"})
        trusted = self.chance(0.6)
        props = {"storageProfile": {"imageReference": image}, "networkProfile": {"networkInterfaces": [{"id": nic}]}}
        if trusted:
            props["securityProfile"] = {"securityType": "TrustedLaunch"}
        keys_only = self.chance(0.7)
        props["osProfile"] = ({"computerName": name, "linuxConfiguration": {"disablePasswordAuthentication": keys_only}}
                              if linux else {"computerName": name, "windowsConfiguration": {"provisionVMAgent": True}})
        extra = {}
        pid = None
        if self.chance(0.3):
            pid = self.m.uuid()
            extra["identity"] = {"type": "SystemAssigned", "principalId": pid, "tenantId": self.t}
        self.res(s, rg, "Microsoft.Compute/virtualMachines", name, props, **extra)
        if pid:
            if self.chance(0.25):
                self.assignment(s.id, ROLE_CONTRIBUTOR, pid, "ServicePrincipal", s.sid)
                self.priv_sp.add(pid.lower())
            self.identities.append((vid, pid))
        e.judge("governance-vm-gallery-images", vid, gallery)
        e.judge("governance-vm-trusted-launch", vid, trusted)
        if linux:
            e.judge("governance-linux-ssh-keys-only", vid, keys_only)
        mde = ama = False
        for ext, p, os_ok in (("MDE.Linux" if linux else "MDE.Windows", 0.7, True),
                              ("AzureMonitorLinuxAgent" if linux else "AzureMonitorWindowsAgent", 0.6, True),
                              ("OmsAgentForLinux" if linux else "MicrosoftMonitoringAgent", 0.05, True)):
            if not self.chance(p):
                continue
            ok = self.chance(0.95)
            xid = self.res(s, rg, "Microsoft.Compute/virtualMachines/%s/extensions" % name, ext,
                           {"type": ext, "publisher": "Microsoft", "provisioningState": "Succeeded" if ok else "Failed"},
                           type_name="Microsoft.Compute/virtualMachines/extensions")
            if ext.startswith("MDE"):
                mde = ok
            elif ext.startswith("AzureMonitor"):
                ama = ok
            else:
                e.count("detection-no-legacy-log-agent", xid)
        e.judge("detection-mde-on-vms", vid, mde)
        e.judge("detection-monitor-agent-on-vms", vid, ama)
        self.backup_targets.append(vid)

    def sql(self, s):
        e, m = self.e, self.m
        tls = self.rng.choice(["1.2", "1.2", "1.2", "1.0", None])
        public = self.rng.choice(["Enabled", "Enabled", "Disabled"])
        pes, pe_ok = self.pe(0.3)
        props = {"publicNetworkAccess": public, "privateEndpointConnections": pes, "version": "12.0"}
        if tls:
            props["minimalTlsVersion"] = tls
        rid = self.res(s, self.rng.choice(s.rgs), "Microsoft.Sql/servers", "sql-" + self.m.uuid()[:8], props)
        e.judge("network-sql-tls12", rid, tls == "1.2")
        e.judge("network-sql-no-public-access", rid, public == "Disabled")
        e.judge("network-private-endpoints", rid, pe_ok)
        on = self.chance(0.6)
        m.arm(rid + "/auditingSettings", [{"id": rid + "/auditingSettings/Default", "name": "Default",
                                           "type": "Microsoft.Sql/servers/auditingSettings",
                                           "properties": {"state": "Enabled" if on else "Disabled",
                                                          "isAzureMonitorTargetEnabled": on}}])
        e.judge("detection-sql-auditing", rid, on)
        rules = [("AllowAllWindowsAzureIps", "0.0.0.0", "0.0.0.0"), ("office", "198.51.100.0", "198.51.100.255")]
        if self.chance(0.15):
            rules.append(("open", "0.0.0.0", "255.255.255.255"))
        docs = []
        for name, start, end in rules:
            fid = rid + "/firewallRules/" + name
            docs.append({"id": fid, "name": name, "type": "Microsoft.Sql/servers/firewallRules",
                         "properties": {"startIpAddress": start, "endIpAddress": end}})
            if start == "0.0.0.0" and end == "255.255.255.255":
                e.count("surface-sql-no-open-firewall", fid)
        m.arm(rid + "/firewallRules", docs)

    def aks(self, s):
        e, m = self.e, self.m
        r = self.rng.random()
        prof = {"enablePrivateCluster": True} if r < 0.3 else {"authorizedIPRanges": ["203.0.113.0/24"]} if r < 0.6 else {}
        udr = self.chance(0.4)
        rid = self.workload(s, "Microsoft.ContainerService/managedClusters", "aks",
                            {"apiServerAccessProfile": prof, "kubernetesVersion": "1.30",
                             "networkProfile": {"outboundType": "userDefinedRouting" if udr else "loadBalancer"}},
                            identity_p=0.0)
        e.judge("surface-aks-api-restricted", rid, r < 0.6)
        e.judge("network-aks-egress-routed", rid, udr)
        settings, good = self.diag(rid, 0.6, [["kube-audit", "kube-audit-admin"], "guard"],
                                   group=self.rng.choice(["allLogs", "audit"]))
        m.arm(rid + "/providers/Microsoft.Insights/diagnosticSettings", settings)
        e.judge("detection-aks-audit-logs", rid, good)

    def acr(self, s):
        e, m = self.e, self.m
        admin = self.chance(0.2)
        net = self.rng.choice(["Disabled", "Deny", "Allow", "Allow"])
        pes, pe_ok = self.pe(0.3)
        rid = self.res(s, self.rng.choice(s.rgs), "Microsoft.ContainerRegistry/registries", "acr" + self.m.uuid()[:8],
                       {"adminUserEnabled": admin, "publicNetworkAccess": "Disabled" if net == "Disabled" else "Enabled",
                        "networkRuleSet": {"defaultAction": "Deny" if net == "Deny" else "Allow"},
                        "privateEndpointConnections": pes}, sku={"name": "Premium"})
        e.judge("surface-registry-no-admin-user", rid, not admin)
        e.judge("network-registry-restricted", rid, net != "Allow")
        e.judge("network-private-endpoints", rid, pe_ok)
        settings, good = self.diag(rid, 0.6, ["ContainerRegistryLoginEvents", "ContainerRegistryRepositoryEvents"],
                                   group=self.rng.choice(["allLogs", "audit"]))
        m.arm(rid + "/providers/Microsoft.Insights/diagnosticSettings", settings)
        e.judge("detection-registry-audit-logs", rid, good)

    def cosmos(self, s):
        r = self.rng.random()
        pes, pe_ok = self.pe(0.3)
        props = {"publicNetworkAccess": "Disabled" if r < 0.3 else "Enabled",
                 "isVirtualNetworkFilterEnabled": 0.3 <= r < 0.5,
                 "ipRules": [{"ipAddressOrRange": "203.0.113.7"}] if 0.5 <= r < 0.6 else [],
                 "privateEndpointConnections": pes}
        rid = self.res(s, self.rng.choice(s.rgs), "Microsoft.DocumentDB/databaseAccounts",
                       "cosmos-" + self.m.uuid()[:8], props)
        self.e.judge("network-cosmos-restricted", rid, r < 0.6)
        self.e.judge("network-private-endpoints", rid, pe_ok)

    def waf(self, s):
        kind = self.rng.choice(["Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies",
                                "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"])
        state = "Enabled" if self.chance(0.9) else "Disabled"
        mode = "Prevention" if self.chance(0.6) else "Detection"
        rid = self.res(s, self.rng.choice(s.rgs), kind, "waf-" + self.m.uuid()[:6],
                       {"policySettings": {"state": state, "mode": mode}})
        self.e.judge("surface-waf-prevention", rid, state == "Enabled" and mode == "Prevention")

    def firewall(self, s):
        rid = self.res(s, s.rgs[0], "Microsoft.Network/azureFirewalls", "afw-" + self.m.uuid()[:6],
                       {"sku": {"tier": "Standard"}, "threatIntelMode": "Alert"})
        settings, good = self.diag(rid, 0.6, [["AzureFirewallNetworkRule", "AZFWNetworkRule"],
                                              ["AzureFirewallApplicationRule", "AZFWApplicationRule"]])
        self.m.arm(rid + "/providers/Microsoft.Insights/diagnosticSettings", settings)
        self.e.judge("network-firewall-logs", rid, good)

    def firewall_policy(self, s):
        ti = self.rng.choice(["Deny", "Deny", "Alert", "Off"])
        premium = self.chance(0.4)
        props = {"threatIntelMode": ti, "sku": {"tier": "Premium" if premium else "Standard"}}
        idps = self.chance(0.5)
        if premium:
            props["intrusionDetection"] = {"mode": "Deny" if idps else "Alert"}
        rid = self.res(s, s.rgs[0], "Microsoft.Network/firewallPolicies", "fwp-" + self.m.uuid()[:6], props)
        self.e.judge("network-firewall-threat-intel-deny", rid, ti == "Deny")
        if premium:
            self.e.judge("network-firewall-idps-deny", rid, idps)
