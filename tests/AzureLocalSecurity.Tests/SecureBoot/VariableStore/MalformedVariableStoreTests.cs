using System;
using AzureLocalSecurity.SecureBoot.VariableStore;
using Xunit;
using static AzureLocalSecurity.Tests.SecureBoot.VariableStore.OvmfVectors;

namespace AzureLocalSecurity.Tests.SecureBoot.VariableStore;

/// <summary>
/// Damaged copies of Debian's OVMF_VARS.ms.fd (128 KiB). Its first record, CustomMode, is at 0x64: NameSize at 0x88,
/// DataSize at 0x8C, the name (22 bytes) at 0xA0. Each refusal names the byte of the field at fault.
/// </summary>
public class MalformedVariableStoreTests
{
    private const int FirstRecord = 0x64;
    private const int FirstNameSize = FirstRecord + 36;
    private const int FirstDataSize = FirstRecord + 40;
    private const int FirstName = FirstRecord + 60;

    [Fact]
    public void A_volume_without_the_FVH_signature_is_refused_at_0x28()
    {
        var image = Real();
        image[0x28] = (byte)'X';

        Assert.Equal(0x28, Refused(image).Offset);
    }

    [Fact]
    public void An_image_shorter_than_the_volume_header_is_refused_at_its_end()
    {
        Assert.Equal(0x30, Refused(Real().AsSpan(0, 0x30).ToArray()).Offset);
        Assert.Equal(0, Refused([]).Offset);
    }

    [Fact]
    public void A_volume_revision_other_than_2_is_refused_at_0x37()
    {
        var image = Real();
        image[0x37] = 1;
        FixChecksum(image);

        Assert.Equal(0x37, Refused(image).Offset);
    }

    [Fact]
    public void A_volume_that_is_not_an_NV_data_volume_is_refused_at_its_FileSystemGuid()
    {
        var image = Real();
        new Guid("8c8ce578-8a3d-4f1c-9935-896185c32dd3").ToByteArray().CopyTo(image, 0x10); // gEfiFirmwareFileSystem2Guid
        FixChecksum(image);

        Assert.Equal(0x10, Refused(image).Offset);
    }

