using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// A signed Secure Boot update (DBXUpdate.bin, a KEK or db update): EFI_VARIABLE_AUTHENTICATION_2 (UEFI 2.10 §8.2.2), then
/// the new variable data. +0 EFI_TIME timestamp (16 bytes); +16 WIN_CERTIFICATE_UEFI_GUID: dwLength u32 (24 + the PKCS#7
/// length), wRevision u16 = 0x0200, wCertificateType u16 = 0x0EF1 (WIN_CERT_TYPE_EFI_GUID); +24 CertType =
/// EFI_CERT_TYPE_PKCS7_GUID; +40 (<see cref="HeaderSize"/>) the DER PKCS#7 SignedData; the payload, a signature database, from 16 + dwLength to the
/// end. The header is checked field by field; the signature is not verified.
/// </summary>
public sealed class EfiAuthenticatedVariable
{
    /// <summary>wRevision of WIN_CERTIFICATE that UEFI requires.</summary>
    public const ushort WinCertificateRevision = 0x0200;

    /// <summary>wCertificateType WIN_CERT_TYPE_EFI_GUID.</summary>
    public const ushort WinCertificateTypeEfiGuid = 0x0EF1;

    /// <summary>The size of the fixed part: EFI_TIME (16) and the WIN_CERTIFICATE_UEFI_GUID header (24).</summary>
    public const int HeaderSize = 40;

    private const int CertificateOffset = 16;
    private const int WinCertificateHeaderSize = 24;

    private readonly byte[] _pkcs7;

    private EfiAuthenticatedVariable(
        EfiTime timeStamp,
        int certificateLength,
        byte[] pkcs7,
        IReadOnlyList<EfiCertificate> certificates,
        string? certificatesError,
        EfiSignatureDatabaseContents payload)
    {
        TimeStamp = timeStamp;
        CertificateLength = certificateLength;
        _pkcs7 = pkcs7;
        Certificates = certificates;
        Signers = certificates.Where(c => c.IsSigner).ToArray();
        CertificatesError = certificatesError;
        Payload = payload;
    }

    /// <summary>The timestamp of the write (Microsoft's updates all carry 2010-03-06 19:17:21).</summary>
    public EfiTime TimeStamp { get; }

    /// <summary>WIN_CERTIFICATE.dwLength: the certificate header (24 bytes) and the PKCS#7 data.</summary>
    public int CertificateLength { get; }

    /// <summary>The length of the PKCS#7 data.</summary>
    public int Pkcs7Length => _pkcs7.Length;

    /// <summary>The certificates the SignedData carries (the signer's and, in Microsoft's updates, its issuing CA).</summary>
    public IReadOnlyList<EfiCertificate> Certificates { get; }

    /// <summary>The certificates a SignerInfo names.</summary>
    public IReadOnlyList<EfiCertificate> Signers { get; }

    /// <summary>Why the SignedData's certificates could not all be read (empty or malformed PKCS#7), or null.</summary>
    public string? CertificatesError { get; }

    /// <summary>Where the payload starts in the input: 16 + dwLength.</summary>
    public int PayloadOffset => CertificateOffset + CertificateLength;

    /// <summary>The payload, parsed as a signature database; its offsets name bytes of the whole input.</summary>
    public EfiSignatureDatabaseContents Payload { get; }

    /// <summary>Parses a signed update.</summary>
    /// <exception cref="EfiFormatException">The header or the payload is not well formed, or a limit of <paramref name="options"/> is exceeded.</exception>
    public static EfiAuthenticatedVariable Parse(byte[] data, EfiParseOptions? options = null)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        options ??= new EfiParseOptions();
        EfiSignatureDatabase.CheckInputLength(data, options);
        if (data.Length < EfiTime.Size)
        {
            throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "EFI_TIME needs {0} bytes but only {1} are left", EfiTime.Size, data.Length), 0);
        }

        if (data.Length < HeaderSize)
        {
            throw new EfiFormatException(
                string.Format(CultureInfo.InvariantCulture, "WIN_CERTIFICATE_UEFI_GUID needs {0} bytes but only {1} are left", WinCertificateHeaderSize, data.Length - CertificateOffset),
                CertificateOffset);
        }

        var length = SecureBootBytes.UInt32(data, CertificateOffset);
        if (length < WinCertificateHeaderSize)
        {
            throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "dwLength is {0}; WIN_CERTIFICATE_UEFI_GUID is at least its {1}-byte header", length, WinCertificateHeaderSize), CertificateOffset);
        }

        if (length > data.Length - CertificateOffset)
        {
            throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "dwLength is {0} but only {1} bytes follow the timestamp", length, data.Length - CertificateOffset), CertificateOffset);
        }

        var revision = SecureBootBytes.UInt16(data, 20);
        if (revision != WinCertificateRevision)
        {
            throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "wRevision is 0x{0:X4}; UEFI requires 0x0200", revision), 20);
        }

        var certificateType = SecureBootBytes.UInt16(data, 22);
        if (certificateType != WinCertificateTypeEfiGuid)
        {
            throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "wCertificateType is 0x{0:X4}; an EFI_VARIABLE_AUTHENTICATION_2 has 0x0EF1 (WIN_CERT_TYPE_EFI_GUID)", certificateType), 22);
        }

        var certType = SecureBootBytes.Guid(data, 24);
        if (certType != EfiSignatureTypes.Pkcs7)
        {
            throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "CertType is {0}; an EFI_VARIABLE_AUTHENTICATION_2 has EFI_CERT_TYPE_PKCS7_GUID", certType), 24);
        }

        var pkcs7Length = (int)length - WinCertificateHeaderSize;
        var payloadOffset = CertificateOffset + (int)length;
        var payload = EfiSignatureDatabase.ParseRange(data, payloadOffset, data.Length, options);
        var certificates = Pkcs7CertificateReader.Read(data, HeaderSize, pkcs7Length, options.DecodeCertificates, out var certificatesError);
        return new EfiAuthenticatedVariable(
            EfiTime.Read(data, 0),
            (int)length,
            SecureBootBytes.Copy(data, HeaderSize, pkcs7Length),
            certificates,
            certificatesError,
            payload);
    }

    /// <summary>The DER PKCS#7 SignedData, byte for byte.</summary>
    public byte[] GetPkcs7() => (byte[])_pkcs7.Clone();

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "signed {0} by {1}: {2}",
        TimeStamp,
        Signers.Count > 0 ? Signers[0].Subject ?? "an unreadable certificate" : "no signer found",
        Payload);
}
