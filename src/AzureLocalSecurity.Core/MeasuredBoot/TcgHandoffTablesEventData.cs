using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// UEFI_HANDOFF_TABLE_POINTERS (EV_EFI_HANDOFF_TABLES) or UEFI_HANDOFF_TABLE_POINTERS2 (EV_EFI_HANDOFF_TABLES2, with a
/// description): the configuration tables the firmware measured and handed to the OS.
/// </summary>
public sealed class TcgHandoffTablesEventData : TcgEventData
{
    internal TcgHandoffTablesEventData(string? description, IReadOnlyList<EfiConfigurationTable> tables)
    {
        Description = description;
        Tables = tables;
    }

    /// <summary>TableDescription (HANDOFF_TABLES2 only).</summary>
    public string? Description { get; }

    /// <summary>The tables.</summary>
    public IReadOnlyList<EfiConfigurationTable> Tables { get; }

    /// <inheritdoc />
    public override string Summary =>
        (string.IsNullOrEmpty(Description) ? string.Empty : TcgBytes.OneLine(Description!) + ": ")
        + (Tables.Count == 0 ? "(no tables)" : string.Join(", ", Tables.Select(t => t.ToString())));
}
