using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection;

/// <summary>The collectors that read this machine's BitLocker facts (<see cref="Evidence.BitLockerEvidenceIds"/>): on Windows the BitLocker collector; elsewhere none, since BitLocker is Windows'.</summary>
public static class BitLockerCollectors
{
    /// <summary>The collector for this platform (none off Windows).</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? [new Windows.WindowsBitLockerCollector()] : [];
}
