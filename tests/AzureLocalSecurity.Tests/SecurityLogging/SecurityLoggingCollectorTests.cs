using System.Linq;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecurityLogging;

public sealed class SecurityLoggingCollectorTests
{
    [Fact]
    public void Off_windows_every_id_is_filed_not_supported_and_survives_a_bundle_round_trip()
    {
        Assert.False(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "This test describes the collector off Windows.");
        var collector = Assert.Single(SecurityLoggingCollectors.ForThisMachine());
        var items = collector.Collect(new CollectionContext()).ToList();

        var expected = SecurityLoggingEvidenceIds.RegistryKeys.Select(EvidenceIds.Registry)
            .Concat(SecurityLoggingEvidenceIds.Channels.Select(SecurityLoggingEvidenceIds.ChannelInfo))
            .Concat([SecurityLoggingEvidenceIds.SyslogForwarder, SecurityLoggingEvidenceIds.SyslogForwarderRun]);
        Assert.Equal(expected, items.Select(i => i.Id));
        Assert.All(items, i => Assert.Equal(EvidenceErrorCategory.NotSupported, i.Error!.Category));

        using var dir = new TempDir();
        var bundle = SecurityLoggingBundles.Add(Bundles.Windows(), items);
        var path = dir.Combine("node.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        var read = EvidenceBundleReader.Read(path);
        Assert.Equal(items.Select(i => i.Id), read.Items.Skip(bundle.Items.Count - items.Count).Select(i => i.Id));
    }

    [Fact]
    public void The_in_box_capture_reads_the_security_logging_keys()
    {
        var keys = (string[])AzureLocalSecurity.Collection.Remote.CaptureScript.Parameters([], null, 10)["RegistryKeys"];
        Assert.All(SecurityLoggingEvidenceIds.RegistryKeys, k => Assert.Contains(k, keys));
    }

    [Fact]
    public void Recorded_bundles_round_trip_with_their_verdicts()
    {
        using var dir = new TempDir();
        var path = dir.Combine("weak.zip");
        EvidenceBundleWriter.Write(SecurityLoggingBundles.Weak(), path, overwrite: false);

        var before = AzureLocalSecurity.SecurityLogging.SecurityLoggingChecks.Evaluate(SecurityLoggingBundles.Weak());
        var after = AzureLocalSecurity.SecurityLogging.SecurityLoggingChecks.Evaluate(EvidenceBundleReader.Read(path));
        Assert.Equal(before.Select(r => (r.Id, r.Status, r.Actual)), after.Select(r => (r.Id, r.Status, r.Actual)));
    }
}
