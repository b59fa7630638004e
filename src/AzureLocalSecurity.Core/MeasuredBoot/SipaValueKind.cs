namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>How the value of a SIPA event of one id is read.</summary>
internal enum SipaValueKind
{
    /// <summary>Bytes shown as hex (hashes, keys, serials, opaque payloads).</summary>
    Bytes,

    /// <summary>A little-endian integer of 1, 2, 4 or 8 bytes that is a yes or no.</summary>
    Boolean,

    /// <summary>A little-endian integer of 1, 2, 4 or 8 bytes, shown in decimal.</summary>
    Integer,

    /// <summary>A little-endian integer shown in hex (addresses, NTSTATUS codes, bit masks).</summary>
    HexInteger,

    /// <summary>A NUL-terminated UTF-16LE string.</summary>
    Utf16,

    /// <summary>FVEB_UNLOCK_FLAG_* bits (wbcl.h).</summary>
    BitLockerFlags,

    /// <summary>A CryptoAPI ALG_ID (CALG_SHA_256 = 0x800C).</summary>
    CalgHash,

    /// <summary>An OSDEVICE_TYPE_* value (wbcl.h).</summary>
    OsDevice,

    /// <summary>SIPAEVENT_SI_POLICY_PAYLOAD.</summary>
    SiPolicy,

    /// <summary>SIPAEVENT_REVOCATION_LIST_PAYLOAD.</summary>
    RevocationList,
}
