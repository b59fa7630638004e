using System.IO;
using System.Management.Automation;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Builds an evidence bundle from files Windows' own tools wrote on a node (the collection script's JSON, auditpol, secedit, reg export, Export-Clixml, CiTool, event XML), without the module on the node.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "ALSecurityEvidence")]
[OutputType(typeof(EvidenceBundle))]
public sealed class NewALSecurityEvidenceCommand : PSCmdlet
{
    /// <summary>The folder holding the files (subfolders are read too, four levels deep).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string FromPath { get; set; } = string.Empty;

    /// <summary>The node's name; by default the name the capture document or the auditpol backup gives, else the folder's name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NodeName { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(FromPath);
        if (!Directory.Exists(folder))
        {
            WriteError(new ErrorRecord(new DirectoryNotFoundException($"'{folder}' is not a folder."), ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, FromPath));
            return;
        }

        var import = EvidenceFileImporter.Import(folder, NodeName);
        var read = 0;
        foreach (var file in import.Files)
        {
            if (file.Imported)
            {
                read++;
                WriteVerbose($"{file.Path}: {file.Format}" + (file.Reason is null ? string.Empty : $" ({file.Reason})"));
            }
            else
            {
                WriteWarning($"Skipped {file.Path} ({file.Format}): {file.Reason}");
            }
        }

        if (read == 0)
        {
            WriteError(new ErrorRecord(
                new InvalidDataException($"No file under '{folder}' is one this module reads (the collection script's JSON, auditpol /backup CSV, secedit /export INF, reg export, Export-Clixml of Get-CimInstance, CiTool --list-policies --json, event XML)."),
                ErrorIds.EvidenceFolderEmpty,
                ErrorCategory.InvalidData,
                FromPath));
            return;
        }

        WriteVerbose($"{read} of {import.Files.Count} files read; {import.Bundle.Items.Count} facts ({import.Bundle.ErrorCount} could not be read).");
        WriteObject(import.Bundle);
    }
}
