using System;
using System.Collections.Generic;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// One change, checked and converted to what the Windows API takes, before any native call. Produced by
/// <see cref="BaselineWriteValidation.Validate"/>; carried out by the Windows writers.
/// </summary>
internal abstract class BaselineWriteOperation
{
    protected BaselineWriteOperation(FactRef fact) => Fact = fact;

    /// <summary>The setting being changed.</summary>
    public FactRef Fact { get; }
}

/// <summary>
/// The registry types a baseline write sets. Kept apart from Microsoft.Win32.RegistryValueKind, which the net8.0
/// reference marks Windows-only, so the checks that use it run on any platform.
/// </summary>
internal enum RegistryWriteKind
{
    /// <summary>REG_DWORD.</summary>
    DWord,

    /// <summary>REG_QWORD.</summary>
    QWord,

    /// <summary>REG_SZ.</summary>
    String,

    /// <summary>REG_EXPAND_SZ, written unexpanded.</summary>
    ExpandString,

    /// <summary>REG_MULTI_SZ.</summary>
    MultiString,

    /// <summary>REG_BINARY.</summary>
    Binary,
}

/// <summary>Create HKLM\<see cref="SubKey"/> if needed and set one value of one kind.</summary>
internal sealed class RegistryValueChange : BaselineWriteOperation
{
    public RegistryValueChange(FactRef fact, string subKey, string valueName, RegistryWriteKind kind, object data)
        : base(fact)
    {
        SubKey = subKey;
        ValueName = valueName;
        Kind = kind;
        Data = data;
    }

    /// <summary>The key below HKLM, without the hive.</summary>
    public string SubKey { get; }

    /// <summary>The value name; empty for the key's default value.</summary>
    public string ValueName { get; }

    /// <summary>The registry kind to write.</summary>
    public RegistryWriteKind Kind { get; }

    /// <summary>What RegistryKey.SetValue takes for <see cref="Kind"/>: int, long, string, string[] or byte[].</summary>
    public object Data { get; }
}

/// <summary>Delete one value from HKLM\<see cref="SubKey"/>; nothing to do when the key or the value is absent.</summary>
internal sealed class RegistryValueDeletion : BaselineWriteOperation
{
    public RegistryValueDeletion(FactRef fact, string subKey, string valueName)
        : base(fact)
    {
        SubKey = subKey;
        ValueName = valueName;
    }

    /// <summary>The key below HKLM, without the hive.</summary>
    public string SubKey { get; }

    /// <summary>The value name; empty for the key's default value.</summary>
    public string ValueName { get; }
}

/// <summary>Make <see cref="Sids"/> exactly the accounts that hold <see cref="Right"/> directly.</summary>
internal sealed class UserRightChange : BaselineWriteOperation
{
    public UserRightChange(FactRef fact, string right, IReadOnlyList<string> sids)
        : base(fact)
    {
        Right = right;
        Sids = sids;
    }

    /// <summary>The right or privilege constant (<c>SeNetworkLogonRight</c>).</summary>
    public string Right { get; }

    /// <summary>The desired holders, SID strings, without duplicates.</summary>
    public IReadOnlyList<string> Sids { get; }
}

/// <summary>Set one advanced-audit subcategory to <see cref="Desired"/> (bit 1 success, bit 2 failure, 0 none).</summary>
internal sealed class AuditPolicyChange : BaselineWriteOperation
{
    public AuditPolicyChange(FactRef fact, Guid subcategory, uint desired)
        : base(fact)
    {
        Subcategory = subcategory;
        Desired = desired;
    }

    /// <summary>The subcategory GUID.</summary>
    public Guid Subcategory { get; }

    /// <summary>0, 1, 2 or 3: the audit bits the subcategory must end with.</summary>
    public uint Desired { get; }
}

/// <summary>NetUserModalsSet at one single-DWORD level (1001–1005) with a value already in the API's units.</summary>
internal sealed class AccountPolicyChange : BaselineWriteOperation
{
    public AccountPolicyChange(FactRef fact, uint level, uint value)
        : base(fact)
    {
        Level = level;
        Value = value;
    }

    /// <summary>The USER_MODALS_INFO level: 1001 minimum length, 1002 maximum age, 1003 minimum age, 1004 force logoff, 1005 history.</summary>
    public uint Level { get; }

    /// <summary>The DWORD to write: a length, a count, or seconds (TIMEQ_FOREVER for never).</summary>
    public uint Value { get; }
}

/// <summary>NetUserModalsSet level 3; a null field keeps the current value (read first with NetUserModalsGet).</summary>
internal sealed class LockoutPolicyChange : BaselineWriteOperation
{
    public LockoutPolicyChange(FactRef fact, uint? durationSeconds, uint? observationWindowSeconds, uint? threshold)
        : base(fact)
    {
        DurationSeconds = durationSeconds;
        ObservationWindowSeconds = observationWindowSeconds;
        Threshold = threshold;
    }

    /// <summary>usrmod3_lockout_duration in seconds, TIMEQ_FOREVER until an administrator unlocks; null keeps it.</summary>
    public uint? DurationSeconds { get; }

    /// <summary>usrmod3_lockout_observation_window in seconds; null keeps it.</summary>
    public uint? ObservationWindowSeconds { get; }

    /// <summary>usrmod3_lockout_threshold; null keeps it.</summary>
    public uint? Threshold { get; }

    /// <summary>True when every field is given, so nothing needs to be read first.</summary>
    public bool IsComplete => DurationSeconds.HasValue && ObservationWindowSeconds.HasValue && Threshold.HasValue;
}

/// <summary>Rename the built-in account with RID <see cref="Rid"/> (found by SID, whatever its current name).</summary>
internal sealed class BuiltinAccountRename : BaselineWriteOperation
{
    public BuiltinAccountRename(FactRef fact, uint rid, string newName)
        : base(fact)
    {
        Rid = rid;
        NewName = newName;
    }

    /// <summary>500 (Administrator) or 501 (Guest).</summary>
    public uint Rid { get; }

    /// <summary>The validated new account name.</summary>
    public string NewName { get; }
}

/// <summary>Enable or disable the built-in account with RID <see cref="Rid"/>.</summary>
internal sealed class BuiltinAccountEnablement : BaselineWriteOperation
{
    public BuiltinAccountEnablement(FactRef fact, uint rid, bool enabled)
        : base(fact)
    {
        Rid = rid;
        Enabled = enabled;
    }

    /// <summary>500 (Administrator) or 501 (Guest).</summary>
    public uint Rid { get; }

    /// <summary>True to enable (clear UF_ACCOUNTDISABLE), false to disable.</summary>
    public bool Enabled { get; }
}
