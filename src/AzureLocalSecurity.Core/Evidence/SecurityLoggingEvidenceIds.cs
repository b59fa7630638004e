using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids the security-logging facts are filed under (issue 12): where a node's security events go (Azure Local's syslog
/// forwarder, Windows Event Forwarding) and whether the event channels the module reads are on and large enough. Everything is
/// kept as Windows gave it: registry keys whole (<see cref="EvidenceIds.Registry"/>), the event log service's answers per
/// channel as a record, and <c>Get-AzSSyslogForwarder -Local</c>'s output as text; meaning is derived only when a bundle is
/// read (<see cref="SecurityLogging.SecurityLoggingChecks"/>).
/// </summary>
public static class SecurityLoggingEvidenceIds
{
    /// <summary>The Security log.</summary>
    public const string SecurityChannel = "Security";

    /// <summary>The System log, where Microsoft-Windows-TPM-WMI writes its Secure Boot servicing events (KB5016061).</summary>
    public const string SystemChannel = "System";

    /// <summary>The Code Integrity (App Control) operational channel.</summary>
    public const string CodeIntegrityChannel = AppControlEvidenceIds.CodeIntegrityLogName;

    /// <summary>The BitLocker management channel (Microsoft-Windows-BitLocker-API's admin channel).</summary>
    public const string BitLockerChannel = "Microsoft-Windows-BitLocker/BitLocker Management";

    /// <summary>The channels whose state and size are recorded, in the order the checks report them.</summary>
    public static readonly IReadOnlyList<string> Channels = [SecurityChannel, SystemChannel, CodeIntegrityChannel, BitLockerChannel];

    /// <summary>
    /// Source-initiated Windows Event Forwarding: the "Configure target Subscription Manager" policy. Each value (named
    /// <c>1</c>, <c>2</c>, ...) is a string such as <c>Server=https://wec.contoso.com:5986/wsman/SubscriptionManager/WEC,Refresh=60,IssuerCA=thumbprint</c>.
    /// NotFound when no policy reached the node.
    /// </summary>
    public const string SubscriptionManagerKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\EventLog\EventForwarding\SubscriptionManager";

    /// <summary>Collector-side subscriptions (the node acting as a Windows Event Collector): one subkey per subscription.</summary>
    public const string CollectorSubscriptionsKey = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\EventCollector\Subscriptions";

    /// <summary>The event log configuration of the modern channels: one subkey per channel with <c>Enabled</c>, <c>MaxSize</c> (bytes), <c>Retention</c>, <c>AutoBackupLogFiles</c>.</summary>
    public const string ChannelsKey = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WINEVT\Channels";

    /// <summary>The classic logs' service configuration: one subkey per log (<c>Security</c>, <c>System</c>) with <c>MaxSize</c> (bytes), <c>Retention</c>, <c>AutoBackupLogFiles</c>.</summary>
    public const string ClassicLogsKey = @"HKLM\SYSTEM\CurrentControlSet\Services\EventLog";

    /// <summary>
    /// The event log policies (Group Policy "Event Log Service", Policy CSP EventLogService): one subkey per log (<c>Security</c>,
    /// <c>System</c>, ...) with <c>MaxSize</c> (REG_DWORD, kilobytes), <c>Retention</c> and <c>AutoBackupLogFiles</c> (REG_SZ). A
    /// policy value overrides the local configuration.
    /// </summary>
    public const string EventLogPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\EventLog";

    /// <summary>The registry key of a channel's configuration: <see cref="ClassicLogsKey"/> for Security and System, <see cref="ChannelsKey"/> for the others.</summary>
    public static string ChannelKey(string channel) =>
        IsClassic(channel) ? ClassicLogsKey + @"\" + channel : ChannelsKey + @"\" + (channel ?? throw new ArgumentNullException(nameof(channel)));

    /// <summary>The policy key of a channel (<see cref="EventLogPolicyKey"/>\&lt;channel&gt;).</summary>
    public static string ChannelPolicyKey(string channel) => EventLogPolicyKey + @"\" + (channel ?? throw new ArgumentNullException(nameof(channel)));

