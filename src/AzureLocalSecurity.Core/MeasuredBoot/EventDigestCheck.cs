using System;
using System.Collections.Generic;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// Checks the records whose digest must be the hash of their own event data (<see cref="TcgEventTypes.DigestIsOfEventData"/>:
/// EV_SEPARATOR, EV_S_CRTM_VERSION, EV_EFI_VARIABLE_DRIVER_CONFIG, EV_EFI_VARIABLE_AUTHORITY, EV_EFI_GPT_EVENT,
/// EV_EFI_ACTION, EV_EVENT_TAG, EV_COMPACT_HASH), in every bank this code can hash. A replay that matches the TPM proves
/// the digests; this proves that the data shown beside them is what was measured. Records for a PCR index outside 0–23
/// are left out, as the replay leaves them out, and so are the two EV_EVENT_TAG records of the Linux EFI stub (tagged
/// event ids 0x8F3B22EC "Linux initrd" and 0x8F3B22ED "LOADED_IMAGE::LoadOptions", PCR 9): their digest is the hash of
/// the initrd or the command line they name, which the log does not hold.
/// </summary>
public static class EventDigestCheck
{
    /// <summary>The tagged event id the Linux EFI stub gives its measurement of the initrd.</summary>
    public const uint LinuxInitrdTag = 0x8F3B22EC;

    /// <summary>The tagged event id the Linux EFI stub gives its measurement of its load options (the command line).</summary>
    public const uint LinuxLoadOptionsTag = 0x8F3B22ED;

    /// <summary>The mismatches, in log order; empty when every checked digest is the hash of its data.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public static IReadOnlyList<EventDigestMismatch> Check(TcgEventLog log)
    {
        if (log is null)
        {
            throw new ArgumentNullException(nameof(log));
        }

        var mismatches = new List<EventDigestMismatch>();
        var hashers = new Dictionary<ushort, PcrHasher?>();
        try
        {
            foreach (var record in log.Events)
            {
                if (!TcgEventTypes.DigestIsOfEventData(record.EventType) || record.PcrIndex >= PcrReplay.PcrCount || MeasuresPayload(record))
                {
                    continue;
                }

                foreach (var digest in record.Digests)
                {
                    if (!hashers.TryGetValue(digest.Algorithm, out var hasher))
                    {
                        hasher = PcrHasher.Create(digest.Algorithm);
                        hashers.Add(digest.Algorithm, hasher);
                    }

                    if (hasher is null || hasher.Size != digest.Size)
                    {
                        continue;
                    }

                    var expected = hasher.Hash(record.Log, record.DataOffset, record.DataSize);
                    if (!digest.Equals(expected, 0))
                    {
                        mismatches.Add(new EventDigestMismatch(record.Index, record.Offset, record.PcrIndex, record.EventType, digest.Algorithm, SecureBootBytes.Hex(expected), digest.Hex));
                    }
                }
            }
        }
        finally
        {
            foreach (var hasher in hashers.Values)
            {
                hasher?.Dispose();
            }
        }

        return mismatches;
    }

    /// <summary>A Linux EFI stub tag: its digest is of the payload it names, not of the tag (read from the raw data, so it does not depend on decoding).</summary>
    private static bool MeasuresPayload(TcgEvent record)
    {
        if (record.EventType != TcgEventType.EventTag || record.DataSize < 4)
        {
            return false;
        }

        var data = record.Log;
        var o = record.DataOffset;
        var id = (uint)(data[o] | data[o + 1] << 8 | data[o + 2] << 16 | data[o + 3] << 24);
        return id is LinuxInitrdTag or LinuxLoadOptionsTag;
    }
}
