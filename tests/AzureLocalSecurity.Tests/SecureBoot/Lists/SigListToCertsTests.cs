using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>
/// The parser against efitools' <c>sig-list-to-certs</c>, which writes each entry of an ESL to <c>prefix-N.der</c> (X.509)
/// or <c>prefix-N.hash</c> (SHA-256), numbered across lists. Each file must equal the entry's data byte for byte.
/// efitools is a required test tool (README, CI): if it is missing the test fails.
/// </summary>
public class SigListToCertsTests
{
    [Theory]
    [InlineData(SecureBootVectors.DbUpdate2024, 1)]
    [InlineData(SecureBootVectors.DbxUpdate2024, 4)]
    [InlineData(SecureBootVectors.DbxUpdateAmd64, 443)]
    public void Every_entry_is_byte_for_byte_what_sig_list_to_certs_extracts(string file, int expected)
    {
        var payload = SecureBootVectors.Payload(SecureBootVectors.Read(file));
        var entries = EfiSignatureDatabase.Parse(payload).Entries;
        using var dir = new TempDir();
        var esl = dir.Combine("payload.esl");
        File.WriteAllBytes(esl, payload);

        SigListToCerts(esl, dir.Combine("entry"));

        var written = Directory.GetFiles(dir.Path, "entry-*").OrderBy(Number).ToArray();
        Assert.Equal(expected, entries.Count);
        Assert.Equal(entries.Count, written.Length);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(entries[i].Kind == EfiSignatureKind.X509 ? ".der" : ".hash", Path.GetExtension(written[i]));
            Assert.Equal(File.ReadAllBytes(written[i]), entries[i].GetData());
        }
    }

    private static int Number(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return int.Parse(name.AsSpan(name.LastIndexOf('-') + 1), provider: System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void SigListToCerts(string esl, string prefix)
    {
        var start = new ProcessStartInfo("sig-list-to-certs") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(esl);
        start.ArgumentList.Add(prefix);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("sig-list-to-certs did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("sig-list-to-certs is not installed (Debian package efitools); this cross-check needs it.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                throw new InvalidOperationException("sig-list-to-certs did not finish within 60 s.");
            }

            Assert.True(process.ExitCode == 0, $"sig-list-to-certs exited with {process.ExitCode}: {stdout.Result} {stderr.Result}");
        }
    }
}
