using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Reads a compiled App Control policy (.cip, SiPolicy.p7b), format versions 1 to 8, unsigned or wrapped in CMS
/// SignedData. The layout is the one WDACTools CIPolicyParser.psm1 and the HotCakeX AppControl Manager converter describe
/// (FORMATS.md §3): a 0x44-byte header, then EKUs, file rules, signers, update-policy and CI signers, signing scenarios,
/// HVCI options and settings, then one tagged block per later version (3: maximum versions, AppIDs, SignTimeAfter; 4:
/// internal name, description, product; 5: package family and version; 6: PolicyID, BasePolicyID, supplemental signers;
/// 7: file paths; 8: app settings) and a u32 of the version plus one. Bounded: at most <see cref="MaxInputBytes"/>, every
/// count and length checked against what is left before anything is allocated, nothing read outside the input; any
/// problem is a <see cref="SiPolicyFormatException"/> at its byte. What the binary does not hold (IDs, names, friendly
/// names) is regenerated: docs/app-control-policies.md lists it.
/// </summary>
public static class SiPolicyBinaryReader
{
    /// <summary>The largest input read (64 MiB; Microsoft's driver block list compiles to well under 1 MiB).</summary>
    public const int MaxInputBytes = 64 * 1024 * 1024;

    /// <summary>The u32 after the header's fields: the header's length (WDACTools warns when it is not 0x40).</summary>
    internal const uint HeaderLength = 0x40;

    /// <summary>The minimum hash algorithm value that means "none given" (CALG_SHA_256, 0x800C).</summary>
    internal const uint NoMinimumHashAlgorithm = 0x800C;

