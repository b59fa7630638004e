using AzureLocalSecurity.AppControl.Policy;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

/// <summary>Policies made here for the tests: small and valid, with every field a compiled policy holds, or with everything
/// the XML holds.</summary>
internal static class PolicyBuilder
{
    internal const string BaseId = "{5A9E0C38-1D25-4F3B-9C70-2E8B6D4A1F07}";

    /// <summary>A valid base policy: one option, both scenarios, no rules.</summary>
    internal static SiPolicy Minimal()
    {
        var policy = new SiPolicy
        {
            PolicyType = SiPolicyType.Base,
            VersionEx = "10.0.0.1",
            PolicyId = BaseId,
            BasePolicyId = BaseId,
            PlatformId = "{2E07F7E4-194C-4D20-B7C9-6F44A6C5A234}",
            HvciOptions = 0,
        };
        policy.Rules.Add("Enabled:Unsigned System Integrity Policy");
        policy.SigningScenarios.Add(new SiPolicySigningScenario { Value = 131, Id = "ID_SIGNINGSCENARIO_KMCI", ProductSigners = new SiPolicySignerGroup() });
        policy.SigningScenarios.Add(new SiPolicySigningScenario { Value = 12, Id = "ID_SIGNINGSCENARIO_UMCI", ProductSigners = new SiPolicySignerGroup() });
        return policy;
    }

