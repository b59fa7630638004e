using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.SecureBoot.VariableStore.OvmfVectors;

namespace AzureLocalSecurity.Tests.SecureBoot.Collection;

/// <summary>
/// efivarfs trees made from real variables: PK, KEK, db and dbx as Debian's OVMF_VARS_4M.ms.fd holds them, each behind the
/// attribute prefix efivarfs puts first (0x27 for these, FORMATS.md §1), and SecureBoot/SetupMode as a booted OVMF reports
/// them (06 00 00 00, then the byte).
/// </summary>
public class LinuxSecureBootCollectorTests
{
    private static readonly FirmwareVariableStore Store = FirmwareVariableStore.Parse(Load(MsEnrolled4M));

    private static readonly (string Name, Guid Vendor)[] Keys =
    [
        ("PK", GlobalVariable), ("KEK", GlobalVariable), ("db", ImageSecurityDatabase), ("dbx", ImageSecurityDatabase),
    ];

    [Fact]
    public void The_key_variables_are_filed_without_the_attribute_prefix()
    {
        using var root = EnrolledRoot();

        var items = Collect(root.Path);

        foreach (var (name, vendor) in Keys)
        {
            var data = items[SecureBootEvidenceIds.Variable(name, vendor)];
            Assert.Equal(EvidenceKind.Blob, data.Kind);
            Assert.Equal(Store.Find(name, vendor)!.GetData(), data.GetData());
        }
    }

    [Fact]
    public void The_attribute_prefix_is_filed_as_the_attributes_record()
    {
        using var root = EnrolledRoot();

        var items = Collect(root.Path);

        foreach (var (name, vendor) in Keys)
        {
            var record = Assert.Single(items[SecureBootEvidenceIds.VariableAttributes(name, vendor)].Records!);
            Assert.Equal(EvidenceValue.FromUInt64(0x27), record.Get("Attributes"));
        }
    }

    [Fact]
    public void SecureBoot_is_its_one_byte_with_attributes_6()
    {
        using var root = EnrolledRoot();

        var items = Collect(root.Path);

        Assert.Equal(new byte[] { 1 }, items[SecureBootEvidenceIds.Variable("SecureBoot", GlobalVariable)].GetData());
        Assert.Equal(EvidenceValue.FromUInt64(6), items[SecureBootEvidenceIds.VariableAttributes("SecureBoot", GlobalVariable)].Records![0].Get("Attributes"));
        Assert.Equal(new byte[] { 0 }, items[SecureBootEvidenceIds.Variable("SetupMode", GlobalVariable)].GetData());
    }

    [Fact]
    public void A_variable_the_firmware_does_not_have_is_NotFound_in_both_items()
    {
        using var root = EnrolledRoot();

        var items = Collect(root.Path);

        Assert.Equal(EvidenceErrorCategory.NotFound, items[SecureBootEvidenceIds.Variable("dbt", ImageSecurityDatabase)].Error!.Category);
        Assert.Equal(EvidenceErrorCategory.NotFound, items[SecureBootEvidenceIds.VariableAttributes("dbt", ImageSecurityDatabase)].Error!.Category);
        Assert.Equal(EvidenceKind.Properties, items[SecureBootEvidenceIds.VariableAttributes("dbt", ImageSecurityDatabase)].Kind);
    }

