using System.IO;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Analysis;

/// <summary>The recorded bundle on disk (read by the benchmark) is the builder's compliant node, item by item.</summary>
public sealed class SecuredCoreVectorTests
{
    private static string Vector => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "securedcore", "compliant-azure-local-node.zip");

    [Fact]
    public void The_vector_bundle_holds_exactly_what_the_builder_records()
    {
        var read = EvidenceBundleReader.Read(Vector);

        BundleAssert.SameItems(SecuredCoreBundles.CompliantAzureLocalNode(), read);
        Assert.True(SecuredCoreAnalyzer.Evaluate(read).IsSecuredCore);
    }
}
