using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// Decodes a record's event data by its type (PFP §10.4 structures, Windows SIPA events). Every read is bounded by the
/// record's data; what does not fit becomes a <see cref="TcgRawEventData"/> with the reason, never an exception.
/// </summary>
internal static class TcgEventDecoder
{
    private const int GptHeaderSize = 92;
    private const int GptEntrySize = 128;

    internal static TcgEventData Decode(TcgEvent record)
    {
        var log = record.Log;
        var start = record.DataOffset;
        var size = record.DataSize;
        try
        {
            return record.EventType switch
            {
                TcgEventType.NoAction => NoAction(record, log, start, size),
                TcgEventType.Separator => Separator(log, start, size),
                TcgEventType.SCrtmVersion => CrtmVersion(log, start, size),
                TcgEventType.EfiVariableDriverConfig or TcgEventType.EfiVariableBoot or TcgEventType.EfiVariableBoot2 or TcgEventType.EfiVariableAuthority
                    or TcgEventType.EfiSpdmDevicePolicy or TcgEventType.EfiSpdmDeviceAuthority => Variable(log, start, size),
                TcgEventType.EfiBootServicesApplication or TcgEventType.EfiBootServicesDriver or TcgEventType.EfiRuntimeServicesDriver => ImageLoad(log, start, size),
                TcgEventType.EfiGptEvent => Gpt(log, start, size),
                TcgEventType.EfiAction or TcgEventType.Action or TcgEventType.EfiHcrtmEvent or TcgEventType.OmitBootDeviceEvents => new TcgTextEventData(TcgBytes.Ascii(log, start, size)),
                TcgEventType.Ipl => new TcgTextEventData(TcgBytes.Text(log, start, size)),
                TcgEventType.PostCode => size == 16 ? Blob(log, start, size, described: false) : new TcgTextEventData(TcgBytes.Text(log, start, size)),
                TcgEventType.EfiPlatformFirmwareBlob => Blob(log, start, size, described: false),
                TcgEventType.EfiPlatformFirmwareBlob2 => Blob(log, start, size, described: true),
                TcgEventType.EfiHandoffTables => HandoffTables(record, log, start, size, described: false),
                TcgEventType.EfiHandoffTables2 => HandoffTables(record, log, start, size, described: true),
                TcgEventType.EventTag => Tagged(record, log, start, size),
                _ => new TcgRawEventData(log, start, size, null),
            };
        }
        catch (TcgEventLogFormatException ex)
        {
            return new TcgRawEventData(log, start, size, string.Format(CultureInfo.InvariantCulture, "{0} (byte {1} of the log)", ex.Problem ?? ex.Message, ex.Offset));
        }
    }

    private static TcgEventData NoAction(TcgEvent record, byte[] log, int start, int size)
    {
        if (size < 16)
        {
            return new TcgRawEventData(log, start, size, string.Format(CultureInfo.InvariantCulture, "an EV_NO_ACTION signature needs 16 bytes but the data is {0}", size));
        }

        var signature = TcgBytes.Ascii(log, start, NulLength(log, start, 16));
        if (record.Index == 0 && record.SpecId is { } specId && signature == specId.Signature)
        {
            return new TcgNoActionEventData(signature, specId, null, null, null);
        }

        var reader = new TcgReader(log, start + 16, start + size);
        switch (signature)
        {
            case "StartupLocality":
                return new TcgNoActionEventData(signature, null, reader.U8("StartupLocality"), null, null);
            case "SP800-155 Event":
            case "SP800-155 Event2":
            case "SP800-155 Event3":
                var vendor = reader.U32("VendorId");
                var manifest = reader.Guid("ReferenceManifestGuid");
                return new TcgNoActionEventData(signature, null, null, vendor, manifest);
            default:
                return new TcgNoActionEventData(signature, null, null, null, null);
        }
    }

