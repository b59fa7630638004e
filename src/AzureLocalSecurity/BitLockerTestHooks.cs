using System;
using System.Collections.Generic;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// Seams the engine tests set by reflection (the tests do not reference this assembly): recorded volumes, a fake executor,
/// a live bundle, a pretend-Windows switch and the -Wait timings. Unset, every cmdlet uses the real thing.
/// </summary>
internal static class BitLockerTestHooks
{
    /// <summary>Volumes to use instead of reading them from the bundle.</summary>
    internal static Func<EvidenceBundle, IReadOnlyList<BitLockerVolume>>? Volumes { get; set; }

    /// <summary>The executor to use instead of Win32_EncryptableVolume.</summary>
    internal static Func<IBitLockerExecutor>? Executor { get; set; }

    /// <summary>The bundle to use instead of capturing the live node.</summary>
    internal static Func<EvidenceBundle>? LiveBundle { get; set; }

    /// <summary>Run the live path as if on Windows.</summary>
    internal static bool PretendWindows { get; set; }

    /// <summary>How often -Wait reads the conversion status.</summary>
    internal static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long -Wait waits without the percentage moving before it stops waiting.</summary>
    internal static TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
