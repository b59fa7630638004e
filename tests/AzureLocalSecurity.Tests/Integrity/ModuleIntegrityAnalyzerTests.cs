using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Integrity;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Integrity;

public class ModuleIntegrityAnalyzerTests
{
    private const string Manifest = "@{\n    ModuleVersion = '1.2.3'\n}\n";
    private static readonly string[] ModuleFiles = ["AzureLocalSecurity.psd1", "README.md", "bin/Core/AzureLocalSecurity.dll"];

    [Fact]
    public void A_folder_whose_files_match_a_pinned_signed_SBOM_is_intact()
    {
        using var dir = Module();
        using var certificate = ModuleSignatureTests.CodeSigningCertificate();
        Sign(dir, certificate);

        var report = ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(dir.Path), [certificate.Thumbprint], checkChain: true);

        Assert.Equal(ModuleIntegrityStatus.Intact, report.Status);
        Assert.Equal("1.2.3", report.Version);
        Assert.Equal(3, report.Matched);
        Assert.Equal(0, report.Mismatched);
        Assert.All(report.Files, f => Assert.Equal(ModuleFileStatus.Match, f.Status));
    }

    [Fact]
    public void A_changed_a_missing_and_an_added_file_make_the_module_tampered_each_with_its_status()
    {
        using var dir = Module();
        using var certificate = ModuleSignatureTests.CodeSigningCertificate();
        Sign(dir, certificate);
        File.WriteAllBytes(dir.Combine("bin", "Core", "AzureLocalSecurity.dll"), [9, 9, 9]);
        File.Delete(dir.Combine("README.md"));
        File.WriteAllText(dir.Combine("bin", "Core", "Helper.dll"), "dropped");

        var report = ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(dir.Path), [certificate.Thumbprint], checkChain: true);

        Assert.Equal(ModuleIntegrityStatus.Tampered, report.Status);
        Assert.Equal(ModuleFileStatus.Modified, report.Files.Single(f => f.Path == "bin/Core/AzureLocalSecurity.dll").Status);
        Assert.Equal(ModuleFileStatus.Missing, report.Files.Single(f => f.Path == "README.md").Status);
        Assert.Equal(ModuleFileStatus.Unexpected, report.Files.Single(f => f.Path == "bin/Core/Helper.dll").Status);
        Assert.Equal(3, report.Mismatched);
        Assert.StartsWith("3 of 4 files do not match the SBOM", report.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_together_with_its_hash_in_the_SBOM_breaks_the_signature()
    {
        using var dir = Module();
        using var certificate = ModuleSignatureTests.CodeSigningCertificate();
        Sign(dir, certificate);
        File.WriteAllBytes(dir.Combine("bin", "Core", "AzureLocalSecurity.dll"), [9, 9, 9]);
        WriteSbom(dir);

        var report = ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(dir.Path), [certificate.Thumbprint], checkChain: true);

        Assert.Equal(ModuleIntegrityStatus.Tampered, report.Status);
        Assert.Equal(ModuleSignatureStatus.Invalid, report.Signature.Status);
        Assert.All(report.Files, f => Assert.Equal(ModuleFileStatus.Match, f.Status));
    }

    [Fact]
    public void Matching_files_under_an_unsigned_SBOM_or_an_unknown_signer_are_unverified_not_intact()
    {
        using var dir = Module();
        var unsigned = ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(dir.Path), [], checkChain: true);
        using var certificate = ModuleSignatureTests.CodeSigningCertificate();
        Sign(dir, certificate);
        var unknownSigner = ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(dir.Path), [], checkChain: true);

        Assert.Equal(ModuleIntegrityStatus.Unverified, unsigned.Status);
        Assert.Equal(ModuleSignatureStatus.NotSigned, unsigned.Signature.Status);
        Assert.Equal(ModuleIntegrityStatus.Unverified, unknownSigner.Status);
        Assert.Equal(ModuleSignerTrust.Untrusted, unknownSigner.Signature.Trust);
    }

    [Fact]
    public void A_folder_without_an_SBOM_is_unverified_and_its_files_not_checked()
    {
        using var dir = Module();
        File.Delete(dir.Combine(ModuleSbom.FileName));

        var report = ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(dir.Path), [], checkChain: true);

        Assert.Equal(ModuleIntegrityStatus.Unverified, report.Status);
        Assert.All(report.Files, f => Assert.Equal(ModuleFileStatus.NotChecked, f.Status));
        Assert.Contains("no SBOM", report.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_SBOM_or_one_of_another_version_is_tampering()
    {
        using var damaged = Module();
        File.WriteAllText(damaged.Combine(ModuleSbom.FileName), "{ not json");
        using var otherVersion = Module();
        File.WriteAllText(otherVersion.Combine("AzureLocalSecurity.psd1"), Manifest.Replace("1.2.3", "9.9.9", StringComparison.Ordinal));
        WriteSbom(otherVersion, version: "1.2.3");

        var first = ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(damaged.Path), [], checkChain: true);
        var second = ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(otherVersion.Path), [], checkChain: true);

        Assert.Equal(ModuleIntegrityStatus.Tampered, first.Status);
        Assert.Contains("cannot be read", string.Join(" ", first.Reasons), StringComparison.Ordinal);
        Assert.Equal(ModuleIntegrityStatus.Tampered, second.Status);
        Assert.Contains("the manifest says 9.9.9", string.Join(" ", second.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void An_Authenticode_hash_mismatch_reported_by_Windows_is_tampering_even_when_the_SBOM_matches()
    {
        using var dir = Module();
        using var certificate = ModuleSignatureTests.CodeSigningCertificate();
        Sign(dir, certificate);
        var facts = ModuleFileCollector.Collect(dir.Path);
        facts.Files.Single(f => f.Path == "bin/Core/AzureLocalSecurity.dll").Authenticode = "HashMismatch";

        var report = ModuleIntegrityAnalyzer.Analyze(facts, [certificate.Thumbprint], checkChain: true);

        Assert.Equal(ModuleIntegrityStatus.Tampered, report.Status);
        Assert.Contains("Authenticode hash mismatch", report.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_collector_reads_relative_paths_leaves_out_the_SBOM_and_its_signature_and_reads_a_signed_manifest()
    {
        using var dir = Module();
        File.AppendAllText(dir.Combine("AzureLocalSecurity.psd1"), "\n# SIG # Begin signature block\n# MIIabc\n# SIG # End signature block\n");
        File.WriteAllBytes(dir.Combine(ModuleSbom.SignatureFileName), [1]);

        var facts = ModuleFileCollector.Collect(dir.Path);

        Assert.Equal(["AzureLocalSecurity.psd1", "README.md", "bin/Core/AzureLocalSecurity.dll"], facts.Files.Select(f => f.Path).ToArray());
        Assert.Equal(("AzureLocalSecurity", "1.2.3"), (facts.ManifestName, facts.ManifestVersion));
        Assert.NotNull(facts.Sbom);
        Assert.Equal([1], facts.Signature);
        Assert.Equal(ModuleSbom.Hex(System.Security.Cryptography.SHA256.HashData([1, 2, 3])), facts.Files[2].Sha256);
    }

    private static TempDir Module()
    {
        var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("bin", "Core"));
        File.WriteAllText(dir.Combine("AzureLocalSecurity.psd1"), Manifest);
        File.WriteAllText(dir.Combine("README.md"), "readme");
        File.WriteAllBytes(dir.Combine("bin", "Core", "AzureLocalSecurity.dll"), [1, 2, 3]);
        WriteSbom(dir);
        return dir;
    }

    private static void WriteSbom(TempDir dir, string version = "1.2.3")
    {
        var files = ModuleFiles.Select(p => ModuleSbomFileInput.FromBytes(p, File.ReadAllBytes(dir.Combine(p.Split('/'))))).ToList();
        File.WriteAllBytes(dir.Combine(ModuleSbom.FileName), ModuleSbom.Write(new ModuleSbomInput("AzureLocalSecurity", version, null, null, files, [])));
    }

    private static void Sign(TempDir dir, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        File.WriteAllBytes(dir.Combine(ModuleSbom.SignatureFileName), ModuleSignature.Sign(File.ReadAllBytes(dir.Combine(ModuleSbom.FileName)), certificate, DateTimeOffset.UtcNow));
}
