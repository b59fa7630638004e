using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.Baseline.Facts.FactBundles;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Tests.Baseline.Facts;

public class BaselineFactReaderTests
{
    private const string Lsa = @"HKLM\SYSTEM\CurrentControlSet\Control\Lsa";
    private const string WinRmPolicy = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\WinRM\Service";
    private const string AccountLockout = "0cce9217-69ae-11d9-bed3-505054503030";
    private const string OsConfigAuthority = "8345CBE6-1F2E-4D3C-9B8A-78F3FC0377C1";

    private static readonly FactRef Guest = new(FactSource.BuiltinAccount, "501", BaselineFactNames.AccountName);
    private static readonly FactRef GuestEnabled = new(FactSource.BuiltinAccount, "501", BaselineFactNames.AccountEnabled);

    [Fact]
    public void A_REG_DWORD_reads_as_a_number_with_its_registry_source()
    {
        var reading = Reader(Key(Lsa, ("LimitBlankPasswordUse", EvidenceValue.FromDWord(1)))).Read(FactRef.Registry(Lsa, "LimitBlankPasswordUse"));

        Assert.Equal(FactValue.FromNumber(1), reading.Value);
        Assert.Equal(@"Registry HKLM\SYSTEM\CurrentControlSet\Control\Lsa\LimitBlankPasswordUse", reading.Source);
    }

    [Fact]
    public void A_REG_DWORD_of_all_ones_keeps_its_unsigned_value()
    {
        var reading = Reader(Key(Lsa, ("V", EvidenceValue.FromDWord(uint.MaxValue)))).Read(FactRef.Registry(Lsa, "V"));

        Assert.Equal(4294967295, reading.Value!.Number);
    }

    [Fact]
    public void String_kinds_read_as_text_list_and_bytes()
    {
        var reader = Reader(Key(Lsa,
            ("Sz", EvidenceValue.FromString("a")),
            ("Expand", EvidenceValue.FromExpandString("%SystemRoot%")),
            ("Multi", EvidenceValue.FromMultiString(["x", "y"])),
            ("Bin", EvidenceValue.FromBinary([1, 2]))));

        Assert.Equal(FactValue.FromText("a"), reader.Read(FactRef.Registry(Lsa, "Sz")).Value);
        Assert.Equal(FactValue.FromText("%SystemRoot%"), reader.Read(FactRef.Registry(Lsa, "Expand")).Value);
        Assert.Equal(FactValue.FromTextList(["x", "y"]), reader.Read(FactRef.Registry(Lsa, "Multi")).Value);
        Assert.Equal(FactValue.FromBinary([1, 2]), reader.Read(FactRef.Registry(Lsa, "Bin")).Value);
    }

    [Fact]
    public void A_value_missing_from_a_captured_key_is_absent()
    {
        var reading = Reader(Key(Lsa, ("Other", EvidenceValue.FromDWord(1)))).Read(FactRef.Registry(Lsa, "LimitBlankPasswordUse"));

        Assert.Equal(FactValue.Absent, reading.Value);
    }

    [Fact]
    public void A_key_that_does_not_exist_makes_its_values_absent()
    {
        var reading = Reader(KeyError(WinRmPolicy, EvidenceErrorCategory.NotFound, "The key does not exist.")).Read(FactRef.Registry(WinRmPolicy, "AllowBasic"));

        Assert.Equal(FactValue.Absent, reading.Value);
    }

    [Fact]
    public void A_key_that_could_not_be_read_makes_its_values_unknown_with_the_error()
    {
        var reading = Reader(KeyError(Lsa, EvidenceErrorCategory.AccessDenied, "Access is denied.", 5)).Read(FactRef.Registry(Lsa, "LimitBlankPasswordUse"));

        Assert.Null(reading.Value);
        Assert.Contains("Access is denied.", reading.UnknownReason);
    }

    [Fact]
    public void A_key_the_bundle_does_not_hold_is_unknown_as_not_captured()
    {
        var reading = Reader(Key(Lsa)).Read(FactRef.Registry(WinRmPolicy, "AllowBasic"));

        Assert.Null(reading.Value);
        Assert.Contains("not captured", reading.UnknownReason);
    }

    [Fact]
    public void Key_and_value_names_are_matched_without_case()
    {
        var reader = Reader(Key(@"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon", ("CachedLogonsCount", EvidenceValue.FromString("4"))));

        var reading = reader.Read(FactRef.Registry(@"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\WinLogon", "cachedlogonscount"));

        Assert.Equal(FactValue.FromText("4"), reading.Value);
    }