    [Fact]
    public void An_FvLength_beyond_the_file_is_refused_at_0x20()
    {
        var image = Real();
        WriteUInt64(image, 0x20, (ulong)image.Length + 0x1000);
        FixChecksum(image);

        var refusal = Refused(image);

        Assert.Equal(0x20, refusal.Offset);
        Assert.Contains("135168", refusal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_HeaderLength_past_FvLength_is_refused_at_0x30()
    {
        var image = Real();
        WriteUInt64(image, 0x20, 0x44);

        Assert.Equal(0x30, Refused(image).Offset);
    }

    [Fact]
    public void An_odd_HeaderLength_is_refused_at_0x30()
    {
        var image = Real();
        WriteUInt16(image, 0x30, 0x49);

        Assert.Equal(0x30, Refused(image).Offset);
    }

    [Fact]
    public void A_header_whose_checksum_does_not_hold_is_refused_at_the_checksum()
    {
        var image = Real();
        image[0] = 1;

        Assert.Equal(0x32, Refused(image).Offset);
    }

    [Fact]
    public void An_erased_variable_store_header_is_refused_at_the_store()
    {
        var image = Real();
        image.AsSpan(0x48, 28).Fill(0xFF);

        var refusal = Refused(image);

        Assert.Equal(0x48, refusal.Offset);
        Assert.Contains("never formatted", refusal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_with_an_unknown_signature_is_refused_at_the_store()
    {
        var image = Real();
        image[0x48] ^= 0x01;

        Assert.Equal(0x48, Refused(image).Offset);
    }

    [Fact]
    public void A_store_Size_past_the_volume_is_refused_at_the_Size_field()
    {
        var image = Real();
        WriteUInt32(image, 0x48 + 16, (uint)(image.Length - 0x48 + 1));

        Assert.Equal(0x58, Refused(image).Offset);
    }

    [Fact]
    public void A_store_not_formatted_0x5A_is_refused_at_Format()
    {
        var image = Real();
        image[0x5C] = 0xFF;

        Assert.Equal(0x5C, Refused(image).Offset);
    }

    [Fact]
    public void A_store_not_healthy_0xFE_is_refused_at_State()
    {
        var image = Real();
        image[0x5D] = 0xFF;

        Assert.Equal(0x5D, Refused(image).Offset);
    }

    [Fact]
    public void A_NameSize_past_the_store_is_refused_at_NameSize()
    {
        var image = Real();
        WriteUInt32(image, FirstNameSize, 0xFFFFFFF0);

        Assert.Equal(FirstNameSize, Refused(image).Offset);
    }

    [Fact]
    public void A_DataSize_past_the_store_is_refused_at_DataSize()
    {
        var image = Real();
        var storeEnd = 0x48 + (int)ReadUInt32(image, 0x48 + 16);
        WriteUInt32(image, FirstDataSize, (uint)(storeEnd - FirstName - 22 + 1));

        Assert.Equal(FirstDataSize, Refused(image).Offset);
    }

    [Fact]
    public void A_DataSize_that_only_fits_the_file_not_the_store_is_refused()
    {
        // The data may not run into the fault-tolerant-write area after the store, though it is inside the volume.
        var image = Real();
        var storeEnd = 0x48 + (int)ReadUInt32(image, 0x48 + 16);
        Assert.True(storeEnd + 0x100 < image.Length);
        WriteUInt32(image, FirstDataSize, (uint)(storeEnd + 0x100 - FirstName - 22));

        Assert.Equal(FirstDataSize, Refused(image).Offset);
    }

    [Fact]
    public void An_odd_NameSize_is_not_UTF16_and_is_refused_at_NameSize()
    {
        var image = Real();
        WriteUInt32(image, FirstNameSize, 21);

        Assert.Equal(FirstNameSize, Refused(image).Offset);
    }

    [Fact]
    public void A_zero_NameSize_is_refused_at_NameSize()
    {
        var image = Real();
        WriteUInt32(image, FirstNameSize, 0);

        Assert.Equal(FirstNameSize, Refused(image).Offset);
    }

    [Fact]
    public void An_empty_name_is_refused_at_NameSize()
    {
        // NameSize 2 is the NUL alone; the 20 name bytes after it become the first bytes of the data.
        var image = Real();
        WriteUInt32(image, FirstNameSize, 2);
        WriteUInt16(image, FirstName, 0);

        Assert.Equal(FirstNameSize, Refused(image).Offset);
    }

    [Fact]
    public void A_name_without_its_NUL_is_refused_at_its_last_code_unit()
    {
        var image = Real();
        WriteUInt16(image, FirstName + 20, 'X');

        Assert.Equal(FirstName + 20, Refused(image).Offset);
    }

    [Fact]
    public void A_NUL_inside_a_name_is_refused_where_it_is()
    {
        var image = Real();
        WriteUInt16(image, FirstName + 6, 0);

        Assert.Equal(FirstName + 6, Refused(image).Offset);
    }

    [Fact]
    public void A_lone_surrogate_in_a_name_is_refused_where_it_is()
    {
        var image = Real();
        WriteUInt16(image, FirstName + 4, 0xD800);

        Assert.Equal(FirstName + 4, Refused(image).Offset);
    }

    [Fact]
    public void A_record_header_cut_by_the_end_of_the_store_is_refused_at_the_record()
    {
        // The store ends 30 bytes into the first record's 60-byte header.
        var image = Real();
        WriteUInt32(image, 0x48 + 16, FirstRecord + 30 - 0x48);

        var refusal = Refused(image);

        Assert.Equal(FirstRecord, refusal.Offset);
        Assert.Contains("only 30", refusal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_over_64_MiB_is_refused_before_it_is_read()
    {
        var refusal = Refused(new byte[FirmwareVariableStore.MaxImageSize + 1]);

        Assert.Equal(FirmwareVariableStore.MaxImageSize, refusal.Offset);
    }

    [Fact]
    public void A_null_image_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => FirmwareVariableStore.Parse(null!));
    }

    [Fact]
    public void The_message_names_the_offset_and_the_problem()
    {
        var image = Real();
        image[0x28] = (byte)'X';

        var refusal = Refused(image);

        Assert.Equal("The firmware variable store is not well formed at byte 40 (0x28): the firmware volume signature is not \"_FVH\"", refusal.Message);
    }

    [Fact]
    public void A_store_its_records_fill_to_the_last_byte_ends_there()
    {
        // No erased area: the walk stops at the store's end rather than reading what follows it.
        var real = FirmwareVariableStore.Parse(Real());
        var image = Real();
        WriteUInt32(image, 0x48 + 16, (uint)(real.FreeSpaceOffset - 0x48));
        image[real.FreeSpaceOffset] = 0xAA;
        image[real.FreeSpaceOffset + 1] = 0x55;

        var full = FirmwareVariableStore.Parse(image);

        Assert.Equal(real.All.Count, full.All.Count);
        Assert.Equal(real.FreeSpaceOffset, full.FreeSpaceOffset);
        Assert.Equal(0x48 + full.StoreSize, full.FreeSpaceOffset);
    }

    [Fact]
    public void Sizes_that_would_wrap_32_bit_arithmetic_are_refused_not_followed_backwards()
    {
        // 0xFFFFFFC4 + the header would wrap to the record's own offset in 32 bits; it is a size past the store.
        var image = Real();
        WriteUInt32(image, FirstNameSize, 22);
        WriteUInt32(image, FirstDataSize, 0xFFFFFFC4);

        Assert.Equal(FirstDataSize, Refused(image).Offset);
    }

    private static byte[] Real() => Load(MsEnrolled2M);

    private static FirmwareVariableStoreException Refused(byte[] image)
    {
        var refusal = Assert.Throws<FirmwareVariableStoreException>(() => FirmwareVariableStore.Parse(image));
        Assert.False(string.IsNullOrEmpty(refusal.Problem));
        Assert.Contains(refusal.Problem!, refusal.Message, StringComparison.Ordinal);
        return refusal;
    }
}
