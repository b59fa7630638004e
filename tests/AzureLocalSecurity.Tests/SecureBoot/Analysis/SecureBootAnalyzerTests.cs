using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.SecureBoot.Analysis;
using AzureLocalSecurity.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Analysis;

/// <summary>The Secure Boot state from Debian's real OVMF stores, from an efivarfs tree, and from Windows' registry.</summary>
public sealed class SecureBootAnalyzerTests
{
    [Fact]
    public void Microsoft_enrolled_ovmf_store_has_a_platform_key_so_it_is_not_in_setup_mode()
    {
        var state = SecureBootAnalyzer.Describe(FirmwareVariableStoreBundle.FromFile(Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M), Bundles.Time));
        Assert.Equal(FirmwareType.Uefi, state.FirmwareType);
        Assert.True(state.PlatformKeyEnrolled);
        Assert.False(state.SetupMode);
        Assert.StartsWith("derived from PK", state.Sources[nameof(SecureBootState.SetupMode)], StringComparison.Ordinal);
        Assert.Null(state.SecureBootEnabled);
        Assert.Contains(state.Unknowns, u => u.StartsWith("SecureBoot:", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_ovmf_store_has_no_platform_key_so_it_is_in_setup_mode()
    {
        var state = SecureBootAnalyzer.Describe(FirmwareVariableStoreBundle.FromFile(Path.Combine(OvmfVectors.Folder, OvmfVectors.Empty4M), Bundles.Time));
        Assert.False(state.PlatformKeyEnrolled);
        Assert.True(state.SetupMode);
    }

    [Theory]
    [InlineData(1, 0, true, false)]
    [InlineData(0, 1, false, true)]
    public void Efivarfs_secureboot_and_setupmode_bytes_are_read_as_the_firmware_set_them(byte secureBoot, byte setupMode, bool enabled, bool setup)
    {
        using var root = new TempDir();
        var efivars = root.Combine("sys", "firmware", "efi", "efivars");
        Directory.CreateDirectory(efivars);
        File.WriteAllBytes(Path.Combine(efivars, "SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"), [0x06, 0, 0, 0, secureBoot]);
        File.WriteAllBytes(Path.Combine(efivars, "SetupMode-8be4df61-93ca-11d2-aa0d-00e098032b8c"), [0x06, 0, 0, 0, setupMode]);
        var items = new LinuxSecureBootCollector().Collect(new CollectionContext(root.Path, () => Bundles.Time)).ToList();
        var state = SecureBootAnalyzer.Describe(new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("linux1", NodePlatform.Linux, "Debian 12", "X64"), Bundles.Time, "0.1.0", items));
        Assert.Equal(enabled, state.SecureBootEnabled);
        Assert.Equal(setup, state.SetupMode);
        Assert.False(state.PlatformKeyEnrolled);
        Assert.Null(state.AuditMode);
        Assert.DoesNotContain(state.Unknowns, u => u.StartsWith("AuditMode", StringComparison.Ordinal));
    }

    [Fact]
    public void A_secureboot_variable_that_is_not_one_byte_is_unknown_with_what_it_holds()
    {
        var id = SecureBootEvidenceIds.Variable("SecureBoot", EfiVariableNames.GlobalVariable);
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("n", NodePlatform.Linux, "x", "X64"), Bundles.Time, "0.1.0", [EvidenceItem.ForBlob(id, "test", Bundles.Time, [2])]);
        var state = SecureBootAnalyzer.Describe(bundle);
        Assert.Null(state.SecureBootEnabled);
        Assert.Contains("SecureBoot: the variable holds 1 byte(s) starting 0x02; UEFI defines one byte, 0 or 1.", state.Unknowns);
    }

    [Fact]
    public void Windows_registry_state_is_reported_beside_the_variables()
    {
        var key = @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State";
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("n", NodePlatform.Windows, "x", "X64"), Bundles.Time, "0.1.0",
            [EvidenceItem.ForRegistry(EvidenceIds.Registry(key), "Registry (64-bit view) " + key, Bundles.Time, new RegistryKeyEvidence(key, [new("UEFISecureBootEnabled", EvidenceValue.FromDWord(1))], []))]);
        var state = SecureBootAnalyzer.Describe(bundle);
        Assert.True(state.WindowsReportsSecureBootEnabled);
        Assert.Contains("SecureBoot: the bundle holds no UEFI variables (it was captured without them).", state.Unknowns);
    }
}
