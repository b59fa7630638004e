using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// The signature type GUIDs of UEFI 2.10 §32.4.1 (edk2 MdePkg/Include/Guid/ImageAuthentication.h), with the size of
/// each type's signature data where the specification fixes it.
/// </summary>
public static class EfiSignatureTypes
{
    private static readonly Dictionary<Guid, (EfiSignatureKind Kind, string Name, int DataSize)> Known = new()
    {
        [new Guid("826ca512-cf10-4ac9-b187-be01496631bd")] = (EfiSignatureKind.Sha1, "EFI_CERT_SHA1_GUID", 20),
        [new Guid("0b6e5233-a65c-44c9-9407-d9ab83bfc8bd")] = (EfiSignatureKind.Sha224, "EFI_CERT_SHA224_GUID", 28),
        [new Guid("c1c41626-504c-4092-aca9-41f936934328")] = (EfiSignatureKind.Sha256, "EFI_CERT_SHA256_GUID", 32),
        [new Guid("ff3e5307-9fd0-48c9-85f1-8ad56c701e01")] = (EfiSignatureKind.Sha384, "EFI_CERT_SHA384_GUID", 48),
        [new Guid("093e0fae-a6c4-4f50-9f1b-d41e2b89c19a")] = (EfiSignatureKind.Sha512, "EFI_CERT_SHA512_GUID", 64),
        [new Guid("3c5766e8-269c-4e34-aa14-ed776e85b3b6")] = (EfiSignatureKind.Rsa2048, "EFI_CERT_RSA2048_GUID", 256),
        [new Guid("e2b36190-879b-4a3d-ad8d-f2e7bba32784")] = (EfiSignatureKind.Rsa2048Sha256, "EFI_CERT_RSA2048_SHA256_GUID", 256),
        [new Guid("67f8444f-8743-48f1-a328-1eaab8736080")] = (EfiSignatureKind.Rsa2048Sha1, "EFI_CERT_RSA2048_SHA1_GUID", 256),
        [new Guid("a5c059a1-94e4-4aa7-87b5-ab155c2bf072")] = (EfiSignatureKind.X509, "EFI_CERT_X509_GUID", 0),
        [new Guid("3bd2a492-96c0-4079-b420-fcf98ef103ed")] = (EfiSignatureKind.X509Sha256, "EFI_CERT_X509_SHA256_GUID", 32 + 16),
        [new Guid("7076876e-80c2-4ee6-aad2-28b349a6865b")] = (EfiSignatureKind.X509Sha384, "EFI_CERT_X509_SHA384_GUID", 48 + 16),
        [new Guid("446dbf63-2502-4cda-bcfa-2465d2b0fe9d")] = (EfiSignatureKind.X509Sha512, "EFI_CERT_X509_SHA512_GUID", 64 + 16),
        [new Guid("4aafd29d-68df-49ee-8aa9-347d375665a7")] = (EfiSignatureKind.Pkcs7, "EFI_CERT_TYPE_PKCS7_GUID", 0),
    };

    /// <summary>EFI_CERT_X509_GUID.</summary>
    public static Guid X509 { get; } = new("a5c059a1-94e4-4aa7-87b5-ab155c2bf072");

    /// <summary>EFI_CERT_SHA256_GUID.</summary>
    public static Guid Sha256 { get; } = new("c1c41626-504c-4092-aca9-41f936934328");

    /// <summary>EFI_CERT_TYPE_PKCS7_GUID: the CertType of a WIN_CERTIFICATE_UEFI_GUID in an EFI_VARIABLE_AUTHENTICATION_2.</summary>
    public static Guid Pkcs7 { get; } = new("4aafd29d-68df-49ee-8aa9-347d375665a7");

    /// <summary>The kind a type GUID names (<see cref="EfiSignatureKind.Unknown"/> for one not in UEFI 2.10).</summary>
    public static EfiSignatureKind KindOf(Guid signatureType) => Known.TryGetValue(signatureType, out var known) ? known.Kind : EfiSignatureKind.Unknown;

    /// <summary>The specification's name for a type GUID, such as EFI_CERT_SHA256_GUID; null for an unknown one.</summary>
    public static string? NameOf(Guid signatureType) => Known.TryGetValue(signatureType, out var known) ? known.Name : null;

    /// <summary>The type GUID of a kind (<see cref="Guid.Empty"/> for <see cref="EfiSignatureKind.Unknown"/>).</summary>
    public static Guid GuidOf(EfiSignatureKind kind)
    {
        foreach (var pair in Known)
        {
            if (pair.Value.Kind == kind)
            {
                return pair.Key;
            }
        }

        return Guid.Empty;
    }

    /// <summary>
    /// The size of the signature data (after the 16-byte owner) the specification fixes for the type, or null when it
    /// varies (X.509, PKCS#7) or the type is unknown. Firmware refuses a list of a fixed-size type whose SignatureSize is
    /// not 16 plus this (edk2 AuthService.c, CheckSignatureListFormat).
    /// </summary>
    public static int? DataSizeOf(Guid signatureType) =>
        Known.TryGetValue(signatureType, out var known) && known.DataSize > 0 ? known.DataSize : null;
}
