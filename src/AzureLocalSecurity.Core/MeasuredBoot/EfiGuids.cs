using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>GUIDs the UEFI specification, the PI specification and shim assign, with their names.</summary>
internal static class EfiGuids
{
    internal static readonly Guid GlobalVariable = new("8BE4DF61-93CA-11D2-AA0D-00E098032B8C");
    internal static readonly Guid ImageSecurityDatabase = new("D719B2CB-3D3A-4596-A3BC-DAD00E67656F");
    internal static readonly Guid ShimLock = new("605DAB50-E046-4300-ABB6-3DD810DD8B23");

    private static readonly Dictionary<Guid, string> ConfigurationTables = new()
    {
        [new Guid("EB9D2D31-2D88-11D3-9A16-0090273FC14D")] = "SMBIOS",
        [new Guid("F2FD1544-9794-4A2C-992E-E5BBCF20E394")] = "SMBIOS3",
        [new Guid("EB9D2D30-2D88-11D3-9A16-0090273FC14D")] = "ACPI 1.0",
        [new Guid("8868E871-E4F1-11D3-BC22-0080C73C8881")] = "ACPI 2.0",
    };

    // Partition type GUIDs: UEFI 2.10 §5.3.3 (EFI System), and the types Windows and Linux define for their partitions.
    private static readonly Dictionary<Guid, string> PartitionTypes = new()
    {
        [new Guid("C12A7328-F81F-11D2-BA4B-00A0C93EC93B")] = "EFI System",
        [new Guid("024DEE41-33E7-11D3-9D69-0008C781F39F")] = "MBR partition scheme",
        [new Guid("21686148-6449-6E6F-744E-656564454649")] = "BIOS boot",
        [new Guid("E3C9E316-0B5C-4DB8-817D-F92DF00215AE")] = "Microsoft reserved",
        [new Guid("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7")] = "Microsoft basic data",
        [new Guid("DE94BBA4-06D1-4D40-A16A-BFD50179D6AC")] = "Windows recovery",
        [new Guid("5808C8AA-7E8F-42E0-85D2-E1E90434CFB3")] = "Windows LDM metadata",
        [new Guid("AF9B60A0-1431-4F62-BC68-3311714A69AD")] = "Windows LDM data",
        [new Guid("E75CAF8F-F680-4CEE-AFA3-B001E56EFC2D")] = "Windows Storage Spaces",
        [new Guid("0FC63DAF-8483-4772-8E79-3D69D8477DE4")] = "Linux filesystem",
        [new Guid("0657FD6D-A4AB-43C4-84E5-0933C84B4F4F")] = "Linux swap",
        [new Guid("E6D6D379-F507-44C2-A23C-238F2A3DF928")] = "Linux LVM",
        [new Guid("BC13C2FF-59E6-4262-A352-B275FD6F7172")] = "Linux extended boot",
    };

    internal static string? VendorName(Guid guid) =>
        guid == GlobalVariable ? "EFI_GLOBAL_VARIABLE"
        : guid == ImageSecurityDatabase ? "EFI_IMAGE_SECURITY_DATABASE_GUID"
        : guid == ShimLock ? "SHIM_LOCK_GUID"
        : null;

    internal static bool IsSecureBootPolicy(Guid vendor, string name) =>
        (vendor == GlobalVariable && name is "SecureBoot" or "PK" or "KEK")
        || (vendor == ImageSecurityDatabase && name is "db" or "dbx" or "dbt" or "dbr");

    internal static string? ConfigurationTableName(Guid guid) => ConfigurationTables.TryGetValue(guid, out var name) ? name : null;

    internal static string? PartitionTypeName(Guid guid) => PartitionTypes.TryGetValue(guid, out var name) ? name : null;
}
