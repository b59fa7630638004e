using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.AppControl.Changes.AppControlChangeFixtures;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

/// <summary>The list views of module/AzureLocalSecurity.Format.ps1xml applied by hand: each item's property or script block run on the object.</summary>
public sealed class AppControlChangeViewTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private Dictionary<string, string> Render(object value)
    {
        var view = XDocument.Load(Path.Combine(Repo.Root, "module", "AzureLocalSecurity.Format.ps1xml")).Descendants("View")
            .Single(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == value.GetType().FullName);
        var rows = new Dictionary<string, string>();
        foreach (var item in view.Descendants("ListItem"))
        {
            var label = (string?)item.Element("Label") ?? item.Element("PropertyName")!.Value;
            var script = item.Element("ScriptBlock") is { } block ? $"$v | ForEach-Object {{ {block.Value} }}" : $"$v.{item.Element("PropertyName")!.Value}";
            var (output, errors) = module.Run(script, new Dictionary<string, object?> { ["v"] = value });
            Assert.Empty(errors);
            rows[label] = string.Concat(output.Select(o => o?.ToString()));
        }

        return rows;
    }

    [Fact]
    public void The_plan_view_shows_the_policy_the_mode_change_the_steps_and_the_undo()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit);

        var rows = Render(plan);

        Assert.Equal("AS_Base_Policy {a6368f66-e2c9-4aa2-ab79-8743f6597683}", rows["Policy"]);
        Assert.Equal("Enforced -> Audit", rows["Mode"]);
        Assert.StartsWith("SaveRollbackCopy '", rows["Steps"], StringComparison.Ordinal);
        Assert.Equal(plan.UndoCommand, rows["UndoCommand"]);
    }

    [Fact]
    public void The_plan_view_lists_the_files_enforcing_would_block()
    {
        var rows = Render(SetMode(AppControlBundles.AzureLocalAudit(), AppControlMode.Enforced));

        Assert.Equal(@"\Users\admin\Downloads\netscan.exe ((unsigned), 2x)", rows["WouldBeBlocked"]);
        Assert.Equal("WouldBlock", rows["Refusal"]);
    }

    [Fact]
    public void The_result_view_of_an_empty_plan_says_nothing_had_to_change()
    {
        var rows = Render(new AppControlChangeResult(SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Enforced), []));

        Assert.Equal("nothing to change", rows["Outcomes"]);
        Assert.Equal("True", rows["Succeeded"]);
    }
}
