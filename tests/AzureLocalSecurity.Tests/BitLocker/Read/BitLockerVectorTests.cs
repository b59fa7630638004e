using System.IO;
using System.Linq;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Read;

/// <summary>The recorded bundle on disk (read by the benchmark) is the builder's Azure Local node, item by item.</summary>
public sealed class BitLockerVectorTests
{
    private static string Vector => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "bitlocker", "azure-local-node.zip");

    [Fact]
    public void The_vector_bundle_holds_exactly_what_the_builder_records()
    {
        var read = EvidenceBundleReader.Read(Vector);

        BundleAssert.SameItems(BitLockerBundles.AzureLocalNode(), read);
        var volumes = BitLockerAnalyzer.Read(read, out _);
        Assert.Equal(3, volumes.Count);
        Assert.Equal(2, volumes.Count(v => v.IsClusterSharedVolume));
    }
}
