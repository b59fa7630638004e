using System;
using System.Diagnostics;
using System.IO;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.Reports;

/// <summary>Debian's chromium, headless, dumping the DOM of a page after its scripts ran. A missing chromium fails the test that needs it.</summary>
internal static class Chromium
{
    internal const string Executable = "/usr/bin/chromium";

    internal static string DumpDom(string file, string fragment = "")
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        }

        using var profile = new TempDir();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.Path, "--dump-dom", new Uri(file).AbsoluteUri + fragment,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 120 s.");
        }

        if (process.ExitCode != 0 || output.Result.Length == 0)
        {
            throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {stderr.Result}");
        }

        return output.Result;
    }
}
