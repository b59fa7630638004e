using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>Writes EFI_SIGNATURE_LISTs by hand, with any size field set to a lie.</summary>
internal sealed class SignatureListBuilder
{
    internal static readonly Guid Sha256 = new("c1c41626-504c-4092-aca9-41f936934328");
    internal static readonly Guid Sha1 = new("826ca512-cf10-4ac9-b187-be01496631bd");
    internal static readonly Guid X509 = new("a5c059a1-94e4-4aa7-87b5-ab155c2bf072");
    internal static readonly Guid X509Sha256 = new("3bd2a492-96c0-4079-b420-fcf98ef103ed");
    internal static readonly Guid Microsoft = new("77fa9abd-0359-4d32-bd60-28f4e78f784b");
    internal static readonly Guid WindowsSvn = new("9d132b6c-59d5-4388-ab1c-185cfcb2eb92");

    private readonly List<byte> _bytes = [];

    internal int Length => _bytes.Count;

    /// <summary>A list of <paramref name="entries"/>, each with <paramref name="owner"/>; sizes computed unless given.</summary>
    internal SignatureListBuilder List(
        Guid type,
        IReadOnlyList<byte[]> entries,
        Guid? owner = null,
        byte[]? header = null,
        uint? listSize = null,
        uint? headerSize = null,
        uint? signatureSize = null)
    {
        header ??= [];
        var dataSize = entries.Count > 0 ? entries[0].Length : 16;
        var size = signatureSize ?? (uint)(16 + dataSize);
        var total = listSize ?? (uint)(28 + header.Length + (entries.Count * (16 + dataSize)));
        _bytes.AddRange(type.ToByteArray());
        U32(total);
        U32(headerSize ?? (uint)header.Length);
        U32(size);
        _bytes.AddRange(header);
        foreach (var entry in entries)
        {
            _bytes.AddRange((owner ?? Microsoft).ToByteArray());
            _bytes.AddRange(entry);
        }

        return this;
    }

    internal SignatureListBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    internal byte[] ToArray() => [.. _bytes];

    internal static byte[] Filled(int length, byte value)
    {
        var data = new byte[length];
        Array.Fill(data, value);
        return data;
    }

    private void U32(uint value) => _bytes.AddRange(BitConverter.GetBytes(value));
}
