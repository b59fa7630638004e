using System.Collections.Generic;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection;

/// <summary>The collectors that read this machine's privileged-access facts (<see cref="PrivilegedAccessEvidenceIds"/>): on Windows the Windows collector; elsewhere one that files the group memberships as NotSupported.</summary>
public static class PrivilegedAccessCollectors
{
    /// <summary>The collector for this platform.</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? [new Windows.WindowsPrivilegedAccessCollector()] : [new NotSupportedCollector()];

    private sealed class NotSupportedCollector : IEvidenceCollector
    {
        public string Name => "PrivilegedAccessNotSupported";

        public IEnumerable<EvidenceItem> Collect(CollectionContext context) =>
        [
            EvidenceItem.ForError(PrivilegedAccessEvidenceIds.LocalGroupMembers, EvidenceKind.Properties, "netapi32!NetLocalGroupGetMembers", context.Clock(),
                new EvidenceError(EvidenceErrorCategory.NotSupported, "Local groups, WinRM, Remote Desktop, JEA and LAPS are Windows facts; this machine is not Windows.")),
        ];
    }
}
