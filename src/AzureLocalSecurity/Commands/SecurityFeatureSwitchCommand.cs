using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore.Features;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// Enable- and Disable-ALSecurityFeature: plan the switch (Core), refuse it when the plan says why, and on the live node apply it
/// through the baseline repair executor after one confirmation, writing the undo record first. On a captured node, the plan.
/// </summary>
public abstract class SecurityFeatureSwitchCommand : SecurityFeatureCommand
{
    /// <summary>The feature to switch.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("VBS", "HVCI", "CredentialGuard", "DRTM", "SideChannelMitigation", "SMBSigning", "SMBClusterEncryption", IgnoreCase = true)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Where to write the undo record; by default a new file under LocalApplicationData\AzureLocalSecurity\Undo.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? UndoPath { get; set; }

    /// <summary>Switches even though Azure Local's drift control would switch it back within 90 minutes.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>True for Enable, false for Disable.</summary>
    protected abstract bool TurnOn { get; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == LiveSet && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            // The same refusal Repair-ALSecurityBaseline gives, before anything is read.
            ThrowTerminatingError(new ErrorRecord(
                new PlatformNotSupportedException($"{MyInvocation.MyCommand.Name} changes a Windows node; run it on the node (for example through Invoke-Command). Use -EvidencePath to see the plan for a captured node."),
                ErrorIds.RepairNeedsWindows, ErrorCategory.NotImplemented, Name));
        }

        base.ProcessRecord();
    }

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var feature = Parse(Name);
        var plan = SecurityFeaturePlanner.Plan(bundle, feature, TurnOn, CatalogFor(bundle));
        foreach (var warning in plan.Warnings)
        {
            WriteWarning($"{bundle.NodeName}: {warning}");
        }

        var refused = plan.Refusal is not null && !(plan.CanForce && Force);
        if (refused)
        {
            WriteError(RefusalError(plan));
        }
        else if (plan.CanForce)
        {
            WriteWarning($"{bundle.NodeName}: -Force: {plan.Refusal}");
        }

        if (ParameterSetName != LiveSet)
        {
            // A captured node cannot be changed: the plan, so the changes can be reviewed before running on the node.
            WriteObject(plan);
            return;
        }

        if (refused)
        {
            return;
        }

        if (plan.Changes.Count == 0)
        {
            WriteVerbose($"{bundle.NodeName}: {feature} is already {(TurnOn ? "on" : "off")}; nothing to change.");
            WriteObject(new SecurityFeatureSwitchResult(bundle.NodeName, feature, TurnOn, [], null));
            return;
        }

        // One confirmation for the whole switch: confirming some of a feature's values and not others would leave it half-switched.
        var description = $"{plan.Action} {feature}: {string.Join("; ", plan.Changes.Select(c => c.Description))}{(plan.RestartRequired ? " (takes effect after a restart)" : string.Empty)}";
        if (!ShouldProcess($"{bundle.NodeName}: {feature}", description))
        {
            return;
        }

        var undoPath = UndoPath is null ? DefaultUndoPath(bundle.NodeName, feature, plan.Action) : GetUnresolvedProviderPathFromPSPath(UndoPath);
        string? written = null;
        try
        {
            var outcomes = BaselineRepairExecutor.Apply(bundle.NodeName, plan.Changes, new WindowsBaselineStateStore(), ModuleInfo.Version, DateTimeOffset.UtcNow, undo =>
            {
                undo.Save(undoPath);
                written = undoPath;
                WriteVerbose($"Undo record written to '{undoPath}'. Restore with: Undo-ALSecurityBaselineRepair -Path '{undoPath}'");
            });
            foreach (var outcome in outcomes.Where(o => o.Result == BaselineChangeResult.Failed))
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"{outcome.RuleName}: {outcome.Message}"), ErrorIds.RepairFailed, ErrorCategory.WriteError, outcome.Fact));
            }

            var result = new SecurityFeatureSwitchResult(bundle.NodeName, feature, TurnOn, outcomes, written);
            if (result.RestartRequired)
            {
                WriteWarning($"{bundle.NodeName}: {feature} changes take effect after a restart.");
            }

            WriteObject(result);
        }
        catch (Exception ex) when (ex is BaselineUndoFileException or IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.UndoWriteFailed, ErrorCategory.WriteError, undoPath));
        }
    }

    private ErrorRecord RefusalError(SecurityFeaturePlan plan)
    {
        var (id, category) = plan.RefusalKind switch
        {
            SecurityFeatureRefusal.DriftControl => (ErrorIds.SecurityFeatureDriftControlled, ErrorCategory.InvalidOperation),
            SecurityFeatureRefusal.Blocked => (ErrorIds.SecurityFeatureBlocked, ErrorCategory.InvalidOperation),
            SecurityFeatureRefusal.NotSwitchable => (ErrorIds.SecurityFeatureNotSwitchable, ErrorCategory.NotImplemented),
            _ => (ErrorIds.SecurityFeatureFactsUnknown, ErrorCategory.ReadError),
        };
        return new ErrorRecord(new InvalidOperationException($"{plan.NodeName}: {plan.Action} {plan.Name} refused: {plan.Refusal}"), id, category, Name);
    }

    private static string DefaultUndoPath(string node, SecurityFeature feature, string action) =>
        Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "AzureLocalSecurity", "Undo",
            string.Format(CultureInfo.InvariantCulture, "feature-{0}-{1}-{2}-{3:yyyyMMddTHHmmssfffZ}.json", node, feature, action, DateTime.UtcNow));
}
