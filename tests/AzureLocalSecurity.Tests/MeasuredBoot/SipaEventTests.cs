using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureLocalSecurity.MeasuredBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public class SipaEventTests
{
    private static readonly Lazy<TcgEventLog> Windows = new(() => TcgEventLog.Parse(EventLogVectors.WindowsLog()));

    private static IEnumerable<(TcgEvent Record, SipaEvent Sipa)> AllSipa() =>
        Windows.Value.Events.Where(e => e.Decoded is TcgTaggedEventData).SelectMany(e => ((TcgTaggedEventData)e.Decoded).AllSipaEvents().Select(s => (e, s)));

    [Fact]
    public void Every_windows_tagged_record_reads_as_sipa_events_without_a_problem()
    {
        var tagged = Windows.Value.Events.Where(e => e.EventType == TcgEventType.EventTag).Select(e => e.Decoded).ToList();

        Assert.Equal(6, tagged.Count);
        Assert.All(tagged, d => Assert.True(Assert.IsType<TcgTaggedEventData>(d).IsSipa));
        Assert.All(AllSipa(), s => Assert.Null(s.Sipa.DecodeProblem));
    }

    [Fact]
    public void The_windows_trust_boundary_holds_boot_counter_4()
    {
        var first = (TcgTaggedEventData)Windows.Value.Events.First(e => e.EventType == TcgEventType.EventTag).Decoded;

        var boundary = Assert.Single(first.SipaEvents);
        Assert.Equal("TrustBoundary", boundary.Name);
        Assert.True(boundary.IsAggregation);
        Assert.True(boundary.IsMeasured);
        var counter = Assert.Single(boundary.Children, c => c.Name == "BootCounter");
        Assert.Equal(4ul, counter.Number);
        Assert.Equal("4", counter.Value);
    }

    [Fact]
    public void Windows_measured_code_integrity_on_and_test_signing_off()
    {
        var integrity = AllSipa().Where(s => s.Sipa.Name == "CodeIntegrity").Select(s => s.Sipa).ToList();
        var testSigning = AllSipa().Where(s => s.Sipa.Name == "TestSigning").Select(s => s.Sipa).ToList();

        Assert.NotEmpty(integrity);
        Assert.All(integrity, s => Assert.Equal((1ul, true), (s.Number!.Value, s.Boolean!.Value)));
        Assert.NotEmpty(testSigning);
        Assert.All(testSigning, s => Assert.Equal((0ul, false), (s.Number!.Value, s.Boolean!.Value)));
    }

    [Fact]
    public void Windows_measured_vsm_launch_type_0_into_pcrs_12_and_13()
    {
        var vsm = AllSipa().Where(s => s.Sipa.Name == "VsmLaunchType").ToList();

        Assert.Equal([12u, 13u], vsm.Select(v => v.Record.PcrIndex));
        Assert.All(vsm, v => Assert.Equal((0x00050012u, 0ul), (v.Sipa.Type, v.Sipa.Number!.Value)));
    }

    [Fact]
    public void The_elam_driver_is_windows_defender()
    {
        var elam = Assert.Single(AllSipa(), s => s.Sipa.Name == "ElamAggregation").Sipa;

        Assert.Equal("Windows Defender", Assert.Single(elam.Children, c => c.Name == "ElamKeyName").Text);
    }

    [Fact]
    public void Winload_was_loaded_signed_by_the_production_pca_2011_with_a_sha256_authenticode_hash()
    {
        var winload = AllSipa()
            .Select(s => s.Sipa)
            .Where(s => s.Name == "LoadedModuleAggregation")
            .Single(m => m.Children.Any(c => c.Name == "FilePath" && c.Text == @"\Windows\system32\winload.efi"));

        var fields = winload.Children.ToDictionary(c => c.Name);
        Assert.Equal("Microsoft Windows Production PCA 2011", fields["AuthorityIssuer"].Text);
        Assert.Equal("Microsoft Windows", fields["AuthorityPublisher"].Text);
        Assert.Equal("SHA256", fields["HashAlgorithmId"].HashAlgorithm);
        Assert.Equal("44E1EA32B24A048832EEDA3D658743A68836AAA2E31CA2E0EE4E24ECB2F74619", Convert.ToHexString(fields["AuthenticodeHash"].GetValue()));
        Assert.Equal(true, fields["ImageValidated"].Boolean);
        Assert.Equal(0x1E1000ul, fields["ImageSize"].Number);
    }

    [Fact]
    public void Windows_settings_read_by_their_kind()
    {
        var byName = AllSipa().Select(s => s.Sipa).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());

        Assert.Equal("BlockIoPartition (0x00010004)", byName["OsDevice"].Value);
        Assert.Equal(@"\Windows", byName["SystemRoot"].Text);
        Assert.Equal(["None"], byName["BitLockerUnlock"].Flags);
        Assert.Equal("0xC0000225", byName["MorBitApiStatus"].Value);
        var revocation = byName["BootRevocationList"].RevocationList!;
        Assert.Equal("sha256", revocation.HashAlgorithmName);
        Assert.Equal(64, revocation.Digest.Length);
        Assert.NotNull(revocation.CreationTime);
    }

    [Fact]
    public void The_authority_key_records_of_pcr_14_are_read_as_bytes()
    {
        var keys = AllSipa().Where(s => s.Sipa.Name == "AuthorityPubKey").ToList();

        Assert.Equal(4, keys.Count);
        Assert.All(keys, k => Assert.Equal(14u, k.Record.PcrIndex));
        Assert.All(keys, k => Assert.Equal(0x30, k.Sipa.GetValue()[0]));
    }

    [Fact]
    public void An_si_policy_payload_gives_its_version_name_algorithm_and_digest()
    {
        var name = TcgLogBuilder.Utf16z("AS_Base_Policy");
        var digest = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        byte[] payload = [.. BitConverter.GetBytes(0x000A000000000002ul), .. BitConverter.GetBytes((ushort)name.Length), .. BitConverter.GetBytes((ushort)0x000B), .. BitConverter.GetBytes(32u), .. name, .. digest];

        var policy = Assert.Single(SipaEventParser.Parse(TcgLogBuilder.Sipa(0x0005000F, payload))).SiPolicy!;

        Assert.Equal(0x000A000000000002ul, policy.PolicyVersion);
        Assert.Equal("AS_Base_Policy", policy.Name);
        Assert.Equal("sha256", policy.HashAlgorithmName);
        Assert.Equal(Convert.ToHexString(digest), policy.Digest);
    }

    [Fact]
    public void An_si_policy_whose_lengths_overrun_keeps_its_bytes_with_the_problem()
    {
        byte[] payload = [.. BitConverter.GetBytes(1ul), .. BitConverter.GetBytes((ushort)200), .. BitConverter.GetBytes((ushort)0x000B), .. BitConverter.GetBytes(32u), 1, 2];

        var sipa = Assert.Single(SipaEventParser.Parse(TcgLogBuilder.Sipa(0x0005000F, payload)));

        Assert.Null(sipa.SiPolicy);
        Assert.Contains("do not fit", sipa.DecodeProblem, StringComparison.Ordinal);
        Assert.Equal(payload, sipa.GetValue());
    }

    [Fact]
    public void BitLocker_unlock_flags_are_named()
    {
        var sipa = Assert.Single(SipaEventParser.Parse(TcgLogBuilder.Sipa(0x00020005, BitConverter.GetBytes(0x414u))));

        Assert.Equal(["Tpm", "Pin", "0x400"], sipa.Flags);
    }

    [Fact]
    public void An_integer_of_an_odd_size_is_kept_as_bytes_with_the_problem()
    {
        var sipa = Assert.Single(SipaEventParser.Parse(TcgLogBuilder.Sipa(0x00020002, [1, 2, 3])));

        Assert.Null(sipa.Number);
        Assert.Equal("010203", sipa.Value);
        Assert.Equal("a 3-byte value where an integer of 1, 2, 4 or 8 bytes was expected", sipa.DecodeProblem);
    }

    [Fact]
    public void An_id_wbcl_h_does_not_name_keeps_its_number_and_a_non_measured_bit_is_read()
    {
        var sipa = Assert.Single(SipaEventParser.Parse(TcgLogBuilder.Sipa(0x8005007F, [0xAB])));

        Assert.Equal("0x8005007F", sipa.Name);
        Assert.False(sipa.IsMeasured);
        Assert.Equal("AB", sipa.Value);
    }

    [Fact]
    public void Offsets_name_bytes_of_the_data_given()
    {
        var data = TcgLogBuilder.Container(0x40010001, TcgLogBuilder.Sipa(0x00020002, BitConverter.GetBytes(7ul)), TcgLogBuilder.Sipa(0x00050003, [0]));

        var boundary = Assert.Single(SipaEventParser.Parse(data));

        Assert.Equal(0, boundary.Offset);
        Assert.Equal([8, 24], boundary.Children.Select(c => c.Offset));
        Assert.Equal(2, boundary.Descendants().Count());
    }

    [Fact]
    public void Sipa_nested_100_deep_is_refused_at_the_first_container_too_deep()
    {
        var data = TcgLogBuilder.Sipa(0x00020002, BitConverter.GetBytes(1ul));
        for (var i = 0; i < 100; i++)
        {
            data = TcgLogBuilder.Container(0x40010001, data);
        }

        var ex = Assert.Throws<TcgEventLogFormatException>(() => SipaEventParser.Parse(data));

        Assert.Equal(15 * 8, ex.Offset);
        Assert.Contains("deeper than 16 levels", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_sipa_nested_100_deep_keeps_its_bytes_with_the_problem_and_the_log_still_reads()
    {
        var data = TcgLogBuilder.Sipa(0x00020002, BitConverter.GetBytes(1ul));
        for (var i = 0; i < 100; i++)
        {
            data = TcgLogBuilder.Container(0x40010001, data);
        }

        var log = TcgEventLog.Parse(TcgLogBuilder.Sha1Legacy().Legacy(12, 6, data).Legacy(12, 4, Encoding.ASCII.GetBytes("WBCL")).ToArray());

        var raw = Assert.IsType<TcgRawEventData>(log.Events[0].Decoded);
        Assert.Equal("SIPA aggregation 0x40010001 (TrustBoundary) nests deeper than 16 levels (byte 152 of the log)", raw.DecodeProblem);
        Assert.Equal(data.Length, raw.Size);
        Assert.Equal("WBCL", log.Events[1].Summary);
    }

    [Fact]
    public void More_sipa_events_than_the_limit_are_refused()
    {
        var data = Enumerable.Range(0, 10).SelectMany(_ => TcgLogBuilder.Sipa(0x00050003, [0])).ToArray();

        var ex = Assert.Throws<TcgEventLogFormatException>(() => SipaEventParser.Parse(data, new TcgEventLogOptions { MaxSipaEvents = 9 }));

        Assert.Equal(9 * 9, ex.Offset);
    }

    [Fact]
    public void A_sipa_event_claiming_more_than_its_container_holds_is_refused_at_its_size()
    {
        var inner = TcgLogBuilder.Sipa(0x00070001, TcgLogBuilder.Utf16z("a"));
        BitConverter.GetBytes(1000u).CopyTo(inner, 4);
        var data = TcgLogBuilder.Container(0x40010003, inner);

        var ex = Assert.Throws<TcgEventLogFormatException>(() => SipaEventParser.Parse(data));

        Assert.Equal(12, ex.Offset);
        Assert.Equal("SIPA event 0x00070001 (FilePath) claims 1000 bytes but only 4 are left", ex.Problem);
    }

    [Fact]
    public void A_header_cut_short_is_refused()
    {
        var ex = Assert.Throws<TcgEventLogFormatException>(() => SipaEventParser.Parse([.. TcgLogBuilder.Sipa(0x00050003, [0]), 1, 2, 3]));

        Assert.Equal(9, ex.Offset);
    }

    [Fact]
    public void A_tagged_event_that_is_not_sipa_keeps_its_id_and_size()
    {
        byte[] data = [.. BitConverter.GetBytes(0x8F3B22EDu), .. BitConverter.GetBytes(4u), 1, 2, 3, 4];
        var log = TcgEventLog.Parse(TcgLogBuilder.CryptoAgile().Event(9, 6, data).ToArray());

        var tagged = Assert.IsType<TcgTaggedEventData>(log.Events[1].Decoded);

        Assert.False(tagged.IsSipa);
        Assert.Equal(0x8F3B22EDu, tagged.EventId);
        Assert.Empty(tagged.SipaEvents);
        Assert.Equal("tagged event 0x8F3B22ED, 4 bytes", tagged.Summary);
    }
}
