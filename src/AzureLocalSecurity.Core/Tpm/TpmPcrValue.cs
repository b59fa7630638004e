using System;
using System.Linq;

namespace AzureLocalSecurity.Tpm;

/// <summary>One PCR's value in one bank, as the TPM reported it.</summary>
public sealed class TpmPcrValue
{
    private readonly byte[] _digest;

    /// <summary>Creates the value.</summary>
    public TpmPcrValue(ushort hashAlgorithm, int index, byte[] digest, uint updateCounter, string? computerName = null, string? source = null)
    {
        HashAlgorithm = hashAlgorithm;
        Index = index;
        _digest = (digest ?? throw new ArgumentNullException(nameof(digest))).ToArray();
        UpdateCounter = updateCounter;
        ComputerName = computerName;
        Source = source;
    }

    /// <summary>The node the value was read on (null when read directly).</summary>
    public string? ComputerName { get; }

    /// <summary>The bank, named as tpm2-tools names it (sha1, sha256, sha384, ...).</summary>
    public string Bank => TpmNames.Algorithm(HashAlgorithm);

    /// <summary>The bank's hash algorithm (TPM_ALG_ID).</summary>
    public ushort HashAlgorithm { get; }

    /// <summary>The PCR index.</summary>
    public int Index { get; }

    /// <summary>The value as upper-case hex, as tpm2_pcrread prints it.</summary>
    public string Value => string.Concat(_digest.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The pcrUpdateCounter of the read that returned the value.</summary>
    public uint UpdateCounter { get; }

    /// <summary>Where the value came from (the command and transport).</summary>
    public string? Source { get; }

    /// <summary>The digest bytes (a copy).</summary>
    public byte[] GetDigest() => _digest.ToArray();

    /// <inheritdoc />
    public override string ToString() => $"{Bank}:{Index} {Value}";
}
