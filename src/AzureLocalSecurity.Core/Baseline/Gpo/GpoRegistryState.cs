using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;

namespace AzureLocalSecurity.Baseline.Gpo;

/// <summary>
/// The machine registry a GPO leaves: Registry.pol applied record by record in file order (a later record wins, as the
/// Registry client-side extension applies them), then GptTmpl.inf's [Registry Values] (the security extension writes
/// those). Tracks what the GPO deletes as well as what it sets, so a deleted value is "touched" rather than untouched.
/// </summary>
internal sealed class GpoRegistryState
{
    private static readonly string[] SourceFiles = ["Registry.pol", "GptTmpl.inf [Registry Values]"];

    private readonly Dictionary<string, KeyState> _keys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the GPO does to one value: sets it, deletes it, or touches it in a way that cannot be read.</summary>
    internal sealed class Touch
    {
        internal Touch(EvidenceValue? value, string setting, string? unknownReason = null)
        {
            Value = value;
            Setting = setting;
            UnknownReason = unknownReason;
        }

        internal EvidenceValue? Value { get; }

        internal bool Deleted => Value is null && UnknownReason is null;

        internal string Setting { get; }

        internal string? UnknownReason { get; }
    }

    private sealed class KeyState
    {
        internal KeyState(string path) => Path = path;

        internal string Path { get; }

        internal Dictionary<string, Touch> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Set when the GPO deletes every value of the key (<c>**delvals.</c>) or the key itself (<c>**DeleteKeys</c>).</summary>
        internal string? ClearedBy { get; set; }
    }

    internal static GpoRegistryState From(GpoBackup gpo)
    {
        var state = new GpoRegistryState();
        if (gpo.RegistryPolicy is { } pol)
        {
            foreach (var record in pol.Records)
            {
                state.Apply(record);
            }
        }

        if (gpo.SecurityTemplate is { } template)
        {
            state.ApplyTemplate(template);
        }

        return state;
    }

    /// <summary>What the GPO does to a value, or null when it leaves it alone.</summary>
    internal Touch? Find(string keyPath, string valueName)
    {
        var key = BaselineFactMap.NormalizeKey(keyPath);
        if (_keys.TryGetValue(key, out var state) && state.Values.TryGetValue(valueName, out var touch))
        {
            return touch;
        }

        // A key (or one of its parents) whose values the GPO wipes.
        for (var k = key; k.Length > 0; k = Parent(k))
        {
            if (_keys.TryGetValue(k, out var s) && s.ClearedBy is { } by)
            {
                return new Touch(null, by);
            }
        }

        return null;
    }

    /// <summary>One registry item per key the GPO sets values under: the values it leaves set (deleted ones absent).</summary>
    internal IEnumerable<EvidenceItem> Items(GpoBackup gpo, DateTimeOffset when)
    {
        foreach (var state in _keys.Values.OrderBy(k => k.Path, StringComparer.OrdinalIgnoreCase))
        {
            var values = state.Values.Where(v => v.Value.Value is not null).Select(v => new RegistryValueEvidence(v.Key, v.Value.Value!)).ToList();
            var files = SourceFiles.Where(f => state.Values.Values.Any(v => v.Setting.StartsWith(f.Split(' ')[0], StringComparison.Ordinal))).DefaultIfEmpty("Registry.pol");
            var source = $"GPO '{gpo.DisplayName}': " + string.Join(" and ", files);
            yield return EvidenceItem.ForRegistry(EvidenceIds.Registry(state.Path), source, when, new RegistryKeyEvidence(state.Path, values));
        }
    }

    private void Apply(RegistryPolicyRecord record)
    {
        var key = BaselineFactMap.NormalizeKey(@"HKLM\" + record.Key);
        var where = $"Registry.pol: {record.Key}\\{record.ValueName} (offset {record.Offset})";
        switch (record.Action)
        {
            case RegistryPolicyAction.SetValue:
            case RegistryPolicyAction.SoftValue:
                // A soft value is written only where the value does not exist; on a node that already has it the GPO leaves
                // it. Treated as set: what a node without the value gets, and the setting an admin asked for.
                State(key).Values[record.TargetValueName ?? record.ValueName] = record.Value is { } value
                    ? new Touch(value, where)
                    : new Touch(null, where, $"Registry.pol sets it with type {record.Type}, which this version does not read as a value.");
                break;
            case RegistryPolicyAction.DeleteValue when record.TargetValueName is { } target:
                State(key).Values[target] = new Touch(null, where);
                break;
            case RegistryPolicyAction.DeleteValues:
                foreach (var target in record.Targets)
                {
                    State(key).Values[target] = new Touch(null, where);
                }

                break;
            case RegistryPolicyAction.DeleteAllValues:
            {
                var state = State(key);
                state.Values.Clear();
                state.ClearedBy = where;
                break;
            }

            case RegistryPolicyAction.DeleteKeys:
                foreach (var target in record.Targets)
                {
                    var sub = BaselineFactMap.NormalizeKey(key + @"\" + target);
                    foreach (var k in _keys.Keys.Where(k => k.Equals(sub, StringComparison.OrdinalIgnoreCase) || k.StartsWith(sub + @"\", StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        _keys[k].Values.Clear();
                    }

                    State(sub).ClearedBy = where;
                }

                break;
            default:
                // CreateKey and SecureKey change no value.
                break;
        }
    }

    private void ApplyTemplate(SecurityTemplateInf template)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in template.Section(SecurityTemplateInf.RegistryValuesSection))
        {
            var slash = entry.Key.LastIndexOf('\\');
            if (!entry.Key.StartsWith(@"MACHINE\", StringComparison.OrdinalIgnoreCase) || slash <= "MACHINE".Length)
            {
                continue;
            }

            var keyPath = BaselineFactMap.NormalizeKey(@"HKLM\" + entry.Key.Substring("MACHINE\\".Length, slash - "MACHINE\\".Length));
            var name = entry.Key.Substring(slash + 1);
            var where = $"GptTmpl.inf [Registry Values] {entry.Key} (line {entry.LineNumber})";
            if (seen.Add(keyPath))
            {
                keys.Add(keyPath);
            }

            // Marked first as unreadable; the values the importer's reading gives replace it below.
            State(keyPath).Values[name] = new Touch(null, where, $"GptTmpl.inf gives it as '{entry.Value}', a type whose text form is not the stored value.");
        }

        foreach (var keyPath in keys)
        {
            var state = State(keyPath);
            foreach (var value in CaptureImporter.TemplateRegistryValues(template, keyPath))
            {
                var previous = state.Values[value.Name];
                state.Values[value.Name] = new Touch(value.Value, previous.Setting);
            }
        }
    }

    private KeyState State(string key)
    {
        if (!_keys.TryGetValue(key, out var state))
        {
            state = new KeyState(key);
            _keys.Add(key, state);
        }

        return state;
    }

    private static string Parent(string key)
    {
        var slash = key.LastIndexOf('\\');
        return slash < 0 ? string.Empty : key.Substring(0, slash);
    }
}
