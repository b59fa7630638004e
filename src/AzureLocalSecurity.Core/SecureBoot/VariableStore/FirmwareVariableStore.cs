using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>
/// The variables of an edk2 non-volatile variable store image: an OVMF <c>OVMF_VARS*.fd</c> file, a VM's NVRAM file, or
/// any dump that begins with the firmware volume holding the store. The layout is edk2's:
/// <list type="number">
/// <item>EFI_FIRMWARE_VOLUME_HEADER (PI spec vol. 3 §3.2.1, edk2 <c>MdePkg/Include/Pi/PiFirmwareVolume.h</c>):
/// FileSystemGuid gEfiSystemNvDataFvGuid at 0x10, FvLength at 0x20, "_FVH" at 0x28, HeaderLength at 0x30, Checksum at 0x32
/// (the header's 16-bit words sum to zero), Revision 2 at 0x37. These are the checks edk2's flash drivers make before
/// they trust the volume.</item>
/// <item>VARIABLE_STORE_HEADER at HeaderLength (edk2 <c>MdeModulePkg/Include/Guid/VariableFormat.h</c>): Signature
/// gEfiAuthenticatedVariableGuid (60-byte AUTHENTICATED_VARIABLE_HEADER records) or gEfiVariableGuid (32-byte
/// VARIABLE_HEADER records), Size (the store with this header), Format 0x5A, State 0xFE.</item>
/// <item>Records from the first 4-byte-aligned offset after it, each a header, the UTF-16 name with its NUL and the
/// data (no padding between them on x86 and ARM, where edk2's ALIGNMENT is 1), the next header at the next multiple of
/// 4, until a StartId that is not 0x55AA (the erased area reads 0xFFFF) or the end of the store: the walk of edk2's
/// <c>VariableParsing.c</c>.</item>
/// </list>
/// Offsets are counted from the start of the image, which is the start of the volume, and alignment is taken from the
/// image's start (a volume is mapped at an aligned address).
/// </summary>
public sealed class FirmwareVariableStore
{
    /// <summary>
    /// The largest image read (64 MiB). OVMF's stores are 128 KiB (the 2 MiB flash layout) and 528 KiB (the 4 MiB
    /// layout), and a physical machine's whole SPI flash is 16–32 MiB, so a larger input is not a variable store; the
    /// check comes before anything is read.
    /// </summary>
    public const int MaxImageSize = 64 * 1024 * 1024;

    /// <summary>The fixed part of EFI_FIRMWARE_VOLUME_HEADER, up to its block map.</summary>
    private const int FvFixedHeaderSize = 0x38;

    /// <summary>The fixed part plus one block map entry and the {0,0} entry that ends the map.</summary>
    private const int MinFvHeaderLength = FvFixedHeaderSize + 16;

    private const uint FvhSignature = 0x4856465F; // "_FVH" read as a little-endian UINT32
    private const byte FvhRevision = 2;
    private const int StoreHeaderSize = 28;
    private const byte StoreFormatted = 0x5A;
    private const byte StoreHealthy = 0xFE;
    private const ushort VariableStartId = 0x55AA;
    private const int AuthenticatedHeaderSize = 60;
    private const int PlainHeaderSize = 32;

    /// <summary>gEfiSystemNvDataFvGuid (edk2 <c>MdeModulePkg/Include/Guid/SystemNvDataGuid.h</c>): the volume holds NV data.</summary>
    private static readonly Guid SystemNvDataFvGuid = new("fff12b8d-7696-4c8b-a985-2747075b4f50");

    /// <summary>gEfiAuthenticatedVariableGuid: a store of AUTHENTICATED_VARIABLE_HEADER records.</summary>
    private static readonly Guid AuthenticatedVariableStoreGuid = new("aaf32c78-947b-439a-a180-2e144ec37792");

    /// <summary>gEfiVariableGuid: a store of VARIABLE_HEADER records.</summary>
    private static readonly Guid VariableStoreGuid = new("ddcf3616-3275-4164-98b6-fe85707ffe7d");

    private readonly FirmwareVariable[] _all;
    private readonly FirmwareVariable[] _current;
    private readonly Dictionary<EfiVariableId, FirmwareVariable> _byId;

