using System.Linq;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Platform;

public class PlatformChecksTests
{
    [Fact]
    public void A_UEFI_Azure_Local_23H2_node_is_compliant_on_both_checks()
    {
        var results = PlatformChecks.Evaluate(Bundles.Windows());

        Assert.Equal([PlatformChecks.UefiId, PlatformChecks.AzureLocalId], results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(CheckStatus.Compliant, r.Status));
        Assert.All(results, r => Assert.Equal("NODE01", r.NodeName));
        Assert.Equal("Uefi", results[0].Actual);
        Assert.Equal("kernel32!GetFirmwareType", results[0].Source);
    }

    [Fact]
    public void A_BIOS_boot_is_non_compliant_with_a_remediation()
    {
        var uefi = PlatformChecks.Evaluate(Bundles.Windows(firmwareType: 1)).Single(r => r.Id == PlatformChecks.UefiId);

        Assert.Equal(CheckStatus.NonCompliant, uefi.Status);
        Assert.Equal(Severity.High, uefi.Severity);
        Assert.Equal("Bios", uefi.Actual);
        Assert.Contains("mbr2gpt", uefi.Remediation);
    }

    [Fact]
    public void An_unreadable_firmware_type_is_unknown_not_non_compliant()
    {
        var uefi = PlatformChecks.Evaluate(Bundles.Windows(firmwareType: null)).Single(r => r.Id == PlatformChecks.UefiId);

        Assert.Equal(CheckStatus.Unknown, uefi.Status);
        Assert.Contains("The parameter is incorrect", uefi.Reason);
    }

    [Fact]
    public void Azure_Stack_HCI_22H2_is_non_compliant()
    {
        var os = PlatformChecks.Evaluate(Bundles.Windows(displayVersion: "22H2", build: "20349")).Single(r => r.Id == PlatformChecks.AzureLocalId);

        Assert.Equal(CheckStatus.NonCompliant, os.Status);
        Assert.Contains("22H2", os.Actual);
        Assert.Contains("Upgrade", os.Remediation);
    }

    [Fact]
    public void Windows_Server_is_not_applicable_for_the_Azure_Local_check()
    {
        var os = PlatformChecks.Evaluate(Bundles.Windows(productName: "Windows Server 2025 Datacenter", build: "26100")).Single(r => r.Id == PlatformChecks.AzureLocalId);

        Assert.Equal(CheckStatus.NotApplicable, os.Status);
        Assert.NotNull(os.Reason);
    }

    [Fact]
    public void An_unknown_result_without_a_reason_cannot_be_made()
    {
        Assert.Throws<System.ArgumentException>(() => new SecurityCheckResult("X-1", "t", "a", CheckStatus.Unknown, Severity.Low, null, null, null, " ", null, null, "n"));
    }
}
