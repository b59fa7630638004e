using System;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.SecureBoot.VariableStore;

/// <summary>The OVMF variable stores and Microsoft certificates in Vectors/ovmf (see its PROVENANCE.md), and byte helpers that do not use the parser.</summary>
internal static class OvmfVectors
{
    /// <summary>Debian's OVMF_VARS_4M.ms.fd: Microsoft's 2011 KEK CA and db CAs enrolled, Debian's PK, 528 KiB.</summary>
    internal const string MsEnrolled4M = "OVMF_VARS_4M.ms.fd";

    /// <summary>Debian's OVMF_VARS_4M.fd: formatted, no variable, Secure Boot off.</summary>
    internal const string Empty4M = "OVMF_VARS_4M.fd";

    /// <summary>Debian's OVMF_VARS.ms.fd: the same keys in the 128 KiB store of the 2 MiB flash layout.</summary>
    internal const string MsEnrolled2M = "OVMF_VARS.ms.fd";

    internal static readonly Guid GlobalVariable = new("8be4df61-93ca-11d2-aa0d-00e098032b8c");

    internal static readonly Guid ImageSecurityDatabase = new("d719b2cb-3d3a-4596-a3bc-dad00e67656f");

    internal static string Folder => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "ovmf");

    internal static byte[] Load(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    internal static byte[] Certificate(string file) => File.ReadAllBytes(Path.Combine(Folder, "microsoft-2011", file));

    /// <summary>Where <paramref name="needle"/> first occurs in <paramref name="haystack"/> from <paramref name="start"/>, or -1.</summary>
    internal static int IndexOf(byte[] haystack, byte[] needle, int start = 0)
    {
        for (var i = start; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    internal static int Count(byte[] haystack, byte[] needle)
    {
        var count = 0;
        for (var at = IndexOf(haystack, needle); at >= 0; at = IndexOf(haystack, needle, at + 1))
        {
            count++;
        }

        return count;
    }

    /// <summary>The bytes edk2 writes before a record's data: the vendor GUID (the header's last field), then the UTF-16 name and its NUL.</summary>
    internal static byte[] GuidThenName(Guid vendor, string name) => [.. vendor.ToByteArray(), .. Encoding.Unicode.GetBytes(name + "\0")];

    internal static void WriteUInt16(byte[] image, int at, ushort value) => BitConverter.GetBytes(value).CopyTo(image, at);

    internal static void WriteUInt32(byte[] image, int at, uint value) => BitConverter.GetBytes(value).CopyTo(image, at);

    internal static void WriteUInt64(byte[] image, int at, ulong value) => BitConverter.GetBytes(value).CopyTo(image, at);

    internal static uint ReadUInt32(byte[] image, int at) => BitConverter.ToUInt32(image, at);

    /// <summary>Sets the firmware volume header's Checksum so its 16-bit words sum to zero (PiFirmwareVolume.h), after a test changed a field.</summary>
    internal static void FixChecksum(byte[] image)
    {
        var headerLength = BitConverter.ToUInt16(image, 0x30);
        WriteUInt16(image, 0x32, 0);
        var sum = 0;
        for (var i = 0; i < headerLength; i += 2)
        {
            sum += BitConverter.ToUInt16(image, i);
        }

        WriteUInt16(image, 0x32, (ushort)((0x10000 - (sum & 0xFFFF)) & 0xFFFF));
    }

    internal static byte[] Copy(byte[] image) => image.ToArray();
}
