using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// Microsoft's Secure Boot certificates of the 2026 rollover (FORMATS.md §1, AZURE-LOCAL.md §5; thumbprints and expiry
/// read from the certificates published in microsoft/secureboot_objects PreSignedObjects): the three 2011 authorities
/// that expire in June and October 2026, the four 2023 authorities that replace them, and the Windows OEM Devices PK.
/// </summary>
public static class MicrosoftSecureBootCertificates
{
    /// <summary>Microsoft Corporation KEK CA 2011.</summary>
    public const string KekCa2011 = "Microsoft Corporation KEK CA 2011";

    /// <summary>Microsoft Corporation KEK 2K CA 2023.</summary>
    public const string KekCa2023 = "Microsoft Corporation KEK 2K CA 2023";

    /// <summary>Microsoft Windows Production PCA 2011.</summary>
    public const string WindowsProductionPca2011 = "Microsoft Windows Production PCA 2011";

    /// <summary>Microsoft Corporation UEFI CA 2011.</summary>
    public const string UefiCa2011 = "Microsoft Corporation UEFI CA 2011";

    /// <summary>Windows UEFI CA 2023.</summary>
    public const string WindowsUefiCa2023 = "Windows UEFI CA 2023";

    /// <summary>Microsoft UEFI CA 2023.</summary>
    public const string UefiCa2023 = "Microsoft UEFI CA 2023";

    /// <summary>Microsoft Option ROM UEFI CA 2023.</summary>
    public const string OptionRomUefiCa2023 = "Microsoft Option ROM UEFI CA 2023";

    /// <summary>Windows OEM Devices PK.</summary>
    public const string WindowsOemDevicesPk = "Windows OEM Devices PK";

    private static readonly string[] None = [];

    /// <summary>The eight certificates, 2011 generation first.</summary>
    public static IReadOnlyList<MicrosoftSecureBootCertificate> All { get; } =
    [
        new(KekCa2011, "31590BFD89C9D74ED087DFAC66334B3931254B30", SecureBootCertificateRole.KeyExchangeKey, 2011, Utc(2026, 6, 24, 20, 51, 29), "signs db and dbx updates", [KekCa2023]),
        new(UefiCa2011, "46DEF63B5CE61CF8BA0DE2E6639C1019D0ED14F3", SecureBootCertificateRole.SignatureDatabase, 2011, Utc(2026, 6, 27, 21, 32, 45), "signs third-party boot loaders (shim), drivers and option ROMs", [UefiCa2023, OptionRomUefiCa2023]),
        new(WindowsProductionPca2011, "580A6F4CC4E4B669B9EBDC1B2B3E087B80D0678D", SecureBootCertificateRole.SignatureDatabase, 2011, Utc(2026, 10, 19, 18, 51, 42), "signs the Windows boot manager", [WindowsUefiCa2023]),
        new(KekCa2023, "459AB6FB5E284D272D5E3E6ABC8ED663829D632B", SecureBootCertificateRole.KeyExchangeKey, 2023, Utc(2038, 3, 2, 20, 31, 35), "signs db and dbx updates", None),
        new(WindowsUefiCa2023, "45A0FA32604773C82433C3B7D59E7466B3AC0C67", SecureBootCertificateRole.SignatureDatabase, 2023, Utc(2035, 6, 13, 19, 8, 29), "signs the Windows boot manager", None),
        new(UefiCa2023, "B5EEB4A6706048073F0ED296E7F580A790B59EAA", SecureBootCertificateRole.SignatureDatabase, 2023, Utc(2038, 6, 13, 19, 31, 47), "signs third-party boot loaders and drivers", None),
        new(OptionRomUefiCa2023, "3FB39E2B8BD183BF9E4594E72183CA60AFCD4277", SecureBootCertificateRole.SignatureDatabase, 2023, Utc(2038, 10, 26, 19, 12, 20), "signs option ROMs", None),
        new(WindowsOemDevicesPk, "3D8660C0CB2D57B189C3D7995572A552F75E48B5", SecureBootCertificateRole.PlatformKey, 2023, Utc(2038, 9, 18, 20, 28, 26), "the platform key Microsoft offers OEMs", None),
    ];

    /// <summary>The certificate with this SHA-1 thumbprint (hex, either case, spaces and colons ignored), or null.</summary>
    public static MicrosoftSecureBootCertificate? FindByThumbprint(string? thumbprint)
    {
        if (thumbprint is null)
        {
            return null;
        }

        var normalized = thumbprint.Replace(" ", string.Empty).Replace(":", string.Empty).ToUpperInvariant();
        foreach (var certificate in All)
        {
            if (string.Equals(certificate.Thumbprint, normalized, StringComparison.Ordinal))
            {
                return certificate;
            }
        }

        return null;
    }

    /// <summary>The certificate with this name (as <see cref="MicrosoftSecureBootCertificate.Name"/>, ordinal), or null.</summary>
    public static MicrosoftSecureBootCertificate? FindByName(string? name)
    {
        foreach (var certificate in All)
        {
            if (string.Equals(certificate.Name, name, StringComparison.Ordinal))
            {
                return certificate;
            }
        }

        return null;
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
