using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>One boot image Microsoft's dbx revokes by its Authenticode hash, as dbx_info_msft_latest.json describes it.</summary>
public sealed class DbxImage
{
    internal DbxImage(
        string architecture,
        string authenticodeHash,
        string hashType,
        string? flatHash,
        string fileName,
        string description,
        string companyName,
        DateTime? dateOfAddition,
        string signingAuthority,
        bool isOptional,
        string? note)
    {
        Architecture = architecture;
        AuthenticodeHash = authenticodeHash;
        HashType = hashType;
        FlatHash = flatHash;
        FileName = fileName;
        Description = description;
        CompanyName = companyName;
        DateOfAddition = dateOfAddition;
        SigningAuthority = signingAuthority;
        IsOptional = isOptional;
        Note = note;
    }

    /// <summary>The architecture list it is in: x64, ia32, aarch64 or arm.</summary>
    public string Architecture { get; }

    /// <summary>The Authenticode hash dbx holds, upper-case hex.</summary>
    public string AuthenticodeHash { get; }

    /// <summary>The hash algorithm (SHA256 for every image in the file).</summary>
    public string HashType { get; }

    /// <summary>The SHA-256 of the whole file, upper-case hex, where Microsoft gives it; otherwise null.</summary>
    public string? FlatHash { get; }

    /// <summary>The image's file name, such as shim.efi or bootmgfw.efi (empty where Microsoft gives none).</summary>
    public string FileName { get; }

    /// <summary>Why it is revoked (CVE numbers, "Black Lotus ..."), empty where Microsoft gives nothing.</summary>
    public string Description { get; }

    /// <summary>The publisher, as Microsoft names it ("Unknown" where it does not know).</summary>
    public string CompanyName { get; }

    /// <summary>When the hash was added to Microsoft's dbx, or null when the file gives no date.</summary>
    public DateTime? DateOfAddition { get; }

    /// <summary>The authority that signed the image, such as "Microsoft Corporation UEFI CA 2011" ("CN = " taken off).</summary>
    public string SigningAuthority { get; }

    /// <summary>True when Microsoft marks the revocation optional (<c>isOptional</c>).</summary>
    public bool IsOptional { get; }

    /// <summary>Microsoft's note, where there is one.</summary>
    public string? Note { get; }

    /// <summary>One line: file, publisher, architecture, reason, signer and date.</summary>
    public string Describe()
    {
        var name = FileName.Length > 0 ? FileName : "an unnamed image";
        var reason = Description.Length > 0 ? ": " + Description : string.Empty;
        var added = DateOfAddition is null ? string.Empty : ", added " + DateOfAddition.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Format(CultureInfo.InvariantCulture, "{0} from {1} ({2}){3}; signed by {4}{5}", name, CompanyName, Architecture, reason, SigningAuthority, added);
    }

    /// <inheritdoc />
    public override string ToString() => Describe();
}
