using System;
using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>One EFI_CONFIGURATION_TABLE entry of an EV_EFI_HANDOFF_TABLES(2) event: the table's GUID and address.</summary>
public sealed class EfiConfigurationTable
{
    internal EfiConfigurationTable(Guid vendorGuid, ulong address)
    {
        VendorGuid = vendorGuid;
        Address = address;
    }

    /// <summary>VendorGuid: which table it is.</summary>
    public Guid VendorGuid { get; }

    /// <summary>The table's name (SMBIOS, SMBIOS3, ACPI 1.0, ACPI 2.0), or null when not known here.</summary>
    public string? Name => EfiGuids.ConfigurationTableName(VendorGuid);

    /// <summary>VendorTable: where the table was.</summary>
    public ulong Address { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} at 0x{1:X}", Name ?? TcgBytes.Guid(VendorGuid), Address);
}
