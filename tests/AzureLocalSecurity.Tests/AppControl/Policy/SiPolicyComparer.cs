using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.AppControl.Policy;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

/// <summary>
/// Compares two policies field by field and says where they first differ (null when they do not). <see cref="Exact"/>
/// compares every field as stored. <see cref="CompiledFields"/> compares what a compiled policy holds, written here
/// independently of the writer and reader: references are followed to what they name (a file rule by its content, a signer
/// or EKU by its position), file rules and settings are compared as collections (the compiler orders them), and what the
/// binary cannot tell apart is treated alike (null and empty text, 0.0.0.0 and no version, a Deny rule's absent versions,
/// an absent signer group and an empty one, MinimumHashAlgorithm 0x800C and none, HvciOptions 0 and none, options without
/// a bit, a missing PolicyType and Base).
/// </summary>
internal static class SiPolicyComparer
{
    internal static string? Exact(SiPolicy a, SiPolicy b)
    {
        var d = new Diff();
        d.Same("PolicyType", a.PolicyType, b.PolicyType);
        d.Same("FriendlyName", a.FriendlyName, b.FriendlyName);
        d.Same("VersionEx", a.VersionEx, b.VersionEx);
        d.Same("PolicyID", a.PolicyId, b.PolicyId);
        d.Same("BasePolicyID", a.BasePolicyId, b.BasePolicyId);
        d.Same("PlatformID", a.PlatformId, b.PlatformId);
        d.Same("PolicyTypeID", a.PolicyTypeId, b.PolicyTypeId);
        d.List("Rules", a.Rules, b.Rules, (p, x, y) => d.Same(p, x, y));
        d.Same("UnmappedOptionFlags", a.UnmappedOptionFlags, b.UnmappedOptionFlags);
        d.List("EKUs", a.Ekus, b.Ekus, (p, x, y) =>
        {
            d.Same(p + "/@ID", x.Id, y.Id);
            d.Same(p + "/@FriendlyName", x.FriendlyName, y.FriendlyName);
            d.Same(p + "/@Value", x.Value, y.Value);
        });
        d.List("FileRules", a.FileRules, b.FileRules, (p, x, y) =>
        {
            d.Same(p + "/Kind", x.Kind, y.Kind);
            d.Same(p + "/@ID", x.Id, y.Id);
            d.Same(p + "/@FriendlyName", x.FriendlyName, y.FriendlyName);
            d.Same(p + "/@FileName", x.FileName, y.FileName);
            d.Same(p + "/@InternalName", x.InternalName, y.InternalName);
            d.Same(p + "/@FileDescription", x.FileDescription, y.FileDescription);
            d.Same(p + "/@ProductName", x.ProductName, y.ProductName);
            d.Same(p + "/@PackageFamilyName", x.PackageFamilyName, y.PackageFamilyName);
            d.Same(p + "/@PackageVersion", x.PackageVersion, y.PackageVersion);
            d.Same(p + "/@MinimumFileVersion", x.MinimumFileVersion, y.MinimumFileVersion);
            d.Same(p + "/@MaximumFileVersion", x.MaximumFileVersion, y.MaximumFileVersion);
            d.Same(p + "/@Hash", x.Hash, y.Hash);
            d.Same(p + "/@AppIDs", x.AppIds, y.AppIds);
            d.Same(p + "/@FilePath", x.FilePath, y.FilePath);
            d.Same(p + "/@Type", x.RuleType, y.RuleType);
        });
        d.List("Signers", a.Signers, b.Signers, (p, x, y) =>
        {
            d.Same(p + "/@ID", x.Id, y.Id);
            d.Same(p + "/@Name", x.Name, y.Name);
            d.Same(p + "/@SignTimeAfter", x.SignTimeAfter, y.SignTimeAfter);
            d.Same(p + "/CertRoot/@Type", x.CertRootType, y.CertRootType);
            d.Same(p + "/CertRoot/@Value", x.CertRootValue, y.CertRootValue);
            d.List(p + "/CertEKU", x.CertEkus, y.CertEkus, (q, m, n) => d.Same(q, m, n));
            d.Same(p + "/CertIssuer", x.CertIssuer, y.CertIssuer);
            d.Same(p + "/CertPublisher", x.CertPublisher, y.CertPublisher);
            d.Same(p + "/CertOemID", x.CertOemId, y.CertOemId);
            d.List(p + "/FileAttribRef", x.FileAttribRefs, y.FileAttribRefs, (q, m, n) => d.Same(q, m, n));
        });
        d.List("SigningScenarios", a.SigningScenarios, b.SigningScenarios, (p, x, y) =>
        {
            d.Same(p + "/@Value", x.Value, y.Value);
            d.Same(p + "/@ID", x.Id, y.Id);
            d.Same(p + "/@FriendlyName", x.FriendlyName, y.FriendlyName);
            d.Same(p + "/@InheritedScenarios", x.InheritedScenarios, y.InheritedScenarios);
            d.Same(p + "/@MinimumHashAlgorithm", x.MinimumHashAlgorithm, y.MinimumHashAlgorithm);
            ExactGroup(d, p + "/ProductSigners", x.ProductSigners, y.ProductSigners);
            ExactGroup(d, p + "/TestSigners", x.TestSigners, y.TestSigners);
            ExactGroup(d, p + "/TestSigningSigners", x.TestSigningSigners, y.TestSigningSigners);
            d.Same(p + "/AppIDTags", x.AppIdTags is null, y.AppIdTags is null);
            if (x.AppIdTags is not null && y.AppIdTags is not null)
            {
                d.Same(p + "/AppIDTags/@EnforceDLL", x.AppIdTags.EnforceDll, y.AppIdTags.EnforceDll);
                d.List(p + "/AppIDTags/AppIDTag", x.AppIdTags.Tags, y.AppIdTags.Tags, (q, m, n) =>
                {
                    d.Same(q + "/@Key", m.Key, n.Key);
                    d.Same(q + "/@Value", m.Value, n.Value);
                });
            }
        });
        d.List("UpdatePolicySigners", a.UpdatePolicySigners, b.UpdatePolicySigners, (p, x, y) => d.Same(p, x, y));
        d.List("CiSigners", a.CiSigners, b.CiSigners, (p, x, y) => d.Same(p, x, y));
        d.Same("HvciOptions", a.HvciOptions, b.HvciOptions);
        d.List("Settings", a.Settings, b.Settings, (p, x, y) =>
        {
            d.Same(p + "/@Provider", x.Provider, y.Provider);
            d.Same(p + "/@Key", x.Key, y.Key);
            d.Same(p + "/@ValueName", x.ValueName, y.ValueName);
            d.Same(p + "/Kind", x.Kind, y.Kind);
            d.Same(p + "/Value", x.Value, y.Value);
        });
        d.List("Macros", a.Macros, b.Macros, (p, x, y) =>
        {
            d.Same(p + "/@Id", x.Id, y.Id);
            d.Same(p + "/@Value", x.Value, y.Value);
        });
        d.List("SupplementalPolicySigners", a.SupplementalPolicySigners, b.SupplementalPolicySigners, (p, x, y) => d.Same(p, x, y));
        d.List("AppSettings", a.AppSettings, b.AppSettings, (p, x, y) =>
        {
            d.Same(p + "/@Manifest", x.Manifest, y.Manifest);
            d.List(p + "/Setting", x.Settings, y.Settings, (q, m, n) =>
            {
                d.Same(q + "/@Name", m.Name, n.Name);
                d.List(q + "/Value", m.Values, n.Values, (r, u, v) => d.Same(r, u, v));
            });
        });
        d.Same("CompiledAppSettings", a.CompiledAppSettings, b.CompiledAppSettings);
        return d.First;
    }

