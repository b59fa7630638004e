using System.Globalization;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// A <c>Settings/Setting</c>: a value addressed by provider, key and value name, such as PolicyInfo / Information / Name
/// (the policy's name). A compiled policy holds settings too.
/// </summary>
public sealed class SiPolicySetting
{
    /// <summary>The provider (such as "PolicyInfo").</summary>
    public string? Provider { get; set; }

    /// <summary>The key (such as "Information").</summary>
    public string? Key { get; set; }

    /// <summary>The value name (such as "Name").</summary>
    public string? ValueName { get; set; }

    /// <summary>The type of <see cref="Value"/>.</summary>
    public SiPolicySettingKind Kind { get; set; }

    /// <summary>The value: a <see cref="bool"/> for Boolean, a <see cref="uint"/> for DWord, a hex <see cref="string"/> for
    /// Binary, a <see cref="string"/> for String.</summary>
    public object? Value { get; set; }

    /// <summary>Creates a String setting.</summary>
    public static SiPolicySetting FromString(string provider, string key, string valueName, string value) =>
        new() { Provider = provider, Key = key, ValueName = valueName, Kind = SiPolicySettingKind.String, Value = value };

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}/{1}/{2} = {3}", Provider, Key, ValueName, Value);
}
