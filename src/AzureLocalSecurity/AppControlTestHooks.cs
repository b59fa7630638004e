using System;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// Seams the engine tests set by reflection (the tests do not reference this assembly): a fake executor, a live bundle, a
/// policy inspector and a pretend-Windows switch. Unset, every App Control change cmdlet uses the real thing.
/// </summary>
internal static class AppControlTestHooks
{
    /// <summary>The executor to use instead of CiTool.</summary>
    internal static Func<IAppControlExecutor>? Executor { get; set; }

    /// <summary>The bundle to use instead of capturing the live node.</summary>
    internal static Func<EvidenceBundle>? LiveBundle { get; set; }

    /// <summary>Run the live path as if on Windows.</summary>
    internal static bool PretendWindows { get; set; }

    /// <summary>The compiled policy inspector to use instead of the built-in header reader (until the full policy reader is in place).</summary>
    internal static ICompiledPolicyInspector? Inspector { get; set; }
}
