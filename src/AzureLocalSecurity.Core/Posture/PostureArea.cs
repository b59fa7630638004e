namespace AzureLocalSecurity.Posture;

/// <summary>An area of a node's security posture; each name is also the <see cref="Results.SecurityCheckResult.Area"/> of its results.</summary>
public enum PostureArea
{
    /// <summary>The Azure Local security baseline, rule by rule (Test-ALSecurityBaseline).</summary>
    Baseline,

    /// <summary>The Secured-core requirements (Test-ALSecuredCore).</summary>
    SecuredCore,

    /// <summary>The Secure Boot certificate rollover (Test-ALSecureBootCertificate).</summary>
    SecureBoot,

    /// <summary>BitLocker on the OS volume, the CSVs and the fixed data volumes.</summary>
    BitLocker,

    /// <summary>App Control for Business (WDAC).</summary>
    AppControl,

    /// <summary>The TPM.</summary>
    Tpm,

    /// <summary>The platform prerequisites (Test-ALPlatform).</summary>
    Platform,

    /// <summary>Who holds administrative power and how it is reached (Test-ALPrivilegedAccess).</summary>
    PrivilegedAccess,
    /// <summary>SIEM forwarding and the security event logs (Test-ALSecurityLogging).</summary>
    SecurityLogging,
    /// <summary>FIPS policy, SChannel protocols and cipher suites, SMB encryption (Test-ALCryptography).</summary>
    Cryptography,
    /// <summary>Microsoft Defender Antivirus: real-time protection, signature age, tamper protection, ASR rules, exclusions (Test-ALDefender).</summary>
    Defender,

    /// <summary>How administrators sign in: multifactor authentication, which Microsoft Entra enforces off the node, so it is reported Unknown with where to check.</summary>
    Identity,
}
