using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using Xunit;

namespace AzureLocalSecurity.Tests.Import;

public sealed class RegistryPolicyFileTests
{
    private const string DeviceGuard = @"Software\Policies\Microsoft\Windows\DeviceGuard";

    [Fact]
    public void A_header_only_file_has_no_records()
    {
        var file = RegistryPolicyFile.Parse(new PolWriter().ToArray());

        Assert.Empty(file.Records);
    }

    [Fact]
    public void Every_decoded_type_gives_its_value()
    {
        var bytes = new PolWriter()
            .Record(DeviceGuard, "Sz", 1, PolWriter.Sz("text"))
            .Record(DeviceGuard, "Expand", 2, PolWriter.Sz(@"%SystemRoot%\x"))
            .Record(DeviceGuard, "Binary", 3, [1, 2, 0xFF])
            .Record(DeviceGuard, "DWord", 4, PolWriter.DWord(0xDEADBEEF))
            .Record(DeviceGuard, "BigEndian", 5, [0x12, 0x34, 0x56, 0x78])
            .Record(DeviceGuard, "Multi", 7, PolWriter.Multi("a", "bc"))
            .Record(DeviceGuard, "QWord", 11, PolWriter.QWord(0x0102030405060708))
            .Record(DeviceGuard, "None", 0, [9])
            .ToArray();

        var values = RegistryPolicyFile.Parse(bytes).Records.ToDictionary(r => r.ValueName, r => r.Value);

        Assert.Equal(EvidenceValue.FromString("text"), values["Sz"]);
        Assert.Equal(EvidenceValue.FromExpandString(@"%SystemRoot%\x"), values["Expand"]);
        Assert.Equal(EvidenceValue.FromBinary([1, 2, 0xFF]), values["Binary"]);
        Assert.Equal(EvidenceValue.FromDWord(0xDEADBEEF), values["DWord"]);
        Assert.Equal(EvidenceValue.FromDWord(0x12345678), values["BigEndian"]);
        Assert.Equal(EvidenceValue.FromMultiString(["a", "bc"]), values["Multi"]);
        Assert.Equal(EvidenceValue.FromQWord(0x0102030405060708), values["QWord"]);
        Assert.Equal(EvidenceValue.FromBinary([9]), values["None"]);
    }

    [Fact]
    public void A_set_value_record_keeps_key_name_type_data_and_offset_as_stored()
    {
        var writer = new PolWriter().Record(DeviceGuard, "EnableVirtualizationBasedSecurity", 4, PolWriter.DWord(1));
        var second = writer.Position;
        writer.Record(DeviceGuard, "RequirePlatformSecurityFeatures", 4, PolWriter.DWord(3));

        var records = RegistryPolicyFile.Parse(writer.ToArray()).Records;

        Assert.Equal(2, records.Count);
        Assert.Equal(8, records[0].Offset);
        Assert.Equal(second, records[1].Offset);
        Assert.Equal(DeviceGuard, records[1].Key);
        Assert.Equal("RequirePlatformSecurityFeatures", records[1].ValueName);
        Assert.Equal(RegistryPolicyAction.SetValue, records[1].Action);
        Assert.Equal("RequirePlatformSecurityFeatures", records[1].TargetValueName);
        Assert.Equal(4u, records[1].Type);
        Assert.Equal(new byte[] { 3, 0, 0, 0 }, records[1].Data);
        Assert.Empty(records[1].Targets);
    }

