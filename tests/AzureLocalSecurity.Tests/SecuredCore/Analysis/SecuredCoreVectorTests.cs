using System.IO;
using System.Linq;
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
        var built = SecuredCoreBundles.CompliantAzureLocalNode();
        var read = EvidenceBundleReader.Read(Vector);

        Assert.Equal(built.Items.Select(i => i.Id), read.Items.Select(i => i.Id));
        foreach (var item in built.Items)
        {
            var other = read.Find(item.Id)!;
            Assert.Equal(item.Kind, other.Kind);
            Assert.Equal(item.Source, other.Source);
            Assert.Equal(item.GetData(), other.GetData());
            Assert.Equal(item.Records?.SelectMany(r => r.Properties), other.Records?.SelectMany(r => r.Properties));
            Assert.Equal(item.Registry?.Values.Select(v => (v.Name, v.Value)), other.Registry?.Values.Select(v => (v.Name, v.Value)));
        }

        Assert.True(SecuredCoreAnalyzer.Evaluate(read).IsSecuredCore);
    }
}
