using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot.Attestation;

/// <summary>
/// Takes a quote: an attestation key created as a primary object under the endorsement or owner hierarchy (the
/// restricted ECDSA P-256 template of <see cref="TpmTemplates.AttestationKeyEccP256"/>; the same template under the same
/// hierarchy gives the same key until the hierarchy's seed changes), TPM2_Quote of the selected PCRs with the verifier's
/// nonce, and TPM2_PCR_Read of the same PCRs. A PCR that changes between the quote and the read is caught by the digest
/// check, and the quote is taken again (up to three times). The key is flushed in every case.
/// </summary>
public static class TpmAttestation
{
    /// <summary>The PCRs quoted unless asked otherwise: the firmware's 0–7 and Windows' 11–14 (BitLocker, boot applications, ELAM, and the loader).</summary>
    public static readonly IReadOnlyList<int> DefaultPcrs = [0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14];

    /// <summary>The longest nonce: TPM2B_DATA holds at most the size of the largest digest the TPM supports; 32 bytes fits every TPM with SHA-256.</summary>
    public const int MaxNonceBytes = 32;

    private const int MaxTries = 3;

    /// <summary>The hierarchy's handle for a name: Endorsement (TPM_RH_ENDORSEMENT) or Owner (TPM_RH_OWNER).</summary>
    public static uint HierarchyHandle(string hierarchy) => hierarchy switch
    {
        _ when string.Equals(hierarchy, "Endorsement", StringComparison.OrdinalIgnoreCase) => TpmConstants.RhEndorsement,
        _ when string.Equals(hierarchy, "Owner", StringComparison.OrdinalIgnoreCase) => TpmConstants.RhOwner,
        _ => throw new ArgumentException($"'{hierarchy}' is not a hierarchy an attestation key is created under; use Endorsement or Owner.", nameof(hierarchy)),
    };

    /// <summary>Quotes <paramref name="pcrs"/> of <paramref name="bank"/> with <paramref name="nonce"/>.</summary>
    public static TpmQuoteReport Quote(TpmClient client, string hierarchy, byte[] nonce, ushort bank, IEnumerable<int> pcrs, string computerName)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (nonce is null || nonce.Length == 0 || nonce.Length > MaxNonceBytes)
        {
            throw new ArgumentException($"The nonce must be 1 to {MaxNonceBytes} bytes.", nameof(nonce));
        }

        var handle = HierarchyHandle(hierarchy);
        var selection = new TpmPcrSelection(bank, (pcrs ?? throw new ArgumentNullException(nameof(pcrs))).Distinct().OrderBy(p => p));
        var ak = client.CreatePrimary(handle, TpmTemplates.AttestationKeyEccP256());
        try
        {
            TpmQuoteReport? report = null;
            for (var attempt = 0; attempt < MaxTries; attempt++)
            {
                var response = client.Execute(TpmCommands.Quote(ak.Handle, nonce, [selection]));
                var quote = TpmResponseDecoder.Quote(new ArraySegment<byte>(response));
                var values = client.ReadPcrs([selection]);
                var ordered = selection.Indexes.Select(i => values.FirstOrDefault(v => v.Index == i)).ToList();
                if (ordered.Any(v => v is null))
                {
                    var missing = selection.Indexes.Where(i => values.All(v => v.Index != i));
                    throw new InvalidOperationException($"The TPM did not return {TpmNames.Algorithm(bank)} PCRs {string.Join(", ", missing)}.");
                }

                report = new TpmQuoteReport(computerName, HierarchyName(handle), TpmQuoteReport.Hex(nonce), TpmNames.Algorithm(bank), selection.Indexes,
                    ordered.Select(v => v!.Value), TpmQuoteReport.Hex(ak.PublicArea.GetBytes()), TpmQuoteReport.Hex(response));
                var digest = TpmQuote.ComputePcrDigest(bank, ordered.Select(v => v!.GetDigest()));
                if (digest is not null && digest.SequenceEqual(quote.PcrDigest))
                {
                    return report;
                }
            }

            // The PCRs kept changing between quote and read: the report is returned, and its verification will say so.
            return report!;
        }
        finally
        {
            client.FlushContext(ak.Handle);
        }
    }

    internal static string HierarchyName(uint handle) => handle == TpmConstants.RhEndorsement ? "Endorsement" : "Owner";
}
