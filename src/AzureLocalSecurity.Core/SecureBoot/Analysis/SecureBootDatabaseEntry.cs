using System;

namespace AzureLocalSecurity.SecureBoot.Analysis;

/// <summary>One entry of a Secure Boot database (PK, KEK, db, dbx, ...) on one node, with what is known about it.</summary>
public sealed class SecureBootDatabaseEntry
{
    internal SecureBootDatabaseEntry(string computerName, string database, EfiSignatureEntry entry, string? revokes, string source)
    {
        ComputerName = computerName;
        Database = database;
        Entry = entry;
        Revokes = revokes;
        Source = source;
    }

    /// <summary>The node, or the file.</summary>
    public string ComputerName { get; }

    /// <summary>The variable: PK, KEK, db, dbx, ..., or the file's name for a list read from a file.</summary>
    public string Database { get; }

    /// <summary>The parsed EFI_SIGNATURE_DATA with its list and position.</summary>
    public EfiSignatureEntry Entry { get; }

    /// <summary>The signature type: X509, Sha256, ... (the EFI_CERT_*_GUID name or the GUID for a type this module does not know).</summary>
    public string SignatureType => Entry.Kind == EfiSignatureKind.Unknown ? Entry.SignatureTypeName : Entry.Kind.ToString();

    /// <summary>The owner GUID's name (Microsoft, the Windows SVN owner) or the GUID.</summary>
    public string Owner => Entry.OwnerName ?? Entry.Owner.ToString("D");

    /// <summary>Certificates: the subject.</summary>
    public string? Subject => Entry.Subject;

    /// <summary>Certificates: the issuer.</summary>
    public string? Issuer => Entry.Issuer;

    /// <summary>Certificates: the SHA-1 thumbprint.</summary>
    public string? Thumbprint => Entry.Thumbprint;

    /// <summary>Certificates: valid from (UTC).</summary>
    public DateTime? NotBefore => Entry.NotBefore;

    /// <summary>Certificates: valid until (UTC).</summary>
    public DateTime? NotAfter => Entry.NotAfter;

    /// <summary>Certificates: the Microsoft Secure Boot CA this is (by thumbprint), such as "Windows UEFI CA 2023".</summary>
    public string? KnownName => Entry.KnownName;

    /// <summary>Hashes: the value as hex.</summary>
    public string? Hash => Entry.Hash;

    /// <summary>dbx hashes: what Microsoft's published dbx list says the hash revokes; null when the list does not know it.</summary>
    public string? Revokes { get; }

    /// <summary>Windows SVN entries: the boot application and the minimum version allowed.</summary>
    public string? Svn => Entry.Svn is { } svn ? $"{svn.ApplicationName ?? svn.Application.ToString("D")} {svn.Version}" : null;

    /// <summary>Why the entry could not be decoded (a certificate .NET cannot read), or null.</summary>
    public string? Error => Entry.Error;

    /// <summary>Where the database was read.</summary>
    public string Source { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Database} {Entry}";
}
