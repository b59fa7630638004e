using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection.Windows;
using Microsoft.Win32;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Writers;

/// <summary>
/// The public writer, through the paths that end before any native call: every refusal here is the same on every
/// platform, and none of these tests changes a Windows node.
/// </summary>
public class WindowsBaselineWriterTests
{
    private readonly WindowsBaselineWriter _writer = new();

    [Fact]
    public void Deleting_a_value_under_a_missing_key_is_a_no_op_on_Windows_and_refused_as_not_Windows_elsewhere()
    {
        var key = @"HKLM\SOFTWARE\AzureLocalSecurity.Tests\" + Guid.NewGuid().ToString("N");
        var fact = FactRef.Registry(key, "Probe");

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            _writer.Write(fact, FactValue.Absent, null);
            Assert.False(KeyExists(key.Substring(5)));
        }
        else
        {
            var ex = Assert.Throws<BaselineWriteException>(() => _writer.Write(fact, FactValue.Absent, null));
            Assert.Contains("only on Windows", ex.Message, StringComparison.Ordinal);
            Assert.Contains(key + "\\Probe", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_null_fact_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>("fact", () => _writer.Write(null!, FactValue.FromNumber(1), "REG_DWORD"));
    }

    [Fact]
    public void A_null_value_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>("value", () => _writer.Write(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), null!, "REG_DWORD"));
    }

    [Theory]
    [InlineData(@"HKCU\Software\Policies\X")]
    [InlineData(@"HKEY_USERS\S-1-5-18\Software\X")]
    [InlineData(@"HKCR\.txt")]
    public void Keys_outside_HKLM_are_refused(string key)
    {
        var message = Refusal(FactRef.Registry(key, "V"), FactValue.FromNumber(1), "REG_DWORD");

        Assert.Contains("only HKLM keys are changed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_at_the_root_of_HKLM_is_refused()
    {
        var message = Refusal(FactRef.Registry("HKLM", "V"), FactValue.FromNumber(1), "REG_DWORD");

        Assert.Contains("no key below HKLM", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_path_with_an_empty_component_is_refused()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\\Policies", "V"), FactValue.FromNumber(1), "REG_DWORD");

        Assert.Contains("empty component", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_name_longer_than_255_characters_is_refused()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\" + new string('k', 256), "V"), FactValue.FromNumber(1), "REG_DWORD");

        Assert.Contains("256 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_name_longer_than_16383_characters_is_refused()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", new string('v', 16384)), FactValue.FromNumber(1), "REG_DWORD");

        Assert.Contains("16384 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_a_registry_value_without_a_type_is_refused()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), FactValue.FromNumber(1), null);

        Assert.Contains("needs its type", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("REG_LINK")]
    [InlineData("REG_NONE")]
    [InlineData("integer")]
    public void Registry_types_this_writer_does_not_set_are_refused(string type)
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), FactValue.FromNumber(1), type);

        Assert.Contains($"'{type}' is not a registry type", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(4294967296L)]
    public void A_REG_DWORD_outside_32_unsigned_bits_is_refused(long n)
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), FactValue.FromNumber(n), "REG_DWORD");

        Assert.Contains("does not fit a REG_DWORD", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_REG_DWORD_from_text_is_refused_naming_both_kinds()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), FactValue.FromText("1"), "REG_DWORD");

        Assert.Contains("REG_DWORD is set from a Number value; got a Text value", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_REG_SZ_from_a_number_is_refused()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), FactValue.FromNumber(1), "REG_SZ");

        Assert.Contains("REG_SZ is written from a Text value; got a Number value", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_REG_SZ_holding_a_NUL_character_is_refused()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), FactValue.FromText("a\0b"), "REG_SZ");

        Assert.Contains("NUL character", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_REG_MULTI_SZ_with_an_empty_item_is_refused()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), FactValue.FromTextList(["a", string.Empty, "b"]), "REG_MULTI_SZ");

        Assert.Contains("item 1 of the REG_MULTI_SZ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_REG_BINARY_from_text_is_refused()
    {
        var message = Refusal(FactRef.Registry(@"HKLM\SOFTWARE\X", "V"), FactValue.FromText("AQI="), "REG_BINARY");

        Assert.Contains("REG_BINARY is written from a Binary value", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_right_set_from_a_number_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.UserRight, string.Empty, "SeNetworkLogonRight"), FactValue.FromNumber(1), null);

        Assert.Contains("set from a SidList value", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_right_set_to_absent_is_refused_and_asks_for_an_empty_list()
    {
        var message = Refusal(new FactRef(FactSource.UserRight, string.Empty, "SeNetworkLogonRight"), FactValue.Absent, null);

        Assert.Contains("empty for none", message, StringComparison.Ordinal);
        Assert.Contains("got Absent", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_right_granted_to_an_account_name_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.UserRight, string.Empty, "SeNetworkLogonRight"), FactValue.FromSids(["*S-1-5-32-544", "Guests"]), null);

        Assert.Contains("'Guests' is not a SID string", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_right_name_that_is_not_a_right_or_privilege_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.UserRight, string.Empty, "NetworkLogon"), FactValue.FromSids([]), null);

        Assert.Contains("'NetworkLogon' is not a user right or privilege name", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_audit_policy_named_by_something_other_than_a_GUID_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.AuditPolicy, string.Empty, "Account Lockout"), FactValue.FromNumber(2), null);

        Assert.Contains("'Account Lockout' is not an audit subcategory GUID", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(4L)]
    public void An_audit_setting_outside_0_to_3_is_refused(long n)
    {
        var message = Refusal(new FactRef(FactSource.AuditPolicy, string.Empty, "0cce9217-69ae-11d9-bed3-505054503030"), FactValue.FromNumber(n), null);

        Assert.Contains("is not 0 (no auditing), 1 (success), 2 (failure) or 3", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_audit_setting_given_as_text_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.AuditPolicy, string.Empty, "0cce9217-69ae-11d9-bed3-505054503030"), FactValue.FromText("Success"), null);

        Assert.Contains("set from a Number value; got a Text value", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PasswordComplexity")]
    [InlineData("ClearTextPassword")]
    [InlineData("AllowAdministratorLockout")]
    public void Account_policies_without_a_documented_API_are_refused_saying_so(string name)
    {
        var message = Refusal(new FactRef(FactSource.AccountPolicy, string.Empty, name), FactValue.FromNumber(1), null);

        Assert.Contains($"no documented Windows API sets {name}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_account_policy_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.AccountPolicy, string.Empty, "LockoutBadCount"), FactValue.FromNumber(3), null);

        Assert.Contains("'LockoutBadCount' is not an account policy this writer knows", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_policy_given_as_text_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.AccountPolicy, string.Empty, "MinimumPasswordLength"), FactValue.FromText("14"), null);

        Assert.Contains("MinimumPasswordLength is set from a Number value", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lockout_policy_given_as_a_number_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.AccountPolicy, string.Empty, "AccountLockoutPolicy"), FactValue.FromNumber(3), null);

        Assert.Contains("set from KeyValues pairs", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lockout_policy_that_asks_for_administrator_lockout_is_refused_saying_no_API_sets_it()
    {
        var value = Pairs(("AccountLockoutThreshold", "3"), ("AllowAdministratorLockout", "1"));

        var message = Refusal(new FactRef(FactSource.AccountPolicy, string.Empty, "AccountLockoutPolicy"), value, null);

        Assert.Contains("no documented Windows API sets AllowAdministratorLockout", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500", "Sid")]
    [InlineData("501", "FullName")]
    public void Built_in_account_properties_other_than_Name_and_Enabled_are_refused(string rid, string property)
    {
        var message = Refusal(new FactRef(FactSource.BuiltinAccount, rid, property), FactValue.FromText("x"), null);

        Assert.Contains($"'{property}' is not a built-in account property", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("502")]
    [InlineData("Administrator")]
    [InlineData("")]
    public void Built_in_accounts_other_than_500_and_501_are_refused(string rid)
    {
        var message = Refusal(new FactRef(FactSource.BuiltinAccount, rid, "Enabled"), FactValue.FromNumber(0), null);

        Assert.Contains($"'{rid}' is not a built-in account RID", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabling_a_built_in_account_with_2_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.BuiltinAccount, "501", "Enabled"), FactValue.FromNumber(2), null);

        Assert.Contains("2 is not 1 (enabled) or 0 (disabled)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renaming_a_built_in_account_from_a_number_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.BuiltinAccount, "500", "Name"), FactValue.FromNumber(500), null);

        Assert.Contains("renamed from a Text value", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renaming_a_built_in_account_to_a_name_with_a_forbidden_character_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.BuiltinAccount, "500", "Name"), FactValue.FromText("Admin:1"), null);

        Assert.Contains("cannot contain ':'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Secured_core_status_is_refused_as_not_a_setting()
    {
        var message = Refusal(new FactRef(FactSource.SecuredCoreStatus, string.Empty, "BootDMAProtection"), FactValue.FromNumber(1), null);

        Assert.Contains("a status is not a setting", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_fact_is_refused()
    {
        var message = Refusal(new FactRef(FactSource.Unsupported, string.Empty, "CSP only"), FactValue.FromNumber(1), null);

        Assert.Contains("does not know how to read or change", message, StringComparison.Ordinal);
    }

    private static FactValue Pairs(params (string Key, string Value)[] pairs)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in pairs)
        {
            list.Add(new KeyValuePair<string, string>(key, value));
        }

        return FactValue.FromPairs(list);
    }

    [SupportedOSPlatform("windows")]
    private static bool KeyExists(string subKey)
    {
        using var hklm = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
        using var key = hklm.OpenSubKey(subKey);
        return key is not null;
    }

    private string Refusal(FactRef fact, FactValue value, string? registryType)
    {
        var ex = Assert.Throws<BaselineWriteException>(() => _writer.Write(fact, value, registryType));
        Assert.StartsWith($"Cannot change {fact}: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("only on Windows", ex.Message, StringComparison.Ordinal);
        return ex.Message;
    }
}
