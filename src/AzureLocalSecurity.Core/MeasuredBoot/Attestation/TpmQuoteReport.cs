using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot.Attestation;

/// <summary>
/// A TPM quote as <c>Get-ALTpmQuote</c> takes it, in a form that travels (Export-Clixml, ConvertTo-Json) to the machine
/// that verifies it: every field is a string, a number or a list of them. The TPM's own answer is kept whole
/// (<see cref="Response"/>) with the attestation key's public area, so a verifier re-decodes everything it checks and
/// trusts nothing this object says about them.
/// </summary>
public sealed class TpmQuoteReport
{
    /// <summary>Creates a report from its travelling fields (as a deserialized object holds them).</summary>
    public TpmQuoteReport(string computerName, string hierarchy, string nonce, string bank, IEnumerable<int> pcrs, IEnumerable<string> pcrValues, string attestationKeyPublic, string response)
    {
        ComputerName = computerName ?? string.Empty;
        Hierarchy = hierarchy ?? throw new ArgumentNullException(nameof(hierarchy));
        Nonce = nonce ?? throw new ArgumentNullException(nameof(nonce));
        Bank = bank ?? throw new ArgumentNullException(nameof(bank));
        Pcrs = (pcrs ?? throw new ArgumentNullException(nameof(pcrs))).ToArray();
        PcrValues = (pcrValues ?? throw new ArgumentNullException(nameof(pcrValues))).ToArray();
        AttestationKeyPublic = attestationKeyPublic ?? throw new ArgumentNullException(nameof(attestationKeyPublic));
        Response = response ?? throw new ArgumentNullException(nameof(response));
        try
        {
            var quote = DecodeQuote();
            Clock = quote.Clock;
            ResetCount = quote.ResetCount;
            RestartCount = quote.RestartCount;
            Safe = quote.Safe;
        }
        catch (Exception ex) when (ex is TpmResponseFormatException or TpmCommandException or FormatException)
        {
            DecodeProblem = ex.Message;
        }
    }

    /// <summary>The computer the TPM belongs to, as the quoting machine named itself.</summary>
    public string ComputerName { get; }

    /// <summary>The hierarchy the attestation key was created under: Endorsement or Owner.</summary>
    public string Hierarchy { get; }

    /// <summary>The verifier's nonce (qualifying data), upper-case hex.</summary>
    public string Nonce { get; }

    /// <summary>The PCR bank quoted (sha256, sha1, ...).</summary>
    public string Bank { get; }

    /// <summary>The PCRs quoted, in selection order (ascending).</summary>
    public IReadOnlyList<int> Pcrs { get; }

    /// <summary>The PCR values read with the quote, upper-case hex, in the order of <see cref="Pcrs"/>; the quote's digest binds them.</summary>
    public IReadOnlyList<string> PcrValues { get; }

    /// <summary>The attestation key's TPMT_PUBLIC, upper-case hex.</summary>
    public string AttestationKeyPublic { get; }

    /// <summary>The TPM's TPM2_Quote response, upper-case hex (TPMS_ATTEST and the signature).</summary>
    public string Response { get; }

    /// <summary>The TPM's clock (ms) at the quote, as the quote says; null when it does not decode.</summary>
    public ulong? Clock { get; }

    /// <summary>The TPM's reset count (boots) at the quote.</summary>
    public uint? ResetCount { get; }

    /// <summary>The TPM's restart count (resumes from hibernation) at the quote.</summary>
    public uint? RestartCount { get; }

    /// <summary>Whether the TPM's clock was not rolled back (the quote's safe flag).</summary>
    public bool? Safe { get; }

    /// <summary>Why the response does not decode, or null.</summary>
    public string? DecodeProblem { get; }

    /// <summary>The quote, decoded from <see cref="Response"/>.</summary>
    public TpmQuote DecodeQuote() => TpmResponseDecoder.Quote(new ArraySegment<byte>(Bytes(Response, nameof(Response))));

    /// <summary>The attestation key, decoded from <see cref="AttestationKeyPublic"/>.</summary>
    public TpmPublicArea DecodeAttestationKey() => TpmPublicArea.Parse(Bytes(AttestationKeyPublic, nameof(AttestationKeyPublic)));

    /// <inheritdoc />
    public override string ToString() => $"{ComputerName} {Bank}:{string.Join(",", Pcrs)} nonce {Nonce}";

    internal static byte[] Bytes(string hex, string what) =>
        SecureBootBytes.ParseHex(hex) ?? throw new FormatException($"{what} is not hexadecimal.");

    internal static string Hex(byte[] bytes) => SecureBootBytes.Hex(bytes);
}
