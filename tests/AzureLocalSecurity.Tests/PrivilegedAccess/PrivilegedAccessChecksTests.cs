using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.PrivilegedAccess;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using C = AzureLocalSecurity.PrivilegedAccess.PrivilegedAccessChecks;

namespace AzureLocalSecurity.Tests.PrivilegedAccess;

public sealed class PrivilegedAccessChecksTests
{
    private static SecurityCheckResult Check(EvidenceBundle bundle, string id, params string[] allowed) =>
        Assert.Single(C.Evaluate(bundle, allowed.Length == 0 ? null : allowed), r => r.Id == id);

    [Fact]
    public void A_hardened_node_passes_every_check()
    {
        var results = C.Evaluate(PrivilegedAccessBundles.Hardened());

        Assert.Equal([C.AdministratorsId, C.OtherGroupsId, C.CredSspServerId, C.CredSspClientId, C.WinRmHttpsId, C.RdpId, C.JeaId, C.LapsId], results.Select(r => r.Id));
        Assert.All(results, r => Assert.True(r.Status == CheckStatus.Compliant, $"{r.Id}: {r.Status} {r.Reason}"));
        Assert.All(results, r => Assert.Equal(C.Area, r.Area));
    }

    [Fact]
    public void A_standing_extra_admin_is_named_with_its_sid()
    {
        var r = Check(PrivilegedAccessBundles.Weak(), C.AdministratorsId);

        Assert.Equal(CheckStatus.NonCompliant, r.Status);
        Assert.Contains(PrivilegedAccessBundles.ExtraAdminSid, r.Reason);
        Assert.Contains(@"CONTOSO\jdoe", r.Reason);
        Assert.DoesNotContain("Domain Admins (", r.Reason);
        Assert.Contains("NetLocalGroupGetMembers", r.Source);
    }

    [Fact]
    public void An_admin_named_as_break_glass_by_sid_or_name_is_allowed()
    {
        var defaults = PrivilegedAccessAnalyzer.DefaultAllowed(PrivilegedAccessBundles.Weak()).ToArray();

        Assert.Equal(CheckStatus.Compliant, Check(PrivilegedAccessBundles.Weak(), C.AdministratorsId, [.. defaults, PrivilegedAccessBundles.ExtraAdminSid]).Status);
        Assert.Equal(CheckStatus.Compliant, Check(PrivilegedAccessBundles.Weak(), C.AdministratorsId, [.. defaults, "jdoe"]).Status);
        // Naming only the extra admin drops the defaults: RID 500 and Domain Admins become extra.
        Assert.Equal(CheckStatus.NonCompliant, Check(PrivilegedAccessBundles.Weak(), C.AdministratorsId, PrivilegedAccessBundles.ExtraAdminSid).Status);
    }

    [Fact]
    public void The_group_is_found_by_sid_whatever_its_local_name()
    {
        var grants = PrivilegedAccessAnalyzer.ReadGrants(PrivilegedAccessBundles.Weak(), PrivilegedAccessAnalyzer.DefaultAllowed(PrivilegedAccessBundles.Weak()), out var unknowns)!;

        Assert.Empty(unknowns);
        Assert.All(grants, g => Assert.Equal("S-1-5-32-544", g.GroupSid));
        Assert.Equal("Administrateurs", grants[0].GroupName);
        var domainAdmins = Assert.Single(grants, g => g.MemberSid == PrivilegedAccessBundles.Contoso + "-512");
        Assert.True(domainAdmins.Nested);
        Assert.Equal("Group", domainAdmins.MemberType);
        Assert.True(domainAdmins.Allowed);
        Assert.False(Assert.Single(grants, g => !g.Allowed).Nested);
    }

    [Fact]
    public void CredSsp_on_for_the_service_is_non_compliant_with_the_registry_value_as_evidence()
    {
        var r = Check(PrivilegedAccessBundles.Weak(), C.CredSspServerId);

        Assert.Equal(CheckStatus.NonCompliant, r.Status);
        Assert.Equal("CredSSP on", r.Actual);
        Assert.Contains(@"WSMAN\Service auth_credssp", r.Source);
        Assert.Equal(CheckStatus.Compliant, Check(PrivilegedAccessBundles.Weak(), C.CredSspClientId).Status);
    }

