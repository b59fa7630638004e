using System;
using System.Collections.Generic;
using AzureLocalSecurity.Fleet;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// Seams the engine tests set by reflection (the tests do not reference this assembly), since remoting cannot run where
/// the tests run. Unset, Invoke-ALSecurityAssessment uses Invoke-Command.
/// </summary>
internal static class FleetAssessmentTestHooks
{
    /// <summary>Makes the capture source from the targets, the script text, its arguments and the throttle limit.</summary>
    internal static Func<IReadOnlyList<string>, string, object?[], int, INodeCaptureSource>? CaptureSource { get; set; }

    /// <summary>Lists a cluster's nodes (name, state) instead of Get-ClusterNode over remoting; may throw to fail the expansion.</summary>
    internal static Func<string, IEnumerable<KeyValuePair<string?, string?>>>? ClusterNodes { get; set; }
}