    [Fact]
    public void A_registry_value_of_a_non_registry_kind_is_unknown_not_an_exception()
    {
        var reading = Reader(Key(Lsa, ("Odd", EvidenceValue.FromBoolean(true)))).Read(FactRef.Registry(Lsa, "Odd"));

        Assert.Null(reading.Value);
        Assert.Contains("Boolean", reading.UnknownReason);
    }

    [Fact]
    public void A_registry_id_holding_records_is_unknown_not_an_exception()
    {
        var reading = Reader(Records(EvidenceIds.Registry(Lsa), Bundles.Record(("X", EvidenceValue.FromDWord(1))))).Read(FactRef.Registry(Lsa, "X"));

        Assert.Null(reading.Value);
        Assert.Contains("not a registry key", reading.UnknownReason);
    }

    [Fact]
    public void A_missing_key_whose_name_holds_a_slash_is_found_by_its_id()
    {
        const string Rc4 = @"HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Ciphers\RC4 128/128";

        var reading = Reader(KeyError(Rc4, EvidenceErrorCategory.NotFound, "missing")).Read(FactRef.Registry(Rc4, "Enabled"));

        Assert.Equal(FactValue.Absent, reading.Value);
    }

    [Fact]
    public void Records_without_their_key_property_are_skipped_and_the_others_still_read()
    {
        var rights = Records(BaselineEvidenceIds.UserRights,
            Bundles.Record((P.Sids, EvidenceValue.FromMultiString(["S-1-1-0"]))),
            Bundles.Record((P.Right, EvidenceValue.FromDWord(7)), (P.Sids, EvidenceValue.FromMultiString(["S-1-1-0"]))),
            Bundles.Record((P.Right, EvidenceValue.FromString("SeTcbPrivilege")), (P.Sids, EvidenceValue.FromMultiString([]))));
        var audit = Audit(("not-a-guid", 3), (AccountLockout, 2));

        var reader = Reader(rights, audit);

        Assert.Empty(reader.Read(Right("SeTcbPrivilege")).Value!.Items);
        Assert.Equal(2, reader.Read(AuditFact(AccountLockout)).Value!.Number);
    }

    [Fact]
    public void A_value_under_SOFTWARE_Policies_is_owned_by_Group_Policy()
    {
        var reading = Reader(Key(WinRmPolicy, ("AllowBasic", EvidenceValue.FromDWord(0)))).Read(FactRef.Registry(WinRmPolicy, "AllowBasic"));

        Assert.Equal("Group Policy", reading.Owner);
    }

    [Fact]
    public void A_value_outside_the_policy_keys_has_no_owner()
    {
        var reading = Reader(Key(Lsa, ("LimitBlankPasswordUse", EvidenceValue.FromDWord(1)))).Read(FactRef.Registry(Lsa, "LimitBlankPasswordUse"));

        Assert.Null(reading.Owner);
    }

    [Fact]
    public void A_CSP_setting_won_by_the_OSConfig_authority_is_owned_by_OSConfig()
    {
        var (rule, fact, bundle) = DeviceGuardRule("{" + OsConfigAuthority + "}");

        Assert.Equal("OSConfig", new BaselineFactReader(bundle, [rule]).Read(fact).Owner);
    }

    [Fact]
    public void A_CSP_setting_won_by_another_provider_is_owned_by_MDM()
    {
        var (rule, fact, bundle) = DeviceGuardRule("F2A1B3C4-0000-4000-8000-000000000001");

        Assert.Equal("MDM", new BaselineFactReader(bundle, [rule]).Read(fact).Owner);
    }

    [Fact]
    public void A_CSP_setting_without_a_winning_provider_under_SOFTWARE_Policies_is_owned_by_Group_Policy()
    {
        var (rule, fact, bundle) = DeviceGuardRule(null);

        Assert.Equal("Group Policy", new BaselineFactReader(bundle, [rule]).Read(fact).Owner);
    }

    [Fact]
    public void A_user_right_reads_as_the_SIDs_that_hold_it()
    {
        var reading = Reader(UserRights(("SeNetworkLogonRight", ["S-1-5-11", "S-1-5-32-544"]))).Read(Right("SeNetworkLogonRight"));

        Assert.Equal(FactValue.FromSids(["S-1-5-11", "S-1-5-32-544"]), reading.Value);
        Assert.Contains(BaselineEvidenceIds.UserRights, reading.Source);
    }

