using System;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>One <c>key = value</c> line of a security template section, with the key and value trimmed and nothing unquoted.</summary>
public sealed class SecurityTemplateEntry
{
    /// <summary>Creates an entry.</summary>
    public SecurityTemplateEntry(string section, string key, string value, int lineNumber)
    {
        Section = section ?? throw new ArgumentNullException(nameof(section));
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        LineNumber = lineNumber;
    }

    /// <summary>The section it is in, without brackets: <c>System Access</c>.</summary>
    public string Section { get; }

    /// <summary>The key: <c>MinimumPasswordAge</c>, <c>SeNetworkLogonRight</c>, <c>MACHINE\System\...\Value</c>.</summary>
    public string Key { get; }

    /// <summary>The value as written after the first <c>=</c>, trimmed (quotes kept: <c>"Administrator"</c>, <c>4,1</c>).</summary>
    public string Value { get; }

    /// <summary>The 1-based line it was read from.</summary>
    public int LineNumber { get; }
}
