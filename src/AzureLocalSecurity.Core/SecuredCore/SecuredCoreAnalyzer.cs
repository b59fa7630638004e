using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecureBoot.Analysis;
using AzureLocalSecurity.Tpm.Analysis;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.SecuredCore;

/// <summary>
/// Whether a node meets the Secured-core requirements, each proven from the evidence with its source: Win32_DeviceGuard
/// first (WINAPI.md §8.1), the kernel's own answers (NtQuerySystemInformation, §6) where the Device Guard provider is
/// missing, the module's TPM client, and the UEFI variables. On a Linux host the Windows services do not apply; the
/// IOMMU, the firmware's SMM table and kernel lockdown stand in where they mean the same. Pure.
/// </summary>
public static class SecuredCoreAnalyzer
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "SecuredCore";

    /// <summary>TPM 2.0 present and ready.</summary>
    public const string TpmId = "ALSEC-SC-001";

    /// <summary>UEFI boot with Secure Boot on.</summary>
    public const string SecureBootId = "ALSEC-SC-002";

    /// <summary>Virtualization-based security running.</summary>
    public const string VbsId = "ALSEC-SC-003";

    /// <summary>Hypervisor-protected code integrity (memory integrity) running.</summary>
    public const string HvciId = "ALSEC-SC-004";

    /// <summary>Credential Guard running.</summary>
    public const string CredentialGuardId = "ALSEC-SC-005";

    /// <summary>System Guard Secure Launch (DRTM) running.</summary>
    public const string SystemGuardId = "ALSEC-SC-006";

    /// <summary>SMM firmware protection.</summary>
    public const string SmmId = "ALSEC-SC-007";

    /// <summary>Kernel DMA protection.</summary>
    public const string DmaId = "ALSEC-SC-008";

    /// <summary>Linux kernel lockdown (Linux hosts only).</summary>
    public const string LockdownId = "ALSEC-SC-009";

    // Win32_DeviceGuard codes (WINAPI.md §8.1).
    private const ulong CredentialGuardService = 1, HvciService = 2, SystemGuardService = 3, SmmMeasurementService = 4;
    private const ulong DmaProtectionProperty = 3, SmmMitigationsProperty = 6;
    private const long SecureKernelRunning = 0x01, HvciKmciEnabled = 0x400;

    private static readonly string[] SecuredCoreReferences =
    [
        "https://learn.microsoft.com/windows-hardware/design/device-experiences/oem-highly-secure-11",
        "https://learn.microsoft.com/azure/azure-local/concepts/security-features",
    ];

    private static readonly string[] DeviceGuardReferences =
    [
        "https://learn.microsoft.com/windows/security/hardware-security/enable-virtualization-based-protection-of-code-integrity",
        "https://learn.microsoft.com/azure/azure-local/manage/manage-secure-baseline",
    ];

    private static readonly Dictionary<ulong, string> PropertyNames = new()
    {
        [1] = "hypervisor support",
        [2] = "Secure Boot",
        [3] = "DMA protection",
        [4] = "Secure Memory Overwrite",
        [5] = "NX protections",
        [6] = "SMM Security Mitigations",
        [7] = "MBEC/GMET",
        [8] = "APIC virtualization",
    };

    /// <summary>Judges the node a bundle describes.</summary>
    public static SecuredCoreSummary Evaluate(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var facts = new Facts(bundle);
        var results = new List<SecurityCheckResult>
        {
            CheckTpm(facts),
            CheckSecureBoot(facts),
            CheckVbs(facts),
            CheckService(facts, HvciId, "Hypervisor-protected code integrity (memory integrity) is running", HvciService, "memory integrity (HVCI)",
                "Turn on memory integrity: HKLM\\SYSTEM\\CurrentControlSet\\Control\\DeviceGuard\\Scenarios\\HypervisorEnforcedCodeIntegrity Enabled = 1 (on Azure Local: Enable-AzSSecurity -FeatureName HVCI), then restart. Drivers that are not HVCI-compatible keep it from starting."),
            CheckService(facts, CredentialGuardId, "Credential Guard is running", CredentialGuardService, "Credential Guard",
                "Turn on Credential Guard: HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa LsaCfgFlags = 1 (UEFI lock) or 2 (on Azure Local: Enable-AzSSecurity -FeatureName CredentialGuard), then restart."),
            CheckService(facts, SystemGuardId, "System Guard Secure Launch (DRTM) is running", SystemGuardService, "System Guard Secure Launch",
                "Turn on Secure Launch: HKLM\\SYSTEM\\CurrentControlSet\\Control\\DeviceGuard\\Scenarios\\SystemGuard Enabled = 1 (on Azure Local: Enable-AzSSecurity -FeatureName DRTM) with DRTM (Intel TXT or AMD SKINIT) on in the firmware, then restart."),
            CheckSmm(facts),
            CheckDma(facts),
            CheckLockdown(facts),
        };
        return new SecuredCoreSummary(bundle.NodeName, results);
    }

    private static SecurityCheckResult CheckTpm(Facts facts)
    {
        const string Title = "TPM 2.0 is present and ready";
        const string Expected = "TPM 2.0, ready";
        var tpm = facts.Tpm;
        var remedy = "Turn the TPM 2.0 on in the firmware setup (a discrete TPM, Intel PTT or AMD fTPM); on Windows, Get-Tpm must then say TpmPresent and TpmReady.";
        if (tpm.Present == false)
        {
            return Result(facts, TpmId, Title, CheckStatus.NonCompliant, Severity.Critical, Expected, "no TPM", tpm.Transport, null, remedy, SecuredCoreReferences);
        }

        if (tpm.Present == true)
        {
            var actual = "TPM " + (tpm.TpmVersion ?? "of unknown version") + (tpm.Manufacturer is { } m ? " (" + m + ")" : string.Empty) + (tpm.Ready switch { true => ", ready", false => ", not ready", _ => string.Empty });
            if (tpm.TpmVersion is not null && tpm.TpmVersion != "2.0")
            {
                return Result(facts, TpmId, Title, CheckStatus.NonCompliant, Severity.Critical, Expected, actual, tpm.Transport, "Secured-core and Azure Local need TPM 2.0.", remedy, SecuredCoreReferences);
            }

            if (tpm.Ready == false)
            {
                return Result(facts, TpmId, Title, CheckStatus.NonCompliant, Severity.High, Expected, actual, tpm.Transport,
                    tpm.ReadyInformation is { Count: > 0 } why ? "Windows says: " + string.Join(", ", why) + "." : null,
                    "Prepare the TPM (Initialize-Tpm on Windows), or clear it in the firmware setup if it is locked out.", SecuredCoreReferences);
            }

            if (tpm.TpmVersion == "2.0")
            {
                return Result(facts, TpmId, Title, CheckStatus.Compliant, Severity.Critical, Expected, actual, tpm.Transport,
                    tpm.Ready is null ? "Readiness is what Windows' Win32_Tpm reports; here the TPM answered the module's own commands, which a TPM that is not ready does not." : null, null, SecuredCoreReferences);
            }
        }

        // The module's client could not tell; TBS's device information is the next best fact on Windows.
        var tbs = facts.Record(BaselineEvidenceIds.TpmDeviceInfo, out var tbsSource, out var tbsWhy);
        if (tbs?.Get(P.TpmVersion)?.AsInt64() is { } version)
        {
            return version == 2
                ? Result(facts, TpmId, Title, CheckStatus.Compliant, Severity.Critical, Expected, "TPM 2.0 (TBS)", tbsSource, "Whether it is ready could not be read: " + string.Join(" ", tpm.Unknowns), null, SecuredCoreReferences)
                : Result(facts, TpmId, Title, CheckStatus.NonCompliant, Severity.Critical, Expected, "TPM " + (version == 1 ? "1.2" : "version " + version.ToString(CultureInfo.InvariantCulture)) + " (TBS)", tbsSource, "Secured-core and Azure Local need TPM 2.0.", remedy, SecuredCoreReferences);
        }

        return Result(facts, TpmId, Title, CheckStatus.Unknown, Severity.Critical, Expected, null, tpm.Transport ?? tbsSource,
            string.Join(" ", tpm.Unknowns.Concat(tbsWhy is null ? [] : [tbsWhy]).DefaultIfEmpty("The bundle holds no TPM facts.")), null, SecuredCoreReferences);
    }

    private static SecurityCheckResult CheckSecureBoot(Facts facts)
    {
        const string Title = "The node boots through UEFI with Secure Boot on";
        const string Expected = "UEFI, Secure Boot on";
        var state = facts.SecureBoot;
        var source = state.Sources.TryGetValue(nameof(SecureBootState.SecureBootEnabled), out var s) ? s
            : state.Sources.TryGetValue(nameof(SecureBootState.WindowsReportsSecureBootEnabled), out var w) ? w : null;
        var remedy = "Switch the firmware to UEFI without CSM and turn Secure Boot on with Microsoft's keys enrolled (Test-ALSecureBootCertificate shows the certificates).";
        if (state.FirmwareType == FirmwareType.Bios)
        {
            return Result(facts, SecureBootId, Title, CheckStatus.NonCompliant, Severity.Critical, Expected, "BIOS boot", source, "A BIOS boot has no Secure Boot.", remedy, SecuredCoreReferences);
        }

        var enabled = state.SecureBootEnabled ?? state.WindowsReportsSecureBootEnabled;
        return enabled switch
        {
            true => Result(facts, SecureBootId, Title, CheckStatus.Compliant, Severity.Critical, Expected, "UEFI, Secure Boot on", source, null, null, SecuredCoreReferences),
            false => Result(facts, SecureBootId, Title, CheckStatus.NonCompliant, Severity.Critical, Expected, "UEFI, Secure Boot off" + (state.SetupMode == true ? " (setup mode: no platform key)" : string.Empty), source, null, remedy, SecuredCoreReferences),
            null => Result(facts, SecureBootId, Title, CheckStatus.Unknown, Severity.Critical, Expected, null, source, string.Join(" ", state.Unknowns.DefaultIfEmpty("Secure Boot could not be read.")), null, SecuredCoreReferences),
        };
    }

    private static SecurityCheckResult CheckVbs(Facts facts)
    {
        const string Title = "Virtualization-based security is running";
        const string Expected = "VirtualizationBasedSecurityStatus 2 (running)";
        if (facts.IsLinux)
        {
            return NotWindows(facts, VbsId, Title, Severity.Critical);
        }

        var remedy = "Turn on virtualization (VT-x/AMD-V and VT-d/AMD-Vi) in the firmware, set HKLM\\SYSTEM\\CurrentControlSet\\Control\\DeviceGuard EnableVirtualizationBasedSecurity = 1 (on Azure Local: Enable-AzSSecurity -FeatureName VBS) and restart.";
        if (facts.DeviceGuard is { } dg)
        {
            var status = dg.Get("VirtualizationBasedSecurityStatus")?.AsInt64();
            var missing = facts.MissingRequiredProperties();
            var why = missing.Count > 0 ? "The platform lacks what VBS requires here: " + string.Join(", ", missing) + "." : null;
            return status switch
            {
                2 => Result(facts, VbsId, Title, CheckStatus.Compliant, Severity.Critical, Expected, "running", facts.DeviceGuardSource, null, null, DeviceGuardReferences),
                1 => Result(facts, VbsId, Title, CheckStatus.NonCompliant, Severity.Critical, Expected, "enabled, not running", facts.DeviceGuardSource,
                    why ?? "VBS is configured but did not start at the last boot: a restart may be pending, or a firmware prerequisite is off.", remedy, DeviceGuardReferences),
                0 => Result(facts, VbsId, Title, CheckStatus.NonCompliant, Severity.Critical, Expected, "not enabled", facts.DeviceGuardSource, why, remedy, DeviceGuardReferences),
                _ => Result(facts, VbsId, Title, CheckStatus.Unknown, Severity.Critical, Expected, null, facts.DeviceGuardSource, "Win32_DeviceGuard holds no VirtualizationBasedSecurityStatus the module knows (0, 1, 2).", null, DeviceGuardReferences),
            };
        }

        // Without the Device Guard provider the kernel still says whether the secure kernel runs.
        var ium = facts.Record(BaselineEvidenceIds.IsolatedUserMode, out var source, out var iumWhy)?.Get(P.Flags0)?.AsInt64();
        return ium switch
        {
            { } flags when (flags & SecureKernelRunning) != 0 => Result(facts, VbsId, Title, CheckStatus.Compliant, Severity.Critical, Expected, "running (the secure kernel runs)", source, facts.DeviceGuardMissing, null, DeviceGuardReferences),
            { } => Result(facts, VbsId, Title, CheckStatus.NonCompliant, Severity.Critical, Expected, "not running (the secure kernel does not run)", source, facts.DeviceGuardMissing, remedy, DeviceGuardReferences),
            null => Result(facts, VbsId, Title, CheckStatus.Unknown, Severity.Critical, Expected, null, facts.DeviceGuardSource, Join(facts.DeviceGuardMissing, iumWhy), null, DeviceGuardReferences),
        };
    }

    private static SecurityCheckResult CheckService(Facts facts, string id, string title, ulong service, string name, string remedy)
    {
        var expected = $"SecurityServicesRunning includes {service.ToString(CultureInfo.InvariantCulture)} ({name})";
        if (facts.IsLinux)
        {
            return NotWindows(facts, id, title, Severity.High);
        }

        var running = facts.Services("SecurityServicesRunning");
        var configured = facts.Services("SecurityServicesConfigured");
        if (running is not null)
        {
            if (running.Contains(service))
            {
                return Result(facts, id, title, CheckStatus.Compliant, Severity.High, expected, "running", facts.DeviceGuardSource, null, null, DeviceGuardReferences);
            }

            var actual = configured?.Contains(service) == true ? "configured, not running" : "not configured";
            var why = configured?.Contains(service) == true ? "It is configured but did not start at the last boot: a restart may be pending, VBS may not run, or a prerequisite is missing." : null;
            return Result(facts, id, title, CheckStatus.NonCompliant, Severity.High, expected, actual, facts.DeviceGuardSource, why, remedy, DeviceGuardReferences);
        }

        // HVCI alone has a kernel fact behind it when the provider is missing.
        if (service == HvciService && facts.Record(BaselineEvidenceIds.CodeIntegrity, out var ciSource, out var ciWhy)?.Get(P.CodeIntegrityOptions)?.AsInt64() is { } options)
        {
            return (options & HvciKmciEnabled) != 0
                ? Result(facts, id, title, CheckStatus.Compliant, Severity.High, expected, "running (CODEINTEGRITY_OPTION_HVCI_KMCI_ENABLED)", ciSource, facts.DeviceGuardMissing, null, DeviceGuardReferences)
                : Result(facts, id, title, CheckStatus.NonCompliant, Severity.High, expected, "not running (no CODEINTEGRITY_OPTION_HVCI_KMCI_ENABLED)", ciSource, facts.DeviceGuardMissing, remedy, DeviceGuardReferences);
        }

        return Result(facts, id, title, CheckStatus.Unknown, Severity.High, expected, null, facts.DeviceGuardSource,
            Join(facts.DeviceGuardMissing ?? "Win32_DeviceGuard has no SecurityServicesRunning.", $"Whether {name} runs is reported only there."), null, DeviceGuardReferences);
    }

    private static SecurityCheckResult CheckSmm(Facts facts)
    {
        const string Title = "SMM firmware protection is in place";
        if (facts.IsLinux)
        {
            const string LinuxExpected = "the firmware publishes the Windows SMM Security Mitigations Table (WSMT)";
            var wsmt = facts.Record(SecuredCoreEvidenceIds.LinuxWsmt, out var wsmtSource, out var wsmtWhy)?.Get("Exists")?.AsBoolean();
            return wsmt switch
            {
                true => Result(facts, SmmId, Title, CheckStatus.Compliant, Severity.High, LinuxExpected, "WSMT present", wsmtSource, null, null, SecuredCoreReferences),
                false => Result(facts, SmmId, Title, CheckStatus.NonCompliant, Severity.High, LinuxExpected, "no WSMT", wsmtSource, "Without the table the firmware does not declare its SMM handlers hardened.", "Ask the platform's manufacturer for a firmware with SMM protection (WSMT).", SecuredCoreReferences),
                null => Result(facts, SmmId, Title, CheckStatus.Unknown, Severity.High, LinuxExpected, null, wsmtSource, wsmtWhy ?? "The bundle holds no ACPI table facts.", null, SecuredCoreReferences),
            };
        }

        const string Expected = "AvailableSecurityProperties includes 6 (SMM Security Mitigations)";
        var available = facts.Services("AvailableSecurityProperties");
        if (available is null)
        {
            return Result(facts, SmmId, Title, CheckStatus.Unknown, Severity.High, Expected, null, facts.DeviceGuardSource, facts.DeviceGuardMissing ?? "Win32_DeviceGuard has no AvailableSecurityProperties.", null, DeviceGuardReferences);
        }

        var measured = facts.Services("SecurityServicesRunning")?.Contains(SmmMeasurementService) == true ? "; SMM firmware measurement running" : string.Empty;
        var level = facts.DeviceGuard?.Get("SmmIsolationLevel")?.AsInt64() is { } l && l > 0 ? "; SmmIsolationLevel " + l.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return available.Contains(SmmMitigationsProperty)
            ? Result(facts, SmmId, Title, CheckStatus.Compliant, Severity.High, Expected, "SMM Security Mitigations available" + measured + level, facts.DeviceGuardSource, null, null, DeviceGuardReferences)
            : Result(facts, SmmId, Title, CheckStatus.NonCompliant, Severity.High, Expected, "available: " + Properties(available), facts.DeviceGuardSource,
                "The firmware does not report SMM protection (the WSMT table).", "Update the firmware to a version with SMM protection; Secured-core hardware lists it as a requirement.", DeviceGuardReferences);
    }

    private static SecurityCheckResult CheckDma(Facts facts)
    {
        const string Title = "Kernel DMA protection is on";
        const string Remedy = "Turn on the IOMMU (Intel VT-d or AMD-Vi) and Kernel DMA Protection in the firmware setup; it needs a firmware that hands the IOMMU to the OS at boot.";
        if (facts.IsLinux)
        {
            const string LinuxExpected = "an IOMMU is active";
            var iommu = facts.Record(SecuredCoreEvidenceIds.LinuxIommu, out var iommuSource, out var iommuWhy);
            var present = iommu?.Get("Present")?.AsBoolean();
            return present switch
            {
                true => Result(facts, DmaId, Title, CheckStatus.Compliant, Severity.High, LinuxExpected, "IOMMU " + string.Join(", ", iommu!.Get("Units")?.AsStrings() ?? []), iommuSource, null, null, SecuredCoreReferences),
                false => Result(facts, DmaId, Title, CheckStatus.NonCompliant, Severity.High, LinuxExpected, "no IOMMU", iommuSource, null, Remedy + " On Linux also boot with intel_iommu=on (or amd_iommu=on).", SecuredCoreReferences),
                null => Result(facts, DmaId, Title, CheckStatus.Unknown, Severity.High, LinuxExpected, null, iommuSource, iommuWhy ?? "The bundle holds no IOMMU facts.", null, SecuredCoreReferences),
            };
        }

        const string Expected = "DmaGuardPolicyEnabled 1";
        var guard = facts.Record(BaselineEvidenceIds.DmaGuard, out var source, out var why)?.Get(P.DmaGuardPolicyEnabled)?.AsInt64();
        var available = facts.Services("AvailableSecurityProperties")?.Contains(DmaProtectionProperty) == true ? " (the platform offers DMA protection)" : string.Empty;
        return guard switch
        {
            null => Result(facts, DmaId, Title, CheckStatus.Unknown, Severity.High, Expected, null, source, why ?? "The bundle holds no DMA guard policy.", null, SecuredCoreReferences),
            0 => Result(facts, DmaId, Title, CheckStatus.NonCompliant, Severity.High, Expected, "off" + available, source, null, Remedy, SecuredCoreReferences),
            _ => Result(facts, DmaId, Title, CheckStatus.Compliant, Severity.High, Expected, "on", source, null, null, SecuredCoreReferences),
        };
    }

    private static SecurityCheckResult CheckLockdown(Facts facts)
    {
        const string Title = "The Linux kernel is locked down (integrity or confidentiality)";
        const string Expected = "lockdown integrity or confidentiality";
        if (!facts.IsLinux)
        {
            return Result(facts, LockdownId, Title, CheckStatus.NotApplicable, Severity.Medium, Expected, null, null, "Kernel lockdown is a Linux feature; on Windows code integrity and HVCI stand for it.", null, SecuredCoreReferences);
        }

        var item = facts.Bundle.Find(SecuredCoreEvidenceIds.LinuxLockdown);
        if (item is null || !item.Succeeded)
        {
            var why = item is null ? "The bundle holds no kernel lockdown facts." : item.Error!.Category == EvidenceErrorCategory.NotFound
                ? $"{SecuredCoreEvidenceIds.LinuxLockdownPath} does not exist: the kernel has no lockdown LSM, or securityfs is not mounted."
                : item.Error.Message;
            return Result(facts, LockdownId, Title, CheckStatus.Unknown, Severity.Medium, Expected, null, item?.Source, why, null, SecuredCoreReferences);
        }

        var text = item.GetText() ?? string.Empty;
        var open = text.IndexOf('[');
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        if (close < 0)
        {
            return Result(facts, LockdownId, Title, CheckStatus.Unknown, Severity.Medium, Expected, text.Trim(), item.Source, "The file does not mark the active mode in brackets.", null, SecuredCoreReferences);
        }

        var mode = text.Substring(open + 1, close - open - 1);
        return mode is "integrity" or "confidentiality"
            ? Result(facts, LockdownId, Title, CheckStatus.Compliant, Severity.Medium, Expected, mode, item.Source, null, null, SecuredCoreReferences)
            : Result(facts, LockdownId, Title, CheckStatus.NonCompliant, Severity.Medium, Expected, mode, item.Source,
                "Without lockdown, root can change the running kernel (modules not signed, /dev/mem, kexec of an unsigned kernel).",
                "Boot with lockdown=integrity (kernels with Secure Boot lockdown do this when Secure Boot is on).", SecuredCoreReferences);
    }

    private static SecurityCheckResult NotWindows(Facts facts, string id, string title, Severity severity) =>
        Result(facts, id, title, CheckStatus.NotApplicable, severity, null, null, null, "A Windows virtualization-based security service; a Linux host has no equivalent this module checks.", null, DeviceGuardReferences);

    private static string Properties(IReadOnlyCollection<ulong> codes) =>
        codes.Count == 0 ? "none" : string.Join(", ", codes.Where(c => c != 0).Select(c => PropertyNames.TryGetValue(c, out var n) ? n : c.ToString(CultureInfo.InvariantCulture)));

    private static string? Join(params string?[] parts)
    {
        var kept = parts.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return kept.Count == 0 ? null : string.Join(" ", kept);
    }

    private static SecurityCheckResult Result(Facts facts, string id, string title, CheckStatus status, Severity severity, string? expected, string? actual, string? source, string? reason, string? remediation, string[] references) =>
        new(id, title, Area, status, severity, expected, actual, source, reason, remediation, references, facts.Bundle.NodeName);

    /// <summary>What the checks read, each once.</summary>
    private sealed class Facts
    {
        public Facts(EvidenceBundle bundle)
        {
            Bundle = bundle;
            IsLinux = bundle.Node.Platform == NodePlatform.Linux;
            Tpm = TpmAnalyzer.Describe(bundle);
            SecureBoot = SecureBootAnalyzer.Describe(bundle);
            DeviceGuard = Record(SecuredCoreEvidenceIds.DeviceGuard, out var source, out var why);
            DeviceGuardSource = source;
            DeviceGuardMissing = DeviceGuard is null ? "Win32_DeviceGuard could not be read: " + (why ?? "the bundle holds no Device Guard facts.") : null;
        }

        public EvidenceBundle Bundle { get; }

        public bool IsLinux { get; }

        public TpmInfo Tpm { get; }

        public SecureBootState SecureBoot { get; }

        public EvidenceRecord? DeviceGuard { get; }

        public string? DeviceGuardSource { get; }

        /// <summary>Why Win32_DeviceGuard is not there to read, or null when it is.</summary>
        public string? DeviceGuardMissing { get; }

        /// <summary>A uint32[] property of Win32_DeviceGuard, or null.</summary>
        public IReadOnlyCollection<ulong>? Services(string property) => DeviceGuard?.Get(property)?.Value as ulong[];

        /// <summary>The properties VBS requires here that the platform does not offer.</summary>
        public List<string> MissingRequiredProperties()
        {
            var required = Services("RequiredSecurityProperties");
            var available = Services("AvailableSecurityProperties");
            return required is null || available is null
                ? []
                : required.Where(r => r != 0 && !available.Contains(r)).Select(r => PropertyNames.TryGetValue(r, out var n) ? n : r.ToString(CultureInfo.InvariantCulture)).ToList();
        }

        /// <summary>The first record of an item, or null with why (no such item, or its error).</summary>
        public EvidenceRecord? Record(string id, out string? source, out string? why)
        {
            var item = Bundle.Find(id);
            source = item?.Source;
            if (item is null)
            {
                why = null;
                return null;
            }

            if (!item.Succeeded)
            {
                why = item.Error!.Message;
                return null;
            }

            why = item.Records is { Count: > 0 } ? null : "the item holds no record.";
            return item.Records is { Count: > 0 } records ? records[0] : null;
        }
    }
}
