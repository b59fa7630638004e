using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Platform;

/// <summary>The platform checks: the prerequisites every other security feature stands on. Pure.</summary>
public static class PlatformChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "Platform";

    /// <summary>Firmware boots in UEFI mode.</summary>
    public const string UefiId = "ALSEC-PLAT-001";

    /// <summary>The node runs a supported Azure Local operating system.</summary>
    public const string AzureLocalId = "ALSEC-PLAT-002";

    private static readonly string[] UefiReferences =
    [
        "https://learn.microsoft.com/windows-hardware/design/device-experiences/oem-highly-secure-11",
        "https://learn.microsoft.com/azure/azure-local/concepts/security-features",
    ];

    private static readonly string[] AzureLocalReferences =
    [
        "https://learn.microsoft.com/azure/azure-local/release-information-23h2",
    ];

    /// <summary>Runs every platform check on <paramref name="bundle"/>.</summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle)
    {
        var info = SystemInfoAnalyzer.Analyze(bundle);
        return [CheckUefi(info), CheckAzureLocal(info)];
    }

    private static SecurityCheckResult CheckUefi(SystemInfo info)
    {
        const string Title = "Firmware boots the OS in UEFI mode";
        const string Expected = "Uefi";
        info.Sources.TryGetValue("FirmwareType", out var source);
        return info.FirmwareType switch
        {
            FirmwareType.Uefi => new SecurityCheckResult(UefiId, Title, Area, CheckStatus.Compliant, Severity.High, Expected, "Uefi", source, null, null, UefiReferences, info.NodeName),
            FirmwareType.Bios => new SecurityCheckResult(
                UefiId, Title, Area, CheckStatus.NonCompliant, Severity.High, Expected, "Bios", source,
                "Secure Boot, measured boot, VBS and Secured-core all require UEFI; a BIOS boot has none of them.",
                "Convert the system disk to GPT (mbr2gpt /convert on Windows), switch the firmware to UEFI mode without CSM, then enable Secure Boot.",
                UefiReferences, info.NodeName),
            _ => new SecurityCheckResult(UefiId, Title, Area, CheckStatus.Unknown, Severity.High, Expected, null, source, Reason(info, "FirmwareType"), null, UefiReferences, info.NodeName),
        };
    }

    private static SecurityCheckResult CheckAzureLocal(SystemInfo info)
    {
        const string Title = "Node runs a supported Azure Local operating system (23H2 or later)";
        var expected = $"Azure Local OS, build {SystemInfoAnalyzer.FirstSupportedAzureLocalBuild} or later";
        info.Sources.TryGetValue("IsAzureLocal", out var source);
        var actual = string.Join(" ", new[] { info.OsName, info.DisplayVersion, info.OsBuild is null ? null : "build " + info.OsBuild }.Where(s => !string.IsNullOrEmpty(s)));
        if (info.IsAzureLocal is null)
        {
            return new SecurityCheckResult(AzureLocalId, Title, Area, CheckStatus.Unknown, Severity.Medium, expected, null, source, Reason(info, "IsAzureLocal"), null, AzureLocalReferences, info.NodeName);
        }

        if (info.IsAzureLocal == false)
        {
            return new SecurityCheckResult(
                AzureLocalId, Title, Area, CheckStatus.NotApplicable, Severity.Medium, expected, actual, source,
                "The node does not run the Azure Local operating system; Azure Local-specific checks do not apply to it.",
                null, AzureLocalReferences, info.NodeName);
        }

        var build = SystemInfoAnalyzer.BuildNumber(info);
        if (build is null)
        {
            return new SecurityCheckResult(AzureLocalId, Title, Area, CheckStatus.Unknown, Severity.Medium, expected, actual, source, "The registry gives no numeric CurrentBuild.", null, AzureLocalReferences, info.NodeName);
        }

        return build >= SystemInfoAnalyzer.FirstSupportedAzureLocalBuild
            ? new SecurityCheckResult(AzureLocalId, Title, Area, CheckStatus.Compliant, Severity.Medium, expected, actual, source, null, null, AzureLocalReferences, info.NodeName)
            : new SecurityCheckResult(
                AzureLocalId, Title, Area, CheckStatus.NonCompliant, Severity.Medium, expected, actual, source,
                "Azure Stack HCI releases before 23H2 no longer receive security updates.",
                "Upgrade the cluster to Azure Local 23H2 or later (the Azure Local upgrade guide covers 22H2 clusters).",
                AzureLocalReferences, info.NodeName);
    }

    private static string Reason(SystemInfo info, string property) =>
        info.UnknownReasons.TryGetValue(property, out var r) ? r : $"{property} could not be determined from the evidence.";
}
