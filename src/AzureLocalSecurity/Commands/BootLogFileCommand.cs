using System.Management.Automation;
using AzureLocalSecurity.MeasuredBoot;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// The shape of the cmdlets that read measured-boot log files: <c>-Path</c> (wildcards, FullName from the pipeline), each
/// file read on its own, a bad file an error record while the others go on, and every object written with the file it
/// came from as a Path note.
/// </summary>
public abstract class BootLogFileCommand : PSCmdlet
{
    /// <summary>Log files to read; wildcards are expanded. FullName is accepted from the pipeline (Get-ChildItem).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Writes what one parsed log gives.</summary>
    protected abstract void ProcessLog(TcgEventLog log, string resolved);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            foreach (var resolved in EvidencePaths.Resolve(this, path, literal: false))
            {
                var log = BootLogFiles.Read(this, path, resolved);
                if (log is not null)
                {
                    WriteVerbose($"Read '{resolved}': {log}.");
                    ProcessLog(log, resolved);
                }
            }
        }
    }

    /// <summary>Writes the object with the log file it came from as a Path note, so output from several logs stays apart.</summary>
    protected void WriteWithPath(object value, string resolved)
    {
        var wrapped = new PSObject(value);
        wrapped.Properties.Add(new PSNoteProperty("Path", resolved));
        WriteObject(wrapped);
    }
}
