using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Collection;

/// <summary>The Linux Secured-core collector on sysfs and securityfs trees made for each test.</summary>
public sealed class LinuxSecuredCoreCollectorTests
{
    [Fact]
    public void Registered_IOMMU_units_are_present_with_their_names_in_ordinal_order_and_the_group_count()
    {
        using var root = new TempDir();
        Units(root, "dmar1", "dmar0");
        Groups(root, 5);

        var record = Iommu(root).Records!.Single();

        Assert.Equal(EvidenceValue.FromBoolean(true), record.Get(SecuredCoreEvidenceIds.IommuPresentProperty));
        Assert.Equal(EvidenceValue.FromMultiString(["dmar0", "dmar1"]), record.Get(SecuredCoreEvidenceIds.IommuUnitsProperty));
        Assert.Equal(EvidenceValue.FromUInt64(5), record.Get(SecuredCoreEvidenceIds.IommuGroupsProperty));
    }

    [Fact]
    public void Units_are_the_entry_names_when_they_are_links_to_devices_as_sysfs_makes_them()
    {
        using var root = new TempDir();
        var device = root.Combine("sys", "devices", "pci0000:00", "0000:00:00.2", "iommu", "ivhd0");
        Directory.CreateDirectory(device);
        Directory.CreateDirectory(root.Combine("sys", "class", "iommu"));
        Directory.CreateSymbolicLink(root.Combine("sys", "class", "iommu", "ivhd0"), device);

        var record = Iommu(root).Records!.Single();

        Assert.Equal(["ivhd0"], record.Get(SecuredCoreEvidenceIds.IommuUnitsProperty)!.AsStrings());
    }

    [Fact]
    public void An_empty_iommu_class_is_no_IOMMU_present_with_no_units()
    {
        using var root = new TempDir();
        Units(root);
        Groups(root, 0);

        var record = Iommu(root).Records!.Single();

        Assert.Equal(EvidenceValue.FromBoolean(false), record.Get(SecuredCoreEvidenceIds.IommuPresentProperty));
        Assert.Equal(EvidenceValue.FromMultiString([]), record.Get(SecuredCoreEvidenceIds.IommuUnitsProperty));
        Assert.Equal(EvidenceValue.FromUInt64(0), record.Get(SecuredCoreEvidenceIds.IommuGroupsProperty));
    }

    [Fact]
    public void Groups_are_left_out_when_the_iommu_groups_folder_does_not_exist()
    {
        using var root = new TempDir();
        Units(root, "dmar0");

        var record = Iommu(root).Records!.Single();

        Assert.Null(record.Get(SecuredCoreEvidenceIds.IommuGroupsProperty));
        Assert.Equal(2, record.Properties.Count);
    }

    [Fact]
    public void No_iommu_class_folder_is_NotSupported_with_the_reason()
    {
        using var root = new TempDir();
        Groups(root, 3);

        var item = Iommu(root);

        Assert.Equal(EvidenceErrorCategory.NotSupported, item.Error!.Category);
        Assert.Equal("/sys/class/iommu does not exist: the kernel has no IOMMU support, or sysfs is not mounted.", item.Error.Message);
        Assert.Equal(EvidenceKind.Properties, item.Kind);
    }

    [Fact]
    public void The_lockdown_file_is_stored_as_its_text_brackets_and_newline_included()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("sys", "kernel", "security"));
        File.WriteAllText(root.Combine("sys", "kernel", "security", "lockdown"), "none [integrity] confidentiality\n");

        var item = Collect(root).Single(i => i.Id == SecuredCoreEvidenceIds.LinuxLockdown);

        Assert.Equal(EvidenceKind.Text, item.Kind);
        Assert.Equal("none [integrity] confidentiality\n", item.GetText());
    }

    [Fact]
    public void A_kernel_without_the_lockdown_file_files_it_as_NotFound()
    {
        using var root = new TempDir();

        var item = Collect(root).Single(i => i.Id == SecuredCoreEvidenceIds.LinuxLockdown);

        Assert.Equal(EvidenceErrorCategory.NotFound, item.Error!.Category);
        Assert.Equal("/sys/kernel/security/lockdown does not exist.", item.Error.Message);
    }

    [Fact]
    public void The_collector_files_the_IOMMU_the_lockdown_and_the_wsmt_and_nothing_else()
    {
        using var root = new TempDir();

        Assert.Equal([SecuredCoreEvidenceIds.LinuxIommu, SecuredCoreEvidenceIds.LinuxLockdown, SecuredCoreEvidenceIds.LinuxWsmt], Collect(root).Select(i => i.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_wsmt_table_is_recorded_as_present_or_absent_where_acpi_tables_are_exposed(bool present)
    {
        using var root = new TempDir();
        var tables = root.Combine("sys", "firmware", "acpi", "tables");
        Directory.CreateDirectory(tables);
        File.WriteAllBytes(Path.Combine(tables, "DSDT"), [0x44]);
        if (present)
        {
            File.WriteAllBytes(Path.Combine(tables, "WSMT"), [0x57, 0x53, 0x4D, 0x54]);
        }

        var wsmt = Assert.Single(Collect(root), i => i.Id == SecuredCoreEvidenceIds.LinuxWsmt);

        Assert.Equal(present, wsmt.Records![0].Get("Exists")!.AsBoolean());
    }

    [Fact]
    public void Without_exposed_acpi_tables_the_wsmt_is_not_supported_rather_than_absent()
    {
        using var root = new TempDir();

        var wsmt = Assert.Single(Collect(root), i => i.Id == SecuredCoreEvidenceIds.LinuxWsmt);

        Assert.Equal(EvidenceErrorCategory.NotSupported, wsmt.Error!.Category);
        Assert.Contains("/sys/firmware/acpi/tables does not exist", wsmt.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fact_is_stamped_with_the_context_clock()
    {
        using var root = new TempDir();
        Units(root, "dmar0");

        Assert.All(Collect(root), i => Assert.Equal(Bundles.Time, i.CapturedAt));
    }

    private static EvidenceItem[] Collect(TempDir root) =>
        new LinuxSecuredCoreCollector().Collect(new CollectionContext(root.Path, () => Bundles.Time)).ToArray();

    private static EvidenceItem Iommu(TempDir root) => Collect(root).Single(i => i.Id == SecuredCoreEvidenceIds.LinuxIommu);

    private static void Units(TempDir root, params string[] names)
    {
        Directory.CreateDirectory(root.Combine("sys", "class", "iommu"));
        foreach (var name in names)
        {
            Directory.CreateDirectory(root.Combine("sys", "class", "iommu", name));
        }
    }

    private static void Groups(TempDir root, int count)
    {
        Directory.CreateDirectory(root.Combine("sys", "kernel", "iommu_groups"));
        for (var i = 0; i < count; i++)
        {
            Directory.CreateDirectory(root.Combine("sys", "kernel", "iommu_groups", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
