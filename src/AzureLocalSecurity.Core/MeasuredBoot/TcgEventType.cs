namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The EventType of a TCG event log record (TCG PC Client Platform Firmware Profile 1.05/1.06, "Events"; edk2
/// UefiTcgPlatform.h; Windows wbcl.h names the same values SIPAEV_*). A value not listed here is kept as the number it is.
/// </summary>
#pragma warning disable CA1028 // The log's field is a UINT32 and the EFI types have the high bit set.
public enum TcgEventType : uint
#pragma warning restore CA1028
{
    /// <summary>EV_PREBOOT_CERT (0x0), deprecated.</summary>
    PrebootCert = 0x00000000,

    /// <summary>EV_POST_CODE (0x1): POST code, embedded option ROM or firmware blob.</summary>
    PostCode = 0x00000001,

    /// <summary>EV_UNUSED (0x2).</summary>
    Unused = 0x00000002,

    /// <summary>EV_NO_ACTION (0x3): information only, never extended (Spec ID, StartupLocality, SP800-155 events).</summary>
    NoAction = 0x00000003,

    /// <summary>EV_SEPARATOR (0x4): the end of a phase of boot for one PCR.</summary>
    Separator = 0x00000004,

    /// <summary>EV_ACTION (0x5): an ASCII string describing an action.</summary>
    Action = 0x00000005,

    /// <summary>EV_EVENT_TAG (0x6): a tagged event; Windows puts its SIPA events here.</summary>
    EventTag = 0x00000006,

    /// <summary>EV_S_CRTM_CONTENTS (0x7).</summary>
    SCrtmContents = 0x00000007,

    /// <summary>EV_S_CRTM_VERSION (0x8): the CRTM version, a UTF-16 string or a GUID.</summary>
    SCrtmVersion = 0x00000008,

    /// <summary>EV_CPU_MICROCODE (0x9).</summary>
    CpuMicrocode = 0x00000009,

    /// <summary>EV_PLATFORM_CONFIG_FLAGS (0xA).</summary>
    PlatformConfigFlags = 0x0000000A,

    /// <summary>EV_TABLE_OF_DEVICES (0xB).</summary>
    TableOfDevices = 0x0000000B,

    /// <summary>EV_COMPACT_HASH (0xC): Windows measures its BitLocker state into PCR 11 this way.</summary>
    CompactHash = 0x0000000C,

    /// <summary>EV_IPL (0xD): initial program loader data (boot loaders log commands and files this way).</summary>
    Ipl = 0x0000000D,

    /// <summary>EV_IPL_PARTITION_DATA (0xE), deprecated.</summary>
    IplPartitionData = 0x0000000E,

    /// <summary>EV_NONHOST_CODE (0xF).</summary>
    NonhostCode = 0x0000000F,

    /// <summary>EV_NONHOST_CONFIG (0x10).</summary>
    NonhostConfig = 0x00000010,

    /// <summary>EV_NONHOST_INFO (0x11).</summary>
    NonhostInfo = 0x00000011,

    /// <summary>EV_OMIT_BOOT_DEVICE_EVENTS (0x12).</summary>
    OmitBootDeviceEvents = 0x00000012,

    /// <summary>EV_EFI_VARIABLE_DRIVER_CONFIG (0x80000001): a UEFI variable that configures the platform (PCR 7: SecureBoot, PK, KEK, db, dbx).</summary>
    EfiVariableDriverConfig = 0x80000001,

    /// <summary>EV_EFI_VARIABLE_BOOT (0x80000002): BootOrder and Boot#### (the digest is of the variable data only).</summary>
    EfiVariableBoot = 0x80000002,

    /// <summary>EV_EFI_BOOT_SERVICES_APPLICATION (0x80000003): a UEFI application loaded (its Authenticode digest).</summary>
    EfiBootServicesApplication = 0x80000003,

    /// <summary>EV_EFI_BOOT_SERVICES_DRIVER (0x80000004).</summary>
    EfiBootServicesDriver = 0x80000004,

    /// <summary>EV_EFI_RUNTIME_SERVICES_DRIVER (0x80000005).</summary>
    EfiRuntimeServicesDriver = 0x80000005,

    /// <summary>EV_EFI_GPT_EVENT (0x80000006): the GPT header and partition entries of the boot disk.</summary>
    EfiGptEvent = 0x80000006,

    /// <summary>EV_EFI_ACTION (0x80000007): an ASCII string ("Calling EFI Application from Boot Option", ...).</summary>
    EfiAction = 0x80000007,

    /// <summary>EV_EFI_PLATFORM_FIRMWARE_BLOB (0x80000008): base and length of a firmware volume.</summary>
    EfiPlatformFirmwareBlob = 0x80000008,

    /// <summary>EV_EFI_HANDOFF_TABLES (0x80000009): configuration tables handed to the OS (SMBIOS, ACPI).</summary>
    EfiHandoffTables = 0x80000009,

    /// <summary>EV_EFI_PLATFORM_FIRMWARE_BLOB2 (0x8000000A): a firmware blob with a description.</summary>
    EfiPlatformFirmwareBlob2 = 0x8000000A,

    /// <summary>EV_EFI_HANDOFF_TABLES2 (0x8000000B): handoff tables with a description.</summary>
    EfiHandoffTables2 = 0x8000000B,

    /// <summary>EV_EFI_VARIABLE_BOOT2 (0x8000000C).</summary>
    EfiVariableBoot2 = 0x8000000C,

    /// <summary>EV_EFI_HCRTM_EVENT (0x80000010).</summary>
    EfiHcrtmEvent = 0x80000010,

    /// <summary>EV_EFI_VARIABLE_AUTHORITY (0x800000E0): the db entry that authorized a loaded image (PCR 7).</summary>
    EfiVariableAuthority = 0x800000E0,

    /// <summary>EV_EFI_SPDM_FIRMWARE_BLOB (0x800000E1), also EV_EFI_SPDM_DEVICE_BLOB.</summary>
    EfiSpdmFirmwareBlob = 0x800000E1,

    /// <summary>EV_EFI_SPDM_FIRMWARE_CONFIG (0x800000E2), also EV_EFI_SPDM_DEVICE_CONFIG.</summary>
    EfiSpdmFirmwareConfig = 0x800000E2,

    /// <summary>EV_EFI_SPDM_DEVICE_POLICY (0x800000E3).</summary>
    EfiSpdmDevicePolicy = 0x800000E3,

    /// <summary>EV_EFI_SPDM_DEVICE_AUTHORITY (0x800000E4).</summary>
    EfiSpdmDeviceAuthority = 0x800000E4,
}
