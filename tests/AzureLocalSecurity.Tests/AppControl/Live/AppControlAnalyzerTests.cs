using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Live;

public sealed class AppControlAnalyzerTests
{
    private static ActivePolicy Policy(ApplicationControlState state, Guid id) => state.Policies.Single(p => p.PolicyId == id);

    private static EvidenceBundle With(EvidenceBundle bundle, Func<EvidenceItem, EvidenceItem?> change) =>
        new(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Select(change).Where(i => i is not null).Select(i => i!));

    [Fact]
    public void An_enforced_Azure_Local_node_lists_its_three_active_policies_from_CiTool()
    {
        var state = AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced());

        Assert.Equal(AppControlMode.Enforced, state.Mode);
        Assert.Equal(AppControlMode.Enforced, state.KernelMode);
        Assert.True(state.PoliciesKnown);
        Assert.Equal("CiTool", state.PolicySource);
        Assert.Equal([AppControlBundles.DriverPolicy, AppControlBundles.AzureLocalBase, AppControlBundles.ContosoPolicy], state.Policies.Select(p => p.PolicyId!.Value));
        Assert.Empty(state.InactivePolicies);
        Assert.True(state.HasAzureLocalBasePolicy);
        Assert.Equal(3, state.EnforcedPolicyCount);
        Assert.Equal(1, state.SupplementalPolicyCount);
        Assert.Empty(state.Unknowns);
    }

    [Fact]
    public void The_node_mode_is_read_from_Win32_DeviceGuard()
    {
        var state = AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced());

        Assert.Equal(@"CIM root\Microsoft\Windows\DeviceGuard Win32_DeviceGuard UsermodeCodeIntegrityPolicyEnforcementStatus", state.ModeSource);
    }

    [Fact]
    public void AS_Base_Policy_is_labelled_Azure_Locals_base_and_enforced_by_its_CiTool_options()
    {
        var policy = Policy(AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced()), AppControlBundles.AzureLocalBase);

        Assert.True(policy.IsAzureLocalBase);
        Assert.True(policy.IsMicrosoftProvided);
        Assert.Equal("Azure Local base policy (AS_Base_Policy)", policy.Label);
        Assert.Equal("AS_Base_Policy", policy.Name);
        Assert.True(policy.IsBase);
        Assert.Equal("Base", policy.PolicyType);
        Assert.Equal(new Version(1, 1, 4, 0), policy.Version);
        Assert.Equal(AppControlMode.Enforced, policy.Mode);
        Assert.Equal("CiTool PolicyOptions", policy.ModeSource);
        Assert.Equal(AppControlBundles.BaseOptions, policy.Options);
        Assert.Equal(AppControlBundles.BaseFlags, policy.OptionFlags);
        Assert.Equal("{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip", policy.FileName);
        Assert.False(policy.IsSigned);
        Assert.Equal("CiTool", policy.Source);
        Assert.Equal(new DateTimeOffset(2026, 10, 28, 6, 12, 2, 900, TimeSpan.Zero), policy.LastActivated);
        Assert.Equal("NODE01", policy.NodeName);
        Assert.Equal(AppControlMode.Enforced, policy.NodeMode);
        Assert.Empty(policy.Unknowns);
    }

    [Fact]
    public void A_customers_supplemental_policy_is_not_Microsofts()
    {
        var policy = Policy(AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced()), AppControlBundles.ContosoPolicy);

        Assert.False(policy.IsBase);
        Assert.Equal("Supplemental", policy.PolicyType);
        Assert.Equal(AppControlBundles.AzureLocalBase, policy.BasePolicyId);
        Assert.False(policy.IsMicrosoftProvided);
        Assert.False(policy.IsAzureLocalBase);
        Assert.Null(policy.Label);
        Assert.Equal(AppControlMode.Enforced, policy.Mode);
    }

    [Fact]
    public void Microsofts_driver_policy_is_labelled_from_its_id()
    {
        var policy = Policy(AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced()), AppControlBundles.DriverPolicy);

        Assert.True(policy.IsMicrosoftProvided);
        Assert.True(policy.IsPlatformPolicy);
        Assert.Equal("Windows inbox: vulnerable driver block list", policy.Label);
        Assert.Equal(new Version(10, 0, 25880, 0), policy.Version);
        Assert.True(policy.IsSigned);
        Assert.Null(policy.FileName);
    }

    [Fact]
    public void The_analysis_agrees_with_Get_ASLocalWDACPolicyInfos_documented_output_for_the_node_it_describes()
    {
        var state = AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced());
        var documented = AppControlVectors.Read(AppControlVectors.PolicyInfoDocSample)
            .Split(["\r\n \r\n", "\n \n"], StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n').Select(l => l.Split(" : ", 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim()))
            .Where(d => d.ContainsKey("PolicyGuid"))
            .ToList();

        Assert.Equal(2, documented.Count);
        foreach (var info in documented)
        {
            var policy = Policy(state, Guid.Parse(info["PolicyGuid"]));
            Assert.Equal(info["PolicyName"], policy.Name);
            Assert.Equal(info["PolicyVersion"], policy.Name + "_" + policy.Version);
            Assert.Equal(bool.Parse(info["MicrosoftProvided"]), policy.IsMicrosoftProvided);
            Assert.Equal(info["PolicyMode"], policy.Mode.ToString());
        }
    }

    [Fact]
    public void An_audit_mode_node_reads_each_policys_mode_from_its_deployed_file_when_CiTool_lists_no_options()
    {
        var state = AppControlAnalyzer.Read(AppControlBundles.AzureLocalAudit());

        Assert.Equal(AppControlMode.Audit, state.Mode);
        Assert.Equal(AppControlMode.Audit, state.KernelMode);
        var basePolicy = Policy(state, AppControlBundles.AzureLocalBase);
        Assert.Equal(AppControlMode.Audit, basePolicy.Mode);
        Assert.Equal("OptionFlags 0x91992484 of {A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip", basePolicy.ModeSource);
        Assert.Contains("Enabled:Audit Mode", basePolicy.Options);
        Assert.Equal(AppControlMode.Enforced, Policy(state, AppControlBundles.ContosoPolicy).Mode);
        Assert.Equal(1, state.AuditPolicyCount);
    }

    [Fact]
    public void A_policy_with_no_options_no_file_and_no_activation_has_an_unknown_mode_with_the_reason()
    {
        var driver = Policy(AppControlAnalyzer.Read(AppControlBundles.AzureLocalAudit()), AppControlBundles.DriverPolicy);

        Assert.Equal(AppControlMode.Unknown, driver.Mode);
        Assert.Null(driver.ModeSource);
        Assert.Contains("The policy's mode is not known: CiTool's text form lists no options, no deployed file of it was read, and no activation event (3099) of it is in the capture.", driver.Unknowns);
        Assert.Null(driver.IsSigned);
    }

    [Fact]
    public void Without_CiTool_the_deployed_files_are_the_policies_and_the_reason_is_kept()
    {
        var state = AppControlAnalyzer.Read(AppControlBundles.WithoutCiTool());

        Assert.True(state.PoliciesKnown);
        Assert.Equal("file", state.PolicySource);
        Assert.Equal([AppControlBundles.AzureLocalBase, AppControlBundles.DriverPolicy], state.Policies.Select(p => p.PolicyId!.Value));
        Assert.Contains(state.Unknowns, u => u.StartsWith(@"CiTool's policy listing could not be read: CiTool.exe is not at C:\Windows\System32\CiTool.exe", StringComparison.Ordinal));
        Assert.Contains(state.Unknowns, u => u.StartsWith("The active policies are taken from the deployed policy files", StringComparison.Ordinal));
        Assert.Equal(AppControlMode.Enforced, state.Mode);
    }

    [Fact]
    public void A_policy_from_its_file_takes_its_name_from_its_activation_and_its_mode_from_its_header()
    {
        var policy = Policy(AppControlAnalyzer.Read(AppControlBundles.WithoutCiTool()), AppControlBundles.AzureLocalBase);

        Assert.Equal("MS_Base_Policy", policy.Name);
        Assert.Equal(new Version(1, 0, 0, 0), policy.Version);
        Assert.Equal(AppControlMode.Enforced, policy.Mode);
        Assert.Equal("OptionFlags 0x91982484 of {A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip", policy.ModeSource);
        Assert.Equal("file", policy.Source);
        Assert.True(policy.IsBase);
        Assert.True(policy.IsAzureLocalBase);
        Assert.Null(policy.IsEnforced);
    }

    [Fact]
    public void The_signed_driversipolicy_file_is_Microsofts_driver_policy()
    {
        var policy = Policy(AppControlAnalyzer.Read(AppControlBundles.WithoutCiTool()), AppControlBundles.DriverPolicy);

        Assert.Equal("driversipolicy.p7b", policy.FileName);
        Assert.True(policy.IsSigned);
        Assert.Equal(new Version(10, 0, 25880, 0), policy.Version);
        Assert.Equal("Microsoft Windows Driver Policy", policy.Name);
        Assert.True(policy.IsBase);
        Assert.True(policy.IsMicrosoftProvided);
        Assert.Equal(AppControlMode.Enforced, policy.Mode);
    }

    [Fact]
    public void A_Linux_host_has_no_App_Control_and_says_so_as_the_reason()
    {
        var state = AppControlAnalyzer.Read(AppControlBundles.LinuxHost());

        Assert.False(state.PoliciesKnown);
        Assert.Null(state.HasAzureLocalBasePolicy);
        Assert.Equal(AppControlMode.Unknown, state.Mode);
        Assert.Empty(state.Policies);
        Assert.Equal(["App Control for Business is a Windows feature: this node runs Linux, which has no App Control policy, CiTool or Code Integrity log to read."], state.Unknowns);
    }

    [Fact]
    public void Without_Win32_DeviceGuard_the_node_mode_comes_from_the_kernels_UMCI_bits()
    {
        var missing = SecuredCoreBundles.DeviceGuardClassMissing().Find(SecuredCoreEvidenceIds.DeviceGuard)!;
        var bundle = With(AppControlBundles.AzureLocalEnforced(), i => i.Id == SecuredCoreEvidenceIds.DeviceGuard ? missing : i);

        var state = AppControlAnalyzer.Read(bundle);

        Assert.Equal(AppControlMode.Enforced, state.Mode);
        Assert.Equal(AppControlMode.Unknown, state.KernelMode);
        Assert.Contains("CodeIntegrityOptions 0x2405", state.ModeSource, StringComparison.Ordinal);
        Assert.Contains(state.Unknowns, u => u.StartsWith("Win32_DeviceGuard could not be read (The Device Guard WMI provider is not there", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Device_Guard_status_outside_the_documented_codes_is_unknown_with_the_value()
    {
        var bundle = With(AppControlBundles.AzureLocalEnforced(), i => i);
        var items = AppControlBundles.WithDeviceGuardStatus(bundle.Items, 2, 7);

        var state = AppControlAnalyzer.Read(new EvidenceBundle(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, items));

        Assert.Equal(AppControlMode.Unknown, state.Mode);
        Assert.Equal(AppControlMode.Enforced, state.KernelMode);
        Assert.Contains("Win32_DeviceGuard UsermodeCodeIntegrityPolicyEnforcementStatus is 7, not one of the documented 0 (off), 1 (audit), 2 (enforced).", state.Unknowns);
    }

    [Fact]
    public void CiTool_output_that_does_not_read_falls_back_to_the_files_with_the_exit_code_in_the_reason()
    {
        var bundle = With(AppControlBundles.AzureLocalEnforced(), i => i.Id == AppControlEvidenceIds.CiToolPolicies
            ? EvidenceItem.ForText(i.Id, i.Source, i.CapturedAt, "{\"OperationResult\":-2147024891}")
            : i.Id == AppControlEvidenceIds.CiToolRun
                ? EvidenceItem.ForRecords(i.Id, i.Source, i.CapturedAt, [Bundles.Record((AppControlEvidenceIds.ExitCodeProperty, EvidenceValue.FromInt64(5)))])
                : i);

        var state = AppControlAnalyzer.Read(bundle);

        Assert.Equal("file", state.PolicySource);
        Assert.Contains("The CiTool policy listing could not be read at line 1: CiTool reported OperationResult 0x80070005, a failure (CiTool exited with 5)", state.Unknowns);
        Assert.Equal([AppControlBundles.AzureLocalBase, AppControlBundles.ContosoPolicy], state.Policies.Select(p => p.PolicyId!.Value));
    }

    [Fact]
    public void A_policy_CiTool_lists_as_not_enforced_is_inactive()
    {
        var bundle = With(AppControlBundles.AzureLocalEnforced(), i => i.Id == AppControlEvidenceIds.CiToolPolicies
            ? EvidenceItem.ForText(i.Id, i.Source, i.CapturedAt, i.GetText()!.Replace("\"FriendlyName\":\"Contoso-Policy\",", "\"FriendlyName\":\"Contoso-Policy\",\"IsEnforced\":false,", StringComparison.Ordinal).Replace("\"IsEnforced\":true,\"IsAuthorized\":true,\"PolicyOptions\":[\"Enabled:UMCI\",\"Enabled:Unsigned", "\"IsAuthorized\":true,\"PolicyOptions\":[\"Enabled:UMCI\",\"Enabled:Unsigned", StringComparison.Ordinal))
            : i);

        var state = AppControlAnalyzer.Read(bundle);

        Assert.Equal([AppControlBundles.ContosoPolicy], state.InactivePolicies.Select(p => p.PolicyId!.Value));
        Assert.Equal(2, state.Policies.Count);
    }

    [Fact]
    public void A_full_reader_plugged_in_as_the_inspector_fills_what_the_header_lacks()
    {
        var inspector = new FakeInspector(new CompiledPolicyFacts
        {
            FormatVersion = 8,
            OptionFlags = AppControlBundles.BaseFlags | AppControlBundles.AuditFlag,
            BasePolicyId = AppControlBundles.AzureLocalBase,
            Name = "MS_Base_Policy (full reader)",
            Options = ["Enabled:Audit Mode", "Enabled:UMCI"],
        });

        var policy = Policy(AppControlAnalyzer.Read(AppControlBundles.WithoutCiTool(), inspector), AppControlBundles.AzureLocalBase);

        Assert.Equal("MS_Base_Policy (full reader)", policy.Name);
        Assert.Equal(["Enabled:Audit Mode", "Enabled:UMCI"], policy.Options);
        Assert.Equal(AppControlMode.Audit, policy.Mode);
        Assert.Equal(2, inspector.Calls);
    }

    [Fact]
    public void A_deployed_file_that_disagrees_with_the_latest_activation_is_noted()
    {
        var inspector = new FakeInspector(new CompiledPolicyFacts { FormatVersion = 8, OptionFlags = AppControlBundles.BaseFlags | AppControlBundles.AuditFlag });

        var policy = Policy(AppControlAnalyzer.Read(AppControlBundles.WithoutCiTool(), inspector), AppControlBundles.AzureLocalBase);

        Assert.Equal(AppControlMode.Audit, policy.Mode);
        Assert.Contains(policy.Unknowns, u => u.StartsWith("Its latest activation in the capture (3099 at 2026-10-20 04:00:00Z) loaded it in enforced mode, but OptionFlags 0x91992484", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_the_inspector_refuses_leaves_the_mode_to_the_latest_activation()
    {
        var policy = Policy(AppControlAnalyzer.Read(AppControlBundles.WithoutCiTool(), new FakeInspector(null)), AppControlBundles.AzureLocalBase);

        Assert.Equal(AppControlMode.Enforced, policy.Mode);
        Assert.Equal("event 3099 Options 0x91982484 at 2026-10-20 04:00:00Z", policy.ModeSource);
        Assert.Contains("{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip is not a policy the inspector reads: fake refusal", policy.Unknowns);
    }

    [Fact]
    public void The_real_events_are_read_with_the_window_of_their_capture()
    {
        var log = AppControlAnalyzer.ReadEvents(AppControlBundles.RealCodeIntegrityEvents());

        Assert.True(log.IsKnown);
        Assert.Equal(5, log.Events.Count);
        Assert.Equal(30, log.Days);
        Assert.False(log.Truncated);
        Assert.Equal("DESKTOP-7E3E45C", log.NodeName);
    }

    [Fact]
    public void A_capture_that_reached_its_limit_says_it_is_truncated()
    {
        Assert.True(AppControlAnalyzer.ReadEvents(AppControlBundles.AzureLocalEnforcedTruncated()).Truncated);
    }

    [Fact]
    public void Events_that_could_not_be_read_are_unknown_with_the_collectors_reason()
    {
        var bundle = With(AppControlBundles.AzureLocalEnforced(), i => i.Id == AppControlEvidenceIds.CodeIntegrityEvents
            ? EvidenceItem.ForError(i.Id, EvidenceKind.Text, i.Source, i.CapturedAt, new EvidenceError(EvidenceErrorCategory.AccessDenied, "Reading the log was denied."))
            : i);

        var log = AppControlAnalyzer.ReadEvents(bundle);

        Assert.False(log.IsKnown);
        Assert.Equal("The Code Integrity Operational log could not be read: Reading the log was denied.", log.Unknown);
        Assert.Empty(log.Events);
    }

    [Fact]
    public void A_Linux_hosts_events_are_unknown_because_it_is_Linux()
    {
        Assert.Equal("Code Integrity events are Windows': this node runs Linux.", AppControlAnalyzer.ReadEvents(AppControlBundles.LinuxHost()).Unknown);
    }

    /// <summary>An inspector that answers every file with the same facts (or refuses every file when given none), counting the calls.</summary>
    private sealed class FakeInspector(CompiledPolicyFacts? facts) : ICompiledPolicyInspector
    {
        public int Calls { get; private set; }

        public bool TryInspect(byte[] policy, out CompiledPolicyFacts? result, out string? problem)
        {
            Calls++;
            result = facts;
            problem = facts is null ? "fake refusal" : null;
            return facts is not null;
        }
    }
}
