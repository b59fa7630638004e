using System;
using System.Linq;
using AzureLocalSecurity.SecureBoot.VariableStore;
using Xunit;
using static AzureLocalSecurity.Tests.SecureBoot.VariableStore.OvmfVectors;

namespace AzureLocalSecurity.Tests.SecureBoot.VariableStore;

/// <summary>Debian's real OVMF variable stores (Vectors/ovmf/PROVENANCE.md), checked against facts found outside the parser.</summary>
public class OvmfVariableStoreTests
{
    private const EfiVariableAttributes AuthenticatedNvBsRt =
        EfiVariableAttributes.NonVolatile | EfiVariableAttributes.BootServiceAccess | EfiVariableAttributes.RuntimeAccess | EfiVariableAttributes.TimeBasedAuthenticatedWriteAccess;

    private static readonly FirmwareVariableStore MsEnrolled = FirmwareVariableStore.Parse(Load(MsEnrolled4M));

    [Theory]
    [InlineData("PK", "8be4df61-93ca-11d2-aa0d-00e098032b8c")]
    [InlineData("KEK", "8be4df61-93ca-11d2-aa0d-00e098032b8c")]
    [InlineData("db", "d719b2cb-3d3a-4596-a3bc-dad00e67656f")]
    [InlineData("dbx", "d719b2cb-3d3a-4596-a3bc-dad00e67656f")]
    public void The_key_variables_are_live_with_attributes_0x27(string name, string vendor)
    {
        var variable = MsEnrolled.Find(name, new Guid(vendor));

        Assert.NotNull(variable);
        Assert.Equal(FirmwareVariableState.Live, variable.State);
        Assert.Equal(0x27u, (uint)variable.Attributes);
        Assert.Equal(AuthenticatedNvBsRt, variable.Attributes);
    }

    [Theory]
    [InlineData("PK", "8be4df61-93ca-11d2-aa0d-00e098032b8c")]
    [InlineData("KEK", "8be4df61-93ca-11d2-aa0d-00e098032b8c")]
    [InlineData("db", "d719b2cb-3d3a-4596-a3bc-dad00e67656f")]
    [InlineData("dbx", "d719b2cb-3d3a-4596-a3bc-dad00e67656f")]
    public void The_key_variables_data_is_what_follows_their_name_in_the_file(string name, string vendor)
    {
        // Found without the parser: the vendor GUID (the header's last field) then the UTF-16 name occur once in the file;
        // DataSize is the 4 bytes before the GUID and the data follows the name.
        var image = Load(MsEnrolled4M);
        var marker = GuidThenName(new Guid(vendor), name);
        var at = IndexOf(image, marker);
        Assert.Equal(1, Count(image, marker));
        var dataSize = (int)ReadUInt32(image, at - 4);
        var expected = image.Skip(at + marker.Length).Take(dataSize).ToArray();

        var variable = MsEnrolled.Find(name, new Guid(vendor))!;

        Assert.Equal(expected, variable.GetData());
        Assert.Equal(at - 44, variable.Offset);
    }

    [Theory]
    [InlineData("MicCorUEFCA2011.der")]
    [InlineData("MicWinProPCA2011.der")]
    public void Db_holds_the_Microsoft_2011_db_certificates(string certificate)
    {
        var db = MsEnrolled.Find("db", ImageSecurityDatabase)!.GetData();

        Assert.True(IndexOf(db, Certificate(certificate)) >= 0, $"db does not contain the bytes of {certificate}.");
    }

    [Fact]
    public void Kek_holds_the_Microsoft_KEK_CA_2011()
    {
        var kek = MsEnrolled.Find("KEK", GlobalVariable)!.GetData();

        Assert.True(IndexOf(kek, Certificate("MicCorKEKCA2011.der")) >= 0);
        Assert.True(IndexOf(kek, Certificate("MicCorUEFCA2011.der")) < 0, "the UEFI CA is a db certificate, not a KEK.");
    }