    [Fact]
    public void A_right_no_account_holds_reads_as_an_empty_SID_list()
    {
        var reading = Reader(UserRights(("SeTcbPrivilege", []))).Read(Right("SeTcbPrivilege"));

        Assert.Equal(FactValueKind.SidList, reading.Value!.Kind);
        Assert.Empty(reading.Value.Items);
    }

    [Fact]
    public void A_right_LSA_could_not_list_is_unknown_with_its_error()
    {
        var record = Bundles.Record((P.Right, EvidenceValue.FromString("SeBogusRight")), (P.Error, EvidenceValue.FromString("STATUS_NO_SUCH_PRIVILEGE")), (P.ErrorCode, EvidenceValue.FromInt64(0xC0000060)));

        var reading = Reader(Records(BaselineEvidenceIds.UserRights, record)).Read(Right("SeBogusRight"));

        Assert.Null(reading.Value);
        Assert.Contains("STATUS_NO_SUCH_PRIVILEGE", reading.UnknownReason);
    }

    [Fact]
    public void A_right_the_capture_did_not_ask_for_is_unknown_as_not_captured()
    {
        var reading = Reader(UserRights(("SeTcbPrivilege", []))).Read(Right("SeDebugPrivilege"));

        Assert.Contains("not captured", reading.UnknownReason);
    }

    [Fact]
    public void User_rights_are_unknown_when_LSA_could_not_be_opened()
    {
        var reading = Reader(Error(BaselineEvidenceIds.UserRights, EvidenceErrorCategory.AccessDenied, "LsaOpenPolicy: Access is denied.", 0xC0000022)).Read(Right("SeTcbPrivilege"));

        Assert.Null(reading.Value);
        Assert.Contains("LsaOpenPolicy: Access is denied.", reading.UnknownReason);
    }

    [Fact]
    public void A_SID_list_of_the_wrong_kind_is_unknown_not_an_exception()
    {
        var record = Bundles.Record((P.Right, EvidenceValue.FromString("SeTcbPrivilege")), (P.Sids, EvidenceValue.FromString("S-1-5-32-544")));

        var reading = Reader(Records(BaselineEvidenceIds.UserRights, record)).Read(Right("SeTcbPrivilege"));

        Assert.Null(reading.Value);
        Assert.NotNull(reading.UnknownReason);
    }

    [Fact]
    public void Password_ages_read_in_whole_days_and_lengths_as_counts()
    {
        var reader = Reader(Modals0(minLength: 14, maxAge: 42 * 86400, minAge: 86400, history: 24));

        Assert.Equal(14, reader.Read(Policy(BaselineFactNames.MinimumPasswordLength)).Value!.Number);
        Assert.Equal(42, reader.Read(Policy(BaselineFactNames.MaximumPasswordAge)).Value!.Number);
        Assert.Equal(1, reader.Read(Policy(BaselineFactNames.MinimumPasswordAge)).Value!.Number);
        Assert.Equal(24, reader.Read(Policy(BaselineFactNames.PasswordHistorySize)).Value!.Number);
    }

    [Fact]
    public void Passwords_that_never_expire_read_as_minus_one_days()
    {
        var reading = Reader(Modals0(maxAge: 0xFFFFFFFF)).Read(Policy(BaselineFactNames.MaximumPasswordAge));

        Assert.Equal(-1, reading.Value!.Number);
    }

    [Fact]
    public void The_lockout_policy_reads_as_the_DeviceLock_key_value_string_in_minutes()
    {
        var reading = Reader(Modals3(duration: 900, window: 1800, threshold: 3)).Read(Policy(BaselineFactNames.AccountLockoutPolicy));

        Assert.Equal("ResetAccountLockoutCounterAfter:30, AccountLockoutDuration:15, AccountLockoutThreshold:3", reading.Value!.ToString());
    }

    [Fact]
    public void A_lockout_until_an_administrator_unlocks_reads_as_minus_one_minutes()
    {
        var reading = Reader(Modals3(duration: 0xFFFFFFFF)).Read(Policy(BaselineFactNames.LockoutDuration));

        Assert.Equal(-1, reading.Value!.Number);
    }

