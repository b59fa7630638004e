using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection.Windows;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Writers;

/// <summary>The conversions and checks the Windows writers rely on, called directly.</summary>
public class BaselineWriteValidationTests
{
    private static readonly FactRef Registry = FactRef.Registry(@"HKLM\SOFTWARE\Policies\Microsoft\Windows NT\DNSClient", "EnableMulticast");
    private static readonly FactRef Account = new(FactSource.AccountPolicy, string.Empty, "MaximumPasswordAge");
    private static readonly FactRef Lockout = new(FactSource.AccountPolicy, string.Empty, "AccountLockoutPolicy");

    // ---- Registry ----

    [Theory]
    [InlineData(@"HKLM\SOFTWARE\Policies\X", @"SOFTWARE\Policies\X")]
    [InlineData(@"HKLM:\SOFTWARE\Policies\X", @"SOFTWARE\Policies\X")]
    [InlineData(@"hkey_local_machine\SYSTEM\CurrentControlSet\Control\Lsa", @"SYSTEM\CurrentControlSet\Control\Lsa")]
    [InlineData(@"HKLM\SOFTWARE\Policies\X\", @"SOFTWARE\Policies\X")]
    public void The_subkey_is_the_path_below_the_HKLM_prefix(string path, string expected)
    {
        Assert.Equal(expected, BaselineWriteValidation.RegistrySubKey(FactRef.Registry(path, "V")));
    }

    [Fact]
    public void A_key_path_with_surrounding_spaces_is_refused()
    {
        var ex = Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.RegistrySubKey(FactRef.Registry(@"HKLM\SOFTWARE\X ", "V")));

        Assert.Contains("white space", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("REG_DWORD", "DWord")]
    [InlineData("REG_QWORD", "QWord")]
    [InlineData("REG_SZ", "String")]
    [InlineData("REG_EXPAND_SZ", "ExpandString")]
    [InlineData("REG_MULTI_SZ", "MultiString")]
    [InlineData("REG_BINARY", "Binary")]
    [InlineData(" reg_dword ", "DWord")]
    public void Each_REG_type_maps_to_its_kind(string type, string expected)
    {
        // The kind is internal, so the theory names it.
        Assert.Equal(expected, BaselineWriteValidation.ParseRegistryType(Registry, type).ToString());
    }

    [Fact]
    public void A_REG_DWORD_above_int_MaxValue_is_passed_as_the_int_with_the_same_bits()
    {
        var data = BaselineWriteValidation.RegistryData(Registry, RegistryWriteKind.DWord, FactValue.FromNumber(4294967295));

        Assert.Equal(-1, Assert.IsType<int>(data));
    }

    [Fact]
    public void A_small_REG_DWORD_is_passed_unchanged()
    {
        Assert.Equal(2, Assert.IsType<int>(BaselineWriteValidation.RegistryData(Registry, RegistryWriteKind.DWord, FactValue.FromNumber(2))));
    }

    [Fact]
    public void A_REG_QWORD_is_passed_as_a_long()
    {
        Assert.Equal(8589934592L, Assert.IsType<long>(BaselineWriteValidation.RegistryData(Registry, RegistryWriteKind.QWord, FactValue.FromNumber(8589934592L))));
    }

    [Fact]
    public void A_REG_EXPAND_SZ_is_passed_as_the_unexpanded_text()
    {
        var data = BaselineWriteValidation.RegistryData(Registry, RegistryWriteKind.ExpandString, FactValue.FromText(@"%SystemRoot%\System32"));

        Assert.Equal(@"%SystemRoot%\System32", Assert.IsType<string>(data));
    }

    [Fact]
    public void A_REG_MULTI_SZ_is_passed_as_a_string_array_in_order()
    {
        string[] paths = ["System\\CurrentControlSet\\Control\\ProductOptions", "Software\\Microsoft\\Windows NT\\CurrentVersion"];

        var data = BaselineWriteValidation.RegistryData(Registry, RegistryWriteKind.MultiString, FactValue.FromTextList(paths));

        Assert.Equal(paths, Assert.IsType<string[]>(data));
        Assert.NotSame(paths, data);
    }

    [Fact]
    public void An_empty_REG_MULTI_SZ_is_allowed()
    {
        Assert.Empty(Assert.IsType<string[]>(BaselineWriteValidation.RegistryData(Registry, RegistryWriteKind.MultiString, FactValue.FromTextList([]))));
    }

    [Fact]
    public void A_REG_BINARY_is_passed_as_its_bytes()
    {
        var data = BaselineWriteValidation.RegistryData(Registry, RegistryWriteKind.Binary, FactValue.FromBinary(new byte[] { 0x00, 0x7F, 0xFF }));

        Assert.Equal(new byte[] { 0x00, 0x7F, 0xFF }, Assert.IsType<byte[]>(data));
    }

    [Fact]
    public void Absent_becomes_a_deletion_and_needs_no_type()
    {
        var operation = BaselineWriteValidation.Validate(Registry, FactValue.Absent, null);

        var deletion = Assert.IsType<RegistryValueDeletion>(operation);
        Assert.Equal(@"SOFTWARE\Policies\Microsoft\Windows NT\DNSClient", deletion.SubKey);
        Assert.Equal("EnableMulticast", deletion.ValueName);
    }

    [Fact]
    public void A_registry_value_becomes_a_change_with_its_kind_and_data()
    {
        var operation = BaselineWriteValidation.Validate(Registry, FactValue.FromNumber(0), "REG_DWORD");

        var change = Assert.IsType<RegistryValueChange>(operation);
        Assert.Equal(RegistryWriteKind.DWord, change.Kind);
        Assert.Equal(0, change.Data);
        Assert.Equal("EnableMulticast", change.ValueName);
    }

    [Fact]
    public void The_default_value_of_a_key_has_an_empty_name()
    {
        var change = Assert.IsType<RegistryValueChange>(BaselineWriteValidation.Validate(FactRef.Registry(@"HKLM\SOFTWARE\X", string.Empty), FactValue.FromText("v"), "REG_SZ"));

        Assert.Equal(string.Empty, change.ValueName);
    }

    // ---- User rights ----

    [Theory]
    [InlineData("SeNetworkLogonRight", true)]
    [InlineData("SeDenyRemoteInteractiveLogonRight", true)]
    [InlineData("SeSecurityPrivilege", true)]
    [InlineData("SeBackup", false)]
    [InlineData("seNetworkLogonRight", false)]
    [InlineData("Se Network LogonRight", false)]
    [InlineData("SeNetworkLogonRights", false)]
    public void Right_names_are_Se_letters_and_Right_or_Privilege(string name, bool expected)
    {
        Assert.Equal(expected, BaselineWriteValidation.IsRightName(name));
    }

    [Theory]
    [InlineData("S-1-5-32-544", true)]
    [InlineData("S-1-1-0", true)]
    [InlineData("S-1-5-21-3623811015-3361044348-30300820-1013", true)]
    [InlineData("S-1-15-2-1", true)]
    [InlineData("S-1-5", false)]
    [InlineData("S-2-5-32-544", false)]
    [InlineData("S-1-5-32-", false)]
    [InlineData("S-1-5-32-4294967296", false)]
    [InlineData("S-1-281474976710656-1", false)]
    [InlineData("BA", false)]
    [InlineData("Administrators", false)]
    [InlineData("S-1-5-0x20-544", false)]
    public void SID_strings_are_revision_1_with_one_to_fifteen_sub_authorities(string sid, bool expected)
    {
        Assert.Equal(expected, BaselineWriteValidation.IsSidString(sid));
    }

    [Fact]
    public void Sixteen_sub_authorities_are_one_too_many()
    {
        Assert.False(BaselineWriteValidation.IsSidString("S-1-5" + string.Concat(Enumerable.Repeat("-1", 16))));
        Assert.True(BaselineWriteValidation.IsSidString("S-1-5" + string.Concat(Enumerable.Repeat("-1", 15))));
    }

    [Fact]
    public void Desired_holders_drop_the_secedit_star_and_duplicates_and_keep_order()
    {
        var fact = new FactRef(FactSource.UserRight, string.Empty, "SeNetworkLogonRight");

        var holders = BaselineWriteValidation.DesiredHolders(fact, FactValue.FromSids(["*S-1-5-32-544", "*S-1-5-11", "s-1-5-32-544"]));

        Assert.Equal(2, holders.Count);
        Assert.Equal("S-1-5-32-544", holders[0]);
        Assert.Equal("S-1-5-11", holders[1]);
    }

    [Fact]
    public void An_empty_SID_list_means_no_account_holds_the_right()
    {
        var fact = new FactRef(FactSource.UserRight, string.Empty, "SeTrustedCredManAccessPrivilege");

        var change = Assert.IsType<UserRightChange>(BaselineWriteValidation.Validate(fact, FactValue.FromSids([]), null));

        Assert.Equal("SeTrustedCredManAccessPrivilege", change.Right);
        Assert.Empty(change.Sids);
    }

    // ---- Audit policy ----

    [Theory]
    [InlineData(0u, 3u, new uint[] { 3 })]
    [InlineData(1u, 3u, new uint[] { 3 })]
    [InlineData(3u, 3u, new uint[0])]
    [InlineData(3u, 1u, new uint[] { 4, 1 })]
    [InlineData(2u, 1u, new uint[] { 4, 1 })]
    [InlineData(3u, 0u, new uint[] { 4 })]
    [InlineData(0u, 0u, new uint[0])]
    [InlineData(4u, 0u, new uint[0])]
    [InlineData(4u, 2u, new uint[] { 2 })]
    public void The_audit_set_sequence_never_sends_0_and_clears_before_dropping_a_bit(uint current, uint desired, uint[] expected)
    {
        var steps = BaselineWriteValidation.AuditSetSequence(current, desired);

        Assert.Equal(expected, steps);
        Assert.DoesNotContain(0u, steps);
    }

    [Fact]
    public void An_audit_subcategory_GUID_is_parsed_with_or_without_braces()
    {
        var fact = new FactRef(FactSource.AuditPolicy, string.Empty, "{0CCE9217-69AE-11D9-BED3-505054503030}");

        var change = Assert.IsType<AuditPolicyChange>(BaselineWriteValidation.Validate(fact, FactValue.FromNumber(2), null));

        Assert.Equal(new Guid("0cce9217-69ae-11d9-bed3-505054503030"), change.Subcategory);
        Assert.Equal(2u, change.Desired);
    }

    [Fact]
    public void The_empty_GUID_is_not_a_subcategory()
    {
        var fact = new FactRef(FactSource.AuditPolicy, string.Empty, Guid.Empty.ToString());

        Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.Validate(fact, FactValue.FromNumber(1), null));
    }

    // ---- Account policy ----

    [Fact]
    public void Days_become_seconds()
    {
        Assert.Equal(3628800u, BaselineWriteValidation.DaysToSeconds(Account, 42));
    }

    [Fact]
    public void Minutes_become_seconds()
    {
        Assert.Equal(900u, BaselineWriteValidation.MinutesToSeconds(Lockout, 15));
    }

    [Fact]
    public void Days_that_overflow_a_DWORD_of_seconds_are_refused()
    {
        Assert.Equal(4294944000u, BaselineWriteValidation.DaysToSeconds(Account, 49710));
        Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.DaysToSeconds(Account, 49711));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(0L)]
    public void A_maximum_password_age_of_never_is_TIMEQ_FOREVER(long days)
    {
        Assert.Equal(0xFFFFFFFFu, BaselineWriteValidation.MaximumPasswordAgeSeconds(Account, days));
    }

