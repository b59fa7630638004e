using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Tpm.Analysis;

/// <summary>
/// The TPM checks, decided from what <see cref="TpmAnalyzer.Describe"/> says of the TPM: present, TPM 2.0, enabled and
/// activated, ready, an EK certificate, the SHA-256 PCR bank allocated. Where the module's own TPM client facts are missing,
/// the TBS device information stands in for the version, as in the Secured-core TPM requirement (ALSEC-SC-001), which these
/// checks never contradict. When there is no TPM, the checks after ALSEC-TPM-001 are NotApplicable. Pure.
/// </summary>
public static class TpmChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "Tpm";

    /// <summary>A TPM is present.</summary>
    public const string PresentId = "ALSEC-TPM-001";

    /// <summary>The TPM is a TPM 2.0.</summary>
    public const string VersionId = "ALSEC-TPM-002";

    /// <summary>The TPM is enabled and activated.</summary>
    public const string EnabledId = "ALSEC-TPM-003";

    /// <summary>The TPM is ready for use (owned, not locked out).</summary>
    public const string ReadyId = "ALSEC-TPM-004";

    /// <summary>An endorsement key certificate is present.</summary>
    public const string EkCertificateId = "ALSEC-TPM-005";

    /// <summary>The SHA-256 PCR bank is allocated.</summary>
    public const string Sha256BankId = "ALSEC-TPM-006";

    private static readonly string[] References =
    [
        "https://learn.microsoft.com/azure/azure-local/concepts/security-features",
        "https://learn.microsoft.com/windows/security/hardware-security/tpm/trusted-platform-module-overview",
        "https://learn.microsoft.com/windows/win32/secprov/win32-tpm",
    ];

    /// <summary>Runs every TPM check on <paramref name="bundle"/>.</summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var tpm = TpmAnalyzer.Describe(bundle);
        var node = bundle.NodeName;
        var unknown = string.Join(" ", tpm.Unknowns.DefaultIfEmpty("The bundle holds no TPM facts."));
        var source = tpm.Transport ?? (bundle.Find(TpmEvidenceIds.Win32Tpm) is { Succeeded: true } cim ? cim.Source : null);
        var results = new List<SecurityCheckResult> { CheckPresent(tpm, node, source, unknown) };
        if (tpm.Present == false)
        {
            const string Why = "There is no TPM (ALSEC-TPM-001).";
            results.Add(Result(VersionId, "The TPM is a TPM 2.0", CheckStatus.NotApplicable, Severity.Critical, "2.0", null, null, Why, null, node));
            results.Add(Result(EnabledId, "The TPM is enabled and activated", CheckStatus.NotApplicable, Severity.High, "enabled, activated", null, null, Why, null, node));
            results.Add(Result(ReadyId, "The TPM is ready for use", CheckStatus.NotApplicable, Severity.High, "ready", null, null, Why, null, node));
            results.Add(Result(EkCertificateId, "The TPM has an endorsement key certificate", CheckStatus.NotApplicable, Severity.Medium, "an EK certificate", null, null, Why, null, node));
            results.Add(Result(Sha256BankId, "The TPM's SHA-256 PCR bank is allocated", CheckStatus.NotApplicable, Severity.High, "sha256 bank allocated", null, null, Why, null, node));
            return results;
        }

        results.Add(CheckVersion(bundle, tpm, node, source, unknown));
        results.Add(CheckEnabled(bundle, tpm, node, unknown));
        results.Add(CheckReady(bundle, tpm, node, source, unknown));
        results.Add(CheckEkCertificate(bundle, tpm, node, unknown));
        results.Add(CheckSha256Bank(bundle, tpm, node, unknown));
        return results;
    }

    private static SecurityCheckResult CheckPresent(TpmInfo tpm, string node, string? source, string unknown)
    {
        const string Title = "A TPM is present";
        return tpm.Present switch
        {
            true => Result(PresentId, Title, CheckStatus.Compliant, Severity.Critical, "present", "present" + (tpm.Manufacturer is { } m ? " (" + m + ")" : string.Empty), source, null, null, node),
            false => Result(PresentId, Title, CheckStatus.NonCompliant, Severity.Critical, "present", "no TPM", source, unknown,
                "Turn the TPM 2.0 on in the firmware setup (a discrete TPM, Intel PTT or AMD fTPM); Azure Local needs it for BitLocker, Secure Boot measurements and attestation.", node),
            _ => Result(PresentId, Title, CheckStatus.Unknown, Severity.Critical, "present", null, source, unknown, null, node),
        };
    }

    private static SecurityCheckResult CheckVersion(EvidenceBundle bundle, TpmInfo tpm, string node, string? source, string unknown)
    {
        const string Title = "The TPM is a TPM 2.0";
        const string Remedy = "Azure Local and Secured-core need TPM 2.0: switch the firmware's TPM to 2.0 mode where it can be, or replace the TPM.";
        if (tpm.TpmVersion is { } version)
        {
            return version == "2.0"
                ? Result(VersionId, Title, CheckStatus.Compliant, Severity.Critical, "2.0", "2.0", source, null, null, node)
                : Result(VersionId, Title, CheckStatus.NonCompliant, Severity.Critical, "2.0", version, source, null, Remedy, node);
        }

        // As ALSEC-SC-001: TBS's device information is the next best fact on Windows.
        var tbs = bundle.Find(BaselineEvidenceIds.TpmDeviceInfo);
        if (tbs is { Succeeded: true, Records: { Count: > 0 } records } && records[0].Get(P.TpmVersion)?.AsInt64() is { } tbsVersion)
        {
            return tbsVersion == 2
                ? Result(VersionId, Title, CheckStatus.Compliant, Severity.Critical, "2.0", "2.0 (TBS)", tbs.Source, null, null, node)
                : Result(VersionId, Title, CheckStatus.NonCompliant, Severity.Critical, "2.0", (tbsVersion == 1 ? "1.2" : "version " + tbsVersion.ToString(CultureInfo.InvariantCulture)) + " (TBS)", tbs.Source, null, Remedy, node);
        }

        return Result(VersionId, Title, CheckStatus.Unknown, Severity.Critical, "2.0", null, source, unknown + (tbs is { Succeeded: false } ? " TBS: " + tbs.Error!.Message : string.Empty), null, node);
    }

    private static SecurityCheckResult CheckEnabled(EvidenceBundle bundle, TpmInfo tpm, string node, string unknown)
    {
        const string Title = "The TPM is enabled and activated";
        const string Expected = "enabled, activated";
        const string Remedy = "Enable and activate the TPM in the firmware setup (on Windows, tpm.msc or Get-Tpm shows its state).";
        if (tpm.Enabled is { } enabled && tpm.Activated is { } activated)
        {
            var actual = (enabled ? "enabled" : "disabled") + ", " + (activated ? "activated" : "not activated");
            return Result(EnabledId, Title, enabled && activated ? CheckStatus.Compliant : CheckStatus.NonCompliant, Severity.High, Expected, actual,
                bundle.Find(TpmEvidenceIds.Win32Tpm)?.Source, null, enabled && activated ? null : Remedy, node);
        }

        // TPM 2.0 has no enable/activate of its own: the storage and endorsement hierarchies being enabled is the same fact.
        if (tpm.StorageHierarchyEnabled is { } sh && tpm.EndorsementHierarchyEnabled is { } eh)
        {
            var actual = $"storage hierarchy {(sh ? "enabled" : "disabled")}, endorsement hierarchy {(eh ? "enabled" : "disabled")}";
            return Result(EnabledId, Title, sh && eh ? CheckStatus.Compliant : CheckStatus.NonCompliant, Severity.High, Expected, actual,
                bundle.Find(TpmEvidenceIds.CapabilityProperties)?.Source, "Read from TPM_PT_STARTUP_CLEAR (shEnable, ehEnable).", sh && eh ? null : Remedy, node);
        }

        return Result(EnabledId, Title, CheckStatus.Unknown, Severity.High, Expected, null, null, unknown, null, node);
    }

    private static SecurityCheckResult CheckReady(EvidenceBundle bundle, TpmInfo tpm, string node, string? source, string unknown)
    {
        const string Title = "The TPM is ready for use";
        const string Expected = "ready, not locked out";
        var cim = bundle.Find(TpmEvidenceIds.Win32Tpm)?.Source;
        if (tpm.InLockout == true)
        {
            return Result(ReadyId, Title, CheckStatus.NonCompliant, Severity.High, Expected, "in dictionary-attack lockout", bundle.Find(TpmEvidenceIds.CapabilityProperties)?.Source,
                "The TPM refuses authorizations until the lockout recovery time has passed.", "Wait for the lockout to expire, or reset it with the lockout authorization (Windows: Unblock-Tpm).", node);
        }

        if (tpm.Ready == false)
        {
            return Result(ReadyId, Title, CheckStatus.NonCompliant, Severity.High, Expected, "not ready" + (tpm.Owned == false ? ", not owned" : string.Empty), cim,
                tpm.ReadyInformation is { Count: > 0 } why ? "Windows says: " + string.Join(", ", why) + "." : null,
                "Prepare the TPM (Initialize-Tpm on Windows), or clear it in the firmware setup if it is locked out.", node);
        }

        if (tpm.Ready == true)
        {
            return Result(ReadyId, Title, CheckStatus.Compliant, Severity.High, Expected, "ready" + (tpm.Owned == true ? ", owned" : string.Empty), cim, null, null, node);
        }

        // As ALSEC-SC-001: a TPM that answered the module's own commands is taken as ready.
        if (tpm.TpmVersion == "2.0")
        {
            return Result(ReadyId, Title, CheckStatus.Compliant, Severity.High, Expected, "answered the module's commands", source,
                "Readiness is what Windows' Win32_Tpm reports; here the TPM answered the module's own commands, which a TPM that is not ready does not.", null, node);
        }

        return Result(ReadyId, Title, CheckStatus.Unknown, Severity.High, Expected, null, cim ?? source, unknown, null, node);
    }

    private static SecurityCheckResult CheckEkCertificate(EvidenceBundle bundle, TpmInfo tpm, string node, string unknown)
    {
        const string Title = "The TPM has an endorsement key certificate";
        const string Expected = "an EK certificate (in the TPM's NV, or obtained by Windows)";
        var nvSource = bundle.Find(TpmEvidenceIds.CapabilityNvIndexes)?.Source;
        var cim = bundle.Find(TpmEvidenceIds.Win32Tpm)?.Source;
        var provisioned = tpm.EndorsementCertificates?.Where(c => c.Provisioned).ToList();
        if (provisioned is { Count: > 0 })
        {
            return Result(EkCertificateId, Title, CheckStatus.Compliant, Severity.Medium, Expected,
                string.Join(", ", provisioned.Select(c => $"{c.Template} at {c.NvIndex} (issuer {c.Issuer})")), nvSource, null, null, node);
        }

        const string Remedy = "A firmware TPM's EK certificate is issued online: let Windows fetch it (the TPM-Maintenance task, or Get-TpmEndorsementKeyInfo), and check the firmware's TPM settings; a discrete TPM ships with it in NV.";
        if (tpm.ReadyInformation is { } info)
        {
            return info.Contains("EK_CERTIFICATE")
                ? Result(EkCertificateId, Title, CheckStatus.NonCompliant, Severity.Medium, Expected, "missing (IsReadyInformation EK_CERTIFICATE)", cim,
                    "Windows reports the EK certificate was not read from the TPM and is not installed.", Remedy, node)
                : Result(EkCertificateId, Title, CheckStatus.Compliant, Severity.Medium, Expected, "Windows reports none missing", cim,
                    "Win32_Tpm IsReadyInformation does not report a missing EK certificate (bit EK_CERTIFICATE, 0x40000).", null, node);
        }

        if (tpm.EndorsementCertificates is { } certificates)
        {
            var why = certificates.Count == 0 ? "No EK certificate index is defined in the TPM's NV." : string.Join(" ", certificates.Select(c => $"{c.NvIndex}: {c.Error}"));
            return Result(EkCertificateId, Title, CheckStatus.NonCompliant, Severity.Medium, Expected, "none in NV", nvSource, why, Remedy, node);
        }

        return Result(EkCertificateId, Title, CheckStatus.Unknown, Severity.Medium, Expected, null, nvSource ?? cim, unknown, null, node);
    }

    private static SecurityCheckResult CheckSha256Bank(EvidenceBundle bundle, TpmInfo tpm, string node, string unknown)
    {
        const string Title = "The TPM's SHA-256 PCR bank is allocated";
        const string Expected = "sha256 bank allocated";
        var source = bundle.Find(TpmEvidenceIds.CapabilityPcrs)?.Source;
        if (tpm.PcrBanks is not { } banks)
        {
            return Result(Sha256BankId, Title, CheckStatus.Unknown, Severity.High, Expected, null, source,
                bundle.Find(TpmEvidenceIds.CapabilityPcrs) is null ? "The PCR allocation was not captured (TPM2_GetCapability TPM_CAP_PCRS). " + unknown : unknown, null, node);
        }

        var actual = banks.Count == 0 ? "no bank allocated" : "banks: " + string.Join(", ", banks);
        return banks.Contains("sha256", StringComparer.OrdinalIgnoreCase)
            ? Result(Sha256BankId, Title, CheckStatus.Compliant, Severity.High, Expected, actual, source, null, null, node)
            : Result(Sha256BankId, Title, CheckStatus.NonCompliant, Severity.High, Expected, actual, source,
                "Without the SHA-256 bank, measured boot and attestation rest on SHA-1 digests.",
                "Allocate the SHA-256 PCR bank in the firmware's TPM settings (PCR bank selection), then restart.", node);
    }

    private static SecurityCheckResult Result(string id, string title, CheckStatus status, Severity severity, string? expected, string? actual, string? source, string? reason, string? remediation, string node) =>
        new(id, title, Area, status, severity, expected, actual, string.IsNullOrEmpty(source) ? null : source, reason, remediation, References, node);
}
