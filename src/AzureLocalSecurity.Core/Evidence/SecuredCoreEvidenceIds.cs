using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids the Secured-core facts are filed under (issue 6), beside the kernel and TBS facts of
/// <see cref="BaselineEvidenceIds"/> (<c>CodeIntegrity</c>, <c>IsolatedUserMode</c>, <c>DmaGuard</c>, <c>TpmDeviceInfo</c>), which
/// the Secured-core collector also files. Every value is kept as Windows or the kernel returned it; meaning is derived only
/// when a bundle is read.
/// <para>
/// The CIM items are one record each, read through Microsoft.Management.Infrastructure: every property of the class's list
/// (<see cref="DeviceGuardProperties"/> and the others) that this build of Windows has, under its CIM name, with its CIM type
/// kept (boolean as Boolean, unsigned integers as UInt64, unsigned integer arrays as UInt64Array, strings as String, datetime
/// as DateTime, a null value as Null). A property the build does not have is left out of the record, never written as 0 or
/// false. A CIM item that could not be read is an error: NotFound when the namespace or class does not exist (the provider is
/// not there: the feature or role is not installed, or the build predates it) or when it has no instance; AccessDenied; Failed
/// with the MI_RESULT code for anything else; NotSupported when Microsoft.Management.Infrastructure could not be loaded.
/// </para>
/// </summary>
public static class SecuredCoreEvidenceIds
{
    /// <summary>
    /// Win32_DeviceGuard (<c>root\Microsoft\Windows\DeviceGuard</c>): one record with the properties of
    /// <see cref="DeviceGuardProperties"/> that the build has: <c>VirtualizationBasedSecurityStatus</c> (UInt64: 0 not enabled,
    /// 1 enabled but not running, 2 running), <c>SecurityServicesConfigured</c> and <c>SecurityServicesRunning</c> (UInt64Array:
    /// 1 Credential Guard, 2 HVCI, 3 System Guard Secure Launch, 4 SMM Firmware Measurement, ...),
    /// <c>AvailableSecurityProperties</c> and <c>RequiredSecurityProperties</c> (UInt64Array: 1 hypervisor support, 2 Secure Boot,
    /// 3 DMA protection, 4 Secure Memory Overwrite, 5 NX protections, 6 SMM mitigations, 7 MBEC/GMET, 8 APIC virtualization),
    /// <c>CodeIntegrityPolicyEnforcementStatus</c> and <c>UsermodeCodeIntegrityPolicyEnforcementStatus</c> (UInt64: 0 off,
    /// 1 audit, 2 enforced), <c>InstanceIdentifier</c> and <c>Version</c> (String), and on newer builds
    /// <c>VirtualMachineIsolation</c> (Boolean), <c>VirtualMachineIsolationProperties</c> and <c>SecurityFeaturesEnabled</c>
    /// (UInt64Array), <c>SmmIsolationLevel</c> (UInt64). The codes are Microsoft's (WINAPI.md §8.1); nothing is decoded here.
    /// An error item with category NotFound means the Device Guard WMI provider is not there.
    /// </summary>
    public const string DeviceGuard = @"windows/cim/root/Microsoft/Windows/DeviceGuard/Win32_DeviceGuard";

    /// <summary>
    /// MSFT_SmbServerConfiguration (<c>root\Microsoft\Windows\SMB</c>, the singleton <c>Get-SmbServerConfiguration</c> reads):
    /// one record with the properties of <see cref="SmbServerConfigurationProperties"/> the build has, among them
    /// <c>RequireSecuritySignature</c>, <c>EnableSecuritySignature</c>, <c>EncryptData</c>, <c>RejectUnencryptedAccess</c>,
    /// <c>EnableSMB1Protocol</c> (Boolean) and <c>EncryptionCiphers</c> (String). Only <c>RequireSecuritySignature</c> makes
    /// signing mandatory (WINAPI.md §8.4).
    /// </summary>
    public const string SmbServerConfiguration = @"windows/cim/root/Microsoft/Windows/SMB/MSFT_SmbServerConfiguration";

