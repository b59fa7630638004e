namespace AzureLocalSecurity.Evidence.Import;

/// <summary>One value line of a .reg file: <c>"name"=data</c>, <c>@=data</c> for the default value, or <c>"name"=-</c> to delete it.</summary>
public sealed class RegistryExportValue
{
    internal RegistryExportValue(string name, EvidenceValue? value, bool delete, uint type, int line)
    {
        Name = name;
        Value = value;
        Delete = delete;
        Type = type;
        Line = line;
    }

    /// <summary>The value name with <c>\\</c> and <c>\"</c> undone; empty for <c>@</c>, the key's default value.</summary>
    public string Name { get; }

    /// <summary>
    /// The data: a string for <c>"..."</c>, a DWord for <c>dword:</c>, binary for <c>hex:</c>, <c>hex(0)</c> and any
    /// <c>hex(n)</c> of a type not decoded, a string, expand string or multi-string for <c>hex(1)</c>, <c>hex(2)</c> and
    /// <c>hex(7)</c>, a DWord for <c>hex(4)</c> and <c>hex(5)</c> (big-endian), a QWord for <c>hex(b)</c>. Null when <see cref="Delete"/>.
    /// </summary>
    public EvidenceValue? Value { get; }

    /// <summary>Whether the line deletes the value (<c>"name"=-</c>).</summary>
    public bool Delete { get; }

    /// <summary>The REG_* type number: 1 for <c>"..."</c>, 4 for <c>dword:</c>, 3 for <c>hex:</c>, n for <c>hex(n):</c>; 0 for a delete.</summary>
    public uint Type { get; }

    /// <summary>The 1-based line the value starts on.</summary>
    public int Line { get; }

    /// <inheritdoc />
    public override string ToString() => Delete ? $"\"{Name}\"=-" : $"\"{Name}\"=({Type}) {Value}";
}
