using System;
using System.IO;
using System.Management.Automation;
using AzureLocalSecurity.MeasuredBoot;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Reads measured-boot logs (TCG event logs: a Windows MeasuredBoot .log, Linux's binary_bios_measurements, a firmware log) and writes each record with its decoded data, or with -Replay the PCR values the log describes.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALBootMeasurement")]
[OutputType(typeof(TcgEvent), typeof(ReplayedPcr))]
public sealed class GetALBootMeasurementCommand : PSCmdlet
{
    /// <summary>Log files to read; wildcards are expanded. FullName is accepted from the pipeline (Get-ChildItem).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Writes the replayed PCR values of every bank (each PCR a record was extended into) instead of the records.</summary>
    [Parameter]
    public SwitchParameter Replay { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            foreach (var resolved in EvidencePaths.Resolve(this, path, literal: false))
            {
                var log = Read(path, resolved);
                if (log is null)
                {
                    continue;
                }

                WriteVerbose($"Read '{resolved}': {log}.");
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

                    continue;
                }

                foreach (var record in log.Events)
                {
                    WriteWithPath(record, resolved);
                }
            }
        }
    }

    /// <summary>The log, or null after an error record (the target is the path the user gave).</summary>
    private TcgEventLog? Read(string path, string resolved)
    {
        try
        {
            var options = new TcgEventLogOptions();
            var length = new FileInfo(resolved).Length;
            if (length > options.MaxInputLength)
            {
                var tooLarge = new TcgEventLogFormatException($"'{resolved}' is {length} bytes; a measured-boot log is read only up to {options.MaxInputLength} bytes", options.MaxInputLength);
                WriteError(new ErrorRecord(tooLarge, ErrorIds.BootMeasurementLogInvalid, ErrorCategory.LimitsExceeded, path));
                return null;
            }

            return TcgEventLog.Parse(File.ReadAllBytes(resolved), options);
        }
        catch (TcgEventLogFormatException ex)
        {
            WriteError(new ErrorRecord(new TcgEventLogFormatException($"'{resolved}': {ex.Message}", ex), ErrorIds.BootMeasurementLogInvalid, ErrorCategory.InvalidData, path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ReadError, path));
        }

        return null;
    }

    /// <summary>Writes the object with the log file it came from as a Path note, so output from several logs stays apart.</summary>
    private void WriteWithPath(object value, string resolved)
    {
        var wrapped = new PSObject(value);
        wrapped.Properties.Add(new PSNoteProperty("Path", resolved));
        WriteObject(wrapped);
    }
}
