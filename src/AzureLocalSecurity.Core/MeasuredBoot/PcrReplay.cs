using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// Recomputes the PCRs a log describes, per bank, as the TPM computed them (TCG PC Client PFP; FORMATS.md §2): PCRs 0–16
/// and 23 start at zero and 17–22 at all ones (their reset value before a dynamic launch); a StartupLocality EV_NO_ACTION
/// record puts the locality TPM2_Startup came from in the last byte of PCR 0's start value; every other record is
/// extended as PCR = H(PCR || digest), except EV_NO_ACTION records (never extended) and records for a PCR index outside
/// 0–23 (Windows writes 0xFFFFFFFF for records that extend nothing), which are left out and the replay goes on.
/// </summary>
public static class PcrReplay
{
    /// <summary>The PCRs of a PC Client TPM.</summary>
    public const int PcrCount = 24;

    /// <summary>Replays every bank of the log.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public static PcrReplayResult Replay(TcgEventLog log)
    {
        if (log is null)
        {
            throw new ArgumentNullException(nameof(log));
        }

        var algorithms = log.Algorithms;
        var banks = new BankState[algorithms.Count];
        for (var b = 0; b < banks.Length; b++)
        {
            banks[b] = new BankState(algorithms[b]);
        }

        var notes = new List<string>();
        var extends = new int[PcrCount];
        try
        {
            foreach (var record in log.Events)
            {
                if (record.EventType == TcgEventType.NoAction)
                {
                    ApplyLocality(record, banks, extends, notes);
                    continue;
                }

                if (record.PcrIndex >= PcrCount)
                {
                    notes.Add(string.Format(CultureInfo.InvariantCulture, "record {0} ({1}) is for PCR index 0x{2:X8}, outside 0–23: not extended", record.Index, record.EventTypeName, record.PcrIndex));
                    continue;
                }

                var pcr = (int)record.PcrIndex;
                extends[pcr]++;
                foreach (var bank in banks)
                {
                    bank.Extend(record, pcr);
                }
            }

            var result = new PcrBankReplay[banks.Length];
            for (var b = 0; b < banks.Length; b++)
            {
                result[b] = banks[b].ToReplay(extends);
            }

            return new PcrReplayResult(result, notes);
        }
        finally
        {
            foreach (var bank in banks)
            {
                bank.Dispose();
            }
        }
    }

    /// <summary>A StartupLocality record (PFP §10.4.5.3) sets the last byte of PCR 0's start value, if PCR 0 was not extended yet.</summary>
    private static void ApplyLocality(TcgEvent record, BankState[] banks, int[] extends, List<string> notes)
    {
        if (record.PcrIndex != 0 || record.Decoded is not TcgNoActionEventData { StartupLocality: { } locality })
        {
            return;
        }

        if (extends[0] > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "record {0}: StartupLocality {1} after PCR 0 was extended: not applied", record.Index, locality));
            return;
        }

        foreach (var bank in banks)
        {
            bank.SetLocality(locality);
        }

        notes.Add(string.Format(CultureInfo.InvariantCulture, "record {0}: StartupLocality {1} sets PCR 0's start value", record.Index, locality));
    }

    /// <summary>The running PCR values of one bank.</summary>
    private sealed class BankState : IDisposable
    {
        private readonly TcgAlgorithm _algorithm;
        private readonly PcrHasher? _hasher;
        private readonly byte[][] _values;
        private readonly string?[] _unknown = new string?[PcrCount];

        internal BankState(TcgAlgorithm algorithm)
        {
            _algorithm = algorithm;
            _hasher = PcrHasher.Create(algorithm.Id);
            _values = new byte[PcrCount][];
            for (var i = 0; i < PcrCount; i++)
            {
                _values[i] = new byte[algorithm.DigestSize];
                if (i is >= 17 and <= 22)
                {
                    for (var j = 0; j < _values[i].Length; j++)
                    {
                        _values[i][j] = 0xFF;
                    }
                }
            }
        }

        internal void SetLocality(byte locality) => _values[0][_values[0].Length - 1] = locality;

        internal void Extend(TcgEvent record, int pcr)
        {
            if (_hasher is null || _unknown[pcr] is not null)
            {
                return;
            }

            var digest = record.FindDigest(_algorithm.Id);
            if (digest is null)
            {
                _unknown[pcr] = string.Format(CultureInfo.InvariantCulture, "record {0} has no {1} digest", record.Index, _algorithm.Name);
                return;
            }

            _hasher.Extend(_values[pcr], digest);
        }

        internal PcrBankReplay ToReplay(int[] extends)
        {
            var unsupported = _hasher is null ? string.Format(CultureInfo.InvariantCulture, "no {0} hash is available here", _algorithm.Name) : null;
            var pcrs = new ReplayedPcr[PcrCount];
            for (var i = 0; i < PcrCount; i++)
            {
                var unknown = unsupported ?? _unknown[i];
                pcrs[i] = new ReplayedPcr(_algorithm.Id, i, unknown is null ? _values[i] : null, extends[i], unknown);
            }

            return new PcrBankReplay(_algorithm.Id, _algorithm.DigestSize, unsupported, pcrs);
        }

        public void Dispose() => _hasher?.Dispose();
    }
}
