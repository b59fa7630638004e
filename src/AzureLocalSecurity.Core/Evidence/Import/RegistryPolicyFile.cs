using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// A Registry.pol file (MS-GPREG 2.2.1): the <c>PReg</c> signature and version 1, then records
/// <c>[key;value;type;size;data]</c> back to back to the end of the file, where <c>[</c>, <c>;</c> and <c>]</c> are UTF-16 LE
/// characters, key and value are NUL-terminated UTF-16 LE strings, and type and size are u32 little-endian. A file of the
/// header alone is valid and has no records.
/// </summary>
/// <remarks>
/// Strict: anything out of place ends the read with <see cref="RegistryPolicyFormatException"/> and its byte offset,
/// since a policy file read halfway would report a partial policy as the whole. A size is checked against the bytes left
/// before anything is allocated from it. String data (types 1, 2, 7, and the lists of <c>**DeleteValues</c> and
/// <c>**DeleteKeys</c>) must have an even size; a missing final NUL is accepted, and the text is then all of the data,
/// as the registry would return it. Types other than those decoded keep their bytes with no <see cref="RegistryPolicyRecord.Value"/>.
/// </remarks>
public sealed class RegistryPolicyFile
{
    /// <summary>The largest file read. A full security baseline's Registry.pol is about 35 KB.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The signature, "PReg" read as a u32 little-endian (REGFILE_SIGNATURE).</summary>
    public const uint Signature = 0x67655250;

    /// <summary>The only format version (REGISTRY_FILE_VERSION).</summary>
    public const uint Version = 1;

    private const int HeaderLength = 8;

    private readonly RegistryPolicyRecord[] _records;

    private RegistryPolicyFile(RegistryPolicyRecord[] records) => _records = records;

    /// <summary>The records in file order.</summary>
    public IReadOnlyList<RegistryPolicyRecord> Records => _records;

    /// <summary>Reads a Registry.pol file's bytes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    /// <exception cref="RegistryPolicyFormatException">The bytes are not a well-formed Registry.pol file; the exception gives the offset.</exception>
    public static RegistryPolicyFile Parse(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        if (bytes.Length > MaxBytes)
        {
            throw new RegistryPolicyFormatException($"the file is {bytes.Length} bytes; at most {MaxBytes} are read", MaxBytes);
        }

        if (bytes.Length < HeaderLength)
        {
            throw new RegistryPolicyFormatException($"the file is {bytes.Length} bytes, shorter than the 8-byte PReg header", bytes.Length);
        }

        if (ReadU32(bytes, 0) != Signature)
        {
            throw new RegistryPolicyFormatException("the file does not start with the signature \"PReg\"", 0);
        }

        var version = ReadU32(bytes, 4);
        if (version != Version)
        {
            throw new RegistryPolicyFormatException($"the version is {version}; only version {Version} is defined", 4);
        }

        var records = new List<RegistryPolicyRecord>();
        var position = HeaderLength;
        while (position < bytes.Length)
        {
            records.Add(ReadRecord(bytes, ref position));
        }

        return new RegistryPolicyFile(records.ToArray());
    }

    private static RegistryPolicyRecord ReadRecord(byte[] bytes, ref int position)
    {
        var start = position;
        Expect(bytes, ref position, '[', "a record's opening '['");
        var key = ReadString(bytes, ref position, "key");
        Expect(bytes, ref position, ';', "the ';' after the key");
        var valueName = ReadString(bytes, ref position, "value name");
        Expect(bytes, ref position, ';', "the ';' after the value name");
        var type = ReadField(bytes, ref position, "type");
        Expect(bytes, ref position, ';', "the ';' after the type");
        var sizeOffset = position;
        var size = ReadField(bytes, ref position, "size");
        Expect(bytes, ref position, ';', "the ';' after the size");
        var left = bytes.Length - position;
        if (size > (uint)left)
        {
            throw new RegistryPolicyFormatException($"the record of '{Clip(key)}' / '{Clip(valueName)}' says its data is {size} bytes but {left} are left in the file", sizeOffset);
        }

        var dataOffset = position;
        var data = new byte[size];
        Buffer.BlockCopy(bytes, position, data, 0, data.Length);
        position += data.Length;
        Expect(bytes, ref position, ']', "the record's closing ']' after its data");
        return Interpret(key, valueName, type, data, start, dataOffset);
    }

