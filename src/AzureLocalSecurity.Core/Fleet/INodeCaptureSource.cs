using System.Collections.Generic;
using System.Threading;

namespace AzureLocalSecurity.Fleet;

/// <summary>
/// Runs the capture on a set of nodes and hands back each node's answer as it arrives. The source owns the parallelism
/// and the throttle (PowerShell's Invoke-Command -ThrottleLimit in real use); the enumeration itself runs on the caller's
/// thread, so a cmdlet can write each answer's results from its own thread while other nodes are still running.
/// </summary>
public interface INodeCaptureSource
{
    /// <summary>
    /// The answers, one per node, in the order they arrive. A node the source has no word from when it ends is the
    /// consumer's to report. Cancelling stops the remaining nodes and ends the enumeration.
    /// </summary>
    IEnumerable<NodeCapture> Capture(CancellationToken cancellationToken);
}
