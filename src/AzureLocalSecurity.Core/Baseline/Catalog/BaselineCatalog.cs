using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>One published baseline: its release, profile and rules, in the order of the file.</summary>
public sealed class BaselineCatalog
{
    private readonly BaselineRule[] _rules;
    private readonly Dictionary<string, BaselineRule> _byName;

    /// <summary>Creates a catalog. Rule names are unique (ignoring case).</summary>
    public BaselineCatalog(string release, BaselineProfile? profile, string sourceName, BaselineCatalogFormat format, IEnumerable<BaselineRule> rules)
    {
        Release = release ?? throw new ArgumentNullException(nameof(release));
        Profile = profile;
        SourceName = sourceName ?? throw new ArgumentNullException(nameof(sourceName));
        Format = format;
        _rules = (rules ?? throw new ArgumentNullException(nameof(rules))).ToArray();
        _byName = new Dictionary<string, BaselineRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in _rules)
        {
            if (_byName.ContainsKey(rule.Name))
            {
                throw new ArgumentException($"Rule '{rule.Name}' appears more than once.", nameof(rules));
            }

            _byName.Add(rule.Name, rule);
        }
    }

    /// <summary>The release, such as <c>2610</c>; for a file without one, its name.</summary>
    public string Release { get; }

    /// <summary>DomainJoined or AdLess; null for a catalog that serves both (2310–2411).</summary>
    public BaselineProfile? Profile { get; }

    /// <summary>The file or shipped resource it was read from.</summary>
    public string SourceName { get; }

    /// <summary>The column layout.</summary>
    public BaselineCatalogFormat Format { get; }

    /// <summary>The rules in file order.</summary>
    public IReadOnlyList<BaselineRule> Rules => _rules;

    /// <summary>The number of rules whose expected value could not be parsed (they evaluate to Error).</summary>
    public int InvalidRuleCount => _rules.Count(r => r.Expression is null);

    /// <summary>The rule with this name, or null.</summary>
    public BaselineRule? Find(string name) => _byName.TryGetValue(name ?? string.Empty, out var rule) ? rule : null;

    /// <inheritdoc />
    public override string ToString() => $"{Release}{(Profile is null ? string.Empty : " " + Profile)} ({_rules.Length} rules)";
}
