using System.IO;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Catalog;

public sealed class ShippedBaselinesTests
{
    [Theory]
    [InlineData("2310", BaselineProfile.DomainJoined, 318, BaselineCatalogFormat.Legacy)]
    [InlineData("2402", BaselineProfile.DomainJoined, 320, BaselineCatalogFormat.Legacy)]
    [InlineData("2405", BaselineProfile.AdLess, 315, BaselineCatalogFormat.Legacy)]
    [InlineData("2408", BaselineProfile.DomainJoined, 315, BaselineCatalogFormat.Legacy)]
    [InlineData("2411", BaselineProfile.DomainJoined, 315, BaselineCatalogFormat.Legacy)]
    [InlineData("2506", BaselineProfile.DomainJoined, 402, BaselineCatalogFormat.AzureLocal)]
    [InlineData("2506", BaselineProfile.AdLess, 377, BaselineCatalogFormat.AzureLocal)]
    [InlineData("2604", BaselineProfile.DomainJoined, 402, BaselineCatalogFormat.AzureLocal)]
    [InlineData("2604", BaselineProfile.AdLess, 378, BaselineCatalogFormat.AzureLocal)]
    [InlineData("2610", BaselineProfile.DomainJoined, 429, BaselineCatalogFormat.AzureLocal)]
    [InlineData("2610", BaselineProfile.AdLess, 396, BaselineCatalogFormat.AzureLocal)]
    public void Every_shipped_release_loads_every_row(string release, BaselineProfile profile, int rows, BaselineCatalogFormat format)
    {
        var catalog = ShippedBaselines.Get(release, profile);

        Assert.Equal(rows, catalog.Rules.Count);
        Assert.Equal(format, catalog.Format);
        Assert.Equal(release, catalog.Release);
        Assert.All(catalog.Rules, r => Assert.Equal(release, r.Release));
    }

    [Fact]
    public void The_latest_release_is_2610_with_its_reference_columns()
    {
        var catalog = ShippedBaselines.Get(null, BaselineProfile.DomainJoined);

        Assert.Equal("2610", catalog.Release);
        Assert.Equal(BaselineProfile.DomainJoined, catalog.Profile);
        var rule = catalog.Find("AllowDatagramProcessingOnWinServer")!;
        Assert.Equal("WNDF-AV-000012", rule.StigId);
        Assert.Equal("SI-3", rule.Nist80053);
        Assert.Null(rule.CisRuleId);
        Assert.Equal(@"HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender\NIS\Consumers\IPS", rule.RegistryKey);
        Assert.Equal("REG_DWORD", rule.RegistryValueType);
        Assert.Equal("Important", rule.Severity);
        Assert.Equal("Equals(0)", rule.Expression!.ToString());
        Assert.StartsWith("Controls datagram processing", rule.Description, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_expected_value_of_2610_and_2604_domain_joined_parses()
    {
        foreach (var (release, profile) in new[] { ("2610", BaselineProfile.DomainJoined), ("2610", BaselineProfile.AdLess), ("2604", BaselineProfile.DomainJoined) })
        {
            var invalid = ShippedBaselines.Get(release, profile).Rules.Where(r => r.Expression is null).Select(r => r.Name + ": " + r.ExpressionError);
            Assert.Empty(invalid);
        }
    }

    [Fact]
    public void The_2604_ad_less_rows_Microsoft_left_empty_are_exactly_the_two_errors()
    {
        var invalid = ShippedBaselines.Get("2604", BaselineProfile.AdLess).Rules.Where(r => r.Expression is null).Select(r => r.Name).ToArray();

        Assert.Equal(["NetBTNodeTypeConfiguration", "ServerSPNTargetNameValidationLevel"], invalid);
    }

    [Fact]
    public void The_2506_row_without_an_expected_value_is_kept_as_an_error_not_dropped()
    {
        var rule = ShippedBaselines.Get("2506", BaselineProfile.DomainJoined).Find("EnabledNTPClient")!;

        Assert.Null(rule.Expression);
        Assert.Contains("empty", rule.ExpressionError, System.StringComparison.Ordinal);
        Assert.Equal(1, ShippedBaselines.Get("2506", BaselineProfile.DomainJoined).InvalidRuleCount);
    }

    [Fact]
    public void Legacy_literals_become_expressions_a_user_right_lists_exactly_its_holders()
    {
        var catalog = ShippedBaselines.Get("2411", BaselineProfile.DomainJoined);

        Assert.Equal(0, catalog.InvalidRuleCount);
        Assert.Null(catalog.Profile);
        Assert.Equal("ContainsExactly('*S-1-5-11', '*S-1-5-32-544')", catalog.Find("Access this computer from the network")!.Expression!.ToString());
        Assert.Equal("Equals('')", catalog.Find("Act as part of the operating system")!.Expression!.ToString());
        Assert.Equal("Equals(3)", catalog.Find("Audit Account Lockout")!.Expression!.ToString());
        Assert.Equal("AccountLockoutPolicy", catalog.Find("Account lockout policy")!.LegacyLocation);
    }

    [Fact]
    public void The_2310_excel_number_kept_as_the_string_it_is_typed_and_the_duplicate_uac_row_load()
    {
        var catalog = ShippedBaselines.Get("2310", BaselineProfile.DomainJoined);

        Assert.Contains(catalog.Rules, r => r.Expression!.ToString() == "Equals('1E+12')" && r.RegistryValueType == "REG_SZ");
        Assert.Equal(2, catalog.Rules.Count(r => r.Name.StartsWith("User Account Control: Behavior of the elevation prompt for administrators in Admin Approval Mode", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unknown_release_names_the_shipped_ones()
    {
        var ex = Assert.Throws<System.ArgumentException>(() => ShippedBaselines.Get("2105", BaselineProfile.DomainJoined));

        Assert.Contains("2610", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_bytes_are_the_published_files()
    {
        var onDisk = File.ReadAllBytes(Path.Combine(Repo.Root, "src", "AzureLocalSecurity.Core", "Baseline", "Catalogs", "AzureLocal_SecurityBaseline_2610Adless.csv"));

        Assert.Equal(onDisk, ShippedBaselines.ReadBytes("AzureLocal_SecurityBaseline_2610Adless.csv"));
    }
}
