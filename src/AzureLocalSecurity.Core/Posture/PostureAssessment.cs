using System.Collections.Generic;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Posture;

/// <summary>
/// One bundle's assessment when bundles are assessed one after another from disk: where it was read, the node, and its
/// results; or, for a bundle that could not be read, why (and no results).
/// </summary>
public sealed class PostureAssessment
{
    internal PostureAssessment(string path, string? nodeName, IReadOnlyList<SecurityCheckResult> results, EvidenceFormatException? error)
    {
        Path = path;
        NodeName = nodeName;
        Results = results;
        Error = error;
    }

    /// <summary>The bundle's path (a zip file or a bundle folder).</summary>
    public string Path { get; }

    /// <summary>The node; null when the bundle could not be read.</summary>
    public string? NodeName { get; }

    /// <summary>Every result of the bundle; empty when it could not be read.</summary>
    public IReadOnlyList<SecurityCheckResult> Results { get; }

    /// <summary>Why the bundle could not be read; null when it was.</summary>
    public EvidenceFormatException? Error { get; }

    /// <summary>Whether the bundle was read and assessed.</summary>
    public bool Succeeded => Error is null;

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"{NodeName}: {Results.Count} results" : $"{Path}: {Error!.Message}";
}
