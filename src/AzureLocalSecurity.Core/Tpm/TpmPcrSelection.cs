using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Tpm;

/// <summary>One bank of a TPMS_PCR_SELECTION: a hash algorithm and the PCR indexes selected in it.</summary>
public sealed class TpmPcrSelection
{
    private readonly int[] _indexes;

    /// <summary>Creates a selection of the given PCRs (0–255) in the bank of <paramref name="hashAlgorithm"/>.</summary>
    public TpmPcrSelection(ushort hashAlgorithm, IEnumerable<int> indexes)
    {
        HashAlgorithm = hashAlgorithm;
        _indexes = (indexes ?? throw new ArgumentNullException(nameof(indexes))).Distinct().OrderBy(i => i).ToArray();
        if (_indexes.Any(i => i < 0 || i > 255))
        {
            throw new ArgumentOutOfRangeException(nameof(indexes), "PCR indexes run from 0 to 255.");
        }
    }

    private TpmPcrSelection(ushort hashAlgorithm, int[] indexes, int bitmapLength)
    {
        HashAlgorithm = hashAlgorithm;
        _indexes = indexes;
        BitmapLength = bitmapLength;
    }

    /// <summary>The bank's hash algorithm (TPM_ALG_ID).</summary>
    public ushort HashAlgorithm { get; }

    /// <summary>The PCRs selected, ascending.</summary>
    public IReadOnlyList<int> Indexes => _indexes;

    /// <summary>The sizeofSelect the TPM used for this bank (0 when built here, meaning "the smallest that fits, at least 3").</summary>
    public int BitmapLength { get; }

    /// <summary>The bitmap (bit i of byte i/8 selects PCR i), at least 3 bytes as PC Client TPMs expect.</summary>
    internal byte[] ToBitmap()
    {
        var length = Math.Max(Math.Max(3, BitmapLength), _indexes.Length == 0 ? 0 : (_indexes[_indexes.Length - 1] / 8) + 1);
        var bitmap = new byte[length];
        foreach (var i in _indexes)
        {
            bitmap[i / 8] |= (byte)(1 << (i % 8));
        }

        return bitmap;
    }

    internal static TpmPcrSelection FromBitmap(ushort hashAlgorithm, byte[] bitmap)
    {
        var indexes = new List<int>();
        for (var i = 0; i < bitmap.Length * 8; i++)
        {
            if ((bitmap[i / 8] & (1 << (i % 8))) != 0)
            {
                indexes.Add(i);
            }
        }

        return new TpmPcrSelection(hashAlgorithm, indexes.ToArray(), bitmap.Length);
    }
}
