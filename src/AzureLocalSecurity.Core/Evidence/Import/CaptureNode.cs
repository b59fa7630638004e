using System;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>The node block of a capture document: who the node says it is (COMPUTERNAME, Win32_OperatingSystem, Win32_ComputerSystem).</summary>
public sealed class CaptureNode
{
    /// <summary>Creates a node block.</summary>
    public CaptureNode(string computerName, string? dnsDomain, string? osCaption, string? osVersion, string? osBuild, string? architecture, string? domain, bool? partOfDomain)
    {
        ComputerName = computerName ?? throw new ArgumentNullException(nameof(computerName));
        DnsDomain = dnsDomain;
        OsCaption = osCaption;
        OsVersion = osVersion;
        OsBuild = osBuild;
        Architecture = architecture;
        Domain = domain;
        PartOfDomain = partOfDomain;
    }

    /// <summary><c>$env:COMPUTERNAME</c>.</summary>
    public string ComputerName { get; }

    /// <summary>The DNS domain (<c>$env:USERDNSDOMAIN</c>, else Win32_ComputerSystem.Domain when part of a domain), or null.</summary>
    public string? DnsDomain { get; }

    /// <summary>Win32_OperatingSystem.Caption, or null when it could not be read.</summary>
    public string? OsCaption { get; }

    /// <summary>Win32_OperatingSystem.Version (<c>10.0.26100</c>).</summary>
    public string? OsVersion { get; }

    /// <summary>Win32_OperatingSystem.BuildNumber.</summary>
    public string? OsBuild { get; }

    /// <summary>Win32_OperatingSystem.OSArchitecture as Windows words it (<c>64-bit</c>; localized on some builds).</summary>
    public string? Architecture { get; }

    /// <summary>Win32_ComputerSystem.Domain (the workgroup's name when not joined).</summary>
    public string? Domain { get; }

    /// <summary>Win32_ComputerSystem.PartOfDomain, or null when it could not be read.</summary>
    public bool? PartOfDomain { get; }
}
