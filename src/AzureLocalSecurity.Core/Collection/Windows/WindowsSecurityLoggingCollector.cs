using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.Eventing.Reader;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the security-logging facts of <see cref="SecurityLoggingEvidenceIds"/>: the Windows Event Forwarding and event log
/// registry keys whole (<see cref="SecurityLoggingEvidenceIds.RegistryKeys"/>, and each collector subscription's key), each
/// channel's configuration and state from the event log service through <c>System.Diagnostics.Eventing.Reader</c>
/// (EventLogConfiguration, EventLogSession.GetLogInformation and the oldest and newest record; WINAPI.md §9, no P/Invoke), and
/// Azure Local's syslog forwarder configuration by running <c>Get-AzSSyslogForwarder -Local</c> in Windows PowerShell, since
/// that cmdlet is the only documented interface to it. Nothing is decided here; every fact that could not be read is an error
/// item of its own. Off Windows every id is NotSupported.
/// </summary>
public sealed class WindowsSecurityLoggingCollector : IEvidenceCollector
{
    /// <summary>How long the syslog read may run (the Azure Local module takes seconds to load).</summary>
    internal static readonly TimeSpan SyslogTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The most bytes of the syslog read's output kept.</summary>
    internal const int MaxSyslogOutputBytes = 1024 * 1024;

    /// <summary>The most characters of standard error kept.</summary>
    internal const int MaxStandardErrorCharacters = 4096;

    /// <summary>The most collector subscriptions whose keys are read.</summary>
    internal const int MaxCollectorSubscriptions = 64;

    /// <summary>
    /// The script the syslog read runs: exit 3 when the cmdlet is not there, otherwise the objects it returns as one JSON array.
    /// Fixed text; nothing from outside is put into it.
    /// </summary>
    internal const string SyslogScript =
        "$ErrorActionPreference = 'Stop'; [Console]::OutputEncoding = [Text.Encoding]::UTF8; " +
        "if (-not (Get-Command -Name Get-AzSSyslogForwarder -ErrorAction SilentlyContinue)) { exit 3 }; " +
        "$c = @(Get-AzSSyslogForwarder -Local); if ($c.Count -gt 0) { ConvertTo-Json -InputObject $c -Depth 3 -Compress }";

    private const string NotWindows = "Windows facts are read only on Windows.";

    private readonly bool _readSyslog;

    /// <summary>Creates the collector.</summary>
    public WindowsSecurityLoggingCollector()
        : this(readSyslog: true)
    {
    }

    /// <summary>Creates the collector, running the syslog read only when asked.</summary>
    internal WindowsSecurityLoggingCollector(bool readSyslog)
    {
        _readSyslog = readSyslog;
    }

    /// <inheritdoc />
    public string Name => "WindowsSecurityLogging";

