using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline.Gpo;

/// <summary>
/// Would this GPO, linked to a node, satisfy, contradict or leave alone each baseline rule? The GPO's machine settings
/// (Registry.pol applied record by record, GptTmpl.inf, audit.csv) become an evidence bundle that holds only what the
/// GPO sets; a rule whose setting the GPO touches is evaluated on it by the same <see cref="BaselineAnalyzer"/> that
/// audits nodes, and a rule whose setting it does not touch is NotConfigured without being evaluated. Pure: no I/O.
/// </summary>
public static class GpoBaselineAnalyzer
{
    /// <summary>Evaluates the rules against one GPO.</summary>
    public static IReadOnlyList<GpoRuleResult> Analyze(IEnumerable<BaselineRule> rules, GpoBackup gpo, BaselineEvaluationOptions? options = null)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        if (gpo is null)
        {
            throw new ArgumentNullException(nameof(gpo));
        }

        var ruleList = rules.ToList();
        var registry = GpoRegistryState.From(gpo);
        var bundle = Bundle(gpo, registry);
        var reader = new BaselineFactReader(bundle, ruleList);
        var results = new List<GpoRuleResult>(ruleList.Count);
        foreach (var rule in ruleList)
        {
            results.Add(Judge(rule, gpo, registry, reader, bundle.NodeName, options));
        }

