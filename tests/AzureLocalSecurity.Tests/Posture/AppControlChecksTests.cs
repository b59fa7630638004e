using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Posture;

public sealed class AppControlChecksTests
{
    private static SecurityCheckResult One(EvidenceBundle bundle, string id) => Assert.Single(AppControlChecks.Evaluate(bundle), r => r.Id == id);

    [Fact]
    public void The_enforced_azure_local_node_meets_every_app_control_check()
    {
        var results = AppControlChecks.Evaluate(AppControlBundles.AzureLocalEnforced());

        Assert.Equal([AppControlChecks.ActiveId, AppControlChecks.AzureLocalBaseId, AppControlChecks.EnforcedId, AppControlChecks.SupplementalBaseId], results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(CheckStatus.Compliant, r.Status));
        Assert.Equal("Contoso-Policy (base {a6368f66-e2c9-4aa2-ab79-8743f6597683})", results[3].Actual);
    }

    [Fact]
    public void Audit_mode_is_a_medium_non_compliance_with_the_way_back_to_enforced()
    {
        var result = One(AppControlBundles.AzureLocalAudit(), AppControlChecks.EnforcedId);

        Assert.Equal(CheckStatus.NonCompliant, result.Status);
        Assert.Equal(Severity.Medium, result.Severity);
        Assert.Equal("Audit", result.Actual);
        Assert.Contains("Enable-AsWdacPolicy -Mode Enforced", result.Remediation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_citool_the_deployed_base_policy_file_proves_azure_local_s_base_policy()
    {
        var results = AppControlChecks.Evaluate(AppControlBundles.WithoutCiTool());

        Assert.Equal(CheckStatus.Compliant, results.Single(r => r.Id == AppControlChecks.AzureLocalBaseId).Status);
        Assert.Equal(CheckStatus.Compliant, results.Single(r => r.Id == AppControlChecks.ActiveId).Status);
        Assert.Equal(CheckStatus.NotApplicable, results.Single(r => r.Id == AppControlChecks.SupplementalBaseId).Status);
    }

    [Fact]
    public void A_bundle_without_app_control_facts_is_unknown_not_non_compliant()
    {
        var results = AppControlChecks.Evaluate(Bundles.Windows());

        Assert.All(results, r => Assert.Equal(CheckStatus.Unknown, r.Status));
        Assert.Contains("Win32_DeviceGuard could not be read", results[0].Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_linux_host_every_app_control_check_is_not_applicable()
    {
        Assert.All(AppControlChecks.Evaluate(SecuredCoreBundles.LinuxHost()), r => Assert.Equal(CheckStatus.NotApplicable, r.Status));
    }

    [Fact]
    public void Windows_reporting_app_control_off_makes_it_inactive_and_not_enforced()
    {
        var items = AppControlBundles.WithDeviceGuardStatus(AppControlBundles.AzureLocalEnforced().Items, 0, 0);
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Windows, "Microsoft Windows 10.0.25398", "X64"), Bundles.Time, "0.1.0", items);
        var results = AppControlChecks.Evaluate(bundle);

        Assert.Equal(CheckStatus.NonCompliant, results.Single(r => r.Id == AppControlChecks.ActiveId).Status);
        Assert.Equal(("Off", Severity.High), (results.Single(r => r.Id == AppControlChecks.EnforcedId).Actual, results.Single(r => r.Id == AppControlChecks.EnforcedId).Severity));
    }
}
