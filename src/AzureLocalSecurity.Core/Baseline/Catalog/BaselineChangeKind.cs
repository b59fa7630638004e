namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>How a rule differs between two catalogs.</summary>
public enum BaselineChangeKind
{
    /// <summary>The rule is only in the difference catalog.</summary>
    Added,

    /// <summary>The rule is only in the reference catalog.</summary>
    Removed,

    /// <summary>The rule is in both, with a different expected value or severity.</summary>
    Changed,
}
