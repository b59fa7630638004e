using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection;

/// <summary>The collectors that read this machine's measured-boot logs (<see cref="Evidence.MeasuredBootEvidenceIds"/>).</summary>
public static class MeasuredBootCollectors
{
    /// <summary>TBS on Windows, securityfs on Linux, none elsewhere.</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? [new Windows.WindowsMeasuredBootCollector()]
        : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? [new Linux.LinuxMeasuredBootCollector()]
        : [];
}