    [Fact]
    public void Dbx_is_one_list_of_one_SHA256_hash()
    {
        // TOOLING.md: the shipped dbx holds one hash. A SHA-256 EFI_SIGNATURE_LIST of one entry is the 28-byte list header
        // plus one 48-byte EFI_SIGNATURE_DATA (16-byte owner, 32-byte hash): FORMATS.md §1.
        Assert.Equal(28 + 48, MsEnrolled.Find("dbx", ImageSecurityDatabase)!.DataLength);
    }

    [Fact]
    public void The_key_variables_carry_the_time_stamp_of_their_enrollment()
    {
        // xxd of the records: e9 07 03 0a 02 35 27 at record + 16 is 2025-03-10 02:53:39, time zone 0.
        var expected = new DateTimeOffset(2025, 3, 10, 2, 53, 39, TimeSpan.Zero);

        foreach (var (name, vendor) in new[] { ("PK", GlobalVariable), ("KEK", GlobalVariable), ("db", ImageSecurityDatabase), ("dbx", ImageSecurityDatabase) })
        {
            Assert.Equal(expected, MsEnrolled.Find(name, vendor)!.TimeStamp);
        }

        Assert.Null(MsEnrolled.Find("MTC", new Guid("eb704011-1402-11d3-8e77-00a0c969723b"))!.TimeStamp);
    }

    [Fact]
    public void The_edk2_Secure_Boot_switches_are_as_Debian_enrolled_them()
    {
        // edk2's own non-volatile switches (SecureBootConfigDxe): SecureBootEnable (gEfiSecureBootEnableDisableGuid) on,
        // CustomMode (gEfiCustomModeEnableGuid) standard, VendorKeysNv (gEfiVendorKeysNvGuid) 0: keys not the vendor's.
        Assert.Equal(new byte[] { 1 }, MsEnrolled.Find("SecureBootEnable", new Guid("f0a30bc7-af08-4556-99c4-001009c93a44"))!.GetData());
        Assert.Equal(new byte[] { 0 }, MsEnrolled.Find("CustomMode", new Guid("c076ec0c-7028-4399-a072-71ee5c448b9f"))!.GetData());
        Assert.Equal(new byte[] { 0 }, MsEnrolled.Find("VendorKeysNv", new Guid("9073e4e0-60ec-4b6e-9903-4c223c260f3c"))!.GetData());
    }

    [Theory]
    [InlineData("SecureBoot")]
    [InlineData("SetupMode")]
    [InlineData("AuditMode")]
    [InlineData("DeployedMode")]
    public void The_mode_variables_are_not_stored_the_firmware_makes_them_at_boot(string name)
    {
        Assert.Null(MsEnrolled.Find(name, GlobalVariable));
        Assert.DoesNotContain(MsEnrolled.All, v => v.Name == name);
    }

    [Fact]
    public void A_name_written_three_times_has_one_current_value_the_live_one()
    {
        var customMode = new Guid("c076ec0c-7028-4399-a072-71ee5c448b9f");
        var records = MsEnrolled.All.Where(v => v.Name == "CustomMode" && v.VendorGuid == customMode).ToList();

        Assert.Equal([FirmwareVariableState.Deleted, FirmwareVariableState.Deleted, FirmwareVariableState.Live], records.Select(r => r.State));
        Assert.Same(records[2], MsEnrolled.Find("CustomMode", customMode));
        Assert.Single(MsEnrolled.Current, v => v.Name == "CustomMode");
    }

    [Fact]
    public void BootOrder_which_Debian_cleared_after_enrolling_is_only_deleted_records()
    {
        // Debian's changelog (ovmf 2022.11): "Clear the BootOrder EFI variable after enrolling keys."
        Assert.Equal(3, MsEnrolled.All.Count(v => v.Name == "BootOrder"));
        Assert.Null(MsEnrolled.Find("BootOrder", GlobalVariable));
    }

