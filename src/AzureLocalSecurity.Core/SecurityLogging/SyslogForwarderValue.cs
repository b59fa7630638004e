using System.Globalization;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>A property value of the syslog forwarder's output: a JSON string, number, boolean or null, or a nested value kept as its JSON text.</summary>
public sealed class SyslogForwarderValue
{
    /// <summary>Creates a value.</summary>
    /// <param name="text">The value as text (a string's characters, a number's or a boolean's JSON spelling, a nested value's JSON).</param>
    /// <param name="kind">What JSON gave.</param>
    public SyslogForwarderValue(string text, SyslogForwarderValueKind kind)
    {
        Text = text ?? string.Empty;
        Kind = kind;
    }

    /// <summary>The value as text.</summary>
    public string Text { get; }

    /// <summary>What JSON gave.</summary>
    public SyslogForwarderValueKind Kind { get; }

    /// <summary>Whether the value is JSON null.</summary>
    public bool IsNull => Kind == SyslogForwarderValueKind.Null;

    /// <summary>
    /// The value as a switch: a JSON boolean; the strings <c>True</c>/<c>False</c> (how a SwitchParameter or a boolean renders
    /// as text); an integer 0 or 1. Null for anything else (also for JSON null: an unset switch is not stated as false).
    /// </summary>
    public bool? Flag => Kind switch
    {
        SyslogForwarderValueKind.Boolean or SyslogForwarderValueKind.Text when bool.TryParse(Text.Trim(), out var b) => b,
        SyslogForwarderValueKind.Number when Text == "0" => false,
        SyslogForwarderValueKind.Number when Text == "1" => true,
        _ => null,
    };

    /// <summary>The value as an integer (a JSON integer, or a string holding one), or null.</summary>
    public long? Number => Kind is SyslogForwarderValueKind.Number or SyslogForwarderValueKind.Text
        && long.TryParse(Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <inheritdoc />
    public override string ToString() => IsNull ? "null" : Text;
}
