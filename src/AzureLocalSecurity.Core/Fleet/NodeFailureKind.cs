namespace AzureLocalSecurity.Fleet;

/// <summary>Why a node of a fleet assessment has no results of its own.</summary>
public enum NodeFailureKind
{
    /// <summary>The node could not be reached or refused the connection (name resolution, WinRM, Kerberos, access denied), or never answered.</summary>
    Unreachable,

    /// <summary>The node did not answer within the time allowed.</summary>
    TimedOut,

    /// <summary>The cluster reports the node as not Up (Down, Paused, Joining, Unknown), so it was not asked.</summary>
    NotUp,

    /// <summary>The capture script ran but failed or returned no capture.</summary>
    ScriptFailed,

    /// <summary>The node returned something that is not a readable capture (bad JSON, a document of the wrong shape).</summary>
    InvalidCapture,

    /// <summary>The capture was read but the analysis failed on it: a defect of the module, reported rather than hidden.</summary>
    AnalysisFailed,
}
