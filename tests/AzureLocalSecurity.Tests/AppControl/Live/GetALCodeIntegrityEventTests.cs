using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Live;

public sealed class GetALCodeIntegrityEventTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Write(TempDir dir, EvidenceBundle bundle)
    {
        var path = Path.Combine(dir.Path, "node.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    [Fact]
    public void By_default_the_blocks_are_grouped_by_file_and_signer_latest_first()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Get-ALCodeIntegrityEvent -EvidencePath {Write(dir, AppControlBundles.AzureLocalEnforced())}");

        Assert.Empty(errors);
        var groups = output.Select(o => (CodeIntegrityEventGroup)o.BaseObject).ToList();
        Assert.Equal(["agent.dll Contoso Ltd 1", "netscan.exe (unsigned) 2"], groups.Select(g => $"{g.FileName} {g.Signer} {g.Count}"));
        Assert.All(groups, g => Assert.Equal(["AS_Base_Policy"], g.Policies));
    }

    [Fact]
    public void Raw_Blocked_writes_the_real_3077_and_3033_each_with_its_signer()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Get-ALCodeIntegrityEvent -EvidencePath {Write(dir, AppControlBundles.RealCodeIntegrityEvents())} -Raw -Blocked");

        Assert.Empty(errors);
        var events = output.Select(o => (CodeIntegrityEvent)o.BaseObject).ToList();
        Assert.Equal([3077, 3033], events.Select(e => e.EventId));
        Assert.All(events, e => Assert.Equal("Microsoft Windows", e.Signer));
    }

    [Fact]
    public void Raw_alone_writes_every_event_of_the_capture()
    {
        using var dir = new TempDir();

        var (output, _) = module.Run($"Get-ALCodeIntegrityEvent -EvidencePath {Write(dir, AppControlBundles.RealCodeIntegrityEvents())} -Raw");

        Assert.Equal([3099, 3089, 3077, 3089, 3033], output.Select(o => ((CodeIntegrityEvent)o.BaseObject).EventId));
    }

    [Fact]
    public void Audited_keeps_only_what_audit_mode_would_have_blocked()
    {
        using var dir = new TempDir();
        var enforced = Write(dir, AppControlBundles.AzureLocalEnforced());

        var (none, _) = module.Run($"Get-ALCodeIntegrityEvent -EvidencePath {enforced} -Audited");
        var (audited, errors) = module.Run($"Get-ALCodeIntegrityEvent -Evidence $b -Audited", new System.Collections.Generic.Dictionary<string, object?> { ["b"] = AppControlBundles.AzureLocalAudit() });

        Assert.Empty(none);
        Assert.Empty(errors);
        var group = (CodeIntegrityEventGroup)Assert.Single(audited).BaseObject;
        Assert.Equal(2, group.Count);
        Assert.Equal([CodeIntegrityEventKind.Audit], group.Kinds);
        Assert.False(group.WasBlocked);
    }

    [Fact]
    public void Since_leaves_out_earlier_events()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Get-ALCodeIntegrityEvent -EvidencePath {Write(dir, AppControlBundles.AzureLocalEnforced())} -Since ([datetime]::new(2026, 10, 30, 0, 0, 0, [DateTimeKind]::Utc))");

        Assert.Empty(errors);
        Assert.Equal(["agent.dll 1", "netscan.exe 1"], output.Select(o => (CodeIntegrityEventGroup)o.BaseObject).Select(g => $"{g.FileName} {g.Count}"));
    }

    [Fact]
    public void Since_before_the_captures_window_is_warned_about()
    {
        using var dir = new TempDir();
        using var ps = module.RunWithStreams($"Get-ALCodeIntegrityEvent -EvidencePath {Write(dir, AppControlBundles.RealCodeIntegrityEvents())} -Since ([datetime]::new(2021, 1, 1, 0, 0, 0, [DateTimeKind]::Utc))", out var output);

        Assert.Single(output);
        var warning = Assert.Single(ps.Streams.Warning);
        Assert.Equal("DESKTOP-7E3E45C: the capture holds only the 30 days before 2021-12-28 09:00:00Z; earlier events are not in it.", warning.Message);
    }

    [Fact]
    public void A_capture_that_kept_fewer_events_than_the_log_held_is_warned_about()
    {
        using var dir = new TempDir();
        using var ps = module.RunWithStreams($"Get-ALCodeIntegrityEvent -EvidencePath {Write(dir, AppControlBundles.AzureLocalEnforcedTruncated())}", out _);

        Assert.StartsWith("NODE01: the log held more events than the capture kept", Assert.Single(ps.Streams.Warning).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Linux_bundle_is_a_CodeIntegrityEventsUnavailable_error()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Get-ALCodeIntegrityEvent -EvidencePath {Write(dir, AppControlBundles.LinuxHost())}");

        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("CodeIntegrityEventsUnavailable,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("linux01: the Code Integrity events are unknown. Code Integrity events are Windows': this node runs Linux.", error.Exception.Message);
    }

    [Fact]
    public void The_group_table_row_shows_kinds_signer_and_policies()
    {
        var row = ViewRow.Of(module, typeof(CodeIntegrityEventGroup), "Get-ALCodeIntegrityEvent -Evidence $bundle", AppControlBundles.RealCodeIntegrityEvents());

        Assert.Equal("2021-12-27 19:58:05Z|2|Blocked, SigningLevelBlocked|scrobj.dll|Microsoft Windows|AaronLocker AppLocker enhancement - disallow specific EXE/DLL combinations", row);
    }

    [Fact]
    public void The_event_table_row_shows_an_unknown_signer_as_empty_and_the_policy_name()
    {
        var row = ViewRow.Of(module, typeof(CodeIntegrityEvent), "@(Get-ALCodeIntegrityEvent -Evidence $bundle -Raw)[0]", AppControlBundles.RealCodeIntegrityEvents());

        Assert.Equal("2021-12-27 23:02:53Z|3099|PolicyActivated||||AaronLocker AppLocker enhancement - disallow specific EXE/DLL combinations", row);
    }
}
