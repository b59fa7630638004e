using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>One EFI_SIGNATURE_LIST (UEFI 2.10 §32.4.1): its header fields and its entries.</summary>
public sealed class EfiSignatureList
{
    private readonly byte[] _header;

    internal EfiSignatureList(int index, int offset, Guid signatureType, int listSize, byte[] header, uint signatureSize, IReadOnlyList<EfiSignatureEntry> entries)
    {
        Index = index;
        Offset = offset;
        SignatureType = signatureType;
        Kind = EfiSignatureTypes.KindOf(signatureType);
        SignatureTypeName = EfiSignatureTypes.NameOf(signatureType) ?? signatureType.ToString("D");
        ListSize = listSize;
        _header = header;
        SignatureSize = signatureSize;
        Entries = entries;
    }

    /// <summary>The list's index in the database (0 for the first).</summary>
    public int Index { get; }

    /// <summary>The byte offset of the list in the input.</summary>
    public int Offset { get; }

    /// <summary>SignatureType.</summary>
    public Guid SignatureType { get; }

    /// <summary>The type as a name.</summary>
    public EfiSignatureKind Kind { get; }

    /// <summary>The specification's name of the type, or the GUID itself when unknown.</summary>
    public string SignatureTypeName { get; }

    /// <summary>SignatureListSize: the whole list, header included.</summary>
    public int ListSize { get; }

    /// <summary>SignatureHeaderSize (0 for every type UEFI defines).</summary>
    public int HeaderSize => _header.Length;

    /// <summary>
    /// SignatureSize: each entry, its 16-byte owner included. Always above 16; larger than the list only in a list of no
    /// entries, so kept as the u32 it is.
    /// </summary>
    public uint SignatureSize { get; }

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<EfiSignatureEntry> Entries { get; }

    /// <summary>The SignatureHeader bytes (empty for every type UEFI defines).</summary>
    public byte[] GetHeader() => (byte[])_header.Clone();

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "[{0}] {1}: {2} entries of {3} bytes", Index, SignatureTypeName, Entries.Count, SignatureSize);
}
