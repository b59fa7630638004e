using System.IO;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Collection;

public class LinuxSystemCollectorTests
{
    [Fact]
    public void A_UEFI_root_tree_reads_as_UEFI_with_its_os_release_and_kernel()
    {
        using var root = FakeRoot(efi: true);

        var info = SystemInfoAnalyzer.Analyze(Capture(root.Path));

        Assert.Equal("Azure Linux 3.0", info.OsName);
        Assert.Equal("3.0", info.OsVersion);
        Assert.Equal("6.6.51.1-azl3", info.OsBuild);
        Assert.Equal(FirmwareType.Uefi, info.FirmwareType);
        Assert.False(info.IsAzureLocal);
        Assert.Contains("Windows only", info.UnknownReasons["DomainJoined"]);
    }

    [Fact]
    public void A_root_without_sys_firmware_efi_reads_as_BIOS()
    {
        using var root = FakeRoot(efi: false);

        Assert.Equal(FirmwareType.Bios, SystemInfoAnalyzer.Analyze(Capture(root.Path)).FirmwareType);
    }

    [Fact]
    public void os_release_is_taken_from_usr_lib_when_etc_has_none()
    {
        using var root = FakeRoot(efi: true);
        File.Move(root.Combine("etc", "os-release"), root.Combine("usr", "lib", "os-release"));

        var bundle = Capture(root.Path);

        Assert.NotNull(bundle.Find(EvidenceIds.LinuxFile("/usr/lib/os-release")));
        Assert.Equal("Azure Linux 3.0", SystemInfoAnalyzer.Analyze(bundle).OsName);
    }

    [Fact]
    public void Missing_files_become_not_found_items_not_exceptions()
    {
        using var root = new TempDir();

        var bundle = Capture(root.Path);

        var osRelease = bundle.Find(EvidenceIds.LinuxFile("/etc/os-release"))!;
        Assert.Equal(EvidenceErrorCategory.NotFound, osRelease.Error!.Category);
        Assert.Contains("os-release", SystemInfoAnalyzer.Analyze(bundle).UnknownReasons["OsName"]);
    }

    [Fact]
    public void Every_fact_is_stamped_with_the_context_clock()
    {
        using var root = FakeRoot(efi: true);

        Assert.All(Capture(root.Path).Items, i => Assert.Equal(Bundles.Time, i.CapturedAt));
    }

    private static EvidenceBundle Capture(string root)
    {
        var node = new NodeIdentity("linux01", NodePlatform.Linux, "Linux", "X64");
        return EvidenceCapture.Capture(node, "0.1.0", [new LinuxSystemCollector()], new CollectionContext(root, () => Bundles.Time));
    }

    private static TempDir FakeRoot(bool efi)
    {
        var root = new TempDir();
        Directory.CreateDirectory(root.Combine("etc"));
        Directory.CreateDirectory(root.Combine("usr", "lib"));
        Directory.CreateDirectory(root.Combine("proc", "sys", "kernel"));
        File.WriteAllText(root.Combine("etc", "os-release"), "# comment\nNAME=\"Microsoft Azure Linux\"\nVERSION_ID='3.0'\nPRETTY_NAME=\"Azure Linux 3.0\"\n");
        File.WriteAllText(root.Combine("proc", "sys", "kernel", "osrelease"), "6.6.51.1-azl3\n");
        File.WriteAllText(root.Combine("proc", "sys", "kernel", "hostname"), "linux01\n");
        if (efi)
        {
            Directory.CreateDirectory(root.Combine("sys", "firmware", "efi"));
        }

        return root;
    }
}
