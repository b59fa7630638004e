using AzureLocalSecurity.BitLocker;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Read;

public sealed class FveErrorsTests
{
    [Theory]
    [InlineData(0x80310000u, "FVE_E_LOCKED_VOLUME")]
    [InlineData(0x80310008u, "FVE_E_NOT_ACTIVATED")]
    [InlineData(0x80310023u, "FVE_E_FOREIGN_VOLUME")]
    [InlineData(0x80310031u, "FVE_E_PROTECTOR_EXISTS")]
    [InlineData(0x80310035u, "FVE_E_INVALID_PASSWORD_FORMAT")]
    [InlineData(0x8031003Au, "FVE_E_INVALID_PROTECTOR_TYPE")]
    [InlineData(0x8031003Bu, "FVE_E_NO_PROTECTORS_TO_TEST")]
    [InlineData(0x80310029u, "FVE_E_AUTOUNLOCK_ENABLED")]
    [InlineData(0x8031002Cu, "FVE_E_POLICY_PASSWORD_REQUIRED")]
    [InlineData(0x8031002Du, "FVE_E_CANNOT_SET_FVEK_ENCRYPTED")]
    [InlineData(0x8031002Eu, "FVE_E_CANNOT_ENCRYPT_NO_KEY")]
    [InlineData(0x8031001Eu, "FVE_E_CLUSTERING_NOT_SUPPORTED")]
    [InlineData(0x80310039u, "FVE_E_NOT_DECRYPTED")]
    [InlineData(0x80310028u, "FVE_E_NOT_OS_VOLUME")]
    [InlineData(0x80310007u, "FVE_E_SECURE_KEY_REQUIRED")]
    [InlineData(0x80284008u, "TBS_E_SERVICE_NOT_RUNNING")]
    [InlineData(0x80070057u, "E_INVALIDARG")]
    public void Every_code_the_WINAPI_table_names_is_in_the_catalog_by_name(uint code, string name)
    {
        var description = FveErrors.Describe(code);

        Assert.True(description.IsKnown);
        Assert.Equal(name, description.Name);
        Assert.NotEqual(string.Empty, description.Message);
    }

    [Fact]
    public void S_FALSE_says_the_Active_Directory_backup_did_not_happen()
    {
        var description = FveErrors.Describe(1);

        Assert.Equal("S_FALSE", description.Name);
        Assert.Contains("nothing was backed up", description.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_is_described_by_its_hex_value()
    {
        var description = FveErrors.Describe(0x8031FFFF);

        Assert.False(description.IsKnown);
        Assert.Equal("HRESULT 0x8031FFFF", description.Name);
        Assert.StartsWith("HRESULT 0x8031FFFF:", description.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_evidence_text_of_a_code_reads_back_to_the_same_code()
    {
        var text = FveErrors.ToEvidenceText(FveErrors.LockedVolume);

        Assert.Equal("0x80310000 FVE_E_LOCKED_VOLUME", text);
        Assert.True(FveErrors.TryParseEvidenceText(text, out var code));
        Assert.Equal(FveErrors.LockedVolume, code);
    }

    [Fact]
    public void Text_that_is_not_a_code_does_not_parse()
    {
        Assert.False(FveErrors.TryParseEvidenceText("AccessDenied (MI_RESULT 2): Access denied", out _));
    }
}
