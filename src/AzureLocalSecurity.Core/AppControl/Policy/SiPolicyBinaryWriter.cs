using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Compiles a <see cref="SiPolicy"/> into an unsigned binary policy (.cip), the layout <see cref="SiPolicyBinaryReader"/>
/// reads, in format <see cref="DefaultFormatVersion"/> (8 when the policy carries a compiled app settings block).
/// As Microsoft's compiler appears to (test.bin's rules are in this order; the HotCakeX converter sorts the same way), file
/// rules are ordered by type (Deny, Allow, FileAttrib), then file name, internal name, description, product, package family
/// and path (ordinal, ignoring case), then hash; settings by provider, key and value name; each scenario's FileRuleRef
/// indexes ascending. The sort is stable, so rules the keys cannot tell apart keep the policy's order. Anything the format
/// cannot hold is refused with a <see cref="SiPolicyFormatException"/> naming the element (<see cref="SiPolicyFormatException.Path"/>).
/// </summary>
public static class SiPolicyBinaryWriter
{
    /// <summary>The format written unless a compiled app settings block needs 8: the version of the real compiled policy
    /// the project holds (test.bin), with every tagged block up to file paths.</summary>
    public const int DefaultFormatVersion = 7;

    /// <summary>The newest format known.</summary>
    public const int MaxFormatVersion = 8;

    private const uint HeaderLength = SiPolicyBinaryReader.HeaderLength;

    /// <summary>Compiles the policy in format 7, or 8 when <see cref="SiPolicy.CompiledAppSettings"/> is set.</summary>
    /// <exception cref="SiPolicyFormatException">The policy holds something the binary format cannot.</exception>
    public static byte[] Write(SiPolicy policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        return Write(policy, policy.CompiledAppSettings is null ? DefaultFormatVersion : MaxFormatVersion);
    }

