using System.Collections.Generic;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>
/// One security feature on one node: whether it is configured (every setting that turns it on holds), whether it runs, whether a
/// restart is pending, and whether Azure Local's drift control holds it. A fact that could not be told is null, with the reason in
/// <see cref="Unknowns"/>; <see cref="Sources"/> says where each answer came from.
/// </summary>
public sealed class SecurityFeatureState
{
    /// <summary>The node.</summary>
    public string NodeName { get; internal set; } = string.Empty;

    /// <summary>The feature.</summary>
    public SecurityFeature Name { get; internal set; }

    /// <summary>The feature's name in words.</summary>
    public string DisplayName { get; internal set; } = string.Empty;

    /// <summary>True when every setting that turns the feature on holds; false when one does not; null when one could not be read and none is off.</summary>
    public bool? Configured { get; internal set; }

    /// <summary>
    /// True when the feature runs: Win32_DeviceGuard for VBS (VirtualizationBasedSecurityStatus 2), HVCI, Credential Guard and
    /// DRTM (SecurityServicesRunning 2, 1, 3); for SMB signing, SMB cluster encryption and side-channel mitigation, which have no
    /// separate runtime fact, the configuration (<see cref="Sources"/> says so).
    /// </summary>
    public bool? Running { get; internal set; }

    /// <summary>True when the feature needs a restart and its configuration differs from what runs; false for a feature that needs none.</summary>
    public bool? RestartPending { get; internal set; }

    /// <summary>True when Azure Local's drift control is on and the feature's settings are in the node's baseline; null when either cannot be told.</summary>
    public bool? DriftControlEnforced { get; internal set; }

    /// <summary>True when switching the feature takes effect only after a restart.</summary>
    public bool RestartRequired { get; internal set; }

    /// <summary>Azure Local's customization posture for the feature (Toggle Allowed, Warning Allowed, Blocked), or null when the catalog does not say.</summary>
    public string? Posture { get; internal set; }

    /// <summary>The baseline catalog the settings were taken from (<c>2610 AdLess</c>), or null for the fallback table.</summary>
    public string? Catalog { get; internal set; }

    /// <summary>Each setting with its current value.</summary>
    public IReadOnlyList<SecurityFeatureSettingState> Settings { get; internal set; } = [];

    /// <summary>Where each answer came from, by property name (Configured, Running, RestartPending, DriftControlEnforced).</summary>
    public IReadOnlyDictionary<string, string> Sources { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Each fact that could not be read or told, with the reason.</summary>
    public IReadOnlyList<string> Unknowns { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{NodeName} {Name}: configured {Show(Configured)}, running {Show(Running)}";

    private static string Show(bool? value) => value is null ? "unknown" : value.Value ? "yes" : "no";
}
