using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Features;

public sealed class WindowsSecurityFeatureCollectorTests
{
    [Fact]
    public void Off_Windows_the_cluster_fact_is_NotSupported_and_on_Windows_it_is_filed_under_its_id()
    {
        var item = Assert.Single(new WindowsSecurityFeatureCollector().Collect(new CollectionContext()));

        Assert.Equal(FailoverClusterEvidenceIds.Cluster, item.Id);
        Assert.Equal(EvidenceKind.Properties, item.Kind);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(EvidenceErrorCategory.NotSupported, item.Error!.Category);
        }
    }

    [Theory]
    [InlineData(3, EvidenceErrorCategory.NotFound)]
    [InlineData(5, EvidenceErrorCategory.NotFound)]
    [InlineData(2, EvidenceErrorCategory.AccessDenied)]
    [InlineData(1, EvidenceErrorCategory.Failed)]
    public void A_CIM_failure_is_filed_by_its_MI_RESULT(int miResult, EvidenceErrorCategory category)
    {
        var error = WindowsSecurityFeatureCollector.Failure(miResult, "Name", "text");

        Assert.Equal(category, error.Category);
        Assert.Equal(miResult, error.Code);
    }

    [Fact]
    public void A_missing_namespace_says_the_Failover_Clustering_feature_is_not_installed()
    {
        var error = WindowsSecurityFeatureCollector.Failure(3, "InvalidNamespace", "Invalid namespace");

        Assert.Contains("the Failover Clustering feature is not installed", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidNamespace (MI_RESULT 3): Invalid namespace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_record_keeps_the_uint32_levels_as_UInt64_and_leaves_out_what_the_build_lacks()
    {
        var properties = new Dictionary<string, object?> { ["Name"] = "HCI-CL01", ["SecurityLevel"] = 1u };

        var record = WindowsSecurityFeatureCollector.ToRecord(n => properties.TryGetValue(n, out var v) ? (true, v) : (false, null));

        Assert.Equal(["Name", "SecurityLevel"], record.Properties.Select(p => p.Key));
        Assert.Equal(EvidenceValue.FromUInt64(1), record.Get("SecurityLevel"));
        Assert.Equal(EvidenceValue.FromString("HCI-CL01"), record.Get("Name"));
    }
}
