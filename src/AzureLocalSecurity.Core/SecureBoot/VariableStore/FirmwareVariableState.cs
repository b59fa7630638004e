namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>
/// Where a variable's record is in its life, from its header's State byte. Flash is written by clearing bits, so a record
/// moves 0xFF (header being written) → 0x7F VAR_HEADER_VALID_ONLY → 0x3F VAR_ADDED → 0x3E (VAR_ADDED &amp;
/// VAR_IN_DELETED_TRANSITION, while its replacement is written) → 0x3D/0x3C (VAR_DELETED cleared). Values from edk2
/// <c>MdeModulePkg/Include/Guid/VariableFormat.h</c>.
/// </summary>
public enum FirmwareVariableState
{
    /// <summary>0x3F VAR_ADDED: the variable's value.</summary>
    Live,

    /// <summary>
    /// 0x3E: an old value whose replacement was being written. The firmware (edk2 FindVariableEx) still returns it when no
    /// live copy of the same name and vendor follows, as after a power loss in the middle of an update.
    /// </summary>
    InDeletedTransition,

    /// <summary>0x3D or 0x3C: a value replaced or deleted. Its bytes stay until the firmware reclaims the store.</summary>
    Deleted,

    /// <summary>
    /// The record was never completely written: State 0xFF or 0x7F, or a header field (Attributes, NameSize, DataSize)
    /// still erased to 0xFFFFFFFF. It has no name or data; the firmware skips it.
    /// </summary>
    Incomplete,

    /// <summary>Any other State byte: not one the firmware writes, and one it ignores.</summary>
    Unrecognized,
}
