using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.AppControl.Live;

/// <summary>
/// A table view of module/AzureLocalSecurity.Format.ps1xml applied by hand (the hosted engine here has no Out-String): each
/// column is the property, or the view's script block run on the object the command wrote, joined with '|'.
/// </summary>
internal static class ViewRow
{
    internal static string Of(ModuleSession module, Type type, string command, EvidenceBundle bundle)
    {
        var columns = View(type).Descendants("TableColumnItem").ToList();
        var variables = new Dictionary<string, object?> { ["bundle"] = bundle };
        return string.Join("|", columns.Select(c => string.Concat(module.Run(
            c.Element("PropertyName") is { } property ? $"({command}).{property.Value}" : $"{command} | ForEach-Object {{ {c.Element("ScriptBlock")!.Value} }}",
            variables).Output.Select(o => o?.ToString()))));
    }

    internal static string GroupLabel(ModuleSession module, Type type, string command, EvidenceBundle bundle)
    {
        var script = View(type).Element("GroupBy")!.Element("ScriptBlock")!.Value;
        var output = module.Run($"@({command})[0] | ForEach-Object {{ {script} }}", new Dictionary<string, object?> { ["bundle"] = bundle }).Output;
        return string.Concat(output.Select(o => o.ToString()));
    }

    private static XElement View(Type type) =>
        XDocument.Load(Path.Combine(Repo.Root, "module", "AzureLocalSecurity.Format.ps1xml")).Descendants("View")
            .Single(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == type.FullName && v.Element("TableControl") is not null);
}
