using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// UEFI_IMAGE_LOAD_EVENT (PFP §10.4.3.4), the data of EV_EFI_BOOT_SERVICES_APPLICATION, EV_EFI_BOOT_SERVICES_DRIVER and
/// EV_EFI_RUNTIME_SERVICES_DRIVER: where the image was loaded, its size, its link-time address and the device path it
/// was loaded from, as text. The record's digest is the image's Authenticode digest, not a hash of this data.
/// </summary>
public sealed class TcgImageLoadEventData : TcgEventData
{
    internal TcgImageLoadEventData(ulong imageLocation, ulong imageLength, ulong linkTimeAddress, int devicePathLength, string devicePath)
    {
        ImageLocation = imageLocation;
        ImageLength = imageLength;
        LinkTimeAddress = linkTimeAddress;
        DevicePathLength = devicePathLength;
        DevicePath = devicePath;
    }

    /// <summary>ImageLocationInMemory.</summary>
    public ulong ImageLocation { get; }

    /// <summary>ImageLengthInMemory, in bytes.</summary>
    public ulong ImageLength { get; }

    /// <summary>ImageLinkTimeAddress.</summary>
    public ulong LinkTimeAddress { get; }

    /// <summary>LengthOfDevicePath, in bytes.</summary>
    public int DevicePathLength { get; }

    /// <summary>
    /// The device path in the UEFI text form (PciRoot(0x0)/Pci(0x3,0x0)/Scsi(0x1,0x0)/HD(15,GPT,...)/\EFI\BOOT\BOOTX64.EFI);
    /// a node this decoder does not know is Path(type,subtype,hex). Empty when the event has no device path.
    /// </summary>
    public string DevicePath { get; }

    /// <inheritdoc />
    public override string Summary => string.Format(
        CultureInfo.InvariantCulture,
        "{0} ({1} bytes at 0x{2:X})",
        DevicePath.Length == 0 ? "(no device path)" : DevicePath,
        ImageLength,
        ImageLocation);
}
