using System.Collections.Generic;

namespace AzureLocalSecurity.Tpm;

/// <summary>One TPM2_PCR_Read response: the update counter, which PCRs were read, and their digests in that order (bank by bank, PCR ascending).</summary>
public sealed class TpmPcrReadResult
{
    internal TpmPcrReadResult(uint updateCounter, IReadOnlyList<TpmPcrSelection> selections, IReadOnlyList<byte[]> digests)
    {
        UpdateCounter = updateCounter;
        Selections = selections;
        Digests = digests;
    }

    /// <summary>pcrUpdateCounter: changes whenever any PCR is extended; reads with the same counter are consistent.</summary>
    public uint UpdateCounter { get; }

    /// <summary>pcrSelectionOut: the PCRs this response holds.</summary>
    public IReadOnlyList<TpmPcrSelection> Selections { get; }

    /// <summary>pcrValues, in selection order.</summary>
    public IReadOnlyList<byte[]> Digests { get; }
}
