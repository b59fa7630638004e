using System;
using System.Collections.Generic;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Platform;

/// <summary>
/// What a node is: its operating system, Azure Local release, firmware type and domain membership,
/// derived from evidence. A property that could not be read is null and <see cref="UnknownReasons"/> says why.
/// </summary>
public sealed class SystemInfo
{
    internal SystemInfo(EvidenceBundle bundle)
    {
        NodeName = bundle.NodeName;
        Platform = bundle.Node.Platform;
        CapturedAt = bundle.CapturedAt;
        EvidenceLocation = bundle.Location;
    }

    /// <summary>The node's name.</summary>
    public string NodeName { get; }

    /// <summary>The OS family.</summary>
    public NodePlatform Platform { get; }

    /// <summary>The product name (Windows ProductName, Linux PRETTY_NAME).</summary>
    public string? OsName { get; internal set; }

    /// <summary>The version: Windows major.minor.build.UBR, Linux VERSION_ID.</summary>
    public string? OsVersion { get; internal set; }

    /// <summary>The build: Windows build number, Linux kernel release.</summary>
    public string? OsBuild { get; internal set; }

    /// <summary>Windows' display version (such as 23H2), where the registry has it.</summary>
    public string? DisplayVersion { get; internal set; }

    /// <summary>True when the node runs the Azure Local (Azure Stack HCI) operating system; null when unknown.</summary>
    public bool? IsAzureLocal { get; internal set; }

    /// <summary>The Azure Local OS release (such as 23H2), when the registry says the node runs Azure Local.</summary>
    public string? AzureLocalRelease { get; internal set; }

    /// <summary>UEFI or BIOS.</summary>
    public FirmwareType FirmwareType { get; internal set; }

    /// <summary>True when joined to an Active Directory domain; null when unknown.</summary>
    public bool? DomainJoined { get; internal set; }

    /// <summary>The NetBIOS name of the domain, when joined.</summary>
    public string? DomainName { get; internal set; }

    /// <summary>The workgroup name, when in a workgroup.</summary>
    public string? Workgroup { get; internal set; }

    /// <summary>The edition of the PowerShell that captured the facts (Core or Desktop).</summary>
    public string? PowerShellEdition { get; internal set; }

    /// <summary>The version of the PowerShell that captured the facts.</summary>
    public string? PowerShellVersion { get; internal set; }

    /// <summary>When the facts were read.</summary>
    public DateTimeOffset CapturedAt { get; }

    /// <summary>The bundle the facts came from; null for a live read.</summary>
    public string? EvidenceLocation { get; }

    /// <summary>For each property that could not be read, why.</summary>
    public IReadOnlyDictionary<string, string> UnknownReasons => Unknowns;

    /// <summary>For each property, the evidence it came from.</summary>
    public IReadOnlyDictionary<string, string> Sources => SourcesByProperty;

    internal Dictionary<string, string> Unknowns { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, string> SourcesByProperty { get; } = new(StringComparer.Ordinal);
}
