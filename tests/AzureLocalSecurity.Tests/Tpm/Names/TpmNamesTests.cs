using System.Globalization;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Names;

// Expected values are TPM 2.0 Library Part 2 (TPM_CC, TPM_ALG_ID, TPM_PT, TPM_ECC_CURVE tables) and the TCG Algorithm Registry.
public class TpmNamesTests
{
    [Theory]
    [InlineData(0x0000017Eu, "TPM2_PCR_Read")]
    [InlineData(0x0000014Eu, "TPM2_NV_Read")]
    [InlineData(0x00000144u, "TPM2_Startup")]
    [InlineData(0x0000017Au, "TPM2_GetCapability")]
    [InlineData(0x00000158u, "TPM2_Quote")]
    [InlineData(0x0000011Fu, "TPM2_NV_UndefineSpaceSpecial")]
    [InlineData(0x00000196u, "TPM2_Policy_AC_SendSelect")]
    [InlineData(0x00000197u, "TPM2_CertifyX509")]
    [InlineData(0x0000019Fu, "TPM2_SetCapability")]
    [InlineData(0x00000155u, "TPM2_HMAC/TPM2_MAC")]
    [InlineData(0x20000000u, "TPM2_Vendor_TCG_Test")]
    public void A_command_code_has_its_part3_name(uint commandCode, string name)
    {
        Assert.Equal(name, TpmNames.Command(commandCode));
    }

    [Theory]
    [InlineData(0x00000123u, "TPM_CC_0x00000123 (unknown)")] // a gap in the table
    [InlineData(0x000001FFu, "TPM_CC_0x000001FF (unknown)")]
    [InlineData(0x00000000u, "TPM_CC_0x00000000 (unknown)")]
    [InlineData(0x20000123u, "TPM_CC_0x20000123 (vendor)")]
    public void An_unknown_command_code_shows_its_number(uint commandCode, string name)
    {
        Assert.Equal(name, TpmNames.Command(commandCode));
    }

    [Theory]
    [InlineData((ushort)0x000B, "sha256")]
    [InlineData((ushort)0x0001, "rsa")]
    [InlineData((ushort)0x0023, "ecc")]
    [InlineData((ushort)0x0006, "aes")]
    [InlineData((ushort)0x0027, "sha3_256")]
    [InlineData((ushort)0x0012, "sm3_256")]
    [InlineData((ushort)0x0010, "null")]
    [InlineData((ushort)0x0004, "sha1")]
    [InlineData((ushort)0x000C, "sha384")]
    [InlineData((ushort)0x0014, "rsassa")]
    [InlineData((ushort)0x0020, "kdf1_sp800_56a")]
    [InlineData((ushort)0x0043, "cfb")]
    [InlineData((ushort)0x0071, "xmss")]
    public void An_algorithm_has_its_lower_case_name(ushort algId, string name)
    {
        Assert.Equal(name, TpmNames.Algorithm(algId));
    }

    [Theory]
    [InlineData((ushort)0x00FF, "alg_0x00FF")]
    [InlineData((ushort)0x0002, "alg_0x0002")]
    public void An_unassigned_algorithm_shows_its_number(ushort algId, string name)
    {
        Assert.Equal(name, TpmNames.Algorithm(algId));
    }

