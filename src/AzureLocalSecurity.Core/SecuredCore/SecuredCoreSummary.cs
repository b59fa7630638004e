using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.SecuredCore;

/// <summary>Whether a node is Secured-core: the verdict, the requirements it misses or could not prove, and every result.</summary>
public sealed class SecuredCoreSummary
{
    internal SecuredCoreSummary(string computerName, IReadOnlyList<SecurityCheckResult> results)
    {
        ComputerName = computerName;
        Results = results;
        Compliant = results.Count(r => r.Status == CheckStatus.Compliant);
        NonCompliant = results.Count(r => r.Status == CheckStatus.NonCompliant);
        Unknown = results.Count(r => r.Status is CheckStatus.Unknown or CheckStatus.Error);
        NotApplicable = results.Count(r => r.Status == CheckStatus.NotApplicable);
        Missing = results.Where(r => r.Status == CheckStatus.NonCompliant).Select(r => r.Title).ToList();
        Unproven = results.Where(r => r.Status is CheckStatus.Unknown or CheckStatus.Error).Select(r => r.Title).ToList();
        IsSecuredCore = NonCompliant > 0 ? false : Unknown > 0 ? null : true;
    }

    /// <summary>The node.</summary>
    public string ComputerName { get; }

    /// <summary>True when every requirement that applies is met; false when one is not; null when none fails but one could not be read.</summary>
    public bool? IsSecuredCore { get; }

    /// <summary>How many requirements are met.</summary>
    public int Compliant { get; }

    /// <summary>How many requirements are not met.</summary>
    public int NonCompliant { get; }

    /// <summary>How many requirements could not be read.</summary>
    public int Unknown { get; }

    /// <summary>How many requirements do not apply (Windows features on a Linux host).</summary>
    public int NotApplicable { get; }

    /// <summary>The requirements not met, by title.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>The requirements that could not be read, by title.</summary>
    public IReadOnlyList<string> Unproven { get; }

    /// <summary>One result per requirement.</summary>
    public IReadOnlyList<SecurityCheckResult> Results { get; }

    /// <inheritdoc />
    public override string ToString() => $"{ComputerName}: Secured-core {(IsSecuredCore is { } v ? (v ? "yes" : "no") : "unknown")}";
}
