using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// A Windows boot application's security version number as dbx carries it: a 32-byte SHA-256 entry owned by
/// <see cref="EfiSignatureOwners.WindowsSvn"/>. Byte 0 is the format (1); bytes 1–16 the application's GUID; bytes 17–20
/// a u32 little-endian <c>(major &lt;&lt; 16) | minor</c>; the rest zero (secureboot_objects scripts/utility_functions.py,
/// SvnData). A boot application whose own SVN is below the one in dbx is refused.
/// </summary>
public sealed class WindowsSvnData
{
    /// <summary>The only format byte known.</summary>
    public const byte KnownFormat = 1;

    /// <summary>The size of the record.</summary>
    public const int Size = 32;

    private WindowsSvnData(Guid application, int major, int minor)
    {
        Application = application;
        ApplicationName = NameOf(application);
        Major = major;
        Minor = minor;
        Version = new Version(major, minor);
    }

    /// <summary>bootmgfw.efi, the Windows boot manager (EFI_BOOTMGR_DBXSVN_GUID).</summary>
    public static Guid BootManager { get; } = new("9d132b61-59d5-4388-ab1c-185c3cb2eb92");

    /// <summary>cdboot.efi, the boot manager of CD/DVD media (EFI_CDBOOT_DBXSVN_GUID).</summary>
    public static Guid CdBoot { get; } = new("e8f82e9d-e127-4158-a488-4c18abe2f284");

    /// <summary>wdsmgfw.efi, the Windows Deployment Services boot manager (EFI_WDSMGR_DBXSVN_GUID).</summary>
    public static Guid WdsManager { get; } = new("c999cac2-7ffe-496f-8127-9e2a8a535976");

    /// <summary>The boot application's GUID.</summary>
    public Guid Application { get; }

    /// <summary>"bootmgfw.efi", "cdboot.efi", "wdsmgfw.efi", or null for a GUID this module does not know.</summary>
    public string? ApplicationName { get; }

    /// <summary>The major security version.</summary>
    public int Major { get; }

    /// <summary>The minor security version.</summary>
    public int Minor { get; }

    /// <summary>Major.Minor, comparable.</summary>
    public Version Version { get; }

    /// <summary>The file name of a known boot application GUID, or null.</summary>
    public static string? NameOf(Guid application)
    {
        if (application == BootManager)
        {
            return "bootmgfw.efi";
        }

        if (application == CdBoot)
        {
            return "cdboot.efi";
        }

        return application == WdsManager ? "wdsmgfw.efi" : null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} SVN {1}.{2}",
        ApplicationName ?? Application.ToString(),
        Major,
        Minor);

    /// <summary>Decodes the 32 bytes at <paramref name="offset"/>, or says why not.</summary>
    internal static WindowsSvnData? Decode(byte[] data, int offset, int count, out string? error)
    {
        if (count != Size)
        {
            error = string.Format(CultureInfo.InvariantCulture, "A Windows SVN record is {0} bytes, not {1}.", Size, count);
            return null;
        }

        if (data[offset] != KnownFormat)
        {
            error = string.Format(CultureInfo.InvariantCulture, "Windows SVN record format {0} is not known (1 is).", data[offset]);
            return null;
        }

        var version = SecureBootBytes.UInt32(data, offset + 17);
        error = null;
        return new WindowsSvnData(SecureBootBytes.Guid(data, offset + 1), (int)(version >> 16), (int)(version & 0xFFFF));
    }
}
