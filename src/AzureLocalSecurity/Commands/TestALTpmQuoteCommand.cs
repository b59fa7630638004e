using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.MeasuredBoot.Attestation;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Verifies a TPM quote: the attestation key and its signature, the nonce, the PCR digest, optionally the measured-boot log against every quoted PCR (naming each PCR that does not match) and the clock against an earlier quote.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALTpmQuote")]
[OutputType(typeof(TpmQuoteVerification))]
public sealed class TestALTpmQuoteCommand : PSCmdlet
{
    /// <summary>The quote from Get-ALTpmQuote, or the same object after Export-Clixml/Import-Clixml or ConvertTo-Json/ConvertFrom-Json.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject Quote { get; set; } = new();

    /// <summary>The nonce the verifier gave Get-ALTpmQuote (bytes or hexadecimal text). Never taken from the quote itself.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNull]
    public object Nonce { get; set; } = string.Empty;

    /// <summary>A measured-boot log to compare with the quoted PCRs.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>An earlier quote of the same TPM: the clock and reset counts must not run backwards.</summary>
    [Parameter]
    public PSObject? Previous { get; set; }

    private TcgEventLog? _log;
    private byte[] _nonce = [];

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _nonce = NonceBytes.Parse(this, Nonce);
        if (Path is null)
        {
            return;
        }

        foreach (var resolved in EvidencePaths.Resolve(this, Path, literal: false).Take(1))
        {
            _log = BootLogFiles.Read(this, Path, resolved);
        }

        if (_log is null)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"The log '{Path}' could not be read; the quote is not verified against a log it was not compared with."), ErrorIds.BootMeasurementLogInvalid, ErrorCategory.InvalidData, Path));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var report = ToReport(Quote);
        if (report is null)
        {
            return;
        }

        var previous = Previous is null ? null : ToReport(Previous);
        var result = TpmQuoteVerifier.Verify(report, _nonce, _log, previous);
        foreach (var failure in result.Failures)
        {
            WriteVerbose($"{result.ComputerName}: {failure}");
        }

        WriteObject(result);
    }

    private TpmQuoteReport? ToReport(PSObject value)
    {
        if (value.BaseObject is TpmQuoteReport report)
        {
            return report;
        }

        try
        {
            return new TpmQuoteReport(
                Text(value, "ComputerName", required: false),
                Text(value, "Hierarchy"),
                Text(value, "Nonce"),
                Text(value, "Bank"),
                List(value, "Pcrs").Select(p => Convert.ToInt32(p, CultureInfo.InvariantCulture)),
                List(value, "PcrValues").Select(p => Convert.ToString(p, CultureInfo.InvariantCulture) ?? string.Empty),
                Text(value, "AttestationKeyPublic"),
                Text(value, "Response"));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            WriteError(new ErrorRecord(new ArgumentException("The object is not a quote from Get-ALTpmQuote: " + ex.Message, ex), ErrorIds.TpmQuoteInvalid, ErrorCategory.InvalidArgument, value));
            return null;
        }
    }

    private static string Text(PSObject value, string name, bool required = true)
    {
        var property = value.Properties[name]?.Value;
        var text = property is PSObject p ? p.BaseObject?.ToString() : property?.ToString();
        if (required && string.IsNullOrEmpty(text))
        {
            throw new ArgumentException($"it has no {name}.");
        }

        return text ?? string.Empty;
    }

    private static IEnumerable<object> List(PSObject value, string name)
    {
        var property = value.Properties[name]?.Value;
        var raw = property is PSObject p ? p.BaseObject : property;
        if (raw is not IEnumerable items || raw is string)
        {
            throw new ArgumentException($"it has no {name} list.");
        }

        return items.Cast<object>().Select(i => i is PSObject w ? w.BaseObject : i);
    }
}
