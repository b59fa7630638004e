using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>An <c>AppSettings/App/Setting</c>: a named setting of an app and its values.</summary>
public sealed class SiPolicyAppSetting
{
    /// <summary>The setting's name, as the app's manifest defines it.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>Value</c> elements, in order.</summary>
    public IList<string> Values { get; } = new List<string>();
}
