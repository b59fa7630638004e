using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>An <c>AppSettings/App</c>: settings for one app, whose manifest (a URI) defines their types.</summary>
public sealed class SiPolicyApp
{
    /// <summary>The <c>Manifest</c> attribute: where the app's manifest is.</summary>
    public string? Manifest { get; set; }

    /// <summary>The app's settings, in order.</summary>
    public IList<SiPolicyAppSetting> Settings { get; } = new List<SiPolicyAppSetting>();
}
