using System;
using System.Linq;
using AzureLocalSecurity.SecureBoot.VariableStore;
using Xunit;
using static AzureLocalSecurity.Tests.SecureBoot.VariableStore.OvmfVectors;

namespace AzureLocalSecurity.Tests.SecureBoot.VariableStore;

/// <summary>Record formats and states the OVMF files do not hold, in stores written by <see cref="VarStoreImage"/>.</summary>
public class VariableRecordTests
{
    [Fact]
    public void A_plain_store_of_32_byte_headers_is_read()
    {
        var image = new VarStoreImage(authenticated: false)
            .Add("Timeout", GlobalVariable, [5, 0])
            .Add("Lang", GlobalVariable, "eng"u8.ToArray())
            .Build();

        var store = FirmwareVariableStore.Parse(image);

        Assert.False(store.IsAuthenticated);
        Assert.Equal(["Timeout", "Lang"], store.All.Select(v => v.Name));
        var timeout = store.Find("Timeout", GlobalVariable)!;
        Assert.Equal(new byte[] { 5, 0 }, timeout.GetData());
        Assert.Equal(VarStoreImage.FirstRecord, timeout.Offset);
        // Header 32 + "Timeout" and NUL 16 + data 2 = 50, and the next header at the next multiple of 4.
        Assert.Equal(VarStoreImage.FirstRecord + 52, store.Find("Lang", GlobalVariable)!.Offset);
        Assert.Null(timeout.MonotonicCount);
        Assert.Null(timeout.TimeStamp);
        Assert.Null(timeout.PubKeyIndex);
    }

    [Fact]
    public void The_authenticated_header_fields_are_read()
    {
        var image = new VarStoreImage()
            .Add("db", ImageSecurityDatabase, [1, 2, 3], attributes: 0x27, time: VarStoreImage.Time(2010, 3, 6, 19, 17, 21, nanosecond: 500), monotonicCount: 7, pubKeyIndex: 2)
            .Build();

        var db = FirmwareVariableStore.Parse(image).Find("db", ImageSecurityDatabase)!;

        Assert.Equal(7ul, db.MonotonicCount);
        Assert.Equal(2u, db.PubKeyIndex);
        Assert.Equal(new DateTimeOffset(2010, 3, 6, 19, 17, 21, TimeSpan.Zero).AddTicks(5), db.TimeStamp);
        Assert.Equal(0x3F, db.RawState);
    }

    [Theory]
    [InlineData(13, 0)]
    [InlineData(2, 60)]
    public void A_time_stamp_that_is_no_UTC_calendar_time_is_null(byte month, short timeZone)
    {
        var image = new VarStoreImage().Add("db", ImageSecurityDatabase, [1], time: VarStoreImage.Time(2024, month, 1, 0, 0, 0, timeZone: timeZone)).Build();

        Assert.Null(FirmwareVariableStore.Parse(image).Find("db", ImageSecurityDatabase)!.TimeStamp);
    }

    [Fact]
    public void A_copy_in_deleted_transition_is_current_when_no_live_copy_follows()
    {
        // edk2 FindVariableEx: an update cut short leaves the old value at 0x3E and no live copy; the old value stands.
        var image = new VarStoreImage()
            .Add("BootOrder", GlobalVariable, [0, 0], state: 0x3E)
            .Add("Timeout", GlobalVariable, [5, 0])
            .Build();

        var bootOrder = FirmwareVariableStore.Parse(image).Find("BootOrder", GlobalVariable)!;

        Assert.Equal(FirmwareVariableState.InDeletedTransition, bootOrder.State);
        Assert.Equal(new byte[] { 0, 0 }, bootOrder.GetData());
    }

    [Fact]
    public void A_live_copy_wins_over_one_in_deleted_transition()
    {
        var image = new VarStoreImage()
            .Add("BootOrder", GlobalVariable, [0, 0], state: 0x3E)
            .Add("BootOrder", GlobalVariable, [1, 0])
            .Build();

        var store = FirmwareVariableStore.Parse(image);

        Assert.Equal(new byte[] { 1, 0 }, store.Find("BootOrder", GlobalVariable)!.GetData());
        Assert.Single(store.Current);
        Assert.Equal(2, store.All.Count);
    }