    /// <summary>The arguments powershell.exe is given, one by one.</summary>
    internal static IReadOnlyList<string> SyslogArguments { get; } = ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", SyslogScript];

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? CollectOnWindows(context, _readSyslog) : NotSupported(context.Clock());
    }

    /// <summary>Every fixed id the collector files, each NotSupported: what it reports off Windows.</summary>
    internal static List<EvidenceItem> NotSupported(DateTimeOffset now)
    {
        var error = new EvidenceError(EvidenceErrorCategory.NotSupported, NotWindows);
        var items = new List<EvidenceItem>();
        foreach (var key in SecurityLoggingEvidenceIds.RegistryKeys)
        {
            items.Add(EvidenceItem.ForError(EvidenceIds.Registry(key), EvidenceKind.Registry, "Registry " + key, now, error));
        }

        foreach (var channel in SecurityLoggingEvidenceIds.Channels)
        {
            items.Add(EvidenceItem.ForError(SecurityLoggingEvidenceIds.ChannelInfo(channel), EvidenceKind.Properties, InfoSource(channel), now, error));
        }

        items.Add(EvidenceItem.ForError(SecurityLoggingEvidenceIds.SyslogForwarder, EvidenceKind.Text, "Get-AzSSyslogForwarder -Local", now, error));
        items.Add(EvidenceItem.ForError(SecurityLoggingEvidenceIds.SyslogForwarderRun, EvidenceKind.Properties, "Get-AzSSyslogForwarder -Local", now, error));
        return items;
    }

    internal static string InfoSource(string channel) => $"Event log service, channel {channel} (EventLogConfiguration, GetLogInformation, EventLogReader)";

    [SupportedOSPlatform("windows")]
    private static List<EvidenceItem> CollectOnWindows(CollectionContext context, bool readSyslog)
    {
        var items = new List<EvidenceItem>();
        foreach (var key in SecurityLoggingEvidenceIds.RegistryKeys)
        {
            items.Add(WindowsBaselineCollector.Guard(EvidenceIds.Registry(key), EvidenceKind.Registry, "Registry " + key, context, now => WindowsRegistryReader.ReadKey(key, now)));
        }

        // Each collector-side subscription's own key, as the subscriptions key lists them.
        if (items.Find(i => i.Id == EvidenceIds.Registry(SecurityLoggingEvidenceIds.CollectorSubscriptionsKey))?.Registry is { } subscriptions)
        {
            foreach (var name in subscriptions.SubKeys)
            {
                if (items.Count >= SecurityLoggingEvidenceIds.RegistryKeys.Count + MaxCollectorSubscriptions)
                {
                    break;
                }

                var key = SecurityLoggingEvidenceIds.CollectorSubscriptionsKey + @"\" + name;
                items.Add(WindowsBaselineCollector.Guard(EvidenceIds.Registry(key), EvidenceKind.Registry, "Registry " + key, context, now => WindowsRegistryReader.ReadKey(key, now)));
            }
        }

        foreach (var channel in SecurityLoggingEvidenceIds.Channels)
        {
            items.Add(WindowsBaselineCollector.Guard(SecurityLoggingEvidenceIds.ChannelInfo(channel), EvidenceKind.Properties, InfoSource(channel), context, now => ReadChannel(channel, now)));
        }

        if (readSyslog)
        {
            items.AddRange(ReadSyslog(PowerShellPath(), SyslogTimeout, context.Clock));
        }

        return items;
    }

    /// <summary>Windows PowerShell 5.1, which every Azure Local node has and where AzureStackOSConfigAgent is installed.</summary>
    [SupportedOSPlatform("windows")]
    internal static string PowerShellPath() => Path.Combine(WindowsAppControlCollector.SystemFolder(), "WindowsPowerShell", "v1.0", "powershell.exe");

    [SupportedOSPlatform("windows")]
    private static EvidenceItem ReadChannel(string channel, DateTimeOffset now)
    {
        var id = SecurityLoggingEvidenceIds.ChannelInfo(channel);
        var source = InfoSource(channel);
        try
        {
            var properties = new List<KeyValuePair<string, EvidenceValue>>();
            using (var session = new EventLogSession())
            using (var config = new EventLogConfiguration(channel, session))
            {
                properties.Add(new("IsEnabled", EvidenceValue.FromBoolean(config.IsEnabled)));
                properties.Add(new("LogMode", EvidenceValue.FromString(config.LogMode.ToString())));
                properties.Add(new("MaximumSizeInBytes", EvidenceValue.FromUInt64((ulong)Math.Max(0, config.MaximumSizeInBytes))));
                properties.Add(new("LogFilePath", config.LogFilePath is { } path ? EvidenceValue.FromString(path) : EvidenceValue.Null));
                AddLogInformation(session, channel, properties);
            }

            AddEventTime(channel, reverse: false, "OldestEventTime", properties);
            AddEventTime(channel, reverse: true, "NewestEventTime", properties);
            return EvidenceItem.ForRecords(id, source, now, [new EvidenceRecord(properties)]);
        }
        catch (EventLogNotFoundException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Properties, source, now, new EvidenceError(EvidenceErrorCategory.NotFound, ex.Message, ex.HResult));
        }
        catch (UnauthorizedAccessException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Properties, source, now, new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message, ex.HResult));
        }
        catch (EventLogException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Properties, source, now, new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult));
        }
    }

    /// <summary>EvtGetLogInfo's answers (through GetLogInformation); Null where the log file could not be opened for them.</summary>
    [SupportedOSPlatform("windows")]
    private static void AddLogInformation(EventLogSession session, string channel, List<KeyValuePair<string, EvidenceValue>> properties)
    {
        EventLogInformation? info = null;
        try
        {
            info = session.GetLogInformation(channel, PathType.LogName);
        }
        catch (EventLogException)
        {
            // A disabled or never-written channel may have no file to ask; the configuration above still stands.
        }

        properties.Add(new("FileSize", Unsigned(info?.FileSize)));
        properties.Add(new("RecordCount", Unsigned(info?.RecordCount)));
        properties.Add(new("OldestRecordNumber", Unsigned(info?.OldestRecordNumber)));
        properties.Add(new("IsLogFull", info?.IsLogFull is { } full ? EvidenceValue.FromBoolean(full) : EvidenceValue.Null));
        properties.Add(new("CreationTime", info?.CreationTime is { } created ? EvidenceValue.FromDateTime(created.ToUniversalTime()) : EvidenceValue.Null));
        properties.Add(new("LastWriteTime", info?.LastWriteTime is { } written ? EvidenceValue.FromDateTime(written.ToUniversalTime()) : EvidenceValue.Null));
    }

    /// <summary>The time of the first record read forwards (the oldest) or backwards (the newest); Null for an empty log.</summary>
    [SupportedOSPlatform("windows")]
    private static void AddEventTime(string channel, bool reverse, string name, List<KeyValuePair<string, EvidenceValue>> properties)
    {
        DateTime? time = null;
        try
        {
            using var reader = new EventLogReader(new EventLogQuery(channel, PathType.LogName) { ReverseDirection = reverse });
            using var record = reader.ReadEvent();
            time = record?.TimeCreated?.ToUniversalTime();
        }
        catch (EventLogException)
        {
            // A disabled channel cannot be queried; the time stays unknown.
        }

        properties.Add(new(name, time is { } t ? EvidenceValue.FromDateTime(t) : EvidenceValue.Null));
    }

    private static EvidenceValue Unsigned(long? value) => value is { } v && v >= 0 ? EvidenceValue.FromUInt64((ulong)v) : EvidenceValue.Null;

    /// <summary>Runs the syslog read: the output as a Text item and the run as a record.</summary>
    internal static List<EvidenceItem> ReadSyslog(string path, TimeSpan timeout, Func<DateTimeOffset> clock)
    {
        var source = path + " -Command Get-AzSSyslogForwarder -Local";
        if (!File.Exists(path))
        {
            return Both(source, clock(), new EvidenceError(EvidenceErrorCategory.NotFound, $"Windows PowerShell is not at {path}."));
        }

        ToolRun run;
        try
        {
            run = ToolRunner.Run(path, SyslogArguments, timeout, MaxSyslogOutputBytes, MaxStandardErrorCharacters * 4);
        }
        catch (Win32Exception ex)
        {
            var category = ex.NativeErrorCode switch
            {
                2 or 3 => EvidenceErrorCategory.NotFound,
                5 => EvidenceErrorCategory.AccessDenied,
                _ => EvidenceErrorCategory.Failed,
            };
            return Both(source, clock(), new EvidenceError(category, $"Windows PowerShell could not be started: {ex.Message}", ex.NativeErrorCode));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return Both(source, clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"Windows PowerShell could not be run: {ex.GetType().Name}: {ex.Message}"));
        }

        var now = clock();
        var (stdout, _) = ToolOutputText.Decode(run.StandardOutput);
        var (stderr, _) = ToolOutputText.Decode(run.StandardError);
        if (stderr.Length > MaxStandardErrorCharacters)
        {
            stderr = stderr.Substring(0, MaxStandardErrorCharacters);
        }

        var record = EvidenceItem.ForRecords(SecurityLoggingEvidenceIds.SyslogForwarderRun, source, now,
        [
            new EvidenceRecord(
            [
                new("Path", EvidenceValue.FromString(path)),
                new("Arguments", EvidenceValue.FromMultiString(run.Arguments)),
                new("ExitCode", run.ExitCode is { } code ? EvidenceValue.FromInt64(code) : EvidenceValue.Null),
                new("StandardError", EvidenceValue.FromString(stderr)),
                new("TimedOut", EvidenceValue.FromBoolean(run.TimedOut)),
            ]),
        ]);

        EvidenceError? error = null;
        if (run.TimedOut)
        {
            error = new EvidenceError(EvidenceErrorCategory.Failed, $"Get-AzSSyslogForwarder did not finish within {timeout.TotalSeconds:0} s and was stopped.");
        }
        else if (run.ExitCode == SecurityLoggingEvidenceIds.SyslogCmdletMissingExitCode)
        {
            error = new EvidenceError(EvidenceErrorCategory.NotFound, "Get-AzSSyslogForwarder is not on this node (Azure Local's AzureStackOSConfigAgent module is not installed).");
        }
        else if (run.OutputTruncated)
        {
            error = new EvidenceError(EvidenceErrorCategory.Failed, $"Get-AzSSyslogForwarder wrote more than {MaxSyslogOutputBytes} bytes; no configuration is that long.");
        }
        else if (run.ExitCode != 0)
        {
            error = new EvidenceError(EvidenceErrorCategory.Failed, $"Get-AzSSyslogForwarder -Local failed (exit code {run.ExitCode}): {stderr.Trim()}");
        }

        return error is null
            ? [EvidenceItem.ForText(SecurityLoggingEvidenceIds.SyslogForwarder, source, now, stdout), record]
            : [EvidenceItem.ForError(SecurityLoggingEvidenceIds.SyslogForwarder, EvidenceKind.Text, source, now, error), record];

        static List<EvidenceItem> Both(string source, DateTimeOffset now, EvidenceError error) =>
        [
            EvidenceItem.ForError(SecurityLoggingEvidenceIds.SyslogForwarder, EvidenceKind.Text, source, now, error),
            EvidenceItem.ForError(SecurityLoggingEvidenceIds.SyslogForwarderRun, EvidenceKind.Properties, source, now, error),
        ];
    }
}
