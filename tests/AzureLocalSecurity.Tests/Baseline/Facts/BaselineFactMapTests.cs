using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Facts;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Facts;

public class BaselineFactMapTests
{
    // NTSecAPI.h subcategory GUIDs (WINAPI.md Appendix B): 0cce9210..0cce924b, all ending -69ae-11d9-bed3-505054503030.
    private static readonly string[] KnownRegistryTypes = ["REG_DWORD", "REG_SZ", "REG_MULTI_SZ", "REG_BINARY", "INTEGER", "STRING", "BINARY", "MULTISTRING"];

    private static readonly Regex SubcategoryGuid = new("^0cce92(1[0-9a-f]|2[0-9a-f]|3[0-9a-f]|4[0-9a-b])-69ae-11d9-bed3-505054503030$");

    [Fact]
    public void Every_catalog_row_resolves_except_the_four_TLS_version_overrides()
    {
        var unsupported = CatalogRows.All.Where(r => BaselineFactMap.Resolve(r).Source == FactSource.Unsupported).ToList();

        Assert.Equal(3967, CatalogRows.All.Count);
        Assert.Equal(
            [
                "Config/Cryptography/OverrideMinimumEnabledDTLSVersionClient",
                "Config/Cryptography/OverrideMinimumEnabledDTLSVersionServer",
                "Config/Cryptography/OverrideMinimumEnabledTLSVersionClient",
                "Config/Cryptography/OverrideMinimumEnabledTLSVersionServer",
            ],
            unsupported.Select(r => r.CspPath!).Distinct().OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(24, unsupported.Count);
    }

    [Fact]
    public void An_unsupported_rule_says_why_in_the_fact_name()
    {
        var rule = CatalogRows.From("2610domjoin").First(r => r.CspPath == "Config/Cryptography/OverrideMinimumEnabledTLSVersionServer");

        var fact = BaselineFactMap.Resolve(rule);

        Assert.Equal(FactSource.Unsupported, fact.Source);
        Assert.Contains("SCHANNEL", fact.Name);
    }

    [Fact]
    public void The_UserRights_table_names_the_constant_the_2610_Validation_column_checks()
    {
        var checkedRows = 0;
        foreach (var rule in CatalogRows.From("2610").Where(r => r.CspPath?.StartsWith("Config/UserRights/", StringComparison.Ordinal) == true))
        {
            var constant = Regex.Match(rule.Validation ?? string.Empty, "Se[A-Za-z]+(Privilege|Right)");
            if (!constant.Success)
            {
                continue;
            }

            var fact = BaselineFactMap.Resolve(rule);
            Assert.Equal(FactSource.UserRight, fact.Source);
            Assert.Equal(constant.Value, fact.Name);
            checkedRows++;
        }

        Assert.Equal(82, checkedRows);
    }

    [Fact]
    public void Every_UserRights_row_of_every_catalog_resolves_to_a_right_constant()
    {
        var rows = CatalogRows.All.Where(r => r.CspPath?.StartsWith("Config/UserRights/", StringComparison.Ordinal) == true
            || string.Equals(r.LegacyValueName, "Privilege Rights", StringComparison.Ordinal)).ToList();

        Assert.Equal(436, rows.Count);
        Assert.All(rows, r =>
        {
            var fact = BaselineFactMap.Resolve(r);
            Assert.Equal(FactSource.UserRight, fact.Source);
            Assert.Matches("^Se[A-Za-z]+(Privilege|Right)$", fact.Name);
        });
    }

    [Fact]
    public void Every_audit_row_of_every_catalog_resolves_to_an_NTSecAPI_subcategory_GUID()
    {
        var rows = CatalogRows.All.Where(r => r.CspPath?.StartsWith("Config/Audit/", StringComparison.Ordinal) == true || r.LegacyType == "AuditPolicy").ToList();

        Assert.Equal(168 + 150, rows.Count);
        Assert.All(rows, r =>
        {
            var fact = BaselineFactMap.Resolve(r);
            Assert.Equal(FactSource.AuditPolicy, fact.Source);
            Assert.Matches(SubcategoryGuid, fact.Name);
        });
    }

    [Fact]
    public void The_audit_CSP_table_agrees_with_the_subcategory_the_2610_Validation_column_queries()
    {
        var checkedRows = 0;
        foreach (var rule in CatalogRows.From("2610").Where(r => r.CspPath?.StartsWith("Config/Audit/", StringComparison.Ordinal) == true))
        {
            var subcategory = Regex.Match(rule.Validation ?? string.Empty, "subcategory:\\s*'([^']+)'");
            if (!subcategory.Success)
            {
                continue;
            }

            var byDisplayName = new BaselineRule(new BaselineRuleData { Name = "x", LegacyType = "AuditPolicy", LegacyLocation = subcategory.Groups[1].Value, LegacyValueName = "Audit" });
            Assert.Equal(BaselineFactMap.Resolve(byDisplayName), BaselineFactMap.Resolve(rule));
            checkedRows++;
        }

        Assert.Equal(56, checkedRows);
    }

    [Theory]
    [InlineData("Account Lockout", "0cce9217")]
    [InlineData("AuditPolicyChange", "0cce922f")]
    [InlineData("Audit File Share", "0cce9224")]
    [InlineData("Audit PNP Activity", "0cce9248")]
    [InlineData("directory service access", "0cce923b")]
    [InlineData("Audit Other Logon/Logoff Events", "0cce921c")]
    [InlineData("Group Membership", "0cce9249")]
    [InlineData("Security State Change", "0cce9210")]
    public void A_legacy_audit_location_is_read_as_an_auditpol_display_name(string location, string guidPrefix)
    {
        var fact = BaselineFactMap.Resolve(Legacy("AuditPolicy", location, "Audit", "integer"));

        Assert.Equal(new FactRef(FactSource.AuditPolicy, string.Empty, guidPrefix + "-69ae-11d9-bed3-505054503030"), fact);
    }

    [Fact]
    public void An_audit_CSP_path_maps_to_its_subcategory_GUID()
    {
        var fact = BaselineFactMap.Resolve(Csp("Config/Audit/AccountLogonLogoff_AuditAccountLockout"));

        Assert.Equal(new FactRef(FactSource.AuditPolicy, string.Empty, "0cce9217-69ae-11d9-bed3-505054503030"), fact);
    }

    [Fact]
    public void A_registry_rule_becomes_a_registry_fact_with_the_PowerShell_drive_colon_removed()
    {
        var rule = new BaselineRule(new BaselineRuleData { Name = "x", RegistryKey = @"HKLM:\SYSTEM\CurrentControlSet\Control\Lsa\", RegistryValueName = "LimitBlankPasswordUse", RegistryValueType = "REG_DWORD" });

        var fact = BaselineFactMap.Resolve(rule);

        Assert.Equal(FactSource.Registry, fact.Source);
        Assert.Equal(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa", fact.Path);
        Assert.Equal("LimitBlankPasswordUse", fact.Name);
    }

    [Fact]
    public void A_legacy_registry_row_resolves_like_the_same_setting_in_registry_columns()
    {
        var legacy = Legacy("Registry", @"HKLM:\SOFTWARE\Policies\Microsoft\Windows\WinRM\Service", "AllowBasic", "integer");
        var current = new BaselineRule(new BaselineRuleData { Name = "x", RegistryKey = @"HKLM:\SOFTWARE\Policies\Microsoft\Windows\WinRM\Service", RegistryValueName = "AllowBasic" });

        Assert.Equal(BaselineFactMap.Resolve(current), BaselineFactMap.Resolve(legacy));
    }

    [Fact]
    public void The_legacy_and_DeviceLock_lockout_rows_read_the_same_account_policy()
    {
        var legacy = CatalogRows.From("2411").Single(r => r.LegacyLocation == "AccountLockoutPolicy");
        var current = CatalogRows.From("2610domjoin").Single(r => r.CspPath == "Config/DeviceLock/AccountLockoutPolicy");

        Assert.Equal(new FactRef(FactSource.AccountPolicy, string.Empty, BaselineFactNames.AccountLockoutPolicy), BaselineFactMap.Resolve(legacy));
        Assert.Equal(BaselineFactMap.Resolve(legacy), BaselineFactMap.Resolve(current));
    }

    [Theory]
    [InlineData("Config/DeviceLock/MinimumPasswordLength", BaselineFactNames.MinimumPasswordLength)]
    [InlineData("Config/DeviceLock/MinDevicePasswordLength", BaselineFactNames.MinimumPasswordLength)]
    [InlineData("Config/DeviceLock/MaximumPasswordAge", BaselineFactNames.MaximumPasswordAge)]
    [InlineData("Config/DeviceLock/PasswordComplexity", BaselineFactNames.PasswordComplexity)]
    [InlineData("Config/DeviceLock/AllowAdministratorLockout", BaselineFactNames.AllowAdministratorLockout)]
    [InlineData("Config/LocalPoliciesSecurityOptions/NetworkSecurity_ForceLogoffWhenLogonHoursExpire", BaselineFactNames.ForceLogoff)]
    [InlineData("Config/LocalPoliciesSecurityOptions/NetworkAccess_AllowAnonymousSIDOrNameTranslation", BaselineFactNames.LsaAnonymousNameLookup)]
    public void A_DeviceLock_or_account_security_option_CSP_path_maps_to_an_account_policy(string cspPath, string policy)
    {
        Assert.Equal(new FactRef(FactSource.AccountPolicy, string.Empty, policy), BaselineFactMap.Resolve(Csp(cspPath)));
    }

    [Theory]
    [InlineData("ForceLogoffWhenHourExpire", BaselineFactNames.ForceLogoff)]
    [InlineData("LSAAnonymousNameLookup", BaselineFactNames.LsaAnonymousNameLookup)]
    [InlineData("MaximumPasswordAge", BaselineFactNames.MaximumPasswordAge)]
    [InlineData("ClearTextPassword", BaselineFactNames.ClearTextPassword)]
    public void A_legacy_System_Access_row_maps_to_an_account_policy(string location, string policy)
    {
        Assert.Equal(new FactRef(FactSource.AccountPolicy, string.Empty, policy), BaselineFactMap.Resolve(Legacy("SecurityPolicy", location, "System Access", "integer")));
    }

    [Theory]
    [InlineData("Config/LocalPoliciesSecurityOptions/Accounts_EnableGuestAccountStatus", "501", BaselineFactNames.AccountEnabled)]
    [InlineData("Config/LocalPoliciesSecurityOptions/Accounts_RenameAdministratorAccount", "500", BaselineFactNames.AccountName)]
    [InlineData("Config/LocalPoliciesSecurityOptions/Accounts_RenameGuestAccount", "501", BaselineFactNames.AccountName)]
    public void A_built_in_account_CSP_path_maps_to_the_account_by_RID(string cspPath, string rid, string property)
    {
        Assert.Equal(new FactRef(FactSource.BuiltinAccount, rid, property), BaselineFactMap.Resolve(Csp(cspPath)));
    }

    [Theory]
    [InlineData("EnableGuestAccount", "501", BaselineFactNames.AccountEnabled)]
    [InlineData("NewGuestName", "501", BaselineFactNames.AccountName)]
    [InlineData("NewAdministratorName", "500", BaselineFactNames.AccountName)]
    public void A_legacy_account_row_maps_to_the_account_by_RID(string location, string rid, string property)
    {
        Assert.Equal(new FactRef(FactSource.BuiltinAccount, rid, property), BaselineFactMap.Resolve(Legacy("SecurityPolicy", location, "System Access", "string")));
    }

    [Theory]
    [InlineData("DMA/BootDMAProtection", BaselineFactNames.BootDmaProtection)]
    [InlineData("DeviceGuard/HVCIStatus", BaselineFactNames.HvciStatus)]
    [InlineData("SecureBootState", BaselineFactNames.SecureBootState)]
    [InlineData("DeviceGuard/SystemGuardStatus", BaselineFactNames.SystemGuardStatus)]
    [InlineData("TPM/SpecificationVersion", BaselineFactNames.TpmVersion)]
    [InlineData("DeviceGuard/VirtualizationBasedSecurityStatus", BaselineFactNames.VbsStatus)]
    public void A_Secured_core_row_without_a_registry_key_maps_to_a_status(string cspPath, string status)
    {
        Assert.Equal(new FactRef(FactSource.SecuredCoreStatus, string.Empty, status), BaselineFactMap.Resolve(Csp(cspPath)));
    }

    [Fact]
    public void A_rule_with_a_registry_key_and_a_CSP_path_is_read_from_the_registry()
    {
        var rule = CatalogRows.From("2610domjoin").Single(r => r.Name == "EnableVirtualizationBasedSecurity");

        Assert.Equal(FactRef.Registry(@"HKLM\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard", "EnableVirtualizationBasedSecurity"), BaselineFactMap.Resolve(rule));
    }

    [Fact]
    public void A_rule_that_names_no_place_is_unsupported()
    {
        var fact = BaselineFactMap.Resolve(new BaselineRule(new BaselineRuleData { Name = "Nowhere" }));

        Assert.Equal(FactSource.Unsupported, fact.Source);
        Assert.Contains("Nowhere", fact.Name);
    }

    [Theory]
    [InlineData("REG_DWORD", FactValueKind.Number)]
    [InlineData("REG_QWORD", FactValueKind.Number)]
    [InlineData("REG_SZ", FactValueKind.Text)]
    [InlineData("REG_EXPAND_SZ", FactValueKind.Text)]
    [InlineData("REG_MULTI_SZ", FactValueKind.TextList)]
    [InlineData("REG_BINARY", FactValueKind.Binary)]
    [InlineData("integer", FactValueKind.Number)]
    [InlineData("multistring", FactValueKind.TextList)]
    public void A_registry_fact_compares_as_the_kind_of_its_registry_type(string type, FactValueKind kind)
    {
        var rule = new BaselineRule(new BaselineRuleData { Name = "x", RegistryKey = @"HKLM:\SOFTWARE\X", RegistryValueName = "V", RegistryValueType = type });

        Assert.Equal(kind, BaselineFactMap.TargetKind(rule, BaselineFactMap.Resolve(rule)));
    }

    [Fact]
    public void Every_catalog_registry_row_names_a_registry_type_the_map_knows()
    {
        var registryRows = CatalogRows.All.Where(r => BaselineFactMap.Resolve(r).Source == FactSource.Registry).ToList();

        Assert.Equal(3058, registryRows.Count);
        Assert.All(registryRows, r => Assert.Contains(r.RegistryValueType!.ToUpperInvariant(), KnownRegistryTypes));
    }

    [Theory]
    [InlineData("Config/UserRights/AccessFromNetwork", FactValueKind.SidList)]
    [InlineData("Config/DeviceLock/AccountLockoutPolicy", FactValueKind.KeyValues)]
    [InlineData("Config/DeviceLock/MaximumPasswordAge", FactValueKind.Number)]
    [InlineData("Config/Audit/AccountLogonLogoff_AuditLogon", FactValueKind.Number)]
    [InlineData("Config/LocalPoliciesSecurityOptions/Accounts_RenameGuestAccount", FactValueKind.Text)]
    [InlineData("Config/LocalPoliciesSecurityOptions/Accounts_EnableGuestAccountStatus", FactValueKind.Number)]
    [InlineData("TPM/SpecificationVersion", FactValueKind.Text)]
    [InlineData("DeviceGuard/VirtualizationBasedSecurityStatus", FactValueKind.Number)]
    public void A_non_registry_fact_compares_as_the_kind_of_its_source(string cspPath, FactValueKind kind)
    {
        var rule = Csp(cspPath);

        Assert.Equal(kind, BaselineFactMap.TargetKind(rule, BaselineFactMap.Resolve(rule)));
    }

    [Fact]
    public void Required_facts_add_the_PolicyManager_provider_values_of_a_CSP_managed_rule()
    {
        var rule = CatalogRows.From("2610domjoin").Single(r => r.Name == "EnableVirtualizationBasedSecurity");

        var facts = BaselineFactMap.RequiredFacts([rule]);

        Assert.Equal(
            [
                FactRef.Registry(@"HKLM\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard", "EnableVirtualizationBasedSecurity"),
                FactRef.Registry(@"HKLM\SOFTWARE\Microsoft\PolicyManager\current\device\DeviceGuard", "EnableVirtualizationBasedSecurity_ProviderSet"),
                FactRef.Registry(@"HKLM\SOFTWARE\Microsoft\PolicyManager\current\device\DeviceGuard", "EnableVirtualizationBasedSecurity_WinningProvider"),
            ],
            facts);
    }

    [Fact]
    public void Required_facts_leave_out_unsupported_rules_and_list_each_fact_once()
    {
        var tls = Csp("Config/Cryptography/OverrideMinimumEnabledTLSVersionServer");
        var logon = Csp("Config/UserRights/AllowLocalLogOn");

        var facts = BaselineFactMap.RequiredFacts([tls, logon, logon]);

        Assert.DoesNotContain(facts, f => f.Source == FactSource.Unsupported);
        Assert.Single(facts, f => f.Source == FactSource.UserRight);
        Assert.Equal(facts.Count, facts.Distinct().Count());
    }

    [Fact]
    public void Required_facts_for_a_Secured_core_status_include_the_Secure_Boot_state_key()
    {
        var facts = BaselineFactMap.RequiredFacts([Csp("SecureBootState")]);

        Assert.Contains(new FactRef(FactSource.SecuredCoreStatus, string.Empty, BaselineFactNames.SecureBootState), facts);
        Assert.Contains(FactRef.Registry(@"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State", "UEFISecureBootEnabled"), facts);
    }

    [Fact]
    public void Required_facts_of_a_whole_catalog_cover_every_resolved_rule()
    {
        var rules = CatalogRows.From("2610domjoin").ToList();

        var facts = new HashSet<FactRef>(BaselineFactMap.RequiredFacts(rules));

        Assert.All(rules.Select(BaselineFactMap.Resolve).Where(f => f.Source != FactSource.Unsupported), f => Assert.Contains(f, facts));
    }

    internal static BaselineRule Csp(string path, string type = "Integer") =>
        new(new BaselineRuleData { Name = path.Substring(path.LastIndexOf('/') + 1), CspName = "./Vendor/MSFT/Policy", CspPath = path, CspValueType = type });

    internal static BaselineRule Legacy(string type, string location, string valueName, string valueType) =>
        new(new BaselineRuleData { Name = location, LegacyType = type, LegacyLocation = location, LegacyValueName = valueName, RegistryValueType = valueType });
}
