using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.BitLocker;

/// <summary>
/// The BitLocker checks, decided from the volumes <see cref="BitLockerAnalyzer.Read"/> describes. What Azure Local documents
/// is the reference: the OS volume and the Cluster Shared Volumes encrypted with XTS-AES 256, the OS volume protected by the
/// TPM with a recovery password, the CSVs by a recovery password (and the cluster name object). One result per OS check;
/// one result per CSV and per fixed data volume (NotApplicable when the node has none). A locked volume's facts cannot be
/// read, so its checks are Unknown unless the facts say more. Pure.
/// </summary>
public static class BitLockerChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "BitLocker";

    /// <summary>The OS volume is fully encrypted.</summary>
    public const string OsEncryptedId = "ALSEC-BL-001";

    /// <summary>The OS volume is encrypted with XTS-AES 256.</summary>
    public const string OsMethodId = "ALSEC-BL-002";

    /// <summary>Protection is on for the OS volume (not suspended).</summary>
    public const string OsProtectionId = "ALSEC-BL-003";

    /// <summary>The OS volume has a TPM protector.</summary>
    public const string OsTpmProtectorId = "ALSEC-BL-004";

    /// <summary>The OS volume has a recovery password protector.</summary>
    public const string OsRecoveryPasswordId = "ALSEC-BL-005";

    /// <summary>Each Cluster Shared Volume is encrypted, protected and has a recovery password.</summary>
    public const string CsvId = "ALSEC-BL-006";

    /// <summary>Each fixed data volume (not a CSV) is encrypted, protected and has a recovery password.</summary>
    public const string DataVolumeId = "ALSEC-BL-007";

    private static readonly string[] References =
    [
        "https://learn.microsoft.com/azure/azure-local/manage/manage-bitlocker",
        "https://learn.microsoft.com/azure/azure-local/concepts/security-features",
        "https://learn.microsoft.com/windows/win32/secprov/win32-encryptablevolume",
    ];

    private static readonly BitLockerKeyProtectorType[] TpmProtectors =
        [BitLockerKeyProtectorType.Tpm, BitLockerKeyProtectorType.TpmAndPin, BitLockerKeyProtectorType.TpmAndStartupKey, BitLockerKeyProtectorType.TpmAndPinAndStartupKey];

    /// <summary>Runs every BitLocker check on <paramref name="bundle"/>.</summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var node = bundle.NodeName;
        if (bundle.Node.Platform == NodePlatform.Linux)
        {
            const string Why = "BitLocker is a Windows feature; this node runs Linux.";
            return AllIds().Select(c => Result(c.Id, c.Title, CheckStatus.NotApplicable, c.Severity, c.Expected, null, null, Why, null, node)).ToList();
        }

        var volumes = BitLockerAnalyzer.Read(bundle, out var problems);
        var item = bundle.Find(BitLockerEvidenceIds.EncryptableVolumes);
        if (item is null || item.Error is not null)
        {
            // The provider missing is a fact: the BitLocker feature is not installed, so nothing is encrypted.
            var notInstalled = item?.Error?.Category == EvidenceErrorCategory.NotFound;
            var why = string.Join(" ", problems);
            return AllIds().Select(c => notInstalled && c.Id is not (CsvId or DataVolumeId)
                    ? Result(c.Id, c.Title, CheckStatus.NonCompliant, c.Severity, c.Expected, "BitLocker is not installed", item!.Source, why, "Install the BitLocker feature (Install-WindowsFeature BitLocker) and turn BitLocker on as Azure Local does (Enable-ASBitLocker), then restart.", node)
                    : Result(c.Id, c.Title, CheckStatus.Unknown, c.Severity, c.Expected, null, item?.Source, why, null, node))
                .ToList();
        }

        var results = new List<SecurityCheckResult>();
        var os = volumes.FirstOrDefault(v => v.VolumeType == BitLockerVolumeKind.OperatingSystem);
        if (os is null)
        {
            var why = "No volume among those Win32_EncryptableVolume lists is the OS volume (VolumeType 0)." + (problems.Count > 0 ? " " + string.Join(" ", problems) : string.Empty);
            results.AddRange(AllIds().Where(c => c.Id is not (CsvId or DataVolumeId)).Select(c => Result(c.Id, c.Title, CheckStatus.Unknown, c.Severity, c.Expected, null, item.Source, why, null, node)));
        }
        else
        {
            results.Add(CheckEncrypted(os, OsEncryptedId, "The OS volume is fully encrypted with BitLocker", Severity.High));
            results.Add(CheckMethod(os));
            results.Add(CheckProtection(os));
            results.Add(CheckProtector(os, OsTpmProtectorId, "The OS volume is protected by the TPM (a TPM key protector)", "a TPM protector", TpmProtectors,
                "Add a TPM protector: Add-BitLockerKeyProtector -MountPoint C: -TpmProtector (Azure Local adds it when it turns BitLocker on)."));
            results.Add(CheckProtector(os, OsRecoveryPasswordId, "The OS volume has a recovery password protector", "a recovery password (numerical password) protector", [BitLockerKeyProtectorType.NumericalPassword],
                "Add a recovery password: Add-BitLockerKeyProtector -MountPoint C: -RecoveryPasswordProtector, then back it up (Backup-ALBitLockerKeyProtector)."));
        }

        results.AddRange(CheckDataVolumes(node, volumes.Where(v => v.VolumeType == BitLockerVolumeKind.ClusterSharedVolume).ToList(), CsvId, "Cluster Shared Volume", "CSV"));
        results.AddRange(CheckDataVolumes(node, volumes.Where(v => v.VolumeType == BitLockerVolumeKind.Data).ToList(), DataVolumeId, "fixed data volume", "data volume"));
        return results;
    }

    private static IEnumerable<(string Id, string Title, Severity Severity, string Expected)> AllIds() =>
    [
        (OsEncryptedId, "The OS volume is fully encrypted with BitLocker", Severity.High, "FullyEncrypted"),
        (OsMethodId, "The OS volume is encrypted with XTS-AES 256", Severity.High, "XtsAes256"),
        (OsProtectionId, "BitLocker protection is on for the OS volume (not suspended)", Severity.High, "protection on"),
        (OsTpmProtectorId, "The OS volume is protected by the TPM (a TPM key protector)", Severity.High, "a TPM protector"),
        (OsRecoveryPasswordId, "The OS volume has a recovery password protector", Severity.Medium, "a recovery password (numerical password) protector"),
        (CsvId, "Every Cluster Shared Volume is encrypted, protected and has a recovery password", Severity.High, DataExpected),
        (DataVolumeId, "Every fixed data volume is encrypted, protected and has a recovery password", Severity.High, DataExpected),
    ];

    private const string DataExpected = "FullyEncrypted, protection on, a recovery password protector";

    private static SecurityCheckResult CheckEncrypted(BitLockerVolume v, string id, string title, Severity severity)
    {
        const string Expected = "FullyEncrypted";
        var source = Source(v, "ConversionStatus");
        if (v.ConversionStatus is not { } status)
        {
            return Result(id, title, CheckStatus.Unknown, severity, Expected, null, source, Why(v, "ConversionStatus"), null, v.ComputerName);
        }

        var actual = Percent(v);
        return status switch
        {
            BitLockerConversionStatus.FullyEncrypted => Result(id, title, CheckStatus.Compliant, severity, Expected, actual, source,
                v.UsedSpaceOnly == true ? "Used space only, as Azure Local encrypts: free space that never held data is not encrypted." : null, null, v.ComputerName),
            BitLockerConversionStatus.EncryptionInProgress => Result(id, title, CheckStatus.NonCompliant, Severity.Medium, Expected, actual, source,
                "Encryption is in progress; the volume is not fully encrypted yet.", "Let the encryption finish (Get-BitLockerVolume shows its progress).", v.ComputerName),
            BitLockerConversionStatus.EncryptionPaused => Result(id, title, CheckStatus.NonCompliant, severity, Expected, actual, source,
                "Encryption is paused; part of the volume is not encrypted.", $"Resume the encryption: manage-bde -resume {v.MountPoint}", v.ComputerName),
            _ => Result(id, title, CheckStatus.NonCompliant, severity, Expected, actual, source, null,
                $"Turn BitLocker on for {v.MountPoint} with XTS-AES 256 (on Azure Local: Enable-ASBitLocker; or Enable-ALBitLocker -MountPoint {v.MountPoint}).", v.ComputerName),
        };
    }

    private static SecurityCheckResult CheckMethod(BitLockerVolume v)
    {
        const string Title = "The OS volume is encrypted with XTS-AES 256";
        const string Expected = "XtsAes256";
        var source = Source(v, "EncryptionMethod");
        if (v.EncryptionMethod is not { } method)
        {
            return Result(OsMethodId, Title, CheckStatus.Unknown, Severity.High, Expected, null, source, Why(v, "EncryptionMethod"), null, v.ComputerName);
        }

        const string Remedy = "The method is chosen when encryption starts: decrypt the volume (Disable-BitLocker), set the XTS-AES 256 policy (Computer Configuration > Administrative Templates > BitLocker Drive Encryption > Choose drive encryption method: EncryptionMethodWithXtsOs = 7), then turn BitLocker on again.";
        return method switch
        {
            BitLockerEncryptionMethod.XtsAes256 => Result(OsMethodId, Title, CheckStatus.Compliant, Severity.High, Expected, "XtsAes256", source, null, null, v.ComputerName),
            BitLockerEncryptionMethod.XtsAes128 => Result(OsMethodId, Title, CheckStatus.NonCompliant, Severity.Medium, Expected, "XtsAes128", source,
                "XTS-AES 128 is a sound cipher, but Azure Local's default is XTS-AES 256.", Remedy, v.ComputerName),
            BitLockerEncryptionMethod.None => Result(OsMethodId, Title, CheckStatus.NonCompliant, Severity.High, Expected, "None (not encrypted)", source, null,
                $"Turn BitLocker on for {v.MountPoint} with XTS-AES 256 (on Azure Local: Enable-ASBitLocker).", v.ComputerName),
            _ => Result(OsMethodId, Title, CheckStatus.NonCompliant, Severity.High, Expected, method.ToString(), source,
                method == BitLockerEncryptionMethod.Hardware ? "The volume relies on the drive's own (self-encrypting drive) encryption." : "An AES-CBC method of earlier Windows versions.", Remedy, v.ComputerName),
        };
    }

    private static SecurityCheckResult CheckProtection(BitLockerVolume v)
    {
        const string Title = "BitLocker protection is on for the OS volume (not suspended)";
        const string Expected = "protection on";
        var source = Source(v, "ProtectionOn");
        switch (v.ProtectionOn)
        {
            case true:
                return Result(OsProtectionId, Title, CheckStatus.Compliant, Severity.High, Expected, "protection on", source, null, null, v.ComputerName);
            case false when IsEncrypted(v):
                var restarts = v.SuspendCount is { } n
                    ? n == 0 ? " until it is resumed by hand" : string.Format(CultureInfo.InvariantCulture, " for {0} more restart(s)", n)
                    : string.Empty;
                return Result(OsProtectionId, Title, CheckStatus.NonCompliant, Severity.High, Expected, "suspended" + restarts, source,
                    "Protection is suspended: the volume is encrypted, but its key is stored in the clear on the disk, so anyone with the disk can read it.",
                    $"Resume protection: Resume-ALBitLocker -MountPoint {v.MountPoint} (or Resume-BitLocker -MountPoint {v.MountPoint}).", v.ComputerName);
            case false:
                return Result(OsProtectionId, Title, CheckStatus.NonCompliant, Severity.High, Expected, "protection off (not encrypted)", source, null,
                    $"Turn BitLocker on for {v.MountPoint} (on Azure Local: Enable-ASBitLocker).", v.ComputerName);
            default:
                return Result(OsProtectionId, Title, CheckStatus.Unknown, Severity.High, Expected, null, source, Why(v, "ProtectionOn"), null, v.ComputerName);
        }
    }

    private static SecurityCheckResult CheckProtector(BitLockerVolume v, string id, string title, string expected, BitLockerKeyProtectorType[] types, string remedy)
    {
        var severity = id == OsRecoveryPasswordId ? Severity.Medium : Severity.High;
        var source = Source(v, "KeyProtectors");
        if (v.KeyProtectors is not { } protectors)
        {
            return Result(id, title, CheckStatus.Unknown, severity, expected, null, source, Why(v, "KeyProtectors"), null, v.ComputerName);
        }

        var actual = Protectors(protectors);
        return protectors.Any(p => types.Contains(p.Type))
            ? Result(id, title, CheckStatus.Compliant, severity, expected, actual, source, null, null, v.ComputerName)
            : Result(id, title, CheckStatus.NonCompliant, severity, expected, actual, source, null, remedy, v.ComputerName);
    }

    private static IEnumerable<SecurityCheckResult> CheckDataVolumes(string node, List<BitLockerVolume> volumes, string id, string kind, string shortKind)
    {
        if (volumes.Count == 0)
        {
            yield return Result(id, $"Every {kind} is encrypted, protected and has a recovery password", CheckStatus.NotApplicable, Severity.High, DataExpected, null, null,
                $"The node has no {kind}.", null, node);
            yield break;
        }

        foreach (var v in volumes)
        {
            yield return CheckDataVolume(v, id, $"The {shortKind} {v.MountPoint} is encrypted, protected and has a recovery password");
        }
    }

    private static SecurityCheckResult CheckDataVolume(BitLockerVolume v, string id, string title)
    {
        var source = string.Join("; ", new[] { Source(v, "ConversionStatus"), Source(v, "ProtectionOn"), Source(v, "KeyProtectors") }.Where(s => s is not null).Distinct());
        var gaps = new List<string>();
        var unknown = new List<string>();
        var parts = new List<string>();
        var remedies = new List<string>();
        var severity = Severity.High;

        if (v.ConversionStatus is { } status)
        {
            parts.Add(Percent(v));
            if (status != BitLockerConversionStatus.FullyEncrypted)
            {
                gaps.Add("not fully encrypted");
                remedies.Add(status == BitLockerConversionStatus.EncryptionPaused ? $"resume the encryption (manage-bde -resume {v.MountPoint})"
                    : status == BitLockerConversionStatus.EncryptionInProgress ? "let the encryption finish"
                    : v.IsClusterSharedVolume ? "turn BitLocker on for the CSV (on Azure Local: Enable-ASBitLocker -VolumeType ClusterSharedVolume)"
                    : $"turn BitLocker on (Enable-ALBitLocker -MountPoint {v.MountPoint})");
            }
        }
        else
        {
            unknown.Add(Why(v, "ConversionStatus"));
        }

        if (v.ProtectionOn is { } on)
        {
            parts.Add(on ? "protection on" : IsEncrypted(v) ? "protection suspended" : "protection off");
            if (!on && IsEncrypted(v))
            {
                gaps.Add("protection is suspended");
                remedies.Add($"resume protection (Resume-ALBitLocker -MountPoint {v.MountPoint})");
            }
            else if (!on && !gaps.Contains("not fully encrypted"))
            {
                gaps.Add("protection is off");
            }
        }
        else
        {
            unknown.Add(Why(v, "ProtectionOn"));
        }

        if (v.KeyProtectors is { } protectors)
        {
            parts.Add(Protectors(protectors));
            if (!protectors.Any(p => p.Type == BitLockerKeyProtectorType.NumericalPassword))
            {
                gaps.Add("no recovery password protector");
                remedies.Add($"add a recovery password (Add-BitLockerKeyProtector -MountPoint {v.MountPoint} -RecoveryPasswordProtector) and back it up (Backup-ALBitLockerKeyProtector)");
            }
        }
        else
        {
            unknown.Add(Why(v, "KeyProtectors"));
        }

        var actual = parts.Count == 0 ? null : string.Join(", ", parts);
        if (gaps.Count > 0)
        {
            var reason = char.ToUpperInvariant(gaps[0][0]) + string.Join("; ", gaps).Substring(1) + "." + (unknown.Count > 0 ? " Not read: " + string.Join(" ", unknown) : string.Empty);
            var remedy = remedies.Count == 0 ? null : char.ToUpperInvariant(remedies[0][0]) + string.Join("; ", remedies).Substring(1) + ".";
            return Result(id, title, CheckStatus.NonCompliant, severity, DataExpected, actual, source, reason, remedy, v.ComputerName);
        }

        if (unknown.Count > 0)
        {
            var locked = v.Locked == true ? "The volume is locked, so its BitLocker state cannot be read. " : string.Empty;
            return Result(id, title, CheckStatus.Unknown, severity, DataExpected, actual, source, locked + string.Join(" ", unknown), null, v.ComputerName);
        }

        return Result(id, title, CheckStatus.Compliant, severity, DataExpected, actual, source, null, null, v.ComputerName);
    }

    private static bool IsEncrypted(BitLockerVolume v) =>
        v.ConversionStatus is BitLockerConversionStatus.FullyEncrypted or BitLockerConversionStatus.EncryptionInProgress or BitLockerConversionStatus.EncryptionPaused
            or BitLockerConversionStatus.DecryptionInProgress or BitLockerConversionStatus.DecryptionPaused
        || (v.ConversionStatus is null && v.EncryptionMethod is { } m && m != BitLockerEncryptionMethod.None);

    private static string Percent(BitLockerVolume v) =>
        v.ConversionStatus + (v.EncryptionPercentage is { } p ? string.Format(CultureInfo.InvariantCulture, " ({0:0.#}%)", p) : string.Empty);

    private static string Protectors(IReadOnlyList<BitLockerKeyProtector> protectors) =>
        protectors.Count == 0 ? "no key protector" : "protectors: " + string.Join(", ", protectors.Select(p => p.Type.ToString()));

    private static string? Source(BitLockerVolume v, string fact) => v.Sources.TryGetValue(fact, out var s) ? s : null;

    /// <summary>Why a fact of the volume is unknown: its recorded reason, or the lock.</summary>
    private static string Why(BitLockerVolume v, string fact)
    {
        var reason = v.Unknowns.FirstOrDefault(u => u.StartsWith(fact + ":", StringComparison.Ordinal));
        if (reason is not null)
        {
            return $"{v.MountPoint}: {reason}";
        }

        return v.Locked == true
            ? $"{v.MountPoint}: the volume is locked, so {fact} cannot be read."
            : $"{v.MountPoint}: {fact} could not be read.";
    }

    private static SecurityCheckResult Result(string id, string title, CheckStatus status, Severity severity, string? expected, string? actual, string? source, string? reason, string? remediation, string node) =>
        new(id, title, Area, status, severity, expected, actual, string.IsNullOrEmpty(source) ? null : source, reason, remediation, References, node);
}
