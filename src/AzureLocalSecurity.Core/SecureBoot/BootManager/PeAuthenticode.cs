using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot.BootManager;

/// <summary>
/// Reads the Authenticode signatures of a PE/COFF image (Microsoft PE Format, "The Attribute Certificate Table"; Windows
/// Authenticode Portable Executable Signature Format): the MZ header's e_lfanew, the PE signature, the COFF header, the
/// optional header (PE32 or PE32+) and its data directory IMAGE_DIRECTORY_ENTRY_SECURITY (index 4), whose VirtualAddress
/// is a file offset, then each 8-byte-aligned WIN_CERTIFICATE there. Each PKCS#7 SignedData gives its certificates and
/// its signer (by issuer and serial number), the signer's issuer chain inside those certificates, and the Microsoft Secure
/// Boot CA it reaches. Nothing is verified (not the image hash, not a signature): this says who signed, not whether the
/// signature is good. Nested signatures (unsigned attribute 1.3.6.1.4.1.311.2.4.1) are not read; UEFI firmware does
/// not read them either, it reads each WIN_CERTIFICATE.
/// </summary>
public static class PeAuthenticode
{
    private const ushort Pe32Magic = 0x10B;
    private const ushort Pe32PlusMagic = 0x20B;
    private const int SecurityDirectoryIndex = 4;
    private const int WinCertificateHeaderSize = 8;

    /// <summary>WIN_CERT_REVISION_2_0.</summary>
    public const ushort WinCertRevision2 = 0x0200;

    /// <summary>WIN_CERT_TYPE_PKCS_SIGNED_DATA.</summary>
    public const ushort WinCertTypePkcsSignedData = 0x0002;

