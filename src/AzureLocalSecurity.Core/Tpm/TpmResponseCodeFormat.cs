namespace AzureLocalSecurity.Tpm;

/// <summary>
/// Which layout a response code has: the TPM 2.0 formats of TPM 2.0 Library Part 2, clause 6.6 (TPM_RC), a TPM 1.2 code,
/// a vendor's code, or one of the HRESULTs Windows puts in a TPM's place.
/// </summary>
public enum TpmResponseCodeFormat
{
    /// <summary>TPM_RC_SUCCESS (0): the command succeeded.</summary>
    Success,

    /// <summary>A format-zero error (bit 7 F clear, bit 8 V set, bit 10 T clear, bit 11 S clear): RC_VER1 + E.</summary>
    FormatZeroError,

    /// <summary>A format-zero warning (bit 11 S set): RC_WARN + E. The command may succeed if sent again later.</summary>
    FormatZeroWarning,

    /// <summary>A format-one error (bit 7 F set): RC_FMT1 + E, with the parameter, handle or session it concerns in bits 6 and 8–11.</summary>
    FormatOne,

    /// <summary>A format-zero code with bit 8 V clear: a TPM 1.2 response code.</summary>
    Tpm12,

    /// <summary>A format-zero code with bit 10 T set: defined by the TPM's vendor, not by the TCG.</summary>
    Vendor,

    /// <summary>A TPM Base Services error, TBS_E_* (0x80284000 | n), returned by Windows rather than by the TPM.</summary>
    WindowsTbs,

    /// <summary>A TPM code carried in a Windows HRESULT (0x80280000 | response code), or one of Windows' own TPM_E_* codes in that range.</summary>
    WindowsTpm,

    /// <summary>Not a response code of any of the layouts above: a format-zero code with its reserved bit set, or a value with bits 31:12 set outside the Windows ranges.</summary>
    Unknown,
}
