using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Tpm.Transports;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// A TPM 2.0 client over any transport: each method marshals one or more commands (<see cref="TpmCommands"/>), sends
/// them, and decodes the responses (<see cref="TpmResponseDecoder"/>). Reads that do not fit one response (properties,
/// handles, PCRs, NV data) are continued until complete. A TPM error is a <see cref="TpmCommandException"/>; a malformed
/// response a <see cref="TpmResponseFormatException"/>; an unreachable TPM a <see cref="TpmTransportException"/>.
/// </summary>
public sealed class TpmClient : IDisposable
{
    /// <summary>The TCG EK Credential Profile's NV indexes for EK certificates (low range L-1, L-2; high range H-1 to H-7).</summary>
    public static readonly IReadOnlyList<uint> EndorsementCertificateIndexes = [0x01C00002, 0x01C0000A, 0x01C00012, 0x01C00014, 0x01C00016, 0x01C00018, 0x01C0001A, 0x01C0001C, 0x01C0001E];

    /// <summary>The first and last persistent handles TCG reserves for endorsement keys.</summary>
    public const uint EndorsementKeyHandleFirst = 0x81010000;

    /// <summary>The last persistent handle TCG reserves for endorsement keys.</summary>
    public const uint EndorsementKeyHandleLast = 0x810100FF;

    /// <summary>NV reads are chunked to this when the TPM does not report TPM_PT_NV_BUFFER_MAX (1024 is what most TPMs report; 512 is safe for all).</summary>
    private const ushort FallbackNvChunk = 512;

    /// <summary>How many times a command the TPM asked to retry is sent again.</summary>
    public const int MaxRetries = 8;

    private const uint RcYielded = 0x908;
    private const uint RcTesting = 0x90A;
    private const uint RcRetry = 0x922;

    private readonly ITpmTransport _transport;
    private readonly bool _ownsTransport;
    private List<byte[]>? _recording;
    private ushort? _nvChunk;

