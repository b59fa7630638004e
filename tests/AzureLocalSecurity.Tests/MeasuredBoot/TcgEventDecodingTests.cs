using System;
using System.Linq;
using System.Text;
using AzureLocalSecurity.MeasuredBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public class TcgEventDecodingTests
{
    private static readonly Lazy<TcgEventLog> Gce = new(() => TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.GceUbuntu)));

    [Fact]
    public void The_spec_id_record_decodes_to_the_logs_spec_id()
    {
        var data = Assert.IsType<TcgNoActionEventData>(Gce.Value.Events[0].Decoded);

        Assert.Same(Gce.Value.SpecId, data.SpecId);
        Assert.Equal("Spec ID Event03", data.Signature);
    }

    [Fact]
    public void The_crtm_version_is_utf16_text()
    {
        var data = Assert.IsType<TcgTextEventData>(Gce.Value.Events[1].Decoded);

        Assert.Equal("GCE Virtual Firmware v1", data.Text);
    }

    [Fact]
    public void The_secure_boot_variable_is_named_and_recognised_as_policy()
    {
        var data = Assert.IsType<TcgEfiVariableEventData>(TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.UefiVar)).Events[1].Decoded);

        Assert.Equal("SecureBoot", data.VariableName);
        Assert.Equal("EFI_GLOBAL_VARIABLE", data.VendorName);
        Assert.True(data.IsSecureBootPolicy);
        Assert.Equal(new byte[] { 1 }, data.GetVariableData());
        Assert.Equal("SecureBoot (EFI_GLOBAL_VARIABLE) = 01", data.Summary);
    }

    [Fact]
    public void The_windows_pcr7_records_name_pk_kek_db_and_dbx()
    {
        var log = TcgEventLog.Parse(EventLogVectors.WindowsLog());

        var variables = log.Events.Where(e => e.EventType == TcgEventType.EfiVariableDriverConfig).Select(e => (TcgEfiVariableEventData)e.Decoded).ToList();

        Assert.Equal(["SecureBoot", "PK", "KEK", "db", "dbx"], variables.Select(v => v.VariableName));
        Assert.All(variables, v => Assert.True(v.IsSecureBootPolicy));
        Assert.Equal("EFI_IMAGE_SECURITY_DATABASE_GUID", variables[3].VendorName);
        Assert.Equal(4708, variables[3].DataLength);
    }

    [Fact]
    public void A_variable_of_the_wrong_vendor_is_not_secure_boot_policy()
    {
        byte[] data = [.. Guid.Empty.ToByteArray(), .. BitConverter.GetBytes(2ul), .. BitConverter.GetBytes(1ul), .. Encoding.Unicode.GetBytes("db"), 7];
        var log = TcgEventLog.Parse(TcgLogBuilder.CryptoAgile().Event(7, 0x80000001, data).ToArray());

        var variable = Assert.IsType<TcgEfiVariableEventData>(log.Events[1].Decoded);

        Assert.Equal("db", variable.VariableName);
        Assert.False(variable.IsSecureBootPolicy);
        Assert.Null(variable.VendorName);
    }

    [Fact]
    public void Boot_order_and_a_boot_option_are_decoded()
    {
        var log = TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.BootOrder));
        var variables = log.Events.Where(e => e.EventType == TcgEventType.EfiVariableBoot).Select(e => (TcgEfiVariableEventData)e.Decoded).ToList();

        Assert.Equal(["Boot0001", "Boot0000", "Boot0002"], variables.Single(v => v.VariableName == "BootOrder").BootOrder);
        var option = variables.Single(v => v.VariableName == "Boot0001");
        Assert.Equal("UEFI Misc Device", option.BootOptionDescription);
        Assert.Equal("PciRoot(0x0)/Pci(0x6,0x0)", option.BootOptionDevicePath);
        Assert.Null(option.DecodeProblem);
    }

    [Fact]
    public void An_image_load_gives_its_device_path_as_uefi_text()
    {
        var shim = Assert.IsType<TcgImageLoadEventData>(Gce.Value.Events[23].Decoded);

        Assert.Equal(@"PciRoot(0x0)/Pci(0x3,0x0)/Scsi(0x1,0x0)/HD(15,GPT,6EA6F740-25EF-4269-838D-1A6F21EBF27F,0x2800,0x35000)/\EFI\ubuntu\shimx64.efi", shim.DevicePath);
        Assert.Equal(0xBDDE4018ul, shim.ImageLocation);
        Assert.Equal(955072ul, shim.ImageLength);
        Assert.Equal(124, shim.DevicePathLength);
        Assert.Null(shim.DecodeProblem);
    }

    [Fact]
    public void Firmware_volume_and_bbs_nodes_are_named()
    {
        var paths = Gce.Value.Events.Select(e => e.Decoded).OfType<TcgEfiVariableEventData>().Select(v => v.BootOptionDevicePath).Where(p => p is not null).ToList();

        Assert.Contains("Fv(7CB8BDC9-F8EB-4F34-AAEA-3EE4AF6516A1)/FvFile(462CAA21-7614-4503-836E-8AB6F4662331)", paths);
        Assert.Contains("BBS(HD,VirtScsi(0,3,0) Disk,0x0)", paths);
    }

    [Fact]
    public void A_device_path_node_this_decoder_does_not_know_is_shown_as_type_subtype_and_hex()
    {
        byte[] path = [0x03, 0x7E, 0x06, 0x00, 0xAB, 0xCD, 0x7F, 0xFF, 0x04, 0x00];
        byte[] data = [.. BitConverter.GetBytes(0x1000ul), .. BitConverter.GetBytes(0x2000ul), .. BitConverter.GetBytes(0ul), .. BitConverter.GetBytes((ulong)path.Length), .. path];
        var log = TcgEventLog.Parse(TcgLogBuilder.CryptoAgile().Event(4, 0x80000003, data).ToArray());

        Assert.Equal("Path(3,126,ABCD)", Assert.IsType<TcgImageLoadEventData>(log.Events[1].Decoded).DevicePath);
    }

    [Fact]
    public void A_device_path_node_with_a_lying_length_ends_the_text_with_the_problem()
    {
        byte[] path = [0x01, 0x01, 0x06, 0x00, 0x00, 0x03, 0x04, 0x04, 0xFF, 0x00];
        byte[] data = [.. BitConverter.GetBytes(0ul), .. BitConverter.GetBytes(0ul), .. BitConverter.GetBytes(0ul), .. BitConverter.GetBytes((ulong)path.Length), .. path];
        var log = TcgEventLog.Parse(TcgLogBuilder.CryptoAgile().Event(4, 0x80000003, data).ToArray());

        var image = Assert.IsType<TcgImageLoadEventData>(log.Events[1].Decoded);

        Assert.Equal("Pci(0x3,0x0)", image.DevicePath);
        Assert.Contains("gives a length of 255 with 4 bytes left", image.DecodeProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gpt_event_lists_the_partitions_with_their_types()
    {
        var gpt = Assert.IsType<TcgGptEventData>(Gce.Value.Events.Single(e => e.EventType == TcgEventType.EfiGptEvent).Decoded);

        Assert.Equal(new Guid("cb2b7180-7317-44b2-b13d-ea395dabb1a7"), gpt.DiskGuid);
        Assert.Equal(128u, gpt.PartitionEntrySize);
        Assert.Equal(["Linux filesystem", "BIOS boot", "EFI System"], gpt.Partitions.Select(p => p.TypeName));
        Assert.Equal(new Guid("6ea6f740-25ef-4269-838d-1a6f21ebf27f"), gpt.Partitions[2].UniqueGuid);
        Assert.Equal((0x2800ul, 0x377FFul), (gpt.Partitions[2].StartingLba, gpt.Partitions[2].EndingLba));
    }

    [Fact]
    public void The_windows_gpt_names_its_partitions()
    {
        var log = TcgEventLog.Parse(EventLogVectors.WindowsLog());

        var gpt = Assert.IsType<TcgGptEventData>(log.Events.Single(e => e.EventType == TcgEventType.EfiGptEvent).Decoded);

        Assert.Contains(gpt.Partitions, p => p.TypeName == "EFI System");
        Assert.Contains(gpt.Partitions, p => p.TypeName == "Microsoft basic data" && p.Name == "Basic data partition");
    }

    [Fact]
    public void A_gpt_claiming_more_partitions_than_it_holds_keeps_its_bytes_with_the_problem()
    {
        var bytes = EventLogVectors.Read(EventLogVectors.GceUbuntu);
        var record = TcgEventLog.Parse(bytes).Events.Single(e => e.EventType == TcgEventType.EfiGptEvent);
        BitConverter.GetBytes(0x7FFFFFFFFFFFFFFFul).CopyTo(bytes, record.DataOffset + 92);

        var data = TcgEventLog.Parse(bytes).Events[record.Index].Decoded;

        var raw = Assert.IsType<TcgRawEventData>(data);
        Assert.Equal($"NumberOfPartitions is 9223372036854775807 but only 384 bytes are left (byte {record.DataOffset + 92} of the log)", raw.DecodeProblem);
    }

    [Fact]
    public void A_post_code_of_16_bytes_is_a_firmware_blob()
    {
        var log = TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.PostCode));

        var blob = Assert.IsType<TcgFirmwareBlobEventData>(log.Events.Single(e => e.EventType == TcgEventType.PostCode).Decoded);

        Assert.Equal((0xFF130000ul, 0xA7F000ul), (blob.BlobBase, blob.BlobLength));
    }

    [Fact]
    public void Separators_show_their_value_and_windows_wbcl()
    {
        var windows = TcgEventLog.Parse(EventLogVectors.WindowsLog());

        var separators = windows.Events.Where(e => e.EventType == TcgEventType.Separator).Select(e => (TcgSeparatorEventData)e.Decoded).ToList();

        Assert.Equal([0u, 0x4C434257u, 0x4C434257u, 0x4C434257u], separators.Select(s => s.Value!.Value));
        Assert.Equal([false, true, true, true], separators.Select(s => s.IsWbcl));
        Assert.Equal("0x00000000", separators[0].Summary);
    }

    [Fact]
    public void A_variable_whose_name_length_lies_keeps_its_bytes_with_the_problem()
    {
        byte[] data = [.. Guid.Empty.ToByteArray(), .. BitConverter.GetBytes(0xFFFFFFFFFFFFul), .. BitConverter.GetBytes(1ul), 1, 2];
        var log = TcgEventLog.Parse(TcgLogBuilder.CryptoAgile().Event(7, 0x80000001, data).ToArray());

        var raw = Assert.IsType<TcgRawEventData>(log.Events[1].Decoded);

        Assert.StartsWith("UnicodeNameLength is 281474976710655 but only 2 bytes are left", raw.DecodeProblem, StringComparison.Ordinal);
        Assert.Equal(data.Length, raw.Size);
    }

    [Fact]
    public void Every_record_of_every_vector_decodes_and_only_shims_certificate_records_carry_a_problem()
    {
        var problems = new System.Collections.Generic.List<string>();
        foreach (var file in EventLogVectors.AllFirmwareLogs.Select(f => (string)f[0]).Append(EventLogVectors.WindowsJson))
        {
            var bytes = file == EventLogVectors.WindowsJson ? EventLogVectors.WindowsLog() : EventLogVectors.Read(file);
            foreach (var record in TcgEventLog.Parse(bytes).Events)
            {
                Assert.False(string.IsNullOrEmpty(record.Summary));
                if (record.Decoded.DecodeProblem is { } problem)
                {
                    problems.Add($"{file} {record.Index} {record.Decoded.GetType().Name}: {problem}");
                }
            }
        }

        // The shim of event-postcode.bin logged its built-in certificate (EV_EFI_VARIABLE_AUTHORITY, variable "Shim") with
        // an EventSize 6 bytes longer than the UEFI_VARIABLE_DATA it holds; the data still decodes.
        Assert.Equal(
            [
                "event-postcode.bin 40 TcgEfiVariableEventData: 6 bytes follow the variable's data",
                "event-postcode.bin 54 TcgEfiVariableEventData: 6 bytes follow the variable's data",
            ],
            problems);
    }
}
