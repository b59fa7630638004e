using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.Tpm.Marshalling;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// Decodes TPM 2.0 responses (Part 3), from a TPM or from a bundle. Every decoder checks the header (at least 10 bytes,
/// a size field equal to the response's length, a known tag), turns a non-success response code into a
/// <see cref="TpmCommandException"/>, and reads the parameters with every size and count checked; a response that is
/// cut short, too long or inconsistent is a <see cref="TpmResponseFormatException"/> naming the byte offset.
/// </summary>
public static class TpmResponseDecoder
{
    /// <summary>The largest response accepted: TBS's own buffer limit (TBS_IN_OUT_BUF_SIZE_MAX, 256 KiB). Real TPMs answer in 4 KiB or less.</summary>
    public const int MaxResponseSize = 256 * 1024;

    private const int HeaderSize = 10;

    /// <summary>
    /// Splits a blob of back-to-back responses (as a bundle keeps them) into one segment per response, each checked for a
    /// plausible header; the segments' offsets are positions in <paramref name="responses"/>.
    /// </summary>
    public static IReadOnlyList<ArraySegment<byte>> Split(byte[] responses)
    {
        if (responses is null)
        {
            throw new ArgumentNullException(nameof(responses));
        }

        var result = new List<ArraySegment<byte>>();
        var offset = 0;
        while (offset < responses.Length)
        {
            var left = responses.Length - offset;
            if (left < HeaderSize)
            {
                throw new TpmResponseFormatException(string.Format(CultureInfo.InvariantCulture, "a response header needs {0} bytes but only {1} are left", HeaderSize, left), offset);
            }

            var size = ReadSize(responses, offset);
            if (size < HeaderSize || size > left || size > MaxResponseSize)
            {
                throw new TpmResponseFormatException(string.Format(CultureInfo.InvariantCulture, "responseSize is {0}, but at least {1} and at most {2} bytes are possible here", size, HeaderSize, Math.Min(left, MaxResponseSize)), offset + 2);
            }

            result.Add(new ArraySegment<byte>(responses, offset, (int)size));
            offset += (int)size;
        }

        return result;
    }

    /// <summary>The response code in a response's header (0 for success), after checking the header; no exception for a TPM error.</summary>
    public static TpmResponseCode PeekResponseCode(ArraySegment<byte> response)
    {
        CheckHeader(response, out var rc, out _);
        return new TpmResponseCode(rc);
    }

    /// <summary>TPM2_GetCapability: moreData, then TPMS_CAPABILITY_DATA for TPM_CAP_ALGS, TPM_CAP_HANDLES, TPM_CAP_PCRS or TPM_CAP_TPM_PROPERTIES.</summary>
    public static TpmCapabilityData GetCapability(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcGetCapability, handles: 0, out _);
        var moreAt = r.Offset;
        var more = r.ReadByte();
        if (more > 1)
        {
            throw TpmResponseReader.ErrorAt("moreData is neither NO (0) nor YES (1)", moreAt);
        }

        var capAt = r.Offset;
        var capability = r.ReadUInt32();
        IReadOnlyList<TpmTaggedProperty> properties = [];
        IReadOnlyList<TpmAlgorithmProperty> algorithms = [];
        IReadOnlyList<uint> handles = [];
        IReadOnlyList<TpmPcrSelection> pcrs = [];
        switch (capability)
        {
            case TpmConstants.CapTpmProperties:
                {
                    var count = r.ReadCount("TPML_TAGGED_TPM_PROPERTY", 1024, 8);
                    var list = new List<TpmTaggedProperty>(count);
                    for (var i = 0; i < count; i++)
                    {
                        list.Add(new TpmTaggedProperty(r.ReadUInt32(), r.ReadUInt32()));
                    }

                    properties = list;
                    break;
                }

            case TpmConstants.CapAlgs:
                {
                    var count = r.ReadCount("TPML_ALG_PROPERTY", 1024, 6);
                    var list = new List<TpmAlgorithmProperty>(count);
                    for (var i = 0; i < count; i++)
                    {
                        list.Add(new TpmAlgorithmProperty(r.ReadUInt16(), r.ReadUInt32()));
                    }

                    algorithms = list;
                    break;
                }

            case TpmConstants.CapHandles:
                {
                    var count = r.ReadCount("TPML_HANDLE", 1024, 4);
                    var list = new List<uint>(count);
                    for (var i = 0; i < count; i++)
                    {
                        list.Add(r.ReadUInt32());
                    }

                    handles = list;
                    break;
                }

            case TpmConstants.CapPcrs:
                pcrs = r.ReadPcrSelections();
                break;
            default:
                throw TpmResponseReader.ErrorAt(string.Format(CultureInfo.InvariantCulture, "capability 0x{0:X8} is not one this client asks for", capability), capAt);
        }

