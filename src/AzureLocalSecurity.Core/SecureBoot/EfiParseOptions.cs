using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// Limits and choices for <see cref="EfiSignatureDatabase.Parse"/> and <see cref="EfiAuthenticatedVariable.Parse"/>.
/// The limits are far above anything real and exist so that input from anywhere (a bundle, a file) costs a bounded
/// amount of memory: past one of them the input is refused with an <see cref="EfiFormatException"/>. A parse given no
/// options uses a new instance: there is no shared default to change.
/// </summary>
public sealed class EfiParseOptions
{
    /// <summary>
    /// 4 MiB. A Secure Boot variable lives in the firmware's variable store, which is a few hundred KiB in all (OVMF's
    /// 4 MiB build: a 256 KiB store inside the 528 KiB OVMF_VARS_4M.fd); Microsoft's largest signed update, the full
    /// amd64 dbx, is 24,629 bytes. 4 MiB is over a hundred times that, and what a parse of it allocates (an object per
    /// entry) stays in the tens of MiB.
    /// </summary>
    public const int DefaultMaxInputLength = 4 * 1024 * 1024;

    /// <summary>
    /// 4,096 lists. Real databases hold one list per certificate plus one or two hash lists: a handful for db and KEK,
    /// a few dozen for an OEM dbx.
    /// </summary>
    public const int DefaultMaxLists = 4096;

    /// <summary>
    /// 65,536 signatures. Microsoft's dbx for every architecture together holds 673 hashes; 65,536 SHA-256 entries would
    /// already be 3 MiB, more than any variable store holds.
    /// </summary>
    public const int DefaultMaxEntries = 65536;

    private int _maxInputLength = DefaultMaxInputLength;
    private int _maxLists = DefaultMaxLists;
    private int _maxEntries = DefaultMaxEntries;

    /// <summary>The longest input accepted, in bytes (<see cref="DefaultMaxInputLength"/> unless set).</summary>
    public int MaxInputLength
    {
        get => _maxInputLength;
        set => _maxInputLength = Positive(value, nameof(MaxInputLength));
    }

    /// <summary>The most EFI_SIGNATURE_LISTs one database may hold (<see cref="DefaultMaxLists"/> unless set).</summary>
    public int MaxLists
    {
        get => _maxLists;
        set => _maxLists = Positive(value, nameof(MaxLists));
    }

    /// <summary>The most EFI_SIGNATURE_DATA entries all lists of one database may hold together (<see cref="DefaultMaxEntries"/> unless set).</summary>
    public int MaxEntries
    {
        get => _maxEntries;
        set => _maxEntries = Positive(value, nameof(MaxEntries));
    }

    /// <summary>
    /// Whether X.509 entries are decoded (subject, issuer, validity, thumbprint, known name); true unless set. When false
    /// they keep only their raw data, which is what a caller that only compares bytes needs.
    /// </summary>
    public bool DecodeCertificates { get; set; } = true;

    private static int Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Format(CultureInfo.InvariantCulture, "{0} must be positive.", name));
        }

        return value;
    }
}