    private static RegistryPolicyRecord Interpret(string key, string valueName, uint type, byte[] data, long start, long dataOffset)
    {
        var action = ActionOf(valueName, out var target);
        var targets = Array.Empty<string>();
        EvidenceValue? value = null;
        switch (action)
        {
            case RegistryPolicyAction.SetValue:
            case RegistryPolicyAction.SoftValue:
                if (!RegistryData.TryDecode(type, data, ansi: false, out value, out var problem))
                {
                    throw new RegistryPolicyFormatException($"the data of '{Clip(key)}' / '{Clip(valueName)}' is not a type {type} value: {problem}", dataOffset);
                }

                break;
            case RegistryPolicyAction.DeleteValues:
            case RegistryPolicyAction.DeleteKeys:
                if (!RegistryData.TryText(data, ansi: false, out var list, out var listProblem))
                {
                    throw new RegistryPolicyFormatException($"the list of '{Clip(key)}' / '{Clip(valueName)}' is not text: {listProblem}", dataOffset);
                }

                var nul = list.IndexOf('\0');
                targets = (nul < 0 ? list : list.Substring(0, nul)).Split([';'], StringSplitOptions.RemoveEmptyEntries);
                break;
            case RegistryPolicyAction.SecureKey:
                if (type != RegistryData.DWord || data.Length != 4 || (data[0] > 1) || data[1] != 0 || data[2] != 0 || data[3] != 0)
                {
                    throw new RegistryPolicyFormatException($"**SecureKey of '{Clip(key)}' must be a 4-byte REG_DWORD of 0 or 1 (type {type}, {data.Length} bytes)", dataOffset);
                }

                break;
        }

        return new RegistryPolicyRecord(key, valueName, action, target, targets, type, data, value, start);
    }

    /// <summary>The action a value name asks for, and the value it names where it names one.</summary>
    internal static RegistryPolicyAction ActionOf(string valueName, out string? target)
    {
        target = null;
        if (valueName.Length == 0)
        {
            return RegistryPolicyAction.CreateKey;
        }

        if (!valueName.StartsWith("**", StringComparison.Ordinal))
        {
            target = valueName;
            return RegistryPolicyAction.SetValue;
        }

        // "**delvals." also starts with "**del.", so the whole names come first. The list codes may be followed by spaces
        // (the documentation allows a space or the NUL right after **DeleteKeys).
        var code = valueName.TrimEnd(' ');
        if (code.Equals("**delvals.", StringComparison.OrdinalIgnoreCase) || code.Equals("**delvals", StringComparison.OrdinalIgnoreCase))
        {
            return RegistryPolicyAction.DeleteAllValues;
        }

        if (code.Equals("**DeleteValues", StringComparison.OrdinalIgnoreCase))
        {
            return RegistryPolicyAction.DeleteValues;
        }

        if (code.Equals("**DeleteKeys", StringComparison.OrdinalIgnoreCase))
        {
            return RegistryPolicyAction.DeleteKeys;
        }

        if (code.Equals("**SecureKey", StringComparison.OrdinalIgnoreCase))
        {
            return RegistryPolicyAction.SecureKey;
        }

        if (valueName.StartsWith("**del.", StringComparison.OrdinalIgnoreCase))
        {
            target = valueName.Substring("**del.".Length);
            return RegistryPolicyAction.DeleteValue;
        }

        if (valueName.StartsWith("**soft.", StringComparison.OrdinalIgnoreCase))
        {
            target = valueName.Substring("**soft.".Length);
            return RegistryPolicyAction.SoftValue;
        }

        return RegistryPolicyAction.UnknownDirective;
    }

    private static void Expect(byte[] bytes, ref int position, char expected, string what)
    {
        if (bytes.Length - position < 2)
        {
            throw new RegistryPolicyFormatException($"the file ends where {what} should be", position);
        }

        var actual = (char)(bytes[position] | (bytes[position + 1] << 8));
        if (actual != expected)
        {
            throw new RegistryPolicyFormatException($"expected {what}, found U+{(int)actual:X4}", position);
        }

        position += 2;
    }

    private static uint ReadField(byte[] bytes, ref int position, string what)
    {
        if (bytes.Length - position < 4)
        {
            throw new RegistryPolicyFormatException($"the file ends inside the record's {what} (4 bytes)", position);
        }

        var value = ReadU32(bytes, position);
        position += 4;
        return value;
    }

    /// <summary>A NUL-terminated UTF-16 LE string; the position ends after the NUL.</summary>
    private static string ReadString(byte[] bytes, ref int position, string what)
    {
        var start = position;
        for (var i = position; i + 1 < bytes.Length; i += 2)
        {
            if (bytes[i] == 0 && bytes[i + 1] == 0)
            {
                position = i + 2;
                return RegistryData.Utf16(bytes, start, i - start);
            }
        }

        throw new RegistryPolicyFormatException($"the {what} has no terminating NUL before the end of the file", start);
    }

    private static uint ReadU32(byte[] bytes, int offset) =>
        (uint)(bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24));

    private static string Clip(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "...";
}
