using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.SecureBoot.Analysis;
using AzureLocalSecurity.Tests.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Analysis;

/// <summary>Get-ALSecureBoot in the engine: NVRAM files, a damaged file, the live node (this Linux machine).</summary>
public sealed class GetALSecureBootTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    [Fact]
    public void Ovmf_variable_stores_are_audited_one_object_per_file()
    {
        var (output, errors) = module.Run($"Get-ALSecureBoot -VariableStorePath '{Path.Combine(OvmfVectors.Folder, "OVMF_VARS_4M*.fd")}'");
        Assert.Empty(errors);
        var states = output.Select(o => (SecureBootState)o.BaseObject).OrderBy(s => s.ComputerName, StringComparer.Ordinal).ToList();
        Assert.Equal(["OVMF_VARS_4M.fd", "OVMF_VARS_4M.ms.fd"], states.Select(s => s.ComputerName));
        Assert.Equal([true, false], states.Select(s => s.SetupMode));
    }

    [Fact]
    public void A_file_that_is_not_a_variable_store_is_a_non_terminating_error_with_the_offset()
    {
        using var dir = new TempDir();
        var bad = dir.Combine("bad.fd");
        File.WriteAllBytes(bad, new byte[4096]);
        var (output, errors) = module.Run($"Get-ALSecureBoot -VariableStorePath '{bad}','{Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M)}'");
        var error = Assert.Single(errors);
        Assert.StartsWith("FirmwareVariableStoreInvalid", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("byte", error.Exception.Message, StringComparison.Ordinal);
        Assert.Single(output);
    }

    [Fact]
    public void The_live_node_reports_secure_boot_from_efivarfs_or_says_why_it_cannot()
    {
        var (output, errors) = module.Run("Get-ALSecureBoot");
        Assert.Empty(errors);
        var state = (SecureBootState)Assert.Single(output).BaseObject;
        if (File.Exists("/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"))
        {
            // A UEFI machine: the byte was read (root) or the reason it was not is given.
            Assert.True(state.SecureBootEnabled is not null ? state.Sources.ContainsKey(nameof(SecureBootState.SecureBootEnabled)) : state.Unknowns.Any(u => u.StartsWith("SecureBoot:", StringComparison.Ordinal)));
        }
        else
        {
            Assert.Null(state.SecureBootEnabled);
            Assert.Contains(state.Unknowns, u => u.StartsWith("SecureBoot:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_exported_bundle_holds_the_uefi_variables_or_why_they_were_not_read()
    {
        using var dir = new TempDir();
        var path = dir.Combine("node.zip");
        var (_, errors) = module.Run($"Export-ALSecurityEvidence -Path '{path}'");
        Assert.Empty(errors);
        var bundle = AzureLocalSecurity.Evidence.EvidenceBundleReader.Read(path);
        var pk = bundle.Find(AzureLocalSecurity.Evidence.SecureBootEvidenceIds.Variable("PK", AzureLocalSecurity.SecureBoot.VariableStore.EfiVariableNames.GlobalVariable));
        Assert.NotNull(pk);
        Assert.True(pk!.Succeeded || pk.Error!.Message.Length > 0);
        Assert.NotNull(bundle.Find(AzureLocalSecurity.Evidence.SecureBootEvidenceIds.VariableAttributes("dbx", AzureLocalSecurity.SecureBoot.VariableStore.EfiVariableNames.ImageSecurityDatabase)));
    }
}
