using System;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Facts;

public class WindowsBaselineCollectorTests
{
    private static readonly CollectionContext Context = new("/", () => Bundles.Time);

    [Fact]
    public void A_whole_catalog_yields_one_item_per_registry_key_and_per_requested_area()
    {
        var facts = BaselineFactMap.RequiredFacts(CatalogRows.From("2610domjoin"));
        var keys = facts.Where(f => f.Source == FactSource.Registry).Select(f => f.Path).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var items = new WindowsBaselineCollector(facts).Collect(Context).ToList();

        var expectedIds = keys.Select(EvidenceIds.Registry).Concat(
        [
            BaselineEvidenceIds.UserRights,
            BaselineEvidenceIds.UserModals0,
            BaselineEvidenceIds.UserModals3,
            BaselineEvidenceIds.AuditSystemPolicy,
            BaselineEvidenceIds.BuiltinAccounts,
            BaselineEvidenceIds.CodeIntegrity,
            BaselineEvidenceIds.IsolatedUserMode,
            BaselineEvidenceIds.DmaGuard,
            BaselineEvidenceIds.TpmDeviceInfo,
        ]);
        Assert.Equal(expectedIds.OrderBy(i => i, StringComparer.Ordinal), items.Select(i => i.Id).OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Off_Windows_every_requested_area_is_a_not_supported_item()
    {
        var facts = BaselineFactMap.RequiredFacts(CatalogRows.From("2610domjoin"));

        var items = new WindowsBaselineCollector(facts).Collect(Context).ToList();

        if (OperatingSystem.IsWindows())
        {
            Assert.All(items, i => Assert.NotEqual(EvidenceErrorCategory.NotSupported, i.Error?.Category));
        }
        else
        {
            Assert.All(items, i => Assert.Equal(EvidenceErrorCategory.NotSupported, i.Error!.Category));
        }
    }

    [Fact]
    public void Only_the_areas_of_the_requested_sources_are_collected()
    {
        var items = new WindowsBaselineCollector([new FactRef(FactSource.UserRight, string.Empty, "SeTcbPrivilege")]).Collect(Context).ToList();

        Assert.Equal([BaselineEvidenceIds.UserRights], items.Select(i => i.Id));
    }

    [Fact]
    public void Registry_keys_that_differ_only_in_case_are_collected_once()
    {
        var facts = new[]
        {
            FactRef.Registry(@"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon", "AutoAdminLogon"),
            FactRef.Registry(@"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\WinLogon", "CachedLogonsCount"),
        };

        var items = new WindowsBaselineCollector(facts).Collect(Context).ToList();

        Assert.Single(items);
    }

    [Fact]
    public void A_Secured_core_status_brings_the_kernel_TBS_and_Device_Guard_sources()
    {
        var items = new WindowsBaselineCollector([new FactRef(FactSource.SecuredCoreStatus, string.Empty, BaselineFactNames.VbsStatus)]).Collect(Context).Select(i => i.Id).ToList();

        Assert.Contains(BaselineEvidenceIds.IsolatedUserMode, items);
        Assert.Contains(BaselineEvidenceIds.TpmDeviceInfo, items);
        Assert.Contains(EvidenceIds.Registry(BaselineFactMap.DeviceGuardKey), items);
        Assert.Contains(EvidenceIds.Registry(BaselineFactMap.SecureBootStateKey), items);
    }

    [Fact]
    public void A_capture_made_off_Windows_reads_back_as_unknown_for_every_fact()
    {
        var rules = CatalogRows.From("2610domjoin").ToList();
        var facts = BaselineFactMap.RequiredFacts(rules);
        var bundle = EvidenceCapture.Capture(new NodeIdentity("n", NodePlatform.Linux, "Linux", "X64"), "0.1.0", [new WindowsBaselineCollector(facts)], Context);
        var reader = new BaselineFactReader(bundle, rules);

        var readings = facts.Select(reader.Read).ToList();

        if (OperatingSystem.IsWindows())
        {
            Assert.DoesNotContain(readings, r => r.UnknownReason?.Contains("only on Windows", StringComparison.Ordinal) == true);
        }
        else
        {
            Assert.All(readings, r => Assert.Null(r.Value));
            Assert.Contains(readings, r => r.UnknownReason!.Contains("only on Windows", StringComparison.Ordinal));
        }
    }
}
