using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// swtpm on a loopback port pair (data P, control P+1), manufactured by swtpm_setup with EK certificates and the
/// sha1, sha256 and sha384 banks, and stopped by its PID. A missing swtpm throws: a TPM benchmark without a TPM
/// measures nothing.
/// </summary>
internal sealed class SoftwareTpm : IDisposable
{
    private readonly Process _process;
    private readonly string _state;

    private SoftwareTpm(Process process, int port, string state)
    {
        _process = process;
        Port = port;
        _state = state;
    }

    /// <summary>The data port (raw TPM 2.0 commands).</summary>
    public int Port { get; }

    public static SoftwareTpm StartProvisioned()
    {
        var state = Path.Combine(Path.GetTempPath(), "alsec-bench-swtpm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        try
        {
            Run("swtpm_setup", ["--tpm2", "--tpmstate", state, "--create-ek-cert", "--pcr-banks", "sha1,sha256,sha384"]);
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var port = FreePortPair();
                var process = Launch("swtpm", ["socket", "--tpm2", "--server", $"type=tcp,port={port},bindaddr=127.0.0.1", "--ctrl", $"type=tcp,port={port + 1},bindaddr=127.0.0.1", "--tpmstate", $"dir={state}", "--flags", "not-need-init,startup-clear"]);
                if (WaitListening(process, port))
                {
                    return new SoftwareTpm(process, port, state);
                }

                Stop(process);
            }

            throw new InvalidOperationException("swtpm did not start listening on loopback after 10 attempts.");
        }
        catch
        {
            Directory.Delete(state, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        Stop(_process);
        Directory.Delete(_state, recursive: true);
    }

    private static void Run(string file, string[] arguments)
    {
        using var process = Launch(file, arguments);
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60000))
        {
            Stop(process);
            throw new InvalidOperationException(file + " did not finish within 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        }
    }

    private static Process Launch(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException(file + " did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"{file} is not installed (Debian packages swtpm and swtpm-tools); the TPM benchmarks need a real software TPM.", ex);
        }
    }

    private static bool WaitListening(Process process, int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                // Probe the control port: swtpm serves one data connection at a time, and a probe there would be one.
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port + 1);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        return false;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private static int FreePortPair()
    {
        for (var i = 0; i < 50; i++)
        {
            var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            first.Stop();
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

        throw new InvalidOperationException("No two consecutive free loopback ports were found.");
    }
}
