using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// UEFI_GPT_DATA (PFP §10.4.3.3), the data of EV_EFI_GPT_EVENT: the boot disk's GPT header and the partition entries in
/// use, as the firmware measured them into PCR 5.
/// </summary>
public sealed class TcgGptEventData : TcgEventData
{
    internal TcgGptEventData(Guid diskGuid, uint revision, ulong myLba, ulong alternateLba, ulong firstUsableLba, ulong lastUsableLba, uint numberOfPartitionEntries, uint partitionEntrySize, IReadOnlyList<GptPartition> partitions)
    {
        DiskGuid = diskGuid;
        Revision = revision;
        MyLba = myLba;
        AlternateLba = alternateLba;
        FirstUsableLba = firstUsableLba;
        LastUsableLba = lastUsableLba;
        NumberOfPartitionEntries = numberOfPartitionEntries;
        PartitionEntrySize = partitionEntrySize;
        Partitions = partitions;
    }

    /// <summary>DiskGUID.</summary>
    public Guid DiskGuid { get; }

    /// <summary>The header's Revision (0x00010000 for 1.0).</summary>
    public uint Revision { get; }

    /// <summary>MyLBA.</summary>
    public ulong MyLba { get; }

    /// <summary>AlternateLBA.</summary>
    public ulong AlternateLba { get; }

    /// <summary>FirstUsableLBA.</summary>
    public ulong FirstUsableLba { get; }

    /// <summary>LastUsableLBA.</summary>
    public ulong LastUsableLba { get; }

    /// <summary>NumberOfPartitionEntries in the header (the table's capacity, not the entries measured).</summary>
    public uint NumberOfPartitionEntries { get; }

    /// <summary>SizeOfPartitionEntry.</summary>
    public uint PartitionEntrySize { get; }

    /// <summary>The partition entries measured.</summary>
    public IReadOnlyList<GptPartition> Partitions { get; }

    /// <inheritdoc />
    public override string Summary => string.Format(
        CultureInfo.InvariantCulture,
        "disk {0}, {1} partitions: {2}",
        TcgBytes.Guid(DiskGuid),
        Partitions.Count,
        string.Join(", ", Partitions.Select(p => (p.Name.Length == 0 ? "(no name)" : TcgBytes.OneLine(p.Name)) + " [" + (p.TypeName ?? TcgBytes.Guid(p.TypeGuid)) + "]")));
}
