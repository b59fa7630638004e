using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// What a set of baseline facts asks a capture to read: every registry key the registry facts name (whole keys, once each,
/// in first-asked order; the Secured-core support keys too when a Secured-core fact is asked for), the user rights, the
/// built-in accounts' RIDs, and whether the account policy, the audit policy and the Secured-core status are wanted.
/// One reading for the native collector (<see cref="Windows.WindowsBaselineCollector"/>) and the in-box capture script
/// (<see cref="Remote.CaptureScript"/>), so both read the same facts. Null facts are passed over.
/// </summary>
internal sealed class BaselineCollectionPlan
{
    private BaselineCollectionPlan(List<string> keys, List<string> rights, SortedSet<uint> rids, bool accountPolicy, bool auditPolicy, bool securedCore)
    {
        RegistryKeys = keys;
        UserRights = rights;
        BuiltinRids = rids;
        AccountPolicy = accountPolicy;
        AuditPolicy = auditPolicy;
        SecuredCore = securedCore;
    }

    /// <summary>Registry keys, each once (compared without case), in the order first asked.</summary>
    public List<string> RegistryKeys { get; }

    /// <summary>User rights, each once (compared without case), in the order first asked.</summary>
    public List<string> UserRights { get; }

    /// <summary>The RIDs of the built-in accounts asked for, in order.</summary>
    public SortedSet<uint> BuiltinRids { get; }

    /// <summary>Whether an account-policy fact is asked for.</summary>
    public bool AccountPolicy { get; }

    /// <summary>Whether an audit-policy fact is asked for.</summary>
    public bool AuditPolicy { get; }

    /// <summary>Whether a Secured-core status fact is asked for.</summary>
    public bool SecuredCore { get; }

    /// <summary>The plan for <paramref name="facts"/>.</summary>
    public static BaselineCollectionPlan From(IEnumerable<FactRef?> facts)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var keys = new List<string>();
        var keySet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rights = new List<string>();
        var rightSet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rids = new SortedSet<uint>();
        var accountPolicy = false;
        var auditPolicy = false;
        var securedCore = false;
        void AddKey(string key)
        {
            if (keySet.Add(key))
            {
                keys.Add(key);
            }
        }

        foreach (var fact in facts)
        {
            switch (fact?.Source)
            {
                case FactSource.Registry:
                    AddKey(fact.Path);
                    break;
                case FactSource.UserRight when rightSet.Add(fact.Name):
                    rights.Add(fact.Name);
                    break;
                case FactSource.AccountPolicy:
                    accountPolicy = true;
                    break;
                case FactSource.AuditPolicy:
                    auditPolicy = true;
                    break;
                case FactSource.BuiltinAccount when uint.TryParse(fact.Path, NumberStyles.None, CultureInfo.InvariantCulture, out var rid):
                    rids.Add(rid);
                    break;
                case FactSource.SecuredCoreStatus:
                    securedCore = true;
                    break;
            }
        }

        if (securedCore)
        {
            foreach (var support in BaselineFactMap.SecuredCoreSupportFacts)
            {
                AddKey(support.Path);
            }
        }

        return new BaselineCollectionPlan(keys, rights, rids, accountPolicy, auditPolicy, securedCore);
    }
}
