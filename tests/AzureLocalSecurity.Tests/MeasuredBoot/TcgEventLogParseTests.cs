using System;
using System.Linq;
using AzureLocalSecurity.MeasuredBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public class TcgEventLogParseTests
{
    [Fact]
    public void The_gce_log_is_crypto_agile_with_the_spec_id_banks_and_every_published_record()
    {
        var log = TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.GceUbuntu));

        Assert.Equal(TcgEventLogFormat.CryptoAgile, log.Format);
        Assert.Equal(["sha1:20", "sha256:32", "sha384:48"], log.SpecId!.Algorithms.Select(a => a.Name + ":" + a.DigestSize));
        Assert.Equal((byte)2, log.SpecId.SpecVersionMajor);
        Assert.Equal((byte)2, log.SpecId.UintnSize);
        Assert.Equal(112, log.Events.Count);
        Assert.Equal(33824, log.Length);
    }

    [Fact]
    public void Records_follow_each_other_to_the_last_byte()
    {
        var log = TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.GceUbuntu));

        var next = 0;
        foreach (var record in log.Events)
        {
            Assert.Equal(next, record.Offset);
            Assert.Equal(record.Offset + record.Size, record.DataOffset + record.DataSize);
            next = record.Offset + record.Size;
        }

        Assert.Equal(log.Length, next);
    }

    [Fact]
    public void A_record_carries_the_digests_tpm2_eventlog_printed()
    {
        var record = TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.GceUbuntu)).Events[111];

        Assert.Equal(5u, record.PcrIndex);
        Assert.Equal(TcgEventType.EfiAction, record.EventType);
        Assert.Equal("EV_EFI_ACTION", record.EventTypeName);
        Assert.Equal("475545DDC978D7BFD036FACC7E2E987F48189F0D", record.FindDigest(0x0004)!.Hex);
        Assert.Equal("B54F7542CBD872A81A9D9DEA839B2B8D747C7EBD5EA6615C40F42F44A6DBEBA0", record.FindDigest(0x000B)!.Hex);
        Assert.Equal(3, record.Digests.Count);
        Assert.Equal("Exit Boot Services Returned with Success", record.Summary);
    }

    [Fact]
    public void The_windows_log_is_sha1_legacy_without_a_spec_id()
    {
        var log = TcgEventLog.Parse(EventLogVectors.WindowsLog());

        Assert.Equal(TcgEventLogFormat.Sha1Legacy, log.Format);
        Assert.Null(log.SpecId);
        Assert.Equal(21, log.Events.Count);
        Assert.Equal(43324, log.Length);
        Assert.Equal(["sha1"], log.Algorithms.Select(a => a.Name));
        Assert.Equal(TcgEventType.SCrtmVersion, log.Events[0].EventType);
    }

    [Fact]
    public void The_sha1_firmware_log_is_legacy()
    {
        var log = TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.UefiSha1));

        Assert.Equal(TcgEventLogFormat.Sha1Legacy, log.Format);
        Assert.All(log.Events, e => Assert.Equal(20, Assert.Single(e.Digests).Size));
    }

    [Fact]
    public void A_spec_id_keeps_its_vendor_information()
    {
        // specid-vendordata.bin with its EventSize made to cover the vendorInfo that follows it.
        var bytes = EventLogVectors.Read(EventLogVectors.SpecIdVendorData);
        BitConverter.GetBytes(BitConverter.ToUInt32(bytes, 28) + 4).CopyTo(bytes, 28);

        var log = TcgEventLog.Parse(bytes);

        Assert.Single(log.Events);
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, log.SpecId!.GetVendorInfo());
        Assert.Equal(["sha1", "sha256"], log.SpecId.Algorithms.Select(a => a.Name));
    }

    [Fact]
    public void A_spec_id_whose_event_size_leaves_out_its_vendor_information_is_refused()
    {
        // tpm2-tools' fixture has EventSize 37, which ends at vendorInfoSize; tpm2_eventlog reads the 4 bytes of vendorInfo
        // past the record without checking the size (tpm2-software/tpm2-tools issue #2190).
        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.SpecIdVendorData)));

        Assert.Equal(69, ex.Offset);
        Assert.Equal("vendorInfo needs 4 bytes but only 0 are left", ex.Problem);
    }

    [Fact]
    public void A_record_may_carry_fewer_banks_than_the_spec_id_declares()
    {
        var log = TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.UefiVar));

        Assert.Equal(4, log.SpecId!.Algorithms.Count);
        Assert.Equal(["sha1", "sha256"], log.Events[1].Digests.Select(d => d.AlgorithmName));
        Assert.Null(log.Events[1].FindDigest(0x000C));
    }

    [Fact]
    public void The_parsed_log_does_not_change_when_the_input_array_does()
    {
        var bytes = EventLogVectors.Read(EventLogVectors.UefiVar);
        var log = TcgEventLog.Parse(bytes);
        var before = log.Events[1].GetData();

        System.Array.Clear(bytes);

        Assert.Equal(before, log.Events[1].GetData());
        Assert.Equal("SecureBoot", ((TcgEfiVariableEventData)log.Events[1].Decoded).VariableName);
    }

    [Fact]
    public void An_event_type_the_specification_does_not_name_keeps_its_number()
    {
        var bytes = TcgLogBuilder.CryptoAgile().Event(8, 0x1234ABCD, [1, 2, 3]).ToArray();

        var record = TcgEventLog.Parse(bytes).Events[1];

        Assert.Equal(0x1234ABCDu, (uint)record.EventType);
        Assert.Equal("0x1234ABCD", record.EventTypeName);
        Assert.Equal("010203", record.Summary);
    }
}
