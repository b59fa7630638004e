using System.Globalization;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The value one PCR of one bank has after every record of the log was extended into it, which a TPM quote of that PCR
/// must show if the log is the log of the boot. <see cref="Value"/> is null when it cannot be computed here, with the
/// reason in <see cref="Unknown"/>.
/// </summary>
public sealed class ReplayedPcr
{
    private readonly byte[]? _value;

    internal ReplayedPcr(ushort algorithm, int pcr, byte[]? value, int extendCount, string? unknown)
    {
        Algorithm = algorithm;
        Pcr = pcr;
        _value = value;
        ExtendCount = extendCount;
        Unknown = unknown;
    }

    /// <summary>The bank, named as tpm2-tools names it (sha1, sha256, ...).</summary>
    public string Bank => TpmNames.Algorithm(Algorithm);

    /// <summary>The bank's hash algorithm (TPM_ALG_ID).</summary>
    public ushort Algorithm { get; }

    /// <summary>The PCR index (0 to 23).</summary>
    public int Pcr { get; }

    /// <summary>The replayed value as upper-case hex, or null when it could not be computed (see <see cref="Unknown"/>).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1721:Property names should not match get methods", Justification = "Value is the hex text PowerShell shows; GetValue() returns a copy of the bytes, which a property would copy on every read. Both are public output.")]
    public string? Value => _value is null ? null : SecureBootBytes.Hex(_value);

    /// <summary>How many records of the log were extended into this PCR (0: the value is the PCR's reset value).</summary>
    public int ExtendCount { get; }

    /// <summary>Why <see cref="Value"/> is null: the bank has no hasher here (SM3), or a record has no digest for the bank.</summary>
    public string? Unknown { get; }

    /// <summary>The replayed value's bytes (a copy), or null.</summary>
    public byte[]? GetValue() => (byte[]?)_value?.Clone();

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}:{1} {2}", Bank, Pcr, Value ?? "unknown (" + Unknown + ")");
}
