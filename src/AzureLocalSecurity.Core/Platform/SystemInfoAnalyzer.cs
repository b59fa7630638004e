using System;
using System.Globalization;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Platform;

/// <summary>Derives <see cref="SystemInfo"/> from evidence. Pure: reads only the bundle.</summary>
public static class SystemInfoAnalyzer
{
    /// <summary>The first build of the Azure Local 23H2 operating system; earlier Azure Stack HCI releases (22H2 and before) are out of support.</summary>
    public const int FirstSupportedAzureLocalBuild = 25398;

    /// <summary>Derives what the node is from <paramref name="bundle"/>.</summary>
    public static SystemInfo Analyze(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var info = new SystemInfo(bundle);
        switch (bundle.Node.Platform)
        {
            case NodePlatform.Windows:
                ReadWindowsVersion(bundle, info);
                ReadWindowsFirmware(bundle, info);
                ReadWindowsJoin(bundle, info);
                break;
            case NodePlatform.Linux:
                ReadLinux(bundle, info);
                break;
            default:
                info.Unknowns["OsName"] = "The bundle does not say which platform it was captured on.";
                info.Unknowns["FirmwareType"] = info.Unknowns["OsName"];
                break;
        }

        ReadPowerShell(bundle, info);
        return info;
    }

    /// <summary>The OS build as a number, or null.</summary>
    internal static int? BuildNumber(SystemInfo info) =>
        int.TryParse(info.OsBuild, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;

    private static void ReadWindowsVersion(EvidenceBundle bundle, SystemInfo info)
    {
        var item = bundle.Find(EvidenceIds.Registry(EvidenceIds.WindowsCurrentVersionKey));
        if (item?.Registry is not { } key)
        {
            var reason = item?.Error is { } e ? $"{EvidenceIds.WindowsCurrentVersionKey} could not be read: {e}" : $"The evidence holds no {EvidenceIds.WindowsCurrentVersionKey}.";
            info.Unknowns["OsName"] = reason;
            info.Unknowns["IsAzureLocal"] = reason;
            return;
        }

        info.SourcesByProperty["OsName"] = item.Source;
        var productName = key.GetValue("ProductName")?.AsString();
        var build = key.GetValue("CurrentBuild")?.AsString() ?? key.GetValue("CurrentBuildNumber")?.AsString();
        var ubr = key.GetValue("UBR")?.AsInt64();
        var major = key.GetValue("CurrentMajorVersionNumber")?.AsInt64();
        var minor = key.GetValue("CurrentMinorVersionNumber")?.AsInt64();
        var installationType = key.GetValue("InstallationType")?.AsString();
        info.DisplayVersion = key.GetValue("DisplayVersion")?.AsString() ?? key.GetValue("ReleaseId")?.AsString();
        info.OsBuild = build;

        var buildNumber = BuildNumber(info);
        // Windows 11 kept "Windows 10" in ProductName; the build number tells them apart.
        if (productName is not null && buildNumber >= 22000 && string.Equals(installationType, "Client", StringComparison.OrdinalIgnoreCase)
            && productName.StartsWith("Windows 10", StringComparison.Ordinal))
        {
            productName = "Windows 11" + productName.Substring("Windows 10".Length);
        }

        info.OsName = productName;
        if (productName is null)
        {
            info.Unknowns["OsName"] = $"{EvidenceIds.WindowsCurrentVersionKey} has no ProductName value.";
        }

        if (build is not null)
        {
            info.OsVersion = major is not null && minor is not null
                ? string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}{3}", major, minor, build, ubr is null ? string.Empty : "." + ubr.Value.ToString(CultureInfo.InvariantCulture))
                : build;
        }

        if (productName is null)
        {
            info.Unknowns["IsAzureLocal"] = info.Unknowns["OsName"];
            return;
        }

        info.SourcesByProperty["IsAzureLocal"] = item.Source + " ProductName";
        info.IsAzureLocal = productName.IndexOf("Azure Stack HCI", StringComparison.OrdinalIgnoreCase) >= 0
            || productName.IndexOf("Azure Local", StringComparison.OrdinalIgnoreCase) >= 0;
        if (info.IsAzureLocal == true)
        {
            info.AzureLocalRelease = info.DisplayVersion;
        }
    }

