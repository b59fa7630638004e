using System;
using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>One EFI_PARTITION_ENTRY of an EV_EFI_GPT_EVENT (UEFI 2.10 §5.3.3).</summary>
public sealed class GptPartition
{
    internal GptPartition(Guid typeGuid, Guid uniqueGuid, ulong startingLba, ulong endingLba, ulong attributes, string name)
    {
        TypeGuid = typeGuid;
        UniqueGuid = uniqueGuid;
        StartingLba = startingLba;
        EndingLba = endingLba;
        Attributes = attributes;
        Name = name;
    }

    /// <summary>PartitionTypeGUID.</summary>
    public Guid TypeGuid { get; }

    /// <summary>What the type GUID is (EFI System, Microsoft basic data, Linux filesystem, ...), or null when not known here.</summary>
    public string? TypeName => EfiGuids.PartitionTypeName(TypeGuid);

    /// <summary>UniquePartitionGUID.</summary>
    public Guid UniqueGuid { get; }

    /// <summary>StartingLBA.</summary>
    public ulong StartingLba { get; }

    /// <summary>EndingLBA (inclusive).</summary>
    public ulong EndingLba { get; }

    /// <summary>The attribute bits.</summary>
    public ulong Attributes { get; }

    /// <summary>PartitionName (UTF-16, up to its first NUL).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} [{1}] LBA {2}-{3}", Name, TypeName ?? TcgBytes.Guid(TypeGuid), StartingLba, EndingLba);
}