    [Fact]
    public void Of_two_live_copies_the_first_is_current_as_edk2_finds_it()
    {
        var image = new VarStoreImage()
            .Add("Timeout", GlobalVariable, [1, 0])
            .Add("Timeout", GlobalVariable, [2, 0])
            .Build();

        Assert.Equal(new byte[] { 1, 0 }, FirmwareVariableStore.Parse(image).Find("Timeout", GlobalVariable)!.GetData());
    }

    [Fact]
    public void A_deleted_variable_is_listed_but_not_current()
    {
        var image = new VarStoreImage().Add("PK", GlobalVariable, [9], state: 0x3D).Build();

        var store = FirmwareVariableStore.Parse(image);

        Assert.Equal(FirmwareVariableState.Deleted, Assert.Single(store.All).State);
        Assert.Empty(store.Current);
        Assert.Null(store.Find("PK", GlobalVariable));
    }

    [Fact]
    public void A_record_whose_name_and_data_were_not_yet_written_is_incomplete_and_skipped_by_its_sizes()
    {
        // VAR_HEADER_VALID_ONLY (0x7F): the sizes are there, the name bytes are still erased.
        var image = new VarStoreImage()
            .AddRaw(Enumerable.Repeat((byte)0xFF, 6).ToArray(), GlobalVariable, [0xFF, 0xFF], 0x7F, 0x7, null, 0, 0, 6, 2)
            .Add("Timeout", GlobalVariable, [5, 0])
            .Build();

        var store = FirmwareVariableStore.Parse(image);

        Assert.Equal(FirmwareVariableState.Incomplete, store.All[0].State);
        Assert.Equal(string.Empty, store.All[0].Name);
        Assert.Equal(0, store.All[0].DataLength);
        Assert.Equal(new byte[] { 5, 0 }, store.Find("Timeout", GlobalVariable)!.GetData());
    }

    [Fact]
    public void A_header_with_erased_sizes_is_read_as_a_bare_header_as_edk2_does()
    {
        // State still 0xFF and NameSize/DataSize 0xFFFFFFFF: edk2 takes both sizes as 0, so the next header is read right
        // after this one. Here the name bytes that follow are not a header, so the walk ends.
        var image = new VarStoreImage()
            .AddRaw("T\0i\0"u8.ToArray(), GlobalVariable, [], 0xFF, 0xFFFFFFFF, null, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF)
            .Build();

        var store = FirmwareVariableStore.Parse(image);

        Assert.Equal(FirmwareVariableState.Incomplete, Assert.Single(store.All).State);
        Assert.Equal(VarStoreImage.FirstRecord + 60, store.FreeSpaceOffset);
    }

    [Fact]
    public void An_unrecognized_state_is_listed_but_never_current()
    {
        var image = new VarStoreImage().Add("PK", GlobalVariable, [9], state: 0x1F).Build();

        var store = FirmwareVariableStore.Parse(image);

        Assert.Equal(FirmwareVariableState.Unrecognized, Assert.Single(store.All).State);
        Assert.Null(store.Find("PK", GlobalVariable));
    }

    [Fact]
    public void A_name_with_a_surrogate_pair_is_read()
    {
        var image = new VarStoreImage().Add("Key\U0001F511", GlobalVariable, [1]).Build();

        Assert.Equal("Key\U0001F511", Assert.Single(FirmwareVariableStore.Parse(image).All).Name);
    }

    [Fact]
    public void An_empty_variable_has_no_data()
    {
        var image = new VarStoreImage().Add("dbt", ImageSecurityDatabase, []).Add("dbr", ImageSecurityDatabase, [1]).Build();

        var store = FirmwareVariableStore.Parse(image);

        Assert.Equal(0, store.Find("dbt", ImageSecurityDatabase)!.DataLength);
        Assert.Equal(new byte[] { 1 }, store.Find("dbr", ImageSecurityDatabase)!.GetData());
    }

    [Fact]
    public void Records_are_read_from_4_byte_aligned_headers_with_no_padding_between_name_and_data()
    {
        // "A" + NUL is 4 bytes and the data 3: the next header is at 60 + 4 + 3 rounded up to 68.
        var image = new VarStoreImage()
            .Add("A", GlobalVariable, [1, 2, 3])
            .Add("B", GlobalVariable, [4])
            .Build();

        var store = FirmwareVariableStore.Parse(image);

        Assert.Equal(new byte[] { 1, 2, 3 }, store.Find("A", GlobalVariable)!.GetData());
        Assert.Equal(VarStoreImage.FirstRecord + 68, store.Find("B", GlobalVariable)!.Offset);
    }
}
