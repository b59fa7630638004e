using System;
using System.Collections;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>Captures this machine's evidence for a cmdlet, adding the one fact only PowerShell knows: which PowerShell ran it.</summary>
internal static class LiveEvidence
{
    internal static EvidenceBundle Capture(PSCmdlet cmdlet)
    {
        var context = new CollectionContext();
        return EvidenceCapture.Capture(EvidenceCapture.LocalNode(), ModuleInfo.Version, EvidenceCapture.ForThisMachine(), context, [PowerShellFact(cmdlet, context.Clock())]);
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
}