    [Theory]
    [InlineData("SHA-256", (ushort)0x000B)]
    [InlineData("SHA256", (ushort)0x000B)]
    [InlineData("sha256", (ushort)0x000B)]
    [InlineData("Sha3-256", (ushort)0x0027)]
    [InlineData("SM3_256", (ushort)0x0012)]
    [InlineData("TPM_ALG_SHA384", (ushort)0x000C)]
    [InlineData("TPM2_ALG_ECC", (ushort)0x0023)]
    [InlineData("RSA", (ushort)0x0001)]
    [InlineData(" null ", (ushort)0x0010)]
    [InlineData("alg_0x00FF", (ushort)0x00FF)]
    [InlineData("0x000b", (ushort)0x000B)]
    public void An_algorithm_name_parses_whatever_its_case_and_separators(string name, ushort algId)
    {
        Assert.True(TpmNames.TryParseAlgorithm(name, out var parsed));
        Assert.Equal(algId, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sha257")]
    [InlineData("0x")]
    [InlineData("0x12345")]
    [InlineData("alg_")]
    public void A_name_that_is_no_algorithm_does_not_parse(string name)
    {
        Assert.False(TpmNames.TryParseAlgorithm(name, out var parsed));
        Assert.Equal(0, parsed);
    }

    [Fact]
    public void A_null_name_does_not_parse()
    {
        Assert.False(TpmNames.TryParseAlgorithm(null!, out _));
    }

    [Fact]
    public void Every_algorithm_name_parses_back_to_its_identifier()
    {
        for (var id = 0; id <= ushort.MaxValue; id++)
        {
            var name = TpmNames.Algorithm((ushort)id);
            Assert.True(TpmNames.TryParseAlgorithm(name, out var parsed), name);
            Assert.Equal((ushort)id, parsed);
        }
    }

    [Theory]
    [InlineData(0x100u, "TPM_PT_FAMILY_INDICATOR")]
    [InlineData(0x105u, "TPM_PT_MANUFACTURER")]
    [InlineData(0x10Bu, "TPM_PT_FIRMWARE_VERSION_1")]
    [InlineData(0x116u, "TPM_PT_NV_COUNTERS_MAX")]
    [InlineData(0x12Cu, "TPM_PT_NV_BUFFER_MAX")]
    [InlineData(0x12Eu, "TPM_PT_MAX_CAP_BUFFER")]
    [InlineData(0x200u, "TPM_PT_PERMANENT")]
    [InlineData(0x201u, "TPM_PT_STARTUP_CLEAR")]
    [InlineData(0x20Eu, "TPM_PT_LOCKOUT_COUNTER")]
    [InlineData(0x214u, "TPM_PT_AUDIT_COUNTER_1")]
    [InlineData(0x000u, "TPM_PT_NONE")]
    public void A_property_has_its_spec_name(uint property, string name)
    {
        Assert.Equal(name, TpmNames.Property(property));
    }

    [Theory]
    [InlineData(0x115u, "TPM_PT_0x00000115 (unknown)")] // PT_FIXED + 21 is not assigned
    [InlineData(0x131u, "TPM_PT_0x00000131 (unknown)")]
    [InlineData(0x215u, "TPM_PT_0x00000215 (unknown)")]
    public void An_unknown_property_shows_its_number(uint property, string name)
    {
        Assert.Equal(name, TpmNames.Property(property));
    }

    [Theory]
    [InlineData((ushort)0x0003, "NIST_P256")]
    [InlineData((ushort)0x0004, "NIST_P384")]
    [InlineData((ushort)0x0010, "BN_P256")]
    [InlineData((ushort)0x0020, "SM2_P256")]
    [InlineData((ushort)0x0032, "BP_P512_R1")]
    [InlineData((ushort)0x0040, "CURVE_25519")]
    [InlineData((ushort)0x0000, "NONE")]
    public void A_curve_has_its_spec_name(ushort curveId, string name)
    {
        Assert.Equal(name, TpmNames.EccCurve(curveId));
    }

    [Fact]
    public void An_unknown_curve_shows_its_number()
    {
        Assert.Equal("TPM_ECC_0x0099 (unknown)", TpmNames.EccCurve(0x0099));
    }

    [Fact]
    public void No_two_assigned_commands_share_a_name()
    {
        var seen = new System.Collections.Generic.Dictionary<string, uint>();
        for (uint cc = 0x100; cc <= 0x1FF; cc++)
        {
            var name = TpmNames.Command(cc);
            if (name.EndsWith("(unknown)", System.StringComparison.Ordinal))
            {
                continue;
            }

            Assert.False(seen.ContainsKey(name), name + " at " + cc.ToString("X", CultureInfo.InvariantCulture));
            seen.Add(name, cc);
        }

        Assert.True(seen.Count > 100);
    }
}
