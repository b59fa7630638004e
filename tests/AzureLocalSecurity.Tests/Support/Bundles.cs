using System;
using System.Collections.Generic;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Bundles with the facts a Windows collector records, built from values Microsoft documents for each OS
/// (Azure Stack HCI 23H2 is build 25398 with ProductName "Azure Stack HCI" and DisplayVersion "23H2").
/// These are hand-made recordings, not captures from a machine.
/// </summary>
internal static class Bundles
{
    internal static readonly DateTimeOffset Time = new(2026, 11, 1, 8, 30, 0, TimeSpan.Zero);

    internal static EvidenceBundle Windows(
        string productName = "Azure Stack HCI",
        string displayVersion = "23H2",
        string build = "25398",
        uint ubr = 1189,
        string installationType = "Server Core",
        long? firmwareType = 2,
        long joinStatus = 3,
        string joinName = "CONTOSO",
        string node = "NODE01")
    {
        var items = new List<EvidenceItem>
        {
            EvidenceItem.ForRecords(EvidenceIds.PowerShellHost, "$PSVersionTable", Time, [Record(("Edition", EvidenceValue.FromString("Desktop")), ("Version", EvidenceValue.FromString("5.1.25398.1189")))]),
            EvidenceItem.ForRegistry(
                EvidenceIds.Registry(EvidenceIds.WindowsCurrentVersionKey),
                "Registry (64-bit view) " + EvidenceIds.WindowsCurrentVersionKey,
                Time,
                new RegistryKeyEvidence(EvidenceIds.WindowsCurrentVersionKey,
                [
                    new("ProductName", EvidenceValue.FromString(productName)),
                    new("DisplayVersion", EvidenceValue.FromString(displayVersion)),
                    new("CurrentBuild", EvidenceValue.FromString(build)),
                    new("CurrentBuildNumber", EvidenceValue.FromString(build)),
                    new("UBR", EvidenceValue.FromDWord(ubr)),
                    new("CurrentMajorVersionNumber", EvidenceValue.FromDWord(10)),
                    new("CurrentMinorVersionNumber", EvidenceValue.FromDWord(0)),
                    new("InstallationType", EvidenceValue.FromString(installationType)),
                    new("SystemRoot", EvidenceValue.FromString(@"C:\Windows")),
                    new("PathName", EvidenceValue.FromExpandString(@"%SystemRoot%")),
                ],
                ["Winlogon", "Schedule"])),
            firmwareType is null
                ? EvidenceItem.ForError(EvidenceIds.WindowsFirmwareType, EvidenceKind.Properties, "kernel32!GetFirmwareType", Time, new EvidenceError(EvidenceErrorCategory.Failed, "The parameter is incorrect.", 87))
                : EvidenceItem.ForRecords(EvidenceIds.WindowsFirmwareType, "kernel32!GetFirmwareType", Time, [Record(("FirmwareType", EvidenceValue.FromInt64(firmwareType.Value)))]),
            EvidenceItem.ForRecords(EvidenceIds.WindowsJoinInformation, "netapi32!NetGetJoinInformation", Time, [Record(("JoinStatus", EvidenceValue.FromInt64(joinStatus)), ("Name", EvidenceValue.FromString(joinName)))]),
        };
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity(node, NodePlatform.Windows, "Microsoft Windows 10.0." + build, "X64"), Time, "0.1.0", items);
    }

    /// <summary>A bundle with one item of every kind and every value kind, edge values included.</summary>
    internal static EvidenceBundle EveryKind() => new(
        EvidenceSchema.CurrentVersion,
        new NodeIdentity("NODE02", NodePlatform.Windows, "Microsoft Windows 10.0.26100", "X64"),
        Time,
        "0.1.0",
        [
            EvidenceItem.ForRegistry("windows/registry/HKLM/SOFTWARE/Test", "Registry HKLM\\SOFTWARE\\Test", Time, new RegistryKeyEvidence(@"HKLM\SOFTWARE\Test",
            [
                new(string.Empty, EvidenceValue.FromString("default")),
                new("AllOnes", EvidenceValue.FromDWord(uint.MaxValue)),
                new("Big", EvidenceValue.FromQWord(ulong.MaxValue)),
                new("Expand", EvidenceValue.FromExpandString("%SystemRoot%\\System32")),
                new("Multi", EvidenceValue.FromMultiString(["a", string.Empty, "c ü"])),
                new("Bytes", EvidenceValue.FromBinary([0, 1, 255])),
            ], ["Child"])),
            EvidenceItem.ForRecords("test/records", "CIM root\\test", Time,
            [
                Record(("Null", EvidenceValue.Null), ("Flag", EvidenceValue.FromBoolean(true)), ("Signed", EvidenceValue.FromInt64(long.MinValue)), ("Unsigned", EvidenceValue.FromUInt64(ulong.MaxValue)), ("List", EvidenceValue.FromUInt64Array([1, 2, ulong.MaxValue])), ("When", EvidenceValue.FromDateTime(new DateTime(2026, 6, 24, 0, 0, 0, DateTimeKind.Utc)))),
                Record(("Second", EvidenceValue.FromString("record"))),
            ]),
            EvidenceItem.ForBlob("test/blob", "GetFirmwareEnvironmentVariableExW db", Time, [0x26, 0x16, 0xc4, 0xc1, 0x4c, 0x50, 0x92, 0x40, 0x00]),
            EvidenceItem.ForBlob("test/same-blob", "a second copy of the same bytes", Time, [0x26, 0x16, 0xc4, 0xc1, 0x4c, 0x50, 0x92, 0x40, 0x00]),
            EvidenceItem.ForBlob("test/empty-blob", "nothing", Time, []),
            EvidenceItem.ForText("test/text", "file /etc/os-release", Time, "NAME=\"Debian\"\nこんにちは\n"),
            EvidenceItem.ForError("test/error", EvidenceKind.Registry, "Registry HKLM\\SECURITY", Time, new EvidenceError(EvidenceErrorCategory.AccessDenied, "Access is denied.", 5)),
        ]);

    internal static EvidenceRecord Record(params (string Name, EvidenceValue Value)[] properties)
    {
        var list = new List<KeyValuePair<string, EvidenceValue>>();
        foreach (var (name, value) in properties)
        {
            list.Add(new(name, value));
        }

        return new EvidenceRecord(list);
    }
}
