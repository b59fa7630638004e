using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Results;
using Xunit;

namespace AzureLocalSecurity.Tests.Posture;

public sealed class ComplianceReferenceTests
{
    [Fact]
    public void A_nist_cell_naming_several_controls_gives_one_reference_each_in_order()
    {
        var references = ComplianceReference.Parse(ComplianceFramework.Nist80053, "AC-6(9), AU-12, MA-3(5)");

        Assert.Equal(["NIST SP 800-53 AC-6(9)", "NIST SP 800-53 AU-12", "NIST SP 800-53 MA-3(5)"], references.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("NA")]
    [InlineData("N/A")]
    [InlineData("Not Mapped")]
    [InlineData("  ")]
    [InlineData(null)]
    public void A_cell_that_maps_nothing_gives_no_reference(string? cell)
    {
        Assert.Empty(ComplianceReference.FromCatalog(cell, cell, cell, cell));
    }

    [Fact]
    public void A_cis_recommendation_carries_its_cis_controls_safeguard_as_detail()
    {
        var references = ComplianceReference.FromCatalog("18.10.42.6.1.2", "10.1 (IG1)", "WNDF-AV-000001", "SI-3, SI-4");

        Assert.Equal(
            [(ComplianceFramework.Cis, "18.10.42.6.1.2", "10.1 (IG1)"), (ComplianceFramework.Stig, "WNDF-AV-000001", null), (ComplianceFramework.Nist80053, "SI-3", null), (ComplianceFramework.Nist80053, "SI-4", null)],
            references.Select(r => (r.Framework, r.Control, r.Detail)));
    }

    [Fact]
    public void Every_nist_control_of_the_2610_catalog_is_split_out_of_its_cell()
    {
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var expected = catalog.Rules.Sum(r => r.Nist80053 is null ? 0 : r.Nist80053.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().Count());

        Assert.True(expected > 400, $"the 2610 catalog maps {expected} NIST controls");
        Assert.Equal(expected, catalog.Rules.Sum(r => r.Controls.Count(c => c.Framework == ComplianceFramework.Nist80053)));
        Assert.DoesNotContain(catalog.Rules.SelectMany(r => r.Controls), c => c.Control.Contains(',', System.StringComparison.Ordinal) || c.Control == "NA");
    }

    [Fact]
    public void Catalogs_before_2610_map_no_control()
    {
        Assert.All(ShippedBaselines.Get("2506", BaselineProfile.DomainJoined).Rules, r => Assert.Empty(r.Controls));
    }

    [Fact]
    public void A_result_made_without_controls_has_none_and_maps_to_no_framework()
    {
        var result = new SecurityCheckResult("ALSEC-X-001", "t", "Platform", CheckStatus.Compliant, Severity.Low, null, null, null, null, null, null, "NODE01");

        Assert.Empty(result.Controls);
        Assert.False(result.IsMappedTo(ComplianceFramework.Cis));
    }

    [Fact]
    public void References_are_equal_by_framework_and_control_ignoring_case_and_detail()
    {
        Assert.Equal(new ComplianceReference(ComplianceFramework.Stig, "wn25-cc-000030"), new ComplianceReference(ComplianceFramework.Stig, "WN25-CC-000030", "x"));
        Assert.NotEqual(new ComplianceReference(ComplianceFramework.Stig, "AC-6"), new ComplianceReference(ComplianceFramework.Nist80053, "AC-6"));
    }
}