        r.ExpectEnd("TPMS_CAPABILITY_DATA");
        return new TpmCapabilityData(more == 1, capability, properties, algorithms, handles, pcrs);
    }

    /// <summary>TPM2_PCR_Read: pcrUpdateCounter, pcrSelectionOut, pcrValues; the number and sizes of the digests must match the selection.</summary>
    public static TpmPcrReadResult PcrRead(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcPcrRead, handles: 0, out _);
        var counter = r.ReadUInt32();
        var selections = r.ReadPcrSelections();
        var countAt = r.Offset;
        var count = r.ReadCount("TPML_DIGEST", 8, 2);
        var expected = 0;
        foreach (var s in selections)
        {
            expected += s.Indexes.Count;
        }

        if (count != expected)
        {
            throw TpmResponseReader.ErrorAt(string.Format(CultureInfo.InvariantCulture, "pcrValues has {0} digests but pcrSelectionOut selects {1} PCRs", count, expected), countAt);
        }

        var digests = new List<byte[]>(count);
        foreach (var s in selections)
        {
            var size = TpmConstants.DigestSize(s.HashAlgorithm);
            foreach (var unused in s.Indexes)
            {
                var at = r.Offset;
                var digest = r.ReadSized("TPM2B_DIGEST", 64);
                if (size != 0 && digest.Length != size)
                {
                    throw TpmResponseReader.ErrorAt(string.Format(CultureInfo.InvariantCulture, "a digest of bank 0x{0:X4} has {1} bytes, not {2}", s.HashAlgorithm, digest.Length, size), at);
                }

                digests.Add(digest);
            }
        }

        r.ExpectEnd("TPML_DIGEST");
        return new TpmPcrReadResult(counter, selections, digests);
    }

    /// <summary>TPM2_ReadPublic: outPublic, name, qualifiedName.</summary>
    public static TpmCreatedObject ReadPublic(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcReadPublic, handles: 0, out _);
        var area = TpmPublicArea.ReadSized(r);
        var name = r.ReadSized("TPM2B_NAME", 68);
        r.ReadSized("TPM2B_NAME (qualifiedName)", 68);
        r.ExpectEnd("qualifiedName");
        return new TpmCreatedObject(0, area, name);
    }

    /// <summary>TPM2_CreatePrimary: objectHandle, then outPublic, creationData, creationHash, creationTicket, name.</summary>
    public static TpmCreatedObject CreatePrimary(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcCreatePrimary, handles: 1, out var handle);
        var area = TpmPublicArea.ReadSized(r);
        r.ReadSized("TPM2B_CREATION_DATA", 4096);
        r.ReadSized("TPM2B_DIGEST (creationHash)", 64);
        r.ReadUInt16();
        r.ReadUInt32();
        r.ReadSized("TPMT_TK_CREATION.digest", 64);
        var name = r.ReadSized("TPM2B_NAME", 68);
        r.ExpectEnd("name");
        return new TpmCreatedObject(handle, area, name);
    }

    /// <summary>TPM2_NV_ReadPublic: TPM2B_NV_PUBLIC, then the index's name.</summary>
    public static TpmNvPublic NvReadPublic(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcNvReadPublic, handles: 0, out _);
        var sizeAt = r.Offset;
        var size = r.ReadUInt16();
        var start = r.Offset;
        var index = r.ReadUInt32();
        var nameAlg = r.ReadUInt16();
        var attributes = r.ReadUInt32();
        var policy = r.ReadSized("TPMS_NV_PUBLIC.authPolicy", 64);
        var dataSize = r.ReadUInt16();
        if (r.Offset - start != size)
        {
            throw TpmResponseReader.ErrorAt(string.Format(CultureInfo.InvariantCulture, "TPM2B_NV_PUBLIC says {0} bytes but holds {1}", size, r.Offset - start), sizeAt);
        }

        var name = r.ReadSized("TPM2B_NAME", 68);
        r.ExpectEnd("nvName");
        return new TpmNvPublic(index, nameAlg, attributes, policy, dataSize, name);
    }

    /// <summary>TPM2_NV_Read: the data read (TPM2B_MAX_NV_BUFFER).</summary>
    public static byte[] NvRead(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcNvRead, handles: 0, out _);
        var data = r.ReadSized("TPM2B_MAX_NV_BUFFER", 4096);
        r.ExpectEnd("data");
        return data;
    }

    /// <summary>TPM2_GetRandom: the random bytes.</summary>
    public static byte[] GetRandom(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcGetRandom, handles: 0, out _);
        var data = r.ReadSized("TPM2B_DIGEST", 64);
        r.ExpectEnd("randomBytes");
        return data;
    }

    /// <summary>TPM2_FlushContext: no parameters.</summary>
    public static void FlushContext(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcFlushContext, handles: 0, out _);
        r.ExpectEnd("the header");
    }

    /// <summary>TPM2_Quote: TPM2B_ATTEST (a TPMS_ATTEST of type TPM_ST_ATTEST_QUOTE) and TPMT_SIGNATURE.</summary>
    public static TpmQuote Quote(ArraySegment<byte> response)
    {
        var r = Open(response, TpmConstants.CcQuote, handles: 0, out _);
        var sizeAt = r.Offset;
        var size = r.ReadUInt16();
        if (size == 0)
        {
            throw TpmResponseReader.ErrorAt("TPM2B_ATTEST is empty", sizeAt);
        }

        var attestStart = r.Offset;
        var attest = r.ReadBytes(size, "TPM2B_ATTEST");
        var a = new TpmResponseReader(attest, 0, attest.Length, attestStart);
        var magicAt = a.Offset;
        if (a.ReadUInt32() != TpmConstants.GeneratedValue)
        {
            throw TpmResponseReader.ErrorAt("TPMS_ATTEST.magic is not TPM_GENERATED_VALUE (0xFF544347)", magicAt);
        }

        var typeAt = a.Offset;
        if (a.ReadUInt16() != TpmConstants.StAttestQuote)
        {
            throw TpmResponseReader.ErrorAt("TPMS_ATTEST.type is not TPM_ST_ATTEST_QUOTE (0x8018)", typeAt);
        }

        var signer = a.ReadSized("TPMS_ATTEST.qualifiedSigner", 68);
        var extra = a.ReadSized("TPMS_ATTEST.extraData", 64);
        var clock = a.ReadUInt64();
        var resets = a.ReadUInt32();
        var restarts = a.ReadUInt32();
        var safeAt = a.Offset;
        var safe = a.ReadByte();
        if (safe > 1)
        {
            throw TpmResponseReader.ErrorAt("TPMS_CLOCK_INFO.safe is neither NO nor YES", safeAt);
        }

        var firmware = a.ReadUInt64();
        var selections = a.ReadPcrSelections();
        var digest = a.ReadSized("TPMS_QUOTE_INFO.pcrDigest", 64);
        a.ExpectEnd("TPMS_QUOTE_INFO");
        var signature = ReadSignature(r);
        r.ExpectEnd("TPMT_SIGNATURE");
        return new TpmQuote(attest, signer, extra, clock, resets, restarts, safe == 1, firmware, selections, digest, signature);
    }

    private static TpmSignature ReadSignature(TpmResponseReader r)
    {
        var algAt = r.Offset;
        var alg = r.ReadUInt16();
        switch (alg)
        {
            case TpmConstants.AlgNull:
                return new TpmSignature(alg, 0, [], [], []);
            case TpmConstants.AlgRsassa:
            case TpmConstants.AlgRsapss:
                {
                    var hash = r.ReadUInt16();
                    return new TpmSignature(alg, hash, r.ReadSized("TPM2B_PUBLIC_KEY_RSA (signature)", 512), [], []);
                }

            case TpmConstants.AlgEcdsa:
            case 0x001A:
            case 0x001B:
            case 0x001C:
                {
                    var hash = r.ReadUInt16();
                    var sigR = r.ReadSized("TPMS_SIGNATURE_ECC.signatureR", 128);
                    var sigS = r.ReadSized("TPMS_SIGNATURE_ECC.signatureS", 128);
                    return new TpmSignature(alg, hash, [], sigR, sigS);
                }

            default:
                throw TpmResponseReader.ErrorAt(string.Format(CultureInfo.InvariantCulture, "signature scheme 0x{0:X4} is not one this client decodes", alg), algAt);
        }
    }

    /// <summary>
    /// Checks the header and opens the parameters. With <paramref name="handles"/> = 1 the handle area holds one handle.
    /// For a response with sessions (TPM_ST_SESSIONS) the parameter area is cut to parameterSize and the authorization
    /// area after it is checked to be well formed.
    /// </summary>
    private static TpmResponseReader Open(ArraySegment<byte> response, uint commandCode, int handles, out uint handle)
    {
        var tag = CheckHeader(response, out var rc, out _);
        if (rc != 0)
        {
            throw new TpmCommandException(commandCode, new TpmResponseCode(rc));
        }

        var r = new TpmResponseReader(response.Array!, response.Offset + HeaderSize, response.Count - HeaderSize, response.Offset + HeaderSize);
        handle = handles == 1 ? r.ReadUInt32() : 0;
        if (tag != TpmConstants.StSessions)
        {
            return r;
        }

        var sizeAt = r.Offset;
        var parameterSize = r.ReadUInt32();
        if (parameterSize > (uint)r.Remaining)
        {
            throw TpmResponseReader.ErrorAt(string.Format(CultureInfo.InvariantCulture, "parameterSize is {0} but only {1} bytes follow", parameterSize, r.Remaining), sizeAt);
        }

        var parameters = r.Slice((int)parameterSize, "the parameters");
        while (r.Remaining > 0)
        {
            r.ReadSized("TPMS_AUTH_RESPONSE.nonce", 64);
            r.ReadByte();
            r.ReadSized("TPMS_AUTH_RESPONSE.hmac", 64);
        }

        return parameters;
    }

    private static ushort CheckHeader(ArraySegment<byte> response, out uint rc, out uint size)
    {
        if (response.Array is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (response.Count < HeaderSize)
        {
            throw new TpmResponseFormatException(string.Format(CultureInfo.InvariantCulture, "a response header needs {0} bytes but the response has {1}", HeaderSize, response.Count), response.Offset);
        }

        var r = new TpmResponseReader(response.Array, response.Offset, HeaderSize, response.Offset);
        var tag = r.ReadUInt16();
        size = r.ReadUInt32();
        rc = r.ReadUInt32();
        if (size != (uint)response.Count)
        {
            throw new TpmResponseFormatException(string.Format(CultureInfo.InvariantCulture, "responseSize says {0} bytes but the response has {1}", size, response.Count), response.Offset + 2);
        }

        if (tag != TpmConstants.StNoSessions && tag != TpmConstants.StSessions && !(tag == TpmConstants.StRspCommand && rc != 0))
        {
            throw new TpmResponseFormatException(string.Format(CultureInfo.InvariantCulture, "tag 0x{0:X4} is not TPM_ST_NO_SESSIONS or TPM_ST_SESSIONS", tag), response.Offset);
        }

        if (rc != 0 && size != HeaderSize)
        {
            throw new TpmResponseFormatException(string.Format(CultureInfo.InvariantCulture, "an error response (0x{0:X8}) must be the 10-byte header alone, but has {1} bytes", rc, size), response.Offset + 2);
        }

        return tag;
    }

    private static uint ReadSize(byte[] buffer, int offset) =>
        ((uint)buffer[offset + 2] << 24) | ((uint)buffer[offset + 3] << 16) | ((uint)buffer[offset + 4] << 8) | buffer[offset + 5];
}
