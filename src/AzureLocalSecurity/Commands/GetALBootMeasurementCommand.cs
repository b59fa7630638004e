using System.Management.Automation;
using AzureLocalSecurity.MeasuredBoot;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Reads measured-boot logs (TCG event logs: a Windows MeasuredBoot .log, Linux's binary_bios_measurements, a firmware log) and writes each record with its decoded data, or with -Replay the PCR values the log describes.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALBootMeasurement")]
[OutputType(typeof(TcgEvent), typeof(ReplayedPcr))]
public sealed class GetALBootMeasurementCommand : BootLogFileCommand
{
    /// <summary>Writes the replayed PCR values of every bank (each PCR a record was extended into) instead of the records.</summary>
    [Parameter]
    public SwitchParameter Replay { get; set; }

    /// <inheritdoc />
    protected override void ProcessLog(TcgEventLog log, string resolved)
    {
        if (Replay)
        {
            var replay = PcrReplay.Replay(log);
            foreach (var note in replay.Notes)
            {
                WriteVerbose(note);
            }

            foreach (var pcr in replay.ExtendedPcrs())
            {
                WriteWithPath(pcr, resolved);
            }

            return;
        }

        foreach (var record in log.Events)
        {
            WriteWithPath(record, resolved);
        }
    }
}
