using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using Xunit;

namespace AzureLocalSecurity.Tests.Import;

public sealed class RegistryExportFileTests
{
    private const string Lsa = @"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa";

    /// <summary>What <c>reg export HKLM\...\Lsa</c> writes for a key with a subkey, one value of every type.</summary>
    internal static string ExportText(string newline)
    {
        var multi = Encoding.Unicode.GetBytes("msv1_0\0kerberos\0\0");
        var expand = Encoding.Unicode.GetBytes("%SystemRoot%\\system32\0");
        return RegWriter.Lines(newline,
        [
            RegistryExportFile.Version5Header,
            string.Empty,
            "[" + Lsa + "]",
            "@=\"default\"",
            "\"LmCompatibilityLevel\"=dword:00000005",
            "\"auditbasedirectories\"=hex:00,01,fe",
            RegWriter.Hex("Security Packages", 7, multi, newline),
            RegWriter.Hex("Path", 2, expand, newline),
            "\"Quoted \\\"name\\\" C:\\\\\"=\"say \\\"hi\\\" at C:\\\\temp\\\\\"",
            RegWriter.Hex("Big", 11, BitConverter.GetBytes(0x1122334455667788UL), newline),
            "\"None\"=hex(0):",
            "\"Little\"=hex(4):78,56,34,12",
            "\"Network\"=hex(5):12,34,56,78",
            "\"Link\"=hex(6):01,02",
            "\"Sz\"=hex(1):61,00,62,00,00,00",
            string.Empty,
            "[" + Lsa + "\\MSV1_0]",
            "\"NTLMMinClientSec\"=dword:20080000",
            string.Empty,
        ]);
    }