    [Fact]
    public void A_type_that_is_not_decoded_keeps_its_bytes_without_a_value()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, "Link", 6, [1, 2, 3, 4]));

        Assert.Equal(RegistryPolicyAction.SetValue, record.Action);
        Assert.Null(record.Value);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, record.Data);
    }

    [Fact]
    public void The_data_handed_out_is_a_copy()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, "Binary", 3, [1, 2, 3]));

        record.Data[0] = 0x55;

        Assert.Equal(new byte[] { 1, 2, 3 }, record.Data);
    }

    [Fact]
    public void Del_names_the_value_it_deletes()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, "**del.HypervisorEnforcedCodeIntegrity", 1, PolWriter.Sz(" ")));

        Assert.Equal(RegistryPolicyAction.DeleteValue, record.Action);
        Assert.Equal("HypervisorEnforcedCodeIntegrity", record.TargetValueName);
        Assert.Equal("**del.HypervisorEnforcedCodeIntegrity", record.ValueName);
        Assert.Null(record.Value);
    }

    [Fact]
    public void Delvals_deletes_all_values_and_is_not_read_as_del_of_a_value_named_vals()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, "**delvals.", 1, PolWriter.Sz(" ")));

        Assert.Equal(RegistryPolicyAction.DeleteAllValues, record.Action);
        Assert.Null(record.TargetValueName);
    }

    [Fact]
    public void DeleteValues_lists_the_names_in_its_data()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, "**DeleteValues", 1, PolWriter.Sz("a;b;;c")));

        Assert.Equal(RegistryPolicyAction.DeleteValues, record.Action);
        Assert.Equal(["a", "b", "c"], record.Targets);
        Assert.Null(record.TargetValueName);
    }

    [Fact]
    public void DeleteKeys_lists_the_keys_in_its_data_and_may_be_followed_by_a_space()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, "**DeleteKeys ", 1, PolWriter.Sz("NoRun;NoFind")));

        Assert.Equal(RegistryPolicyAction.DeleteKeys, record.Action);
        Assert.Equal(["NoRun", "NoFind"], record.Targets);
    }

    [Fact]
    public void SecureKey_carries_its_setting()
    {
        var records = RegistryPolicyFile.Parse(new PolWriter()
            .Record(DeviceGuard, "**SecureKey", 4, PolWriter.DWord(1))
            .Record(DeviceGuard, "**SecureKey", 4, PolWriter.DWord(0))
            .ToArray()).Records;

        Assert.All(records, r => Assert.Equal(RegistryPolicyAction.SecureKey, r.Action));
        Assert.Equal([1u, 0u], records.Select(r => r.SecureKeySetting!.Value));
        Assert.All(records, r => Assert.Null(r.Value));
    }

    [Fact]
    public void Soft_names_the_value_and_decodes_its_data()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, "**soft.Locked", 4, PolWriter.DWord(7)));

        Assert.Equal(RegistryPolicyAction.SoftValue, record.Action);
        Assert.Equal("Locked", record.TargetValueName);
        Assert.Equal(EvidenceValue.FromDWord(7), record.Value);
    }

    [Fact]
    public void An_empty_value_name_creates_the_key()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, string.Empty, 0, []));

        Assert.Equal(RegistryPolicyAction.CreateKey, record.Action);
        Assert.Null(record.TargetValueName);
        Assert.Null(record.Value);
    }

    [Theory]
    [InlineData("**Del.Foo", RegistryPolicyAction.DeleteValue)]
    [InlineData("**DEL.Foo", RegistryPolicyAction.DeleteValue)]
    [InlineData("**DelVals", RegistryPolicyAction.DeleteAllValues)]
    [InlineData("**DELVALS.", RegistryPolicyAction.DeleteAllValues)]
    [InlineData("**deletevalues", RegistryPolicyAction.DeleteValues)]
    [InlineData("**securekey", RegistryPolicyAction.SecureKey)]
    [InlineData("**Soft.Foo", RegistryPolicyAction.SoftValue)]
    [InlineData("**Comment", RegistryPolicyAction.UnknownDirective)]
    [InlineData("*del.Foo", RegistryPolicyAction.SetValue)]
    public void Control_codes_are_read_without_regard_to_case(string valueName, RegistryPolicyAction expected)
    {
        var data = expected == RegistryPolicyAction.SecureKey ? PolWriter.DWord(1) : PolWriter.Sz("x");
        var record = Single(new PolWriter().Record(DeviceGuard, valueName, expected == RegistryPolicyAction.SecureKey ? 4u : 1u, data));

        Assert.Equal(expected, record.Action);
    }

    [Fact]
    public void An_unpaired_surrogate_in_a_key_is_kept_as_stored()
    {
        var writer = new PolWriter().Char('[').Bytes([0x41, 0, 0x00, 0xD8, 0, 0]).Char(';').Bytes(PolWriter.Sz("V")).Char(';')
            .Bytes(PolWriter.DWord(4)).Char(';').Bytes(PolWriter.DWord(4)).Char(';').Bytes(PolWriter.DWord(1)).Char(']');

        Assert.Equal("A\uD800", Single(writer).Key);
    }

    [Fact]
    public void String_data_without_a_final_nul_is_all_text()
    {
        var record = Single(new PolWriter().Record(DeviceGuard, "Sz", 1, Encoding.Unicode.GetBytes("abc")));

        Assert.Equal(EvidenceValue.FromString("abc"), record.Value);
    }

    [Fact]
    public void A_multi_string_ends_at_its_double_nul_or_at_the_end_of_the_data()
    {
        var records = RegistryPolicyFile.Parse(new PolWriter()
            .Record(DeviceGuard, "Cut", 7, Encoding.Unicode.GetBytes("a\0b"))
            .Record(DeviceGuard, "Empty", 7, Encoding.Unicode.GetBytes("\0"))
            .Record(DeviceGuard, "After", 7, Encoding.Unicode.GetBytes("a\0\0b\0\0"))
            .ToArray()).Records;

        Assert.Equal(EvidenceValue.FromMultiString(["a", "b"]), records[0].Value);
        Assert.Equal(EvidenceValue.FromMultiString([]), records[1].Value);
        Assert.Equal(EvidenceValue.FromMultiString(["a"]), records[2].Value);
    }

    [Fact]
    public void A_wrong_signature_fails_at_byte_0()
    {
        AssertFails(new PolWriter(signature: 0x67655251).ToArray(), 0);
    }

    [Fact]
    public void A_version_other_than_1_fails_at_byte_4()
    {
        AssertFails(new PolWriter(version: 2).ToArray(), 4);
    }

    [Fact]
    public void A_file_shorter_than_the_header_fails_at_its_end()
    {
        AssertFails([0x50, 0x52, 0x65], 3);
    }

    [Fact]
    public void A_record_without_its_opening_bracket_fails_where_the_bracket_should_be()
    {
        var bytes = new PolWriter().Record(DeviceGuard, "A", 4, PolWriter.DWord(1)).Char('x').ToArray();

        AssertFails(bytes, bytes.Length - 2);
    }

    [Fact]
    public void A_missing_semicolon_fails_at_its_place()
    {
        var bytes = new PolWriter().Char('[').Bytes(PolWriter.Sz("Key")).Char(':').ToArray();

        AssertFails(bytes, 8 + 2 + 8);
    }

    [Fact]
    public void An_unterminated_key_fails_where_the_key_starts()
    {
        var bytes = new PolWriter().Char('[').Bytes(Encoding.Unicode.GetBytes("Software")).ToArray();

        AssertFails(bytes, 10);
    }

    [Fact]
    public void A_string_cut_in_half_a_character_fails_where_it_starts()
    {
        var bytes = new PolWriter().Char('[').Bytes([0x41, 0x00, 0x00]).ToArray();

        AssertFails(bytes, 10);
    }

    [Fact]
    public void A_size_beyond_the_file_fails_at_the_size_field_without_allocating_it()
    {
        var writer = new PolWriter().Raw(DeviceGuard, "A", 3, 0xFFFFFFF0, [1, 2, 3, 4], close: false);
        var sizeOffset = 8 + 2 + ((DeviceGuard.Length + 1) * 2) + 2 + 4 + 2 + 4 + 2;

        AssertFails(writer.ToArray(), sizeOffset);
    }

    [Fact]
    public void A_size_one_past_the_data_fails_at_the_size_field()
    {
        var writer = new PolWriter().Raw("K", "A", 3, 5, [1, 2, 3, 4], close: false);

        AssertFails(writer.ToArray(), 8 + 2 + 4 + 2 + 4 + 2 + 4 + 2);
    }

    [Fact]
    public void A_record_without_its_closing_bracket_fails_after_its_data()
    {
        var bytes = new PolWriter().Raw("K", "A", 3, 2, [1, 2], close: false).Char(';').ToArray();

        AssertFails(bytes, bytes.Length - 2);
    }

    [Fact]
    public void A_file_ending_inside_a_type_field_fails_there()
    {
        var bytes = new PolWriter().Char('[').Bytes(PolWriter.Sz("K")).Char(';').Bytes(PolWriter.Sz("V")).Char(';').Bytes([4, 0]).ToArray();

        AssertFails(bytes, bytes.Length - 2);
    }

    [Fact]
    public void A_dword_that_is_not_4_bytes_fails_at_its_data()
    {
        var writer = new PolWriter().Record("K", "A", 4, [1, 0]);
        var bytes = writer.ToArray();

        AssertFails(bytes, bytes.Length - 2 - 2);
    }

    [Fact]
    public void A_qword_that_is_not_8_bytes_fails_at_its_data()
    {
        var bytes = new PolWriter().Record("K", "A", 11, [1, 0, 0, 0]).ToArray();

        AssertFails(bytes, bytes.Length - 2 - 4);
    }

    [Fact]
    public void String_data_of_an_odd_length_fails_at_its_data()
    {
        var bytes = new PolWriter().Record("K", "A", 1, [0x41, 0, 0]).ToArray();

        AssertFails(bytes, bytes.Length - 2 - 3);
    }

    [Fact]
    public void A_delete_list_of_an_odd_length_fails_at_its_data()
    {
        var bytes = new PolWriter().Record("K", "**DeleteValues", 1, [0x41, 0, 0]).ToArray();

        AssertFails(bytes, bytes.Length - 2 - 3);
    }

    [Fact]
    public void A_securekey_that_is_not_a_dword_of_0_or_1_fails_at_its_data()
    {
        var bytes = new PolWriter().Record("K", "**SecureKey", 4, PolWriter.DWord(2)).ToArray();

        AssertFails(bytes, bytes.Length - 2 - 4);
    }

    [Fact]
    public void A_trailing_odd_byte_fails_where_a_record_should_start()
    {
        var bytes = new PolWriter().Record("K", "A", 4, PolWriter.DWord(1)).Bytes([0x5B]).ToArray();

        AssertFails(bytes, bytes.Length - 1);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var bytes = new byte[RegistryPolicyFile.MaxBytes + 1];

        var ex = Assert.Throws<RegistryPolicyFormatException>(() => RegistryPolicyFile.Parse(bytes));
        Assert.Contains("at most", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_shaped_file_reads_every_record_in_order()
    {
        // The shape FORMATS.md gives for the Windows Server 2025 baseline's Machine\registry.pol: 191 records, 156 DWORDs,
        // 31 strings, 3 multi-strings and one REG_NONE, with **del. records among them.
        var writer = new PolWriter();
        for (var i = 0; i < 156; i++)
        {
            writer.Record(DeviceGuard, "D" + i, 4, PolWriter.DWord((uint)i));
        }

        for (var i = 0; i < 31; i++)
        {
            writer.Record(@"Software\Policies\Microsoft\Windows NT\Terminal Services", i % 5 == 0 ? "**del.S" + i : "S" + i, 1, PolWriter.Sz(i % 5 == 0 ? " " : "v" + i));
        }

        for (var i = 0; i < 3; i++)
        {
            writer.Record(@"Software\Policies\Microsoft\Windows\DeviceInstall\Restrictions\DenyDeviceIDs", "M" + i, 7, PolWriter.Multi("PCI\\CC_0C0A", "x" + i));
        }

        writer.Record(@"Software\Policies\Microsoft\Windows\CredentialsDelegation", string.Empty, 0, []);

        var records = RegistryPolicyFile.Parse(writer.ToArray()).Records;

        Assert.Equal(191, records.Count);
        Assert.Equal(156, records.Count(r => r.Type == 4));
        Assert.Equal(31, records.Count(r => r.Type == 1));
        Assert.Equal(3, records.Count(r => r.Type == 7));
        Assert.Equal(7, records.Count(r => r.Action == RegistryPolicyAction.DeleteValue));
        Assert.True(records.Zip(records.Skip(1), (a, b) => a.Offset < b.Offset).All(x => x));
    }

    [Fact]
    public void Random_records_read_back_as_written()
    {
        var random = new Random(20240611);
        for (var file = 0; file < 300; file++)
        {
            var expected = new List<(string Key, string Name, uint Type, byte[] Data, EvidenceValue? Value, long Offset)>();
            var writer = new PolWriter();
            var count = random.Next(0, 25);
            for (var i = 0; i < count; i++)
            {
                var key = RandomText(random, 1, 40, allowBackslash: true);
                var name = random.Next(10) == 0 ? string.Empty : RandomText(random, 1, 30, allowBackslash: false);
                var (type, data, value) = RandomData(random);
                expected.Add((key, name, type, data, name.Length == 0 ? null : value, writer.Position));
                writer.Record(key, name, type, data);
            }

            var records = RegistryPolicyFile.Parse(writer.ToArray()).Records;

            Assert.Equal(expected.Count, records.Count);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(expected[i].Key, records[i].Key);
                Assert.Equal(expected[i].Name, records[i].ValueName);
                Assert.Equal(expected[i].Type, records[i].Type);
                Assert.Equal(expected[i].Data, records[i].Data);
                Assert.Equal(expected[i].Offset, records[i].Offset);
                Assert.Equal(expected[i].Value, records[i].Value);
                Assert.Equal(expected[i].Name.Length == 0 ? RegistryPolicyAction.CreateKey : RegistryPolicyAction.SetValue, records[i].Action);
            }
        }
    }

    /// <summary>Text over printable ASCII and a few letters beyond it, never NUL and never starting with "**".</summary>
    internal static string RandomText(Random random, int min, int max, bool allowBackslash)
    {
        const string extra = "éßЖ中\u00A0";
        var chars = new char[random.Next(min, max + 1)];
        for (var i = 0; i < chars.Length; i++)
        {
            char c;
            do
            {
                c = random.Next(8) == 0 ? extra[random.Next(extra.Length)] : (char)random.Next(0x20, 0x7F);
            }
            while ((!allowBackslash && c == '\\') || (i < 2 && c == '*'));
            chars[i] = c;
        }

        return new string(chars);
    }

    /// <summary>Data of a random decoded type, with the value it must read as.</summary>
    internal static (uint Type, byte[] Data, EvidenceValue Value) RandomData(Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                var s = RandomText(random, 0, 50, allowBackslash: true);
                return (1, PolWriter.Sz(s), EvidenceValue.FromString(s));
            case 1:
                var e = "%SystemRoot%\\" + RandomText(random, 0, 20, allowBackslash: true);
                return (2, PolWriter.Sz(e), EvidenceValue.FromExpandString(e));
            case 2:
                var strings = Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomText(random, 1, 20, allowBackslash: true)).ToArray();
                return (7, PolWriter.Multi(strings), EvidenceValue.FromMultiString(strings));
            case 3:
                var d = (uint)random.Next() ^ ((uint)random.Next(2) << 31);
                return (4, PolWriter.DWord(d), EvidenceValue.FromDWord(d));
            case 4:
                var b = (uint)random.Next();
                return (5, [(byte)(b >> 24), (byte)(b >> 16), (byte)(b >> 8), (byte)b], EvidenceValue.FromDWord(b));
            case 5:
                var q = ((ulong)(uint)random.Next() << 33) ^ (uint)random.Next();
                return (11, PolWriter.QWord(q), EvidenceValue.FromQWord(q));
            case 6:
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                return (3, bytes, EvidenceValue.FromBinary(bytes));
            default:
                var none = new byte[random.Next(0, 5)];
                random.NextBytes(none);
                return (0, none, EvidenceValue.FromBinary(none));
        }
    }

    private static RegistryPolicyRecord Single(PolWriter writer) => Assert.Single(RegistryPolicyFile.Parse(writer.ToArray()).Records);

    private static void AssertFails(byte[] bytes, long offset)
    {
        var ex = Assert.Throws<RegistryPolicyFormatException>(() => RegistryPolicyFile.Parse(bytes));
        Assert.Equal(offset, ex.Offset);
        Assert.Contains("at byte " + offset, ex.Message, StringComparison.Ordinal);
    }
}