        return results;
    }

    /// <summary>The GPO's settings as a bundle: registry keys it sets, and the secedit and auditpol views of its template and audit CSV.</summary>
    public static EvidenceBundle ToEvidence(GpoBackup gpo)
    {
        if (gpo is null)
        {
            throw new ArgumentNullException(nameof(gpo));
        }

        return Bundle(gpo, GpoRegistryState.From(gpo));
    }

    private static EvidenceBundle Bundle(GpoBackup gpo, GpoRegistryState registry)
    {
        var when = gpo.WrittenAt;
        var entries = new List<(string, string, string, DateTimeOffset, Newtonsoft.Json.Linq.JObject?, CaptureEntryError?)>();
        var rights = new List<string>();
        if (gpo.SecurityTemplateBytes is { } inf)
        {
            entries.Add(("secedit", string.Empty, gpo.SecurityTemplatePath!, when, new Newtonsoft.Json.Linq.JObject { ["inf"] = Convert.ToBase64String(inf) }, null));
            rights.AddRange(gpo.SecurityTemplate!.Section(SecurityTemplateInf.PrivilegeRightsSection).Select(e => e.Key).Distinct(StringComparer.OrdinalIgnoreCase));
        }

        if (gpo.AuditPolicyBytes is { } csv)
        {
            entries.Add(("auditpol", string.Empty, gpo.AuditPolicyPath!, when, new Newtonsoft.Json.Linq.JObject { ["csv"] = Convert.ToBase64String(csv) }, null));
        }

        var request = new CaptureRequest([], rights, [], gpo.SecurityTemplate?.HasSection(SecurityTemplateInf.SystemAccessSection) ?? false, gpo.AuditPolicyBytes is not null, null, 0);
        var node = new CaptureNode(gpo.DisplayName, null, "Group Policy object", null, null, null, null, null);
        var document = CaptureDocument.Assemble("GPO '" + gpo.DisplayName + "'", when, node, request, entries);
        var imported = CaptureImporter.ToBundle(document);

        // Only what the GPO says: the importer's notes on facts no capture reaches are not the GPO's.
        var items = imported.Items.Where(i => i.Succeeded).ToList();
        items.AddRange(registry.Items(gpo, when));
        return new EvidenceBundle(imported.SchemaVersion, imported.Node, when, imported.ModuleVersion, items);
    }

    private static GpoRuleResult Judge(BaselineRule rule, GpoBackup gpo, GpoRegistryState registry, BaselineFactReader reader, string nodeName, BaselineEvaluationOptions? options)
    {
        var fact = BaselineFactMap.Resolve(rule);
        GpoRuleResult Result(GpoBaselineVerdict verdict, string? value, string? setting, string? reason) => new(gpo, rule, fact, verdict, value, setting, reason);
        string? setting;
        var deleted = false;
        switch (fact.Source)
        {
            case FactSource.Registry:
            {
                var touch = registry.Find(fact.Path, fact.Name);
                if (touch is null)
                {
                    return Result(GpoBaselineVerdict.NotConfigured, null, null, "The GPO does not set or delete this registry value.");
                }

                if (touch.UnknownReason is not null)
                {
                    return Result(GpoBaselineVerdict.Unknown, null, touch.Setting, touch.UnknownReason);
                }

                setting = touch.Setting;
                deleted = touch.Deleted;
                break;
            }

            case FactSource.UserRight:
                if (gpo.SecurityTemplate?.GetPrivilegeAccounts(fact.Name) is null)
                {
                    return Result(GpoBaselineVerdict.NotConfigured, null, null, "GptTmpl.inf [Privilege Rights] does not assign this right.");
                }

                setting = $"GptTmpl.inf [Privilege Rights] {fact.Name}";
                break;
            case FactSource.AccountPolicy:
            {
                var keys = string.Equals(fact.Name, BaselineFactNames.AccountLockoutPolicy, StringComparison.OrdinalIgnoreCase)
                    ? new[] { BaselineFactNames.LockoutBadCount, BaselineFactNames.LockoutDuration, BaselineFactNames.ResetLockoutCount }
                    : [fact.Name];
                var present = keys.Where(k => gpo.SecurityTemplate?.Find(SecurityTemplateInf.SystemAccessSection, k) is not null).ToList();
                if (present.Count == 0)
                {
                    return Result(GpoBaselineVerdict.NotConfigured, null, null, "GptTmpl.inf [System Access] does not set it.");
                }

                setting = "GptTmpl.inf [System Access] " + string.Join(", ", present);
                break;
            }

            case FactSource.AuditPolicy:
                if (!Guid.TryParse(fact.Name, out var guid) || gpo.AuditPolicy?.Find(guid) is not { } row)
                {
                    return Result(GpoBaselineVerdict.NotConfigured, null, null, "audit.csv has no row for this subcategory.");
                }

                setting = $"audit.csv {{{guid:D}}} ({row.Subcategory})";
                break;
            case FactSource.BuiltinAccount:
            {
                var keys = fact.Path == "500" ? new[] { "NewAdministratorName", "EnableAdminAccount" } : fact.Path == "501" ? new[] { "NewGuestName", "EnableGuestAccount" } : [];
                var present = keys.Select(k => gpo.SecurityTemplate?.Find(SecurityTemplateInf.SystemAccessSection, k)).Where(e => e is not null).Select(e => $"{e!.Key} = {e.Value}").ToList();
                return present.Count == 0
                    ? Result(GpoBaselineVerdict.NotConfigured, null, null, "GptTmpl.inf [System Access] does not rename or enable/disable this built-in account.")
                    : Result(GpoBaselineVerdict.Unknown, string.Join("; ", present), "GptTmpl.inf [System Access]", "The GPO sets the built-in account; the account's SID and flags are not in a GPO, so this version does not evaluate it: compare the value with the rule's expectation.");
            }

            case FactSource.SecuredCoreStatus:
                return Result(GpoBaselineVerdict.NotConfigured, null, null, "A status the platform reports (firmware, hypervisor), which no GPO setting holds.");
            default:
                return Result(GpoBaselineVerdict.Unknown, null, null, string.IsNullOrWhiteSpace(fact.Name) ? "The module does not know where this setting lives." : fact.Name);
        }

        var evaluated = BaselineAnalyzer.Evaluate(rule, reader, nodeName, options);
        var value = deleted && string.IsNullOrEmpty(evaluated.Actual) ? "(deleted)" : evaluated.Actual;
        if (deleted && evaluated.Status == CheckStatus.NonCompliant)
        {
            return Result(GpoBaselineVerdict.Contradicts, "(deleted)", setting, "The GPO deletes the value the baseline sets. " + evaluated.Reason);
        }

        return evaluated.Status switch
        {
            CheckStatus.Compliant => Result(GpoBaselineVerdict.Satisfies, value, setting, evaluated.Reason),
            CheckStatus.NonCompliant => Result(GpoBaselineVerdict.Contradicts, value, setting, evaluated.Reason),
            CheckStatus.NotApplicable => Result(GpoBaselineVerdict.NotConfigured, value, setting, evaluated.Reason),
            _ => Result(GpoBaselineVerdict.Unknown, value, setting, evaluated.Reason),
        };
    }
}
