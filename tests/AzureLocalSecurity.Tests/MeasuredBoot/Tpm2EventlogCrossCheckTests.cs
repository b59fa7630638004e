using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using AzureLocalSecurity.MeasuredBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>
/// The replay against the reference client: tpm2_eventlog (tpm2-tools) replays each log itself and prints a <c>pcrs:</c>
/// table of every PCR a record was extended into, per bank. Ours must print the same PCRs with the same values.
/// tpm2-tools is a required test tool (README, CI): if tpm2_eventlog is missing the test fails.
/// </summary>
public class Tpm2EventlogCrossCheckTests
{
    [Theory]
    [MemberData(nameof(EventLogVectors.AllFirmwareLogs), MemberType = typeof(EventLogVectors))]
    public void The_replay_prints_the_pcrs_tpm2_eventlog_prints(string file)
    {
        var reference = EventLogVectors.ReadPcrTable(Tpm2Eventlog(EventLogVectors.PathOf(file)).Split('\n'));
        var replay = PcrReplay.Replay(TcgEventLog.Parse(EventLogVectors.Read(file)));

        var ours = replay.ExtendedPcrs()
            .Where(p => p.Value is not null)
            .GroupBy(p => p.Bank)
            .ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Pcr, p => p.Value!));
        Assert.Equal(reference.Keys.Order(), ours.Keys.Order());
        foreach (var (bank, pcrs) in reference)
        {
            Assert.Equal(pcrs.OrderBy(p => p.Key), ours[bank].OrderBy(p => p.Key));
        }
    }

    private static string Tpm2Eventlog(string path)
    {
        var start = new ProcessStartInfo("tpm2_eventlog") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("tpm2_eventlog did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("tpm2_eventlog is not installed (Debian package tpm2-tools); this cross-check needs it.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                throw new InvalidOperationException("tpm2_eventlog did not finish within 60 s.");
            }

            Assert.True(process.ExitCode == 0, $"tpm2_eventlog exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
    }
}