    private FirmwareVariableStore(bool isAuthenticated, long volumeLength, int storeOffset, int storeSize, int freeSpaceOffset, FirmwareVariable[] all)
    {
        IsAuthenticated = isAuthenticated;
        FirmwareVolumeLength = volumeLength;
        StoreOffset = storeOffset;
        StoreSize = storeSize;
        FreeSpaceOffset = freeSpaceOffset;
        _all = all;
        (_current, _byId) = SelectCurrent(all);
    }

    /// <summary>True when the store holds authenticated-format records (gEfiAuthenticatedVariableGuid), as every Secure Boot capable OVMF build does.</summary>
    public bool IsAuthenticated { get; }

    /// <summary>The firmware volume's FvLength: the store, and after it in OVMF the fault-tolerant-write areas.</summary>
    public long FirmwareVolumeLength { get; }

    /// <summary>Where VARIABLE_STORE_HEADER starts in the image (the volume's HeaderLength).</summary>
    public int StoreOffset { get; }

    /// <summary>The store's Size: its header and its records area.</summary>
    public int StoreSize { get; }

    /// <summary>Where the records end: the erased area the firmware writes the next record into (the end of the store when it is full).</summary>
    public int FreeSpaceOffset { get; }

    /// <summary>Every record in store order, deleted and incomplete ones included.</summary>
    public IReadOnlyList<FirmwareVariable> All => _all;

    /// <summary>
    /// The values the firmware would return, in store order, one per name and vendor: the first <see cref="FirmwareVariableState.Live"/>
    /// record, or when a name has none, its first <see cref="FirmwareVariableState.InDeletedTransition"/> record (an update cut
    /// short by a power loss), as edk2's FindVariableEx chooses. Deleted, incomplete and unrecognized records are never current.
    /// </summary>
    public IReadOnlyList<FirmwareVariable> Current => _current;

    /// <summary>Reads a variable store image. Throws <see cref="FirmwareVariableStoreException"/> with the offset of the first field found wrong.</summary>
    public static FirmwareVariableStore Parse(byte[] image)
    {
        if (image is null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        if (image.Length > MaxImageSize)
        {
            throw Fail(Format("the image is {0} bytes; a variable store image is at most {1}", image.Length, MaxImageSize), MaxImageSize);
        }

        var (volumeLength, headerLength) = ReadVolumeHeader(image);
        var (isAuthenticated, storeSize) = ReadStoreHeader(image, volumeLength, headerLength);
        var end = headerLength + storeSize;
        var records = new List<FirmwareVariable>();
        var freeSpace = ReadRecords(image, Align4(headerLength + StoreHeaderSize), end, isAuthenticated, records);
        return new FirmwareVariableStore(isAuthenticated, volumeLength, headerLength, storeSize, freeSpace, records.ToArray());
    }

    /// <summary>The current value of a variable (see <see cref="Current"/>), or null when the store has none. Names compare exactly, as the firmware compares them.</summary>
    public FirmwareVariable? Find(string name, Guid vendor)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return _byId.TryGetValue(new EfiVariableId(name, vendor), out var variable) ? variable : null;
    }

    /// <inheritdoc />
    public override string ToString() =>
        Format("{0} variable store at 0x{1:X}, {2} bytes: {3} records, {4} current", IsAuthenticated ? "Authenticated" : "Plain", StoreOffset, StoreSize, _all.Length, _current.Length);

