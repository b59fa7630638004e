using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Checks a policy the way the schema and Microsoft's rules for base and supplemental policies do, and says what
/// <see cref="SiPolicyBinaryWriter"/> could not compile. Pure: the policy is not changed. Errors are policies Windows would
/// refuse or that would not do what they say; warnings are suspect, ignored or not compilable here.
/// </summary>
public static class SiPolicyValidator
{
    /// <summary>Error: an EKU, file rule or signer has no ID.</summary>
    public const string MissingId = "MissingId";

    /// <summary>Error: an ID is used by more than one EKU, file rule or signer (one namespace across the three), or by two scenarios.</summary>
    public const string DuplicateId = "DuplicateId";

    /// <summary>Error: a reference names no element of the kind it needs.</summary>
    public const string UnresolvedReference = "UnresolvedReference";

    /// <summary>Error: a reference names a file rule of the wrong kind (FileAttribRef needs FileAttrib, ExceptDenyRule a Deny, ExceptAllowRule an Allow).</summary>
    public const string WrongReferenceKind = "WrongReferenceKind";

    /// <summary>Error: an option name the schema does not have.</summary>
    public const string UnknownOption = "UnknownOption";

    /// <summary>Warning: an option named twice.</summary>
    public const string DuplicateOption = "DuplicateOption";

    /// <summary>Warning: an option with no known bit in a compiled policy (Allowed:Debug Policy Augmented): it is not compiled.</summary>
    public const string OptionNotCompiled = "OptionNotCompiled";

    /// <summary>Error: an option Microsoft's rule-option table says a supplemental policy may not have.</summary>
    public const string OptionNotValidInSupplemental = "OptionNotValidInSupplemental";

    /// <summary>Error: a supplemental policy without a BasePolicyID, or whose BasePolicyID is its own PolicyID.</summary>
    public const string SupplementalBasePolicy = "SupplementalBasePolicy";

    /// <summary>Error: a base policy whose BasePolicyID is not its PolicyID.</summary>
    public const string BasePolicyIdMismatch = "BasePolicyIdMismatch";

    /// <summary>Error: neither PolicyID nor PolicyTypeID.</summary>
    public const string MissingPolicyId = "MissingPolicyId";

    /// <summary>Warning: the single-policy format (PolicyTypeID without PolicyID), compiled with a zero PolicyID and BasePolicyID.</summary>
    public const string SinglePolicyFormat = "SinglePolicyFormat";

    /// <summary>Error: a GUID that does not parse.</summary>
    public const string InvalidGuid = "InvalidGuid";

    /// <summary>Error: VersionEx missing, or a version that is not four numbers from 0 to 65535.</summary>
    public const string InvalidVersion = "InvalidVersion";

    /// <summary>Error: a hash that is not hex.</summary>
    public const string InvalidHash = "InvalidHash";

    /// <summary>Error: an EKU value, a CertRoot value or a Binary setting that is not hex, or a Wellknown root that is not one byte.</summary>
    public const string InvalidHex = "InvalidHex";

    /// <summary>Error: a signer without CertRoot.</summary>
    public const string MissingCertRoot = "MissingCertRoot";

    /// <summary>Error: a SignTimeAfter that is not an xs:dateTime.</summary>
    public const string InvalidDateTime = "InvalidDateTime";

    /// <summary>Error: a setting whose value is not of its kind.</summary>
    public const string InvalidSetting = "InvalidSetting";

    /// <summary>Warning: a signing scenario that is neither 131 (kernel) nor 12 (user).</summary>
    public const string UnknownScenario = "UnknownScenario";

    /// <summary>Warning: a base policy that must be signed (no Enabled:Unsigned System Integrity Policy) but names no UpdatePolicySigner,
    /// so once deployed it cannot be replaced (Microsoft's rule-option table, option 6).</summary>
    public const string SignedWithoutUpdateSigner = "SignedWithoutUpdateSigner";

    /// <summary>Warning: something <see cref="SiPolicyBinaryWriter"/> refuses to compile (AppSettings, AppIDTags, an AppID tagging policy).</summary>
    public const string NotCompilable = "NotCompilable";

