using System.Collections.Generic;

namespace AzureLocalSecurity.Tests.Tpm.Decoding;

/// <summary>
/// Writes TPM 2.0 responses byte by byte for the decoding tests (big-endian, Part 1 §18 and Part 2), independently of the
/// production command writer: the header's responseSize is the real length unless a test says otherwise.
/// </summary>
internal sealed class TpmResponseBuilder
{
    private readonly List<byte> _body = [];
    private readonly ushort _tag;
    private readonly uint _responseCode;
    private uint? _responseSize;

    private TpmResponseBuilder(ushort tag, uint responseCode)
    {
        _tag = tag;
        _responseCode = responseCode;
    }

    /// <summary>A TPM_RC_SUCCESS response with TPM_ST_NO_SESSIONS (0x8001) or the tag given.</summary>
    public static TpmResponseBuilder Success(ushort tag = 0x8001) => new(tag, 0);

    /// <summary>A response carrying a response code.</summary>
    public static TpmResponseBuilder Error(uint responseCode, ushort tag = 0x8001) => new(tag, responseCode);

    /// <summary>Bytes without a header: the inside of a TPM2B such as TPMS_ATTEST or TPMT_PUBLIC.</summary>
    public static TpmResponseBuilder Structure() => new(0, 0);

    /// <summary>Writes this value into responseSize instead of the real length.</summary>
    public TpmResponseBuilder WithResponseSize(uint size)
    {
        _responseSize = size;
        return this;
    }

    public TpmResponseBuilder U8(byte value)
    {
        _body.Add(value);
        return this;
    }

    public TpmResponseBuilder U16(ushort value)
    {
        _body.Add((byte)(value >> 8));
        _body.Add((byte)value);
        return this;
    }

    public TpmResponseBuilder U32(uint value)
    {
        U16((ushort)(value >> 16));
        return U16((ushort)value);
    }

    public TpmResponseBuilder U64(ulong value)
    {
        U32((uint)(value >> 32));
        return U32((uint)value);
    }

    public TpmResponseBuilder Bytes(params byte[] bytes)
    {
        _body.AddRange(bytes);
        return this;
    }

    /// <summary>A TPM2B: a UINT16 size, then the bytes.</summary>
    public TpmResponseBuilder Sized(byte[] bytes)
    {
        U16((ushort)bytes.Length);
        return Bytes(bytes);
    }

    /// <summary>A TPM2B of <paramref name="size"/> bytes, each <paramref name="fill"/>.</summary>
    public TpmResponseBuilder Sized(int size, byte fill = 0xA5)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = fill;
        }

        return Sized(bytes);
    }

    /// <summary>The body alone (for a <see cref="Structure"/>).</summary>
    public byte[] Body() => _body.ToArray();

    /// <summary>The response: tag, responseSize, responseCode, then the body.</summary>
    public byte[] ToArray()
    {
        var size = _responseSize ?? (uint)(10 + _body.Count);
        var result = new List<byte>(10 + _body.Count)
        {
            (byte)(_tag >> 8), (byte)_tag,
            (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size,
            (byte)(_responseCode >> 24), (byte)(_responseCode >> 16), (byte)(_responseCode >> 8), (byte)_responseCode,
        };
        result.AddRange(_body);
        return result.ToArray();
    }
}
