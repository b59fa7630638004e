using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Tpm.Marshalling;

/// <summary>
/// Builds one TPM 2.0 command in the canonical big-endian form of the Library spec Part 1 §18 / Part 3: the header
/// (tag, commandSize, commandCode), the handle area, an optional authorization area, then the parameters.
/// The size field is filled in by <see cref="ToArray"/>.
/// </summary>
internal sealed class TpmCommandWriter
{
    private readonly List<byte> _bytes = new(64);

    internal TpmCommandWriter(uint commandCode, bool sessions = false)
    {
        WriteUInt16(sessions ? TpmConstants.StSessions : TpmConstants.StNoSessions);
        WriteUInt32(0);
        WriteUInt32(commandCode);
    }

    internal TpmCommandWriter WriteByte(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    internal TpmCommandWriter WriteUInt16(ushort value)
    {
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
        return this;
    }

    internal TpmCommandWriter WriteUInt32(uint value)
    {
        _bytes.Add((byte)(value >> 24));
        _bytes.Add((byte)(value >> 16));
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
        return this;
    }

    internal TpmCommandWriter WriteBytes(byte[] value)
    {
        _bytes.AddRange(value);
        return this;
    }

    /// <summary>A TPM2B: a UINT16 size, then the bytes.</summary>
    internal TpmCommandWriter WriteSized(byte[] value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException("A TPM2B holds at most 65535 bytes.", nameof(value));
        }

        WriteUInt16((ushort)value.Length);
        return WriteBytes(value);
    }

    /// <summary>
    /// The authorization area with one password session (TPM_RS_PW, Part 1 §19.8.4): authorizationSize, then
    /// TPMS_AUTH_COMMAND { sessionHandle, nonce (empty), sessionAttributes (continueSession), hmac = the password }.
    /// </summary>
    internal TpmCommandWriter WritePasswordSession(byte[] password)
    {
        WriteUInt32((uint)(4 + 2 + 1 + 2 + password.Length));
        WriteUInt32(TpmConstants.RsPw);
        WriteUInt16(0);
        WriteByte(0x01);
        return WriteSized(password);
    }

    /// <summary>TPML_PCR_SELECTION: count, then per bank the hash, sizeofSelect and the PCR bitmap.</summary>
    internal TpmCommandWriter WritePcrSelections(IReadOnlyList<TpmPcrSelection> selections)
    {
        WriteUInt32((uint)selections.Count);
        foreach (var selection in selections)
        {
            WriteUInt16(selection.HashAlgorithm);
            var bitmap = selection.ToBitmap();
            WriteByte((byte)bitmap.Length);
            WriteBytes(bitmap);
        }

        return this;
    }

    /// <summary>The finished command with its size field set.</summary>
    internal byte[] ToArray()
    {
        var result = _bytes.ToArray();
        var size = (uint)result.Length;
        result[2] = (byte)(size >> 24);
        result[3] = (byte)(size >> 16);
        result[4] = (byte)(size >> 8);
        result[5] = (byte)size;
        return result;
    }
}