    /// <summary>
    /// MSFT_SmbClientConfiguration (<c>root\Microsoft\Windows\SMB</c>, the singleton <c>Get-SmbClientConfiguration</c> reads):
    /// one record with the properties of <see cref="SmbClientConfigurationProperties"/> the build has, among them
    /// <c>RequireSecuritySignature</c>, <c>EnableSecuritySignature</c>, <c>RequireEncryption</c>, <c>EnableInsecureGuestLogons</c>
    /// (Boolean) and <c>EncryptionCiphers</c> (String).
    /// </summary>
    public const string SmbClientConfiguration = @"windows/cim/root/Microsoft/Windows/SMB/MSFT_SmbClientConfiguration";

    /// <summary>
    /// MSFT_MpComputerStatus (<c>root\Microsoft\Windows\Defender</c>, what <c>Get-MpComputerStatus</c> reads): one record with the
    /// properties of <see cref="DefenderStatusProperties"/> the build has: the <c>...Enabled</c> switches (Boolean), the ages in
    /// days (UInt64; 4294967295 means never), the signature and scan times (DateTime, or Null when there was none), the versions
    /// (String), <c>AMRunningMode</c> (String: Normal, Passive, ...). NotFound means Microsoft Defender Antivirus is not installed.
    /// </summary>
    public const string DefenderStatus = @"windows/cim/root/Microsoft/Windows/Defender/MSFT_MpComputerStatus";

    /// <summary>The Device Guard configuration Windows acts on at boot: <c>EnableVirtualizationBasedSecurity</c>, <c>RequirePlatformSecurityFeatures</c>, <c>Locked</c>, <c>RequireMicrosoftSignedBootChain</c>.</summary>
    public const string DeviceGuardKey = @"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard";

    /// <summary>Memory integrity (HVCI) configuration: <c>Enabled</c>, <c>Locked</c>.</summary>
    public const string HypervisorEnforcedCodeIntegrityKey = DeviceGuardKey + @"\Scenarios\HypervisorEnforcedCodeIntegrity";

    /// <summary>System Guard Secure Launch (DRTM) configuration: <c>Enabled</c>.</summary>
    public const string SystemGuardKey = DeviceGuardKey + @"\Scenarios\SystemGuard";

    /// <summary>The Credential Guard scenario key beside the others (which values Windows keeps under it varies by build; recorded as found).</summary>
    public const string CredentialGuardKey = DeviceGuardKey + @"\Scenarios\CredentialGuard";

    /// <summary>
    /// The Device Guard policy (Group Policy, Policy CSP, Azure Local's baseline from 2506 on): <c>EnableVirtualizationBasedSecurity</c>,
    /// <c>RequirePlatformSecurityFeatures</c>, <c>HypervisorEnforcedCodeIntegrity</c>, <c>ConfigureSystemGuardLaunch</c>, <c>LsaCfgFlags</c>, ...
    /// NotFound on a node no policy reached.
    /// </summary>
    public const string DeviceGuardPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard";

    /// <summary>The System policy key, where Azure Local's 2610 baselines set the Credential Guard policy <c>LsaCfgFlags</c>.</summary>
    public const string SystemPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\System";

    /// <summary>LSA configuration: <c>LsaCfgFlags</c> (Credential Guard: 0 off, 1 on with UEFI lock, 2 on without lock), <c>RunAsPPL</c>.</summary>
    public const string LsaKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Lsa";

    /// <summary>The speculative-execution side-channel mitigation settings <c>FeatureSettingsOverride</c> and <c>FeatureSettingsOverrideMask</c> (KB4072698).</summary>
    public const string MemoryManagementKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management";

    /// <summary>The SMB server's registry configuration: <c>RequireSecuritySignature</c>, <c>EnableSecuritySignature</c>, ...</summary>
    public const string LanmanServerParametersKey = @"HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters";

