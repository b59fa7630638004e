namespace AzureLocalSecurity.Baseline;

/// <summary>Which of Azure Local's two baselines a catalog is: for domain-joined nodes or for AD-less (workgroup) nodes.</summary>
public enum BaselineProfile
{
    /// <summary>Azure Local Member Server (domain joined).</summary>
    DomainJoined,

    /// <summary>Azure Local Workgroup Server (AD-less).</summary>
    AdLess,
}
