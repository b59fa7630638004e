using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.SecureBoot.Rollover;

/// <summary>
/// Where a node stands in the 2026 Secure Boot certificate rollover: the stage Azure Local uses (0 no 2023 CA in db,
/// 1 the Windows UEFI CA 2023 in db, 2 booting the boot manager it signs), one result per requirement, and the next step.
/// </summary>
public sealed class SecureBootCertificateSummary
{
    internal SecureBootCertificateSummary(string computerName, int? stage, string stageDescription, DateTime asOf, IReadOnlyList<SecurityCheckResult> results, string? nextStep)
    {
        ComputerName = computerName;
        Stage = stage;
        StageDescription = stageDescription;
        AsOf = asOf;
        Results = results;
        NextStep = nextStep;
        Compliant = results.Count(r => r.Status == CheckStatus.Compliant);
        NonCompliant = results.Count(r => r.Status == CheckStatus.NonCompliant);
        Unknown = results.Count(r => r.Status == CheckStatus.Unknown || r.Status == CheckStatus.Error);
        NotApplicable = results.Count(r => r.Status == CheckStatus.NotApplicable);
    }

    /// <summary>The node.</summary>
    public string ComputerName { get; }

    /// <summary>0 (no Windows UEFI CA 2023 in db), 1 (the CA is in db), 2 (the node boots the boot manager the 2023 CA signs); null when it could not be told.</summary>
    public int? Stage { get; }

    /// <summary>What the stage means on this node, and what it was read from.</summary>
    public string StageDescription { get; }

    /// <summary>The date certificates' expiry was judged against (UTC).</summary>
    public DateTime AsOf { get; }

    /// <summary>True when every requirement that applies is met (stage 2, nothing NonCompliant, nothing Unknown).</summary>
    public bool IsComplete => Stage == 2 && NonCompliant == 0 && Unknown == 0;

    /// <summary>How many requirements are met.</summary>
    public int Compliant { get; }

    /// <summary>How many requirements are not met.</summary>
    public int NonCompliant { get; }

    /// <summary>How many requirements could not be decided (Unknown or Error).</summary>
    public int Unknown { get; }

    /// <summary>How many requirements do not apply to the node.</summary>
    public int NotApplicable { get; }

    /// <summary>The first thing to do, in the order the rollover must happen; null when nothing is left.</summary>
    public string? NextStep { get; }

    /// <summary>One result per requirement (and one per certificate for expiry).</summary>
    public IReadOnlyList<SecurityCheckResult> Results { get; }

    /// <inheritdoc />
    public override string ToString() => $"{ComputerName}: stage {(Stage is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")}";
}
