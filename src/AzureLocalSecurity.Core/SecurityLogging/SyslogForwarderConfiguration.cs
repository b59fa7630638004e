using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>
/// One object <c>Get-AzSSyslogForwarder -Local</c> wrote, as its properties' names and values. Microsoft documents the cmdlet's
/// parameters (<c>Set-AzSSyslogForwarder -ServerName -ServerPort -NoEncryption -SkipServerCertificateCheck -SkipServerCNCheck
/// -UseUDP -ClientCertificateThumbprint -OutputSeverity</c>) but not the properties of what it returns, so values are looked up
/// by those parameter names without regard to case, and a property that is not there is null: never read as false.
/// </summary>
public sealed class SyslogForwarderConfiguration
{
    private readonly Dictionary<string, SyslogForwarderValue> _properties;

    /// <summary>Creates a configuration from its properties, in the order they were written.</summary>
    public SyslogForwarderConfiguration(IEnumerable<KeyValuePair<string, SyslogForwarderValue>> properties)
    {
        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        _properties = new Dictionary<string, SyslogForwarderValue>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var p in properties)
        {
            if (!_properties.ContainsKey(p.Key))
            {
                names.Add(p.Key);
            }

            _properties[p.Key] = p.Value;
        }

        Names = names;
    }

    /// <summary>The property names, in the order written.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The syslog server (FQDN or IP address), or null when the output has no such property or it is empty.</summary>
    public string? ServerName => Text("ServerName") is { Length: > 0 } s ? s : null;

    /// <summary>The server port, or null.</summary>
    public long? ServerPort => Get("ServerPort")?.Number;

    /// <summary>Whether messages go in clear text (<c>-NoEncryption</c>), or null when not stated.</summary>
    public bool? NoEncryption => Flag("NoEncryption");

    /// <summary>Whether messages go over UDP (<c>-UseUDP</c>), or null when not stated.</summary>
    public bool? UseUdp => Flag("UseUDP");

    /// <summary>Whether the server's certificate is not validated (<c>-SkipServerCertificateCheck</c>), or null when not stated.</summary>
    public bool? SkipServerCertificateCheck => Flag("SkipServerCertificateCheck");

    /// <summary>Whether the server certificate's name is not validated (<c>-SkipServerCNCheck</c>), or null when not stated.</summary>
    public bool? SkipServerCNCheck => Flag("SkipServerCNCheck");

    /// <summary>Whether the output has a <c>ClientCertificateThumbprint</c> property at all.</summary>
    public bool HasClientCertificateProperty => Get("ClientCertificateThumbprint") is not null;

    /// <summary>The client certificate's thumbprint (mutual authentication), or null when none is configured or the property is missing.</summary>
    public string? ClientCertificateThumbprint => Text("ClientCertificateThumbprint") is { Length: > 0 } s ? s : null;

    /// <summary>The value of a property, or null when the output has no such property.</summary>
    public SyslogForwarderValue? Get(string name) => _properties.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var v) ? v : null;

    /// <summary>The properties as <c>Name=Value</c>, for a result's Actual.</summary>
    public override string ToString() => string.Join(", ", Names.Select(n => n + "=" + _properties[n]));

    private string? Text(string name) => Get(name) is { } v && !v.IsNull ? v.Text.Trim() : null;

    private bool? Flag(string name) => Get(name)?.Flag;
}
