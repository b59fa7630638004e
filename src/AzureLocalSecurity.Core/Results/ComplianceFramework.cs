namespace AzureLocalSecurity.Results;

/// <summary>A compliance framework a check can be mapped to, as the Azure Local baseline catalogs name them.</summary>
public enum ComplianceFramework
{
    /// <summary>A CIS Benchmark recommendation (the catalog's "CIS RuleID" column, such as 18.10.42.6.1.2).</summary>
    Cis,

    /// <summary>A DISA STIG rule (the catalog's "STIG ID" column, such as WN25-CC-000030).</summary>
    Stig,

    /// <summary>A NIST SP 800-53 Rev. 5 control (the catalog's "NIST SP 800-53 Rev 5" column, such as AC-6(9)).</summary>
    Nist80053,
}
