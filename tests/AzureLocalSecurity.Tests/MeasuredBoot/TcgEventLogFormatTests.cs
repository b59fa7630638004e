using System;
using System.Linq;
using AzureLocalSecurity.MeasuredBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>Input that is not a well-formed log ends in <see cref="TcgEventLogFormatException"/> naming the byte, quickly, and never allocates from a lying size.</summary>
public class TcgEventLogFormatTests
{
    [Theory]
    [InlineData(EventLogVectors.UefiVar)]
    [InlineData(EventLogVectors.GceUbuntu)]
    public void Every_truncation_of_a_log_inside_a_record_is_refused_at_a_byte_inside_it(string file)
    {
        var bytes = EventLogVectors.Read(file);
        var ends = TcgEventLog.Parse(bytes).Events.Select(e => e.Offset + e.Size).ToHashSet();

        for (var length = 1; length < bytes.Length; length++)
        {
            var cut = bytes.AsSpan(0, length).ToArray();
            if (ends.Contains(length))
            {
                Assert.Equal(length, TcgEventLog.Parse(cut).Length);
                continue;
            }

            var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(cut));
            Assert.InRange(ex.Offset, 0, length);
            Assert.False(string.IsNullOrEmpty(ex.Problem));
        }

    }

    [Fact]
    public void Every_truncation_of_the_windows_log_inside_a_record_is_refused()
    {
        var bytes = EventLogVectors.WindowsLog();
        var ends = TcgEventLog.Parse(bytes).Events.Select(e => e.Offset + e.Size).ToHashSet();

        for (var length = 1; length < bytes.Length; length += 7)
        {
            var cut = bytes.AsSpan(0, length).ToArray();
            if (ends.Contains(length))
            {
                Assert.Equal(length, TcgEventLog.Parse(cut).Length);
                continue;
            }

            Assert.InRange(Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(cut)).Offset, 0, length);
        }
    }

    [Fact]
    public void An_empty_input_is_not_a_log()
    {
        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse([]));

        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void An_event_size_of_ffffffff_is_refused_at_the_field()
    {
        var bytes = TcgLogBuilder.CryptoAgile().Event(7, 4, [0, 0, 0, 0]).ToArray();
        var sizeAt = bytes.Length - 8;
        BitConverter.GetBytes(0xFFFFFFFFu).CopyTo(bytes, sizeAt);

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes));

        Assert.Equal(sizeAt, ex.Offset);
        Assert.Contains("4294967295", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_event_size_of_ffffffff_is_refused_at_the_field()
    {
        var bytes = TcgLogBuilder.Sha1Legacy().Legacy(0, 8, [0, 0]).ToArray();
        BitConverter.GetBytes(0xFFFFFFFFu).CopyTo(bytes, 28);

        Assert.Equal(28, Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes)).Offset);
    }

    [Fact]
    public void A_digest_count_of_ffffffff_is_refused_before_anything_is_allocated_from_it()
    {
        var builder = TcgLogBuilder.CryptoAgile();
        var start = builder.ToArray().Length;
        var bytes = builder.Event(7, 4, [0, 0, 0, 0]).ToArray();
        BitConverter.GetBytes(0xFFFFFFFFu).CopyTo(bytes, start + 8);

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes));

        Assert.Equal(start + 8, ex.Offset);
        Assert.Equal("the record holds 4294967295 digests but the Spec ID event declares 2 algorithms", ex.Problem);
    }

    [Fact]
    public void A_digest_of_an_algorithm_the_spec_id_does_not_declare_is_refused_because_its_size_is_unknown()
    {
        var builder = TcgLogBuilder.CryptoAgile((0x0004, 20));
        var start = builder.ToArray().Length;
        var bytes = builder.Event(7, 4, [0, 0, 0, 0]).ToArray();
        BitConverter.GetBytes((ushort)0x000B).CopyTo(bytes, start + 12);

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes));

        Assert.Equal(start + 12, ex.Offset);
        Assert.Contains("0x000B (sha256), which the Spec ID event does not declare", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_digest_of_one_bank_in_a_record_is_refused()
    {
        var builder = TcgLogBuilder.CryptoAgile((0x0004, 20), (0x0005, 20));
        var start = builder.ToArray().Length;
        var bytes = builder.Event(7, 4, [0, 0, 0, 0]).ToArray();
        BitConverter.GetBytes((ushort)0x0004).CopyTo(bytes, start + 12 + 22);

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes));

        Assert.Equal(start + 34, ex.Offset);
        Assert.Equal("a second sha1 digest in one record", ex.Problem);
    }

    [Fact]
    public void A_spec_id_claiming_255_algorithms_is_refused_at_the_count()
    {
        var algorithms = Enumerable.Range(0, 255).Select(i => ((ushort)(0x0100 + i), 32)).ToArray();
        var bytes = TcgLogBuilder.CryptoAgile(algorithms).ToArray();

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes));

        Assert.Equal(32 + 24, ex.Offset);
        Assert.Equal("the Spec ID event declares 255 algorithms; at most 16 are accepted", ex.Problem);
    }

    [Fact]
    public void A_spec_id_claiming_more_algorithms_than_it_holds_is_refused()
    {
        var bytes = TcgLogBuilder.Sha1Legacy().Legacy(0, 3, TcgLogBuilder.SpecId([(0x0004, 20)], count: 3), new byte[20]).ToArray();

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes));

        Assert.Equal(32 + 24, ex.Offset);
    }

    [Theory]
    [InlineData(0x0100, 65, "sizes from 1 to 64 are accepted")]
    [InlineData(0x0100, 0xFFFF, "sizes from 1 to 64 are accepted")]
    [InlineData(0x0100, 0, "sizes from 1 to 64 are accepted")]
    [InlineData(0x000B, 20, "a sha256 digest is 32 bytes")]
    public void A_spec_id_digest_size_that_cannot_be_right_is_refused_at_the_size(int algorithm, int size, string problem)
    {
        var bytes = TcgLogBuilder.CryptoAgile(((ushort)algorithm, size)).ToArray();

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes));

        Assert.Equal(32 + 28 + 2, ex.Offset);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_id_declaring_no_algorithm_is_refused()
    {
        var bytes = TcgLogBuilder.Sha1Legacy().Legacy(0, 3, TcgLogBuilder.SpecId([], count: 0), new byte[20]).ToArray();

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(bytes));

        Assert.Equal(32 + 24, ex.Offset);
        Assert.Equal("the Spec ID event declares no algorithms", ex.Problem);
    }

    [Fact]
    public void More_records_than_the_limit_are_refused_at_the_first_one_over()
    {
        var builder = TcgLogBuilder.Sha1Legacy();
        for (var i = 0; i < 5; i++)
        {
            builder.Legacy(8, 13, [1]);
        }

        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(builder.ToArray(), new TcgEventLogOptions { MaxEvents = 4 }));

        Assert.Equal(4 * 33, ex.Offset);
    }

    [Fact]
    public void An_input_over_the_length_limit_is_refused_without_being_read()
    {
        var ex = Assert.Throws<TcgEventLogFormatException>(() => TcgEventLog.Parse(new byte[1025], new TcgEventLogOptions { MaxInputLength = 1024 }));

        Assert.Equal(1024, ex.Offset);
    }

    [Fact]
    public void A_limit_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TcgEventLogOptions { MaxSipaDepth = 0 });
    }
}
