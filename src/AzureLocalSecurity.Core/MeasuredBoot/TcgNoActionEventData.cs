using System;
using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// EV_NO_ACTION data (never extended): a 16-byte signature and what follows it. "Spec ID Event03"/"Spec ID Event02" (the
/// log's <see cref="TcgSpecId"/>), "StartupLocality" (the locality TPM2_Startup came from, which sets PCR 0's initial
/// value), "SP800-155 Event"/"Event2"/"Event3" (the platform's reference manifest), or another signature.
/// </summary>
public sealed class TcgNoActionEventData : TcgEventData
{
    internal TcgNoActionEventData(string signature, TcgSpecId? specId, byte? startupLocality, uint? vendorId, Guid? referenceManifestGuid)
    {
        Signature = signature;
        SpecId = specId;
        StartupLocality = startupLocality;
        VendorId = vendorId;
        ReferenceManifestGuid = referenceManifestGuid;
    }

    /// <summary>The signature, without its terminating zero.</summary>
    public string Signature { get; }

    /// <summary>The Spec ID event, when this is the log's first record and carries one.</summary>
    public TcgSpecId? SpecId { get; }

    /// <summary>The StartupLocality event's locality (0 or 3).</summary>
    public byte? StartupLocality { get; }

    /// <summary>An SP800-155 event's VendorId (an IANA enterprise number).</summary>
    public uint? VendorId { get; }

    /// <summary>An SP800-155 event's ReferenceManifestGuid.</summary>
    public Guid? ReferenceManifestGuid { get; }

    /// <inheritdoc />
    public override string Summary
    {
        get
        {
            if (SpecId is not null)
            {
                return SpecId.ToString();
            }

            if (StartupLocality is { } locality)
            {
                return string.Format(CultureInfo.InvariantCulture, "{0}: locality {1}", Signature, locality);
            }

            if (VendorId is { } vendor)
            {
                return string.Format(CultureInfo.InvariantCulture, "{0}: vendor {1}, reference manifest {2}", Signature, vendor, ReferenceManifestGuid is { } g ? TcgBytes.Guid(g) : "?");
            }

            return Signature.Length == 0 ? "(no signature)" : TcgBytes.OneLine(Signature);
        }
    }
}
