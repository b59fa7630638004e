using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Tests.AppControl.Live;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

public sealed class CompiledPolicyModeSwitchTests
{
    /// <summary>The WDAC Toolkit's test.bin: unsigned, format version 7, OptionFlags 0x82890000 (audit mode among them).</summary>
    private static byte[] TestBin() => AppControlVectors.ReadBytes(AppControlVectors.CompiledPolicy);

    private static int[] Differences(byte[] a, byte[] b) => Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();

    [Fact]
    public void Enforcing_the_real_audit_policy_clears_only_bit_16_of_OptionFlags()
    {
        var original = TestBin();

        var enforced = CompiledPolicyModeSwitch.Apply(original, AppControlMode.Enforced);

        Assert.Equal(original.Length, enforced.Length);
        Assert.Equal([0x26], Differences(original, enforced));
        Assert.Equal(0x89, original[0x26]);
        Assert.Equal(0x88, enforced[0x26]);
        Assert.Equal(0x82880000u, BitConverter.ToUInt32(enforced, 0x24));
    }

    [Fact]
    public void Switching_the_real_policy_to_enforced_and_back_to_audit_gives_the_original_bytes()
    {
        var original = TestBin();

        var roundTrip = CompiledPolicyModeSwitch.Apply(CompiledPolicyModeSwitch.Apply(original, AppControlMode.Enforced), AppControlMode.Audit);

        Assert.Equal(original, roundTrip);
    }

    [Fact]
    public void Auditing_an_enforced_policy_sets_only_bit_16_of_OptionFlags()
    {
        var enforced = CompiledPolicyModeSwitch.Apply(TestBin(), AppControlMode.Enforced);

        var audit = CompiledPolicyModeSwitch.Apply(enforced, AppControlMode.Audit);

        Assert.Equal([0x26], Differences(enforced, audit));
        Assert.Equal(0x82890000u, BitConverter.ToUInt32(audit, 0x24));
    }

    [Fact]
    public void A_policy_already_in_the_mode_comes_back_as_an_equal_copy_and_the_input_is_not_changed()
    {
        var original = TestBin();
        var before = (byte[])original.Clone();

        var audit = CompiledPolicyModeSwitch.Apply(original, AppControlMode.Audit);
        _ = CompiledPolicyModeSwitch.Apply(original, AppControlMode.Enforced);

        Assert.Equal(before, audit);
        Assert.NotSame(original, audit);
        Assert.Equal(before, original);
    }

    [Fact]
    public void The_switched_policy_reads_back_in_the_new_mode_with_the_same_version()
    {
        var enforced = CompiledPolicyModeSwitch.Apply(TestBin(), AppControlMode.Enforced);

        Assert.True(CompiledPolicyHeaderReader.Instance.TryInspect(enforced, out var facts, out _));
        Assert.False(facts!.IsAuditMode);
        Assert.Equal(new Version(10, 0, 0, 0), facts.Version);
        Assert.Equal(AppControlMode.Enforced, CompiledPolicyModeSwitch.ReadMode(enforced));
        Assert.Equal(AppControlMode.Audit, CompiledPolicyModeSwitch.ReadMode(TestBin()));
    }

    [Fact]
    public void A_signed_policy_is_refused_as_signed_at_byte_0()
    {
        var signed = AppControlBundles.Signed(AppControlBundles.Header(AppControlBundles.AzureLocalBase, AppControlBundles.BaseFlags, new Version(1, 1, 4, 0)));

        var ex = Assert.Throws<CompiledPolicyFormatException>(() => CompiledPolicyModeSwitch.Apply(signed, AppControlMode.Audit));

        Assert.True(ex.IsSigned);
        Assert.Equal(0, ex.Offset);
        Assert.Contains("signed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_version_above_8_is_refused_at_byte_0()
    {
        var bytes = AppControlBundles.Header(AppControlBundles.AzureLocalBase, AppControlBundles.BaseFlags, new Version(1, 0, 0, 0), formatVersion: 9);

        var ex = Assert.Throws<CompiledPolicyFormatException>(() => CompiledPolicyModeSwitch.Apply(bytes, AppControlMode.Audit));

        Assert.False(ex.IsSigned);
        Assert.Equal(0, ex.Offset);
        Assert.Contains("format version 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionFlags_without_the_format_bit_are_refused_at_0x24()
    {
        var bytes = AppControlBundles.Header(AppControlBundles.AzureLocalBase, 0x00010004, new Version(1, 0, 0, 0));

        var ex = Assert.Throws<CompiledPolicyFormatException>(() => CompiledPolicyModeSwitch.Apply(bytes, AppControlMode.Enforced));

        Assert.Equal(0x24, ex.Offset);
        Assert.Contains("0x00010004", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_length_other_than_0x40_is_refused_at_0x40()
    {
        var bytes = TestBin();
        bytes[0x40] = 0x44;

        var ex = Assert.Throws<CompiledPolicyFormatException>(() => CompiledPolicyModeSwitch.Apply(bytes, AppControlMode.Enforced));

        Assert.Equal(0x40, ex.Offset);
    }

    [Fact]
    public void Bytes_shorter_than_the_header_are_refused_at_their_end()
    {
        var bytes = TestBin().Take(0x43).ToArray();

        var ex = Assert.Throws<CompiledPolicyFormatException>(() => CompiledPolicyModeSwitch.Apply(bytes, AppControlMode.Enforced));

        Assert.Equal(0x43, ex.Offset);
    }

    [Fact]
    public void Off_and_Unknown_are_not_modes_a_policy_is_switched_to()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CompiledPolicyModeSwitch.Apply(TestBin(), AppControlMode.Off));
        Assert.Throws<ArgumentOutOfRangeException>(() => CompiledPolicyModeSwitch.Apply(TestBin(), AppControlMode.Unknown));
    }
}
