using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Live;

/// <summary>
/// The Windows App Control collector's parts that do not need Windows, run here for real: the XPath query, the policy files
/// read from a folder tree, and CiTool run as a process (a shell script standing in for CiTool.exe). The event log read
/// needs Windows and is reviewed against WINAPI.md §9.
/// </summary>
[SupportedOSPlatform("windows")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Interoperability", "CA1416", Justification = "Only the collector's file, process and query parts run; they call no Windows API.")]
public sealed class WindowsAppControlCollectorTests
{
    private static readonly Func<DateTimeOffset> Clock = () => Bundles.Time;

    private static string FakeCiTool(TempDir dir, string script)
    {
        var path = dir.Combine("CiTool.exe");
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        return path;
    }

    [Fact]
    public void The_query_asks_for_the_six_ids_within_the_window_in_milliseconds()
    {
        Assert.Equal(
            "*[System[(EventID=3033 or EventID=3034 or EventID=3076 or EventID=3077 or EventID=3089 or EventID=3099) and TimeCreated[timediff(@SystemTime) <= 2592000000]]]",
            WindowsAppControlCollector.Query(30));
    }

    [Fact]
    public void The_policy_files_are_listed_and_kept_byte_for_byte_in_name_order()
    {
        using var dir = new TempDir();
        var active = Directory.CreateDirectory(dir.Combine("CodeIntegrity", "CiPolicies", "Active")).FullName;
        var basePolicy = AppControlBundles.Header(AppControlBundles.AzureLocalBase, AppControlBundles.BaseFlags, new Version(1, 1, 4, 0));
        var supplemental = AppControlBundles.Header(AppControlBundles.ContosoPolicy, AppControlBundles.SupplementalFlags, new Version(1, 0, 0, 1));
        File.WriteAllBytes(Path.Combine(active, "{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip"), basePolicy);
        File.WriteAllBytes(Path.Combine(active, "{2112036A-74E9-47DC-A016-F126297A3427}.cip"), supplemental);
        File.WriteAllText(Path.Combine(active, "readme.txt"), "not a policy");
        File.WriteAllBytes(dir.Combine("CodeIntegrity", "driversipolicy.p7b"), [0x30, 0x00]);

        var items = WindowsAppControlCollector.ReadPolicyFiles(dir.Combine("CodeIntegrity"), Clock);

        var folder = items.Single(i => i.Id == AppControlEvidenceIds.ActivePoliciesFolder);
        Assert.Equal(["{2112036A-74E9-47DC-A016-F126297A3427}.cip", "{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip"], folder.Records!.Select(r => r.Get("Name")!.AsString()));
        Assert.Equal(72L, folder.Records![0].Get("Length")!.AsInt64());
        Assert.Equal(basePolicy, items.Single(i => i.Id == AppControlEvidenceIds.ActivePolicyFile("{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip")).GetData());
        Assert.Equal(supplemental, items.Single(i => i.Id == AppControlEvidenceIds.ActivePolicyFile("{2112036A-74E9-47DC-A016-F126297A3427}.cip")).GetData());
        Assert.Equal([0x30, 0x00], items.Single(i => i.Id == AppControlEvidenceIds.DriverPolicyFile).GetData());
        Assert.Equal(EvidenceErrorCategory.NotFound, items.Single(i => i.Id == AppControlEvidenceIds.SiPolicyFile).Error!.Category);
        Assert.Equal(5, items.Count);
    }

    [Fact]
    public void A_missing_Active_folder_is_NotFound()
    {
        using var dir = new TempDir();

        var items = WindowsAppControlCollector.ReadPolicyFiles(dir.Combine("CodeIntegrity"), Clock);

        var folder = items.Single(i => i.Id == AppControlEvidenceIds.ActivePoliciesFolder);
        Assert.Equal(EvidenceErrorCategory.NotFound, folder.Error!.Category);
        Assert.EndsWith("does not exist: no multiple-policy-format policy was deployed.", folder.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_file_larger_than_the_limit_is_not_kept()
    {
        using var dir = new TempDir();
        var active = Directory.CreateDirectory(dir.Combine("CodeIntegrity", "CiPolicies", "Active")).FullName;
        using (var big = File.Create(Path.Combine(active, "{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip")))
        {
            big.SetLength(AppControlEvidenceIds.MaxPolicyFileBytes + 1L);
        }

        var item = WindowsAppControlCollector.ReadPolicyFiles(dir.Combine("CodeIntegrity"), Clock)
            .Single(i => i.Id == AppControlEvidenceIds.ActivePolicyFile("{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip"));

        Assert.Equal(EvidenceErrorCategory.Failed, item.Error!.Category);
        Assert.EndsWith("is larger than 16777216 bytes; no policy is.", item.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CiTools_JSON_is_kept_as_written_with_the_run_that_wrote_it()
    {
        using var dir = new TempDir();
        var path = FakeCiTool(dir, "[ \"$1 $2\" = '--list-policies --json' ] || exit 9\nprintf '{\"Policies\":[],\"OperationResult\":0}'\necho warning >&2");

        var items = WindowsAppControlCollector.ReadCiTool(path, TimeSpan.FromSeconds(30), Clock);

        Assert.Equal("{\"Policies\":[],\"OperationResult\":0}", items.Single(i => i.Id == AppControlEvidenceIds.CiToolPolicies).GetText());
        var run = items.Single(i => i.Id == AppControlEvidenceIds.CiToolRun).Records![0];
        Assert.Equal("json", run.Get("Format")!.AsString());
        Assert.Equal(0L, run.Get("ExitCode")!.AsInt64());
        Assert.Equal(["--list-policies", "--json"], run.Get("Arguments")!.AsStrings());
        Assert.Equal("warning\n", run.Get("StandardError")!.AsString());
        Assert.False(run.Get("TimedOut")!.AsBoolean());
        Assert.Null(run.Get("JsonExitCode"));
    }

    [Fact]
    public void A_CiTool_that_answers_json_with_text_is_run_again_for_the_text_form()
    {
        using var dir = new TempDir();
        var listing = AppControlVectors.Read(AppControlVectors.DriverPolicyDocSample);
        File.WriteAllText(dir.Combine("listing.txt"), listing);
        var path = FakeCiTool(dir, $"if [ \"$2\" = '--json' ]; then echo 'Unknown option --json'; exit 1; fi\ncat '{dir.Combine("listing.txt")}'");

        var items = WindowsAppControlCollector.ReadCiTool(path, TimeSpan.FromSeconds(30), Clock);

        var text = items.Single(i => i.Id == AppControlEvidenceIds.CiToolPolicies);
        Assert.Equal(listing, text.GetText());
        Assert.Equal(path + " --list-policies", text.Source);
        var run = items.Single(i => i.Id == AppControlEvidenceIds.CiToolRun).Records![0];
        Assert.Equal("text", run.Get("Format")!.AsString());
        Assert.Equal(1L, run.Get("JsonExitCode")!.AsInt64());
        Assert.Equal(["--list-policies"], run.Get("Arguments")!.AsStrings());
        Assert.Equal(new Guid("d2bda982-ccf6-4344-ac5b-0b44427b6816"), Assert.Single(CiToolPolicyListParser.Parse(text.GetText()!)).PolicyId);
    }

    [Fact]
    public void A_non_zero_exit_keeps_the_output_and_records_the_code()
    {
        using var dir = new TempDir();
        var path = FakeCiTool(dir, "printf '{\"OperationResult\":-2147024891}'\nexit 5");

        var items = WindowsAppControlCollector.ReadCiTool(path, TimeSpan.FromSeconds(30), Clock);

        Assert.Equal("{\"OperationResult\":-2147024891}", items.Single(i => i.Id == AppControlEvidenceIds.CiToolPolicies).GetText());
        Assert.Equal(5L, items.Single(i => i.Id == AppControlEvidenceIds.CiToolRun).Records![0].Get("ExitCode")!.AsInt64());
    }

    [Fact]
    public void A_CiTool_that_does_not_finish_is_stopped_and_the_listing_is_a_failure()
    {
        using var dir = new TempDir();
        var path = FakeCiTool(dir, "exec sleep 30");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var items = WindowsAppControlCollector.ReadCiTool(path, TimeSpan.FromSeconds(1), Clock);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var text = items.Single(i => i.Id == AppControlEvidenceIds.CiToolPolicies);
        Assert.Equal(EvidenceErrorCategory.Failed, text.Error!.Category);
        Assert.Equal("CiTool did not finish within 1 s and was stopped.", text.Error.Message);
        Assert.True(items.Single(i => i.Id == AppControlEvidenceIds.CiToolRun).Records![0].Get("TimedOut")!.AsBoolean());
    }

    [Fact]
    public void A_missing_CiTool_is_NotFound_for_both_items_not_a_failure()
    {
        using var dir = new TempDir();
        var path = dir.Combine("CiTool.exe");

        var items = WindowsAppControlCollector.ReadCiTool(path, TimeSpan.FromSeconds(30), Clock);

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(EvidenceErrorCategory.NotFound, i.Error!.Category));
        Assert.Equal($"CiTool.exe is not at {path}: this build of Windows does not ship it (Windows 11 22H2 and Windows Server 2025 do).", items[0].Error!.Message);
    }

    [Fact]
    public void A_CiTool_that_cannot_be_executed_is_an_error_item_not_an_exception()
    {
        using var dir = new TempDir();
        var path = dir.Combine("CiTool.exe");
        File.WriteAllText(path, "not a program");

        var items = WindowsAppControlCollector.ReadCiTool(path, TimeSpan.FromSeconds(30), Clock);

        Assert.All(items, i => Assert.False(i.Succeeded));
        Assert.StartsWith("CiTool could not be started: ", items[0].Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00 }, "{}", "utf-16le")]
    [InlineData(new byte[] { 0x7B, 0x00, 0x7D, 0x00 }, "{}", "utf-16le")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D }, "{}", "utf-8")]
    [InlineData(new byte[] { 0x50, 0xC3, 0xA9 }, "Pé", "utf-8")]
    [InlineData(new byte[0], "", "utf-8")]
    public void Tool_output_is_decoded_as_UTF_16_when_it_looks_so_and_as_UTF_8_otherwise(byte[] bytes, string text, string encoding)
    {
        Assert.Equal((text, encoding), WindowsAppControlCollector.Decode(bytes));
    }

    [Fact]
    public void Off_Windows_every_id_is_NotSupported()
    {
        Assert.False(OperatingSystem.IsWindows(), "This test is about a machine that is not Windows.");

        var items = new WindowsAppControlCollector().Collect(new CollectionContext()).ToList();

        Assert.Equal(
            [AppControlEvidenceIds.CiToolPolicies, AppControlEvidenceIds.CiToolRun, AppControlEvidenceIds.ActivePoliciesFolder, AppControlEvidenceIds.SiPolicyFile,
             AppControlEvidenceIds.DriverPolicyFile, AppControlEvidenceIds.CodeIntegrityEvents, AppControlEvidenceIds.CodeIntegrityEventQuery],
            items.Select(i => i.Id));
        Assert.All(items, i => Assert.Equal(EvidenceErrorCategory.NotSupported, i.Error!.Category));
    }

    [Fact]
    public void The_collector_reads_CiTool_and_the_files_of_one_System32_tree_into_a_bundle_that_analyzes()
    {
        using var dir = new TempDir();
        var active = Directory.CreateDirectory(dir.Combine("CodeIntegrity", "CiPolicies", "Active")).FullName;
        File.WriteAllBytes(Path.Combine(active, "{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip"), AppControlBundles.Header(AppControlBundles.AzureLocalBase, AppControlBundles.BaseFlags | AppControlBundles.AuditFlag, new Version(1, 1, 4, 0)));
        File.WriteAllText(dir.Combine("listing.txt"), "Policy ID: a6368f66-e2c9-4aa2-ab79-8743f6597683\nBase Policy ID: a6368f66-e2c9-4aa2-ab79-8743f6597683\nFriendly Name: AS_Base_Policy\nIs Currently Enforced: true\n");
        _ = FakeCiTool(dir, $"[ \"$2\" = '--json' ] && exit 1\ncat '{dir.Combine("listing.txt")}'");
        var collector = new WindowsAppControlCollector(dir.Path, 30, 2000, readEvents: false);

        var items = collector.Collect(new CollectionContext("/", Clock)).ToList();
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Windows, "Microsoft Windows 10.0.25398", "X64"), Bundles.Time, "0.1.0", items);
        var policy = Assert.Single(AppControlAnalyzer.Read(bundle).Policies);

        Assert.Equal(AppControlMode.Audit, policy.Mode);
        Assert.True(policy.IsAzureLocalBase);
    }

    [Fact]
    public void The_live_capture_here_has_no_App_Control_collector()
    {
        Assert.False(OperatingSystem.IsWindows(), "This test is about a machine that is not Windows.");

        Assert.Empty(AppControlCollectors.ForThisMachine());
    }
}