    [Fact]
    public void Every_current_variable_is_found_by_its_name_and_vendor()
    {
        // No name has two live records in this store, so the current values are the records whose State is 0x3F.
        Assert.Equal(CountRecordStarts(Load(MsEnrolled4M), 0x3F), MsEnrolled.Current.Count);
        Assert.All(MsEnrolled.Current, v => Assert.Same(v, MsEnrolled.Find(v.Name, v.VendorGuid)));
        Assert.Equal(MsEnrolled.Current.Count, MsEnrolled.Current.Select(v => (v.Name, v.VendorGuid)).Distinct().Count());
    }

    [Fact]
    public void The_store_walk_covers_every_record_edk2_wrote_and_stops_at_the_erased_area()
    {
        // Each record starts with StartId 0x55AA followed by a State byte of 0x3F, 0x3D or 0x3C: count those
        // 3-byte patterns at 4-byte-aligned offsets in the store, without the parser.
        var image = Load(MsEnrolled4M);
        var expected = CountRecordStarts(image, 0x3F, 0x3D, 0x3C);

        Assert.Equal(expected, MsEnrolled.All.Count);
        Assert.Equal(0xFF, image[MsEnrolled.FreeSpaceOffset]);
        Assert.Equal(0xFF, image[MsEnrolled.FreeSpaceOffset + 1]);
    }

    [Fact]
    public void The_volume_and_store_geometry_is_the_4M_layout()
    {
        Assert.True(MsEnrolled.IsAuthenticated);
        Assert.Equal(540672, MsEnrolled.FirmwareVolumeLength);
        Assert.Equal(0x48, MsEnrolled.StoreOffset);
        Assert.Equal(0x40000 - 0x48, MsEnrolled.StoreSize);
    }

    [Fact]
    public void The_unenrolled_store_has_no_variable_and_no_PK()
    {
        var store = FirmwareVariableStore.Parse(Load(Empty4M));

        Assert.Empty(store.All);
        Assert.Null(store.Find("PK", GlobalVariable));
        Assert.Equal(0x64, store.FreeSpaceOffset);
    }

    [Fact]
    public void The_128K_store_of_the_2M_layout_holds_the_same_keys()
    {
        var small = FirmwareVariableStore.Parse(Load(MsEnrolled2M));

        Assert.Equal(131072, small.FirmwareVolumeLength);
        Assert.Equal(0xE000 - 0x48, small.StoreSize);
        foreach (var (name, vendor) in new[] { ("PK", GlobalVariable), ("KEK", GlobalVariable), ("db", ImageSecurityDatabase), ("dbx", ImageSecurityDatabase) })
        {
            Assert.Equal(MsEnrolled.Find(name, vendor)!.GetData(), small.Find(name, vendor)!.GetData());
        }
    }

    [Fact]
    public void Find_compares_names_exactly()
    {
        Assert.Null(MsEnrolled.Find("pk", GlobalVariable));
        Assert.Null(MsEnrolled.Find("PK", ImageSecurityDatabase));
        Assert.Null(MsEnrolled.Find(string.Empty, GlobalVariable));
    }

    [Fact]
    public void GetData_returns_a_copy()
    {
        var pk = MsEnrolled.Find("PK", GlobalVariable)!;
        var first = pk.GetData();
        first[0] ^= 0xFF;

        Assert.NotEqual(first[0], pk.GetData()[0]);
    }

    /// <summary>StartId 0x55AA then one of <paramref name="states"/>, at the 4-byte-aligned offsets of the store (0x64 to 0x40000).</summary>
    private static int CountRecordStarts(byte[] image, params byte[] states)
    {
        var count = 0;
        for (var at = 0x64; at < 0x40000; at += 4)
        {
            if (image[at] == 0xAA && image[at + 1] == 0x55 && Array.IndexOf(states, image[at + 2]) >= 0)
            {
                count++;
            }
        }

        return count;
    }
}
