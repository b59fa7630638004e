using System.Linq;
using AzureLocalSecurity.Evidence;
using Xunit;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>Bundle comparisons shared by the tests that keep a recorded vector on disk equal to its builder.</summary>
internal static class BundleAssert
{
    /// <summary>Same item ids in the same order, and per item the same kind, source, data, records and registry values.</summary>
    internal static void SameItems(EvidenceBundle expected, EvidenceBundle actual)
    {
        Assert.Equal(expected.Items.Select(i => i.Id), actual.Items.Select(i => i.Id));
        foreach (var item in expected.Items)
        {
            var other = actual.Find(item.Id)!;
            Assert.Equal(item.Kind, other.Kind);
            Assert.Equal(item.Source, other.Source);
            Assert.Equal(item.GetData(), other.GetData());
            Assert.Equal(item.Records?.SelectMany(r => r.Properties), other.Records?.SelectMany(r => r.Properties));
            Assert.Equal(item.Registry?.Values.Select(v => (v.Name, v.Value)), other.Registry?.Values.Select(v => (v.Name, v.Value)));
        }
    }
}
