using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// A real software TPM (swtpm, libtpms) on loopback, started for the tests and stopped by its PID. A missing swtpm is
/// a failure, not a skip: the TPM tests are worthless without a TPM. <see cref="Provisioned"/> states have EK
/// certificates written by swtpm_setup (RSA 2048 and ECC, with swtpm's local CA) and the sha1, sha256 and sha384 banks.
/// </summary>
public sealed class Swtpm : IDisposable
{
    private readonly Process _process;
    private readonly string _state;

    private Swtpm(string state, bool provisioned)
    {
        _state = state;
        Provisioned = provisioned;
        (Port, _process) = Start(state);
    }

    public int Port { get; }

    public bool Provisioned { get; }

    public string Endpoint => "127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The folder swtpm_setup wrote the EK certificates to (ek-rsa2048.crt, ek-secp384r1.crt).</summary>
    public string StateDirectory => _state;

    /// <summary>A TPM manufactured by swtpm_setup with EK certificates and three PCR banks.</summary>
    public static Swtpm StartProvisioned()
    {
        var state = NewStateDirectory();
        RunChecked("swtpm_setup", ["--tpm2", "--tpmstate", state, "--create-ek-cert", "--create-platform-cert", "--pcr-banks", "sha1,sha256,sha384", "--write-ek-cert-files", state, "--overwrite"], null);
        return new Swtpm(state, provisioned: true);
    }

    /// <summary>A fresh TPM as libtpms manufactures it: no EK, no certificates, no persistent objects.</summary>
    public static Swtpm StartBare() => new(NewStateDirectory(), provisioned: false);

    /// <summary>Runs a tpm2-tools command against this TPM and returns its standard output; a non-zero exit fails the test.</summary>
    public string Tool(string tool, params string[] arguments) =>
        RunChecked(tool, arguments, new Dictionary<string, string> { ["TPM2TOOLS_TCTI"] = $"swtpm:host=127.0.0.1,port={Port}" });

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string NewStateDirectory()
    {
        var state = Path.Combine(Path.GetTempPath(), "alsec-swtpm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        return state;
    }

    private static (int Port, Process Process) Start(string state)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var port = FreePortPair();
            var start = new ProcessStartInfo("swtpm")
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var a in new[] { "socket", "--tpm2", "--server", $"type=tcp,port={port},bindaddr=127.0.0.1", "--ctrl", $"type=tcp,port={port + 1},bindaddr=127.0.0.1", "--tpmstate", $"dir={state}", "--flags", "not-need-init,startup-clear" })
            {
                start.ArgumentList.Add(a);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("swtpm did not start.");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("swtpm is not installed (Debian packages swtpm and swtpm-tools); the TPM tests need a real TPM.", ex);
            }

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return (port, process);
                }
                catch (SocketException)
                {
                    Thread.Sleep(20);
                }
            }

            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
        }

        throw new InvalidOperationException("swtpm did not start listening on loopback after 10 attempts.");
    }

    private static int FreePortPair()
    {
        for (var i = 0; i < 50; i++)
        {
            var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                if (port >= 65535)
                {
                    continue;
                }

                var second = new TcpListener(IPAddress.Loopback, port + 1);
                try
                {
                    second.Start();
                    second.Stop();
                    return port;
                }
                catch (SocketException)
                {
                }
            }
            finally
            {
                first.Stop();
            }
        }

        throw new InvalidOperationException("No two consecutive free loopback ports were found.");
    }

    private static string RunChecked(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var e in environment ?? new Dictionary<string, string>())
        {
            start.Environment[e.Key] = e.Value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60000))
        {
            process.Kill();
            throw new InvalidOperationException(file + " did not finish within 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }
}
