namespace AzureLocalSecurity.Platform;

/// <summary>How the node's firmware booted the operating system.</summary>
public enum FirmwareType
{
    /// <summary>Could not be read; see the reason.</summary>
    Unknown,

    /// <summary>Legacy BIOS (any boot that did not go through UEFI).</summary>
    Bios,

    /// <summary>UEFI.</summary>
    Uefi,
}
