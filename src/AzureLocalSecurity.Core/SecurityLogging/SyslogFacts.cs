using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>How far the bundle establishes the syslog forwarder's configuration.</summary>
internal enum SyslogState
{
    /// <summary>The bundle has no syslog item.</summary>
    NotCollected,

    /// <summary>Get-AzSSyslogForwarder is not on the node.</summary>
    CmdletMissing,

    /// <summary>The read failed, or its output could not be read, or it returned nothing.</summary>
    Failed,

    /// <summary>A configuration was read.</summary>
    Parsed,
}

/// <summary>The syslog forwarder's configuration as the bundle gives it.</summary>
internal sealed class SyslogFacts
{
    private SyslogFacts(SyslogState state, SyslogForwarderConfiguration? configuration, string? source, string? reason)
    {
        State = state;
        Configuration = configuration;
        Source = source;
        Reason = reason;
    }

    internal SyslogState State { get; }

    internal SyslogForwarderConfiguration? Configuration { get; }

    internal string? Source { get; }

    internal string? Reason { get; }

    internal static SyslogFacts Read(EvidenceBundle bundle)
    {
        const string Look = "Run Get-AzSSyslogForwarder -Local on the node to see its configuration.";
        var item = bundle.Find(SecurityLoggingEvidenceIds.SyslogForwarder);
        if (item is null)
        {
            return new(SyslogState.NotCollected, null, null, "The bundle has no Get-AzSSyslogForwarder output (the in-box capture and bundles of earlier module versions do not record it). " + Look);
        }

        if (item.Error is { } error)
        {
            return error.Category == EvidenceErrorCategory.NotFound
                ? new(SyslogState.CmdletMissing, null, item.Source, error.Message)
                : new(SyslogState.Failed, null, item.Source, $"Get-AzSSyslogForwarder -Local could not be read ({error.Category}: {error.Message}). {Look}");
        }

        try
        {
            var configurations = SyslogForwarderOutputParser.Parse(item.GetText() ?? string.Empty);
            if (configurations.Count == 0)
            {
                return new(SyslogState.Failed, null, item.Source, "Get-AzSSyslogForwarder -Local returned nothing; Microsoft does not document whether that means no configuration. " + Look);
            }

            return new(SyslogState.Parsed, configurations[0], item.Source, null);
        }
        catch (SyslogForwarderOutputException ex)
        {
            return new(SyslogState.Failed, null, item.Source, $"The output of Get-AzSSyslogForwarder -Local could not be read: {ex.Message}. {Look}");
        }
    }
}
