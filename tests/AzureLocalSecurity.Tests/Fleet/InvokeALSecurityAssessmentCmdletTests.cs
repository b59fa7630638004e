using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using AzureLocalSecurity.Fleet;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Fleet;

/// <summary>
/// Invoke-ALSecurityAssessment in the real engine. Remoting cannot run here (no WinRM), so the module's test hooks (set by
/// reflection) put the local-runspace seam where Invoke-Command goes: each node runs the script the cmdlet sends (the
/// placeholder capture) in its own runspace on this machine, so every node captures this machine's name.
/// </summary>
[Collection(AzureLocalSecurity.Tests.Support.ProcessEnvironmentTests.Name)]
public sealed class InvokeALSecurityAssessmentCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private readonly ModuleSession _session;
    private readonly Type _hooks;
    private readonly Dictionary<string, string> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(IReadOnlyList<string> Targets, object?[] Arguments, int Throttle)> _calls = [];

    // The real capture script runs in each stand-in node (its Windows commands absent here): generous, except where a test waits for the timeout.
    private TimeSpan _timeout = TimeSpan.FromSeconds(120);
    private readonly TempDir _dir = new();
    private IEnumerable<KeyValuePair<string?, string?>> _clusterNodes = [];

    public InvokeALSecurityAssessmentCmdletTests(ModuleSession session)
    {
        _session = session;
        var assembly = (Assembly)_session.Run("[AzureLocalSecurity.Commands.InvokeALSecurityAssessmentCommand].Assembly").Output.Single().BaseObject;
        _hooks = assembly.GetType("AzureLocalSecurity.Commands.FleetAssessmentTestHooks", throwOnError: true)!;
        Set("CaptureSource", new Func<IReadOnlyList<string>, string, object?[], int, INodeCaptureSource>((targets, script, arguments, throttle) =>
        {
            _calls.Add((targets, arguments, throttle));
            return new LocalRunspaceCaptureSource(targets, t => _scripts.TryGetValue(t, out var s) ? s : script, arguments, throttle, _timeout);
        }));
        Set("ClusterNodes", new Func<string, IEnumerable<KeyValuePair<string?, string?>>>(cluster => cluster == "hci-cl01" ? _clusterNodes : throw new InvalidOperationException("WinRM cannot process the request: the cluster name does not resolve.")));
    }

    private static string Here => Environment.MachineName;

    public void Dispose()
    {
        Set("CaptureSource", null);
        Set("ClusterNodes", null);
        _dir.Dispose();
    }

    [Fact]
    public void The_three_parameter_sets_are_ComputerName_by_default_Session_and_Cluster_and_sessions_take_no_connection_options()
    {
        var sets = _session.Run("(Get-Command Invoke-ALSecurityAssessment).ParameterSets | ForEach-Object { $_.Name + ':' + $_.IsDefault + ':' + (($_.Parameters.Name | Where-Object { $_ -in 'Credential','Authentication','Port','UseSSL','ThrottleLimit' }) -join ',') }").Output.Select(o => o.ToString());

        Assert.Equal(
            ["ComputerName:True:Credential,Authentication,Port,UseSSL,ThrottleLimit", "Session:False:ThrottleLimit", "Cluster:False:Credential,Authentication,Port,UseSSL,ThrottleLimit"],
            sets);
    }

    [Fact]
    public void Names_piped_as_strings_are_assessed_together_in_one_fan_out()
    {
        var (output, errors) = _session.Run("'nodeA', 'nodeB' | Invoke-ALSecurityAssessment");

        Assert.Empty(errors);
        Assert.Equal(["nodeA", "nodeB"], Assert.Single(_calls).Targets);
        var perNode = output.GroupBy(o => (string?)o.Properties["PSComputerName"]?.Value).ToDictionary(g => g.Key ?? "(none)", g => g.Count());
        Assert.Equal(["nodeA", "nodeB"], perNode.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(perNode["nodeA"], perNode["nodeB"]);
    }

    [Fact]
    public void Objects_with_a_Name_bind_by_property_name_as_Get_ClusterNode_output_does()
    {
        _session.Run("[pscustomobject]@{ Name = 'NODE01'; State = 'Up' }, [pscustomobject]@{ Name = 'NODE02'; State = 'Up' } | Invoke-ALSecurityAssessment");

        Assert.Equal(["NODE01", "NODE02"], Assert.Single(_calls).Targets);
    }

    [Fact]
    public void An_object_with_both_DNSHostName_and_Name_binds_the_DNS_name_as_an_AD_computer_would()
    {
        _session.Run("[pscustomobject]@{ Name = 'NODE01'; DNSHostName = 'node01.contoso.com' } | Invoke-ALSecurityAssessment");

        Assert.Equal(["node01.contoso.com"], Assert.Single(_calls).Targets);
    }

    [Fact]
    public void A_name_given_twice_is_assessed_once()
    {
        _session.Run("Invoke-ALSecurityAssessment -ComputerName nodeA, NODEA, nodeA");

        Assert.Equal(["nodeA"], Assert.Single(_calls).Targets);
    }

    [Fact]
    public void Results_carry_the_node_as_captured_and_PSComputerName_when_the_name_given_differs()
    {
        var (output, _) = _session.Run($"Invoke-ALSecurityAssessment -ComputerName nodeA, '{Here}'");

        var byGiven = output.GroupBy(o => o.Properties["PSComputerName"]?.Value as string).ToDictionary(g => g.Key ?? "(none)", g => g.ToList());
        Assert.NotEmpty(byGiven["nodeA"]);
        Assert.Equal(byGiven["nodeA"].Count, byGiven["(none)"].Count);
        Assert.All(output, o => Assert.Equal(Here, ((SecurityCheckResult)o.BaseObject).NodeName));
        Assert.Contains(output, o => ((SecurityCheckResult)o.BaseObject).Area == "SecuredCore");
    }

    [Fact]
    public void A_node_whose_script_fails_is_a_NodeAssessmentFailed_error_and_one_ALSEC_FLEET_001_result_and_the_others_go_on()
    {
        _scripts["broken"] = "throw 'Access is denied.'";

        var (output, errors) = _session.Run("Invoke-ALSecurityAssessment -ComputerName good, broken");

        var error = Assert.Single(errors);
        Assert.Equal("NodeAssessmentFailed,AzureLocalSecurity.Commands.InvokeALSecurityAssessmentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal("broken", error.TargetObject);
        Assert.Contains("Access is denied.", error.Exception.Message, StringComparison.Ordinal);
        var fleet = output.Select(o => (SecurityCheckResult)o.BaseObject).Single(r => r.Id == FleetCheck.Id);
        Assert.Equal(("broken", CheckStatus.Error, "Fleet"), (fleet.NodeName, fleet.Status, fleet.Area));
        Assert.Equal(output.Count - 1, output.Count(o => (string?)o.Properties["PSComputerName"]?.Value == "good"));
        Assert.True(output.Count > 1);
    }

    [Fact]
    public void A_node_that_does_not_answer_in_time_is_a_connection_error()
    {
        _scripts["hung"] = FleetAssessmentTests.Hang;
        _timeout = TimeSpan.FromSeconds(6);

        var (_, errors) = _session.Run("Invoke-ALSecurityAssessment -ComputerName hung");

        var error = Assert.Single(errors);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("(TimedOut)", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_answers_with_bad_JSON_is_an_invalid_data_error()
    {
        _scripts["garbled"] = "'{\"format\": '";

        var (_, errors) = _session.Run("Invoke-ALSecurityAssessment -ComputerName garbled");

        Assert.Equal((ErrorCategory.InvalidData, "garbled"), (Assert.Single(errors).CategoryInfo.Category, Assert.Single(errors).TargetObject));
    }

    [Fact]
    public void Cluster_assesses_the_nodes_that_are_Up_and_reports_Down_and_Paused_nodes_as_failed()
    {
        _clusterNodes = [new("NODE01", "Up"), new("NODE02", "Down"), new("NODE03", "Paused")];

        var (output, errors) = _session.Run("Invoke-ALSecurityAssessment -Cluster hci-cl01");

        Assert.Equal(["NODE01"], Assert.Single(_calls).Targets);
        Assert.Equal(["NODE02", "NODE03"], errors.Select(e => (string)e.TargetObject));
        Assert.All(errors, e => Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category));
        var fleet = output.Select(o => (SecurityCheckResult)o.BaseObject).Where(r => r.Id == FleetCheck.Id).ToList();
        Assert.Equal([("NODE02", "node state is Down"), ("NODE03", "node state is Paused")], fleet.Select(r => (r.NodeName, r.Reason)));
        Assert.Equal(output.Count - 2, output.Count(o => (string?)o.Properties["PSComputerName"]?.Value == "NODE01"));
        Assert.True(output.Count > 2);
    }

    [Fact]
    public void A_cluster_whose_nodes_cannot_be_listed_stops_the_command_with_ClusterExpansionFailed()
    {
        var (output, _) = _session.Run("try { Invoke-ALSecurityAssessment -Cluster nowhere -ErrorAction Stop; 'went on' } catch { $_ }");

        var error = (ErrorRecord)Assert.Single(output).BaseObject;
        Assert.Equal("ClusterExpansionFailed,AzureLocalSecurity.Commands.InvokeALSecurityAssessmentCommand", error.FullyQualifiedErrorId);
        Assert.Equal("nowhere", error.TargetObject);
        Assert.Contains("the cluster name does not resolve", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_calls);
    }

    [Fact]
    public void CredSSP_is_refused_before_any_node_is_contacted()
    {
        var (output, _) = _session.Run("try { Invoke-ALSecurityAssessment -ComputerName nodeA -Authentication Credssp -ErrorAction Stop } catch { $_ }");

        var error = (ErrorRecord)Assert.Single(output).BaseObject;
        Assert.Equal("CredSspRefused,AzureLocalSecurity.Commands.InvokeALSecurityAssessmentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(_calls);
    }

    [Fact]
    public void ThrottleLimit_and_Since_reach_the_capture()
    {
        var (_, errors) = _session.Run("Invoke-ALSecurityAssessment -ComputerName nodeA -ThrottleLimit 5 -Since ([datetime]::new(2026, 1, 2, 3, 4, 5, [System.DateTimeKind]::Utc))");

        Assert.Empty(errors);
        var call = Assert.Single(_calls);
        Assert.Equal(5, call.Throttle);
        // The capture script's param block: RegistryKeys, UserRights, BuiltinRids, AccountPolicy, AuditPolicy, Since, ...
        Assert.Equal(11, call.Arguments.Length);
        Assert.Equal("2026-01-02T03:04:05.000Z", call.Arguments[5]);
        Assert.NotEmpty(Assert.IsType<string[]>(call.Arguments[0]));
    }

    [Fact]
    public void Without_ThrottleLimit_or_Since_the_throttle_is_32_and_Since_is_left_to_the_capture()
    {
        _session.Run("Invoke-ALSecurityAssessment -ComputerName nodeA");

        var call = Assert.Single(_calls);
        Assert.Equal(32, call.Throttle);
        Assert.Equal(string.Empty, call.Arguments[5]);
    }

    [Fact]
    public void Area_limits_the_results_to_the_areas_asked()
    {
        var (output, errors) = _session.Run("Invoke-ALSecurityAssessment -ComputerName nodeA -Area SecuredCore,Tpm");

        Assert.Empty(errors);
        Assert.NotEmpty(output);
        Assert.Equal(["SecuredCore", "Tpm"], output.Select(o => ((SecurityCheckResult)o.BaseObject).Area).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EvidenceOutputPath_saves_each_node_as_a_zip_that_Test_ALSecurityPosture_reads_to_the_same_results()
    {
        var folder = _dir.Combine("evidence");

        var (live, errors) = _session.Run($"Invoke-ALSecurityAssessment -ComputerName nodeA -EvidenceOutputPath '{folder}'");
        var (offline, offlineErrors) = _session.Run($"Test-ALSecurityPosture -EvidencePath '{folder}'");

        Assert.Empty(errors);
        Assert.Empty(offlineErrors);
        Assert.Equal([Here + ".zip"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal(
            live.Select(o => (SecurityCheckResult)o.BaseObject).Select(r => (r.Id, r.Status, r.NodeName, r.Reason)),
            offline.Select(o => (SecurityCheckResult)o.BaseObject).Select(r => (r.Id, r.Status, r.NodeName, r.Reason)));
    }

    [Fact]
    public void WhatIf_with_EvidenceOutputPath_still_assesses_the_nodes_and_saves_no_bundle()
    {
        var folder = _dir.Combine("evidence-whatif");

        var (live, errors) = _session.Run($"Invoke-ALSecurityAssessment -ComputerName nodeA -EvidenceOutputPath '{folder}' -WhatIf");

        Assert.Empty(errors);
        Assert.NotEmpty(live);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
    }

    [Fact]
    public void Progress_counts_the_nodes_done_out_of_all_and_completes()
    {
        _clusterNodes = [new("NODE01", "Up"), new("NODE02", "Down")];

        using var ps = _session.RunWithStreams("Invoke-ALSecurityAssessment -Cluster hci-cl01 -ErrorAction SilentlyContinue", out _);

        var progress = ps.Streams.Progress.ToList();
        Assert.Equal(["1 of 2 nodes assessed", "2 of 2 nodes assessed"], progress.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription));
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
    }

    [Fact]
    public void Summary_writes_one_posture_summary_per_node_holding_its_results()
    {
        var (results, _) = _session.Run("Invoke-ALSecurityAssessment -ComputerName nodeA");
        var (output, errors) = _session.Run("Invoke-ALSecurityAssessment -ComputerName nodeA -Summary");

        Assert.Empty(errors);
        var summary = Assert.IsType<SecurityPostureSummary>(Assert.Single(output).BaseObject);
        Assert.Equal(results.Count, summary.Total);
        Assert.Equal(Here, summary.NodeName);
    }

    private void Set(string name, object? value) => _hooks.GetProperty(name, BindingFlags.NonPublic | BindingFlags.Static)!.SetValue(null, value);
}
