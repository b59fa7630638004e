using System;
using System.Linq;
using AzureLocalSecurity.MeasuredBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public class EventDigestCheckTests
{
    [Theory]
    [InlineData(EventLogVectors.BootOrder)]
    [InlineData(EventLogVectors.GceUbuntu)]
    [InlineData(EventLogVectors.UefiSha1)]
    [InlineData(EventLogVectors.UefiVar)]
    public void A_firmware_vector_measures_exactly_the_data_it_shows(string file)
    {
        var log = TcgEventLog.Parse(EventLogVectors.Read(file));

        Assert.Empty(EventDigestCheck.Check(log));
    }

    [Fact]
    public void The_shim_certificate_records_of_the_postcode_vector_measure_one_byte_less_than_they_show()
    {
        var bytes = EventLogVectors.Read(EventLogVectors.PostCode);
        var log = TcgEventLog.Parse(bytes);

        var mismatches = EventDigestCheck.Check(log);

        // Records 40 and 54 (PCR 7, the variable "Shim"): EventSize 1,126, digest = hash of the first 1,125 bytes.
        Assert.Equal(["40 7 sha1", "40 7 sha256", "54 7 sha1", "54 7 sha256"], mismatches.Select(m => $"{m.EventIndex} {m.PcrIndex} {m.Bank}"));
        var record = log.Events[40];
        Assert.Equal(1126, record.DataSize);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(record.DataOffset, 1125))), mismatches[1].Logged);
        Assert.Equal("Shim", ((TcgEfiVariableEventData)record.Decoded).VariableName);
    }

    [Fact]
    public void The_windows_log_measures_exactly_the_data_it_shows_and_checks_its_sipa_records()
    {
        var log = TcgEventLog.Parse(EventLogVectors.WindowsLog());

        Assert.Empty(EventDigestCheck.Check(log));
        Assert.Equal(6, log.Events.Count(e => e.EventType == TcgEventType.EventTag));
    }

    [Fact]
    public void A_separator_whose_data_was_changed_is_reported_with_its_pcr_in_every_bank()
    {
        var bytes = EventLogVectors.Read(EventLogVectors.GceUbuntu);
        var separator = TcgEventLog.Parse(bytes).Events.First(e => e.EventType == TcgEventType.Separator && e.PcrIndex == 4);
        bytes[separator.DataOffset] ^= 0x01;

        var mismatches = EventDigestCheck.Check(TcgEventLog.Parse(bytes));

        Assert.Equal(["sha1", "sha256", "sha384"], mismatches.Select(m => m.Bank));
        Assert.All(mismatches, m =>
        {
            Assert.Equal(separator.Index, m.EventIndex);
            Assert.Equal(4u, m.PcrIndex);
            Assert.Equal(TcgEventType.Separator, m.EventType);
            Assert.NotEqual(m.Expected, m.Logged);
        });
        Assert.Equal(separator.FindDigest(0x000B)!.Hex, mismatches[1].Logged);
    }

    [Fact]
    public void A_changed_windows_sipa_record_is_reported_but_the_replay_still_matches_the_digests()
    {
        var bytes = EventLogVectors.WindowsLog();
        var tag = TcgEventLog.Parse(bytes).Events.First(e => e.EventType == TcgEventType.EventTag && e.PcrIndex == 12);
        var before = PcrReplay.Replay(TcgEventLog.Parse(bytes)).Find(0x0004, 12)!.Value;
        bytes[tag.DataOffset + 16] ^= 0x07;

        var log = TcgEventLog.Parse(bytes);

        var mismatch = Assert.Single(EventDigestCheck.Check(log));
        Assert.Equal(12u, mismatch.PcrIndex);
        Assert.Equal(tag.Index, mismatch.EventIndex);
        Assert.Equal(before, PcrReplay.Replay(log).Find(0x0004, 12)!.Value);
    }

    [Fact]
    public void A_changed_digest_changes_the_replay_and_is_reported()
    {
        var bytes = EventLogVectors.Read(EventLogVectors.GceUbuntu);
        var original = TcgEventLog.Parse(bytes);
        var action = original.Events.Last(e => e.EventType == TcgEventType.EfiAction);
        var sha256 = action.FindDigest(0x000B)!;
        bytes[sha256.Offset] ^= 0xFF;

        var log = TcgEventLog.Parse(bytes);

        var mismatch = Assert.Single(EventDigestCheck.Check(log));
        Assert.Equal("sha256", mismatch.Bank);
        Assert.Equal(action.PcrIndex, mismatch.PcrIndex);
        Assert.Equal(sha256.Hex, mismatch.Expected);
        Assert.NotEqual(
            PcrReplay.Replay(original).Find(0x000B, (int)action.PcrIndex)!.Value,
            PcrReplay.Replay(log).Find(0x000B, (int)action.PcrIndex)!.Value);
    }

    [Theory]
    [InlineData(EventDigestCheck.LinuxInitrdTag, "Linux initrd", false)]
    [InlineData(EventDigestCheck.LinuxLoadOptionsTag, "LOADED_IMAGE::LoadOptions", false)]
    [InlineData(0x8F3B22EEu, "Linux initrd", true)]
    public void A_linux_efi_stub_tag_measures_its_payload_and_is_not_checked_against_its_data(uint tag, string description, bool reported)
    {
        // The EFI stub extends PCR 9 with the hash of the initrd (or command line) and logs only a tag naming it.
        var payload = System.Text.Encoding.ASCII.GetBytes("the initrd the stub loaded");
        var text = System.Text.Encoding.ASCII.GetBytes(description + "\0");
        byte[] data = [.. BitConverter.GetBytes(tag), .. BitConverter.GetBytes((uint)text.Length), .. text];
        var algorithms = new (ushort Id, int Size)[] { (0x0004, 20), (0x000B, 32) };
        var record = new System.Collections.Generic.List<byte>();
        record.AddRange(BitConverter.GetBytes(9u));
        record.AddRange(BitConverter.GetBytes((uint)TcgEventType.EventTag));
        record.AddRange(BitConverter.GetBytes((uint)algorithms.Length));
        foreach (var (id, _) in algorithms)
        {
            record.AddRange(BitConverter.GetBytes(id));
            record.AddRange(TcgLogBuilder.Hash(id, payload));
        }

        record.AddRange(BitConverter.GetBytes((uint)data.Length));
        record.AddRange(data);
        var log = TcgEventLog.Parse(TcgLogBuilder.CryptoAgile(algorithms).Raw([.. record]).ToArray());

        var mismatches = EventDigestCheck.Check(log);

        Assert.Equal(reported ? ["sha1", "sha256"] : Array.Empty<string>(), mismatches.Select(m => m.Bank));
        Assert.All(mismatches, m => Assert.Equal(9u, m.PcrIndex));
    }
}
