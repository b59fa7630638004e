using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Collection;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

/// <summary>
/// Records every call; files live in memory and, like FileMode.CreateNew, are never overwritten; CiTool answers what
/// <see cref="CiTool"/> says; the state read again is <see cref="State"/>'s.
/// </summary>
internal sealed class FakeAppControlExecutor : IAppControlExecutor
{
    public List<string> Calls { get; } = [];

    public Dictionary<string, byte[]> Files { get; } = [];

    /// <summary>Paths whose write throws UnauthorizedAccessException, as a folder the user may not write would.</summary>
    public HashSet<string> DeniedPaths { get; } = [];

    /// <summary>What each CiTool run gives; success with CiTool's JSON by default.</summary>
    public Func<IReadOnlyList<string>, ToolRun> CiTool { get; set; } = _ => Run(0, "{\"OperationResult\":0}");

    /// <summary>The state a check reads.</summary>
    public Func<ApplicationControlState> State { get; set; } = () => throw new InvalidOperationException("No state was set up.");

    public static ToolRun Run(int exitCode, string output = "", string error = "") => new()
    {
        Path = @"C:\Windows\System32\CiTool.exe",
        ExitCode = exitCode,
        StandardOutput = Encoding.UTF8.GetBytes(output),
        StandardError = Encoding.UTF8.GetBytes(error),
    };

    public void WriteFile(string path, byte[] content)
    {
        Calls.Add("WriteFile " + path);
        if (DeniedPaths.Contains(path))
        {
            throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
        }

        if (Files.ContainsKey(path))
        {
            throw new IOException($"The file '{path}' already exists.");
        }

        Files[path] = (byte[])content.Clone();
    }

    public ToolRun RunCiTool(IReadOnlyList<string> arguments)
    {
        Calls.Add("CiTool " + string.Join(" ", arguments));
        var run = CiTool(arguments);
        run.Arguments = arguments.ToArray();
        return run;
    }

    public ApplicationControlState ReadState()
    {
        Calls.Add("ReadState");
        return State();
    }
}
