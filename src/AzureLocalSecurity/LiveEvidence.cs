using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// Captures this machine's evidence for a cmdlet, adding the facts only PowerShell knows: which PowerShell ran
/// it, and (for the baseline) whether Azure Local's own drift control is on, as Azure Local's cmdlet reports it.
/// </summary>
internal static class LiveEvidence
{
    internal static EvidenceBundle Capture(PSCmdlet cmdlet, IReadOnlyCollection<FactRef>? baselineFacts = null, IEnumerable<IEvidenceCollector>? extraCollectors = null)
    {
        var context = new CollectionContext();
        var collectors = EvidenceCapture.ForThisMachine().ToList();
        collectors.AddRange(extraCollectors ?? []);
        var hostItems = new List<EvidenceItem> { PowerShellFact(cmdlet, context.Clock()) };
        if (baselineFacts is not null)
        {
            collectors.Add(new WindowsBaselineCollector(baselineFacts));
            hostItems.Add(DriftControlFact(cmdlet, context.Clock()));
        }

        return EvidenceCapture.Capture(EvidenceCapture.LocalNode(), ModuleInfo.Version, collectors, context, hostItems);
    }

    private static EvidenceItem PowerShellFact(PSCmdlet cmdlet, DateTimeOffset now)
    {
        var table = cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") as Hashtable;
        var edition = table?["PSEdition"]?.ToString() ?? "Desktop";
        var version = table?["PSVersion"]?.ToString() ?? string.Empty;
        return EvidenceItem.ForRecords(EvidenceIds.PowerShellHost, "$PSVersionTable", now,
        [
            new EvidenceRecord(
            [
                new("Edition", EvidenceValue.FromString(edition)),
                new("Version", EvidenceValue.FromString(version)),
            ]),
        ]);
    }

    /// <summary>
    /// Azure Local documents drift control only through its AzureStackOSConfigAgent cmdlets, so the fact is read
    /// through them. Where they are not installed (not an Azure Local node), the fact is NotFound, not false.
    /// </summary>
    private static EvidenceItem DriftControlFact(PSCmdlet cmdlet, DateTimeOffset now)
    {
        const string Source = "Get-AzsSecurity -FeatureName DriftControl -Local";
        var command = cmdlet.InvokeCommand.GetCommand("Get-AzsSecurity", CommandTypes.Function | CommandTypes.Cmdlet | CommandTypes.Alias);
        if (command is null)
        {
            return EvidenceItem.ForError(EvidenceIds.AzureLocalDriftControl, EvidenceKind.Properties, Source, now,
                new EvidenceError(EvidenceErrorCategory.NotFound, "Get-AzsSecurity (module AzureStackOSConfigAgent) is not available; it is installed on Azure Local nodes at deployment."));
        }

        try
        {
            var output = cmdlet.InvokeCommand.InvokeScript("Get-AzsSecurity -FeatureName DriftControl -Local");
            var value = output.Select(o => o?.BaseObject).OfType<bool>().ToList();
            if (value.Count != 1)
            {
                return EvidenceItem.ForError(EvidenceIds.AzureLocalDriftControl, EvidenceKind.Properties, Source, now,
                    new EvidenceError(EvidenceErrorCategory.Failed, $"Get-AzsSecurity returned {output.Count} objects, not one Boolean."));
            }

            return EvidenceItem.ForRecords(EvidenceIds.AzureLocalDriftControl, Source, now, [new EvidenceRecord([new("Enabled", EvidenceValue.FromBoolean(value[0]))])]);
        }
        catch (RuntimeException ex)
        {
            return EvidenceItem.ForError(EvidenceIds.AzureLocalDriftControl, EvidenceKind.Properties, Source, now,
                new EvidenceError(EvidenceErrorCategory.Failed, ex.Message));
        }
    }
}