    [Theory]
    [InlineData(0UL, 1L)]
    [InlineData(0xFFFFFFFFUL, 0L)]
    public void Force_logoff_reads_1_for_immediately_and_0_for_never(ulong seconds, long expected)
    {
        Assert.Equal(expected, Reader(Modals0(forceLogoff: seconds)).Read(Policy(BaselineFactNames.ForceLogoff)).Value!.Number);
    }

    [Fact]
    public void A_force_logoff_delay_is_unknown_not_guessed()
    {
        var reading = Reader(Modals0(forceLogoff: 3600)).Read(Policy(BaselineFactNames.ForceLogoff));

        Assert.Null(reading.Value);
        Assert.Contains("3600 seconds", reading.UnknownReason);
    }

    [Theory]
    [InlineData(BaselineFactNames.PasswordComplexity, "DOMAIN_PASSWORD_COMPLEX")]
    [InlineData(BaselineFactNames.ClearTextPassword, "DOMAIN_PASSWORD_STORE_CLEARTEXT")]
    [InlineData(BaselineFactNames.AllowAdministratorLockout, "DOMAIN_LOCKOUT_ADMINS")]
    [InlineData(BaselineFactNames.LsaAnonymousNameLookup, "LSA policy database")]
    public void A_policy_no_documented_API_returns_is_unknown_even_from_a_complete_capture(string policy, string reasonPart)
    {
        var reading = Reader(Modals0(), Modals3()).Read(Policy(policy));

        Assert.Null(reading.Value);
        Assert.Contains(reasonPart, reading.UnknownReason);
    }

    [Fact]
    public void Account_policy_is_unknown_as_not_captured_when_the_bundle_lacks_it()
    {
        var reading = Reader().Read(Policy(BaselineFactNames.MinimumPasswordLength));

        Assert.Contains("not captured", reading.UnknownReason);
    }

    [Fact]
    public void An_account_policy_field_of_the_wrong_kind_is_unknown_not_an_exception()
    {
        var odd = Records(BaselineEvidenceIds.UserModals0, Bundles.Record((P.MinPasswdLen, EvidenceValue.FromString("fourteen"))));

        var reading = Reader(odd).Read(Policy(BaselineFactNames.MinimumPasswordLength));

        Assert.Null(reading.Value);
        Assert.Contains(P.MinPasswdLen, reading.UnknownReason);
    }

    [Theory]
    [InlineData(3UL, 3L)]
    [InlineData(1UL, 1L)]
    [InlineData(2UL, 2L)]
    [InlineData(4UL, 0L)]
    [InlineData(0UL, 0L)]
    public void An_audit_subcategory_reads_as_the_auditpol_number(ulong bits, long expected)
    {
        var reading = Reader(Audit((AccountLockout, bits))).Read(AuditFact(AccountLockout));

        Assert.Equal(expected, reading.Value!.Number);
    }

    [Fact]
    public void Audit_GUIDs_are_matched_whatever_their_case_or_braces()
    {
        var reading = Reader(Audit(("{0CCE9217-69AE-11D9-BED3-505054503030}", 3))).Read(AuditFact(AccountLockout));

        Assert.Equal(3, reading.Value!.Number);
    }

    [Fact]
    public void A_subcategory_the_node_does_not_list_is_unknown()
    {
        var reading = Reader(Audit(("0cce9215-69ae-11d9-bed3-505054503030", 3))).Read(AuditFact(AccountLockout));

        Assert.Null(reading.Value);
        Assert.Contains(AccountLockout, reading.UnknownReason);
    }

    [Fact]
    public void Audit_policy_is_unknown_with_the_error_when_the_query_was_denied()
    {
        var reading = Reader(Error(BaselineEvidenceIds.AuditSystemPolicy, EvidenceErrorCategory.AccessDenied, "AuditQuerySystemPolicy: Access is denied.", 5)).Read(AuditFact(AccountLockout));

        Assert.Contains("Access is denied", reading.UnknownReason);
    }

    [Fact]
    public void A_built_in_account_reads_its_current_name()
    {
        var reading = Reader(Records(BaselineEvidenceIds.BuiltinAccounts, Account(501, "ASBuiltInGuest", 0x0203))).Read(Guest);

        Assert.Equal(FactValue.FromText("ASBuiltInGuest"), reading.Value);
    }

