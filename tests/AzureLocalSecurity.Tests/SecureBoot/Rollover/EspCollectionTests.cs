using System;
using System.IO;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.SecureBoot.BootManager;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Rollover;

/// <summary>The Linux collector reads the EFI system partition's boot files where it is mounted, in whatever case FAT shows them.</summary>
public sealed class EspCollectionTests
{
    private static EvidenceItem Item(string root, string path) =>
        Assert.Single(new LinuxSecureBootCollector().Collect(new CollectionContext(root, () => Bundles.Time)), i => i.Id == SecureBootEvidenceIds.EspFile(path));

    [Fact]
    public void Boot_files_are_read_byte_for_byte_whatever_the_case_of_their_names()
    {
        using var root = new TempDir();
        var folder = root.Combine("boot", "efi", "EFI", "BOOT");
        Directory.CreateDirectory(folder);
        var shim = PeImages.Read(PeImages.Shim);
        File.WriteAllBytes(Path.Combine(folder, "BOOTX64.EFI"), shim);

        var item = Item(root.Path, SecureBootEvidenceIds.FallbackBootLoaderPath);

        Assert.True(item.Succeeded);
        Assert.Equal(shim, item.GetData());
        Assert.Equal("file /boot/efi/EFI/BOOT/BOOTX64.EFI", item.Source);
    }

    [Fact]
    public void A_partition_mounted_at_slash_efi_is_found_too()
    {
        using var root = new TempDir();
        var folder = root.Combine("efi", "efi", "microsoft", "boot");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "bootmgfw.efi"), [0x4D, 0x5A]);

        var item = Item(root.Path, SecureBootEvidenceIds.WindowsBootManagerPath);

        Assert.Equal([0x4D, 0x5A], item.GetData());
        Assert.Equal("file /efi/efi/microsoft/boot/bootmgfw.efi", item.Source);
    }

    [Fact]
    public void A_partition_without_the_windows_boot_manager_says_it_is_absent()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("boot", "efi", "EFI", "debian"));

        var item = Item(root.Path, SecureBootEvidenceIds.WindowsBootManagerPath);

        Assert.Equal(EvidenceErrorCategory.NotFound, item.Error!.Category);
        Assert.Equal("The EFI system partition has no EFI/Microsoft/Boot/bootmgfw.efi.", item.Error.Message);
    }

    [Fact]
    public void No_mounted_partition_is_not_supported_with_the_places_looked_at()
    {
        using var root = new TempDir();

        var item = Item(root.Path, SecureBootEvidenceIds.WindowsBootManagerPath);

        Assert.Equal(EvidenceErrorCategory.NotSupported, item.Error!.Category);
        Assert.Equal("No EFI system partition is mounted at /boot/efi, /efi, /boot (none holds an EFI folder).", item.Error.Message);
    }

    [Fact]
    public void A_boot_file_larger_than_any_boot_file_is_refused_not_read_whole()
    {
        using var root = new TempDir();
        var folder = root.Combine("boot", "efi", "EFI", "Microsoft", "Boot");
        Directory.CreateDirectory(folder);
        using (var file = File.Create(Path.Combine(folder, "bootmgfw.efi")))
        {
            file.SetLength(EspFileReaderLimit + 1);
        }

        var item = Item(root.Path, SecureBootEvidenceIds.WindowsBootManagerPath);

        Assert.Equal(EvidenceErrorCategory.Failed, item.Error!.Category);
        Assert.Contains("larger than 33554432 bytes", item.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_esp_file_id_uses_forward_slashes_and_no_leading_slash()
    {
        Assert.Equal("firmware/esp/EFI/Microsoft/Boot/bootmgfw.efi", SecureBootEvidenceIds.EspFile("\\EFI\\Microsoft\\Boot\\bootmgfw.efi"));
        Assert.Throws<ArgumentException>(() => SecureBootEvidenceIds.EspFile(string.Empty));
    }

    private const int EspFileReaderLimit = 32 * 1024 * 1024;
}
