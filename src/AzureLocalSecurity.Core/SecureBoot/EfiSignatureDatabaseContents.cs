using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>A parsed signature database (the data of PK, KEK, db, dbx, or the payload of a signed update).</summary>
public sealed class EfiSignatureDatabaseContents
{
    internal EfiSignatureDatabaseContents(IReadOnlyList<EfiSignatureList> lists, IReadOnlyList<EfiSignatureEntry> entries, int length)
    {
        Lists = lists;
        Entries = entries;
        Length = length;
    }

    /// <summary>The lists, in order.</summary>
    public IReadOnlyList<EfiSignatureList> Lists { get; }

    /// <summary>Every entry of every list, in order.</summary>
    public IReadOnlyList<EfiSignatureEntry> Entries { get; }

    /// <summary>The number of bytes the lists take.</summary>
    public int Length { get; }

    /// <summary>The first certificate entry whose SHA-1 thumbprint is this (hex, either case), or null.</summary>
    public EfiSignatureEntry? FindCertificate(string thumbprint)
    {
        if (thumbprint is null)
        {
            throw new ArgumentNullException(nameof(thumbprint));
        }

        foreach (var entry in Entries)
        {
            if (entry.Thumbprint is not null && string.Equals(entry.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Whether a certificate entry has this SHA-1 thumbprint (hex, either case).</summary>
    public bool ContainsCertificate(string thumbprint) => FindCertificate(thumbprint) is not null;

    /// <summary>
    /// Whether an entry of a hash type holds this hash: a SHA type's data, or the hash part of an X509_SHA type (the
    /// hash's length picks the types that can hold it).
    /// </summary>
    public bool ContainsHash(byte[] hash)
    {
        if (hash is null)
        {
            throw new ArgumentNullException(nameof(hash));
        }

        foreach (var entry in Entries)
        {
            if (entry.Hash is not null && entry.Hash.Length == hash.Length * 2 && SecureBootBytes.Equal(entry.Data, 0, hash.Length, hash, 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} lists, {1} entries", Lists.Count, Entries.Count);
}
