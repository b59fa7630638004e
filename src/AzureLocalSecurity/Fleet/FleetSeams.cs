using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using AzureLocalSecurity.Fleet;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Posture;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// The three parts of Invoke-ALSecurityAssessment that other work replaces: the script sent to each node, the reader of
/// its answer, the analysis (Test-ALSecurityPosture's, every area); and the per-node summary of -Summary
/// (SecurityPostureSummary). The script is CaptureScript (in-box commands only) and its answer is read by CaptureImporter.
/// </summary>
internal static class FleetSeams
{
    /// <summary>The script each node runs; it returns one JSON string. Its parameters are <see cref="CaptureArguments"/>.</summary>
    internal static string CaptureScript { get; set; } = AzureLocalSecurity.Collection.Remote.CaptureScript.Text;

    /// <summary>Reads a node's JSON into a bundle.</summary>
    internal static Func<string, EvidenceBundle> Importer { get; set; } = CaptureImporter.ToBundle;

    /// <summary>The analysis for the areas asked (empty: all).</summary>
    internal static Func<IReadOnlyCollection<PostureArea>, Func<EvidenceBundle, IEnumerable<SecurityCheckResult>>> Analysis { get; set; } = PostureAnalysis;

    /// <summary>Makes the one object -Summary writes for a node; null: -Summary writes the results as without it.</summary>
    internal static Func<NodeAssessment, object>? Summarizer { get; set; } = node => new SecurityPostureSummary(node.Results);

    /// <summary>The capture script's arguments in its param block's order (Invoke-Command -ArgumentList is positional): every fact the latest shipped baseline reads (both profiles), events since <paramref name="since"/> (UTC; null: the script's default).</summary>
    internal static object?[] CaptureArguments(DateTime? since)
    {
        var facts = AzureLocalSecurity.Collection.Remote.CaptureScript.ShippedBaselineFacts();
        var byName = AzureLocalSecurity.Collection.Remote.CaptureScript.Parameters(facts, since is null ? null : new DateTimeOffset(since.Value.ToUniversalTime()), AzureLocalSecurity.Collection.Remote.CaptureScript.DefaultMaxEvents);
        var ast = Parser.ParseInput(CaptureScript, out _, out _);
        return ast.ParamBlock.Parameters.Select(p => byName.TryGetValue(p.Name.VariablePath.UserPath, out var value) ? value : null).ToArray();
    }

    private static Func<EvidenceBundle, IEnumerable<SecurityCheckResult>> PostureAnalysis(IReadOnlyCollection<PostureArea> areas) =>
        bundle => PostureAnalyzer.Analyze(bundle, new PostureOptions { Areas = areas.Count == 0 ? null : areas });
}