    /// <summary>The SMB client's registry configuration: <c>RequireSecuritySignature</c>, <c>EnableSecuritySignature</c>, ...</summary>
    public const string LanmanWorkstationParametersKey = @"HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters";

    /// <summary>
    /// The registry keys the Windows Secured-core collector records, each whole under <see cref="EvidenceIds.Registry"/>(key) as
    /// the registry reader records any key (values with their registry types, subkey names; NotFound when the key does not exist).
    /// </summary>
    public static readonly IReadOnlyList<string> RegistryKeys =
    [
        DeviceGuardKey,
        HypervisorEnforcedCodeIntegrityKey,
        SystemGuardKey,
        CredentialGuardKey,
        DeviceGuardPolicyKey,
        SystemPolicyKey,
        LsaKey,
        MemoryManagementKey,
        LanmanServerParametersKey,
        LanmanWorkstationParametersKey,
    ];

    /// <summary>The Win32_DeviceGuard properties recorded under <see cref="DeviceGuard"/>: the documented ones and those newer builds add (WINAPI.md §8.1).</summary>
    public static readonly IReadOnlyList<string> DeviceGuardProperties =
    [
        "VirtualizationBasedSecurityStatus",
        "SecurityServicesConfigured",
        "SecurityServicesRunning",
        "AvailableSecurityProperties",
        "RequiredSecurityProperties",
        "CodeIntegrityPolicyEnforcementStatus",
        "UsermodeCodeIntegrityPolicyEnforcementStatus",
        "InstanceIdentifier",
        "Version",
        "VirtualMachineIsolation",
        "VirtualMachineIsolationProperties",
        "SecurityFeaturesEnabled",
        "SmmIsolationLevel",
    ];

    /// <summary>The MSFT_SmbServerConfiguration properties recorded under <see cref="SmbServerConfiguration"/>: signing, encryption, protocol and audit switches (WINAPI.md §8.4).</summary>
    public static readonly IReadOnlyList<string> SmbServerConfigurationProperties =
    [
        "RequireSecuritySignature",
        "EnableSecuritySignature",
        "EncryptData",
        "RejectUnencryptedAccess",
        "EncryptionCiphers",
        "EnableSMB1Protocol",
        "EnableSMB2Protocol",
        "Smb2DialectMin",
        "Smb2DialectMax",
        "AuditSmb1Access",
        "AuditClientDoesNotSupportSigning",
        "AuditClientDoesNotSupportEncryption",
        "AuditInsecureGuestLogon",
        "EnableSMBQUIC",
        "RestrictNamedpipeAccessViaQuic",
        "ServerHidden",
        "AutoShareServer",
        "AutoShareWorkstation",
        "NullSessionPipes",
        "NullSessionShares",
        "SmbServerNameHardeningLevel",
        "InvalidAuthenticationDelayTimeInMs",
    ];

    /// <summary>The MSFT_SmbClientConfiguration properties recorded under <see cref="SmbClientConfiguration"/> (WINAPI.md §8.4).</summary>
    public static readonly IReadOnlyList<string> SmbClientConfigurationProperties =
    [
        "RequireSecuritySignature",
        "EnableSecuritySignature",
        "RequireEncryption",
        "EncryptionCiphers",
        "EnableInsecureGuestLogons",
        "BlockNTLM",
        "AuditInsecureGuestLogon",
        "AuditServerDoesNotSupportSigning",
        "AuditServerDoesNotSupportEncryption",
        "ForceSMBEncryptionOverQuic",
        "DisableCompression",
    ];