    /// <summary>Checks the policy; an empty list when nothing is wrong.</summary>
    public static IReadOnlyList<SiPolicyValidationIssue> Validate(SiPolicy policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        var check = new Checks(policy);
        check.Run();
        return check.Issues;
    }

    private sealed class Checks
    {
        private readonly SiPolicy _policy;
        private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SiPolicyFileRule> _rules = new(StringComparer.Ordinal);
        private readonly HashSet<string> _ekus = new(StringComparer.Ordinal);
        private readonly HashSet<string> _signers = new(StringComparer.Ordinal);
        private readonly HashSet<string> _scenarios = new(StringComparer.Ordinal);
        private readonly HashSet<string> _macros = new(StringComparer.Ordinal);

        internal Checks(SiPolicy policy) => _policy = policy;

        internal List<SiPolicyValidationIssue> Issues { get; } = [];

        internal void Run()
        {
            Identity();
            Options();
            Definitions();
            References();
            Settings();
            Compilable();
        }

        private void Identity()
        {
            if (_policy.VersionEx is null)
            {
                Error(InvalidVersion, "The policy has no VersionEx.", "VersionEx");
            }
            else
            {
                Version(_policy.VersionEx, "VersionEx");
            }

            Guid(_policy.PolicyId, "PolicyID");
            Guid(_policy.BasePolicyId, "BasePolicyID");
            Guid(_policy.PlatformId, "PlatformID");
            Guid(_policy.PolicyTypeId, "PolicyTypeID");

            if (_policy.PolicyId is null)
            {
                if (_policy.PolicyTypeId is null)
                {
                    Error(MissingPolicyId, "The policy has neither a PolicyID (multiple-policy format) nor a PolicyTypeID (single-policy format).", "PolicyID");
                }
                else
                {
                    Warning(SinglePolicyFormat, "The policy is in the single-policy format (PolicyTypeID, no PolicyID): it is compiled with a zero PolicyID and BasePolicyID, which is not verified against Microsoft's compiler. Windows reads such a policy as SiPolicy.p7b.", "PolicyTypeID");
                }
            }

            if (_policy.IsSupplemental)
            {
                if (_policy.BasePolicyId is null)
                {
                    Error(SupplementalBasePolicy, "A supplemental policy needs the BasePolicyID of the base policy it supplements.", "BasePolicyID");
                }
                else if (SameGuid(_policy.BasePolicyId, _policy.PolicyId))
                {
                    Error(SupplementalBasePolicy, "A supplemental policy's BasePolicyID must be its base policy's ID, not its own PolicyID.", "BasePolicyID");
                }
            }
            else if (_policy.PolicyId is not null && !SameGuid(_policy.BasePolicyId, _policy.PolicyId))
            {
                Error(BasePolicyIdMismatch, $"A base policy's BasePolicyID ({_policy.BasePolicyId ?? "none"}) must be its PolicyID ({_policy.PolicyId}).", "BasePolicyID");
            }
        }

        private void Options()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in _policy.Rules)
            {
                var path = SiPolicyPaths.Rule(name);
                if (!seen.Add(name))
                {
                    Warning(DuplicateOption, $"The option '{name}' is named more than once.", path);
                    continue;
                }

                if (!SiPolicyRuleOptions.TryGetByXmlName(name, out var option))
                {
                    var near = SiPolicyRuleOptions.All.FirstOrDefault(o => string.Equals(o.XmlName, name.Trim(), StringComparison.OrdinalIgnoreCase));
                    Error(UnknownOption, near is null
                        ? $"'{name}' is not a rule option."
                        : $"'{name}' is not a rule option; the schema spells it '{near.XmlName}' (the match is case-sensitive).", path);
                    continue;
                }

                if (option.Bit == 0)
                {
                    Warning(OptionNotCompiled, $"'{name}' has no known bit in a compiled policy, so the compiled policy does not carry it.", path);
                }

                if (_policy.IsSupplemental && !option.ValidInSupplemental)
                {
                    Error(OptionNotValidInSupplemental, $"A supplemental policy may not have '{name}' (Microsoft's rule-option table: valid supplemental options are 5, 6, 7, 13, 14 and 18).", path);
                }
            }