    internal static string? CompiledFields(SiPolicy expected, SiPolicy actual)
    {
        var d = new Diff();
        var e = new Canonical(expected);
        var a = new Canonical(actual);
        d.Same("PolicyType", expected.PolicyType ?? SiPolicyType.Base, actual.PolicyType ?? SiPolicyType.Base);
        d.Same("VersionEx", SiPolicyVersion.Parse(expected.VersionEx!), SiPolicyVersion.Parse(actual.VersionEx!));
        d.Same("PlatformID", Guid(expected.PlatformId), Guid(actual.PlatformId));
        d.Same("header ID", Guid(expected.PolicyTypeId ?? expected.PolicyId), Guid(actual.PolicyTypeId ?? actual.PolicyId));
        d.Same("PolicyID", Guid(expected.PolicyId), Guid(actual.PolicyId));
        d.Same("BasePolicyID", Guid(expected.BasePolicyId), Guid(actual.BasePolicyId));
        d.Same("Rules", string.Join(",", e.Options), string.Join(",", a.Options));
        d.Same("UnmappedOptionFlags", expected.UnmappedOptionFlags, actual.UnmappedOptionFlags);
        d.List("EKUs", expected.Ekus, actual.Ekus, (p, x, y) => d.Same(p + "/@Value", Hex(x.Value), Hex(y.Value)));
        d.Same("FileRules", string.Join("\n", e.RuleKeys.OrderBy(k => k, StringComparer.Ordinal)), string.Join("\n", a.RuleKeys.OrderBy(k => k, StringComparer.Ordinal)));
        d.List("Signers", expected.Signers, actual.Signers, (p, x, y) =>
        {
            d.Same(p + "/CertRoot/@Type", x.CertRootType, y.CertRootType);
            d.Same(p + "/CertRoot/@Value", Hex(x.CertRootValue), Hex(y.CertRootValue));
            d.Same(p + "/CertEKU", string.Join(",", x.CertEkus.Select(e.Eku)), string.Join(",", y.CertEkus.Select(a.Eku)));
            d.Same(p + "/CertIssuer", x.CertIssuer ?? string.Empty, y.CertIssuer ?? string.Empty);
            d.Same(p + "/CertPublisher", x.CertPublisher ?? string.Empty, y.CertPublisher ?? string.Empty);
            d.Same(p + "/CertOemID", x.CertOemId ?? string.Empty, y.CertOemId ?? string.Empty);
            d.Same(p + "/FileAttribRef", string.Join("|", x.FileAttribRefs.Select(e.Rule)), string.Join("|", y.FileAttribRefs.Select(a.Rule)));
            d.Same(p + "/@SignTimeAfter", Time(x.SignTimeAfter), Time(y.SignTimeAfter));
        });
        d.Same("UpdatePolicySigners", string.Join(",", expected.UpdatePolicySigners.Select(e.Signer)), string.Join(",", actual.UpdatePolicySigners.Select(a.Signer)));
        d.Same("CiSigners", string.Join(",", expected.CiSigners.Select(e.Signer)), string.Join(",", actual.CiSigners.Select(a.Signer)));
        d.Same("SupplementalPolicySigners", string.Join(",", expected.SupplementalPolicySigners.Select(e.Signer)), string.Join(",", actual.SupplementalPolicySigners.Select(a.Signer)));
        d.List("SigningScenarios", expected.SigningScenarios, actual.SigningScenarios, (p, x, y) =>
        {
            d.Same(p + "/@Value", x.Value, y.Value);
            d.Same(p + "/@InheritedScenarios", e.Inherited(x), a.Inherited(y));
            d.Same(p + "/@MinimumHashAlgorithm", x.MinimumHashAlgorithm ?? 0x800C, y.MinimumHashAlgorithm ?? 0x800C);
            d.Same(p + "/ProductSigners", e.Group(x.ProductSigners), a.Group(y.ProductSigners));
            d.Same(p + "/TestSigners", e.Group(x.TestSigners), a.Group(y.TestSigners));
            d.Same(p + "/TestSigningSigners", e.Group(x.TestSigningSigners), a.Group(y.TestSigningSigners));
        });
        d.Same("HvciOptions", expected.HvciOptions ?? 0, actual.HvciOptions ?? 0);
        d.Same("Settings", string.Join("\n", expected.Settings.Select(Setting).OrderBy(s => s, StringComparer.Ordinal)), string.Join("\n", actual.Settings.Select(Setting).OrderBy(s => s, StringComparer.Ordinal)));
        d.Same("CompiledAppSettings", expected.CompiledAppSettings, actual.CompiledAppSettings);
        return d.First;
    }

