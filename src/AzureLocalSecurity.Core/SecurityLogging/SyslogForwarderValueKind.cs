namespace AzureLocalSecurity.SecurityLogging;

/// <summary>What kind of JSON value a syslog forwarder property held.</summary>
public enum SyslogForwarderValueKind
{
    /// <summary>JSON null.</summary>
    Null,

    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A nested object or array, kept as its JSON text.</summary>
    Nested,
}
