using System.Linq;
using System.Security.Cryptography;
using System.Text;
using AzureLocalSecurity.MeasuredBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public class PcrReplayTests
{
    [Theory]
    [MemberData(nameof(EventLogVectors.WithPublishedPcrs), MemberType = typeof(EventLogVectors))]
    public void Every_published_pcr_of_every_bank_is_what_the_replay_computes(string file)
    {
        var published = EventLogVectors.PublishedPcrs(file);
        var replay = PcrReplay.Replay(TcgEventLog.Parse(EventLogVectors.Read(file)));

        Assert.NotEmpty(published);
        foreach (var (bank, pcrs) in published)
        {
            var replayed = Assert.Single(replay.Banks, b => b.Name == bank);
            Assert.NotEmpty(pcrs);
            foreach (var (index, value) in pcrs)
            {
                Assert.Equal(value, replayed.Pcrs[index].Value);
            }

            Assert.Equal(pcrs.Keys.Order(), replayed.ExtendedPcrs.Select(p => p.Pcr));
        }

        Assert.Equal(published.Keys.Order(), replay.Banks.Select(b => b.Name).Order());
    }

    [Fact]
    public void The_windows_log_replays_to_the_machines_real_pcrs()
    {
        var real = EventLogVectors.WindowsPcrs();
        var replay = PcrReplay.Replay(TcgEventLog.Parse(EventLogVectors.WindowsLog()));

        var bank = Assert.Single(replay.Banks);
        Assert.Equal("sha1", bank.Name);
        foreach (var pcr in EventLogVectors.WindowsReplayedPcrs)
        {
            Assert.Equal(real[pcr], bank.Pcrs[pcr].Value);
        }
    }

    [Fact]
    public void Windows_records_for_pcr_ffffffff_are_left_out_and_the_replay_goes_on()
    {
        var bytes = TcgLogBuilder.Sha1Legacy()
            .Legacy(4, 4, [0, 0, 0, 0])
            .Legacy(0xFFFFFFFF, 6, [9, 9])
            .Legacy(4, 5, Encoding.ASCII.GetBytes("after"))
            .ToArray();

        var replay = PcrReplay.Replay(TcgEventLog.Parse(bytes));

        var expected = Extend(Extend(new byte[20], TcgLogBuilder.Hash(0x0004, new byte[4])), TcgLogBuilder.Hash(0x0004, Encoding.ASCII.GetBytes("after")));
        Assert.Equal(System.Convert.ToHexString(expected), replay.Find(0x0004, 4)!.Value);
        Assert.Equal(2, replay.Find(0x0004, 4)!.ExtendCount);
        Assert.Contains(replay.Notes, n => n.Contains("0xFFFFFFFF", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Pcrs_17_to_22_start_at_all_ones_and_the_others_at_zero()
    {
        var bytes = TcgLogBuilder.CryptoAgile().Event(17, 4, [0, 0, 0, 0]).ToArray();

        var replay = PcrReplay.Replay(TcgEventLog.Parse(bytes));

        var initial = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        Assert.Equal(System.Convert.ToHexString(Extend256(initial, SHA256.HashData(new byte[4]))), replay.Find(0x000B, 17)!.Value);
        Assert.Equal(new string('F', 64), replay.Find(0x000B, 18)!.Value);
        Assert.Equal(new string('0', 64), replay.Find(0x000B, 16)!.Value);
        Assert.Equal(0, replay.Find(0x000B, 18)!.ExtendCount);
    }

    [Fact]
    public void A_startup_locality_record_sets_the_last_byte_of_pcr0s_start_value()
    {
        byte[] locality = [.. Encoding.ASCII.GetBytes("StartupLocality\0"), 3];
        var bytes = TcgLogBuilder.CryptoAgile().Event(0, 3, locality).Event(0, 8, [0x41, 0, 0, 0]).ToArray();

        var replay = PcrReplay.Replay(TcgEventLog.Parse(bytes));

        var start = new byte[32];
        start[31] = 3;
        Assert.Equal(System.Convert.ToHexString(Extend256(start, SHA256.HashData([0x41, 0, 0, 0]))), replay.Find(0x000B, 0)!.Value);
        Assert.Equal(1, replay.Find(0x000B, 0)!.ExtendCount);
    }

    [Fact]
    public void No_action_records_are_never_extended()
    {
        var bytes = TcgLogBuilder.CryptoAgile().Event(7, 3, Encoding.ASCII.GetBytes("SP800-155 Event\0")).ToArray();

        var replay = PcrReplay.Replay(TcgEventLog.Parse(bytes));

        Assert.Equal(new string('0', 64), replay.Find(0x000B, 7)!.Value);
        Assert.Empty(replay.ExtendedPcrs());
    }

    [Fact]
    public void A_bank_a_record_has_no_digest_for_is_unknown_with_the_record()
    {
        var replay = PcrReplay.Replay(TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.UefiVar)));

        var pcr7 = replay.Find(0x000C, 7)!;
        Assert.Null(pcr7.Value);
        Assert.Equal("record 1 has no sha384 digest", pcr7.Unknown);
        Assert.Equal("3A1EA200B8FAFE60C290E903C5E6443CFEF67F04", replay.Find(0x0004, 7)!.Value);
    }

    [Fact]
    public void An_sm3_bank_is_reported_unsupported_and_the_other_banks_replay()
    {
        var bytes = TcgLogBuilder.CryptoAgile((0x000B, 32), (0x0012, 32)).Event(7, 4, [0, 0, 0, 0]).ToArray();

        var replay = PcrReplay.Replay(TcgEventLog.Parse(bytes));

        var sm3 = Assert.Single(replay.Banks, b => b.Algorithm == 0x0012);
        Assert.False(sm3.IsSupported);
        Assert.Equal("no sm3_256 hash is available here", sm3.Unsupported);
        Assert.Null(sm3.Pcrs[7].Value);
        Assert.Equal(System.Convert.ToHexString(Extend256(new byte[32], SHA256.HashData(new byte[4]))), replay.Find(0x000B, 7)!.Value);
    }

    private static byte[] Extend(byte[] pcr, byte[] digest) => TcgLogBuilder.Hash(0x0004, [.. pcr, .. digest]);

    private static byte[] Extend256(byte[] pcr, byte[] digest) => SHA256.HashData([.. pcr, .. digest]);
}