    /// <summary>Creates a client. With <paramref name="ownsTransport"/> the client disposes the transport.</summary>
    public TpmClient(ITpmTransport transport, bool ownsTransport = true)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _ownsTransport = ownsTransport;
    }

    /// <summary>Where the commands go.</summary>
    public string TransportDescription => _transport.Description;

    /// <summary>
    /// Sends one marshalled command and returns the raw response. A TPM that answers TPM_RC_RETRY, TPM_RC_YIELDED or
    /// TPM_RC_TESTING could not start the command yet (Part 2 §6.6.3); the command is sent again, up to
    /// <see cref="MaxRetries"/> times with a short pause, as the specification asks of a caller.
    /// </summary>
    public byte[] Execute(byte[] command)
    {
        if (command is null)
        {
            throw new ArgumentNullException(nameof(command));
        }

        var response = _transport.Submit(command);
        for (var attempt = 0; attempt < MaxRetries && IsRetry(response); attempt++)
        {
            System.Threading.Thread.Sleep(10 * (attempt + 1));
            response = _transport.Submit(command);
        }

        _recording?.Add(response);
        return response;
    }

    /// <summary>TPM2_GetCapability(TPM_CAP_TPM_PROPERTIES) from <paramref name="first"/> up to <paramref name="last"/>, continued while the TPM has more.</summary>
    public IReadOnlyList<TpmTaggedProperty> GetProperties(uint first, uint last)
    {
        var result = new List<TpmTaggedProperty>();
        var next = first;
        for (var round = 0; round < 256 && next <= last; round++)
        {
            var data = TpmResponseDecoder.GetCapability(Segment(Execute(TpmCommands.GetCapability(TpmConstants.CapTpmProperties, next, 256))));
            var inRange = data.Properties.Where(p => p.Property >= next && p.Property <= last).ToList();
            result.AddRange(inRange);
            if (!data.MoreData || inRange.Count == 0 || inRange.Count != data.Properties.Count)
            {
                break;
            }

            next = inRange[inRange.Count - 1].Property + 1;
        }

        // Remember the NV chunk size when it comes along, so NvRead needs no extra round trip for it.
        foreach (var property in result)
        {
            if (property.Property == TpmConstants.PtNvBufferMax && property.Value is > 0 and <= 4096)
            {
                _nvChunk = (ushort)property.Value;
            }
        }

        return result;
    }

    /// <summary>TPM2_GetCapability(TPM_CAP_PCRS): the banks and the PCRs allocated in each.</summary>
    public IReadOnlyList<TpmPcrSelection> GetPcrAllocation() =>
        TpmResponseDecoder.GetCapability(Segment(Execute(TpmCommands.GetCapability(TpmConstants.CapPcrs, 0, 1)))).Pcrs;

    /// <summary>TPM2_GetCapability(TPM_CAP_ALGS): every algorithm, continued while the TPM has more.</summary>
    public IReadOnlyList<TpmAlgorithmProperty> GetAlgorithms()
    {
        var result = new List<TpmAlgorithmProperty>();
        uint next = 0;
        for (var round = 0; round < 256 && next <= ushort.MaxValue; round++)
        {
            var data = TpmResponseDecoder.GetCapability(Segment(Execute(TpmCommands.GetCapability(TpmConstants.CapAlgs, next, 256))));
            var fresh = data.Algorithms.Where(a => a.Algorithm >= next).ToList();
            result.AddRange(fresh);
            if (!data.MoreData || fresh.Count == 0)
            {
                break;
            }

            next = (uint)fresh[fresh.Count - 1].Algorithm + 1;
        }

        return result;
    }

    /// <summary>TPM2_GetCapability(TPM_CAP_HANDLES) for the handle type of <paramref name="firstHandle"/> (its top byte), continued while the TPM has more.</summary>
    public IReadOnlyList<uint> GetHandles(uint firstHandle)
    {
        var type = firstHandle & 0xFF000000;
        var result = new List<uint>();
        var next = firstHandle;
        for (var round = 0; round < 1024; round++)
        {
            var data = TpmResponseDecoder.GetCapability(Segment(Execute(TpmCommands.GetCapability(TpmConstants.CapHandles, next, 256))));
            var fresh = data.Handles.Where(h => h >= next && (h & 0xFF000000) == type).ToList();
            result.AddRange(fresh);
            if (!data.MoreData || fresh.Count == 0 || fresh.Count != data.Handles.Count || fresh[fresh.Count - 1] == uint.MaxValue)
            {
                break;
            }

            next = fresh[fresh.Count - 1] + 1;
        }

        return result;
    }

    /// <summary>
    /// TPM2_PCR_Read of every selected PCR, continued until each was returned or the TPM returns none of those left
    /// (those are then missing from the result: the TPM does not have them).
    /// </summary>
    public IReadOnlyList<TpmPcrValue> ReadPcrs(IReadOnlyList<TpmPcrSelection> selections)
    {
        if (selections is null)
        {
            throw new ArgumentNullException(nameof(selections));
        }

        var remaining = selections.Where(s => s.Indexes.Count > 0).Select(s => (s.HashAlgorithm, Left: new SortedSet<int>(s.Indexes))).ToList();
        var result = new List<TpmPcrValue>();
        var limit = remaining.Sum(r => r.Left.Count) + 1;
        for (var round = 0; round < limit && remaining.Any(r => r.Left.Count > 0); round++)
        {
            var request = remaining.Where(r => r.Left.Count > 0).Select(r => new TpmPcrSelection(r.HashAlgorithm, r.Left)).ToList();
            var read = TpmResponseDecoder.PcrRead(Segment(Execute(TpmCommands.PcrRead(request))));
            var progress = false;
            var d = 0;
            foreach (var s in read.Selections)
            {
                var bank = remaining.FirstOrDefault(r => r.HashAlgorithm == s.HashAlgorithm);
                foreach (var index in s.Indexes)
                {
                    var digest = read.Digests[d++];
                    if (bank.Left is not null && bank.Left.Remove(index))
                    {
                        result.Add(new TpmPcrValue(s.HashAlgorithm, index, digest, read.UpdateCounter));
                        progress = true;
                    }
                }
            }

            if (!progress)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>TPM2_ReadPublic of a loaded or persistent object.</summary>
    public TpmCreatedObject ReadPublic(uint handle) => TpmResponseDecoder.ReadPublic(Segment(Execute(TpmCommands.ReadPublic(handle))));

    /// <summary>TPM2_NV_ReadPublic of an NV index.</summary>
    public TpmNvPublic NvReadPublic(uint nvIndex) => TpmResponseDecoder.NvReadPublic(Segment(Execute(TpmCommands.NvReadPublic(nvIndex))));

    /// <summary>
    /// The whole data of an NV index by TPM2_NV_Read, in chunks of at most TPM_PT_NV_BUFFER_MAX, authorized with an
    /// empty password as the index itself when it allows AUTHREAD, else as the owner.
    /// </summary>
    public byte[] NvRead(TpmNvPublic nvPublic)
    {
        if (nvPublic is null)
        {
            throw new ArgumentNullException(nameof(nvPublic));
        }

        var auth = (nvPublic.Attributes & TpmConstants.NvAuthRead) != 0 ? nvPublic.Index : TpmConstants.RhOwner;
        var chunk = NvChunk();
        var data = new byte[nvPublic.DataSize];
        var offset = 0;
        while (offset < data.Length)
        {
            var size = (ushort)Math.Min(chunk, data.Length - offset);
            var part = TpmResponseDecoder.NvRead(Segment(Execute(TpmCommands.NvRead(auth, nvPublic.Index, size, (ushort)offset))));
            if (part.Length == 0 || part.Length > size)
            {
                throw new TpmResponseFormatException($"TPM2_NV_Read asked for {size} bytes at offset {offset} and got {part.Length}.");
            }

            Buffer.BlockCopy(part, 0, data, offset, part.Length);
            offset += part.Length;
        }

        return data;
    }

    /// <summary>TPM2_CreatePrimary in a hierarchy (TPM_RH_ENDORSEMENT 0x4000000B, TPM_RH_OWNER 0x40000001) from a TPMT_PUBLIC template. Flush the handle when done.</summary>
    public TpmCreatedObject CreatePrimary(uint hierarchy, byte[] template, byte[]? hierarchyPassword = null) =>
        TpmResponseDecoder.CreatePrimary(Segment(Execute(TpmCommands.CreatePrimary(hierarchy, template, hierarchyPassword))));

    /// <summary>TPM2_FlushContext: unloads a transient object or session.</summary>
    public void FlushContext(uint handle) => TpmResponseDecoder.FlushContext(Segment(Execute(TpmCommands.FlushContext(handle))));

    /// <summary><paramref name="count"/> bytes from the TPM's random number generator, in as many TPM2_GetRandom calls as it takes.</summary>
    public byte[] GetRandom(int count)
    {
        if (count is < 0 or > 65536)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Ask for 0 to 65536 bytes.");
        }

        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var part = TpmResponseDecoder.GetRandom(Segment(Execute(TpmCommands.GetRandom((ushort)Math.Min(32, count - filled)))));
            if (part.Length == 0)
            {
                throw new TpmResponseFormatException("TPM2_GetRandom returned no bytes.");
            }

            var take = Math.Min(part.Length, count - filled);
            Buffer.BlockCopy(part, 0, result, filled, take);
            filled += take;
        }

        return result;
    }

    /// <summary>TPM2_Quote of the selected PCRs by a loaded signing key, with the verifier's nonce as qualifying data.</summary>
    public TpmQuote Quote(uint signHandle, byte[] qualifyingData, IReadOnlyList<TpmPcrSelection> selections, byte[]? keyPassword = null) =>
        TpmResponseDecoder.Quote(Segment(Execute(TpmCommands.Quote(signHandle, qualifyingData, selections, keyPassword))));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }

    /// <summary>From now on, keeps every response received, for evidence.</summary>
    internal void BeginRecording() => _recording = [];

    /// <summary>The responses received since <see cref="BeginRecording"/>, back to back; recording stops.</summary>
    internal byte[] EndRecording()
    {
        var recorded = _recording ?? [];
        _recording = null;
        var result = new byte[recorded.Sum(r => r.Length)];
        var offset = 0;
        foreach (var r in recorded)
        {
            Buffer.BlockCopy(r, 0, result, offset, r.Length);
            offset += r.Length;
        }

        return result;
    }

    private static bool IsRetry(byte[] response)
    {
        if (response.Length != 10)
        {
            return false;
        }

        var rc = ((uint)response[6] << 24) | ((uint)response[7] << 16) | ((uint)response[8] << 8) | response[9];
        return rc is RcRetry or RcYielded or RcTesting;
    }

    private static ArraySegment<byte> Segment(byte[] response) => new(response);

    private ushort NvChunk()
    {
        if (_nvChunk is null)
        {
            var recording = _recording;
            _recording = null;
            try
            {
                var found = GetProperties(TpmConstants.PtNvBufferMax, TpmConstants.PtNvBufferMax);
                var max = found.Count > 0 ? found[0].Value : 0;
                _nvChunk = max is > 0 and <= 4096 ? (ushort)max : FallbackNvChunk;
            }
            finally
            {
                _recording = recording;
            }
        }

        return _nvChunk.Value;
    }
}
