using System;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>What an App Control change was asked for beyond its target, shared by every plan.</summary>
public sealed class AppControlModeOptions
{
    /// <summary>The lookback unless asked otherwise: a week of audit events.</summary>
    public const int DefaultLookbackDays = 7;

    /// <summary>How many days of audit events before <see cref="Now"/> are taken as what enforcing would block.</summary>
    public int LookbackDays { get; set; } = DefaultLookbackDays;

    /// <summary>Go on where the plan would otherwise refuse for lack of proof (audit events, an unknown log, bytes that cannot be saved), with a warning.</summary>
    public bool Force { get; set; }

    /// <summary>The time the lookback window ends and the rollback file is stamped with: when the node's facts were read.</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>The folder the rollback copies are written to (on the node).</summary>
    public string? RollbackFolder { get; set; }

    /// <summary>The folder the compiled policy to deploy is staged in (on the node); each plan uses a new subfolder of it.</summary>
    public string? StagingFolder { get; set; }
}
