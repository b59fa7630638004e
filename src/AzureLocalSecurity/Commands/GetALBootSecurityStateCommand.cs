using System.Management.Automation;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.MeasuredBoot.Security;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Reads measured-boot logs and writes what each proves about its boot: Secure Boot and the keys measured, debugging, test signing, code integrity, VSM, HVCI, Credential Guard, BitLocker unlock, DRTM and ELAM, each tied to the record that proves it.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALBootSecurityState")]
[OutputType(typeof(BootSecurityState), typeof(BootSecurityFact))]
public sealed class GetALBootSecurityStateCommand : BootLogFileCommand
{
    /// <summary>Writes each fact on its own (with the log's path) instead of one state object per log.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <inheritdoc />
    protected override void ProcessLog(TcgEventLog log, string resolved)
    {
        var state = BootSecurityAnalyzer.Analyze(log, resolved);
        if (!Detailed)
        {
            WriteObject(state);
            return;
        }

        foreach (var fact in state.Facts)
        {
            WriteWithPath(fact, resolved);
        }
    }
}
