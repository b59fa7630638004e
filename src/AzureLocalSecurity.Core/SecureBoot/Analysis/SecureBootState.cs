using System.Collections.Generic;
using AzureLocalSecurity.Platform;

namespace AzureLocalSecurity.SecureBoot.Analysis;

/// <summary>
/// Whether a node boots with Secure Boot, as its firmware variables say (and on Windows its registry). A fact that could not
/// be read is null with its reason in <see cref="Unknowns"/>; each fact's origin is in <see cref="Sources"/>.
/// </summary>
public sealed class SecureBootState
{
    /// <summary>The node (or the NVRAM file's name).</summary>
    public string ComputerName { get; internal set; } = string.Empty;

    /// <summary>UEFI or BIOS (Unknown when it could not be read, or for an NVRAM file: a variable store is UEFI by nature).</summary>
    public FirmwareType FirmwareType { get; internal set; }

    /// <summary>The SecureBoot variable: true when the firmware enforces Secure Boot on this boot.</summary>
    public bool? SecureBootEnabled { get; internal set; }

    /// <summary>The SetupMode variable: true when no platform key is enrolled (anyone may enroll keys). For an NVRAM file, derived from whether PK is present.</summary>
    public bool? SetupMode { get; internal set; }

    /// <summary>The AuditMode variable (UEFI 2.5+), where the firmware has it.</summary>
    public bool? AuditMode { get; internal set; }

    /// <summary>The DeployedMode variable (UEFI 2.5+), where the firmware has it.</summary>
    public bool? DeployedMode { get; internal set; }

    /// <summary>True when PK holds data (a platform key is enrolled).</summary>
    public bool? PlatformKeyEnrolled { get; internal set; }

    /// <summary>Windows: HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State UEFISecureBootEnabled, Windows' own view.</summary>
    public bool? WindowsReportsSecureBootEnabled { get; internal set; }

    /// <summary>Where each fact came from, by property name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Each fact that could not be read, with the reason.</summary>
    public IReadOnlyList<string> Unknowns { get; internal set; } = [];
}