            if (!_policy.IsSupplemental && !_policy.HasOption(SiPolicyRuleOption.EnabledUnsignedSystemIntegrityPolicy) && _policy.UpdatePolicySigners.Count == 0)
            {
                Warning(SignedWithoutUpdateSigner, "Without 'Enabled:Unsigned System Integrity Policy' the policy must be signed, and it names no UpdatePolicySigner: once deployed it could not be replaced by a signed update.", "UpdatePolicySigners");
            }
        }

        private void Definitions()
        {
            for (var i = 0; i < _policy.Ekus.Count; i++)
            {
                var eku = _policy.Ekus[i];
                var path = SiPolicyPaths.Eku(eku, i);
                if (Own(eku.Id, path))
                {
                    _ = _ekus.Add(eku.Id!);
                }

                Hex(eku.Value, path, "Value", InvalidHex);
            }

            for (var i = 0; i < _policy.FileRules.Count; i++)
            {
                var rule = _policy.FileRules[i];
                var path = SiPolicyPaths.FileRule(rule, i);
                if (Own(rule.Id, path))
                {
                    _rules[rule.Id!] = rule;
                }

                OptionalVersion(rule.MinimumFileVersion, path + "/@MinimumFileVersion");
                OptionalVersion(rule.MaximumFileVersion, path + "/@MaximumFileVersion");
                OptionalVersion(rule.PackageVersion, path + "/@PackageVersion");
                Hex(rule.Hash, path, "Hash", InvalidHash);
            }

            for (var i = 0; i < _policy.Signers.Count; i++)
            {
                var signer = _policy.Signers[i];
                var path = SiPolicyPaths.Signer(signer, i);
                if (Own(signer.Id, path))
                {
                    _ = _signers.Add(signer.Id!);
                }

                if (signer.CertRootType is null)
                {
                    Error(MissingCertRoot, "The signer has no CertRoot.", path);
                }
                else if (Hex(signer.CertRootValue, path + "/CertRoot", "Value", InvalidHex) is { } root && signer.CertRootType == SiPolicyCertRootType.WellKnown && root.Length != 1)
                {
                    Error(InvalidHex, $"A Wellknown CertRoot is one byte, not '{signer.CertRootValue}'.", path + "/CertRoot");
                }

                if (signer.SignTimeAfter is not null && !(SiPolicyDates.TryParse(signer.SignTimeAfter, out var time) && time >= SiPolicyDates.FileTimeEpoch))
                {
                    Error(InvalidDateTime, $"SignTimeAfter '{signer.SignTimeAfter}' is not an xs:dateTime from 1601 on (a compiled policy holds it as a FILETIME).", path + "/@SignTimeAfter");
                }
            }

            for (var i = 0; i < _policy.SigningScenarios.Count; i++)
            {
                var scenario = _policy.SigningScenarios[i];
                var path = SiPolicyPaths.Scenario(scenario, i);
                if (scenario.Id is not null && !_scenarios.Add(scenario.Id))
                {
                    Error(DuplicateId, $"Two signing scenarios have the ID '{scenario.Id}'.", path);
                }

                if (scenario.Value is not (SiPolicySigningScenario.KernelMode or SiPolicySigningScenario.UserMode))
                {
                    Warning(UnknownScenario, $"Signing scenario {scenario.Value} is neither 131 (kernel mode) nor 12 (user mode).", path);
                }
            }

            foreach (var macro in _policy.Macros)
            {
                if (macro.Id is not null)
                {
                    _ = _macros.Add(macro.Id);
                }
            }
        }

        private void References()
        {
            for (var i = 0; i < _policy.Signers.Count; i++)
            {
                var signer = _policy.Signers[i];
                var path = SiPolicyPaths.Signer(signer, i);
                foreach (var eku in signer.CertEkus)
                {
                    Reference(_ekus.Contains(eku), eku, "EKU", path + "/CertEKU[@ID='" + eku + "']");
                }

                foreach (var rule in signer.FileAttribRefs)
                {
                    RuleReference(rule, SiPolicyFileRuleKind.FileAttrib, path + "/FileAttribRef[@RuleID='" + rule + "']");
                }
            }

            for (var i = 0; i < _policy.SigningScenarios.Count; i++)
            {
                var scenario = _policy.SigningScenarios[i];
                var path = SiPolicyPaths.Scenario(scenario, i);
                foreach (var inherited in (scenario.InheritedScenarios ?? string.Empty).Split(',').Select(s => s.Trim()).Where(s => s.Length > 0))
                {
                    Reference(_scenarios.Contains(inherited), inherited, "signing scenario", path + "/@InheritedScenarios");
                }

                Group(scenario.ProductSigners, path + "/ProductSigners");
                Group(scenario.TestSigners, path + "/TestSigners");
                Group(scenario.TestSigningSigners, path + "/TestSigningSigners");
            }

            SignerIds(_policy.UpdatePolicySigners, "UpdatePolicySigners/UpdatePolicySigner");
            SignerIds(_policy.CiSigners, "CiSigners/CiSigner");
            SignerIds(_policy.SupplementalPolicySigners, "SupplementalPolicySigners/SupplementalPolicySigner");

            for (var i = 0; i < _policy.FileRules.Count; i++)
            {
                var appIds = _policy.FileRules[i].AppIds;
                if (appIds is null || !appIds.StartsWith("$(", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = SiPolicyPaths.FileRule(_policy.FileRules[i], i) + "/@AppIDs";
                foreach (var macro in MacroNames(appIds))
                {
                    Reference(macro is not null && _macros.Contains(macro), macro ?? appIds, "macro", path);
                }
            }
        }

        private void Group(SiPolicySignerGroup? group, string path)
        {
            if (group is null)
            {
                return;
            }

            foreach (var signer in group.AllowedSigners)
            {
                var signerPath = path + "/AllowedSigners/AllowedSigner[@SignerId='" + signer.SignerId + "']";
                Reference(signer.SignerId is not null && _signers.Contains(signer.SignerId), signer.SignerId, "signer", signerPath);
                foreach (var rule in signer.Exceptions)
                {
                    RuleReference(rule, SiPolicyFileRuleKind.Deny, signerPath + "/ExceptDenyRule[@DenyRuleID='" + rule + "']");
                }
            }

            foreach (var signer in group.DeniedSigners)
            {
                var signerPath = path + "/DeniedSigners/DeniedSigner[@SignerId='" + signer.SignerId + "']";
                Reference(signer.SignerId is not null && _signers.Contains(signer.SignerId), signer.SignerId, "signer", signerPath);
                foreach (var rule in signer.Exceptions)
                {
                    RuleReference(rule, SiPolicyFileRuleKind.Allow, signerPath + "/ExceptAllowRule[@AllowRuleID='" + rule + "']");
                }
            }

            foreach (var rule in group.FileRuleRefs)
            {
                RuleReference(rule, null, path + "/FileRulesRef/FileRuleRef[@RuleID='" + rule + "']");
            }
        }

        private void SignerIds(IList<string> ids, string path)
        {
            foreach (var id in ids)
            {
                Reference(_signers.Contains(id), id, "signer", path + "[@SignerId='" + id + "']");
            }
        }

        private void RuleReference(string id, SiPolicyFileRuleKind? kind, string path)
        {
            if (!_rules.TryGetValue(id, out var rule))
            {
                Reference(false, id, "file rule", path);
                return;
            }

            // A generic FileRule counts as the kind its Type compiles to.
            if (kind is { } wanted && SiPolicyBinaryWriter.BinaryType(rule) != (uint)wanted)
            {
                Error(WrongReferenceKind, $"'{id}' is a {SiPolicyPaths.ElementName(rule.Kind)} rule; this reference needs a {SiPolicyPaths.ElementName(wanted)} rule.", path);
            }
        }

        private void Reference(bool found, string? id, string what, string path)
        {
            if (!found)
            {
                Error(UnresolvedReference, $"No {what} has the ID '{id}'.", path);
            }
        }

        private void Settings()
        {
            for (var i = 0; i < _policy.Settings.Count; i++)
            {
                var setting = _policy.Settings[i];
                var path = SiPolicyPaths.Setting(setting, i);
                var fits = (setting.Kind, setting.Value) switch
                {
                    (SiPolicySettingKind.Boolean, bool) => true,
                    (SiPolicySettingKind.DWord, uint) => true,
                    (SiPolicySettingKind.String, string) => true,
                    (SiPolicySettingKind.Binary, string hex) => SecureBoot.SecureBootBytes.ParseHex(hex) is not null,
                    _ => false,
                };
                if (!fits)
                {
                    Error(InvalidSetting, $"The setting's value ({setting.Value ?? "null"}) is not a {setting.Kind}{(setting.Kind == SiPolicySettingKind.Binary ? " in hex" : string.Empty)}.", path);
                }
            }
        }

        private void Compilable()
        {
            if (_policy.PolicyType == SiPolicyType.AppIdTagging)
            {
                Warning(NotCompilable, "An AppID tagging policy is compiled with options and settings Microsoft's compiler adds itself; this compiler does not compile it.", "SiPolicy/@PolicyType");
            }

            for (var i = 0; i < _policy.SigningScenarios.Count; i++)
            {
                if (_policy.SigningScenarios[i].AppIdTags is not null)
                {
                    Warning(NotCompilable, "AppIDTags are compiled into settings whose layout is not verified here; this compiler does not compile them.", SiPolicyPaths.Scenario(_policy.SigningScenarios[i], i) + "/AppIDTags");
                }
            }

            if (_policy.AppSettings.Count > 0)
            {
                Warning(NotCompilable, "App settings are compiled from each app's manifest, which the XML only points to; this compiler does not compile them.", "AppSettings");
            }
        }

        /// <summary>Records the ID's owner; false (and an issue) when it is missing or already taken.</summary>
        private bool Own(string? id, string path)
        {
            if (id is null)
            {
                Error(MissingId, "The element has no ID, so nothing can refer to it.", path);
                return false;
            }

            if (_owners.TryGetValue(id, out var owner))
            {
                Error(DuplicateId, $"The ID '{id}' is already used by {owner}.", path);
                return false;
            }

            _owners.Add(id, path);
            return true;
        }

        private void Version(string text, string path)
        {
            if (!SiPolicyVersion.TryParse(text, out _))
            {
                Error(InvalidVersion, $"'{text}' is not a version of four numbers from 0 to 65535.", path);
            }
        }

        private void OptionalVersion(string? text, string path)
        {
            if (text is not null)
            {
                Version(text, path);
            }
        }

        private void Guid(string? text, string path)
        {
            if (text is not null && !SiPolicyGuids.TryParse(text, out _))
            {
                Error(InvalidGuid, $"'{text}' is not a GUID.", path);
            }
        }

        private byte[]? Hex(string? text, string path, string attribute, string code)
        {
            if (text is null)
            {
                return null;
            }

            var bytes = SecureBoot.SecureBootBytes.ParseHex(text);
            if (bytes is null)
            {
                Error(code, $"{attribute} '{text}' is not hex (an even number of hex digits).", path);
            }

            return bytes;
        }

        private static bool SameGuid(string? a, string? b) =>
            a is not null && b is not null && SiPolicyGuids.TryParse(a, out var x) && SiPolicyGuids.TryParse(b, out var y) ? x == y : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>The macro IDs of a "$(a)$(b)" AppIDs text; a null entry where the text is not such a run.</summary>
        private static IEnumerable<string?> MacroNames(string appIds)
        {
            var position = 0;
            while (position < appIds.Length)
            {
                var close = appIds.IndexOf(')', position);
                if (close < 0 || string.CompareOrdinal(appIds, position, "$(", 0, 2) != 0)
                {
                    yield return null;
                    yield break;
                }

                yield return appIds.Substring(position + 2, close - position - 2);
                position = close + 1;
            }
        }

        private void Error(string code, string message, string path) => Issues.Add(new SiPolicyValidationIssue(SiPolicyValidationSeverity.Error, code, message, path));

        private void Warning(string code, string message, string path) => Issues.Add(new SiPolicyValidationIssue(SiPolicyValidationSeverity.Warning, code, message, path));
    }
}
