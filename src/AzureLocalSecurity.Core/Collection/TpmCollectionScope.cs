using System;

namespace AzureLocalSecurity.Collection;

/// <summary>Which TPM facts a <see cref="TpmCollector"/> reads. Each costs round trips to the TPM, so a cmdlet asks for what it reports.</summary>
[Flags]
public enum TpmCollectionScope
{
    /// <summary>Nothing beyond how the TPM is reached.</summary>
    None = 0,

    /// <summary>Properties, PCR allocation, algorithms, handles and the EK certificates in NV (and on Windows, Win32_Tpm and TBS).</summary>
    Identity = 1,

    /// <summary>Every allocated PCR of every bank.</summary>
    Pcrs = 2,

    /// <summary>The endorsement keys' public areas: the persistent EKs, or EKs created from the TCG templates where none is persistent.</summary>
    EndorsementKey = 4,

    /// <summary>All of it.</summary>
    All = Identity | Pcrs | EndorsementKey,
}