    private static void ExactGroup(Diff d, string path, SiPolicySignerGroup? x, SiPolicySignerGroup? y)
    {
        d.Same(path, x is null, y is null);
        if (x is null || y is null)
        {
            return;
        }

        d.Same(path + "/AllowedSigners/@Workaround", x.AllowedSignersWorkaround, y.AllowedSignersWorkaround);
        d.Same(path + "/DeniedSigners/@Workaround", x.DeniedSignersWorkaround, y.DeniedSignersWorkaround);
        d.Same(path + "/FileRulesRef/@Workaround", x.FileRulesRefWorkaround, y.FileRulesRefWorkaround);
        foreach (var (name, m, n) in new[] { ("AllowedSigners/AllowedSigner", x.AllowedSigners, y.AllowedSigners), ("DeniedSigners/DeniedSigner", x.DeniedSigners, y.DeniedSigners) })
        {
            d.List(path + "/" + name, m, n, (q, u, v) =>
            {
                d.Same(q + "/@SignerId", u.SignerId, v.SignerId);
                d.List(q + "/Exception", u.Exceptions, v.Exceptions, (r, s, t) => d.Same(r, s, t));
            });
        }

        d.List(path + "/FileRulesRef/FileRuleRef", x.FileRuleRefs, y.FileRuleRefs, (q, u, v) => d.Same(q, u, v));
    }

    private static string Setting(SiPolicySetting s) =>
        $"{s.Provider}|{s.Key}|{s.ValueName}|{s.Kind}|{(s.Value is bool b ? (b ? "true" : "false") : s.Kind == SiPolicySettingKind.Binary ? Hex((string?)s.Value) : Convert.ToString(s.Value, CultureInfo.InvariantCulture))}";

