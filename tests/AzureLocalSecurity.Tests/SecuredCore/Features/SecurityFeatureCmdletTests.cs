using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore.Features;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Features;

public sealed class SecurityFeatureCmdletTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private const string MemoryManagementKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management";
    private static readonly EvidenceBundle CompliantNode = FeatureBundles.Compliant();

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Write(TempDir dir, EvidenceBundle bundle)
    {
        var path = Path.Combine(dir.Path, "node.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return path;
    }

    private System.Collections.ObjectModel.Collection<PSObject> Invoke(string script)
    {
        var (output, errors) = module.Run(script);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.ToString())));
        return output;
    }

    [Fact]
    public void Get_ALSecurityFeature_reads_the_seven_features_of_a_capture_with_the_nodes_profile()
    {
        using var dir = new TempDir();
        var path = Write(dir, CompliantNode);

        var states = Invoke($"Get-ALSecurityFeature -EvidencePath {Quote(path)}").Select(o => (SecurityFeatureState)o.BaseObject).ToList();

        Assert.Equal(SecurityFeatureCatalog.Features, states.Select(s => s.Name));
        Assert.All(states, s => Assert.True(s.Configured, s.Name.ToString()));
        Assert.All(states.Where(s => s.Name != SecurityFeature.SMBClusterEncryption), s => Assert.Equal("2610 AdLess", s.Catalog));
    }

    [Fact]
    public void Get_ALSecurityFeature_Name_returns_only_the_features_asked_for()
    {
        var states = Invoke("Get-ALSecurityFeature -Name smbsigning, VBS -Evidence $bundle", CompliantNode);

        Assert.Equal([SecurityFeature.VBS, SecurityFeature.SMBSigning], states.Select(o => ((SecurityFeatureState)o.BaseObject).Name));
    }

    [Fact]
    public void The_feature_table_shows_an_unknown_as_a_question_mark_not_False()
    {
        var bundle = FeatureBundles.Without(CompliantNode, EvidenceIds.Registry(MemoryManagementKey));
        var columns = XDocument.Load(Path.Combine(Repo.Root, "module", "AzureLocalSecurity.Format.ps1xml")).Descendants("View")
            .Single(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == typeof(SecurityFeatureState).FullName)
            .Descendants("TableColumnItem")
            .ToList();

        // Each column as the table shows it: the property, or the view's script block run on the object the cmdlet wrote.
        var row = columns.Select(c => c.Element("PropertyName") is { } property
            ? string.Concat(Invoke($"(Get-ALSecurityFeature -Name SideChannelMitigation -Evidence $bundle).{property.Value}", bundle).Select(o => o.ToString()))
            : string.Concat(Invoke($"Get-ALSecurityFeature -Name SideChannelMitigation -Evidence $bundle | ForEach-Object {{ {c.Element("ScriptBlock")!.Value} }}", bundle).Select(o => o.ToString())))
            .ToList();

        Assert.Equal(["SideChannelMitigation", "?", "?", "?", "True", "Toggle Allowed"], row);
    }

    [Fact]
    public void Enable_ALSecurityFeature_WhatIf_on_a_capture_writes_the_plan_as_data()
    {
        var off = FeatureBundles.Set(FeatureBundles.With(CompliantNode, FeatureBundles.DriftControl(false)), (MemoryManagementKey, "FeatureSettingsOverride", FactValue.FromNumber(3), "REG_DWORD"));

        var plan = (SecurityFeaturePlan)Assert.Single(Invoke("Enable-ALSecurityFeature -Name SideChannelMitigation -Evidence $bundle -WhatIf", off)).BaseObject;

        var change = Assert.Single(plan.Changes);
        Assert.Equal((MemoryManagementKey, "FeatureSettingsOverride", 3L, 1426063432L), (change.Fact.Path, change.Fact.Name, change.Before.Number!.Value, change.After.Number!.Value));
        Assert.True(plan.RestartRequired);
        Assert.Null(plan.Refusal);
    }

    [Fact]
    public void Disable_ALSecurityFeature_under_drift_control_is_an_error_that_names_drift_control_and_still_shows_the_plan()
    {
        var error = InvokeExpectingError("Disable-ALSecurityFeature -Name SMBSigning -Evidence $bundle", CompliantNode, out var output);

        Assert.StartsWith("SecurityFeatureDriftControlled", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("within 90 minutes", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("SMBSigning", error.TargetObject);
        Assert.Equal(2, ((SecurityFeaturePlan)Assert.Single(output).BaseObject).Changes.Count);
    }

    [Fact]
    public void Disable_ALSecurityFeature_Force_overrides_drift_control_with_a_warning()
    {
        var output = Invoke("Disable-ALSecurityFeature -Name SMBSigning -Evidence $bundle -Force 3>&1", CompliantNode);

        Assert.Contains(output, o => o.BaseObject is WarningRecord w && w.Message.Contains("-Force: Azure Local's drift control is on", StringComparison.Ordinal));
        Assert.Equal(2, output.Select(o => o.BaseObject).OfType<SecurityFeaturePlan>().Single().Changes.Count);
    }

    [Fact]
    public void Disable_ALSecurityFeature_VBS_is_refused_as_blocked_even_with_Force()
    {
        var error = InvokeExpectingError("Disable-ALSecurityFeature -Name VBS -Evidence $bundle -Force", CompliantNode, out _);

        Assert.StartsWith("SecurityFeatureBlocked", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void Enable_ALSecurityFeature_SMBClusterEncryption_is_refused_naming_the_command_to_run()
    {
        var error = InvokeExpectingError("Enable-ALSecurityFeature -Name SMBClusterEncryption -Evidence $bundle", CompliantNode, out _);

        Assert.StartsWith("SecurityFeatureNotSwitchable", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Enable-AzsSecurity -FeatureName SMBClusterEncryption -Cluster", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_live_node_is_refused_off_Windows_as_Repair_ALSecurityBaseline_refuses_it()
    {
        var (output, errors) = RunCatching("Enable-ALSecurityFeature -Name HVCI -WhatIf");

        if (OperatingSystem.IsWindows())
        {
            Assert.DoesNotContain(errors, e => e.FullyQualifiedErrorId.StartsWith("BaselineRepairNeedsWindows", StringComparison.Ordinal));
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.StartsWith("BaselineRepairNeedsWindows", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("Enable-ALSecurityFeature changes a Windows node", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(output);
        }
    }

    private System.Collections.ObjectModel.Collection<PSObject> Invoke(string script, EvidenceBundle bundle)
    {
        var (output, errors) = module.Run(script, new System.Collections.Generic.Dictionary<string, object?> { ["bundle"] = bundle });
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.ToString())));
        return output;
    }

    private ErrorRecord InvokeExpectingError(string script, EvidenceBundle bundle, out System.Collections.ObjectModel.Collection<PSObject> output)
    {
        try
        {
            var (o, errors) = module.Run(script, new System.Collections.Generic.Dictionary<string, object?> { ["bundle"] = bundle });
            output = o;
            return Assert.Single(errors);
        }
        catch (RuntimeException ex)
        {
            output = [];
            return ex.ErrorRecord;
        }
    }

    private (System.Collections.ObjectModel.Collection<PSObject> Output, System.Collections.Generic.List<ErrorRecord> Errors) RunCatching(string script)
    {
        try
        {
            return module.Run(script);
        }
        catch (RuntimeException ex)
        {
            return ([], [ex.ErrorRecord]);
        }
    }
}
