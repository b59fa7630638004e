using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Names;

public class TpmVendorsTests
{
    [Theory]
    [InlineData(0x49465800u, "IFX")]
    [InlineData(0x49424D00u, "IBM")]
    [InlineData(0x494E5443u, "INTC")]
    [InlineData(0x4E544300u, "NTC")]
    [InlineData(0x53544D20u, "STM")]  // "STM ": the trailing space goes too
    [InlineData(0x4D534654u, "MSFT")]
    public void A_manufacturer_value_reads_as_its_ascii_id(uint value, string id)
    {
        Assert.Equal(id, TpmVendors.ManufacturerId(value));
    }

    [Theory]
    [InlineData(0x49014D00u, @"I\x01M")]
    [InlineData(0x41004200u, @"A\x00B")]    // a NUL inside the id is not trimmed
    [InlineData(0x5C000000u, @"\x5C")]      // a backslash is escaped so the text stays unambiguous
    [InlineData(0xFF414243u, @"\xFFABC")]
    public void A_byte_that_is_not_printable_is_shown_as_hex(uint value, string id)
    {
        Assert.Equal(id, TpmVendors.ManufacturerId(value));
    }

    [Theory]
    [InlineData(0x00000000u)]
    [InlineData(0x20202020u)]
    [InlineData(0x20000000u)]
    public void A_value_of_only_nuls_and_spaces_is_empty(uint value)
    {
        Assert.Equal(string.Empty, TpmVendors.ManufacturerId(value));
    }

    [Theory]
    [InlineData("IFX", "Infineon")]
    [InlineData("NTC", "Nuvoton Technology")]
    [InlineData("INTC", "Intel")]
    [InlineData("AMD", "AMD")]
    [InlineData("MSFT", "Microsoft")]
    [InlineData("STM", "STMicroelectronics")]
    [InlineData("IBM", "IBM")]
    public void A_registered_id_names_its_company(string id, string company)
    {
        Assert.Equal(company, TpmVendors.CompanyName(id));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("ifx")]   // the ids are case-sensitive
    [InlineData("STM ")]  // the match is on the trimmed id
    [InlineData("")]
    public void An_id_the_registry_does_not_list_has_no_company(string id)
    {
        Assert.Null(TpmVendors.CompanyName(id));
    }

    [Fact]
    public void A_null_id_has_no_company()
    {
        Assert.Null(TpmVendors.CompanyName(null!));
    }

    // The TPM_PT_MANUFACTURER values as tpm2-tools lists them for the registry's vendors: each must read as an id that
    // names the company.
    [Theory]
    [InlineData(0x414D4400u, "AMD")]
    [InlineData(0x41544D4Cu, "Atmel")]
    [InlineData(0x4252434Du, "Broadcom")]
    [InlineData(0x4353434Fu, "Cisco")]
    [InlineData(0x464C5953u, "Flyslice Technologies")]
    [InlineData(0x524F4343u, "Fuzhou Rockchip")]
    [InlineData(0x474F4F47u, "Google")]
    [InlineData(0x48504500u, "HPE")]
    [InlineData(0x48495349u, "Huawei")]
    [InlineData(0x49424D00u, "IBM")]
    [InlineData(0x49465800u, "Infineon")]
    [InlineData(0x494E5443u, "Intel")]
    [InlineData(0x4C454E00u, "Lenovo")]
    [InlineData(0x4D534654u, "Microsoft")]
    [InlineData(0x4E534D20u, "National Semiconductor")]
    [InlineData(0x4E545A00u, "Nationz")]
    [InlineData(0x4E544300u, "Nuvoton Technology")]
    [InlineData(0x51434F4Du, "Qualcomm")]
    [InlineData(0x534D534Eu, "Samsung")]
    [InlineData(0x534E5300u, "Sinosun")]
    [InlineData(0x534D5343u, "SMSC")]
    [InlineData(0x53544D20u, "STMicroelectronics")]
    [InlineData(0x54584E00u, "Texas Instruments")]
    [InlineData(0x57454300u, "Winbond")]
    public void Every_registered_manufacturer_value_names_its_company(uint value, string company)
    {
        Assert.Equal(company, TpmVendors.CompanyName(TpmVendors.ManufacturerId(value)));
    }

    [Fact]
    public void The_reference_simulator_value_reads_as_IBM()
    {
        // The IBM and Microsoft reference simulators report "IBM " (0x49424D20), which trims to the registry's IBM:
        // the value alone cannot tell a simulator from an IBM TPM.
        Assert.Equal("IBM", TpmVendors.ManufacturerId(0x49424D20));
        Assert.Equal("IBM", TpmVendors.CompanyName(TpmVendors.ManufacturerId(0x49424D20)));
    }
}
