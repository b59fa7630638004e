using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// The collectors that read this machine's App Control for Business facts (<see cref="Evidence.AppControlEvidenceIds"/>): on
/// Windows the App Control collector (CiTool, the deployed policy files, the Code Integrity events); elsewhere none, since App
/// Control is Windows' (the analysis of a Linux node says so). Win32_DeviceGuard, which holds the node's enforcement status,
/// is the Secured-core collectors'.
/// </summary>
public static class AppControlCollectors
{
    /// <summary>How many days of Code Integrity events a capture reads unless asked otherwise.</summary>
    public const int DefaultEventDays = 30;

    /// <summary>The most days of Code Integrity events a capture can read.</summary>
    public const int MaxEventDays = 3650;

    /// <summary>The collector for this platform, reading <see cref="DefaultEventDays"/> days of events (none off Windows).</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine() => ForThisMachine(DefaultEventDays);

    /// <summary>The collector for this platform, reading <paramref name="eventDays"/> days of Code Integrity events (none off Windows).</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine(int eventDays) =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? [new Windows.WindowsAppControlCollector(eventDays)] : [];
}
