using System.Linq;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.SecuredCore.Features;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Evidence;

/// <summary>One exported bundle answers the baseline and the security features as the live node does.</summary>
public sealed class ExportCompletenessTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    [Fact]
    public void An_export_answers_the_baseline_and_the_features_like_the_live_node()
    {
        using var dir = new TempDir();
        var path = dir.Combine("node.zip");
        var (_, exportErrors) = module.Run($"Export-ALSecurityEvidence -Path '{path}'");
        Assert.Empty(exportErrors);

        var (liveBaseline, _) = module.Run("Test-ALSecurityBaseline");
        var (bundleBaseline, baselineErrors) = module.Run($"Test-ALSecurityBaseline -EvidencePath '{path}'");
        var (liveFeatures, _) = module.Run("Get-ALSecurityFeature");
        var (bundleFeatures, featureErrors) = module.Run($"Get-ALSecurityFeature -EvidencePath '{path}'");

        Assert.Empty(baselineErrors);
        Assert.Empty(featureErrors);
        Assert.True(liveBaseline.Count > 300);
        Assert.Equal(
            liveBaseline.Select(o => (BaselineRuleResult)o.BaseObject).Select(r => r.RuleName + " " + r.Status + " " + r.Reason),
            bundleBaseline.Select(o => (BaselineRuleResult)o.BaseObject).Select(r => r.RuleName + " " + r.Status + " " + r.Reason));
        Assert.Equal(
            liveFeatures.Select(o => (SecurityFeatureState)o.BaseObject).Select(s => s.Name + " " + s.Configured + " " + s.Running + " " + string.Join("|", s.Unknowns)),
            bundleFeatures.Select(o => (SecurityFeatureState)o.BaseObject).Select(s => s.Name + " " + s.Configured + " " + s.Running + " " + string.Join("|", s.Unknowns)));
    }
}
