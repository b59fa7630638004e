using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// One EFI_SIGNATURE_DATA of a signature list: its owner and data, and what the data is. A certificate carries its
/// subject, issuer, validity, thumbprint, SHA-256 and, for one of Microsoft's, its known name; a hash its hex value; a
/// Windows SVN record its application and version. Data that cannot be decoded as its type says is kept with
/// <see cref="Error"/> set.
/// </summary>
public sealed class EfiSignatureEntry
{
    private readonly byte[] _data;

    internal EfiSignatureEntry(int listIndex, int entryIndex, int offset, Guid signatureType, Guid owner, byte[] data)
    {
        ListIndex = listIndex;
        EntryIndex = entryIndex;
        Offset = offset;
        SignatureType = signatureType;
        Kind = EfiSignatureTypes.KindOf(signatureType);
        SignatureTypeName = EfiSignatureTypes.NameOf(signatureType) ?? signatureType.ToString("D");
        Owner = owner;
        OwnerName = EfiSignatureOwners.NameOf(owner);
        _data = data;
    }

    /// <summary>The index of the list that holds the entry (0 for the first list).</summary>
    public int ListIndex { get; }

    /// <summary>The index of the entry in its list.</summary>
    public int EntryIndex { get; }

    /// <summary>The byte offset of the EFI_SIGNATURE_DATA (its owner GUID) in the input.</summary>
    public int Offset { get; }

    /// <summary>The list's SignatureType GUID.</summary>
    public Guid SignatureType { get; }

    /// <summary>The type as a name (<see cref="EfiSignatureKind.Unknown"/> for a GUID not in UEFI 2.10).</summary>
    public EfiSignatureKind Kind { get; }

    /// <summary>The specification's name of the type, such as EFI_CERT_X509_GUID, or the GUID itself when unknown.</summary>
    public string SignatureTypeName { get; }

    /// <summary>The SignatureOwner GUID.</summary>
    public Guid Owner { get; }

    /// <summary>"Microsoft", "Windows SVN", or null for an owner this module does not name.</summary>
    public string? OwnerName { get; }

    /// <summary>The length of the signature data (the entry without its 16-byte owner).</summary>
    public int DataLength => _data.Length;

    /// <summary>The hash in upper-case hex, for the SHA types and the hash part of the X509_SHA types; otherwise null.</summary>
    public string? Hash { get; internal set; }

    /// <summary>For the X509_SHA types: the time of revocation after the hash (all zero means "for all time").</summary>
    public EfiTime? RevocationTime { get; internal set; }

    /// <summary>For a certificate: its subject distinguished name.</summary>
    public string? Subject { get; internal set; }

    /// <summary>For a certificate: its issuer distinguished name.</summary>
    public string? Issuer { get; internal set; }

    /// <summary>For a certificate: its serial number, big-endian hex.</summary>
    public string? SerialNumber { get; internal set; }

    /// <summary>For a certificate: the SHA-1 thumbprint of its DER, upper-case hex, as Windows shows it.</summary>
    public string? Thumbprint { get; internal set; }

    /// <summary>For a certificate: the SHA-256 of its DER, upper-case hex.</summary>
    public string? CertificateSha256 { get; internal set; }

    /// <summary>For a certificate: valid from (UTC).</summary>
    public DateTime? NotBefore { get; internal set; }

    /// <summary>For a certificate: valid until (UTC).</summary>
    public DateTime? NotAfter { get; internal set; }

    /// <summary>For one of Microsoft's Secure Boot certificates (found by thumbprint): what it is.</summary>
    public MicrosoftSecureBootCertificate? KnownCertificate { get; internal set; }

    /// <summary>The known certificate's name, such as "Windows UEFI CA 2023", or null.</summary>
    public string? KnownName => KnownCertificate?.Name;

    /// <summary>For a Windows SVN record (owner <see cref="EfiSignatureOwners.WindowsSvn"/> in a SHA-256 list): the application and version.</summary>
    public WindowsSvnData? Svn { get; internal set; }

    /// <summary>Why the data could not be decoded as its type says (a certificate .NET cannot read, an SVN record of an unknown format), or null.</summary>
    public string? Error { get; internal set; }

    /// <summary>The signature data (without the owner GUID), byte for byte.</summary>
    public byte[] GetData() => (byte[])_data.Clone();

    /// <inheritdoc />
    public override string ToString()
    {
        var what = Svn?.ToString() ?? KnownName ?? Subject ?? Hash ?? Error ?? string.Format(CultureInfo.InvariantCulture, "{0} bytes", _data.Length);
        return string.Format(CultureInfo.InvariantCulture, "[{0}.{1}] {2} {3}", ListIndex, EntryIndex, SignatureTypeName, what);
    }

    /// <summary>The data array itself, for the parser and the database's lookups; never handed out.</summary>
    internal byte[] Data => _data;
}
