using System;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Evidence.Import;
using Xunit;

namespace AzureLocalSecurity.Tests.Capture;

public sealed class AuditPolicyCsvTests
{
    private const string Header = "Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion Setting,Setting Value";

    [Fact]
    public void The_real_auditpol_backup_has_59_subcategories_all_success_and_failure()
    {
        var csv = AuditPolicyCsv.Parse(CaptureVectors.Bytes(CaptureVectors.AuditpolBackup));

        var subcategories = csv.Subcategories.ToList();
        Assert.Equal(59, subcategories.Count);
        Assert.All(subcategories, s => Assert.Equal(3u, s.AuditingInformation));
        Assert.Equal("DESKTOPTEMPLATE", subcategories[0].MachineName);
        Assert.Equal(new Guid("0CCE9213-69AE-11D9-BED3-505054503030"), subcategories[0].SubcategoryGuid);
        Assert.Equal(2, subcategories[0].LineNumber);
    }

    [Fact]
    public void Option_and_global_sacl_rows_of_the_backup_have_no_guid_and_no_auditing_information()
    {
        var csv = AuditPolicyCsv.Parse(CaptureVectors.Bytes(CaptureVectors.AuditpolBackup));

        var option = csv.Entries.Single(e => e.Subcategory == "Option:AuditBaseObjects");
        Assert.Null(option.SubcategoryGuid);
        Assert.Null(option.AuditingInformation);
        Assert.Equal("0", option.SettingValue);
        Assert.Contains(csv.Entries, e => e.Subcategory == "RegistryGlobalSacl");
    }

    [Fact]
    public void The_gpo_audit_csv_reads_with_lower_case_guids_and_no_machine_name()
    {
        var csv = AuditPolicyCsv.Parse(CaptureVectors.Bytes(CaptureVectors.GpoAuditCsv));

        var credential = csv.Find(new Guid("0cce923f-69ae-11d9-bed3-505054503030"));
        Assert.NotNull(credential);
        Assert.Equal(string.Empty, credential!.MachineName);
        Assert.Equal(3u, credential.AuditingInformation);
        Assert.Equal(21, csv.Entries.Count);
    }

    [Fact]
    public void Utf16_with_bom_and_lf_line_ends_read_the_same_as_the_utf8_crlf_original()
    {
        var original = CaptureVectors.Bytes(CaptureVectors.AuditpolBackup);
        var text = Encoding.UTF8.GetString(original).Replace("\r\n", "\n");
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var expected = AuditPolicyCsv.Parse(original).Subcategories.Select(s => (s.SubcategoryGuid, s.AuditingInformation));
        Assert.Equal(expected, AuditPolicyCsv.Parse(utf16).Subcategories.Select(s => (s.SubcategoryGuid, s.AuditingInformation)));
    }

    [Fact]
    public void Utf16_without_bom_is_recognized()
    {
        var bytes = Encoding.Unicode.GetBytes(Header + "\r\nN,System,Logon,{0CCE9215-69AE-11D9-BED3-505054503030},Success,,1\r\n");

        Assert.Equal(1u, AuditPolicyCsv.Parse(bytes).Subcategories.Single().AuditingInformation);
    }

    [Theory]
    [InlineData("0", 0u)]
    [InlineData("1", 1u)]
    [InlineData("2", 2u)]
    [InlineData("3", 3u)]
    public void Setting_value_maps_to_the_same_auditing_information_bits(string value, uint bits)
    {
        var csv = AuditPolicyCsv.Parse($"{Header}\nN,System,Logon,{{0CCE9215-69AE-11D9-BED3-505054503030}},x,,{value}\n");

        Assert.Equal(bits, csv.Subcategories.Single().AuditingInformation);
    }

    [Fact]
    public void A_localized_inclusion_setting_does_not_matter_only_the_number()
    {
        var csv = AuditPolicyCsv.Parse($"{Header}\nN,System,Anmelden,{{0CCE9215-69AE-11D9-BED3-505054503030}},Erfolg und Fehler,,3\n");

        Assert.Equal(3u, csv.Subcategories.Single().AuditingInformation);
    }

    [Fact]
    public void A_quoted_field_with_a_comma_is_one_field()
    {
        var csv = AuditPolicyCsv.Parse($"{Header}\nN,System,\"Logon, special\",{{0CCE9215-69AE-11D9-BED3-505054503030}},x,,1\n");

        Assert.Equal("Logon, special", csv.Entries.Single().Subcategory);
    }

    [Fact]
    public void A_bad_guid_fails_with_its_line_number()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => AuditPolicyCsv.Parse($"{Header}\nN,System,Logon,{{0CCE9215-69AE-11D9-BED3-505054503030}},x,,1\nN,System,Logoff,{{not-a-guid}},x,,1\n"));

        Assert.Equal(3, ex.LineNumber);
        Assert.Contains("not-a-guid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_six_columns_fails_with_its_line_number()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => AuditPolicyCsv.Parse($"{Header}\r\nN,System,Logon,{{0CCE9215-69AE-11D9-BED3-505054503030}},x,1\r\n"));

        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("6 columns", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_value_outside_0_to_3_fails()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => AuditPolicyCsv.Parse($"{Header}\nN,System,Logon,{{0CCE9215-69AE-11D9-BED3-505054503030}},x,,7\n"));

        Assert.Equal(2, ex.LineNumber);
    }

    [Fact]
    public void A_subcategory_twice_fails_naming_the_first_line()
    {
        var row = "N,System,Logon,{0CCE9215-69AE-11D9-BED3-505054503030},x,,1";
        var ex = Assert.Throws<CaptureFormatException>(() => AuditPolicyCsv.Parse($"{Header}\n{row}\n{row}\n"));

        Assert.Equal(3, ex.LineNumber);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_fails()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => AuditPolicyCsv.Parse($"{Header}\nN,System,\"Logon,{{0CCE9215-69AE-11D9-BED3-505054503030}},x,,1\n"));

        Assert.Equal(2, ex.LineNumber);
    }

    [Fact]
    public void An_empty_input_fails_for_want_of_a_header()
    {
        Assert.Throws<CaptureFormatException>(() => AuditPolicyCsv.Parse(Array.Empty<byte>()));
    }

    [Fact]
    public void Input_over_the_bound_fails_before_it_is_decoded()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => AuditPolicyCsv.Parse(new byte[AuditPolicyCsv.MaxBytes + 1]));

        Assert.Contains("at most", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_fails_with_its_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\n").Concat(new byte[] { 0x41, 0xC3, 0x28 }).ToArray();

        var ex = Assert.Throws<CaptureFormatException>(() => AuditPolicyCsv.Parse(bytes));
        Assert.Contains("byte", ex.Message, StringComparison.Ordinal);
    }
}
