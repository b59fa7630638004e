using AzureLocalSecurity.Baseline;

namespace AzureLocalSecurity.Defender;

/// <summary>How the Defender checks judge a node: the signature age allowed and the baseline the ASR rules are compared with.</summary>
public sealed class DefenderOptions
{
    /// <summary>The default <see cref="SignatureMaxAgeDays"/>: Defender checks for security intelligence once a day by default, so three days allows two missed checks.</summary>
    public const int DefaultSignatureMaxAgeDays = 3;

    /// <summary>The oldest the antivirus security intelligence may be, in days, before the signature check fails.</summary>
    public int SignatureMaxAgeDays { get; set; } = DefaultSignatureMaxAgeDays;

    /// <summary>The shipped baseline release whose ASR rules are the expected state (such as <c>2610</c>); null: the latest.</summary>
    public string? BaselineRelease { get; set; }

    /// <summary>The baseline profile; null: chosen from the node's domain membership, as Test-ALSecurityBaseline chooses it.</summary>
    public BaselineProfile? BaselineProfile { get; set; }
}
