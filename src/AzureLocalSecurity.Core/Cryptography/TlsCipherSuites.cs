using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Cryptography;

/// <summary>
/// What the module knows about TLS cipher suites: the allowed list of the Azure Local baseline (its rule on
/// <c>...\SSL\00010002\Functions</c>, read from the shipped catalogs, never a second copy), the weak families, and how a
/// <c>Functions</c> value names suites. Pure.
/// </summary>
public static class TlsCipherSuites
{
    private static readonly Lazy<(string Release, IReadOnlyList<string> Suites)?> Baseline = new(ReadBaseline);

    /// <summary>
    /// The suites the latest shipped Azure Local baseline allows in the cipher-suite order (its <c>ContainsAtMost</c> list for
    /// <see cref="CryptographyEvidenceIds.CipherSuitePolicyKey"/> <c>Functions</c>), or null when it has no such rule.
    /// </summary>
    public static IReadOnlyList<string>? BaselineAllowed => Baseline.Value?.Suites;

    /// <summary>The release whose rule gave <see cref="BaselineAllowed"/>, or null.</summary>
    public static string? BaselineRelease => Baseline.Value?.Release;

    /// <summary>
    /// The suite names a <c>Functions</c> value holds, in order: a REG_SZ split at commas (what the policy writes), or a
    /// REG_MULTI_SZ's entries (what the local configuration holds; an entry with commas is split too). Names are trimmed;
    /// empty ones are left out. Null for any other kind of value.
    /// </summary>
    public static IReadOnlyList<string>? Read(EvidenceValue? value)
    {
        if (value is null)
        {
            return null;
        }

        IEnumerable<string>? parts = value.Kind switch
        {
            EvidenceValueKind.String or EvidenceValueKind.ExpandString => [value.AsString() ?? string.Empty],
            EvidenceValueKind.MultiString => value.AsStrings(),
            _ => null,
        };

        return parts?.SelectMany(p => p.Split(',')).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
    }

    /// <summary>
    /// Why a suite is weak, or null when it is not in a weak family: RC4, 3DES or DES, NULL encryption, EXPORT, MD5, anonymous
    /// key exchange, or CBC with SHA-1 without ECDHE (no forward secrecy and a MAC-then-encrypt construction).
    /// </summary>
    public static string? Weakness(string suite)
    {
        if (suite is null)
        {
            throw new ArgumentNullException(nameof(suite));
        }

        var s = suite.ToUpperInvariant();
        if (s.Contains("RC4"))
        {
            return "RC4";
        }

        if (s.Contains("3DES") || s.Contains("_DES_"))
        {
            return "3DES/DES";
        }

        if (s.Contains("NULL"))
        {
            return "NULL encryption";
        }

        if (s.Contains("EXPORT"))
        {
            return "EXPORT";
        }

        if (s.EndsWith("_MD5", StringComparison.Ordinal))
        {
            return "MD5";
        }

        if (s.Contains("_ANON_"))
        {
            return "anonymous key exchange";
        }

        if (s.EndsWith("_CBC_SHA", StringComparison.Ordinal) && !s.StartsWith("TLS_ECDHE_", StringComparison.Ordinal))
        {
            return "CBC-SHA1 without ECDHE";
        }

        return null;
    }

    private static (string Release, IReadOnlyList<string> Suites)? ReadBaseline()
    {
        var catalog = ShippedBaselines.Get(null, BaselineProfile.AdLess);
        var rule = catalog.Rules.FirstOrDefault(IsCipherSuiteRule);
        return rule is null ? null : (rule.Release, AllowedBy(rule));
    }

    /// <summary>Whether a baseline rule is the cipher-suite order rule (<c>...\SSL\00010002</c>, value <c>Functions</c>).</summary>
    internal static bool IsCipherSuiteRule(BaselineRule rule) =>
        rule.RegistryKey is { } key
        && string.Equals(key.Replace("HKLM:", "HKLM"), CryptographyEvidenceIds.CipherSuitePolicyKey, StringComparison.OrdinalIgnoreCase)
        && string.Equals(rule.RegistryValueName, "Functions", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The suites a cipher-suite rule allows: the literals of its expression (<c>ContainsAtMost('a', 'b', ...)</c> from 2506 on;
    /// the legacy releases' single <c>Equals('a,b,...')</c>), each split at commas, or its Expected Value split at commas.
    /// </summary>
    internal static IReadOnlyList<string> AllowedBy(BaselineRule rule)
    {
        var texts = rule.Expression is { Literals.Count: > 0 } e ? e.Literals.Select(l => l.AsText() ?? string.Empty) : [rule.ExpectedValue];
        return texts.SelectMany(t => t.Split(',')).Select(p => p.Trim().Trim('\'').Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
