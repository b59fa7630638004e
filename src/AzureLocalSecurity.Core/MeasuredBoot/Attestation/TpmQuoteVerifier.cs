using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot.Attestation;

/// <summary>
/// Verifies a quote the way a remote verifier must (TPM 2.0 Part 1 §18, Part 3 §18.4): decodes the TPM's response and the
/// attestation key itself; checks the key is a restricted, fixedTPM signing key and the quote's qualifiedSigner is that
/// key's qualified name under the stated hierarchy; the signature over TPMS_ATTEST; the nonce; that the quoted selection is
/// the one claimed; that the PCR values hash to the quote's digest; with a log, that the log replays to every quoted PCR
/// it extended (naming each PCR that does not); and the clock (safe flag, and against an earlier quote of the same TPM:
/// same boot or a later one, never a clock running backwards).
/// </summary>
public static class TpmQuoteVerifier
{
    private const uint FixedTpm = 0x00000002;
    private const uint Restricted = 0x00010000;
    private const uint Sign = 0x00040000;

    /// <summary>Verifies <paramref name="report"/> against the verifier's <paramref name="nonce"/>, optionally a log and an earlier quote.</summary>
    public static TpmQuoteVerification Verify(TpmQuoteReport report, byte[] nonce, TcgEventLog? log = null, TpmQuoteReport? previous = null)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        if (nonce is null)
        {
            throw new ArgumentNullException(nameof(nonce));
        }

        var checks = new List<QuoteCheck>();
        var pcrs = new List<PcrIntegrityResult>();
        TpmQuote quote;
        TpmPublicArea key;
        try
        {
            quote = report.DecodeQuote();
            key = report.DecodeAttestationKey();
            checks.Add(new QuoteCheck("Decode", true, "the TPM2_Quote response and the key's TPMT_PUBLIC decode"));
        }
        catch (Exception ex) when (ex is TpmResponseFormatException or TpmCommandException or FormatException)
        {
            checks.Add(new QuoteCheck("Decode", false, ex.Message));
            return new TpmQuoteVerification(report.ComputerName, checks, pcrs);
        }

        var attributes = key.ObjectAttributes;
        var isAk = (attributes & (FixedTpm | Restricted | Sign)) == (FixedTpm | Restricted | Sign);
        checks.Add(new QuoteCheck("AttestationKey", isAk, string.Format(CultureInfo.InvariantCulture,
            "objectAttributes 0x{0:X8}: {1}", attributes, isAk ? "a restricted, fixedTPM signing key" : "not a restricted fixedTPM signing key, so the TPM did not have to vouch for what it signed")));
        checks.Add(QualifiedSigner(report, quote, key));
        checks.Add(Signature(quote, key));

        var nonceMatches = quote.ExtraData.SequenceEqual(nonce);
        checks.Add(new QuoteCheck("Nonce", nonceMatches, nonceMatches ? "extraData equals the nonce" : "extraData " + TpmQuoteReport.Hex(quote.ExtraData) + " is not the nonce " + TpmQuoteReport.Hex(nonce) + ": a replayed or foreign quote"));

        var bankOk = TpmNames.TryParseAlgorithm(report.Bank, out var bank);
        var selection = quote.PcrSelections.SingleOrDefault(s => s.HashAlgorithm == bank);
        var selectionOk = bankOk && quote.PcrSelections.Count == 1 && selection is not null && selection.Indexes.SequenceEqual(report.Pcrs) && report.PcrValues.Count == report.Pcrs.Count;
        checks.Add(new QuoteCheck("PcrSelection", selectionOk, selectionOk
            ? $"{report.Bank} PCRs {string.Join(",", report.Pcrs)}"
            : "the quote selects " + string.Join("; ", quote.PcrSelections.Select(s => TpmNames.Algorithm(s.HashAlgorithm) + ":" + string.Join(",", s.Indexes))) + $", the report claims {report.Bank}:{string.Join(",", report.Pcrs)} with {report.PcrValues.Count} values"));

        var values = report.PcrValues.Select(v => TpmQuoteReport.Bytes(v, "a PCR value")).ToList();
        var digest = bankOk ? TpmQuote.ComputePcrDigest(bank, values) : null;
        checks.Add(digest is null
            ? new QuoteCheck("PcrDigest", null, $"the {report.Bank} bank's digest cannot be computed here")
            : new QuoteCheck("PcrDigest", digest.SequenceEqual(quote.PcrDigest), digest.SequenceEqual(quote.PcrDigest)
                ? "the PCR values hash to the quote's pcrDigest"
                : "the PCR values hash to " + TpmQuoteReport.Hex(digest) + ", the quote signed " + TpmQuoteReport.Hex(quote.PcrDigest) + ": the values were changed, or moved between quote and read"));

