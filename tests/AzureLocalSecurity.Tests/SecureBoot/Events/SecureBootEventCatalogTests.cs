using System;
using System.Linq;
using AzureLocalSecurity.SecureBoot.Events;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Events;

/// <summary>
/// The TPM-WMI Secure Boot servicing events the module knows: the meanings confirmed from KB5016061 and KB5083344, and
/// the ids of the same family it lists by number only, without guessing what they say.
/// </summary>
public sealed class SecureBootEventCatalogTests
{
    [Theory]
    [InlineData(1032, SecureBootEventOutcome.Failure)]
    [InlineData(1034, SecureBootEventOutcome.Success)]
    [InlineData(1795, SecureBootEventOutcome.Failure)]
    [InlineData(1796, SecureBootEventOutcome.Failure)]
    [InlineData(1797, SecureBootEventOutcome.Failure)]
    [InlineData(1801, SecureBootEventOutcome.Warning)]
    [InlineData(1802, SecureBootEventOutcome.Warning)]
    [InlineData(1803, SecureBootEventOutcome.Warning)]
    [InlineData(1808, SecureBootEventOutcome.Success)]
    public void A_documented_event_has_its_outcome(int id, SecureBootEventOutcome outcome)
    {
        var info = SecureBootEventCatalog.Find(id)!;
        Assert.Equal(id, info.Id);
        Assert.Equal(outcome, info.Outcome);
        Assert.DoesNotContain("Secure Boot servicing event", info.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1033)]
    [InlineData(1035)]
    [InlineData(1036)]
    [InlineData(1037)]
    [InlineData(1042)]
    [InlineData(1043)]
    [InlineData(1044)]
    [InlineData(1045)]
    [InlineData(1798)]
    [InlineData(1799)]
    [InlineData(1800)]
    public void An_event_whose_meaning_was_not_confirmed_is_named_by_its_number_without_an_outcome(int id)
    {
        var info = SecureBootEventCatalog.Find(id)!;
        Assert.Null(info.Outcome);
        Assert.Null(info.Remedy);
        Assert.Equal($"Secure Boot servicing event {id} (KB5016061)", info.Description);
    }

    [Fact]
    public void The_bitlocker_event_1032_says_to_suspend_bitlocker_for_two_restarts()
    {
        var remedy = SecureBootEventCatalog.Find(1032)!.Remedy!;
        Assert.Contains("manage-bde -protectors -disable %systemdrive% -rebootcount 2", remedy, StringComparison.Ordinal);
        Assert.Contains("manage-bde -protectors -enable %systemdrive%", remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_known_issue_and_oem_kek_events_point_to_kb5083344()
    {
        Assert.Equal("KB5083344", SecureBootEventCatalog.Find(1802)!.Reference);
        Assert.Equal("KB5083344", SecureBootEventCatalog.Find(1803)!.Reference);
        Assert.Contains("SkipReason", SecureBootEventCatalog.Find(1802)!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1025)]
    [InlineData(1804)]
    [InlineData(3077)]
    [InlineData(0)]
    public void An_id_outside_the_family_is_not_found(int id)
    {
        Assert.Null(SecureBootEventCatalog.Find(id));
    }

    [Fact]
    public void The_catalog_holds_the_twenty_ids_of_the_family_in_order()
    {
        int[] expected = [1032, 1033, 1034, 1035, 1036, 1037, 1042, 1043, 1044, 1045, 1795, 1796, 1797, 1798, 1799, 1800, 1801, 1802, 1803, 1808];
        Assert.Equal(expected, SecureBootEventCatalog.All.Select(e => e.Id));
        Assert.All(SecureBootEventCatalog.All, e => Assert.Same(e, SecureBootEventCatalog.Find(e.Id)));
    }

    [Fact]
    public void The_provider_is_named_in_full_with_its_guid()
    {
        Assert.Equal("Microsoft-Windows-TPM-WMI", SecureBootEventCatalog.ProviderName);
        Assert.Equal("7d5387b0-cbe0-11da-a94d-0800200c9a66", SecureBootEventCatalog.ProviderGuid.ToString("D"));
    }
}
