using System;
using System.Linq;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.MeasuredBoot.Attestation;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>
/// Attestation against a real TPM: swtpm holds the PCRs a real firmware log describes (<see cref="BootLogTpm"/>); the
/// module quotes it, and the quote is verified against that log, and against the log with one record changed.
/// </summary>
public sealed class AttestationSwtpmTests(BootLogTpm fixture) : IClassFixture<BootLogTpm>
{
    private const ushort Sha256 = 0x000B;
    private static readonly int[] LogPcrs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14];
    private static readonly byte[] Nonce = [0x5A, 0x17, 0x33, 0x01, 0xC4, 0x9E, 0x00, 0x7F];

    [Fact]
    public void Swtpm_pcrs_equal_the_published_values_of_the_log_extended_into_it()
    {
        using var client = fixture.Connect();
        var live = client.ReadPcrs([new AzureLocalSecurity.Tpm.TpmPcrSelection(Sha256, LogPcrs)]);
        var published = EventLogVectors.PublishedPcrs(EventLogVectors.GceUbuntu)["sha256"];
        Assert.All(live, v => Assert.Equal(published[v.Index], v.Value, ignoreCase: true));
    }

    [Fact]
    public void The_log_replays_to_every_live_pcr_of_every_bank()
    {
        using var client = fixture.Connect();
        var selections = new[] { (ushort)0x0004, Sha256, (ushort)0x000C }.Select(b => new AzureLocalSecurity.Tpm.TpmPcrSelection(b, LogPcrs)).ToList();
        var results = BootIntegrityAnalyzer.Compare(fixture.Log, client.ReadPcrs(selections));
        Assert.Equal(3 * LogPcrs.Length, results.Count);
        Assert.All(results, r => Assert.Equal(PcrIntegrityStatus.Match, r.Status));
    }

    [Fact]
    public void A_quote_of_the_pcrs_verifies_against_the_log()
    {
        var verification = TpmQuoteVerifier.Verify(Quote(), Nonce, fixture.Log);

        Assert.True(verification.Verified, string.Join("; ", verification.Failures));
        Assert.All(verification.Checks, c => Assert.True(c.Passed, c.ToString()));
        Assert.Equal(LogPcrs, verification.Pcrs.Select(p => p.Pcr));
        Assert.Empty(verification.MismatchedPcrs);
    }

    [Fact]
    public void A_log_with_one_record_changed_fails_verification_naming_its_pcr()
    {
        var bytes = fixture.LogBytes.ToArray();
        var record = fixture.Log.Events.First(e => e.PcrIndex == 4 && e.EventType != TcgEventType.NoAction);
        var digest = record.Digests.Single(d => d.Algorithm == Sha256);
        bytes[digest.Offset] ^= 0x01;
        var tampered = TcgEventLog.Parse(bytes);

        var verification = TpmQuoteVerifier.Verify(Quote(), Nonce, tampered);

        Assert.False(verification.Verified);
        Assert.Equal(["sha256:4"], verification.MismatchedPcrs);
        var log = Assert.Single(verification.Failures);
        Assert.Equal("Log", log.Name);
        Assert.Contains("PCR 4", log.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_checked_with_another_nonce_fails_the_nonce_check_only()
    {
        var verification = TpmQuoteVerifier.Verify(Quote(), [1, 2, 3, 4], fixture.Log);
        Assert.False(verification.Verified);
        Assert.Equal(["Nonce"], verification.Failures.Select(f => f.Name));
    }

    [Fact]
    public void A_changed_pcr_value_no_longer_hashes_to_the_signed_digest()
    {
        var quote = Quote();
        var values = quote.PcrValues.ToArray();
        values[7] = new string('0', 64);
        var forged = new TpmQuoteReport(quote.ComputerName, quote.Hierarchy, quote.Nonce, quote.Bank, quote.Pcrs, values, quote.AttestationKeyPublic, quote.Response);

        var verification = TpmQuoteVerifier.Verify(forged, Nonce, fixture.Log);

        Assert.Contains("PcrDigest", verification.Failures.Select(f => f.Name));
        Assert.Contains("sha256:7", verification.MismatchedPcrs);
    }

    [Fact]
    public void A_changed_byte_of_the_signed_attestation_fails_the_signature()
    {
        var quote = Quote();
        var response = TpmQuoteReport.Bytes(quote.Response, "response");
        // Response header (10), parameterSize (4), TPM2B_ATTEST size (2), magic (4), type (2), name size (2): a byte inside qualifiedSigner.
        response[10 + 4 + 2 + 4 + 2 + 2 + 5] ^= 0x01;
        var forged = new TpmQuoteReport(quote.ComputerName, quote.Hierarchy, quote.Nonce, quote.Bank, quote.Pcrs, quote.PcrValues, quote.AttestationKeyPublic, TpmQuoteReport.Hex(response));

        var verification = TpmQuoteVerifier.Verify(forged, Nonce, fixture.Log);

        Assert.False(verification.Verified);
        Assert.Contains("Signature", verification.Failures.Select(f => f.Name));
    }

    [Fact]
    public void A_quote_under_the_owner_hierarchy_names_its_own_qualified_signer()
    {
        var quote = Quote("Owner");
        Assert.True(TpmQuoteVerifier.Verify(quote, Nonce).Verified);

        var claimed = new TpmQuoteReport(quote.ComputerName, "Endorsement", quote.Nonce, quote.Bank, quote.Pcrs, quote.PcrValues, quote.AttestationKeyPublic, quote.Response);
        Assert.Equal(["QualifiedSigner"], TpmQuoteVerifier.Verify(claimed, Nonce).Failures.Select(f => f.Name));
    }

    [Fact]
    public void A_later_quote_of_the_same_boot_passes_the_clock_check_and_an_earlier_one_does_not()
    {
        var first = Quote();
        System.Threading.Thread.Sleep(20);
        var second = Quote();

        Assert.True(TpmQuoteVerifier.Verify(second, Nonce, previous: first).Checks.Single(c => c.Name == "Clock").Passed);
        Assert.False(TpmQuoteVerifier.Verify(first, Nonce, previous: second).Checks.Single(c => c.Name == "Clock").Passed);
    }

    private TpmQuoteReport Quote(string hierarchy = "Endorsement")
    {
        using var client = fixture.Connect();
        return TpmAttestation.Quote(client, hierarchy, Nonce, Sha256, LogPcrs, "swtpm");
    }
}
