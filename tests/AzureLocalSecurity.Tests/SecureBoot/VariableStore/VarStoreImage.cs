using System;
using System.Collections.Generic;
using System.Text;

namespace AzureLocalSecurity.Tests.SecureBoot.VariableStore;

/// <summary>
/// Writes small variable store images in edk2's layout (the field offsets of FORMATS.md §1 and VariableFormat.h), for the
/// cases the OVMF files do not hold: the plain (non-authenticated) record format, records in transition or half written.
/// </summary>
internal sealed class VarStoreImage
{
    internal const int HeaderLength = 0x48;
    internal const int FirstRecord = 0x64;

    internal static readonly Guid SystemNvDataFv = new("fff12b8d-7696-4c8b-a985-2747075b4f50");
    internal static readonly Guid AuthenticatedStore = new("aaf32c78-947b-439a-a180-2e144ec37792");
    internal static readonly Guid PlainStore = new("ddcf3616-3275-4164-98b6-fe85707ffe7d");

    private readonly List<byte> _records = [];
    private readonly bool _authenticated;

    internal VarStoreImage(bool authenticated = true)
    {
        _authenticated = authenticated;
    }

    /// <summary>Appends a record and pads to the next multiple of 4. <paramref name="time"/> is the 16 raw EFI_TIME bytes (authenticated format only).</summary>
    internal VarStoreImage Add(string name, Guid vendor, byte[] data, byte state = 0x3F, uint attributes = 0x7, byte[]? time = null, ulong monotonicCount = 0, uint pubKeyIndex = 0)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name + "\0");
        return AddRaw(nameBytes, vendor, data, state, attributes, time, monotonicCount, pubKeyIndex, (uint)nameBytes.Length, (uint)data.Length);
    }

    internal VarStoreImage AddRaw(byte[] nameBytes, Guid vendor, byte[] data, byte state, uint attributes, byte[]? time, ulong monotonicCount, uint pubKeyIndex, uint nameSize, uint dataSize)
    {
        var record = new List<byte>();
        record.AddRange(BitConverter.GetBytes((ushort)0x55AA));
        record.Add(state);
        record.Add(0);
        record.AddRange(BitConverter.GetBytes(attributes));
        if (_authenticated)
        {
            record.AddRange(BitConverter.GetBytes(monotonicCount));
            record.AddRange(time ?? new byte[16]);
            record.AddRange(BitConverter.GetBytes(pubKeyIndex));
        }

        record.AddRange(BitConverter.GetBytes(nameSize));
        record.AddRange(BitConverter.GetBytes(dataSize));
        record.AddRange(vendor.ToByteArray());
        record.AddRange(nameBytes);
        record.AddRange(data);
        while (record.Count % 4 != 0)
        {
            record.Add(0xFF);
        }

        _records.AddRange(record);
        return this;
    }

    /// <summary>The image: a volume of <paramref name="volumeLength"/> bytes whose store is <paramref name="storeSize"/> bytes (default: the rest of the volume), erased (0xFF) after the records.</summary>
    internal byte[] Build(int volumeLength = 0x2000, int? storeSize = null)
    {
        var image = new byte[volumeLength];
        image.AsSpan(HeaderLength).Fill(0xFF);
        SystemNvDataFv.ToByteArray().CopyTo(image, 0x10);
        OvmfVectors.WriteUInt64(image, 0x20, (ulong)volumeLength);
        Encoding.ASCII.GetBytes("_FVH").CopyTo(image, 0x28);
        OvmfVectors.WriteUInt32(image, 0x2C, 0x0004FEFF);
        OvmfVectors.WriteUInt16(image, 0x30, HeaderLength);
        image[0x37] = 2;
        OvmfVectors.WriteUInt32(image, 0x38, (uint)(volumeLength / 0x1000));
        OvmfVectors.WriteUInt32(image, 0x3C, 0x1000);
        OvmfVectors.FixChecksum(image);

        (_authenticated ? AuthenticatedStore : PlainStore).ToByteArray().CopyTo(image, HeaderLength);
        OvmfVectors.WriteUInt32(image, HeaderLength + 16, (uint)(storeSize ?? (volumeLength - HeaderLength)));
        image[HeaderLength + 20] = 0x5A;
        image[HeaderLength + 21] = 0xFE;
        image.AsSpan(HeaderLength + 22, 6).Clear();
        _records.CopyTo(image, FirstRecord);
        return image;
    }

    /// <summary>EFI_TIME bytes: Year, Month, Day, Hour, Minute, Second, Pad1, Nanosecond, TimeZone, Daylight, Pad2.</summary>
    internal static byte[] Time(ushort year, byte month, byte day, byte hour, byte minute, byte second, uint nanosecond = 0, short timeZone = 0) =>
        [.. BitConverter.GetBytes(year), month, day, hour, minute, second, 0, .. BitConverter.GetBytes(nanosecond), .. BitConverter.GetBytes(timeZone), 0, 0];
}
