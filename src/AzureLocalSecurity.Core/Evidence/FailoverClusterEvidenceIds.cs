namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids the failover cluster facts are filed under. Values are kept as the cluster WMI provider returns them; meaning is
/// derived only when a bundle is read.
/// </summary>
public static class FailoverClusterEvidenceIds
{
    /// <summary>
    /// MSCluster_Cluster (<c>root\MSCluster</c>), read through Microsoft.Management.Infrastructure: one record with those of
    /// <c>Name</c> (String), <c>SecurityLevel</c> and <c>SecurityLevelForStorage</c> (UInt64) that the instance has; a property
    /// the build does not have is left out, never written as 0. <c>SecurityLevel</c> is the protection of the cluster's own
    /// messages and <c>SecurityLevelForStorage</c> that of the SMB traffic of Cluster Shared Volumes and the Storage Bus Layer
    /// between nodes (0 clear text, 1 signed, 2 encrypted). An error item with category NotFound means the namespace or class
    /// does not exist: the Failover Clustering feature is not installed. NotSupported off Windows, or when
    /// Microsoft.Management.Infrastructure could not be loaded.
    /// </summary>
    public const string Cluster = @"windows/cim/root/MSCluster/MSCluster_Cluster";

    /// <summary>The record property of <see cref="Cluster"/> holding the cluster's name.</summary>
    public const string NameProperty = "Name";

    /// <summary>The record property of <see cref="Cluster"/> holding the protection of intra-cluster messages.</summary>
    public const string SecurityLevelProperty = "SecurityLevel";

    /// <summary>The record property of <see cref="Cluster"/> holding the protection of CSV and Storage Bus Layer traffic.</summary>
    public const string SecurityLevelForStorageProperty = "SecurityLevelForStorage";
}