    [Theory]
    [InlineData(1L, 86400u)]
    [InlineData(60L, 5184000u)]
    [InlineData(999L, 86313600u)]
    public void A_maximum_password_age_in_days_is_sent_in_seconds(long days, uint seconds)
    {
        Assert.Equal(seconds, BaselineWriteValidation.MaximumPasswordAgeSeconds(Account, days));
    }

    [Theory]
    [InlineData(1000L)]
    [InlineData(-2L)]
    public void A_maximum_password_age_outside_the_documented_range_is_refused(long days)
    {
        var ex = Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.MaximumPasswordAgeSeconds(Account, days));

        Assert.Contains("outside 1 to 999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimum_password_age_of_zero_is_zero_seconds()
    {
        Assert.Equal(0u, BaselineWriteValidation.MinimumPasswordAgeSeconds(Account, 0));
    }

    [Fact]
    public void A_negative_minimum_password_age_is_refused()
    {
        Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.MinimumPasswordAgeSeconds(Account, -1));
    }

    [Fact]
    public void Force_logoff_enabled_is_zero_seconds_and_disabled_is_forever()
    {
        Assert.Equal(0u, BaselineWriteValidation.ForceLogoffSeconds(Account, 1));
        Assert.Equal(0xFFFFFFFFu, BaselineWriteValidation.ForceLogoffSeconds(Account, 0));
    }