    /// <summary>Compiles the policy in the given format (1 to 8); refused when the policy holds a field that format has no block for.</summary>
    /// <exception cref="SiPolicyFormatException">The policy holds something the format cannot.</exception>
    public static byte[] Write(SiPolicy policy, int formatVersion)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        if (formatVersion is < 1 or > MaxFormatVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(formatVersion), formatVersion, "Binary policy formats 1 to 8 are known.");
        }

        using var compilation = new Compilation(policy, formatVersion);
        return compilation.Run();
    }

    /// <summary>The order of file rules in a compiled policy (see the class remarks).</summary>
    internal static int CompareFileRules(SiPolicyFileRule x, SiPolicyFileRule y, byte[] xHash, byte[] yHash)
    {
        var result = BinaryType(x).CompareTo(BinaryType(y));
        if (result != 0)
        {
            return result;
        }

        foreach (var (a, b) in new[]
        {
            (x.FileName, y.FileName),
            (x.InternalName, y.InternalName),
            (x.FileDescription, y.FileDescription),
            (x.ProductName, y.ProductName),
            (x.PackageFamilyName, y.PackageFamilyName),
            (x.FilePath, y.FilePath),
        })
        {
            result = string.Compare(a ?? string.Empty, b ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            if (result != 0)
            {
                return result;
            }
        }

        for (var i = 0; i < Math.Min(xHash.Length, yHash.Length); i++)
        {
            if (xHash[i] != yHash[i])
            {
                return xHash[i].CompareTo(yHash[i]);
            }
        }

        return xHash.Length.CompareTo(yHash.Length);
    }

    /// <summary>The rule type a compiled policy stores: the element's, or for a generic FileRule its Type's (Match is an
    /// Allow, Exclude a Deny, Attribute a FileAttrib, as the HotCakeX converter maps them; unverified), else 3.</summary>
    internal static uint BinaryType(SiPolicyFileRule rule) => rule.Kind switch
    {
        SiPolicyFileRuleKind.FileRule => rule.RuleType switch
        {
            "Match" => 1,
            "Exclude" => 0,
            "Attribute" => 2,
            _ => 3,
        },
        _ => (uint)rule.Kind,
    };

    private sealed class Compilation : IDisposable
    {
        private readonly SiPolicy _policy;
        private readonly int _version;
        private readonly MemoryStream _stream = new();
        private readonly Dictionary<string, int> _ekus = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _rules = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _signers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _scenarios = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _macros = new(StringComparer.Ordinal);
        private List<(SiPolicyFileRule Rule, int Index)> _ordered = [];

        internal Compilation(SiPolicy policy, int version)
        {
            _policy = policy;
            _version = version;
        }

        public void Dispose() => _stream.Dispose();

        internal byte[] Run()
        {
            Refuse();
            MapIds();
            var header = HeaderId();

            // Header (0x00-0x43).
            U32((uint)_version);
            WriteGuid(header);
            WriteGuid(ParseGuid(_policy.PlatformId, "PlatformID", System.Guid.Empty));
            U32(OptionFlags());
            U32((uint)_policy.Ekus.Count);
            U32((uint)_policy.FileRules.Count);
            U32((uint)_policy.Signers.Count);
            U32((uint)_policy.SigningScenarios.Count);
            U64(ParseVersion(_policy.VersionEx ?? throw SiPolicyFormatException.AtPath("the policy has no VersionEx", "VersionEx"), "VersionEx").ToUInt64());
            U32(HeaderLength);

            for (var i = 0; i < _policy.Ekus.Count; i++)
            {
                Blob(ParseHex(_policy.Ekus[i].Value, SiPolicyPaths.Eku(_policy.Ekus[i], i), "Value"));
            }

            foreach (var (rule, index) in _ordered)
            {
                var path = SiPolicyPaths.FileRule(rule, index);
                var type = BinaryType(rule);
                U32(type);
                String(rule.FileName);
                U64(MinimumVersion(rule, type, path));
                Blob(ParseHex(rule.Hash, path, "Hash"));
            }

            for (var i = 0; i < _policy.Signers.Count; i++)
            {
                WriteSigner(_policy.Signers[i], SiPolicyPaths.Signer(_policy.Signers[i], i));
            }

            SignerIds(_policy.UpdatePolicySigners, "UpdatePolicySigners/UpdatePolicySigner");
            SignerIds(_policy.CiSigners, "CiSigners/CiSigner");
            for (var i = 0; i < _policy.SigningScenarios.Count; i++)
            {
                WriteScenario(_policy.SigningScenarios[i], SiPolicyPaths.Scenario(_policy.SigningScenarios[i], i));
            }

            U32(_policy.HvciOptions ?? 0);
            WriteSettings();

            for (var tag = 3; tag <= _version; tag++)
            {
                U32((uint)tag);
                WriteBlock(tag);
            }

            U32((uint)_version + 1);
            return _stream.ToArray();
        }

        /// <summary>What the compiler cannot or will not write, refused before anything is written.</summary>
        private void Refuse()
        {
            if (_policy.AppSettings.Count > 0)
            {
                throw SiPolicyFormatException.AtPath(
                    "app settings are compiled from each app's manifest (the settings' types), which the XML only points to; this compiler does not fetch manifests", "AppSettings");
            }

            if (_policy.PolicyType == SiPolicyType.AppIdTagging)
            {
                throw SiPolicyFormatException.AtPath(
                    "an AppID tagging policy is compiled with options and settings Microsoft's compiler adds itself, which are not verified here", "SiPolicy/@PolicyType");
            }

            for (var i = 0; i < _policy.SigningScenarios.Count; i++)
            {
                if (_policy.SigningScenarios[i].AppIdTags is not null)
                {
                    throw SiPolicyFormatException.AtPath(
                        "AppIDTags are compiled into settings whose layout is not verified here", SiPolicyPaths.Scenario(_policy.SigningScenarios[i], i) + "/AppIDTags");
                }
            }

            Need(3, _policy.FileRules.Any(r => r.MaximumFileVersion is not null || r.AppIds is not null) || _policy.Signers.Any(s => s.SignTimeAfter is not null), "MaximumFileVersion, AppIDs or SignTimeAfter");
            Need(4, _policy.FileRules.Any(r => r.InternalName is not null || r.FileDescription is not null || r.ProductName is not null), "InternalName, FileDescription or ProductName");
            Need(5, _policy.FileRules.Any(r => r.PackageFamilyName is not null || r.PackageVersion is not null), "PackageFamilyName or PackageVersion");
            Need(7, _policy.FileRules.Any(r => r.FilePath is not null), "FilePath");
            Need(8, _policy.CompiledAppSettings is not null, "a compiled app settings block");
            if (_version < 6)
            {
                var header = _policy.PolicyTypeId ?? _policy.PolicyId;
                Need(6, _policy.SupplementalPolicySigners.Count > 0, "SupplementalPolicySigners");
                Need(6, !SameGuid(_policy.PolicyId, header) || !SameGuid(_policy.BasePolicyId, header), "a PolicyID or BasePolicyID other than the header's ID");
            }
        }

        private void Need(int version, bool present, string what)
        {
            if (present && _version < version)
            {
                throw SiPolicyFormatException.AtPath(
                    string.Format(CultureInfo.InvariantCulture, "format {0} has no place for {1}, which format {2} added", _version, what, version), "SiPolicy");
            }
        }

        private static bool SameGuid(string? value, string? header) =>
            value is null || (SiPolicyGuids.TryParse(value, out var a) && SiPolicyGuids.TryParse(header, out var b) && a == b);

        private void MapIds()
        {
            for (var i = 0; i < _policy.Ekus.Count; i++)
            {
                Map(_ekus, _policy.Ekus[i].Id, i, SiPolicyPaths.Eku(_policy.Ekus[i], i));
            }

            var hashes = new byte[_policy.FileRules.Count][];
            for (var i = 0; i < _policy.FileRules.Count; i++)
            {
                hashes[i] = ParseHex(_policy.FileRules[i].Hash, SiPolicyPaths.FileRule(_policy.FileRules[i], i), "Hash");
            }

            // A stable sort: List.Sort is not, so ties fall back to the policy's order.
            _ordered = _policy.FileRules.Select((rule, index) => (rule, index)).ToList();
            _ordered.Sort((a, b) =>
            {
                var result = CompareFileRules(a.Rule, b.Rule, hashes[a.Index], hashes[b.Index]);
                return result != 0 ? result : a.Index.CompareTo(b.Index);
            });
            for (var i = 0; i < _ordered.Count; i++)
            {
                Map(_rules, _ordered[i].Rule.Id, i, SiPolicyPaths.FileRule(_ordered[i].Rule, _ordered[i].Index));
            }

            for (var i = 0; i < _policy.Signers.Count; i++)
            {
                Map(_signers, _policy.Signers[i].Id, i, SiPolicyPaths.Signer(_policy.Signers[i], i));
            }

            for (var i = 0; i < _policy.SigningScenarios.Count; i++)
            {
                Map(_scenarios, _policy.SigningScenarios[i].Id, i, SiPolicyPaths.Scenario(_policy.SigningScenarios[i], i));
            }

            foreach (var macro in _policy.Macros)
            {
                if (macro.Id is not null)
                {
                    _macros[macro.Id] = macro.Value;
                }
            }
        }

        private static void Map(Dictionary<string, int> map, string? id, int index, string path)
        {
            if (id is null)
            {
                return;
            }

            if (map.ContainsKey(id))
            {
                throw SiPolicyFormatException.AtPath($"the ID '{id}' is used twice, so a reference to it is ambiguous", path);
            }

            map.Add(id, index);
        }

        /// <summary>The header's GUID: PolicyTypeID (the single-policy format), else PolicyID (FORMATS.md: the header holds
        /// the PolicyID in the multiple-policy format; for a supplemental policy that is unverified).</summary>
        private Guid HeaderId()
        {
            if (_policy.PolicyTypeId is not null)
            {
                return ParseGuid(_policy.PolicyTypeId, "PolicyTypeID", System.Guid.Empty);
            }

            return ParseGuid(_policy.PolicyId, "PolicyID", System.Guid.Empty);
        }

        private uint OptionFlags()
        {
            var flags = 0x80000000u;
            if (_policy.PolicyType == SiPolicyType.Supplemental)
            {
                flags |= 0x40000000;
            }

            foreach (var name in _policy.Rules)
            {
                if (!SiPolicyRuleOptions.TryGetByXmlName(name, out var option))
                {
                    throw SiPolicyFormatException.AtPath($"'{name}' is not a rule option", SiPolicyPaths.Rule(name));
                }

                flags |= option.Bit;
            }

            if ((_policy.UnmappedOptionFlags & (SiPolicyRuleOptions.ReservedFlags | SiPolicyRuleOptions.KnownBits)) != 0)
            {
                throw SiPolicyFormatException.AtPath(
                    string.Format(CultureInfo.InvariantCulture, "UnmappedOptionFlags 0x{0:X8} holds bits that are options or reserved", _policy.UnmappedOptionFlags), "Rules");
            }

            return flags | _policy.UnmappedOptionFlags;
        }

        /// <summary>0 is "none". A Deny rule with neither version is compiled with the minimum at 65535.65535.65535.65535
        /// (the HotCakeX converter does; CIPolicyParser.psm1 reads it back as none).</summary>
        private static ulong MinimumVersion(SiPolicyFileRule rule, uint type, string path)
        {
            if (type == 0 && rule.MinimumFileVersion is null && rule.MaximumFileVersion is null)
            {
                return ulong.MaxValue;
            }

            return rule.MinimumFileVersion is null ? 0 : ParseVersion(rule.MinimumFileVersion, path + "/@MinimumFileVersion").ToUInt64();
        }

        private void WriteSigner(SiPolicySigner signer, string path)
        {
            switch (signer.CertRootType)
            {
                case SiPolicyCertRootType.Tbs:
                    U32(0);
                    Blob(ParseHex(signer.CertRootValue, path + "/CertRoot", "Value"));
                    break;
                case SiPolicyCertRootType.WellKnown:
                    var value = ParseHex(signer.CertRootValue, path + "/CertRoot", "Value");
                    if (value.Length != 1)
                    {
                        throw SiPolicyFormatException.AtPath($"a Wellknown root is one byte, not '{signer.CertRootValue}'", path + "/CertRoot");
                    }

                    U32(1);
                    U32(value[0]);
                    break;
                default:
                    throw SiPolicyFormatException.AtPath("the signer has no CertRoot", path);
            }

            U32((uint)signer.CertEkus.Count);
            foreach (var eku in signer.CertEkus)
            {
                U32(Resolve(_ekus, eku, path + "/CertEKU[@ID='" + eku + "']", "EKU"));
            }

            String(signer.CertIssuer);
            String(signer.CertPublisher);
            String(signer.CertOemId);
            U32((uint)signer.FileAttribRefs.Count);
            foreach (var rule in signer.FileAttribRefs)
            {
                U32(Resolve(_rules, rule, path + "/FileAttribRef[@RuleID='" + rule + "']", "file rule"));
            }
        }

        private void SignerIds(IList<string> ids, string path)
        {
            U32((uint)ids.Count);
            foreach (var id in ids)
            {
                U32(Resolve(_signers, id, path + "[@SignerId='" + id + "']", "signer"));
            }
        }

        private void WriteScenario(SiPolicySigningScenario scenario, string path)
        {
            U32(scenario.Value);
            var inherited = (scenario.InheritedScenarios ?? string.Empty).Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            U32((uint)inherited.Count);
            foreach (var id in inherited)
            {
                U32(Resolve(_scenarios, id, path + "/@InheritedScenarios", "signing scenario"));
            }

            U32(scenario.MinimumHashAlgorithm ?? SiPolicyBinaryReader.NoMinimumHashAlgorithm);
            WriteGroup(scenario.ProductSigners, path + "/ProductSigners");
            WriteGroup(scenario.TestSigners, path + "/TestSigners");
            WriteGroup(scenario.TestSigningSigners, path + "/TestSigningSigners");
        }

        private void WriteGroup(SiPolicySignerGroup? group, string path)
        {
            if (group is null)
            {
                U32(0);
                U32(0);
                U32(0);
                return;
            }

            WriteScenarioSigners(group.AllowedSigners, path + "/AllowedSigners/AllowedSigner", "ExceptDenyRule", "DenyRuleID");
            WriteScenarioSigners(group.DeniedSigners, path + "/DeniedSigners/DeniedSigner", "ExceptAllowRule", "AllowRuleID");
            var references = group.FileRuleRefs
                .Select(id => Resolve(_rules, id, path + "/FileRulesRef/FileRuleRef[@RuleID='" + id + "']", "file rule"))
                .OrderBy(i => i)
                .ToList();
            U32((uint)references.Count);
            foreach (var index in references)
            {
                U32(index);
            }
        }

        private void WriteScenarioSigners(IList<SiPolicyScenarioSigner> signers, string path, string exceptionElement, string exceptionAttribute)
        {
            U32((uint)signers.Count);
            foreach (var signer in signers)
            {
                var signerPath = path + "[@SignerId='" + signer.SignerId + "']";
                U32(Resolve(_signers, signer.SignerId, signerPath, "signer"));
                U32((uint)signer.Exceptions.Count);
                foreach (var rule in signer.Exceptions)
                {
                    U32(Resolve(_rules, rule, signerPath + "/" + exceptionElement + "[@" + exceptionAttribute + "='" + rule + "']", "file rule"));
                }
            }
        }

        private void WriteSettings()
        {
            var ordered = _policy.Settings.Select((setting, index) => (setting, index)).ToList();
            ordered.Sort((a, b) =>
            {
                var result = string.Compare(a.setting.Provider ?? string.Empty, b.setting.Provider ?? string.Empty, StringComparison.OrdinalIgnoreCase);
                if (result == 0)
                {
                    result = string.Compare(a.setting.Key ?? string.Empty, b.setting.Key ?? string.Empty, StringComparison.OrdinalIgnoreCase);
                }

                if (result == 0)
                {
                    result = string.Compare(a.setting.ValueName ?? string.Empty, b.setting.ValueName ?? string.Empty, StringComparison.OrdinalIgnoreCase);
                }

                return result != 0 ? result : a.index.CompareTo(b.index);
            });

            U32((uint)ordered.Count);
            foreach (var (setting, index) in ordered)
            {
                var path = SiPolicyPaths.Setting(setting, index);
                String(setting.Provider);
                String(setting.Key);
                String(setting.ValueName);
                switch (setting.Kind, setting.Value)
                {
                    case (SiPolicySettingKind.Boolean, bool flag):
                        U32(0);
                        U32(flag ? 1u : 0u);
                        break;
                    case (SiPolicySettingKind.DWord, uint number):
                        U32(1);
                        U32(number);
                        break;
                    case (SiPolicySettingKind.Binary, string hex):
                        U32(2);
                        Blob(ParseHex(hex, path, "Binary"));
                        break;
                    case (SiPolicySettingKind.String, string text):
                        U32(3);
                        String(text);
                        break;
                    default:
                        throw SiPolicyFormatException.AtPath($"the value ({setting.Value?.GetType().Name ?? "null"}) is not a {setting.Kind}", path);
                }
            }
        }

        private void WriteBlock(int tag)
        {
            switch (tag)
            {
                case 3:
                    foreach (var (rule, index) in _ordered)
                    {
                        var path = SiPolicyPaths.FileRule(rule, index);
                        U64(rule.MaximumFileVersion is null ? 0 : ParseVersion(rule.MaximumFileVersion, path + "/@MaximumFileVersion").ToUInt64());
                        WriteAppIds(rule.AppIds, path);
                    }

                    for (var i = 0; i < _policy.Signers.Count; i++)
                    {
                        U64((ulong)SignTime(_policy.Signers[i].SignTimeAfter, SiPolicyPaths.Signer(_policy.Signers[i], i)));
                    }

                    break;
                case 4:
                    foreach (var (rule, _) in _ordered)
                    {
                        String(rule.InternalName);
                        String(rule.FileDescription);
                        String(rule.ProductName);
                    }

                    break;
                case 5:
                    foreach (var (rule, index) in _ordered)
                    {
                        String(rule.PackageFamilyName);
                        U64(rule.PackageVersion is null ? 0 : ParseVersion(rule.PackageVersion, SiPolicyPaths.FileRule(rule, index) + "/@PackageVersion").ToUInt64());
                    }

                    break;
                case 6:
                    WriteGuid(ParseGuid(_policy.PolicyId, "PolicyID", System.Guid.Empty));
                    WriteGuid(ParseGuid(_policy.BasePolicyId, "BasePolicyID", System.Guid.Empty));
                    SignerIds(_policy.SupplementalPolicySigners, "SupplementalPolicySigners/SupplementalPolicySigner");
                    break;
                case 7:
                    foreach (var (rule, _) in _ordered)
                    {
                        String(rule.FilePath);
                    }

                    break;
                default:
                    if (_policy.CompiledAppSettings is null)
                    {
                        U32(0);
                    }
                    else
                    {
                        var block = ParseHex(_policy.CompiledAppSettings, "CompiledAppSettings", "value");
                        if (block.Length < 4)
                        {
                            throw SiPolicyFormatException.AtPath("the compiled app settings block is shorter than its app count", "CompiledAppSettings");
                        }

                        _stream.Write(block, 0, block.Length);
                    }

                    break;
            }
        }

        /// <summary>AppIDs: null is none; text starting with "$(" is a run of macros, each written as its value; anything
        /// else is one literal value (the HotCakeX converter's reading of the attribute).</summary>
        private void WriteAppIds(string? appIds, string path)
        {
            if (appIds is null)
            {
                U32(0);
                return;
            }

            if (!appIds.StartsWith("$(", StringComparison.Ordinal))
            {
                U32(1);
                String(appIds);
                return;
            }

            var values = new List<string?>();
            var position = 0;
            while (position < appIds.Length)
            {
                var close = appIds.IndexOf(')', position);
                if (!string.Equals(appIds.Substring(position, Math.Min(2, appIds.Length - position)), "$(", StringComparison.Ordinal) || close < 0)
                {
                    throw SiPolicyFormatException.AtPath($"AppIDs '{appIds}' mixes macros and text", path + "/@AppIDs");
                }

                var id = appIds.Substring(position + 2, close - position - 2);
                if (!_macros.TryGetValue(id, out var value))
                {
                    throw SiPolicyFormatException.AtPath($"AppIDs names the macro '{id}', which Macros does not define", path + "/@AppIDs");
                }

                values.Add(value);
                position = close + 1;
            }

            U32((uint)values.Count);
            foreach (var value in values)
            {
                String(value);
            }
        }

        private static uint Resolve(Dictionary<string, int> map, string? id, string path, string what) =>
            id is not null && map.TryGetValue(id, out var index)
                ? (uint)index
                : throw SiPolicyFormatException.AtPath($"no {what} has the ID '{id}'", path);

        private static SiPolicyVersion ParseVersion(string text, string path) =>
            SiPolicyVersion.TryParse(text, out var version)
                ? version
                : throw SiPolicyFormatException.AtPath($"'{text}' is not a version of four numbers from 0 to 65535", path);

        private static byte[] ParseHex(string? text, string path, string what)
        {
            if (text is null)
            {
                return [];
            }

            return SecureBootBytes.ParseHex(text) ?? throw SiPolicyFormatException.AtPath($"{what} '{text}' is not hex", path);
        }

        private static Guid ParseGuid(string? text, string path, Guid absent)
        {
            if (text is null)
            {
                return absent;
            }

            return SiPolicyGuids.TryParse(text, out var guid) ? guid : throw SiPolicyFormatException.AtPath($"'{text}' is not a GUID", path);
        }

        /// <summary>SignTimeAfter as a FILETIME. A time without a zone is taken as UTC (how ConfigCI reads one is unverified).</summary>
        private static long SignTime(string? text, string path)
        {
            if (text is null)
            {
                return 0;
            }

            if (!SiPolicyDates.TryParse(text, out var time))
            {
                throw SiPolicyFormatException.AtPath($"SignTimeAfter '{text}' is not an xs:dateTime", path);
            }

            try
            {
                return time.ToFileTimeUtc();
            }
            catch (ArgumentOutOfRangeException)
            {
                throw SiPolicyFormatException.AtPath($"SignTimeAfter '{text}' is before 1601, which a FILETIME cannot hold", path);
            }
        }

        private void U32(uint value)
        {
            _stream.WriteByte((byte)value);
            _stream.WriteByte((byte)(value >> 8));
            _stream.WriteByte((byte)(value >> 16));
            _stream.WriteByte((byte)(value >> 24));
        }

        private void U64(ulong value)
        {
            U32((uint)value);
            U32((uint)(value >> 32));
        }

        private void WriteGuid(Guid value)
        {
            var bytes = value.ToByteArray();
            _stream.Write(bytes, 0, bytes.Length);
        }

        private void Blob(byte[] value)
        {
            U32((uint)value.Length);
            _stream.Write(value, 0, value.Length);
            Pad(value.Length);
        }

        private void String(string? value)
        {
            var bytes = value is null ? [] : Encoding.Unicode.GetBytes(value);
            Blob(bytes);
            U32(0);
        }

        private void Pad(int length)
        {
            for (var i = length; (i & 3) != 0; i++)
            {
                _stream.WriteByte(0);
            }
        }
    }
}
