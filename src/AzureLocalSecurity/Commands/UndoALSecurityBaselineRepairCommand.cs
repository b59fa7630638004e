using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Collection.Windows;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Restores the settings a Repair-ALSecurityBaseline run changed to exactly their prior values, including values that were absent.</para>
/// </summary>
[Cmdlet(VerbsCommon.Undo, "ALSecurityBaselineRepair", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BaselineChangeOutcome))]
public sealed class UndoALSecurityBaselineRepairCommand : PSCmdlet
{
    /// <summary>The undo record the repair wrote.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BaselineUndoFile undo;
        try
        {
            undo = BaselineUndoFile.Load(GetUnresolvedProviderPathFromPSPath(Path));
        }
        catch (BaselineUndoFileException ex)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.UndoFileInvalid, ErrorCategory.InvalidData, Path));
            return;
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            ThrowTerminatingError(new ErrorRecord(new PlatformNotSupportedException("Undo-ALSecurityBaselineRepair changes a Windows node; run it on the node the repair ran on."), ErrorIds.RepairNeedsWindows, ErrorCategory.NotImplemented, Path));
        }

        if (!string.Equals(undo.NodeName, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            WriteError(new ErrorRecord(new InvalidOperationException($"The undo record is for node '{undo.NodeName}', not this node ('{Environment.MachineName}')."), "UndoRecordForAnotherNode", ErrorCategory.InvalidArgument, Path));
            return;
        }

        foreach (var outcome in BaselineRepairExecutor.Undo(undo, new WindowsBaselineStateStore(), e => ShouldProcess($"{undo.NodeName}: {e.Fact}", $"Restore for rule {e.RuleName}: {e.Before}")))
        {
            if (outcome.Result == BaselineChangeResult.Failed)
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"{outcome.RuleName}: {outcome.Message}"), ErrorIds.RepairFailed, ErrorCategory.WriteError, outcome.Fact));
            }

            WriteObject(outcome);
        }
    }
}
