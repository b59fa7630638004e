using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The TCG_EfiSpecIDEventStruct of a log's first record (PFP §10.4.5.1): which specification the firmware follows, the
/// size of UINTN, and, for "Spec ID Event03", the hash algorithms every later record carries a digest for.
/// </summary>
public sealed class TcgSpecId
{
    private readonly byte[] _vendorInfo;

    internal TcgSpecId(string signature, uint platformClass, byte specVersionMinor, byte specVersionMajor, byte specErrata, byte uintnSize, IReadOnlyList<TcgAlgorithm> algorithms, byte[] vendorInfo)
    {
        Signature = signature;
        PlatformClass = platformClass;
        SpecVersionMinor = specVersionMinor;
        SpecVersionMajor = specVersionMajor;
        SpecErrata = specErrata;
        UintnSize = uintnSize;
        Algorithms = algorithms;
        _vendorInfo = vendorInfo;
    }

    /// <summary>The signature without its terminating zero: "Spec ID Event03" (crypto-agile) or "Spec ID Event02" (TPM 1.2).</summary>
    public string Signature { get; }

    /// <summary>The platform class of the TCG ACPI specification (0 client, 1 server).</summary>
    public uint PlatformClass { get; }

    /// <summary>specVersionMinor (0 for the TPM 2.0 profile).</summary>
    public byte SpecVersionMinor { get; }

    /// <summary>specVersionMajor (2 for the TPM 2.0 profile).</summary>
    public byte SpecVersionMajor { get; }

    /// <summary>specErrata (0, or 105/106 for PFP 1.05/1.06 firmware).</summary>
    public byte SpecErrata { get; }

    /// <summary>uintnSize: 1 when UINTN fields are UINT32, 2 when they are UINT64.</summary>
    public byte UintnSize { get; }

    /// <summary>The algorithms and digest sizes, in the order the event gives them (empty for Spec ID Event02).</summary>
    public IReadOnlyList<TcgAlgorithm> Algorithms { get; }

    /// <summary>The size of the vendor information.</summary>
    public int VendorInfoSize => _vendorInfo.Length;

    /// <summary>The vendor information (a copy).</summary>
    public byte[] GetVendorInfo() => (byte[])_vendorInfo.Clone();

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: spec {1}.{2} errata {3}, class {4}, uintn {5}, {6}",
        Signature,
        SpecVersionMajor,
        SpecVersionMinor,
        SpecErrata,
        PlatformClass,
        UintnSize == 2 ? "64-bit" : UintnSize == 1 ? "32-bit" : "size " + UintnSize.ToString(CultureInfo.InvariantCulture),
        string.Join(", ", Array.ConvertAll(ToArray(Algorithms), a => a.Name)));

    private static TcgAlgorithm[] ToArray(IReadOnlyList<TcgAlgorithm> list)
    {
        var result = new TcgAlgorithm[list.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = list[i];
        }

        return result;
    }
}