    /// <summary>
    /// The MSFT_MpComputerStatus properties recorded under <see cref="DefenderStatus"/>: the class's documented properties
    /// and those current builds add (<c>AMRunningMode</c>, <c>IsTamperProtected</c>, <c>DefenderSignaturesOutOfDate</c>,
    /// <c>ProductStatus</c>; WINAPI.md §8.5).
    /// </summary>
    public static readonly IReadOnlyList<string> DefenderStatusProperties =
    [
        "AMServiceEnabled",
        "AntivirusEnabled",
        "AntispywareEnabled",
        "RealTimeProtectionEnabled",
        "OnAccessProtectionEnabled",
        "IoavProtectionEnabled",
        "BehaviorMonitorEnabled",
        "NISEnabled",
        "AMRunningMode",
        "IsTamperProtected",
        "DefenderSignaturesOutOfDate",
        "ProductStatus",
        "ComputerState",
        "AntivirusSignatureAge",
        "AntispywareSignatureAge",
        "NISSignatureAge",
        "FullScanAge",
        "QuickScanAge",
        "AntivirusSignatureLastUpdated",
        "AntispywareSignatureLastUpdated",
        "NISSignatureLastUpdated",
        "FullScanStartTime",
        "FullScanEndTime",
        "QuickScanStartTime",
        "QuickScanEndTime",
        "LastFullScanSource",
        "LastQuickScanSource",
        "RealTimeScanDirection",
        "AMProductVersion",
        "AMServiceVersion",
        "AMEngineVersion",
        "AntivirusSignatureVersion",
        "AntispywareSignatureVersion",
        "NISEngineVersion",
        "NISSignatureVersion",
        "ComputerID",
    ];

    /// <summary>
    /// <c>linux/iommu</c>: one record from sysfs, read under the collection root: <c>Present</c> (Boolean: <c>/sys/class/iommu</c>
    /// has at least one entry, an IOMMU unit the kernel registered), <c>Units</c> (MultiString: those entries' names, such as
    /// <c>dmar0</c> or <c>ivhd0</c>, in ordinal order) and <c>Groups</c> (UInt64: the number of entries in
    /// <c>/sys/kernel/iommu_groups</c>; left out when that folder does not exist). An error item with category NotSupported
    /// means <c>/sys/class/iommu</c> does not exist: the kernel has no IOMMU support or sysfs is not mounted.
    /// </summary>
    public const string LinuxIommu = "linux/iommu";

    /// <summary>The record property of <see cref="LinuxIommu"/> that says whether any IOMMU unit is registered.</summary>
    public const string IommuPresentProperty = "Present";

    /// <summary>The record property of <see cref="LinuxIommu"/> that lists the IOMMU units.</summary>
    public const string IommuUnitsProperty = "Units";

    /// <summary>The record property of <see cref="LinuxIommu"/> that counts the IOMMU groups.</summary>
    public const string IommuGroupsProperty = "Groups";

    /// <summary>The securityfs file of the kernel lockdown LSM.</summary>
    public const string LinuxLockdownPath = "/sys/kernel/security/lockdown";

    /// <summary>
    /// <c>linux/file/sys/kernel/security/lockdown</c> (<see cref="EvidenceIds.LinuxFile"/> of <see cref="LinuxLockdownPath"/>):
    /// the file's text as read, such as <c>none [integrity] confidentiality</c>: the modes the kernel offers, the active one in
    /// square brackets. Stored, not parsed. NotFound when the file does not exist (a kernel without the lockdown LSM, or
    /// securityfs not mounted); AccessDenied when the reader may not read it.
    /// </summary>
    public const string LinuxLockdown = "linux/file" + LinuxLockdownPath;

    /// <summary>Where Linux exposes the firmware's Windows SMM Security Mitigations Table.</summary>
    public const string LinuxWsmtPath = "/sys/firmware/acpi/tables/WSMT";

    /// <summary>
    /// <c>linux/acpi/wsmt</c>: one record, <c>Exists</c> (Boolean): whether the firmware publishes the WSMT ACPI table at
    /// <see cref="LinuxWsmtPath"/>, its declaration that the SMM handlers are hardened. NotSupported when the kernel exposes
    /// no ACPI tables at all (<c>/sys/firmware/acpi/tables</c> missing: no ACPI, or a container without sysfs firmware).
    /// </summary>
    public const string LinuxWsmt = "linux/acpi/wsmt";
}
