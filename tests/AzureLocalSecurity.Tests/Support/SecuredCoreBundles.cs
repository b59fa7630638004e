using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.VariableStore;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Hand-recorded Secured-core bundles, item for item in the shape the collectors write (ids, kinds, sources, record property
/// names and value kinds: <see cref="SecuredCoreEvidenceIds"/>, <see cref="BaselineEvidenceIds"/>, <see cref="SecureBootEvidenceIds"/>,
/// <see cref="TpmEvidenceIds.Win32Tpm"/>). They are not captures: the values follow Microsoft's documentation of a running
/// system (WINAPI.md §6 and §8, the Win32_DeviceGuard codes, KB4072698) and Azure Local's shipped 2411 security baseline
/// (Baseline/Catalogs/AzureLocal_SecurityBaseline_2411.csv) for the registry, on the 23H2 node <see cref="Bundles.Windows"/> makes.
/// Where the brief and the baseline part, the brief wins and it is said here: <c>LsaCfgFlags</c> is 1 (on, with UEFI lock;
/// the 2411 baseline writes 2, on without lock) and <c>Scenarios\SystemGuard Enabled</c> is 1 (the 2411 baseline writes 0;
/// a Secured-core node runs System Guard). Properties of newer builds (VirtualMachineIsolation, SmmIsolationLevel, ...) are
/// left out, as the collector leaves them out on a build without them. Of the UEFI variables only SecureBoot, SetupMode,
/// AuditMode and DeployedMode are recorded; the Secure Boot tests carry PK, KEK, db and dbx. The TPM is recorded as Windows
/// reports it (TBS device information, Win32_Tpm), not as TPM2 responses.
/// </summary>
[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "Only the Windows readers' constants and pure error builders are used, so that the bundles say exactly what the collectors say; no Windows API is called.")]
internal static class SecuredCoreBundles
{
    /// <summary>What Windows' Device Guard provider answers on the node (<see cref="SecuredCoreEvidenceIds.DeviceGuard"/>).</summary>
    private enum DeviceGuardState
    {
        Running,
        ConfiguredNotRunning,
        NotEnabled,
        ProviderMissing,
    }

    private const string SecureBootStateKey = @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State";

    private static DateTimeOffset T => Bundles.Time;

    /// <summary>
    /// An Azure Local node that is Secured-core: UEFI with Secure Boot on, TPM 2.0 ready, VBS running with Credential Guard,
    /// HVCI and System Guard Secure Launch configured and running, SMM mitigations and DMA protection available, Kernel DMA
    /// protection on, App Control enforced, SMB signing required, the side-channel settings of the 2411 baseline.
    /// </summary>
    internal static EvidenceBundle CompliantAzureLocalNode() => Windows(uefi: true, DeviceGuardState.Running);

    /// <summary>
    /// The compliant node's configuration (VBS, HVCI, Credential Guard and System Guard all configured in the registry) on a
    /// boot where VBS did not start: Win32_DeviceGuard says 1 (enabled, not running) with no service running, the kernel
    /// reports no HVCI code integrity bits and no secure kernel.
    /// </summary>
    internal static EvidenceBundle VbsConfiguredNotRunning() => Windows(uefi: true, DeviceGuardState.ConfiguredNotRunning);

    /// <summary>
    /// A Windows Server booted through legacy BIOS (GetFirmwareType 1): no UEFI variables (every variable NotSupported, as
    /// GetFirmwareEnvironmentVariableExW's ERROR_INVALID_FUNCTION files it), a TPM 1.2 (TPM 2.0 needs UEFI on Windows), VBS not
    /// enabled, nothing configured, Windows' SMB signing defaults.
    /// </summary>
    internal static EvidenceBundle BiosNode() => Windows(uefi: false, DeviceGuardState.NotEnabled);

    /// <summary>The compliant node, but Win32_DeviceGuard could not be read: its namespace does not exist (NotFound: the Device Guard WMI provider is not there).</summary>
    internal static EvidenceBundle DeviceGuardClassMissing() => Windows(uefi: true, DeviceGuardState.ProviderMissing);