    /// <summary>Reads a compiled policy, signed or not.</summary>
    /// <exception cref="SiPolicyFormatException">The bytes are not a compiled policy this reader accepts.</exception>
    public static CompiledPolicy Read(byte[] data)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        if (data.Length > MaxInputBytes)
        {
            throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "the input is {0} bytes, more than the {1} read", data.Length, MaxInputBytes), 0);
        }

        if (data.Length == 0)
        {
            throw SiPolicyFormatException.AtOffset("the input is empty", 0);
        }

        // An unsigned policy starts with its format version (1 to 8), a signed one with a DER SEQUENCE.
        var signed = data[0] == 0x30;
        var start = 0;
        var length = data.Length;
        List<string> signers = [];
        string? signersUnknownReason = null;
        if (signed)
        {
            (start, length) = SiPolicyCms.Unwrap(data, out signers, out signersUnknownReason);
        }

        var policy = ReadPolicy(new SiPolicyBinaryCursor(data, start, start + length), out var version);
        return new CompiledPolicy(policy, version, signed, signers, signersUnknownReason, data.Length, length);
    }

    private static SiPolicy ReadPolicy(SiPolicyBinaryCursor c, out int formatVersion)
    {
        var policy = new SiPolicy();
        var headerStart = c.Position;
        var version = c.UInt32("the format version");
        if (version is < 1 or > 8)
        {
            throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "the format version is {0}; versions 1 to 8 are known", version), headerStart);
        }

        formatVersion = (int)version;
        var headerId = c.Guid("the policy type ID");
        policy.PlatformId = SiPolicyGuids.Format(c.Guid("the platform ID"));
        var flagsAt = c.Position;
        var flags = c.UInt32("the option flags");
        if ((flags & 0x80000000) == 0)
        {
            throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "the option flags 0x{0:X8} lack 0x80000000, which every policy sets", flags), flagsAt);
        }

        policy.PolicyType = (flags & 0x40000000) != 0 ? SiPolicyType.Supplemental : SiPolicyType.Base;
        foreach (var option in SiPolicyRuleOptions.FromFlags(flags))
        {
            policy.Rules.Add(option.XmlName);
        }

        policy.UnmappedOptionFlags = flags & ~SiPolicyRuleOptions.ReservedFlags & ~SiPolicyRuleOptions.KnownBits;

        var countsAt = c.Position;
        var ekuCount = c.UInt32("the EKU count");
        var ruleCount = c.UInt32("the file rule count");
        var signerCount = c.UInt32("the signer count");
        var scenarioCount = c.UInt32("the signing scenario count");
        policy.VersionEx = SiPolicyVersion.FromUInt64(c.UInt64("VersionEx")).ToString();
        var headerLengthAt = c.Position;
        var headerLength = c.UInt32("the header length");
        if (headerLength != HeaderLength)
        {
            throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "the header length is 0x{0:X}, not 0x40", headerLength), headerLengthAt);
        }

        // Each EKU takes at least 4 bytes, each file rule 24, each signer 40, each scenario 48.
        var least = (ekuCount * 4L) + (ruleCount * 24L) + (signerCount * 40L) + (scenarioCount * 48L);
        if (least > c.Remaining)
        {
            throw SiPolicyFormatException.AtOffset(
                string.Format(CultureInfo.InvariantCulture, "{0} EKUs, {1} file rules, {2} signers and {3} scenarios need at least {4} bytes but {5} are left", ekuCount, ruleCount, signerCount, scenarioCount, least, c.Remaining),
                countsAt);
        }

        ReadEkus(c, policy, (int)ekuCount);
        var minimumVersions = ReadFileRules(c, policy, (int)ruleCount);
        ReadSigners(c, policy, (int)signerCount, (int)ekuCount, (int)ruleCount);
        ReadSignerIds(c, policy.UpdatePolicySigners, policy.Signers, "the update policy signer");
        ReadSignerIds(c, policy.CiSigners, policy.Signers, "the CI signer");
        ReadScenarios(c, policy, (int)scenarioCount);
        policy.HvciOptions = c.UInt32("HvciOptions");
        ReadSettings(c, policy);

        var maximumVersions = new ulong[ruleCount];
        for (var tag = 3u; tag <= version; tag++)
        {
            var tagAt = c.Position;
            var found = c.UInt32("a block tag");
            if (found != tag)
            {
                throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "the block tag is {0}, but format {1} has block {2} here", found, version, tag), tagAt);
            }

            switch (tag)
            {
                case 3:
                    ReadVersion3(c, policy, maximumVersions);
                    break;
                case 4:
                    foreach (var rule in policy.FileRules)
                    {
                        rule.InternalName = c.String("a file rule's internal name");
                        rule.FileDescription = c.String("a file rule's file description");
                        rule.ProductName = c.String("a file rule's product name");
                    }

                    break;
                case 5:
                    foreach (var rule in policy.FileRules)
                    {
                        rule.PackageFamilyName = c.String("a file rule's package family name");
                        var packageVersion = c.UInt64("a file rule's package version");
                        rule.PackageVersion = packageVersion == 0 ? null : SiPolicyVersion.FromUInt64(packageVersion).ToString();
                    }

                    break;
                case 6:
                    policy.PolicyId = NullWhenEmpty(c.Guid("PolicyID"));
                    policy.BasePolicyId = NullWhenEmpty(c.Guid("BasePolicyID"));
                    ReadSignerIds(c, policy.SupplementalPolicySigners, policy.Signers, "the supplemental policy signer");
                    break;
                case 7:
                    foreach (var rule in policy.FileRules)
                    {
                        rule.FilePath = c.String("a file rule's path");
                    }

                    break;
                default:
                    // 8: the app settings block, kept byte for byte up to the terminator (its layout is not verified).
                    // An empty block is the app count 0.
                    c.Need(8, "the app settings block and the terminator");
                    var block = c.Raw(c.Remaining - 4);
                    policy.CompiledAppSettings = block == "00000000" ? null : block;
                    break;
            }
        }

        if (version < 6 || policy.PolicyId is null || !string.Equals(SiPolicyGuids.Format(headerId), policy.PolicyId, StringComparison.Ordinal))
        {
            policy.PolicyTypeId = SiPolicyGuids.Format(headerId);
        }

        ApplyVersions(policy, minimumVersions, maximumVersions);

        var endAt = c.Position;
        var end = c.UInt32("the terminator");
        if (end != version + 1)
        {
            throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "the policy ends with {0}, not {1} (format {2} plus one)", end, version + 1, version), endAt);
        }

        if (c.Remaining != 0)
        {
            throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "{0} bytes follow the terminator", c.Remaining), c.Position);
        }

        return policy;
    }

    private static void ReadEkus(SiPolicyBinaryCursor c, SiPolicy policy, int count)
    {
        for (var i = 0; i < count; i++)
        {
            policy.Ekus.Add(new SiPolicyEku
            {
                Id = "ID_EKU_E_" + Number(i),
                Value = c.HexBlob("an EKU"),
            });
        }
    }

    private static ulong[] ReadFileRules(SiPolicyBinaryCursor c, SiPolicy policy, int count)
    {
        var minimums = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var typeAt = c.Position;
            var type = c.UInt32("a file rule's type");
            if (type > 3)
            {
                throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "a file rule's type is {0}; 0 Deny, 1 Allow, 2 FileAttrib and 3 FileRule are known", type), typeAt);
            }

            var kind = (SiPolicyFileRuleKind)type;
            var rule = new SiPolicyFileRule
            {
                Kind = kind,
                Id = kind switch
                {
                    SiPolicyFileRuleKind.Deny => "ID_DENY_D_",
                    SiPolicyFileRuleKind.Allow => "ID_ALLOW_A_",
                    SiPolicyFileRuleKind.FileAttrib => "ID_FILEATTRIB_F_",
                    _ => "ID_FILERULE_R_",
                } + Number(i),
                FileName = c.String("a file rule's file name"),
            };
            minimums[i] = c.UInt64("a file rule's minimum version");
            rule.Hash = c.HexBlob("a file rule's hash");
            policy.FileRules.Add(rule);
        }

        return minimums;
    }

    private static void ReadSigners(SiPolicyBinaryCursor c, SiPolicy policy, int count, int ekuCount, int ruleCount)
    {
        for (var i = 0; i < count; i++)
        {
            var signer = new SiPolicySigner { Id = "ID_SIGNER_S_" + Number(i), Name = "Signer " + Number(i) };
            var rootAt = c.Position;
            var rootType = c.UInt32("a signer's root type");
            switch (rootType)
            {
                case 0:
                    signer.CertRootType = SiPolicyCertRootType.Tbs;
                    signer.CertRootValue = c.HexBlob("a signer's TBS hash");
                    break;
                case 1:
                    signer.CertRootType = SiPolicyCertRootType.WellKnown;
                    var valueAt = c.Position;
                    var wellKnown = c.UInt32("a signer's well-known root");
                    if (wellKnown > 0xFF)
                    {
                        throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "a well-known root is 0x{0:X}, more than one byte", wellKnown), valueAt);
                    }

                    signer.CertRootValue = ((byte)wellKnown).ToString("X2", CultureInfo.InvariantCulture);
                    break;
                default:
                    throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "a signer's root type is {0}; 0 TBS and 1 well-known are known", rootType), rootAt);
            }

            var ekus = c.Count("a signer's EKU count", 4);
            for (var j = 0; j < ekus; j++)
            {
                signer.CertEkus.Add(policy.Ekus[c.Index(ekuCount, "a signer's EKU index")].Id!);
            }

            signer.CertIssuer = c.String("a signer's issuer");
            signer.CertPublisher = c.String("a signer's publisher");
            signer.CertOemId = c.String("a signer's OEM ID");
            var references = c.Count("a signer's file attribute reference count", 4);
            for (var j = 0; j < references; j++)
            {
                signer.FileAttribRefs.Add(policy.FileRules[c.Index(ruleCount, "a signer's file attribute reference")].Id!);
            }

            policy.Signers.Add(signer);
        }
    }

    private static void ReadSignerIds(SiPolicyBinaryCursor c, IList<string> ids, IList<SiPolicySigner> signers, string what)
    {
        var count = c.Count(what + " count", 4);
        for (var i = 0; i < count; i++)
        {
            ids.Add(signers[c.Index(signers.Count, what + " index")].Id!);
        }
    }

    private static void ReadScenarios(SiPolicyBinaryCursor c, SiPolicy policy, int count)
    {
        var inherited = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            var valueAt = c.Position;
            var value = c.UInt32("a signing scenario's value");
            if (value > 0xFF)
            {
                throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "a signing scenario's value is {0}, more than one byte", value), valueAt);
            }

            var scenario = new SiPolicySigningScenario { Value = (byte)value, Id = "ID_SIGNINGSCENARIO_S_" + Number(i) };
            var inheritedCount = c.Count("a scenario's inherited scenario count", 4);
            inherited[i] = new List<int>(inheritedCount);
            for (var j = 0; j < inheritedCount; j++)
            {
                inherited[i].Add(c.Index(count, "an inherited scenario index"));
            }

            var hashAt = c.Position;
            var hash = c.UInt32("a scenario's minimum hash algorithm");
            if (hash > ushort.MaxValue)
            {
                throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "a scenario's minimum hash algorithm is 0x{0:X}, more than 16 bits", hash), hashAt);
            }

            scenario.MinimumHashAlgorithm = hash == NoMinimumHashAlgorithm ? null : (ushort)hash;
            scenario.ProductSigners = ReadGroup(c, policy);
            var test = ReadGroup(c, policy);
            scenario.TestSigners = test.IsEmpty ? null : test;
            var testSigning = ReadGroup(c, policy);
            scenario.TestSigningSigners = testSigning.IsEmpty ? null : testSigning;
            policy.SigningScenarios.Add(scenario);
        }

        for (var i = 0; i < count; i++)
        {
            if (inherited[i].Count > 0)
            {
                policy.SigningScenarios[i].InheritedScenarios = string.Join(",", inherited[i].Select(j => policy.SigningScenarios[j].Id));
            }
        }
    }

    private static SiPolicySignerGroup ReadGroup(SiPolicyBinaryCursor c, SiPolicy policy)
    {
        var group = new SiPolicySignerGroup();
        ReadScenarioSigners(c, policy, group.AllowedSigners, "an allowed signer");
        ReadScenarioSigners(c, policy, group.DeniedSigners, "a denied signer");
        var references = c.Count("a scenario's file rule reference count", 4);
        for (var i = 0; i < references; i++)
        {
            group.FileRuleRefs.Add(policy.FileRules[c.Index(policy.FileRules.Count, "a scenario's file rule reference")].Id!);
        }

        return group;
    }

    private static void ReadScenarioSigners(SiPolicyBinaryCursor c, SiPolicy policy, IList<SiPolicyScenarioSigner> signers, string what)
    {
        var count = c.Count(what + " count", 8);
        for (var i = 0; i < count; i++)
        {
            var signer = new SiPolicyScenarioSigner { SignerId = policy.Signers[c.Index(policy.Signers.Count, what + " index")].Id };
            var exceptions = c.Count(what + "'s exception count", 4);
            for (var j = 0; j < exceptions; j++)
            {
                signer.Exceptions.Add(policy.FileRules[c.Index(policy.FileRules.Count, what + "'s exception")].Id!);
            }

            signers.Add(signer);
        }
    }

    private static void ReadSettings(SiPolicyBinaryCursor c, SiPolicy policy)
    {
        var count = c.Count("the setting count", 32);
        for (var i = 0; i < count; i++)
        {
            var setting = new SiPolicySetting
            {
                Provider = c.String("a setting's provider"),
                Key = c.String("a setting's key"),
                ValueName = c.String("a setting's value name"),
            };
            var typeAt = c.Position;
            var type = c.UInt32("a setting's type");
            switch (type)
            {
                case 0:
                    var boolAt = c.Position;
                    var flag = c.UInt32("a Boolean setting");
                    if (flag > 1)
                    {
                        throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "a Boolean setting is {0}, not 0 or 1", flag), boolAt);
                    }

                    setting.Kind = SiPolicySettingKind.Boolean;
                    setting.Value = flag == 1;
                    break;
                case 1:
                    setting.Kind = SiPolicySettingKind.DWord;
                    setting.Value = c.UInt32("a DWord setting");
                    break;
                case 2:
                    setting.Kind = SiPolicySettingKind.Binary;
                    setting.Value = c.HexBlob("a Binary setting") ?? string.Empty;
                    break;
                case 3:
                    setting.Kind = SiPolicySettingKind.String;
                    setting.Value = c.String("a String setting") ?? string.Empty;
                    break;
                default:
                    throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "a setting's type is {0}; 0 Boolean, 1 DWord, 2 Binary and 3 String are known", type), typeAt);
            }

            policy.Settings.Add(setting);
        }
    }

    private static void ReadVersion3(SiPolicyBinaryCursor c, SiPolicy policy, ulong[] maximumVersions)
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.FileRules.Count; i++)
        {
            maximumVersions[i] = c.UInt64("a file rule's maximum version");
            var count = c.Count("a file rule's AppID count", 8);
            if (count == 0)
            {
                continue;
            }

            var values = new List<string>(count);
            for (var j = 0; j < count; j++)
            {
                values.Add(c.String("an AppID") ?? string.Empty);
            }

            // One literal value is written as it is; several values (or one that looks like a macro) can only have come
            // from macros, whose names the binary does not keep: each distinct value gets one.
            if (values.Count == 1 && (values[0].Length == 0 || values[0][0] != '$'))
            {
                policy.FileRules[i].AppIds = values[0];
                continue;
            }

            var text = new StringBuilder();
            foreach (var value in values)
            {
                if (!macros.TryGetValue(value, out var id))
                {
                    id = "ID_MACRO_M_" + Number(macros.Count);
                    macros.Add(value, id);
                    policy.Macros.Add(new SiPolicyMacro { Id = id, Value = value });
                }

                _ = text.Append("$(").Append(id).Append(')');
            }

            policy.FileRules[i].AppIds = text.ToString();
        }

        foreach (var signer in policy.Signers)
        {
            var at = c.Position;
            var fileTime = (long)c.UInt64("a signer's SignTimeAfter");
            if (fileTime == 0)
            {
                continue;
            }

            try
            {
                signer.SignTimeAfter = SiPolicyDates.Format(DateTime.FromFileTimeUtc(fileTime));
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "a signer's SignTimeAfter {0} is not a FILETIME .NET can hold", fileTime), at, ex);
            }
        }
    }

    /// <summary>
    /// Minimum and maximum versions: 0 is "none". A Deny rule with neither is compiled with the minimum at
    /// 65535.65535.65535.65535 (HotCakeX converter; CIPolicyParser.psm1 reads it the same way), so that pair reads as none.
    /// </summary>
    private static void ApplyVersions(SiPolicy policy, ulong[] minimums, ulong[] maximums)
    {
        for (var i = 0; i < policy.FileRules.Count; i++)
        {
            var rule = policy.FileRules[i];
            var (minimum, maximum) = (minimums[i], maximums[i]);
            if (rule.Kind == SiPolicyFileRuleKind.Deny && minimum == ulong.MaxValue && maximum == 0)
            {
                continue;
            }

            rule.MinimumFileVersion = minimum == 0 ? null : SiPolicyVersion.FromUInt64(minimum).ToString();
            rule.MaximumFileVersion = maximum == 0 ? null : SiPolicyVersion.FromUInt64(maximum).ToString();
        }
    }

    private static string? NullWhenEmpty(Guid guid) => guid == Guid.Empty ? null : SiPolicyGuids.Format(guid);

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
