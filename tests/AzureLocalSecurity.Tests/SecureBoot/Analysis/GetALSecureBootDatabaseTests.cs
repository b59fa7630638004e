using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.SecureBoot.Analysis;
using AzureLocalSecurity.Tests.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Analysis;

/// <summary>Get-ALSecureBootDatabase in the engine on Debian's OVMF stores and Microsoft's signed updates.</summary>
public sealed class GetALSecureBootDatabaseTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Update(string file) => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "secureboot", file);

    [Fact]
    public void The_microsoft_enrolled_ovmf_store_trusts_the_2011_cas_and_no_2023_ca()
    {
        var entries = Run($"Get-ALSecureBootDatabase -VariableStorePath '{Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M)}'");
        Assert.Equal(["PK", "KEK", "db", "dbx"], entries.Select(e => e.Database).Distinct());
        Assert.Contains(entries, e => e.Database == "KEK" && e.KnownName == "Microsoft Corporation KEK CA 2011");
        var db = entries.Where(e => e.Database == "db").Select(e => e.KnownName).ToList();
        Assert.Contains("Microsoft Windows Production PCA 2011", db);
        Assert.Contains("Microsoft Corporation UEFI CA 2011", db);
        Assert.DoesNotContain(entries, e => e.KnownName is not null && e.KnownName.Contains("2023", StringComparison.Ordinal));
        var dbx = Assert.Single(entries, e => e.Database == "dbx");
        Assert.Equal("Sha256", dbx.SignatureType);
        Assert.Equal(64, dbx.Hash!.Length);
    }

    [Fact]
    public void Every_hash_of_microsoft_s_dbx_update_is_described_by_microsoft_s_dbx_list()
    {
        var entries = Run($"Get-ALSecureBootDatabase -Path '{Update("DBXUpdate-amd64.bin")}' -Name dbx");
        Assert.Equal(443, entries.Count);
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Revokes), e.Hash));
        Assert.All(entries, e => Assert.StartsWith("signed update ", e.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void The_2024_dbx_update_revokes_the_windows_production_pca_2011_and_sets_three_svns()
    {
        var entries = Run($"Get-ALSecureBootDatabase -Path '{Update("DBXUpdate2024.bin")}'");
        Assert.Contains(entries, e => e.KnownName == "Microsoft Windows Production PCA 2011" && e.Thumbprint == "580A6F4CC4E4B669B9EBDC1B2B3E087B80D0678D");
        var svns = entries.Where(e => e.Svn is not null).Select(e => e.Svn).ToList();
        Assert.Equal(3, svns.Count);
        Assert.Contains(svns, s => s!.StartsWith("bootmgfw", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_signature_list_is_a_non_terminating_error()
    {
        using var dir = new TempDir();
        var bad = dir.Combine("bad.esl");
        File.WriteAllBytes(bad, new byte[40]);
        var (output, errors) = module.Run($"Get-ALSecureBootDatabase -Path '{bad}','{Update("DBUpdate2024-amd64.bin")}'");
        Assert.StartsWith("SecureBootSignatureListInvalid", Assert.Single(errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(output, o => ((SecureBootDatabaseEntry)o.BaseObject).KnownName == "Windows UEFI CA 2023");
    }

    [Fact]
    public void A_database_the_firmware_does_not_have_is_an_error_when_nothing_else_was_read()
    {
        var (output, errors) = module.Run($"Get-ALSecureBootDatabase -Name DBX -VariableStorePath '{Path.Combine(OvmfVectors.Folder, OvmfVectors.Empty4M)}'");
        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("SecureBootDatabaseUnavailable", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("the firmware has no dbx variable", error.Exception.Message, StringComparison.Ordinal);
    }

    private System.Collections.Generic.List<SecureBootDatabaseEntry> Run(string script)
    {
        var (output, errors) = module.Run(script);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.ToString())));
        return output.Select(o => (SecureBootDatabaseEntry)o.BaseObject).ToList();
    }
}