    /// <summary>
    /// A Linux host (Azure Linux 3.0) booted through UEFI with Secure Boot on, two Intel IOMMU units and their groups, kernel
    /// lockdown in integrity mode; no Windows fact.
    /// </summary>
    internal static EvidenceBundle LinuxHost()
    {
        var items = new List<EvidenceItem>
        {
            EvidenceItem.ForText(EvidenceIds.LinuxFile("/etc/os-release"), "file /etc/os-release", T, "NAME=\"Microsoft Azure Linux\"\nVERSION=\"3.0.20241005\"\nID=azurelinux\nVERSION_ID=\"3.0\"\nPRETTY_NAME=\"Microsoft Azure Linux 3.0\"\n"),
            EvidenceItem.ForText(EvidenceIds.LinuxFile("/proc/sys/kernel/osrelease"), "file /proc/sys/kernel/osrelease", T, "6.6.51.1-azl3\n"),
            EvidenceItem.ForText(EvidenceIds.LinuxFile("/proc/sys/kernel/hostname"), "file /proc/sys/kernel/hostname", T, "linux01\n"),
            EvidenceItem.ForRecords(EvidenceIds.LinuxEfiFirmwareFolder, "path /sys/firmware/efi", T, [Bundles.Record(("Exists", EvidenceValue.FromBoolean(true)))]),
        };
        foreach (var (name, value) in ModeVariables(secureBoot: 1))
        {
            var id = new EfiVariableId(name, EfiVariableNames.GlobalVariable);
            items.AddRange(FirmwareVariableEvidence.ForVariable(id, "efivarfs /sys/firmware/efi/efivars/" + id, T, BootServiceRuntime, [value]));
        }

        items.Add(EvidenceItem.ForRecords(SecuredCoreEvidenceIds.LinuxIommu, "sysfs /sys/class/iommu, /sys/kernel/iommu_groups", T,
        [
            Bundles.Record(
                (SecuredCoreEvidenceIds.IommuPresentProperty, EvidenceValue.FromBoolean(true)),
                (SecuredCoreEvidenceIds.IommuUnitsProperty, EvidenceValue.FromMultiString(["dmar0", "dmar1"])),
                (SecuredCoreEvidenceIds.IommuGroupsProperty, EvidenceValue.FromUInt64(87))),
        ]));

        // The kernel writes the modes space-separated, the active one in brackets, and ends the line with a newline.
        items.Add(EvidenceItem.ForText(SecuredCoreEvidenceIds.LinuxLockdown, "file " + SecuredCoreEvidenceIds.LinuxLockdownPath, T, "none [integrity] confidentiality\n"));
        items.Add(EvidenceItem.ForRecords(SecuredCoreEvidenceIds.LinuxWsmt, "path " + SecuredCoreEvidenceIds.LinuxWsmtPath, T, [new EvidenceRecord([new("Exists", EvidenceValue.FromBoolean(true))])]));
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("linux01", NodePlatform.Linux, "Microsoft Azure Linux 3.0", "X64"), T, "0.1.0", items);
    }

    /// <summary>EFI_VARIABLE_BOOTSERVICE_ACCESS | EFI_VARIABLE_RUNTIME_ACCESS: the mode variables are volatile and read-only (UEFI 2.10 §3.3).</summary>
    private const uint BootServiceRuntime = 0x06;

    private static (string Name, byte Value)[] ModeVariables(byte secureBoot) =>
    [
        (EfiVariableNames.SecureBoot, secureBoot),
        (EfiVariableNames.SetupMode, 0),
        (EfiVariableNames.AuditMode, 0),
        (EfiVariableNames.DeployedMode, 0),
    ];

    private static EvidenceBundle Windows(bool uefi, DeviceGuardState deviceGuard)
    {
        var running = deviceGuard == DeviceGuardState.Running || deviceGuard == DeviceGuardState.ProviderMissing;
        var configured = uefi;
        var items = Bundles.Windows(firmwareType: uefi ? 2 : 1).Items.ToList();

        items.AddRange(uefi ? UefiVariables() : NoUefiVariables());
        items.Add(Key(SecureBootStateKey, [("UEFISecureBootEnabled", D(uefi ? 1u : 0u))]));
        items.AddRange(Tpm(uefi));
        items.AddRange(Kernel(running, dmaProtection: uefi));
        items.AddRange(configured ? ConfiguredRegistry() : DefaultRegistry());
        items.Add(DeviceGuardItem(deviceGuard));
        items.AddRange(Smb(signingRequired: configured));
        items.Add(Defender());

        // MSFT_MpPreference with no exclusion and no local ASR rule, and no Defender policy key (the Defender bundles add them).
        items.Add(DefenderBundles.Preference(disableRealtime: false, paths: null, extensions: null, processes: null));
        items.AddRange(DefenderEvidenceIds.RegistryKeys.Select(MissingKey));
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Windows, "Microsoft Windows 10.0.25398", "X64"), T, "0.1.0", items);
    }

    private static IEnumerable<EvidenceItem> UefiVariables()
    {
        foreach (var (name, value) in ModeVariables(secureBoot: 1))
        {
            var id = new EfiVariableId(name, EfiVariableNames.GlobalVariable);
            var source = $"kernel32!GetFirmwareEnvironmentVariableExW({name}, {EfiVariableNames.GlobalVariable.ToString("B").ToUpperInvariant()})";
            foreach (var item in FirmwareVariableEvidence.ForVariable(id, source, T, BootServiceRuntime, [value]))
            {
                yield return item;
            }
        }
    }

    /// <summary>Every Secure Boot variable, as the Windows collector files it on a BIOS boot (ERROR_INVALID_FUNCTION).</summary>
    private static IEnumerable<EvidenceItem> NoUefiVariables()
    {
        var failure = WindowsSecureBootCollector.Failure(1, null);
        foreach (var id in EfiVariableNames.SecureBootVariables)
        {
            var source = $"kernel32!GetFirmwareEnvironmentVariableExW({id.Name}, {id.Vendor.ToString("B").ToUpperInvariant()})";
            foreach (var item in FirmwareVariableEvidence.ForError(id, source, T, failure))
            {
                yield return item;
            }
        }
    }

    /// <summary>TBS's TPM_DEVICE_INFO and Win32_Tpm: a TPM 2.0 behind the CRB interface on UEFI, a TPM 1.2 behind TIS on BIOS; ready either way.</summary>
    private static IEnumerable<EvidenceItem> Tpm(bool tpm20)
    {
        yield return Kernel(BaselineEvidenceIds.TpmDeviceInfo, WindowsPlatformStatusReader.TpmSource,
            (P.StructVersion, U(1)),
            (P.TpmVersion, U(tpm20 ? 2u : 1u)),
            (P.TpmInterfaceType, U(tpm20 ? 3u : 1u)),
            (P.TpmImpRevision, U(0)));

        // ManufacturerId 0x49465800 is "IFX\0" (Infineon).
        yield return EvidenceItem.ForRecords(TpmEvidenceIds.Win32Tpm, WindowsTpmCimReader.Source, T,
        [
            Bundles.Record(
                ("IsActivated_InitialValue", B(true)),
                ("IsEnabled_InitialValue", B(true)),
                ("IsOwned_InitialValue", B(true)),
                ("SpecVersion", S(tpm20 ? "2.0, 0, 1.59" : "1.2, 2, 3")),
                ("ManufacturerVersion", S(tpm20 ? "7.85.4555.0" : "4.43.257.0")),
                ("ManufacturerVersionInfo", S(tpm20 ? "SLB9672" : "SLB9660")),
                ("ManufacturerId", U(0x49465800)),
                ("ManufacturerIdTxt", S("IFX")),
                ("ManufacturerVersionFull20", S(tpm20 ? "7.85.4555.0" : "Not Supported")),
                ("PhysicalPresenceVersionInfo", S("1.3")),
                ("IsActivated", B(true)),
                ("IsEnabled", B(true)),
                ("IsOwned", B(true)),
                ("IsReady", B(true)),
                ("IsReadyInformation", U(0))),
        ]);
    }

    /// <summary>
    /// The kernel facts. Running: code integrity on (0x1), App Control's user-mode CI enforced (0x4), HVCI enforcing kernel CI
    /// (0x400) with IUM (0x2000); the secure kernel running with HVCI and firmware page protection (Flags0 bits 0, 1, 4) on
    /// hardware-enforced VBS (Flags1 bit 2). Not running: CI and user-mode CI only, no IUM flag.
    /// </summary>
    private static IEnumerable<EvidenceItem> Kernel(bool running, bool dmaProtection)
    {
        yield return Kernel(BaselineEvidenceIds.CodeIntegrity, WindowsPlatformStatusReader.CodeIntegritySource, (P.CodeIntegrityOptions, U(running ? 0x2405u : 0x05u)));
        yield return Kernel(BaselineEvidenceIds.IsolatedUserMode, WindowsPlatformStatusReader.IsolatedUserModeSource, (P.Flags0, U(running ? 0x13u : 0u)), (P.Flags1, U(running ? 0x04u : 0u)));
        yield return Kernel(BaselineEvidenceIds.DmaGuard, WindowsPlatformStatusReader.DmaGuardSource, (P.DmaGuardPolicyEnabled, U(dmaProtection ? 1u : 0u)));
    }

    /// <summary>The registry of the configured node: Azure Local 2411's Secured-core and side-channel values, with the two departures the class comment names.</summary>
    private static IEnumerable<EvidenceItem> ConfiguredRegistry()
    {
        yield return Key(SecuredCoreEvidenceIds.DeviceGuardKey,
            [("EnableVirtualizationBasedSecurity", D(1)), ("RequirePlatformSecurityFeatures", D(1)), ("Locked", D(1)), ("RequireMicrosoftSignedBootChain", D(1))],
            "Scenarios");
        yield return Key(SecuredCoreEvidenceIds.HypervisorEnforcedCodeIntegrityKey, [("Enabled", D(1)), ("Locked", D(0))]);
        yield return Key(SecuredCoreEvidenceIds.SystemGuardKey, [("Enabled", D(1))]);
        yield return MissingKey(SecuredCoreEvidenceIds.CredentialGuardKey);
        yield return MissingKey(SecuredCoreEvidenceIds.DeviceGuardPolicyKey);
        yield return Key(SecuredCoreEvidenceIds.SystemPolicyKey,
            [("BlockUserFromShowingAccountDetailsOnSignin", D(1)), ("EnableSmartScreen", D(1)), ("DontDisplayNetworkSelectionUI", D(1)), ("DontEnumerateConnectedUsers", D(1)), ("DisableLockScreenAppNotifications", D(1)), ("EnumerateLocalUsers", D(0))]);
        yield return Key(SecuredCoreEvidenceIds.LsaKey,
            [("LsaCfgFlags", D(1)), ("RunAsPPL", D(2)), ("LimitBlankPasswordUse", D(1)), ("NoLMHash", D(1)), ("LmCompatibilityLevel", D(5)), ("RestrictAnonymous", D(1)), ("RestrictAnonymousSAM", D(1))],
            "Kerberos", "MSV1_0");

        // KB4072698: FeatureSettingsOverride 0x05000048 with mask 3, the value Azure Local's 2411 baseline sets.
        yield return Key(SecuredCoreEvidenceIds.MemoryManagementKey, [("FeatureSettingsOverride", D(83886152)), ("FeatureSettingsOverrideMask", D(3)), ("ClearPageFileAtShutdown", D(0))]);
        yield return Key(SecuredCoreEvidenceIds.LanmanServerParametersKey,
            [("RequireSecuritySignature", D(1)), ("EnableSecuritySignature", D(1)), ("AutoDisconnect", D(15)), ("SMBServerNameHardeningLevel", D(1)), ("RestrictNullSessAccess", D(1))]);
        yield return Key(SecuredCoreEvidenceIds.LanmanWorkstationParametersKey, [("RequireSecuritySignature", D(1)), ("EnableSecuritySignature", D(1)), ("EnablePlainTextPassword", D(0))]);
    }

    /// <summary>The registry of a Windows Server nobody configured: the DeviceGuard key without values, no scenario keys, no policy, SMB signing off on the server and allowed on the client.</summary>
    private static IEnumerable<EvidenceItem> DefaultRegistry()
    {
        yield return Key(SecuredCoreEvidenceIds.DeviceGuardKey, [], "Scenarios");
        yield return MissingKey(SecuredCoreEvidenceIds.HypervisorEnforcedCodeIntegrityKey);
        yield return MissingKey(SecuredCoreEvidenceIds.SystemGuardKey);
        yield return MissingKey(SecuredCoreEvidenceIds.CredentialGuardKey);
        yield return MissingKey(SecuredCoreEvidenceIds.DeviceGuardPolicyKey);
        yield return MissingKey(SecuredCoreEvidenceIds.SystemPolicyKey);
        yield return Key(SecuredCoreEvidenceIds.LsaKey, [("LimitBlankPasswordUse", D(1)), ("NoLMHash", D(1))], "Kerberos", "MSV1_0");
        yield return Key(SecuredCoreEvidenceIds.MemoryManagementKey, [("ClearPageFileAtShutdown", D(0))]);
        yield return Key(SecuredCoreEvidenceIds.LanmanServerParametersKey, [("RequireSecuritySignature", D(0)), ("EnableSecuritySignature", D(0))]);
        yield return Key(SecuredCoreEvidenceIds.LanmanWorkstationParametersKey, [("RequireSecuritySignature", D(0)), ("EnableSecuritySignature", D(1)), ("EnablePlainTextPassword", D(0))]);
    }

    /// <summary>
    /// Win32_DeviceGuard. Services: 1 Credential Guard, 2 HVCI, 3 System Guard Secure Launch. Available: 1 hypervisor support,
    /// 2 Secure Boot, 3 DMA protection, 4 Secure Memory Overwrite, 5 NX protections, 6 SMM mitigations, 7 MBEC/GMET, 8 APIC
    /// virtualization (WINAPI.md §8.1). Required {1, 2}: RequirePlatformSecurityFeatures 1 asks for Secure Boot. On BIOS only the
    /// processor's properties (1, 7, 8) are available: the others need UEFI.
    /// </summary>
    private static EvidenceItem DeviceGuardItem(DeviceGuardState state)
    {
        var spec = WindowsSecuredCoreCimReader.DeviceGuard;
        if (state == DeviceGuardState.ProviderMissing)
        {
            return EvidenceItem.ForError(spec.Id, EvidenceKind.Properties, spec.Source, T,
                WindowsSecuredCoreCimReader.Failure(spec, CimEvidence.MiResultInvalidNamespace, "InvalidNamespace", "Invalid namespace "));
        }

        var bios = state == DeviceGuardState.NotEnabled;
        ulong[] services = bios ? [] : [1, 2, 3];
        return EvidenceItem.ForRecords(spec.Id, spec.Source, T,
        [
            Bundles.Record(
                ("VirtualizationBasedSecurityStatus", U(state switch { DeviceGuardState.Running => 2u, DeviceGuardState.ConfiguredNotRunning => 1u, _ => 0u })),
                ("SecurityServicesConfigured", A(services)),
                ("SecurityServicesRunning", A(state == DeviceGuardState.Running ? services : [])),
                ("AvailableSecurityProperties", A(bios ? [1, 7, 8] : [1, 2, 3, 4, 5, 6, 7, 8])),
                ("RequiredSecurityProperties", A(bios ? [] : [1, 2])),
                ("CodeIntegrityPolicyEnforcementStatus", U(bios ? 0u : 2u)),
                ("UsermodeCodeIntegrityPolicyEnforcementStatus", U(bios ? 0u : 2u)),
                ("InstanceIdentifier", S("4ff40742-2649-41b8-bdd1-e80fad1cce80")),
                ("Version", S("1.0"))),
        ]);
    }

    private static IEnumerable<EvidenceItem> Smb(bool signingRequired)
    {
        const string Ciphers = "AES_128_GCM, AES_128_CCM, AES_256_GCM, AES_256_CCM";
        var server = WindowsSecuredCoreCimReader.SmbServer;
        yield return EvidenceItem.ForRecords(server.Id, server.Source, T,
        [
            Bundles.Record(
                ("RequireSecuritySignature", B(signingRequired)),
                ("EnableSecuritySignature", B(signingRequired)),
                ("EncryptData", B(false)),
                ("RejectUnencryptedAccess", B(true)),
                ("EncryptionCiphers", S(Ciphers)),
                ("EnableSMB1Protocol", B(false)),
                ("EnableSMB2Protocol", B(true)),
                ("AuditSmb1Access", B(false)),
                ("ServerHidden", B(true)),
                ("AutoShareServer", B(true)),
                ("AutoShareWorkstation", B(true)),
                ("NullSessionPipes", S(string.Empty)),
                ("NullSessionShares", S(string.Empty)),
                ("SmbServerNameHardeningLevel", U(signingRequired ? 1u : 0u))),
        ]);
        var client = WindowsSecuredCoreCimReader.SmbClient;
        yield return EvidenceItem.ForRecords(client.Id, client.Source, T,
        [
            Bundles.Record(
                ("RequireSecuritySignature", B(signingRequired)),
                ("EnableSecuritySignature", B(true)),
                ("EncryptionCiphers", S(Ciphers)),
                ("EnableInsecureGuestLogons", B(false))),
        ]);
    }

    /// <summary>MSFT_MpComputerStatus of a node with Defender Antivirus active and current signatures, never fully scanned (FullScanAge 4294967295, the scan times null).</summary>
    private static EvidenceItem Defender()
    {
        var spec = WindowsSecuredCoreCimReader.Defender;
        var updated = EvidenceValue.FromDateTime(new DateTime(2026, 11, 1, 6, 12, 0, DateTimeKind.Utc));
        return EvidenceItem.ForRecords(spec.Id, spec.Source, T,
        [
            Bundles.Record(
                ("AMServiceEnabled", B(true)),
                ("AntivirusEnabled", B(true)),
                ("AntispywareEnabled", B(true)),
                ("RealTimeProtectionEnabled", B(true)),
                ("OnAccessProtectionEnabled", B(true)),
                ("IoavProtectionEnabled", B(true)),
                ("BehaviorMonitorEnabled", B(true)),
                ("NISEnabled", B(true)),
                ("AMRunningMode", S("Normal")),
                ("IsTamperProtected", B(false)),
                ("DefenderSignaturesOutOfDate", B(false)),
                ("ComputerState", U(0)),
                ("AntivirusSignatureAge", U(0)),
                ("AntispywareSignatureAge", U(0)),
                ("NISSignatureAge", U(0)),
                ("FullScanAge", U(uint.MaxValue)),
                ("QuickScanAge", U(0)),
                ("AntivirusSignatureLastUpdated", updated),
                ("AntispywareSignatureLastUpdated", updated),
                ("NISSignatureLastUpdated", updated),
                ("FullScanStartTime", EvidenceValue.Null),
                ("FullScanEndTime", EvidenceValue.Null),
                ("QuickScanStartTime", EvidenceValue.FromDateTime(new DateTime(2026, 11, 1, 2, 0, 4, DateTimeKind.Utc))),
                ("QuickScanEndTime", EvidenceValue.FromDateTime(new DateTime(2026, 11, 1, 2, 3, 41, DateTimeKind.Utc))),
                ("LastFullScanSource", U(0)),
                ("LastQuickScanSource", U(2)),
                ("RealTimeScanDirection", U(0)),
                ("AMProductVersion", S("4.18.24050.7")),
                ("AMServiceVersion", S("4.18.24050.7")),
                ("AMEngineVersion", S("1.1.24050.5")),
                ("AntivirusSignatureVersion", S("1.413.102.0")),
                ("AntispywareSignatureVersion", S("1.413.102.0")),
                ("NISEngineVersion", S("1.1.24050.5")),
                ("NISSignatureVersion", S("1.413.102.0"))),
        ]);
    }

    private static EvidenceItem Key(string path, (string Name, EvidenceValue Value)[] values, params string[] subKeys) =>
        EvidenceItem.ForRegistry(EvidenceIds.Registry(path), "Registry (64-bit view) " + path, T,
            new RegistryKeyEvidence(path, values.Select(v => new RegistryValueEvidence(v.Name, v.Value)), subKeys));

    /// <summary>A key that does not exist, as WindowsRegistryReader files it.</summary>
    private static EvidenceItem MissingKey(string path) =>
        EvidenceItem.ForError(EvidenceIds.Registry(path), EvidenceKind.Registry, "Registry (64-bit view) " + path, T, new EvidenceError(EvidenceErrorCategory.NotFound, $"The key {path} does not exist."));

    private static EvidenceItem Kernel(string id, string source, params (string Name, EvidenceValue Value)[] properties) =>
        EvidenceItem.ForRecords(id, source, T, [Bundles.Record(properties)]);

    private static EvidenceValue D(uint value) => EvidenceValue.FromDWord(value);

    private static EvidenceValue U(ulong value) => EvidenceValue.FromUInt64(value);

    private static EvidenceValue B(bool value) => EvidenceValue.FromBoolean(value);

    private static EvidenceValue S(string value) => EvidenceValue.FromString(value);

    private static EvidenceValue A(ulong[] values) => EvidenceValue.FromUInt64Array(values);
}
