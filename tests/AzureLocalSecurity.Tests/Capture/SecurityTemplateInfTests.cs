using System;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Evidence.Import;
using Xunit;

namespace AzureLocalSecurity.Tests.Capture;

public sealed class SecurityTemplateInfTests
{
    [Fact]
    public void The_real_secedit_export_reads_its_sections_in_order()
    {
        var inf = SecurityTemplateInf.Parse(CaptureVectors.Bytes(CaptureVectors.SeceditExport));

        Assert.Equal(["Unicode", "System Access", "Event Audit", "Registry Values", "Privilege Rights", "Version"], inf.SectionNames);
    }

    [Fact]
    public void The_real_secedit_export_gives_the_account_policy_numbers()
    {
        var inf = SecurityTemplateInf.Parse(CaptureVectors.Bytes(CaptureVectors.SeceditExport));

        Assert.Equal(42, inf.GetInteger(SecurityTemplateInf.SystemAccessSection, "MaximumPasswordAge"));
        Assert.Equal(0, inf.GetInteger(SecurityTemplateInf.SystemAccessSection, "LockoutBadCount"));
        Assert.Null(inf.GetInteger(SecurityTemplateInf.SystemAccessSection, "LockoutDuration"));
    }

    [Fact]
    public void A_bare_account_name_secedit_could_not_map_is_kept_as_written()
    {
        var inf = SecurityTemplateInf.Parse(CaptureVectors.Bytes(CaptureVectors.SeceditExport));

        Assert.Equal(["Gast", "*S-1-5-32-544", "*S-1-5-32-545", "*S-1-5-32-551"], inf.GetPrivilegeAccounts("SeInteractiveLogonRight"));
    }

    [Fact]
    public void A_registry_value_keeps_its_type_and_quoted_data()
    {
        var inf = SecurityTemplateInf.Parse(CaptureVectors.Bytes(CaptureVectors.SeceditExport));

        var entry = inf.Find(SecurityTemplateInf.RegistryValuesSection, @"MACHINE\Software\Microsoft\Windows NT\CurrentVersion\Winlogon\CachedLogonsCount");
        Assert.Equal("1,\"10\"", entry!.Value);
    }

    [Fact]
    public void The_gpo_template_assigns_some_rights_to_no_one()
    {
        var inf = SecurityTemplateInf.Parse(CaptureVectors.Bytes(CaptureVectors.GpoTemplate));

        Assert.Empty(inf.GetPrivilegeAccounts("SeTcbPrivilege")!);
        Assert.Equal(["*S-1-5-32-544"], inf.GetPrivilegeAccounts("SeNetworkLogonRight"));
        Assert.Null(inf.GetPrivilegeAccounts("SeNoSuchRight"));
        Assert.Equal(-1, inf.GetInteger(SecurityTemplateInf.SystemAccessSection, "LockoutDuration"));
    }

    [Fact]
    public void Utf8_without_bom_and_lf_read_the_same_as_the_utf16_crlf_original()
    {
        var original = CaptureVectors.Bytes(CaptureVectors.SeceditExport);
        var text = Encoding.Unicode.GetString(original, 2, original.Length - 2).Replace("\r\n", "\n");

        var expected = SecurityTemplateInf.Parse(original);
        var actual = SecurityTemplateInf.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(expected.Section("Privilege Rights").Select(e => (e.Key, e.Value)), actual.Section("Privilege Rights").Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void Sections_and_keys_are_found_without_case()
    {
        var inf = SecurityTemplateInf.Parse("[system access]\nminimumpasswordlength = 14\n");

        Assert.Equal(14, inf.GetInteger("System Access", "MinimumPasswordLength"));
    }

    [Fact]
    public void Comment_lines_are_skipped()
    {
        var inf = SecurityTemplateInf.Parse("; exported\n[System Access]\n; note\nMinimumPasswordLength = 8\n");

        Assert.Single(inf.Section("System Access"));
    }

    [Fact]
    public void A_line_before_any_section_fails_with_its_line_number()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => SecurityTemplateInf.Parse("\r\nMinimumPasswordLength = 8\r\n"));

        Assert.Equal(2, ex.LineNumber);
    }

    [Fact]
    public void A_line_without_equals_fails_with_its_line_number()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => SecurityTemplateInf.Parse("[System Access]\nMinimumPasswordLength = 8\nGarbage\n"));

        Assert.Equal(3, ex.LineNumber);
        Assert.Contains("Garbage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_twice_in_a_section_fails()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => SecurityTemplateInf.Parse("[System Access]\nLockoutBadCount = 3\nlockoutbadcount = 5\n"));

        Assert.Equal(3, ex.LineNumber);
    }

    [Fact]
    public void A_section_twice_fails()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => SecurityTemplateInf.Parse("[A]\nx=1\n[B]\n[a]\n"));

        Assert.Equal(4, ex.LineNumber);
    }

    [Fact]
    public void An_unclosed_section_header_fails()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => SecurityTemplateInf.Parse("[System Access\n"));

        Assert.Equal(1, ex.LineNumber);
    }

    [Fact]
    public void A_number_that_is_not_a_number_fails_with_its_line()
    {
        var inf = SecurityTemplateInf.Parse("[System Access]\n\nMaximumPasswordAge = forty\n");

        var ex = Assert.Throws<CaptureFormatException>(() => inf.GetInteger("System Access", "MaximumPasswordAge"));
        Assert.Equal(3, ex.LineNumber);
    }

    [Fact]
    public void Utf16_cut_in_half_a_character_fails()
    {
        var bytes = new byte[] { 0xFF, 0xFE, 0x5B, 0x00, 0x41 };

        Assert.Throws<CaptureFormatException>(() => SecurityTemplateInf.Parse(bytes));
    }

    [Fact]
    public void Text_without_any_section_is_not_a_template()
    {
        Assert.Throws<CaptureFormatException>(() => SecurityTemplateInf.Parse("; only a comment\n"));
    }
}
