using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Baseline.Analysis;

/// <summary>What the evaluation needs to know beyond the catalog and the evidence.</summary>
public sealed class BaselineEvaluationOptions
{
    /// <summary>Rule names that apply only to domain members (for a shipped release: those in its domain-joined list and not in its AD-less list).</summary>
    public ISet<string> DomainOnlyRules { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
