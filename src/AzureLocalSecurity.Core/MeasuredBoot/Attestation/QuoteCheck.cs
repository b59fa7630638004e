namespace AzureLocalSecurity.MeasuredBoot.Attestation;

/// <summary>One check of a quote's verification: its name, whether it passed (null when it was not made), and what was compared.</summary>
public sealed class QuoteCheck
{
    internal QuoteCheck(string name, bool? passed, string detail)
    {
        Name = name;
        Passed = passed;
        Detail = detail;
    }

    /// <summary>Decode, AttestationKey, QualifiedSigner, Signature, Nonce, PcrSelection, PcrDigest, Log, Clock.</summary>
    public string Name { get; }

    /// <summary>True when it passed, false when it failed, null when it could not be made (the detail says why).</summary>
    public bool? Passed { get; }

    /// <summary>What was compared, or why the check was not made.</summary>
    public string Detail { get; }

    /// <inheritdoc />
    public override string ToString() => Name + ": " + (Passed is null ? "not checked" : Passed.Value ? "passed" : "FAILED") + " (" + Detail + ")";
}