    [Fact]
    public void The_credssp_policy_overrides_winrm_configuration()
    {
        var bundle = PrivilegedAccessBundles.With(PrivilegedAccessBundles.Weak(), PrivilegedAccessBundles.CredSspPolicyOff());
        var r = Check(bundle, C.CredSspServerId);

        Assert.Equal(CheckStatus.Compliant, r.Status);
        Assert.Contains("AllowCredSSP (policy)", r.Source);
    }

    [Fact]
    public void A_jea_role_exposing_invoke_expression_is_found_with_its_file()
    {
        var r = Check(PrivilegedAccessBundles.Weak(), C.JeaId);

        Assert.Equal(CheckStatus.NonCompliant, r.Status);
        Assert.Contains(@"JEAMaintenance: CONTOSO\NodeOperators: Invoke-Expression is visible without a parameter constraint (in Maintenance.psrc)", r.Actual);
        Assert.Contains(PrivilegedAccessBundles.PsscPath, r.Source);
    }

    [Fact]
    public void The_hardened_jea_endpoint_resolves_its_role_and_run_as()
    {
        var endpoints = PrivilegedAccessAnalyzer.ReadJeaEndpoints(PrivilegedAccessBundles.Hardened(), out var unknown)!;

        Assert.Null(unknown);
        Assert.False(endpoints.Single(e => e.Name == "microsoft.powershell").IsJea);
        var jea = endpoints.Single(e => e.IsJea);
        Assert.Equal("RestrictedRemoteServer", jea.SessionType);
        Assert.StartsWith("virtual account", jea.RunAs);
        var role = Assert.Single(jea.Roles);
        Assert.Equal(@"CONTOSO\NodeOperators", role.Principal);
        Assert.Equal([PrivilegedAccessBundles.PsrcPath], role.RoleCapabilityFiles);
        Assert.Equal(["Get-Service", "Restart-Service (parameters constrained)"], role.VisibleCmdlets);
        Assert.Empty(jea.UnconstrainedCommands);
    }

    [Fact]
    public void Http_listener_rdp_without_nla_and_no_laps_are_findings()
    {
        var bundle = PrivilegedAccessBundles.Weak();

        var winrm = Check(bundle, C.WinRmHttpsId);
        Assert.Equal(CheckStatus.NonCompliant, winrm.Status);
        Assert.Equal("*+HTTP", winrm.Actual);
        var rdp = Check(bundle, C.RdpId);
        Assert.Equal(CheckStatus.NonCompliant, rdp.Status);
        Assert.Equal("Remote Desktop on, NLA not required", rdp.Actual);
        Assert.Contains(@"RDP-Tcp UserAuthentication", rdp.Source);
        var laps = Check(bundle, C.LapsId);
        Assert.Equal(CheckStatus.NonCompliant, laps.Status);
        Assert.Equal("no LAPS policy", laps.Actual);
    }

    [Fact]
    public void A_bundle_without_these_facts_gives_unknown_never_non_compliant()
    {
        var results = C.Evaluate(Bundles.Windows());

        Assert.Equal(8, results.Count);
        Assert.All(results, r => Assert.True(r.Status == CheckStatus.Unknown, $"{r.Id}: {r.Status}"));
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.Reason)));
    }

    [Fact]
    public void An_unreadable_laps_root_is_unknown()
    {
        var denied = EvidenceItem.ForError(EvidenceIds.Registry(PrivilegedAccessEvidenceIds.LapsPolicyKeys[0]), EvidenceKind.Registry, "Registry", Bundles.Time,
            new EvidenceError(EvidenceErrorCategory.AccessDenied, "Access is denied."));

        Assert.Equal(CheckStatus.Unknown, Check(PrivilegedAccessBundles.With(PrivilegedAccessBundles.Weak(), denied), C.LapsId).Status);
    }

    [Fact]
    public void A_linux_node_is_not_applicable()
    {
        var linux = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("lnx", NodePlatform.Linux, "Linux", "X64"), Bundles.Time, "0.1.0", []);

        Assert.All(C.Evaluate(linux), r => Assert.Equal(CheckStatus.NotApplicable, r.Status));
    }
}
