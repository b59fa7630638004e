using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// One <c>[key;value;type;size;data]</c> record of a Registry.pol file, with what it tells the Group Policy client to do.
/// Everything is as stored; <see cref="Value"/> is the data decoded for a record that sets a value.
/// </summary>
public sealed class RegistryPolicyRecord
{
    private readonly byte[] _data;
    private readonly string[] _targets;

    internal RegistryPolicyRecord(string key, string valueName, RegistryPolicyAction action, string? targetValueName, string[] targets, uint type, byte[] data, EvidenceValue? value, long offset)
    {
        Key = key;
        ValueName = valueName;
        Action = action;
        TargetValueName = targetValueName;
        _targets = targets;
        Type = type;
        _data = data;
        Value = value;
        Offset = offset;
    }

    /// <summary>
    /// The key path as in the file, such as <c>Software\Policies\Microsoft\Windows\DeviceGuard</c>: no hive, since the
    /// file's place (Machine or User) says which one.
    /// </summary>
    public string Key { get; }

    /// <summary>The value name as in the file, such as <c>**del.Foo</c>; empty for a record that only creates the key.</summary>
    public string ValueName { get; }

    /// <summary>What the record does, read from <see cref="ValueName"/>.</summary>
    public RegistryPolicyAction Action { get; }

    /// <summary>
    /// The value the record is about: the name after <c>**del.</c> or <c>**soft.</c>, the value name itself for
    /// <see cref="RegistryPolicyAction.SetValue"/>, otherwise null.
    /// </summary>
    public string? TargetValueName { get; }

    /// <summary>The names listed (<c>;</c>-separated, empty names dropped) in the data of <c>**DeleteValues</c> and <c>**DeleteKeys</c>; otherwise empty.</summary>
    public IReadOnlyList<string> Targets => _targets;

    /// <summary>The REG_* type number as stored.</summary>
    public uint Type { get; }

    /// <summary>Exactly the stored data bytes (a copy).</summary>
    public byte[] Data => _data.ToArray();

    /// <summary>The stored size in bytes.</summary>
    public int Size => _data.Length;

    /// <summary>
    /// The data decoded for <see cref="RegistryPolicyAction.SetValue"/> and <see cref="RegistryPolicyAction.SoftValue"/>:
    /// types 1 (string), 2 (expand string), 7 (multi-string), 4 and 5 (DWord; 5 read big-endian), 11 (QWord), 3 and 0
    /// (binary). Null for other actions and other types.
    /// </summary>
    public EvidenceValue? Value { get; }

    /// <summary>For <see cref="RegistryPolicyAction.SecureKey"/>, the stored DWORD (1 secure, 0 reset); otherwise null.</summary>
    public uint? SecureKeySetting => Action == RegistryPolicyAction.SecureKey && _data.Length == 4
        ? (uint)(_data[0] | (_data[1] << 8) | (_data[2] << 16) | (_data[3] << 24))
        : null;

    /// <summary>The byte offset of the record's <c>[</c> in the file.</summary>
    public long Offset { get; }

    /// <inheritdoc />
    public override string ToString() => $"[{Key};{ValueName};{Type};{_data.Length}] {Action}";
}