    private static (long VolumeLength, int HeaderLength) ReadVolumeHeader(byte[] image)
    {
        if (image.Length < FvFixedHeaderSize)
        {
            throw Fail(Format("the image ends at byte {0}, inside the {1}-byte firmware volume header", image.Length, FvFixedHeaderSize), image.Length);
        }

        if (ReadUInt32(image, 0x28) != FvhSignature)
        {
            throw Fail("the firmware volume signature is not \"_FVH\"", 0x28);
        }

        if (image[0x37] != FvhRevision)
        {
            throw Fail(Format("the firmware volume header revision is {0}; {1} is the one defined", image[0x37], FvhRevision), 0x37);
        }

        var fileSystem = ReadGuid(image, 0x10);
        if (fileSystem != SystemNvDataFvGuid)
        {
            throw Fail(Format("the firmware volume's FileSystemGuid is {0}, not gEfiSystemNvDataFvGuid {1}: it does not hold NV data", fileSystem, SystemNvDataFvGuid), 0x10);
        }

        var volumeLength = ReadUInt64(image, 0x20);
        if (volumeLength > (ulong)image.Length)
        {
            throw Fail(Format("FvLength says {0} bytes but the image has {1}", volumeLength, image.Length), 0x20);
        }

        var headerLength = ReadUInt16(image, 0x30);
        if (headerLength < MinFvHeaderLength || (headerLength & 1) != 0 || (ulong)headerLength > volumeLength)
        {
            throw Fail(Format("HeaderLength is {0}; it must be even, at least {1} and within FvLength ({2})", headerLength, MinFvHeaderLength, volumeLength), 0x30);
        }

        var sum = 0;
        for (var i = 0; i < headerLength; i += 2)
        {
            sum += ReadUInt16(image, i);
        }

        if ((sum & 0xFFFF) != 0)
        {
            throw Fail(Format("the header checksum does not hold: the header's 16-bit words sum to 0x{0:X4}, not 0", sum & 0xFFFF), 0x32);
        }

        return ((long)volumeLength, headerLength);
    }

    private static (bool IsAuthenticated, int Size) ReadStoreHeader(byte[] image, long volumeLength, int at)
    {
        if (volumeLength - at < StoreHeaderSize)
        {
            throw Fail(Format("the variable store header needs {0} bytes but the volume has {1} after its own header", StoreHeaderSize, volumeLength - at), at);
        }

        var signature = ReadGuid(image, at);
        bool isAuthenticated;
        if (signature == AuthenticatedVariableStoreGuid)
        {
            isAuthenticated = true;
        }
        else if (signature == VariableStoreGuid)
        {
            isAuthenticated = false;
        }
        else if (IsErased(image, at, 22))
        {
            throw Fail("the variable store header is erased (all 0xFF): the store was never formatted", at);
        }
        else
        {
            throw Fail(Format("the variable store signature is {0}, neither gEfiAuthenticatedVariableGuid {1} nor gEfiVariableGuid {2}", signature, AuthenticatedVariableStoreGuid, VariableStoreGuid), at);
        }

        var size = ReadUInt32(image, at + 16);
        if (size < StoreHeaderSize || size > volumeLength - at)
        {
            throw Fail(Format("the variable store's Size is {0}; it must be at least {1} and fit the {2} bytes of the volume after its header", size, StoreHeaderSize, volumeLength - at), at + 16);
        }

        if (image[at + 20] != StoreFormatted)
        {
            throw Fail(Format("the variable store's Format is 0x{0:X2}, not 0x{1:X2} (VARIABLE_STORE_FORMATTED)", image[at + 20], StoreFormatted), at + 20);
        }

        if (image[at + 21] != StoreHealthy)
        {
            throw Fail(Format("the variable store's State is 0x{0:X2}, not 0x{1:X2} (VARIABLE_STORE_HEALTHY)", image[at + 21], StoreHealthy), at + 21);
        }

        return (isAuthenticated, (int)size);
    }