    private static void ReadWindowsFirmware(EvidenceBundle bundle, SystemInfo info)
    {
        var item = bundle.Find(EvidenceIds.WindowsFirmwareType);
        var raw = item?.Records is { Count: > 0 } records ? records[0].Get("FirmwareType")?.AsInt64() : null;
        if (item is null || raw is null)
        {
            info.Unknowns["FirmwareType"] = item?.Error is { } e ? $"GetFirmwareType failed: {e}" : "The evidence holds no firmware type.";
            return;
        }

        info.SourcesByProperty["FirmwareType"] = item.Source;
        info.FirmwareType = raw switch
        {
            1 => FirmwareType.Bios,
            2 => FirmwareType.Uefi,
            _ => FirmwareType.Unknown,
        };
        if (info.FirmwareType == FirmwareType.Unknown)
        {
            info.Unknowns["FirmwareType"] = $"GetFirmwareType returned FIRMWARE_TYPE {raw}, which is neither BIOS (1) nor UEFI (2).";
        }
    }

    private static void ReadWindowsJoin(EvidenceBundle bundle, SystemInfo info)
    {
        var item = bundle.Find(EvidenceIds.WindowsJoinInformation);
        var record = item?.Records is { Count: > 0 } records ? records[0] : null;
        var status = record?.Get("JoinStatus")?.AsInt64();
        if (item is null || record is null || status is null)
        {
            info.Unknowns["DomainJoined"] = item?.Error is { } e ? $"NetGetJoinInformation failed: {e}" : "The evidence holds no domain join information.";
            return;
        }

        info.SourcesByProperty["DomainJoined"] = item.Source;
        var name = record.Get("Name")?.AsString();
        switch (status)
        {
            case 3:
                info.DomainJoined = true;
                info.DomainName = name;
                break;
            case 2:
                info.DomainJoined = false;
                info.Workgroup = name;
                break;
            case 1:
                info.DomainJoined = false;
                break;
            default:
                info.Unknowns["DomainJoined"] = $"NetGetJoinInformation returned NETSETUP_JOIN_STATUS {status} (unknown).";
                break;
        }
    }

    private static void ReadLinux(EvidenceBundle bundle, SystemInfo info)
    {
        EvidenceItem? osRelease = null;
        foreach (var path in LinuxSystemCollector.OsReleasePaths)
        {
            osRelease = bundle.Find(EvidenceIds.LinuxFile(path));
            if (osRelease?.Succeeded == true)
            {
                break;
            }
        }

        if (osRelease?.GetText() is { } text)
        {
            var fields = OsRelease.Parse(text);
            info.OsName = fields.TryGetValue("PRETTY_NAME", out var pretty) ? pretty : fields.TryGetValue("NAME", out var name) ? name : null;
            info.OsVersion = fields.TryGetValue("VERSION_ID", out var version) ? version : null;
            info.SourcesByProperty["OsName"] = osRelease.Source;
            if (info.OsName is null)
            {
                info.Unknowns["OsName"] = "os-release names no PRETTY_NAME or NAME.";
            }
        }
        else
        {
            info.Unknowns["OsName"] = osRelease?.Error is { } e ? $"os-release could not be read: {e}" : "The evidence holds no os-release.";
        }

        var kernel = bundle.Find(EvidenceIds.LinuxFile(LinuxSystemCollector.KernelReleasePath));
        info.OsBuild = kernel?.GetText()?.Trim();
        info.IsAzureLocal = false;
        info.SourcesByProperty["IsAzureLocal"] = "Azure Local runs only on Windows";

        var efi = bundle.Find(EvidenceIds.LinuxEfiFirmwareFolder);
        var exists = efi?.Records is { Count: > 0 } r ? r[0].Get("Exists")?.AsBoolean() : null;
        if (efi is null || exists is null)
        {
            info.Unknowns["FirmwareType"] = efi?.Error is { } e ? $"/sys/firmware/efi could not be checked: {e}" : "The evidence holds no /sys/firmware/efi fact.";
        }
        else
        {
            info.FirmwareType = exists.Value ? FirmwareType.Uefi : FirmwareType.Bios;
            info.SourcesByProperty["FirmwareType"] = efi.Source;
        }

        info.Unknowns["DomainJoined"] = "Active Directory membership is read on Windows only.";
    }

    private static void ReadPowerShell(EvidenceBundle bundle, SystemInfo info)
    {
        var item = bundle.Find(EvidenceIds.PowerShellHost);
        if (item?.Records is { Count: > 0 } records)
        {
            info.PowerShellEdition = records[0].Get("Edition")?.AsString();
            info.PowerShellVersion = records[0].Get("Version")?.AsString();
            info.SourcesByProperty["PowerShellEdition"] = item.Source;
        }
        else
        {
            info.Unknowns["PowerShellEdition"] = "The evidence does not record the capturing PowerShell.";
        }
    }
}
