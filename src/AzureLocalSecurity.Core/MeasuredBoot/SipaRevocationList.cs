using System;
using System.Globalization;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>SIPAEVENT_REVOCATION_LIST_PAYLOAD (wbcl.h): a boot or OS revocation list Windows measured: when it was made and its digest.</summary>
public sealed class SipaRevocationList
{
    internal SipaRevocationList(long creationTime, ushort hashAlgorithm, string digest)
    {
        CreationTimeRaw = creationTime;
        HashAlgorithm = hashAlgorithm;
        Digest = digest;
    }

    /// <summary>CreationTime as the payload holds it (a FILETIME: 100 ns intervals since 1601-01-01 UTC).</summary>
    public long CreationTimeRaw { get; }

    /// <summary>CreationTime in UTC, or null when the value is not a FILETIME .NET can represent.</summary>
    public DateTime? CreationTime => CreationTimeRaw >= 0 && CreationTimeRaw <= DateTime.MaxValue.ToFileTimeUtc() ? DateTime.FromFileTimeUtc(CreationTimeRaw) : null;

    /// <summary>HashAlgID, a TPM_ALG_ID.</summary>
    public ushort HashAlgorithm { get; }

    /// <summary>The hash algorithm's name as tpm2-tools gives it.</summary>
    public string HashAlgorithmName => TpmNames.Algorithm(HashAlgorithm);

    /// <summary>The list's digest as upper-case hex.</summary>
    public string Digest { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} {1}:{2}",
        CreationTime is { } time ? time.ToString("u", CultureInfo.InvariantCulture) : "0x" + CreationTimeRaw.ToString("X16", CultureInfo.InvariantCulture),
        HashAlgorithmName,
        Digest);
}
