using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.SecureBoot.Events;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Events;

/// <summary>
/// The XPath query the Windows collector gives EventLogReader, and its packaging. Reading the log needs Windows; building
/// the query is pure and is what runs here (no System.Diagnostics.EventLog type is touched).
/// </summary>
[SupportedOSPlatform("windows")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Interoperability", "CA1416", Justification = "Only the pure query builder runs; it calls no Windows API.")]
public sealed class WindowsSecureBootEventCollectorTests
{
    [Fact]
    public void The_query_names_the_full_provider_and_the_catalogs_ids_as_ranges()
    {
        Assert.Equal(
            "*[System[Provider[@Name='Microsoft-Windows-TPM-WMI'] and ((EventID >= 1032 and EventID <= 1037) or (EventID >= 1042 and EventID <= 1045) or (EventID >= 1795 and EventID <= 1803) or EventID=1808)]]",
            WindowsSecureBootEventCollector.Query(SecureBootEventCatalog.All.Select(e => e.Id)));
    }

    [Fact]
    public void Runs_shorter_than_three_ids_stay_single_ids()
    {
        Assert.Equal(
            "*[System[Provider[@Name='Microsoft-Windows-TPM-WMI'] and (EventID=1801 or EventID=1808 or EventID=1809)]]",
            WindowsSecureBootEventCollector.Query([1809, 1801, 1808, 1801]));
    }

    [Fact]
    public void The_module_ships_no_event_log_assembly_of_its_own()
    {
        foreach (var edition in new[] { "Core", "Desktop" })
        {
            var folder = Path.Combine(Repo.Root, "bin", edition);
            Assert.True(File.Exists(Path.Combine(folder, "AzureLocalSecurity.Core.dll")), $"{edition} build missing");
            Assert.Empty(Directory.GetFiles(folder, "System.Diagnostics.EventLog*", SearchOption.AllDirectories));
        }
    }
}
