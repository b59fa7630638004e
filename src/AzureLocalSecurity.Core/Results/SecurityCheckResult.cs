using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Results;

/// <summary>
/// The one result type every check returns: the verdict with its evidence (expected, actual, and where
/// the actual came from), why it could not be decided when it could not, and how to fix it.
/// </summary>
public sealed class SecurityCheckResult
{
    private readonly string[] _references;

    /// <summary>Creates a result.</summary>
    public SecurityCheckResult(
        string id,
        string title,
        string area,
        CheckStatus status,
        Severity severity,
        string? expected,
        string? actual,
        string? source,
        string? reason,
        string? remediation,
        IEnumerable<string>? references,
        string nodeName)
    {
        Id = string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("A result needs an id.", nameof(id)) : id;
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Area = area ?? throw new ArgumentNullException(nameof(area));
        Status = status;
        Severity = severity;
        Expected = expected;
        Actual = actual;
        Source = source;
        Reason = reason;
        Remediation = remediation;
        _references = references?.ToArray() ?? [];
        NodeName = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
        if ((status == CheckStatus.Unknown || status == CheckStatus.Error) && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"A result with status {status} must say why.", nameof(reason));
        }
    }

    /// <summary>The stable check id, such as <c>ALSEC-PLAT-001</c>.</summary>
    public string Id { get; }

    /// <summary>What the check requires, in a line.</summary>
    public string Title { get; }

    /// <summary>The area the check belongs to (Platform, Baseline, SecuredCore, SecureBoot, BitLocker, AppControl, Tpm, ...).</summary>
    public string Area { get; }

    /// <summary>The verdict.</summary>
    public CheckStatus Status { get; }

    /// <summary>How much a non-compliant verdict matters.</summary>
    public Severity Severity { get; }

    /// <summary>What the requirement expects, in words a reader can compare.</summary>
    public string? Expected { get; }

    /// <summary>What the node has, as read.</summary>
    public string? Actual { get; }

    /// <summary>Where the actual value came from (the evidence source).</summary>
    public string? Source { get; }

    /// <summary>Why the result is Unknown, Error or NotApplicable, or a note on the verdict.</summary>
    public string? Reason { get; }

    /// <summary>What to do to become compliant.</summary>
    public string? Remediation { get; }

    /// <summary>Documents, controls or frameworks the requirement comes from.</summary>
    public IReadOnlyList<string> References => _references;

    /// <summary>The node the result is about.</summary>
    public string NodeName { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Status}: {Title}";
}
