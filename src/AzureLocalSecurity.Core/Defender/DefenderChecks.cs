using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Defender;

/// <summary>
/// The Microsoft Defender Antivirus checks (issue 12), decided from MSFT_MpComputerStatus (<see cref="SecuredCoreEvidenceIds.DefenderStatus"/>),
/// MSFT_MpPreference (<see cref="DefenderEvidenceIds.Preference"/>) and the Defender policy keys. The Attack Surface Reduction
/// rules are compared with the rules of the shipped Azure Local baseline (its <c>...\ASR\Rules</c> rows), not a list of our own.
/// A fact that was not read makes its check Unknown with the reason; Defender missing is a fact (NotFound) and fails the checks
/// that need it. Pure.
/// </summary>
public static class DefenderChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "Defender";

    /// <summary>Microsoft Defender Antivirus is installed and is the active antivirus (service on, running mode Normal).</summary>
    public const string ActiveId = "ALSEC-DEF-001";

    /// <summary>Real-time protection is on.</summary>
    public const string RealTimeId = "ALSEC-DEF-002";

    /// <summary>The antivirus security intelligence is no older than the allowed number of days.</summary>
    public const string SignatureAgeId = "ALSEC-DEF-003";

    /// <summary>Tamper protection is on.</summary>
    public const string TamperProtectionId = "ALSEC-DEF-004";

    /// <summary>Every Attack Surface Reduction rule of the baseline is in at least the action the baseline expects.</summary>
    public const string AsrRulesId = "ALSEC-DEF-005";

    /// <summary>No exclusion weakens protection (whole drives, user-writable folders, code file types, script hosts).</summary>
    public const string ExclusionsId = "ALSEC-DEF-006";

    private const uint Never = uint.MaxValue;

    private static readonly string[] References =
    [
        "https://learn.microsoft.com/azure/azure-local/concepts/security-features",
        "https://learn.microsoft.com/powershell/module/defender/get-mpcomputerstatus",
        "https://learn.microsoft.com/previous-versions/windows/desktop/defender/msft-mpcomputerstatus",
    ];

    private static readonly string[] AsrReferences =
    [
        "https://learn.microsoft.com/defender-endpoint/attack-surface-reduction-rules-reference",
        "https://learn.microsoft.com/azure/azure-local/concepts/secure-baseline",
    ];

    private static readonly string[] ExclusionReferences =
    [
        "https://learn.microsoft.com/defender-endpoint/configure-exclusions-microsoft-defender-antivirus",
        "https://learn.microsoft.com/defender-endpoint/common-exclusion-mistakes-microsoft-defender-antivirus",
        DefenderExclusionRules.HyperVExclusionsPage,
        DefenderExclusionRules.ClusterExclusionsPage,
    ];

    /// <summary>Runs every Defender check on <paramref name="bundle"/>.</summary>
    /// <exception cref="ArgumentException">The options name a baseline release that is not shipped.</exception>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle, DefenderOptions? options = null)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        options ??= new DefenderOptions();
        if (options.SignatureMaxAgeDays < 0)
        {
            throw new ArgumentException("The signature age allowed cannot be negative.", nameof(options));
        }

        var node = bundle.NodeName;
        if (bundle.Node.Platform == NodePlatform.Linux)
        {
            const string Why = "Microsoft Defender Antivirus is checked on Windows nodes; this node runs Linux.";
            return Catalog(options).Select(c => Result(c.Id, c.Title, CheckStatus.NotApplicable, c.Severity, c.Expected, null, null, Why, null, node, c.References)).ToList();
        }

        var status = Read(bundle, SecuredCoreEvidenceIds.DefenderStatus);
        var preference = Read(bundle, DefenderEvidenceIds.Preference);
        return
        [
            CheckActive(status, node),
            CheckRealTime(status, preference, node),
            CheckSignatures(status, bundle.CapturedAt, options.SignatureMaxAgeDays, node),
            CheckTamper(status, node),
            CheckAsr(bundle, preference, options, node),
            CheckExclusions(bundle, preference, node),
        ];
    }

    private static (string Id, string Title, Severity Severity, string Expected, string[] References)[] Catalog(DefenderOptions options) =>
    [
        (ActiveId, "Microsoft Defender Antivirus is installed and is the active antivirus", Severity.High, "AMServiceEnabled and AntivirusEnabled True, AMRunningMode Normal", References),
        (RealTimeId, "Defender real-time protection is on", Severity.High, "RealTimeProtectionEnabled True", References),
        (SignatureAgeId, "Defender security intelligence is current", Severity.High, SignatureExpected(options.SignatureMaxAgeDays), References),
        (TamperProtectionId, "Defender tamper protection is on", Severity.Medium, "IsTamperProtected True", References),
        (AsrRulesId, "Attack Surface Reduction rules are in the state the Azure Local baseline sets", Severity.High, "each baseline ASR rule at least as strict as the baseline's action", AsrReferences),
        (ExclusionsId, "No Defender exclusion weakens protection", Severity.High, "no whole-drive, user-writable, code-type or script-host exclusion", ExclusionReferences),
    ];

    private static string SignatureExpected(int days) => string.Format(CultureInfo.InvariantCulture, "AntivirusSignatureAge at most {0} day(s)", days);

    private static SecurityCheckResult CheckActive(Fact status, string node)
    {
        const string Title = "Microsoft Defender Antivirus is installed and is the active antivirus";
        const string Expected = "AMServiceEnabled and AntivirusEnabled True, AMRunningMode Normal";
        if (status.Record is not { } r)
        {
            return Missing(status, ActiveId, Title, Severity.High, Expected, node, References);
        }

        var service = r.Get("AMServiceEnabled")?.AsBoolean();
        var antivirus = r.Get("AntivirusEnabled")?.AsBoolean();
        var mode = r.Get("AMRunningMode")?.AsString();
        var actual = $"AMServiceEnabled {Show(service)}, AntivirusEnabled {Show(antivirus)}, AMRunningMode {mode ?? "(not reported)"}";
        if (service == false || antivirus == false)
        {
            return Result(ActiveId, Title, CheckStatus.NonCompliant, Severity.High, Expected, actual, status.Source, "The antimalware service or the antivirus engine is off.",
                "Turn Microsoft Defender Antivirus on: remove the policy that disables it (DisableAntiSpyware) and start the WinDefend service; Azure Local's baseline keeps it on.", node, References);
        }

        if (mode is not null && !string.Equals(mode, "Normal", StringComparison.OrdinalIgnoreCase))
        {
            return Result(ActiveId, Title, CheckStatus.NonCompliant, Severity.High, Expected, actual, status.Source,
                $"Defender runs in {mode} mode: it does not block threats itself (another antivirus is primary, or only EDR block mode acts).",
                "Make Microsoft Defender Antivirus the active antivirus (Normal mode), or document the antivirus that protects the node instead.", node, References);
        }

        if (service is null || antivirus is null)
        {
            return Result(ActiveId, Title, CheckStatus.Unknown, Severity.High, Expected, actual, status.Source, "MSFT_MpComputerStatus did not report AMServiceEnabled and AntivirusEnabled.", null, node, References);
        }

        return Result(ActiveId, Title, CheckStatus.Compliant, Severity.High, Expected, actual, status.Source, mode is null ? "This build does not report AMRunningMode." : null, null, node, References);
    }

    private static SecurityCheckResult CheckRealTime(Fact status, Fact preference, string node)
    {
        const string Title = "Defender real-time protection is on";
        const string Expected = "RealTimeProtectionEnabled True";
        if (status.Record is not { } r)
        {
            return Missing(status, RealTimeId, Title, Severity.High, Expected, node, References);
        }

        var on = r.Get("RealTimeProtectionEnabled")?.AsBoolean();
        var disabled = preference.Record?.Get("DisableRealtimeMonitoring")?.AsBoolean();
        var actual = "RealTimeProtectionEnabled " + Show(on) + (disabled is { } d ? ", DisableRealtimeMonitoring " + Show(d) : string.Empty);
        var source = Join(status.Source, disabled is null ? null : preference.Source);
        return on switch
        {
            true => Result(RealTimeId, Title, CheckStatus.Compliant, Severity.High, Expected, actual, source, null, null, node, References),
            false => Result(RealTimeId, Title, CheckStatus.NonCompliant, Severity.High, Expected, actual, source,
                "Files are not scanned when they are opened, written or run; malware can land and start unseen.",
                "Turn real-time protection on: Set-MpPreference -DisableRealtimeMonitoring $false, and remove any policy that sets DisableRealtimeMonitoring (Azure Local's baseline sets it to 0).", node, References),
            _ => Result(RealTimeId, Title, CheckStatus.Unknown, Severity.High, Expected, null, status.Source, "MSFT_MpComputerStatus did not report RealTimeProtectionEnabled.", null, node, References),
        };
    }

    private static SecurityCheckResult CheckSignatures(Fact status, DateTimeOffset capturedAt, int maxDays, string node)
    {
        const string Title = "Defender security intelligence is current";
        var expected = SignatureExpected(maxDays);
        if (status.Record is not { } r)
        {
            return Missing(status, SignatureAgeId, Title, Severity.High, expected, node, References);
        }

        var age = r.Get("AntivirusSignatureAge")?.AsInt64();
        var updatedValue = r.Get("AntivirusSignatureLastUpdated");
        DateTime? updated = updatedValue?.Value is DateTime t ? t : null;
        var version = r.Get("AntivirusSignatureVersion")?.AsString();
        var outOfDate = r.Get("DefenderSignaturesOutOfDate")?.AsBoolean();
        string? note = null;
        if (age is null && updated is { } u)
        {
            age = (long)Math.Floor((capturedAt.UtcDateTime - u).TotalDays);
            note = "AntivirusSignatureAge was not reported; the age is counted from AntivirusSignatureLastUpdated to the time of capture.";
        }

        if (age is null)
        {
            return Result(SignatureAgeId, Title, CheckStatus.Unknown, Severity.High, expected, null, status.Source, "MSFT_MpComputerStatus reported neither AntivirusSignatureAge nor AntivirusSignatureLastUpdated.", null, node, References);
        }

        var parts = new List<string>
        {
            age == Never ? "never updated" : string.Format(CultureInfo.InvariantCulture, "{0} day(s) old", age),
        };
        if (updated is { } last)
        {
            parts.Add("last updated " + last.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        if (version is not null)
        {
            parts.Add("version " + version);
        }

        if (outOfDate == true)
        {
            parts.Add("Defender reports its signatures out of date");
        }

        var actual = string.Join(", ", parts);
        const string Remedy = "Update the security intelligence (Update-MpSignature) and make sure the node reaches its update source (Windows Update, or the WSUS/file share the cluster uses) every day.";
        if (age == Never || age > maxDays || outOfDate == true)
        {
            return Result(SignatureAgeId, Title, CheckStatus.NonCompliant, Severity.High, expected, actual, status.Source,
                string.Join(" ", new[] { "Microsoft publishes new security intelligence several times a day; old signatures miss recent threats.", note }.Where(s => s is not null)), Remedy, node, References);
        }

        return Result(SignatureAgeId, Title, CheckStatus.Compliant, Severity.High, expected, actual, status.Source, note, null, node, References);
    }

    private static SecurityCheckResult CheckTamper(Fact status, string node)
    {
        const string Title = "Defender tamper protection is on";
        const string Expected = "IsTamperProtected True";
        if (status.Record is not { } r)
        {
            return Missing(status, TamperProtectionId, Title, Severity.Medium, Expected, node, References);
        }

        return r.Get("IsTamperProtected")?.AsBoolean() switch
        {
            true => Result(TamperProtectionId, Title, CheckStatus.Compliant, Severity.Medium, Expected, "IsTamperProtected True", status.Source, null, null, node, References),
            false => Result(TamperProtectionId, Title, CheckStatus.NonCompliant, Severity.Medium, Expected, "IsTamperProtected False", status.Source,
                "Without tamper protection, an administrator account or malware running as one can turn Defender's protections off.",
                "Turn tamper protection on; on servers it is managed from Microsoft Defender for Endpoint (onboard the node, for example through Microsoft Defender for Cloud's Defender for Servers plan, then turn tamper protection on in the Defender portal).", node, References),
            _ => Result(TamperProtectionId, Title, CheckStatus.Unknown, Severity.Medium, Expected, null, status.Source, "MSFT_MpComputerStatus did not report IsTamperProtected (builds before tamper protection do not have it).", null, node, References),
        };
    }

    private static SecurityCheckResult CheckAsr(EvidenceBundle bundle, Fact preference, DefenderOptions options, string node)
    {
        const string Title = "Attack Surface Reduction rules are in the state the Azure Local baseline sets";
        const string Expected = "each baseline ASR rule at least as strict as the baseline's action";
        var catalog = BaselineProfileChoice.ShippedCatalogFor(bundle, options.BaselineRelease, options.BaselineProfile, out _);
        var rules = AsrRules(catalog.Rules);
        if (rules.Count == 0)
        {
            return Result(AsrRulesId, Title, CheckStatus.NotApplicable, Severity.High, Expected, null, null,
                $"The baseline {catalog.Release} ({catalog.Profile}) sets no Attack Surface Reduction rule.", null, node, AsrReferences);
        }

        var expectedText = string.Join("; ", rules.Select(r => $"{r.Name} {ActionName(r.Action)}"));
        var policyItem = bundle.Find(EvidenceIds.Registry(DefenderEvidenceIds.AsrRulesPolicyKey));
        string? policyProblem = null;
        RegistryKeyEvidence? policy = null;
        if (policyItem is null)
        {
            policyProblem = $"The ASR policy key {DefenderEvidenceIds.AsrRulesPolicyKey} was not collected.";
        }
        else if (policyItem.Error is { } e)
        {
            if (e.Category != EvidenceErrorCategory.NotFound)
            {
                policyProblem = $"The ASR policy key could not be read: {e.Message}";
            }
        }
        else
        {
            policy = policyItem.Registry;
        }

        var local = LocalAsr(preference, out var localProblem);
        var weaker = new List<string>();
        var stronger = new List<string>();
        var unknown = new List<string>();
        var matching = 0;
        foreach (var rule in rules)
        {
            long? action = null;
            string? from = null;
            if (policy?.GetValue(rule.Guid) is { } value)
            {
                action = ActionOf(value);
                from = "policy";
                if (action is null)
                {
                    unknown.Add($"{rule.Name}: the policy value is not a number ({value})");
                    continue;
                }
            }
            else if (policyProblem is null && local is not null)
            {
                action = local.TryGetValue(rule.Guid, out var a) ? a : 0;
                from = local.ContainsKey(rule.Guid) ? "Set-MpPreference" : "not configured";
            }

            if (action is not { } act)
            {
                unknown.Add($"{rule.Name}: {policyProblem ?? localProblem ?? "not read"}");
                continue;
            }

            var rank = Rank(act);
            var want = Rank(rule.Action);
            if (act == rule.Action)
            {
                matching++;
            }
            else if (rank < want)
            {
                weaker.Add($"{rule.Name} ({rule.Guid}) is {ActionName(act)} ({from}), the baseline sets {ActionName(rule.Action)}");
            }
            else
            {
                matching++;
                stronger.Add($"{rule.Name} is {ActionName(act)} ({from}), stricter than the baseline's {ActionName(rule.Action)}");
            }
        }

        var source = Join(policyItem?.Source, preference.Source) + $"; expected: Azure Local baseline {catalog.Release} ({catalog.Profile})";
        var actual = string.Format(CultureInfo.InvariantCulture, "{0} of {1} rules as strict as the baseline", matching, rules.Count)
            + (weaker.Count > 0 ? "; weaker: " + string.Join("; ", weaker) : string.Empty);
        var strict = stronger.Count > 0 ? " Stricter than the baseline (allowed, but the baseline keeps some rules in audit because blocking breaks Azure Local's management): " + string.Join("; ", stronger) + "." : string.Empty;
        if (weaker.Count > 0)
        {
            return Result(AsrRulesId, Title, CheckStatus.NonCompliant, Severity.High, expectedText, actual, source,
                string.Format(CultureInfo.InvariantCulture, "{0} rule(s) are off or weaker than the baseline sets.", weaker.Count) + (unknown.Count > 0 ? " Not read: " + string.Join("; ", unknown) + "." : string.Empty) + strict,
                "Let Azure Local's baseline set the rules again (drift control: Enable-AzsSecurity -FeatureName DriftControl), or set each rule by policy to the baseline's action; Repair-ALSecurityBaseline plans the registry changes.", node, AsrReferences);
        }

        if (unknown.Count > 0)
        {
            return Result(AsrRulesId, Title, CheckStatus.Unknown, Severity.High, expectedText, actual, source, "Not read: " + string.Join("; ", unknown) + "." + strict, null, node, AsrReferences);
        }

        return Result(AsrRulesId, Title, CheckStatus.Compliant, Severity.High, expectedText, actual, source, strict.Length > 0 ? strict.Trim() : null, null, node, AsrReferences);
    }

    private static SecurityCheckResult CheckExclusions(EvidenceBundle bundle, Fact preference, string node)
    {
        const string Title = "No Defender exclusion weakens protection";
        const string Expected = "no whole-drive, user-writable, code-type or script-host exclusion";
        var weak = new List<string>();
        var product = new List<string>();
        var hidden = new List<string>();
        var sources = new List<string>();
        var count = 0;

        void Judge(DefenderExclusionKind kind, string exclusion, string origin)
        {
            count++;
            if (DefenderExclusionRules.Weakness(kind, exclusion) is { } why)
            {
                weak.Add($"{kind} '{exclusion}' ({origin}): {why}");
            }
            else if (DefenderExclusionRules.ProductSource(kind, exclusion) is not null)
            {
                product.Add(exclusion);
            }
        }

        var lists = new[] { ("ExclusionPath", DefenderExclusionKind.Path), ("ExclusionExtension", DefenderExclusionKind.Extension), ("ExclusionProcess", DefenderExclusionKind.Process) };
        if (preference.Record is { } r)
        {
            sources.Add(preference.Source!);
            foreach (var (property, kind) in lists)
            {
                var value = r.Get(property);
                var items = value is null ? null : value.AsStrings() ?? (value.AsString() is { } one ? new[] { one } : value.Kind == EvidenceValueKind.Null ? Array.Empty<string>() : null);
                if (value is null || items is null)
                {
                    hidden.Add($"MSFT_MpPreference did not report {property}");
                    continue;
                }

                if (items.Any(DefenderExclusionRules.IsHiddenPlaceholder))
                {
                    hidden.Add($"{property} reads '{items.First(DefenderExclusionRules.IsHiddenPlaceholder)}' (the capture did not run as an administrator, or policy hides exclusions from local administrators: HideExclusionsFromLocalAdmins)");
                    continue;
                }

                foreach (var item in items.Where(i => !string.IsNullOrWhiteSpace(i)))
                {
                    Judge(kind, item, "Get-MpPreference");
                }
            }
        }
        else
        {
            hidden.Add(preference.Problem);
        }

        var keys = new[] { (DefenderEvidenceIds.PathExclusionsPolicyKey, DefenderExclusionKind.Path), (DefenderEvidenceIds.ExtensionExclusionsPolicyKey, DefenderExclusionKind.Extension), (DefenderEvidenceIds.ProcessExclusionsPolicyKey, DefenderExclusionKind.Process) };
        foreach (var (key, kind) in keys)
        {
            var item = bundle.Find(EvidenceIds.Registry(key));
            if (item is null)
            {
                hidden.Add($"the policy key {key} was not collected");
                continue;
            }

            sources.Add(item.Source);
            if (item.Error is { } e)
            {
                if (e.Category != EvidenceErrorCategory.NotFound)
                {
                    hidden.Add($"the policy key {key} could not be read: {e.Message}");
                }

                continue;
            }

            foreach (var value in item.Registry!.Values.Where(v => v.Name.Length > 0))
            {
                Judge(kind, value.Name, "policy");
            }
        }

        var source = sources.Count == 0 ? null : string.Join("; ", sources.Distinct());
        var actual = string.Format(CultureInfo.InvariantCulture, "{0} exclusion(s) read", count)
            + (product.Count > 0 ? "; documented product exclusions: " + string.Join(", ", product.Distinct(StringComparer.OrdinalIgnoreCase)) : string.Empty)
            + (weak.Count > 0 ? "; weak: " + string.Join("; ", weak) : string.Empty);
        if (weak.Count > 0)
        {
            return Result(ExclusionsId, Title, CheckStatus.NonCompliant, Severity.High, Expected, actual, source,
                string.Format(CultureInfo.InvariantCulture, "{0} exclusion(s) leave places attackers can write to, or code they can run, unscanned.", weak.Count) + (hidden.Count > 0 ? " Not read: " + string.Join("; ", hidden) + "." : string.Empty),
                "Remove the weak exclusions (Remove-MpPreference -ExclusionPath/-ExclusionExtension/-ExclusionProcess, or from the policy that sets them); exclude only a product's own folder or process, as Microsoft lists for Hyper-V and clusters.", node, ExclusionReferences);
        }

        if (hidden.Count > 0)
        {
            return Result(ExclusionsId, Title, CheckStatus.Unknown, Severity.High, Expected, actual, source,
                "The exclusions could not all be read, so none weak cannot be said: " + string.Join("; ", hidden) + ".", null, node, ExclusionReferences);
        }

        return Result(ExclusionsId, Title, CheckStatus.Compliant, Severity.High, Expected, actual, source, null, null, node, ExclusionReferences);
    }

    /// <summary>The baseline's ASR rules: rows of the <c>...\ASR\Rules</c> policy key whose value is a rule GUID and whose Expected Value is <c>Equals(n)</c>.</summary>
    private static List<(string Name, string Guid, long Action)> AsrRules(IEnumerable<BaselineRule> rules)
    {
        var list = new List<(string, string, long)>();
        foreach (var rule in rules)
        {
            if (rule.RegistryKey is null || rule.RegistryValueName is null
                || !string.Equals(BaselineFactMap.NormalizeKey(rule.RegistryKey), DefenderEvidenceIds.AsrRulesPolicyKey, StringComparison.OrdinalIgnoreCase)
                || !Guid.TryParse(rule.RegistryValueName, out _)
                || rule.Expression is not { Operator: RuleOperator.Equals } e || e.Literals.Count != 1 || e.Literals[0].Kind != RuleLiteralKind.Number)
            {
                continue;
            }

            list.Add((rule.ControlName ?? rule.Name, rule.RegistryValueName.ToLowerInvariant(), (long)e.Literals[0].Number));
        }

        return list;
    }

    /// <summary>The rules set through Set-MpPreference (MSFT_MpPreference's two parallel arrays), by lowercase GUID; null when they could not be read.</summary>
    private static Dictionary<string, long>? LocalAsr(Fact preference, out string? problem)
    {
        problem = null;
        if (preference.Record is not { } r)
        {
            problem = preference.Problem;
            return null;
        }

        var idsValue = r.Get("AttackSurfaceReductionRules_Ids");
        var actionsValue = r.Get("AttackSurfaceReductionRules_Actions");
        if (idsValue is null || actionsValue is null)
        {
            problem = "MSFT_MpPreference did not report AttackSurfaceReductionRules_Ids and _Actions";
            return null;
        }

        var ids = idsValue.AsStrings() ?? (idsValue.AsString() is { } one ? new[] { one } : Array.Empty<string>());
        var actions = actionsValue.AsBytes()?.Select(b => (long)b).ToList()
            ?? (actionsValue.Value as ulong[])?.Select(u => (long)u).ToList()
            ?? new List<long>();
        if (ids.Count != actions.Count)
        {
            problem = string.Format(CultureInfo.InvariantCulture, "MSFT_MpPreference lists {0} ASR rule ids but {1} actions", ids.Count, actions.Count);
            return null;
        }

        var map = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ids.Count; i++)
        {
            map[ids[i].Trim().Trim('{', '}').ToLowerInvariant()] = actions[i];
        }

        return map;
    }

    private static long? ActionOf(EvidenceValue value) =>
        value.AsInt64() ?? (long.TryParse(value.AsString()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null);

    /// <summary>How strictly an action enforces a rule: off, audit, warn (a block the user may bypass), block; an unknown code counts as off.</summary>
    private static int Rank(long action) => action switch
    {
        1 => 3,
        6 => 2,
        2 => 1,
        _ => 0,
    };

    private static string ActionName(long action) => action switch
    {
        0 => "off",
        1 => "block",
        2 => "audit",
        6 => "warn",
        _ => "action " + action.ToString(CultureInfo.InvariantCulture),
    };

    private static SecurityCheckResult Missing(Fact fact, string id, string title, Severity severity, string expected, string node, string[] references) =>
        fact.NotInstalled
            ? Result(id, title, CheckStatus.NonCompliant, severity, expected, "Microsoft Defender Antivirus is not installed", fact.Source, fact.Problem,
                "Install and turn on Microsoft Defender Antivirus (Install-WindowsFeature Windows-Defender); Azure Local ships it on.", node, references)
            : Result(id, title, CheckStatus.Unknown, severity, expected, null, fact.Source, fact.Problem, null, node, references);

    private static Fact Read(EvidenceBundle bundle, string id)
    {
        var item = bundle.Find(id);
        if (item is null)
        {
            return new Fact(null, null, $"{Name(id)} was not collected.", false);
        }

        if (item.Error is { } e)
        {
            return new Fact(null, item.Source, $"{Name(id)} could not be read: {e.Message}", e.Category == EvidenceErrorCategory.NotFound);
        }

        return item.Records is { Count: > 0 } records
            ? new Fact(records[0], item.Source, string.Empty, false)
            : new Fact(null, item.Source, $"{Name(id)} holds no record.", false);
    }

    private static string Name(string id) => id.Substring(id.LastIndexOf('/') + 1);

    private static string Show(bool? value) => value switch
    {
        true => "True",
        false => "False",
        _ => "(not reported)",
    };

    private static string? Join(string? a, string? b) =>
        a is null ? b : b is null || a == b ? a : a + "; " + b;

    private static SecurityCheckResult Result(string id, string title, CheckStatus status, Severity severity, string? expected, string? actual, string? source, string? reason, string? remediation, string node, string[] references) =>
        new(id, title, Area, status, severity, expected, actual, string.IsNullOrEmpty(source) ? null : source, string.IsNullOrEmpty(reason) ? null : reason, remediation, references, node);

    /// <summary>One CIM record as read: the record, its source, why it is missing, and whether it is missing because Defender is not installed.</summary>
    private sealed class Fact(EvidenceRecord? record, string? source, string problem, bool notInstalled)
    {
        public EvidenceRecord? Record { get; } = record;

        public string? Source { get; } = source;

        public string Problem { get; } = problem;

        public bool NotInstalled { get; } = notInstalled;
    }
}
