using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// Reads a signature database: EFI_SIGNATURE_LISTs back to back until the end of the data (UEFI 2.10 §32.4.1). Each list
/// is a 28-byte header (SignatureType GUID, SignatureListSize, SignatureHeaderSize, SignatureSize, u32 little-endian),
/// SignatureHeaderSize bytes of header, then (ListSize − 28 − HeaderSize) / SignatureSize entries of a 16-byte owner GUID
/// and the signature data. Every size is checked against what is left before anything is allocated; a list whose sizes
/// do not add up, an entry cut short, or a signature size the type does not allow is an <see cref="EfiFormatException"/>
/// naming the byte.
/// </summary>
public static class EfiSignatureDatabase
{
    /// <summary>The size of an EFI_SIGNATURE_LIST header.</summary>
    public const int ListHeaderSize = 28;

    /// <summary>The size of an EFI_SIGNATURE_DATA's owner GUID.</summary>
    public const int OwnerSize = 16;

    /// <summary>Parses the whole of <paramref name="data"/> as a signature database (empty data is an empty database).</summary>
    /// <exception cref="EfiFormatException">The data is not a well-formed database, or exceeds a limit of <paramref name="options"/>.</exception>
    public static EfiSignatureDatabaseContents Parse(byte[] data, EfiParseOptions? options = null)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        options ??= new EfiParseOptions();
        CheckInputLength(data, options);
        return ParseRange(data, 0, data.Length, options);
    }

    internal static void CheckInputLength(byte[] data, EfiParseOptions options)
    {
        if (data.Length > options.MaxInputLength)
        {
            throw new EfiFormatException(
                string.Format(CultureInfo.InvariantCulture, "the input is {0} bytes; at most {1} are read", data.Length, options.MaxInputLength),
                options.MaxInputLength);
        }
    }

    /// <summary>Parses <c>data[start..end)</c>; offsets in entries and errors name bytes of <paramref name="data"/>.</summary>
    internal static EfiSignatureDatabaseContents ParseRange(byte[] data, int start, int end, EfiParseOptions options)
    {
        var lists = new List<EfiSignatureList>();
        var entries = new List<EfiSignatureEntry>();
        var position = start;
        while (position < end)
        {
            if (lists.Count == options.MaxLists)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "the database holds more than {0} signature lists", options.MaxLists), position);
            }

            var left = end - position;
            if (left < ListHeaderSize)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "an EFI_SIGNATURE_LIST header needs {0} bytes but only {1} are left", ListHeaderSize, left), position);
            }

            var type = SecureBootBytes.Guid(data, position);
            var listSize = SecureBootBytes.UInt32(data, position + 16);
            var headerSize = SecureBootBytes.UInt32(data, position + 20);
            var signatureSize = SecureBootBytes.UInt32(data, position + 24);
            if (listSize < ListHeaderSize)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "SignatureListSize is {0}; a list is at least its {1}-byte header", listSize, ListHeaderSize), position + 16);
            }

            if (listSize > left)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "SignatureListSize is {0} but only {1} bytes are left", listSize, left), position + 16);
            }

            if (headerSize > listSize - ListHeaderSize)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "SignatureHeaderSize is {0} but the list has only {1} bytes after its header", headerSize, listSize - ListHeaderSize), position + 20);
            }

            if (signatureSize <= OwnerSize)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "SignatureSize is {0}; an entry is a {1}-byte owner and at least one byte of data", signatureSize, OwnerSize), position + 24);
            }

            var fixedSize = EfiSignatureTypes.DataSizeOf(type);
            if (fixedSize is not null && signatureSize != OwnerSize + fixedSize.Value)
            {
                throw new EfiFormatException(
                    string.Format(CultureInfo.InvariantCulture, "SignatureSize is {0}; {1} entries are {2} bytes", signatureSize, EfiSignatureTypes.NameOf(type), OwnerSize + fixedSize.Value),
                    position + 24);
            }

            // ListSize and HeaderSize fit in the input now; SignatureSize may still be anything above 16, so the entry
            // count is worked out in 64 bits. A size larger than the bytes for entries leaves a partial entry, unless there
            // are no such bytes at all (a list of no entries, which firmware accepts).
            var first = position + ListHeaderSize + (int)headerSize;
            var body = (int)listSize - ListHeaderSize - (int)headerSize;
            var count = (int)(body / (long)signatureSize);
            var rest = (int)(body % (long)signatureSize);
            if (rest != 0)
            {
                throw new EfiFormatException(
                    string.Format(CultureInfo.InvariantCulture, "a partial entry: {0} bytes where a {1}-byte entry was due", rest, signatureSize),
                    first + (body - rest));
            }

            if (count > options.MaxEntries - entries.Count)
            {
                throw new EfiFormatException(string.Format(CultureInfo.InvariantCulture, "the lists hold more than {0} entries", options.MaxEntries), position + 16);
            }

            // With an entry, SignatureSize fits in the list, so in an int.
            var size = count > 0 ? (int)signatureSize : 0;
            var listEntries = new List<EfiSignatureEntry>(count);
            for (var i = 0; i < count; i++)
            {
                var at = first + (i * size);
                var entry = new EfiSignatureEntry(lists.Count, i, at, type, SecureBootBytes.Guid(data, at), SecureBootBytes.Copy(data, at + OwnerSize, size - OwnerSize));
                Describe(entry, options);
                listEntries.Add(entry);
                entries.Add(entry);
            }

            lists.Add(new EfiSignatureList(lists.Count, position, type, (int)listSize, SecureBootBytes.Copy(data, position + ListHeaderSize, (int)headerSize), signatureSize, listEntries));
            position += (int)listSize;
        }

        return new EfiSignatureDatabaseContents(lists, entries, end - start);
    }

    /// <summary>Decodes what the entry's type says its data is.</summary>
    private static void Describe(EfiSignatureEntry entry, EfiParseOptions options)
    {
        var data = entry.Data;
        switch (entry.Kind)
        {
            case EfiSignatureKind.Sha1:
            case EfiSignatureKind.Sha224:
            case EfiSignatureKind.Sha256:
            case EfiSignatureKind.Sha384:
            case EfiSignatureKind.Sha512:
                entry.Hash = SecureBootBytes.Hex(data);
                if (entry.Kind == EfiSignatureKind.Sha256 && entry.Owner == EfiSignatureOwners.WindowsSvn)
                {
                    entry.Svn = WindowsSvnData.Decode(data, 0, data.Length, out var svnError);
                    entry.Error = svnError;
                }

                break;
            case EfiSignatureKind.X509Sha256:
            case EfiSignatureKind.X509Sha384:
            case EfiSignatureKind.X509Sha512:
                entry.Hash = SecureBootBytes.Hex(data, 0, data.Length - EfiTime.Size);
                entry.RevocationTime = EfiTime.Read(data, data.Length - EfiTime.Size);
                break;
            case EfiSignatureKind.X509:
                if (options.DecodeCertificates)
                {
                    var facts = CertificateFacts.Decode(data, 0, data.Length, out var error);
                    if (facts is null)
                    {
                        entry.Error = error;
                    }
                    else
                    {
                        entry.Subject = facts.Subject;
                        entry.Issuer = facts.Issuer;
                        entry.SerialNumber = facts.SerialNumber;
                        entry.Thumbprint = facts.Thumbprint;
                        entry.CertificateSha256 = facts.Sha256;
                        entry.NotBefore = facts.NotBefore;
                        entry.NotAfter = facts.NotAfter;
                        entry.KnownCertificate = facts.Known;
                    }
                }

                break;
            default:
                break;
        }
    }
}
