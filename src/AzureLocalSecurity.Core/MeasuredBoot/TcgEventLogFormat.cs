namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>How the records of a TCG event log are laid out (TCG PC Client Platform Firmware Profile §10).</summary>
public enum TcgEventLogFormat
{
    /// <summary>
    /// Every record is a TCG_PCR_EVENT with one SHA-1 digest (a 32-byte header). A log whose first record is not a Spec ID
    /// Event03 is in this format; so is the SHA-1 Windows boot configuration log (WBCL).
    /// </summary>
    Sha1Legacy,

    /// <summary>
    /// The first record is a TCG_PCR_EVENT carrying the Spec ID Event03 (the algorithms and their digest sizes); every
    /// later record is a TCG_PCR_EVENT2 with one digest per algorithm (TPM 2.0 firmware, Windows 10 and later).
    /// </summary>
    CryptoAgile,
}
