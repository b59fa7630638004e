using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecurityLogging;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Tests whether a node's security events reach a SIEM and are kept long enough: Azure Local's syslog forwarder (TLS, server validation, mutual authentication), Windows Event Forwarding over HTTPS, and the Security, System, Code Integrity and BitLocker Management event logs enabled and holding at least -MinimumDays of events.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALSecurityLogging", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecurityCheckResult))]
public sealed class TestALSecurityLoggingCommand : EvidenceAnalysisCommand
{
    /// <summary>The days of events each log must hold before it rolls over (default 1).</summary>
    [Parameter]
    [ValidateRange(0.01, 3650.0)]
    public double MinimumDays { get; set; } = SecurityLoggingOptions.DefaultMinimumDays;

    /// <summary>The bytes an event is estimated to take in the log file, used only when a log's history cannot be measured (default 1024).</summary>
    [Parameter]
    [ValidateRange(64, 1048576)]
    public int AverageEventBytes { get; set; } = SecurityLoggingOptions.DefaultAverageEventBytes;

    /// <summary>Events per day estimated per channel, by channel name (such as @{ Security = 250000 }), used only when a log's history cannot be measured.</summary>
    [Parameter]
    [ValidateNotNull]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "A cmdlet parameter: PowerShell's binder assigns the hashtable the user passed (-EventsPerDay @{ ... }) through the setter.")]
    public Hashtable? EventsPerDay { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => SecurityLoggingCollectors.ForThisMachine();

    private SecurityLoggingOptions? _options;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var options = new SecurityLoggingOptions { MinimumDays = MinimumDays, AverageEventBytes = AverageEventBytes };
        if (EventsPerDay is not null)
        {
            foreach (DictionaryEntry entry in EventsPerDay)
            {
                var channel = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                long count;
                try
                {
                    count = Convert.ToInt64(entry.Value, CultureInfo.InvariantCulture);
                    options.WithEventsPerDay(channel, count);
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException($"EventsPerDay: '{entry.Key}' = '{entry.Value}' is not a channel name with a whole number of events of 1 or more.", nameof(EventsPerDay), ex),
                        "InvalidEventsPerDay",
                        ErrorCategory.InvalidArgument,
                        EventsPerDay));
                }
            }
        }

        _options = options;
    }

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle) => WriteEach(SecurityLoggingChecks.Evaluate(bundle, _options));
}
