using System;
using System.Collections.Generic;
using System.IO;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.SecureBoot.BootManager;

/// <summary>The EFI binaries of Vectors/secureboot/efi (PROVENANCE.md there), and a minimal PE32+ image built by hand.</summary>
internal static class PeImages
{
    internal const string Shim = "shimx64.efi.signed";
    internal const string GrubSignatureOnly = "grubx64-signature-only.efi";
    internal const string UnsignedStub = "linuxx64.efi.stub";

    /// <summary>In <see cref="Build"/>'s image: e_lfanew 0x40, COFF header at 0x44, optional header at 0x58 (0xF0 bytes).</summary>
    internal const int PeOffset = 0x40;
    internal const int SizeOfOptionalHeaderField = 0x44 + 16;
    internal const int OptionalHeader = 0x58;
    internal const int NumberOfRvaAndSizesField = OptionalHeader + 108;
    internal const int SecurityDirectoryEntry = OptionalHeader + 112 + (4 * 8);
    internal const int CertificateTable = OptionalHeader + 0xF0;

    internal static string Path(string file) => System.IO.Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "secureboot", "efi", file);

    internal static byte[] Read(string file) => File.ReadAllBytes(Path(file));

    /// <summary>MZ, PE, an x64 COFF header, a PE32+ optional header with 16 data directories, then <paramref name="table"/> as the security directory.</summary>
    internal static byte[] Build(byte[] table)
    {
        var image = new byte[CertificateTable + table.Length];
        image[0] = (byte)'M';
        image[1] = (byte)'Z';
        Put32(image, 0x3C, PeOffset);
        image[PeOffset] = (byte)'P';
        image[PeOffset + 1] = (byte)'E';
        Put16(image, PeOffset + 4, 0x8664);
        Put16(image, SizeOfOptionalHeaderField, 0xF0);
        Put16(image, OptionalHeader, 0x20B);
        Put32(image, NumberOfRvaAndSizesField, 16);
        if (table.Length > 0)
        {
            Put32(image, SecurityDirectoryEntry, CertificateTable);
            Put32(image, SecurityDirectoryEntry + 4, table.Length);
        }

        table.CopyTo(image, CertificateTable);
        return image;
    }

    /// <summary>A WIN_CERTIFICATE: dwLength, wRevision, wCertificateType, the data, zero padding to 8 bytes.</summary>
    internal static byte[] WinCertificate(byte[] data, ushort revision = 0x0200, ushort type = 0x0002)
    {
        var length = 8 + data.Length;
        var entry = new byte[(length + 7) / 8 * 8];
        Put32(entry, 0, length);
        Put16(entry, 4, revision);
        Put16(entry, 6, type);
        data.CopyTo(entry, 8);
        return entry;
    }

    /// <summary>A DER tag-length-value.</summary>
    internal static byte[] Der(byte tag, params byte[][] contents)
    {
        var content = new List<byte>();
        foreach (var part in contents)
        {
            content.AddRange(part);
        }

        var result = new List<byte> { tag };
        if (content.Count < 0x80)
        {
            result.Add((byte)content.Count);
        }
        else if (content.Count <= 0xFFFF)
        {
            result.AddRange([0x82, (byte)(content.Count >> 8), (byte)content.Count]);
        }
        else
        {
            throw new ArgumentException("Test DER content is at most 65,535 bytes.", nameof(contents));
        }

        result.AddRange(content);
        return result.ToArray();
    }

    internal static void Put16(byte[] data, int offset, int value)
    {
        data[offset] = (byte)value;
        data[offset + 1] = (byte)(value >> 8);
    }

    internal static void Put32(byte[] data, int offset, int value)
    {
        Put16(data, offset, value);
        Put16(data, offset + 2, value >> 16);
    }
}
