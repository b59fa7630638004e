using System;
using System.Linq;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecuredCore;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.SecuredCore.SecuredCoreAnalyzer;

namespace AzureLocalSecurity.Tests.SecuredCore.Analysis;

/// <summary>Every requirement on the recorded nodes of the issue: compliant, VBS configured but not running, BIOS, no Device Guard provider, Linux.</summary>
public sealed class SecuredCoreAnalyzerTests
{
    private static SecurityCheckResult One(SecuredCoreSummary summary, string id) => Assert.Single(summary.Results, r => r.Id == id);

    [Fact]
    public void A_compliant_azure_local_node_is_secured_core_on_every_windows_requirement()
    {
        var summary = Evaluate(SecuredCoreBundles.CompliantAzureLocalNode());

        Assert.True(summary.IsSecuredCore);
        foreach (var id in new[] { TpmId, SecureBootId, VbsId, HvciId, CredentialGuardId, SystemGuardId, SmmId, DmaId })
        {
            Assert.Equal(CheckStatus.Compliant, One(summary, id).Status);
        }

        Assert.Equal(CheckStatus.NotApplicable, One(summary, LockdownId).Status);
        Assert.Empty(summary.Missing);
        Assert.All(summary.Results.Where(r => r.Status == CheckStatus.Compliant), r => Assert.False(string.IsNullOrEmpty(r.Source)));
    }

    [Fact]
    public void Vbs_configured_but_not_running_fails_vbs_and_every_service_that_needs_it()
    {
        var summary = Evaluate(SecuredCoreBundles.VbsConfiguredNotRunning());

        Assert.False(summary.IsSecuredCore);
        var vbs = One(summary, VbsId);
        Assert.Equal(CheckStatus.NonCompliant, vbs.Status);
        Assert.Equal("enabled, not running", vbs.Actual);
        Assert.Contains("EnableVirtualizationBasedSecurity = 1", vbs.Remediation, StringComparison.Ordinal);
        Assert.Equal("configured, not running", One(summary, HvciId).Actual);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, CredentialGuardId).Status);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, SystemGuardId).Status);
        Assert.Contains(summary.Missing, m => m.StartsWith("Virtualization-based security", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bios_node_fails_secure_boot_and_vbs()
    {
        var summary = Evaluate(SecuredCoreBundles.BiosNode());

        Assert.False(summary.IsSecuredCore);
        Assert.Equal("BIOS boot", One(summary, SecureBootId).Actual);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, SecureBootId).Status);
        Assert.Equal("not enabled", One(summary, VbsId).Actual);
    }

    [Fact]
    public void Without_the_device_guard_provider_the_kernel_answers_for_vbs_and_hvci_and_the_rest_is_unknown()
    {
        var summary = Evaluate(SecuredCoreBundles.DeviceGuardClassMissing());

        Assert.Equal(CheckStatus.Compliant, One(summary, VbsId).Status);
        Assert.Equal("running (the secure kernel runs)", One(summary, VbsId).Actual);
        Assert.Equal(CheckStatus.Compliant, One(summary, HvciId).Status);
        Assert.StartsWith("running (CODEINTEGRITY_OPTION_HVCI_KMCI_ENABLED)", One(summary, HvciId).Actual, StringComparison.Ordinal);
        foreach (var id in new[] { CredentialGuardId, SystemGuardId, SmmId })
        {
            var result = One(summary, id);
            Assert.Equal(CheckStatus.Unknown, result.Status);
            Assert.StartsWith("Win32_DeviceGuard could not be read", result.Reason, StringComparison.Ordinal);
        }

        Assert.Null(summary.IsSecuredCore);
        Assert.Equal(3, summary.Unproven.Count);
    }

    [Fact]
    public void A_linux_host_is_judged_on_tpm_secure_boot_iommu_and_lockdown_only()
    {
        var summary = Evaluate(SecuredCoreBundles.LinuxHost());

        foreach (var id in new[] { VbsId, HvciId, CredentialGuardId, SystemGuardId })
        {
            Assert.Equal(CheckStatus.NotApplicable, One(summary, id).Status);
        }

        Assert.Equal(CheckStatus.Compliant, One(summary, SecureBootId).Status);
        Assert.Equal(CheckStatus.Compliant, One(summary, DmaId).Status);
        Assert.StartsWith("IOMMU ", One(summary, DmaId).Actual, StringComparison.Ordinal);
        var lockdown = One(summary, LockdownId);
        Assert.Equal(CheckStatus.Compliant, lockdown.Status);
        Assert.Equal("integrity", lockdown.Actual);
    }

    [Fact]
    public void Every_unknown_or_not_applicable_result_says_why()
    {
        foreach (var bundle in new[] { SecuredCoreBundles.CompliantAzureLocalNode(), SecuredCoreBundles.VbsConfiguredNotRunning(), SecuredCoreBundles.BiosNode(), SecuredCoreBundles.DeviceGuardClassMissing(), SecuredCoreBundles.LinuxHost(), Bundles.Windows() })
        {
            var summary = Evaluate(bundle);
            Assert.Equal(9, summary.Results.Count);
            Assert.All(summary.Results.Where(r => r.Status is CheckStatus.Unknown or CheckStatus.NotApplicable), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
            Assert.All(summary.Results.Where(r => r.Status == CheckStatus.NonCompliant), r => Assert.False(string.IsNullOrWhiteSpace(r.Remediation)));
        }
    }

    [Fact]
    public void A_bundle_without_any_secured_core_fact_is_not_called_insecure()
    {
        var summary = Evaluate(Bundles.Windows());

        Assert.Null(summary.IsSecuredCore);
        Assert.Equal(0, summary.NonCompliant);
    }
}
