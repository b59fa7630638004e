using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.Eventing.Reader;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the App Control for Business facts of <see cref="AppControlEvidenceIds"/>: CiTool's policy listing
/// (<c>%windir%\System32\CiTool.exe --list-policies --json</c>, or the text form when a CiTool answers that with something other
/// than JSON), the deployed policy files of <c>CodeIntegrity\CiPolicies\Active</c> and the legacy <c>SiPolicy.p7b</c> and
/// <c>driversipolicy.p7b</c> byte for byte, and the Code Integrity Operational events 3033, 3034, 3076, 3077, 3089 and 3099 of
/// the last days through EventLogReader (WINAPI.md §9). Win32_DeviceGuard is the Secured-core collector's. Each fact that
/// could not be read is an error item of its own; nothing is decided here. A 32-bit process reads the 64-bit System32 through
/// <c>Sysnative</c>, since file system redirection would show it SysWOW64, where neither CiTool nor CodeIntegrity are.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsAppControlCollector : IEvidenceCollector
{
    /// <summary>How many days of events are read unless asked otherwise.</summary>
    public const int DefaultEventDays = AppControlCollectors.DefaultEventDays;

    /// <summary>The most events kept unless asked otherwise: months of a quiet node, and a bounded text on a busy one.</summary>
    public const int DefaultMaxEvents = 2000;

    /// <summary>The most days of events that can be asked for.</summary>
    public const int MaxEventDays = AppControlCollectors.MaxEventDays;

    /// <summary>How long CiTool may run before it is stopped.</summary>
    internal static readonly TimeSpan CiToolTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The most bytes of CiTool's standard output kept (as many as the listing parser reads).</summary>
    internal const int MaxCiToolOutputBytes = CiToolPolicyListParser.MaxCharacters;

    /// <summary>The most characters of CiTool's standard error kept.</summary>
    internal const int MaxStandardErrorCharacters = 4096;

    private const string NotWindows = "Windows facts are read only on Windows.";

    private const string EventSource = "Microsoft-Windows-CodeIntegrity/Operational log (EventLogReader)";

    private readonly string? _systemFolder;
    private readonly bool _readEvents;

    /// <summary>Creates the collector reading <see cref="DefaultEventDays"/> days and at most <see cref="DefaultMaxEvents"/> events.</summary>
    public WindowsAppControlCollector()
        : this(DefaultEventDays, DefaultMaxEvents)
    {
    }

    /// <summary>Creates the collector reading <paramref name="eventDays"/> days (1 to <see cref="MaxEventDays"/>) and at most <paramref name="maxEvents"/> events.</summary>
    public WindowsAppControlCollector(int eventDays, int maxEvents = DefaultMaxEvents)
        : this(null, eventDays, maxEvents, readEvents: true)
    {
    }

    /// <summary>Reads System32 from <paramref name="systemFolder"/> (a test tree), and the event log only when asked.</summary>
    internal WindowsAppControlCollector(string? systemFolder, int eventDays, int maxEvents, bool readEvents)
    {
        if (eventDays < 1 || eventDays > MaxEventDays)
        {
            throw new ArgumentOutOfRangeException(nameof(eventDays), eventDays, $"Between 1 and {MaxEventDays} days.");
        }

        if (maxEvents < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEvents), maxEvents, "At least one event.");
        }

        _systemFolder = systemFolder;
        EventDays = eventDays;
        MaxEvents = maxEvents;
        _readEvents = readEvents;
    }

    /// <inheritdoc />
    public string Name => "WindowsAppControl";

    /// <summary>How many days of Code Integrity events are read.</summary>
    public int EventDays { get; }

    /// <summary>The most Code Integrity events kept.</summary>
    public int MaxEvents { get; }

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (_systemFolder is null && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return NotSupported(context.Clock());
        }

        var system = _systemFolder ?? SystemFolder();
        var items = new List<EvidenceItem>();
        items.AddRange(ReadCiTool(Path.Combine(system, "CiTool.exe"), CiToolTimeout, context.Clock));
        items.AddRange(ReadPolicyFiles(Path.Combine(system, "CodeIntegrity"), context.Clock));
        if (_readEvents)
        {
            items.AddRange(ReadEvents(EventDays, MaxEvents, context.Clock()));
        }

        return items;
    }

    /// <summary>The XPath query: the kept ids, logged within the last <paramref name="days"/> days (timediff counts milliseconds).</summary>
    internal static string Query(int days) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "*[System[({0}) and TimeCreated[timediff(@SystemTime) <= {1}]]]",
            string.Join(" or ", AppControlEvidenceIds.EventIds.Select(id => "EventID=" + id.ToString(CultureInfo.InvariantCulture))),
            (long)days * 24 * 60 * 60 * 1000);

    /// <summary>Every id the collector files, each NotSupported: what it reports off Windows.</summary>
    internal static List<EvidenceItem> NotSupported(DateTimeOffset now)
    {
        var error = new EvidenceError(EvidenceErrorCategory.NotSupported, NotWindows);
        return
        [
            EvidenceItem.ForError(AppControlEvidenceIds.CiToolPolicies, EvidenceKind.Text, "CiTool.exe --list-policies --json", now, error),
            EvidenceItem.ForError(AppControlEvidenceIds.CiToolRun, EvidenceKind.Properties, "CiTool.exe --list-policies --json", now, error),
            EvidenceItem.ForError(AppControlEvidenceIds.ActivePoliciesFolder, EvidenceKind.Properties, @"folder %windir%\System32\CodeIntegrity\CiPolicies\Active", now, error),
            EvidenceItem.ForError(AppControlEvidenceIds.SiPolicyFile, EvidenceKind.Blob, @"file %windir%\System32\CodeIntegrity\SiPolicy.p7b", now, error),
            EvidenceItem.ForError(AppControlEvidenceIds.DriverPolicyFile, EvidenceKind.Blob, @"file %windir%\System32\CodeIntegrity\driversipolicy.p7b", now, error),
            EvidenceItem.ForError(AppControlEvidenceIds.CodeIntegrityEvents, EvidenceKind.Text, EventSource, now, error),
            EvidenceItem.ForError(AppControlEvidenceIds.CodeIntegrityEventQuery, EvidenceKind.Properties, EventSource, now, error),
        ];
    }

    /// <summary>What a CiTool that is not on the node files, for both of its items.</summary>
    internal static EvidenceError CiToolMissing(string path) =>
        new(EvidenceErrorCategory.NotFound, $"CiTool.exe is not at {path}: this build of Windows does not ship it (Windows 11 22H2 and Windows Server 2025 do).");

    /// <summary>
    /// Runs CiTool for the JSON listing and, when what it wrote is not JSON (a CiTool without <c>--json</c>), for the text
    /// listing: the output as a Text item and the run as a record.
    /// </summary>
    internal static List<EvidenceItem> ReadCiTool(string path, TimeSpan timeout, Func<DateTimeOffset> clock)
    {
        string[] json = ["--list-policies", "--json"];
        string[] text = ["--list-policies"];
        var source = path + " " + string.Join(" ", json);
        if (!File.Exists(path))
        {
            return Both(source, clock(), CiToolMissing(path));
        }

        ToolRun run;
        long? jsonExitCode = null;
        try
        {
            run = ToolRunner.Run(path, json, timeout, MaxCiToolOutputBytes, MaxStandardErrorCharacters * 4);
            var (output, _) = Decode(run.StandardOutput);
            if (!run.TimedOut && CiToolPolicyListParser.DetectFormat(output) != CiToolOutputFormat.Json)
            {
                jsonExitCode = run.ExitCode;
                run = ToolRunner.Run(path, text, timeout, MaxCiToolOutputBytes, MaxStandardErrorCharacters * 4);
                source = path + " " + string.Join(" ", text);
            }
        }
        catch (Win32Exception ex)
        {
            var category = ex.NativeErrorCode switch
            {
                2 or 3 => EvidenceErrorCategory.NotFound,
                5 => EvidenceErrorCategory.AccessDenied,
                _ => EvidenceErrorCategory.Failed,
            };
            return Both(source, clock(), new EvidenceError(category, $"CiTool could not be started: {ex.Message}", ex.NativeErrorCode));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return Both(source, clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"CiTool could not be run: {ex.GetType().Name}: {ex.Message}"));
        }

        var now = clock();
        var (stdout, encoding) = Decode(run.StandardOutput);
        var (stderr, _) = Decode(run.StandardError);
        var format = CiToolPolicyListParser.DetectFormat(stdout) == CiToolOutputFormat.Json ? AppControlEvidenceIds.JsonFormat : AppControlEvidenceIds.TextFormat;
        var properties = new List<KeyValuePair<string, EvidenceValue>>
        {
            new("Path", EvidenceValue.FromString(path)),
            new("Arguments", EvidenceValue.FromMultiString(run.Arguments)),
            new(AppControlEvidenceIds.FormatProperty, EvidenceValue.FromString(format)),
            new(AppControlEvidenceIds.ExitCodeProperty, run.ExitCode is { } code ? EvidenceValue.FromInt64(code) : EvidenceValue.Null),
            new("StandardError", EvidenceValue.FromString(stderr.Length > MaxStandardErrorCharacters ? stderr.Substring(0, MaxStandardErrorCharacters) : stderr)),
            new("Encoding", EvidenceValue.FromString(encoding)),
            new("TimedOut", EvidenceValue.FromBoolean(run.TimedOut)),
        };
        if (jsonExitCode is not null)
        {
            properties.Add(new("JsonExitCode", EvidenceValue.FromInt64(jsonExitCode.Value)));
        }

        var record = EvidenceItem.ForRecords(AppControlEvidenceIds.CiToolRun, source, now, [new EvidenceRecord(properties)]);
        if (run.TimedOut)
        {
            var seconds = timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            return [EvidenceItem.ForError(AppControlEvidenceIds.CiToolPolicies, EvidenceKind.Text, source, now, new EvidenceError(EvidenceErrorCategory.Failed, $"CiTool did not finish within {seconds} s and was stopped.")), record];
        }

        if (run.OutputTruncated)
        {
            return [EvidenceItem.ForError(AppControlEvidenceIds.CiToolPolicies, EvidenceKind.Text, source, now, new EvidenceError(EvidenceErrorCategory.Failed, $"CiTool wrote more than {MaxCiToolOutputBytes} bytes; no policy listing is that long.")), record];
        }

        return [EvidenceItem.ForText(AppControlEvidenceIds.CiToolPolicies, source, now, stdout), record];

        static List<EvidenceItem> Both(string source, DateTimeOffset now, EvidenceError error) =>
        [
            EvidenceItem.ForError(AppControlEvidenceIds.CiToolPolicies, EvidenceKind.Text, source, now, error),
            EvidenceItem.ForError(AppControlEvidenceIds.CiToolRun, EvidenceKind.Properties, source, now, error),
        ];
    }

    /// <summary>A tool's output bytes as text (<see cref="ToolOutputText.Decode"/>).</summary>
    internal static (string Text, string Encoding) Decode(byte[] bytes) => ToolOutputText.Decode(bytes);

    /// <summary>The Active folder's listing and files, and the two legacy policy files, under <paramref name="codeIntegrityFolder"/>.</summary>
    internal static List<EvidenceItem> ReadPolicyFiles(string codeIntegrityFolder, Func<DateTimeOffset> clock)
    {
        var items = new List<EvidenceItem>();
        var active = Path.Combine(codeIntegrityFolder, "CiPolicies", "Active");
        var folderSource = "folder " + active;
        try
        {
            var files = new DirectoryInfo(active).GetFiles("*.cip")
                .Where(f => string.Equals(f.Extension, ".cip", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Take(AppControlEvidenceIds.MaxPolicyFiles)
                .ToList();
            var records = files.Select(f => new EvidenceRecord(
            [
                new("Name", EvidenceValue.FromString(f.Name)),
                new("Length", EvidenceValue.FromUInt64((ulong)f.Length)),
                new("LastWriteTime", EvidenceValue.FromDateTime(f.LastWriteTimeUtc)),
            ])).ToList();
            items.Add(EvidenceItem.ForRecords(AppControlEvidenceIds.ActivePoliciesFolder, folderSource, clock(), records));
            foreach (var file in files)
            {
                items.Add(ReadFile(AppControlEvidenceIds.ActivePolicyFile(file.Name), file.FullName, clock));
            }
        }
        catch (DirectoryNotFoundException)
        {
            items.Add(EvidenceItem.ForError(AppControlEvidenceIds.ActivePoliciesFolder, EvidenceKind.Properties, folderSource, clock(), new EvidenceError(EvidenceErrorCategory.NotFound, $"{active} does not exist: no multiple-policy-format policy was deployed.")));
        }
        catch (UnauthorizedAccessException ex)
        {
            items.Add(EvidenceItem.ForError(AppControlEvidenceIds.ActivePoliciesFolder, EvidenceKind.Properties, folderSource, clock(), new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message)));
        }
        catch (IOException ex)
        {
            items.Add(EvidenceItem.ForError(AppControlEvidenceIds.ActivePoliciesFolder, EvidenceKind.Properties, folderSource, clock(), new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult)));
        }

        items.Add(ReadFile(AppControlEvidenceIds.SiPolicyFile, Path.Combine(codeIntegrityFolder, "SiPolicy.p7b"), clock));
        items.Add(ReadFile(AppControlEvidenceIds.DriverPolicyFile, Path.Combine(codeIntegrityFolder, "driversipolicy.p7b"), clock));
        return items;
    }

    /// <summary>One policy file as a Blob, bounded by <see cref="AppControlEvidenceIds.MaxPolicyFileBytes"/>.</summary>
    private static EvidenceItem ReadFile(string id, string path, Func<DateTimeOffset> clock)
    {
        var source = "file " + path;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var content = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (content.Length + n > AppControlEvidenceIds.MaxPolicyFileBytes)
                {
                    return Error(EvidenceErrorCategory.Failed, string.Format(CultureInfo.InvariantCulture, "{0} is larger than {1} bytes; no policy is.", path, AppControlEvidenceIds.MaxPolicyFileBytes));
                }

                content.Write(chunk, 0, n);
            }

            return EvidenceItem.ForBlob(id, source, clock(), content.ToArray());
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Error(EvidenceErrorCategory.NotFound, $"{path} does not exist.");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Error(EvidenceErrorCategory.AccessDenied, ex.Message);
        }
        catch (IOException ex)
        {
            return Error(EvidenceErrorCategory.Failed, ex.Message, ex.HResult);
        }

        EvidenceItem Error(EvidenceErrorCategory category, string message, long? code = null) =>
            EvidenceItem.ForError(id, EvidenceKind.Blob, source, clock(), new EvidenceError(category, message, code));
    }

    /// <summary>The events of the window, newest first, and the record of how they were read.</summary>
    private static List<EvidenceItem> ReadEvents(int days, int maxEvents, DateTimeOffset now)
    {
        var xpath = Query(days);
        var query = new EventLogQuery(AppControlEvidenceIds.CodeIntegrityLogName, PathType.LogName, xpath) { ReverseDirection = true };
        try
        {
            var text = new StringBuilder();
            var count = 0;
            var truncated = false;
            using var reader = new EventLogReader(query);
            while (true)
            {
                using var record = reader.ReadEvent();
                if (record is null)
                {
                    break;
                }

                if (count == maxEvents)
                {
                    truncated = true;
                    break;
                }

                text.Append(record.ToXml()).Append('\n');
                count++;
            }

            return
            [
                EvidenceItem.ForText(AppControlEvidenceIds.CodeIntegrityEvents, EventSource, now, text.ToString()),
                EvidenceItem.ForRecords(AppControlEvidenceIds.CodeIntegrityEventQuery, EventSource, now,
                [
                    new EvidenceRecord(
                    [
                        new("Query", EvidenceValue.FromString(xpath)),
                        new("Days", EvidenceValue.FromUInt64((ulong)days)),
                        new("MaxRecords", EvidenceValue.FromUInt64((ulong)maxEvents)),
                        new("Count", EvidenceValue.FromUInt64((ulong)count)),
                        new("Truncated", EvidenceValue.FromBoolean(truncated)),
                    ]),
                ]),
            ];
        }
        catch (EventLogNotFoundException ex)
        {
            return Failed(EvidenceErrorCategory.NotFound, $"The {AppControlEvidenceIds.CodeIntegrityLogName} log was not found: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(EvidenceErrorCategory.AccessDenied, $"Reading the {AppControlEvidenceIds.CodeIntegrityLogName} log was denied: {ex.Message}", ex);
        }
        catch (EventLogException ex)
        {
            return Failed(EvidenceErrorCategory.Failed, $"Reading the {AppControlEvidenceIds.CodeIntegrityLogName} log failed: {ex.Message}", ex);
        }
        catch (PlatformNotSupportedException ex)
        {
            return Failed(EvidenceErrorCategory.NotSupported, "This runtime cannot read Windows event logs: " + ex.Message, ex);
        }

        List<EvidenceItem> Failed(EvidenceErrorCategory category, string message, Exception ex)
        {
            var error = new EvidenceError(category, message, unchecked((uint)ex.HResult));
            return
            [
                EvidenceItem.ForError(AppControlEvidenceIds.CodeIntegrityEvents, EvidenceKind.Text, EventSource, now, error),
                EvidenceItem.ForError(AppControlEvidenceIds.CodeIntegrityEventQuery, EvidenceKind.Properties, EventSource, now, error),
            ];
        }
    }

    /// <summary>The 64-bit System32: through Sysnative from a 32-bit process on 64-bit Windows.</summary>
    internal static string SystemFolder()
    {
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Windows);
        return Path.Combine(windows, Environment.Is64BitOperatingSystem && !Environment.Is64BitProcess ? "Sysnative" : "System32");
    }
}
