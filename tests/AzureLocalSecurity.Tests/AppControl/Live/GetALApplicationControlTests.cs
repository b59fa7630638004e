using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Live;

public sealed class GetALApplicationControlTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Write(TempDir dir, EvidenceBundle bundle, string name = "node.zip")
    {
        var path = Path.Combine(dir.Path, name);
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    [Fact]
    public void A_captured_Azure_Local_node_gives_one_object_per_active_policy_with_the_node_mode()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Get-ALApplicationControl -EvidencePath {Write(dir, AppControlBundles.AzureLocalEnforced())}");

        Assert.Empty(errors);
        var policies = output.Select(o => (ActivePolicy)o.BaseObject).ToList();
        Assert.Equal(["Microsoft Windows Driver Policy", "AS_Base_Policy", "Contoso-Policy"], policies.Select(p => p.Name));
        Assert.All(policies, p => Assert.Equal(AppControlMode.Enforced, p.NodeMode));
        Assert.All(policies, p => Assert.Equal("NODE01", p.NodeName));
    }

    [Fact]
    public void Summary_writes_the_nodes_state_once()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Get-ALApplicationControl -EvidencePath {Write(dir, AppControlBundles.AzureLocalAudit())} -Summary");

        Assert.Empty(errors);
        var state = (ApplicationControlState)Assert.Single(output).BaseObject;
        Assert.Equal(AppControlMode.Audit, state.Mode);
        Assert.True(state.HasAzureLocalBasePolicy);
        Assert.Equal(3, state.Policies.Count);
    }

    [Fact]
    public void Policies_from_several_bundles_read_together_in_one_pipeline()
    {
        using var dir = new TempDir();
        _ = Write(dir, AppControlBundles.AzureLocalEnforced(), "a.zip");
        _ = Write(dir, AppControlBundles.WithoutCiTool(), "b.zip");

        var (output, errors) = module.Run($"@([pscustomobject]@{{ FullName = '{dir.Combine("a.zip")}' }}, [pscustomobject]@{{ FullName = '{dir.Combine("b.zip")}' }}) | Get-ALApplicationControl | Where-Object IsAzureLocalBase | ForEach-Object {{ $_.NodeName + ' ' + $_.Name + ' ' + $_.Mode }}");

        Assert.Empty(errors);
        Assert.Equal(["NODE01 AS_Base_Policy Enforced", "HCI22H2 MS_Base_Policy Enforced"], output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_Linux_bundle_is_an_AppControlFactsUnavailable_error_that_says_why()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Get-ALApplicationControl -EvidencePath {Write(dir, AppControlBundles.LinuxHost())}");

        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("AppControlFactsUnavailable,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("this node runs Linux", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("linux01", error.TargetObject);
    }

    [Fact]
    public void The_live_node_here_is_an_error_not_a_crash()
    {
        Assert.False(OperatingSystem.IsWindows(), "This test is about a node that is not Windows.");

        var (output, errors) = module.Run("Get-ALApplicationControl");

        Assert.Empty(output);
        Assert.StartsWith("AppControlFactsUnavailable,", Assert.Single(errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_of_this_node_answers_like_the_node()
    {
        using var dir = new TempDir();
        var path = dir.Combine("here.zip");
        var (_, exportErrors) = module.Run($"Export-ALSecurityEvidence -Path '{path}'");

        var (_, live) = module.Run("Get-ALApplicationControl");
        var (_, captured) = module.Run($"Get-ALApplicationControl -EvidencePath '{path}'");

        Assert.Empty(exportErrors);
        Assert.Equal(live.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message), captured.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message));
        Assert.NotEmpty(live);
    }

    [Fact]
    public void The_table_view_heads_each_node_with_its_mode()
    {
        var group = ViewRow.GroupLabel(module, typeof(ActivePolicy), "Get-ALApplicationControl -Evidence $bundle", AppControlBundles.AzureLocalEnforced());

        Assert.Equal("NODE01 (node mode: Enforced)", group);
    }

    [Theory]
    [InlineData("AS_Base_Policy", "AS_Base_Policy|Base|Enforced|1.1.4.0|False|Azure Local (base)|{a6368f66-e2c9-4aa2-ab79-8743f6597683}")]
    [InlineData("Contoso-Policy", "Contoso-Policy|Supplemental|Enforced|1.0.0.1|False||{2112036a-74e9-47dc-a016-f126297a3427}")]
    [InlineData("Microsoft Windows Driver Policy", "Microsoft Windows Driver Policy|Base|Enforced|10.0.25880.0|True|Microsoft|{d2bda982-ccf6-4344-ac5b-0b44427b6816}")]
    public void The_table_row_shows_type_mode_version_and_who_provides_the_policy(string name, string expected)
    {
        var row = ViewRow.Of(module, typeof(ActivePolicy), $"Get-ALApplicationControl -Evidence $bundle | Where-Object Name -eq '{name}'", AppControlBundles.AzureLocalEnforced());

        Assert.Equal(expected, row);
    }

    [Fact]
    public void A_policy_whose_facts_are_unknown_shows_question_marks_not_false()
    {
        var row = ViewRow.Of(module, typeof(ActivePolicy), "Get-ALApplicationControl -Evidence $bundle | Where-Object Name -eq 'Microsoft Windows Driver Policy'", AppControlBundles.AzureLocalAudit());

        Assert.Equal("Microsoft Windows Driver Policy|Base|Unknown|10.0.25880.0|?|Microsoft|{d2bda982-ccf6-4344-ac5b-0b44427b6816}", row);
    }

    [Fact]
    public void What_could_not_be_read_about_a_policy_is_written_as_verbose_messages()
    {
        using var dir = new TempDir();
        using var ps = module.RunWithStreams($"Get-ALApplicationControl -EvidencePath {Write(dir, AppControlBundles.AzureLocalAudit())} -Verbose", out var output);

        Assert.Equal(3, output.Count);
        Assert.Contains(ps.Streams.Verbose, v => v.Message.StartsWith("NODE01: Microsoft Windows Driver Policy: The policy's mode is not known", StringComparison.Ordinal));
    }
}
