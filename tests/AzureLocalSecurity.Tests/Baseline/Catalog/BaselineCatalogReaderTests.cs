using System;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Catalog;

public sealed class BaselineCatalogReaderTests
{
    private const string Header = "Name,RuleId,Registry Key,Registry Value,Registry Value Type,Default Value,Expected Value,Severity,Applicability,Category";

    private static string Vector(string file) => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "baselines", file);

    private static BaselineCatalog Read(string csv, string name = "custom.csv") => BaselineCatalogReader.Read(Encoding.UTF8.GetBytes(csv), name);

    [Theory]
    [InlineData(BaselineProfile.DomainJoined, "Member Server")]
    [InlineData(BaselineProfile.AdLess, "Workgroup Member")]
    public void The_OSConfig_server_list_loads_the_role_columns_of_the_profile(BaselineProfile profile, string role)
    {
        var catalog = BaselineCatalogReader.ReadFile(Vector("OSConfig_SecurityBaseline_WindowsServer_2025-2510.csv"), profile);

        Assert.Equal(BaselineCatalogFormat.OSConfig, catalog.Format);
        Assert.Equal(profile, catalog.Profile);
        Assert.Equal("2510", catalog.Release);
        Assert.Equal(0, catalog.InvalidRuleCount);
        // Rows with no expectation for the role are not part of that role's list.
        Assert.Equal(profile == BaselineProfile.AdLess, catalog.Find("EnabledNTPClient") is not null);
        Assert.Equal(profile == BaselineProfile.DomainJoined, catalog.Find("WindowsLogonEnumerateLocalUsersOnDomainJoinedComputers") is not null);
        Assert.NotNull(role);
    }

    [Fact]
    public void The_OSConfig_defender_list_loads()
    {
        var catalog = BaselineCatalogReader.ReadFile(Vector("OSConfig_Defender_Antivirus-2510.csv"));

        Assert.Equal(48, catalog.Rules.Count);
        Assert.Equal(0, catalog.InvalidRuleCount);
        Assert.Null(catalog.Profile);
        Assert.Equal("Domain Controller, Member Server, Workgroup Member", catalog.Rules[0].Applicability);
    }

    [Fact]
    public void The_OSConfig_secured_core_list_without_an_expected_column_expects_its_default()
    {
        var catalog = BaselineCatalogReader.ReadFile(Vector("OSConfig_SecuredCore.csv"));

        Assert.Equal(3, catalog.Rules.Count);
        var rule = catalog.Find("ConfigureSystemGuardLaunch")!;
        Assert.Equal("Equals(1)", rule.Expression!.ToString());
        Assert.Equal("Config/DeviceGuard/ConfigureSystemGuardLaunch", rule.CspPath);
        Assert.Equal("Range(0, 2)", rule.AllowedValue);
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order()
    {
        var catalog = Read("Expected Value,Name,Severity\nEquals(1),A,Critical\n");

        Assert.Equal("Critical", catalog.Rules[0].Severity);
        Assert.Equal("Equals(1)", catalog.Rules[0].ExpectedValue);
    }

    [Fact]
    public void The_profile_of_a_renamed_file_comes_from_its_applicability()
    {
        var catalog = Read(Header + "\nA,,HKLM:\\X,V,REG_DWORD,1,Equals(1),Critical,Azure Local Workgroup Server (ADLess),Registry\n", "mine.csv");

        Assert.Equal(BaselineProfile.AdLess, catalog.Profile);
        Assert.Equal("mine", catalog.Release);
    }

    [Fact]
    public void An_unknown_operator_is_kept_as_an_invalid_rule_with_its_line_and_column()
    {
        var catalog = Read(Header + "\nA,,HKLM:\\X,V,REG_DWORD,1,Equals(1),Critical,,Registry\nB,,HKLM:\\X,W,REG_DWORD,1,\"Between(1, 2)\",Critical,,Registry\n");

        var rule = catalog.Find("B")!;
        Assert.Null(rule.Expression);
        Assert.Equal(3, rule.LineNumber);
        Assert.Contains("Unknown operator 'Between' at column 1", rule.ExpressionError, StringComparison.Ordinal);
        Assert.Equal(1, catalog.InvalidRuleCount);
    }

    [Theory]
    [InlineData("A,\"unclosed,1\n", 2, "not closed")]
    [InlineData("A,x\"y,1\n", 2, "double quote")]
    [InlineData("A,\"q\"x,1\n", 2, "followed by 'x'")]
    [InlineData("A,1\n", 2, "2 fields; the header has 3")]
    [InlineData("ok,1,2\nB,1,2,3\n", 3, "4 fields")]
    [InlineData("A,1,2\rB", 2, "carriage return")]
    public void Malformed_csv_fails_with_the_line(string body, int line, string problem)
    {
        var ex = Assert.Throws<BaselineCatalogException>(() => Read("Name,Expected Value,Severity\n" + body));

        Assert.Equal(line, ex.LineNumber);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("custom.csv, line " + line, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_later_lines_are_counted_right()
    {
        var catalog = Read("Name,Expected Value,Severity\nA,\"Equals(\n1)\",Critical\nB,Equals(2),Warning\n");

        Assert.Equal(2, catalog.Find("A")!.LineNumber);
        Assert.Equal(4, catalog.Find("B")!.LineNumber);
        Assert.Equal("Equals(1)", catalog.Find("A")!.Expression!.ToString());
    }

    [Theory]
    [InlineData("Severity,Category\nCritical,Registry\n", "no 'Name' column")]
    [InlineData("Name,Severity\nA,Critical\n", "no 'Expected Value' column")]
    [InlineData("", "empty")]
    public void Missing_columns_fail_on_the_header(string csv, string problem)
    {
        var ex = Assert.Throws<BaselineCatalogException>(() => Read(csv));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_role_list_without_the_chosen_roles_column_fails_instead_of_reading_empty()
    {
        var csv = "Name,Expected Value: Member Server\nA,Equals(1)\n";

        var ex = Assert.Throws<BaselineCatalogException>(() => BaselineCatalogReader.Read(Encoding.UTF8.GetBytes(csv), "osconfig.csv", BaselineProfile.AdLess));

        Assert.Contains("Workgroup Member", ex.Message, StringComparison.Ordinal);
        Assert.Single(BaselineCatalogReader.Read(Encoding.UTF8.GetBytes(csv), "osconfig.csv", BaselineProfile.DomainJoined).Rules);
    }

    [Fact]
    public void A_duplicate_rule_name_fails_with_its_line()
    {
        var ex = Assert.Throws<BaselineCatalogException>(() => Read("Name,Expected Value\nA,Equals(1)\na,Equals(2)\n"));

        Assert.Equal(3, ex.LineNumber);
    }

    [Fact]
    public void Invalid_utf8_fails_with_the_line_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("Name,Expected Value\nA,Equals(1)\nB,Equals('").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("')\n")).ToArray();

        var ex = Assert.Throws<BaselineCatalogException>(() => BaselineCatalogReader.Read(bytes, "bad.csv"));

        Assert.Equal(3, ex.LineNumber);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "huge.csv");
        using (var stream = File.Create(path))
        {
            stream.SetLength(CsvTable.MaxBytes + 1L);
        }

        var ex = Assert.Throws<BaselineCatalogException>(() => BaselineCatalogReader.ReadFile(path));

        Assert.Contains("at most", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_fields_in_a_row_fail()
    {
        var ex = Assert.Throws<BaselineCatalogException>(() => Read(string.Join(",", Enumerable.Range(0, CsvTable.MaxFields + 1).Select(i => "c" + i)) + "\n"));

        Assert.Equal(1, ex.LineNumber);
    }
}
