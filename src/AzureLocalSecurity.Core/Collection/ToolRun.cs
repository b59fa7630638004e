using System.Collections.Generic;

namespace AzureLocalSecurity.Collection;

/// <summary>What one run of a command-line tool gave: its exit code, what it wrote (bounded) and whether it had to be stopped.</summary>
public sealed class ToolRun
{
    /// <summary>The tool that was run.</summary>
    public string Path { get; internal set; } = string.Empty;

    /// <summary>The arguments it was given, one by one.</summary>
    public IReadOnlyList<string> Arguments { get; internal set; } = [];

    /// <summary>The exit code; null when the process could not be waited for after it was stopped.</summary>
    public int? ExitCode { get; internal set; }

    /// <summary>Standard output, at most the bytes asked for.</summary>
    public byte[] StandardOutput { get; internal set; } = [];

    /// <summary>Whether standard output was longer than what was kept.</summary>
    public bool OutputTruncated { get; internal set; }

    /// <summary>Standard error, at most the bytes asked for.</summary>
    public byte[] StandardError { get; internal set; } = [];

    /// <summary>Whether the tool did not finish in time and was stopped.</summary>
    public bool TimedOut { get; internal set; }
}