    /// <summary>Reads records from <paramref name="start"/> to the erased area or <paramref name="end"/>; returns where they stop.</summary>
    private static int ReadRecords(byte[] image, int start, int end, bool isAuthenticated, List<FirmwareVariable> records)
    {
        var headerSize = isAuthenticated ? AuthenticatedHeaderSize : PlainHeaderSize;
        var position = start;

        // Every record moves the position on by at least a header, so the walk ends within (end - start) / 32 records.
        while (end - position >= 2 && ReadUInt16(image, position) == VariableStartId)
        {
            if (end - position < headerSize)
            {
                throw Fail(Format("a variable header needs {0} bytes but only {1} are left in the store", headerSize, end - position), position);
            }

            var rawState = image[position + 2];
            var attributes = ReadUInt32(image, position + 4);
            var sizesAt = position + (isAuthenticated ? 36 : 8);
            var nameSize = ReadUInt32(image, sizesAt);
            var dataSize = ReadUInt32(image, sizesAt + 4);
            var vendor = ReadGuid(image, position + (isAuthenticated ? 44 : 16));
            ulong? monotonicCount = isAuthenticated ? ReadUInt64(image, position + 8) : null;
            DateTimeOffset? timeStamp = isAuthenticated ? ReadEfiTime(image, position + 16) : null;
            uint? pubKeyIndex = isAuthenticated ? ReadUInt32(image, position + 32) : null;
            var nameAt = position + headerSize;

            // edk2 (NameSizeOfVariable, DataSizeOfVariable) takes a header still partly erased as having no name and no
            // data, so the next header is read right after it; a header with its State still 0xFF is one of those.
            if (rawState == 0xFF || attributes == uint.MaxValue || nameSize == uint.MaxValue || dataSize == uint.MaxValue)
            {
                records.Add(new FirmwareVariable(position, string.Empty, vendor, (EfiVariableAttributes)attributes, rawState, FirmwareVariableState.Incomplete, monotonicCount, timeStamp, pubKeyIndex, []));
                position = Align4(nameAt);
                continue;
            }

            if (nameSize > (uint)(end - nameAt))
            {
                throw Fail(Format("NameSize says {0} bytes but only {1} are left in the store", nameSize, end - nameAt), sizesAt);
            }

            var dataAt = nameAt + (int)nameSize;
            if (dataSize > (uint)(end - dataAt))
            {
                throw Fail(Format("DataSize says {0} bytes but only {1} are left in the store", dataSize, end - dataAt), sizesAt + 4);
            }

            var state = Classify(rawState);
            if (state == FirmwareVariableState.Incomplete)
            {
                // VAR_HEADER_VALID_ONLY: the sizes were written, the name and data may not have been.
                records.Add(new FirmwareVariable(position, string.Empty, vendor, (EfiVariableAttributes)attributes, rawState, state, monotonicCount, timeStamp, pubKeyIndex, []));
            }
            else
            {
                var name = ReadName(image, nameAt, (int)nameSize, sizesAt);
                var data = new byte[dataSize];
                Buffer.BlockCopy(image, dataAt, data, 0, data.Length);
                records.Add(new FirmwareVariable(position, name, vendor, (EfiVariableAttributes)attributes, rawState, state, monotonicCount, timeStamp, pubKeyIndex, data));
            }

            // dataAt + dataSize <= end <= 64 MiB, so this neither overflows nor goes backwards.
            position = Align4(dataAt + (int)dataSize);
        }

        return Math.Min(position, end);
    }

    private static FirmwareVariableState Classify(byte state) => state switch
    {
        0x3F => FirmwareVariableState.Live,
        0x3E => FirmwareVariableState.InDeletedTransition,
        0x3D or 0x3C => FirmwareVariableState.Deleted,
        0x7F or 0xFF => FirmwareVariableState.Incomplete,
        _ => FirmwareVariableState.Unrecognized,
    };

    /// <summary>
    /// A variable name: UTF-16LE code units, at least one, then the NUL terminator; no other NUL, surrogates only in pairs.
    /// Errors name the size field (odd or zero size) or the code unit at fault.
    /// </summary>
    private static string ReadName(byte[] image, int at, int size, int sizeFieldAt)
    {
        if (size < 2 || (size & 1) != 0)
        {
            throw Fail(Format("NameSize is {0}: a UTF-16 name with its NUL terminator is an even number of bytes, at least 2", size), sizeFieldAt);
        }

        if (size == 2)
        {
            // SetVariable refuses an empty name (UEFI 2.10 §8.2), so no firmware writes one.
            throw Fail("NameSize is 2: the name is empty, only its NUL", sizeFieldAt);
        }

        var units = size / 2;
        var last = at + size - 2;
        if (ReadUInt16(image, last) != 0)
        {
            throw Fail("the variable name does not end in a NUL", last);
        }

        var name = new StringBuilder(units - 1);
        for (var i = 0; i < units - 1; i++)
        {
            var unitAt = at + (2 * i);
            var unit = (char)ReadUInt16(image, unitAt);
            if (unit == '\0')
            {
                throw Fail("the variable name has a NUL before its end", unitAt);
            }

            if (char.IsHighSurrogate(unit))
            {
                var next = i + 1 < units - 1 ? (char)ReadUInt16(image, unitAt + 2) : '\0';
                if (!char.IsLowSurrogate(next))
                {
                    throw Fail("the variable name is not UTF-16: a high surrogate without its low surrogate", unitAt);
                }

                name.Append(unit).Append(next);
                i++;
                continue;
            }

            if (char.IsLowSurrogate(unit))
            {
                throw Fail("the variable name is not UTF-16: a low surrogate without a high surrogate before it", unitAt);
            }

            name.Append(unit);
        }

        return name.ToString();
    }