        if (log is not null && bankOk && selectionOk)
        {
            var tpmValues = report.Pcrs.Select((p, i) => new TpmPcrValue(bank, p, values[i], 0)).ToList();
            pcrs.AddRange(BootIntegrityAnalyzer.Compare(log, tpmValues, report.Pcrs).Where(r => r.Algorithm == bank));
            var mismatched = pcrs.Where(p => p.Status == PcrIntegrityStatus.Mismatch).Select(p => p.Pcr).ToList();
            checks.Add(pcrs.Count == 0
                ? new QuoteCheck("Log", null, $"the log extends none of the quoted {report.Bank} PCRs")
                : new QuoteCheck("Log", mismatched.Count == 0, mismatched.Count == 0
                    ? $"the log replays to every quoted PCR it extends ({string.Join(",", pcrs.Select(p => p.Pcr))})"
                    : "the log does not replay to the quoted value of PCR " + string.Join(", ", mismatched)));
        }
        else if (log is not null)
        {
            checks.Add(new QuoteCheck("Log", null, "the quote's selection is not usable, so the log was not compared"));
        }

        checks.Add(Clock(quote, previous));
        return new TpmQuoteVerification(report.ComputerName, checks, pcrs);
    }

    /// <summary>
    /// Part 1 §16: a primary object's qualified name is nameAlg ‖ H(parent's qualified name ‖ name), and a hierarchy's
    /// qualified name is its handle (4 bytes, big-endian).
    /// </summary>
    private static QuoteCheck QualifiedSigner(TpmQuoteReport report, TpmQuote quote, TpmPublicArea key)
    {
        uint hierarchy;
        try
        {
            hierarchy = TpmAttestation.HierarchyHandle(report.Hierarchy);
        }
        catch (ArgumentException ex)
        {
            return new QuoteCheck("QualifiedSigner", false, ex.Message);
        }

        var name = key.ComputeName();
        using var hash = TpmHash.Create(key.NameAlgorithm);
        if (name is null || hash is null)
        {
            return new QuoteCheck("QualifiedSigner", null, "the key's name algorithm is not one computed here");
        }

        var parent = new[] { (byte)(hierarchy >> 24), (byte)(hierarchy >> 16), (byte)(hierarchy >> 8), (byte)hierarchy };
        var digest = hash.ComputeHash(parent.Concat(name).ToArray());
        var expected = new[] { (byte)(key.NameAlgorithm >> 8), (byte)key.NameAlgorithm }.Concat(digest).ToArray();
        var ok = expected.SequenceEqual(quote.QualifiedSigner);
        return new QuoteCheck("QualifiedSigner", ok, ok
            ? $"the quote was signed by this key as a primary object of the {report.Hierarchy} hierarchy"
            : $"the quote's qualifiedSigner is not this key under the {report.Hierarchy} hierarchy");
    }

    private static QuoteCheck Signature(TpmQuote quote, TpmPublicArea key)
    {
        try
        {
            var ok = quote.VerifySignature(key);
            return new QuoteCheck("Signature", ok, ok ? "the signature over TPMS_ATTEST verifies with the key" : "the signature does not verify: the quote was altered or signed by another key");
        }
        catch (Exception ex) when (ex is NotSupportedException or CryptographicException)
        {
            return new QuoteCheck("Signature", null, ex.Message);
        }
    }

    private static QuoteCheck Clock(TpmQuote quote, TpmQuoteReport? previous)
    {
        if (!quote.Safe)
        {
            return new QuoteCheck("Clock", false, "the quote's safe flag is clear: the TPM's clock may have been rolled back since it was last saved");
        }

        if (previous?.Clock is null || previous.ResetCount is null || previous.RestartCount is null)
        {
            return new QuoteCheck("Clock", true, string.Format(CultureInfo.InvariantCulture, "safe; clock {0} ms, reset count {1}, restart count {2}", quote.Clock, quote.ResetCount, quote.RestartCount));
        }

        if (quote.ResetCount < previous.ResetCount || (quote.ResetCount == previous.ResetCount && quote.RestartCount < previous.RestartCount))
        {
            return new QuoteCheck("Clock", false, $"the reset/restart counts ({quote.ResetCount}/{quote.RestartCount}) are lower than the earlier quote's ({previous.ResetCount}/{previous.RestartCount}): not the same TPM, or its state was reset");
        }

        if (quote.ResetCount == previous.ResetCount && quote.RestartCount == previous.RestartCount)
        {
            return quote.Clock >= previous.Clock
                ? new QuoteCheck("Clock", true, $"the same boot as the earlier quote, {quote.Clock - previous.Clock.Value} ms later")
                : new QuoteCheck("Clock", false, $"the same boot as the earlier quote but its clock ({quote.Clock}) is earlier than {previous.Clock}");
        }

        return new QuoteCheck("Clock", true, $"the TPM was reset or restarted since the earlier quote (reset count {previous.ResetCount} → {quote.ResetCount}, restart count {previous.RestartCount} → {quote.RestartCount})");
    }
}
