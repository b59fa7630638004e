using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Results;

/// <summary>
/// One control of one compliance framework that a check is mapped to: <c>CIS 18.10.42.6.1.2</c>, <c>STIG WN25-CC-000030</c>,
/// <c>NIST SP 800-53 AC-6(9)</c>. Immutable; two references are equal when framework and control are (ordinal, ignoring case).
/// </summary>
public sealed class ComplianceReference : IEquatable<ComplianceReference>
{
    private static readonly char[] Separators = [',', ';', '\n', '\r'];

    /// <summary>Creates a reference.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="control">The control's id within the framework, such as <c>AC-6(9)</c>.</param>
    /// <param name="detail">More about the mapping (for a CIS recommendation, its CIS Controls v8 safeguard), or null.</param>
    public ComplianceReference(ComplianceFramework framework, string control, string? detail = null)
    {
        if (string.IsNullOrWhiteSpace(control))
        {
            throw new ArgumentException("A compliance reference needs a control id.", nameof(control));
        }

        Framework = framework;
        Control = control.Trim();
        Detail = string.IsNullOrWhiteSpace(detail) ? null : detail!.Trim();
    }

    /// <summary>The framework.</summary>
    public ComplianceFramework Framework { get; }

    /// <summary>The control's id within the framework, such as <c>18.10.42.6.1.2</c>, <c>WN25-CC-000030</c> or <c>AC-6(9)</c>.</summary>
    public string Control { get; }

    /// <summary>More about the mapping: for a CIS recommendation the CIS Controls v8 safeguard the catalog gives (such as <c>6.8 (IG3)</c>); otherwise null.</summary>
    public string? Detail { get; }

    /// <summary>The framework as people write it: <c>CIS</c>, <c>STIG</c> or <c>NIST SP 800-53</c>.</summary>
    public string FrameworkName => Name(Framework);

    /// <summary>The framework as people write it.</summary>
    public static string Name(ComplianceFramework framework) => framework switch
    {
        ComplianceFramework.Cis => "CIS",
        ComplianceFramework.Stig => "STIG",
        ComplianceFramework.Nist80053 => "NIST SP 800-53",
        _ => framework.ToString(),
    };

    /// <summary>
    /// The references of one catalog row, from its CIS RuleID, CIS Control, STIG ID and NIST SP 800-53 cells. A blank cell,
    /// <c>NA</c>, <c>N/A</c> or <c>Not Mapped</c> maps to nothing. A cell naming several ids (the NIST cells do:
    /// <c>AC-6, CM-6, SC-28</c>) gives one reference per id, in the cell's order, without duplicates. The CIS Control cell
    /// (a CIS Controls v8 safeguard) is kept as the <see cref="Detail"/> of the row's CIS recommendations; on its own it
    /// maps to no CIS recommendation.
    /// </summary>
    public static IReadOnlyList<ComplianceReference> FromCatalog(string? cisRuleId, string? cisControl, string? stigId, string? nist80053)
    {
        var result = new List<ComplianceReference>();
        var safeguard = Mapped(cisControl);
        Add(result, ComplianceFramework.Cis, cisRuleId, safeguard);
        Add(result, ComplianceFramework.Stig, stigId, null);
        Add(result, ComplianceFramework.Nist80053, nist80053, null);
        return result;
    }

    /// <summary>The references one catalog cell of <paramref name="framework"/> names (see <see cref="FromCatalog"/>).</summary>
    public static IReadOnlyList<ComplianceReference> Parse(ComplianceFramework framework, string? cell)
    {
        var result = new List<ComplianceReference>();
        Add(result, framework, cell, null);
        return result;
    }

    /// <inheritdoc />
    public bool Equals(ComplianceReference? other) =>
        other is not null && other.Framework == Framework && string.Equals(other.Control, Control, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ComplianceReference);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Framework * 397) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Control);

    /// <inheritdoc />
    public override string ToString() => FrameworkName + " " + Control;

    private static void Add(List<ComplianceReference> result, ComplianceFramework framework, string? cell, string? detail)
    {
        if (Mapped(cell) is not { } text)
        {
            return;
        }

        foreach (var part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()))
        {
            if (Mapped(part) is not null)
            {
                var reference = new ComplianceReference(framework, part, detail);
                if (!result.Contains(reference))
                {
                    result.Add(reference);
                }
            }
        }
    }

    private static string? Mapped(string? cell)
    {
        var t = cell?.Trim();
        return string.IsNullOrEmpty(t)
            || string.Equals(t, "NA", StringComparison.OrdinalIgnoreCase)
            || string.Equals(t, "N/A", StringComparison.OrdinalIgnoreCase)
            || string.Equals(t, "Not Mapped", StringComparison.OrdinalIgnoreCase)
            ? null
            : t;
    }
}
