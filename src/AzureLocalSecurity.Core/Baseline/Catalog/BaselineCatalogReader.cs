using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>
/// Reads any of Microsoft's baseline CSVs into a <see cref="BaselineCatalog"/>: the Azure Local 2310–2411 layout,
/// the 2506+ layout (with or without the 2610 reference columns) and the OSConfig lists. Columns are found by
/// name, so their order does not matter. Rows with an unparseable Expected Value are kept (they evaluate to
/// Error, never to a pass); a malformed file is a <see cref="BaselineCatalogException"/> with the line.
/// </summary>
public static class BaselineCatalogReader
{
    private static readonly string[] LegacyColumns = ["Security settings", "Type", "Location", "ValueName", "ValueType", "Value"];

    /// <summary>Reads a catalog file.</summary>
    public static BaselineCatalog ReadFile(string path, BaselineProfile? profile = null)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var info = new FileInfo(path);
        if (info.Exists && info.Length > CsvTable.MaxBytes)
        {
            throw new BaselineCatalogException(info.Name, 0, $"the file is {info.Length} bytes; a catalog may be at most {CsvTable.MaxBytes} bytes.");
        }

        return Read(File.ReadAllBytes(path), info.Name, profile);
    }

    /// <summary>
    /// Reads a catalog from bytes. <paramref name="sourceName"/> (a file name) gives the release and profile when
    /// it follows Microsoft's naming; <paramref name="profile"/> picks the role columns of an OSConfig list.
    /// </summary>
    public static BaselineCatalog Read(byte[] data, string sourceName, BaselineProfile? profile = null)
    {
        var table = CsvTable.Parse(data, sourceName);
        var release = ReleaseFromName(sourceName);
        if (LegacyColumns.All(c => table.IndexOf(c) >= 0))
        {
            return new BaselineCatalog(release, null, sourceName, BaselineCatalogFormat.Legacy, ReadLegacy(table, release));
        }

        if (table.IndexOf("Name") < 0)
        {
            throw new BaselineCatalogException(sourceName, 1, "the header has no 'Name' column (nor the 2310–2411 columns 'Security settings', 'Type', 'Location', 'ValueName', 'ValueType', 'Value').");
        }

        var perRole = table.IndexOf("Expected Value: Member Server") >= 0 || table.IndexOf("Expected Value: Workgroup Member") >= 0;
        var fileProfile = ProfileFromName(sourceName);
        if (perRole)
        {
            var chosen = profile ?? fileProfile ?? BaselineProfile.DomainJoined;
            return new BaselineCatalog(release, chosen, sourceName, BaselineCatalogFormat.OSConfig, ReadModern(table, release, chosen, roleColumn: chosen == BaselineProfile.AdLess ? "Workgroup Member" : "Member Server"));
        }

        var hasExpected = table.IndexOf("Expected Value") >= 0;
        if (!hasExpected && (table.IndexOf("Default Value") < 0 || table.IndexOf("Allowed Value") < 0))
        {
            throw new BaselineCatalogException(sourceName, 1, "the header has no 'Expected Value' column (nor 'Default Value' and 'Allowed Value' to derive it from).");
        }

        var format = table.IndexOf("RuleId") >= 0 || table.IndexOf("Applicability") >= 0 ? BaselineCatalogFormat.AzureLocal : BaselineCatalogFormat.OSConfig;
        var rules = ReadModern(table, release, fileProfile, roleColumn: null);
        var detected = fileProfile ?? ProfileFromApplicability(rules.Select(r => r.Applicability).FirstOrDefault(a => a is not null));
        if (detected is not null && fileProfile is null)
        {
            rules = ReadModern(table, release, detected, roleColumn: null);
        }

        return new BaselineCatalog(release, detected, sourceName, format, rules);
    }

    /// <summary>The release in a file name: the last group of exactly four digits (<c>..._2610domjoin.csv</c> gives 2610), else the name without extension.</summary>
    public static string ReleaseFromName(string sourceName)
    {
        var name = Path.GetFileNameWithoutExtension(sourceName ?? string.Empty);
        var matches = Regex.Matches(name, @"(?<!\d)\d{4}(?!\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return matches.Count > 0 ? matches[matches.Count - 1].Value : name;
    }

    private static BaselineProfile? ProfileFromName(string sourceName)
    {
        var name = Path.GetFileNameWithoutExtension(sourceName ?? string.Empty);
        if (name.IndexOf("adless", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return BaselineProfile.AdLess;
        }

        return name.IndexOf("domjoin", StringComparison.OrdinalIgnoreCase) >= 0 ? BaselineProfile.DomainJoined : null;
    }

    private static BaselineProfile? ProfileFromApplicability(string? applicability)
    {
        if (applicability is null || applicability.IndexOf(',') >= 0)
        {
            // A list that names several roles ("Domain Controller, Member Server, Workgroup Member") serves them all.
            return null;
        }

        if (applicability.IndexOf("Workgroup", StringComparison.OrdinalIgnoreCase) >= 0 || applicability.IndexOf("ADLess", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return BaselineProfile.AdLess;
        }

        return applicability.IndexOf("domain joined", StringComparison.OrdinalIgnoreCase) >= 0 ? BaselineProfile.DomainJoined : null;
    }

    private static List<BaselineRule> ReadModern(CsvTable table, string release, BaselineProfile? profile, string? roleColumn)
    {
        int Col(params string[] names)
        {
            foreach (var n in names)
            {
                var i = table.IndexOf(n);
                if (i >= 0)
                {
                    return i;
                }
            }

            return -1;
        }

        var name = Col("Name");
        var expected = roleColumn is null ? Col("Expected Value") : Col("Expected Value: " + roleColumn);
        if (roleColumn is not null && expected < 0)
        {
            throw new BaselineCatalogException(table.SourceName, 1, $"the header has no 'Expected Value: {roleColumn}' column for the chosen profile.");
        }

        var defaultValue = roleColumn is null ? Col("Default Value") : Col("Default Value: " + roleColumn);
        var allowed = Col("Allowed Value");
        var columns = new
        {
            RuleId = Col("RuleId", "Rule Id"),
            ExtraId = Col("ExtraId", "Extra Id"),
            ControlName = Col("Control Name"),
            Description = Col("Description"),
            RegistryKey = Col("Registry Key"),
            RegistryValue = Col("Registry Value"),
            RegistryValueType = Col("Registry Value Type"),
            CspName = Col("CSP Name"),
            CspPath = Col("CSP Path", "CSP Path(s)"),
            CspValueType = Col("CSP Value Type", "Data Type"),
            Severity = Col("Severity"),
            Applicability = Col("Applicability", "Availability"),
            Scenario = Col("Scenario"),
            Validation = Col("Validation"),
            Category = Col("Category"),
            CisRuleId = Col("CIS RuleID", "CIS Rule ID"),
            CisControl = Col("CIS Control"),
            StigId = Col("STIG ID"),
            Nist = Col("NIST SP 800-53 Rev 5", "NIST SP 800-53"),
            SecurityImpact = Col("Security Impact"),
            ChangeRisk = Col("Change Risk Level"),
            Posture = Col("Customization Posture"),
        };

        var rules = new List<BaselineRule>(table.Rows.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var ruleName = row[name]?.Trim();
            if (string.IsNullOrEmpty(ruleName))
            {
                throw new BaselineCatalogException(table.SourceName, row.LineNumber, "the row has no Name.");
            }

            var expectedText = row[expected];
            if (roleColumn is not null && string.IsNullOrWhiteSpace(expectedText))
            {
                // An OSConfig row without an expectation for this role is not part of this role's baseline.
                continue;
            }

            if (expected < 0)
            {
                // Lists without an Expected column (OSConfig Secured-core) require the default value.
                var d = row[defaultValue]?.Trim() ?? string.Empty;
                expectedText = d.Length == 0 ? string.Empty : "Equals(" + Literal(d, row[columns.CspValueType]) + ")";
            }

            if (!seen.Add(ruleName!))
            {
                throw new BaselineCatalogException(table.SourceName, row.LineNumber, $"rule '{ruleName}' appears more than once.");
            }

            rules.Add(new BaselineRule(new BaselineRuleData
            {
                Name = ruleName,
                RuleId = row[columns.RuleId],
                ExtraId = row[columns.ExtraId],
                ControlName = row[columns.ControlName],
                Description = row[columns.Description],
                RegistryKey = row[columns.RegistryKey],
                RegistryValueName = row[columns.RegistryValue],
                RegistryValueType = row[columns.RegistryValueType],
                CspName = row[columns.CspName],
                CspPath = row[columns.CspPath],
                CspValueType = row[columns.CspValueType],
                DefaultValue = row[defaultValue],
                AllowedValue = row[allowed],
                ExpectedValue = expectedText,
                Severity = row[columns.Severity],
                Applicability = row[columns.Applicability],
                Scenario = row[columns.Scenario],
                Validation = row[columns.Validation],
                Category = row[columns.Category],
                CisRuleId = row[columns.CisRuleId],
                CisControl = row[columns.CisControl],
                StigId = row[columns.StigId],
                Nist80053 = row[columns.Nist],
                SecurityImpact = row[columns.SecurityImpact],
                ChangeRiskLevel = row[columns.ChangeRisk],
                CustomizationPosture = row[columns.Posture],
                Release = release,
                Profile = profile,
                SourceName = table.SourceName,
                LineNumber = row.LineNumber,
            }));
        }

        return rules;
    }

    private static List<BaselineRule> ReadLegacy(CsvTable table, string release)
    {
        var document = table.IndexOf("Baseline Document");
        var setting = table.IndexOf("Security settings");
        var type = table.IndexOf("Type");
        var location = table.IndexOf("Location");
        var valueName = table.IndexOf("ValueName");
        var valueType = table.IndexOf("ValueType");
        var value = table.IndexOf("Value");
        var rules = new List<BaselineRule>(table.Rows.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var ruleName = row[setting]!.Trim();
            if (ruleName.Length == 0)
            {
                throw new BaselineCatalogException(table.SourceName, row.LineNumber, "the row has no 'Security settings' name.");
            }

            var rowType = row[type]!.Trim();
            var rowValueName = row[valueName]!.Trim();
            var rowLocation = row[location]!.Trim();
            if (!seen.Add(ruleName))
            {
                // 2310–2405 list one UAC setting twice (two registry values); the value name tells them apart.
                ruleName = $"{ruleName} ({rowValueName})";
                if (!seen.Add(ruleName))
                {
                    throw new BaselineCatalogException(table.SourceName, row.LineNumber, $"rule '{ruleName}' appears more than once.");
                }
            }

            var literal = row[value]!;
            var isRegistry = string.Equals(rowType, "Registry", StringComparison.OrdinalIgnoreCase);
            rules.Add(new BaselineRule(new BaselineRuleData
            {
                Name = ruleName,
                ControlName = row[setting],
                Category = rowType,
                Scenario = row[document],
                RegistryKey = isRegistry ? rowLocation : null,
                RegistryValueName = isRegistry ? rowValueName : null,
                RegistryValueType = isRegistry ? LegacyRegistryType(row[valueType]!) : null,
                CspValueType = row[valueType],
                DefaultValue = literal,
                ExpectedValue = LegacyExpression(rowType, rowValueName, row[valueType]!, literal),
                Release = release,
                SourceName = table.SourceName,
                LineNumber = row.LineNumber,
                LegacyType = rowType,
                LegacyLocation = rowLocation,
                LegacyValueName = rowValueName,
            }));
        }

        return rules;
    }

    /// <summary>
    /// 2310–2411 give a literal, not an expression. A user right lists exactly the accounts that hold it
    /// (<c>&lt;Empty&gt;</c> or nothing means no account); every other value must equal the literal.
    /// </summary>
    private static string LegacyExpression(string type, string valueName, string valueType, string literal)
    {
        var text = literal.Trim();
        if (string.Equals(valueName, "Privilege Rights", StringComparison.OrdinalIgnoreCase))
        {
            var sids = text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0 && !string.Equals(s, "<Empty>", StringComparison.OrdinalIgnoreCase)).ToArray();
            return sids.Length == 0 ? "Equals('')" : "ContainsExactly(" + string.Join(", ", sids.Select(Quote)) + ")";
        }

        if (string.Equals(text, "<Empty>", StringComparison.OrdinalIgnoreCase))
        {
            text = string.Empty;
        }

        _ = type;
        if (string.Equals(valueType.Trim(), "binary", StringComparison.OrdinalIgnoreCase) && text.Length % 2 == 1 && text.All(Uri.IsHexDigit))
        {
            // 2402–2411 write the one-byte REG_BINARY FullPrivilegeAuditing as "0" (2310 writes "00"): hex digits, padded to whole bytes.
            text = "0" + text;
        }

        return "Equals(" + Literal(text, valueType) + ")";
    }

    /// <summary>A literal in the rule language: a number when the column's type is numeric and the text is one (Excel's 1E+12 included), else a quoted string.</summary>
    private static string Literal(string text, string? valueType)
    {
        var t = text.Trim();
        if (t.Length >= 2 && t[0] == '\'' && t[t.Length - 1] == '\'')
        {
            return t;
        }

        var numeric = valueType is not null && (valueType.IndexOf("int", StringComparison.OrdinalIgnoreCase) >= 0 || valueType.IndexOf("number", StringComparison.OrdinalIgnoreCase) >= 0 || valueType.IndexOf("DWORD", StringComparison.OrdinalIgnoreCase) >= 0);
        if (numeric && decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number))
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }

        return Quote(t);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

    private static string? LegacyRegistryType(string valueType) => valueType.Trim().ToUpperInvariant() switch
    {
        "INTEGER" => "REG_DWORD",
        "STRING" => "REG_SZ",
        "MULTISTRING" => "REG_MULTI_SZ",
        "BINARY" => "REG_BINARY",
        _ => null,
    };
}