    private static Guid Guid(string? text) => text is null ? System.Guid.Empty : System.Guid.Parse(text);

    private static string Hex(string? text) => (text ?? string.Empty).ToUpperInvariant();

    private static long Time(string? text) => text is null ? 0 : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;

    /// <summary>Each element as the content a compiled policy keeps of it.</summary>
    private sealed class Canonical
    {
        private readonly SiPolicy _policy;
        private readonly Dictionary<string, string> _rules = new(StringComparer.Ordinal);

        internal Canonical(SiPolicy policy)
        {
            _policy = policy;
            foreach (var rule in policy.FileRules)
            {
                var key = RuleKey(rule);
                RuleKeys.Add(key);
                if (rule.Id is not null)
                {
                    _rules[rule.Id] = key;
                }
            }

            Options = policy.Rules
                .Select(r => SiPolicyRuleOptions.TryGetByXmlName(r, out var o) ? o : null)
                .Where(o => o is not null && o.Bit != 0)
                .Select(o => o!.XmlName)
                .Distinct()
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
        }

        internal List<string> RuleKeys { get; } = [];

        internal List<string> Options { get; }

        internal string Rule(string id) => _rules[id];

        internal string Eku(string id) => Hex(_policy.Ekus.Single(e => e.Id == id).Value);

        internal string Signer(string id) => _policy.Signers.IndexOf(_policy.Signers.Single(s => s.Id == id)).ToString(CultureInfo.InvariantCulture);

        internal string Inherited(SiPolicySigningScenario scenario) => string.Join(",", (scenario.InheritedScenarios ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => _policy.SigningScenarios.IndexOf(_policy.SigningScenarios.Single(s => s.Id == id))));

        internal string Group(SiPolicySignerGroup? group)
        {
            if (group is null)
            {
                return "[][][]";
            }

            string Signers(IList<SiPolicyScenarioSigner> signers) =>
                "[" + string.Join(";", signers.Select(s => Signer(s.SignerId!) + ":" + string.Join("|", s.Exceptions.Select(Rule)))) + "]";

            return Signers(group.AllowedSigners) + Signers(group.DeniedSigners) + "[" + string.Join("|", group.FileRuleRefs.Select(Rule).OrderBy(k => k, StringComparer.Ordinal)) + "]";
        }

        private string RuleKey(SiPolicyFileRule rule)
        {
            var type = rule.Kind switch
            {
                SiPolicyFileRuleKind.FileRule => rule.RuleType switch { "Match" => "Allow", "Exclude" => "Deny", "Attribute" => "FileAttrib", _ => "FileRule" },
                _ => rule.Kind.ToString(),
            };
            var min = Version(rule.MinimumFileVersion);
            var max = Version(rule.MaximumFileVersion);
            if (type == "Deny" && max.Length == 0 && min == SiPolicyVersion.Max.ToString())
            {
                min = string.Empty;
            }

            return string.Join("\u0001", type, rule.FileName ?? string.Empty, rule.InternalName ?? string.Empty, rule.FileDescription ?? string.Empty,
                rule.ProductName ?? string.Empty, rule.PackageFamilyName ?? string.Empty, Version(rule.PackageVersion), min, max, Hex(rule.Hash), AppIds(rule.AppIds),
                rule.FilePath ?? string.Empty);
        }

        private string AppIds(string? appIds)
        {
            if (appIds is null)
            {
                return "none";
            }

            if (!appIds.StartsWith("$(", StringComparison.Ordinal))
            {
                return "[" + appIds + "]";
            }

            return string.Concat(appIds.Split(')', StringSplitOptions.RemoveEmptyEntries).Select(m => "[" + _policy.Macros.Single(x => x.Id == m.Substring(2)).Value + "]"));
        }

        private static string Version(string? text) =>
            text is null || SiPolicyVersion.Parse(text) == SiPolicyVersion.Zero ? string.Empty : SiPolicyVersion.Parse(text).ToString();
    }

    private sealed class Diff
    {
        internal string? First { get; private set; }

        internal void Same<T>(string path, T x, T y)
        {
            if (First is null && !EqualityComparer<T>.Default.Equals(x, y))
            {
                First = $"{path}: '{x}' != '{y}'";
            }
        }

        internal void List<T>(string path, IList<T> x, IList<T> y, Action<string, T, T> each)
        {
            Same(path + " count", x.Count, y.Count);
            for (var i = 0; i < Math.Min(x.Count, y.Count) && First is null; i++)
            {
                each(path + "[" + (i + 1).ToString(CultureInfo.InvariantCulture) + "]", x[i], y[i]);
            }
        }
    }
}
