using System.Management.Automation;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Reads evidence bundles (folders or .zip files) for analysis on any machine.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "ALSecurityEvidence", DefaultParameterSetName = PathSet)]
[OutputType(typeof(EvidenceBundle))]
public sealed class ImportALSecurityEvidenceCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Bundle paths; wildcards are expanded.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Bundle paths taken exactly as written.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var bundle in EvidencePaths.ReadAll(this, literal ? LiteralPath : Path, literal))
        {
            WriteObject(bundle);
        }
    }
}