    /// <summary>
    /// EFI_TIME (UEFI 2.10 §8.3) through <see cref="EfiTime"/>: null when all zero, not a calendar date, or in a time zone
    /// other than UTC or unspecified (a variable's timestamp is UTC).
    /// </summary>
    private static DateTimeOffset? ReadEfiTime(byte[] image, int at)
    {
        if (IsZero(image, at, EfiTime.Size))
        {
            return null;
        }

        var time = EfiTime.Read(image, at);
        if (time.TimeZone != 0 && time.TimeZone != EfiTime.UnspecifiedTimeZone)
        {
            return null;
        }

        return time.ToDateTime() is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
    }

    private static (FirmwareVariable[] Current, Dictionary<EfiVariableId, FirmwareVariable> ById) SelectCurrent(FirmwareVariable[] all)
    {
        var live = new Dictionary<EfiVariableId, FirmwareVariable>();
        var inTransition = new Dictionary<EfiVariableId, FirmwareVariable>();
        foreach (var variable in all)
        {
            var id = variable.Id;
            if (id is null)
            {
                continue;
            }

            var chosen = variable.State switch
            {
                FirmwareVariableState.Live => live,
                FirmwareVariableState.InDeletedTransition => inTransition,
                _ => null,
            };
            if (chosen is not null && !chosen.ContainsKey(id))
            {
                chosen.Add(id, variable);
            }
        }

        foreach (var pair in inTransition)
        {
            if (!live.ContainsKey(pair.Key))
            {
                live.Add(pair.Key, pair.Value);
            }
        }

        var current = new List<FirmwareVariable>(live.Count);
        foreach (var variable in all)
        {
            var id = variable.Id;
            if (id is not null && live.TryGetValue(id, out var chosen) && ReferenceEquals(chosen, variable))
            {
                current.Add(variable);
            }
        }

        return (current.ToArray(), live);
    }

    private static int Align4(int offset) => (offset + 3) & ~3;

    private static bool IsErased(byte[] image, int at, int count)
    {
        for (var i = at; i < at + count; i++)
        {
            if (image[i] != 0xFF)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsZero(byte[] image, int at, int count)
    {
        for (var i = at; i < at + count; i++)
        {
            if (image[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    // Callers check the bounds before reading: every offset here lies inside the image.
    private static ushort ReadUInt16(byte[] b, int at) => (ushort)(b[at] | (b[at + 1] << 8));

    private static uint ReadUInt32(byte[] b, int at) => b[at] | ((uint)b[at + 1] << 8) | ((uint)b[at + 2] << 16) | ((uint)b[at + 3] << 24);

    private static ulong ReadUInt64(byte[] b, int at) => ReadUInt32(b, at) | ((ulong)ReadUInt32(b, at + 4) << 32);

    /// <summary>An EFI_GUID as stored: Data1 u32, Data2 and Data3 u16 little-endian, Data4 eight bytes, which is the byte order of <c>new Guid(byte[])</c>.</summary>
    private static Guid ReadGuid(byte[] b, int at) =>
        new((int)ReadUInt32(b, at), (short)ReadUInt16(b, at + 4), (short)ReadUInt16(b, at + 6), b[at + 8], b[at + 9], b[at + 10], b[at + 11], b[at + 12], b[at + 13], b[at + 14], b[at + 15]);

    private static FirmwareVariableStoreException Fail(string problem, long offset) => new(problem, offset);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
