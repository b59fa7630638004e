using System;
using System.Collections.Generic;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.Analysis;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Analysis;

/// <summary>
/// The servicing registry values, recorded as KB5068202 and KB5025885 document them (hand-made, not captured): the
/// enterprise value 0x5944, the residual 0x4004, the capability levels and values of the wrong kind.
/// </summary>
public sealed class SecureBootServicingAnalyzerTests
{
    [Fact]
    public void The_enterprise_value_0x5944_decodes_to_the_six_updates_microsoft_lists()
    {
        var result = SecureBootServicingAnalyzer.Read(Bundle(servicing: [new("AvailableUpdates", EvidenceValue.FromDWord(0x5944)), new("WindowsUEFICA2023Capable", EvidenceValue.FromDWord(0))]));
        Assert.Equal(0x5944u, result.AvailableUpdates);
        Assert.Equal(
            ["KEK 2023", "Windows UEFI CA 2023 to db", "2023-signed boot manager", "Microsoft Option ROM UEFI CA 2023 to db", "Microsoft UEFI CA 2023 to db", "only where the 2011 UEFI CA is trusted"],
            result.PendingUpdates!);
        Assert.Equal(0u, result.UnknownUpdateBits);
        Assert.Equal("The Windows UEFI CA 2023 is not in db.", result.Capability);
    }

    [Fact]
    public void The_residual_0x4004_under_the_secure_boot_key_leaves_only_the_kek_pending()
    {
        var result = SecureBootServicingAnalyzer.Read(Bundle(secureBoot: [new("AvailableUpdates", EvidenceValue.FromDWord(0x4004))], servicing: [new("UEFICA2023Status", EvidenceValue.FromString("InProgress")), new("WindowsUEFICA2023Capable", EvidenceValue.FromDWord(1))]));
        Assert.Equal(["KEK 2023", "only where the 2011 UEFI CA is trusted"], result.PendingUpdates!);
        Assert.Equal("InProgress", result.Status);
        Assert.Equal(1u, result.WindowsUefiCa2023Capable);
        Assert.StartsWith("Registry (64-bit view) " + SecureBootServicingAnalyzer.SecureBootKey, result.Sources[nameof(SecureBootServicing.AvailableUpdates)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_serviced_node_without_available_updates_has_nothing_pending_and_boots_the_2023_boot_manager()
    {
        var result = SecureBootServicingAnalyzer.Read(Bundle(secureBoot: [], servicing: [new("UEFICA2023Status", EvidenceValue.FromString("Updated")), new("UEFICA2023Error", EvidenceValue.FromDWord(0)), new("WindowsUEFICA2023Capable", EvidenceValue.FromDWord(2))]));
        Assert.Equal(0u, result.AvailableUpdates);
        Assert.Empty(result.PendingUpdates!);
        Assert.Equal("Updated", result.Status);
        Assert.Equal(0u, result.Error);
        Assert.Equal("The Windows UEFI CA 2023 is in db and the node boots the 2023-signed boot manager.", result.Capability);
        Assert.Empty(result.Unknowns);
    }

    [Fact]
    public void Bits_without_a_name_and_values_of_the_wrong_kind_are_reported_not_guessed()
    {
        var result = SecureBootServicingAnalyzer.Read(Bundle(servicing: [new("AvailableUpdates", EvidenceValue.FromDWord(0x10002)), new("WindowsUEFICA2023Capable", EvidenceValue.FromString("2"))]));
        Assert.Equal(["dbx update"], result.PendingUpdates!);
        Assert.Equal(0x10000u, result.UnknownUpdateBits);
        Assert.Null(result.WindowsUefiCa2023Capable);
        Assert.Contains("WindowsUEFICA2023Capable: the value is a String, not a REG_DWORD.", result.Unknowns);
    }

    [Fact]
    public void A_capture_without_the_keys_leaves_everything_unknown()
    {
        var result = SecureBootServicingAnalyzer.Read(Bundles.Windows());
        Assert.Null(result.AvailableUpdates);
        Assert.Null(result.WindowsUefiCa2023Capable);
        Assert.Equal(2, result.Unknowns.Count);
    }

    private static EvidenceBundle Bundle(List<RegistryValueEvidence>? secureBoot = null, List<RegistryValueEvidence>? servicing = null)
    {
        var items = new List<EvidenceItem>();
        foreach (var (path, values) in new[] { (SecureBootServicingAnalyzer.SecureBootKey, secureBoot), (SecureBootServicingAnalyzer.ServicingKey, servicing) })
        {
            items.Add(values is null
                ? EvidenceItem.ForError(EvidenceIds.Registry(path), EvidenceKind.Registry, "Registry (64-bit view) " + path, Bundles.Time, new EvidenceError(EvidenceErrorCategory.NotFound, $"The key {path} does not exist."))
                : EvidenceItem.ForRegistry(EvidenceIds.Registry(path), "Registry (64-bit view) " + path, Bundles.Time, new RegistryKeyEvidence(path, values)));
        }

        return new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Windows, "Microsoft Windows 10.0.26100", "X64"), Bundles.Time, "0.1.0", items);
    }
}
