using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using AzureLocalSecurity.Tests.Support;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Transports;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm;

/// <summary>The client against a real TPM (swtpm), each answer compared with what tpm2-tools reads from the same TPM.</summary>
[Collection(SwtpmTests.Name)]
public sealed class TpmClientSwtpmTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly SwtpmFixture _tpms;

    public TpmClientSwtpmTests(SwtpmFixture tpms) => _tpms = tpms;

    [Fact]
    public void Fixed_properties_are_the_values_tpm2_getcap_reads_in_the_same_order()
    {
        using var client = Connect(_tpms.Provisioned);
        var ours = client.GetProperties(0x100, 0x1FF);
        client.Dispose();
        var theirs = RawValues(_tpms.Provisioned.Tool("tpm2_getcap", "properties-fixed"));
        Assert.True(theirs.Count > 40, $"tpm2_getcap printed only {theirs.Count} fixed properties");

        // tpm2-tools 5.4 stops at TPM_PT_MODES (0x12D); libtpms 0.9 also reports TPM_PT_MAX_CAP_BUFFER (0x12E) after it.
        Assert.Equal(theirs, ours.Take(theirs.Count).Select(p => p.Value));
        Assert.All(ours.Skip(theirs.Count), p => Assert.True(p.Property > 0x12D));
    }

    [Fact]
    public void Variable_properties_are_the_values_tpm2_getcap_reads_in_the_same_order()
    {
        using var client = Connect(_tpms.Provisioned);
        var ours = client.GetProperties(0x200, 0x2FF);
        client.Dispose();
        var text = _tpms.Provisioned.Tool("tpm2_getcap", "properties-variable");

        // tpm2_getcap spells out TPM_PT_PERMANENT and TPM_PT_STARTUP_CLEAR bit by bit and prints the rest as NAME: 0xVALUE.
        var theirs = Regex.Matches(text, @"^TPM2_PT_\w+: (0x[0-9A-F]+)$", RegexOptions.Multiline).Select(m => ParseNumber(m.Groups[1].Value)).ToList();
        Assert.True(ours.Count > 10);
        Assert.Equal(0x200u, ours[0].Property);
        Assert.Equal(0x201u, ours[1].Property);
        Assert.Equal(theirs, ours.Skip(2).Select(p => p.Value));
        var permanent = ours[0].Value;
        Assert.Equal(Bit(text, "ownerAuthSet"), permanent & 1);
        Assert.Equal(Bit(text, "disableClear"), (permanent >> 8) & 1);
        Assert.Equal(Bit(text, "inLockout"), (permanent >> 9) & 1);
        Assert.Equal(Bit(text, "tpmGeneratedEPS"), (permanent >> 10) & 1);
        Assert.Equal(Bit(text, "ehEnable"), (ours[1].Value >> 2) & 1);
    }

    [Fact]
    public void Pcr_allocation_is_the_three_banks_swtpm_setup_activated()
    {
        using var client = Connect(_tpms.Provisioned);
        var banks = client.GetPcrAllocation();
        client.Dispose();
        var text = _tpms.Provisioned.Tool("tpm2_getcap", "pcrs");
        foreach (var bank in banks)
        {
            var line = Regex.Match(text, "- " + TpmNames.Algorithm(bank.HashAlgorithm) + @": \[(.*)\]").Groups[1].Value;
            var theirs = line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
            Assert.Equal(theirs, bank.Indexes);
        }

        Assert.Equal(["sha1", "sha256", "sha384"], banks.Where(b => b.Indexes.Count > 0).Select(b => TpmNames.Algorithm(b.HashAlgorithm)));
    }

    [Fact]
    public void Every_pcr_of_every_bank_is_read_across_several_responses_and_matches_tpm2_pcrread()
    {
        using var client = Connect(_tpms.Provisioned);
        client.BeginRecording();
        var values = client.ReadPcrs(client.GetPcrAllocation());
        var responses = TpmResponseDecoder.Split(client.EndRecording());
        client.Dispose();
        var theirs = PcrRead(_tpms.Provisioned.Tool("tpm2_pcrread", "sha1:all+sha256:all+sha384:all"));
        Assert.Equal(72, values.Count);
        Assert.True(responses.Count > 3, $"{responses.Count} responses: PCR_Read returns at most 8 digests at a time");
        foreach (var v in values)
        {
            Assert.Equal(theirs[(v.Bank, v.Index)], v.Value);
        }
    }

    [Fact]
    public void A_pcr_extended_by_tpm2_pcrextend_reads_as_the_hash_of_old_value_and_data()
    {
        var selection = new[] { new TpmPcrSelection(0x000B, [16]) };
        byte[] before;
        using (var client = Connect(_tpms.Provisioned))
        {
            before = client.ReadPcrs(selection).Single().GetDigest();
        }

        var data = SHA256.HashData(Guid.NewGuid().ToByteArray());
        _tpms.Provisioned.Tool("tpm2_pcrextend", "16:sha256=" + Convert.ToHexString(data));
        using (var client = Connect(_tpms.Provisioned))
        {
            var after = client.ReadPcrs(selection).Single();
            Assert.Equal(SHA256.HashData([.. before, .. data]), after.GetDigest());
        }

        var theirs = PcrRead(_tpms.Provisioned.Tool("tpm2_pcrread", "sha256:16"));
        Assert.Equal(Convert.ToHexString(SHA256.HashData([.. before, .. data])), theirs[("sha256", 16)]);
    }

    [Fact]
    public void Persistent_and_nv_handles_are_the_ones_tpm2_getcap_lists()
    {
        using var client = Connect(_tpms.Provisioned);
        var persistent = client.GetHandles(0x81000000);
        var nv = client.GetHandles(0x01000000);
        client.Dispose();
        Assert.Equal(Handles(_tpms.Provisioned.Tool("tpm2_getcap", "handles-persistent")), persistent);
        Assert.Equal(Handles(_tpms.Provisioned.Tool("tpm2_getcap", "handles-nv-index")), nv);
        Assert.Contains(0x81010001u, persistent);
        Assert.Contains(0x01C00002u, nv);
    }

    [Fact]
    public void The_rsa_ek_certificate_index_reads_like_tpm2_nvreadpublic_and_its_data_is_the_certificate_swtpm_setup_wrote()
    {
        using var client = Connect(_tpms.Provisioned);
        var nv = client.NvReadPublic(0x01C00002);
        var data = client.NvRead(nv);
        client.Dispose();
        var text = _tpms.Provisioned.Tool("tpm2_nvreadpublic", "0x1c00002");
        Assert.Equal(Regex.Match(text, @"name: ([0-9a-f]+)").Groups[1].Value, Convert.ToHexString(nv.Name).ToLowerInvariant());
        Assert.Equal(uint.Parse(Regex.Match(text, @"attributes:\s+friendly: .*\s+value: 0x([0-9A-F]+)").Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture), nv.Attributes);
        Assert.Equal(int.Parse(Regex.Match(text, @"size: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture), nv.DataSize);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_tpms.Provisioned.StateDirectory, "ek-rsa2048.crt")), data);
        Assert.True(data.Length > 1024 / 2, "the certificate spans more than one NV_Read chunk only if the chunk is small; it must be whole either way");
    }

    [Fact]
    public void The_rsa_ek_created_from_template_L1_is_the_persistent_ek_and_the_key_its_certificate_certifies()
    {
        using var client = Connect(_tpms.Provisioned);
        var created = client.CreatePrimary(0x4000000B, TpmTemplates.EndorsementKeyRsa2048());
        client.FlushContext(created.Handle);
        var persistent = client.ReadPublic(0x81010001);
        client.Dispose();
        using var cert = X509CertificateLoader.LoadCertificate(File.ReadAllBytes(Path.Combine(_tpms.Provisioned.StateDirectory, "ek-rsa2048.crt")));
        using var rsa = cert.GetRSAPublicKey()!;
        Assert.Equal(rsa.ExportParameters(false).Modulus, created.PublicArea.Modulus);
        Assert.Equal(persistent.PublicArea.Modulus, created.PublicArea.Modulus);
        Assert.Equal(created.Name, created.PublicArea.ComputeName());
        Assert.Equal(0x000300B2u, created.PublicArea.ObjectAttributes);
        Assert.DoesNotContain("0x80", _tpms.Provisioned.Tool("tpm2_getcap", "handles-transient"));
    }

    [Fact]
    public void The_ecc_p256_ek_created_from_template_L2_is_the_key_tpm2_createek_creates()
    {
        using var dir = new TempDir();
        using (var client = Connect(_tpms.Provisioned))
        {
            var created = client.CreatePrimary(0x4000000B, TpmTemplates.EndorsementKeyEccP256());
            client.FlushContext(created.Handle);
            _ = created;
            client.Dispose();
            _tpms.Provisioned.Tool("tpm2_createek", "-G", "ecc", "-c", dir.Combine("ek.ctx"), "-u", dir.Combine("ek.pub"));
            var theirs = File.ReadAllBytes(dir.Combine("ek.pub"));
            var parsed = TpmResponseDecoder.ReadPublic(new ArraySegment<byte>(ReadPublicResponse(theirs)));
            Assert.Equal(parsed.PublicArea.X, created.PublicArea.X);
            Assert.Equal(parsed.PublicArea.Y, created.PublicArea.Y);
            Assert.Equal(32, created.PublicArea.X.Length);
            Assert.Equal((ushort)0x0003, created.PublicArea.Curve);
        }
    }

    [Fact]
    public void A_quote_by_a_fresh_attestation_key_verifies_and_carries_the_nonce_and_the_digest_of_the_pcrs_read()
    {
        using var client = Connect(_tpms.Provisioned);
        var selection = new[] { new TpmPcrSelection(0x000B, [0, 1, 2, 7]) };
        var ak = client.CreatePrimary(0x40000001, TpmTemplates.AttestationKeyEccP256());
        try
        {
            var nonce = client.GetRandom(32);
            var quote = client.Quote(ak.Handle, nonce, selection);
            var values = client.ReadPcrs(selection);
            Assert.True(quote.VerifySignature(ak.PublicArea));
            Assert.Equal(nonce, quote.ExtraData);
            Assert.Equal(TpmQuote.ComputePcrDigest(0x000B, values.Select(v => v.GetDigest())), quote.PcrDigest);
            Assert.Equal([0, 1, 2, 7], quote.PcrSelections.Single().Indexes);
        }
        finally
        {
            client.FlushContext(ak.Handle);
        }
    }

    [Fact]
    public void A_quote_verifies_with_tpm2_checkquote_given_the_attestation_key_encoded_here()
    {
        using var dir = new TempDir();
        using var client = Connect(_tpms.Provisioned);
        var ak = client.CreatePrimary(0x40000001, TpmTemplates.AttestationKeyEccP256());
        byte[] response;
        try
        {
            response = client.Execute(TpmCommands.Quote(ak.Handle, [0xA5, 0x5A, 0x01], [new TpmPcrSelection(0x000B, [0, 7])]));
        }
        finally
        {
            client.FlushContext(ak.Handle);
            client.Dispose();
        }

        // ST_SESSIONS response: header (10), parameterSize (4), TPM2B_ATTEST, TPMT_SIGNATURE, then the session area.
        var parameterSize = (response[10] << 24) | (response[11] << 16) | (response[12] << 8) | response[13];
        var attestSize = (response[14] << 8) | response[15];
        var attest = response.AsSpan(16, attestSize).ToArray();
        var signature = response.AsSpan(16 + attestSize, parameterSize - 2 - attestSize).ToArray();
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(TpmPublicKeyEncoding.EncodeSubjectPublicKeyInfo(ak.PublicArea)!, Base64FormattingOptions.InsertLineBreaks) + "\n-----END PUBLIC KEY-----\n";
        File.WriteAllText(dir.Combine("ak.pem"), pem);
        File.WriteAllBytes(dir.Combine("msg.bin"), attest);
        File.WriteAllBytes(dir.Combine("sig.bin"), signature);
        _tpms.Provisioned.Tool("tpm2_checkquote", "-u", dir.Combine("ak.pem"), "-m", dir.Combine("msg.bin"), "-s", dir.Combine("sig.bin"), "-g", "sha256", "-q", "a55a01");
        attest[^1] ^= 0x01;
        File.WriteAllBytes(dir.Combine("msg.bin"), attest);
        Assert.Throws<InvalidOperationException>(() => _tpms.Provisioned.Tool("tpm2_checkquote", "-u", dir.Combine("ak.pem"), "-m", dir.Combine("msg.bin"), "-s", dir.Combine("sig.bin"), "-g", "sha256", "-q", "a55a01"));
    }

    [Fact]
    public void A_quote_whose_attest_bytes_were_changed_does_not_verify()
    {
        using var client = Connect(_tpms.Provisioned);
        var ak = client.CreatePrimary(0x40000001, TpmTemplates.AttestationKeyEccP256());
        try
        {
            var command = TpmCommands.Quote(ak.Handle, [1, 2, 3], [new TpmPcrSelection(0x000B, [0])]);
            var response = client.Execute(command);
            response[30] ^= 0x01;
            var tampered = TpmResponseDecoder.Quote(new ArraySegment<byte>(response));
            Assert.False(tampered.VerifySignature(ak.PublicArea));
        }
        finally
        {
            client.FlushContext(ak.Handle);
        }
    }

    [Fact]
    public void An_nv_index_larger_than_the_nv_buffer_is_read_whole_in_chunks_of_the_buffer_size()
    {
        using var dir = new TempDir();
        var data = RandomNumberGenerator.GetBytes(2048);
        File.WriteAllBytes(dir.Combine("data.bin"), data);
        _tpms.Bare.Tool("tpm2_nvdefine", "0x01500020", "-C", "o", "-s", "2048", "-a", "ownerread|ownerwrite|authread|authwrite");
        try
        {
            _tpms.Bare.Tool("tpm2_nvwrite", "0x01500020", "-C", "o", "-i", dir.Combine("data.bin"));
            using var client = Connect(_tpms.Bare);
            var nv = client.NvReadPublic(0x01500020);
            var bufferMax = client.GetProperties(0x12C, 0x12C).Single().Value;
            client.BeginRecording();
            var read = client.NvRead(nv);
            var responses = TpmResponseDecoder.Split(client.EndRecording());
            Assert.Equal(data, read);
            Assert.Equal((int)Math.Ceiling(2048.0 / bufferMax), responses.Count);
            Assert.True(responses.Count > 1, $"the NV buffer is {bufferMax} bytes, so 2048 bytes take more than one read");
        }
        finally
        {
            _tpms.Bare.Tool("tpm2_nvundefine", "0x01500020", "-C", "o");
        }
    }

    [Fact]
    public void GetRandom_returns_the_bytes_asked_for_in_several_commands()
    {
        using var client = Connect(_tpms.Provisioned);
        var a = client.GetRandom(100);
        var b = client.GetRandom(100);
        Assert.Equal(100, a.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Reading_a_handle_that_does_not_exist_is_a_tpm_error_naming_the_handle()
    {
        using var client = Connect(_tpms.Provisioned);
        var ex = Assert.Throws<TpmCommandException>(() => client.ReadPublic(0x81000099));
        Assert.Equal(0x18Bu, ex.ResponseCode!.Value);
        Assert.Equal(0x173u, ex.CommandCode);
    }

    [Fact]
    public void A_bare_tpm_has_no_persistent_objects_and_no_ek_certificate_indexes()
    {
        using var client = Connect(_tpms.Bare);
        Assert.Empty(client.GetHandles(0x81000000));
        Assert.DoesNotContain(client.GetHandles(0x01000000), h => TpmClient.EndorsementCertificateIndexes.Contains(h));
    }

    private static TpmClient Connect(Swtpm tpm) => new(TcpTpmTransport.Connect("127.0.0.1", tpm.Port, Timeout));

    /// <summary>tpm2-tools writes a TPM2B_PUBLIC; wrap it as a ReadPublic response so the decoder under test reads it.</summary>
    private static byte[] ReadPublicResponse(byte[] tpm2bPublic)
    {
        var body = tpm2bPublic.Concat(new byte[] { 0, 0, 0, 0 }).ToArray();
        var size = 10 + body.Length;
        return new byte[] { 0x80, 0x01, (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size, 0, 0, 0, 0 }.Concat(body).ToArray();
    }

    private static List<uint> RawValues(string getcap) =>
        Regex.Matches(getcap, @"^  raw: (0x[0-9A-F]+|\d+)$", RegexOptions.Multiline).Select(m => ParseNumber(m.Groups[1].Value)).ToList();

    private static uint ParseNumber(string text) => text.StartsWith("0x", StringComparison.Ordinal)
        ? uint.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : uint.Parse(text, CultureInfo.InvariantCulture);

    private static uint Bit(string getcap, string name) => uint.Parse(Regex.Match(getcap, "^  " + name + @":\s+(\d)$", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);

    private static List<uint> Handles(string getcap) =>
        Regex.Matches(getcap, @"^- 0x([0-9A-F]+)$", RegexOptions.Multiline).Select(m => uint.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToList();

    private static Dictionary<(string, int), string> PcrRead(string text)
    {
        var result = new Dictionary<(string, int), string>();
        var bank = string.Empty;
        foreach (var line in text.Split('\n'))
        {
            var b = Regex.Match(line, @"^  (\w+):$");
            if (b.Success)
            {
                bank = b.Groups[1].Value;
                continue;
            }

            var v = Regex.Match(line, @"^\s+(\d+)\s*: 0x([0-9A-F]+)$");
            if (v.Success)
            {
                result[(bank, int.Parse(v.Groups[1].Value, CultureInfo.InvariantCulture))] = v.Groups[2].Value;
            }
        }

        return result;
    }
}