    /// <summary>Whether the channel is one of the classic logs whose configuration is under <see cref="ClassicLogsKey"/>.</summary>
    public static bool IsClassic(string channel) =>
        string.Equals(channel, SecurityChannel, StringComparison.OrdinalIgnoreCase) || string.Equals(channel, SystemChannel, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The registry keys recorded, each whole under <see cref="EvidenceIds.Registry"/>(key): the subscription manager policy, the
    /// collector's subscriptions, and each channel's configuration and policy key. The in-box capture reads them too.
    /// </summary>
    public static readonly IReadOnlyList<string> RegistryKeys =
    [
        SubscriptionManagerKey,
        CollectorSubscriptionsKey,
        ChannelKey(SecurityChannel),
        ChannelKey(SystemChannel),
        ChannelKey(CodeIntegrityChannel),
        ChannelKey(BitLockerChannel),
        ChannelKey(SecurityChannel).Replace(ClassicLogsKey, ChannelsKey),
        ChannelKey(SystemChannel).Replace(ClassicLogsKey, ChannelsKey),
        ChannelPolicyKey(SecurityChannel),
        ChannelPolicyKey(SystemChannel),
    ];

    /// <summary>
    /// <c>windows/eventlog/&lt;channel&gt;/info</c>: one record of what the event log service says about the channel, read with
    /// <c>EventLogConfiguration</c> (wevtapi EvtOpenChannelConfig) and <c>EventLogSession.GetLogInformation</c> (EvtOpenLog +
    /// EvtGetLogInfo), and the oldest and newest record read with <c>EventLogReader</c>: <c>IsEnabled</c> (Boolean),
    /// <c>LogMode</c> (String: Circular, AutoBackup or Retain), <c>MaximumSizeInBytes</c> (UInt64), <c>LogFilePath</c>
    /// (String), and where the log could be opened <c>FileSize</c>, <c>RecordCount</c>, <c>OldestRecordNumber</c> (UInt64 or
    /// Null), <c>IsLogFull</c> (Boolean or Null), <c>CreationTime</c>, <c>LastWriteTime</c>, <c>OldestEventTime</c> and
    /// <c>NewestEventTime</c> (DateTime, UTC, or Null when the log is empty). NotFound when the channel does not exist,
    /// AccessDenied (the Security log needs an administrator), Failed otherwise, NotSupported off Windows.
    /// </summary>
    public static string ChannelInfo(string channel) => "windows/eventlog/" + (channel ?? throw new ArgumentNullException(nameof(channel))) + "/info";

    /// <summary>
    /// <c>windows/tool/AzSSyslogForwarder/local</c>: Text, what <c>Get-AzSSyslogForwarder -Local</c> (Azure Local's
    /// AzureStackOSConfigAgent) returned on the node, as Windows PowerShell's <c>ConvertTo-Json -Compress</c> of the array of
    /// objects it wrote (empty text when it wrote none). Microsoft documents the cmdlet but not its output's properties, so
    /// the text is kept whole and read by <see cref="SecurityLogging.SyslogForwarderOutputParser"/>. NotFound when the cmdlet
    /// is not on the node (not Azure Local, or a build before 23H2); Failed when it failed, did not finish in time or wrote
    /// something other than JSON; NotSupported off Windows. The bundles of the in-box capture do not have it.
    /// </summary>
    public const string SyslogForwarder = "windows/tool/AzSSyslogForwarder/local";

    /// <summary>
    /// <c>windows/tool/AzSSyslogForwarder/local/run</c>: one record about the run whose output <see cref="SyslogForwarder"/>
    /// holds: <c>Path</c> (String, powershell.exe), <c>Arguments</c> (MultiString), <c>ExitCode</c> (Int64 or Null),
    /// <c>StandardError</c> (String, at most 4,096 characters) and <c>TimedOut</c> (Boolean).
    /// </summary>
    public const string SyslogForwarderRun = "windows/tool/AzSSyslogForwarder/local/run";

    /// <summary>The exit code the syslog read uses to say the cmdlet is not on the node.</summary>
    public const int SyslogCmdletMissingExitCode = 3;
}
