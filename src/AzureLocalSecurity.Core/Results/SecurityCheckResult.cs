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
    private readonly ComplianceReference[] _controls;

    /// <summary>Creates a result.</summary>
    /// <param name="id">The stable check id.</param>
    /// <param name="title">What the check requires.</param>
    /// <param name="area">The area.</param>
    /// <param name="status">The verdict.</param>
    /// <param name="severity">How much a non-compliant verdict matters.</param>
    /// <param name="expected">What the requirement expects.</param>
    /// <param name="actual">What the node has.</param>
    /// <param name="source">Where the actual value came from.</param>
    /// <param name="reason">Why the result is Unknown, Error or NotApplicable, or a note.</param>
    /// <param name="remediation">What to do to become compliant.</param>
    /// <param name="references">Documents, controls or frameworks the requirement comes from, as text.</param>
    /// <param name="nodeName">The node.</param>
    /// <param name="controls">The framework controls the check is mapped to (CIS, STIG, NIST SP 800-53), or null for none.</param>
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
        string nodeName,
        IEnumerable<ComplianceReference>? controls = null)
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
        _controls = controls?.Where(c => c is not null).Distinct().ToArray() ?? [];
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

    /// <summary>The framework controls the check is mapped to (CIS, STIG, NIST SP 800-53); empty when it is mapped to none.</summary>
    public IReadOnlyList<ComplianceReference> Controls => _controls;

    /// <summary>Whether the check is mapped to at least one control of <paramref name="framework"/>.</summary>
    public bool IsMappedTo(ComplianceFramework framework)
    {
        foreach (var control in _controls)
        {
            if (control.Framework == framework)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The node the result is about.</summary>
    public string NodeName { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Status}: {Title}";
}