    [Theory]
    [InlineData(0x0203UL, 0L)]
    [InlineData(0x0201UL, 1L)]
    public void A_built_in_account_is_enabled_unless_UF_ACCOUNTDISABLE_is_set(ulong flags, long expected)
    {
        var reading = Reader(Records(BaselineEvidenceIds.BuiltinAccounts, Account(501, "Guest", flags))).Read(GuestEnabled);

        Assert.Equal(expected, reading.Value!.Number);
    }

    [Fact]
    public void A_built_in_account_that_could_not_be_read_is_unknown_with_the_failed_step()
    {
        var record = Bundles.Record((P.Rid, EvidenceValue.FromUInt64(501)), (P.Error, EvidenceValue.FromString("NetUserGetInfo returned NERR_UserNotFound (2221).")), (P.ErrorCode, EvidenceValue.FromInt64(2221)));

        var reading = Reader(Records(BaselineEvidenceIds.BuiltinAccounts, record)).Read(Guest);

        Assert.Null(reading.Value);
        Assert.Contains("NERR_UserNotFound", reading.UnknownReason);
    }

    [Theory]
    [InlineData(1UL, 1L)]
    [InlineData(0UL, 0L)]
    public void Boot_DMA_protection_reads_1_or_0_from_the_DMA_guard_policy(ulong enabled, long expected)
    {
        var reading = Reader(Single(BaselineEvidenceIds.DmaGuard, P.DmaGuardPolicyEnabled, enabled)).Read(Status(BaselineFactNames.BootDmaProtection));

        Assert.Equal(expected, reading.Value!.Number);
    }

    [Theory]
    [InlineData(2UL, "2.0")]
    [InlineData(1UL, "1.2")]
    public void The_TPM_version_reads_as_its_specification_version(ulong tpmVersion, string expected)
    {
        var reading = Reader(Single(BaselineEvidenceIds.TpmDeviceInfo, P.TpmVersion, tpmVersion)).Read(Status(BaselineFactNames.TpmVersion));

        Assert.Equal(FactValue.FromText(expected), reading.Value);
    }

    [Fact]
    public void A_machine_without_a_TPM_has_an_absent_TPM_version()
    {
        var reading = Reader(Error(BaselineEvidenceIds.TpmDeviceInfo, EvidenceErrorCategory.NotFound, "TBS_E_TPM_NOT_FOUND", 0x8028400F)).Read(Status(BaselineFactNames.TpmVersion));

        Assert.Equal(FactValue.Absent, reading.Value);
    }

    [Fact]
    public void Secure_Boot_reads_UEFISecureBootEnabled()
    {
        var reading = Reader(Key(BaselineFactMap.SecureBootStateKey, ("UEFISecureBootEnabled", EvidenceValue.FromDWord(1)))).Read(Status(BaselineFactNames.SecureBootState));

        Assert.Equal(1, reading.Value!.Number);
    }

    [Fact]
    public void Secure_Boot_is_off_on_a_BIOS_machine_without_the_state_key()
    {
        var bios = Records(EvidenceIds.WindowsFirmwareType, Bundles.Record(("FirmwareType", EvidenceValue.FromInt64(1))));

        var reading = Reader(KeyError(BaselineFactMap.SecureBootStateKey, EvidenceErrorCategory.NotFound, "missing"), bios).Read(Status(BaselineFactNames.SecureBootState));

        Assert.Equal(0, reading.Value!.Number);
    }

    [Fact]
    public void Secure_Boot_without_the_state_key_on_UEFI_is_unknown()
    {
        var uefi = Records(EvidenceIds.WindowsFirmwareType, Bundles.Record(("FirmwareType", EvidenceValue.FromInt64(2))));

        var reading = Reader(KeyError(BaselineFactMap.SecureBootStateKey, EvidenceErrorCategory.NotFound, "missing"), uefi).Read(Status(BaselineFactNames.SecureBootState));

        Assert.Null(reading.Value);
    }

    [Fact]
    public void VBS_with_the_secure_kernel_running_reads_0()
    {
        var reading = Reader(Ium(0x01)).Read(Status(BaselineFactNames.VbsStatus));

        Assert.Equal(0, reading.Value!.Number);
    }

