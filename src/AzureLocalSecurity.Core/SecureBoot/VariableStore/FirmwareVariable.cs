using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>
/// One variable record of a firmware variable store, as written in flash: its header's fields, its name and a copy of its
/// data. A store can hold several records of one name (old copies are marked deleted, not erased); see
/// <see cref="FirmwareVariableStore.Current"/> for the values the firmware would return.
/// </summary>
public sealed class FirmwareVariable
{
    private readonly byte[] _data;

    internal FirmwareVariable(
        long offset,
        string name,
        Guid vendorGuid,
        EfiVariableAttributes attributes,
        byte rawState,
        FirmwareVariableState state,
        ulong? monotonicCount,
        DateTimeOffset? timeStamp,
        uint? pubKeyIndex,
        byte[] data)
    {
        Offset = offset;
        Name = name;
        VendorGuid = vendorGuid;
        Attributes = attributes;
        RawState = rawState;
        State = state;
        MonotonicCount = monotonicCount;
        TimeStamp = timeStamp;
        PubKeyIndex = pubKeyIndex;
        _data = data;
        Id = name.Length == 0 ? null : new EfiVariableId(name, vendorGuid);
    }

    /// <summary>The byte offset of the record's header (its StartId 0x55AA) in the image.</summary>
    public long Offset { get; }

    /// <summary>The variable's name without its NUL terminator; empty for an <see cref="FirmwareVariableState.Incomplete"/> record.</summary>
    public string Name { get; }

    /// <summary>The vendor GUID the name lives under.</summary>
    public Guid VendorGuid { get; }

    /// <summary>The attribute bits as stored (EFI_VARIABLE_*).</summary>
    public EfiVariableAttributes Attributes { get; }

    /// <summary>The header's State byte as stored.</summary>
    public byte RawState { get; }

    /// <summary>What <see cref="RawState"/> means.</summary>
    public FirmwareVariableState State { get; }

    /// <summary>MonotonicCount of an authenticated-format record (0 unless the variable used count-based authentication); null in a store without authenticated headers.</summary>
    public ulong? MonotonicCount { get; }

    /// <summary>
    /// TimeStamp of an authenticated-format record: the EFI_TIME of the signed payload that last wrote a time-based
    /// authenticated variable (PK, KEK, db, dbx), read as UTC. Null when the field is all zero (every other variable),
    /// when it is not a calendar time, when its TimeZone is neither 0 nor EFI_UNSPECIFIED_TIMEZONE (the specification
    /// requires 0 in authenticated variables' time stamps), and in a store without authenticated headers.
    /// </summary>
    public DateTimeOffset? TimeStamp { get; }

    /// <summary>PubKeyIndex of an authenticated-format record; null in a store without authenticated headers.</summary>
    public uint? PubKeyIndex { get; }

    /// <summary>The number of data bytes.</summary>
    public int DataLength => _data.Length;

    /// <summary>The full name, <see cref="Name"/> and <see cref="VendorGuid"/>; null for an <see cref="FirmwareVariableState.Incomplete"/> record, which has no name.</summary>
    public EfiVariableId? Id { get; }

    /// <summary>The data bytes the firmware's GetVariable would return for this record (no attribute prefix); a copy.</summary>
    public byte[] GetData() => (byte[])_data.Clone();

    /// <summary>The data without a copy, for evidence items (which copy it themselves).</summary>
    internal byte[] RawData => _data;

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}-{1:D} ({2}, attributes 0x{3:X}, {4} bytes, at 0x{5:X})", Name, VendorGuid, State, (uint)Attributes, _data.Length, Offset);
}
