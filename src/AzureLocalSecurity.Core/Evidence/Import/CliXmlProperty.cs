namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// One named value of a <see cref="CliXmlObject"/>: a property of its <c>&lt;Props&gt;</c> (what the object's adapter
/// serialized: for a CIM instance, its CIM properties and <c>PSComputerName</c>) or a member of its <c>&lt;MS&gt;</c> (note
/// properties and hidden members such as a CIM instance's <c>__ClassMetadata</c>); <see cref="IsExtendedMember"/> tells
/// which. Also one item of a container (<see cref="CliXmlObject.Items"/>).
/// </summary>
public sealed class CliXmlProperty
{
    internal CliXmlProperty(string name, string captureType, object? value, bool isExtendedMember)
    {
        Name = name;
        CaptureType = captureType;
        Value = value;
        IsExtendedMember = isExtendedMember;
    }

    /// <summary>The <c>N</c> attribute, with its <c>_xHHHH_</c> escapes decoded (empty for a container item without one).</summary>
    public string Name { get; }

    /// <summary>
    /// The exact CLR type of the serialized value, named as the capture format's <c>t</c>: <c>Null</c>, <c>String</c>,
    /// <c>Boolean</c>, <c>Byte</c>, <c>SByte</c>, <c>Int16</c>, <c>UInt16</c>, <c>Int32</c>, <c>UInt32</c>, <c>Int64</c>,
    /// <c>UInt64</c>, <c>DateTime</c>, <c>Byte[]</c>, <c>UInt16[]</c>, <c>UInt32[]</c>, <c>UInt64[]</c>, <c>Int32[]</c>,
    /// <c>Int64[]</c>, <c>String[]</c>; beyond the capture format's set, <c>Double</c>, <c>Single</c>, <c>Decimal</c>,
    /// <c>Char</c>, <c>TimeSpan</c>, <c>Guid</c>, <c>Uri</c>, <c>Version</c>, <c>XmlDocument</c>, <c>ScriptBlock</c>,
    /// <c>SecureString</c>; and <c>Object</c> for a nested object that is not one of those arrays.
    /// </summary>
    public string CaptureType { get; }

    /// <summary>
    /// The value: <see cref="string"/>, <see cref="bool"/>, <see cref="byte"/>, <see cref="sbyte"/>, <see cref="short"/>,
    /// <see cref="ushort"/>, <see cref="int"/>, <see cref="uint"/>, <see cref="long"/>, <see cref="ulong"/>,
    /// <see cref="System.DateTime"/> (see <see cref="CliXmlDocument"/> for time zones), <c>byte[]</c>, <c>ushort[]</c>,
    /// <c>uint[]</c>, <c>ulong[]</c>, <c>int[]</c>, <c>long[]</c>, <c>string[]</c> (whose items may be null), or a
    /// <see cref="CliXmlObject"/>; <see cref="double"/>, <see cref="float"/>, <see cref="decimal"/>, <see cref="char"/>,
    /// <see cref="System.TimeSpan"/>, <see cref="System.Guid"/>, <see cref="System.Uri"/>, <see cref="System.Version"/> for
    /// those types; the text for <c>XmlDocument</c>, <c>ScriptBlock</c> and <c>SecureString</c> (never parsed, run or
    /// decrypted); null for <c>Null</c>. An array is shared, not copied: do not change it.
    /// </summary>
    public object? Value { get; }

    /// <summary>True for a member of <c>&lt;MS&gt;</c>; false for a property of <c>&lt;Props&gt;</c> or a container item.</summary>
    public bool IsExtendedMember { get; }

    /// <summary>The name, type and value, for diagnostics.</summary>
    public override string ToString() => $"{Name} ({CaptureType})";
}
