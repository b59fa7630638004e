using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// One Windows SIPA event (wbcl.h): a {Type u32, Size u32, Value} record inside an EV_EVENT_TAG. A type with the
/// AGGREGATION bit (0x40000000) holds further SIPA events as <see cref="Children"/>; the NONMEASURED bit (0x80000000)
/// marks an event that was logged but not extended. The value is decoded by the id's kind: integers and yes/no values,
/// UTF-16 paths and names, BitLocker unlock flags by name, hash algorithm names, a WDAC policy's version, name and digest.
/// A value that does not read as its id says is kept as bytes with <see cref="DecodeProblem"/> set.
/// </summary>
public sealed class SipaEvent
{
    private static readonly (uint Bit, string Name)[] UnlockFlags =
    [
        (0x001, "Cached"), (0x002, "Media"), (0x004, "Tpm"), (0x010, "Pin"), (0x020, "External"),
        (0x040, "Recovery"), (0x080, "Passphrase"), (0x100, "Nbp"), (0x200, "AukOsFveInfo"),
    ];

    private readonly byte[] _buffer;
    private readonly int _valueOffset;
    private readonly SipaEvent[] _children;

    internal SipaEvent(uint type, int offset, byte[] buffer, int valueOffset, int size, SipaEvent[] children)
    {
        Type = type;
        Offset = offset;
        _buffer = buffer;
        _valueOffset = valueOffset;
        Size = size;
        _children = children;
        Name = SipaNames.Name(type);
        Value = IsAggregation ? string.Format(CultureInfo.InvariantCulture, "{0} events", children.Length) : DecodeValue(SipaNames.Kind(type));
    }

    /// <summary>The SIPA event id (SIPAEVENT_* of wbcl.h), with its flag bits.</summary>
    public uint Type { get; }

    /// <summary>The id's name (BootCounter, CodeIntegrity, FilePath, ...), or the id in hex when wbcl.h does not name it.</summary>
    public string Name { get; }

    /// <summary>Whether the value holds further SIPA events (SIPAEVENTTYPE_AGGREGATION).</summary>
    public bool IsAggregation => (Type & SipaNames.Aggregation) != 0;

    /// <summary>Whether the event was extended into the PCR (SIPAEVENTTYPE_NONMEASURED not set).</summary>
    public bool IsMeasured => (Type & SipaNames.NonMeasured) == 0;

    /// <summary>The byte offset of the event's header in the data it was read from (the log, for events of a parsed log).</summary>
    public int Offset { get; }

    /// <summary>The size of the value in bytes.</summary>
    public int Size { get; }

    /// <summary>The value as one line of text: the decoded value, or hex when it is bytes.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1721:Property names should not match get methods", Justification = "Value is the decoded text PowerShell shows; GetValue() returns a copy of the raw bytes, which a property would copy on every read. Both are public output.")]
    public string Value { get; }

    /// <summary>The value as a number, for integer and yes/no ids (and BitLocker flags, hash algorithm and OS device ids).</summary>
    public ulong? Number { get; private set; }

    /// <summary>The value as yes or no, for ids that are one (CodeIntegrity, TestSigning, BootDebugging, ...).</summary>
    public bool? Boolean { get; private set; }

    /// <summary>The value as text, for UTF-16 ids (FilePath, AuthorityIssuer, ElamKeyName, SystemRoot, ...).</summary>
    public string? Text { get; private set; }

    /// <summary>The names of the BitLocker unlock flags set (BitLockerUnlock only; "None" when none).</summary>
    public IReadOnlyList<string>? Flags { get; private set; }

    /// <summary>The hash algorithm's name (HashAlgorithmId: SHA256, SHA1, ...).</summary>
    public string? HashAlgorithm { get; private set; }

    /// <summary>The decoded SI_POLICY payload (SiPolicy only).</summary>
    public SipaSiPolicy? SiPolicy { get; private set; }

    /// <summary>The decoded revocation list payload (BootRevocationList, OsRevocationList).</summary>
    public SipaRevocationList? RevocationList { get; private set; }

