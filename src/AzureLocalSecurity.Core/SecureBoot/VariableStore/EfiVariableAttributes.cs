using System;

namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>
/// The EFI_VARIABLE_* attribute bits of a UEFI variable (UEFI 2.10 §8.2, GetVariable/SetVariable), a UINT32 in the
/// firmware: in a variable store's header, before the data in an efivarfs file, beside the data from Windows'
/// GetFirmwareEnvironmentVariableEx. Bits the specification does not name are kept as they are.
/// </summary>
[Flags]
#pragma warning disable CA1028 // The firmware's field is a UINT32; the enum keeps its exact bits, including high ones.
public enum EfiVariableAttributes : uint
#pragma warning restore CA1028
{
    /// <summary>No attribute bit.</summary>
    None = 0,

    /// <summary>EFI_VARIABLE_NON_VOLATILE (0x1): kept across resets.</summary>
    NonVolatile = 0x1,

    /// <summary>EFI_VARIABLE_BOOTSERVICE_ACCESS (0x2): readable before ExitBootServices.</summary>
    BootServiceAccess = 0x2,

    /// <summary>EFI_VARIABLE_RUNTIME_ACCESS (0x4): readable by the operating system.</summary>
    RuntimeAccess = 0x4,

    /// <summary>EFI_VARIABLE_HARDWARE_ERROR_RECORD (0x8).</summary>
    HardwareErrorRecord = 0x8,

    /// <summary>EFI_VARIABLE_AUTHENTICATED_WRITE_ACCESS (0x10), deprecated by the specification.</summary>
    AuthenticatedWriteAccess = 0x10,

    /// <summary>EFI_VARIABLE_TIME_BASED_AUTHENTICATED_WRITE_ACCESS (0x20): written only through a signed EFI_VARIABLE_AUTHENTICATION_2 payload (PK, KEK, db, dbx).</summary>
    TimeBasedAuthenticatedWriteAccess = 0x20,

    /// <summary>EFI_VARIABLE_APPEND_WRITE (0x40): a write appends (used on SetVariable, not normally stored).</summary>
    AppendWrite = 0x40,

    /// <summary>EFI_VARIABLE_ENHANCED_AUTHENTICATED_ACCESS (0x80).</summary>
    EnhancedAuthenticatedAccess = 0x80,
}