    [Fact]
    public void Force_logoff_other_than_0_or_1_is_refused()
    {
        Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.ForceLogoffSeconds(Account, 2));
    }

    [Theory]
    [InlineData("MinimumPasswordLength", 14L, 1001u, 14u)]
    [InlineData("MaximumPasswordAge", 42L, 1002u, 3628800u)]
    [InlineData("MinimumPasswordAge", 1L, 1003u, 86400u)]
    [InlineData("ForceLogoff", 1L, 1004u, 0u)]
    [InlineData("PasswordHistorySize", 24L, 1005u, 24u)]
    [InlineData("passwordhistorysize", 24L, 1005u, 24u)]
    public void Each_password_policy_goes_to_its_single_field_level(string name, long n, uint level, uint value)
    {
        var change = Assert.IsType<AccountPolicyChange>(BaselineWriteValidation.Validate(new FactRef(FactSource.AccountPolicy, string.Empty, name), FactValue.FromNumber(n), null));

        Assert.Equal(level, change.Level);
        Assert.Equal(value, change.Value);
    }

    [Fact]
    public void The_catalog_lockout_policy_becomes_seconds_and_a_count()
    {
        var change = BaselineWriteValidation.ParseLockoutPolicy(Lockout, Pairs(("AccountLockoutDuration", "15"), ("AccountLockoutThreshold", "3"), ("ResetAccountLockoutCounterAfter", "15")));

        Assert.Equal(900u, change.DurationSeconds);
        Assert.Equal(900u, change.ObservationWindowSeconds);
        Assert.Equal(3u, change.Threshold);
        Assert.True(change.IsComplete);
    }

    [Fact]
    public void A_partial_lockout_policy_leaves_the_missing_fields_to_be_kept()
    {
        var change = BaselineWriteValidation.ParseLockoutPolicy(Lockout, Pairs((" accountlockoutthreshold ", " 5 ")));

        Assert.Null(change.DurationSeconds);
        Assert.Null(change.ObservationWindowSeconds);
        Assert.Equal(5u, change.Threshold);
        Assert.False(change.IsComplete);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    public void A_lockout_duration_until_an_administrator_unlocks_is_TIMEQ_FOREVER(string minutes)
    {
        var change = BaselineWriteValidation.ParseLockoutPolicy(Lockout, Pairs(("AccountLockoutDuration", minutes), ("ResetAccountLockoutCounterAfter", "30")));

        Assert.Equal(0xFFFFFFFFu, change.DurationSeconds);
        Assert.Equal(1800u, change.ObservationWindowSeconds);
    }

    [Fact]
    public void A_reset_time_longer_than_the_lockout_duration_is_refused()
    {
        var ex = Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.ParseLockoutPolicy(Lockout, Pairs(("AccountLockoutDuration", "15"), ("ResetAccountLockoutCounterAfter", "30"))));

        Assert.Contains("duration must be at least the reset time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lockout_setting_given_twice_is_refused()
    {
        var ex = Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.ParseLockoutPolicy(Lockout, Pairs(("AccountLockoutThreshold", "3"), ("AccountLockoutThreshold", "5"))));

        Assert.Contains("AccountLockoutThreshold is given twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lockout_value_that_is_not_a_whole_number_is_refused()
    {
        var ex = Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.ParseLockoutPolicy(Lockout, Pairs(("AccountLockoutDuration", "15 minutes"))));

        Assert.Contains("'15 minutes' for AccountLockoutDuration is not a whole number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_lockout_key_is_refused()
    {
        var ex = Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.ParseLockoutPolicy(Lockout, Pairs(("LockoutBadCount", "3"))));

        Assert.Contains("'LockoutBadCount' is not a lockout setting", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lockout_threshold_above_999_is_refused()
    {
        var ex = Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.ParseLockoutPolicy(Lockout, Pairs(("AccountLockoutThreshold", "1000"))));

        Assert.Contains("outside 0 to 999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_lockout_policy_is_refused()
    {
        Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.ParseLockoutPolicy(Lockout, FactValue.FromPairs([])));
    }

    // ---- Built-in accounts ----

    [Theory]
    [InlineData("LocalSvcAdmin")]
    [InlineData("a")]
    [InlineData("TwentyCharacterName1")]
    public void Account_names_within_the_documented_rules_are_accepted(string name)
    {
        Assert.Equal(name, BaselineWriteValidation.AccountName(new FactRef(FactSource.BuiltinAccount, "500", "Name"), name));
    }

    [Theory]
    [InlineData("TwentyOneCharacters12", "limited to 20")]
    [InlineData("admin.", "end with a period")]
    [InlineData("", "empty")]
    [InlineData(" admin", "white space")]
    [InlineData("ad,min", "cannot contain ','")]
    [InlineData("ad*min", "cannot contain '*'")]
    [InlineData("ad\tmin", "control characters")]
    public void Account_names_outside_the_documented_rules_are_refused(string name, string reason)
    {
        var ex = Assert.Throws<BaselineWriteException>(() => BaselineWriteValidation.AccountName(new FactRef(FactSource.BuiltinAccount, "500", "Name"), name));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabling_sets_UF_ACCOUNTDISABLE_and_keeps_the_other_flags()
    {
        // UF_SCRIPT | UF_NORMAL_ACCOUNT (0x200) | UF_DONT_EXPIRE_PASSWD (0x10000)
        Assert.Equal(0x10203u, BaselineWriteValidation.AccountFlags(0x10201, enabled: false));
    }

    [Fact]
    public void Enabling_clears_UF_ACCOUNTDISABLE_and_keeps_the_other_flags()
    {
        Assert.Equal(0x10201u, BaselineWriteValidation.AccountFlags(0x10203, enabled: true));
    }

    [Fact]
    public void The_flags_written_always_carry_UF_SCRIPT()
    {
        Assert.Equal(0x0201u, BaselineWriteValidation.AccountFlags(0x0202, enabled: true));
    }

    [Fact]
    public void Renaming_the_Administrator_keeps_the_RID_and_the_name()
    {
        var rename = Assert.IsType<BuiltinAccountRename>(BaselineWriteValidation.Validate(new FactRef(FactSource.BuiltinAccount, "500", "Name"), FactValue.FromText("LocalSvcAdmin"), null));

        Assert.Equal(500u, rename.Rid);
        Assert.Equal("LocalSvcAdmin", rename.NewName);
    }

    [Fact]
    public void Disabling_the_Guest_targets_RID_501()
    {
        var enablement = Assert.IsType<BuiltinAccountEnablement>(BaselineWriteValidation.Validate(new FactRef(FactSource.BuiltinAccount, "501", "Enabled"), FactValue.FromNumber(0), null));

        Assert.Equal(501u, enablement.Rid);
        Assert.False(enablement.Enabled);
    }

    private static FactValue Pairs(params (string Key, string Value)[] pairs) =>
        FactValue.FromPairs(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
}
