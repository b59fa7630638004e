using System.Management.Automation;
using AzureLocalSecurity.AppControl.Policy;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Reads App Control for Business (WDAC) policy files, XML or compiled (.cip, SiPolicy.p7b, signed or not), told apart by content.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALApplicationControlPolicy")]
[OutputType(typeof(SiPolicyFile))]
public sealed class GetALApplicationControlPolicyCommand : PSCmdlet
{
    /// <summary>Policy files; wildcards are expanded. FullName and PSPath are taken from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Also checks each policy (SiPolicyValidator) and fills ValidationIssues.</summary>
    [Parameter]
    public SwitchParameter Validate { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            foreach (var resolved in EvidencePaths.Resolve(this, path, literal: false))
            {
                if (AppControlPolicyFiles.Read(this, resolved, path, Validate) is { } file)
                {
                    WriteObject(file);
                }
            }
        }
    }
}
