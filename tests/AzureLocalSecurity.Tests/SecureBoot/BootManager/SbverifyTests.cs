using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using AzureLocalSecurity.SecureBoot.BootManager;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.BootManager;

/// <summary>
/// The reader against sbsigntool's <c>sbverify --list</c>, which prints, per signature, the subject and issuer of each
/// certificate it carries. The common names must be the same, signature by signature and certificate by certificate.
/// sbsigntool is a required test tool (CI installs it): if it is missing the test fails.
/// </summary>
public class SbverifyTests
{
    [Theory]
    [InlineData(PeImages.Shim, 2)]
    [InlineData(PeImages.GrubSignatureOnly, 1)]
    public void Every_certificate_has_the_subject_and_issuer_sbverify_lists(string file, int signatures)
    {
        var listed = SbverifyList(PeImages.Path(file));

        var result = PeAuthenticode.Read(PeImages.Read(file));

        Assert.Equal(signatures, result.Signatures.Count);
        Assert.Equal(listed.Count, result.Signatures.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            Assert.Equal(listed[i], result.Signatures[i].Certificates.Select(c => (PeAuthenticode.CommonName(c.Subject)!, PeAuthenticode.CommonName(c.Issuer)!)).ToList());
        }
    }

    /// <summary>Per signature, the (subject CN, issuer CN) of each certificate sbverify lists.</summary>
    private static List<List<(string Subject, string Issuer)>> SbverifyList(string path)
    {
        var start = new ProcessStartInfo("sbverify") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--list");
        start.ArgumentList.Add(path);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("sbverify did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("sbverify is not installed (Debian package sbsigntool); this cross-check needs it.", ex);
        }

        string output;
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                throw new InvalidOperationException("sbverify did not finish within 60 s.");
            }

            Assert.True(process.ExitCode == 0, $"sbverify exited with {process.ExitCode}: {stdout.Result} {stderr.Result}");
            output = stdout.Result;
        }

        var result = new List<List<(string, string)>>();
        string? subject = null;
        foreach (var line in output.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("signature ", StringComparison.Ordinal))
            {
                result.Add([]);
            }
            else if (line.StartsWith("- subject:", StringComparison.Ordinal))
            {
                subject = SlashCommonName(line);
            }
            else if (line.StartsWith("issuer:", StringComparison.Ordinal) && subject is not null)
            {
                result[^1].Add((subject, SlashCommonName(line)));
                subject = null;
            }
        }

        return result;
    }

    /// <summary>The CN of an OpenSSL one-line name ("/C=US/O=.../CN=Name").</summary>
    private static string SlashCommonName(string line)
    {
        var at = line.IndexOf("/CN=", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No CN in '{line}'.");
        var rest = line.Substring(at + 4);
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return end < 0 ? rest : rest.Substring(0, end);
    }
}
