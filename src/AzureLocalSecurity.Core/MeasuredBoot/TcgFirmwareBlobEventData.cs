using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// UEFI_PLATFORM_FIRMWARE_BLOB (EV_EFI_PLATFORM_FIRMWARE_BLOB, and EV_POST_CODE when its data is one) or
/// UEFI_PLATFORM_FIRMWARE_BLOB2 (EV_EFI_PLATFORM_FIRMWARE_BLOB2, with a description): where a measured firmware volume
/// was, and how long it is.
/// </summary>
public sealed class TcgFirmwareBlobEventData : TcgEventData
{
    internal TcgFirmwareBlobEventData(string? description, ulong blobBase, ulong blobLength)
    {
        Description = description;
        BlobBase = blobBase;
        BlobLength = blobLength;
    }

    /// <summary>BlobDescription (BLOB2 only).</summary>
    public string? Description { get; }

    /// <summary>BlobBase, the physical address.</summary>
    public ulong BlobBase { get; }

    /// <summary>BlobLength in bytes.</summary>
    public ulong BlobLength { get; }

    /// <inheritdoc />
    public override string Summary => string.Format(
        CultureInfo.InvariantCulture,
        "{0}0x{1:X} ({2} bytes)",
        string.IsNullOrEmpty(Description) ? string.Empty : TcgBytes.OneLine(Description!) + ": ",
        BlobBase,
        BlobLength);
}
