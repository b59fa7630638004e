namespace AzureLocalSecurity.MeasuredBoot.Attestation;

/// <summary>How a PCR the log describes compares with the TPM's value.</summary>
public enum PcrIntegrityStatus
{
    /// <summary>The log replays to the TPM's value: the log is the log of this boot for this PCR.</summary>
    Match,

    /// <summary>The log replays to another value: records are missing, added or changed, or the log is of another boot.</summary>
    Mismatch,

    /// <summary>The comparison could not be made (the TPM has no such bank, or the replay has no value); the reason says why.</summary>
    Unknown,
}
