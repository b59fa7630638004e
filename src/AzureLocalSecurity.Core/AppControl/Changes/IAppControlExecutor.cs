using System.Collections.Generic;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Collection;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>
/// The calls an App Control plan needs. The Windows implementation is a thin shell (files created new, CiTool through the
/// bounded no-shell runner, a fresh capture of the App Control and Secured-core facts); tests use fakes. Each call throws
/// (an IOException, UnauthorizedAccessException or Win32Exception) when it cannot be done; the runner turns that into a
/// failed step.
/// </summary>
public interface IAppControlExecutor
{
    /// <summary>Writes <paramref name="content"/> to a new file at <paramref name="path"/>, creating its folder; never overwrites a file (FileMode.CreateNew).</summary>
    void WriteFile(string path, byte[] content);

    /// <summary>Runs <c>%windir%\System32\CiTool.exe</c> with <paramref name="arguments"/>, one by one, and a timeout.</summary>
    ToolRun RunCiTool(IReadOnlyList<string> arguments);

    /// <summary>Reads the node's App Control state again, from a fresh capture.</summary>
    ApplicationControlState ReadState();
}