    private static TcgSeparatorEventData Separator(byte[] log, int start, int size)
    {
        var isWbcl = size == 4 && log[start] == (byte)'W' && log[start + 1] == (byte)'B' && log[start + 2] == (byte)'C' && log[start + 3] == (byte)'L';
        uint? value = size == 4 ? SecureBootBytes.UInt32(log, start) : null;
        return new TcgSeparatorEventData(value, isWbcl, size == 0 ? "(no data)" : TcgBytes.Preview(log, start, size));
    }

    /// <summary>EV_S_CRTM_VERSION: a UTF-16 string, or a 16-byte GUID (PFP §3.3.4.3).</summary>
    private static TcgTextEventData CrtmVersion(byte[] log, int start, int size)
    {
        if (size == 16 && !TcgBytes.LooksUtf16(log, start, size))
        {
            return new TcgTextEventData(TcgBytes.Guid(SecureBootBytes.Guid(log, start)));
        }

        var data = new TcgTextEventData(TcgBytes.Utf16(log, start, size));
        if (size % 2 != 0)
        {
            data.DecodeProblem = "an odd number of bytes for a UTF-16 string; the last byte is left out";
        }

        return data;
    }

    /// <summary>UEFI_VARIABLE_DATA: VariableName GUID, UnicodeNameLength u64 (characters), VariableDataLength u64, the name, the data.</summary>
    private static TcgEfiVariableEventData Variable(byte[] log, int start, int size)
    {
        var reader = new TcgReader(log, start, start + size);
        var vendor = reader.Guid("the variable's GUID");
        var nameLengthAt = reader.Position;
        var nameLength = reader.U64("UnicodeNameLength");
        var dataLengthAt = reader.Position;
        var dataLength = reader.U64("VariableDataLength");
        var nameChars = reader.Length(nameLength, 2, "UnicodeNameLength", nameLengthAt);
        var name = reader.Utf16(nameChars * 2, "the variable's name");
        var dataBytes = reader.Length(dataLength, 1, "VariableDataLength", dataLengthAt);
        var dataAt = reader.Skip(dataBytes, "the variable's data");
        var result = new TcgEfiVariableEventData(vendor, name, log, dataAt, dataBytes);
        var problems = new List<string>();
        if (reader.Remaining > 0)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0} bytes follow the variable's data", reader.Remaining));
        }

        if (vendor == EfiGuids.GlobalVariable)
        {
            if (name == "BootOrder")
            {
                var order = new List<string>(dataBytes / 2);
                for (var i = 0; i + 1 < dataBytes; i += 2)
                {
                    order.Add("Boot" + SecureBootBytes.UInt16(log, dataAt + i).ToString("X4", CultureInfo.InvariantCulture));
                }

                result.BootOrder = order;
            }
            else if (IsBootOption(name))
            {
                var problem = LoadOption(result, log, dataAt, dataBytes);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
            }
        }

        result.DecodeProblem = problems.Count == 0 ? null : string.Join("; ", problems);
        return result;
    }

    private static bool IsBootOption(string name)
    {
        if (name.Length != 8 || !name.StartsWith("Boot", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 4; i < 8; i++)
        {
            if (!Uri.IsHexDigit(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>EFI_LOAD_OPTION (UEFI 2.10 §3.1.3): Attributes u32, FilePathListLength u16, Description (NUL-terminated UTF-16), FilePathList, OptionalData.</summary>
    private static string? LoadOption(TcgEfiVariableEventData result, byte[] log, int start, int size)
    {
        if (size < 6)
        {
            return "the load option is shorter than its 6-byte header";
        }

        var pathLength = SecureBootBytes.UInt16(log, start + 4);
        var position = start + 6;
        var end = start + size;
        var descriptionEnd = -1;
        for (var i = position; i + 1 < end; i += 2)
        {
            if (log[i] == 0 && log[i + 1] == 0)
            {
                descriptionEnd = i;
                break;
            }
        }

        if (descriptionEnd < 0)
        {
            return "the load option's description has no terminating NUL";
        }

        result.BootOptionDescription = TcgBytes.Utf16(log, position, descriptionEnd - position);
        position = descriptionEnd + 2;
        if (pathLength > end - position)
        {
            return string.Format(CultureInfo.InvariantCulture, "the load option's FilePathListLength is {0} but only {1} bytes are left", pathLength, end - position);
        }

        result.BootOptionDevicePath = EfiDevicePathText.Decode(log, position, pathLength, out var problem);
        return problem;
    }

    /// <summary>UEFI_IMAGE_LOAD_EVENT: location u64, length u64, link-time address u64, LengthOfDevicePath u64, the device path.</summary>
    private static TcgImageLoadEventData ImageLoad(byte[] log, int start, int size)
    {
        var reader = new TcgReader(log, start, start + size);
        var location = reader.U64("ImageLocationInMemory");
        var length = reader.U64("ImageLengthInMemory");
        var link = reader.U64("ImageLinkTimeAddress");
        var pathLengthAt = reader.Position;
        var pathLength = reader.Length(reader.U64("LengthOfDevicePath"), 1, "LengthOfDevicePath", pathLengthAt);
        var pathAt = reader.Skip(pathLength, "the device path");
        var path = EfiDevicePathText.Decode(log, pathAt, pathLength, out var problem);
        return new TcgImageLoadEventData(location, length, link, pathLength, path) { DecodeProblem = problem };
    }

    /// <summary>UEFI_GPT_DATA: the 92-byte EFI_PARTITION_TABLE_HEADER, NumberOfPartitions u64, then the entries, SizeOfPartitionEntry apart.</summary>
    private static TcgGptEventData Gpt(byte[] log, int start, int size)
    {
        var reader = new TcgReader(log, start, start + size);
        if (size < GptHeaderSize)
        {
            reader.Skip(GptHeaderSize, "the GPT header");
        }

        if (TcgBytes.Ascii(log, start, 8) != "EFI PART")
        {
            throw new TcgEventLogFormatException("the GPT header's signature is not \"EFI PART\"", start);
        }

        reader.Skip(8, "the GPT signature");
        var revision = reader.U32("Revision");
        reader.Skip(8, "HeaderSize and HeaderCRC32");
        reader.Skip(4, "Reserved");
        var myLba = reader.U64("MyLBA");
        var alternateLba = reader.U64("AlternateLBA");
        var firstUsable = reader.U64("FirstUsableLBA");
        var lastUsable = reader.U64("LastUsableLBA");
        var disk = reader.Guid("DiskGUID");
        reader.Skip(8, "PartitionEntryLBA");
        var entries = reader.U32("NumberOfPartitionEntries");
        var entrySizeAt = reader.Position;
        var entrySize = reader.U32("SizeOfPartitionEntry");
        reader.Skip(4, "PartitionEntryArrayCRC32");
        var countAt = reader.Position;
        var count = reader.U64("NumberOfPartitions");
        if (count > 0 && entrySize < GptEntrySize)
        {
            throw new TcgEventLogFormatException(string.Format(CultureInfo.InvariantCulture, "SizeOfPartitionEntry is {0}; an entry is at least {1} bytes", entrySize, GptEntrySize), entrySizeAt);
        }

        var partitions = new GptPartition[count == 0 ? 0 : reader.Length(count, (int)Math.Min(entrySize, int.MaxValue), "NumberOfPartitions", countAt)];
        for (var i = 0; i < partitions.Length; i++)
        {
            var at = reader.Skip(entrySize, "a partition entry");
            var entry = new TcgReader(log, at, at + (int)entrySize);
            var type = entry.Guid("PartitionTypeGUID");
            var unique = entry.Guid("UniquePartitionGUID");
            var first = entry.U64("StartingLBA");
            var last = entry.U64("EndingLBA");
            var attributes = entry.U64("Attributes");
            var name = entry.Utf16(72, "PartitionName");
            partitions[i] = new GptPartition(type, unique, first, last, attributes, name);
        }

        var result = new TcgGptEventData(disk, revision, myLba, alternateLba, firstUsable, lastUsable, entries, entrySize, partitions);
        if (reader.Remaining > 0)
        {
            result.DecodeProblem = string.Format(CultureInfo.InvariantCulture, "{0} bytes follow the partition entries", reader.Remaining);
        }

        return result;
    }

    /// <summary>UEFI_PLATFORM_FIRMWARE_BLOB (base u64, length u64), or BLOB2 (a u8-sized description first).</summary>
    private static TcgFirmwareBlobEventData Blob(byte[] log, int start, int size, bool described)
    {
        var reader = new TcgReader(log, start, start + size);
        string? description = null;
        if (described)
        {
            var length = reader.U8("BlobDescriptionSize");
            description = TcgBytes.Ascii(log, reader.Skip(length, "BlobDescription"), length);
        }

        var blobBase = reader.U64("BlobBase");
        var blobLength = reader.U64("BlobLength");
        return new TcgFirmwareBlobEventData(description, blobBase, blobLength)
        {
            DecodeProblem = reader.Remaining > 0 ? string.Format(CultureInfo.InvariantCulture, "{0} bytes follow the blob's length", reader.Remaining) : null,
        };
    }

    /// <summary>UEFI_HANDOFF_TABLE_POINTERS(2): (a u8-sized description,) NumberOfTables u64, {VendorGuid, VendorTable pointer} each.</summary>
    private static TcgHandoffTablesEventData HandoffTables(TcgEvent record, byte[] log, int start, int size, bool described)
    {
        var reader = new TcgReader(log, start, start + size);
        string? description = null;
        if (described)
        {
            var length = reader.U8("TableDescriptionSize");
            description = TcgBytes.Ascii(log, reader.Skip(length, "TableDescription"), length);
        }

        var countAt = reader.Position;
        var count = reader.U64("NumberOfTables");

        // VendorTable is a pointer: UINTN, 4 bytes when the Spec ID says UINTN is UINT32, 8 otherwise.
        var pointer = record.SpecId?.UintnSize == 1 ? 4 : 8;
        var tables = new EfiConfigurationTable[reader.Length(count, 16 + pointer, "NumberOfTables", countAt)];
        for (var i = 0; i < tables.Length; i++)
        {
            var guid = reader.Guid("VendorGuid");
            var address = pointer == 4 ? reader.U32("VendorTable") : reader.U64("VendorTable");
            tables[i] = new EfiConfigurationTable(guid, address);
        }

        return new TcgHandoffTablesEventData(description, tables)
        {
            DecodeProblem = reader.Remaining > 0 ? string.Format(CultureInfo.InvariantCulture, "{0} bytes follow the tables", reader.Remaining) : null,
        };
    }

    /// <summary>TCG_PCClientTaggedEvent; a Windows SIPA id makes the whole data a sequence of SIPA events.</summary>
    private static TcgTaggedEventData Tagged(TcgEvent record, byte[] log, int start, int size)
    {
        var reader = new TcgReader(log, start, start + size);
        var id = reader.U32("taggedEventID");
        var dataSizeAt = reader.Position;
        var dataSize = reader.U32("taggedEventDataSize");
        if (SipaNames.IsSipaId(id))
        {
            return new TcgTaggedEventData(id, dataSize, true, SipaEventParser.ParseRange(log, start, size, record.SipaLimits));
        }

        reader.Length(dataSize, 1, "taggedEventDataSize", dataSizeAt);
        return new TcgTaggedEventData(id, dataSize, false, Array.Empty<SipaEvent>());
    }

    /// <summary>The length of a NUL-padded field up to its first NUL.</summary>
    private static int NulLength(byte[] data, int offset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (data[offset + i] == 0)
            {
                return i;
            }
        }

        return count;
    }
}
