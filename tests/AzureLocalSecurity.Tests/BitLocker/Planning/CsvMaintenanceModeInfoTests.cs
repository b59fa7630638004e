using System;
using System.Text;
using AzureLocalSecurity.BitLocker.Planning;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Planning;

public sealed class CsvMaintenanceModeInfoTests
{
    private const string VolumeGuidPath = @"\\?\Volume{5a7c8d0e-1f2a-4b3c-9d4e-5f60718293a4}\";

    [Fact]
    public void The_buffer_is_a_four_byte_bool_and_260_wide_characters()
    {
        var buffer = CsvMaintenanceModeInfo.Build(true, VolumeGuidPath);

        Assert.Equal(524, buffer.Length);
        Assert.Equal(1, BitConverter.ToInt32(buffer, 0));
    }

    [Fact]
    public void The_volume_name_follows_the_bool_in_utf16_and_ends_with_a_nul()
    {
        var buffer = CsvMaintenanceModeInfo.Build(false, VolumeGuidPath);

        Assert.Equal(0, BitConverter.ToInt32(buffer, 0));
        Assert.Equal(VolumeGuidPath, Encoding.Unicode.GetString(buffer, 4, VolumeGuidPath.Length * 2));
        Assert.Equal(0, BitConverter.ToUInt16(buffer, 4 + (VolumeGuidPath.Length * 2)));
    }

    [Fact]
    public void A_name_of_259_characters_fits_and_one_of_260_is_refused()
    {
        Assert.Equal(524, CsvMaintenanceModeInfo.Build(true, new string('v', 259)).Length);
        var ex = Assert.Throws<ArgumentException>(() => CsvMaintenanceModeInfo.Build(true, new string('v', 260)));
        Assert.Contains("at most 259", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("C:\\ClusterStorage\0Volume1")]
    public void An_empty_name_or_one_holding_a_nul_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => CsvMaintenanceModeInfo.Build(true, name));
    }
}