    /// <summary>A valid base policy using every field a compiled policy holds.</summary>
    internal static SiPolicy Compilable()
    {
        var policy = Minimal();
        policy.Rules.Add("Enabled:UMCI");
        policy.Rules.Add("Enabled:Audit Mode");
        policy.HvciOptions = 2;
        policy.Ekus.Add(new SiPolicyEku { Id = "ID_EKU_WINDOWS", FriendlyName = "Windows", Value = "010A2B0601040182370A0306" });
        policy.Ekus.Add(new SiPolicyEku { Id = "ID_EKU_STORE", Value = "010A2B0601040182374C0301" });

        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.FileAttrib, Id = "ID_FILEATTRIB_TOOL", FileName = "tool.exe", MinimumFileVersion = "1.2.3.4", MaximumFileVersion = "2.0.0.0", InternalName = "Tool", FileDescription = "A tool", ProductName = "Tools" });
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Deny, Id = "ID_DENY_HASH", FriendlyName = "bad.sys", Hash = "00112233445566778899AABBCCDDEEFF00112233" });
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Deny, Id = "ID_DENY_OLD", FileName = "old.sys", MaximumFileVersion = "3.1.65535.65535" });
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "ID_ALLOW_PATH", FilePath = "C:\\Program Files\\Contoso\\*", AppIds = "Contoso.Tool" });
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "ID_ALLOW_APP", PackageFamilyName = "Contoso.App_8wekyb3d8bbwe", PackageVersion = "1.0.0.0", AppIds = "$(ID_MACRO_A)$(ID_MACRO_B)" });
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "ID_ALLOW_EXCEPTED", FileName = "excepted.exe", MinimumFileVersion = "5.0.0.0" });
        policy.Macros.Add(new SiPolicyMacro { Id = "ID_MACRO_A", Value = "AppA" });
        policy.Macros.Add(new SiPolicyMacro { Id = "ID_MACRO_B", Value = "AppB" });

        policy.Signers.Add(new SiPolicySigner { Id = "ID_SIGNER_PRODUCT", Name = "Product Root", CertRootType = SiPolicyCertRootType.WellKnown, CertRootValue = "06" });
        var contoso = new SiPolicySigner
        {
            Id = "ID_SIGNER_CONTOSO",
            Name = "Contoso CA",
            CertRootType = SiPolicyCertRootType.Tbs,
            CertRootValue = "F6F717A43AD9ABDDC8CEFDDE1C505462535E7D1307E630F9544A2D14FE8BF26E",
            CertIssuer = "Contoso Issuing CA",
            CertPublisher = "Contoso Ltd.",
            CertOemId = "Contoso OEM",
            SignTimeAfter = "2021-05-06T07:08:09.5Z",
        };
        contoso.CertEkus.Add("ID_EKU_WINDOWS");
        contoso.CertEkus.Add("ID_EKU_STORE");
        contoso.FileAttribRefs.Add("ID_FILEATTRIB_TOOL");
        policy.Signers.Add(contoso);
        policy.Signers.Add(new SiPolicySigner { Id = "ID_SIGNER_UPDATE", Name = "Update", CertRootType = SiPolicyCertRootType.Tbs, CertRootValue = "4843A82ED3B1F2BFBEE9671960E1940C942F688D" });

        var kernel = policy.SigningScenarios[0];
        kernel.MinimumHashAlgorithm = 0x800D;
        kernel.ProductSigners!.AllowedSigners.Add(Signer("ID_SIGNER_PRODUCT", "ID_DENY_HASH"));
        kernel.ProductSigners.FileRuleRefs.Add("ID_DENY_OLD");
        kernel.ProductSigners.FileRuleRefs.Add("ID_DENY_HASH");
        var user = policy.SigningScenarios[1];
        user.InheritedScenarios = "ID_SIGNINGSCENARIO_KMCI";
        user.ProductSigners!.AllowedSigners.Add(Signer("ID_SIGNER_CONTOSO"));
        user.ProductSigners.DeniedSigners.Add(Signer("ID_SIGNER_UPDATE", "ID_ALLOW_EXCEPTED"));
        user.ProductSigners.FileRuleRefs.Add("ID_ALLOW_PATH");
        user.ProductSigners.FileRuleRefs.Add("ID_ALLOW_APP");
        user.TestSigners = new SiPolicySignerGroup();
        user.TestSigners.AllowedSigners.Add(Signer("ID_SIGNER_PRODUCT"));
        user.TestSigningSigners = new SiPolicySignerGroup();
        user.TestSigningSigners.FileRuleRefs.Add("ID_ALLOW_EXCEPTED");

        policy.UpdatePolicySigners.Add("ID_SIGNER_UPDATE");
        policy.CiSigners.Add("ID_SIGNER_CONTOSO");
        policy.SupplementalPolicySigners.Add("ID_SIGNER_UPDATE");
        policy.Rules.Add("Enabled:Allow Supplemental Policies");

        policy.Settings.Add(SiPolicySetting.FromString(SiPolicy.PolicyInfoProvider, SiPolicy.PolicyInfoKey, "Name", "Builder policy"));
        policy.Settings.Add(SiPolicySetting.FromString(SiPolicy.PolicyInfoProvider, SiPolicy.PolicyInfoKey, "Id", "042"));
        policy.Settings.Add(new SiPolicySetting { Provider = "Contoso", Key = "Flags", ValueName = "On", Kind = SiPolicySettingKind.Boolean, Value = true });
        policy.Settings.Add(new SiPolicySetting { Provider = "Contoso", Key = "Flags", ValueName = "Count", Kind = SiPolicySettingKind.DWord, Value = 42u });
        policy.Settings.Add(new SiPolicySetting { Provider = "Contoso", Key = "Flags", ValueName = "Blob", Kind = SiPolicySettingKind.Binary, Value = "DEADBEEF01" });
        return policy;
    }

    /// <summary><see cref="Compilable"/> plus what only the XML holds.</summary>
    internal static SiPolicy Everything()
    {
        var policy = Compilable();
        policy.FriendlyName = "Everything";
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.FileRule, Id = "ID_FILERULE_MATCH", RuleType = "Match", FileName = "generic.exe" });
        policy.SigningScenarios[0].FriendlyName = "Kernel";
        policy.SigningScenarios[0].ProductSigners!.AllowedSignersWorkaround = "w1";
        policy.SigningScenarios[1].ProductSigners!.DeniedSignersWorkaround = "w2";
        policy.SigningScenarios[1].TestSigningSigners!.FileRulesRefWorkaround = "w3";
        var tags = new SiPolicyAppIdTags { EnforceDll = true };
        tags.Tags.Add(new SiPolicyAppIdTag { Key = "Contoso", Value = "Tool" });
        policy.SigningScenarios[1].AppIdTags = tags;
        var app = new SiPolicyApp { Manifest = "https://contoso.example/manifest.xml" };
        var setting = new SiPolicyAppSetting { Name = "Servers" };
        setting.Values.Add("a.contoso.example");
        setting.Values.Add("b.contoso.example");
        app.Settings.Add(setting);
        policy.AppSettings.Add(app);
        return policy;
    }

    internal static SiPolicyScenarioSigner Signer(string id, params string[] exceptions)
    {
        var signer = new SiPolicyScenarioSigner { SignerId = id };
        foreach (var exception in exceptions)
        {
            signer.Exceptions.Add(exception);
        }

        return signer;
    }
}