    [Fact]
    public void A_reg_export_in_utf16_with_bom_and_crlf_reads_every_value_type()
    {
        var file = RegistryExportFile.Parse(RegWriter.Utf16WithBom(ExportText("\r\n")));

        Assert.Equal(RegistryExportFile.Version5Header, file.Header);
        Assert.Equal(2, file.Keys.Count);
        var key = file.Keys[0];
        Assert.Equal(Lsa, key.Path);
        Assert.Equal(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa", key.EvidencePath);
        Assert.False(key.Delete);
        Assert.Equal(3, key.Line);
        var values = key.Values.ToDictionary(v => v.Name);
        Assert.Equal((1u, EvidenceValue.FromString("default")), (values[string.Empty].Type, values[string.Empty].Value));
        Assert.Equal((4u, EvidenceValue.FromDWord(5)), (values["LmCompatibilityLevel"].Type, values["LmCompatibilityLevel"].Value));
        Assert.Equal((3u, EvidenceValue.FromBinary([0, 1, 0xFE])), (values["auditbasedirectories"].Type, values["auditbasedirectories"].Value));
        Assert.Equal((7u, EvidenceValue.FromMultiString(["msv1_0", "kerberos"])), (values["Security Packages"].Type, values["Security Packages"].Value));
        Assert.Equal((2u, EvidenceValue.FromExpandString(@"%SystemRoot%\system32")), (values["Path"].Type, values["Path"].Value));
        Assert.Equal(EvidenceValue.FromString(@"say ""hi"" at C:\temp\"), values[@"Quoted ""name"" C:\"].Value);
        Assert.Equal((11u, EvidenceValue.FromQWord(0x1122334455667788UL)), (values["Big"].Type, values["Big"].Value));
        Assert.Equal((0u, EvidenceValue.FromBinary([])), (values["None"].Type, values["None"].Value));
        Assert.Equal((4u, EvidenceValue.FromDWord(0x12345678)), (values["Little"].Type, values["Little"].Value));
        Assert.Equal((5u, EvidenceValue.FromDWord(0x12345678)), (values["Network"].Type, values["Network"].Value));
        Assert.Equal((6u, EvidenceValue.FromBinary([1, 2])), (values["Link"].Type, values["Link"].Value));
        Assert.Equal((1u, EvidenceValue.FromString("ab")), (values["Sz"].Type, values["Sz"].Value));
        Assert.Equal(["MSV1_0"], key.SubKeyNames);
        Assert.Equal(EvidenceValue.FromDWord(0x20080000), Assert.Single(file.Keys[1].Values).Value);
        Assert.Empty(file.Keys[1].SubKeyNames);
    }

    [Fact]
    public void Utf8_without_bom_and_lf_reads_the_same_as_utf16_with_bom_and_crlf()
    {
        var utf16 = RegistryExportFile.Parse(RegWriter.Utf16WithBom(ExportText("\r\n")));
        var utf8 = RegistryExportFile.Parse(RegWriter.Utf8(ExportText("\n")));

        Assert.Equal(Describe(utf16), Describe(utf8));
    }

    [Fact]
    public void Utf16_without_bom_and_utf8_with_bom_read_too()
    {
        var expected = Describe(RegistryExportFile.Parse(RegWriter.Utf16WithBom(ExportText("\r\n"))));

        Assert.Equal(expected, Describe(RegistryExportFile.Parse(RegWriter.Utf16LE(ExportText("\r\n")))));
        Assert.Equal(expected, Describe(RegistryExportFile.Parse(RegWriter.Utf8WithBom(ExportText("\r\n")))));
    }

    [Fact]
    public void A_value_continued_over_lines_starts_at_its_first_line_and_later_lines_keep_their_numbers()
    {
        var data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        var text = RegWriter.Lines("\r\n",
        [
            RegistryExportFile.Version5Header,
            string.Empty,
            @"[HKEY_CURRENT_USER\Software\Test]",
            RegWriter.Hex("Long", null, data, "\r\n"),
            "\"After\"=dword:00000001",
        ]);
        Assert.True(text.Split('\n').Length > 7, "the hex value must wrap");

        var key = Assert.Single(RegistryExportFile.Parse(RegWriter.Utf16WithBom(text)).Keys);

        Assert.Equal(EvidenceValue.FromBinary(data), key.Values[0].Value);
        Assert.Equal(4, key.Values[0].Line);
        Assert.Equal(text.Split('\n').Length - 1, key.Values[1].Line);
    }

    [Fact]
    public void Comments_blank_lines_deletes_and_the_default_value_are_read()
    {
        var text = RegWriter.Lines("\n",
        [
            RegistryExportFile.Version5Header,
            "; written by hand",
            string.Empty,
            @"[-HKEY_LOCAL_MACHINE\SOFTWARE\Old]",
            string.Empty,
            @"[HKEY_LOCAL_MACHINE\SOFTWARE\New]",
            "  ; an indented comment",
            "@=-",
            "\"Gone\" = -",
            "@=\"\"",
        ]);

        var keys = RegistryExportFile.Parse(RegWriter.Utf8(text)).Keys;

        Assert.True(keys[0].Delete);
        Assert.Equal(@"HKEY_LOCAL_MACHINE\SOFTWARE\Old", keys[0].Path);
        Assert.Equal(4, keys[0].Line);
        Assert.Empty(keys[0].Values);
        Assert.False(keys[1].Delete);
        Assert.Equal([(string.Empty, true, 8), ("Gone", true, 9), (string.Empty, false, 10)], keys[1].Values.Select(v => (v.Name, v.Delete, v.Line)));
        Assert.Null(keys[1].Values[0].Value);
        Assert.Equal(EvidenceValue.FromString(string.Empty), keys[1].Values[2].Value);
    }

    [Theory]
    [InlineData("HKEY_LOCAL_MACHINE", "HKLM")]
    [InlineData("HKEY_CURRENT_USER", "HKCU")]
    [InlineData("HKEY_USERS", "HKU")]
    [InlineData("HKEY_CLASSES_ROOT", "HKCR")]
    [InlineData("HKEY_CURRENT_CONFIG", "HKCC")]
    [InlineData("hkey_local_machine", "HKLM")]
    public void Each_hive_is_spelled_as_the_evidence_spells_it(string hive, string abbreviation)
    {
        var text = RegWriter.Lines("\r\n", [RegistryExportFile.Version5Header, "[" + hive + "]", "[" + hive + @"\A\B]"]);

        var keys = RegistryExportFile.Parse(RegWriter.Utf16WithBom(text)).Keys;

        Assert.Equal(abbreviation, keys[0].EvidencePath);
        Assert.Equal(abbreviation + @"\A\B", keys[1].EvidencePath);
        Assert.Equal("windows/registry/" + abbreviation + "/A/B", EvidenceIds.Registry(keys[1].EvidencePath));
    }

    [Fact]
    public void Subkeys_are_the_immediate_children_listed_in_the_file_once_each()
    {
        var text = RegWriter.Lines("\n",
        [
            RegistryExportFile.Version5Header,
            @"[HKEY_LOCAL_MACHINE\S]",
            @"[HKEY_LOCAL_MACHINE\S\A]",
            @"[HKEY_LOCAL_MACHINE\S\A\Deep]",
            @"[HKEY_LOCAL_MACHINE\S\b]",
            @"[-HKEY_LOCAL_MACHINE\S\Deleted]",
            @"[HKEY_LOCAL_MACHINE\s\a]",
        ]);

        var keys = RegistryExportFile.Parse(RegWriter.Utf8(text)).Keys;

        Assert.Equal(["A", "b"], keys[0].SubKeyNames);
        Assert.Equal(["Deep"], keys[1].SubKeyNames);
        Assert.Equal(["Deep"], keys[5].SubKeyNames);
        Assert.Empty(keys[4].SubKeyNames);
    }

    [Fact]
    public void A_regedit4_file_is_ansi_and_its_hex_text_is_single_bytes()
    {
        var text = RegWriter.Lines("\r\n",
        [
            RegistryExportFile.Version4Header,
            string.Empty,
            @"[HKEY_CURRENT_USER\Software\Café]",
            "\"Price\"=\"5 \u20AC\"",
            "\"Expand\"=hex(2):25,54,45,4d,50,25,e9,00",
            "\"Multi\"=hex(7):61,00,80,00,00",
        ]);

        var file = RegistryExportFile.Parse(RegWriter.Ansi(text));

        Assert.Equal(RegistryExportFile.Version4Header, file.Header);
        var key = Assert.Single(file.Keys);
        Assert.Equal(@"HKCU\Software\Café", key.EvidencePath);
        Assert.Equal(EvidenceValue.FromString("5 \u20AC"), key.Values[0].Value);
        Assert.Equal(EvidenceValue.FromExpandString("%TEMP%é"), key.Values[1].Value);
        Assert.Equal(EvidenceValue.FromMultiString(["a", "\u20AC"]), key.Values[2].Value);
    }

    [Theory]
    [InlineData("\"A\"=dword:1", 1u)]
    [InlineData("\"A\"=DWORD:FFFFFFFF", 0xFFFFFFFFu)]
    public void A_dword_may_have_fewer_digits_and_any_case(string line, uint expected)
    {
        var key = Assert.Single(RegistryExportFile.Parse(RegWriter.Utf8(RegWriter.Lines("\n", [RegistryExportFile.Version5Header, @"[HKEY_USERS\X]", line]))).Keys);

        Assert.Equal(EvidenceValue.FromDWord(expected), key.Values[0].Value);
    }

    [Theory]
    [InlineData(new[] { "REGEDIT5", "[HKEY_USERS\\X]" }, 1)]
    [InlineData(new string[0], 1)]
    [InlineData(new[] { "", "Windows Registry Editor Version 5.00" }, 1)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "", "\"A\"=dword:00000001" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "", "just words" }, 4)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "A=dword:00000001" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\" dword:00000001" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex:0g" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex:001" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex:01,,02" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex(x):01" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex(123456789):01" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=dword:123456789" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=dword:-1" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=\"open" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=\"a\\nb\"" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=\"a\" trailing" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A=dword:00000001" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=word:1" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex(b):01,02,03,04" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex(4):01,02" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex(2):41,00,00" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex:01,\\" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X]", "\"A\"=hex:01,\\", "  zz" }, 3)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_DYN_DATA\\X]" }, 2)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKLM\\X]" }, 2)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X" }, 2)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X\\\\Y]" }, 2)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[HKEY_USERS\\X\\]" }, 2)]
    [InlineData(new[] { "Windows Registry Editor Version 5.00", "[-HKEY_USERS\\X]", "\"A\"=dword:00000001" }, 3)]
    public void A_malformed_file_fails_with_its_line(string[] lines, int line)
    {
        var ex = Assert.Throws<RegistryExportFormatException>(() => RegistryExportFile.Parse(RegWriter.Utf8(RegWriter.Lines("\r\n", lines))));

        Assert.Equal(line, ex.Line);
        Assert.Contains("line " + line, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_in_a_version5_file_fail_for_the_whole_file()
    {
        var bytes = RegWriter.Utf8(RegistryExportFile.Version5Header + "\r\n[HKEY_USERS\\X]\r\n\"A\"=\"").Concat(new byte[] { 0xE9, 0x22, 0x0D, 0x0A }).ToArray();

        var ex = Assert.Throws<RegistryExportFormatException>(() => RegistryExportFile.Parse(bytes));

        Assert.Equal(0, ex.Line);
        Assert.IsType<CaptureFormatException>(ex.InnerException);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var ex = Assert.Throws<RegistryExportFormatException>(() => RegistryExportFile.Parse(new byte[RegistryExportFile.MaxBytes + 1]));

        Assert.Equal(0, ex.Line);
    }

    [Fact]
    public void Random_keys_and_values_read_back_as_written()
    {
        var random = new Random(611);
        for (var file = 0; file < 150; file++)
        {
            var newline = random.Next(2) == 0 ? "\r\n" : "\n";
            var lines = new List<string> { RegistryExportFile.Version5Header, string.Empty };
            var expected = new List<(string Path, List<(string Name, uint Type, EvidenceValue? Value)> Values)>();
            for (var k = random.Next(0, 6); k > 0; k--)
            {
                var path = @"HKEY_LOCAL_MACHINE\SOFTWARE\" + RegistryPolicyFileTests.RandomText(random, 1, 20, allowBackslash: false).Replace("]", "_").Trim();
                if (path.EndsWith('\\'))
                {
                    path += "x";
                }

                lines.Add("[" + path + "]");
                var values = new List<(string, uint, EvidenceValue?)>();
                for (var v = random.Next(0, 8); v > 0; v--)
                {
                    var name = random.Next(8) == 0 ? string.Empty : RegistryPolicyFileTests.RandomText(random, 1, 20, allowBackslash: true);
                    var (type, data, value) = RegistryPolicyFileTests.RandomData(random);
                    switch (random.Next(4))
                    {
                        case 0 when type == 1:
                            lines.Add(RegWriter.Name(name) + "=" + RegWriter.Quote(value.AsString()!));
                            break;
                        case 1 when type == 4:
                            lines.Add(RegWriter.Name(name) + "=dword:" + ((uint)value.AsInt64()!).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        case 2:
                            lines.Add(RegWriter.Name(name) + "=-");
                            values.Add((name, 0, null));
                            continue;
                        default:
                            lines.Add(RegWriter.Hex(name, type == 3 && random.Next(2) == 0 ? null : type, data, newline));
                            break;
                    }

                    values.Add((name, type, value));
                }

                expected.Add((path, values));
                lines.Add(string.Empty);
            }

            var text = RegWriter.Lines(newline, lines);
            var keys = RegistryExportFile.Parse(random.Next(2) == 0 ? RegWriter.Utf16WithBom(text) : RegWriter.Utf8(text)).Keys;

            Assert.Equal(expected.Select(e => e.Path), keys.Select(k => k.Path));
            for (var k = 0; k < keys.Count; k++)
            {
                Assert.Equal(expected[k].Values, keys[k].Values.Select(v => (v.Name, v.Type, v.Value)));
            }
        }
    }

    private static List<string> Describe(RegistryExportFile file) =>
        file.Keys.Select(k => $"{k.Line} {k.EvidencePath} {k.Delete} [{string.Join(",", k.SubKeyNames)}] " + string.Join(" | ", k.Values.Select(v => $"{v.Line} {v.Name} {v.Type} {v.Delete} {v.Value?.Kind} {v.Value}"))).ToList();
}
