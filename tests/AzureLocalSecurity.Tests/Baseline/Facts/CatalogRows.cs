using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Tests.Support;
using Microsoft.VisualBasic.FileIO;

namespace AzureLocalSecurity.Tests.Baseline.Facts;

/// <summary>
/// A test-only reader of the shipped catalogs: every row of every CSV as a <see cref="BaselineRule"/>. The 2310–2411 files
/// (Type, Location, ValueName, ValueType, Value) fill the Legacy* columns, ValueType as the registry type and Value as the
/// expected value; the later files fill the named columns.
/// </summary>
internal static class CatalogRows
{
    private static readonly Lazy<IReadOnlyList<BaselineRule>> AllRules = new(Load);

    internal static string Folder => Path.Combine(Repo.Root, "src", "AzureLocalSecurity.Core", "Baseline", "Catalogs");

    internal static IReadOnlyList<BaselineRule> All => AllRules.Value;

    internal static IEnumerable<BaselineRule> From(string fileNamePart) =>
        All.Where(r => r.SourceName.Contains(fileNamePart, StringComparison.OrdinalIgnoreCase));

    private static List<BaselineRule> Load()
    {
        var rules = new List<BaselineRule>();
        foreach (var file in Directory.GetFiles(Folder, "*.csv").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var parser = new TextFieldParser(file) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            var index = header.Select((h, i) => (h.Trim().TrimStart('\uFEFF'), i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.OrdinalIgnoreCase);
            while (!parser.EndOfData)
            {
                var line = (int)parser.LineNumber;
                var fields = parser.ReadFields()!;
                string? Col(string name) => index.TryGetValue(name, out var i) && i < fields.Length ? fields[i] : null;
                var data = index.ContainsKey("Type") ? Legacy(Col) : Current(Col);
                data.SourceName = Path.GetFileName(file);
                data.LineNumber = line;
                rules.Add(new BaselineRule(data));
            }
        }

        return rules;
    }

    private static BaselineRuleData Legacy(Func<string, string?> col) => new()
    {
        Name = col("Security settings"),
        Category = col("Type"),
        LegacyType = col("Type"),
        LegacyLocation = col("Location"),
        LegacyValueName = col("ValueName"),
        RegistryValueType = col("ValueType"),
        ExpectedValue = col("Value"),
    };

    private static BaselineRuleData Current(Func<string, string?> col) => new()
    {
        Name = col("Name"),
        RuleId = col("RuleId"),
        ExtraId = col("ExtraId"),
        ControlName = col("Control Name"),
        Description = col("Description"),
        Category = col("Category"),
        Severity = col("Severity"),
        Applicability = col("Applicability"),
        Scenario = col("Scenario"),
        CspName = col("CSP Name"),
        CspPath = col("CSP Path"),
        CspValueType = col("CSP Value Type"),
        RegistryKey = col("Registry Key"),
        RegistryValueName = col("Registry Value"),
        RegistryValueType = col("Registry Value Type"),
        DefaultValue = col("Default Value"),
        AllowedValue = col("Allowed Value"),
        ExpectedValue = col("Expected Value"),
        Validation = col("Validation"),
    };
}