    /// <summary>Why the value did not read as its id says (null when it did).</summary>
    public string? DecodeProblem { get; private set; }

    /// <summary>The SIPA events an aggregation holds (empty for others).</summary>
    public IReadOnlyList<SipaEvent> Children => _children;

    /// <summary>The value's bytes (a copy).</summary>
    public byte[] GetValue() => SecureBootBytes.Copy(_buffer, _valueOffset, Size);

    /// <summary>Every event below this one, depth first, in log order (not this one).</summary>
    public IEnumerable<SipaEvent> Descendants()
    {
        foreach (var child in _children)
        {
            yield return child;
            foreach (var below in child.Descendants())
            {
                yield return below;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name + " = " + Value;

    private string DecodeValue(SipaValueKind kind)
    {
        switch (kind)
        {
            case SipaValueKind.Boolean:
                if (ReadInteger() is { } flag)
                {
                    Number = flag;
                    Boolean = flag != 0;
                    return flag == 0 ? "False" : flag == 1 ? "True" : string.Format(CultureInfo.InvariantCulture, "True ({0})", flag);
                }

                break;
            case SipaValueKind.Integer:
                if (ReadInteger() is { } number)
                {
                    Number = number;
                    return number.ToString(CultureInfo.InvariantCulture);
                }

                break;
            case SipaValueKind.HexInteger:
                if (ReadInteger() is { } hex)
                {
                    Number = hex;
                    return "0x" + hex.ToString(Size <= 4 ? "X8" : "X16", CultureInfo.InvariantCulture);
                }

                break;
            case SipaValueKind.Utf16:
                if (Size % 2 == 0)
                {
                    Text = TcgBytes.Utf16(_buffer, _valueOffset, Size);
                    return TcgBytes.OneLine(Text);
                }

                DecodeProblem = string.Format(CultureInfo.InvariantCulture, "a UTF-16 string of an odd {0} bytes", Size);
                break;
            case SipaValueKind.BitLockerFlags:
                if (ReadInteger() is { } bits)
                {
                    Number = bits;
                    Flags = UnlockFlagNames(bits);
                    return string.Join(", ", Flags);
                }

                break;
            case SipaValueKind.CalgHash:
                if (ReadInteger() is { } calg)
                {
                    Number = calg;
                    HashAlgorithm = CalgName(calg);
                    return string.Format(CultureInfo.InvariantCulture, "{0} (0x{1:X4})", HashAlgorithm ?? "unknown", calg);
                }

                break;
            case SipaValueKind.OsDevice:
                if (ReadInteger() is { } device)
                {
                    Number = device;
                    return string.Format(CultureInfo.InvariantCulture, "{0} (0x{1:X8})", OsDeviceName(device) ?? "unknown", device);
                }

                break;
            case SipaValueKind.SiPolicy:
                ReadSiPolicy();
                if (SiPolicy is not null)
                {
                    return SiPolicy.ToString();
                }

                break;
            case SipaValueKind.RevocationList:
                ReadRevocationList();
                if (RevocationList is not null)
                {
                    return RevocationList.ToString();
                }

                break;
            default:
                break;
        }

        return Size == 0 ? "(empty)" : TcgBytes.Preview(_buffer, _valueOffset, Size);
    }

    /// <summary>A little-endian integer of 1, 2, 4 or 8 bytes; null (with the problem) for another size.</summary>
    private ulong? ReadInteger()
    {
        switch (Size)
        {
            case 1:
                return _buffer[_valueOffset];
            case 2:
                return SecureBootBytes.UInt16(_buffer, _valueOffset);
            case 4:
                return SecureBootBytes.UInt32(_buffer, _valueOffset);
            case 8:
                return TcgBytes.UInt64(_buffer, _valueOffset);
            default:
                DecodeProblem = string.Format(CultureInfo.InvariantCulture, "a {0}-byte value where an integer of 1, 2, 4 or 8 bytes was expected", Size);
                return null;
        }
    }

    /// <summary>PolicyVersion u64, PolicyNameLength u16, HashAlgID u16, DigestLength u32, then the name (bytes, UTF-16) and the digest.</summary>
    private void ReadSiPolicy()
    {
        const int header = 16;
        if (Size < header)
        {
            DecodeProblem = string.Format(CultureInfo.InvariantCulture, "an SI_POLICY payload needs a {0}-byte header but the value is {1} bytes", header, Size);
            return;
        }

        var version = TcgBytes.UInt64(_buffer, _valueOffset);
        var nameLength = SecureBootBytes.UInt16(_buffer, _valueOffset + 8);
        var algorithm = SecureBootBytes.UInt16(_buffer, _valueOffset + 10);
        var digestLength = SecureBootBytes.UInt32(_buffer, _valueOffset + 12);
        if ((ulong)nameLength + digestLength > (ulong)(Size - header))
        {
            DecodeProblem = string.Format(CultureInfo.InvariantCulture, "the SI_POLICY name ({0} bytes) and digest ({1} bytes) do not fit in the {2} bytes after its header", nameLength, digestLength, Size - header);
            return;
        }

        var name = TcgBytes.Utf16(_buffer, _valueOffset + header, nameLength);
        var digest = SecureBootBytes.Hex(_buffer, _valueOffset + header + nameLength, (int)digestLength);
        SiPolicy = new SipaSiPolicy(version, name, algorithm, digest);
        Text = name;
    }

    /// <summary>CreationTime i64, DigestLength u32, HashAlgID u16, then the digest.</summary>
    private void ReadRevocationList()
    {
        const int header = 14;
        if (Size < header)
        {
            DecodeProblem = string.Format(CultureInfo.InvariantCulture, "a revocation list payload needs a {0}-byte header but the value is {1} bytes", header, Size);
            return;
        }

        var time = (long)TcgBytes.UInt64(_buffer, _valueOffset);
        var digestLength = SecureBootBytes.UInt32(_buffer, _valueOffset + 8);
        var algorithm = SecureBootBytes.UInt16(_buffer, _valueOffset + 12);
        if (digestLength > (uint)(Size - header))
        {
            DecodeProblem = string.Format(CultureInfo.InvariantCulture, "the revocation list's digest ({0} bytes) does not fit in the {1} bytes after its header", digestLength, Size - header);
            return;
        }

        RevocationList = new SipaRevocationList(time, algorithm, SecureBootBytes.Hex(_buffer, _valueOffset + header, (int)digestLength));
    }

    private static List<string> UnlockFlagNames(ulong bits)
    {
        var names = new List<string>();
        if (bits == 0)
        {
            names.Add("None");
            return names;
        }

        var rest = bits;
        foreach (var (bit, name) in UnlockFlags)
        {
            if ((bits & bit) != 0)
            {
                names.Add(name);
                rest &= ~(ulong)bit;
            }
        }

        if (rest != 0)
        {
            names.Add("0x" + rest.ToString("X", CultureInfo.InvariantCulture));
        }

        return names;
    }

    /// <summary>CryptoAPI ALG_IDs (wincrypt.h CALG_*) of the hash algorithms.</summary>
    private static string? CalgName(ulong calg) => calg switch
    {
        0x8001 => "MD2",
        0x8002 => "MD4",
        0x8003 => "MD5",
        0x8004 => "SHA1",
        0x800C => "SHA256",
        0x800D => "SHA384",
        0x800E => "SHA512",
        _ => null,
    };

    /// <summary>OSDEVICE_TYPE_* of wbcl.h.</summary>
    private static string? OsDeviceName(ulong type) => type switch
    {
        0x00000000 => "Unknown",
        0x00010001 => "BlockIoHardDisk",
        0x00010002 => "BlockIoRemovableDisk",
        0x00010003 => "BlockIoCdRom",
        0x00010004 => "BlockIoPartition",
        0x00010005 => "BlockIoFile",
        0x00010006 => "BlockIoRamDisk",
        0x00010007 => "BlockIoVirtualHardDisk",
        0x00020000 => "Serial",
        0x00030000 => "Udp",
        0x00040000 => "VmBus",
        0x00050000 => "Composite",
        _ => null,
    };
}
