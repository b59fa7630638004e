using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection;

/// <summary>Runs collectors into one bundle. A collector that fails outright becomes an error item, never a lost capture.</summary>
public static class EvidenceCapture
{
    /// <summary>The collectors that read this machine, chosen by platform: every fact a live analysis or a capture needs.</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return [new Windows.WindowsSystemCollector()];
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return [new Linux.LinuxSystemCollector()];
        }

        return [];
    }

    /// <summary>This machine as a node identity.</summary>
    public static NodeIdentity LocalNode()
    {
        var platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? NodePlatform.Windows
            : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? NodePlatform.Linux
            : NodePlatform.Unknown;
        return new NodeIdentity(Environment.MachineName, platform, RuntimeInformation.OSDescription.Trim(), RuntimeInformation.OSArchitecture.ToString());
    }

    /// <summary>
    /// Captures a bundle: <paramref name="hostItems"/> (facts only the caller knows, such as the PowerShell
    /// edition) first, then every collector's facts. Duplicate ids keep the first.
    /// </summary>
    public static EvidenceBundle Capture(NodeIdentity node, string moduleVersion, IEnumerable<IEvidenceCollector> collectors, CollectionContext context, IEnumerable<EvidenceItem>? hostItems = null)
    {
        if (collectors is null)
        {
            throw new ArgumentNullException(nameof(collectors));
        }

        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var started = context.Clock();
        var items = new List<EvidenceItem>(hostItems ?? []);
        foreach (var collector in collectors)
        {
            List<EvidenceItem> collected;
            try
            {
                collected = collector.Collect(context).ToList();
            }
#pragma warning disable CA1031 // A collector defect must not lose the rest of the capture; it is kept as an error item.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                collected = [EvidenceItem.ForError("collector/" + collector.Name, EvidenceKind.Properties, collector.GetType().FullName ?? collector.Name, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"{ex.GetType().Name}: {ex.Message}"))];
            }

            items.AddRange(collected);
        }

        var unique = items.GroupBy(i => i.Id, StringComparer.Ordinal).Select(g => g.First());
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, node, started, moduleVersion, unique);
    }
}
