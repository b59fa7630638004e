namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>Where a security feature's setting lives.</summary>
public enum SecurityFeatureSettingSource
{
    /// <summary>A registry value of the node (HKLM).</summary>
    Registry,

    /// <summary>A common property of the failover cluster, kept in the cluster database and read through <c>root\MSCluster</c>.</summary>
    ClusterProperty,
}