    [Fact]
    public void VBS_configured_but_not_running_reads_1_reboot_required()
    {
        var reading = Reader(Ium(0), Key(BaselineFactMap.DeviceGuardKey, ("EnableVirtualizationBasedSecurity", EvidenceValue.FromDWord(1))), KeyError(BaselineFactMap.DeviceGuardPolicyKey, EvidenceErrorCategory.NotFound, "missing"))
            .Read(Status(BaselineFactNames.VbsStatus));

        Assert.Equal(1, reading.Value!.Number);
    }

    [Fact]
    public void VBS_neither_running_nor_configured_reads_4_not_configured()
    {
        var reading = Reader(Ium(0), Key(BaselineFactMap.DeviceGuardKey), KeyError(BaselineFactMap.DeviceGuardPolicyKey, EvidenceErrorCategory.NotFound, "missing"))
            .Read(Status(BaselineFactNames.VbsStatus));

        Assert.Equal(4, reading.Value!.Number);
    }

    [Fact]
    public void VBS_not_running_with_its_configuration_not_captured_is_unknown()
    {
        var reading = Reader(Ium(0)).Read(Status(BaselineFactNames.VbsStatus));

        Assert.Null(reading.Value);
        Assert.Contains("not captured", reading.UnknownReason);
    }

    [Fact]
    public void HVCI_enforcing_kernel_code_integrity_reads_0()
    {
        var reading = Reader(Single(BaselineEvidenceIds.CodeIntegrity, P.CodeIntegrityOptions, 0x2401)).Read(Status(BaselineFactNames.HvciStatus));

        Assert.Equal(0, reading.Value!.Number);
    }

    [Fact]
    public void HVCI_neither_running_nor_configured_reads_2()
    {
        var reading = Reader(Single(BaselineEvidenceIds.CodeIntegrity, P.CodeIntegrityOptions, 0x01), Key(BaselineFactMap.HvciScenarioKey, ("Enabled", EvidenceValue.FromDWord(0))), Key(BaselineFactMap.DeviceGuardPolicyKey))
            .Read(Status(BaselineFactNames.HvciStatus));

        Assert.Equal(2, reading.Value!.Number);
    }

    [Fact]
    public void HVCI_enabled_by_policy_but_not_running_reads_1()
    {
        var reading = Reader(Single(BaselineEvidenceIds.CodeIntegrity, P.CodeIntegrityOptions, 0x01), KeyError(BaselineFactMap.HvciScenarioKey, EvidenceErrorCategory.NotFound, "missing"), Key(BaselineFactMap.DeviceGuardPolicyKey, ("HypervisorEnforcedCodeIntegrity", EvidenceValue.FromDWord(2))))
            .Read(Status(BaselineFactNames.HvciStatus));

        Assert.Equal(1, reading.Value!.Number);
    }

    [Fact]
    public void System_Guard_configured_to_run_is_unknown_because_only_CIM_reports_it_running()
    {
        var reading = Reader(Key(BaselineFactMap.SystemGuardScenarioKey, ("Enabled", EvidenceValue.FromDWord(1))), Key(BaselineFactMap.DeviceGuardPolicyKey))
            .Read(Status(BaselineFactNames.SystemGuardStatus));

        Assert.Null(reading.Value);
        Assert.Contains("Win32_DeviceGuard", reading.UnknownReason);
    }

    [Fact]
    public void System_Guard_not_configured_anywhere_reads_2()
    {
        var reading = Reader(KeyError(BaselineFactMap.SystemGuardScenarioKey, EvidenceErrorCategory.NotFound, "missing"), Key(BaselineFactMap.DeviceGuardPolicyKey, ("ConfigureSystemGuardLaunch", EvidenceValue.FromDWord(0))))
            .Read(Status(BaselineFactNames.SystemGuardStatus));

        Assert.Equal(2, reading.Value!.Number);
    }

    [Fact]
    public void A_status_source_of_the_wrong_kind_is_unknown_not_an_exception()
    {
        var odd = Records(BaselineEvidenceIds.DmaGuard, Bundles.Record((P.DmaGuardPolicyEnabled, EvidenceValue.FromMultiString(["1"]))));

        var reading = Reader(odd).Read(Status(BaselineFactNames.BootDmaProtection));

        Assert.Null(reading.Value);
        Assert.Contains(P.DmaGuardPolicyEnabled, reading.UnknownReason);
    }

    [Fact]
    public void An_unsupported_fact_is_unknown_with_the_map_s_reason()
    {
        var fact = BaselineFactMap.Resolve(BaselineFactMapTests.Csp("Config/Cryptography/OverrideMinimumEnabledTLSVersionServer", "String"));

        var reading = Reader().Read(fact);

        Assert.Null(reading.Value);
        Assert.Equal(fact.Name, reading.UnknownReason);
    }

