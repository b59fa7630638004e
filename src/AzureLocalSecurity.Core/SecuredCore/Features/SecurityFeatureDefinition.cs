using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>A security feature as one release's baseline defines it: its settings, whether a switch needs a restart, and Azure Local's posture on changing it.</summary>
public sealed class SecurityFeatureDefinition
{
    internal SecurityFeatureDefinition(SecurityFeature feature, string displayName, bool restartRequired, bool disableSupported, string? posture, string? catalog, IEnumerable<SecurityFeatureSetting> settings)
    {
        Feature = feature;
        DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
        RestartRequired = restartRequired;
        DisableSupported = disableSupported;
        Posture = posture;
        Catalog = catalog;
        Settings = (settings ?? throw new ArgumentNullException(nameof(settings))).ToArray();
    }

    /// <summary>The feature.</summary>
    public SecurityFeature Feature { get; }

    /// <summary>The feature's name in words.</summary>
    public string DisplayName { get; }

    /// <summary>True when a switch takes effect only after a restart (Microsoft's table for Enable/Disable-AzsSecurity).</summary>
    public bool RestartRequired { get; }

    /// <summary>False when Azure Local offers no Disable for the feature (VBS).</summary>
    public bool DisableSupported { get; }

    /// <summary>
    /// Azure Local's customization posture for the feature's settings (the catalog's Customization Posture column, 2610 and later):
    /// the most restrictive of Blocked, Warning Allowed and Toggle Allowed among its rules; null when the catalog does not say.
    /// </summary>
    public string? Posture { get; }

    /// <summary>The catalog the settings were taken from (<c>2610 AdLess</c>), or null when the fallback table was used throughout.</summary>
    public string? Catalog { get; }

    /// <summary>True when every setting is a registry value, so Enable and Disable run through the plan, executor and undo record.</summary>
    public bool Switchable => Settings.Count > 0 && Settings.All(s => s.Source == SecurityFeatureSettingSource.Registry);

    /// <summary>The settings that turn the feature on, in catalog order.</summary>
    public IReadOnlyList<SecurityFeatureSetting> Settings { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Feature} ({Settings.Count} settings{(Catalog is null ? ", fallback table" : ", catalog " + Catalog)})";
}
