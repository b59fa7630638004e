using System;
using System.Management.Automation;
using AzureLocalSecurity.MeasuredBoot.Attestation;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Transports;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Has the TPM sign its PCR values with the verifier's nonce (TPM2_Quote by an attestation key created under the endorsement or owner hierarchy), for Test-ALTpmQuote to verify here or on another machine.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALTpmQuote")]
[OutputType(typeof(TpmQuoteReport))]
public sealed class GetALTpmQuoteCommand : PSCmdlet
{
    /// <summary>The verifier's nonce: hexadecimal text or bytes, 1 to 32 bytes. A fresh random nonce per quote is what makes a quote current.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public object Nonce { get; set; } = string.Empty;

    /// <summary>The PCRs to quote (0–7 and 11–14 by default).</summary>
    [Parameter]
    [ValidateRange(0, 23)]
    public int[]? Pcr { get; set; }

    /// <summary>The bank to quote (sha256 by default).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(TpmBankCompleter))]
    [ValidateNotNullOrEmpty]
    public string Bank { get; set; } = "sha256";

    /// <summary>The hierarchy the attestation key is created under: Endorsement (default) or Owner.</summary>
    [Parameter]
    [ValidateSet("Endorsement", "Owner")]
    public string Hierarchy { get; set; } = "Endorsement";

    /// <summary>Quotes the TPM at this TCP endpoint (host:port, a software TPM such as swtpm) instead of the platform TPM.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TpmEndpoint { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        AzureLocalSecurity.TpmEndpoint.Validate(this, TpmEndpoint);
        var nonce = NonceBytes.Parse(this, Nonce);
        if (!TpmNames.TryParseAlgorithm(Bank, out var bank))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{Bank}' is not a hash algorithm; use sha1, sha256, sha384 or sha512.", nameof(Bank)), ErrorIds.TpmBankUnknown, ErrorCategory.InvalidArgument, Bank));
        }

        try
        {
            using var client = AzureLocalSecurity.TpmEndpoint.OpenClient(TpmEndpoint);
            WriteVerbose($"Quoting {Bank} PCRs {string.Join(",", Pcr ?? [.. TpmAttestation.DefaultPcrs])} with an attestation key under the {Hierarchy} hierarchy via {client.TransportDescription}.");
            WriteObject(TpmAttestation.Quote(client, Hierarchy, nonce, bank, Pcr ?? [.. TpmAttestation.DefaultPcrs], Environment.MachineName));
        }
        catch (Exception ex) when (ex is TpmTransportException or TpmCommandException or TpmResponseFormatException or InvalidOperationException)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.TpmQuoteFailed, ex is TpmTransportException ? ErrorCategory.ConnectionError : ErrorCategory.InvalidResult, TpmEndpoint ?? "TPM"));
        }
    }
}
