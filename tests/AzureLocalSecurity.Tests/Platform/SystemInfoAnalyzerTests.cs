using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Platform;

public class SystemInfoAnalyzerTests
{
    [Fact]
    public void An_Azure_Local_23H2_node_reads_as_Azure_Local_with_its_release_and_full_version()
    {
        var info = SystemInfoAnalyzer.Analyze(Bundles.Windows());

        Assert.Equal("Azure Stack HCI", info.OsName);
        Assert.True(info.IsAzureLocal);
        Assert.Equal("23H2", info.AzureLocalRelease);
        Assert.Equal("10.0.25398.1189", info.OsVersion);
        Assert.Equal("25398", info.OsBuild);
        Assert.Equal(FirmwareType.Uefi, info.FirmwareType);
        Assert.True(info.DomainJoined);
        Assert.Equal("CONTOSO", info.DomainName);
        Assert.Equal("Desktop", info.PowerShellEdition);
        Assert.Empty(info.UnknownReasons);
        Assert.Contains("GetFirmwareType", info.Sources["FirmwareType"]);
    }

    [Fact]
    public void Windows_Server_is_not_Azure_Local_and_has_no_release()
    {
        var info = SystemInfoAnalyzer.Analyze(Bundles.Windows(productName: "Windows Server 2025 Datacenter", displayVersion: "24H2", build: "26100"));

        Assert.False(info.IsAzureLocal);
        Assert.Null(info.AzureLocalRelease);
        Assert.Equal("24H2", info.DisplayVersion);
    }

    [Fact]
    public void A_Windows_11_client_is_named_Windows_11_although_the_registry_says_10()
    {
        var info = SystemInfoAnalyzer.Analyze(Bundles.Windows(productName: "Windows 10 Enterprise", displayVersion: "24H2", build: "26100", installationType: "Client"));

        Assert.Equal("Windows 11 Enterprise", info.OsName);
    }

    [Fact]
    public void A_workgroup_node_is_not_domain_joined_and_names_its_workgroup()
    {
        var info = SystemInfoAnalyzer.Analyze(Bundles.Windows(joinStatus: 2, joinName: "WORKGROUP"));

        Assert.False(info.DomainJoined);
        Assert.Null(info.DomainName);
        Assert.Equal("WORKGROUP", info.Workgroup);
    }

    [Fact]
    public void A_firmware_type_that_could_not_be_read_is_unknown_with_the_error()
    {
        var info = SystemInfoAnalyzer.Analyze(Bundles.Windows(firmwareType: null));

        Assert.Equal(FirmwareType.Unknown, info.FirmwareType);
        Assert.Contains("The parameter is incorrect", info.UnknownReasons["FirmwareType"]);
    }

    [Fact]
    public void A_BIOS_firmware_type_reads_as_Bios()
    {
        Assert.Equal(FirmwareType.Bios, SystemInfoAnalyzer.Analyze(Bundles.Windows(firmwareType: 1)).FirmwareType);
    }

    [Fact]
    public void A_bundle_without_the_facts_reports_each_as_unknown()
    {
        var empty = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("N", NodePlatform.Windows, "Windows", "X64"), Bundles.Time, "0.1.0", []);

        var info = SystemInfoAnalyzer.Analyze(empty);

        Assert.Null(info.OsName);
        Assert.Null(info.IsAzureLocal);
        Assert.Null(info.DomainJoined);
        Assert.Equal(FirmwareType.Unknown, info.FirmwareType);
        Assert.Contains("OsName", info.UnknownReasons.Keys);
        Assert.Contains("FirmwareType", info.UnknownReasons.Keys);
        Assert.Contains("DomainJoined", info.UnknownReasons.Keys);
    }
}
