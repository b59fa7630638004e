using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using AzureLocalSecurity.Integrity;
using AzureLocalSecurity.Tests.Integrity;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

/// <summary>
/// build.ps1 -Task Package end to end in the real engine: the SBOM over the shipped files, Authenticode signatures made with a
/// throwaway certificate and checked by osslsigncode, the signed SBOM, the Gallery .nupkg read back by NuGet itself, and
/// Get-ALModuleIntegrity on the result. It sets ALSEC_SIGNING_PASSWORD, a process variable, so it runs alone.
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class PackageSigningTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Password = "throwaway-Test-1";
    private static readonly string[] OwnFiles =
    [
        "AzureLocalSecurity.psd1", "AzureLocalSecurity.psm1", "module/AzureLocalSecurity.Format.ps1xml",
        "bin/Core/AzureLocalSecurity.dll", "bin/Core/AzureLocalSecurity.Core.dll", "bin/Desktop/AzureLocalSecurity.dll", "bin/Desktop/AzureLocalSecurity.Core.dll",
    ];

    private readonly ModuleSession _session;
    private readonly TempDir _dir = new();
    private readonly X509Certificate2 _certificate = ModuleSignatureTests.CodeSigningCertificate();

    public PackageSigningTests(ModuleSession session)
    {
        _session = session;
        File.WriteAllBytes(_dir.Combine("signing.pfx"), _certificate.Export(X509ContentType.Pfx, Password));
        File.WriteAllText(_dir.Combine("signing.pem"), _certificate.ExportCertificatePem());
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void A_signed_package_has_Authenticode_signatures_osslsigncode_verifies_a_signed_SBOM_of_every_file_and_is_intact()
    {
        var target = Package("signed", sign: true);

        foreach (var file in OwnFiles)
        {
            var (code, output) = Run("osslsigncode", "verify", "-CAfile", _dir.Combine("signing.pem"), "-in", Path.Combine(target, file));
            Assert.True(code == 0, $"{file}: {output}");
            Assert.Contains("Succeeded", output, StringComparison.Ordinal);
        }

        // Newtonsoft.Json keeps its publisher's bytes: the package's own file, not re-signed.
        var newtonsoft = Directory.GetFiles(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", "newtonsoft.json", "13.0.3", "lib", "net6.0"), "Newtonsoft.Json.dll").Single();
        Assert.Equal(File.ReadAllBytes(newtonsoft), File.ReadAllBytes(Path.Combine(target, "bin", "Core", "Newtonsoft.Json.dll")));

        var sbom = ModuleSbom.Parse(File.ReadAllBytes(Path.Combine(target, ModuleSbom.FileName)));
        var shipped = Directory.GetFiles(target, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(target, f).Replace('\\', '/'))
            .Where(f => f is not ModuleSbom.FileName and not ModuleSbom.SignatureFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.Equal(shipped, sbom.Files.Select(f => f.Path).OrderBy(f => f, StringComparer.Ordinal).ToArray());
        foreach (var file in sbom.Files)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(target, file.Path)))), file.Sha256);
        }

        Assert.Equal(["bin/Core/Newtonsoft.Json.dll", "bin/Desktop/Newtonsoft.Json.dll"], sbom.Files.Where(f => f.Package == "pkg:nuget/Newtonsoft.Json@13.0.3").Select(f => f.Path).ToArray());
        Assert.Equal("required", sbom.Packages.Single(p => p.Name == "Newtonsoft.Json").Scope);
        Assert.Equal("excluded", sbom.Packages.Single(p => p.Name == "PowerShellStandard.Library").Scope);

        var report = Integrity(target, _certificate.Thumbprint);
        Assert.Equal(ModuleIntegrityStatus.Intact, report.Status);
        Assert.Equal((ModuleSignatureStatus.Valid, ModuleSignerTrust.Pinned), (report.Signature.Status, report.Signature.Trust));
        Assert.Equal(sbom.Files.Count, report.Matched);
    }

    [Fact]
    public void A_byte_changed_in_a_signed_assembly_after_packaging_is_found_by_osslsigncode_and_by_Get_ALModuleIntegrity()
    {
        var target = Package("tampered", sign: true);
        var dll = Path.Combine(target, "bin", "Desktop", "AzureLocalSecurity.Core.dll");
        var bytes = File.ReadAllBytes(dll);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(dll, bytes);

        var (code, _) = Run("osslsigncode", "verify", "-CAfile", _dir.Combine("signing.pem"), "-in", dll);
        var report = Integrity(target, _certificate.Thumbprint);

        Assert.NotEqual(0, code);
        Assert.Equal(ModuleIntegrityStatus.Tampered, report.Status);
        Assert.Equal(ModuleFileStatus.Modified, report.Files.Single(f => f.Path == "bin/Desktop/AzureLocalSecurity.Core.dll").Status);
    }

    [Fact]
    public void The_nupkg_holds_the_module_at_its_root_with_a_nuspec_from_the_manifest_and_NuGet_itself_reads_it()
    {
        Package("gallery", sign: false);
        var nupkg = _dir.Combine("gallery", $"AzureLocalSecurity.{Repo.VersionPrefix}.nupkg");
        var target = _dir.Combine("gallery", "AzureLocalSecurity", Repo.VersionPrefix);

        using (var zip = ZipFile.OpenRead(nupkg))
        {
            foreach (var file in Directory.GetFiles(target, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(target, file).Replace('\\', '/');
                using var entry = zip.GetEntry(name)!.Open();
                using var copy = new MemoryStream();
                entry.CopyTo(copy);
                Assert.Equal(File.ReadAllBytes(file), copy.ToArray());
            }

            using var nuspecStream = zip.GetEntry("AzureLocalSecurity.nuspec")!.Open();
            var nuspec = XDocument.Load(nuspecStream);
            XNamespace ns = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";
            var metadata = nuspec.Root!.Element(ns + "metadata")!;
            Assert.Equal("AzureLocalSecurity", metadata.Element(ns + "id")!.Value);
            Assert.Equal(Repo.VersionPrefix, metadata.Element(ns + "version")!.Value);
            var tags = metadata.Element(ns + "tags")!.Value.Split(' ');
            var exported = _session.Run("(Get-Module AzureLocalSecurity).ExportedCmdlets.Keys").Output.Select(o => o.ToString()).ToList();
            Assert.Contains("PSModule", tags);
            Assert.Contains("PSIncludes_Cmdlet", tags);
            Assert.All(exported, c => Assert.Contains("PSCmdlet_" + c, tags));
        }

        // NuGet's own reader: push to a folder feed, then restore the package from it, which reads the nuspec and unpacks
        // the package as an installer does.
        var feed = _dir.Combine("feed");
        Directory.CreateDirectory(feed);
        var (code, output) = Run("dotnet", "nuget", "push", nupkg, "--source", feed);
        Assert.True(code == 0, output);
        var restore = _dir.Combine("restore");
        Directory.CreateDirectory(restore);
        File.WriteAllText(Path.Combine(restore, "nuget.config"), $"<configuration><packageSources><clear /><add key=\"feed\" value=\"{feed}\" /></packageSources></configuration>");
        File.WriteAllText(Path.Combine(restore, "download.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>" +
            $"<ItemGroup><PackageDownload Include=\"AzureLocalSecurity\" Version=\"[{Repo.VersionPrefix}]\" /></ItemGroup></Project>");
        (code, output) = Run("dotnet", "restore", Path.Combine(restore, "download.csproj"), "--packages", Path.Combine(restore, "packages"));
        Assert.True(code == 0, output);
        var unpacked = Path.Combine(restore, "packages", "azurelocalsecurity", Repo.VersionPrefix);
        Assert.Equal(File.ReadAllBytes(Path.Combine(target, "bin", "Core", "AzureLocalSecurity.dll")), File.ReadAllBytes(Path.Combine(unpacked, "bin", "Core", "AzureLocalSecurity.dll")));
        var (module, errors) = _session.Run("Test-ModuleManifest -Path $p", new System.Collections.Generic.Dictionary<string, object?> { ["p"] = Path.Combine(unpacked, "AzureLocalSecurity.psd1") });
        Assert.Empty(errors);
        Assert.Equal(new Version(Repo.VersionPrefix), ((System.Management.Automation.PSModuleInfo)module.Single().BaseObject).Version);
    }

    [Fact]
    public void Two_unsigned_packages_of_the_same_build_are_the_same_bytes()
    {
        Package("first", sign: false);
        Package("second", sign: false);
        var name = $"AzureLocalSecurity.{Repo.VersionPrefix}";

        Assert.Equal(File.ReadAllBytes(_dir.Combine("first", name + ".nupkg")), File.ReadAllBytes(_dir.Combine("second", name + ".nupkg")));
        Assert.Equal(File.ReadAllBytes(_dir.Combine("first", name + ".cdx.json")), File.ReadAllBytes(_dir.Combine("second", name + ".cdx.json")));
    }

    [Fact]
    public void Get_ALModuleIntegrity_takes_module_folders_from_the_pipeline_and_a_missing_folder_is_an_error_with_its_id()
    {
        var target = Package("pipeline", sign: false);
        var (output, errors) = _session.Run("[pscustomobject]@{ ModuleBase = $p }, [pscustomobject]@{ ModuleBase = $q } | Get-ALModuleIntegrity", new System.Collections.Generic.Dictionary<string, object?> { ["p"] = target, ["q"] = _dir.Combine("nowhere") });

        var report = (ModuleIntegrityReport)output.Single().BaseObject;
        Assert.Equal(ModuleIntegrityStatus.Unverified, report.Status);
        Assert.Equal(ModuleSignatureStatus.NotSigned, report.Signature.Status);
        Assert.StartsWith("PathNotFound,", errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_folder_holding_version_folders_has_each_version_checked()
    {
        Package("versions", sign: false);

        var (output, errors) = _session.Run("Get-ALModuleIntegrity -Path $p", new System.Collections.Generic.Dictionary<string, object?> { ["p"] = _dir.Combine("versions", "AzureLocalSecurity") });

        Assert.Empty(errors);
        Assert.Equal(Repo.VersionPrefix, ((ModuleIntegrityReport)output.Single().BaseObject).Version);
    }

    [Fact]
    public void Where_Get_AuthenticodeSignature_exists_its_status_is_kept_per_file_and_a_hash_mismatch_is_tampering()
    {
        var target = Package("authenticode", sign: false);
        // The stand-in lives in a child scope only, so the other tests of this session never see it.
        var script = "& { function Get-AuthenticodeSignature { param($LiteralPath) [pscustomobject]@{ Status = if ($LiteralPath -like '*Desktop*AzureLocalSecurity.dll') { 'HashMismatch' } else { 'Valid' } } }\n" +
            "Get-ALModuleIntegrity -Path $p }";

        var (output, errors) = _session.Run(script, new System.Collections.Generic.Dictionary<string, object?> { ["p"] = target });

        Assert.Empty(errors);
        var report = (ModuleIntegrityReport)output.Single().BaseObject;
        Assert.Equal(ModuleIntegrityStatus.Tampered, report.Status);
        Assert.Equal("HashMismatch", report.Files.Single(f => f.Path == "bin/Desktop/AzureLocalSecurity.dll").Authenticode);
        Assert.Equal("Valid", report.Files.Single(f => f.Path == "AzureLocalSecurity.psd1").Authenticode);
        Assert.Null(report.Files.Single(f => f.Path == "README.md").Authenticode);
    }

    private string Package(string name, bool sign)
    {
        var output = _dir.Combine(name);
        var script = $"& '{Path.Combine(Repo.Root, "build.ps1")}' -Task Package -NoBuild -OutputPath '{output}'" + (sign ? $" -CertificatePath '{_dir.Combine("signing.pfx")}'" : string.Empty);
        Environment.SetEnvironmentVariable("ALSEC_SIGNING_PASSWORD", sign ? Password : null);
        try
        {
            var (result, errors) = _session.Run(script);
            Assert.Empty(errors);
            Assert.Equal(sign, (bool)result.Last().Properties["Signed"].Value);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ALSEC_SIGNING_PASSWORD", null);
        }

        return Path.Combine(output, "AzureLocalSecurity", Repo.VersionPrefix);
    }

    private ModuleIntegrityReport Integrity(string target, string thumbprint)
    {
        var (output, errors) = _session.Run("Get-ALModuleIntegrity -Path $p -SignerThumbprint $t", new System.Collections.Generic.Dictionary<string, object?> { ["p"] = target, ["t"] = thumbprint });
        Assert.Empty(errors);
        return (ModuleIntegrityReport)output.Single().BaseObject;
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, new StringBuilder().Append(stdout.Result).Append(stderr.Result).ToString());
    }
}