    [Theory]
    [InlineData(3L, true)]
    [InlineData(2L, false)]
    [InlineData(1L, false)]
    public void Domain_membership_comes_from_the_join_status(long joinStatus, bool expected)
    {
        var reader = new BaselineFactReader(Bundles.Windows(joinStatus: joinStatus));

        Assert.Equal(expected, reader.IsDomainJoined);
    }

    [Fact]
    public void Domain_membership_is_null_when_the_bundle_does_not_say()
    {
        Assert.Null(Reader().IsDomainJoined);
    }

    [Fact]
    public void Every_fact_of_a_catalog_reads_from_a_complete_capture_and_only_the_undocumented_ones_stay_unknown()
    {
        var rules = CatalogRows.From("2610domjoin").ToList();
        var reader = new BaselineFactReader(Complete(rules), rules);

        var unknown = rules.Select(BaselineFactMap.Resolve).Where(f => f.Source != FactSource.Unsupported).Distinct()
            .Select(reader.Read).Where(r => r.Value is null).Select(r => r.Fact.Name);

        Assert.Equal(
            Sorted(
            [
                BaselineFactNames.AllowAdministratorLockout,
                BaselineFactNames.ClearTextPassword,
                BaselineFactNames.LsaAnonymousNameLookup,
                BaselineFactNames.PasswordComplexity,
                BaselineFactNames.SystemGuardStatus,
            ]),
            Sorted(unknown));
    }

    [Fact]
    public void Every_fact_of_the_largest_catalog_reads_from_a_complete_capture()
    {
        // Speed is measured in bench/ (BaselineBenchmarks), not asserted here.
        var rules = CatalogRows.From("2610domjoin").ToList();
        var facts = rules.Select(BaselineFactMap.Resolve).ToArray();
        var reader = new BaselineFactReader(Complete(rules), rules);

        var readings = facts.Select(reader.Read).ToList();

        Assert.Equal(429, facts.Length);
        Assert.All(readings, r => Assert.True(r.Value is not null || !string.IsNullOrWhiteSpace(r.UnknownReason)));
    }

    private static string[] Sorted(IEnumerable<string> names) => names.OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

    private static BaselineFactReader Reader(params EvidenceItem[] items) => new(Of(items));

    private static FactRef Right(string name) => new(FactSource.UserRight, string.Empty, name);

    private static FactRef Policy(string name) => new(FactSource.AccountPolicy, string.Empty, name);

    private static FactRef AuditFact(string guid) => new(FactSource.AuditPolicy, string.Empty, guid);

    private static FactRef Status(string name) => new(FactSource.SecuredCoreStatus, string.Empty, name);

    private static EvidenceItem Ium(ulong flags0) =>
        Records(BaselineEvidenceIds.IsolatedUserMode, Bundles.Record((P.Flags0, EvidenceValue.FromUInt64(flags0)), (P.Flags1, EvidenceValue.FromUInt64(0))));

    private static (BaselineRule Rule, FactRef Fact, EvidenceBundle Bundle) DeviceGuardRule(string? winningProvider)
    {
        var rule = new BaselineRule(new BaselineRuleData
        {
            Name = "EnableVirtualizationBasedSecurity",
            RegistryKey = @"HKLM:\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard",
            RegistryValueName = "EnableVirtualizationBasedSecurity",
            RegistryValueType = "REG_DWORD",
            CspName = "./Vendor/MSFT/Policy",
            CspPath = "Config/DeviceGuard/EnableVirtualizationBasedSecurity",
        });
        var providers = winningProvider is null
            ? []
            : new[] { ("EnableVirtualizationBasedSecurity_ProviderSet", EvidenceValue.FromDWord(1)), ("EnableVirtualizationBasedSecurity_WinningProvider", EvidenceValue.FromString(winningProvider)) };
        var bundle = Of(
            Key(@"HKLM\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard", ("EnableVirtualizationBasedSecurity", EvidenceValue.FromDWord(1))),
            Key(@"HKLM\SOFTWARE\Microsoft\PolicyManager\current\device\DeviceGuard", providers));
        return (rule, BaselineFactMap.Resolve(rule), bundle);
    }
}