    [Fact]
    public void Every_variable_is_NotSupported_on_a_BIOS_boot()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("sys", "firmware"));

        var items = Collect(root.Path);

        // Two items per variable, and the two boot files of an EFI system partition that is not there either.
        Assert.Equal((2 * EfiVariableNames.SecureBootVariables.Count) + SecureBootEvidenceIds.BootFiles.Count, items.Count);
        Assert.All(items.Values, i => Assert.Equal(EvidenceErrorCategory.NotSupported, i.Error!.Category));
        Assert.Contains("UEFI", items[SecureBootEvidenceIds.Variable("PK", GlobalVariable)].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variable_is_NotSupported_when_efivarfs_is_not_mounted()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("sys", "firmware", "efi", "efivars"));

        var items = Collect(root.Path);

        Assert.All(items.Values, i => Assert.Equal(EvidenceErrorCategory.NotSupported, i.Error!.Category));
        Assert.Contains("not mounted", items[SecureBootEvidenceIds.Variable("db", ImageSecurityDatabase)].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_the_kernel_refuses_to_read_is_AccessDenied_and_the_others_are_still_read()
    {
        using var root = EnrolledRoot();
        var collector = new LinuxSecureBootCollector(path => path.EndsWith("/db-d719b2cb-3d3a-4596-a3bc-dad00e67656f", StringComparison.Ordinal)
            ? throw new UnauthorizedAccessException("Access to the path is denied.")
            : File.OpenRead(path));

        var items = Collect(root.Path, collector);

        Assert.Equal(EvidenceErrorCategory.AccessDenied, items[SecureBootEvidenceIds.Variable("db", ImageSecurityDatabase)].Error!.Category);
        Assert.Equal(EvidenceErrorCategory.AccessDenied, items[SecureBootEvidenceIds.VariableAttributes("db", ImageSecurityDatabase)].Error!.Category);
        Assert.True(items[SecureBootEvidenceIds.Variable("dbx", ImageSecurityDatabase)].Succeeded);
    }

    [Fact]
    public void A_read_error_is_Failed_with_its_code()
    {
        using var root = EnrolledRoot();
        var collector = new LinuxSecureBootCollector(path => path.Contains("/KEK-", StringComparison.Ordinal)
            ? throw new IOException("Input/output error", 5)
            : File.OpenRead(path));

        var error = Collect(root.Path, collector)[SecureBootEvidenceIds.Variable("KEK", GlobalVariable)].Error!;

        Assert.Equal(EvidenceErrorCategory.Failed, error.Category);
        Assert.Equal(5, error.Code);
    }

    [Fact]
    public void A_file_shorter_than_the_attribute_prefix_is_Failed()
    {
        using var root = EnrolledRoot();
        File.WriteAllBytes(Efivar(root, "PK", GlobalVariable), [0x27, 0, 0]);

        var error = Collect(root.Path)[SecureBootEvidenceIds.Variable("PK", GlobalVariable)].Error!;

        Assert.Equal(EvidenceErrorCategory.Failed, error.Category);
        Assert.Contains("3 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_1_MiB_bound_is_Failed_not_read()
    {
        using var root = EnrolledRoot();
        File.WriteAllBytes(Efivar(root, "dbx", ImageSecurityDatabase), new byte[4 + LinuxSecureBootCollector.MaxDataBytes + 1]);

        var error = Collect(root.Path)[SecureBootEvidenceIds.Variable("dbx", ImageSecurityDatabase)].Error!;

        Assert.Equal(EvidenceErrorCategory.Failed, error.Category);
        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_exactly_at_the_bound_is_read()
    {
        using var root = EnrolledRoot();
        File.WriteAllBytes(Efivar(root, "dbx", ImageSecurityDatabase), new byte[4 + LinuxSecureBootCollector.MaxDataBytes]);

        Assert.Equal(LinuxSecureBootCollector.MaxDataBytes, Collect(root.Path)[SecureBootEvidenceIds.Variable("dbx", ImageSecurityDatabase)].DataLength);
    }

    [Fact]
    public void The_node_and_its_NVRAM_file_give_the_same_key_evidence()
    {
        using var root = EnrolledRoot();

        var live = Collect(root.Path);
        var file = FirmwareVariableEvidence.ToEvidence(Store, "file OVMF_VARS_4M.ms.fd", Bundles.Time).ToDictionary(i => i.Id);

        foreach (var (name, vendor) in Keys)
        {
            Assert.Equal(file[SecureBootEvidenceIds.Variable(name, vendor)].GetData(), live[SecureBootEvidenceIds.Variable(name, vendor)].GetData());
            Assert.Equal(file[SecureBootEvidenceIds.VariableAttributes(name, vendor)].Records![0].Get("Attributes"), live[SecureBootEvidenceIds.VariableAttributes(name, vendor)].Records![0].Get("Attributes"));
        }
    }

    [Fact]
    public void Every_item_is_stamped_with_the_context_clock_and_names_its_file()
    {
        using var root = EnrolledRoot();

        var items = Collect(root.Path);

        Assert.All(items.Values, i => Assert.Equal(Bundles.Time, i.CapturedAt));
        Assert.Equal("efivarfs /sys/firmware/efi/efivars/PK-8be4df61-93ca-11d2-aa0d-00e098032b8c", items[SecureBootEvidenceIds.Variable("PK", GlobalVariable)].Source);
    }

    private static Dictionary<string, EvidenceItem> Collect(string root, LinuxSecureBootCollector? collector = null) =>
        (collector ?? new LinuxSecureBootCollector()).Collect(new CollectionContext(root, () => Bundles.Time)).ToDictionary(i => i.Id);

    private static string Efivar(TempDir root, string name, Guid vendor) => root.Combine("sys", "firmware", "efi", "efivars", name + "-" + vendor.ToString("D"));

    private static TempDir EnrolledRoot()
    {
        var root = new TempDir();
        Directory.CreateDirectory(root.Combine("sys", "firmware", "efi", "efivars"));
        foreach (var (name, vendor) in Keys)
        {
            var variable = Store.Find(name, vendor)!;
            File.WriteAllBytes(Efivar(root, name, vendor), [.. BitConverter.GetBytes((uint)variable.Attributes), .. variable.GetData()]);
        }

        File.WriteAllBytes(Efivar(root, "SecureBoot", GlobalVariable), [0x06, 0, 0, 0, 1]);
        File.WriteAllBytes(Efivar(root, "SetupMode", GlobalVariable), [0x06, 0, 0, 0, 0]);
        return root;
    }
}
