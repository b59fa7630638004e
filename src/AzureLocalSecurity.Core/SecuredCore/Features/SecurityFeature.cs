namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>
/// The security switches Azure Local offers through <c>Get-/Enable-/Disable-AzsSecurity -FeatureName</c>, under the same names
/// (DriftControl, the eighth, is not a feature but the mechanism that re-applies the others).
/// </summary>
public enum SecurityFeature
{
    /// <summary>Virtualization-based security: the hypervisor-isolated secure kernel HVCI, Credential Guard and System Guard run in.</summary>
    VBS,

    /// <summary>Hypervisor-protected code integrity (memory integrity): kernel-mode code integrity enforced from VBS.</summary>
    HVCI,

    /// <summary>Credential Guard: LSA secrets isolated in VBS.</summary>
    CredentialGuard,

    /// <summary>System Guard Secure Launch: the dynamic root of trust for measurement.</summary>
    DRTM,

    /// <summary>The speculative-execution side-channel mitigations (KB4072698) and their exposure to virtual machines.</summary>
    SideChannelMitigation,

    /// <summary>SMB signing required by the SMB client and server of the node.</summary>
    SMBSigning,

    /// <summary>Encryption of the SMB traffic between the nodes of the cluster (Cluster Shared Volumes and the Storage Bus Layer).</summary>
    SMBClusterEncryption,
}
