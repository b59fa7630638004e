using System.Collections.Generic;

namespace AzureLocalSecurity.Collection;

/// <summary>What one run of a command-line tool gave: its exit code, what it wrote (bounded) and whether it had to be stopped.</summary>
internal sealed class ToolRun
{
    internal string Path { get; set; } = string.Empty;

    internal IReadOnlyList<string> Arguments { get; set; } = [];

    /// <summary>The exit code; null when the process could not be waited for after it was stopped.</summary>
    internal int? ExitCode { get; set; }

    /// <summary>Standard output, at most the bytes asked for.</summary>
    internal byte[] StandardOutput { get; set; } = [];

    /// <summary>Whether standard output was longer than what was kept.</summary>
    internal bool OutputTruncated { get; set; }

    /// <summary>Standard error, at most the bytes asked for.</summary>
    internal byte[] StandardError { get; set; } = [];

    /// <summary>Whether the tool did not finish in time and was stopped.</summary>
    internal bool TimedOut { get; set; }
}
