using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AzureLocalSecurity.Tests.SecureBoot.BootManager;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.SecureBoot.Rollover;

/// <summary>
/// Signs Debian's unsigned systemd-boot stub (a real PE32+ EFI image) with sbsign under a throwaway CA that carries the
/// common name of one of Microsoft's Secure Boot CAs, so that a boot manager "signed under the Windows UEFI CA 2023" or
/// "under the PCA 2011" exists for the tests. Nothing here is Microsoft's: the reader matches such a chain by the issuer's
/// name and says so. sbsigntool is a required test tool (CI installs it): if it is missing the test fails.
/// </summary>
internal static class TestBootSigner
{
    internal static byte[] SignedUnder(string issuerCommonName)
    {
        using var dir = new TempDir();
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest($"CN={issuerCommonName}, O=AzureLocalSecurity tests", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 6, 1, 0, 0, 0, TimeSpan.Zero));

        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=Test Windows boot manager signer, O=AzureLocalSecurity tests", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var leaf = leafRequest.Create(ca, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2034, 1, 1, 0, 0, 0, TimeSpan.Zero), [1, 2, 3, 4]);

        var key = dir.Combine("leaf.key");
        var cert = dir.Combine("leaf.crt");
        var output = dir.Combine("signed.efi");
        File.WriteAllText(key, leafKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(cert, leaf.ExportCertificatePem());
        Run("sbsign", "--key", key, "--cert", cert, "--output", output, PeImages.Path(PeImages.UnsignedStub));
        return File.ReadAllBytes(output);
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"{tool} is not installed (Debian package sbsigntool); these tests need it.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                throw new InvalidOperationException($"{tool} did not finish within 60 s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stdout.Result} {stderr.Result}");
            }
        }
    }
}