    /// <summary>
    /// Reads the image's signatures. An image without a security directory (or with an empty one) is not signed: a result
    /// with no signatures, not an exception. Throws <see cref="PeFormatException"/> naming the byte of the field that is
    /// wrong when the headers, the security directory or a WIN_CERTIFICATE header are malformed.
    /// </summary>
    public static PeSignature Read(byte[] image)
    {
        if (image is null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        if (image.Length < 0x40)
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "the image is {0} bytes, shorter than the 64-byte MS-DOS header", image.Length), 0);
        }

        if (image[0] != (byte)'M' || image[1] != (byte)'Z')
        {
            throw new PeFormatException("the image does not start with the MS-DOS signature \"MZ\"", 0);
        }

        var lfanew = SecureBootBytes.UInt32(image, 0x3C);
        const int PeSignatureAndCoffHeader = 4 + 20;
        if (lfanew > (uint)(image.Length - PeSignatureAndCoffHeader))
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "e_lfanew 0x{0:X} leaves no room for the PE signature and COFF header in {1} bytes", lfanew, image.Length), 0x3C);
        }

        var pe = (int)lfanew;
        if (image[pe] != (byte)'P' || image[pe + 1] != (byte)'E' || image[pe + 2] != 0 || image[pe + 3] != 0)
        {
            throw new PeFormatException("the PE signature \"PE\\0\\0\" is not at e_lfanew", pe);
        }

        var coff = pe + 4;
        var machine = SecureBootBytes.UInt16(image, coff);
        var optionalHeaderSize = SecureBootBytes.UInt16(image, coff + 16);
        var optional = coff + 20;
        if (optionalHeaderSize < 2 || optionalHeaderSize > image.Length - optional)
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "SizeOfOptionalHeader {0} does not fit in the image", optionalHeaderSize), coff + 16);
        }

        var magic = SecureBootBytes.UInt16(image, optional);
        bool isPe32Plus;
        if (magic == Pe32Magic)
        {
            isPe32Plus = false;
        }
        else if (magic == Pe32PlusMagic)
        {
            isPe32Plus = true;
        }
        else
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "the optional header magic 0x{0:X} is neither PE32 (0x10B) nor PE32+ (0x20B)", magic), optional);
        }

        // NumberOfRvaAndSizes, then the data directories, follow the Windows-specific fields, whose size differs by 4 pointer-sized fields.
        var countField = optional + (isPe32Plus ? 108 : 92);
        var directories = countField + 4;
        if (countField + 4 > optional + optionalHeaderSize)
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "SizeOfOptionalHeader {0} ends before NumberOfRvaAndSizes", optionalHeaderSize), coff + 16);
        }

        var directoryCount = SecureBootBytes.UInt32(image, countField);
        var empty = new PeSignature(machine, isPe32Plus, 0, 0, []);
        if (directoryCount <= SecurityDirectoryIndex)
        {
            return empty;
        }

        var entry = directories + (SecurityDirectoryIndex * 8);
        if (entry + 8 > optional + optionalHeaderSize)
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "NumberOfRvaAndSizes {0} names a security directory entry beyond SizeOfOptionalHeader {1}", directoryCount, optionalHeaderSize), countField);
        }

        var tableOffset = SecureBootBytes.UInt32(image, entry);
        var tableSize = SecureBootBytes.UInt32(image, entry + 4);
        if (tableSize == 0)
        {
            return empty;
        }

        if (tableOffset == 0 || tableOffset > (uint)image.Length || tableSize > (uint)image.Length - tableOffset)
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "the security directory (file offset 0x{0:X}, {1} bytes) is not inside the {2}-byte image", tableOffset, tableSize, image.Length), entry);
        }

        var start = (int)tableOffset;
        var end = start + (int)tableSize;
        var signatures = new List<PeAuthenticodeSignature>();
        var position = start;
        while (position < end)
        {
            signatures.Add(ReadCertificate(image, position, end, signatures.Count, out var length));

            // Each entry starts on an 8-byte boundary; the padding after the last one may be left out.
            position += length + ((8 - (length % 8)) % 8);
        }

        return new PeSignature(machine, isPe32Plus, start, (int)tableSize, signatures);
    }

    private static PeAuthenticodeSignature ReadCertificate(byte[] image, int position, int end, int index, out int length)
    {
        if (end - position < WinCertificateHeaderSize)
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "{0} bytes are left in the security directory, fewer than a WIN_CERTIFICATE header", end - position), position);
        }

        var declared = SecureBootBytes.UInt32(image, position);
        if (declared < WinCertificateHeaderSize || declared > (uint)(end - position))
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "WIN_CERTIFICATE dwLength {0} is not between 8 and the {1} bytes left in the security directory", declared, end - position), position);
        }

        length = (int)declared;
        var revision = SecureBootBytes.UInt16(image, position + 4);
        if (revision != WinCertRevision2)
        {
            throw new PeFormatException(string.Format(CultureInfo.InvariantCulture, "WIN_CERTIFICATE wRevision 0x{0:X4} is not WIN_CERT_REVISION_2_0 (0x0200)", revision), position + 4);
        }

        var type = SecureBootBytes.UInt16(image, position + 6);
        var signature = new PeAuthenticodeSignature(index, position, length, revision, type);
        if (type != WinCertTypePkcsSignedData)
        {
            signature.UnknownReason = string.Format(CultureInfo.InvariantCulture, "the WIN_CERTIFICATE at byte {0} has wCertificateType 0x{1:X4}, not PKCS_SIGNED_DATA (0x0002)", position, type);
            return signature;
        }

        var certificates = Pkcs7CertificateReader.Read(image, position + WinCertificateHeaderSize, length - WinCertificateHeaderSize, decode: true, out var error);
        signature.Certificates = certificates;
        var signer = certificates.Find(c => c.IsSigner);
        if (signer is null)
        {
            signature.UnknownReason = error ?? (certificates.Count == 0
                ? "the SignedData carries no certificates"
                : "no certificate the SignedData carries is named by a SignerInfo");
            return signature;
        }

        signature.Signer = signer;
        Chain(signature, signer, certificates);
        return signature;
    }

    /// <summary>From the signer up, each certificate's issuer among the embedded ones, until a known CA or the top.</summary>
    private static void Chain(PeAuthenticodeSignature signature, EfiCertificate signer, List<EfiCertificate> certificates)
    {
        var chain = new List<EfiCertificate> { signer };
        var current = signer;
        while (current.KnownCertificate is null)
        {
            var issuer = certificates.Find(c => !chain.Contains(c) && c.Subject is not null && string.Equals(c.Subject, current.Issuer, StringComparison.Ordinal));
            if (issuer is null)
            {
                break;
            }

            chain.Add(issuer);
            current = issuer;
        }

        signature.Chain = chain;
        signature.ChainIssuer = current.Issuer;
        if (current.KnownCertificate is not null)
        {
            signature.ChainsTo = current.KnownCertificate;
            return;
        }

        var known = MicrosoftSecureBootCertificates.FindByName(CommonName(current.Issuer));
        if (known is not null)
        {
            signature.ChainsTo = known;
            signature.ChainsToByIssuerName = true;
        }
    }

    /// <summary>The CN of a distinguished name as X509Certificate2 writes it ("CN=..., O=..., C=US"), or null.</summary>
    internal static string? CommonName(string? distinguishedName)
    {
        if (distinguishedName is null)
        {
            return null;
        }

        foreach (var part in distinguishedName.Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed.Substring(3).Trim('"');
            }
        }

        return null;
    }
}
